//! Rules comparing the text with the tables: `narrative.mismatch`.
//!
//! Deliberately conservative: only two plain statements are read, each
//! within one sentence (split at 。；！？):
//!
//! * a negation — `未收到` / `没有收到` / `未受理` followed within 25
//!   characters by `申请`, in a sentence about 公开 or 信息 and not about
//!   复议, 诉讼, 投诉, 举报 or 信访 — contradicts a positive new_received total;
//! * a count — `收到` or `新收` followed within 20 characters (no digits) by
//!   `申请`, then up to six filler characters (共, 计, 为, 数量, ：…) and a
//!   number with `件`; or `收到` (共) N `件` … `申请` — contradicts the table
//!   when the number is neither new_received nor new_received + carried_over
//!   (the two readings reports use; only the sum when the sentence says
//!   the count includes the carry-over, 含上年结转). Numbers may be written in words
//!   (两件, 十二件).
//!
//! The other counts of the text (上年结转, 办结, 结转下年度, 行政复议,
//! 行政诉讼) and the absolute claims are read by `statements`.

use super::vocab::Mask;
use super::{Ctx, NARRATIVE_MISMATCH, Operand, finding, operand};
use crate::model::{AppCol, AppRow, Finding, Key, Number, Paragraph, Severity, Span};

const EXCLUDED: Mask = Mask::of(&["复议", "诉讼", "投诉", "举报", "信访"]);
/// The words of the statements read: 收到 (未收到, 没有收到), 新收, 未受理.
pub(super) const TRIGGER: Mask = Mask::of(&["收到", "新收", "未受理"]);
const RECEIVED: Mask = Mask::of(&["收到", "新收"]);
const ABOUT: Mask = Mask::of(&["公开", "信息"]);

/// The figures the text is compared with: the applications table's
/// new_received and carried_over totals.
#[derive(Debug, Clone, Copy)]
pub(super) struct Counts {
    new_received: i64,
    carried_over: Option<i64>,
}

/// The counts of the report's applications table, when it gives
/// new_received (else the rule has nothing to compare with).
pub(super) fn counts(cx: &Ctx<'_>) -> Option<Counts> {
    let t = cx.applications?;
    let value = |row| match operand(&t.rows, &t.source, row, AppCol::Total) {
        Operand::Value(n) => n.as_i64(),
        _ => None,
    };
    Some(Counts {
        new_received: value(AppRow::NewReceived)?,
        carried_over: value(AppRow::CarriedOver),
    })
}

/// Checks one sentence of a paragraph (at byte `offset` of it; `words`:
/// the words of [`super::vocab`] it contains).
pub(super) fn sentence(
    p: &Paragraph,
    (offset, sentence, words): (usize, &str, Mask),
    counts: Counts,
    out: &mut Vec<Finding>,
) {
    if words.any(TRIGGER) && !words.any(EXCLUDED) {
        let Counts {
            new_received,
            carried_over,
        } = counts;
        check_sentence(
            p,
            offset,
            (sentence, words),
            new_received,
            carried_over,
            out,
        );
    }
}

/// Sets the related cells of the findings `found` of [`sentence`].
pub(super) fn finish(cx: &Ctx<'_>, counts: Counts, found: &mut [Finding]) {
    let Some(t) = cx.applications else {
        return;
    };
    let new_received = counts.new_received;
    // The cells compared: new_received, and carried_over when the text's
    // count was read as their sum.
    let cell = |row| super::term(&t.rows, &t.source, row, AppCol::Total);
    for f in found {
        let sum = f.expected.and_then(|n| n.as_i64()) != Some(new_received);
        f.related = std::iter::once(cell(AppRow::NewReceived))
            .chain(sum.then(|| cell(AppRow::CarriedOver)))
            .flatten()
            .collect();
    }
}

fn check_sentence(
    p: &Paragraph,
    offset: usize,
    (sentence, words): (&str, Mask),
    new_received: i64,
    carried_over: Option<i64>,
    out: &mut Vec<Finding>,
) {
    if negation(p, offset, (sentence, words), new_received, out) {
        return;
    }
    if !words.any(RECEIVED) {
        return;
    }
    // The count.
    let mut from = 0;
    while let Some(rel) = sentence[from..]
        .find("收到")
        .or_else(|| sentence[from..].find("新收"))
    {
        let at = from + rel;
        from = at + "收到".len();
        let before = &sentence[..at];
        if before.ends_with('未') || before.ends_with("没有") {
            continue;
        }
        let after = &sentence[from..];
        // `收到70件申请`: the number before 申请; else `收到申请共70件`
        let before_request = count_before_request(after);
        let Some((n, num_at, len)) = before_request.or_else(|| count_after_request(after)) else {
            continue;
        };
        let options = readings(sentence, new_received, carried_over);
        if options.contains(&Some(n)) {
            continue;
        }
        let (want, msg) = mismatch(n, options, new_received);
        push(p, offset + from + num_at, len, msg, want, n, out);
    }
}

