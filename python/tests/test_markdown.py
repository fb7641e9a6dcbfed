"""Converter markdown (a report's PDF read by a PDF-to-markdown converter):
recognised by content, figures read, findings located in the markdown."""

from __future__ import annotations

import ogi_report
from conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "markdown"


def test_markdown_reads_every_table() -> None:
    # a path, the bytes and the text all take the markdown path
    path = FIXTURES / "03-split-labels.md"
    for source in (path, path.read_bytes(), path.read_text(encoding="utf-8")):
        with ogi_report.parse(source) as report:
            assert report.year == 2022
            assert report.cell("applications", "new_received", "total") == 27
            assert report.cell("applications", "denied_state_secret", "natural_person") == 1
            assert report.cell("review_litigation", "review", "total") == 4
            assert report.cell("active_disclosure", "licensing", "decisions") == 356
            assert report.findings == []


def test_markdown_findings_point_into_the_markdown() -> None:
    with ogi_report.parse(FIXTURES / "03-split-labels.bad.md") as report:
        located = [(f.rule, f.line, f.column) for f in report.findings]
        assert ("applications.row_total", 39, 46) in located
