//! Conventions every `ogi` subcommand shares (issues 14 and 15): `-` for
//! standard input, exit statuses, a closed pipe, folder walks that read
//! regular files only and never past the size limit, outputs written
//! atomically and replaced only with `--force`, never over an input.
#![cfg(feature = "cli")]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::repo_path;

const REPORT: &str = "examples/data/report-2021.txt";

fn ogi() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ogi"));
    c.stdin(Stdio::null());
    c
}

/// A fresh folder under cargo's per-target temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_conventions")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Waits for `child` at most `secs` seconds; kills it and fails the test
/// when it does not finish (a hang is the bug being tested).
fn wait_with_deadline(mut child: Child, secs: u64, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{what}: still running after {secs} s (killed); stderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run_with_deadline(cmd: &mut Command, secs: u64, what: &str) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_with_deadline(child, secs, what)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let st = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(st.success());
}

// ---------------------------------------------------------------------------
// `-` is standard input

#[test]
fn dash_reads_standard_input_in_every_subcommand() {
    let text = std::fs::read(repo_path(REPORT)).unwrap();
    let expected = ogi_report::parse_bytes(&text).unwrap();
    for sub in [
        &["parse", "-"][..],
        &["parse", "--jsonl", "-"],
        &["render", "-"],
        &["audit", "--format", "json", "-"],
    ] {
        let mut child = ogi()
            .args(sub)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&text).unwrap();
        let out = wait_with_deadline(child, 60, &format!("{sub:?}"));
        let so = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{sub:?}: {}",
            stderr(&out)
        );
        match sub[0] {
            "parse" => {
                let v: serde_json::Value = if sub[1] == "--jsonl" {
                    serde_json::from_str(so.trim_end()).unwrap()
                } else {
                    serde_json::from_str::<serde_json::Value>(&so).unwrap()[0].clone()
                };
                assert_eq!(v["file"], "-");
                assert_eq!(v["meta"]["year"], 2022);
                let mut v = v;
                v.as_object_mut().unwrap().remove("file");
                let back = ogi_report::Report::from_json(&v.to_string()).unwrap();
                assert!(
                    back == expected,
                    "{sub:?}: the JSON of stdin is the report's"
                );
            }
            "render" => assert_eq!(so, expected.render()),
            _ => {
                let v: serde_json::Value = serde_json::from_str(so.trim_end()).unwrap();
                assert_eq!(v["file"], "-");
                assert_eq!(
                    v["findings"].as_array().unwrap().len(),
                    expected.findings.len()
                );
            }
        }
    }
    // export reads standard input too
    let dir = scratch("stdin-export");
    let out_path = dir.join("out.jsonl");
    let mut child = ogi()
        .args(["export", "-", "--jsonl"])
        .arg(&out_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = wait_with_deadline(child, 60, "export -");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line = std::fs::read_to_string(&out_path).unwrap();
    assert!(line.starts_with("{\"file\":\"-\","), "{line}");
}

// ---------------------------------------------------------------------------
// `ogi parse`: every entry names its file

#[test]
fn parse_array_entries_carry_file() {
    let a = repo_path(REPORT);
    let b = repo_path("tests/fixtures/valid/005-legacy-sections.txt");
    for extra in [None, Some("--pretty")] {
        let out = ogi()
            .arg("parse")
            .args(extra)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let files: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["file"].as_str().unwrap())
            .collect();
        assert_eq!(files, [a.to_str().unwrap(), b.to_str().unwrap()]);
        // "file" comes first, then the model's keys
        let text = String::from_utf8(out.stdout).unwrap();
        let first = text.find("\"file\"").unwrap();
        assert!(first < text.find("\"format\"").unwrap());
    }
}

// ---------------------------------------------------------------------------
// `ogi render` of several inputs

#[test]
fn render_separates_files_or_writes_one_per_input() {
    let dir = scratch("render");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::copy(repo_path(REPORT), input.join("a.txt")).unwrap();
    std::fs::copy(
        repo_path("tests/fixtures/valid/005-legacy-sections.txt"),
        input.join("sub/b.md"),
    )
    .unwrap();
    std::fs::write(input.join("README.md"), "# not a report\n").unwrap();
    let text_a = ogi_report::parse_bytes(&std::fs::read(input.join("a.txt")).unwrap())
        .unwrap()
        .render();
    let text_b = ogi_report::parse_bytes(&std::fs::read(input.join("sub/b.md")).unwrap())
        .unwrap()
        .render();

    // to standard output: a header line before each file
    let out = ogi().arg("render").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let so = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "==> {} <==\n{text_a}\n==> {} <==\n{text_b}",
        input.join("a.txt").display(),
        input.join("sub/b.md").display()
    );
    assert_eq!(so, expected);

    // one file: no header
    let out = ogi()
        .arg("render")
        .arg(input.join("a.txt"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), text_a);

    // --out-dir: one file per input, relative paths kept
    let out_dir = dir.join("out");
    let out = ogi()
        .arg("render")
        .arg(&input)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).unwrap(),
        text_a
    );
    assert_eq!(
        std::fs::read_to_string(out_dir.join("sub/b.txt")).unwrap(),
        text_b
    );
    assert!(!out_dir.join("README.txt").exists(), "README is no report");

    // again: the files exist, so --force is needed
    std::fs::write(out_dir.join("a.txt"), "old").unwrap();
    let out = ogi()
        .arg("render")
        .arg(&input)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).unwrap(),
        "old"
    );
    let out = ogi()
        .arg("render")
        .arg(&input)
        .arg("--out-dir")
        .arg(&out_dir)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(out_dir.join("a.txt")).unwrap(),
        text_a
    );
    // rendering a folder into itself would replace its inputs
    let out = ogi()
        .arg("render")
        .arg(input.join("a.txt"))
        .arg("--out-dir")
        .arg(&input)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is also an input"),
        "{}",
        stderr(&out)
    );
}

