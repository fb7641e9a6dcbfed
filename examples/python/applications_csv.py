#!/usr/bin/env python3
"""Writes the applications table (收到和处理政府信息公开申请情况) of every
report given on the command line as CSV on stdout, with the standard
library's csv module (no pandas).

    OGI_REPORT_LIB=target/debug/libogi_report.so \\
        python3 examples/python/applications_csv.py ../shared/corpus/seeds/*.txt > applications.csv

One row per report and table row: file, year, organ, row key, then one
column per applicant column key (model.md). Empty cells are empty; a report
without an applications table contributes no rows.
"""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))  # run from a checkout

import ogi_report  # noqa: E402

COLUMNS = [
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
]


def applications_rows(report: ogi_report.Report):
    """Yields (row key, {column key: value}) in the report's order."""
    for block in _tables(report.to_dict()):
        if block.get("kind") == "applications":
            for row_key, cells in block.get("rows", {}).items():
                yield row_key, cells
            return


def _tables(data: dict):
    def walk(blocks):
        for block in blocks:
            if "table" in block:
                yield block["table"]
            elif "subsection" in block:
                yield from walk(block["subsection"].get("blocks", []))

    yield from walk(data.get("preamble", []))
    for section in data.get("sections", []):
        yield from walk(section.get("blocks", []))
    yield from walk(data.get("closing", []))


def main(argv: list) -> int:
    if not argv:
        print("usage: applications_csv.py REPORT.txt...", file=sys.stderr)
        return 2
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["file", "year", "organ", "row"] + COLUMNS)
    status = 0
    for name in argv:
        try:
            with ogi_report.parse_file(name) as report:
                for row_key, cells in applications_rows(report):
                    values = ["" if cells.get(c) is None else cells[c] for c in COLUMNS]
                    out.writerow([name, report.year or "", report.organ or "", row_key] + values)
        except (ogi_report.ParseError, OSError) as e:
            print(f"{name}: {e}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
