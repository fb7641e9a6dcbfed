//! [`Body`]: the blocks of a subsection, 8 bytes while empty.

use serde::{Deserialize, Serialize};

use super::Block;
#[cfg(doc)]
use super::Subsection;

/// The body of a [`Subsection`]: its blocks.
///
/// A `Vec<Block>` that takes 8 bytes and no allocation while it is empty
/// (a report can hold a subsection per line, most of them without a body),
/// instead of a `Vec`'s 24. It derefs to `Vec<Block>` (`iter`, `len`,
/// `push`, indexing, slices …); build one with `Body::default()`,
/// `vec.into()` or `collect()`. Serialised as the JSON array of the blocks.
///
/// ```
/// use ogi_report::model::{Block, Body, Paragraph};
/// let mut body = Body::default();
/// assert!(body.is_empty());
/// body.push(Block::Paragraph(Paragraph { text: "本年度无申请。".into(), span: Default::default() }));
/// assert_eq!(body.len(), 1);
/// assert_eq!(Vec::from(body).len(), 1);
/// ```
#[derive(Clone, Default)]
// the box is the point: 8 bytes in every subsection instead of a Vec's 24,
// and an empty body allocates neither
#[allow(clippy::box_collection)]
pub struct Body(Option<Box<Vec<Block>>>);

/// The vector an empty [`Body`] derefs to.
static NO_BLOCKS: Vec<Block> = Vec::new();

impl Body {
    /// The blocks as a mutable slice (no allocation when empty, unlike
    /// `&mut *body`, which makes room for a first block).
    pub fn as_mut_slice(&mut self) -> &mut [Block] {
        match &mut self.0 {
            Some(v) => v,
            None => &mut [],
        }
    }
    /// The blocks, mutably (no allocation when empty).
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Block> {
        self.as_mut_slice().iter_mut()
    }
    /// Frees the room the blocks' vector has beyond its length (nothing to
    /// do, and no allocation, when empty).
    pub fn shrink_to_fit(&mut self) {
        match &mut self.0 {
            Some(v) if v.is_empty() => self.0 = None,
            Some(v) => v.shrink_to_fit(),
            None => {}
        }
    }
}

impl std::ops::Deref for Body {
    type Target = Vec<Block>;
    fn deref(&self) -> &Vec<Block> {
        self.0.as_deref().unwrap_or(&NO_BLOCKS)
    }
}

impl std::ops::DerefMut for Body {
    /// Allocates the vector of an empty body.
    fn deref_mut(&mut self) -> &mut Vec<Block> {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<Vec<Block>> for Body {
    fn from(v: Vec<Block>) -> Body {
        Body((!v.is_empty()).then(|| Box::new(v)))
    }
}

impl From<Body> for Vec<Block> {
    fn from(b: Body) -> Vec<Block> {
        b.0.map(|v| *v).unwrap_or_default()
    }
}

impl FromIterator<Block> for Body {
    fn from_iter<I: IntoIterator<Item = Block>>(iter: I) -> Body {
        Vec::from_iter(iter).into()
    }
}

impl IntoIterator for Body {
    type Item = Block;
    type IntoIter = std::vec::IntoIter<Block>;
    fn into_iter(self) -> Self::IntoIter {
        Vec::from(self).into_iter()
    }
}

impl<'a> IntoIterator for &'a Body {
    type Item = &'a Block;
    type IntoIter = std::slice::Iter<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Body {
    type Item = &'a mut Block;
    type IntoIter = std::slice::IterMut<'a, Block>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        **self == **other
    }
}
impl Eq for Body {}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Body, D::Error> {
        Vec::<Block>::deserialize(d).map(Body::from)
    }
}
