//! The buffers [`Blocks`] builds in, kept over the sections and tables of
//! a text, and over the texts a thread parses.

use super::{Blocks, LineKind, Stack};
use crate::model::Block;

/// The buffers of [`Blocks`], taken out while they are used and put back:
/// one set for the whole text instead of vectors and strings per section,
/// table or paragraph.
#[derive(Default)]
pub(super) struct Scratch<'t> {
    /// The kinds of a section's pieces.
    pub(super) kinds: Vec<LineKind>,
    /// The open subsections.
    pub(super) stack: Stack,
    /// The text of a paragraph joined from several pieces.
    pub(super) para: String,
    /// A table region's lines, for its grid builder.
    pub(super) lines: Vec<(usize, &'t str)>,
    /// A normalised line (region ends).
    pub(super) norm: String,
    /// The top-level blocks of a short section.
    pub(super) root: Vec<Block>,
    /// A region's lines and their words (its grid builder).
    pub(super) rows: crate::grid::text::Buffers<'t>,
}

thread_local! {
    /// The buffers of the last [`Blocks`] this thread built with, empty and
    /// borrowing no text, kept for the next text (see [`Spare`]).
    static SPARE: std::cell::Cell<Spare> = std::cell::Cell::new(Spare::default());
}

/// A buffer of [`Scratch`] that grew beyond this many elements (bytes for
/// a string: a huge section, table or paragraph) is not kept for the next
/// text.
const KEEP_AT_MOST: usize = 1 << 12;

/// The buffers of a [`Scratch`] between two texts: emptied, and those that
/// borrowed the text made to borrow nothing (their room kept). A text's
/// blocks are built in the buffers of the text before on the same thread:
/// after the first, a text's structure pass grows none of them.
#[derive(Default)]
struct Spare {
    kinds: Vec<LineKind>,
    stack: Stack,
    para: String,
    lines: Vec<(usize, &'static str)>,
    norm: String,
    root: Vec<Block>,
    rows: crate::grid::text::Buffers<'static>,
}

impl<'t> Scratch<'t> {
    /// The buffers this thread used last (empty the first time).
    pub(super) fn take() -> Scratch<'t> {
        let s = SPARE.with(std::cell::Cell::take);
        // (a list that borrows nothing is one that borrows the text)
        Scratch {
            kinds: s.kinds,
            stack: s.stack,
            para: s.para,
            lines: s.lines,
            norm: s.norm,
            root: s.root,
            rows: s.rows,
        }
    }

    /// Keeps the buffers for the next [`Scratch::take`] on this thread,
    /// emptied; those that grew large are dropped.
    fn give_back(self) {
        fn keep<T>(mut v: Vec<T>) -> Vec<T> {
            v.clear();
            if v.capacity() <= KEEP_AT_MOST {
                v
            } else {
                Vec::new()
            }
        }
        fn keep_str(mut s: String) -> String {
            s.clear();
            if s.capacity() <= KEEP_AT_MOST {
                s
            } else {
                String::new()
            }
        }
        let Stack { open, blocks } = self.stack;
        let spare = Spare {
            kinds: keep(self.kinds),
            stack: Stack {
                open: keep(open),
                blocks: keep(blocks),
            },
            para: keep_str(self.para),
            lines: crate::grid::text::unborrowed(keep(self.lines)),
            norm: keep_str(self.norm),
            root: keep(self.root),
            rows: self.rows.unborrowed(KEEP_AT_MOST),
        };
        SPARE.with(|s| s.set(spare));
    }
}

impl Drop for Blocks<'_, '_> {
    fn drop(&mut self) {
        std::mem::take(&mut self.scratch).give_back();
    }
}
