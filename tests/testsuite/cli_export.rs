//! Tests: `ogi export` (the built binary, on a temporary folder of corpus copies).
//!
//! The module compiles only with the `cli` feature. With it, the `ogi` binary
//! (`required-features = ["cli"]`) is built before the test suite and cargo
//! sets `CARGO_BIN_EXE_ogi`; without it, neither exists, and these tests are
//! left out instead of failing to compile. CI runs `cargo test --all-features`.
#![cfg(feature = "cli")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::util::shared_dir;

const HEADER: [&str; 8] = [
    "file", "organ", "year", "format", "table", "row", "column", "value",
];
/// A 2021-format report whose applications table has all 25 rows (one cell per line layout).
const SEED_2021: &str = "004_d13c5985a7c040e2.txt";
const APP_COLS: [&str; 7] = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
];

fn ogi(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(args)
        .output()
        .expect("run ogi")
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

/// A fresh folder under cargo's per-target temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_export")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies corpus files into `dir` (seeds at the top, PDF texts, two PDFs and
/// two pingtan reports in nested folders), adds one undecodable `.txt` and
/// one file that is not a report; returns the report files, sorted.
fn corpus_copy(dir: &Path) -> Vec<PathBuf> {
    let corpus = shared_dir().join("corpus");
    let mut copied = Vec::new();
    let mut copy = |from: PathBuf, to: PathBuf| {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
        copied.push(to);
    };
    for e in std::fs::read_dir(corpus.join("seeds")).unwrap() {
        let p = e.unwrap().path();
        copy(p.clone(), dir.join(p.file_name().unwrap()));
    }
    for name in [
        "hzq2023.layout.txt",
        "hzq2024.layout.txt",
        "szfgs2024.layout.txt",
    ] {
        copy(
            corpus.join("real/pdf").join(name),
            dir.join("pdf").join(name),
        );
    }
    for name in ["2019-80576.txt", "2021-80613.txt"] {
        copy(
            corpus.join("real/pingtan").join(name),
            dir.join("deep/er/pingtan").join(name),
        );
    }
    // PDFs are read by the walk, whatever the case of their extension
    copy(
        corpus.join("real/pdf/szfgs2024.pdf"),
        dir.join("pdf/szfgs2024.pdf"),
    );
    copy(
        corpus.join("real/pdf/hzq2024_working.pdf"),
        dir.join("pdf/HZQ2024.PDF"),
    );
    // invalid in UTF-8 and in GB18030 (0xFF never starts a GB18030 sequence)
    let bad = dir.join("pdf/broken.txt");
    std::fs::write(&bad, b"\xff\xff\xff not a report").unwrap();
    copied.push(bad);
    std::fs::write(dir.join("pdf/ignored.doc"), b"%PDF-1.4").unwrap();
    copied.sort();
    copied
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .expect("open csv");
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("csv record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The number of standard-table cells the library finds in `path`.
fn cells_in(path: &Path) -> usize {
    let report = ogi_report::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
    report
        .tables()
        .map(|t| match t {
            ogi_report::Table::Applications(t) => t.rows.values().map(|r| r.len()).sum(),
            ogi_report::Table::ReviewLitigation(t) => t.groups.values().map(|r| r.len()).sum(),
            ogi_report::Table::ActiveDisclosure(t) => t.items.values().map(|r| r.len()).sum(),
            ogi_report::Table::LegacyStatistics(t) => t.rows.values().map(|r| r.len()).sum(),
            ogi_report::Table::Generic(_) => 0,
        })
        .sum()
}

#[test]
fn export_csv_and_jsonl_of_a_folder() {
    let dir = scratch("folder");
    let input = dir.join("in");
    let files = corpus_copy(&input);
    let (csv_out, jsonl_out) = (dir.join("cells.csv"), dir.join("reports.jsonl"));
    let out = ogi(&[
        os("export"),
        input.as_os_str(),
        os("--csv"),
        csv_out.as_os_str(),
        os("--jsonl"),
        jsonl_out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);

    // one bad file fails the run (status 1) but not the batch
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    let n = files.len();
    assert!(
        stderr.contains(&format!("ogi export: {n} files: {} parsed, ", n - 1)),
        "summary missing or wrong:\n{stderr}"
    );
    assert!(stderr.contains(", 1 failed ("), "{stderr}");
    assert!(
        stderr.contains("failed: 1 not UTF-8, GB18030 or Big5"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.txt: ") && stderr.contains("not UTF-8, GB18030 or Big5"),
        "{stderr}"
    );
    // stderr is not a terminal here: no progress bar drawing
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "progress bar drawn on a pipe:\n{stderr:?}"
    );
    assert!(out.stdout.is_empty());

    // CSV: header, eight fields per line, rows of each file in sorted order
    let (header, rows) = read_csv(&csv_out);
    assert_eq!(header, HEADER);
    let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for r in &rows {
        assert_eq!(r.len(), 8, "{r:?}");
        *per_file.entry(&r[0]).or_default() += 1;
        if order.last() != Some(&r[0].as_str()) {
            order.push(&r[0]);
        }
        assert!(
            matches!(
                r[4].as_str(),
                "applications" | "review_litigation" | "active_disclosure"
            ),
            "{r:?}"
        );
        assert!(
            r[7].is_empty() || r[7].parse::<f64>().is_ok(),
            "value is not a number: {r:?}"
        );
    }
    let mut sorted = order.clone();
    sorted.sort_by_key(|f| PathBuf::from(f));
    assert_eq!(order, sorted, "CSV not in path order");
    assert_eq!(
        order.len(),
        per_file.len(),
        "a file's rows are not contiguous"
    );
    assert!(wrote(&stderr, "CSV rows") == Some(rows.len()), "{stderr}");
    // each file contributes exactly its standard-table cells
    for f in files.iter().filter(|f| !f.ends_with("broken.txt")) {
        let key = f.to_string_lossy();
        assert_eq!(
            per_file.get(key.as_ref()).copied().unwrap_or(0),
            cells_in(f),
            "{key}"
        );
    }

    // the 2021 seed: applications table of 25 rows × 7 columns, in template column order
    let seed = input.join(SEED_2021).to_string_lossy().into_owned();
    let app: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] == seed && r[4] == "applications")
        .collect();
    assert_eq!(app.len(), 25 * 7, "applications rows of {SEED_2021}");
    let mut app_rows: Vec<&str> = app.iter().map(|r| r[5].as_str()).collect();
    app_rows.dedup();
    assert_eq!(app_rows.len(), 25, "{app_rows:?}");
    for chunk in app.chunks(7) {
        let cols: Vec<&str> = chunk.iter().map(|r| r[6].as_str()).collect();
        assert_eq!(cols, APP_COLS);
    }
    for r in &app {
        assert_eq!((r[2].as_str(), r[3].as_str()), ("2021", "2021"), "{r:?}");
    }
    assert!(app_rows.contains(&"other_unpaid_fee") && !app_rows.contains(&"other_processing"));

    // JSON lines: one per parsed file, in the same order, "file" first, model readable back
    let jsonl = std::fs::read_to_string(&jsonl_out).unwrap();
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), n - 1);
    let good: Vec<&PathBuf> = files
        .iter()
        .filter(|f| !f.ends_with("broken.txt"))
        .collect();
    for (line, path) in lines.iter().zip(&good) {
        let prefix = format!(
            "{{\"file\":{},",
            serde_json::to_string(&path.to_string_lossy()).unwrap()
        );
        assert!(
            line.starts_with(&prefix),
            "{}",
            &line[..line.len().min(200)]
        );
        let back = ogi_report::Report::from_json(line).expect("JSON line reads back as a Report");
        let direct = ogi_report::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
        assert_eq!(back, direct, "{}", path.display());
    }
    assert!(wrote(&stderr, "JSON lines") == Some(n - 1), "{stderr}");
}

