//! Tests: ffi. Calls the `extern "C"` entry points from Rust the way a C
//! program would: NULL arguments, bad UTF-8 keys, unknown keys, absent
//! tables and rows, empty cells, ownership of outputs, error accessors and
//! findings.

use std::ffi::{CStr, c_char};
use std::ptr;

// `ogi_report` is both the crate and the opaque C type: import the crate
// with a leading `::` and the type under another name.
use ::ogi_report::ffi::{self, ogi_buf, ogi_error, ogi_finding, ogi_format, ogi_status};
use ::ogi_report::model::{
    ActiveDisclosureTable, AdField, AdItem, AppCol, AppRow, ApplicationsTable,
};
use ::ogi_report::{Block, Finding, Number, Report, Severity, Span, Table};

#[allow(non_camel_case_types)]
type ogi_report = ::ogi_report::ffi::ogi_report;

use crate::util::shared_dir;

/// Parses `bytes`; returns the status, the report (or NULL) and the error (or NULL).
fn parse(bytes: &[u8]) -> (ogi_status, *mut ogi_report, *mut ogi_error) {
    let mut report = ptr::null_mut();
    let mut err = ptr::null_mut();
    let status = ffi::ogi_report_parse(bytes.as_ptr(), bytes.len(), &mut report, &mut err);
    (status, report, err)
}

fn parse_ok(bytes: &[u8]) -> *mut ogi_report {
    let (status, report, err) = parse(bytes);
    assert_eq!(status, ogi_status::Ok, "{}", message(err));
    assert!(!report.is_null());
    assert!(err.is_null(), "err_out written on success");
    report
}

fn message(err: *const ogi_error) -> String {
    let p = ffi::ogi_error_message(err);
    if p.is_null() {
        String::new()
    } else {
        unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned()
    }
}

fn take_buf(buf: ogi_buf) -> String {
    assert!(!buf.data.is_null());
    let bytes = unsafe { std::slice::from_raw_parts(buf.data, buf.len + 1) };
    assert_eq!(bytes[buf.len], 0, "buffer is NUL-terminated");
    let s = String::from_utf8(bytes[..buf.len].to_vec()).expect("UTF-8");
    ffi::ogi_buf_free(buf);
    s
}

fn cell(
    report: *const ogi_report,
    table: &CStr,
    row: &CStr,
    column: &CStr,
) -> Result<f64, ogi_status> {
    let mut value = -1.0;
    match ffi::ogi_report_cell(
        report,
        table.as_ptr(),
        row.as_ptr(),
        column.as_ptr(),
        &mut value,
    ) {
        ogi_status::Ok => Ok(value),
        status => {
            assert_eq!(value, -1.0, "value_out written on failure");
            Err(status)
        }
    }
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(shared_dir().join("corpus/seeds").join(name)).expect("corpus seed")
}

fn span(line: u32, column: u32) -> Span {
    Span {
        start: 0,
        end: 1,
        line,
        column,
        page: None,
    }
}

/// A hand-built report with known tables, meta and findings, sent through
/// `ogi_report_from_json` so these tests do not depend on the parser.
fn built() -> *mut ogi_report {
    let mut app = ApplicationsTable {
        columns: vec![AppCol::NaturalPerson, AppCol::Total],
        ..Default::default()
    };
    app.rows.insert(
        AppRow::NewReceived,
        [
            (AppCol::NaturalPerson, Some(Number::int(12))),
            (AppCol::Total, None),
        ]
        .into_iter()
        .collect(),
    );
    app.rows.insert(
        AppRow::CarriedOver,
        [(AppCol::Total, Some(Number::new(15, 1).unwrap()))]
            .into_iter()
            .collect(),
    );
    let mut ad = ActiveDisclosureTable::default();
    ad.items.insert(
        AdItem::NormativeDocuments,
        [(AdField::Issued, Some(Number::int(4)))]
            .into_iter()
            .collect(),
    );
    let mut report = Report {
        preamble: vec![
            Block::Table(Box::new(Table::Applications(app))),
            Block::Table(Box::new(Table::ActiveDisclosure(ad))),
        ],
        findings: vec![
            Finding {
                rule: "applications.balance".into(),
                severity: Severity::Error,
                message: "total does not add up".into(),
                span: Some(span(7, 3)),
                expected: Some(Number::int(3)),
                found: Some(Number::int(4)),
                column: Some("total".into()),
                table: Some("applications".into()),
                row: Some("new_received".into()),
                related: Vec::new(),
            },
            Finding {
                rule: "meta.year_missing".into(),
                severity: Severity::Note,
                message: "has a \0 NUL".into(),
                span: None,
                expected: None,
                found: None,
                column: None,
                table: None,
                row: None,
                related: Vec::new(),
            },
        ],
        ..Default::default()
    };
    report.meta.year = Some(2021);
    report.meta.organ = Some("青龙镇人民政府".into());
    let json = report.to_json().unwrap();
    let mut out = ptr::null_mut();
    let status = ffi::ogi_report_from_json(json.as_ptr(), json.len(), &mut out, ptr::null_mut());
    assert_eq!(status, ogi_status::Ok);
    out
}

