//! Deterministic sweeps of applications labels cut in flow text, checked
//! for both round-trip laws (see `roundtrip_laws.rs`).
//!
//! A sweep draws, with a splitmix64 generator, one applications label of
//! both formats (`AppRow::template` of 2019 and 2021), cuts it at a random
//! character and puts up to a few pieces (figures, tabs, pipes, markers,
//! group labels, line breaks…) before the label, at the cut or after it,
//! after one of its table starts and before one of its tails. laws-w's sweep
//! ([`LAWS_W`], tests in `roundtrip_laws.rs`) and laws-x's wider one
//! ([`WIDE`], tests here) are two settings of the one generator.

use crate::roundtrip_laws::{assert_all_laws, laws};

/// The settings of a sweep of cut labels.
pub(crate) struct Sweep {
    /// The pieces put before, inside or after the label.
    pieces: &'static [&'static str],
    /// The text before the label (a table's start).
    heads: &'static [&'static str],
    /// The text after the label and its pieces.
    tails: &'static [&'static str],
    /// The most pieces an input holds (at least one).
    most: usize,
}

/// laws-f's four table starts: flow text that opens an applications table.
const LAWS_F_HEADS: [&str; 4] = [
    "一、本年新收",
    "一、本年新收  4 1 0 0 0 0 5\n",
    "（本列",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n",
];

/// The total row, after which the table ends.
const TOTAL: &str = "\n（七）总计  1 1 1 1 1 1 6\n";

/// An applications table's header line (applicant kinds, tab-separated).
const HEADER: &str =
    "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";

/// laws-w's twenty pieces.
const LAWS_W_PIECES: [&str; 20] = [
    "\n",
    "\t",
    " ",
    "|",
    "。",
    "0",
    "3 ",
    "  1 2 3 4 5 6 7",
    "1 2 3 4 5 6 7",
    "0000000",
    "2.",
    "\t|\t",
    "（三）不予公开",
    "（五）不予处理",
    "不予处理",
    "重复申请0 ",
    "\n\n",
    "7",
    "（一）予以公开",
    "\t0",
];

/// laws-w's sweep (laws-f's random sweep rebuilt): twenty pieces, one or
/// two of them, four table starts, a total row or nothing after.
pub(crate) const LAWS_W: Sweep = Sweep {
    pieces: &LAWS_W_PIECES,
    heads: &LAWS_F_HEADS,
    tails: &["", TOTAL],
    most: 2,
};

/// `a` then `b`, as one array (`C` = `A + B`).
const fn concat<const A: usize, const B: usize, const C: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
) -> [&'static str; C] {
    assert!(A + B == C);
    let mut out = [""; C];
    let mut i = 0;
    while i < C {
        out[i] = if i < A { a[i] } else { b[i - A] };
        i += 1;
    }
    out
}

/// laws-w's twenty pieces and twelve more: fused digits before a marker,
/// digit markers (`7.`, `1.`, `57.`) and section and group markers, a group
/// label with its text cut, empty fields, blank lines, a row of figures on a
/// line of its own and a table header line.
const WIDE_PIECES: [&str; 32] = concat(LAWS_W_PIECES, MORE_PIECES);

/// The twelve pieces the wider sweep adds to laws-w's.
const MORE_PIECES: [&str; 12] = [
    "00000002.",
    "7.",
    "1.",
    "57.",
    "四、",
    "（四）无法提供",
    "（二）",
    "\t\t",
    "\n\n\n",
    "  0 0 0 0 0 0 0\n",
    "\n申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n",
    "。\n",
];

/// laws-x's wider sweep: thirty-two pieces, one to three of them; laws-f's
/// four table starts and a table header line; a total row, nothing, a
/// paragraph or the next section's head after.
pub(crate) const WIDE: Sweep = Sweep {
    pieces: &WIDE_PIECES,
    heads: &[
        LAWS_F_HEADS[0],
        LAWS_F_HEADS[1],
        LAWS_F_HEADS[2],
        LAWS_F_HEADS[3],
        HEADER,
    ],
    tails: &[
        TOTAL,
        "",
        "\n本机关将继续做好政府信息公开工作。\n",
        "\n四、政府信息公开行政复议、行政诉讼情况\n",
    ],
    most: 3,
};

