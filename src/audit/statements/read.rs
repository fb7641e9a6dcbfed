//! What a sentence states: the counts next to their keywords (上年结转 …
//! N件, N件 … 结转下年度, 未发生 … 行政复议) and the absolute claims (均已办结,
//! 办结率100%), read from the sentence and the words of
//! [`crate::audit::vocab`] it contains. The rules that compare them with the
//! tables are in [`super`].

use crate::audit::vocab::{Found, Mask};
use crate::audit::words::count_prefix;
use crate::model::SectionKind;

/// What a stated count is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    CarriedOver,
    TotalProcessed,
    CarriedForward,
    Review,
    Litigation,
}

impl Target {
    pub(super) fn what(self) -> &'static str {
        match self {
            Target::CarriedOver => "applications carried over from last year",
            Target::TotalProcessed => "applications answered",
            Target::CarriedForward => "applications carried forward to next year",
            Target::Review => "administrative reviews (行政复议)",
            Target::Litigation => "administrative lawsuits (行政诉讼)",
        }
    }
}

/// At most this many counts are read from one sentence (bounds the work on
/// pathological input; a real sentence states a handful).
const MAX_STATEMENTS: usize = 32;
const UNITS: [char; 4] = ['件', '起', '宗', '个'];
const STOPS: [char; 9] = ['，', ',', '、', '：', ':', '；', '。', '（', '('];
const APPLICATION_EXCLUDED: [&str; 8] = [
    "信访", "投诉", "举报", "建议", "提案", "复议", "诉讼", "留言",
];
const CARRIED_OVER: [&str; 5] = [
    "上年结转",
    "上年度结转",
    "上一年度结转",
    "结转上年",
    "上年度遗留",
];
const CARRIED_FORWARD: [&str; 5] = ["结转下年", "结转到", "结转至", "转入下年", "结转下一年"];
const PROCESSED: [&str; 5] = ["办结", "答复", "办理完毕", "处理完毕", "办理完成"];
const REQUEST: Mask = Mask::of(&["申请"]);
/// The keywords read one by one: the carried-over, carried-forward and
/// processed words, and the two kinds of case.
const KEYWORDS: [&str; 17] = join([
    &CARRIED_OVER,
    &CARRIED_FORWARD,
    &PROCESSED,
    &["行政复议", "行政诉讼"],
]);

/// The words of `parts` one after the other (`N` is their total number).
const fn join<const N: usize>(parts: [&[&'static str]; 4]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut p, mut n) = (0, 0);
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            (i, n) = (i + 1, n + 1);
        }
        p += 1;
    }
    assert!(n == N, "KEYWORDS: the parts hold another number of words");
    out
}
const KEYWORD_MASKS: [Mask; 17] = Mask::each(KEYWORDS);

/// The one-word set of a keyword of [`KEYWORDS`] (any other: every word,
/// so that it is searched for).
fn word(kw: &str) -> Mask {
    KEYWORDS
        .iter()
        .position(|k| *k == kw)
        .map_or(Mask::ALL, |i| KEYWORD_MASKS[i])
}
const EXCLUDED: Mask = Mask::of(&APPLICATION_EXCLUDED);
const REVIEW: Mask = Mask::of(&["行政复议"]);
const LITIGATION: Mask = Mask::of(&["行政诉讼"]);
const CASES: Mask = Mask::of(&["行政复议", "行政诉讼"]);
const PUBLIC: Mask = Mask::of(&["公开"]);
const CASE: Mask = Mask::of(&["案件"]);
const LEADS: Mask = Mask::of(&["均", "全部"]);
/// The leads of an absolute claim, each alone, in the order they are tried.
const CLAIM_LEADS: [Mask; 3] = Mask::each(["均已", "全部", "均"]);
/// The rates of an absolute claim, each alone.
const CLAIM_RATES: [Mask; 2] = Mask::each(["办结率", "答复率"]);
const RATES: Mask = Mask::of(&["办结率", "答复率"]);
/// The words without which a sentence states nothing the rules read: the
/// keywords of the counts, and the leads of the absolute claims.
pub(in crate::audit) const TRIGGER: Mask = Mask::of(&KEYWORDS).or(LEADS).or(RATES);
/// Words that make a number after the keyword a part, not the total.
const PART_WORDS: [&str; 14] = [
    "率",
    "维持",
    "纠正",
    "撤销",
    "驳回",
    "确认",
    "审结",
    "其他",
    "予以公开",
    "部分公开",
    "不予",
    "无法",
    "告知",
    "期限",
];

