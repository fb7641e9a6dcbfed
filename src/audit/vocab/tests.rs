//! Tests of the vocabulary scan: every occurrence against a naive search,
//! and against `aho-corasick`'s overlapping search on the corpus and on
//! random texts.

use super::*;

#[test]
fn words_are_unique_and_fit() {
    for (i, w) in WORDS.iter().enumerate() {
        assert_eq!(index(w) as usize, i, "{w} twice");
    }
    assert!(WORDS.len() <= 64);
}

/// Every occurrence of every word in `text`, by a naive search.
fn naive(text: &str) -> Vec<Hit> {
    let mut want = Vec::new();
    for (i, _) in text.char_indices() {
        for (w, word) in WORDS.iter().enumerate() {
            if text[i..].starts_with(word) {
                want.push((i as u32, (i + word.len()) as u32, w as u8));
            }
        }
    }
    want
}

#[test]
fn long_texts_in_lanes() {
    // texts long enough for lanes, made of words, stops and other
    // characters in a pseudo-random order (and one of words only)
    let pieces = [
        "申请",
        "上一年度结转",
        "结转下一年",
        "。",
        "，",
        ";",
        "的",
        "3",
        "件",
        "本年度",
        "未收到",
        "没有收到",
        "公开",
        "行政复议",
        "a",
        "𝄞",
        "年",
        "全年内",
        "办结率",
    ];
    let mut seed = 12345u64;
    let mut texts = vec!["申请".repeat(200), "的".repeat(100)];
    for len in [40, 43, 47, 60, 100, 250, 1000] {
        let mut t = String::new();
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        texts.push(t);
    }
    let mut h = Hits::default();
    for text in &texts {
        h.scan(text);
        let mut got = h.hits();
        // in order of their end (the order `pieces` needs)
        assert!(got.windows(2).all(|p| p[0].1 <= p[1].1), "{text}");
        got.sort_unstable();
        let mut want = naive(text);
        want.sort_unstable();
        assert_eq!(got, want, "{text}");
        let all = want.iter().fold(0u64, |m, h| m | 1 << h.2);
        assert_eq!(h.all(), Mask(all));
    }
    assert!(cuts(&texts[1]).is_some() && cuts(&texts[0]).is_none());
}

