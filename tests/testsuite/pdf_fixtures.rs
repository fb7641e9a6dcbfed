//! Small PDFs written in the test, with a CJK TrueType font from Debian's
//! `fonts-droid-fallback` embedded (`.ci/steps/05-fonts.sh` installs it):
//! each table layout behaviour of the PDF reader has its own test.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Object, Stream, dictionary};
use ogi_report::Format;
use ogi_report::model::AppRow;

use crate::corpus::app_row;

/// The fonts' Debian paths: a CJK font (which has no Latin digits) and a
/// Latin one, as WPS output mixes them.
const FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];

/// Text placed on a page: (x, baseline y, size, text).
type Placed = (f64, f64, f64, String);

/// One embedded font and the glyphs used of it.
struct EmbeddedFont {
    data: Vec<u8>,
    used: BTreeMap<u16, (char, i64)>,
}

/// Writes a PDF of `pages`, each font embedded as a CID TrueType font
/// (Identity-H, glyph ids as codes, a `ToUnicode` map), as WPS does; a
/// character the CJK font lacks is shown with the Latin one.
fn write_pdf(pages: &[Vec<Placed>]) -> Vec<u8> {
    write_pdf_with(pages, &[])
}

/// Like [`write_pdf`], each page's content stream starting with the path
/// operators of `paths` (ruling lines), when given.
fn write_pdf_with(pages: &[Vec<Placed>], paths: &[String]) -> Vec<u8> {
    let mut fonts: Vec<EmbeddedFont> = FONTS
        .iter()
        .map(|f| EmbeddedFont {
            data: std::fs::read(f).unwrap_or_else(|e| {
                panic!("{f}: {e} (apt-get install fonts-droid-fallback fonts-dejavu-core; .ci/steps/05-fonts.sh does)")
            }),
            used: BTreeMap::new(),
        })
        .collect();
    let mut contents: Vec<String> = Vec::new();
    {
        let faces: Vec<ttf_parser::Face<'_>> = fonts
            .iter()
            .map(|f| ttf_parser::Face::parse(&f.data, 0).unwrap())
            .collect();
        let mut used: Vec<BTreeMap<u16, (char, i64)>> = vec![BTreeMap::new(); faces.len()];
        for (pi, p) in pages.iter().enumerate() {
            let mut c = paths.get(pi).cloned().unwrap_or_default();
            for (x, y, size, text) in p {
                c.push_str(&format!("BT 1 0 0 1 {x:.2} {y:.2} Tm\n"));
                let mut cur: Option<usize> = None;
                let mut hex = String::new();
                for ch in text.chars() {
                    let (fi, gid) = faces
                        .iter()
                        .enumerate()
                        .find_map(|(i, f)| f.glyph_index(ch).map(|g| (i, g)))
                        .unwrap_or_else(|| panic!("no glyph for {ch}"));
                    if cur != Some(fi) {
                        if !hex.is_empty() {
                            c.push_str(&format!("<{hex}> Tj\n"));
                            hex.clear();
                        }
                        c.push_str(&format!("/F{} {size} Tf\n", fi + 1));
                        cur = Some(fi);
                    }
                    let upem = f64::from(faces[fi].units_per_em());
                    let w = faces[fi].glyph_hor_advance(gid).unwrap_or(0);
                    used[fi].insert(gid.0, (ch, (f64::from(w) * 1000.0 / upem).round() as i64));
                    hex.push_str(&format!("{:04X}", gid.0));
                }
                if !hex.is_empty() {
                    c.push_str(&format!("<{hex}> Tj\n"));
                }
                c.push_str("ET\n");
            }
            contents.push(c);
        }
        for (f, u) in fonts.iter_mut().zip(used) {
            f.used = u;
        }
    }
    let mut doc = lopdf::Document::with_version("1.5");
    let mut font_dict = Dictionary::new();
    for (i, f) in fonts.iter().enumerate() {
        let id = embed(&mut doc, f, i);
        font_dict.set(format!("F{}", i + 1), id);
    }
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for c in contents {
        let content = doc.add_object(Stream::new(Dictionary::new(), c.into_bytes()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => content,
            "Resources" => dictionary! { "Font" => font_dict.clone() },
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    doc.compress();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// Adds one font (program, descriptor, CID font, `ToUnicode`, Type0) and
/// returns the Type0 font's id.
fn embed(doc: &mut lopdf::Document, f: &EmbeddedFont, i: usize) -> lopdf::ObjectId {
    let name = format!("Embedded{i}");
    let mut file = Stream::new(
        dictionary! { "Length1" => f.data.len() as i64 },
        f.data.clone(),
    );
    file.allows_compression = false;
    let file_id = doc.add_object(file);
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => name.as_str(),
        "Flags" => 4,
        "FontBBox" => vec![0.into(), (-200).into(), 1000.into(), 900.into()],
        "ItalicAngle" => 0,
        "Ascent" => 880,
        "Descent" => -120,
        "CapHeight" => 700,
        "StemV" => 80,
        "FontFile2" => file_id,
    });
    let mut w = Vec::new();
    for (gid, (_, width)) in &f.used {
        w.push(Object::Integer(i64::from(*gid)));
        w.push(Object::Array(vec![Object::Integer(*width)]));
    }
    let cid = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => name.as_str(),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 1000,
        "W" => w,
        "CIDToGIDMap" => "Identity",
    });
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<_> = f.used.iter().collect();
    for part in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", part.len()));
        for (gid, (c, _)) in part {
            let mut buf = [0u16; 2];
            let units: String = c
                .encode_utf16(&mut buf)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{gid:04X}> <{units}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), cmap.into_bytes()));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => name.as_str(),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid.into()],
        "ToUnicode" => to_unicode,
    })
}

