//! laws-z15: the round-trip laws on the wider sweep's inputs of seeds
//! 201–260 (seeds 211, 213 and 251); see docs/roundtrip.md, section "laws-z15".

use crate::roundtrip_laws::{assert_laws, canonical};
use crate::roundtrip_laws_c15d::other_fragments as others;

// ---- laws-z15 ----

/// `x` with its line ends `\n` made `end` (`\r\n`, `\r`).
fn ends(x: &str, end: &str) -> String {
    x.replace('\n', end)
}

/// Seed 211 minimised: `四、\t02.` in an empty cell's place with `5.求`
/// glued after it. laws-z13's [Z13D] rule wrote the words glued (`四、02.`:
/// alone, `02.` at a field's end is the fused `0` and the label `2.`), which
/// the audit quotes otherwise than the source's `四、 02.`; but `02.` runs on
/// into `5.求`, written glued after it, and `02.5.求` is text: the words are
/// written apart (`render::table::fragments::put_fragment`, its `next`) and
/// read back as the same two fragments.
#[test]
fn laws_z15_words_apart_that_run_on_into_the_next_fragment_stay_apart() {
    let seed = "一、本年新收四、\t02.5.求\n";
    for x in [
        seed.to_string(),
        ends(seed, "\r\n"),
        ends(seed, "\r"),
        // minimised (no line end); other digits; a space; another head
        "一、本年新收四、\t02.5.求".to_string(),
        "一、本年新收四、\t03.6.求".to_string(),
        "一、本年新收四、 02.5.求\n".to_string(),
        "（本列四、\t02.5.求\n".to_string(),
    ] {
        assert_laws(&x);
    }
    let c1 = canonical(seed);
    assert!(c1.contains("\t四、 02.5.求\t"), "{c1:?}");
    assert_eq!(
        others(&c1),
        others(seed)
            .iter()
            .map(|f| f.replace('\t', " "))
            .collect::<Vec<_>>()
    );
    // seed 251: the fragment's last word runs on into `1.请数量` (other
    // text, not the row `1.`), written glued after it
    let seed_251 =
        "一、本年新收一、本年新收政府信息公开申\t02.1.请数量\n（七）总计  1 1 1 1 1 1 6\n";
    for x in [
        seed_251.to_string(),
        ends(seed_251, "\r\n"),
        ends(seed_251, "\r"),
    ] {
        assert_laws(&x);
    }
    assert!(canonical(seed_251).contains("申 02.1.请数量\t"));
    // laws-z13's seed 112 (no fragment after: the words stay glued)
    let z13 = "一、本年新收5.要求行政机 00000002.1.关确认或重新出具已获取信息";
    assert_laws(z13);
    assert!(canonical(z13).contains("5.要求行政机00000002."));
}

/// Seed 213: `稳定` stood as other text after `三安全`'s figures (after the
/// repeated label `2.重复申请` and a `0`); written as one more field after
/// the row's figures it reads back as the rest of the row's label
/// (`3.危及“三安全一稳定”`: `template::applications::continues_label`), and a
/// second render wrote the label `三安全稳定`. Such text is not written there
/// (`template::beside::label_rest`, asked by `render::table::fragments::place`),
/// and the audit no longer joins it to the label (`audit::labels`): the
/// source and the canonical text get the same `label.nonstandard` finding.
#[test]
fn laws_z15_other_text_that_would_continue_the_label_is_not_written_after_the_figures() {
    let header = "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";
    let seed = format!(
        "{header}重复申请0 3.危及“三安全一00000002.重复申请0 稳定”\n四、政府信息公开行政复议、行政诉讼情况\n"
    );
    for x in [
        seed.clone(),
        ends(&seed, "\r\n"),
        ends(&seed, "\r"),
        // minimised
        "申请人情况重复申请3三安全00000002.重复申请0稳定".to_string(),
        // other figures; more of the label's rest
        "申请人情况重复申请3三安全12345672.重复申请0稳定".to_string(),
        "申请人情况重复申请3三安全00000002.重复申请0一稳定".to_string(),
    ] {
        assert_laws(&x);
        let c1 = canonical(&x);
        assert!(!c1.contains("\t稳定"), "{x:?}: {c1:?}");
    }
}
