//! Rules over the report's structure (2019 and 2021 formats only):
//! `structure.missing_section` and `structure.missing_table`.

use super::{STRUCTURE_MISSING_SECTION, STRUCTURE_MISSING_TABLE, finding};
use crate::model::{Finding, Format, SectionKind, Severity, Span};

/// The six sections of the template, in order, with their template headings.
const SECTIONS: [(SectionKind, &str); 6] = [
    (SectionKind::Overview, "一、总体情况"),
    (SectionKind::ActiveDisclosure, "二、主动公开政府信息情况"),
    (
        SectionKind::Applications,
        "三、收到和处理政府信息公开申请情况",
    ),
    (
        SectionKind::ReviewLitigation,
        "四、政府信息公开行政复议、行政诉讼情况",
    ),
    (SectionKind::Problems, "五、存在的主要问题及改进情况"),
    (SectionKind::OtherMatters, "六、其他需要报告的事项"),
];

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    let report = cx.report;
    if !matches!(report.format, Format::V2019 | Format::V2021) {
        return;
    }
    let rank = |k: SectionKind| SECTIONS.iter().position(|(s, _)| *s == k);
    for (i, (kind, heading)) in SECTIONS.iter().enumerate() {
        if report.sections_of(*kind).next().is_some() {
            continue;
        }
        // Point at the heading of the first later template section present,
        // where the missing one belongs; else at the last section's heading.
        let later = report
            .sections
            .iter()
            .find(|s| rank(s.kind).is_some_and(|r| r > i));
        let span = later.or(report.sections.last()).map(|s| s.heading.span);
        let msg = format!("The report has no section {} ({heading}).", kind.key());
        out.push(finding(
            STRUCTURE_MISSING_SECTION,
            Severity::Warning,
            msg,
            span,
        ));
    }
    let tables: [(&str, SectionKind, bool); 3] = [
        (
            "active_disclosure",
            SectionKind::ActiveDisclosure,
            cx.tables
                .iter()
                .any(|t| matches!(t, crate::model::Table::ActiveDisclosure(_))),
        ),
        (
            "applications",
            SectionKind::Applications,
            cx.applications.is_some(),
        ),
        (
            "review_litigation",
            SectionKind::ReviewLitigation,
            cx.review_litigation.is_some(),
        ),
    ];
    for (key, kind, present) in tables {
        if present {
            continue;
        }
        let span: Option<Span> = report.sections_of(kind).next().map(|s| s.heading.span);
        let msg = format!("The report has no {key} table.");
        let mut f = finding(STRUCTURE_MISSING_TABLE, Severity::Warning, msg, span);
        f.table = Some(key.into());
        out.push(f);
    }
}
