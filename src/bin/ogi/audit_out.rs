//! The output of `ogi audit`: findings as JSON lines, or as compiler-style
//! diagnostics rendered by `codespan-reporting` (a caret under the
//! offending cell, a labelled underline under each related cell, in its own
//! file when a cross-report finding points into another report).

use std::io::Write;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::Buffer;
use codespan_reporting::term::{self, Config, DisplayStyle};
use ogi_report::{Finding, Severity};

/// Writes one file's findings as one JSON line `{"file": …, "findings": […]}`.
pub(crate) fn write_json(
    out: &mut impl Write,
    file: &str,
    findings: &[Finding],
) -> std::io::Result<()> {
    let value = serde_json::json!({ "file": file, "findings": findings });
    serde_json::to_writer(&mut *out, &value)?;
    out.write_all(b"\n")
}

/// The byte range of `span` in `text`, when it is a valid range.
fn range(span: Option<ogi_report::Span>, text: &str) -> Option<std::ops::Range<usize>> {
    match span {
        Some(s)
            if s.start <= s.end
                && s.range().end <= text.len()
                && text.is_char_boundary(s.range().start)
                && text.is_char_boundary(s.range().end) =>
        {
            Some(s.range())
        }
        _ => None,
    }
}

/// The codespan diagnostic of one finding: a primary label under its span,
/// a secondary label under each related span (in its own file when the
/// related span names one that `names` knows).
fn diagnostic(
    f: &Finding,
    files: &SimpleFiles<String, String>,
    id: usize,
    names: &[(&str, usize)],
) -> Diagnostic<usize> {
    let severity = match f.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let text = |id: usize| files.get(id).map(|f| f.source().as_str()).unwrap_or("");
    let primary = range(f.span, text(id)).unwrap_or(0..0);
    let label_msg = match (f.expected, f.found) {
        (Some(e), Some(x)) => format!("expected {e}, found {x}"),
        (None, Some(x)) => format!("found {x}"),
        _ => String::new(),
    };
    let mut notes = Vec::new();
    let keys: Vec<String> = [("table", &f.table), ("row", &f.row), ("column", &f.column)]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}")))
        .collect();
    if !keys.is_empty() {
        notes.push(keys.join(", "));
    }
    let mut labels = vec![Label::primary(id, primary.clone()).with_message(label_msg)];
    for r in &f.related {
        let rid = match &r.file {
            None => Some(id),
            Some(name) => names.iter().find(|(n, _)| n == name).map(|(_, i)| *i),
        };
        match rid.and_then(|rid| range(Some(r.span), text(rid)).map(|rg| (rid, rg))) {
            // the primary cell is labelled already
            Some((rid, rg)) if rid == id && rg == primary => {}
            Some((rid, rg)) => labels.push(Label::secondary(rid, rg).with_message(r.label.clone())),
            None => notes.push(match &r.file {
                Some(file) => format!("{}: {}:{}:{}", r.label, file, r.span.line, r.span.column),
                None => format!("{}: {}:{}", r.label, r.span.line, r.span.column),
            }),
        }
    }
    Diagnostic::new(severity)
        .with_code(f.rule.clone())
        .with_message(f.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Writes each finding as `file:line:col: severity[rule]: message` (codespan's
/// short style) followed by the source snippet with the caret (codespan's
/// rich style, whose own header line is dropped as it repeats the first line).
pub(crate) fn write_text(
    out: &mut impl Write,
    file: &str,
    text: &str,
    findings: &[Finding],
    colored: bool,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let id = files.add(file.to_owned(), text.to_owned());
    write_text_in(out, &files, id, &[(file, id)], findings, colored)
}

/// [`write_text`] for the file `id` of a set of files (related spans may
/// point into the others, found by name in `names`).
pub(crate) fn write_text_in(
    out: &mut impl Write,
    files: &SimpleFiles<String, String>,
    id: usize,
    names: &[(&str, usize)],
    findings: &[Finding],
    colored: bool,
) -> std::io::Result<()> {
    let short = Config {
        display_style: DisplayStyle::Short,
        ..Config::default()
    };
    let rich = Config::default();
    let new_buffer = || {
        if colored {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        }
    };
    for f in findings {
        let d = diagnostic(f, files, id, names);
        // the short header names the primary label only
        let mut head_d = d.clone();
        head_d.labels.truncate(1);
        head_d.notes.clear();
        let mut head = new_buffer();
        term::emit(&mut head, &short, files, &head_d).map_err(std::io::Error::other)?;
        let mut body = new_buffer();
        term::emit(&mut body, &rich, files, &d).map_err(std::io::Error::other)?;
        out.write_all(head.as_slice())?;
        let body = body.as_slice();
        let cut = body
            .iter()
            .position(|&b| b == b'\n')
            .map_or(body.len(), |i| i + 1);
        out.write_all(&body[cut..])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogi_report::{Number, Span};

    fn finding(span: Span) -> Finding {
        Finding {
            rule: "review_litigation.total".into(),
            severity: Severity::Error,
            message:
                "行政复议 (review): upheld + corrected + other + pending is 11 but the total is 0."
                    .into(),
            span: Some(span),
            expected: Some(Number::int(11)),
            found: Some(Number::int(0)),
            column: Some("total".into()),
            table: Some("review_litigation".into()),
            row: Some("review".into()),
            related: Vec::new(),
        }
    }

    #[test]
    fn text_output_has_location_line_source_and_caret() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n结果维持\t总计\n10\t1\t0\t0\t0\n";
        let start = text.find("10\t1\t0\t0\t0").unwrap() + "10\t1\t0\t0\t".len();
        let span = Span {
            start: start as u32,
            end: start as u32 + 1,
            line: 3,
            column: 10,
            page: None,
        };
        let mut out = Vec::new();
        write_text(&mut out, "r.txt", text, &[finding(span)], false).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "r.txt:3:10: error[review_litigation.total]: 行政复议 (review): upheld + corrected + other + pending is 11 but the total is 0."
        );
        assert!(out.contains("┌─ r.txt:3:10"), "{out}");
        let src = lines
            .iter()
            .position(|l| l.contains("10") && l.contains('│'))
            .expect("source line");
        let caret = lines[src + 1];
        // The caret sits under the last cell: the source line with tabs
        // expanded by codespan, then the `^` at the same display column.
        let code_col = lines[src].find("10").unwrap();
        let zero_col = code_col + lines[src][code_col..].rfind('0').unwrap();
        assert_eq!(caret.find('^'), Some(zero_col), "{out}");
        assert!(caret.contains("expected 11, found 0"), "{out}");
        assert!(
            out.contains("= table review_litigation, row review, column total"),
            "{out}"
        );
    }

    #[test]
    fn carets_align_under_chinese_text() {
        let text = "（五）不予公开\n";
        let span = Span {
            start: 0,
            end: text.len() as u32 - 1,
            line: 1,
            column: 1,
            page: None,
        };
        let mut f = finding(span);
        f.severity = Severity::Warning;
        f.rule = "label.nonstandard".into();
        let mut out = Vec::new();
        write_text(&mut out, "r.txt", text, &[f], false).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("r.txt:1:1: warning[label.nonstandard]: "),
            "{out}"
        );
        // seven CJK characters, each two columns wide
        assert!(out.contains(&"^".repeat(14)), "{out}");
    }

    #[test]
    fn json_is_one_object_per_file() {
        let mut out = Vec::new();
        let span = Span {
            start: 0,
            end: 1,
            line: 1,
            column: 1,
            page: None,
        };
        write_json(&mut out, "a.txt", &[finding(span)]).unwrap();
        write_json(&mut out, "b.txt", &[]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let objs: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(objs.len(), 2);
        assert_eq!(objs[0]["file"], "a.txt");
        assert_eq!(objs[0]["findings"][0]["rule"], "review_litigation.total");
        assert_eq!(objs[0]["findings"][0]["expected"], 11);
        assert_eq!(objs[1]["findings"], serde_json::json!([]));
    }
}
