//! The legacy (2008–2018) 政府信息公开情况统计表 mapper.
//!
//! Input: the table as the parser has read it, rows of cells each with its
//! text and byte offset ([`InCell`]): the header row (`指标名称 | 计量单位 |
//! 2016年度 | 历年累计`, or the coded form `指标名称 | 计量单位 | 代码 | 本期实际
//! | 本年累计`) then one row per indicator (`label | unit | [code] | values…`).
//! A grid (tab or pipe rows) gives that shape directly; crawler text, where a
//! whole table runs together on one line (`主动公开信息数条20263542其中：1.网站
//! 公开条17953304 2.…`), is cut into the same shape by [`locate`] and
//! [`crawler_rows`].
//!
//! Output: a typed [`LegacyStatisticsTable`]: the recurring indicators under
//! stable [`LegacyRow`] keys, every other row kept under its label.
//!
//! **Fused digits.** When the two value cells of a row ran together
//! (`20263542`), the split is decoded, never guessed blindly: each reading must
//! have no leading zero and `cumulative ≥ this_year`; within a group (主动公开
//! and its channels, the applications and their channels, the replies and their
//! outcomes) the parts may not exceed the whole; among the readings left the
//! most even split of digits wins (a running total has as many digits as the
//! year's figure, or one more). Such cells are marked `split`; the audit's
//! cross-year continuity (`legacy.cumulative_carry`) checks the decoding.

use indexmap::IndexMap;

use crate::lines::{Locator, is_space};
use crate::model::{
    Fragment, FragmentRole, Fragments, LegacyCol, LegacyOtherRow, LegacyRow, LegacyRowSource,
    LegacyStatisticsTable, Number, Table, Text,
};
use crate::text::lexical::norm;

/// A cell as read: its text and the byte offset where it starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InCell<'a> {
    /// The cell's text as written.
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the source.
    pub(crate) at: usize,
}

/// Units a legacy table writes in its 计量单位 column, longest first.
const UNITS: &[&str] = &[
    "万元", "人次", "元", "条", "件", "个", "次", "人", "篇", "项", "份", "期", "场",
];

/// The byte length of a unit (`条`, Traditional `條`, `万元`) ending `s`.
fn unit_suffix(s: &str) -> Option<usize> {
    let mut tail: Vec<(usize, char)> = s.char_indices().rev().take(2).collect();
    tail.reverse();
    for k in [2, 1] {
        if tail.len() < k {
            continue;
        }
        let (from, _) = tail[tail.len() - k];
        if UNITS.contains(&norm(&s[from..]).as_str()) {
            return Some(s.len() - from);
        }
    }
    None
}

/// What a header cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeadCol {
    Unit,
    Code,
    Value(LegacyCol),
}

fn head_col(n: &str) -> Option<HeadCol> {
    if n.contains("单位") {
        Some(HeadCol::Unit)
    } else if n == "代码" || n == "序号" {
        Some(HeadCol::Code)
    } else if n.contains("累计") {
        Some(HeadCol::Value(LegacyCol::Cumulative))
    } else if n.contains("年度") || n.contains("本年") || n.contains("本期") || n.contains("实际")
    {
        Some(HeadCol::Value(LegacyCol::ThisYear))
    } else {
        None
    }
}

/// True when the header cells (as written) are those of a statistics table:
/// 指标名称 (or 指标) first and a unit or year column.
pub(crate) fn is_header(cells: &[&str]) -> bool {
    let Some(first) = cells.first() else {
        return false;
    };
    let f = norm(first);
    (f.contains("指标名称") || f == "指标" || f.contains("统计指标"))
        && cells[1..]
            .iter()
            .any(|c| matches!(head_col(&norm(c)), Some(HeadCol::Value(_))))
}

/// The label of a row without its list marker, `其中：` and white space.
fn core_label(label: &str) -> String {
    let n = norm(label);
    let mut s = n.as_str();
    loop {
        let before = s.len();
        s = s.trim_start_matches("其中");
        s = s.trim_start_matches([':', '；', ';', ',', '，']);
        // 1.  1、  (1)  ①
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 {
            let rest = &s[digits..];
            if let Some(r) = rest.strip_prefix(['.', '、']) {
                s = r;
            }
        } else if let Some(r) = s.strip_prefix('(') {
            let d = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if d > 0 && r[d..].starts_with(')') {
                s = &r[d + 1..];
            }
        } else if s.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
            s = &s[s.chars().next().map_or(0, char::len_utf8)..];
        }
        if s.len() == before {
            break;
        }
    }
    s.to_string()
}

