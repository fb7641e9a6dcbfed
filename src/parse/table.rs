//! Tables: regions of lines turned into typed tables.
//!
//! A region (found by [`super::section`] from an anchor line such as
//! `第二十条第（一）项`, `（本列数据的勾稽关系…）` or `行政复议`) is first cut into
//! tokens, whatever its layout:
//!
//! * **grid** rows (cells separated by tabs, or `|` pipes): each field is a
//!   cell and empty fields keep their position;
//! * **flow** text (one cell per line, cells separated by blank lines,
//!   space-aligned `pdftotext -layout` output, crawler text where cells run
//!   together): white space separates tokens, and digits glued to a label
//!   (`数量230`) are cut off it.
//!
//! Labels are then matched tolerantly (brackets, spaces, known typos) to the
//! stable row keys, and the values that follow a row label are placed in its
//! columns. When the count does not fit, positions are never guessed: runs of
//! digits are split only when exactly one split is possible (no number but
//! `0` starts with `0`, every cell present), otherwise the row is kept as
//! `fused` with its raw digits and null values.

use indexmap::IndexMap;

use super::lexical::{MarkerStyle, Norm, is_page_number, marker_starts, norm};
use super::section::Seg;
use crate::lines::{Locator, is_space};
use crate::model::keys::{AdField, AdItem, AppCol, AppRow, Key, RlGroup, RlOutcome};
use crate::model::table::{
    ActiveDisclosureTable, ApplicationsTable, Fragment, FragmentRole, Fragments, GenericSpans,
    GenericTable, ReviewLitigationTable, RowSource, Table, Text,
};
use crate::model::{Format, Number};

/// The kinds of table regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    ActiveDisclosure,
    Applications,
    ReviewLitigation,
}

/// The standard table a line opens, if any (`t` trimmed).
pub(crate) fn anchor(t: &str) -> Option<Kind> {
    // every anchor starts with one of these (after pipes and white space)
    let first = t
        .trim_start_matches(|c: char| c == '|' || crate::lines::is_space(c))
        .chars()
        .next();
    let opens = first.is_some_and(|c| {
        matches!(
            c,
            '第' | '(' | '（' | '申' | '行' | '一' | '勾' | '本' | '|'
        )
    });
    let short_note = t.chars().nth(80).is_none() && t.contains("勾稽关系");
    if !(opens || short_note) {
        return None;
    }
    // only the head of the line matters: normalise at most 40 characters
    let head: String = t
        .chars()
        .filter_map(super::lexical::norm_char)
        .take(40)
        .collect();
    let n = head.trim_start_matches('|');
    if n.starts_with("第二十条") {
        return Some(Kind::ActiveDisclosure);
    }
    if n.starts_with("(本列") || n.starts_with("申请人情况") {
        return Some(Kind::Applications);
    }
    let short = t.chars().nth(80).is_none();
    if short && (n.contains("勾稽关系") || norm(t).contains("勾稽关系")) {
        return Some(Kind::Applications);
    }
    if short && n.contains("本年新收") && super::lexical::section_marker(n).is_ok() {
        return Some(Kind::Applications);
    }
    if n.starts_with("行政复议") && !t.contains(['。', '，', ',']) {
        let rest = &n["行政复议".len()..];
        if rest.is_empty()
            || rest.starts_with('|')
            || rest.contains("行政诉讼")
            || rest.contains("结果")
        {
            return Some(Kind::ReviewLitigation);
        }
    }
    None
}

/// True when a line cannot belong to a table of `kind` and ends its region:
/// running text ([`is_prose`]), a sentence (ends with `。`), or a list marker
/// followed by text that is no label of that table (`（一）标题`, `一是…`).
/// Broken labels of a few characters (`（三）不`, from a vertical label) stay
/// in the table.
pub(crate) fn ends_region(t: &str, kind: Kind) -> bool {
    let full = norm(t);
    if is_prose(&full) || full.ends_with('。') {
        return true;
    }
    // the label part: the cells after it do not matter
    let n = full.trim_end_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '-' | '|' | '/' | '无' | '—')
    });
    let Ok((rest, (style, _))) = super::lexical::subsection_marker(n) else {
        return false;
    };
    // `（三）不`, `三、`: the first characters of a label printed vertically
    let broken_label = matches!(style, MarkerStyle::ParenCn | MarkerStyle::CnDun);
    if broken_label && rest.chars().nth(2).is_none() {
        return false;
    }
    match kind {
        Kind::Applications => matches!(
            app_label(n),
            AppLabel::Unknown | AppLabel::Header | AppLabel::Note
        ),
        Kind::ActiveDisclosure => ad_item(n).is_none() && ad_marks_2021(n).is_none(),
        Kind::ReviewLitigation => true,
    }
}

/// True when a line (normalised) is running text rather than part of a table.
fn is_prose(n: &str) -> bool {
    if n.chars().count() < 30 {
        return false;
    }
    let table_words = ["勾稽", "区分处理", "不再处理", "单位:万元"];
    if table_words.iter().any(|w| n.contains(w)) {
        return false;
    }
    n.contains('。') || n.contains(',') || n.contains('；') || n.contains(';')
}

// ---------------------------------------------------------------------------
// tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    /// Label text.
    Label,
    /// A number (possibly with a unit or remark).
    Value,
    /// A null marker: 无 / — - 不适用 …
    Null,
    /// An empty grid field (position known).
    Empty,
    /// A page number line.
    Page,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Tk,
    start: usize,
    end: usize,
}

const NULLS: &[&str] = &[
    "无",
    "/",
    "／",
    "—",
    "——",
    "-",
    "－",
    "--",
    "空",
    "不适用",
    "N/A",
    "n/a",
    "NA",
    "／／",
    "\\",
];
const UNITS: &[&str] = &["万元", "元", "件", "条", "个", "次", "%", "％"];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

pub(crate) fn is_grid_line(raw: &str, sep: char) -> bool {
    raw.split(sep)
        .filter(|f| !f.trim_matches(is_space).is_empty())
        .count()
        >= 2
}