/// The applications rows of the 2021 template: (group at the left edge,
/// group in the second column, row label or None for a group-only line).
const ROWS: &[(&str, bool)] = &[
    ("一、本年新收政府信息公开申请数量", true),
    ("二、上年结转政府信息公开申请数量", true),
    ("（一）予以公开", true),
    (
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        true,
    ),
    ("（三）不予公开", false),
    ("1.属于国家秘密", true),
    ("2.其他法律行政法规禁止公开", true),
    ("3.危及“三安全一稳定”", true),
    ("4.保护第三方合法权益", true),
    ("5.属于三类内部事务信息", true),
    ("6.属于四类过程性信息", true),
    ("7.属于行政执法案卷", true),
    ("8.属于行政查询事项", true),
    ("（四）无法提供", false),
    ("1.本机关不掌握相关政府信息", true),
    ("2.没有现成信息需要另行制作", true),
    ("3.补正后申请内容仍不明确", true),
    ("（五）不予处理", false),
    ("1.信访举报投诉类申请", true),
    ("2.重复申请", true),
    ("3.要求提供公开出版物", true),
    ("4.无正当理由大量反复申请", true),
    ("5.要求行政机关确认或重新出具已获取信息", true),
    ("（六）其他处理", false),
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        true,
    ),
    (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        true,
    ),
    ("3.其他", true),
    ("（七）总计", true),
    ("四、结转下年度继续办理", true),
];

/// What a fixture varies.
#[derive(Default, Clone, Copy)]
struct Layout {
    /// Row labels longer than this many characters wrap onto a second
    /// line, the figures centred between the two (default 19: the long
    /// labels of the template would run into the figures).
    wrap: Option<usize>,
    /// `三、本年度办理结果` written one character per line.
    vertical: bool,
    /// The table goes on on a second page after this many rows.
    split: Option<usize>,
    /// The cell (number row, column) left empty.
    empty: Option<(usize, usize)>,
    /// The column whose cells are all empty.
    empty_column: Option<usize>,
    /// Narrow columns (20 pt) of three-digit figures, right-aligned: the
    /// figures of neighbouring columns nearly touch.
    narrow: bool,
    /// Vertical ruling lines drawn between the columns.
    rules: bool,
}

