//! Rules over the labels of the standard tables: `label.nonstandard`.
//!
//! A label is compared with the template's after [`normalize_label`]
//! (white space, full/half-width forms, quotes, list-number punctuation).
//! A label that wrapped onto another line (a `label_part` fragment after it)
//! is joined before the comparison. Group labels （三）…（六） of the
//! applications table are checked for the title their marker carries.

use std::sync::LazyLock;

use super::{LABEL_NONSTANDARD, excerpt, finding, normalize_label, normalize_label_into};
use crate::model::{
    AdItem, AppRow, Finding, Format, Fragment, FragmentRole, Key, RowSource, Severity, Table,
};

/// The group labels of Table 3 by their normalised marker.
const GROUPS: [(&str, &str); 4] = [
    ("(三)", "不予公开"),
    ("(四)", "无法提供"),
    ("(五)", "不予处理"),
    ("(六)", "其他处理"),
];

/// The normalised template labels: of each row of the applications table
/// (by row), its group label, and of each item of the active-disclosure
/// table (by item), normalised once per process.
struct Templates {
    app: Vec<(String, Option<String>)>,
    ad: Vec<String>,
}

static TEMPLATES: LazyLock<Templates> = LazyLock::new(|| Templates {
    app: AppRow::ALL
        .iter()
        .map(|r| (normalize_label(r.label()), r.group().map(normalize_label)))
        .collect(),
    ad: AdItem::ALL
        .iter()
        .map(|i| normalize_label(i.label()))
        .collect(),
});

/// The normalised form of a template label of the active-disclosure table.
fn ad_template(label: &'static str, item: AdItem) -> std::borrow::Cow<'static, str> {
    let templates = &*TEMPLATES;
    if label == item.label() {
        return templates.ad[item as usize].as_str().into();
    }
    normalize_label(label).into()
}

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    let templates = &*TEMPLATES;
    // one buffer for every label normalised
    let mut scratch = String::with_capacity(128);
    for &table in &cx.tables {
        match table {
            Table::Applications(t) => {
                let starts = part_bounds(t);
                for (row, src) in &t.source {
                    if matches!(
                        row,
                        AppRow::DeniedSubtotal
                            | AppRow::UnableSubtotal
                            | AppRow::NotProcessedSubtotal
                            | AppRow::OtherSubtotal
                    ) {
                        continue;
                    }
                    let (want, group) = &templates.app[*row as usize];
                    check_row(
                        ("applications", row.key()),
                        (row.label(), want),
                        group.as_deref(),
                        src,
                        (&t.fragments, &starts, &mut scratch),
                        out,
                    );
                }
                for frag in t
                    .fragments
                    .iter()
                    .filter(|f| f.role == FragmentRole::GroupLabel)
                {
                    check_group(frag, &mut scratch, out);
                }
            }
            Table::ActiveDisclosure(t) => {
                for (item, src) in &t.source {
                    let label = match (item, report.format) {
                        (AdItem::NormativeDocuments, Format::V2019) => "规范性文件",
                        (AdItem::NormativeDocuments, Format::V2021) => "行政规范性文件",
                        (AdItem::NormativeDocuments, _) => {
                            let raw = src
                                .label
                                .as_ref()
                                .map(|l| normalize_label(&l.raw))
                                .unwrap_or_default();
                            if raw == "规范性文件" {
                                "规范性文件"
                            } else {
                                "行政规范性文件"
                            }
                        }
                        (item, _) => item.label(),
                    };
                    let want = ad_template(label, *item);
                    check_row(
                        ("active_disclosure", item.key()),
                        (label, &want),
                        None,
                        src,
                        (&[], &[], &mut scratch),
                        out,
                    );
                }
            }
            _ => {}
        }
    }
}

