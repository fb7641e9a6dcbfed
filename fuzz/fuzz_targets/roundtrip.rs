//! Render/parse idempotence (toml_edit's fuzz target).
//!
//! For any UTF-8 text that parses: rendering and parsing never panic, the
//! canonical text passes the nothing-lost check, and rendering is a fixed
//! point once the text is canonical: with `c1 = render(parse(x))` and
//! `c2 = render(parse(c1))`, `render(parse(c2)) == c2`.
//!
//! With `OGI_FUZZ_STRICT=1` it checks the full laws instead:
//! `parse(render(parse(x))) == parse(x)` and `render(parse(c1)) == c1`. Those
//! hold on every mutated report of `roundtrip_failure_rate` (0 of 6000,
//! `KNOWN_MUTATION_FAILURES` in tests/testsuite/roundtrip.rs is empty), but a
//! strict campaign still finds inputs that break them: the inputs saved by the
//! strict campaigns are in tests/fixtures/fuzz/, checked by the
//! `fuzz_regressions` and `roundtrip_laws` tests, the ones that still fail
//! listed in `KNOWN_LAW_FAILURES` with the reason (see docs/roundtrip.md and
//! docs/fuzzing.md), so the default run checks convergence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn strict() -> bool {
    static STRICT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("OGI_FUZZ_STRICT").is_some_and(|v| v == "1"))
}

fuzz_target!(|data: &[u8]| {
    // Reject non-UTF-8, as toml_edit does; parse_bytes covers the decoders.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(first) = ogi_report::parse(text) else {
        return;
    };
    let c1 = first.render();
    let second = ogi_report::parse(&c1).expect("canonical text must parse");
    if let Err(e) = ogi_report::lossless::check(&c1, &second) {
        panic!("nothing lost violated on canonical text: {e}\n{c1}");
    }
    let c2 = second.render();
    if strict() {
        assert!(
            second == first,
            "parse(render(parse(x))) != parse(x)\n--- canonical ---\n{c1}"
        );
        assert_eq!(c2, c1, "render is not idempotent");
        return;
    }
    let third = ogi_report::parse(&c2).expect("canonical text must parse");
    let c3 = third.render();
    assert_eq!(c3, c2, "render does not converge:\n--- c2 ---\n{c2}");
});