#[test]
fn versions() {
    let v = unsafe { CStr::from_ptr(ffi::ogi_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(ffi::ogi_abi_version(), ffi::OGI_ABI_VERSION);
    assert_eq!(ffi::ogi_abi_version(), 1);
}

#[test]
fn status_numbers_are_permanent() {
    // Never change these: C and Python programs are compiled against them.
    let expected: &[(ogi_status, u32)] = &[
        (ogi_status::Ok, 0),
        (ogi_status::NullArgument, 100),
        (ogi_status::InvalidKey, 101),
        (ogi_status::InvalidArgument, 102),
        (ogi_status::InvalidEncoding, 200),
        (ogi_status::InvalidUtf8, 201),
        (ogi_status::InputTooLarge, 300),
        (ogi_status::BinaryInput, 301),
        (ogi_status::ParseError, 399),
        (ogi_status::Json, 400),
        (ogi_status::UnknownTable, 500),
        (ogi_status::UnknownRow, 501),
        (ogi_status::UnknownColumn, 502),
        (ogi_status::TableAbsent, 510),
        (ogi_status::RowAbsent, 511),
        (ogi_status::ColumnAbsent, 512),
        (ogi_status::EmptyCell, 513),
        (ogi_status::YearUnknown, 520),
        (ogi_status::OrganUnknown, 521),
        (ogi_status::IndexOutOfRange, 530),
        (ogi_status::Internal, 900),
        (ogi_status::Panic, 901),
    ];
    for (status, n) in expected {
        assert_eq!(*status as u32, *n, "{status:?}");
        let msg = unsafe { CStr::from_ptr(ffi::ogi_status_message(*n)) }
            .to_str()
            .unwrap();
        assert_ne!(msg, "unknown status", "{status:?}");
    }
    let unknown = unsafe { CStr::from_ptr(ffi::ogi_status_message(12345)) };
    assert_eq!(unknown.to_str().unwrap(), "unknown status");
    assert_eq!(ogi_format::Unknown as u32, 0);
    assert_eq!(ogi_format::Legacy as u32, 1);
    assert_eq!(ogi_format::_2019 as u32, 2);
    assert_eq!(ogi_format::_2021 as u32, 3);
}

#[test]
fn null_arguments() {
    let mut report = ptr::null_mut();
    let mut err = ptr::null_mut();
    // report_out NULL
    assert_eq!(
        ffi::ogi_report_parse(b"x".as_ptr(), 1, ptr::null_mut(), &mut err),
        ogi_status::NullArgument
    );
    assert!(err.is_null());
    // data NULL with a length
    assert_eq!(
        ffi::ogi_report_parse(ptr::null(), 5, &mut report, &mut err),
        ogi_status::NullArgument
    );
    assert!(report.is_null() && err.is_null());
    assert_eq!(
        ffi::ogi_report_from_json(ptr::null(), 5, &mut report, &mut err),
        ogi_status::NullArgument
    );
    assert!(report.is_null());
    // data NULL with length 0 is the empty input
    assert_eq!(
        ffi::ogi_report_parse(ptr::null(), 0, &mut report, ptr::null_mut()),
        ogi_status::Ok
    );
    assert!(!report.is_null());
    ffi::ogi_report_free(report);

    // accessors on a NULL report
    let mut year = 7;
    assert_eq!(
        ffi::ogi_report_year(ptr::null(), &mut year),
        ogi_status::NullArgument
    );
    assert_eq!(year, 7);
    assert_eq!(ffi::ogi_report_format(ptr::null()), ogi_format::Unknown);
    assert_eq!(ffi::ogi_report_findings_len(ptr::null()), 0);
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    assert_eq!(
        ffi::ogi_report_organ(ptr::null(), &mut buf),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_to_json(ptr::null(), &mut buf),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_render(ptr::null(), &mut buf),
        ogi_status::NullArgument
    );
    assert!(buf.data.is_null());
    let mut f = ogi_finding {
        rule: ptr::null(),
        severity: ptr::null(),
        message: ptr::null(),
        line: 0,
        column: 0,
    };
    assert_eq!(
        ffi::ogi_report_finding(ptr::null(), 0, &mut f),
        ogi_status::NullArgument
    );
    let mut v = 0.0;
    assert_eq!(
        ffi::ogi_report_cell(
            ptr::null(),
            c"applications".as_ptr(),
            c"new_received".as_ptr(),
            c"total".as_ptr(),
            &mut v
        ),
        ogi_status::NullArgument
    );

    // NULL outputs and NULL keys on a live report
    let r = built();
    assert_eq!(
        ffi::ogi_report_year(r, ptr::null_mut()),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_organ(r, ptr::null_mut()),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_to_json(r, ptr::null_mut()),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_render(r, ptr::null_mut()),
        ogi_status::NullArgument
    );
    assert_eq!(
        ffi::ogi_report_finding(r, 0, ptr::null_mut()),
        ogi_status::NullArgument
    );
    let null: *const c_char = ptr::null();
    for (t, row, c) in [
        (null, c"new_received".as_ptr(), c"total".as_ptr()),
        (c"applications".as_ptr(), null, c"total".as_ptr()),
        (c"applications".as_ptr(), c"new_received".as_ptr(), null),
    ] {
        assert_eq!(
            ffi::ogi_report_cell(r, t, row, c, &mut v),
            ogi_status::NullArgument
        );
    }
    assert_eq!(
        ffi::ogi_report_cell(
            r,
            c"applications".as_ptr(),
            c"new_received".as_ptr(),
            c"natural_person".as_ptr(),
            ptr::null_mut()
        ),
        ogi_status::NullArgument
    );
    ffi::ogi_report_free(r);

    // error accessors on NULL
    assert!(ffi::ogi_error_message(ptr::null()).is_null());
    assert_eq!(ffi::ogi_error_line(ptr::null()), 0);
    assert_eq!(ffi::ogi_error_column(ptr::null()), 0);
    assert_eq!(ffi::ogi_error_offset(ptr::null()), 0);
    assert_eq!(ffi::ogi_error_subcode(ptr::null()), 0);
    assert_eq!(ffi::ogi_error_code(ptr::null()), ogi_status::NullArgument);

    // every _free accepts NULL
    ffi::ogi_report_free(ptr::null_mut());
    ffi::ogi_error_free(ptr::null_mut());
    ffi::ogi_buf_free(ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    });
    ffi::ogi_buf_free(ogi_buf {
        data: ptr::null_mut(),
        len: 99,
    });
}

#[test]
fn cell_statuses() {
    let r = built();
    assert_eq!(
        cell(r, c"applications", c"new_received", c"natural_person"),
        Ok(12.0)
    );
    assert_eq!(cell(r, c"applications", c"carried_over", c"total"), Ok(1.5));
    assert_eq!(
        cell(r, c"active_disclosure", c"normative_documents", c"issued"),
        Ok(4.0)
    );
    // empty cell
    assert_eq!(
        cell(r, c"applications", c"new_received", c"total"),
        Err(ogi_status::EmptyCell)
    );
    // absent column, row, table
    assert_eq!(
        cell(r, c"applications", c"carried_over", c"natural_person"),
        Err(ogi_status::ColumnAbsent)
    );
    assert_eq!(
        cell(r, c"applications", c"granted", c"total"),
        Err(ogi_status::RowAbsent)
    );
    assert_eq!(
        cell(r, c"review_litigation", c"review", c"upheld"),
        Err(ogi_status::TableAbsent)
    );
    assert_eq!(
        cell(r, c"active_disclosure", c"licensing", c"decisions"),
        Err(ogi_status::RowAbsent)
    );
    // unknown keys
    assert_eq!(
        cell(r, c"application", c"new_received", c"total"),
        Err(ogi_status::UnknownTable)
    );
    assert_eq!(
        cell(r, c"applications", c"new", c"total"),
        Err(ogi_status::UnknownRow)
    );
    assert_eq!(
        cell(r, c"applications", c"new_received", c"sum"),
        Err(ogi_status::UnknownColumn)
    );
    assert_eq!(
        cell(r, c"review_litigation", c"review", c"issued"),
        Err(ogi_status::UnknownColumn)
    );
    assert_eq!(cell(r, c"", c"", c""), Err(ogi_status::UnknownTable));
    // keys that are not UTF-8
    assert_eq!(
        cell(r, c"applications\xff", c"new_received", c"total"),
        Err(ogi_status::InvalidKey)
    );
    assert_eq!(
        cell(r, c"applications", c"\xe4\xb8", c"total"),
        Err(ogi_status::InvalidKey)
    );
    assert_eq!(
        cell(r, c"applications", c"new_received", c"\xc0\x80"),
        Err(ogi_status::InvalidKey)
    );
    ffi::ogi_report_free(r);
}

#[test]
fn year_organ_and_outputs_written_only_on_success() {
    let r = built();
    let mut year = 0;
    assert_eq!(ffi::ogi_report_year(r, &mut year), ogi_status::Ok);
    assert_eq!(year, 2021);
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    assert_eq!(ffi::ogi_report_organ(r, &mut buf), ogi_status::Ok);
    assert_eq!(take_buf(buf), "青龙镇人民政府");
    ffi::ogi_report_free(r);

    // a report without year or organ leaves the outputs alone
    let r = parse_ok(b"");
    let mut year = -5;
    assert_eq!(ffi::ogi_report_year(r, &mut year), ogi_status::YearUnknown);
    assert_eq!(year, -5);
    let mut buf = ogi_buf {
        data: 0x10 as *mut u8,
        len: 77,
    };
    assert_eq!(ffi::ogi_report_organ(r, &mut buf), ogi_status::OrganUnknown);
    assert_eq!((buf.data as usize, buf.len), (0x10, 77));
    assert_eq!(ffi::ogi_report_format(r), ogi_format::Unknown);
    ffi::ogi_report_free(r);
}

#[test]
fn findings_are_borrowed_from_the_report() {
    let r = built();
    assert_eq!(ffi::ogi_report_findings_len(r), 2);
    let mut f = ogi_finding {
        rule: ptr::null(),
        severity: ptr::null(),
        message: ptr::null(),
        line: 0,
        column: 0,
    };
    assert_eq!(ffi::ogi_report_finding(r, 0, &mut f), ogi_status::Ok);
    let s = |p: *const c_char| unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
    assert_eq!(s(f.rule), "applications.balance");
    assert_eq!(s(f.severity), "error");
    assert_eq!(s(f.message), "total does not add up");
    assert_eq!((f.line, f.column), (7, 3));
    // the same pointers every time: the strings live in the report
    let mut again = f;
    assert_eq!(ffi::ogi_report_finding(r, 0, &mut again), ogi_status::Ok);
    assert_eq!(again.rule, f.rule);

    assert_eq!(ffi::ogi_report_finding(r, 1, &mut f), ogi_status::Ok);
    assert_eq!(s(f.severity), "note");
    assert_eq!(
        s(f.message),
        "has a \u{2400} NUL",
        "an inner NUL does not cut the string"
    );
    assert_eq!((f.line, f.column), (0, 0));

    let before = f;
    assert_eq!(
        ffi::ogi_report_finding(r, 2, &mut f),
        ogi_status::IndexOutOfRange
    );
    assert_eq!(
        ffi::ogi_report_finding(r, usize::MAX, &mut f),
        ogi_status::IndexOutOfRange
    );
    assert_eq!(f.rule, before.rule, "finding_out untouched on failure");
    ffi::ogi_report_free(r);
}

#[test]
fn json_and_render_round_trip() {
    let r = built();
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    assert_eq!(ffi::ogi_report_to_json(r, &mut buf), ogi_status::Ok);
    let json = take_buf(buf);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["meta"]["year"], 2021);
    assert_eq!(value["findings"][0]["rule"], "applications.balance");
    let mut back = ptr::null_mut();
    assert_eq!(
        ffi::ogi_report_from_json(json.as_ptr(), json.len(), &mut back, ptr::null_mut()),
        ogi_status::Ok
    );
    assert_eq!(unsafe { &*back }.report(), unsafe { &*r }.report());
    ffi::ogi_report_free(back);

    let mut text = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    assert_eq!(ffi::ogi_report_render(r, &mut text), ogi_status::Ok);
    let rendered = take_buf(text);
    assert_eq!(rendered, unsafe { &*r }.report().render());
    ffi::ogi_report_free(r);
}

