/*
 * smoke.c: exercises the whole C ABI from C, under valgrind in CI
 * (.ci/steps/30-ffi-c.sh). Usage: smoke REPORT.txt [EXPECTED_YEAR]
 * Exits 0 when every check passes; prints the failed checks otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ogi_report.h"

static int failures = 0;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                    \
        }                                                                  \
    } while (0)

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    long size;
    unsigned char *data;
    if (f == NULL) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    data = malloc((size_t)size + 1);
    if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return data;
}

static void check_versions(void) {
    char expected[64];
    snprintf(expected, sizeof expected, "%d.%d.%d", OGI_VERSION_MAJOR, OGI_VERSION_MINOR, OGI_VERSION_PATCH);
    CHECK(ogi_version() != NULL);
    CHECK(strncmp(ogi_version(), expected, strlen(expected)) == 0);
    CHECK(ogi_abi_version() == OGI_ABI_VERSION);
    CHECK(strcmp(ogi_status_message(OGI_STATUS_EMPTY_CELL), "the cell is empty") == 0);
    CHECK(strcmp(ogi_status_message(4242), "unknown status") == 0);
}

static void check_nulls(void) {
    ogi_report *report = NULL;
    ogi_error *err = NULL;
    ogi_buf buf = {NULL, 0};
    int32_t year = 0;
    double value = 0;
    ogi_finding f;

    CHECK(ogi_report_parse((const uint8_t *)"x", 1, NULL, &err) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(err == NULL);
    CHECK(ogi_report_parse(NULL, 3, &report, &err) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(report == NULL && err == NULL);
    CHECK(ogi_report_year(NULL, &year) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_organ(NULL, &buf) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_to_json(NULL, &buf) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_render(NULL, &buf) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_indicators_json(NULL, &buf) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_cell(NULL, "applications", "new_received", "total", &value) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_finding(NULL, 0, &f) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_findings_len(NULL) == 0);
    CHECK(ogi_report_format(NULL) == OGI_FORMAT_UNKNOWN);
    CHECK(ogi_error_message(NULL) == NULL);
    CHECK(ogi_error_line(NULL) == 0 && ogi_error_column(NULL) == 0 && ogi_error_offset(NULL) == 0);
    CHECK(buf.data == NULL);

    /* every _free accepts NULL */
    ogi_report_free(NULL);
    ogi_error_free(NULL);
    ogi_buf_free(buf);

    /* the empty input is a (empty) report */
    CHECK(ogi_report_parse(NULL, 0, &report, NULL) == OGI_STATUS_OK);
    CHECK(report != NULL);
    CHECK(ogi_report_year(report, &year) == OGI_STATUS_YEAR_UNKNOWN);
    CHECK(ogi_report_year(report, NULL) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_report_cell(report, "applications", "new_received", "total", &value) == OGI_STATUS_TABLE_ABSENT);
    ogi_report_free(report);
}

static void check_errors(void) {
    /* (FF FE would be a UTF-16LE byte order mark) */
    static const uint8_t bad[] = {0xff, 0xff, 0xfe, 0xff};
    static const uint8_t pdf[] = "%PDF-1.7\n";
    static const char nul[] = "first line\nab\0c";
    ogi_report *report = NULL;
    ogi_error *err = NULL;

    CHECK(ogi_report_parse(bad, sizeof bad, &report, &err) == OGI_STATUS_INVALID_ENCODING);
    CHECK(report == NULL);
    CHECK(err != NULL);
    CHECK(ogi_error_code(err) == OGI_STATUS_INVALID_ENCODING);
    CHECK(ogi_error_message(err) != NULL && strlen(ogi_error_message(err)) > 0);
    CHECK(ogi_error_line(err) >= 1);
    ogi_error_free(err);

    err = NULL;
    CHECK(ogi_report_parse((const uint8_t *)nul, sizeof nul - 1, &report, &err) == OGI_STATUS_BINARY_INPUT);
    CHECK(ogi_error_line(err) == 2 && ogi_error_column(err) == 3 && ogi_error_offset(err) == 13);
    ogi_error_free(err);

    /* err_out may be NULL */
    CHECK(ogi_report_parse(bad, sizeof bad, &report, NULL) == OGI_STATUS_INVALID_ENCODING);
    CHECK(report == NULL);

    /* another kind of file: named, no position (a truncated PDF is a
       malformed PDF when the library reads PDFs, another kind of file
       when it does not) */
    err = NULL;
    {
        ogi_status st = ogi_report_parse(pdf, sizeof pdf - 1, &report, &err);
        CHECK(st == OGI_STATUS_NOT_TEXT || st == OGI_STATUS_PDF_MALFORMED);
    }
    CHECK(report == NULL && err != NULL && ogi_error_line(err) == 0);
    CHECK(strstr(ogi_error_message(err), "PDF") != NULL);
    ogi_error_free(err);

    err = NULL;
    CHECK(ogi_report_from_json((const uint8_t *)"{\"format\":", 10, &report, &err) == OGI_STATUS_JSON);
    CHECK(report == NULL && err != NULL && ogi_error_line(err) == 1);
    ogi_error_free(err);
}

/* The audit across reports: the same report twice is two reports of one
   organ and year (when it names both), filed under the second name. */
