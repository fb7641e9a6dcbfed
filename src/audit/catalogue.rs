//! The rule catalogue: every rule of the audit with its stable id,
//! severity, summary and source (see the [module docs](super)).

use super::{legacy, not_report};
use crate::model::Severity;

/// One rule of the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable id, e.g. `applications.balance`.
    pub id: &'static str,
    /// The severity of a violation (a rule may also emit `note`s for what it
    /// could not check).
    pub severity: Severity,
    /// What the rule checks, one sentence.
    pub summary: &'static str,
    /// The clause the rule derives from, or "implied by the template".
    pub derives_from: &'static str,
}

/// `applications.balance`.
pub const APPLICATIONS_BALANCE: &str = "applications.balance";
/// `applications.total_processed`.
pub const APPLICATIONS_TOTAL_PROCESSED: &str = "applications.total_processed";
/// `applications.row_total`.
pub const APPLICATIONS_ROW_TOTAL: &str = "applications.row_total";
/// `applications.other_processing`.
pub const APPLICATIONS_OTHER_PROCESSING: &str = "applications.other_processing";
/// `review_litigation.total`.
pub const REVIEW_LITIGATION_TOTAL: &str = "review_litigation.total";
/// `meta.year_mismatch`.
pub const META_YEAR_MISMATCH: &str = "meta.year_mismatch";
/// `structure.missing_section`.
pub const STRUCTURE_MISSING_SECTION: &str = "structure.missing_section";
/// `structure.missing_table`.
pub const STRUCTURE_MISSING_TABLE: &str = "structure.missing_table";
/// `label.nonstandard`.
pub const LABEL_NONSTANDARD: &str = "label.nonstandard";
/// `table.empty_cell`.
pub const TABLE_EMPTY_CELL: &str = "table.empty_cell";
/// `table.fused_cells`.
pub const TABLE_FUSED_CELLS: &str = "table.fused_cells";
/// `narrative.mismatch`.
pub const NARRATIVE_MISMATCH: &str = "narrative.mismatch";
/// `narrative.absolute_claim`.
pub const NARRATIVE_ABSOLUTE_CLAIM: &str = "narrative.absolute_claim";
/// `structure.numbering`.
pub const STRUCTURE_NUMBERING: &str = "structure.numbering";
/// `table.not_count`.
pub const TABLE_NOT_COUNT: &str = "table.not_count";
/// `table.not_a_number`.
pub const TABLE_NOT_A_NUMBER: &str = "table.not_a_number";
/// `series.carry_over` (across reports, see [`across()`](super::across())).
pub const SERIES_CARRY_OVER: &str = "series.carry_over";
/// `series.stock_flow` (across reports).
pub const SERIES_STOCK_FLOW: &str = "series.stock_flow";
/// `series.gap` (across reports).
pub const SERIES_GAP: &str = "series.gap";
/// `series.duplicate` (across reports).
pub const SERIES_DUPLICATE: &str = "series.duplicate";
/// `rollup.sum` (across reports).
pub const ROLLUP_SUM: &str = "rollup.sum";

