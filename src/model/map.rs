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
mod tests {
    use super::RowMap;
    use crate::model::{AppCol, Key};
    use indexmap::IndexMap;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        Insert(usize, i32),
        Entry(usize, i32),
        Remove(usize),
        Retain(i32),
    }

    fn op() -> impl Strategy<Value = Op> {
        let n = AppCol::ALL.len();
        prop_oneof![
            4 => (0..n, -3i32..3).prop_map(|(k, v)| Op::Insert(k, v)),
            2 => (0..n, -3i32..3).prop_map(|(k, v)| Op::Entry(k, v)),
            1 => (0..n).prop_map(Op::Remove),
            1 => (-3i32..3).prop_map(Op::Retain),
        ]
    }

    fn same<const N: usize>(ours: &RowMap<AppCol, i32, N>, oracle: &IndexMap<AppCol, i32>) {
        assert_eq!(ours.len(), oracle.len());
        assert_eq!(ours.is_empty(), oracle.is_empty());
        assert!(ours.iter().eq(oracle.iter()));
        assert!(ours.keys().eq(oracle.keys()));
        assert!(ours.values().eq(oracle.values()));
        assert!(ours.iter().rev().eq(oracle.iter().rev()));
        for k in AppCol::ALL {
            assert_eq!(ours.get(k), oracle.get(k));
            assert_eq!(ours.contains_key(k), oracle.contains_key(k));
            assert_eq!(ours.get_index_of(k), oracle.get_index_of(k));
        }
        assert_eq!(
            serde_json::to_string(ours).unwrap(),
            serde_json::to_string(oracle).unwrap(),
            "the same JSON, in the same order"
        );
        assert_eq!(format!("{ours:?}"), format!("{oracle:?}"));
    }

    proptest! {
        /// Every operation does to a `RowMap` what it does to an `IndexMap`.
        #[test]
        fn behaves_as_indexmap(ops in proptest::collection::vec(op(), 0..60)) {
            let mut ours: RowMap<AppCol, i32> = RowMap::new();
            // four entries inline, the rest on the heap
            let mut inline: RowMap<AppCol, i32, 4> = RowMap::new();
            let mut oracle: IndexMap<AppCol, i32> = IndexMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => {
                        let k = AppCol::ALL[k];
                        prop_assert_eq!(inline.insert(k, v), oracle.get(&k).copied());
                        prop_assert_eq!(ours.insert(k, v), oracle.insert(k, v));
                    }
                    Op::Entry(k, v) => {
                        let k = AppCol::ALL[k];
                        *ours.entry(k).or_default() += v;
                        *inline.entry(k).or_insert(0) += v;
                        *oracle.entry(k).or_default() += v;
                    }
                    Op::Remove(k) => {
                        let k = &AppCol::ALL[k];
                        prop_assert_eq!(inline.shift_remove(k), oracle.get(k).copied());
                        prop_assert_eq!(ours.shift_remove(k), oracle.shift_remove(k));
                    }
                    Op::Retain(t) => {
                        ours.retain(|_, v| *v > t);
                        inline.retain(|_, v| *v > t);
                        oracle.retain(|_, v| *v > t);
                    }
                }
                same(&ours, &oracle);
                same(&inline, &oracle);
            }
            prop_assert!(inline.clone().into_iter().eq(ours.clone()));
            // collecting, extending and reading JSON back agree too
            let pairs: Vec<(AppCol, i32)> = oracle.iter().map(|(k, v)| (*k, *v)).collect();
            let collected: RowMap<AppCol, i32> = pairs.iter().copied().collect();
            same(&collected, &oracle);
            let json = serde_json::to_string(&oracle).unwrap();
            let back: RowMap<AppCol, i32> = serde_json::from_str(&json).unwrap();
            same(&back, &oracle);
            prop_assert_eq!(back, ours);
        }

        /// Equality ignores order, as `IndexMap`'s does.
        #[test]
        fn equality_is_indexmaps(
            a in proptest::collection::vec((0..AppCol::ALL.len(), 0i32..2), 0..12),
            b in proptest::collection::vec((0..AppCol::ALL.len(), 0i32..2), 0..12),
        ) {
            let key = |(k, v): (usize, i32)| (AppCol::ALL[k], v);
            let ra: RowMap<_, _> = a.iter().copied().map(key).collect();
            let rb: RowMap<_, _> = b.iter().copied().map(key).collect();
            let ia: IndexMap<_, _> = a.iter().copied().map(key).collect();
            let ib: IndexMap<_, _> = b.iter().copied().map(key).collect();
            prop_assert_eq!(ra == rb, ia == ib);
            // the same entries in reverse order are equal
            let rev: RowMap<_, _> = ra.iter().rev().map(|(k, v)| (*k, *v)).collect();
            prop_assert_eq!(&rev, &ra);
        }

        /// Reading JSON: a repeated key's last value wins, at its first place.
        #[test]
        fn reads_json_as_indexmap(
            entries in proptest::collection::vec((0..AppCol::ALL.len(), -5i32..5), 0..20),
        ) {
            let body: Vec<String> = entries
                .iter()
                .map(|&(k, v)| format!("\"{}\":{v}", AppCol::ALL[k].key()))
                .collect();
            let json = format!("{{{}}}", body.join(","));
            let ours: RowMap<AppCol, i32> = serde_json::from_str(&json).unwrap();
            let inline: RowMap<AppCol, i32, 4> = serde_json::from_str(&json).unwrap();
            let oracle: IndexMap<AppCol, i32> = serde_json::from_str(&json).unwrap();
            same(&ours, &oracle);
            same(&inline, &oracle);
        }
    }

    #[test]
    fn up_to_n_entries_stay_inline() {
        let mut m: RowMap<AppCol, i32, 8> = RowMap::with_capacity(8);
        for (i, k) in AppCol::ALL.iter().enumerate() {
            m.insert(*k, i as i32);
        }
        assert!(!m.spilled(), "eight entries inline");
        let mut m: RowMap<AppCol, i32, 2> = m.into_iter().collect();
        assert!(m.spilled());
        m.retain(|_, v| *v < 2);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn empty_map_does_not_allocate_and_capacity_is_kept() {
        let m: RowMap<AppCol, i32> = RowMap::new();
        assert_eq!(m.capacity(), 0);
        let mut m: RowMap<AppCol, i32> = RowMap::with_capacity(8);
        for (i, k) in AppCol::ALL.iter().enumerate() {
            m.insert(*k, i as i32);
        }
        assert_eq!(m.capacity(), 8, "filled to capacity without growing");
        assert_eq!(m[&AppCol::Total], 6);
        m[&AppCol::Total] = 7;
        assert_eq!(m.get(&AppCol::Total), Some(&7));
        assert_eq!(m.first(), Some((&AppCol::NaturalPerson, &0)));
        assert_eq!(m.last(), Some((&AppCol::OrgSubtotal, &7)));
    }

    #[test]
    fn rejects_what_indexmap_rejects() {
        for json in ["[]", "{\"no_such_column\":1}", "{\"total\":\"x\"}", "3"] {
            let ours = serde_json::from_str::<RowMap<AppCol, i32>>(json).is_err();
            let oracle = serde_json::from_str::<IndexMap<AppCol, i32>>(json).is_err();
            assert_eq!(ours, oracle, "{json}");
            assert!(ours, "{json}");
        }
    }
}