/// Where each row of `t` starts, and each fragment that is no wrapped part
/// (a group label, a header), sorted: a wrapped part of a label is before
/// them, as the canonical text writes it (empty when the table kept no
/// parts).
fn part_bounds(t: &crate::model::ApplicationsTable) -> Vec<u32> {
    let stray = |f: &Fragment| matches!(f.role, FragmentRole::LabelPart | FragmentRole::Other);
    let mut starts: Vec<u32> = Vec::new();
    if t.fragments.iter().any(stray) {
        starts.extend(t.source.values().filter_map(RowSource::start));
        starts.extend(
            t.fragments
                .iter()
                .filter(|f| !stray(f))
                .map(|f| f.span.start),
        );
        starts.sort_unstable();
    }
    starts
}

/// Checks one row label (of the row `row` of `table`) against `template`
/// (`want`: its normalised form); `group` is the normalised group label
/// (`(三)不予公开`) that may precede it on the same line. `scratch`: a
/// buffer for the normalised label.
fn check_row<C: Key>(
    (table, row): (&str, &str),
    (template, want): (&str, &str),
    group: Option<&str>,
    src: &RowSource<C>,
    (fragments, starts, scratch): (&[Fragment], &[u32], &mut String),
    out: &mut Vec<Finding>,
) {
    let Some(label) = &src.label else {
        return;
    };
    // written as the template writes it: its normal form is `want` (no
    // template label starts with 三、本年度办理结果)
    if label.raw == template {
        return;
    }
    normalize_label_into(&label.raw, scratch);
    let mut got: &str = scratch;
    // 三、本年度办理结果 or the group label written on the row's line.
    if let Some(rest) = got.strip_prefix("三、本年度办理结果")
        && !rest.is_empty()
    {
        got = rest;
    }
    if let Some(g) = group
        && got != want
        && got.ends_with(want)
        && got.starts_with('(')
        && got[..got.len() - want.len()] == *g
    {
        return;
    }
    if got == want || joined_matches(got, (template, want), src, (fragments, starts)) {
        return;
    }
    let msg = format!(
        "The row label “{}” differs from the template label “{template}”.",
        excerpt(&crate::text::space::without_space(&label.raw), 60)
    );
    let mut f = finding(LABEL_NONSTANDARD, Severity::Warning, msg, Some(label.span));
    f.table = Some(table.into());
    f.row = Some(row.into());
    out.push(f);
}

/// True when `got` (the label of `row`) plus the wrapped parts of the label
/// that follow it make `want`. Wrapped parts are `label_part` fragments the
/// label's text does not already hold (the parser's labels hold theirs), and
/// `other` fragments (which layouts where the parser could not tell a
/// wrapped label from stray text produce) that the row's tab row keeps
/// ([`crate::template::beside`]), in order, after the label and before the
/// next row or other table text (`starts`: where each row of the table and
/// each fragment of another role starts, sorted): text after another row's
/// start is that row's, or stray text, not the rest of this label (and the
/// canonical text writes text after a group label with no row; nor text
/// that the tab row would read as the label's rest,
/// [`crate::template::beside::label_rest`], which it
/// does not write); `other` text on a line of its own (`…不` + `不予处理` +
/// `计其他情形）`, `…情形 1 2 …` + `）`) or apart after fused digits or an
/// inner figure (`…信` + `3 息`) is not written by the canonical text, so it
/// joins the label in neither.
fn joined_matches<C: Key + 'static>(
    got: &str,
    (template, want): (&str, &str),
    row: &RowSource<C>,
    (fragments, starts): (&[Fragment], &[u32]),
) -> bool {
    if !want.starts_with(got) {
        return false;
    }
    let Some(label) = &row.label else {
        return false;
    };
    let at = label.span.start;
    // a label part the label's text already holds (the parser joins it
    // there, and the canonical text writes it so) is not joined again: it
    // would cut the join short in the source only (`…出具` + `已获取信2息`)
    let kept = |f: &Fragment| {
        use crate::template::beside::{beside, label_rest, on_row_line};
        if f.role == FragmentRole::LabelPart {
            return !label.raw.contains(f.raw.as_str());
        }
        on_row_line(row, f) && beside(row, f).is_some_and(|b| !label_rest(row, f, &b, template))
    };
    let next = starts
        .get(starts.partition_point(|&s| s <= at))
        .copied()
        .unwrap_or(u32::MAX);
    let mut joined = got.to_owned();
    let parts = fragments.iter().filter(|f| {
        matches!(f.role, FragmentRole::LabelPart | FragmentRole::Other)
            && f.span.start > at
            && f.span.start < next
            && kept(f)
    });
    for part in parts {
        joined.push_str(&normalize_label(&part.raw));
        if joined == want {
            return true;
        }
        if !want.starts_with(&joined) {
            return false;
        }
    }
    false
}