impl Layout {
    /// The figure printed in (number row, column).
    fn value(&self, row: usize, col: usize) -> i64 {
        if self.narrow {
            100 + ((row * 37 + col * 11) % 900) as i64
        } else {
            ((row * 7 + col * 3) % 11) as i64
        }
    }

    /// True when the cell is printed.
    fn printed(&self, row: usize, col: usize) -> bool {
        self.empty != Some((row, col)) && self.empty_column != Some(col)
    }

    /// The left edges of the column cells and the right edge of the last.
    fn bounds(&self) -> Vec<f64> {
        let pitch = if self.narrow { 20.0 } else { 32.0 };
        (0..=7).map(|k| 326.0 + pitch * k as f64).collect()
    }

    /// Where the figure of column `col` starts.
    fn figure_x(&self, col: usize, text: &str) -> f64 {
        let b = self.bounds();
        if self.narrow {
            // right-aligned, 1 pt from the rule (DejaVu digits: 0.636 em)
            b[col + 1] - 1.0 - 0.636 * SIZE * text.len() as f64
        } else {
            b[col] + 4.0
        }
    }
}

/// The column headings, bottom-most cells: (text, characters per line).
const HEADINGS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];
const SIZE: f64 = 10.0;

/// The header of the applications table: each heading in its column's
/// cell, wrapped two characters a line (9 pt in narrow columns), the
/// spanning headings above.
fn header(l: &Layout) -> Vec<Placed> {
    let t = |x: f64, y: f64, s: f64, text: &str| (x, y, s, text.to_string());
    let b = l.bounds();
    let mut out = vec![
        t(b[0] + 40.0, 690.0, SIZE, "申请人情况"),
        t(b[1] + 20.0, 675.0, SIZE, "法人或其他组织"),
    ];
    let size = if l.narrow { 9.0 } else { SIZE };
    for (k, h) in HEADINGS.iter().enumerate() {
        let chars: Vec<char> = h.chars().collect();
        for (i, part) in chars.chunks(2).enumerate() {
            let part: String = part.iter().collect();
            out.push(t(b[k] + 1.0, 660.0 - 12.0 * i as f64, size, &part));
        }
    }
    out
}

/// Vertical rules at the column bounds and left of the labels, from the
/// header's top to `bottom`: stroked lines, and the outer ones as thin
/// filled rectangles (both as WPS draws them).
fn rules(l: &Layout, bottom: f64) -> String {
    let mut c = String::from("q 0.5 w 0 0 0 RG 0 0 0 rg\n");
    let b = l.bounds();
    c.push_str(&format!("15 {bottom:.2} 0.6 {:.2} re f\n", 700.0 - bottom));
    for x in &b[..7] {
        c.push_str(&format!("{x:.2} 700 m {x:.2} {bottom:.2} l S\n"));
    }
    c.push_str(&format!(
        "{:.2} {bottom:.2} 0.6 {:.2} re f\n",
        b[7],
        700.0 - bottom
    ));
    // horizontal rules above the header and below the table
    c.push_str(&format!("15 700 m {:.2} 700 l S\n", b[7]));
    c.push_str(&format!(
        "15 {bottom:.2} m {:.2} {bottom:.2} l S\nQ\n",
        b[7]
    ));
    c
}