#[test]
fn json_errors_carry_positions() {
    let mut report = ptr::null_mut();
    let mut err = ptr::null_mut();
    let bad = b"{\n  \"format\": 12\n}";
    assert_eq!(
        ffi::ogi_report_from_json(bad.as_ptr(), bad.len(), &mut report, &mut err),
        ogi_status::Json
    );
    assert!(report.is_null());
    assert!(!err.is_null());
    assert_eq!(ffi::ogi_error_code(err), ogi_status::Json);
    assert_eq!(ffi::ogi_error_line(err), 2);
    assert!(ffi::ogi_error_column(err) > 1);
    assert!(!message(err).is_empty());
    ffi::ogi_error_free(err);

    let mut err = ptr::null_mut();
    let bad = b"{\"a\xff\": 1}";
    assert_eq!(
        ffi::ogi_report_from_json(bad.as_ptr(), bad.len(), &mut report, &mut err),
        ogi_status::InvalidUtf8
    );
    assert_eq!(ffi::ogi_error_offset(err), 3);
    assert_eq!(
        (ffi::ogi_error_line(err), ffi::ogi_error_column(err)),
        (1, 4)
    );
    ffi::ogi_error_free(err);
    // err_out may be NULL
    assert_eq!(
        ffi::ogi_report_from_json(bad.as_ptr(), bad.len(), &mut report, ptr::null_mut()),
        ogi_status::InvalidUtf8
    );
    assert!(report.is_null());
}

