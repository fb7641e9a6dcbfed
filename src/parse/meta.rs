//! Metadata: title, organ, year, period, dates, contacts; and the format.
//!
//! Everything here is derived from the blocks (and the source text they
//! point into), so a report rebuilt from its rendered text derives the same
//! metadata.

use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::char;
use nom::combinator::{map_res, opt};

use crate::model::keys::{AdField, AppRow};
use crate::model::{
    Block, Contacts, Format, Meta, Period, Report, SectionKind, Signature, Span, Table,
    YearMention, YearSource,
};
use crate::text::lexical::norm;

type Res<'a, T> = nom::IResult<&'a str, T>;

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> Res<'_, u32> {
    move |i| {
        map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            str::parse::<u32>,
        )
        .parse(i)
    }
}

/// A date `2022年1月25日` in normalised text (no white space): (rest, y, m, d).
pub(crate) fn cn_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    let r: Res<'_, _> = (
        digits(4, 4),
        char('年'),
        digits(1, 2),
        char('月'),
        digits(1, 2),
        opt(char('日')),
    )
        .parse(i);
    let (rest, (y, _, m, _, d, _)) = r.ok()?;
    valid(y, m, d).then_some((rest, (y, m, d)))
}

/// A date `2020-01-17` (or `2020/01/17`, `2020.01.17`).
fn iso_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    let sep = |i| nom::branch::alt((char('-'), char('/'), char('.'))).parse(i);
    let r: Res<'_, _> = (digits(4, 4), sep, digits(1, 2), sep, digits(1, 2)).parse(i);
    let (rest, (y, _, m, _, d)) = r.ok()?;
    valid(y, m, d).then_some((rest, (y, m, d)))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso((y, m, d): (u32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn any_date(i: &str) -> Option<(&str, (u32, u32, u32))> {
    cn_date(i).or_else(|| iso_date(i))
}

/// The first `n` characters of `t`.
fn head(t: &str, n: usize) -> &str {
    t.char_indices().nth(n).map_or(t, |(i, _)| &t[..i])
}

/// Paragraph texts and spans of a block list, depth first.
fn paragraphs<'a>(blocks: &'a [Block], out: &mut Vec<(&'a str, Span)>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push((p.text.as_str(), p.span)),
            Block::Subsection(s) => {
                if let Some(t) = &s.title {
                    out.push((t.as_str(), s.head));
                }
                paragraphs(&s.blocks, out);
            }
            _ => {}
        }
    }
}

/// Finds `year` as digits inside the source span, for a mention's span.
fn year_span(text: &str, within: Span, year: i32, loc: &crate::lines::Locator<'_>) -> Span {
    let y = year.to_string();
    let hay = text.get(within.start..within.end).unwrap_or("");
    match hay.find(&y) {
        Some(i) => loc.span(within.start + i, within.start + i + y.len()),
        None => within,
    }
}

/// A crawler header field `key: value` (`标题: …`, `发布时间: …`).
fn field<'a>(paras: &[(&'a str, Span)], key: &str) -> Option<&'a str> {
    paras.iter().find_map(|(t, _)| {
        let rest = t.strip_prefix(key)?;
        let rest = rest.trim_start_matches([' ', '\u{3000}']);
        let rest = rest.strip_prefix([':', '：'])?;
        Some(rest.trim_matches(crate::lines::is_space))
    })
}

/// The year in `s` (normalised) written as `2021年`, skipping 《…》 titles.
fn years_in(s: &str) -> Vec<(usize, i32)> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let b = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        match c {
            '《' => depth += 1,
            '》' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth == 0
            && c.is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && i + 4 <= s.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && s[i + 4..].starts_with('年')
            && !s
                .get(i + 7..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            && let Ok(y) = s[i..i + 4].parse::<i32>()
            && (2000..=2100).contains(&y)
        {
            out.push((i, y));
        }
        i += c.len_utf8();
    }
    out
}

/// `由丰城市洛市镇人民政府办公室编制` → `丰城市洛市镇人民政府`.
fn organ_compiler(t: &str) -> Option<String> {
    let n = norm(t);
    let mut from = 0;
    while let Some(p) = n[from..].find('由') {
        let s = from + p + '由'.len_utf8();
        from = s;
        let run: String = n[s..]
            .chars()
            .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .take(30)
            .collect();
        let Some(end) = ["负责编制", "编制", "根据", "牵头"]
            .iter()
            .filter_map(|w| run.find(w))
            .min()
        else {
            continue;
        };
        let mut org = &run[..end];
        if let Some(g) = org.find("人民政府") {
            org = &org[..g + "人民政府".len()];
        } else {
            org = org.trim_end_matches("办公室");
        }
        if org.chars().count() >= 2 {
            return Some(org.to_string());
        }
    }
    None
}

