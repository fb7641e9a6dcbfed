//! Any bytes through the PDF front end: reading must never panic or hang;
//! what is read must parse, and the extracted text must be lossless under
//! the report's spans.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(e) = ogi_report::input::pdf::extract(data) else {
        return;
    };
    let report = e.parse().expect("the extracted text parses");
    if let Err(err) = ogi_report::lossless::check(&e.text, &report) {
        panic!("nothing lost violated: {err}");
    }
    let _ = report.render();
});
