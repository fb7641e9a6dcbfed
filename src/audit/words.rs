//! Counts written in the narrative: Arabic digits (`12`, `１２`) or Chinese
//! number words (`一`, `两`, `十二`, `一百零五`, `两千三百`, `一万二千`).

use crate::model::Number;

fn digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn unit(c: char) -> Option<i64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// The Chinese number word at the start of `s`: its value and byte length.
pub(crate) fn chinese_prefix(s: &str) -> Option<(i64, usize)> {
    let (mut total, mut section, mut pending): (i64, i64, Option<i64>) = (0, 0, None);
    let mut len = 0;
    for (i, c) in s.char_indices() {
        if let Some(d) = digit(c) {
            if pending.is_some_and(|p| p != 0) {
                // two digits in a row (一二) is not a number word
                break;
            }
            pending = Some(d);
        } else if let Some(u) = unit(c) {
            let d = pending.take().unwrap_or(if u == 10 { 1 } else { 0 });
            if d == 0 && u != 10 {
                break;
            }
            section = section.checked_add(d.checked_mul(u)?)?;
        } else if c == '万' && len > 0 {
            let v = section + pending.take().unwrap_or(0);
            total = total.checked_add(v.checked_mul(10_000)?)?;
            section = 0;
        } else {
            break;
        }
        len = i + c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    Some((total + section + pending.unwrap_or(0), len))
}

/// A whole number at the start of `s`, in digits or in words.
pub(crate) fn count_prefix(s: &str) -> Option<(i64, usize)> {
    if let Some((n, len)) = Number::parse_prefix(s) {
        return n.as_i64().filter(|v| *v >= 0).map(|v| (v, len));
    }
    chinese_prefix(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        let v = |s: &str| chinese_prefix(s).map(|p| p.0);
        assert_eq!(v("一件"), Some(1));
        assert_eq!(v("两件"), Some(2));
        assert_eq!(v("十件"), Some(10));
        assert_eq!(v("十二件"), Some(12));
        assert_eq!(v("二十件"), Some(20));
        assert_eq!(v("二十三"), Some(23));
        assert_eq!(v("一百零五"), Some(105));
        assert_eq!(v("两千三百"), Some(2300));
        assert_eq!(v("一万二千"), Some(12000));
        assert_eq!(v("零件"), Some(0));
        assert_eq!(v("件"), None);
        assert_eq!(chinese_prefix("十二件"), Some((12, 6)));
        assert_eq!(count_prefix("１２件"), Some((12, 6)));
        assert_eq!(count_prefix("-3件"), None);
    }
}
