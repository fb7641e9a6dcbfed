//! Contacts stated in the opening paragraphs: phones, postcode, address,
//! e-mail, web site (in normalised text).

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::model::Contacts;

/// Byte searchers for a list of keys, built once (a `str::find` builds its
/// searcher anew at each call).
type Keys<const N: usize> = LazyLock<[Finder<'static>; N]>;

/// Contacts stated in the given normalised paragraphs.
pub(crate) fn contacts(paragraphs: &[&str]) -> Contacts {
    let mut c = Contacts::default();
    // (a paragraph left out by `super::opening` is empty: nothing in it)
    for n in paragraphs.iter().filter(|n| !n.is_empty()) {
        phones(n, &mut c.phone);
        if c.postcode.is_none() {
            c.postcode = postcode(n).map(Into::into);
        }
        if c.address.is_none() {
            c.address = address(n).map(Into::into);
        }
        if c.email.is_none() {
            c.email = email(n);
        }
        if c.url.is_none() {
            c.url = url(n).map(Into::into);
        }
    }
    c
}

/// Phones `0517-87222589` (at most eight, each once): found from their
/// `-` (one memchr search), the area code before it, the number after.
fn phones(n: &str, out: &mut Vec<crate::model::Str>) {
    let b = n.as_bytes();
    // a phone's digits are not searched again for a phone inside them
    let mut resume = 0;
    for dash in memchr::memchr_iter(b'-', b) {
        // the digits right before the dash, from the first of the run
        let area = b[..dash]
            .iter()
            .rev()
            .take_while(|x| x.is_ascii_digit())
            .count();
        let start = dash - area;
        if start < resume || !(3..=4).contains(&area) || b[start] != b'0' {
            continue;
        }
        let num = b[dash + 1..]
            .iter()
            .take_while(|x| x.is_ascii_digit())
            .count();
        if (7..=8).contains(&num) {
            let p = &n[start..dash + 1 + num];
            if !out.iter().any(|q| q == p) && out.len() < 8 {
                out.push(p.into());
            }
            resume = dash + 1 + num;
        }
    }
}

/// Six digits after `邮编` / `邮政编码`.
fn postcode(n: &str) -> Option<&str> {
    static KEYS: Keys<2> = LazyLock::new(|| ["邮编", "邮政编码"].map(Finder::new));
    static YOU: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("邮"));
    // both keys have `邮`: one search rules most paragraphs out
    YOU.find(n.as_bytes())?;
    KEYS.iter().find_map(|key| {
        let k = key.find(n.as_bytes())? + key.needle().len();
        let rest = n[k..].trim_start_matches([':', '为']);
        let d = &rest[..rest.bytes().take_while(u8::is_ascii_digit).count()];
        (d.len() == 6).then_some(d)
    })
}

/// The text after `联系地址` / `通讯地址` / `办公地址` / `地址`, to the end of
/// its clause (at most 60 characters, at least 4).
fn address(n: &str) -> Option<&str> {
    static KEYS: Keys<4> =
        LazyLock::new(|| ["联系地址", "通讯地址", "办公地址", "地址"].map(Finder::new));
    static ZHI: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("址"));
    // every key ends with 地址
    ZHI.find(n.as_bytes())?;
    KEYS.iter().find_map(|key| {
        let k = key.find(n.as_bytes())? + key.needle().len();
        let rest = n[k..].trim_start_matches([':', '为']);
        let len = rest
            .chars()
            .take_while(|ch| !matches!(ch, ';' | ',' | '。' | ')' | '；' | '，'))
            .take(60)
            .map(char::len_utf8)
            .sum();
        let a = &rest[..len];
        (a.chars().count() >= 4).then_some(a)
    })
}

/// The first `local@domain.tld`.
fn email(n: &str) -> Option<crate::model::Str> {
    // the first `@` or `＠` (a byte search each: no per-character scan)
    static WIDE_AT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("＠"));
    let ascii = memchr::memchr(b'@', n.as_bytes());
    let wide = WIDE_AT.find(n.as_bytes());
    let at = match (ascii, wide) {
        (Some(a), Some(w)) => a.min(w),
        (a, w) => a.or(w)?,
    };
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
    (!local.is_empty() && domain.contains('.'))
        .then(|| compact_str::format_compact!("{local}@{domain}"))
}

/// The first web address (`http://`, `https://`, `www.`), longer than six
/// characters.
fn url(n: &str) -> Option<&str> {
    // every prefix starts with `h` or `w`
    memchr::memchr2(b'h', b'w', n.as_bytes())?;
    static PREFIXES: Keys<3> = LazyLock::new(|| ["http://", "https://", "www."].map(Finder::new));
    let p = PREFIXES.iter().filter_map(|w| w.find(n.as_bytes())).min()?;
    // (ASCII only: a byte is a character)
    let len = n[p..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || b"./:_-?=&%#~".contains(b))
        .count();
    let u = n[p..p + len].trim_end_matches(['.', ':']);
    (u.len() > 6).then_some(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_by_their_dash() {
        // the scan from every `0` that the search from the dashes replaces
        fn reference(n: &str, out: &mut Vec<String>) {
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
                            let p = &n[i..i + area + 1 + num];
                            if !out.iter().any(|q| q == p) && out.len() < 8 {
                                out.push(p.to_string());
                            }
                            i += area + 1 + num;
                            continue;
                        }
                    }
                }
                i += 1;
            }
        }
        for n in [
            "电话0591-24320000、10591-2432000,0591-1234567-0592-7654321;021-12345678;0591-2432",
            "0591-24320000-0591-24320000",
            "--0591-123456789-021-1234567-",
            "00591-1234567 0591-01234567 0591--1234567 091-1234567",
            "-0-00-000-0000000",
            "",
        ] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            phones(n, &mut a);
            reference(n, &mut b);
            assert_eq!(a, b, "{n}");
        }
        let mut out = Vec::new();
        phones("0591-24320000、0591-24320000", &mut out);
        assert_eq!(out, ["0591-24320000"]);
    }

    #[test]
    fn contacts_in_text() {
        let c = contacts(&[
            "联系电话:0591-24320000,0591-24320000;邮编:350400;地址:平潭综合实验区金井湾片区;邮箱:gk@pingtan.gov.cn;网址:http://www.pingtan.gov.cn。",
        ]);
        assert_eq!(c.phone, vec!["0591-24320000"]);
        assert_eq!(c.postcode.as_deref(), Some("350400"));
        assert_eq!(c.address.as_deref(), Some("平潭综合实验区金井湾片区"));
        assert_eq!(c.email.as_deref(), Some("gk@pingtan.gov.cn"));
        assert_eq!(c.url.as_deref(), Some("http://www.pingtan.gov.cn"));
    }
}
