//! Exact decimals (issue 15.6): a cell keeps its digits through JSON, the
//! C ABI's text and the model, whatever a double can hold.

use ogi_report::ffi;
use std::ffi::CString;

use crate::util::repo_path;

/// The sample 2021 report with its fees amount replaced by `amount`.
fn report_with_fees(amount: &str) -> String {
    let text = std::fs::read_to_string(repo_path("examples/data/report-2021.txt")).unwrap();
    let replaced = text.replace("行政事业性收费\t12.5", &format!("行政事业性收费\t{amount}"));
    assert_ne!(replaced, text, "the fixture has the fees row");
    replaced
}

const AMOUNTS: [&str; 5] = [
    "907473734394313.5",
    "12.50",
    "0.000000001",
    "92233720368.54775807",
    "4166.241619",
];

#[test]
fn decimals_survive_the_json_round_trip() {
    for amount in AMOUNTS {
        let report = ogi_report::parse(&report_with_fees(amount)).unwrap();
        let n = report
            .cell("active_disclosure", "fees", "amount_10k_yuan")
            .unwrap();
        assert_eq!(n.to_string(), amount);
        let json = report.to_json().unwrap();
        assert!(
            json.contains(&format!("\"amount_10k_yuan\":{amount}")),
            "the JSON has the digits as written: {amount}"
        );
        let back = ogi_report::Report::from_json(&json).unwrap();
        assert!(back == report, "from_json(to_json(r)) == r for {amount}");
        // pretty JSON and serde_json::Value keep the digits too
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let again = ogi_report::Report::from_json(&v.to_string()).unwrap();
        assert!(again == report, "through serde_json::Value for {amount}");
    }
}

#[test]
fn c_abi_gives_the_decimal_text_beside_the_double() {
    for amount in AMOUNTS {
        let text = report_with_fees(amount);
        let mut report = std::ptr::null_mut();
        let mut err = std::ptr::null_mut();
        let status = ffi::ogi_report_parse(text.as_ptr(), text.len(), &mut report, &mut err);
        assert_eq!(status, ffi::ogi_status::Ok);
        let (t, r, c) = (
            CString::new("active_disclosure").unwrap(),
            CString::new("fees").unwrap(),
            CString::new("amount_10k_yuan").unwrap(),
        );
        let mut buf = ffi::ogi_buf {
            data: std::ptr::null_mut(),
            len: 0,
        };
        let status =
            ffi::ogi_report_cell_text(report, t.as_ptr(), r.as_ptr(), c.as_ptr(), &mut buf);
        assert_eq!(status, ffi::ogi_status::Ok);
        // SAFETY: the buffer was just filled by the library.
        let got = unsafe { std::slice::from_raw_parts(buf.data, buf.len) };
        assert_eq!(std::str::from_utf8(got).unwrap(), amount);
        ffi::ogi_buf_free(buf);
        let mut d = 0.0;
        let status = ffi::ogi_report_cell(report, t.as_ptr(), r.as_ptr(), c.as_ptr(), &mut d);
        assert_eq!(status, ffi::ogi_status::Ok);
        assert_eq!(d, amount.parse::<f64>().unwrap(), "the nearest double");
        // a missing cell: the same statuses as ogi_report_cell, nothing written
        let row = CString::new("penalties").unwrap();
        let col = CString::new("issued").unwrap();
        let mut buf = ffi::ogi_buf {
            data: std::ptr::null_mut(),
            len: 0,
        };
        let status =
            ffi::ogi_report_cell_text(report, t.as_ptr(), row.as_ptr(), col.as_ptr(), &mut buf);
        assert_ne!(status, ffi::ogi_status::Ok);
        assert!(buf.data.is_null());
        ffi::ogi_report_free(report);
    }
}
