//! Table regions: the line that opens a standard table (its anchor) and the
//! lines that end it. The region's lines then go to a grid builder
//! ([`crate::grid`]) and the grid to the template mapper
//! ([`crate::template`]).

pub(crate) use super::anchor::anchor;
use super::facts::Facts;
pub(crate) use super::kind::LineKind;
use super::seg::Seg;
use crate::grid::scan::Facts as ScanFacts;
use crate::grid::text::Classifier;
use crate::template::Kind;
use crate::template::vocabulary::{AppLabel, ad_item, ad_marks_2021, app_label, app_label_parted};
use crate::text::lexical::{self, MarkerStyle};

mod generic;
mod head;
mod prose;
pub(crate) use generic::{generic_region, is_number_line};
use head::{is_figure_char, label_head};
use prose::{has_stop_or_comma, is_prose};
pub(crate) use prose::{prose_heads, reads_as_prose};

/// True when a line cannot belong to a table of `kind` and ends its region:
/// running text ([`is_prose`]), a sentence (ends with `。`), or a list marker
/// followed by text that is no label of that table (`（一）标题`, `一是…`).
/// Broken labels of a few characters (`（三）不`, from a vertical label) stay
/// in an applications or active-disclosure table; no label of the
/// review/litigation table has a list marker, so there a marker alone
/// (`（三）`) ends the region, as the head of a subsection.
///
/// `tab`: the line (before it was trimmed) holds a tab, so pipes in its
/// label part are no cell delimiters (see [`app_label_parted`]). `chars`:
/// how many characters of `t` are no white space (from the walk over the
/// line), or more: running text has 30 of them.
///
/// `full` is a buffer for the normalised line, reused over the lines of a
/// region. The line is normalised only when a test needs it: most rows of a
/// table are neither running text nor labels after a list marker, and that
/// is seen from the raw line (see the comments below). `seen` records
/// whether `full` holds the whole line normalised afterwards (not only its
/// label part), and the line's [`app_label`] when it was asked of the whole
/// line, so that the caller does not normalise or classify it again.
fn ends_region(
    t: &str,
    (tab, chars): (bool, usize),
    kind: Kind,
    full: &mut String,
    seen: &mut Normed,
) -> bool {
    *seen = Normed::default();
    // the first tab: none when the line holds none (`tab`, known from the
    // walk), else found by its byte (`str::find` with a `char` sets up a
    // searcher per call)
    debug_assert!(tab || !t.contains('\t'));
    let first_tab = || {
        if tab {
            memchr::memchr(b'\t', t.as_bytes())
        } else {
            None
        }
    };
    let row = || first_tab().is_some_and(|k| names_a_row(&t[..k], kind));
    // `。` is its own normal form and no other character's: the normalised
    // line ends with it when `t` (trimmed) does
    if t.ends_with('。') && !row() {
        return true;
    }
    // running text has a stop, comma or semicolon, whose normal forms come
    // only from these, and 30 normalised characters (a character's normal
    // form is one character, none for white space: `chars` of them; and
    // so at least 30 bytes): without them the line is no prose
    let mut normalised = false;
    if t.len() >= 30 && chars >= 30 && has_stop_or_comma(t) {
        lexical::norm_into(full, t);
        if is_prose(full) && !row() {
            return true;
        }
        normalised = true;
        seen.whole = true;
    }
    // the label part must open with a list marker: its first character
    // (that of `t`, normalised) says whether it can
    if !t
        .chars()
        .next()
        .and_then(lexical::norm_char)
        .is_some_and(lexical::opens_subsection_marker)
    {
        return false;
    }
    // the label part: in a tab row its first field (`3.其他\t0议`)
    let label = first_tab().map_or(t, |k| &t[..k]);
    let (n, line) = label_norm(t, label, normalised, full, seen);
    let Ok((rest, (style, _))) = lexical::subsection_marker(n) else {
        return false;
    };
    if broken_label(style, rest, kind) {
        return false;
    }
    match kind {
        Kind::Applications => {
            // (the pipes of a pipe row part its cells, not its label)
            let parted = tab || !n.contains('|') || !crate::grid::pipes::is_row(t);
            app_label_ends(n, line, label.len() == t.len(), parted, seen)
        }
        Kind::ActiveDisclosure => !is_ad_label(label, n),
        Kind::ReviewLitigation | Kind::Generic => true,
    }
}

