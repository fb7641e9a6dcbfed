//! `ogi_audit_across_json`: the audit across reports through the C ABI.

use std::ffi::c_char;
use std::ptr;

use ::ogi_report::audit::{self, Input};
use ::ogi_report::ffi::{self, ogi_buf, ogi_report, ogi_status};

use crate::util::repo_path;

fn parse_ok(bytes: &[u8]) -> *mut ogi_report {
    let mut report = ptr::null_mut();
    let status = ffi::ogi_report_parse(bytes.as_ptr(), bytes.len(), &mut report, ptr::null_mut());
    assert_eq!(status, ogi_status::Ok);
    report
}

fn across(
    reports: &[*const ogi_report],
    names: Option<&[*const c_char]>,
) -> (ogi_status, Option<String>) {
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    let names = names.map_or(ptr::null(), <[_]>::as_ptr);
    let array = if reports.is_empty() {
        ptr::null()
    } else {
        reports.as_ptr()
    };
    let status = ffi::ogi_audit_across_json(array, names, reports.len(), &mut buf);
    if buf.data.is_null() {
        return (status, None);
    }
    let bytes = unsafe { std::slice::from_raw_parts(buf.data, buf.len) };
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    ffi::ogi_buf_free(buf);
    (status, Some(text))
}

#[test]
fn the_same_report_twice_is_a_duplicate_filed_under_its_name() {
    let bytes = std::fs::read(repo_path("examples/data/qinglong-2021.txt")).unwrap();
    let one = parse_ok(&bytes);
    let two = parse_ok(&bytes);
    let names = [c"first.txt".as_ptr(), c"second.txt".as_ptr()];
    let (status, json) = across(&[one, two], Some(&names));
    assert_eq!(status, ogi_status::Ok);
    let json = json.unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let dup = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["finding"]["rule"] == "series.duplicate")
        .unwrap_or_else(|| panic!("no series.duplicate in {json}"));
    assert_eq!(dup["file"], "second.txt");
    // the related locations: one in this report, one naming the other file
    let related = dup["finding"]["related"].as_array().unwrap();
    assert!(related.iter().any(|r| r["file"] == "first.txt"), "{json}");
    assert!(related.iter().all(|r| r["span"]["line"].as_u64() > Some(0)));

    // the library's own audit across, to the letter
    let report = ::ogi_report::parse_bytes(&bytes).unwrap();
    let inputs = [
        Input::new("first.txt", &report),
        Input::new("second.txt", &report),
    ];
    assert_eq!(
        json,
        serde_json::to_string(&audit::across(&inputs)).unwrap()
    );

    // without names, a report is filed under its index
    let (status, json) = across(&[one, two], None);
    assert_eq!(status, ogi_status::Ok);
    assert!(json.unwrap().contains("\"file\":\"1\""));
    ffi::ogi_report_free(one);
    ffi::ogi_report_free(two);
}

#[test]
fn null_and_bad_arguments() {
    let (status, json) = across(&[], None);
    assert_eq!((status, json.as_deref()), (ogi_status::Ok, Some("[]")));
    let bytes = b"\xE4\xB8\x80\xE3\x80\x81\xE6\x80\xBB\xE4\xBD\x93\xE6\x83\x85\xE5\x86\xB5\n";
    let one = parse_ok(bytes);
    assert_eq!(
        across(&[one, ptr::null()], None).0,
        ogi_status::NullArgument
    );
    let bad = [c"a".as_ptr(), c"b\xff".as_ptr()];
    assert_eq!(across(&[one, one], Some(&bad)).0, ogi_status::InvalidKey);
    let null_name = [c"a".as_ptr(), ptr::null()];
    assert_eq!(
        across(&[one, one], Some(&null_name)).0,
        ogi_status::NullArgument
    );
    let status = ffi::ogi_audit_across_json(ptr::null(), ptr::null(), 2, ptr::null_mut());
    assert_eq!(status, ogi_status::NullArgument);
    let mut buf = ogi_buf {
        data: ptr::null_mut(),
        len: 0,
    };
    let status = ffi::ogi_audit_across_json(ptr::null(), ptr::null(), 1, &mut buf);
    assert_eq!(status, ogi_status::NullArgument);
    assert!(buf.data.is_null(), "json_out written on failure");
    ffi::ogi_report_free(one);
}