/// The stable key of a row label (already through [`core_label`]).
pub(crate) fn row_key(n: &str) -> Option<LegacyRow> {
    use LegacyRow::*;
    let has = |w: &str| n.contains(w);
    if has("答复") {
        return if has("部分公开") {
            Some(RepliesPartiallyGranted)
        } else if has("同意公开") {
            Some(RepliesGranted)
        } else if has("不予公开") || has("否决公开") || has("不公开") {
            Some(RepliesDenied)
        } else if has("其他") || has("其它") {
            Some(RepliesOther)
        } else if n.starts_with("对申请") || has("答复总数") || n.starts_with("答复") {
            Some(RepliesTotal)
        } else {
            None
        };
    }
    if has("申请") && !has("复议") && !has("诉讼") {
        return if has("当面") {
            Some(RequestsInPerson)
        } else if has("网上") || has("网络") || has("在线") {
            Some(RequestsOnline)
        } else if has("信函") && has("传真") {
            Some(RequestsLetterFax)
        } else if has("传真") {
            Some(RequestsFax)
        } else if has("信函") {
            Some(RequestsLetter)
        } else if has("电子邮件") || has("电子邮箱") {
            Some(RequestsEmail)
        } else if has("其他形式") || has("其它形式") {
            Some(RequestsOther)
        } else if has("总数") || n.starts_with("受理") || n.starts_with("申请") {
            Some(RequestsReceived)
        } else {
            None
        };
    }
    if has("收费") || has("减免") {
        Some(FeesWaived)
    } else if has("申诉") || has("举报") {
        Some(Complaints)
    } else if n.starts_with("行政复议") {
        Some(Reviews)
    } else if n.starts_with("行政诉讼") {
        Some(Lawsuits)
    } else if n.starts_with("主动公开") && n.ends_with('数') {
        Some(ProactiveItems)
    } else if has("网站") && n.ends_with('数') || n.ends_with("网站公开") {
        Some(ProactiveWebsite)
    } else if has("公报") {
        Some(ProactiveGazette)
    } else {
        None
    }
}

/// The row a keyed row is a part of, for the group sums.
pub(crate) fn parent(row: LegacyRow) -> Option<LegacyRow> {
    use LegacyRow::*;
    match row {
        ProactiveWebsite | ProactiveGazette => Some(ProactiveItems),
        RequestsInPerson | RequestsOnline | RequestsLetterFax | RequestsLetter | RequestsFax
        | RequestsEmail | RequestsOther => Some(RequestsReceived),
        RepliesGranted | RepliesPartiallyGranted | RepliesDenied | RepliesOther => {
            Some(RepliesTotal)
        }
        _ => None,
    }
}

/// A whole-cell number (`12`, `0.5`, `1,234`); `None` for text and for the
/// empty/NA marks.
fn number(t: &str) -> Option<Number> {
    let t = t.trim_matches(is_space);
    Number::parse_prefix(t).and_then(|(n, l)| (l == t.len()).then_some(n))
}

/// One value cell: its number and source text.
#[derive(Debug, Clone)]
struct Val {
    n: Option<Number>,
    text: String,
    at: usize,
}

/// A row being mapped.
#[derive(Debug)]
struct Row {
    label: Option<(String, usize)>,
    unit: Option<(String, usize)>,
    code: Option<(String, usize)>,
    key: Option<LegacyRow>,
    /// The readings to choose from (one unless fused), each one value per
    /// column, in order of preference.
    readings: Vec<Vec<Val>>,
    split: bool,
    /// Cells under a header the mapper does not know.
    other: Vec<Val>,
}

/// A value cell as read (an empty cell has empty text).
fn val_of(c: &InCell<'_>) -> Val {
    Val {
        n: number(c.text),
        text: c.text.trim_matches(is_space).to_string(),
        at: c.at + (c.text.len() - c.text.trim_start_matches(is_space).len()),
    }
}