// ---------------------------------------------------------------------------
// A closed pipe ends quietly, like `cat`

#[test]
fn closed_pipe_ends_quietly_with_status_0() {
    let dir = scratch("pipe");
    let report = std::fs::read(repo_path(REPORT)).unwrap();
    // a report with error-level findings, so `audit` prints diagnostics
    let with_findings = std::fs::read(repo_path("tests/fixtures/audit/review-total.txt")).unwrap();
    for i in 0..40 {
        std::fs::write(dir.join(format!("r{i:02}.txt")), &report).unwrap();
        std::fs::write(dir.join(format!("f{i:02}.txt")), &with_findings).unwrap();
    }
    for sub in [
        &["render"][..],
        &["parse"],
        &["parse", "--jsonl"],
        &["audit", "--format", "json"],
        &["audit", "--color", "never"],
        &["export", "--csv", "-"],
    ] {
        let mut child = ogi()
            .args(sub)
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -1`: read one line, then close the pipe
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{sub:?}");
        let out = wait_with_deadline(child, 60, &format!("{sub:?}"));
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{sub:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{sub:?}: {err}");
        // audit exits 1 when a finding is an error, whether or not the pipe closed
        let expected = if sub[0] == "audit" { [0, 1] } else { [0, 0] };
        assert!(
            expected.contains(&out.status.code().unwrap_or(-1)),
            "{sub:?}: status {:?}: {err}",
            out.status
        );
    }
}

// ---------------------------------------------------------------------------
// Exit statuses: 0 fine, 1 an input failed, 2 usage — in every subcommand

#[test]
fn exit_status_is_the_same_in_every_subcommand() {
    let dir = scratch("status");
    let missing = dir.join("missing.txt");
    let good = repo_path(REPORT);
    let out_file = dir.join("out.jsonl");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["parse".into()],
        vec!["render".into()],
        vec!["audit".into()],
        vec!["export".into(), "--jsonl".into(), out_file.clone().into()],
    ];
    for base in &cases {
        let name = base[0].to_string_lossy().into_owned();
        let _ = std::fs::remove_file(&out_file);
        // a missing file: 1, and the good file is still processed
        let out = ogi().args(base).arg(&missing).arg(&good).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        assert!(stderr(&out).contains("missing.txt"), "{name}");
        // usage: 2
        let out = ogi()
            .args(base)
            .arg("--no-such-flag")
            .arg(&good)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        // all fine: 0 (audit: this report has no error-level finding)
        let _ = std::fs::remove_file(&out_file);
        let out = ogi().args(base).arg(&good).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
    }
    // no input at all is a usage error
    for sub in ["parse", "render", "audit", "export"] {
        let out = ogi().arg(sub).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{sub}");
    }
}

// ---------------------------------------------------------------------------
// Folder walks: regular files only, never read past the limit

#[test]
fn folder_walks_skip_fifos_devices_and_non_reports() {
    let dir = scratch("walk");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::copy(repo_path(REPORT), input.join("a.txt")).unwrap();
    mkfifo(&input.join("b.txt"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", input.join("zero.txt")).unwrap();
        std::os::unix::fs::symlink(input.join("b.txt"), input.join("fifo-link.txt")).unwrap();
    }
    std::fs::write(input.join("README.md"), "一、总体情况\n这不是报告。\n").unwrap();
    std::fs::write(input.join("CHANGELOG.txt"), "一、总体情况\n").unwrap();
    std::fs::write(input.join("license.md"), "MIT\n").unwrap();
    let out_file = dir.join("out.jsonl");
    for sub in [
        vec!["parse", "--jsonl"],
        vec!["render"],
        vec!["audit", "--format", "json"],
        vec!["export", "--force", "--jsonl", out_file.to_str().unwrap()],
    ] {
        let out = run_with_deadline(ogi().args(&sub).arg(&input), 60, &format!("{sub:?}"));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{sub:?}: {err}");
        for skipped in ["b.txt", "zero.txt", "fifo-link.txt"] {
            assert!(
                err.lines()
                    .any(|l| l.contains(skipped) && l.contains("skipped: not a regular file")),
                "{sub:?}: {skipped} not reported as skipped:\n{err}"
            );
        }
        assert!(err.contains("(a FIFO)"), "{err}");
        assert!(err.contains("(a character device)"), "{err}");
        let so = String::from_utf8_lossy(&out.stdout).into_owned();
        let written = if sub[0] == "export" {
            std::fs::read_to_string(&out_file).unwrap()
        } else {
            so
        };
        for not_a_report in ["README", "CHANGELOG", "license"] {
            assert!(!written.contains(not_a_report), "{sub:?}: {written}");
            assert!(!err.contains(not_a_report), "{sub:?}: {err}");
        }
        if sub[0] == "parse" || sub[0] == "export" {
            assert_eq!(written.lines().count(), 1, "{sub:?}: only a.txt");
        }
    }
}

#[test]
fn oversized_files_are_refused_without_being_read() {
    let dir = scratch("sparse");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    // 3 GB, sparse: reading it would take 3 GB of memory and many seconds
    let big = input.join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    std::fs::copy(repo_path(REPORT), input.join("ok.txt")).unwrap();
    let out_file = dir.join("out.jsonl");
    for sub in [
        vec!["parse", "--jsonl"],
        vec!["render"],
        vec!["audit", "--format", "json"],
        vec!["export", "--force", "--jsonl", out_file.to_str().unwrap()],
    ] {
        let started = Instant::now();
        let out = run_with_deadline(ogi().args(&sub).arg(&input), 60, &format!("{sub:?}"));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{sub:?}: {err}");
        assert!(
            err.contains("big.txt") && err.contains("too large"),
            "{sub:?}: {err}"
        );
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{sub:?} took {:?}: the file was read",
            started.elapsed()
        );
    }
    // An endless stream named on the command line is read only up to the limit.
    let out = run_with_deadline(ogi().args(["parse", "/dev/zero"]), 120, "parse /dev/zero");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
}

// ---------------------------------------------------------------------------
// export: atomic, --force, never over an input

#[test]
fn export_never_replaces_an_input() {
    let dir = scratch("self");
    let input = dir.join("self.txt");
    std::fs::copy(repo_path(REPORT), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    // the same path, another path to it, a hard link: all refused, with or without --force
    let other_path = dir.join(".").join("self.txt");
    let link = dir.join("link.txt");
    std::fs::hard_link(&input, &link).unwrap();
    for (out_path, force) in [
        (&input, false),
        (&input, true),
        (&other_path, true),
        (&link, true),
    ] {
        let mut cmd = ogi();
        cmd.arg("export").arg(&input).arg("--jsonl").arg(out_path);
        if force {
            cmd.arg("--force");
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("is also an input"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read(&input).unwrap(),
            before,
            "the input is intact"
        );
    }
    // found by walking the folder: refused too
    let out = ogi()
        .arg("export")
        .arg(&dir)
        .arg("--csv")
        .arg(&input)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn export_replaces_an_existing_output_only_with_force() {
    let dir = scratch("force");
    let out_path = dir.join("out.csv");
    std::fs::write(&out_path, "old content\n").unwrap();
    let out = ogi()
        .arg("export")
        .arg(repo_path(REPORT))
        .arg("--csv")
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("exists: use --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&out_path).unwrap(), "old content\n");
    let out = ogi()
        .arg("export")
        .arg(repo_path(REPORT))
        .arg("--csv")
        .arg(&out_path)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&out_path).unwrap();
    assert!(csv.starts_with("file,organ,year,format,table,row,column,value\n"));
    assert!(csv.lines().count() > 100);
    // no temporary file is left behind
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out.csv"]);
}

#[test]
fn interrupted_export_leaves_the_old_output() {
    let dir = scratch("atomic");
    let out_path = dir.join("out.jsonl");
    std::fs::write(&out_path, "old\n").unwrap();
    // A FIFO named on the command line is read (as `cat` would) and blocks
    // until a writer comes: the export is interrupted while it waits.
    let fifo = dir.join("wait.txt");
    mkfifo(&fifo);
    let mut child = ogi()
        .arg("export")
        .arg(repo_path(REPORT))
        .arg(&fifo)
        .arg("--jsonl")
        .arg(&out_path)
        .arg("--force")
        .args(["--jobs", "1", "--chunk", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // wait until the temporary output exists (the export has started writing)
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let tmp = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"));
        if tmp {
            break;
        }
        assert!(Instant::now() < deadline, "no temporary output appeared");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    let _ = child.wait();
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap(),
        "old\n",
        "the killed export left the old output in place"
    );
}
