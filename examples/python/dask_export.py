#!/usr/bin/env python3
"""Parse a folder tree of reports on a Dask cluster and write Parquet.

The route for users who outgrow one machine: the same tidy cells and
findings as ``ogi export --parquet``, computed by the Python package on the
workers of a Dask cluster (here a ``LocalCluster``; give ``--scheduler`` the
address of a real one, whose workers have ``ogi-report`` installed)::

    pip install ./python "dask[distributed,dataframe]" pyarrow
    python examples/python/dask_export.py ../shared/corpus out/
    # out/cells/*.parquet and out/findings/*.parquet (one part per batch)

Each task parses a batch of files (``--batch``); a file that cannot be read
or decoded becomes one row of ``out/errors/``, it does not stop the run.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Tuple

import pandas as pd

try:
    import ogi_report
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "python"))
    import ogi_report

CELL_COLUMNS = ["file", "organ", "year", "format", "table", "row", "column", "value", "raw", "line", "start", "end"]
FINDING_COLUMNS = ["file", "rule", "severity", "message", "table", "row", "column", "expected", "found", "line"]
ERROR_COLUMNS = ["file", "error"]


def report_files(root: Path) -> List[str]:
    """The .txt and .md files under ``root`` (sorted), as the ``ogi`` folder walk finds them."""
    if root.is_file():
        return [str(root)]
    return sorted(str(p) for p in root.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md"))


def parse_batch(paths: List[str]) -> Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Runs on a worker: the cells, findings and errors of a batch of files."""
    import ogi_report  # imported on the worker

    cells, findings, errors = [], [], []
    for path in paths:
        try:
            with ogi_report.parse_file(path) as report:
                c = report.to_pandas()
                c.insert(0, "file", path)
                c.insert(1, "organ", report.organ)
                c.insert(2, "year", report.year)
                c.insert(3, "format", str(report.format))
                cells.append(c)
                f = report.findings_frame()
                f.insert(0, "file", path)
                findings.append(f)
        except (ogi_report.OgiReportError, OSError) as e:
            errors.append({"file": path, "error": str(e).splitlines()[0]})
    return (
        _frame(cells, CELL_COLUMNS, {"year": "Int64"}),
        _frame(findings, FINDING_COLUMNS, {}),
        pd.DataFrame(errors, columns=ERROR_COLUMNS),
    )


def _frame(parts: List[pd.DataFrame], columns: List[str], types: dict) -> pd.DataFrame:
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
    frame = frame[columns]
    for name in columns:
        if name in ("value", "expected", "found"):
            frame[name] = frame[name].astype("float64")
        elif name in ("line", "start", "end") or name in types:
            frame[name] = frame[name].astype("Int64")
        else:
            frame[name] = frame[name].astype("string")
    return frame


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder tree of reports (or one file)")
    parser.add_argument("out", type=Path, help="output folder: cells/, findings/, errors/")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--batch", type=int, default=64, help="files per task (default 64)")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler instead of a LocalCluster")
    args = parser.parse_args()

    import dask
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    files = report_files(args.root)
    if not files:
        print(f"no .txt or .md files under {args.root}", file=sys.stderr)
        return 1
    batches = [files[i : i + args.batch] for i in range(0, len(files), args.batch)]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        parts = [dask.delayed(parse_batch)(b) for b in batches]
        meta = parse_batch([])
        outputs = {}
        for i, name in enumerate(["cells", "findings", "errors"]):
            frames = [dask.delayed(lambda t, i=i: t[i])(p) for p in parts]
            outputs[name] = dd.from_delayed(frames, meta=meta[i], verify_meta=False)
        args.out.mkdir(parents=True, exist_ok=True)
        for name, frame in outputs.items():
            frame.to_parquet(args.out / name, engine="pyarrow", write_index=False, overwrite=True)
        n_cells = len(dd.read_parquet(args.out / "cells"))
        n_errors = len(dd.read_parquet(args.out / "errors"))
        print(f"{len(files)} files in {len(batches)} tasks: {n_cells} cells, {n_errors} errors -> {args.out}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
