//! Organ names: the normalised name reports are grouped by, the aliases
//! that map other names onto one, and the pairs files that list them.

/// Normalises an organ name for grouping: white space, punctuation and
/// brackets removed, full-width ASCII folded, the common short forms
/// expanded (管委会 → 管理委员会; 县政府, 市政府, 区政府, 镇政府, 乡政府,
/// 省政府 → …人民政府), then a final 人民政府 or 管理委员会 dropped: the
/// government of a place and the place report the same figures.
/// `平潭综合实验区管委会`, `平潭综合实验区管理委员会` and `平潭综合实验区` are one
/// organ, and so are `青龙县政府` and `青龙县人民政府`; `…人民政府` and
/// `…人民政府办公室` stay two.
pub fn normalize_organ(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            c => c,
        };
        if c.is_whitespace() || crate::lines::is_space(c) || c.is_ascii_punctuation() {
            continue;
        }
        if matches!(
            c,
            '·' | '・' | '、' | '，' | '。' | '“' | '”' | '《' | '》' | '〔' | '〕' | '【' | '】'
        ) {
            continue;
        }
        s.push(c);
    }
    let s = s.replace("管委会", "管理委员会");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find("政府") {
        let before = &rest[..at];
        out.push_str(before);
        if ["县", "市", "区", "镇", "乡", "省", "州", "旗"]
            .iter()
            .any(|p| before.ends_with(p))
        {
            out.push_str("人民");
        }
        out.push_str("政府");
        rest = &rest[at + "政府".len()..];
    }
    out.push_str(rest);
    for suffix in ["人民政府", "管理委员会"] {
        if let Some(place) = out.strip_suffix(suffix)
            && !place.is_empty()
        {
            return place.to_owned();
        }
    }
    out
}

/// Reads `a,b` pairs, one a line: blank lines and lines starting with `#`
/// are skipped, and so is a first line `organ,alias` or `parent,child`
/// (the header). Fields are trimmed; a field may be quoted with `"`.
/// The error names the first line that is not a pair.
pub fn read_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line
            .split([',', '，'])
            .map(|f| f.trim().trim_matches('"').trim().to_owned())
            .collect();
        if fields.len() != 2 || fields.iter().any(String::is_empty) {
            return Err(format!(
                "line {}: expected two comma-separated names, found “{line}”",
                i + 1
            ));
        }
        if out.is_empty()
            && matches!(
                (fields[0].as_str(), fields[1].as_str()),
                ("organ", "alias") | ("parent", "child")
            )
        {
            continue;
        }
        out.push((fields[0].clone(), fields[1].clone()));
    }
    Ok(out)
}

/// The normalised key of an organ name, after the aliases.
pub(super) fn organ_key(name: &str, aliases: &[(String, String)]) -> String {
    let n = normalize_organ(name);
    aliases
        .iter()
        .find(|(_, alias)| normalize_organ(alias) == n)
        .map_or(n, |(organ, _)| normalize_organ(organ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organ_names_normalise() {
        assert_eq!(
            normalize_organ("平潭综合实验区 管委会"),
            normalize_organ("平潭综合实验区管理委员会")
        );
        assert_eq!(normalize_organ("平潭综合实验区管委会"), "平潭综合实验区");
        assert_eq!(normalize_organ("青龙县政府"), "青龙县");
        assert_eq!(normalize_organ("青龙县人民政府"), "青龙县");
        assert_eq!(normalize_organ("人民政府"), "人民政府");
        assert_ne!(
            normalize_organ("青龙县人民政府"),
            normalize_organ("青龙县人民政府办公室")
        );
        assert_eq!(normalize_organ("（青龙镇）"), "青龙镇");
    }

    #[test]
    fn pairs_are_read() {
        let p = read_pairs("organ,alias\n\n# c\nA县人民政府, A县政府\n\"B\",C\n").unwrap();
        assert_eq!(
            p,
            [
                ("A县人民政府".to_owned(), "A县政府".to_owned()),
                ("B".to_owned(), "C".to_owned())
            ]
        );
        assert!(read_pairs("a,b,c").unwrap_err().contains("line 1"));
    }

    #[test]
    fn aliases_override() {
        let aliases = vec![("平潭综合实验区".to_owned(), "岚岛".to_owned())];
        assert_eq!(organ_key("岚岛", &aliases), "平潭综合实验区");
        assert_eq!(organ_key("岚 岛", &aliases), "平潭综合实验区");
    }
}