/// True when `field`, the first field of a tab row, names a row of a table
/// of `kind`: the line is a row whatever its text holds (see
/// [`ends_region`]). So for a row label or a total of the applications
/// table ([`app_row_field`]) and for an item of the active-disclosure table
/// (`…事业性收费,,,,w…\t333`, as the flow text it was read from did).
fn names_a_row(field: &str, kind: Kind) -> bool {
    match kind {
        Kind::Applications => app_row_field(field),
        Kind::ActiveDisclosure => ad_item(&lexical::norm(field)).is_some(),
        Kind::ReviewLitigation | Kind::Generic => false,
    }
}

/// True when `field`, the first field of a tab row in an applications
/// table's region, is a row label or a total (`本年新收…,…\t66`, or a
/// fragment that ends in a stop after its figures, `四、结转下\t0\t。`), so
/// the row is a row whatever its text holds (see [`ends_region`]).
pub(crate) fn app_row_field(field: &str) -> bool {
    matches!(
        app_label_parted(&lexical::norm(field), true),
        AppLabel::Row(_) | AppLabel::Total | AppLabel::Subtotal
    )
}

/// The label part `label` of the line `t` normalised, without the figures
/// after it (the cells after a label do not matter), in `full`, which holds
/// `t` normalised when `normalised`; records in `seen` whether `full` holds
/// the whole line afterwards, and says whether the label is the whole line
/// normalised (the buffer holds it and nothing was trimmed from it). The
/// figures are cut off before the label is normalised ([`label_head`]: the
/// normalised head is the normalised label without them).
fn label_norm<'f>(
    t: &str,
    label: &str,
    normalised: bool,
    full: &'f mut String,
    seen: &mut Normed,
) -> (&'f str, bool) {
    if normalised && label.len() == t.len() {
        let n = full.trim_end_matches(is_figure_char);
        return (n, n.len() == full.len());
    }
    let head = label_head(label);
    lexical::norm_into(full, head);
    seen.whole = head.len() == t.len();
    (full, seen.whole)
}

/// [`ends_region`] for an applications table's label `n` (normalised, its
/// figures trimmed; `line`: `n` is the whole line normalised; `line_label`:
/// the label part is the whole line, no tab cut it; `parted`: the line is
/// no pipe row, see [`app_label_parted`]): an unknown label, a header or a
/// note ends the region. The label's class goes to `seen` (see [`Normed`]).
fn app_label_ends(n: &str, line: bool, line_label: bool, parted: bool, seen: &mut Normed) -> bool {
    let class = app_label_parted(n, parted);
    // (nothing trimmed from the whole line: its class)
    if line {
        seen.class = Some(class);
    }
    // a label is a note when it holds a note's words (勾稽, 本列数据,
    // 本列表: the first test of `app_label`), none of whose characters is
    // one trimmed from the line: the whole line is a note when `n` is
    if line_label {
        seen.note = Some(class == AppLabel::Note);
    }
    matches!(class, AppLabel::Unknown | AppLabel::Header | AppLabel::Note)
}

/// True when the label part `label` of a line (`n` normalised, its figures
/// trimmed) names an item of the active-disclosure table. The label ends
/// where the row's figures start (a digit after white space): text glued
/// after the figures (`3.一稳定”  0  0 0集中采购`, a line joined to the next
/// one) names no item of this line. A digit glued to the text (`2020年`) is
/// label text.
fn is_ad_label(label: &str, n: &str) -> bool {
    let figures = label
        .char_indices()
        .zip(label.chars().skip(1))
        .find(|((_, c), d)| {
            crate::lines::is_space(*c) && lexical::norm_char(*d).is_some_and(|d| d.is_ascii_digit())
        });
    let cut = figures.map(|((k, _), _)| lexical::norm(&label[..k]));
    let label = cut.as_deref().unwrap_or(n);
    ad_item(label).is_some() || ad_marks_2021(label).is_some()
}