/// An organ at the start of a clause: `龙场镇坚持…` → `龙场镇`.
fn organ_prefix(clause: &str) -> Option<String> {
    let cjk: String = clause
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .take(16)
        .collect();
    if cjk.chars().count() < 2
        || cjk.starts_with([
            '全', '我', '本', '各', '该', '按', '根', '为', '现', '在', '对', '汇', '由',
        ])
    {
        return None;
    }
    let mut best: Option<usize> = None;
    for s in super::organs::head_suffixes() {
        if let Some(p) = cjk.find(s) {
            let end = p + s.len();
            if cjk[..p].chars().count() >= 2 {
                best = Some(best.map_or(end, |b: usize| b.min(end)));
            }
        }
    }
    // prefer the longest organ name when suffixes chain (华宁县青龙镇人民政府)
    let end = best?;
    if cjk[..end].contains(['在', '的', '和', '与', '于']) || cjk[..end].chars().count() > 12 {
        return None;
    }
    let mut end = end;
    for s in super::organs::chain_suffixes() {
        if cjk[end..].starts_with(s) {
            end += s.len();
        }
    }
    Some(cjk[..end].to_string())
}

/// Computes `report.meta` and `report.format` from the blocks.
pub(crate) fn derive(report: &mut Report, text: &str, loc: &crate::lines::Locator<'_>) {
    let mut pre = Vec::new();
    paragraphs(&report.preamble, &mut pre);
    let mut meta = Meta::default();

    // title
    let mut title_span: Option<Span> = None;
    if let Some(t) = field(&pre, "标题") {
        meta.title = Some(t.to_string());
        title_span = pre.iter().find(|(p, _)| p.starts_with("标题")).map(|p| p.1);
    } else {
        for (t, span) in pre.iter().take(3) {
            let n = t.chars().count();
            let end = ["年度报告", "年报", "工作报告"]
                .iter()
                .filter_map(|w| t.find(w).map(|i| i + w.len()))
                .min();
            if let Some(end) = end.filter(|e| !t[..*e].contains('《')) {
                if n <= 60 {
                    meta.title = Some(t.to_string());
                } else if t[..end].chars().count() <= 60 {
                    meta.title = Some(t[..end].trim_end().to_string());
                }
                if meta.title.is_some() {
                    title_span = Some(*span);
                    break;
                }
            }
        }
    }

    // published
    for key in ["发布时间", "发布日期", "成文日期"] {
        if let Some(v) = field(&pre, key)
            && let Some((_, d)) = any_date(&norm(v))
        {
            meta.published = Some(iso(d));
            break;
        }
    }

    // signature
    let mut closing = Vec::new();
    paragraphs(&report.closing, &mut closing);
    if !closing.is_empty() {
        let mut organ = None;
        let mut date = None;
        for (t, _) in &closing {
            let n = norm(t);
            match any_date(&n) {
                Some(("", d)) => date = Some(iso(d)),
                _ => organ = Some(t.trim().to_string()),
            }
        }
        meta.signed = Some(Signature { organ, date });
    }

    // organ
    meta.organ = meta.signed.as_ref().and_then(|s| s.organ.clone());
    if meta.organ.is_none()
        && let Some(t) = &meta.title
    {
        let n = norm(t);
        let cut = n.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let head = &n[..cut];
        if head.chars().count() >= 2 && super::organs::chain_suffixes().any(|s| head.ends_with(s))
            || (2..=20).contains(&head.chars().count())
        {
            meta.organ = Some(head.to_string());
        }
    }
    if meta.organ.is_none() {
        meta.organ = field(&pre, "发布机构")
            .filter(|s| !s.is_empty())
            .map(str::to_string);
    }
    if meta.organ.is_none() {
        meta.organ = pre.iter().take(4).find_map(|(t, _)| organ_compiler(t));
    }
    if meta.organ.is_none() {
        'outer: for (t, _) in pre.iter().take(4) {
            for clause in t.split(['，', '。', '；', ',', ' ', '\u{3000}']) {
                if let Some(o) = organ_prefix(clause.trim()) {
                    meta.organ = Some(o);
                    break 'outer;
                }
            }
        }
    }

    // years
    let mut years: Vec<YearMention> = Vec::new();
    if let (Some(t), Some(span)) = (&meta.title, title_span)
        && let Some((_, y)) = years_in(&norm(t)).first()
    {
        years.push(YearMention {
            source: YearSource::Title,
            year: *y,
            span: year_span(text, span, *y, loc),
        });
    }
    // period: 统计期限自2023年1月1日起至2023年12月31日止
    // the preamble and the opening paragraphs of the first section
    let mut all = pre.clone();
    if let Some(s) = report.sections.first() {
        let mut first = Vec::new();
        paragraphs(&s.blocks, &mut first);
        all.extend(first.into_iter().take(3));
    }
    // periods and contacts are stated early: the head of each paragraph is enough
    let all_norm: Vec<String> = all.iter().map(|(t, _)| norm(head(t, 1000))).collect();
    'period: for (n, (_, span)) in all_norm.iter().zip(&all) {
        for key in ["统计期限", "统计时限", "统计区间", "统计时间", "数据统计"]
        {
            let Some(k) = n.find(key) else { continue };
            let after = &n[k + key.len()..];
            // the first date within a few characters, then the second
            let Some(p1) = after
                .char_indices()
                .take(12)
                .find_map(|(i, _)| any_date(&after[i..]).map(|r| (i, r)))
            else {
                continue;
            };
            let (_, (rest, d1)) = p1;
            let Some((_, (_, d2))) = rest
                .char_indices()
                .take(8)
                .find_map(|(i, _)| any_date(&rest[i..]).map(|r| (i, r)))
            else {
                continue;
            };
            meta.period = Some(Period {
                start: iso(d1),
                end: iso(d2),
            });
            years.push(YearMention {
                source: YearSource::Period,
                year: d1.0 as i32,
                span: year_span(text, *span, d1.0 as i32, loc),
            });
            break 'period;
        }
    }
    // preamble: the year of 现将…/本单位…/编制… statements, outside 《》
    for (t, span) in &pre {
        if title_span.is_some_and(|ts| ts.same_location(*span))
            || t.starts_with("标题")
            || t.starts_with("发布时间")
        {
            continue;
        }
        let n = norm(head(t, 1000));
        let found = years_in(&n).into_iter().find(|(i, _)| {
            let after = &n[i + 7..];
            let after = after.strip_prefix('度').unwrap_or(after);
            after.starts_with("政府信息公开")
                || after.starts_with("政务公开")
                || after.starts_with("政务信息公开")
                || after.starts_with("工作")
        });
        if let Some((_, y)) = found {
            years.push(YearMention {
                source: YearSource::Preamble,
                year: y,
                span: year_span(text, *span, y, loc),
            });
            break;
        }
    }
    // body: years opening paragraphs
    let mut body = Vec::new();
    for s in &report.sections {
        paragraphs(&s.blocks, &mut body);
    }
    let mut counts: Vec<(i32, usize, Span)> = Vec::new();
    for (t, span) in &body {
        // only a year that opens the paragraph counts
        let head: String = t.chars().take(12).collect();
        let n = norm(&head);
        if let Some((i, y)) = years_in(&n).first()
            && n[..*i].chars().count() <= 2
        {
            match counts.iter_mut().find(|c| c.0 == *y) {
                Some(c) => c.1 += 1,
                None => counts.push((*y, 1, *span)),
            }
        }
    }
    if let Some(best) = counts.iter().max_by_key(|c| c.1) {
        years.push(YearMention {
            source: YearSource::Body,
            year: best.0,
            span: year_span(text, best.2, best.0, loc),
        });
    }
    let pick = |s: YearSource| years.iter().find(|m| m.source == s).map(|m| m.year);
    meta.year = pick(YearSource::Title)
        .or(pick(YearSource::Period))
        .or(pick(YearSource::Body))
        .or(pick(YearSource::Preamble));
    meta.years = years;

    // contacts
    meta.contacts = contacts(&all_norm);

    report.format = format(report, meta.year);
    report.meta = meta;
}

