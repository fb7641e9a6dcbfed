//! The one list of organ-name suffixes (人民政府, 局, 镇 …) and what each is
//! good for: ending a signature line, ending an organ named at the head of a
//! clause, or chaining onto an organ name (华宁县 + 青龙镇 + 人民政府).

/// An organ-name suffix.
struct Suffix {
    text: &'static str,
    /// A short line ending with it can be the organ of a signature.
    line: bool,
    /// It ends an organ named at the head of a clause (`龙场镇坚持…`).
    head: bool,
    /// It chains onto an organ name already found (in list order).
    chain: bool,
}

const fn s(text: &'static str, line: bool, head: bool, chain: bool) -> Suffix {
    Suffix {
        text,
        line,
        head,
        chain,
    }
}

/// The suffixes; the chaining ones in the order they are tried.
const SUFFIXES: &[Suffix] = &[
    s("人民政府", false, true, true),
    s("街道办事处", false, true, true),
    s("管委会", true, true, true),
    s("管理委员会", false, false, true),
    s("委员会", true, false, true),
    s("办公室", true, false, true),
    s("街道", true, true, true),
    s("政府", true, false, true),
    s("镇", true, true, true),
    s("乡", true, true, true),
    s("局", true, false, true),
    s("县", true, false, true),
    s("区", true, false, true),
    s("市", true, false, true),
    s("厅", true, false, true),
    s("委", true, false, true),
    s("办事处", true, false, false),
    s("中心", true, false, false),
    s("院", true, false, false),
    s("部", true, false, false),
    s("处", true, false, false),
    s("所", true, false, false),
    s("站", true, false, false),
];

/// True when `n` (normalised) ends with a suffix of a signature's organ.
pub(crate) fn ends_line(n: &str) -> bool {
    SUFFIXES.iter().any(|x| x.line && n.ends_with(x.text))
}

/// The suffixes that end an organ named at the head of a clause.
pub(crate) fn head_suffixes() -> impl Iterator<Item = &'static str> {
    SUFFIXES.iter().filter(|x| x.head).map(|x| x.text)
}

/// The suffixes that chain onto an organ name, in the order they are tried.
pub(crate) fn chain_suffixes() -> impl Iterator<Item = &'static str> {
    SUFFIXES.iter().filter(|x| x.chain).map(|x| x.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_uses() {
        assert!(ends_line("某某县人民政府"));
        assert!(ends_line("政务服务中心"));
        assert!(!ends_line("工作总结"));
        assert_eq!(head_suffixes().count(), 6);
        assert_eq!(chain_suffixes().next(), Some("人民政府"));
    }
}