/// The readings of a run of `d` digits at `at` as `cols` values.
fn fused_readings(d: &str, at: usize, cols: usize) -> Vec<Vec<Val>> {
    if cols != 2 || d.len() < 2 || d.len() > 30 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let ok = |s: &str| s == "0" || !s.starts_with('0');
    let mut out: Vec<(usize, Vec<Val>)> = Vec::new();
    for k in 1..d.len() {
        let (a, b) = (&d[..k], &d[k..]);
        if !ok(a) || !ok(b) {
            continue;
        }
        let (Some(x), Some(y)) = (number(a), number(b)) else {
            continue;
        };
        if y.cmp_value(x) == std::cmp::Ordering::Less {
            continue;
        }
        // the most even split first; at equal distance the longer total
        let lc = b.len() as isize - a.len() as isize;
        let score = if lc >= 0 {
            2 * lc as usize
        } else {
            2 * (-lc) as usize + 1
        };
        out.push((
            score,
            vec![
                Val {
                    n: Some(x),
                    text: a.to_string(),
                    at,
                },
                Val {
                    n: Some(y),
                    text: b.to_string(),
                    at: at + k,
                },
            ],
        ));
    }
    out.sort_by_key(|(s, _)| *s);
    out.into_iter().map(|(_, v)| v).collect()
}

