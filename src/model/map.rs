//! [`RowMap`]: the model's small ordered map.
//!
//! Every map of the model is keyed by one of the small key enums of
//! [`keys`](super::keys) (three to a few dozen variants): the rows of a
//! table, the columns of a row, the cells of a row's source. A hash map
//! costs two heap blocks for each (hash indices and entries) and hashes
//! every key; a `RowMap` keeps its entries in insertion order in one
//! `Vec` and finds a key by a linear scan, which for a few dozen one-byte
//! keys is as fast as hashing it. The rows of the standard tables keep
//! their cells inline (see [`table::Row`](super::table::Row)): no
//! allocation at all.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;

/// An ordered map for small key sets: the entries in insertion order in one
/// allocation (none while empty, none while `N` or fewer), a lookup a linear
/// scan.
///
/// `N` is the number of entries stored inline, in the map itself, before
/// the map allocates: 0 (the default) for a map that is a `Vec`, the
/// number of columns for a row of a table ([`table::Row`](super::table::Row)).
///
/// It has the methods of `indexmap::IndexMap` the model's users need, with
/// the same meaning: [`insert`](Self::insert) of a key already present
/// replaces its value and keeps its place; equality ignores order (two maps
/// are equal when they have the same keys with equal values); serde writes
/// a map (a JSON object) in insertion order and reads one, a repeated key's
/// last value winning at the key's first place.
///
/// Lookups and inserts take time linear in the map's length, so the map is
/// meant for keys of a small closed set (the key enums of the model), where
/// the length is bounded by the number of keys.
///
/// ```
/// use ogi_report::model::{AppCol, RowMap};
///
/// let mut row: RowMap<AppCol, u32> = RowMap::new();
/// row.insert(AppCol::NaturalPerson, 3);
/// row.insert(AppCol::Total, 5);
/// assert_eq!(row.insert(AppCol::NaturalPerson, 4), Some(3), "replaced in place");
/// assert_eq!(row[&AppCol::NaturalPerson], 4);
/// assert_eq!(row.keys().copied().collect::<Vec<_>>(), [AppCol::NaturalPerson, AppCol::Total]);
/// assert_eq!(
///     serde_json::to_string(&row).unwrap(),
///     r#"{"natural_person":4,"total":5}"#
/// );
/// let back: RowMap<AppCol, u32> = serde_json::from_str(r#"{"total":5,"natural_person":4}"#).unwrap();
/// assert_eq!(back, row, "equality ignores order");
/// ```
#[derive(Clone)]
pub struct RowMap<K, V, const N: usize = 0> {
    entries: SmallVec<[(K, V); N]>,
}

impl<K, V, const N: usize> Default for RowMap<K, V, N> {
    fn default() -> Self {
        RowMap::new()
    }
}

impl<K, V, const N: usize> RowMap<K, V, N> {
    /// An empty map (no allocation).
    pub fn new() -> Self {
        RowMap {
            entries: SmallVec::new(),
        }
    }

    /// An empty map with room for `n` entries (an allocation only when `n`
    /// is more than `N`).
    pub fn with_capacity(n: usize) -> Self {
        RowMap {
            entries: SmallVec::with_capacity(n),
        }
    }

    /// True when the entries no longer fit inline and are on the heap.
    pub fn spilled(&self) -> bool {
        self.entries.spilled()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the map has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of entries the map holds without reallocating.
    pub fn capacity(&self) -> usize {
        self.entries.capacity()
    }

    /// Removes every entry (keeps the allocation).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in order, as `(&key, &value)`.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    /// The entries in order, as `(&key, &mut value)`.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }

    /// The keys in order.
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys(self.entries.iter())
    }

    /// The values in order.
    pub fn values(&self) -> Values<'_, K, V> {
        Values(self.entries.iter())
    }

    /// The values in order, mutable.
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut(self.entries.iter_mut())
    }

    /// The entry at position `i` in insertion order.
    pub fn get_index(&self, i: usize) -> Option<(&K, &V)> {
        self.entries.get(i).map(|(k, v)| (k, v))
    }

    /// The first entry.
    pub fn first(&self) -> Option<(&K, &V)> {
        self.get_index(0)
    }

    /// The last entry.
    pub fn last(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }

    /// The entries as a slice of pairs, in order.
    pub fn as_slice(&self) -> &[(K, V)] {
        &self.entries
    }
}

