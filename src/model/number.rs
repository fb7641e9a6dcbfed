//! Exact decimal numbers for table cells.
//!
//! Cells are never stored as floats: a [`Number`] is an integer mantissa and a
//! decimal scale, so `96171.6` stays `96171.6` and `-18` stays `-18`. JSON
//! carries them as plain numbers; [`Number::to_f64`] is the typed view for
//! arithmetic that tolerates rounding (the C ABI's `double`).
//!
//! # Exact in JSON
//!
//! A JSON number is written with exactly the digits of the [`Number`]
//! (`907473734394313.5`, `0.10`), never through an `f64`, and read back
//! digit for digit, so `from_json(to_json(r)) == r` for every report. This
//! uses `serde_json`'s `arbitrary_precision` feature: JSON consumers keep
//! seeing plain numbers (the model.md contract), and those that read
//! numbers as doubles (JavaScript, Python's `json` by default) get the
//! nearest double, as before. The C ABI has the exact text beside the
//! double (`ogi_report_cell_text`), and Python returns `decimal.Decimal`
//! on request (`Report.cell(..., exact=True)`, `Report.to_dict(exact=True)`).
//!
//! Cargo enables a feature for the whole build: a program that links this
//! crate gets `serde_json` with `arbitrary_precision`, which makes
//! `serde_json::Value` keep number text too and (a known `serde_json`
//! limitation) makes `f64`/`u64` fields inside `#[serde(flatten)]` or
//! untagged enums of *other* types fail to deserialize from JSON decimals.
//! [`Number`] itself accepts both forms, so this crate's model reads back
//! with or without the feature.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A decimal number: `mantissa / 10^scale`.
///
/// Equality is numeric *and* textual in scale: `1.0` and `1` are different
/// numbers here because they render differently; use [`Number::cmp_value`]
/// to compare values.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Number {
    mantissa: i64,
    // an enum of the ten scales, not a `u8`: its unused values let
    // `Option<Number>` take 16 bytes instead of 24
    scale: Scale,
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Number")
            .field("mantissa", &self.mantissa)
            .field("scale", &self.scale())
            .finish()
    }
}

/// A scale from 0 to [`MAX_SCALE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum Scale {
    S0,
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
    S8,
    S9,
}

impl Scale {
    const ALL: [Scale; MAX_SCALE as usize + 1] = [
        Scale::S0,
        Scale::S1,
        Scale::S2,
        Scale::S3,
        Scale::S4,
        Scale::S5,
        Scale::S6,
        Scale::S7,
        Scale::S8,
        Scale::S9,
    ];
    /// The scale `s` (at most [`MAX_SCALE`]: checked by the callers).
    const fn of(s: u8) -> Scale {
        Scale::ALL[s as usize]
    }
}

/// The largest scale (digits after the decimal point) a [`Number`] keeps.
pub const MAX_SCALE: u8 = 9;

impl Number {
    /// An integer.
    pub const fn int(value: i64) -> Self {
        Number {
            mantissa: value,
            scale: Scale::S0,
        }
    }

    /// A decimal `mantissa / 10^scale`; `None` when `scale > MAX_SCALE`.
    pub const fn new(mantissa: i64, scale: u8) -> Option<Self> {
        if scale > MAX_SCALE {
            None
        } else {
            Some(Number {
                mantissa,
                scale: Scale::of(scale),
            })
        }
    }

    /// The integer mantissa.
    pub const fn mantissa(self) -> i64 {
        self.mantissa
    }

    /// Digits after the decimal point.
    pub const fn scale(self) -> u8 {
        self.scale as u8
    }

    /// `Some(n)` when the number is a whole number written without decimals.
    pub const fn as_i64(self) -> Option<i64> {
        if self.scale() == 0 {
            Some(self.mantissa)
        } else {
            None
        }
    }

    /// True for integers (scale 0).
    pub const fn is_integer(self) -> bool {
        self.scale() == 0
    }