/// Checks a group label （三）…（六）: the marker must carry the template's title.
fn check_group(frag: &Fragment, scratch: &mut String, out: &mut Vec<Finding>) {
    normalize_label_into(&frag.raw, scratch);
    let norm = scratch.as_str();
    let Some((marker, title)) = GROUPS.iter().find(|(m, _)| norm.starts_with(m)) else {
        return;
    };
    let rest = &norm[marker.len()..];
    if rest.is_empty() || rest.starts_with(title) {
        return;
    }
    let template = format!("（{}）{title}", &marker[1..marker.len() - 1]);
    let msg = format!(
        "The group label “{}” differs from the template label “{template}”.",
        excerpt(&crate::text::space::without_space(&frag.raw), 60)
    );
    let mut f = finding(LABEL_NONSTANDARD, Severity::Warning, msg, Some(frag.span));
    f.table = Some("applications".into());
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Span, Text};

    fn at(start: u32, end: u32) -> Span {
        Span {
            start,
            end,
            ..Span::default()
        }
    }

    fn part(role: FragmentRole, raw: &str, start: u32) -> Fragment {
        Fragment {
            role,
            raw: raw.into(),
            span: at(start, start + raw.len() as u32),
        }
    }

    #[test]
    fn wrapped_parts_join_in_order_before_the_next_row() {
        let template = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
        let want = normalize_label(template);
        let raw = "（二）部分公开（区分处理的，只计这一情形，不计其他情形";
        // the label and one figure (text after a row's last figure is
        // written there, one more field)
        let mut label = RowSource::<crate::model::AppCol> {
            label: Some(Text {
                raw: raw.into(),
                span: at(100, 100 + raw.len() as u32),
            }),
            ..RowSource::default()
        };
        let figure = Text {
            raw: "7".into(),
            span: at(210, 211),
        };
        label.cells.insert(crate::model::AppCol::Total, figure);
        let got = normalize_label(raw);
        // the closing bracket after the label: joined
        let frags = [part(FragmentRole::Other, "）", 230)];
        assert!(joined_matches(
            &got,
            (template, &want),
            &label,
            (&frags, &[100, 500])
        ));
        // after the next row's start, it is not this label's
        assert!(!joined_matches(
            &got,
            (template, &want),
            &label,
            (&frags, &[100, 225])
        ));
        // a part that does not continue the label ends the join (the
        // canonical text writes the label and the parts that joined it)
        let frags = [
            part(FragmentRole::Other, "乙", 220),
            part(FragmentRole::Other, "）", 230),
        ];
        assert!(!joined_matches(
            &got,
            (template, &want),
            &label,
            (&frags, &[100, 500])
        ));
        // nor before the label
        let before = [part(FragmentRole::Other, "）", 50)];
        assert!(!joined_matches(
            &got,
            (template, &want),
            &label,
            (&before, &[100])
        ));
        // text the canonical text does not write does not join: a figure
        // after the row's last one (it would read as a cell)
        let frags = [
            part(FragmentRole::Other, "9", 220),
            part(FragmentRole::Other, "）", 230),
        ];
        assert!(joined_matches(
            &got,
            (template, &want),
            &label,
            (&frags, &[100, 500])
        ));
        // nor `other` text on a line of none of the row's texts
        let mut own = part(FragmentRole::Other, "）", 230);
        own.span.line = 2;
        assert!(!joined_matches(
            &got,
            (template, &want),
            &label,
            (&[own], &[100, 500])
        ));
    }
}
