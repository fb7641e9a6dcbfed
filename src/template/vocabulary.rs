//! The template vocabulary: row and header labels and units, matched
//! through ONE Aho–Corasick automaton, `aho-corasick`'s DFA built when the
//! crate is compiled (see [`machine`]; the null markers are the
//! one set of [`crate::text::nulls`], shared with the audit).
//!
//! A label (already normalised: see [`crate::text::lexical::norm`]) is
//! scanned once; [`Found`] then answers "does it contain / start with / equal
//! this word" for every word of the vocabulary in constant time, so the
//! label rules below read like the `contains` tests they replace without
//! rescanning the label for each word.

#[cfg(test)]
mod generate;
mod machine;
mod marker;

use crate::model::keys::{AdItem, AppGroup, AppRow};

macro_rules! words {
    ($($name:ident = $w:literal),* $(,)?) => {
        /// A word of the vocabulary.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        pub(crate) enum W { $($name),* }
        /// The words, in the order of [`W`].
        pub(super) const WORDS: &[&str] = &[$($w),*];
    };
}

mod words;

pub(crate) use self::words::W;
use self::words::WORDS;

const _: () = assert!(WORDS.len() <= 128, "Found keeps one bit per word");

/// Units written after a figure.
const UNITS: &[W] = &[
    W::TenThousandYuan,
    W::Yuan,
    W::Pieces,
    W::Items,
    W::Each,
    W::Times,
    W::Percent,
    W::WidePercent,
];

/// Words that cut an active-disclosure label run into pieces.
pub(crate) const AD_VOCAB: Set = Set::of(&[
    W::Art20,
    W::InfoContent,
    W::NewMade,
    W::NewPublished,
    W::TotalPublished,
    W::LastYearItems,
    W::Change,
    W::Decisions,
    W::YearDecisions,
    W::Issued,
    W::Repealed,
    W::InForce,
    W::FeeAmount,
    W::ProcItems,
    W::ProcAmount,
    W::Regulations,
    W::Normative,
    W::AdminNormative,
    W::Licensing,
    W::OtherServices,
    W::Penalties,
    W::Enforcement,
    W::FeeItems,
    W::Procurement,
]);

/// Calls `f(start, end, word)` for every occurrence of every word in `s`
/// (overlapping), in order of their ends: one step of the automaton per
/// character, its tables built when the crate is compiled (see
/// [`machine`]).
fn each_match(s: &str, f: impl FnMut(usize, usize, usize)) {
    machine::each_match(s, f);
}

/// A set of words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Set(u128);

impl Set {
    pub(crate) const fn of(words: &[W]) -> Set {
        let mut m = 0u128;
        let mut i = 0;
        while i < words.len() {
            m |= 1 << words[i] as u8;
            i += 1;
        }
        Set(m)
    }
    fn has(self, w: W) -> bool {
        self.0 & (1 << w as u8) != 0
    }
    /// True when the word of index `i` (in the vocabulary) is in the set.
    pub(crate) fn has_index(self, i: usize) -> bool {
        i < 128 && self.0 & (1 << i) != 0
    }
    fn any(self, other: Set) -> bool {
        self.0 & other.0 != 0
    }
}

/// The words found in a string (from byte `head` on).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Found {
    /// Words occurring anywhere.
    pub(crate) inside: Set,
    /// Words starting at `head`.
    pub(crate) starts: Set,
    /// Words equal to the whole string from `head`.
    pub(crate) whole: Set,
    /// Words starting at the string's first byte.
    pub(crate) lead: Set,
    /// Where the body begins (after a marker).
    pub(crate) head: usize,
}

impl Found {
    /// Scans `s` once; `head` is where the body begins (after a marker).
    pub(crate) fn scan(s: &str, head: usize) -> Found {
        let mut f = Found {
            head,
            ..Found::default()
        };
        each_match(s, |start, end, w| f.add(start, end, s.len(), w));
        f
    }
    /// Adds a match of word `w` at `start..end` of a string of `len` bytes.
    #[inline]
    pub(crate) fn add(&mut self, start: usize, end: usize, len: usize, w: usize) {
        let bit = 1u128 << w;
        self.inside.0 |= bit;
        if start == 0 {
            self.lead.0 |= bit;
        }
        if start == self.head {
            self.starts.0 |= bit;
            if end == len {
                self.whole.0 |= bit;
            }
        }
    }
    /// The words of a label (normalised): its marker stripped, one scan.
    pub(crate) fn of_label(p: &str) -> Found {
        Found::scan(p, marker_len(p))
    }
    /// True when `w` occurs in the string.
    pub(crate) fn has(&self, w: W) -> bool {
        self.inside.has(w)
    }
}