/// A 2021 report whose applications table is laid out as `l` says.
fn report_pdf(l: Layout) -> Vec<u8> {
    let t = |x: f64, y: f64, s: f64, text: &str| (x, y, s, text.to_string());
    let mut pages: Vec<Vec<Placed>> = vec![vec![
        t(
            150.0,
            790.0,
            16.0,
            "青石镇人民政府2023年政府信息公开工作年度报告",
        ),
        t(60.0, 760.0, 12.0, "一、总体情况"),
        t(84.0, 740.0, 12.0, "本年度，本镇依法公开政府信息。"),
        t(60.0, 715.0, 12.0, "三、收到和处理政府信息公开申请情况"),
    ]];
    pages[0].extend(header(&l));
    let mut y = 620.0;
    let mut n = 0; // number rows so far
    let mut vertical_top = None;
    let mut vertical_bottom = 0.0;
    for (label, numbers) in ROWS {
        if l.split == Some(n) && pages.len() == 1 {
            pages[0].push(t(290.0, 40.0, SIZE, "- 1 -"));
            pages.push(Vec::new());
            y = 780.0;
        }
        let x = if label.starts_with(['一', '二', '三', '四']) {
            20.0
        } else if label.starts_with('（') {
            50.0
        } else {
            130.0
        };
        if !numbers {
            // a group label, centred beside the rows below it
            pages
                .last_mut()
                .unwrap()
                .push(t(x, y - 0.45 * 18.0, SIZE, label));
            continue;
        }
        if n == 2 && vertical_top.is_none() && !l.vertical {
            pages
                .last_mut()
                .unwrap()
                .push(t(20.0, y, SIZE, "三、本年度办理结果"));
            y -= 18.0;
        }
        if n == 2 {
            vertical_top = Some(y);
        }
        if (2..=27).contains(&n) {
            vertical_bottom = y;
        }
        let page = pages.last_mut().unwrap();
        let chars: Vec<char> = label.chars().collect();
        let wrap = l.wrap.unwrap_or(19);
        let parts: Vec<String> = chars.chunks(wrap).map(|c| c.iter().collect()).collect();
        // the lines of a wrapped label, centred on the figures
        let pitch = 12.0;
        let half = pitch * (parts.len() as f64 - 1.0) / 2.0;
        y -= half;
        let top = y + half;
        for (i, part) in parts.iter().enumerate() {
            page.push(t(x, top - pitch * i as f64, SIZE, part));
        }
        for c in 0..7 {
            if l.printed(n, c) {
                let v = l.value(n, c).to_string();
                page.push(t(l.figure_x(c, &v), y, SIZE, &v));
            }
        }
        y -= 18.0 + half;
        n += 1;
    }
    if l.vertical {
        // 三、本年度办理结果, one character per line, centred on its rows
        let top = vertical_top.unwrap();
        let chars: Vec<char> = "三、本年度办理结果".chars().collect();
        let step = 16.0;
        let mid = (top + vertical_bottom) / 2.0;
        let start = mid + step * (chars.len() as f64 - 1.0) / 2.0;
        for (i, c) in chars.iter().enumerate() {
            pages[0].push(t(6.0, start - step * i as f64, SIZE, &c.to_string()));
        }
    }
    let last = pages.last_mut().unwrap();
    last.push(t(
        60.0,
        y - 20.0,
        12.0,
        "四、政府信息公开行政复议、行政诉讼情况",
    ));
    let page_no = format!("- {} -", pages.len());
    pages
        .last_mut()
        .unwrap()
        .push(t(290.0, 40.0, SIZE, &page_no));
    if l.rules && pages.len() == 1 {
        write_pdf_with(&pages, &[rules(&l, y + 8.0)])
    } else {
        write_pdf(&pages)
    }
}

/// Every figure of the applications table is where it was written.
fn check_applications(pdf: &[u8], l: &Layout) -> ogi_report::input::pdf::Extracted {
    let e = ogi_report::input::pdf::extract(pdf).unwrap();
    let r = ogi_report::parse_pdf(pdf).unwrap();
    let keys = AppRow::template(Format::V2021);
    assert_eq!(keys.len(), ROWS.iter().filter(|r| r.1).count());
    for (n, key) in keys.iter().enumerate() {
        let want: Vec<Option<i64>> = (0..7)
            .map(|c| l.printed(n, c).then(|| l.value(n, c)))
            .collect();
        assert_eq!(app_row(&r, *key), want, "{key}\n{}", e.text);
    }
    e
}