/// Cuts the region into tokens.
fn tokenize(segs: &[Seg<'_>]) -> Vec<Tok> {
    let nonblank: Vec<&Seg<'_>> = segs.iter().filter(|s| !s.is_blank()).collect();
    let tabs = nonblank
        .iter()
        .filter(|s| is_grid_line(s.raw, '\t'))
        .count();
    let pipes = nonblank
        .iter()
        .filter(|s| s.raw.matches('|').count() >= 2)
        .count();
    let sep = if tabs * 2 >= nonblank.len().max(1) && tabs >= 2 {
        Some('\t')
    } else if pipes * 2 >= nonblank.len().max(1) && pipes >= 2 {
        Some('|')
    } else {
        None
    };
    let mut toks = Vec::new();
    for seg in segs.iter() {
        if seg.is_blank() {
            continue;
        }
        let (toff, t) = seg.trimmed();
        if is_page_number(t) {
            toks.push(Tok {
                kind: Tk::Page,
                start: toff,
                end: toff + t.len(),
            });
            continue;
        }
        let line_start = toks.len();
        match sep {
            // a grid region reads every tab line as a row of cells; elsewhere a
            // line with two or more tab-separated cells is a grid row too
            sep if sep.is_some_and(|c| seg.raw.contains(c)) || is_grid_line(seg.raw, '\t') => {
                let sep = sep.filter(|c| seg.raw.contains(*c)).unwrap_or('\t');
                let mut fields: Vec<(usize, &str)> = Vec::new();
                let mut at = seg.start;
                for f in seg.raw.split(sep) {
                    fields.push((at, f));
                    at += f.len() + sep.len_utf8();
                }
                if sep == '|' {
                    // outer pipes: `| a | b |`
                    if fields
                        .first()
                        .is_some_and(|f| f.1.trim_matches(is_space).is_empty())
                    {
                        fields.remove(0);
                    }
                    if fields
                        .last()
                        .is_some_and(|f| f.1.trim_matches(is_space).is_empty())
                    {
                        fields.pop();
                    }
                }
                for (at, f) in fields {
                    let lead = f.len() - f.trim_start_matches(is_space).len();
                    let ft = f.trim_matches(is_space);
                    if ft.is_empty() {
                        toks.push(Tok {
                            kind: Tk::Empty,
                            start: at + lead,
                            end: at + lead,
                        });
                    } else {
                        let mut wat = at + lead;
                        for w in ft.split(is_space) {
                            if !w.is_empty() {
                                field_tokens(w, wat, &mut toks);
                            }
                            wat += w.len()
                                + ft[wat - at - lead + w.len()..]
                                    .chars()
                                    .next()
                                    .map_or(0, char::len_utf8);
                        }
                    }
                }
            }
            _ => {
                let mut at = seg.start;
                for w in seg.raw.split(is_space) {
                    if !w.is_empty() {
                        field_tokens(w, at, &mut toks);
                    }
                    at += w.len()
                        + seg.raw[at - seg.start + w.len()..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8);
                }
            }
        }
        // empty grid fields count only on lines that carry values
        let has_value = toks[line_start..]
            .iter()
            .any(|t| matches!(t.kind, Tk::Value | Tk::Null));
        if !has_value {
            let line: Vec<Tok> = toks.split_off(line_start);
            toks.extend(line.into_iter().filter(|t| t.kind != Tk::Empty));
        }
    }
    toks
}

/// The length of a run of digits too long for a [`Number`] (it stays a
/// value token, with no value).
fn digit_run(s: &str) -> Option<usize> {
    let len: usize = s
        .chars()
        .take_while(|c| is_digit(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(len)
}

/// Splits one field (no white space at its ends) into label and value tokens.
fn field_tokens(f: &str, at: usize, out: &mut Vec<Tok>) {
    if NULLS.contains(&f) {
        out.push(Tok {
            kind: Tk::Null,
            start: at,
            end: at + f.len(),
        });
        return;
    }
    let mut label_start: Option<usize> = None;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < f.len() {
        let c = f[i..].chars().next().unwrap_or(' ');
        let signed =
            matches!(c, '-' | '－') && f[i + c.len_utf8()..].chars().next().is_some_and(is_digit);
        // a sign after digits starts a new (negative) number: `2648-18538`
        let starts_number =
            signed || (is_digit(c) && !prev.is_some_and(|p| is_digit(p) || p == '.' || p == '第'));
        if starts_number
            && let Some(len) = Number::parse_prefix(&f[i..])
                .map(|p| p.1)
                .or_else(|| digit_run(&f[i..]))
        {
            let mut end = i + len;
            let after = &f[end..];
            let next = after.chars().next();
            // a list marker glued after digits: `00000002.其他` → `0000000` + `2.其他`
            let marker_follows = next.is_some_and(|n| matches!(n, '.' | '、' | '．'))
                && after[next.map_or(0, char::len_utf8)..]
                    .chars()
                    .next()
                    .is_none_or(|n| !is_digit(n));
            let label_follows = next.is_some_and(|n| {
                matches!(
                    n,
                    '年' | '月' | '日' | '号' | '项' | '类' | '级' | '个' | '岁'
                )
            });
            if label_follows && !(next == Some('个') && after.len() == '个'.len_utf8()) {
                // part of a label: `2015年度`
                label_start.get_or_insert(i);
                i = end;
                prev = f[..end].chars().last();
                continue;
            }
            if marker_follows {
                let digits = &f[i..end];
                if digits.chars().count() <= 1 || digits.contains('.') {
                    label_start.get_or_insert(i);
                    i = end;
                    prev = f[..end].chars().last();
                    continue;
                }
                // all but the last digit are a value
                let last = digits.char_indices().last().map_or(0, |(k, _)| k);
                end = i + last;
            } else if let Some(u) = UNITS.iter().find(|u| after.starts_with(**u)) {
                end += u.len();
            } else if next.is_some_and(|n| n == '(' || n == '（') && f[end..].contains(['）', ')'])
            {
                // a remark: `22（其中修订16件）`
                let close = f[end..].find(['）', ')']).unwrap_or(0);
                let close_len = f[end + close..].chars().next().map_or(1, char::len_utf8);
                let remark = &f[end..end + close + close_len];
                if remark.chars().any(|c| !is_digit(c))
                    && !remark.contains(['一', '二', '三', '四', '五', '六', '七', '八'])
                {
                    end += close + close_len;
                }
            }
            if let Some(ls) = label_start.take() {
                let kind = if NULLS.contains(&&f[ls..i]) {
                    Tk::Null
                } else {
                    Tk::Label
                };
                out.push(Tok {
                    kind,
                    start: at + ls,
                    end: at + i,
                });
            }
            out.push(Tok {
                kind: Tk::Value,
                start: at + i,
                end: at + end,
            });
            prev = f[..end].chars().last();
            i = end;
            continue;
        }
        label_start.get_or_insert(i);
        prev = Some(c);
        i += c.len_utf8();
    }
    if let Some(ls) = label_start {
        let s = &f[ls..];
        let kind = if NULLS.contains(&s) {
            Tk::Null
        } else {
            Tk::Label
        };
        out.push(Tok {
            kind,
            start: at + ls,
            end: at + f.len(),
        });
    }
}

// ---------------------------------------------------------------------------
// placing values

/// Where the cells of a row ended up.
enum Placed {
    /// One token (or digit sub-range) per column; an empty grid field is a
    /// zero-width range where its text would begin.
    Cells(Vec<(usize, usize)>),
    /// Could not be placed without guessing: the range of all value tokens.
    Fused(usize, usize),
}

/// Ways to split a digit string into `k` numbers, none but `0` starting with
/// `0`, capped at 2; longer strings are not split.
fn split_ways(d: &[u8], k: usize) -> u8 {
    if d.len() > 40 || k == 0 || k > d.len() {
        return 0;
    }
    // w[i][j]: ways to split d[i..] into j parts (capped at 2)
    let n = d.len();
    let mut w = vec![vec![0u8; k + 1]; n + 1];
    w[n][0] = 1;
    for i in (0..n).rev() {
        for j in 1..=k {
            let mut ways = 0u8;
            let max_len = if d[i] == b'0' { 1 } else { n - i };
            for len in 1..=max_len {
                ways = ways.saturating_add(w[i + len][j - 1]).min(2);
            }
            w[i][j] = ways;
        }
    }
    w[0][k]
}

fn split_digits(d: &[u8], k: usize) -> Vec<(usize, usize)> {
    // only called when the split is unique: take it greedily by checking ways
    let mut out = Vec::with_capacity(k);
    let mut i = 0;
    let mut left = k;
    while left > 0 {
        let max_len = if d[i] == b'0' { 1 } else { d.len() - i };
        let mut chosen = 1;
        for len in 1..=max_len {
            let rest = &d[i + len..];
            let ok = if left == 1 {
                rest.is_empty()
            } else {
                split_ways(rest, left - 1) > 0
            };
            if ok {
                chosen = len;
                break;
            }
        }
        out.push((i, i + chosen));
        i += chosen;
        left -= 1;
    }
    out
}

/// Ways (capped at 2) to fill exactly `cols` columns with the tokens in
/// order: a digit run (`Some`) fills one or more columns, anything else one.
fn fill_ways(digits: &[Option<&[u8]>], cols: usize) -> u8 {
    // dp[c]: ways to fill c columns with the tokens so far
    let mut dp = vec![0u8; cols + 1];
    dp[0] = 1;
    for d in digits {
        let mut next = vec![0u8; cols + 1];
        for (c, &ways) in dp.iter().enumerate() {
            if ways == 0 {
                continue;
            }
            match d {
                Some(d) => {
                    for k in 1..=(cols - c).min(d.len()) {
                        let w = split_ways(d, k);
                        if w > 0 {
                            next[c + k] = next[c + k].saturating_add(ways.saturating_mul(w)).min(2);
                        }
                    }
                }
                None if c < cols => next[c + 1] = next[c + 1].saturating_add(ways).min(2),
                None => {}
            }
        }
        dp = next;
    }
    dp[cols]
}

/// Places `cells` in `n` columns; `at` is where empty cells of a row without
/// any cell text sit (the end of its label).
fn place(text: &str, cells: &[Tok], n: usize, at: usize) -> Placed {
    // drop empty grid fields at the ends while there are more cells than columns
    let mut lo = 0;
    let mut hi = cells.len();
    while hi - lo > n && cells[hi - 1].kind == Tk::Empty {
        hi -= 1;
    }
    while hi - lo > n && cells[lo].kind == Tk::Empty {
        lo += 1;
    }
    let cells: Vec<Tok> = cells[lo..hi].to_vec();
    let all = |cells: &[Tok]| {
        let s = cells
            .iter()
            .filter(|t| t.kind != Tk::Empty)
            .map(|t| t.start)
            .min()
            .unwrap_or(0);
        let e = cells
            .iter()
            .filter(|t| t.kind != Tk::Empty)
            .map(|t| t.end)
            .max()
            .unwrap_or(0);
        (s, e)
    };
    if cells.len() == n {
        return Placed::Cells(cells.iter().map(|t| (t.start, t.end)).collect());
    }
    if cells.len() > n {
        let (s, e) = all(&cells);
        return Placed::Fused(s, e);
    }
    // fewer tokens than columns: try the unique split of digit runs
    let digits: Vec<Option<&[u8]>> = cells
        .iter()
        .map(|t| {
            let s = &text.as_bytes()[t.start..t.end];
            (t.kind == Tk::Value && s.len() > 1 && s.iter().all(u8::is_ascii_digit)).then_some(s)
        })
        .collect();
    // fast paths: every digit its own cell is the only split when the digits
    // and atomic cells add up to exactly `n`; fewer cannot be split at all
    let singles: usize = digits.iter().map(|d| d.map_or(1, <[u8]>::len)).sum();
    if singles == n {
        let mut out = Vec::with_capacity(n);
        for (i, t) in cells.iter().enumerate() {
            match digits[i] {
                Some(d) => out.extend((0..d.len()).map(|k| (t.start + k, t.start + k + 1))),
                None => out.push((t.start, t.end)),
            }
        }
        return Placed::Cells(out);
    }
    match fill_ways(&digits, n) {
        1 => {
            // reconstruct: the unique assignment of part counts
            let mut counts = vec![0usize; cells.len()];
            let mut remaining = n;
            for i in (0..cells.len()).rev() {
                let options: Vec<usize> = match digits[i] {
                    Some(d) => (1..=remaining.min(d.len()))
                        .filter(|&k| split_ways(d, k) > 0)
                        .collect(),
                    None => vec![1],
                };
                let k = options
                    .into_iter()
                    .find(|&k| k <= remaining && fill_ways(&digits[..i], remaining - k) > 0);
                let Some(k) = k else {
                    let (s, e) = all(&cells);
                    return Placed::Fused(s, e);
                };
                counts[i] = k;
                remaining -= k;
            }
            let mut out = Vec::with_capacity(n);
            for (i, t) in cells.iter().enumerate() {
                match digits[i] {
                    Some(d) => {
                        for (a, b) in split_digits(d, counts[i]) {
                            out.push((t.start + a, t.start + b));
                        }
                    }
                    None => out.push((t.start, t.end)),
                }
            }
            Placed::Cells(out)
        }
        _ => {
            let (s, e) = all(&cells);
            if s == e {
                let at = cells.first().map_or(at, |t| t.start);
                Placed::Cells(vec![(at, at); n])
            } else {
                Placed::Fused(s, e)
            }
        }
    }
}

/// The value of a raw cell: a number, or `None` (empty, null marker, text).
pub(crate) fn cell_value(raw: &str) -> Option<Number> {
    let t = raw.trim_matches(is_space);
    let (n, _) = Number::parse_prefix(t)?;
    Some(n)
}

/// The text after a cell's number: a unit (`元`) or a remark.
fn cell_suffix(raw: &str) -> Option<&str> {
    let t = raw.trim_matches(is_space);
    let (_, len) = Number::parse_prefix(t)?;
    let rest = t[len..].trim_matches(is_space);
    (!rest.is_empty()).then_some(rest)
}

// ---------------------------------------------------------------------------
// label runs

/// A piece of label text (normalised) with its source range.
#[derive(Debug)]
struct Piece {
    norm: String,
    start: usize,
    end: usize,
}

/// Joins consecutive label tokens and cuts them into pieces at list markers
/// and, when `vocab` is given, at vocabulary words.
fn pieces(text: &str, run: &[Tok], vocab: &[&str]) -> Vec<Piece> {
    let mut n = Norm::default();
    // a new line starts a new piece: the second half of a wrapped label is
    // joined back to its row by the builders, not by position
    let mut line_cuts = Vec::new();
    let mut prev_end: Option<usize> = None;
    for t in run {
        if prev_end.is_some_and(|e| text[e..t.start].contains(['\n', '\r'])) {
            line_cuts.push(n.s.len());
        }
        n.push(&text[t.start..t.end], t.start);
        prev_end = Some(t.end);
    }
    if n.is_empty() {
        return Vec::new();
    }
    let mut cuts = marker_starts(&n.s);
    cuts.extend(line_cuts);
    if !vocab.is_empty() {
        let mut i = 0;
        while i < n.s.len() {
            let rest = &n.s[i..];
            if let Some(w) = vocab
                .iter()
                .filter(|w| rest.starts_with(**w))
                .max_by_key(|w| w.len())
            {
                if i > 0 {
                    cuts.push(i);
                }
                i += w.len();
                cuts.push(i);
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    cuts.push(0);
    cuts.push(n.s.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let (s, e) = n.source(w[0], w[1]);
            Piece {
                norm: n.s[w[0]..w[1]].to_string(),
                start: s,
                end: e,
            }
        })
        .collect()
}

fn strip_marker(s: &str) -> &str {
    let mut t = s;
    if let Ok((rest, _)) = super::lexical::subsection_marker(t) {
        t = rest;
    }
    t
}

// ---------------------------------------------------------------------------
// applications

enum AppLabel {
    Row(AppRow),
    Group,
    Total,
    Subtotal,
    OtherInGroup,
    Header,
    Note,
    Unknown,
}

fn app_label(p: &str) -> AppLabel {
    use AppRow::*;
    let body = strip_marker(p);
    let has = |w: &str| p.contains(w);
    if has("勾稽") || has("本列数据") || has("本列表") {
        return AppLabel::Note;
    }
    let rows: &[(&[&str], AppRow)] = &[
        (&["本年新收"], NewReceived),
        (&["上年结转"], CarriedOver),
        (&["结转下"], CarriedForward),
        (&["部分公开"], PartiallyGranted),
        (&["国家秘密"], DeniedStateSecret),
        (&["禁止公开", "其他法律行政"], DeniedProhibitedByLaw),
        (&["三安全", "一稳定"], DeniedSecurityStability),
        (&["第三方合法权益", "第三方"], DeniedThirdPartyRights),
        (&["内部事务"], DeniedInternalAffairs),
        (&["过程性"], DeniedProcessInfo),
        (&["执法案卷"], DeniedLawEnforcementFile),
        (&["行政查询"], DeniedAdministrativeQuery),
        (&["不掌握"], UnableNotHeld),
        (&["另行制作", "没有现成"], UnableNeedsCreation),
        (&["仍不明确", "补正后"], UnableUnclear),
        (&["信访"], NotProcessedPetition),
        (&["重复申请"], NotProcessedDuplicate),
        (&["出版物"], NotProcessedPublication),
        (&["大量反复"], NotProcessedExcessive),
        (
            &["确认或", "重新出具", "新出具", "已获取信息"],
            NotProcessedConfirmation,
        ),
        (&["不补正", "逾期不补"], OtherNoCorrection),
        (&["收费通知", "缴纳费用"], OtherUnpaidFee),
    ];
    for (words, row) in rows {
        if words.iter().any(|w| has(w)) {
            return AppLabel::Row(*row);
        }
    }
    if has("予以公开") && !has("不予") {
        return AppLabel::Row(Granted);
    }
    if has("办理结果") || has("不予公开") || has("无法提供") || has("不予处理") {
        return AppLabel::Group;
    }
    if has("其他处理") {
        return AppLabel::Row(OtherProcessing);
    }
    if body.starts_with("小计") || body == "合计小计" {
        return AppLabel::Subtotal;
    }
    if body == "总计"
        || body == "合计"
        || body.starts_with("总计") && p.starts_with('(')
        || body == "办理结果合计"
    {
        return AppLabel::Total;
    }
    if body == "其他" && p.len() > body.len() {
        return AppLabel::OtherInGroup;
    }
    let header = [
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "商业",
        "企业",
        "科研",
        "机构",
        "社会",
        "公益",
        "组织",
        "法律",
        "服务",
        "其他",
        "总计",
        "小计",
    ];
    if header.iter().any(|w| has(w)) {
        return AppLabel::Header;
    }
    AppLabel::Unknown
}

fn group_of(p: &str) -> Option<u8> {
    // the group a group label opens: 3..=6, or 0 for 三、本年度办理结果
    if p.contains("办理结果") {
        return Some(0);
    }
    for (m, g) in [("(三)", 3), ("(四)", 4), ("(五)", 5), ("(六)", 6)] {
        if p.starts_with(m) {
            return Some(g);
        }
    }
    if p.contains("不予公开") {
        return Some(3);
    }
    if p.contains("无法提供") {
        return Some(4);
    }
    if p.contains("不予处理") {
        return Some(5);
    }
    if p.contains("其他处理") {
        return Some(6);
    }
    None
}

struct RowAcc<R> {
    key: R,
    label: Option<(usize, usize)>,
    label_extra: String,
    cells: Vec<Tok>,
}

struct Builder<'t, 'l> {
    text: &'t str,
    loc: &'l Locator<'t>,
    fragments: Vec<Fragment>,
}

impl<'t> Builder<'t, '_> {
    fn frag(&mut self, role: FragmentRole, s: usize, e: usize) {
        if s < e {
            self.fragments.push(Fragment {
                role,
                raw: self.text[s..e].to_string(),
                span: self.loc.span(s, e),
            });
        }
    }
    fn text_of(&self, s: usize, e: usize) -> Text {
        Text {
            raw: self.text[s..e].to_string(),
            span: self.loc.span(s, e),
        }
    }
    fn page(&mut self, t: &Tok) {
        self.frag(FragmentRole::PageNumber, t.start, t.end);
    }

    /// Turns accumulated rows into values and sources.
    #[allow(clippy::type_complexity)]
    fn finish_rows<R: Key, C: Key>(
        &mut self,
        rows: Vec<RowAcc<R>>,
        cols: impl Fn(R) -> Vec<C>,
    ) -> (
        IndexMap<R, IndexMap<C, Option<Number>>>,
        IndexMap<R, RowSource<C>>,
    ) {
        let mut values = IndexMap::new();
        let mut sources = IndexMap::new();
        for acc in rows {
            if values.contains_key(&acc.key) {
                // a repeated label: keep its text, the first row wins
                if let Some((s, e)) = acc.label {
                    self.frag(FragmentRole::Other, s, e);
                }
                for c in &acc.cells {
                    if c.kind != Tk::Empty {
                        self.frag(FragmentRole::Other, c.start, c.end);
                    }
                }
                continue;
            }
            let columns = cols(acc.key);
            let mut src = RowSource::<C>::default();
            if let Some((s, e)) = acc.label {
                let mut t = self.text_of(s, e);
                t.raw.push_str(&acc.label_extra);
                src.label = Some(t);
            }
            let mut vals = IndexMap::new();
            match place(
                self.text,
                &acc.cells,
                columns.len(),
                acc.label.map_or(0, |l| l.1),
            ) {
                Placed::Cells(cells) => {
                    for (c, (s, e)) in columns.iter().zip(cells) {
                        let t = self.text_of(s, e);
                        vals.insert(*c, cell_value(&t.raw));
                        src.cells.insert(*c, t);
                    }
                }
                Placed::Fused(s, e) => {
                    for c in &columns {
                        vals.insert(*c, None);
                    }
                    src.fused = Some(self.text_of(s, e));
                }
            }
            values.insert(acc.key, vals);
            sources.insert(acc.key, src);
        }
        (values, sources)
    }
}

/// Parses an applications table region.
pub(crate) fn applications(text: &str, segs: &[Seg<'_>], loc: &Locator<'_>) -> Table {
    let toks = tokenize(segs);
    let mut b = Builder {
        text,
        loc,
        fragments: Vec::new(),
    };
    let mut rows: Vec<RowAcc<AppRow>> = Vec::new();
    let mut current: Option<usize> = None;
    let mut header_done = false;
    let mut org_subtotal = false;
    let mut group: Option<u8> = None;
    // the last row closed by text after its values (for wrapped labels)
    let mut current_closed: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // text between a row's values and more values ends the row: values
        // that follow belong to no row rather than to the wrong one
        if matches!(t.kind, Tk::Label | Tk::Page)
            && current.is_some_and(|c| !rows[c].cells.is_empty())
        {
            current_closed = current.take();
        }
        match t.kind {
            Tk::Page => {
                b.page(&t);
                i += 1;
            }
            Tk::Value | Tk::Null | Tk::Empty => {
                match current {
                    Some(c) => rows[c].cells.push(t),
                    None if t.kind != Tk::Empty => b.frag(FragmentRole::Other, t.start, t.end),
                    None => {}
                }
                i += 1;
            }
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                let run = &toks[i..j];
                i = j;
                for p in pieces(text, run, &[]) {
                    let label = app_label(&p.norm);
                    // a row label that directly follows a row without values:
                    // the earlier one was a group label (（六）其他处理 in 2021)
                    let new_row =
                        |rows: &mut Vec<RowAcc<AppRow>>, b: &mut Builder<'_, '_>, key: AppRow| {
                            if let Some(last) = rows.last()
                                && last.cells.is_empty()
                                && last.key == AppRow::OtherProcessing
                            {
                                let last = rows.pop().expect("checked");
                                if let Some((s, e)) = last.label {
                                    b.frag(FragmentRole::GroupLabel, s, e);
                                }
                            }
                            rows.push(RowAcc {
                                key,
                                label: Some((p.start, p.end)),
                                label_extra: String::new(),
                                cells: Vec::new(),
                            });
                            rows.len() - 1
                        };
                    // the second half of a wrapped label can name its own row
                    // again (`…重新出` / `具已获取信息`): without a marker it continues it
                    let label = match label {
                        AppLabel::Row(r)
                            if super::lexical::subsection_marker(&p.norm).is_err()
                                && super::lexical::section_marker(&p.norm).is_err()
                                && current.or(current_closed).is_some_and(|c| rows[c].key == r) =>
                        {
                            AppLabel::Unknown
                        }
                        other => other,
                    };
                    if !matches!(label, AppLabel::Unknown | AppLabel::Header | AppLabel::Note) {
                        current_closed = None;
                    }
                    match label {
                        AppLabel::Row(r) => {
                            header_done = true;
                            if r == AppRow::OtherProcessing {
                                // a 2021 group label until values prove it a row
                                group = Some(6);
                            }
                            if let Some(g) = r.group() {
                                group = Some(match g.chars().nth(1) {
                                    Some('三') => 3,
                                    Some('四') => 4,
                                    Some('五') => 5,
                                    _ => 6,
                                });
                            }
                            current = Some(new_row(&mut rows, &mut b, r));
                        }
                        AppLabel::Total if header_done || p.norm.starts_with("(七)") => {
                            header_done = true;
                            current = Some(new_row(&mut rows, &mut b, AppRow::TotalProcessed));
                        }
                        AppLabel::Subtotal if header_done => {
                            let key = match group {
                                Some(3) => Some(AppRow::DeniedSubtotal),
                                Some(4) => Some(AppRow::UnableSubtotal),
                                Some(5) => Some(AppRow::NotProcessedSubtotal),
                                Some(6) => Some(AppRow::OtherSubtotal),
                                _ => None,
                            };
                            match key {
                                Some(k) => current = Some(new_row(&mut rows, &mut b, k)),
                                None => b.frag(FragmentRole::Other, p.start, p.end),
                            }
                        }
                        AppLabel::OtherInGroup => {
                            // `3.其他`: the only numbered 其他 of the table
                            header_done = true;
                            group = Some(6);
                            current = Some(new_row(&mut rows, &mut b, AppRow::OtherOther));
                        }
                        AppLabel::Group => {
                            header_done = true;
                            group = group_of(&p.norm).filter(|g| *g > 0).or(group);
                            b.frag(FragmentRole::GroupLabel, p.start, p.end);
                            current = None;
                        }
                        AppLabel::Note => {
                            // a 小计 column named in the same run as the note
                            org_subtotal |= !header_done && p.norm.contains("小计");
                            b.frag(FragmentRole::Note, p.start, p.end);
                        }
                        _ if !header_done => {
                            if p.norm.contains("小计") {
                                org_subtotal = true;
                            }
                            b.frag(FragmentRole::Header, p.start, p.end);
                        }
                        _ => {
                            // the rest of a wrapped label?
                            let last = current.or(current_closed).and_then(|c| rows.get_mut(c));
                            let continues = last.as_ref().is_some_and(|r| {
                                let tpl = norm(r.key.label());
                                let have =
                                    r.label.map(|(s, e)| norm(&text[s..e])).unwrap_or_default()
                                        + &r.label_extra;
                                p.norm.chars().count() >= 2
                                    && tpl.contains(&p.norm)
                                    && !tpl.starts_with(&p.norm)
                                    && !have.contains(&p.norm)
                            });
                            if continues {
                                if let Some(r) = last {
                                    r.label_extra.push_str(&text[p.start..p.end]);
                                }
                                b.frag(FragmentRole::LabelPart, p.start, p.end);
                            } else {
                                b.frag(FragmentRole::Other, p.start, p.end);
                            }
                        }
                    }
                }
            }
        }
    }
    // a trailing 其他处理 without values stays a (null) row
    let mut columns: Vec<AppCol> = AppCol::TEMPLATE.to_vec();
    if org_subtotal {
        columns.insert(6, AppCol::OrgSubtotal);
    }
    let cols = columns.clone();
    let (values, source) = b.finish_rows(rows, move |_| cols.clone());
    let span = region_span(loc, segs);
    b.fragments.sort_by_key(|f| f.span.start);
    Table::Applications(ApplicationsTable {
        span,
        columns,
        rows: values,
        source,
        fragments: Fragments(b.fragments),
    })
}

fn region_span(loc: &Locator<'_>, segs: &[Seg<'_>]) -> crate::model::Span {
    let first = segs.iter().find(|s| !s.is_blank());
    let last = segs.iter().rev().find(|s| !s.is_blank());
    match (first, last) {
        (Some(f), Some(l)) => {
            let (s, _) = f.trimmed();
            let (ls, lt) = l.trimmed();
            loc.span(s, ls + lt.len())
        }
        _ => loc.span(
            segs.first().map_or(0, |s| s.start),
            segs.first().map_or(0, |s| s.start),
        ),
    }
}

// ---------------------------------------------------------------------------
// review / litigation

/// Parses a review/litigation table region.
pub(crate) fn review_litigation(text: &str, segs: &[Seg<'_>], loc: &Locator<'_>) -> Table {
    let toks = tokenize(segs);
    let mut b = Builder {
        text,
        loc,
        fragments: Vec::new(),
    };
    let mut values: Vec<Tok> = Vec::new();
    let mut values_done = false;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // the values are one run: text after them ends the row, and values
        // after that belong to nothing
        let closed =
            values.iter().any(|v| v.kind != Tk::Empty) && matches!(t.kind, Tk::Label | Tk::Page);
        match t.kind {
            Tk::Page => {
                b.page(&t);
                values_done |= closed;
            }
            Tk::Value | Tk::Null | Tk::Empty if !values_done => values.push(t),
            Tk::Value | Tk::Null => b.frag(FragmentRole::Other, t.start, t.end),
            Tk::Empty => {}
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                let role = if values_done || closed {
                    FragmentRole::Other
                } else {
                    FragmentRole::Header
                };
                for p in pieces(text, &toks[i..j], &[]) {
                    b.frag(role, p.start, p.end);
                }
                values_done |= closed;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let mut groups = IndexMap::new();
    let mut source: IndexMap<RlGroup, RowSource<RlOutcome>> = IndexMap::new();
    if !values.is_empty() {
        match place(text, &values, 15, values[0].start) {
            Placed::Cells(cells) => {
                for (gi, g) in RlGroup::ALL.iter().enumerate() {
                    let mut vals = IndexMap::new();
                    let mut src = RowSource::default();
                    for (oi, o) in RlOutcome::ALL.iter().enumerate() {
                        let (s, e) = cells[gi * 5 + oi];
                        let t = b.text_of(s, e);
                        vals.insert(*o, cell_value(&t.raw));
                        src.cells.insert(*o, t);
                    }
                    groups.insert(*g, vals);
                    source.insert(*g, src);
                }
            }
            Placed::Fused(s, e) => {
                for g in RlGroup::ALL {
                    groups.insert(*g, RlOutcome::ALL.iter().map(|o| (*o, None)).collect());
                    let mut src = RowSource::default();
                    if *g == RlGroup::Review {
                        src.fused = Some(b.text_of(s, e));
                    }
                    source.insert(*g, src);
                }
            }
        }
    }
    b.fragments.sort_by_key(|f| f.span.start);
    Table::ReviewLitigation(ReviewLitigationTable {
        span: region_span(loc, segs),
        groups,
        source,
        fragments: Fragments(b.fragments),
    })
}

// ---------------------------------------------------------------------------
// active disclosure

const AD_VOCAB: &[&str] = &[
    "第二十条",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "本年处理决定数量",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "采购项目数量",
    "采购总金额",
    "规章",
    "规范性文件",
    "行政规范性文件",
    "行政许可",
    "其他对外管理服务事项",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
];

fn ad_item(p: &str) -> Option<AdItem> {
    let body = strip_marker(p);
    Some(match () {
        _ if body.starts_with("规章") => AdItem::Regulations,
        _ if body.contains("规范性文件") => AdItem::NormativeDocuments,
        _ if body.starts_with("行政许可") => AdItem::Licensing,
        _ if body.contains("对外管理服务") => AdItem::OtherServices,
        _ if body.starts_with("行政处罚") => AdItem::Penalties,
        _ if body.starts_with("行政强制") => AdItem::Enforcement,
        _ if body.contains("事业性收费") => AdItem::Fees,
        _ if body.contains("集中采购") => AdItem::Procurement,
        _ => return None,
    })
}

fn ad_marks_2021(p: &str) -> Option<bool> {
    if [
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
    ]
    .iter()
    .any(|w| p.contains(w))
    {
        return Some(true);
    }
    if [
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "采购项目数量",
        "采购总金额",
    ]
    .iter()
    .any(|w| p.contains(w))
    {
        return Some(false);
    }
    None
}

/// Parses an active-disclosure (第二十条) table region.
pub(crate) fn active_disclosure(text: &str, segs: &[Seg<'_>], loc: &Locator<'_>) -> Table {
    let toks = tokenize(segs);
    let mut b = Builder {
        text,
        loc,
        fragments: Vec::new(),
    };
    let mut rows: Vec<RowAcc<AdItem>> = Vec::new();
    let mut current: Option<usize> = None;
    let mut v2021: Option<bool> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if matches!(t.kind, Tk::Label | Tk::Page)
            && current.is_some_and(|c| !rows[c].cells.is_empty())
        {
            current = None;
        }
        match t.kind {
            Tk::Page => b.page(&t),
            Tk::Value | Tk::Null | Tk::Empty => match current {
                Some(c) => rows[c].cells.push(t),
                None if t.kind != Tk::Empty => b.frag(FragmentRole::Other, t.start, t.end),
                None => {}
            },
            Tk::Label => {
                let j = toks[i..]
                    .iter()
                    .position(|t| t.kind != Tk::Label)
                    .map_or(toks.len(), |p| i + p);
                for p in pieces(text, &toks[i..j], AD_VOCAB) {
                    if let Some(m) = ad_marks_2021(&p.norm) {
                        v2021 = Some(v2021.unwrap_or(false) || m);
                        b.frag(FragmentRole::Header, p.start, p.end);
                        continue;
                    }
                    match ad_item(&p.norm) {
                        Some(item) => {
                            rows.push(RowAcc {
                                key: item,
                                label: Some((p.start, p.end)),
                                label_extra: String::new(),
                                cells: Vec::new(),
                            });
                            current = Some(rows.len() - 1);
                        }
                        None => {
                            let role = if p.norm.starts_with("第二十条")
                                || p.norm.contains("信息内容")
                                || p.norm.contains('项')
                            {
                                FragmentRole::Header
                            } else {
                                FragmentRole::Other
                            };
                            b.frag(role, p.start, p.end);
                        }
                    }
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }
    let format = if v2021.unwrap_or(false) {
        Format::V2021
    } else {
        Format::V2019
    };
    let (items, source) = b.finish_rows(rows, |item: AdItem| item.fields(format).to_vec());
    let mut units: IndexMap<AdItem, IndexMap<AdField, String>> = IndexMap::new();
    let mut remarks: IndexMap<AdItem, IndexMap<AdField, String>> = IndexMap::new();
    for (item, src) in &source {
        for (field, cell) in &src.cells {
            if let Some(rest) = cell_suffix(&cell.raw) {
                let is_unit = UNITS.contains(&rest);
                let map = if is_unit { &mut units } else { &mut remarks };
                map.entry(*item)
                    .or_default()
                    .insert(*field, rest.to_string());
            }
        }
    }
    b.fragments.sort_by_key(|f| f.span.start);
    Table::ActiveDisclosure(ActiveDisclosureTable {
        span: region_span(loc, segs),
        items,
        units,
        remarks,
        source,
        fragments: Fragments(b.fragments),
    })
}

// ---------------------------------------------------------------------------
// generic tables

/// Parses a generic table region: grid rows (tabs or pipes) or one cell per line.
pub(crate) fn generic(text: &str, segs: &[Seg<'_>], loc: &Locator<'_>) -> Table {
    let _ = text;
    let lines: Vec<&Seg<'_>> = segs.iter().filter(|s| !s.is_blank()).collect();
    let grid_sep = if lines.iter().filter(|s| is_grid_line(s.raw, '\t')).count() >= 2 {
        Some('\t')
    } else if lines
        .iter()
        .filter(|s| s.raw.matches('|').count() >= 2)
        .count()
        >= 2
    {
        Some('|')
    } else {
        None
    };
    let mut rows_txt: Vec<Vec<(usize, &str)>> = Vec::new();
    match grid_sep {
        Some(sep) => {
            for s in &lines {
                let mut fields = Vec::new();
                let mut at = s.start;
                for f in s.raw.split(sep) {
                    let lead = f.len() - f.trim_start_matches(is_space).len();
                    let ft = f.trim_matches(is_space);
                    if !ft.is_empty() {
                        fields.push((at + lead, ft));
                    }
                    at += f.len() + sep.len_utf8();
                }
                if !fields.is_empty() {
                    rows_txt.push(fields);
                }
            }
        }
        None => {
            let cells: Vec<(usize, &str)> = lines.iter().map(|s| s.trimmed()).collect();
            let numeric = |t: &str| {
                cell_value(t).is_some()
                    && Number::parse_prefix(t).is_some_and(|(_, l)| l == t.len())
            };
            let first_num = cells
                .iter()
                .position(|c| numeric(c.1))
                .unwrap_or(cells.len());
            // shape of the second row: text cells then number cells
            let mut k = 1;
            let mut m = 1;
            let after: Vec<bool> = cells[first_num..].iter().map(|c| numeric(c.1)).collect();
            let m1 = after.iter().take_while(|n| **n).count();
            if m1 > 0 {
                m = m1;
                let k2 = after[m1..].iter().take_while(|n| !**n).count();
                if k2 > 0 && after.len() > m1 + k2 {
                    k = k2;
                }
            }
            let header_len = first_num.saturating_sub(k);
            if header_len > 0 {
                rows_txt.push(cells[..header_len].to_vec());
            } else {
                rows_txt.push(Vec::new());
            }
            let mut i = header_len;
            while i < cells.len() {
                let mut row = Vec::new();
                let mut texts = 0;
                while i < cells.len() && !numeric(cells[i].1) && texts < k {
                    row.push(cells[i]);
                    texts += 1;
                    i += 1;
                }
                let mut nums = 0;
                while i < cells.len() && numeric(cells[i].1) && nums < m {
                    row.push(cells[i]);
                    nums += 1;
                    i += 1;
                }
                if row.is_empty() {
                    row.push(cells[i]);
                    i += 1;
                }
                rows_txt.push(row);
            }
        }
    }
    let mut it = rows_txt.into_iter();
    let header = it.next().unwrap_or_default();
    let body: Vec<Vec<(usize, &str)>> = it.collect();
    let span_of = |(at, t): &(usize, &str)| loc.span(*at, at + t.len());
    let g = GenericTable {
        span: region_span(loc, segs),
        header: header.iter().map(|c| c.1.to_string()).collect(),
        rows: body
            .iter()
            .map(|r| r.iter().map(|c| c.1.to_string()).collect())
            .collect(),
        spans: GenericSpans {
            header: header.iter().map(span_of).collect(),
            rows: body
                .iter()
                .map(|r| r.iter().map(span_of).collect())
                .collect(),
        },
    };
    // a legacy 政府信息公开情况统计表 becomes a typed table
    crate::template::legacy::from_generic(&g, loc).unwrap_or(Table::Generic(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_ways_counts() {
        assert_eq!(split_ways(b"0000000", 7), 1);
        assert_eq!(split_ways(b"000023", 5), 1);
        assert_eq!(split_ways(b"000023", 6), 1);
        assert_eq!(split_ways(b"230", 2), 2);
        assert_eq!(split_ways(b"023", 1), 0);
        assert_eq!(split_digits(b"023", 2), vec![(0, 1), (1, 3)]);
    }

    #[test]
    fn anchors() {
        assert_eq!(anchor("第二十条第（一）项"), Some(Kind::ActiveDisclosure));
        assert_eq!(
            anchor("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
            Some(Kind::Applications)
        );
        assert_eq!(anchor("行政复议"), Some(Kind::ReviewLitigation));
        assert_eq!(anchor("行政复议\t\t行政诉讼"), Some(Kind::ReviewLitigation));
        assert_eq!(anchor("行政复议案件0件，行政诉讼0件。"), None);
        assert_eq!(
            anchor("一、本年新收政府信息公开申请数量"),
            Some(Kind::Applications)
        );
    }

    #[test]
    fn labels() {
        assert!(matches!(app_label("(五)不予公开"), AppLabel::Group));
        assert!(matches!(
            app_label("5.要求行政机关确认或新出具已获取信息"),
            AppLabel::Row(AppRow::NotProcessedConfirmation)
        ));
        assert!(matches!(
            app_label("2.其他法律行政止公开"),
            AppLabel::Row(AppRow::DeniedProhibitedByLaw)
        ));
        assert!(matches!(
            app_label("(一)予以公开"),
            AppLabel::Row(AppRow::Granted)
        ));
        assert!(matches!(app_label("(七)总计"), AppLabel::Total));
        assert!(matches!(app_label("3、其他"), AppLabel::OtherInGroup));
        assert!(matches!(
            app_label("四、结转下年度继续办理"),
            AppLabel::Row(AppRow::CarriedForward)
        ));
    }
}