/// All matches of the vocabulary in `s`, (start, end, word), appended to
/// `out`.
pub(crate) fn matches_into(s: &str, out: &mut Vec<(usize, usize, usize)>) {
    each_match(s, |start, end, w| out.push((start, end, w)));
}

/// True when `t` (a word: no white space) is a null marker: 无, /, —, -,
/// 不适用, N/A … (the one set of [`crate::text::nulls`]).
pub(crate) fn is_null(t: &str) -> bool {
    crate::text::nulls::is_null_marker(t, false)
}

/// The length of the unit at the start of `s`, if one is there.
pub(crate) fn unit_prefix(s: &str) -> Option<usize> {
    // most figures are followed by nothing or by white space: only a first
    // character that starts a unit is compared with the units
    let first = s.chars().next()?;
    if !matches!(first, '万' | '元' | '件' | '条' | '个' | '次' | '%' | '％') {
        return None;
    }
    // no unit is the start of another: at most one fits
    UNITS
        .iter()
        .map(|u| WORDS[*u as usize])
        .find(|u| s.starts_with(u))
        .map(str::len)
}

/// True when `s` is exactly a unit (`元`, `件`, `%` …).
pub(crate) fn is_unit(s: &str) -> bool {
    unit_prefix(s) == Some(s.len()) && !s.is_empty()
}

/// The body of a label: after its list marker (`(一)`, `1.`, `一、`).
pub(crate) fn strip_marker(s: &str) -> &str {
    // a marker starts with a bracket, a digit, a circled number or a
    // numeral: any other label is left without trying the grammar
    let Some(c) = s.chars().next() else {
        return s;
    };
    let may_start = matches!(c, '(' | '（' | '0'..='9' | '①'..='⑳')
        || crate::text::lexical::cn_digit(c).is_some_and(|d| d > 0);
    if !may_start {
        return s;
    }
    // the usual markers of a normalised label, read from their bytes; the
    // grammar for the rest
    if let Some(len) = marker::usual_len(s.as_bytes()) {
        return &s[len..];
    }
    match crate::text::lexical::subsection_marker(s) {
        Ok((rest, _)) => rest,
        Err(_) => s,
    }
}

/// What a label of the applications table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppLabel {
    /// The label of a row.
    Row(AppRow),
    /// A group label (（三）不予公开 …, 三、本年度办理结果).
    Group,
    /// 总计 / 合计.
    Total,
    /// 小计 (of the group it is in).
    Subtotal,
    /// `3.其他` of （六）其他处理.
    OtherInGroup,
    /// Header text (申请人情况, 自然人 …).
    Header,
    /// The 勾稽关系 note.
    Note,
    /// Anything else.
    Unknown,
}

/// The row words, in order of precedence.
const APP_ROWS: &[(&[W], AppRow)] = {
    use AppRow::*;
    &[
        (&[W::NewReceived], NewReceived),
        (&[W::CarriedOver], CarriedOver),
        (&[W::CarriedForward], CarriedForward),
        (&[W::Partial], PartiallyGranted),
        (&[W::StateSecret], DeniedStateSecret),
        (&[W::Prohibited, W::OtherLaw], DeniedProhibitedByLaw),
        (&[W::ThreeSafety, W::OneStability], DeniedSecurityStability),
        (
            &[W::ThirdPartyRights, W::ThirdParty],
            DeniedThirdPartyRights,
        ),
        (&[W::Internal], DeniedInternalAffairs),
        (&[W::Process], DeniedProcessInfo),
        (&[W::LawFile], DeniedLawEnforcementFile),
        (&[W::Query], DeniedAdministrativeQuery),
        (&[W::NotHeld], UnableNotHeld),
        (&[W::Create, W::NotReady], UnableNeedsCreation),
        (&[W::Unclear, W::AfterCorrection], UnableUnclear),
        (&[W::Petition], NotProcessedPetition),
        (&[W::Duplicate], NotProcessedDuplicate),
        (&[W::Publication], NotProcessedPublication),
        (&[W::Excessive], NotProcessedExcessive),
        (
            &[W::ConfirmOr, W::Reissue, W::NewIssue, W::Obtained],
            NotProcessedConfirmation,
        ),
        (&[W::NoCorrection, W::Overdue], OtherNoCorrection),
        (&[W::FeeNotice, W::PayFee], OtherUnpaidFee),
    ]
};

const APP_HEADER: &[W] = &[
    W::Applicant,
    W::Natural,
    W::Org,
    W::Commercial,
    W::Enterprise,
    W::Research,
    W::Institution,
    W::Social,
    W::Welfare,
    W::Organisation,
    W::Law,
    W::Service,
    W::Other,
    W::Total,
    W::Subtotal,
];

/// The length of the list marker a label starts with (0 for none).
pub(crate) fn marker_len(p: &str) -> usize {
    p.len() - strip_marker(p).len()
}

