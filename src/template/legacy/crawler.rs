//! A statistics table written as running text (`主动公开信息数条20263542
//! 其中：1.网站公开条17953304 2.…`): where it stands ([`locate`]) and its
//! rows of cells ([`crawler_rows`]).

use super::InCell;
use super::labels::unit_suffix;
use crate::lines::is_space;
use crate::text::lexical::norm;
use memchr::memmem;
use std::sync::LazyLock;

/// Finders of [`HEADER_WORDS`], built once (`locate` runs on every piece of
/// every line).
static HEADER: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| HEADER_WORDS.map(memmem::Finder::new));

/// The header word of a statistics table, Simplified and Traditional (both
/// start with `指`).
pub(crate) const HEADER_WORDS: [&str; 2] = ["指标名称", "指標名稱"];

/// Where a statistics table written as running text starts and ends in the
/// trimmed piece `t`: `(start, header, end)` byte offsets (`start` is the
/// title's start when a `…统计表` title stands right before 指标名称, else the
/// header's). `None` when `t` holds no such table or it is a grid row.
pub(crate) fn locate(t: &str) -> Option<(usize, usize, usize)> {
    locate_with(t, true)
}

/// [`locate`] in the rest of a piece after a table it found: that piece is
/// no grid row, so neither is its rest (not tested again: the rest of a
/// line of many tables is looked at once per table).
pub(crate) fn locate_in_rest(t: &str) -> Option<(usize, usize, usize)> {
    locate_with(t, false)
}

fn locate_with(t: &str, grid_test: bool) -> Option<(usize, usize, usize)> {
    // both headers start with 指: a line without it (almost every line) is
    // left after one scan, before the tab and pipe tests
    if !t.contains('指') {
        return None;
    }
    let [simplified, traditional] = &*HEADER;
    let h = simplified
        .find(t.as_bytes())
        .or_else(|| traditional.find(t.as_bytes()))?;
    if grid_test && (t.contains('\t') || t.matches('|').count() >= 2) {
        return None;
    }
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
    let (header, i) = header_cells(s, at);
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
    let mut p = i;
    while p < s.len() {
        let ts = label_start.unwrap_or(p);
        let Some(q) = text_zone_end(s, p) else {
            return finish(rows, end);
        };
        let text = &s[ts..q];
        if q >= s.len() || text.trim_matches(is_space).chars().count() > 60 {
            break;
        }
        let z = number_zone_end(s, q);
        let zone = &s[q..z];
        // a trailing list marker: `…3304 2.` or `…33042、`
        let marker = zone.ends_with('.') || s[z..].starts_with('、');
        let body = zone.trim_end_matches('.').trim_end_matches(is_space);
        let (values, mark_at, mark_no) = if marker {
            split_marker(body, q, expect)
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
        let Some(row) = row_cells(text, ts, values, q, at) else {
            break;
        };
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

/// The header: consecutive header words at the start of `s`, white space
/// between them allowed; and where the text after them starts.
fn header_cells(s: &str, at: usize) -> (Vec<InCell<'_>>, usize) {
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
    (header, i)
}

/// The end of the text zone from `p`: the next digit that is not inside
/// `(1)`. `None` at the end of a sentence (`。`, `！`, `？`): the table ends.
fn text_zone_end(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
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
            return None;
        }
        q += c.len_utf8();
    }
    Some(q)
}

/// The end of the number zone from `q`: digits, spaces and decimal points;
/// a dot not followed by a digit is a list marker's and ends the zone, and
/// so does a line end (one row per line: the values end with the line).
fn number_zone_end(s: &str, q: usize) -> usize {
    let b = s.as_bytes();
    let mut z = q;
    while z < s.len() {
        let c = s[z..].chars().next().unwrap_or('x');
        if matches!(c, '\n' | '\r') {
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
    z
}

/// Splits the list marker (numbered `expect`, as a rule) off the end of a
/// number zone's `body` (at byte `q`): the values, where the marker
/// starts, and its number.
fn split_marker(body: &str, q: usize, expect: u32) -> (&str, usize, Option<u32>) {
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
}

/// A row: the label and unit from the text zone `text` (at `ts`), then the
/// value tokens of `values` (at `q`); offsets are shifted by `at`. `None`
/// when the text zone is empty.
fn row_cells<'a>(
    text: &'a str,
    ts: usize,
    values: &'a str,
    q: usize,
    at: usize,
) -> Option<Vec<InCell<'a>>> {
    let lt = text.trim_matches(is_space);
    if lt.is_empty() {
        return None;
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
    Some(row)
}

fn finish(rows: Vec<Vec<InCell<'_>>>, end: usize) -> Option<RunRows<'_>> {
    (rows.len() >= 2).then_some(RunRows { rows, end })
}