#[test]
fn parse_errors_carry_positions() {
    // a NUL character on line 2, column 3
    let (status, report, err) = parse("第一行\n一二\0三".as_bytes());
    assert_eq!(status, ogi_status::BinaryInput);
    assert!(report.is_null());
    assert_eq!(ffi::ogi_error_code(err), ogi_status::BinaryInput);
    assert_eq!(ffi::ogi_error_subcode(err), 301);
    assert_eq!(
        (ffi::ogi_error_line(err), ffi::ogi_error_column(err)),
        (2, 3)
    );
    assert_eq!(ffi::ogi_error_offset(err), "第一行\n一二".len());
    let msg = message(err);
    assert!(msg.contains("NUL"), "{msg}");
    assert!(!msg.contains('\0'));
    ffi::ogi_error_free(err);

    // bytes that are neither UTF-8 nor GB18030
    let (status, report, err) = parse(b"\xff\xff\xff\xff");
    assert_eq!(status, ogi_status::InvalidEncoding);
    assert!(report.is_null());
    assert_eq!(ffi::ogi_error_code(err), ogi_status::InvalidEncoding);
    assert_eq!(ffi::ogi_error_subcode(err), 200);
    assert!(message(err).contains("GB18030"), "{}", message(err));
    ffi::ogi_error_free(err);

    // err_out may be NULL
    let mut report = ptr::null_mut();
    assert_eq!(
        ffi::ogi_report_parse(b"\xff\xff".as_ptr(), 2, &mut report, ptr::null_mut()),
        ogi_status::InvalidEncoding
    );
    assert!(report.is_null());
}