static void check_across(const ogi_report *report) {
    const ogi_report *const pair[2] = {report, report};
    const ogi_report *const holed[2] = {report, NULL};
    const char *const names[2] = {"first.txt", "second.txt"};
    ogi_buf json = {NULL, 0}, organ = {NULL, 0};
    int32_t year = 0;
    int placed = ogi_report_year(report, &year) == OGI_STATUS_OK &&
                 ogi_report_organ(report, &organ) == OGI_STATUS_OK;
    ogi_buf_free(organ);

    CHECK(ogi_audit_across_json(pair, names, 2, &json) == OGI_STATUS_OK);
    CHECK(json.data != NULL && json.data[0] == '[' && json.data[json.len] == 0);
    if (placed && json.data != NULL) {
        CHECK(strstr((const char *)json.data, "\"series.duplicate\"") != NULL);
        CHECK(strstr((const char *)json.data, "\"file\":\"second.txt\"") != NULL);
        CHECK(strstr((const char *)json.data, "\"related\"") != NULL);
    }
    ogi_buf_free(json);
    json.data = NULL;
    CHECK(ogi_audit_across_json(pair, NULL, 2, &json) == OGI_STATUS_OK);
    ogi_buf_free(json);
    json.data = NULL;
    CHECK(ogi_audit_across_json(holed, NULL, 2, &json) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_audit_across_json(NULL, NULL, 1, &json) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(ogi_audit_across_json(pair, names, 2, NULL) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(json.data == NULL);
    CHECK(ogi_audit_across_json(NULL, NULL, 0, &json) == OGI_STATUS_OK);
    CHECK(json.data != NULL && strcmp((const char *)json.data, "[]") == 0);
    ogi_buf_free(json);
}

static void check_report(const char *path, int expected_year) {
    size_t len = 0, i, n;
    unsigned char *data = read_file(path, &len);
    ogi_report *report = NULL, *back = NULL;
    ogi_error *err = NULL;
    ogi_buf json = {NULL, 0}, text = {NULL, 0}, organ = {NULL, 0};
    ogi_finding f;
    int32_t year = -1;
    double value = -1;

    CHECK(data != NULL);
    if (data == NULL) return;
    CHECK(ogi_report_parse(data, len, &report, &err) == OGI_STATUS_OK);
    free(data);
    CHECK(err == NULL);
    if (report == NULL) {
        ogi_error_free(err);
        return;
    }
    if (expected_year != 0) {
        CHECK(ogi_report_year(report, &year) == OGI_STATUS_OK);
        CHECK(year == expected_year);
    }
    if (ogi_report_organ(report, &organ) == OGI_STATUS_OK) {
        CHECK(organ.data != NULL && organ.data[organ.len] == 0);
        ogi_buf_free(organ);
    }

    /* JSON round trip */
    CHECK(ogi_report_to_json(report, &json) == OGI_STATUS_OK);
    CHECK(json.len > 2 && json.data[0] == '{' && json.data[json.len] == 0);
    CHECK(ogi_report_from_json(json.data, json.len, &back, NULL) == OGI_STATUS_OK);
    CHECK(ogi_report_format(back) == ogi_report_format(report));
    CHECK(ogi_report_findings_len(back) == ogi_report_findings_len(report));
    ogi_report_free(back);
    ogi_buf_free(json);

    /* tidy cells as a JSON array */
    json.data = NULL;
    json.len = 0;
    CHECK(ogi_report_cells_json(report, &json) == OGI_STATUS_OK);
    CHECK(json.len >= 2 && json.data[0] == '[' && json.data[json.len - 1] == ']');
    CHECK(ogi_report_cells_json(NULL, &json) == OGI_STATUS_NULL_ARGUMENT);
    ogi_buf_free(json);

    CHECK(ogi_report_render(report, &text) == OGI_STATUS_OK);
    CHECK(text.data != NULL && text.data[text.len] == 0);
    ogi_buf_free(text);

    /* the indicators comparable across years: a JSON array */
    CHECK(ogi_report_indicators_json(report, &text) == OGI_STATUS_OK);
    CHECK(text.len >= 2 && text.data[0] == '[' && text.data[text.len] == 0);
    CHECK(strstr((const char *)text.data, "\"applications_received\"") != NULL);
    ogi_buf_free(text);

    /* key errors leave value_out alone */
    CHECK(ogi_report_cell(report, "nope", "new_received", "total", &value) == OGI_STATUS_UNKNOWN_TABLE);
    CHECK(ogi_report_cell(report, "applications", "nope", "total", &value) == OGI_STATUS_UNKNOWN_ROW);
    CHECK(ogi_report_cell(report, "applications", "new_received", "nope", &value) == OGI_STATUS_UNKNOWN_COLUMN);
    CHECK(ogi_report_cell(report, "applications\xff", "new_received", "total", &value) == OGI_STATUS_INVALID_KEY);
    CHECK(ogi_report_cell(report, "applications", NULL, "total", &value) == OGI_STATUS_NULL_ARGUMENT);
    CHECK(value == -1);

    n = ogi_report_findings_len(report);
    for (i = 0; i < n; i++) {
        CHECK(ogi_report_finding(report, i, &f) == OGI_STATUS_OK);
        CHECK(f.rule != NULL && f.severity != NULL && f.message != NULL);
        CHECK(strcmp(f.severity, "note") == 0 || strcmp(f.severity, "warning") == 0 ||
              strcmp(f.severity, "error") == 0);
    }
    CHECK(ogi_report_finding(report, n, &f) == OGI_STATUS_INDEX_OUT_OF_RANGE);
    check_across(report);
    ogi_report_free(report);
}

int main(int argc, char **argv) {
    int i;
    if (argc < 2) {
        fprintf(stderr, "usage: %s REPORT.txt [EXPECTED_YEAR]\n", argv[0]);
        return 2;
    }
    check_versions();
    check_nulls();
    check_errors();
    for (i = 0; i < 3; i++) check_report(argv[1], argc > 2 ? atoi(argv[2]) : 0);
    if (failures != 0) {
        fprintf(stderr, "smoke: %d check(s) failed\n", failures);
        return 1;
    }
    printf("smoke: all checks passed\n");
    return 0;
}