/// Contacts stated in the given normalised paragraphs.
fn contacts(paragraphs: &[String]) -> Contacts {
    let mut c = Contacts::default();
    for n in paragraphs {
        // phones: 0517-87222589
        let b = n.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'0' && (i == 0 || !b[i - 1].is_ascii_digit()) {
                let area = b[i..].iter().take_while(|x| x.is_ascii_digit()).count();
                if (3..=4).contains(&area) && b.get(i + area) == Some(&b'-') {
                    let num = b[i + area + 1..]
                        .iter()
                        .take_while(|x| x.is_ascii_digit())
                        .count();
                    if (7..=8).contains(&num) {
                        let p = n[i..i + area + 1 + num].to_string();
                        if !c.phone.contains(&p) && c.phone.len() < 8 {
                            c.phone.push(p);
                        }
                        i += area + 1 + num;
                        continue;
                    }
                }
            }
            i += 1;
        }
        if c.postcode.is_none() {
            for key in ["邮编", "邮政编码"] {
                if let Some(k) = n.find(key) {
                    let rest = n[k + key.len()..].trim_start_matches([':', '为']);
                    let d: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    if d.len() == 6 {
                        c.postcode = Some(d);
                        break;
                    }
                }
            }
        }
        if c.address.is_none() {
            for key in ["联系地址", "通讯地址", "办公地址", "地址"] {
                if let Some(k) = n.find(key) {
                    let rest = n[k + key.len()..].trim_start_matches([':', '为']);
                    let a: String = rest
                        .chars()
                        .take_while(|ch| !matches!(ch, ';' | ',' | '。' | ')' | '；' | '，'))
                        .take(60)
                        .collect();
                    if a.chars().count() >= 4 {
                        c.address = Some(a);
                        break;
                    }
                }
            }
        }
        if c.email.is_none()
            && let Some(at) = n.find(['@', '＠'])
        {
            let start = n[..at]
                .rfind(|ch: char| !(ch.is_ascii_alphanumeric() || matches!(ch, '.' | '_' | '-')))
                .map_or(0, |p| p + n[p..].chars().next().map_or(1, char::len_utf8));
            let dom_len = n[at..]
                .chars()
                .skip(1)
                .take_while(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-'))
                .map(char::len_utf8)
                .sum::<usize>();
            let at_len = n[at..].chars().next().map_or(1, char::len_utf8);
            let local = &n[start..at];
            let domain = n[at + at_len..at + at_len + dom_len].trim_end_matches('.');
            if !local.is_empty() && domain.contains('.') {
                c.email = Some(format!("{local}@{domain}"));
            }
        }
        if c.url.is_none() {
            let found = ["http://", "https://", "www."]
                .iter()
                .filter_map(|w| n.find(w))
                .min();
            if let Some(p) = found {
                let u: String = n[p..]
                    .chars()
                    .take_while(|ch| ch.is_ascii_alphanumeric() || "./:_-?=&%#~".contains(*ch))
                    .collect();
                let u = u.trim_end_matches(['.', ':']);
                if u.len() > 6 {
                    c.url = Some(u.to_string());
                }
            }
        }
    }
    c
}