/// True when the line `t` (trimmed), written after a table of `kind` and a
/// blank line, ends that table's region whatever the table's rows are: the
/// renderer asks it before it reads a table back with a subsection's head
/// line after it (only a line the region may take in can change how the
/// two read). Cautious where [`line_ends_region`] looks beyond the line's
/// words: a line with a tab or a pipe (a row of the table's layout, empty
/// cells, another layout), a figure, or one that may open a table (the
/// first row of an applications table) is said not to end it; the rest is
/// [`ends_region`]'s verdict (a sentence, running text, a list marker
/// before text that is no label of the table; a broken label of a few
/// characters stays in).
pub(crate) fn ends_region_after_blank(t: &str, kind: Kind) -> bool {
    if t.is_empty()
        || t.contains(['\t', '|', '｜', '\n', '\r'])
        || is_figure(t)
        || anchor(t).is_some()
    {
        return false;
    }
    let mut buf = String::new();
    ends_region(
        t,
        (false, usize::MAX),
        kind,
        &mut buf,
        &mut Normed::default(),
    )
}

/// What region assembly knows of the line in its buffer for a normalised
/// line: whether the buffer holds the whole line normalised, and then the
/// line's [`app_label`] when it was asked, or only whether it is a note
/// (the tests of one line share them).
#[derive(Debug, Default, Clone, Copy)]
struct Normed {
    whole: bool,
    class: Option<AppLabel>,
    /// The line's class is [`AppLabel::Note`] (known with `class`, or from
    /// the class of the line without its figures: see [`ends_region`]).
    note: Option<bool>,
}

impl Normed {
    /// The [`app_label`] of the line `t`, whose buffer is `buf`: the one
    /// known, else `t` normalised (unless the buffer holds it) and
    /// classified, and kept.
    fn class(&mut self, t: &str, buf: &mut String) -> AppLabel {
        if let Some(c) = self.class {
            return c;
        }
        if !self.whole {
            lexical::norm_into(buf, t);
            self.whole = true;
        }
        let c = app_label(buf);
        self.class = Some(c);
        self.note = Some(c == AppLabel::Note);
        c
    }
}

/// True when a list marker of `style` with `rest` after it (normalised) is
/// the start of a label of a table of `kind` printed vertically (`（三）不`,
/// `三、`: the marker and at most two characters), which stays in the
/// region. No label of the review/litigation table opens with a list
/// marker (its header words and fifteen figures): there a marker alone is
/// the head of what follows. No label of the active-disclosure table opens
/// with a `三、` marker (its block titles' parts are `（一）项`): there `一、`
/// alone is the next head.
fn broken_label(style: MarkerStyle, rest: &str, kind: Kind) -> bool {
    let opens_label = match style {
        MarkerStyle::ParenCn => kind != Kind::ReviewLitigation,
        MarkerStyle::CnDun => !matches!(kind, Kind::ReviewLitigation | Kind::ActiveDisclosure),
        _ => false,
    };
    opens_label && rest.chars().nth(2).is_none()
}

/// True when the line `t` (trimmed, without tabs) in an applications table
/// is a pipe row whose pipes cut its label (`（六）其他处||理`): read so, the
/// label `（六）其他处` ends the region ([`ends_region`]); with a tab on the
/// line the pipes part no cells ([`app_label_parted`]) and the label
/// `（六）其他处理` stays in. The renderer writes a group label that is one
/// with a tab after it.
pub(crate) fn pipes_cut_label(t: &str) -> bool {
    if !crate::grid::pipes::is_row(t) {
        return false;
    }
    let mut buf = String::new();
    // (`usize::MAX`: the characters not counted, running text not ruled out)
    let mut ends = |tab| {
        let line = (tab, usize::MAX);
        ends_region(
            t,
            line,
            Kind::Applications,
            &mut buf,
            &mut Normed::default(),
        )
    };
    ends(false) && !ends(true)
}

