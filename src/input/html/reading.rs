//! Writing the reading text of the content: block elements end lines,
//! inline runs stay on one line, data tables become tab rows through
//! [`crate::grid::html`], a layout table is read as blocks.

use std::collections::HashMap;
use std::ops::Range;

use crate::grid::html::SourceCell;
use crate::input::Reading;

use super::dom::{Dom, Kind, descendant_texts, is_block, is_hidden};
use super::portal::compact;
use super::source::{Mode, Piece, Src};

/// Writes the reading text.
#[derive(Debug, Default)]
pub(super) struct Writer {
    pub(super) reading: Reading,
    pub(super) line: Vec<Piece>,
    /// The last source offset read (for layout written at no text).
    pub(super) at: usize,
}

impl Writer {
    pub(super) fn push_pieces(&mut self, pieces: &[Piece]) {
        for p in pieces {
            self.line.push(p.clone());
            let r = p.range();
            if r.end > self.at {
                self.at = r.end;
            }
        }
    }

    pub(super) fn end_line(&mut self) {
        let mut line = std::mem::take(&mut self.line);
        if line.iter().all(Piece::is_space) {
            return;
        }
        trim_pieces(&mut line);
        let mut text = String::new();
        for p in &line {
            write_piece(&mut self.reading, p);
            text.push_str(&p.text);
        }
        // a blank line after a title line: the line parser then keeps it
        // apart from the first paragraph (other lines join as the parser
        // judges, so a title or heading split over two blocks is one)
        let t = compact(&text);
        let title = t.chars().count() <= 80
            && ["年度报告", "年报", "工作报告"]
                .iter()
                .any(|k| t.ends_with(k));
        self.reading
            .push_layout(if title { "\n\n" } else { "\n" }, self.at);
    }
}

/// Writes a piece, line breaks and tabs inside it written as spaces.
pub(super) fn write_piece(reading: &mut Reading, p: &Piece) {
    match &p.src {
        Src::Verbatim(at) => {
            let mut from = 0;
            for (i, ch) in p.text.char_indices() {
                if matches!(ch, '\n' | '\r' | '\t') {
                    reading.push_source(&p.text[from..i], at + from);
                    reading.push_mapped(" ", at + i..at + i + 1);
                    from = i + 1;
                }
            }
            reading.push_source(&p.text[from..], at + from);
        }
        Src::Mapped(r) => {
            let t: String = p
                .text
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            reading.push_mapped(&t, r.clone());
        }
    }
}

/// Removes the white space at both ends of a line of pieces.
pub(super) fn trim_pieces(line: &mut Vec<Piece>) {
    while line.first().is_some_and(Piece::is_space) {
        line.remove(0);
    }
    while line.last().is_some_and(Piece::is_space) {
        line.pop();
    }
    if let Some(p) = line.first_mut()
        && let Src::Verbatim(at) = p.src
    {
        let t = p.text.trim_start_matches(crate::lines::is_space);
        let cut = p.text.len() - t.len();
        p.src = Src::Verbatim(at + cut);
        p.text = t.to_string();
    }
    if let Some(p) = line.last_mut()
        && let Src::Verbatim(_) = p.src
    {
        let t = p.text.trim_end_matches(crate::lines::is_space).len();
        p.text.truncate(t);
    }
}

/// True for a table of the portal's metadata fields (索引号, 发布机构 …).
pub(super) fn is_metadata_table(dom: &Dom, table: usize) -> bool {
    let texts = descendant_texts(dom, table);
    let all: String = texts.iter().filter_map(|&t| dom.text(t)).collect();
    let all = compact(&all);
    let labels = [
        "索引号",
        "发布机构",
        "发文日期",
        "公开日期",
        "文号",
        "发文机关",
        "成文日期",
    ];
    labels.iter().filter(|l| all.contains(*l)).count() >= 2 && all.chars().count() < 600
}

/// Writes the content element `i` into the reading text.
pub(super) fn walk(dom: &Dom, i: usize, w: &mut Writer, used: &mut [bool], meta: &mut Vec<usize>) {
    match &dom.nodes[i].kind {
        Kind::Text(_) => {
            if dom.mode(i) == Mode::Data {
                used[i] = true;
                w.push_pieces(&dom.pieces[i]);
            }
        }
        Kind::Element { name, .. } => {
            let name = name.as_str();
            if is_hidden(name) {
                return;
            }
            if name == "table" {
                w.end_line();
                if is_metadata_table(dom, i) {
                    meta.push(i);
                } else if has_own_table(dom, i) {
                    // a layout table: its cells are blocks, its inner
                    // tables are the data
                    for &c in &dom.nodes[i].children {
                        walk(dom, c, w, used, meta);
                    }
                } else {
                    write_table(dom, i, w, used);
                }
                w.end_line();
                return;
            }
            let b = is_block(name);
            if b {
                w.end_line();
            }
            for &c in &dom.nodes[i].children {
                walk(dom, c, w, used, meta);
            }
            if b {
                w.end_line();
            }
        }
        Kind::Other => {
            for &c in &dom.nodes[i].children {
                walk(dom, c, w, used, meta);
            }
        }
    }
}

