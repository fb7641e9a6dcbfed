use super::*;

#[test]
fn unborrowed_lists_keep_their_room() {
    let text = String::from("规章  3\n规范性文件  1\n");
    let mut lines: Vec<(usize, &str)> = Vec::with_capacity(37);
    lines.extend([(0, &text[..9]), (10, &text[10..])]);
    let kept: Vec<(usize, &'static str)> = unborrowed(lines);
    assert!(kept.is_empty());
    assert_eq!(kept.capacity(), 37);
    // the buffers of a classifier, after a region of the text
    let mut buf = Buffers::default();
    let (c, _) = classify(&pieces(&text), &mut buf);
    assert_eq!(c.lines.len(), 2);
    let (nl, nw) = (buf.lines.capacity(), buf.words.capacity());
    assert!(nl >= LINES && nw >= LINES * 12);
    let spare = buf.unborrowed(1 << 12);
    assert!(spare.lines.is_empty() && spare.words.is_empty());
    assert_eq!((spare.lines.capacity(), spare.words.capacity()), (nl, nw));
    // a list grown past the bound is not kept
    let spare = spare.unborrowed(nl);
    assert_eq!((spare.lines.capacity(), spare.words.capacity()), (nl, 0));
    let spare = spare.unborrowed(nl - 1);
    assert_eq!((spare.lines.capacity(), spare.words.capacity()), (0, 0));
}

/// The lines of `text`, each with its byte offset.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut at = 0;
    text.split('\n')
        .map(|l| {
            let s = at;
            at += l.len() + 1;
            (s, l)
        })
        .collect()
}

fn texts(g: &Grid) -> Vec<Vec<&str>> {
    g.rows()
        .iter()
        .map(|r| r.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

#[test]
fn majority_layout_and_page_rows() {
    let g = region(&[
        (0, "规章\t1\t0"),
        (10, "- 2 -"),
        (20, "行政许可\t3\t4"),
        (40, "注 1"),
    ]);
    assert_eq!(g.row_kind(1), RowKind::PageNumber);
    assert_eq!(g.rows()[0].len(), 3);
    assert_eq!(g.rows()[3].len(), 2);
    assert_eq!(g.layout(), Layout::Tabs);
    assert_eq!(g.span(), Some(0..45));
    // one tab row among rows of words: each read by its own builder
    let g = region(&[(0, "规章\t1\t0"), (10, "行政许可 3 4"), (30, "其他 1 2")]);
    assert_eq!(g.layout(), Layout::Mixed);
    assert_eq!(g.rows()[1].len(), 3);
}

#[test]
fn space_aligned_text_is_read_in_columns_page_by_page() {
    let text = "信息内容   本年制发   本年废止\n\
                规章          1          0\n\
                \n\
                规范性文件               2\n\
                \x20                -2-\n\
                其他     3     4";
    let g = region(&pieces(text));
    assert_eq!(g.layout(), Layout::Columns);
    assert_eq!(
        texts(&g),
        vec![
            vec!["信息内容", "本年制发", "本年废止"],
            vec!["规章", "1", "0"],
            vec!["规范性文件", "", "2"],
            vec!["-2-"],
            // the next page is laid out anew
            vec!["其他", "3", "4"],
        ]
    );
    assert_eq!(g.row_kind(3), RowKind::PageNumber);
    assert_eq!(g.span(), Some(0..text.len()));
}

#[test]
fn blank_separated_cells_and_crawler_runs() {
    let text = "规章\n\n本年制发\n件数\n\n3\n\n- 2 -\n\n0";
    let g = region(&pieces(text));
    assert_eq!(g.layout(), Layout::BlankSeparated);
    assert_eq!(
        texts(&g),
        vec![
            vec!["规章"],
            vec!["本年制发件数"],
            vec!["3"],
            vec!["- 2 -"],
            vec!["0"]
        ]
    );
    assert_eq!(g.row_kind(3), RowKind::PageNumber);
    // runs of words on consecutive lines: flow words
    let g = region(&pieces("规章 1 0\n行政许可 3 4"));
    assert_eq!(g.layout(), Layout::Flow);
    assert_eq!(
        texts(&g),
        vec![vec!["规章", "1", "0"], vec!["行政许可", "3", "4"]]
    );
}

#[test]
fn lines_looked_at_past_the_region_leave_no_mark() {
    // region assembly pushes the line that ends the region (and blank
    // lines before it), then drops them: the grid is that of the
    // region's lines alone, whatever the layout
    for text in [
        "规章\t1\t0\n行政许可\t3\t4\n\n注：说明\n其他\t1\t2",
        "规章\n\n本年制发\n\n3\n下一段文字",
        "信息内容   本年制发   本年废止\n规章          1          0\n\n第三段",
        "规章 1 0\n行政许可 3 4\n- 2 -\n其他 5 6",
    ] {
        let lines = pieces(text);
        for n in 1..=lines.len() {
            let mut buf = Buffers::default();
            let mut c = Classifier::new(&mut buf);
            let mut kept = 0;
            for (k, &(start, raw)) in lines.iter().enumerate() {
                c.push(start, raw);
                if k < n {
                    kept = c.len();
                }
            }
            c.truncate(kept);
            let (rows, words) = c.finish();
            assert_eq!(region_of(rows, words), region(&lines[..n]), "{text:?} {n}");
        }
    }
}

#[test]
fn generic_one_cell_per_line() {
    let g = generic(&[(0, "项目"), (7, "数量"), (14, "1")]);
    assert_eq!(g.layout(), Layout::Lines);
    assert_eq!(g.height(), 3);
}