/// The number in the summary line `wrote N <what> to …`.
fn wrote(stderr: &str, what: &str) -> Option<usize> {
    stderr.lines().find_map(|l| {
        let (n, rest) = l.trim().strip_prefix("wrote ")?.split_once(' ')?;
        if rest.starts_with(what) {
            n.parse().ok()
        } else {
            None
        }
    })
}

#[test]
fn output_is_the_same_whatever_the_threads_and_chunks() {
    let dir = scratch("determinism");
    let input = dir.join("in");
    corpus_copy(&input);
    let mut outputs = Vec::new();
    for (jobs, chunk) in [("1", "1"), ("2", "3"), ("2", "1000")] {
        let csv_out = dir.join(format!("j{jobs}c{chunk}.csv"));
        let jsonl_out = dir.join(format!("j{jobs}c{chunk}.jsonl"));
        let out = ogi(&[
            os("export"),
            input.as_os_str(),
            os("--jobs"),
            os(jobs),
            os("--chunk"),
            os(chunk),
            os("--csv"),
            csv_out.as_os_str(),
            os("--jsonl"),
            jsonl_out.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(1));
        outputs.push((
            std::fs::read(&csv_out).unwrap(),
            std::fs::read(&jsonl_out).unwrap(),
        ));
    }
    assert!(!outputs[0].1.is_empty());
    assert!(
        outputs.windows(2).all(|w| w[0] == w[1]),
        "outputs differ between thread/chunk settings"
    );
}

#[test]
fn clean_batch_exits_zero_and_writes_to_stdout() {
    let dir = scratch("stdout");
    let seeds = shared_dir().join("corpus/seeds");
    let seed = seeds.join(SEED_2021);
    // a folder and a file inside it: the file is exported once
    let out = ogi(&[
        os("export"),
        seeds.as_os_str(),
        seed.as_os_str(),
        os("--csv"),
        os("-"),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("ogi export: 5 files: 5 parsed, "),
        "{stderr}"
    );
    assert!(stderr.contains(" 0 failed ("), "{stderr}");
    assert!(stderr.contains("to standard output"), "{stderr}");
    let csv_path = dir.join("stdout.csv");
    std::fs::write(&csv_path, &out.stdout).unwrap();
    let (header, rows) = read_csv(&csv_path);
    assert_eq!(header, HEADER);
    let seed_key = seed.to_string_lossy();
    let app = rows
        .iter()
        .filter(|r| r[0] == seed_key && r[4] == "applications")
        .count();
    assert_eq!(app, 25 * 7);
}

#[test]
fn missing_inputs_and_bad_arguments() {
    let dir = scratch("missing");
    let missing = dir.join("nope.txt");
    let csv_out = dir.join("out.csv");
    let out = ogi(&[
        os("export"),
        missing.as_os_str(),
        os("--csv"),
        csv_out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nope.txt: cannot read"), "{stderr}");
    assert!(
        stderr.contains("1 files: 0 parsed, 0 with error-level findings, 1 failed"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&csv_out).unwrap(),
        HEADER.join(",") + "\n"
    );

    // an output is required
    let out = ogi(&[os("export"), dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    // both outputs on standard output make no sense
    let out = ogi(&[
        os("export"),
        dir.as_os_str(),
        os("--csv"),
        os("-"),
        os("--jsonl"),
        os("-"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot both write to standard output"));
}

#[test]
fn empty_folder_is_not_an_error() {
    let dir = scratch("empty");
    std::fs::create_dir_all(dir.join("in/sub")).unwrap();
    std::fs::write(dir.join("in/sub/notes.doc"), b"x").unwrap();
    let jsonl_out = dir.join("out.jsonl");
    let out = ogi(&[
        os("export"),
        dir.join("in").as_os_str(),
        os("--jsonl"),
        jsonl_out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("ogi export: 0 files: 0 parsed"), "{stderr}");
    assert_eq!(std::fs::read(&jsonl_out).unwrap(), b"");
}

#[test]
fn folder_with_a_pdf_exports_its_figures() {
    let dir = scratch("pdf_folder");
    let input = dir.join("in/reports");
    std::fs::create_dir_all(&input).unwrap();
    let pdf = input.join("SZFGS2024.Pdf");
    std::fs::copy(shared_dir().join("corpus/real/pdf/szfgs2024.pdf"), &pdf).unwrap();
    let csv_out = dir.join("cells.csv");
    let out = ogi(&[
        os("export"),
        dir.join("in").as_os_str(),
        os("--csv"),
        csv_out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("ogi export: 1 files: 1 parsed"), "{stderr}");
    let (_, rows) = read_csv(&csv_out);
    let file = pdf.to_string_lossy();
    let expected: serde_json::Value = serde_json::from_slice(
        &std::fs::read(shared_dir().join("corpus/real/pdf/szfgs2024.expected.json")).unwrap(),
    )
    .unwrap();
    let mut checked = 0;
    for (row, values) in expected["applications"].as_object().unwrap() {
        for (col, want) in APP_COLS.iter().zip(values.as_array().unwrap()) {
            let got: Vec<&Vec<String>> = rows
                .iter()
                .filter(|r| r[0] == file && r[4] == "applications" && r[5] == *row && r[6] == *col)
                .collect();
            assert_eq!(got.len(), 1, "{row} {col}");
            assert_eq!(got[0][7], want.to_string(), "{row} {col}");
            assert_eq!(
                (got[0][1].as_str(), got[0][2].as_str()),
                (expected["organ"].as_str().unwrap(), "2024")
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 6 * 7);
    let review: Vec<String> = rows
        .iter()
        .filter(|r| r[0] == file && r[4] == "review_litigation")
        .map(|r| r[7].clone())
        .collect();
    let want: Vec<String> = expected["review_litigation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(review, want);
}
