//! The characters a piece of a line holds, each searched for the first
//! time a test asks and kept ([`Facts`]): part of a piece's
//! [`super::kind::LineKind`], and what [`super::anchor::anchor_of`] reads
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

static ZHI_FINDER: Finder = Finder::new(|| memchr::memmem::Finder::new("指"));
static GOU_FINDER: Finder = Finder::new(|| memchr::memmem::Finder::new("勾"));
static BEN_FINDER: Finder = Finder::new(|| memchr::memmem::Finder::new("本"));

/// A character whose facts one search of the text of many pieces can give
/// each of them at once ([`Facts::know`]): rare in a report's text, and
/// asked about on most pieces of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Searched {
    /// `指`, see [`Facts::zhi`].
    Zhi,
    /// `勾`, see [`Facts::gou`].
    Gou,
}

impl Searched {
    /// Each of them.
    pub(crate) const ALL: [Searched; 2] = [Searched::Zhi, Searched::Gou];
    fn bit(self) -> u16 {
        match self {
            Searched::Zhi => ZHI,
            Searched::Gou => GOU,
        }
    }
    /// Its searcher (built once).
    pub(crate) fn finder(self) -> &'static memchr::memmem::Finder<'static> {
        match self {
            Searched::Zhi => &ZHI_FINDER,
            Searched::Gou => &GOU_FINDER,
        }
    }
}

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
        self.find(ZHI, &ZHI_FINDER, t)
    }
    /// Records whether the text holds `c` (known from a search of a text
    /// around it: [`super::kind::know_searched`]).
    pub(crate) fn know(&self, c: Searched, has: bool) {
        let bit = c.bit();
        self.known.set(self.known.get() | bit);
        let set = self.set.get();
        self.set.set(if has { set | bit } else { set & !bit });
    }
    /// A `勾` in `t`.
    pub(crate) fn gou(&self, t: &str) -> bool {
        self.find(GOU, &GOU_FINDER, t)
    }
    /// A `本` in `t`.
    pub(crate) fn ben(&self, t: &str) -> bool {
        self.find(BEN, &BEN_FINDER, t)
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
            // (more than 80 bytes are more than 20 characters: not counted;
            // 20 bytes or fewer are at most 20; the others counted, not
            // decoded)
            let short = t.len() <= 80
                && (t.len() <= 20 || t.chars().count() <= 20)
                && !t.contains(['。', '，', '；', ',', ';', '：', ':']);
            if short { SHORT_CELL } else { 0 }
        }) != 0
    }
}
