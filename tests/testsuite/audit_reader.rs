//! A test-only reader for the canonical tab-separated layout of the audit
//! fixtures (`tests/fixtures/audit/*.txt`).
//!
//! It builds the [`Report`] the parser is expected to build for these
//! fixtures, so the audit rules are tested independently of the parser; the
//! same fixtures are then parsed with [`ogi_report::parse`] and must give the
//! same findings. It knows only the canonical layout: six template headings,
//! one table row per line, cells separated by tabs, template labels.

use ogi_report::model::RowMap;
use ogi_report::model::keys::Key;
use ogi_report::model::table::{Fragment, FragmentRole, RowSource, Text};
use ogi_report::model::{
    ActiveDisclosureTable, AdItem, AppCol, AppRow, ApplicationsTable, Block, Format, Heading,
    Number, Paragraph, Report, ReviewLitigationTable, RlGroup, RlOutcome, Section, SectionKind,
    Span, Table, YearMention, YearSource,
};

const HEADINGS: [(&str, SectionKind); 6] = [
    ("一、总体情况", SectionKind::Overview),
    ("二、主动公开政府信息情况", SectionKind::ActiveDisclosure),
    (
        "三、收到和处理政府信息公开申请情况",
        SectionKind::Applications,
    ),
    (
        "四、政府信息公开行政复议、行政诉讼情况",
        SectionKind::ReviewLitigation,
    ),
    ("五、存在的主要问题及改进情况", SectionKind::Problems),
    ("六、其他需要报告的事项", SectionKind::OtherMatters),
];

fn span(text: &str, start: usize, end: usize) -> Span {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..start].matches('\n').count() as u32 + 1;
    let column = text[line_start..start].chars().count() as u32 + 1;
    Span {
        start: start as u32,
        end: end as u32,
        line,
        column,
        page: None,
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

fn value(raw: &str) -> Option<Number> {
    let t = raw.trim();
    if t.is_empty() || matches!(t, "无" | "/" | "-" | "—") {
        return None;
    }
    Number::parse_prefix(t).map(|(n, _)| n)
}

/// Cells of a line after the label: (raw, start, end) in the text.
fn cells(line: &str, at: usize) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut pos = at;
    for c in line.split('\t') {
        out.push((c.to_owned(), pos, pos + c.len()));
        pos += c.len() + 1;
    }
    out
}

fn year_at(s: &str) -> Option<(usize, i32)> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let before_digit = i > 0 && b[i - 1].is_ascii_digit();
        if digits && !before_digit && s[i + 4..].starts_with('年') {
            s[i..i + 4].parse().ok().map(|y| (i, y))
        } else {
            None
        }
    })
}