/// True when `s` contains a word of [`PART_WORDS`]: one pass over `s`,
/// comparing the words only where their first character stands (no search
/// per word).
fn has_part_word(s: &str) -> bool {
    const FIRSTS: [char; 14] = {
        let mut out = ['\0'; 14];
        let mut i = 0;
        while i < PART_WORDS.len() {
            let b = PART_WORDS[i].as_bytes();
            // every first character is a CJK ideograph (three bytes)
            let cp =
                ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F);
            out[i] = match char::from_u32(cp) {
                Some(c) => c,
                None => panic!("a character"),
            };
            i += 1;
        }
        out
    };
    s.char_indices()
        .any(|(i, c)| FIRSTS.contains(&c) && PART_WORDS.iter().any(|w| s[i..].starts_with(w)))
}

/// A character of a number: a digit (ASCII or full-width) or a Chinese
/// numeral (零〇一二两三四五六七八九十百千万). One `match`, not a search of
/// the list per character.
fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '0'..='9'
            | '０'..='９'
            | '零'
            | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// `keyword … N件` — the count after the keyword: byte offset (in `s`),
/// length and value.
fn count_after(s: &str, from: usize) -> Option<(usize, usize, i64)> {
    let rest = &s[from..];
    // at most twelve filler characters: the scan is bounded (linear overall)
    let (at, _) = rest.char_indices().take(13).find(|(_, c)| is_numeral(*c))?;
    let filler = &rest[..at];
    if filler.chars().count() > 12
        || filler.chars().any(|c| STOPS.contains(&c))
        || has_part_word(filler)
    {
        return None;
    }
    let (n, len) = count_prefix(&rest[at..])?;
    // `351 件`: white space may stand before the unit (PDF text)
    let unit = rest[at + len..]
        .chars()
        .find(|c| !crate::lines::is_space(*c))?;
    if !UNITS.contains(&unit) {
        return None;
    }
    Some((from + at, len, n))
}

/// The byte after a year `YYYY年` / `YYYY年度` at `from` (`结转至2026年6件`),
/// else `from`.
fn skip_year(s: &str, from: usize) -> usize {
    let rest = &s[from..];
    let b = rest.as_bytes();
    if b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && let Some(tail) = rest[4..].strip_prefix('年')
    {
        let tail = tail.strip_prefix('度').unwrap_or(tail);
        return s.len() - tail.len();
    }
    from
}

/// `N件 … keyword` — the count right before the keyword (at most a few
/// filler characters between: 的, 申请, 政府信息公开申请, 案件).
fn count_before(s: &str, keyword_at: usize) -> Option<(usize, usize, i64)> {
    let before = &s[..keyword_at];
    let mut head = before;
    for filler in ["政府信息公开申请", "申请", "案件", "的", "被", "提起", "已"] {
        head = head.strip_suffix(filler).unwrap_or(head);
    }
    let head = head
        .strip_suffix(UNITS)?
        .trim_end_matches(crate::lines::is_space);
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_numeral(*c))
        .last()
        .map(|(i, _)| i)?;
    let (n, len) = count_prefix(&head[start..])?;
    if start + len != head.len() {
        return None;
    }
    Some((start, len, n))
}

/// The clause of `s` that ends at byte `at` (from the last break before it),
/// at most 30 characters back.
fn clause_before(s: &str, at: usize) -> &str {
    let head = &s[..at];
    let mut start = head.len();
    for (i, c) in head.char_indices().rev().take(30) {
        if STOPS.contains(&c) {
            break;
        }
        start = i;
    }
    &head[start..]
}

/// A statement: `(target, byte offset, length, value)` of the number.
pub(super) type Stated = (Target, usize, usize, i64);

/// Every `(target, byte offset, length, value)` the sentence states.
#[cfg(test)]
fn read(sentence: &str, kind: Option<SectionKind>) -> Vec<Stated> {
    let mut hits = crate::audit::vocab::Hits::default();
    hits.scan(sentence);
    read_in(sentence, hits.found(), kind)
}