/// The negation (`未收到…申请`): a finding when the table gives new
/// applications. True when the sentence says it (the count is then not
/// read).
fn negation(
    p: &Paragraph,
    offset: usize,
    (sentence, words): (&str, Mask),
    new_received: i64,
    out: &mut Vec<Finding>,
) -> bool {
    const NEGATIONS: [&str; 3] = ["未收到", "没有收到", "未受理"];
    if !words.any(const { Mask::of(&NEGATIONS) }) {
        return false;
    }
    for neg in NEGATIONS {
        let Some(at) = sentence.find(neg) else {
            continue;
        };
        let after = &sentence[at + neg.len()..];
        let Some(req) = after.find("申请") else {
            continue;
        };
        if after[..req].chars().count() > 25 || !words.any(ABOUT) {
            continue;
        }
        if new_received > 0 {
            let msg = format!(
                "The text says “{neg}…申请” but the applications table gives {new_received} new applications (new_received, total)."
            );
            push(
                p,
                offset + at,
                neg.len() + req + "申请".len(),
                msg,
                new_received,
                0,
                out,
            );
        }
        return true;
    }
    false
}

/// `…申请共计70件` in the text after 收到: the count after 申请, its byte
/// offset in `after` and its length.
fn count_after_request(after: &str) -> Option<(i64, usize, usize)> {
    let req = after.find("申请")?;
    let between = &after[..req];
    if between.chars().count() > 20
        || between.chars().any(|c| c.is_ascii_digit())
        || between.contains("和处理")
    {
        return None;
    }
    let tail = &after[req + "申请".len()..];
    let mut skip = 0;
    for (n, c) in tail.char_indices() {
        if n >= 18
            || !matches!(
                c,
                '共' | '计'
                    | '为'
                    | '是'
                    | '数'
                    | '量'
                    | '总'
                    | '合'
                    | '：'
                    | ':'
                    | '达'
                    | '，'
                    | ','
            ) && !crate::lines::is_space(c)
        {
            skip = n;
            break;
        }
    }
    let (n, len) = super::words::count_prefix(&tail[skip..])?;
    if !tail[skip + len..].starts_with('件') {
        return None;
    }
    Some((n, req + "申请".len() + skip, len))
}

/// The expected value and the message when `n` is none of the readings.
fn mismatch(n: i64, options: [Option<i64>; 2], new_received: i64) -> (i64, String) {
    match options {
        [Some(sum), Some(same)] if sum == same && sum != new_received => (
            sum,
            format!(
                "The text states {n} applications received including the carry-over but the applications table gives {sum} (new_received + carried_over, total)."
            ),
        ),
        _ => (
            new_received,
            format!(
                "The text states {n} applications received but the applications table gives {new_received} new applications (new_received, total)."
            ),
        ),
    }
}

/// The two counts a report may mean by "received": new_received, or
/// new_received + carried_over. When the sentence says the count includes
/// the carry-over (含上年结转, 包括上年结转, 其中上年结转), only the sum.
fn readings(sentence: &str, new_received: i64, carried_over: Option<i64>) -> [Option<i64>; 2] {
    let sum = carried_over.map(|c| new_received + c);
    if sum.is_some()
        && ["含上年结转", "包括上年结转", "其中上年结转", "含上年度结转"]
            .iter()
            .any(|w| sentence.contains(w))
    {
        return [sum, sum];
    }
    [Some(new_received), sum]
}

/// `共70件申请` / `70件政府信息公开申请` right after 收到: the number, its byte
/// offset in `after` and its length.
fn count_before_request(after: &str) -> Option<(i64, usize, usize)> {
    let skip: usize = after
        .char_indices()
        .find(|(_, c)| !matches!(c, '共' | '了' | '各' | '类') && !crate::lines::is_space(*c))
        .map_or(after.len(), |(i, _)| i);
    let (n, len) = super::words::count_prefix(&after[skip..])?;
    let rest = after[skip + len..].strip_prefix('件')?;
    let req = rest.find("申请")?;
    let between = &rest[..req];
    if between.chars().count() > 10
        || between
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '，' | ','))
    {
        return None;
    }
    Some((n, skip, len))
}

/// The span of `len` bytes at byte `at` of the paragraph text: exact when the
/// paragraph is one source line written as is, else the paragraph's span.
pub(super) fn span_in(p: &Paragraph, at: usize, len: usize) -> Span {
    let s = p.span;
    if s.range().len() == p.text.len() && !p.text.contains('\n') && p.text.is_char_boundary(at) {
        let column = s.column + p.text[..at].chars().count() as u32;
        return Span {
            start: s.start + at as u32,
            end: s.start + (at + len) as u32,
            line: s.line,
            column,
            page: s.page,
        };
    }
    s
}

fn push(
    p: &Paragraph,
    at: usize,
    len: usize,
    msg: String,
    expected: i64,
    found: i64,
    out: &mut Vec<Finding>,
) {
    let mut f = finding(
        NARRATIVE_MISMATCH,
        Severity::Warning,
        msg,
        Some(span_in(p, at, len)),
    );
    f.expected = Some(Number::int(expected));
    f.found = Some(Number::int(found));
    f.table = Some("applications".into());
    f.row = Some(AppRow::NewReceived.key().into());
    f.column = Some(AppCol::Total.key().into());
    out.push(f);
}
