//! Converter markdown: what pymupdf4llm, docling, MinerU or an OCR service
//! hand over after reading a report's PDF.
//!
//! Such markdown is recognised by content ([`is_converter_markdown`]): pipe
//! tables with `|---|` separator rows, `#` headings. [`reading`] turns it into
//! a [`Reading`] for the line parser:
//!
//! * headings lose their `#` marks, `**bold**` markers and `<br>` breaks are
//!   dropped; prose keeps its text (spaces between CJK characters and hard
//!   line breaks are layout the line parser already reads);
//! * every pipe table becomes a [`Grid`] normalised at the layout level
//!   ([`tables`]) and is written as tab rows:
//!   - fragments of one table separated by page furniture (page-number lines
//!     `- 3 -`, `— 4 —`, `第 3 页`, blank lines, a short caption line, a
//!     heading that continues the table, a new separator row, a repeated header
//!     row) are joined into one grid;
//!   - separator rows are dropped;
//!   - the non-numeric cells before the first number of a row form its label
//!     and are glued into one cell
//!     ([`Origin::Glued`](crate::grid::Origin::Glued)); the lines of a
//!     label cut over two cells are interleaved (`（二）部分公开（区<br>计其他情形）` +
//!     `分处理的，只计这一情形，不`);
//!   - a label cell holding a group label and the row label fused
//!     (`三、<br>1.属于国家秘密`) is split into the group line and the row
//!     label;
//!   - a group label printed one or two characters per row over the first
//!     column (`三<br>、`, `本<br>年`, …) is glued into one group row placed
//!     before the first item of its group; a sub-group label cut over rows
//!     (`（三）不` / `予公开`) before the first numbered row of its run;
//!   - a label-only row whose next row's label carries no list marker is the
//!     first line of that label;
//!   - header rows (rows without numbers before the first data row,
//!     placeholder headers such as `数据1 … 总计`) keep their cells.
//!
//! Page-number lines are written after the table they interrupt. Every
//! character of the source stays under some span once the model is mapped
//! back ([`Reading::remap`]): markup is folded into the text next to it, pipes
//! and separator rows lie inside their table's span.
//!
//! ```
//! let md = "## 二、主动公开政府信息情况\n\n|信息内容|本年制发件数|\n|---|---|\n|规章|**3**|\n";
//! assert!(ogi_report::input::markdown::is_converter_markdown(md));
//! let r = ogi_report::input::markdown::reading(md);
//! // (the space at the start of a row stands for its leading pipe)
//! assert_eq!(r.text(), "二、主动公开政府信息情况\n\n 信息内容\t本年制发件数\n 规章\t3\n");
//! ```
//!
//! One job a file:
//! - `lines`: the source's lines and what each is (pipe row, separator,
//!   heading, page number, text);
//! - `cells`: the cells of a pipe row and their lines (`<br>`, `**`);
//! - `labels`: figures and list markers, what tells a value from a label;
//! - `blocks`: lines and tables, a table's fragments joined over page
//!   furniture;
//! - `normalise`: a joined table's rows made into a [`Grid`] (labels glued,
//!   group labels placed, header rows kept);
//! - `emit`: the reading text written from lines and grids, markup folded
//!   into the text next to it.

mod blocks;
mod cells;
mod emit;
mod labels;
mod lines;
mod normalise;

use std::ops::Range;

use super::Reading;
use crate::grid::Grid;
use blocks::{Block, blocks};
use emit::Emitter;
use lines::{Kind, SrcLine, classify, heading_level, is_separator, src_lines};

/// True when `text` reads as converter markdown: a pipe table with a
/// `|---|` separator row, or at least two `#` headings.
pub fn is_converter_markdown(text: &str) -> bool {
    // every text input comes through here: only the lines that can decide
    // are looked at, those with a pipe (a separator row and the row above
    // it) or a `#` (a heading starts with one), found by one memchr pass;
    // the answer is that of a walk over every line
    let b = text.as_bytes();
    let mut headings = 0;
    // the lines before this offset have been judged
    let mut judged = 0;
    for at in memchr::memchr2_iter(b'|', b'#', b) {
        if at < judged {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &b[..at]).map_or(0, |p| p + 1);
        let end = memchr::memchr2(b'\n', b'\r', &b[at..]).map_or(b.len(), |p| at + p);
        let t = &text[start..end];
        if is_separator(t)
            && line_before(b, start).is_some_and(|p| memchr::memchr(b'|', p).is_some())
        {
            return true;
        }
        if heading_level(t).is_some() {
            headings += 1;
        }
        judged = end + 1;
    }
    headings >= 2
}