/// Maps a table read as rows of cells (header first) to a typed legacy
/// statistics table; `None` when the header is not a statistics header.
/// `title` is the table's title text when it stood with the table; `run`
/// says the table was cut from running text (only there can the digits of
/// two cells have run together).
pub(crate) fn map(
    rows: &[Vec<InCell<'_>>],
    title: Option<InCell<'_>>,
    run: bool,
    region: (usize, usize),
    loc: &Locator<'_>,
) -> Option<Table> {
    let header = rows.first()?;
    let htexts: Vec<&str> = header.iter().map(|c| c.text).collect();
    if !is_header(&htexts) {
        return None;
    }
    let heads: Vec<Option<HeadCol>> = header[1..]
        .iter()
        .map(|c| head_col(&norm(c.text)))
        .collect();
    let mut columns: Vec<LegacyCol> = Vec::new();
    for h in heads.iter().flatten() {
        if let HeadCol::Value(c) = h
            && !columns.contains(c)
        {
            columns.push(*c);
        }
    }
    let has_unit = heads.contains(&Some(HeadCol::Unit));
    let has_code = heads.contains(&Some(HeadCol::Code));
    let mut fragments = Fragments::default();
    if let Some(t) = title {
        fragments.push(Fragment {
            role: FragmentRole::Header,
            raw: t.text.to_string(),
            span: loc.span(t.at, t.at + t.text.len()),
        });
    }
    for c in header {
        fragments.push(Fragment {
            role: FragmentRole::Header,
            raw: c.text.to_string(),
            span: loc.span(c.at, c.at + c.text.len()),
        });
    }

    let mut mapped: Vec<Row> = Vec::new();
    for r in &rows[1..] {
        let mut row = Row {
            label: None,
            unit: None,
            code: None,
            key: None,
            readings: Vec::new(),
            split: false,
            other: Vec::new(),
        };
        // a grid row as wide as the header: every cell in its column, an
        // empty cell kept empty
        if !run && r.len() == header.len() && r.len() > 1 {
            let filled = |c: &InCell<'_>| !c.text.trim_matches(is_space).is_empty();
            if filled(&r[0]) {
                row.label = Some((r[0].text.to_string(), r[0].at));
            }
            let mut reading = Vec::new();
            for (c, h) in r[1..].iter().zip(&heads) {
                match h {
                    Some(HeadCol::Unit) if filled(c) => row.unit = Some((c.text.to_string(), c.at)),
                    Some(HeadCol::Code) if filled(c) => row.code = Some((c.text.to_string(), c.at)),
                    Some(HeadCol::Value(_)) => reading.push(val_of(c)),
                    _ if filled(c) => row.other.push(val_of(c)),
                    _ => {}
                }
            }
            row.readings.push(reading);
            row.key = row
                .label
                .as_ref()
                .and_then(|(l, _)| row_key(&core_label(l)));
            if row.label.is_some() || row.readings[0].iter().any(|v| !v.text.is_empty()) {
                mapped.push(row);
            }
            continue;
        }
        let mut cells = r
            .iter()
            .copied()
            .filter(|c| !c.text.trim_matches(is_space).is_empty());
        let mut rest: Vec<InCell<'_>> = Vec::new();
        if let Some(first) = cells.next() {
            if number(first.text).is_some() {
                rest.push(first);
            } else {
                row.label = Some((first.text.to_string(), first.at));
            }
        }
        rest.extend(cells);
        let mut i = 0;
        if has_unit && rest.first().is_some_and(|c| number(c.text).is_none()) {
            row.unit = Some((rest[0].text.to_string(), rest[0].at));
            i = 1;
        }
        // a code cell (`01`) before the values of a coded form
        if has_code && rest.len() > i {
            let c = rest[i];
            let digits = c.text.len() <= 3 && c.text.bytes().all(|b| b.is_ascii_digit());
            if digits && (rest.len() - i > columns.len() || c.text.starts_with('0')) {
                row.code = Some((c.text.to_string(), c.at));
                i += 1;
            }
        }
        let vals: Vec<InCell<'_>> = rest[i..].to_vec();
        let direct: Vec<Val> = vals.iter().map(val_of).collect();
        row.readings.push(direct);
        row.key = row
            .label
            .as_ref()
            .and_then(|(l, _)| row_key(&core_label(l)));
        if row.label.is_none() && row.readings.iter().all(Vec::is_empty) && row.unit.is_none() {
            continue;
        }
        mapped.push(row);
    }
    // a table whose cells ran together (most rows have one run of digits
    // for two columns): split each run
    let ones = mapped.iter().filter(|r| r.readings[0].len() == 1).count();
    let more = mapped.iter().filter(|r| r.readings[0].len() > 1).count();
    if run && columns.len() == 2 && ones > more {
        for r in &mut mapped {
            if let [v] = r.readings[0].as_slice() {
                let f = fused_readings(&v.text, v.at, 2);
                if !f.is_empty() {
                    r.readings = f;
                    r.split = true;
                }
            }
        }
    }
    // duplicate keys: the first keeps the key
    let mut seen = Vec::new();
    for r in &mut mapped {
        if let Some(k) = r.key {
            if seen.contains(&k) {
                r.key = None;
            } else {
                seen.push(k);
            }
        }
    }
    let choice = choose(&mapped);

    let text_at = |s: &str, at: usize| Text {
        raw: s.to_string(),
        span: loc.span(at, at + s.len()),
    };
    let mut t = LegacyStatisticsTable {
        span: loc.span(region.0, region.1),
        // a run of crawler text; a grid's layout is set by `template::map`
        layout: crate::model::ReadLayout(if run {
            crate::model::TableLayout::Flow
        } else {
            crate::model::TableLayout::Unknown
        }),
        columns: columns.clone(),
        fragments,
        ..LegacyStatisticsTable::default()
    };
    for (r, pick) in mapped.iter().zip(choice) {
        let reading = r.readings.get(pick).cloned().unwrap_or_default();
        let mut values: IndexMap<LegacyCol, Option<Number>> = IndexMap::new();
        let mut cells: IndexMap<LegacyCol, Text> = IndexMap::new();
        for (j, c) in columns.iter().enumerate() {
            let v = reading.get(j);
            values.insert(*c, v.and_then(|v| v.n));
            if let Some(v) = v.filter(|v| !v.text.is_empty()) {
                cells.insert(*c, text_at(&v.text, v.at));
            }
        }
        let mut src = LegacyRowSource {
            label: r.label.as_ref().map(|(s, a)| text_at(s, *a)),
            unit: r.unit.as_ref().map(|(s, a)| text_at(s, *a)),
            code: r.code.as_ref().map(|(s, a)| text_at(s, *a)),
            cells,
            split: r.split,
            extra: Vec::new(),
        };
        // value cells beyond the columns of the header
        let beyond = reading.iter().skip(columns.len());
        for v in beyond.chain(&r.other).filter(|v| !v.text.is_empty()) {
            src.extra.push(text_at(&v.text, v.at));
        }
        let unit = r.unit.as_ref().map(|(s, _)| norm(s));
        match r.key {
            Some(k) => {
                t.rows.insert(k, values);
                if let Some(u) = unit {
                    t.units.insert(k, u);
                }
                t.source.insert(k, src);
            }
            None => t.other_rows.push(LegacyOtherRow {
                label: r
                    .label
                    .as_ref()
                    .map(|(l, _)| core_label(l))
                    .unwrap_or_default(),
                unit,
                values,
                source: src,
            }),
        }
    }
    Some(Table::LegacyStatistics(t))
}

/// The value of `col` (0 or 1) of reading `pick` of `r`.
fn val(r: &Row, pick: usize, col: usize) -> Option<Number> {
    r.readings.get(pick)?.get(col)?.n
}

/// Chooses a reading for every row: fused rows by the group sums (parts ≤
/// whole), in order of preference. Bounded: at most `BUDGET` steps per group.
fn choose(rows: &[Row]) -> Vec<usize> {
    const BUDGET: usize = 20_000;
    let mut pick = vec![0usize; rows.len()];
    let heads: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.key.is_some_and(|k| parent(k).is_none()))
        .map(|(i, _)| i)
        .collect();
    for h in heads {
        let Some(hk) = rows[h].key else { continue };
        let parts: Vec<usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.key.and_then(parent) == Some(hk))
            .map(|(i, _)| i)
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut steps = 0;
        'head: for hp in 0..rows[h].readings.len() {
            let mut cur = vec![0usize; parts.len()];
            if search(rows, h, hp, &parts, 0, &mut cur, &mut steps, BUDGET) {
                pick[h] = hp;
                for (p, c) in parts.iter().zip(cur) {
                    pick[*p] = c;
                }
                break 'head;
            }
            if steps >= BUDGET {
                break;
            }
        }
    }
    pick
}