/// Classifies a (normalised) label of the applications table.
pub(crate) fn app_label(p: &str) -> AppLabel {
    app_label_of(p, &Found::of_label(p))
}

/// [`app_label`] of the label `p` of a line; when `parted` (the line is no
/// pipe row: it holds a tab, or fewer than two pipes) as the rows' reader
/// reads it: a pipe inside the label (`2.重复|申请`) parts it as the pipe
/// between two cells does, and the parts' words join (`rows::Parts`).
pub(crate) fn app_label_parted(p: &str, parted: bool) -> AppLabel {
    if !parted || memchr::memchr(b'|', p.as_bytes()).is_none() {
        return app_label(p);
    }
    app_label(&p.split('|').collect::<String>())
}

/// [`app_label`] of `p` whose words are `f` ([`Found::of_label`]).
pub(crate) fn app_label_of(p: &str, f: &Found) -> AppLabel {
    let head = f.head;
    if f.has(W::Gouji) || f.has(W::ColumnData) || f.has(W::ColumnTable) {
        return AppLabel::Note;
    }
    // the words of each row as one set, computed at compile time
    const ROW_SETS: [(Set, AppRow); APP_ROWS.len()] = {
        let mut out = [(Set(0), AppRow::NewReceived); APP_ROWS.len()];
        let mut i = 0;
        while i < APP_ROWS.len() {
            out[i] = (Set::of(APP_ROWS[i].0), APP_ROWS[i].1);
            i += 1;
        }
        out
    };
    const ANY_ROW: Set = {
        let mut m = 0;
        let mut i = 0;
        while i < ROW_SETS.len() {
            m |= ROW_SETS[i].0.0;
            i += 1;
        }
        Set(m)
    };
    if f.inside.any(ANY_ROW) {
        for &(words, row) in &ROW_SETS {
            if f.inside.any(words) {
                return AppLabel::Row(row);
            }
        }
    }
    if f.has(W::Granted) && !f.has(W::Not) {
        return AppLabel::Row(AppRow::Granted);
    }
    const GROUPS: Set = Set::of(&[W::Results, W::Denied, W::Unable, W::NotProcessed]);
    if f.inside.any(GROUPS) {
        return AppLabel::Group;
    }
    if f.has(W::OtherProcessing) {
        return AppLabel::Row(AppRow::OtherProcessing);
    }
    if f.starts.has(W::Subtotal) || f.whole.has(W::SumSubtotal) {
        return AppLabel::Subtotal;
    }
    if f.whole.has(W::Total)
        || f.whole.has(W::Sum)
        || f.starts.has(W::Total) && p.starts_with('(')
        || f.whole.has(W::ResultsSum)
    {
        return AppLabel::Total;
    }
    if f.whole.has(W::Other) && head > 0 {
        return AppLabel::OtherInGroup;
    }
    const HEADER: Set = Set::of(APP_HEADER);
    if f.inside.any(HEADER) {
        return AppLabel::Header;
    }
    AppLabel::Unknown
}

/// The group a group label opens (`None` for 三、本年度办理结果, which opens
/// the outcome rows but no group).
pub(crate) fn group_of(p: &str, f: &Found) -> Option<AppGroup> {
    if f.has(W::Results) {
        return None;
    }
    let by_marker = [
        ("(三)", AppGroup::Denied),
        ("(四)", AppGroup::Unable),
        ("(五)", AppGroup::NotProcessed),
        ("(六)", AppGroup::Other),
    ];
    if let Some((_, g)) = by_marker.iter().find(|(m, _)| p.starts_with(m)) {
        return Some(*g);
    }
    [
        (W::Denied, AppGroup::Denied),
        (W::Unable, AppGroup::Unable),
        (W::NotProcessed, AppGroup::NotProcessed),
        (W::OtherProcessing, AppGroup::Other),
    ]
    .into_iter()
    .find(|(w, _)| f.has(*w))
    .map(|(_, g)| g)
}

/// The active-disclosure item a (normalised) label names.
pub(crate) fn ad_item(p: &str) -> Option<AdItem> {
    ad_item_of(&Found::of_label(p))
}

/// [`ad_item`] of a label whose words are `f` ([`Found::of_label`]).
pub(crate) fn ad_item_of(f: &Found) -> Option<AdItem> {
    // `contains` on the body: no word of the vocabulary fits in a marker
    Some(match () {
        _ if f.starts.has(W::Regulations) => AdItem::Regulations,
        _ if f.has(W::Normative) => AdItem::NormativeDocuments,
        _ if f.starts.has(W::Licensing) => AdItem::Licensing,
        _ if f.has(W::ExternalServices) => AdItem::OtherServices,
        _ if f.starts.has(W::Penalties) => AdItem::Penalties,
        _ if f.starts.has(W::Enforcement) => AdItem::Enforcement,
        _ if f.has(W::PublicFees) => AdItem::Fees,
        _ if f.has(W::Centralized) => AdItem::Procurement,
        _ => return None,
    })
}