/// True when a cell of `table` (not of a table inside it) holds a table.
pub(super) fn has_own_table(dom: &Dom, table: usize) -> bool {
    let mut stack: Vec<usize> = dom.nodes[table].children.clone();
    while let Some(n) = stack.pop() {
        if dom.name(n) == Some("table") {
            return true;
        }
        stack.extend(dom.nodes[n].children.iter().copied());
    }
    false
}

/// The rows of `table` (not of tables inside it): each a list of cells.
pub(super) fn table_rows(dom: &Dom, table: usize) -> Vec<Vec<usize>> {
    let mut rows = Vec::new();
    let mut stack: Vec<usize> = dom.nodes[table].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        match dom.name(n) {
            Some("tr") => rows.push(
                dom.nodes[n]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| matches!(dom.name(c), Some("td" | "th")))
                    .collect(),
            ),
            Some("thead" | "tbody" | "tfoot") => {
                stack.extend(dom.nodes[n].children.iter().rev().copied())
            }
            _ => {}
        }
    }
    rows
}

/// Writes a data table as tab rows.
pub(super) fn write_table(dom: &Dom, table: usize, w: &mut Writer, used: &mut [bool]) {
    let rows = table_rows(dom, table);
    let mut source: Vec<Vec<SourceCell>> = Vec::with_capacity(rows.len());
    let mut cell_pieces: Vec<Vec<Vec<Piece>>> = Vec::with_capacity(rows.len());
    let mut last = w.at;
    for row in &rows {
        let mut srow = Vec::with_capacity(row.len());
        let mut prow = Vec::with_capacity(row.len());
        for &cell in row {
            let (rowspan, colspan) = match dom.nodes[cell].kind {
                Kind::Element {
                    rowspan, colspan, ..
                } => (rowspan, colspan),
                _ => (1, 1),
            };
            let mut pieces: Vec<Piece> = Vec::new();
            cell_text(dom, cell, &mut pieces, used);
            // where an empty cell stands: its white space (`&nbsp;`), else
            // after the text read last
            let blank_at = pieces
                .iter()
                .map(Piece::range)
                .find(|r| r.end > r.start)
                .map_or(last, |r| r.start);
            let mut line = pieces;
            trim_pieces(&mut line);
            let text: String = line.iter().map(|p| p.text.as_str()).collect();
            let ranges: Vec<Range<usize>> = line
                .iter()
                .filter(|p| !p.is_space())
                .map(Piece::range)
                .collect();
            srow.push(SourceCell {
                text,
                pieces: ranges,
                at: blank_at,
                rowspan,
                colspan,
            });
            last = line.last().map_or(blank_at, |p| p.range().end).max(last);
            prow.push(line);
        }
        source.push(srow);
        cell_pieces.push(prow);
    }
    let (grid, placed) = crate::grid::html::build(&source);
    // which source cell stands at each origin position
    let mut origin: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for (r, row) in placed.iter().enumerate() {
        for (k, &pos) in row.iter().enumerate() {
            origin.insert(pos, (r, k));
        }
    }
    // the layout after a cell maps to the end of its text, or to the place
    // of an empty cell, so an empty cell's span is where it stands
    let mut sep_at = w.at;
    for (r, row) in grid.rows().iter().enumerate() {
        for (c, _) in row.iter().enumerate() {
            if c > 0 {
                w.reading.push_layout("\t", sep_at);
            }
            if let Some(&(sr, k)) = origin.get(&(r, c)) {
                let pieces = &cell_pieces[sr][k];
                for p in pieces {
                    write_piece(&mut w.reading, p);
                }
                sep_at = pieces.last().map_or(source[sr][k].at, |p| p.range().end);
                w.at = w.at.max(sep_at);
            }
        }
        w.reading.push_layout("\n", sep_at);
    }
}

/// The pieces of a cell's text: its block elements joined by a space.
pub(super) fn cell_text(dom: &Dom, i: usize, out: &mut Vec<Piece>, used: &mut [bool]) {
    for &c in &dom.nodes[i].children {
        match &dom.nodes[c].kind {
            Kind::Text(_) => {
                used[c] = true;
                out.extend(dom.pieces[c].iter().cloned());
            }
            Kind::Element { name, .. } => {
                if is_hidden(name) {
                    continue;
                }
                let b = is_block(name);
                let at = out.last().map_or(0, |p| p.range().end);
                if b && out.last().is_some_and(|p| !p.is_space()) {
                    out.push(Piece {
                        text: " ".into(),
                        src: Src::Mapped(at..at),
                    });
                }
                cell_text(dom, c, out, used);
            }
            Kind::Other => cell_text(dom, c, out, used),
        }
    }
}