#[allow(clippy::too_many_arguments)]
fn search(
    rows: &[Row],
    h: usize,
    hp: usize,
    parts: &[usize],
    k: usize,
    cur: &mut Vec<usize>,
    steps: &mut usize,
    budget: usize,
) -> bool {
    *steps += 1;
    if *steps > budget {
        return false;
    }
    // parts so far within the whole, column by column
    for col in 0..2 {
        let Some(whole) = val(&rows[h], hp, col) else {
            continue;
        };
        let sum = Number::sum((0..k).filter_map(|i| val(&rows[parts[i]], cur[i], col)));
        if sum.is_some_and(|s| s.cmp_value(whole) == std::cmp::Ordering::Greater) {
            return false;
        }
    }
    if k == parts.len() {
        return true;
    }
    for c in 0..rows[parts[k]].readings.len().max(1) {
        cur[k] = c;
        if search(rows, h, hp, parts, k + 1, cur, steps, budget) {
            return true;
        }
    }
    false
}

/// Where a statistics table written as running text starts and ends in the
/// trimmed piece `t`: `(start, header, end)` byte offsets (`start` is the
/// title's start when a `…统计表` title stands right before 指标名称, else the
/// header's). `None` when `t` holds no such table or it is a grid row.
pub(crate) fn locate(t: &str) -> Option<(usize, usize, usize)> {
    if t.contains('\t') || t.matches('|').count() >= 2 {
        return None;
    }
    let finder = memchr::memmem::Finder::new("指标名称");
    let h = finder
        .find(t.as_bytes())
        .or_else(|| memchr::memmem::Finder::new("指標名稱").find(t.as_bytes()))?;
    let rows = crawler_rows(&t[h..], 0)?;
    let end = h + rows.end;
    // the title right before: `附件1：…统计表 `
    let before = t[..h].trim_end_matches(is_space);
    let tail: String = before
        .chars()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let start = if norm(&tail).ends_with("统计表") {
        let stop = |c: char| is_space(c) || matches!(c, '。' | '；' | '！' | '？');
        match before.char_indices().rev().take(80).find(|(_, c)| stop(*c)) {
            Some((i, c)) => i + c.len_utf8(),
            None if before.chars().nth(80).is_none() => 0,
            None => h,
        }
    } else {
        h
    };
    Some((start, h, end))
}

/// Rows cut from running text (see [`crawler_rows`]).
#[derive(Debug)]
pub(crate) struct RunRows<'a> {
    /// Header cells then one row per indicator: label, unit, value tokens.
    pub(crate) rows: Vec<Vec<InCell<'a>>>,
    /// Byte offset (in the input) just after the last value.
    pub(crate) end: usize,
}