#[test]
fn gb18030_input() {
    // "一、总体情况\n" in GBK
    let r = parse_ok(b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6\n");
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    assert_eq!(ffi::ogi_report_to_json(r, &mut buf), ogi_status::Ok);
    let json = take_buf(buf);
    assert!(json.starts_with('{'));
    ffi::ogi_report_free(r);
}

#[test]
fn reports_are_shared_across_threads() {
    struct Shared(*const ogi_report);
    unsafe impl Sync for Shared {}
    let r = built();
    let shared = Shared(r);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let shared = &shared;
                for _ in 0..200 {
                    assert_eq!(
                        cell(
                            shared.0,
                            c"applications",
                            c"new_received",
                            c"natural_person"
                        ),
                        Ok(12.0)
                    );
                    let mut buf = ogi_buf {
                        data: ptr::null_mut(),
                        len: 0,
                    };
                    assert_eq!(ffi::ogi_report_to_json(shared.0, &mut buf), ogi_status::Ok);
                    ffi::ogi_buf_free(buf);
                }
            });
        }
    });
    ffi::ogi_report_free(r);
}

#[test]
fn corpus_seed_004() {
    let r = parse_ok(&seed("004_d13c5985a7c040e2.txt"));
    assert_eq!(ffi::ogi_report_format(r), ogi_format::_2021);
    let mut year = 0;
    assert_eq!(ffi::ogi_report_year(r, &mut year), ogi_status::Ok);
    assert_eq!(year, 2021);
    assert_eq!(
        cell(r, c"active_disclosure", c"normative_documents", c"issued"),
        Ok(4.0)
    );
    let n = ffi::ogi_report_findings_len(r);
    let report = unsafe { &*r }.report();
    assert_eq!(n, report.findings.len());
    for i in 0..n {
        let mut f = ogi_finding {
            rule: ptr::null(),
            severity: ptr::null(),
            message: ptr::null(),
            line: 0,
            column: 0,
        };
        assert_eq!(ffi::ogi_report_finding(r, i, &mut f), ogi_status::Ok);
        let rule = unsafe { CStr::from_ptr(f.rule) }.to_str().unwrap();
        assert_eq!(rule, report.findings[i].rule);
    }
    ffi::ogi_report_free(r);
}