/// The statements of a sentence that contains the words `words` (the
/// words of [`crate::audit::vocab`]).
pub(super) fn read_in(sentence: &str, words: Found<'_>, kind: Option<SectionKind>) -> Vec<Stated> {
    let mut found: Vec<Stated> = Vec::new();
    let about_applications = words.has(REQUEST) && !words.any(EXCLUDED);
    if about_applications {
        if words.any(const { Mask::of(&CARRIED_OVER) }) {
            keyed(
                (sentence, words),
                &CARRIED_OVER,
                (true, false),
                &mut found,
                Target::CarriedOver,
            );
        }
        if words.any(const { Mask::of(&CARRIED_FORWARD) }) {
            keyed(
                (sentence, words),
                &CARRIED_FORWARD,
                (true, true),
                &mut found,
                Target::CarriedForward,
            );
        }
        if words.any(const { Mask::of(&PROCESSED) }) {
            processed((sentence, words), &mut found);
        }
    }
    let about_cases = words.has(PUBLIC) || kind == Some(SectionKind::ReviewLitigation);
    if about_cases && words.any(CASES) {
        if words.has(REVIEW) {
            keyed(
                (sentence, words),
                &["行政复议"],
                (true, true),
                &mut found,
                Target::Review,
            );
        }
        if words.has(LITIGATION) {
            keyed(
                (sentence, words),
                &["行政诉讼"],
                (true, true),
                &mut found,
                Target::Litigation,
            );
        }
        no_cases((sentence, words), &mut found);
    }
    found
}

