//! `ogi audit --across`, the filters (`--severity`, `--rule`, `--allow`),
//! the catalogue's sources and `ogi export --findings` end to end.
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

fn path(rel: &str) -> String {
    util::repo_path(&format!("tests/fixtures/audit/{rel}"))
        .display()
        .to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn across_draws_both_cells_and_exits_1_on_an_error() {
    let o = ogi(&["audit", "--across", &path("across/carry")]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = stdout(&o);
    let head = format!(
        "{}:32:30: error[series.carry_over]: In column total, 2021 carries over 14 application(s) from 2020",
        path("across/carry/2021.txt")
    );
    assert!(out.contains(&head), "{out}");
    // the snippet underlines the cell of each file and labels the other one
    assert!(
        out.contains(&format!("┌─ {}:32:30", path("across/carry/2021.txt"))),
        "{out}"
    );
    assert!(
        out.contains(&format!("┌─ {}:60:25", path("across/carry/2020.txt"))),
        "{out}"
    );
    assert!(out.contains("2020 carried_forward/total = 7"), "{out}");
    assert!(out.contains("expected 7, found 14"), "{out}");
    // without --across the same files have no cross finding and no error
    let o = ogi(&["audit", &path("across/carry")]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stdout(&o).contains("series."));
}

#[test]
fn across_json_files_cross_findings_under_their_file() {
    let o = ogi(&[
        "audit",
        "--format",
        "json",
        "--hierarchy",
        &path("across/rollup-broken/hierarchy.csv"),
        &path("across/rollup-broken"),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let objs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(objs.len(), 3);
    let county = &objs[0];
    assert!(county["file"].as_str().unwrap().ends_with("county.txt"));
    let f = &county["findings"][0];
    assert_eq!(f["rule"], "rollup.sum");
    assert_eq!(f["severity"], "warning");
    assert_eq!(
        (f["expected"].as_i64(), f["found"].as_i64()),
        (Some(24), Some(25))
    );
    assert_eq!(
        f["related"][1]["file"],
        path("across/rollup-broken/town-a.txt")
    );
    assert_eq!(f["related"][1]["span"]["line"], 17);
    assert_eq!(objs[1]["findings"], serde_json::json!([]));
}

#[test]
fn aliases_and_a_bad_csv() {
    let dir = std::env::temp_dir().join(format!("ogi-aliases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let aliases = dir.join("aliases.csv");
    std::fs::write(&aliases, "organ,alias\n示例县人民政府,示例之县\n").unwrap();
    let renamed = dir.join("2019.txt");
    let text = std::fs::read_to_string(path("across/gap/2019.txt")).unwrap();
    std::fs::write(&renamed, text.replace("示例县人民政府", "示例之县")).unwrap();
    let other = path("across/gap/2021.txt");
    fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut a = vec!["audit", "--format", "json", "--rule", "series"];
        a.extend_from_slice(extra);
        a
    }
    let r = renamed.display().to_string();
    let o = ogi(&args(&["--across", &r, &other]));
    assert!(!stdout(&o).contains("series.gap"), "{}", stdout(&o));
    let a = aliases.display().to_string();
    let o = ogi(&args(&["--aliases", &a, &r, &other]));
    assert!(stdout(&o).contains("series.gap"), "{}", stdout(&o));
    std::fs::write(&aliases, "a,b,c\n").unwrap();
    let o = ogi(&args(&["--aliases", &a, &r, &other]));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("line 1"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn filters_keep_what_was_asked() {
    let file = path("balance.txt");
    let rules = |extra: &[&str]| -> Vec<String> {
        let mut a = vec!["audit", "--format", "json"];
        a.extend_from_slice(extra);
        a.push(&file);
        let o = ogi(&a);
        let v: serde_json::Value =
            serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(rules(&[]), ["applications.balance", "applications.balance"]);
    assert!(rules(&["--allow", "applications.balance"]).is_empty());
    assert!(rules(&["--allow", "applications"]).is_empty());
    assert_eq!(rules(&["--rule", "applications"]).len(), 2);
    assert!(rules(&["--rule", "narrative.mismatch"]).is_empty());
    assert_eq!(rules(&["--severity", "error"]).len(), 2);
    // an allowed error no longer sets the exit status
    let o = ogi(&["audit", "--allow", "applications.balance", &file]);
    assert_eq!(o.status.code(), Some(0));
    // notes are dropped by --severity warning
    let fused = path("fused.txt");
    let o = ogi(&["audit", "--format", "json", "--severity", "warning", &fused]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]));
}

#[test]
fn the_catalogue_names_the_source_of_every_new_rule() {
    let o = ogi(&["audit", "--list-rules", "--format", "json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    let get = |id: &str| list.iter().find(|r| r["id"] == id).unwrap().clone();
    for id in [
        "series.carry_over",
        "series.stock_flow",
        "series.gap",
        "series.duplicate",
        "rollup.sum",
    ] {
        assert_eq!(get(id)["scope"], "across", "{id}");
    }
    assert!(
        get("series.carry_over")["derives_from"]
            .as_str()
            .unwrap()
            .contains("〔2021〕30号")
    );
    assert!(
        get("series.stock_flow")["derives_from"]
            .as_str()
            .unwrap()
            .contains("条例第二十条")
    );
    assert!(
        get("series.gap")["derives_from"]
            .as_str()
            .unwrap()
            .contains("第四十九条")
    );
    assert_eq!(get("table.not_count")["scope"], "report");
    let text = stdout(&ogi(&["audit", "--list-rules"]));
    assert!(text.contains("series.carry_over (error) [across reports: ogi audit --across]"));
}

#[test]
fn export_findings_is_a_tidy_csv() {
    let dir = std::env::temp_dir().join(format!("ogi-findings-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("findings.csv");
    let o = ogi(&[
        "export",
        &path("balance.txt"),
        &path("ok-2021.txt"),
        "--findings",
        &out.display().to_string(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "file,rule,severity,table,row,column,expected,found,line,col,message"
    );
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[2].starts_with(&format!(
        "{},applications.balance,error,applications,total_processed,total,155,154,59,25,",
        path("balance.txt")
    )));
    std::fs::remove_dir_all(&dir).ok();
}