/// The line before the line that starts at byte `start` of `b` (LF, CR and
/// CRLF line ends, as [`crate::lines::iter`] reads them).
fn line_before(b: &[u8], start: usize) -> Option<&[u8]> {
    if start == 0 {
        return None;
    }
    let mut end = start - 1;
    if b[end] == b'\n' && end > 0 && b[end - 1] == b'\r' {
        end -= 1;
    }
    let from = memchr::memrchr2(b'\n', b'\r', &b[..end]).map_or(0, |p| p + 1);
    Some(&b[from..end])
}

/// The normalised grids of the pipe tables of `source`, in source order.
/// Offsets of the cells are byte offsets into `source`.
pub fn tables(source: &str) -> Vec<Grid> {
    let lines = src_lines(source);
    let kinds: Vec<Kind> = classify(source, &lines);
    blocks(source, &lines, &kinds)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.grid),
            Block::Line(_) => None,
        })
        .collect()
}

/// The reading text of converter markdown `source` (see the module docs).
///
/// The pipes and separator rows of a table are its layout: they lie inside
/// the table's span once the model is mapped back. Where the line parser does
/// not read rows as a table, use [`reading_within`] with the spans it found.
pub fn reading(source: &str) -> Reading {
    build(source, None)
}

/// Like [`reading`] (the same text), but pipes and separator rows count as
/// table layout only inside `tables` (source ranges of the tables the parser
/// found); elsewhere they fold into the text next to them, so that every
/// character of the source stays under some span.
pub fn reading_within(source: &str, tables: &[Range<usize>]) -> Reading {
    build(source, Some(tables))
}

