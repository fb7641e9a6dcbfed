//! Invalid input (`tests/fixtures/invalid/`): a clear error with line and
//! column, never a panic. `err.to_string()` is compared with the `.stderr`
//! snapshot (`UPDATE_SNAPSHOTS=1` rewrites them).

use crate::util::repo_path;

#[test]
fn invalid_fixtures_match_their_error_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut files: Vec<_> = std::fs::read_dir(repo_path("tests/fixtures/invalid"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 2);
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let err = ogi_report::parse_bytes(&bytes).expect_err("invalid input");
        let got = format!("{err}\n");
        let snap = f.with_extension("stderr");
        if update {
            std::fs::write(&snap, &got).unwrap();
            continue;
        }
        let want =
            std::fs::read_to_string(&snap).unwrap_or_else(|_| panic!("{} missing", snap.display()));
        assert_eq!(got, want, "{}", f.display());
    }
}

#[test]
fn errors_carry_positions_and_codes() {
    let err = ogi_report::parse("一、总体情况\n本年度\0工作").unwrap_err();
    assert_eq!((err.line(), err.column(), err.offset()), (2, 4, 28));
    assert_eq!(err.code(), 301);
    assert!(matches!(err.kind(), ogi_report::ErrorKind::Binary));
    let err = ogi_report::parse_bytes(b"ok\n\xff\xff").unwrap_err();
    assert_eq!((err.line(), err.column(), err.offset()), (2, 1, 3));
    assert_eq!(err.code(), 200);
    // the error trait chain reaches the kind
    let source = std::error::Error::source(&err).unwrap();
    assert!(source.to_string().contains("not UTF-8, GB18030 or Big5"));
}

#[test]
fn unusual_input_is_not_an_error() {
    for text in [
        "",
        "\n\n\n",
        "   ",
        "abc",
        "一、",
        "（一）",
        "第二十条",
        "行政复议",
        "|||",
        "\t\t\t\n0\t0",
        "-1-",
    ] {
        let r = ogi_report::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        ogi_report::lossless::check(text, &r).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}
