//! `ogi audit` end to end: diagnostics, JSON, exit status, the catalogue.
#![cfg(feature = "cli")]

use std::process::{Command, Output};

use crate::util;

fn ogi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run ogi")
}

fn fixture(name: &str) -> String {
    util::repo_path(&format!("tests/fixtures/audit/{name}.txt"))
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn list_rules_prints_the_catalogue() {
    let o = ogi(&["audit", "--list-rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for rule in ogi_report::audit::rules() {
        assert!(
            out.contains(&format!("{} ({})", rule.id, rule.severity.key())),
            "{}",
            rule.id
        );
        assert!(out.contains(rule.derives_from), "{}", rule.id);
    }
    assert!(out.contains("Table 3 header note of 国办公开办函〔2021〕30号"));
    assert!(out.contains("implied by the template"));

    let o = ogi(&["audit", "--list-rules", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(ogi_report::audit::rules().len())
    );
    assert_eq!(list[0]["id"], "applications.balance");
    assert_eq!(list[0]["severity"], "error");
}

#[test]
fn unreadable_input_exits_1() {
    // As in every subcommand (issue 14): 1 when an input failed, 2 for usage.
    let o = ogi(&["audit", "/nonexistent/report.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/report.txt"));
    let o = ogi(&["audit", &fixture("review-total"), "/nonexistent/report.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let o = ogi(&["audit", "--no-such-flag", &fixture("review-total")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn a_consistent_report_exits_0_silently() {
    let o = ogi(&["audit", &fixture("ok-2021")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

#[test]
fn errors_print_as_diagnostics_and_exit_1() {
    let file = fixture("review-total");
    let o = ogi(&["audit", &file]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{file}:67:9: error[review_litigation.total]: ")),
        "{out}"
    );
    assert!(out.contains(&format!("┌─ {file}:67:9")), "{out}");
    let caret = lines.iter().find(|l| l.contains('^')).expect("caret line");
    assert!(caret.contains("^ expected 10, found 0"), "{out}");
}

#[test]
fn warnings_alone_exit_0() {
    let o = ogi(&["audit", &fixture("label")]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains(":49:1: warning[label.nonstandard]: "), "{out}");
    assert!(out.contains(":54:1: warning[label.nonstandard]: "), "{out}");
}

#[test]
fn json_has_one_object_per_file_of_a_directory() {
    let dir = util::repo_path("tests/fixtures/audit");
    let o = ogi(&["audit", "--format", "json", &dir.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let objs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    // folders are walked recursively (the rules/ and across/ fixtures too)
    fn count_txt(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .map(|p| {
                if p.is_dir() {
                    count_txt(&p)
                } else {
                    usize::from(p.extension().is_some_and(|x| x == "txt"))
                }
            })
            .sum()
    }
    assert_eq!(objs.len(), count_txt(&dir));
    let review = objs
        .iter()
        .find(|o| {
            o["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("review-total.txt"))
        })
        .expect("review-total.txt");
    let f = &review["findings"][0];
    assert_eq!(f["rule"], "review_litigation.total");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["span"]["line"], 67);
    assert_eq!(f["span"]["column"], 9);
    assert_eq!(f["expected"], 10);
    assert_eq!(f["found"], 0);
    assert_eq!(f["table"], "review_litigation");
}
