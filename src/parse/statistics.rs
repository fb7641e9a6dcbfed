//! Legacy statistics tables of crawler text run together with the text
//! around them (`…。指标名称 计量单位 数量…`): cut from the pieces of a
//! section into pieces of their own before its blocks are built.

use super::region::LineKind;
use super::seg::Seg;

/// Cuts a legacy statistics table written as running text (crawler text
/// on one line, or one row per line with spaces between the cells) into a
/// piece of its own.
///
/// `None` when there is nothing to cut (the common case: no copy of the
/// pieces of a long section).
pub(super) fn split_statistics<'a>(
    text: &'a str,
    segs: &[Seg<'a>],
    kinds: &[LineKind],
    loc: &crate::lines::Locator<'_>,
) -> Option<Vec<Seg<'a>>> {
    use crate::template::legacy::locate;
    // pieces are copied into `out` from the first cut on
    let mut out: Option<Vec<Seg<'a>>> = None;
    let mut i = 0;
    while i < segs.len() {
        let s = segs[i];
        let (off, t) = s.trimmed();
        let statistics = kinds[i].facts.zhi(t);
        // a table is cut out only where one is read: where none is (the
        // rows looked for over the next lines, `指标名称计量\n其0`, or a
        // header after a head, `七、附表指标名称…`), the pieces stay as they
        // are, so the text reads as it does without the header word
        let reads = |&(a, _, b): &(usize, usize, usize)| {
            crate::template::legacy::crawler_table(&text[off + a..off + b], off + a, loc).is_some()
        };
        let mut found = if statistics { locate(t) } else { None };
        if statistics && found.is_none_or(|(_, _, b)| b == t.len()) && has_header_word(t) {
            // the rows may go on over the next lines (not over a grid line;
            // white space around a line, a trailing tab too, is no cell
            // separator: the paragraph such lines make drops it)
            let k = segs[i + 1..]
                .iter()
                .position(|x| {
                    let t = x.trimmed().1;
                    t.contains('\t') || t.matches('|').count() >= 2
                })
                .map_or(segs.len(), |p| i + 1 + p);
            let (last, lt) = segs[k - 1].trimmed();
            let end = (last + lt.len()).max(off + t.len());
            if let Some(r) = locate(&text[off..end]).filter(|r| r.2 > t.len() && reads(r)) {
                found = Some(r);
            }
        }
        let found = found.filter(reads);
        let Some((a, _, b)) = found else {
            if let Some(out) = out.as_mut() {
                out.push(s);
            }
            i += 1;
            continue;
        };
        let out = out.get_or_insert_with(|| {
            let mut v = Vec::with_capacity(segs.len() + 2);
            v.extend_from_slice(&segs[..i]);
            v
        });
        let stop = off + b;
        let mut j = i + 1;
        while j < segs.len() && segs[j].start < stop {
            j += 1;
        }
        let covered = segs[j - 1].start + segs[j - 1].raw.len();
        if a > 0 {
            out.push(Seg::new(s.start, &text[s.start..off + a]));
        }
        out.push(Seg::new(off + a, &text[off + a..stop]));
        cut_rest(text, stop, covered, out);
        i = j;
    }
    out
}

/// Cuts `text[from..covered]`, the rest of a line after a statistics table,
/// into pieces pushed on `out`: it is looked at again, as it would be on a
/// line of its own (`。指标名称累计条0` after a table: `。` and a table);
/// each look stops at the next table, so a line of many tables is read in
/// one pass.
fn cut_rest<'a>(text: &'a str, mut from: usize, covered: usize, out: &mut Vec<Seg<'a>>) {
    while from < covered {
        let rest = Seg::new(from, &text[from..covered]);
        let (roff, rt) = rest.trimmed();
        let found = crate::template::legacy::locate_in_rest(rt).filter(|&(_, _, b)| b > 0);
        let Some((a, _, b)) = found else {
            out.push(rest);
            break;
        };
        if roff + a > from {
            out.push(Seg::new(from, &text[from..roff + a]));
        }
        out.push(Seg::new(roff + a, &text[roff + a..roff + b]));
        from = roff + b;
    }
}

/// True when `t` holds a header word of a legacy statistics table
/// (`指标名称`, `指標名稱`), found by searchers built once (`str::contains`
/// builds one per call).
fn has_header_word(t: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            crate::template::legacy::HEADER_WORDS
                .iter()
                .map(memchr::memmem::Finder::new)
                .collect()
        });
    WORDS.iter().any(|w| w.find(t.as_bytes()).is_some())
}

/// False when `t` cannot hold a legacy statistics table run together with
/// text: its header (`指标名称`, `指標名稱`) starts with `指`, so one search
/// for that character rules most pieces out before the table is looked for.
pub(super) fn may_hold_statistics(t: &str) -> bool {
    // (a searcher built once: `contains` builds one per call)
    static ZHI: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("指"));
    ZHI.find(t.as_bytes()).is_some()
}