fn build(source: &str, tables: Option<&[Range<usize>]>) -> Reading {
    let lines = src_lines(source);
    let kinds = classify(source, &lines);
    let separators = lines
        .iter()
        .zip(&kinds)
        .filter(|(_, k)| **k == Kind::Separator)
        .map(|(l, _)| l.start..l.end)
        .collect();
    let mut out = Emitter::new(source, separators);
    out.tables = tables.map(|t| {
        let mut t = t.to_vec();
        t.sort_by_key(|r| r.start);
        // nested or overlapping spans merged
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in t {
            match merged.last_mut() {
                Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    });
    for b in blocks(source, &lines, &kinds) {
        match b {
            Block::Line(i) => out.line(&lines[i], kinds[i]),
            Block::Table(t) => {
                let furniture: Vec<SrcLine> = t.furniture.iter().map(|&i| lines[i]).collect();
                out.table(&t.grid, &t.rows_src, &furniture);
            }
        }
    }
    out.finish()
}

#[cfg(test)]
mod props {
    use proptest::prelude::*;

    /// Rows and lines in the shapes converters give (cells cut across
    /// `<br>`, labels split over two cells, fused group labels, empty
    /// pipes, page footers, emphasis), written for this test from the
    /// template's labels with made-up figures.
    const ROWS: &[&str] = &[
        "|（本列数据的勾稽关系<br>为：第一项加第二项之和，|等于第三项加第四项之和）<br>|自然人|商业<br>企业|其他|总计|\n",
        "|---|---|---|---|---|---|---|---|---|\n",
        "|一、本年新收政府|信息公开申请数量|12|1|0|0|0|2|15|\n",
        "|（二）部分公开（区分处理的，<br>只计这一情形，|不计其他情形）|3|0|0|0|0|0|3|\n",
        "||2.其他法律行政法规禁止公开|2|0|0|0|0|0|2|\n",
        "|三<br>、<br><br>|5.保护第三方合法权益|0|1|0|0|0|0|1|\n",
        "|本<br>年<br><br>（三）不予公开<br>|6.属于三类内部事务信息|0|0|0|0|0|0|0|\n",
        "|三、<br>2.其他法律行政法规禁止公开|1|0|0|0|0|0|1|\n",
        "|办<br><br>（三）不<br>7.属于四类过程性信息|5|0|0|0|0|0|5|\n",
        "|2.申请人逾期未按收费通知要求缴纳费用||||||||\n",
        "|（六）其他<br>处理|9|2|0|0|1|0|12|\n",
        "|（五）理<br>|4.无正当理由大量反复申请|0|0|0|0|0|0|0|\n",
        "\n- 7 - \n\n",
        "\n\n",
        "### 四、政府信息公开行政复议、行政诉讼情况\n",
        "第二十条第（五）项 \n",
        "|-|-|-|\n",
        "|3|0|1|0|4|0|0|0|0|0|2|0|0|0|2|\n",
        "|||行政复议|||||||行政|诉讼|||||\n",
        "|信息内容|本年制发件数|本年废止件数|现行有效件数|\n",
        "|规章|3（其中修订1件）|4（含自然失效2件）|**18**|\n",
        "本年度**工作**有序。\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Distinct real rows in any order read through the markdown path:
        /// the model mapped back onto the markdown loses nothing (no
        /// fallback to the plain-text reading). (A row repeated later in a
        /// table is a repeated header, moved to the header rows: that order
        /// holds only where the parser reads a table.)
        #[test]
        fn real_rows_in_any_order_read_as_markdown(
            rows in prop::sample::subsequence(ROWS, 1..ROWS.len()).prop_shuffle()
        ) {
            let md = format!("## 三、收到和处理政府信息公开申请情况\n\n{}", rows.concat());
            let r = crate::read_markdown(&md).unwrap();
            prop_assert!(r.is_some(), "fell back on:\n{}", md);
        }
    }
}

#[cfg(test)]
mod grids {
    use super::*;
    use crate::grid::Origin;

    /// The grid of the first table of `md`, as (text, origin) per cell.
    fn grid(md: &str) -> Vec<Vec<(String, Origin)>> {
        tables(md)[0]
            .rows()
            .iter()
            .map(|r| r.iter().map(|c| (c.text.to_string(), c.origin)).collect())
            .collect()
    }

    fn texts(g: &[Vec<(String, Origin)>]) -> Vec<Vec<&str>> {
        g.iter()
            .map(|r| r.iter().map(|c| c.0.as_str()).collect())
            .collect()
    }

    #[test]
    fn labels_cut_over_cells_are_glued() {
        let md = "|（本列）|自然人|总计|\n|---|---|---|\n\
                  |一、本年新收政府信息|公开申请数量|21|21|\n\
                  |（二）部分公开（区<br>计其他情形）|分处理的，只计这一情形，不|4|4|\n";
        let g = grid(md);
        assert_eq!(g[1][0].0, "一、本年新收政府信息公开申请数量");
        assert_eq!(g[1][0].1, Origin::Glued { parts: 2 });
        assert_eq!(
            g[2][0].0,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        );
        assert_eq!(texts(&g)[1][1..], ["21", "21"]);
    }

    #[test]
    fn a_vertical_group_label_becomes_one_group_row() {
        let md = "|（本列）|自然人|总计|\n|---|---|---|\n\
                  |（一）予以公开|1|1|\n\
                  |三、<br>1.属于国家秘密|2|2|\n\
                  |本<br>年<br>2.其他法律行政法规禁止公开|0|0|\n\
                  |度<br>（三）不予公开<br>3.危及“三安全一稳定”|0|0|\n";
        let g = grid(md);
        let t = texts(&g);
        assert_eq!(
            t,
            vec![
                vec!["（本列）", "自然人", "总计"],
                vec!["三、本年度"],
                vec!["（一）予以公开", "1", "1"],
                vec!["（三）不予公开"],
                vec!["1.属于国家秘密", "2", "2"],
                vec!["2.其他法律行政法规禁止公开", "0", "0"],
                vec!["3.危及“三安全一稳定”", "0", "0"],
            ]
        );
    }

    #[test]
    fn fragments_over_a_page_break_are_one_grid() {
        let md =
            "|项目|数量|\n|---|---|\n|甲|1|\n\n- 3 -\n\n|乙|2|\n|---|---|\n|项目|数量|\n|丙|3|\n";
        let all = tables(md);
        assert_eq!(all.len(), 1);
        let g = grid(md);
        let t = texts(&g);
        // the repeated header joins the header, the page line is no row
        assert_eq!(
            t,
            vec![
                vec!["项目", "数量"],
                vec!["项目", "数量"],
                vec!["甲", "1"],
                vec!["乙", "2"],
                vec!["丙", "3"],
            ]
        );
        let r = reading(md);
        assert!(r.text().contains("- 3 -"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk over every line the sniff must agree with.
    fn every_line(text: &str) -> bool {
        let mut headings = 0;
        let mut prev: Option<&str> = None;
        for l in crate::lines::iter(text) {
            if is_separator(l.text) && prev.is_some_and(|p| p.contains('|')) {
                return true;
            }
            headings += usize::from(heading_level(l.text).is_some());
            prev = Some(l.text);
        }
        headings >= 2
    }

    #[test]
    fn the_sniff_reads_only_the_lines_that_decide() {
        let lines = [
            "|a|b|",
            "|---|---|",
            "# 标题",
            "## 二、情况",
            "#无空格",
            "正文 | 一根竖线",
            "",
            " |:--|--:|",
            "x#y",
            "一、总体情况",
        ];
        // every sequence of up to three of these lines, with every line end
        for a in 0..lines.len() {
            for b in 0..lines.len() {
                for c in 0..lines.len() {
                    for end in ["\n", "\r\n", "\r", "\n\r"] {
                        let text = [lines[a], lines[b], lines[c]].join(end);
                        assert_eq!(is_converter_markdown(&text), every_line(&text), "{text:?}");
                        let text = format!("{text}{end}");
                        assert_eq!(is_converter_markdown(&text), every_line(&text), "{text:?}");
                    }
                }
            }
        }
    }
}