impl<K: PartialEq, V, const N: usize> RowMap<K, V, N> {
    /// The position of `key`, if present.
    pub fn get_index_of(&self, key: &K) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }

    /// The value of `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The key as stored and the value of `key`.
    pub fn get_key_value(&self, key: &K) -> Option<(&K, &V)> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(k, v)| (k, v))
    }

    /// The value of `key`, mutable.
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        self.entries
            .iter_mut()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// True when `key` is present.
    pub fn contains_key(&self, key: &K) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    /// Sets the value of `key`: a key already present keeps its place and
    /// its old value is returned; a new key goes last.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.get_mut(&key) {
            Some(old) => Some(std::mem::replace(old, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Puts `key`, which the caller knows is absent, last with `value`,
    /// without the scan [`insert`](Self::insert) makes to find it: for maps
    /// filled from keys known to be distinct (the columns of a template, in
    /// template order). Inserting a key already present this way would
    /// hold it twice: checked in debug builds.
    #[inline]
    pub(crate) fn push_absent(&mut self, key: K, value: V) {
        debug_assert!(!self.contains_key(&key), "RowMap::push_absent: key present");
        self.entries.push((key, value));
    }

    /// [`push_absent`](Self::push_absent) when the caller knows `key` is
    /// absent (`absent`), else [`insert`](Self::insert).
    /// (Inlined: the key and value are built in the caller's place, not
    /// moved through a call for each cell of a row.)
    #[inline]
    pub(crate) fn insert_or_push(&mut self, key: K, value: V, absent: bool) {
        if absent {
            self.push_absent(key, value);
        } else {
            self.insert(key, value);
        }
    }

    /// The entry of `key`, to read, insert or change in place.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V, N> {
        match self.get_index_of(&key) {
            Some(index) => Entry::Occupied(OccupiedEntry { map: self, index }),
            None => Entry::Vacant(VacantEntry { map: self, key }),
        }
    }

    /// Removes `key` and returns its value; the entries after it move up
    /// one place, so the order of the others is kept (`IndexMap::shift_remove`).
    pub fn shift_remove(&mut self, key: &K) -> Option<V> {
        let i = self.get_index_of(key)?;
        Some(self.entries.remove(i).1)
    }

    /// Keeps the entries for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
    }
}

/// The entry of a key in a [`RowMap`] ([`RowMap::entry`]).
#[derive(Debug)]
pub enum Entry<'a, K, V, const N: usize = 0> {
    /// The key is present.
    Occupied(OccupiedEntry<'a, K, V, N>),
    /// The key is absent.
    Vacant(VacantEntry<'a, K, V, N>),
}

/// A key present in a [`RowMap`].
#[derive(Debug)]
pub struct OccupiedEntry<'a, K, V, const N: usize = 0> {
    map: &'a mut RowMap<K, V, N>,
    index: usize,
}

/// A key absent from a [`RowMap`].
#[derive(Debug)]
pub struct VacantEntry<'a, K, V, const N: usize = 0> {
    map: &'a mut RowMap<K, V, N>,
    key: K,
}

impl<'a, K, V, const N: usize> OccupiedEntry<'a, K, V, N> {
    /// The key.
    pub fn key(&self) -> &K {
        &self.map.entries[self.index].0
    }
    /// The value.
    pub fn get(&self) -> &V {
        &self.map.entries[self.index].1
    }
    /// The value, mutable.
    pub fn get_mut(&mut self) -> &mut V {
        &mut self.map.entries[self.index].1
    }
    /// The value, mutable, for as long as the map is borrowed.
    pub fn into_mut(self) -> &'a mut V {
        &mut self.map.entries[self.index].1
    }
    /// Replaces the value (the key keeps its place) and returns the old one.
    pub fn insert(&mut self, value: V) -> V {
        std::mem::replace(self.get_mut(), value)
    }
}