/// The counts next to each keyword of `keywords` as statements of `t`:
/// the count after the keyword (`near.0`), else the one before it
/// (`near.1`).
fn keyed(
    (sentence, words): (&str, Found<'_>),
    keywords: &[&str],
    near: (bool, bool),
    found: &mut Vec<Stated>,
    t: Target,
) {
    let (after, before) = near;
    for kw in keywords {
        // where the keyword stands, from the scan (none: not in the sentence)
        let mut from = 0;
        for at in words.starts(word(kw)) {
            if at < from {
                continue;
            }
            if found.len() >= MAX_STATEMENTS {
                return;
            }
            from = at + kw.len();
            // 结转至本年度: the carry-over into this year, not out of it
            if t == Target::CarriedForward
                && ["本年", "今年", "当年"]
                    .iter()
                    .any(|w| sentence[from..].starts_with(w))
            {
                continue;
            }
            let hit = if after {
                count_after(sentence, skip_year(sentence, at + kw.len()))
            } else {
                None
            }
            .or_else(|| {
                if before {
                    count_before(sentence, at)
                } else {
                    None
                }
            });
            if let Some((n_at, len, n)) = hit
                && !found.iter().any(|(_, a, _, _)| *a == n_at)
            {
                found.push((t, n_at, len, n));
            }
        }
    }
}

/// 办结 / 答复 … n: the applications processed, only where the clause is
/// not about one outcome.
fn processed((sentence, words): (&str, Found<'_>), found: &mut Vec<Stated>) {
    for kw in PROCESSED {
        let mut from = 0;
        for at in words.starts(word(kw)) {
            if at < from {
                continue;
            }
            if found.len() >= MAX_STATEMENTS {
                break;
            }
            from = at + kw.len();
            let clause = clause_before(sentence, at);
            if has_part_word(clause) || clause.contains("其中") {
                continue;
            }
            if let Some((n_at, len, n)) = count_after(sentence, at + kw.len())
                && !found.iter().any(|(_, a, _, _)| *a == n_at)
            {
                found.push((Target::TotalProcessed, n_at, len, n));
            }
        }
    }
}

/// 未发生 … 行政复议、行政诉讼: no cases, where no count was stated.
fn no_cases((sentence, words): (&str, Found<'_>), found: &mut Vec<Stated>) {
    for (kw, t) in [
        ("行政复议", Target::Review),
        ("行政诉讼", Target::Litigation),
    ] {
        let Some(at) = words.starts(word(kw)).next() else {
            continue;
        };
        if found.iter().any(|(x, _, _, _)| *x == t) {
            continue;
        }
        let head = &sentence[..at];
        // every negation begins with 未 or 没: most heads hold neither
        let negated = head.contains(['未', '没'])
            && ["未发生", "没有发生", "未出现", "没有出现", "未收到", "未有"]
                .iter()
                .filter_map(|n| head.rfind(n).map(|i| (i, n.len())))
                .max()
                .is_some_and(|(i, len)| head[i + len..].chars().count() <= 20);
        if negated {
            found.push((t, at, kw.len(), 0));
        }
    }
}

/// The absolute claims: the byte offset and length of the first one in the sentence.
#[cfg(test)]
fn absolute_claim(sentence: &str) -> Option<(usize, usize)> {
    let mut hits = crate::audit::vocab::Hits::default();
    hits.scan(sentence);
    absolute_claim_in(sentence, hits.found())
}

/// The first absolute claim of a sentence that contains the words
/// `words`: its byte offset and length.
pub(super) fn absolute_claim_in(sentence: &str, words: Found<'_>) -> Option<(usize, usize)> {
    if !words.has(REQUEST) || words.any(EXCLUDED) || words.has(CASE) || !words.any(LEADS.or(RATES))
    {
        return None;
    }
    for (lead, word) in ["均已", "全部", "均"].into_iter().zip(CLAIM_LEADS) {
        for at in words.starts(word) {
            let from = at + lead.len();
            // the claim lies within twelve characters of its lead
            let end = sentence[from..]
                .char_indices()
                .nth(16)
                .map_or(sentence.len(), |(i, _)| from + i);
            let rest = &sentence[from..end];
            for done in ["办结", "办理完成", "办理完毕", "答复"] {
                // 按期答复 / 在法定期限内答复 speak of timeliness, not of all
                let timely = done == "答复"
                    && ["按期", "按时", "期限内", "时限内"].iter().any(|w| {
                        rest.get(..rest.find(done).unwrap_or(0))
                            .is_some_and(|g| g.contains(w))
                    });
                if let Some(i) = rest.find(done)
                    && !timely
                    && rest[..i].chars().count() <= 10
                    && !rest[..i].chars().any(|c| STOPS.contains(&c))
                {
                    return Some((at, lead.len() + i + done.len()));
                }
            }
        }
    }
    for (rate, word) in ["办结率", "答复率"].into_iter().zip(CLAIM_RATES) {
        if let Some(at) = words.starts(word).next() {
            let rest = &sentence[at + rate.len()..];
            let skip: usize = rest
                .char_indices()
                .find(|(_, c)| !matches!(c, '为' | '达' | '到' | '是' | '了'))
                .map_or(rest.len(), |(i, _)| i);
            if rest[skip..].starts_with("100%") || rest[skip..].starts_with("100％") {
                return Some((at, rate.len() + skip + 4));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_are_the_listed_characters() {
        let listed = "0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万";
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            assert_eq!(is_numeral(c), listed.contains(c), "{c}");
        }
    }

    fn values(s: &str) -> Vec<(Target, i64)> {
        read(s, None)
            .into_iter()
            .map(|(t, _, _, n)| (t, n))
            .collect()
    }

    #[test]
    fn statements_are_read() {
        assert_eq!(
            values("本年度全县共收到45件申请，依法按时办结43件，2件结转下年度继续办理。"),
            [(Target::CarriedForward, 2), (Target::TotalProcessed, 43)]
        );
        assert_eq!(
            values("上年结转政府信息公开申请两件，办结十二件。"),
            [(Target::CarriedOver, 2), (Target::TotalProcessed, 12)]
        );
        assert_eq!(
            values("全县政府信息公开方面共有行政诉讼案件3件、行政复议案件4件，均已审结。"),
            [(Target::Review, 4), (Target::Litigation, 3)]
        );
        assert_eq!(
            values("未发生因政府信息公开引起的行政复议、行政诉讼案件。"),
            [(Target::Review, 0), (Target::Litigation, 0)]
        );
        assert_eq!(values("其中予以公开答复2件。"), []);
        assert_eq!(
            values("全市共收到政府信息公开申请230件，共办结221件，结转至2025年9件。"),
            [(Target::CarriedForward, 9), (Target::TotalProcessed, 221)]
        );
        assert_eq!(values("今年共受理审批事项117件，办结171件。"), []);
        assert_eq!(
            values("上年度结转至本年度的申请3件。"),
            [(Target::CarriedOver, 3)]
        );
        assert_eq!(
            values("政府信息公开行政复议 351 件，其中结果维持 72 件。"),
            [(Target::Review, 351)]
        );
        assert_eq!(values("办结率100%。"), []);
        assert_eq!(values("行政复议结果维持1件，涉及政府信息公开。"), []);
    }

    #[test]
    fn claims_are_found() {
        assert!(absolute_claim("收到的申请均已办结。").is_some());
        assert!(absolute_claim("所有申请均已按要求办理完成。").is_some());
        assert!(absolute_claim("依申请公开办结率100%。").is_some());
        assert!(absolute_claim("人大建议和政协提案均已办结。").is_none());
        assert!(absolute_claim("收到70件申请，办结69件。").is_none());
    }
}