#[test]
fn every_seed_parses_and_round_trips_through_json() {
    let dir = shared_dir().join("corpus/seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus seeds") {
        let path = entry.unwrap().path();
        let r = parse_ok(&std::fs::read(&path).unwrap());
        let mut buf = ogi_buf {
            data: ptr::null_mut(),
            len: 0,
        };
        assert_eq!(ffi::ogi_report_to_json(r, &mut buf), ogi_status::Ok);
        let json = take_buf(buf);
        let mut back = ptr::null_mut();
        assert_eq!(
            ffi::ogi_report_from_json(json.as_ptr(), json.len(), &mut back, ptr::null_mut()),
            ogi_status::Ok
        );
        assert_eq!(
            unsafe { &*back }.report(),
            unsafe { &*r }.report(),
            "{}",
            path.display()
        );
        ffi::ogi_report_free(back);
        ffi::ogi_report_free(r);
        n += 1;
    }
    assert!(n >= 5, "expected the seeds in {}", dir.display());
}

#[test]
fn invalid_fixtures_give_their_snapshot_through_the_c_abi() {
    let dir = crate::util::repo_path("tests/fixtures/invalid");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("invalid fixtures") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let want = std::fs::read_to_string(path.with_extension("stderr")).unwrap();
        let rust = ::ogi_report::parse_bytes(&bytes).expect_err("invalid input");
        let (status, report, err) = parse(&bytes);
        assert!(report.is_null());
        assert_eq!(status as u32, rust.code(), "{}", path.display());
        assert_eq!(ffi::ogi_error_subcode(err), rust.code());
        assert_eq!(message(err) + "\n", want, "{}", path.display());
        assert_eq!(ffi::ogi_error_line(err), rust.line());
        assert_eq!(ffi::ogi_error_column(err), rust.column());
        assert_eq!(ffi::ogi_error_offset(err), rust.offset());
        ffi::ogi_error_free(err);
        n += 1;
    }
    assert!(n >= 2);
}
