/*
 * parse.c: the smallest complete C consumer of ogi-report.
 *
 * Parses one report file and prints its format, year, organ, the applications
 * total (cell applications / new_received / total: the applications received
 * this year, all applicants) and its audit findings.
 *
 * Build (from the repository root, after `cargo build`):
 *   cc -std=c99 -Wall -Wextra -Iinclude examples/c/parse.c -Ltarget/debug -logi_report -o target/parse
 *   LD_LIBRARY_PATH=target/debug target/parse report.txt
 * or: make -C examples/c && examples/c/parse report.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include "ogi_report.h"

static const char *format_name(ogi_format format) {
    switch (format) {
    case OGI_FORMAT_LEGACY: return "legacy";
    case OGI_FORMAT_2019: return "2019";
    case OGI_FORMAT_2021: return "2021";
    case OGI_FORMAT_UNKNOWN: break;
    }
    return "unknown";
}

/* Reads a whole file; returns NULL on failure. The caller frees *data. */
static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) return NULL;
    for (;;) {
        if (n == cap) {
            unsigned char *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = realloc(data, cap);
            if (bigger == NULL) { free(data); fclose(f); return NULL; }
            data = bigger;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) { free(data); fclose(f); return NULL; }
    fclose(f);
    *len = n;
    return data;
}

int main(int argc, char **argv) {
    size_t len = 0, i, count;
    unsigned char *data;
    ogi_report *report = NULL;
    ogi_error *err = NULL;
    ogi_status status;
    int32_t year;
    double total;
    ogi_buf organ = {NULL, 0};

    if (argc != 2) {
        fprintf(stderr, "usage: %s REPORT.txt\n", argv[0]);
        return 2;
    }
    if (ogi_abi_version() != OGI_ABI_VERSION) {
        fprintf(stderr, "library ABI %u, header ABI %u\n", (unsigned)ogi_abi_version(), (unsigned)OGI_ABI_VERSION);
        return 1;
    }
    data = read_file(argv[1], &len);
    if (data == NULL) {
        perror(argv[1]);
        return 1;
    }

    status = ogi_report_parse(data, len, &report, &err);
    free(data); /* the library keeps no pointer to the input */
    if (status != OGI_STATUS_OK) {
        fprintf(stderr, "%s:%u:%u: %s\n", argv[1], (unsigned)ogi_error_line(err), (unsigned)ogi_error_column(err),
                ogi_error_message(err));
        ogi_error_free(err);
        return 1;
    }

    printf("file: %s\n", argv[1]);
    printf("format: %s\n", format_name(ogi_report_format(report)));
    if (ogi_report_year(report, &year) == OGI_STATUS_OK) {
        printf("year: %d\n", (int)year);
    } else {
        printf("year: unknown\n");
    }
    if (ogi_report_organ(report, &organ) == OGI_STATUS_OK) {
        printf("organ: %s\n", (const char *)organ.data); /* NUL-terminated */
        ogi_buf_free(organ);
    } else {
        printf("organ: unknown\n");
    }

    status = ogi_report_cell(report, "applications", "new_received", "total", &total);
    if (status == OGI_STATUS_OK) {
        printf("applications total: %g\n", total);
    } else {
        printf("applications total: none (%s)\n", ogi_status_message((uint32_t)status));
    }

    count = ogi_report_findings_len(report);
    printf("findings: %lu\n", (unsigned long)count);
    for (i = 0; i < count; i++) {
        ogi_finding f;
        if (ogi_report_finding(report, i, &f) != OGI_STATUS_OK) break;
        printf("  %s %s (line %u, column %u): %s\n", f.severity, f.rule, (unsigned)f.line, (unsigned)f.column,
               f.message);
    }

    ogi_report_free(report); /* the finding strings die with it */
    return 0;
}
