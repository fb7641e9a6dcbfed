//! Gives the shared library a SONAME on ELF platforms:
//! `libogi_report.so.N` where N is `OGI_ABI_VERSION` (read from
//! `src/ffi/version.rs`, the one place it is defined). C programs then record
//! the ABI they were linked against, and a library with an incompatible ABI
//! can be installed beside the old one.
//!
//! Writes the tables of the template vocabulary's automaton to
//! `OUT_DIR/vocabulary_tables.rs`: `aho-corasick`'s DFA of the words of
//! `src/template/vocabulary/words.rs` (the one list, the library's too),
//! read out by `src/template/vocabulary/generate.rs` (see there), so the
//! library builds nothing of it when it runs.

use std::fs;

/// The list of the words, their names dropped (the library's `words!`
/// makes its enum of them too).
macro_rules! words {
    ($($name:ident = $w:literal),* $(,)?) => {
        /// The words, in the library's order.
        pub(crate) const WORDS: &[&str] = &[$($w),*];
    };
}

#[path = "src/template/vocabulary/words.rs"]
mod words;

#[path = "src/template/vocabulary/generate.rs"]
mod generate;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/ffi/version.rs");
    println!("cargo:rerun-if-changed=src/template/vocabulary/words.rs");
    println!("cargo:rerun-if-changed=src/template/vocabulary/generate.rs");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let tables = std::path::Path::new(&out).join("vocabulary_tables.rs");
    fs::write(&tables, generate::source(words::WORDS))
        .unwrap_or_else(|e| panic!("writing {}: {e}", tables.display()));
    soname();
}

/// The SONAME of the shared library, on ELF platforms.
fn soname() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if !matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    ) {
        return;
    }
    let version = fs::read_to_string("src/ffi/version.rs").unwrap_or_default();
    let abi = version
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("pub const OGI_ABI_VERSION: u32 = ")?
                .strip_suffix(';')
                .map(str::to_owned)
        })
        .unwrap_or_else(|| panic!("OGI_ABI_VERSION not found in src/ffi/version.rs"));
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libogi_report.so.{abi}");
}