/// Reads a canonical fixture into a report, with its findings.
pub fn read(text: &str) -> Report {
    let mut report = Report::default();
    let mut years = Vec::new();
    let mut ad = ActiveDisclosureTable::default();
    let mut apps = ApplicationsTable::default();
    let mut rl = ReviewLitigationTable::default();
    let (mut ad_seen, mut apps_seen, mut rl_seen) = (false, false, false);
    let mut group: Option<String> = None;
    let mut offset = 0;
    let mut first_line = true;
    for line in text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let line = line.trim_end_matches('\n');
        if line.trim().is_empty() {
            continue;
        }
        let sp = span(text, at, at + line.len());
        if let Some((h, kind)) = HEADINGS.iter().find(|(h, _)| *h == line) {
            let number = HEADINGS.iter().position(|(x, _)| x == h).unwrap_or(0) as u32 + 1;
            report.sections.push(Section {
                number,
                heading: Heading {
                    raw: line.into(),
                    title: h[6..].into(),
                    span: sp,
                },
                kind: *kind,
                blocks: Vec::new(),
                span: sp,
            });
            continue;
        }
        let kind = report.sections.last().map(|s| s.kind);
        let paragraph = Block::Paragraph(Paragraph {
            text: line.into(),
            span: sp,
        });
        match kind {
            None => {
                if first_line {
                    if let Some((i, y)) = year_at(line) {
                        years.push(YearMention {
                            source: YearSource::Title,
                            year: y,
                            span: span(text, at + i, at + i + 4),
                        });
                    }
                    report.meta.title = Some(line.into());
                } else {
                    let period = line.find("统计期限");
                    if let Some((i, y)) = year_at(line)
                        && period.is_none_or(|p| i < p)
                    {
                        years.push(YearMention {
                            source: YearSource::Preamble,
                            year: y,
                            span: span(text, at + i, at + i + 4),
                        });
                    }
                    if let Some(p) = period
                        && let Some((i, y)) = year_at(&line[p..])
                    {
                        let s = at + p + i;
                        years.push(YearMention {
                            source: YearSource::Period,
                            year: y,
                            span: span(text, s, s + 4),
                        });
                    }
                }
                first_line = false;
                report.preamble.push(paragraph);
            }
            Some(SectionKind::Overview)
                if report.sections.last().is_some_and(|s| s.blocks.is_empty()) =>
            {
                if let Some((0, y)) = year_at(line) {
                    years.push(YearMention {
                        source: YearSource::Body,
                        year: y,
                        span: span(text, at, at + 4),
                    });
                }
                push(&mut report, paragraph);
            }
            Some(SectionKind::ActiveDisclosure) => {
                ad_seen = true;
                let cs = cells(line, at);
                let label = norm(&cs[0].0);
                let item = AdItem::ALL.iter().copied().find(|i| {
                    norm(i.label()) == label
                        || (label == "规范性文件" && *i == AdItem::NormativeDocuments)
                });
                match item {
                    None => {
                        if line.contains("本年制发件数") {
                            report.format = Format::V2021;
                        } else if line.contains("本年新制作数量") {
                            report.format = Format::V2019;
                        }
                        ad.fragments.push(Fragment {
                            role: FragmentRole::Header,
                            raw: line.into(),
                            span: sp,
                        });
                    }
                    Some(item) => {
                        let fields = item.fields(report.format);
                        let mut src = RowSource {
                            label: Some(Text {
                                raw: cs[0].0.clone().into(),
                                span: span(text, cs[0].1, cs[0].2),
                            }),
                            ..Default::default()
                        };
                        let mut vals = RowMap::new();
                        for (f, (raw, s, e)) in fields.iter().zip(&cs[1..]) {
                            vals.insert(*f, value(raw));
                            src.cells.insert(
                                *f,
                                Text {
                                    raw: raw.clone().into(),
                                    span: span(text, *s, *e),
                                },
                            );
                        }
                        ad.items.insert(item, vals);
                        ad.source.insert(item, src);
                    }
                }
            }
            Some(SectionKind::Applications) => {
                apps_seen = true;
                if !line.contains('\t') {
                    let n = norm(line);
                    if n.starts_with('(') {
                        group = Some(n.chars().take(3).collect());
                    }
                    apps.fragments.push(Fragment {
                        role: FragmentRole::GroupLabel,
                        raw: line.into(),
                        span: sp,
                    });
                    continue;
                }
                if line.starts_with('\t') || line.contains("勾稽") {
                    apps.fragments.push(Fragment {
                        role: FragmentRole::Header,
                        raw: line.into(),
                        span: sp,
                    });
                    continue;
                }
                let cs = cells(line, at);
                let label = norm(&cs[0].0);
                let row = app_row(&label, group.as_deref());
                let Some(row) = row else {
                    apps.fragments.push(Fragment {
                        role: FragmentRole::Other,
                        raw: line.into(),
                        span: sp,
                    });
                    continue;
                };
                if matches!(
                    row,
                    AppRow::Granted | AppRow::TotalProcessed | AppRow::CarriedForward
                ) {
                    group = None;
                }
                let mut src = RowSource {
                    label: Some(Text {
                        raw: cs[0].0.clone().into(),
                        span: span(text, cs[0].1, cs[0].2),
                    }),
                    ..Default::default()
                };
                let mut vals = RowMap::new();
                if cs.len() == 2 && cs[1].0.len() >= 8 {
                    src.fused = Some(Text {
                        raw: cs[1].0.clone().into(),
                        span: span(text, cs[1].1, cs[1].2),
                    });
                    for c in AppCol::TEMPLATE {
                        vals.insert(c, None);
                    }
                } else {
                    for (c, (raw, s, e)) in AppCol::TEMPLATE.iter().zip(&cs[1..]) {
                        vals.insert(*c, value(raw));
                        src.cells.insert(
                            *c,
                            Text {
                                raw: raw.clone().into(),
                                span: span(text, *s, *e),
                            },
                        );
                    }
                }
                apps.rows.insert(row, vals);
                apps.source.insert(row, src);
            }
            Some(SectionKind::ReviewLitigation) => {
                let cs = cells(line, at);
                let numeric = cs
                    .iter()
                    .all(|(r, _, _)| r.trim().is_empty() || value(r).is_some());
                if cs.len() == 15 && numeric {
                    rl_seen = true;
                    for (gi, g) in RlGroup::ALL.iter().enumerate() {
                        let mut vals = RowMap::new();
                        let mut src = RowSource::default();
                        for (oi, o) in RlOutcome::ALL.iter().enumerate() {
                            let (raw, s, e) = &cs[gi * 5 + oi];
                            vals.insert(*o, value(raw));
                            src.cells.insert(
                                *o,
                                Text {
                                    raw: raw.clone().into(),
                                    span: span(text, *s, *e),
                                },
                            );
                        }
                        rl.groups.insert(*g, vals);
                        rl.source.insert(*g, src);
                    }
                } else if line.contains('\t') || line.contains("结果维持") {
                    rl_seen = true;
                    rl.fragments.push(Fragment {
                        role: FragmentRole::Header,
                        raw: line.into(),
                        span: sp,
                    });
                } else {
                    push(&mut report, paragraph);
                }
            }
            _ => push(&mut report, paragraph),
        }
    }
    if apps_seen {
        apps.columns = AppCol::TEMPLATE.to_vec();
        place(
            &mut report,
            SectionKind::Applications,
            Table::Applications(apps),
        );
    }
    if ad_seen {
        place(
            &mut report,
            SectionKind::ActiveDisclosure,
            Table::ActiveDisclosure(ad),
        );
    }
    if rl_seen {
        place(
            &mut report,
            SectionKind::ReviewLitigation,
            Table::ReviewLitigation(rl),
        );
    }
    report.meta.years = years;
    report.findings = ogi_report::audit::audit(&report);
    report
}