/// The header words of a statistics table, normalised.
fn header_word(n: &str) -> Option<usize> {
    for w in [
        "指标名称",
        "计量单位",
        "单位",
        "代码",
        "本期实际",
        "本年累计",
        "历年累计",
        "本年度",
        "累计",
        "本年",
        "计量",
        "年度",
    ] {
        if n.starts_with(w) {
            return Some(w.len());
        }
    }
    // `2016年度`
    let d = n.len() - n.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if d == 4 && n[d..].starts_with("年度") {
        return Some(d + "年度".len());
    }
    None
}

/// Cuts a statistics table written as running text (`s` starts at 指标名称;
/// `at` is its byte offset) into rows of cells: the header words, then per
/// row the label (with its list marker), the unit and the value tokens (a
/// token may hold fused digits). `None` without at least one row.
pub(crate) fn crawler_rows(s: &str, at: usize) -> Option<RunRows<'_>> {
    // header: consecutive header words, white space between them allowed
    let mut header = Vec::new();
    let mut i = 0;
    loop {
        let rest = &s[i..];
        let skip = rest.len() - rest.trim_start_matches(is_space).len();
        let r = &rest[skip..];
        // match on the raw text, allowing spaces inside (`计量 单位`, `2011 年度`)
        let mut n = String::new();
        let mut map = Vec::new();
        for (j, c) in r.char_indices().take(12) {
            if let Some(x) = crate::text::lexical::norm_char(c) {
                n.push(x);
                for _ in 0..x.len_utf8() {
                    map.push(j + c.len_utf8());
                }
            }
        }
        let Some(len) = header_word(&n) else { break };
        let raw_len = map[len - 1];
        header.push(InCell {
            text: &r[..raw_len],
            at: at + i + skip,
        });
        i += skip + raw_len;
    }
    if header.len() < 2 {
        return None;
    }
    let mut rows = vec![header];
    let mut end = 0;
    // start of the label being read when its list marker came with the
    // previous zone; the marker's number; the number the next marker has
    let mut label_start: Option<usize> = None;
    let mut label_marker: Option<u32> = None;
    let mut expect = 1u32;
    let b = s.as_bytes();
    let mut p = i;
    while p < s.len() {
        let ts = label_start.unwrap_or(p);
        // the text zone: up to the next digit that is not inside `(1)`
        let mut q = p;
        while q < s.len() {
            let c = s[q..].chars().next().unwrap_or(' ');
            if c.is_ascii_digit() {
                if !s[..q].ends_with(['(', '（']) {
                    break;
                }
                while q < s.len() && b[q].is_ascii_digit() {
                    q += 1;
                }
                continue;
            }
            if matches!(c, '。' | '！' | '？') {
                return finish(rows, end);
            }
            q += c.len_utf8();
        }
        let text = &s[ts..q];
        if q >= s.len() || text.trim_matches(is_space).chars().count() > 60 {
            break;
        }
        // the number zone: digits, spaces and decimal points; a dot not
        // followed by a digit is a list marker's and ends the zone
        let mut z = q;
        while z < s.len() {
            let c = s[z..].chars().next().unwrap_or('x');
            if matches!(c, '\n' | '\r') {
                // one row per line: the values end with the line
                break;
            }
            if c == '.' {
                z += 1;
                if !(z < s.len() && b[z].is_ascii_digit()) {
                    break;
                }
            } else if c.is_ascii_digit() || is_space(c) {
                z += c.len_utf8();
            } else {
                break;
            }
        }
        let zone = &s[q..z];
        // a trailing list marker: `…3304 2.` or `…33042、`
        let marker = zone.ends_with('.') || s[z..].starts_with('、');
        let body = zone.trim_end_matches('.').trim_end_matches(is_space);
        let (values, mark_at, mark_no) = if marker {
            let last = body.rsplit(is_space).next().unwrap_or("");
            let exp = expect.to_string();
            let keep = if last.len() > exp.len() && last.ends_with(&exp) {
                last.len() - exp.len()
            } else if last == exp || last.len() <= 1 {
                0
            } else {
                last.len() - 1
            };
            let cut = body.len() - last.len() + keep;
            (&body[..cut], q + cut, body[cut..].parse::<u32>().ok())
        } else {
            (body, z, None)
        };
        if values.trim_matches(is_space).is_empty() {
            // only a marker: it belongs to the label being read
            label_start.get_or_insert(ts);
            label_marker = mark_no.or(label_marker);
            p = z;
            continue;
        }
        // a row: label and unit from the text zone
        let lt = text.trim_matches(is_space);
        if lt.is_empty() {
            break;
        }
        let lt_at = ts + (text.len() - text.trim_start_matches(is_space).len());
        let mut row = Vec::new();
        let mut label = lt;
        let mut unit = None;
        if let Some(ulen) = unit_suffix(lt) {
            let l = &lt[..lt.len() - ulen];
            let l2 = l.trim_end_matches(is_space);
            if !l2.is_empty() {
                label = l2;
                unit = Some(InCell {
                    text: &lt[l.len()..],
                    at: at + lt_at + l.len(),
                });
            }
        }
        row.push(InCell {
            text: label,
            at: at + lt_at,
        });
        row.extend(unit);
        let mut k = 0;
        for tok in values.split(is_space) {
            if !tok.is_empty() {
                let off = k + values[k..].find(tok).unwrap_or(0);
                row.push(InCell {
                    text: tok,
                    at: at + q + off,
                });
                k = off + tok.len();
            }
        }
        rows.push(row);
        end = q + values.trim_end_matches(is_space).len();
        expect = label_marker.map_or(1, |m| m + 1);
        label_start = None;
        label_marker = None;
        if marker {
            label_start = Some(mark_at);
            label_marker = mark_no;
        }
        p = z;
    }
    finish(rows, end)
}