impl<'a, K, V, const N: usize> VacantEntry<'a, K, V, N> {
    /// The key.
    pub fn key(&self) -> &K {
        &self.key
    }
    /// Inserts the key last with `value`.
    pub fn insert(self, value: V) -> &'a mut V {
        self.map.entries.push((self.key, value));
        let last = self.map.entries.len() - 1;
        &mut self.map.entries[last].1
    }
}

impl<'a, K, V, const N: usize> Entry<'a, K, V, N> {
    /// The key.
    pub fn key(&self) -> &K {
        match self {
            Entry::Occupied(o) => o.key(),
            Entry::Vacant(v) => v.key(),
        }
    }
    /// The value, inserted as `value` when absent.
    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }
    /// The value, inserted as `make()` when absent.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        match self {
            Entry::Occupied(o) => o.into_mut(),
            Entry::Vacant(v) => v.insert(make()),
        }
    }
    /// The value, inserted as `V::default()` when absent.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
    /// Changes the value in place when present.
    pub fn and_modify(mut self, f: impl FnOnce(&mut V)) -> Self {
        if let Entry::Occupied(o) = &mut self {
            f(o.get_mut());
        }
        self
    }
}

impl<K: fmt::Debug, V: fmt::Debug, const N: usize> fmt::Debug for RowMap<K, V, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Order-insensitive, as `IndexMap`'s: the same keys with equal values.
impl<K: PartialEq, V: PartialEq, const N: usize> PartialEq for RowMap<K, V, N> {
    fn eq(&self, other: &Self) -> bool {
        if self.len() != other.len() {
            return false;
        }
        // the usual case, same order: one pass
        let mut same_order = true;
        for ((ka, va), (kb, vb)) in self.entries.iter().zip(&other.entries) {
            if ka != kb {
                same_order = false;
                break;
            }
            if va != vb {
                return false;
            }
        }
        same_order || self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<K: Eq, V: Eq, const N: usize> Eq for RowMap<K, V, N> {}

impl<K: PartialEq, V, const N: usize> std::ops::Index<&K> for RowMap<K, V, N> {
    type Output = V;
    /// The value of `key`.
    ///
    /// # Panics
    /// When `key` is absent (as `IndexMap`).
    fn index(&self, key: &K) -> &V {
        self.get(key).expect("RowMap: key not present")
    }
}

impl<K: PartialEq, V, const N: usize> std::ops::IndexMut<&K> for RowMap<K, V, N> {
    /// The value of `key`, mutable.
    ///
    /// # Panics
    /// When `key` is absent (as `IndexMap`).
    fn index_mut(&mut self, key: &K) -> &mut V {
        self.get_mut(key).expect("RowMap: key not present")
    }
}

impl<K, V, const N: usize> std::ops::Index<usize> for RowMap<K, V, N> {
    type Output = V;
    /// The value at position `i` in insertion order.
    ///
    /// # Panics
    /// When `i` is out of bounds (as `IndexMap`).
    fn index(&self, i: usize) -> &V {
        &self.entries[i].1
    }
}

impl<K, V, const N: usize> std::ops::IndexMut<usize> for RowMap<K, V, N> {
    /// The value at position `i` in insertion order, mutable.
    ///
    /// # Panics
    /// When `i` is out of bounds (as `IndexMap`).
    fn index_mut(&mut self, i: usize) -> &mut V {
        &mut self.entries[i].1
    }
}

impl<K: PartialEq, V, const N: usize> Extend<(K, V)> for RowMap<K, V, N> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.entries.reserve(iter.size_hint().0);
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: PartialEq, V, const N: usize> FromIterator<(K, V)> for RowMap<K, V, N> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = RowMap::new();
        map.extend(iter);
        map
    }
}

impl<K: PartialEq, V, const N: usize, const M: usize> From<[(K, V); M]> for RowMap<K, V, N> {
    fn from(entries: [(K, V); M]) -> Self {
        entries.into_iter().collect()
    }
}

impl<K, V, const N: usize> IntoIterator for RowMap<K, V, N> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V, N>;
    fn into_iter(self) -> Self::IntoIter {
        IntoIter(self.entries.into_iter())
    }
}

