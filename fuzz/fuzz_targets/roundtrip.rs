//! Render/parse idempotence (toml_edit's fuzz target): for any UTF-8 text
//! that parses, the canonical text parses back to the same model and
//! rendering it again gives the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Reject non-UTF-8, as toml_edit does; parse_bytes covers the decoders.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(first) = ogi_report::parse(text) else { return };
    let canonical = first.render();
    let second = ogi_report::parse(&canonical).expect("canonical text must parse");
    if let Err(e) = ogi_report::lossless::check(&canonical, &second) {
        panic!("nothing lost violated on canonical text: {e}\n{canonical}");
    }
    assert!(second == first, "parse(render(parse(x))) != parse(x)\n--- canonical ---\n{canonical}");
    let again = second.render();
    assert_eq!(again, canonical, "render is not idempotent");
});
