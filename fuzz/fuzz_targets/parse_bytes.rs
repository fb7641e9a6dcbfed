//! Any bytes: decode + parse must never panic; what parses must render,
//! and every non-whitespace character must lie in exactly one node's span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = ogi_report::parse_bytes(data) else {
        return;
    };
    let _ = report.render();
    let _ = report.to_json();
    // parse_bytes succeeded, so decoding succeeds: check spans against the decoded text.
    if let Ok((text, _)) = ogi_report::decode::decode(data) {
        if let Err(e) = ogi_report::lossless::check(&text, &report) {
            panic!("nothing lost violated: {e}");
        }
    }
});
