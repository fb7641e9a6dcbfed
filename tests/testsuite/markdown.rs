//! Converter markdown (`ogi_report::parse_markdown`): the three
//! `*.pymupdf4llm.md` files of the corpus against the figures read by hand,
//! and the fixtures of `tests/fixtures/markdown/`, one per layout pattern.

use ogi_report::Report;

use crate::corpus::check_figures;
use crate::util::shared_dir;

/// Parses converter markdown and checks that nothing was lost.
pub fn parse_md(text: &str) -> Report {
    let r = ogi_report::parse_markdown(text).expect("parse_markdown");
    if let Err(e) = ogi_report::lossless::check(text, &r) {
        let at = match &e {
            ogi_report::lossless::LossError::Lost { offset, .. }
            | ogi_report::lossless::LossError::Overlap { offset, .. } => *offset,
            ogi_report::lossless::LossError::BadSpan { start, .. } => *start,
        };
        let p = ogi_report::Position::of(text, at);
        panic!("nothing-lost check failed: {e} at {}:{}", p.line, p.column);
    }
    r
}

fn load_md(name: &str) -> (String, Report) {
    let p = shared_dir().join("corpus/real/pdf").join(name);
    let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let text = String::from_utf8(bytes).expect("utf-8");
    let r = parse_md(&text);
    (text, r)
}

#[test]
fn pdf_converter_markdown_matches_the_figures_read_by_hand() {
    for (file, expected) in [
        ("hzq2023.pymupdf4llm.md", "hzq2023"),
        ("hzq2024.pymupdf4llm.md", "hzq2024"),
        ("szfgs2024.pymupdf4llm.md", "szfgs2024"),
    ] {
        let (_, r) = load_md(file);
        check_figures(file, &r, expected, true);
    }
}

#[test]
fn converter_markdown_is_recognised_by_content() {
    for file in [
        "hzq2023.pymupdf4llm.md",
        "hzq2024.pymupdf4llm.md",
        "szfgs2024.pymupdf4llm.md",
    ] {
        let bytes = std::fs::read(shared_dir().join("corpus/real/pdf").join(file)).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap();
        assert!(
            ogi_report::input::markdown::is_converter_markdown(text),
            "{file}"
        );
        // parse_bytes takes the markdown path
        let r = ogi_report::parse_bytes(&bytes).unwrap();
        assert_eq!(r, parse_md(text), "{file}");
    }
    for f in crate::corpus::corpus_files() {
        let bytes = std::fs::read(&f).unwrap();
        let (text, _) = ogi_report::decode::decode(&bytes).unwrap();
        assert!(
            !ogi_report::input::markdown::is_converter_markdown(&text),
            "{} is no markdown",
            f.display()
        );
    }
}

mod props {
    use proptest::prelude::*;

    /// Pieces converter markdown is made of, real and broken.
    const TOKENS: &[&str] = &[
        "|",
        "|",
        "|",
        "||",
        "|---|---|",
        "---",
        ":---:",
        "\n",
        "\n",
        "\n",
        "\r\n",
        "\n\n",
        " ",
        "<br>",
        "<BR/>",
        "**",
        "__",
        "#",
        "## ",
        "### ",
        "- 3 -",
        "第 2 页",
        "一、",
        "1.",
        "2、",
        "（三）",
        "三",
        "、",
        "本",
        "年",
        "21",
        "0",
        "7730.28",
        "-",
        "—",
        "\\|",
        "第二十条第（一）项",
        "信息内容",
        "规章",
        "行政复议",
        "结果<br>维持",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "一、本年新收政府信息",
        "公开申请数量",
        "（七）总计",
        "数据1",
        "总计",
        "22（其中修订16件）",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "。",
        "\t",
        "\u{3000}",
    ];

    fn markdown() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn any_markdown_parses_with_nothing_lost(md in markdown()) {
            super::parse_md(&md);
        }

        #[test]
        fn rows_of_a_real_table_in_any_order_lose_nothing(
            rows in prop::collection::vec(prop::sample::select(REAL_ROWS), 1..30)
        ) {
            let md = format!("## 三、收到和处理政府信息公开申请情况\n\n{}", rows.concat());
            super::parse_md(&md);
        }
    }

    /// Rows of the corpus markdown, each with its line end.
    const REAL_ROWS: &[&str] = &[
        "|（本列数据的勾稽关系<br>于第三项加第四项之和|为：第一项加第二项之和，等<br>）<br>|自然人|商业<br>企业|申<br>法人<br>科研<br>机构|其他|总计|\n",
        "|---|---|---|---|---|---|---|---|---|\n",
        "|一、本年新收政府信息|公开申请数量|21|0|0|0|0|0|21|\n",
        "|（二）部分公开（区<br>计其他情形）|分处理的，只计这一情形，不|4|0|0|0|0|0|4|\n",
        "||1.属于国家秘密|1|0|0|0|0|0|1|\n",
        "|三<br>、<br><br>|3.危及“三安全一稳定”|0|0|0|0|0|0|0|\n",
        "|本<br>年<br><br>（三）不予公开<br>|4.保护第三方合法权益|0|0|0|0|0|0|0|\n",
        "|三、<br>1.属于国家秘密|2|0|0|0|0|0|2|\n",
        "|办<br><br>（三）不<br>4.保护第三方合法权益|6|0|0|0|0|0|6|\n",
        "|1、申请人无正当理由逾期不补||||||||\n",
        "|正、行政机关不再处理其政府信<br>息公开申请|67|3|0|0|1|0|71|\n",
        "|（五）理<br>|3.要求提供公开出版物|0|0|0|0|0|0|0|\n",
        "\n- 3 - \n\n",
        "\n\n",
        "### 三、本年度办理结果\n",
        "第二十条第（六）项 \n",
        "|||||||\n",
        "|-|-|-|\n",
        "|10|1|0|0|0|0|0|0|0|0|5|0|0|0|0|\n",
        "|||行政复议|||||||行政|诉讼|||||\n",
        "不带管道的|单元格|3\n",
    ];
}