/// Which template the report follows (templates.md §3.2: the 2021 markers of
/// Table 2/3 win; then the 2019 markers; a report with only free sections is
/// legacy).
fn format(report: &Report, year: Option<i32>) -> Format {
    let (mut v2021, mut v2019, mut std_table) = (false, false, false);
    for t in report.tables() {
        match t {
            Table::Applications(a) => {
                std_table = true;
                if a.rows.keys().any(|r| {
                    matches!(
                        r,
                        AppRow::OtherNoCorrection | AppRow::OtherUnpaidFee | AppRow::OtherOther
                    )
                }) {
                    v2021 = true;
                }
                if a.rows.contains_key(&AppRow::OtherProcessing) {
                    v2019 = true;
                }
            }
            Table::ActiveDisclosure(a) => {
                std_table = true;
                for f in a.items.values().flat_map(|m| m.keys()) {
                    match f {
                        AdField::Issued
                        | AdField::Repealed
                        | AdField::InForce
                        | AdField::Amount10kYuan => v2021 = true,
                        AdField::Made
                        | AdField::Published
                        | AdField::PublicTotal
                        | AdField::PreviousYear
                        | AdField::Change
                        | AdField::Projects
                        | AdField::Amount => v2019 = true,
                        AdField::Decisions => {}
                    }
                }
                if a.items.values().any(|m| {
                    m.contains_key(&AdField::Decisions) && !m.contains_key(&AdField::PreviousYear)
                }) {
                    v2021 = true;
                }
            }
            Table::ReviewLitigation(_) => std_table = true,
            Table::LegacyStatistics(_) | Table::Generic(_) => {}
        }
    }
    let by_year = || {
        if year.is_some_and(|y| y >= 2021) {
            Format::V2021
        } else {
            Format::V2019
        }
    };
    if v2021 {
        Format::V2021
    } else if v2019 {
        Format::V2019
    } else if std_table
        || report.sections.iter().any(|s| {
            s.kind == SectionKind::Applications && norm(&s.heading.title).contains("收到和处理")
        })
    {
        by_year()
    } else if !report.sections.is_empty() {
        Format::Legacy
    } else {
        Format::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(cn_date("2022年1月25日").map(|r| r.1), Some((2022, 1, 25)));
        assert_eq!(
            iso_date("2020-01-20 15:22").map(|r| r.1),
            Some((2020, 1, 20))
        );
        assert!(cn_date("2022年13月1日").is_none());
    }

    #[test]
    fn years_skip_titles() {
        assert_eq!(
            years_in("《关于做好2021年工作的通知》现将2020年度"),
            vec![(46, 2020)]
        );
    }

    #[test]
    fn organs() {
        assert_eq!(
            organ_prefix("龙场镇坚持“严格执法").as_deref(),
            Some("龙场镇")
        );
        assert_eq!(organ_prefix("全区各部门"), None);
    }
}
