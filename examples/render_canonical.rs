//! Builds a report in code and prints its canonical text.
//!
//! ```text
//! cargo run --example render_canonical
//! ```

use ogi_report::model::{
    Block, Heading, Paragraph, Report, Section, SectionKind, Span, Subsection,
};

fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        text: text.into(),
        span: Span::default(),
    })
}

fn section(number: u32, title: &str, kind: SectionKind, blocks: Vec<Block>) -> Section {
    let numeral = ["一", "二", "三", "四", "五", "六"][number as usize - 1];
    Section {
        number,
        heading: Heading {
            raw: format!("{numeral}、{title}").into(),
            title: title.into(),
            span: Span::default(),
        },
        kind,
        blocks,
        span: Span::default(),
    }
}

fn main() {
    let mut report = Report {
        preamble: vec![para("示例镇人民政府2024年政府信息公开工作年度报告")],
        sections: vec![
            section(
                1,
                "总体情况",
                SectionKind::Overview,
                vec![
                    para("2024年，示例镇认真贯彻落实《中华人民共和国政府信息公开条例》。"),
                    Block::Subsection(Subsection {
                        marker: "（一）".into(),
                        title: Some("主动公开。".into()),
                        blocks: vec![para("全年主动公开政府信息120条。")].into(),
                        span: Span::default(),
                        head: Span::default(),
                    }),
                ],
            ),
            section(
                2,
                "其他需要报告的事项",
                SectionKind::OtherMatters,
                vec![para("无。")],
            ),
        ],
        ..Report::default()
    };
    let text = report.render();
    // derive format, metadata and findings from the text, as parse does
    report.refresh(&text);
    print!("{text}");
    eprintln!(
        "year {:?}, organ {:?}, format {}",
        report.meta.year,
        report.meta.organ,
        report.format.key()
    );
    assert_eq!(
        ogi_report::parse(&text).expect("parses"),
        report,
        "the canonical text reads back"
    );
}
