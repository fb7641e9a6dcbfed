//! `structure.not_a_report`: the input has none of a report's structure.
//!
//! An empty file, a README, a page of web-site chrome or any other text
//! parses without error (parsing never fails on text), so this rule says
//! plainly that what was parsed is not an OGI annual report. It fires when
//! the report has *none* of: a recognised template format, a standard table,
//! a section of a template kind (总体情况, 主动公开 …), a report year, or a
//! title naming an annual report (年度报告 / 年报) or 政府信息公开 (also in
//! Traditional characters).

use super::{Rule, finding};
use crate::model::{Finding, Format, SectionKind, Severity};

/// The rule id.
pub const STRUCTURE_NOT_A_REPORT: &str = "structure.not_a_report";

/// The rule's entry in [`super::rules`].
pub(crate) const RULE: Rule = Rule {
    id: STRUCTURE_NOT_A_REPORT,
    severity: Severity::Warning,
    summary: "The input has some of a report's structure: a template format, a standard table, a section of the template, a report year or a title naming an annual report (else it is probably not an OGI annual report; `ogi audit` exits 1).",
    derives_from: "条例 (国务院令第711号) 第五十条 and the format template of 国办公开办函〔2021〕30号: what an annual report consists of",
};

pub(super) fn check(cx: &super::Ctx<'_>, out: &mut Vec<Finding>) {
    if looks_like_report(cx) {
        return;
    }
    let msg = "The input has none of a report's structure (no template format, standard table, \
               template section, report year or report title): it is probably not an OGI annual report."
        .to_owned();
    out.push(finding(
        STRUCTURE_NOT_A_REPORT,
        Severity::Warning,
        msg,
        None,
    ));
}

/// Words of a report's title, Simplified and Traditional (Big5 mirrors).
const TITLE_WORDS: [&str; 7] = [
    "年度报告",
    "年报",
    "信息公开",
    "年度報告",
    "年報",
    "資訊公開",
    "信息公開",
];

fn looks_like_report(cx: &super::Ctx<'_>) -> bool {
    let report = cx.report;
    if report.format != Format::Unknown || cx.tables.iter().any(|t| t.kind() != "generic") {
        return true;
    }
    if report.meta.year.is_some() {
        return true;
    }
    if report
        .sections
        .iter()
        .any(|s| !matches!(s.kind, SectionKind::Other))
    {
        return true;
    }
    report
        .meta
        .title
        .as_deref()
        .is_some_and(|t| TITLE_WORDS.iter().any(|w| t.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fires(text: &str) -> bool {
        crate::parse(text)
            .unwrap()
            .findings
            .iter()
            .any(|f| f.rule == STRUCTURE_NOT_A_REPORT)
    }

    #[test]
    fn empty_readme_and_chrome_are_not_reports() {
        assert!(fires(""));
        assert!(fires(
            "# ogi-report\n\nA Rust library.\n\n## Install\n\ncargo add ogi-report\n"
        ));
        assert!(fires(
            "首页 | 政务服务 | 互动交流\n版权所有 © 某某市人民政府 网站标识码 1234\n"
        ));
    }

    #[test]
    fn reports_are_reports() {
        assert!(!fires(
            "某某镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常。\n"
        ));
        assert!(!fires("一、总体情况\n本年度工作正常。\n"));
    }
}
