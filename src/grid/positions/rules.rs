//! Ruling lines drawn on a page, used as a hint where they are drawn: a
//! vertical rule between two glyphs keeps them in different chunks, and a
//! vertical rule through a table block's rows keeps the figures on either
//! side in different columns. Nothing depends on them: a page without rules
//! is read from the gaps and the header cells alone.

/// A straight, axis-aligned line segment drawn on a page (points, from the
/// page's bottom left), such as a table's ruling line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end.
    pub x0: f64,
    /// Bottom end.
    pub y0: f64,
    /// Right end.
    pub x1: f64,
    /// Top end.
    pub y1: f64,
}

impl Rule {
    /// A segment from `(xa, ya)` to `(xb, yb)`, its ends ordered; `None`
    /// when it is neither vertical nor horizontal (within 0.5 pt) or not
    /// finite.
    pub fn segment(xa: f64, ya: f64, xb: f64, yb: f64) -> Option<Rule> {
        if ![xa, ya, xb, yb].iter().all(|v| v.is_finite()) {
            return None;
        }
        let r = Rule {
            x0: xa.min(xb),
            y0: ya.min(yb),
            x1: xa.max(xb),
            y1: ya.max(yb),
        };
        (r.is_vertical() || r.x1 - r.x0 > 0.0 && r.y1 - r.y0 <= 0.5).then_some(r)
    }

    /// True when the segment is vertical (at most 0.5 pt wide, longer than
    /// it is wide).
    pub fn is_vertical(&self) -> bool {
        self.x1 - self.x0 <= 0.5 && self.y1 - self.y0 > self.x1 - self.x0
    }

    /// The x of a vertical rule.
    pub fn x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The vertical rules of a page, collinear pieces joined, sorted by x.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerticalRules {
    /// (x, bottom, top), sorted by x then bottom.
    rules: Vec<(f64, f64, f64)>,
}

/// At most this many vertical rules are kept per page (a ruled table of a
/// report has a few hundred pieces); the rest are ignored.
pub const MAX_RULES: usize = 20_000;

/// At most this many rules are looked at between two glyphs.
const MAX_SCAN: usize = 256;

impl VerticalRules {
    /// The vertical ones of `rules`, pieces on one x (within 0.5 pt) that
    /// touch or overlap joined into one.
    pub fn new(rules: &[Rule]) -> VerticalRules {
        let mut v: Vec<(f64, f64, f64)> = rules
            .iter()
            .filter(|r| r.is_vertical())
            .take(MAX_RULES)
            .map(|r| (r.x(), r.y0, r.y1))
            .collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        let mut out: Vec<(f64, f64, f64)> = Vec::with_capacity(v.len());
        for r in v {
            // the last piece on (about) the same x that reaches this one
            let joined = out
                .iter_mut()
                .rev()
                .take_while(|o| r.0 - o.0 <= 0.5)
                .find(|o| r.1 <= o.2 + 1.0);
            match joined {
                Some(o) => o.2 = o.2.max(r.2),
                None => out.push(r),
            }
        }
        VerticalRules { rules: out }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules strictly between `xa` and `xb` (`xa < xb`) that reach the
    /// band `y_lo..=y_hi`.
    fn between(&self, xa: f64, xb: f64, y_lo: f64, y_hi: f64) -> impl Iterator<Item = f64> + '_ {
        let start = self.rules.partition_point(|r| r.0 <= xa);
        self.rules[start..]
            .iter()
            .take_while(move |r| r.0 < xb)
            .take(MAX_SCAN)
            .filter(move |r| r.1 <= y_hi && r.2 >= y_lo)
            .map(|r| r.0)
    }

    /// True when a rule separates a glyph centred at `xa` from one centred
    /// at `xb` on the baseline `y` (font size `size`).
    pub fn separates(&self, xa: f64, xb: f64, y: f64, size: f64) -> bool {
        let (a, b) = if xa <= xb { (xa, xb) } else { (xb, xa) };
        self.between(a, b, y, y + 0.5 * size).next().is_some()
    }

    /// The x of the rules between `xa` and `xb` that cross every baseline
    /// of `ys` (within half a font size `size` above it), sorted, each once.
    pub fn crossing(&self, xa: f64, xb: f64, ys: &[f64], size: f64) -> Vec<f64> {
        let (Some(lo), Some(hi)) = (
            ys.iter().copied().reduce(f64::min),
            ys.iter().copied().reduce(f64::max),
        ) else {
            return Vec::new();
        };
        let mut out: Vec<f64> = Vec::new();
        let start = self.rules.partition_point(|r| r.0 <= xa);
        for r in self.rules[start..].iter().take_while(|r| r.0 < xb) {
            if r.1 <= lo && r.2 >= hi + 0.5 * size && out.last().is_none_or(|x| r.0 - x > 0.5) {
                out.push(r.0);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(x: f64, y0: f64, y1: f64) -> Rule {
        Rule::segment(x, y0, x, y1).unwrap()
    }

    #[test]
    fn pieces_on_one_x_are_joined() {
        let r = VerticalRules::new(&[v(100.0, 0.0, 10.0), v(100.2, 10.5, 20.0), v(50.0, 0.0, 5.0)]);
        assert_eq!(r.rules, vec![(50.0, 0.0, 5.0), (100.0, 0.0, 20.0)]);
        assert!(r.separates(90.0, 110.0, 12.0, 5.0));
        assert!(!r.separates(90.0, 110.0, 25.0, 5.0));
        assert_eq!(r.crossing(0.0, 200.0, &[2.0, 4.0], 1.0), vec![50.0, 100.0]);
        assert_eq!(r.crossing(0.0, 200.0, &[2.0, 15.0], 1.0), vec![100.0]);
    }

    #[test]
    fn slanted_segments_are_not_rules() {
        assert!(Rule::segment(0.0, 0.0, 5.0, 5.0).is_none());
        assert!(Rule::segment(0.0, 0.0, f64::NAN, 5.0).is_none());
        assert!(!Rule::segment(0.0, 3.0, 50.0, 3.0).unwrap().is_vertical());
    }
}
