//! Ruling lines out of the path operators of a content stream: the straight
//! segments of stroked paths (`m`/`l`/`h`/`re` then `S`, `s`, `B`, `b`…)
//! and thin filled rectangles (`re` then `f`), in page space. Clipping paths
//! (`W n`) and paths ended with `n` draw nothing and give nothing. Curves
//! move the current point and give no rule.

use crate::grid::positions::Rule;

/// Filled rectangles thinner than this (points) are drawn lines.
const THIN: f64 = 2.5;
/// At most this many segments in one path (the rest are ignored).
const MAX_PATH_SEGMENTS: usize = 10_000;

/// A point in page space.
pub(super) type Point = (f64, f64);

/// The path being built and the rules painted so far.
#[derive(Debug, Default)]
pub(super) struct Paths {
    /// Segments of the current path: (from, to).
    segments: Vec<(Point, Point)>,
    /// Rectangles of the current path, as corners in page space.
    rects: Vec<[Point; 4]>,
    start: Option<Point>,
    current: Option<Point>,
    /// The rules painted on the page.
    pub(super) rules: Vec<Rule>,
    /// The most rules kept.
    pub(super) limit: usize,
}

impl Paths {
    /// No path yet; at most `limit` rules are kept.
    pub(super) fn new(limit: usize) -> Paths {
        Paths {
            limit,
            ..Paths::default()
        }
    }

    fn full(&self) -> bool {
        self.segments.len() >= MAX_PATH_SEGMENTS
    }

    /// `m`: a new subpath at `p`.
    pub(super) fn move_to(&mut self, p: Point) {
        self.start = Some(p);
        self.current = Some(p);
    }

    /// `l`: a segment to `p`.
    pub(super) fn line_to(&mut self, p: Point) {
        if let Some(c) = self.current
            && !self.full()
        {
            self.segments.push((c, p));
        }
        self.current = Some(p);
    }

    /// `c`, `v`, `y`: a curve to `p` (no rule).
    pub(super) fn curve_to(&mut self, p: Point) {
        self.current = Some(p);
    }

    /// `h`: back to the subpath's start.
    pub(super) fn close(&mut self) {
        if let Some(s) = self.start {
            self.line_to(s);
        }
    }

    /// `re`: a rectangle, its corners already in page space.
    pub(super) fn rect(&mut self, corners: [Point; 4]) {
        if self.rects.len() < MAX_PATH_SEGMENTS {
            self.rects.push(corners);
        }
        self.move_to(corners[0]);
    }

    /// A painting operator: `stroke` for the stroking ones, `fill` for the
    /// filling ones (both for `B`, `b`…); `n` passes neither.
    pub(super) fn paint(&mut self, stroke: bool, fill: bool) {
        let segments = std::mem::take(&mut self.segments);
        let rects = std::mem::take(&mut self.rects);
        self.start = None;
        self.current = None;
        if stroke {
            for (a, b) in segments {
                self.push(Rule::segment(a.0, a.1, b.0, b.1));
            }
            for r in &rects {
                for i in 0..4 {
                    let (a, b) = (r[i], r[(i + 1) % 4]);
                    self.push(Rule::segment(a.0, a.1, b.0, b.1));
                }
            }
        } else if fill {
            for r in &rects {
                self.push(thin_rect(r));
            }
        }
    }

    fn push(&mut self, r: Option<Rule>) {
        if let Some(r) = r
            && self.rules.len() < self.limit
        {
            self.rules.push(r);
        }
    }
}

/// A filled rectangle thin enough to be a line: the line along its middle.
fn thin_rect(r: &[Point; 4]) -> Option<Rule> {
    let xs = r.map(|p| p.0);
    let ys = r.map(|p| p.1);
    let (x0, x1) = (
        xs.iter().copied().fold(f64::INFINITY, f64::min),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let (y0, y1) = (
        ys.iter().copied().fold(f64::INFINITY, f64::min),
        ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= THIN && h > w {
        let x = (x0 + x1) / 2.0;
        Rule::segment(x, y0, x, y1)
    } else if h <= THIN && w > h {
        let y = (y0 + y1) / 2.0;
        Rule::segment(x0, y, x1, y)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        Paths::new(100)
    }

    #[test]
    fn stroked_lines_and_thin_fills_are_rules_clips_are_not() {
        let mut p = paths();
        p.move_to((10.0, 0.0));
        p.line_to((10.0, 50.0));
        p.paint(true, false);
        p.rect([(0.0, 0.0), (100.0, 0.0), (100.0, 80.0), (0.0, 80.0)]);
        p.paint(false, false); // W n
        p.rect([(20.0, 0.0), (20.5, 0.0), (20.5, 80.0), (20.0, 80.0)]);
        p.paint(false, true);
        p.rect([(0.0, 0.0), (30.0, 0.0), (30.0, 30.0), (0.0, 30.0)]);
        p.paint(false, true); // a filled box: no rule
        assert_eq!(p.rules.len(), 2);
        assert!(p.rules.iter().all(Rule::is_vertical));
        assert_eq!(p.rules[1].x(), 20.25);
    }
}
