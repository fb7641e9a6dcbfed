//! The lines of the page, which element of it holds the report, and the
//! page's title when the content has none.

use super::dom::{Dom, Kind, descendant_texts, is_block, is_hidden};
use super::portal::compact;
use super::source::{Piece, Src};

/// Text of a heading line: `一、` … `十、` at the start.
pub(super) fn is_heading(text: &str) -> bool {
    let t = compact(text);
    let n = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    (1..=2).contains(&n)
        && t.chars()
            .nth(n)
            .is_some_and(|c| matches!(c, '、' | '．' | '.'))
}

/// The element holding the report: the deepest element that holds at least
/// four in five of the report's signals (heading lines, tables with
/// figures). Without two signals: the deepest element holding three fifths
/// of the page's text outside links. None for a page without text.
pub(super) fn find_content(dom: &Dom, lines: &[PageLine]) -> Option<usize> {
    let hidden = |i: usize| {
        std::iter::once(i)
            .chain(dom.ancestors(i))
            .any(|a| dom.name(a).is_some_and(is_hidden))
    };
    let mut signals: Vec<usize> = lines
        .iter()
        .filter(|l| is_heading(&l.text) && !hidden(l.block))
        .map(|l| l.block)
        .collect();
    for (i, n) in dom.nodes.iter().enumerate() {
        if matches!(&n.kind, Kind::Element { name, .. } if name == "table")
            && !hidden(i)
            && descendant_texts(dom, i)
                .iter()
                .filter(|&&t| dom.text(t).is_some_and(|x| x.trim().parse::<f64>().is_ok()))
                .count()
                >= 3
        {
            signals.push(i);
        }
    }
    let mut count = vec![0usize; dom.nodes.len()];
    let mut depth = vec![0usize; dom.nodes.len()];
    for i in 0..dom.nodes.len() {
        depth[i] = dom.nodes[i].parent.map_or(0, |p| depth[p] + 1);
    }
    let weight: Vec<usize>;
    let need;
    if signals.len() >= 2 {
        for &s in &signals {
            count[s] += 1;
            for a in dom.ancestors(s) {
                count[a] += 1;
            }
        }
        need = (signals.len() * 4).div_ceil(5);
        weight = count;
    } else {
        // text outside links, scripts and styles
        let mut w = vec![0usize; dom.nodes.len()];
        let mut total = 0;
        for &t in &dom.texts {
            let skip = dom
                .ancestors(t)
                .any(|a| dom.name(a).is_some_and(|n| n == "a" || is_hidden(n)));
            if skip {
                continue;
            }
            let n = dom
                .text(t)
                .map_or(0, |x| x.chars().filter(|c| !c.is_whitespace()).count());
            total += n;
            for a in dom.ancestors(t) {
                w[a] += n;
            }
        }
        if total == 0 {
            return body(dom);
        }
        need = (total * 3).div_ceil(5);
        weight = w;
    }
    (0..dom.nodes.len())
        .filter(|&i| weight[i] >= need && dom.name(i).is_some())
        .max_by_key(|&i| depth[i])
}

pub(super) fn body(dom: &Dom) -> Option<usize> {
    (0..dom.nodes.len()).find(|&i| dom.name(i) == Some("body"))
}

/// The `<title>` text node and the length of its first part (before `_`,
/// `|`, ` - `).
pub(super) fn title_element(dom: &Dom) -> Option<(usize, usize)> {
    let t = (0..dom.nodes.len()).find(|&i| dom.name(i) == Some("title"))?;
    let node = *dom.nodes[t]
        .children
        .iter()
        .find(|&&c| dom.text(c).is_some())?;
    let text = dom.text(node)?;
    let cut = ["_", "|", " - ", "－", "—"]
        .iter()
        .filter_map(|s| text.find(s))
        .min()
        .unwrap_or(text.len());
    Some((node, cut))
}

/// The pieces of the first `cut` bytes of a text node's text.
pub(super) fn take_prefix(pieces: &[Piece], cut: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut n = 0;
    for p in pieces {
        if n >= cut {
            break;
        }
        if n + p.text.len() <= cut {
            out.push(p.clone());
        } else if let Src::Verbatim(_) = p.src {
            let k = cut - n;
            if p.text.is_char_boundary(k) {
                out.push(Piece {
                    text: p.text[..k].to_string(),
                    src: p.src.clone(),
                });
            }
        }
        n += p.text.len();
    }
    out
}

/// A line of the page: its text nodes and the block element it ends in.
#[derive(Debug)]
pub(super) struct PageLine {
    pub(super) block: usize,
    pub(super) texts: Vec<usize>,
    pub(super) text: String,
}

/// The lines of the whole page (cells of tables are lines of their own).
pub(super) fn page_lines(dom: &Dom) -> Vec<PageLine> {
    fn go(dom: &Dom, i: usize, block: usize, out: &mut Vec<PageLine>, cur: &mut PageLine) {
        match &dom.nodes[i].kind {
            Kind::Text(t) => {
                if !t.chars().all(crate::lines::is_space) {
                    cur.texts.push(i);
                    cur.text.push_str(t);
                    cur.block = block;
                }
            }
            Kind::Element { name, .. } => {
                let b = is_block(name);
                let hidden = is_hidden(name);
                if b || hidden {
                    flush(out, cur);
                }
                let blk = if b { i } else { block };
                for &c in &dom.nodes[i].children {
                    go(dom, c, blk, out, cur);
                }
                if b || hidden {
                    flush(out, cur);
                }
            }
            Kind::Other => {
                for &c in &dom.nodes[i].children {
                    go(dom, c, block, out, cur);
                }
            }
        }
    }
    fn flush(out: &mut Vec<PageLine>, cur: &mut PageLine) {
        if !cur.texts.is_empty() {
            out.push(std::mem::replace(
                cur,
                PageLine {
                    block: 0,
                    texts: Vec::new(),
                    text: String::new(),
                },
            ));
        }
    }
    let mut out = Vec::new();
    let mut cur = PageLine {
        block: 0,
        texts: Vec::new(),
        text: String::new(),
    };
    if !dom.nodes.is_empty() {
        go(dom, 0, 0, &mut out, &mut cur);
    }
    flush(&mut out, &mut cur);
    out
}