fn push(report: &mut Report, block: Block) {
    if let Some(s) = report.sections.last_mut() {
        s.blocks.push(block);
    }
}

fn place(report: &mut Report, kind: SectionKind, table: Table) {
    if let Some(s) = report.sections.iter_mut().find(|s| s.kind == kind) {
        s.blocks.insert(0, Block::Table(Box::new(table)));
    }
}

/// The row of a label: exact template label, else by group and list number.
fn app_row(label: &str, group: Option<&str>) -> Option<AppRow> {
    if label.starts_with("(六)其他处理") {
        return Some(AppRow::OtherProcessing);
    }
    let by_label = AppRow::ALL
        .iter()
        .copied()
        .filter(|r| {
            !matches!(
                r,
                AppRow::DeniedSubtotal
                    | AppRow::UnableSubtotal
                    | AppRow::NotProcessedSubtotal
                    | AppRow::OtherSubtotal
            )
        })
        .find(|r| norm(r.label()) == label);
    if by_label.is_some() {
        return by_label;
    }
    if label.starts_with("(二)部分公开") {
        return Some(AppRow::PartiallyGranted);
    }
    let marker = group?;
    let n: usize = label.split('.').next()?.parse().ok()?;
    let rows: Vec<AppRow> = AppRow::ALL
        .iter()
        .copied()
        .filter(|r| r.group().is_some_and(|g| norm(g).starts_with(marker)))
        .filter(|r| {
            !matches!(
                r,
                AppRow::DeniedSubtotal
                    | AppRow::UnableSubtotal
                    | AppRow::NotProcessedSubtotal
                    | AppRow::OtherSubtotal
            )
        })
        .collect();
    rows.get(n.checked_sub(1)?).copied()
}