/// The end (exclusive index) of the table region of `kind` starting at `i`.
/// `kinds` are the pieces' [`LineKind`]s; `buf` a buffer for a normalised
/// line (reused over the regions of a text). Each piece looked at is walked
/// once, by `rows`, which keeps the region's lines classified for the grid
/// builder ([`crate::grid::text::region_of`]): whether a line is a tab or
/// pipe row is read from that walk.
pub(crate) fn region_end<'a>(
    segs: &[Seg<'a>],
    kinds: &[LineKind],
    i: usize,
    kind: Kind,
    buf: &mut String,
    rows: &mut Classifier<'a, '_>,
) -> usize {
    let mut end = i + 1;
    let mut j = i + 1;
    // the delimiter of the last line when it was a grid row, and whether
    // a blank line follows it
    let first = rows.push(segs[i].start, segs[i].raw);
    let mut last_delim = row_delim(first);
    // whether that line is a tab row whose pipes stand in its label
    let mut last_tab = piped_label(first, segs[i].raw);
    // the lines of `rows` up to `end`
    let mut kept = rows.len();
    let mut blank_before = false;
    // an applications table that has a row: a note line after it opens the
    // next table (the note comes first in a table, never after its rows)
    let applications = kind == Kind::Applications;
    let mut has_row = applications && {
        lexical::norm_into(buf, segs[i].trimmed().1);
        matches!(app_label(buf), AppLabel::Row(_))
    };
    while j < segs.len() {
        let s = segs[j];
        if kinds[j].blank {
            rows.blank(s.start);
            blank_before = true;
            j += 1;
            continue;
        }
        let facts = rows.push(s.start, s.raw);
        let delim = grid_delim(facts);
        let tab = piped_label(facts, s.raw);
        if blank_before && other_layout(s.trimmed().1, (delim, tab), (last_delim, last_tab)) {
            break;
        }
        blank_before = false;
        // (a line with a tab and no label, `\t\u{8}`, `|\t`, is stray text,
        // which the canonical text does not write: the delimiter stays the
        // last row's)
        if !stray_tab_line(facts, s.raw) {
            last_delim = row_delim(facts);
            last_tab = tab;
        }
        if line_ends_region(&s, &kinds[j], kind, facts, buf, &mut has_row) {
            break;
        }
        j += 1;
        end = j;
        kept = rows.len();
    }
    rows.truncate(kept);
    end
}

/// True when a line after a blank line (`t` trimmed, `delim` its grid
/// delimiter, `tab` whether it is a tab row whose
/// pipes stand in its label or cells, [`piped_label`]) is rows of another
/// layout than the region's so far (`last_delim`, `last_tab`: the same of
/// the last line, the delimiter when it was a grid row): it ends the region.
fn other_layout(
    t: &str,
    (delim, tab): (Option<char>, bool),
    (last_delim, last_tab): (Option<char>, bool),
) -> bool {
    // rows of one delimiter, a blank line, rows of another: a table
    // is written in one layout, so the second rows are another table
    if last_delim.is_some() && delim.is_some() && delim != last_delim {
        return true;
    }
    // an empty pipe row (`||`) after a blank line holds nothing of the
    // table before: it ends the region whatever the delimiter of the
    // line before the blank (a line the canonical text does not write,
    // `\t\u{8}`, must not decide it)
    if delim == Some('|') && empty_pipe_row(t) {
        return true;
    }
    // pipe rows without a tab after a blank line end it too when the
    // line before the blank is a tab row whose label or cells hold the
    // pipes (`一、本年新收||密\t\t\t`, `一、本年新收\t1\t|2|`); so does a
    // pipe row with a tab in a cell: one that opens with a pipe (`||\t\``:
    // a tab row's label never does, see [`piped_label`]) or whose pipes
    // stand on both sides of its tab (`^|\t|`): any line of pipes but
    // another such tab row (`tab`)
    if delim == Some('|') && last_tab && !tab {
        return true;
    }
    // and the other way round: such a tab row (`-||\t\``, the grid's tab
    // row, whose pipes part no cells) after a blank line ends a region
    // whose last line is a pipe row (`|2|-|`)
    tab && last_delim == Some('|') && !last_tab
}

