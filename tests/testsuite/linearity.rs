//! The work of parse + audit grows linearly with the input (issue 9,
//! docs/performance.md "sp-syn"). Measured on the benchmarks' synthetic
//! report (seed 004's preamble, then its sections repeated, as
//! `synthetic/1MB` and `synthetic/10MB` are made) at 8, 16 and 32 copies
//! of its sections, with counts that do not depend on the machine's load:
//! the heap allocations and bytes asked for (the counting allocator of
//! [`crate::allocations`]), the sections and the findings. The second step
//! adds twice the copies of the first, so it may add twice the work and no
//! more: a path that grows faster than the input (a list copied per
//! section, a search of all findings per finding) fails here, while the
//! 16 copies are still quick to parse in a debug build. 32 copies hold more
//! pieces than the parser's `RELEASE_MIN` (4,096), so the dropping of
//! built pieces is measured too.

#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

use synthetic::synthetic;

/// What parse + audit of one text takes and gives.
#[derive(Debug, Clone, Copy)]
struct Work {
    allocations: u64,
    bytes: u64,
    sections: usize,
    findings: usize,
}

/// `base`'s preamble, then `copies` copies of its sections.
fn repeated(base: &str, copies: usize) -> String {
    let preamble = synthetic(base, 0).len();
    let body = synthetic(base, preamble + 1).len() - preamble;
    synthetic(base, preamble + (copies - 1) * body + 1)
}

fn work(text: &str) -> Work {
    let (allocations, bytes, report) =
        crate::allocations::count(|| ogi_report::parse_bytes(text.as_bytes()).expect("parses"));
    Work {
        allocations,
        bytes,
        sections: report.sections.len(),
        findings: report.findings.len(),
    }
}

#[test]
fn parse_and_audit_work_grows_linearly_with_the_input() {
    let path = crate::util::shared_dir().join("corpus/seeds/004_d13c5985a7c040e2.txt");
    let base = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // warm up: lazily built automata and tables are built once per process
    let _ = work(&base);
    let [w8, w16, w32] = [8, 16, 32].map(|k| work(&repeated(&base, k)));
    eprintln!("8, 16, 32 copies: {w8:?}, {w16:?}, {w32:?}");
    // every copy is the same text: the same sections and findings each
    assert_eq!(
        w32.sections - w16.sections,
        2 * (w16.sections - w8.sections)
    );
    assert_eq!(
        w32.findings - w16.findings,
        2 * (w16.findings - w8.findings)
    );
    let (a1, a2) = (
        w16.allocations - w8.allocations,
        w32.allocations - w16.allocations,
    );
    assert!(
        a2 <= 2 * a1 + a1 / 50,
        "16 more copies took {a2} allocations, 8 more took {a1}"
    );
    let (b1, b2) = (w16.bytes - w8.bytes, w32.bytes - w16.bytes);
    assert!(
        b2 <= 2 * b1 + b1 / 4,
        "16 more copies asked for {b2} bytes, 8 more for {b1}"
    );
}