/// Whether a header label marks the 2021 (`Some(true)`) or the 2019
/// (`Some(false)`) active-disclosure table.
pub(crate) fn ad_marks_2021(p: &str) -> Option<bool> {
    ad_marks_2021_of(&Found::scan(p, 0))
}

/// [`ad_marks_2021`] of a label whose words are `f`.
pub(crate) fn ad_marks_2021_of(f: &Found) -> Option<bool> {
    const V2021: Set = Set::of(&[
        W::Issued,
        W::Repealed,
        W::InForce,
        W::YearDecisions,
        W::FeeAmount,
    ]);
    const V2019: Set = Set::of(&[
        W::NewMade,
        W::NewPublished,
        W::TotalPublished,
        W::LastYearItems,
        W::Change,
        W::ProcItems,
        W::ProcAmount,
    ]);
    if f.inside.any(V2021) {
        Some(true)
    } else if f.inside.any(V2019) {
        Some(false)
    } else {
        None
    }
}

/// True for a (normalised) active-disclosure label that belongs in the
/// header: the block title, 信息内容, or a `第…项` reference.
pub(crate) fn ad_header(p: &str, f: &Found) -> bool {
    f.lead.has(W::Art20) || f.has(W::InfoContent) || p.contains('项')
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(matches!(app_label("总计"), AppLabel::Total));
        assert!(matches!(app_label("小计"), AppLabel::Subtotal));
        assert!(matches!(app_label("3、其他"), AppLabel::OtherInGroup));
        assert!(matches!(app_label("其他"), AppLabel::Header));
        assert!(matches!(
            app_label("四、结转下年度继续办理"),
            AppLabel::Row(AppRow::CarriedForward)
        ));
    }

    #[test]
    fn nulls_and_units() {
        for n in ["无", "-", "—", "N/A", "／／", "不适用", "−"] {
            assert!(is_null(n), "{n}");
        }
        for n in ["", "0", "无效", "--5", "NA1"] {
            assert!(!is_null(n), "{n}");
        }
        assert_eq!(unit_prefix("万元（其中）"), Some(6));
        assert_eq!(unit_prefix("%"), Some(1));
        assert_eq!(unit_prefix("项"), None);
        assert!(is_unit("件"));
        // the fast path of unit_prefix knows every unit's first character
        for u in UNITS {
            let w = WORDS[*u as usize];
            assert_eq!(unit_prefix(w), Some(w.len()), "{w}");
        }
        assert!(!is_unit("件数"));
    }

    #[test]
    fn items_and_groups() {
        assert_eq!(ad_item("1.规章"), Some(AdItem::Regulations));
        assert_eq!(ad_item("行政规范性文件"), Some(AdItem::NormativeDocuments));
        assert_eq!(ad_item("其他对外管理服务事项"), Some(AdItem::OtherServices));
        assert_eq!(ad_item("信息内容"), None);
        assert_eq!(ad_marks_2021("本年制发件数"), Some(true));
        assert_eq!(ad_marks_2021("本年新制作数量"), Some(false));
        let group = |p: &str| group_of(p, &Found::of_label(p));
        assert_eq!(group("(四)无法提供"), Some(AppGroup::Unable));
        assert_eq!(group("三、本年度办理结果"), None);
        assert_eq!(group("不予处理"), Some(AppGroup::NotProcessed));
        assert!(ad_header(
            "第二十条第(一)项",
            &Found::of_label("第二十条第(一)项")
        ));
    }

    proptest::proptest! {
        /// Stepping the automaton (of characters) finds what the overlapping
        /// search of the same words (a byte automaton) finds, in order of
        /// their ends; the filler has characters outside the table of
        /// ideographs (`䀀` U+4000, `㐀`, `é`, `𝄞`, `％`).
        #[test]
        fn each_match_is_the_overlapping_search(
            parts in proptest::collection::vec((0..WORDS.len(), "[一其他法的、()0-9 é𝄞％/㐀䀀本年计]{0,3}"), 0..8),
        ) {
            let s: String = parts.iter().map(|(w, filler)| format!("{}{filler}", WORDS[*w])).collect();
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::Standard)
                .build(WORDS)
                .expect("the vocabulary");
            let mut ours = Vec::new();
            matches_into(&s, &mut ours);
            proptest::prop_assert!(ours.is_sorted_by_key(|m| m.1));
            let mut theirs: Vec<_> = ac
                .find_overlapping_iter(&s)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            ours.sort_unstable();
            theirs.sort_unstable();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
