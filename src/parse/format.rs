//! Which template a report follows: 2021, 2019, legacy or unknown, from
//! the typed tables the parser built (templates.md §3.2).

use crate::model::keys::{AdField, AppRow};
use crate::model::{Format, Report, SectionKind, Table};
use crate::text::lexical::norm;

/// Which template the report follows (templates.md §3.2: the 2021 markers of
/// Table 2/3 win; then the 2019 markers; a report with only free sections is
/// legacy).
pub(crate) fn format(report: &Report, year: Option<i32>) -> Format {
    let (mut v2021, mut v2019, mut std_table) = (false, false, false);
    for t in report.tables() {
        match t {
            Table::Applications(a) => {
                std_table = true;
                if a.rows.keys().any(|r| {
                    matches!(
                        r,
                        AppRow::OtherNoCorrection | AppRow::OtherUnpaidFee | AppRow::OtherOther
                    )
                }) {
                    v2021 = true;
                }
                if a.rows.contains_key(&AppRow::OtherProcessing) {
                    v2019 = true;
                }
            }
            Table::ActiveDisclosure(a) => {
                std_table = true;
                for f in a.items.values().flat_map(|m| m.keys()) {
                    match f {
                        AdField::Issued
                        | AdField::Repealed
                        | AdField::InForce
                        | AdField::Amount10kYuan => v2021 = true,
                        AdField::Made
                        | AdField::Published
                        | AdField::PublicTotal
                        | AdField::PreviousYear
                        | AdField::Change
                        | AdField::Projects
                        | AdField::Amount => v2019 = true,
                        AdField::Decisions => {}
                    }
                }
                if a.items.values().any(|m| {
                    m.contains_key(&AdField::Decisions) && !m.contains_key(&AdField::PreviousYear)
                }) {
                    v2021 = true;
                }
            }
            Table::ReviewLitigation(_) => std_table = true,
            Table::LegacyStatistics(_) | Table::Generic(_) => {}
        }
    }
    let by_year = || {
        if year.is_some_and(|y| y >= 2021) {
            Format::V2021
        } else {
            Format::V2019
        }
    };
    if v2021 {
        Format::V2021
    } else if v2019 {
        Format::V2019
    } else if std_table
        || report.sections.iter().any(|s| {
            s.kind == SectionKind::Applications && norm(&s.heading.title).contains("收到和处理")
        })
    {
        by_year()
    } else if !report.sections.is_empty() {
        Format::Legacy
    } else {
        Format::Unknown
    }
}