#[test]
fn pdf_fixture_plain_table() {
    let e = check_applications(&report_pdf(Layout::default()), &Layout::default());
    assert_eq!(e.tables.len(), 1, "{}", e.text);
}

#[test]
fn pdf_fixture_wrapped_label_stays_one_label() {
    let layout = Layout {
        wrap: Some(12),
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(layout), &layout);
    assert!(
        e.text
            .contains("\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t"),
        "{}",
        e.text
    );
    assert!(
        e.text
            .contains("\n5.要求行政机关确认或重新出具已获取信息\t"),
        "{}",
        e.text
    );
    assert!(
        e.text.contains("\n二、上年结转政府信息公开申请数量\t"),
        "{}",
        e.text
    );
}

#[test]
fn pdf_fixture_table_split_over_two_pages_is_one_table() {
    let layout = Layout {
        split: Some(12),
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(layout), &layout);
    assert_eq!(e.tables.len(), 1, "{}", e.text);
    // the page number of the first page is kept, after the table
    let t = e.tables[0].span().unwrap();
    let pn = e.text.find("- 1 -").unwrap();
    assert!(pn >= t.end, "{}", e.text);
    assert_eq!(e.page_at(pn), Some(1));
}

#[test]
fn pdf_fixture_vertical_group_label() {
    let layout = Layout {
        vertical: true,
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(layout), &layout);
    assert!(e.text.contains("\n三、本年度办理结果\n"), "{}", e.text);
    // no row label took a character of it
    for row in e.tables[0].rows() {
        let label = &row[0].text;
        assert!(!label.contains("本年度办理") || row.len() == 1, "{label}");
    }
}

#[test]
fn pdf_fixture_empty_cell_stays_empty() {
    let layout = Layout {
        empty: Some((3, 2)),
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(layout), &layout);
    let wrapped = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    let line = e.text.lines().find(|l| l.starts_with(wrapped)).unwrap();
    assert_eq!(line.split('\t').count(), 8, "{line}");
    assert_eq!(line.split('\t').nth(3), Some(""), "{line}");
}

#[test]
fn pdf_fixture_empty_column_exists_because_its_header_does() {
    // the first, a middle and the last column with no figure at all
    for col in [0, 3, 6] {
        let layout = Layout {
            empty_column: Some(col),
            ..Layout::default()
        };
        let e = check_applications(&report_pdf(layout), &layout);
        assert_eq!(e.tables.len(), 1, "{}", e.text);
        let line = e
            .text
            .lines()
            .find(|l| l.starts_with("（一）予以公开\t"))
            .unwrap();
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 8, "{line}");
        assert_eq!(fields[col + 1], "", "{line}");
    }
}

#[test]
fn pdf_fixture_empty_column_on_both_pages_of_a_split_table() {
    // the part on the second page has no header: it takes the columns of
    // the part above
    let layout = Layout {
        empty_column: Some(4),
        split: Some(12),
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(layout), &layout);
    assert_eq!(e.tables.len(), 1, "{}", e.text);
}

#[test]
fn pdf_fixture_ruling_lines_keep_narrow_columns_apart() {
    // figures of neighbouring columns 0.9 pt apart: only the rules drawn
    // between the columns tell them apart
    let ruled = Layout {
        narrow: true,
        rules: true,
        ..Layout::default()
    };
    let e = check_applications(&report_pdf(ruled), &ruled);
    assert_eq!(e.tables.len(), 1, "{}", e.text);

    // the same page without the rules reads without error, nothing lost,
    // but cannot tell the columns apart
    let bare = Layout {
        rules: false,
        ..ruled
    };
    let pdf = report_pdf(bare);
    let e = ogi_report::input::pdf::extract(&pdf).unwrap();
    let r = e.parse().unwrap();
    ogi_report::lossless::check(&e.text, &r).unwrap();
    let key = AppRow::template(Format::V2021)[0];
    let want: Vec<Option<i64>> = (0..7).map(|c| Some(bare.value(0, c))).collect();
    assert_ne!(app_row(&r, key), want, "{}", e.text);
}