/// True when the piece `s` (its kind `k`, `facts` the facts of its walk)
/// ends the region of `kind` by what it reads: running text or a sentence
/// ([`ends_region`]), a note after a row of an applications table
/// ([`note_after_row`], which records in `has_row` whether the table has a
/// row yet), or the anchor of another table ([`opens_another`]). `buf` is
/// the buffer for the normalised line.
fn line_ends_region(
    s: &Seg<'_>,
    k: &LineKind,
    kind: Kind,
    facts: Option<ScanFacts>,
    buf: &mut String,
    has_row: &mut bool,
) -> bool {
    let applications = kind == Kind::Applications;
    let t = s.trimmed().1;
    // a figure on a line of its own (`0`, `12`: a cell per line) is no
    // sentence, label, note or anchor: none of the tests below ends the
    // region on it ([`is_figure`])
    if is_figure(t) {
        return false;
    }
    // empty cells after the text (`二、上年结转。\t\t`): a row, not a sentence
    let empty_cells = has_empty_cells(s.raw, facts);
    // the first row of an applications table, on a line that opens one
    // (`一、本年新收…做实。\t二、主`): a row even where it reads as a
    // sentence, as it is when it opens the table (the canonical text
    // writes it after the note and the header)
    let mut seen = Normed::default();
    let first_row = applications
        && !*has_row
        && k.anchor(s) == Some(Kind::Applications)
        && matches!(seen.class(t, buf), AppLabel::Row(_));
    if !first_row
        && ends_region(
            t,
            facts.map_or((false, usize::MAX), |f| (f.has_tab, f.chars)),
            kind,
            buf,
            &mut seen,
        )
        && !(empty_cells
            && (t.ends_with('。')
                || applications
                    && matches!(seen.class(t, buf), AppLabel::Group | AppLabel::Row(_))))
    {
        return true;
    }
    if applications && note_after_row(t, &k.facts, buf, seen, has_row) {
        return true;
    }
    opens_another(s, k, kind)
}

/// True when the line `raw` (the facts of its walk `f`) has a tab after its
/// text: empty cells after it (the walk knows where the text ends).
fn has_empty_cells(raw: &str, f: Option<ScanFacts>) -> bool {
    let text_end = f.map_or_else(
        || raw.trim_end_matches(crate::lines::is_space).len(),
        |f| f.text.1,
    );
    // (white space after the text, mostly none or a few bytes: looked at
    // byte by byte, a `memchr` call costs more)
    raw.as_bytes()[text_end..].contains(&b'\t')
}

/// True when the piece `s` (its kind `k`) inside a region of `kind` opens a
/// table of another kind (not a `第二十条…` row label glued to its text). A
/// line of an applications table that cannot open another table is not
/// asked for its anchor.
fn opens_another(s: &Seg<'_>, k: &LineKind, kind: Kind) -> bool {
    let t = s.trimmed().1;
    (kind != Kind::Applications || super::anchor::may_open_other_than_applications(t))
        && k.anchor(s).is_some_and(|a| a != kind)
        && !glued_article(t)
}

/// Region assembly of an applications table, for its line `t` (kept in the
/// region so far; `f` its facts): records in `has_row` whether the table has
/// a row yet, and returns true when `t` is a note after a row, which opens
/// the next table. `seen` is what the tests before knew of the line in
/// `buf` (the line is normalised and classified once: by [`ends_region`]
/// when it was).
fn note_after_row(
    t: &str,
    f: &Facts,
    buf: &mut String,
    mut seen: Normed,
    has_row: &mut bool,
) -> bool {
    if !*has_row {
        *has_row = matches!(seen.class(t, buf), AppLabel::Row(_));
        false
    } else if seen.note == Some(false) {
        // (the line is known to be no note)
        false
    } else if f.gou_or_ben(t) {
        // after a row only a note matters, and a note's words
        // (勾稽, 本列数据, 本列表) hold 勾 or 本 in any script: the
        // other lines are not classified again
        seen.class(t, buf) == AppLabel::Note
    } else {
        false
    }
}