impl Sweep {
    /// `count` inputs; `seed` fixes them.
    pub(crate) fn inputs(&self, count: usize, seed: u64) -> Vec<String> {
        use ogi_report::model::{AppRow, Format, Key};
        let mut labels: Vec<&str> = [Format::V2019, Format::V2021]
            .into_iter()
            .flat_map(AppRow::template)
            .map(Key::label)
            .collect();
        labels.sort_unstable();
        labels.dedup();
        let mut state = seed;
        let mut next = |n: usize| {
            // splitmix64
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % n as u64) as usize
        };
        (0..count)
            .map(|_| {
                let chars: Vec<char> = labels[next(labels.len())].chars().collect();
                let cut = 1 + next(chars.len() - 1);
                let mut parts = [String::new(), String::new(), String::new()];
                for _ in 0..1 + next(self.most) {
                    parts[next(3)].push_str(self.pieces[next(self.pieces.len())]);
                }
                let [before, inside, after] = parts;
                let a: String = chars[..cut].iter().collect();
                let b: String = chars[cut..].iter().collect();
                let head = self.heads[next(self.heads.len())];
                let tail = self.tails[next(self.tails.len())];
                format!("{head}{before}{a}{inside}{b}{after}{tail}")
            })
            .collect()
    }
}

/// The inputs of `inputs` that break a law, each with the first line of why.
pub(crate) fn failures(inputs: &[String]) -> Vec<(&String, String)> {
    inputs
        .iter()
        .filter_map(|x| {
            laws(x)
                .err()
                .map(|e| (x, e.lines().next().unwrap_or("").to_string()))
        })
        .collect()
}

/// The seeds of the full wider sweep, 5–100 (`OGI_SWEEP_SEEDS=1,2,3` picks
/// others).
fn wide_seeds() -> Vec<u64> {
    std::env::var("OGI_SWEEP_SEEDS")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| (5..=100).collect())
}

/// The full wider sweep: 6000 inputs for each of a few seeds (5–100 unless
/// `OGI_SWEEP_SEEDS` names others: 1–4 are [`laws_x_wide_sweep`]'s). None
/// of the 216,000 inputs of 5–40 breaks a law since laws-c15c and laws-c15d
/// (4 did at 992a153), none of the 360,000 of 41–100 since laws-z11 and
/// laws-z12 (7 did at 9404aab; seeds 101–120: 7 of 120,000 at a7db1e9, see
/// docs/roundtrip.md); prints every input that breaks a law and the counts.
#[test]
#[ignore = "96 × 6000 inputs of seeds 5–100 (~8 min debug): run with --ignored --nocapture"]
fn laws_x_wide_sweep_full() {
    let mut total = 0;
    for seed in wide_seeds() {
        let inputs = WIDE.inputs(6000, seed);
        let fails = failures(&inputs);
        for (x, why) in &fails {
            eprintln!("FAIL seed {seed} {x:?} {why}");
        }
        let converge = fails
            .iter()
            .filter(|(_, why)| why.contains("converge"))
            .count();
        eprintln!(
            "seed {seed}: {} of {} fail ({converge} do not converge)",
            fails.len(),
            inputs.len()
        );
        total += fails.len();
    }
    assert_eq!(total, 0);
}

/// The wider sweep, 6000 inputs for each of seeds 1–4, none of which breaks
/// a law since laws-z2 (48 at 0433985; other seeds:
/// [`laws_x_wide_sweep_full`]).
#[test]
fn laws_x_wide_sweep() {
    for seed in 1..=4 {
        assert_all_laws(&WIDE.inputs(6000, seed));
    }
}