fn finish(rows: Vec<Vec<InCell<'_>>>, end: usize) -> Option<RunRows<'_>> {
    (rows.len() >= 2).then_some(RunRows { rows, end })
}

/// A crawler-text statistics table: the piece `t` at byte offset `off`
/// begins with it (`locate(t)` gave `(0, header, end)`).
pub(crate) fn crawler_table(t: &str, off: usize, loc: &Locator<'_>) -> Option<(Table, usize)> {
    let (start, h, end) = locate(t)?;
    if start != 0 {
        return None;
    }
    let rr = crawler_rows(&t[h..], off + h)?;
    let title = (h > 0).then(|| {
        let tt = t[..h].trim_end_matches(is_space);
        InCell { text: tt, at: off }
    });
    let table = map(&rr.rows, title, true, (off, off + end), loc)?;
    Some((table, end))
}

/// Maps a grid (tab or pipe rows) whose first row is a statistics header,
/// every cell in its column; `None` for other grids and for one-cell-per-line
/// grids (those go through [`from_generic`]).
pub(crate) fn from_grid(grid: &crate::grid::Grid, loc: &Locator<'_>) -> Option<Table> {
    if grid.layout() == crate::grid::Layout::Lines {
        return None;
    }
    let rows: Vec<Vec<InCell<'_>>> = grid
        .rows()
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .map(|r| {
            r.iter()
                .map(|c| InCell {
                    text: &c.text,
                    at: c.span.as_ref().map_or(0, |s| s.start),
                })
                .collect()
        })
        .collect();
    let span = grid.span().unwrap_or(0..0);
    map(&rows, None, false, (span.start, span.end), loc)
}

/// Maps a generic table whose header is a statistics header.
pub(crate) fn from_generic(g: &crate::model::GenericTable, loc: &Locator<'_>) -> Option<Table> {
    let hdr: Vec<&str> = g.header.iter().map(String::as_str).collect();
    if !is_header(&hdr) {
        return None;
    }
    let mut rows: Vec<Vec<InCell<'_>>> = Vec::with_capacity(g.rows.len() + 1);
    rows.push(
        g.header
            .iter()
            .zip(&g.spans.header)
            .map(|(t, s)| InCell {
                text: t,
                at: s.start,
            })
            .collect(),
    );
    for (r, sp) in g.rows.iter().zip(&g.spans.rows) {
        rows.push(
            r.iter()
                .zip(sp)
                .map(|(t, s)| InCell {
                    text: t,
                    at: s.start,
                })
                .collect(),
        );
    }
    map(&rows, None, false, (g.span.start, g.span.end), loc)
}
