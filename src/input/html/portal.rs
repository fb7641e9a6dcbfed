//! The portal's metadata fields (索引号, 发布机构, 发文日期 …) read from
//! the chrome's lines.

/// The portal's metadata fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Portal {
    pub(super) title: Option<String>,
    pub(super) organ: Option<String>,
    pub(super) source: Option<String>,
    pub(super) published: Option<String>,
    pub(super) index_number: Option<String>,
}

/// The labels of portal metadata fields.
pub(super) const FIELDS: &[&str] = &[
    "索引号",
    "发布机构",
    "发文机关",
    "发布单位",
    "信息来源",
    "来源",
    "发文日期",
    "公开日期",
    "发布日期",
    "成文日期",
    "生成日期",
    "发布时间",
    "时间",
    "文号",
    "标题",
    "主题分类",
    "公开方式",
    "公开范围",
    "有效性",
    "单位",
];

pub(super) fn compact(s: &str) -> String {
    s.chars().filter(|c| !crate::lines::is_space(*c)).collect()
}

/// ISO date of the first `2022-02-08`, `2022年2月8日`, `2022/2/8` in `s`.
pub(super) fn iso_date(s: &str) -> Option<String> {
    let c: Vec<char> = s.chars().collect();
    let num = |i: &mut usize, max: usize| {
        let st = *i;
        while *i < c.len() && c[*i].is_ascii_digit() && *i - st < max {
            *i += 1;
        }
        c[st..*i].iter().collect::<String>().parse::<u32>().ok()
    };
    for start in 0..c.len() {
        if !c[start].is_ascii_digit() || (start > 0 && c[start - 1].is_ascii_digit()) {
            continue;
        }
        let mut i = start;
        let Some(y) = num(&mut i, 4) else { continue };
        if !(1990..=2100).contains(&y) || !matches!(c.get(i), Some('-' | '年' | '/' | '.')) {
            continue;
        }
        i += 1;
        let Some(m) = num(&mut i, 2) else { continue };
        if !matches!(c.get(i), Some('-' | '月' | '/' | '.')) {
            continue;
        }
        i += 1;
        let Some(d) = num(&mut i, 2) else { continue };
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

impl Portal {
    /// Reads `label：value` fields from the lines of a chrome region
    /// (several fields on one line, or a label alone followed by its value
    /// on the next line, as in a metadata table).
    pub(super) fn read(&mut self, lines: &[String]) {
        let mut pending: Option<&str> = None;
        for line in lines {
            let l = line.trim_matches(crate::lines::is_space);
            // metadata fields are short lines
            if l.is_empty() || l.len() > 1000 {
                continue;
            }
            // a bare label (a metadata table's label cell)
            let bare = l.trim_end_matches([':', '：']);
            if let Some(f) = FIELDS.iter().find(|f| compact(bare) == **f) {
                pending = Some(f);
                continue;
            }
            if let Some(f) = pending.take()
                && !FIELDS.iter().any(|x| l.starts_with(x))
            {
                self.set(f, l);
                continue;
            }
            // label：value runs
            let mut hits: Vec<(usize, usize, &str)> = Vec::new();
            for f in FIELDS {
                let mut from = 0;
                while let Some(p) = l[from..].find(f) {
                    let at = from + p;
                    let after = l[at + f.len()..].trim_start_matches(crate::lines::is_space);
                    if after.starts_with([':', '：']) && !hits.iter().any(|h| h.0 <= at && at < h.1)
                    {
                        let colon = l.len() - after.len();
                        let vstart = colon + after.chars().next().map_or(0, char::len_utf8);
                        hits.push((at, vstart, f));
                    }
                    from = at + f.len();
                }
            }
            hits.sort();
            for (k, &(_, vstart, f)) in hits.iter().enumerate() {
                let vend = hits.get(k + 1).map_or(l.len(), |h| h.0);
                let v = l[vstart..vend.max(vstart)].trim_matches(crate::lines::is_space);
                self.set(f, v);
            }
        }
    }

    pub(super) fn set(&mut self, field: &str, value: &str) {
        let v = value.trim_matches(crate::lines::is_space);
        if v.is_empty() {
            return;
        }
        let slot = match field {
            "索引号" => &mut self.index_number,
            "发布机构" | "发文机关" | "发布单位" | "单位" => &mut self.organ,
            "信息来源" | "来源" => &mut self.source,
            "标题" => &mut self.title,
            "发文日期" | "公开日期" | "发布日期" | "成文日期" | "生成日期" | "发布时间"
            | "时间" => {
                if self.published.is_none() {
                    self.published = iso_date(v);
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(v.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_fields() {
        let mut p = Portal::default();
        p.read(&[
            "来源：平潭县人民政府 时间：2022-02-08 16:34".into(),
            "索引号".into(),
            "FJ00-01-2022-0001".into(),
            "发布机构：".into(),
            "平潭综合实验区管委会".into(),
        ]);
        assert_eq!(p.source.as_deref(), Some("平潭县人民政府"));
        assert_eq!(p.published.as_deref(), Some("2022-02-08"));
        assert_eq!(p.index_number.as_deref(), Some("FJ00-01-2022-0001"));
        assert_eq!(p.organ.as_deref(), Some("平潭综合实验区管委会"));
    }
}