    /// The value as the nearest float (correctly rounded; long mantissas
    /// round, e.g. 17 significant digits).
    ///
    /// ```
    /// let n: ogi_report::Number = "907473734394313.5".parse().unwrap();
    /// assert_eq!(n.to_f64(), 907473734394313.5);
    /// ```
    pub fn to_f64(self) -> f64 {
        const EXACT: u64 = 1 << 53;
        if self.mantissa.unsigned_abs() <= EXACT {
            // Both operands are exact doubles, so one division is correctly
            // rounded.
            return self.mantissa as f64 / 10f64.powi(self.scale() as i32);
        }
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// Compares numeric values, ignoring scale (`1.0 == 1`).
    pub fn cmp_value(self, other: Number) -> std::cmp::Ordering {
        let s = self.scale().max(other.scale());
        let a = self.mantissa as i128 * 10i128.pow((s - self.scale()) as u32);
        let b = other.mantissa as i128 * 10i128.pow((s - other.scale()) as u32);
        a.cmp(&b)
    }

    /// Exact sum; `None` on overflow.
    pub fn checked_add(self, other: Number) -> Option<Number> {
        let s = self.scale().max(other.scale());
        let a = self
            .mantissa
            .checked_mul(10i64.checked_pow((s - self.scale()) as u32)?)?;
        let b = other
            .mantissa
            .checked_mul(10i64.checked_pow((s - other.scale()) as u32)?)?;
        Some(Number {
            mantissa: a.checked_add(b)?,
            scale: Scale::of(s),
        })
    }

    /// Exact sum of many numbers; `None` on overflow.
    pub fn sum<I: IntoIterator<Item = Number>>(items: I) -> Option<Number> {
        items
            .into_iter()
            .try_fold(Number::int(0), Number::checked_add)
    }

    /// Parses the leading number of a cell such as `7730.28`, `-18`,
    /// `1,234`, `１２` (full-width digits) or `22（其中修订16件）`.
    ///
    /// Returns the number and the byte length of the prefix it used.
    pub fn parse_prefix(s: &str) -> Option<(Number, usize)> {
        let mut chars = s.char_indices().peekable();
        let mut negative = false;
        let mut used = 0;
        if let Some(&(_, c)) = chars.peek() {
            if matches!(c, '-' | '－' | '−') {
                negative = true;
                chars.next();
                used = c.len_utf8();
            } else if matches!(c, '+' | '＋') {
                chars.next();
                used = c.len_utf8();
            }
        }
        let mut mantissa: i64 = 0;
        let mut scale: u8 = 0;
        let mut digits = 0usize;
        let mut in_fraction = false;
        let mut end = used;
        while let Some(&(i, c)) = chars.peek() {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '０'..='９' => c as u32 - '０' as u32,
                '.' | '．' if !in_fraction => {
                    // a decimal point needs a digit on both sides
                    let next = s[i + c.len_utf8()..].chars().next();
                    if digits == 0
                        || !next.is_some_and(|n| n.is_ascii_digit() || ('０'..='９').contains(&n))
                    {
                        break;
                    }
                    in_fraction = true;
                    chars.next();
                    continue;
                }
                ',' if !in_fraction && digits > 0 => {
                    // thousands separator: exactly three digits follow
                    let rest = &s[i + 1..];
                    let three = rest.bytes().take(3).filter(u8::is_ascii_digit).count() == 3;
                    let fourth = rest.as_bytes().get(3).is_some_and(u8::is_ascii_digit);
                    if !three || fourth {
                        break;
                    }
                    chars.next();
                    continue;
                }
                _ => break,
            };
            if in_fraction {
                if scale >= MAX_SCALE {
                    return None;
                }
                scale += 1;
            }
            mantissa = mantissa.checked_mul(10)?.checked_add(d as i64)?;
            digits += 1;
            chars.next();
            end = i + c.len_utf8();
        }
        if digits == 0 {
            return None;
        }
        if negative {
            mantissa = -mantissa;
        }
        Some((
            Number {
                mantissa,
                scale: Scale::of(scale),
            },
            end,
        ))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.scale() == 0 {
            return write!(f, "{}", self.mantissa);
        }
        let p = 10u64.pow(self.scale() as u32);
        let abs = self.mantissa.unsigned_abs();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / p,
            abs % p,
            width = self.scale() as usize
        )
    }
}

/// Error of [`Number::from_str`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a number: {0:?}")]
pub struct NumberError(pub String);

