//! The `ogi` command line (needs the `cli` feature: `cargo test --all-features`).
#![cfg(feature = "cli")]

use std::process::Command;

use crate::util::{repo_path, shared_dir};

fn ogi() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ogi"))
}

#[test]
fn parse_prints_a_json_array() {
    let out = ogi()
        .arg("parse")
        .arg(repo_path("examples/data/report-2021.txt"))
        .arg(shared_dir().join("corpus/seeds/004_d13c5985a7c040e2.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let a = v.as_array().unwrap();
    assert_eq!(a.len(), 2);
    assert_eq!(a[0]["format"], "2021");
    assert_eq!(a[0]["meta"]["year"], 2022);
    let apps = a[0]["sections"][2]["blocks"][0]["table"].clone();
    assert_eq!(apps["kind"], "applications");
    assert_eq!(apps["rows"]["new_received"]["total"], 27);
    assert_eq!(a[1]["meta"]["organ"], "丰城市洛市镇人民政府");
}

#[test]
fn parse_jsonl_names_each_file_and_reports_unreadable_ones() {
    let missing = repo_path("tests/fixtures/does-not-exist.txt");
    let bad = std::env::temp_dir().join(format!("ogi-bad-{}.txt", std::process::id()));
    std::fs::write(&bad, b"\xff\xff\xfe\xff").unwrap();
    let good = repo_path("tests/fixtures/valid/005-legacy-sections.txt");
    let out = ogi()
        .arg("parse")
        .arg("--jsonl")
        .arg(&missing)
        .arg(&bad)
        .arg(&good)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&bad);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit status 1"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does-not-exist.txt"), "{stderr}");
    assert!(
        stderr.contains("ogi-bad-") && stderr.contains("not UTF-8, GB18030 or Big5"),
        "{stderr}"
    );
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1, "the readable file is still processed");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert!(
        v["file"]
            .as_str()
            .unwrap()
            .ends_with("005-legacy-sections.txt")
    );
    assert_eq!(v["format"], "legacy");
}

#[test]
#[ignore = "un-ignored when the renderer (issue 4) lands"]
fn render_prints_canonical_text() {
    let out = ogi()
        .arg("render")
        .arg(repo_path("examples/data/report-2021.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let again = ogi_report::parse(&text).unwrap();
    let orig = ogi_report::parse(
        &std::fs::read_to_string(repo_path("examples/data/report-2021.txt")).unwrap(),
    )
    .unwrap();
    assert!(
        again == orig,
        "the rendered text parses to the same model:\n{text}"
    );
}
