//! The text of a subsection's head and the plain tests on it that the
//! writers of heads, paragraphs and tables share: a leaf of the renderer (it
//! reads back nothing and calls no writer).

/// A subsection's head line when its blocks follow on lines of their own:
/// `marker` + `title`, a space between when the title would run into the
/// marker (`1.` + `5` reads as `1.5`).
pub(super) fn head_text(s: &crate::model::Subsection) -> String {
    let mut head = s.marker.to_string();
    if let Some(title) = &s.title {
        let mut joined = head.clone();
        joined.push_str(title);
        let apart =
            crate::parse::seg::line_marker(&joined).is_none_or(|(_, len)| len != s.marker.len());
        if apart {
            head.push(' ');
        }
        head.push_str(title);
    }
    head
}

/// True when `t` can be a cell of a table of one cell per line, as the
/// parser's look-ahead reads it: short, no stop, comma or line break.
pub(super) fn short_cell(t: &str) -> bool {
    t.chars().nth(20).is_none() && !t.contains(['。', '，', '；', ',', ';', '：', ':', '\n', '\r'])
}

/// The stops that end a title before the body on its line (those of
/// [`crate::parse::seg::split_title`], which drops the white space after
/// them).
pub(super) const TITLE_STOPS: [char; 6] = ['。', '；', '：', ':', '！', '？'];

/// True when `line`, written for a subsection of `marker`, reads as the
/// heading of the section after `last` (the section written last).
pub(super) fn reads_as_heading(marker: &str, line: &str, last: u32) -> bool {
    crate::text::lexical::section_marker(marker).is_ok()
        && crate::parse::headings::find_heading(line, last.saturating_add(1), last)
            .is_some_and(|h| h.pos == 0)
}

/// What goes between the title of `s` and its first paragraph `text` on
/// its head line (when [`body_on_head_line`](super::heads::body_on_head_line) says it goes there): a tab
/// where the line would read as a section heading without it, else nothing.
pub(super) fn title_gap(s: &crate::model::Subsection, text: &str, last: u32) -> &'static str {
    let title = s.title.as_deref().unwrap_or("");
    let line = format!("{}{title}{text}", s.marker);
    if title.ends_with(TITLE_STOPS) && reads_as_heading(&s.marker, &line, last) {
        "\t"
    } else {
        ""
    }
}

/// True when `a` and `b` have the same marker and title.
pub(super) fn same_head(a: &crate::model::Subsection, b: &crate::model::Subsection) -> bool {
    a.marker == b.marker && a.title == b.title
}
