#!/usr/bin/env python3
"""Prints a one-line summary of every report file given on the command line.

    OGI_REPORT_LIB=target/debug/libogi_report.so \\
        python3 examples/python/summary.py ../shared/corpus/seeds/*.txt

Each line: path, format, year, organ, applications received this year
(applications/new_received/total) and the number of findings, tab-separated.
A file that cannot be parsed gives a line with the error position instead,
and the exit status is 1.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))  # run from a checkout

import ogi_report  # noqa: E402


def summary(path: Path) -> str:
    with ogi_report.parse_file(path) as report:
        received = report.cell("applications", "new_received", "total", default="-")
        return "\t".join(
            [
                str(path),
                f"format={report.format}",
                f"year={report.year if report.year is not None else '?'}",
                f"organ={report.organ or '?'}",
                f"applications={received}",
                f"findings={len(report.findings)}",
            ]
        )


def main(argv: list) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: summary.py REPORT.txt...", file=sys.stderr)
        return 2
    status = 0
    for name in argv:
        try:
            print(summary(Path(name)))
        except ogi_report.ParseError as e:
            print(f"{name}\terror at line {e.line}, column {e.column}: {e.message.splitlines()[0]}")
            status = 1
        except OSError as e:
            print(f"{name}\terror: {e.strerror}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