/// The entries of a [`RowMap`], by value (`RowMap::into_iter`).
pub struct IntoIter<K, V, const N: usize = 0>(smallvec::IntoIter<[(K, V); N]>);

impl<K: fmt::Debug, V: fmt::Debug, const N: usize> fmt::Debug for IntoIter<K, V, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.as_slice()).finish()
    }
}

impl<K, V, const N: usize> Iterator for IntoIter<K, V, N> {
    type Item = (K, V);
    #[inline]
    fn next(&mut self) -> Option<(K, V)> {
        self.0.next()
    }
    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}
impl<K, V, const N: usize> DoubleEndedIterator for IntoIter<K, V, N> {
    #[inline]
    fn next_back(&mut self) -> Option<(K, V)> {
        self.0.next_back()
    }
}
impl<K, V, const N: usize> ExactSizeIterator for IntoIter<K, V, N> {}
impl<K, V, const N: usize> std::iter::FusedIterator for IntoIter<K, V, N> {}

impl<'a, K, V, const N: usize> IntoIterator for &'a RowMap<K, V, N> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V, const N: usize> IntoIterator for &'a mut RowMap<K, V, N> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

macro_rules! iterator {
    ($(#[$m:meta])* $name:ident, $inner:ident, $item:ty, |$e:pat_param| $map:expr) => {
        $(#[$m])*
        #[derive(Debug)]
        pub struct $name<'a, K, V>(std::slice::$inner<'a, (K, V)>);

        impl<'a, K, V> Iterator for $name<'a, K, V> {
            type Item = $item;
            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.0.next().map(|$e| $map)
            }
            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.0.size_hint()
            }
        }
        impl<'a, K, V> DoubleEndedIterator for $name<'a, K, V> {
            #[inline]
            fn next_back(&mut self) -> Option<$item> {
                self.0.next_back().map(|$e| $map)
            }
        }
        impl<K, V> ExactSizeIterator for $name<'_, K, V> {}
        impl<K, V> std::iter::FusedIterator for $name<'_, K, V> {}
    };
}

iterator!(
    /// The entries of a [`RowMap`], as `(&key, &value)` ([`RowMap::iter`]).
    Iter, Iter, (&'a K, &'a V), |(k, v)| (k, v)
);
iterator!(
    /// The entries of a [`RowMap`], as `(&key, &mut value)` ([`RowMap::iter_mut`]).
    IterMut, IterMut, (&'a K, &'a mut V), |(k, v)| (&*k, v)
);
iterator!(
    /// The keys of a [`RowMap`] ([`RowMap::keys`]).
    Keys, Iter, &'a K, |(k, _)| k
);
iterator!(
    /// The values of a [`RowMap`] ([`RowMap::values`]).
    Values, Iter, &'a V, |(_, v)| v
);
iterator!(
    /// The values of a [`RowMap`], mutable ([`RowMap::values_mut`]).
    ValuesMut, IterMut, &'a mut V, |(_, v)| v
);

impl<K: Clone, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Iter(self.0.clone())
    }
}
impl<K, V> Clone for Keys<'_, K, V> {
    fn clone(&self) -> Self {
        Keys(self.0.clone())
    }
}
impl<K, V> Clone for Values<'_, K, V> {
    fn clone(&self) -> Self {
        Values(self.0.clone())
    }
}

impl<K: Serialize, V: Serialize, const N: usize> Serialize for RowMap<K, V, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de, K, V, const N: usize> Deserialize<'de> for RowMap<K, V, N>
where
    K: Deserialize<'de> + PartialEq,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V, const N: usize>(PhantomData<(K, V)>);
        impl<'de, K, V, const N: usize> Visitor<'de> for MapVisitor<K, V, N>
        where
            K: Deserialize<'de> + PartialEq,
            V: Deserialize<'de>,
        {
            type Value = RowMap<K, V, N>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // the hint comes from the input: trust it only so far
                let mut map = RowMap::with_capacity(access.size_hint().unwrap_or(0).min(64));
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(MapVisitor::<K, V, N>(PhantomData))
    }
}

#[cfg(test)]
mod tests;
