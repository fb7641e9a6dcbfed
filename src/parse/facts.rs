//! The characters a piece of a line holds, each searched for the first
//! time a test asks and kept ([`Facts`]): part of a piece's
//! [`super::kind::LineKind`], and what [`super::region::anchor_of`] reads
//! (kept apart from both, so that neither depends on the other for it).

use std::cell::Cell;

const ZHI: u16 = 1;
const GOU: u16 = 1 << 1;
const BEN: u16 = 1 << 2;
/// At most 20 characters, none of them a stop, comma, semicolon or colon.
const SHORT_CELL: u16 = 1 << 3;

/// The characters a piece's trimmed text holds, each found the first time
/// it is asked about and kept.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    /// The bits asked about so far.
    known: Cell<u16>,
    /// Of those, the ones the text holds.
    set: Cell<u16>,
}

/// A searcher for one character, built once.
type Finder = std::sync::LazyLock<memchr::memmem::Finder<'static>>;

impl Facts {
    /// Whether `t` has the characters of `bits` (all known, or found now by
    /// `find`, which returns the bits of `bits` that `t` holds).
    fn get(&self, bits: u16, find: impl FnOnce() -> u16) -> u16 {
        if self.known.get() & bits != bits {
            self.set.set(self.set.get() | find());
            self.known.set(self.known.get() | bits);
        }
        self.set.get() & bits
    }

    /// Whether `t` holds the character of `bit` (searched by `f`).
    fn find(&self, bit: u16, f: &Finder, t: &str) -> bool {
        self.get(bit, || {
            if f.find(t.as_bytes()).is_some() {
                bit
            } else {
                0
            }
        }) != 0
    }
    /// A `指` in `t` (a legacy statistics table's header starts with it).
    pub(crate) fn zhi(&self, t: &str) -> bool {
        static F: Finder = Finder::new(|| memchr::memmem::Finder::new("指"));
        self.find(ZHI, &F, t)
    }
    /// Records that the text holds no `指` (known from a search of a text
    /// around it).
    pub(crate) fn without_zhi(&self) {
        self.known.set(self.known.get() | ZHI);
        self.set.set(self.set.get() & !ZHI);
    }
    /// A `勾` in `t`.
    pub(crate) fn gou(&self, t: &str) -> bool {
        static F: Finder = Finder::new(|| memchr::memmem::Finder::new("勾"));
        self.find(GOU, &F, t)
    }
    /// A `本` in `t`.
    pub(crate) fn ben(&self, t: &str) -> bool {
        static F: Finder = Finder::new(|| memchr::memmem::Finder::new("本"));
        self.find(BEN, &F, t)
    }
    /// A `勾` or a `本` in `t`.
    pub(crate) fn gou_or_ben(&self, t: &str) -> bool {
        self.gou(t) || self.ben(t)
    }
    /// `t` can be a short table cell: at most 20 characters, no stop,
    /// comma, semicolon or colon (asked of a piece by each of the pieces
    /// before it that looks ahead for a list of cells).
    pub(crate) fn short_cell(&self, t: &str) -> bool {
        self.get(SHORT_CELL, || {
            // (more than 80 bytes are more than 20 characters: not counted)
            let short = t.len() <= 80
                && t.chars().nth(20).is_none()
                && !t.contains(['。', '，', '；', ',', ';', '：', ':']);
            if short { SHORT_CELL } else { 0 }
        }) != 0
    }
}