static RULES: [Rule; 26] = [
    Rule {
        id: APPLICATIONS_BALANCE,
        severity: Severity::Error,
        summary: "In every column of the applications table, new_received + carried_over equals total_processed + carried_forward.",
        derives_from: "Table 3 header note of 国办公开办函〔2021〕30号 (and 〔2019〕60号): （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    },
    Rule {
        id: APPLICATIONS_TOTAL_PROCESSED,
        severity: Severity::Error,
        summary: "In every column, （七）总计 equals the sum of the outcome rows （一）…（六） (2019: the single （六）其他处理 row; 2021: its three sub-rows); a 小计 row equals the sum of its group.",
        derives_from: "implied by the template (Table 3 of 国办公开办函〔2019〕60号 and 〔2021〕30号: （七）总计 closes the outcome rows)",
    },
    Rule {
        id: APPLICATIONS_ROW_TOTAL,
        severity: Severity::Error,
        summary: "In every row, the 总计 column equals 自然人 plus the five 法人或其他组织 columns (and a 小计 column equals those five).",
        derives_from: "implied by the template (Table 3 申请人情况: 总计 follows 自然人 and 法人或其他组织)",
    },
    Rule {
        id: APPLICATIONS_OTHER_PROCESSING,
        severity: Severity::Error,
        summary: "In the 2021 format the three （六） sub-rows are what is counted: a parent （六）其他处理 row, if present, equals their sum and is not counted a second time in （七）总计.",
        derives_from: "Table 3 of 国办公开办函〔2021〕30号: （六）其他处理 is a group label over three data rows",
    },
    Rule {
        id: REVIEW_LITIGATION_TOTAL,
        severity: Severity::Error,
        summary: "For 行政复议, 未经复议直接起诉 and 复议后起诉, 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结.",
        derives_from: "implied by the template (Table 4 of 国办公开办函〔2019〕60号 and 〔2021〕30号)",
    },
    Rule {
        id: META_YEAR_MISMATCH,
        severity: Severity::Warning,
        summary: "The report year stated in the title, the statistics period, the preamble and the body is the same everywhere.",
        derives_from: "implied by 条例 (国务院令第711号) 第四十九条: one report covers one 上一年度",
    },
    Rule {
        id: STRUCTURE_MISSING_SECTION,
        severity: Severity::Warning,
        summary: "A 2019/2021-format report has the six sections: overview, active disclosure, applications, review and litigation, problems, other matters.",
        derives_from: "国办公开办函〔2019〕60号 and 〔2021〕30号, 一、报告内容 （一）–（六） (条例第五十条)",
    },
    Rule {
        id: STRUCTURE_MISSING_TABLE,
        severity: Severity::Warning,
        summary: "A 2019/2021-format report has the three standard tables: active disclosure, applications, review and litigation.",
        derives_from: "国办公开办函〔2019〕60号 and 〔2021〕30号, the format template (tables under 二、三、四)",
    },
    Rule {
        id: LABEL_NONSTANDARD,
        severity: Severity::Warning,
        summary: "A row label or a group label （三）…（六） of a standard table reads as in the template, after normalising full/half-width brackets, quotes, white space and list markers.",
        derives_from: "国办公开办函〔2019〕60号 and 〔2021〕30号, the format template (labels of Tables 2 and 3)",
    },
    Rule {
        id: TABLE_EMPTY_CELL,
        severity: Severity::Warning,
        summary: "No cell of a standard table is left empty or holds only a null marker (无, /, —, -).",
        derives_from: "implied by the template (every data cell of Tables 2–4 is a figure; empty is not zero)",
    },
    Rule {
        id: TABLE_FUSED_CELLS,
        severity: Severity::Note,
        summary: "A row whose digits ran together (no cell separators) cannot be split without guessing, so its cells are not checked.",
        derives_from: "implied by the template (one figure per cell)",
    },
    Rule {
        id: NARRATIVE_MISMATCH,
        severity: Severity::Warning,
        summary: "A count stated plainly in the text agrees with the tables: 未收到…申请 and 收到/新收…申请N件 (new_received, or new_received + carried_over when the text means the total), 上年结转, 办结/答复 (total_processed), 结转下年度 (carried_forward), 行政复议 and 行政诉讼 totals; numbers in words (两件, 十二件) count.",
        derives_from: "implied by the template (section 一、总体情况 and Tables 3 and 4 of 国办公开办函〔2021〕30号 report the same cases)",
    },
    Rule {
        id: NARRATIVE_ABSOLUTE_CLAIM,
        severity: Severity::Warning,
        summary: "An absolute claim about the applications (均已办结, 全部办结, 所有申请均已按要求办理完成) agrees with a carried_forward total of 0.",
        derives_from: "Table 3 of 国办公开办函〔2021〕30号: row 四、结转下年度继续办理 counts the applications not yet answered",
    },
    Rule {
        id: STRUCTURE_NUMBERING,
        severity: Severity::Warning,
        summary: "Top-level sections are numbered 一、二、三… in sequence (none skipped, repeated or restarted), and the overview's subtopics （一）（二）… are not promoted to top-level numbers.",
        derives_from: "国办公开办函〔2021〕30号 (and 〔2019〕60号), the format: sections 一、 to 六、 in this order",
    },
    Rule {
        id: TABLE_NOT_COUNT,
        severity: Severity::Error,
        summary: "A figure in a count column of a standard table (件, 个, 项) is a whole number, 0 or more; amounts of money and the 2019 本年增/减 column are exempt.",
        derives_from: "implied by the template (Tables 2–4 of 国办公开办函〔2021〕30号 count documents, decisions, applications and cases)",
    },
    Rule {
        id: TABLE_NOT_A_NUMBER,
        severity: Severity::Warning,
        summary: "A standard-table cell that is neither empty nor a null marker holds a number (text such as `abc` is not a figure).",
        derives_from: "implied by the template (every data cell of Tables 2–4 is a figure)",
    },
    Rule {
        id: SERIES_CARRY_OVER,
        severity: Severity::Error,
        summary: "Across one organ's reports, this year's carried_over (二、上年结转) equals last year's carried_forward (四、结转下年度继续办理), per applicant column.",
        derives_from: "Table 3 of 国办公开办函〔2021〕30号 (and 〔2019〕60号): row 二 上年结转 is the previous year's row 四 结转下年度继续办理",
    },
    Rule {
        id: SERIES_STOCK_FLOW,
        severity: Severity::Warning,
        summary: "Across one organ's reports, for regulations and normative documents: last year's in_force + this year's issued − this year's repealed = this year's in_force (a note when a remark such as 含自然失效 explains the difference).",
        derives_from: "条例第二十条第（一）项 and Table 2 of 国办公开办函〔2021〕30号: 本年制发件数, 本年废止件数, 现行有效件数",
    },
    Rule {
        id: SERIES_GAP,
        severity: Severity::Note,
        summary: "An organ's series of reports has no missing year between its first and last report.",
        derives_from: "条例 (国务院令第711号) 第四十九条: a report on the 上一年度 every year",
    },
    Rule {
        id: SERIES_DUPLICATE,
        severity: Severity::Warning,
        summary: "An organ has one report per year (two reports for one organ and year are flagged).",
        derives_from: "条例 (国务院令第711号) 第四十九条: one annual report per organ and year",
    },
    Rule {
        id: ROLLUP_SUM,
        severity: Severity::Warning,
        summary: "A parent's figures equal the sum of its children's, cell by cell, for each year (hierarchy given as parent,child organ names); a note when a child's report for that year is missing.",
        derives_from: "convention of summary (汇总) reports; 条例第四十九条 on the 本级政府 report covering its departments (the hierarchy is the user's)",
    },
    legacy::RULES[0],
    legacy::RULES[1],
    legacy::RULES[2],
    legacy::RULES[3],
    not_report::RULE,
];

/// The rule catalogue, in a stable order.
pub fn rules() -> &'static [Rule] {
    &RULES
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

impl Rule {
    /// True for the rules of [`across()`](super::across()) (`series.*`, `rollup.*`), which
    /// compare several reports; [`audit`](super::audit()) runs the others.
    pub fn is_across(&self) -> bool {
        self.id.starts_with("series.")
            || self.id.starts_with("rollup.")
            || self.id == legacy::LEGACY_CUMULATIVE_CARRY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_ids_are_unique_and_documented() {
        let mut ids: Vec<_> = rules().iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), rules().len());
        for r in rules() {
            assert!(
                !r.summary.is_empty() && !r.derives_from.is_empty(),
                "{}",
                r.id
            );
            assert_eq!(rule(r.id), Some(r));
        }
    }
}