/// The delimiter of a table's row written with a delimiter: a grid row's
/// ([`grid_delim`]), or a tab for a line with a tab that is no grid row (a
/// label and its empty cells, `一、本年新收\t\t\t`): pipe rows after it and a
/// blank line are another table too.
fn row_delim(f: Option<ScanFacts>) -> Option<char> {
    grid_delim(f).or_else(|| f.filter(|f| f.has_tab).map(|_| '\t'))
}

/// The delimiter of a grid row (`|` for a pipe row: two or more pipes, a
/// tab for a tab row: two or more non-blank tab-separated fields), from the
/// facts of the walk over the line; `None` for any other line (or a blank
/// one).
fn grid_delim(f: Option<ScanFacts>) -> Option<char> {
    let f = f?;
    if f.pipes >= 2 {
        Some('|')
    } else if f.tab_fields >= 2 {
        Some('\t')
    } else {
        None
    }
}

/// True when the line `raw` (its walk's facts `f`) is a line with a tab
/// whose pipes (two or more) all stand in its first field, which does not
/// open with one: a row label that holds pipes and the row's cells
/// (`一、本年新收||密\t\t\t`), not a pipe row with a tab in a cell
/// (`|一、本年新收|1\t|2|`) or after its last pipe; or all after its first
/// tab, after a field of text (`一、本年新收\t1\t|2|`: the grid's tab row).
fn piped_label(f: Option<ScanFacts>, raw: &str) -> bool {
    f.is_some_and(|f| f.has_tab && f.pipes >= 2)
        && raw.split_once('\t').is_some_and(|(label, cells)| {
            let label = label.trim_start_matches(crate::lines::is_space);
            if cells.contains('|') {
                !label.is_empty() && !label.contains('|')
            } else {
                !label.starts_with('|')
            }
        })
}

/// True when the line `raw` (its walk's facts `f`) holds a tab but is no
/// grid row and its first field is blank or pipes only (`\t\u{8}`, `\te`,
/// `|\t`): text on a line of its own in a table, no row label with its
/// empty cells (`一、本年新收\t\t\t`).
fn stray_tab_line(f: Option<ScanFacts>, raw: &str) -> bool {
    let Some(f) = f.filter(|f| f.has_tab && grid_delim(Some(*f)).is_none()) else {
        return false;
    };
    // the first field: up to the first tab (found by its byte); it is blank
    // when the line's text starts after it (`\t0`, a cell per line)
    let tab = memchr::memchr(b'\t', raw.as_bytes()).unwrap_or(raw.len());
    tab < f.text.0
        || raw[..tab]
            .chars()
            .all(|c| c == '|' || crate::lines::is_space(c))
}

/// True when the trimmed line `t` is pipes and white space only (`||`,
/// `| | |`).
fn empty_pipe_row(t: &str) -> bool {
    t.chars().all(|c| c == '|' || crate::lines::is_space(c))
}

/// A line that starts with `第二十条` glued to other text (`第二十条予以公开`,
/// a row label after a cut) rather than a block title (`第二十条第（一）项`,
/// `第二十条（一）`, `第二十条`): it does not open an active-disclosure
/// table inside another table.
fn glued_article(t: &str) -> bool {
    let mut buf = [0u8; 32];
    let n = lexical::norm_head(t, 8, &mut buf).trim_start_matches('|');
    n.strip_prefix("第二十条")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !matches!(c, '第' | '(' | '|' | '\t'))
}

/// True when the trimmed line `t` is ASCII digits only (`0`, `12`). Such a
/// line ends no region ([`line_ends_region`]): it does not end with `。`, has
/// no stop or comma, and normalised (ASCII digits are their own normal form)
/// its label part is digits only, which [`ends_region`] trims away before it
/// looks for a list marker; it holds no `勾` or `本` (no note), its words are
/// no row label of the applications table ([`app_label`] finds no word in
/// it), and it opens no table (every anchor starts with another character or
/// holds `勾`).
fn is_figure(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests;
