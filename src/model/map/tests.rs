//! Unit tests of [`RowMap`](super::RowMap), with `IndexMap` as the oracle.

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
    // from an array: a repeated key keeps its first place, the last value
    let a: RowMap<AppCol, i32, 2> = [
        (AppCol::Total, 1),
        (AppCol::OtherOrg, 2),
        (AppCol::Total, 3),
    ]
    .into();
    assert_eq!(
        a.iter().collect::<Vec<_>>(),
        [(&AppCol::Total, &3), (&AppCol::OtherOrg, &2)]
    );
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

#[test]
fn insert_or_push_is_insert() {
    // keys known absent are pushed; a key the caller does not vouch for
    // is inserted as `insert` does: a repeated key keeps its first place
    let mut m: RowMap<AppCol, i32> = RowMap::new();
    m.insert_or_push(AppCol::NaturalPerson, 1, true);
    m.insert_or_push(AppCol::Total, 2, true);
    m.insert_or_push(AppCol::NaturalPerson, 3, false);
    let mut oracle: RowMap<AppCol, i32> = RowMap::new();
    for (k, v) in [
        (AppCol::NaturalPerson, 1),
        (AppCol::Total, 2),
        (AppCol::NaturalPerson, 3),
    ] {
        oracle.insert(k, v);
    }
    assert_eq!(m.as_slice(), oracle.as_slice());
    assert_eq!(
        m.as_slice(),
        [(AppCol::NaturalPerson, 3), (AppCol::Total, 2)]
    );
}