impl FromStr for Number {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match Number::parse_prefix(s) {
            Some((n, used)) if used == s.len() => Ok(n),
            _ => Err(NumberError(s.to_owned())),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.scale() == 0 {
            return s.serialize_i64(self.mantissa);
        }
        // The decimal text as a JSON number token (arbitrary_precision):
        // exactly the digits, scale included (`0.10` stays `0.10`).
        match serde_json::Number::from_str(&self.to_string()) {
            Ok(n) => n.serialize(s),
            Err(_) => s.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                i64::try_from(v)
                    .map(Number::int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                if !v.is_finite() {
                    return Err(E::custom("number is not finite"));
                }
                let text = format!("{v}");
                text.parse()
                    .map_err(|_| E::custom(format!("unsupported number {text}")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                v.parse().map_err(E::custom)
            }
            // serde_json (arbitrary_precision) hands a decimal over as a map
            // holding its text; read it back through serde_json::Number.
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Number, A::Error> {
                let n =
                    serde_json::Number::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let text = n.to_string();
                text.parse()
                    .map_err(|_| de::Error::custom(format!("unsupported number {text}")))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_number_takes_sixteen_bytes() {
        // the scale's unused values hold `None`: a row's cell values stay small
        assert_eq!(std::mem::size_of::<Number>(), 16);
        assert_eq!(std::mem::size_of::<Option<Number>>(), 16);
        for s in 0..=MAX_SCALE {
            let n = Number::new(-7, s).unwrap();
            assert_eq!((n.mantissa(), n.scale()), (-7, s));
            assert_eq!(
                format!("{n:?}"),
                format!("Number {{ mantissa: -7, scale: {s} }}")
            );
        }
        assert_eq!(Number::new(1, MAX_SCALE + 1), None);
    }

    #[test]
    fn parses_prefixes() {
        assert_eq!(
            Number::parse_prefix("7730.28"),
            Some((Number::new(773028, 2).unwrap(), 7))
        );
        assert_eq!(
            Number::parse_prefix("-18538"),
            Some((Number::int(-18538), 6))
        );
        assert_eq!(
            Number::parse_prefix("22（其中修订16件）").map(|p| p.0),
            Some(Number::int(22))
        );
        assert_eq!(
            Number::parse_prefix("1,234元"),
            Some((Number::int(1234), 5))
        );
        assert_eq!(
            Number::parse_prefix("１２").map(|p| p.0),
            Some(Number::int(12))
        );
        assert_eq!(Number::parse_prefix("1.属于"), Some((Number::int(1), 1)));
        assert_eq!(Number::parse_prefix("无"), None);
        assert_eq!(Number::parse_prefix("-"), None);
        assert_eq!(Number::parse_prefix("99999999999999999999"), None);
    }

    #[test]
    fn displays_exactly() {
        for s in ["0", "-18", "96171.6", "4166.241619", "0.05", "-0.5"] {
            assert_eq!(s.parse::<Number>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn json_round_trip() {
        for s in [
            "0",
            "-18",
            "96171.6",
            "4166.241619",
            "24252.311082",
            // issue 15.6: 17 significant digits, not representable as f64
            "907473734394313.5",
            "0.10",
            "-0.000000001",
            "92233720368.54775807",
            "-92233720368.54775807",
        ] {
            let n: Number = s.parse().unwrap();
            let j = serde_json::to_string(&n).unwrap();
            assert_eq!(j, s);
            assert_eq!(serde_json::from_str::<Number>(&j).unwrap(), n);
        }
    }

    #[test]
    fn exact_in_json_values_and_floats() {
        let n: Number = "907473734394313.5".parse().unwrap();
        // through serde_json::Value too
        let v = serde_json::to_value(n).unwrap();
        assert_eq!(v.to_string(), "907473734394313.5");
        assert_eq!(serde_json::from_value::<Number>(v).unwrap(), n);
        // inside a buffered (internally tagged) structure
        #[derive(Serialize, Deserialize, PartialEq, Debug)]
        #[serde(tag = "kind")]
        enum Tagged {
            A { n: Number, m: Option<Number> },
        }
        let t = Tagged::A {
            n,
            m: Some("12345678901234.5678".parse().unwrap()),
        };
        let j = serde_json::to_string(&t).unwrap();
        assert_eq!(
            j,
            r#"{"kind":"A","n":907473734394313.5,"m":12345678901234.5678}"#
        );
        assert_eq!(serde_json::from_str::<Tagged>(&j).unwrap(), t);
        // the nearest double
        assert_eq!(n.to_f64(), 907473734394313.5);
        let long: Number = "1234567890123456.789".parse().unwrap();
        assert_eq!(
            long.to_f64(),
            "1234567890123456.789".parse::<f64>().unwrap()
        );
        assert_eq!("0.1".parse::<Number>().unwrap().to_f64(), 0.1);
    }

    #[test]
    fn sums_exactly() {
        let a: Number = "0.1".parse().unwrap();
        let b: Number = "0.25".parse().unwrap();
        assert_eq!(a.checked_add(b).unwrap().to_string(), "0.35");
        assert_eq!(
            Number::int(1).cmp_value("1.0".parse().unwrap()),
            std::cmp::Ordering::Equal
        );
    }
}
