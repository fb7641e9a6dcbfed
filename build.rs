//! Gives the shared library a SONAME on ELF platforms:
//! `libogi_report.so.N` where N is `OGI_ABI_VERSION` (read from
//! `src/ffi/version.rs`, the one place it is defined). C programs then record
//! the ABI they were linked against, and a library with an incompatible ABI
//! can be installed beside the old one.

use std::fs;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/ffi/version.rs");
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
