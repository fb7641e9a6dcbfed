//! Tests: c_header. The checked-in `include/ogi_report.h` is what cbindgen
//! generates now, and its version macros match the crate version.

use crate::util::repo_path;

const HINT: &str = "UPDATE_HEADER=1 cargo test --test testsuite c_header";

fn generate() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let config =
        cbindgen::Config::from_file(repo_path("cbindgen.toml")).expect("read cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(root)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header");
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).expect("header is UTF-8")
}

#[test]
fn header_is_up_to_date() {
    let generated = generate();
    let path = repo_path("include/ogi_report.h");
    if std::env::var_os("UPDATE_HEADER").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != generated {
        let first = current
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| current.lines().count().min(generated.lines().count()));
        panic!(
            "include/ogi_report.h is out of date (first difference at line {}); regenerate it with `{HINT}`",
            first + 1
        );
    }
}

fn define(header: &str, name: &str) -> Option<u64> {
    header.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("#define ")?.strip_prefix(name)?;
        rest.trim().parse().ok()
    })
}

#[test]
fn header_version_matches_crate() {
    let header = std::fs::read_to_string(repo_path("include/ogi_report.h")).expect("read header");
    let version: Vec<u64> = env!("CARGO_PKG_VERSION")
        .split(['.', '-', '+'])
        .take(3)
        .map(|p| p.parse().expect("numeric version"))
        .collect();
    assert_eq!(
        define(&header, "OGI_VERSION_MAJOR "),
        Some(version[0]),
        "OGI_VERSION_MAJOR (edit cbindgen.toml)"
    );
    assert_eq!(
        define(&header, "OGI_VERSION_MINOR "),
        Some(version[1]),
        "OGI_VERSION_MINOR (edit cbindgen.toml)"
    );
    assert_eq!(
        define(&header, "OGI_VERSION_PATCH "),
        Some(version[2]),
        "OGI_VERSION_PATCH (edit cbindgen.toml)"
    );
}

#[test]
fn header_abi_version_matches_library() {
    let header = std::fs::read_to_string(repo_path("include/ogi_report.h")).expect("read header");
    assert_eq!(
        define(&header, "OGI_ABI_VERSION "),
        Some(u64::from(ogi_report::ffi::ogi_abi_version()))
    );
}