#[test]
fn every_occurrence_is_found() {
    let texts = [
        "上年度结转至本年度的申请3件，全年内收到申请，均已办结；没有收到未收到。",
        "本年内将结转下一年度结转下年，上一年度结转政府信息公开申请2件!行政复议?行政诉讼",
        "ab，,。。；;！？!?办结率答复率均已全部上年上年年内",
        "𝄞申请𝄞",
    ];
    // every alignment of the words on the four-byte steps
    let shifted: Vec<String> = ["", "a", "ab", "abc"]
        .iter()
        .flat_map(|p| texts.iter().map(move |t| format!("{p}{t}")))
        .collect();
    for text in shifted.iter().map(String::as_str) {
        let mut h = Hits::default();
        h.scan(text);
        let mut got = h.hits();
        got.sort_unstable();
        let mut want = naive(text);
        want.sort_unstable();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn pieces_and_their_words() {
    let text = "收到申请。未收到，结转下一年";
    let mut h = Hits::default();
    h.scan(text);
    let w = |words: &[&str]| words.iter().fold(Mask(0), |m, w| m.or(Mask(1 << index(w))));
    let got: Vec<(usize, usize, Mask)> = h
        .pieces(SENTENCE, text.len())
        .map(|(s, e, f)| (s, e, f.words()))
        .collect();
    let first = "收到申请。".len();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0..got[0].1, 0..first);
    assert!(got[0].2.has(w(&["收到"])) && got[0].2.has(w(&["申请"])));
    assert!(!got[0].2.has(w(&["未收到"])));
    assert_eq!(got[1].0..got[1].1, first..text.len());
    assert!(got[1].2.has(w(&["未收到", "收到", "结转下一年", "下一年"])));
    assert!(!got[1].2.has(w(&["申请"])));
    let clauses: Vec<(usize, usize, Mask)> = h
        .pieces(CLAUSE, text.len())
        .map(|(s, e, f)| (s, e, f.words()))
        .collect();
    assert_eq!(clauses.len(), 3);
    assert!(!clauses[1].2.has(w(&["下一年"])) && clauses[2].2.has(w(&["下一年"])));
    // as str::split_inclusive: no empty last piece
    let text = "。。";
    h.scan(text);
    assert_eq!(h.pieces(SENTENCE, text.len()).count(), 2);
    h.scan("");
    assert_eq!(h.pieces(SENTENCE, 0).count(), 0);
    assert_eq!(words_of("本年"), w(&["本年"]));
}

/// Every occurrence of every word in `text` as `aho-corasick`'s own
/// overlapping search finds them (the crate's reference search, not the
/// DFA stepped by [`Hits::scan`]).
fn by_the_crate(ac: &aho_corasick::AhoCorasick, text: &str) -> Vec<Hit> {
    let mut want: Vec<Hit> = ac
        .find_overlapping_iter(text)
        .map(|m| {
            (
                m.start() as u32,
                m.end() as u32,
                m.pattern().as_usize() as u8,
            )
        })
        .collect();
    want.sort_unstable();
    want
}

/// Checks the scan of `text` against the crate's search: every hit the
/// same, in order of their end, and the set of words found.
fn same_as_the_crate(ac: &aho_corasick::AhoCorasick, h: &mut Hits, text: &str) {
    h.scan(text);
    let mut got = h.hits();
    assert!(got.windows(2).all(|p| p[0].1 <= p[1].1), "{text}");
    got.sort_unstable();
    let want = by_the_crate(ac, text);
    assert_eq!(got, want, "{text}");
    assert_eq!(h.all(), Mask(want.iter().fold(0, |m, h| m | 1 << h.2)));
}

fn reference_search() -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(WORDS)
        .expect("the vocabulary builds")
}

#[test]
fn the_corpus_as_the_crate_finds_it() {
    let ac = reference_search();
    let mut h = Hits::default();
    let (mut files, mut texts) = (0, 0);
    for text in crate::audit::corpus_texts() {
        files += 1;
        // the whole file, each of its lines, and each paragraph the
        // audit scans
        same_as_the_crate(&ac, &mut h, &text);
        for line in text.lines() {
            same_as_the_crate(&ac, &mut h, line);
        }
        if let Ok(report) = crate::parse_bytes(text.as_bytes()) {
            for p in paragraphs(&report) {
                same_as_the_crate(&ac, &mut h, p);
                texts += 1;
            }
        }
    }
    assert!(
        files >= 20 && texts >= 500,
        "{files} files, {texts} paragraphs"
    );
}

/// The text of every paragraph of `report`, in document order.
fn paragraphs(report: &crate::model::Report) -> Vec<&str> {
    let blocks = report.blocks();
    blocks
        .into_iter()
        .filter_map(|b| match b {
            crate::model::Block::Paragraph(p) => Some(p.text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn random_texts_as_the_crate_finds_them() {
    // the words, pieces of them (a word's first or last character, a UTF-8
    // lead byte's neighbours), stops and other characters
    let mut pieces: Vec<String> = WORDS.iter().map(|w| (*w).to_owned()).collect();
    for w in WORDS {
        let chars: Vec<char> = w.chars().collect();
        pieces.push(chars[..chars.len() - 1].iter().collect());
        pieces.push(chars[1..].iter().collect());
    }
    pieces.extend(
        [
            "的",
            "3",
            " ",
            "\n",
            "a",
            "𝄞",
            "年",
            "度",
            "一",
            "上一",
            "结转下",
            "é",
            "\u{3000}",
        ]
        .map(str::to_owned),
    );
    let ac = reference_search();
    let mut h = Hits::default();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..2_000 {
        let len = next() as usize % if round % 10 == 0 { 600 } else { 60 };
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(&pieces[next() as usize % pieces.len()]);
        }
        same_as_the_crate(&ac, &mut h, &text);
    }
}
