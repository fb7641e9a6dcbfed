#!/usr/bin/env bash
# Data that flows on (issue 14): `ogi export --parquet` (cargo feature
# `parquet`) is read back with DuckDB and its sums checked against the CSV
# export and the Python package; the Dask example runs on a LocalCluster over
# a small folder tree with the installed wheel and its Parquet is checked the
# same way. Runs after 45-wheel.sh (it reuses that step's venv with the wheel).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${OGI_SHARED:-$(cd .. && pwd)/shared}"
OUT=target/ci-dataflow
VENV=target/ci-wheel/venv
rm -rf "$OUT"
mkdir -p "$OUT/tree"
[ -x "$VENV/bin/python" ] || { echo "60-dataflow: run .ci/steps/45-wheel.sh first (it builds the venv)"; exit 1; }
"$VENV/bin/python" -m pip install -q duckdb "dask[distributed,dataframe]" pyarrow

echo "60-dataflow: ogi export --parquet"
cargo build --quiet --features parquet --bin ogi
# a small folder tree: the seeds and one subfolder of real reports
cp "$shared"/corpus/seeds/*.txt examples/data/*.txt "$OUT/tree/"
mkdir -p "$OUT/tree/pingtan"
cp "$shared"/corpus/real/pingtan/202[0-3]-*.txt "$OUT/tree/pingtan/"
target/debug/ogi export --quiet "$OUT/tree" --parquet "$OUT/pq" --csv "$OUT/cells.csv" || [ $? -eq 1 ]

echo "60-dataflow: the Dask example on a LocalCluster"
(unset OGI_REPORT_LIB; "$VENV/bin/python" examples/python/dask_export.py "$OUT/tree" "$OUT/dask" --workers 2 --batch 4)

echo "60-dataflow: read back with DuckDB"
(unset OGI_REPORT_LIB; "$VENV/bin/python" - "$OUT" <<'PY'
import sys
from pathlib import Path

import duckdb
import ogi_report

out = Path(sys.argv[1])
cells = str(out / "pq" / "cells.parquet")
findings = str(out / "pq" / "findings.parquet")
con = duckdb.connect()

def one(sql):
    return con.execute(sql).fetchone()

n_pq, sum_pq = one(f"select count(*), sum(value) from '{cells}'")
n_csv, sum_csv = one(
    f"select count(*), sum(try_cast(value as double)) from read_csv('{out / 'cells.csv'}', all_varchar=true)"
)
assert n_pq == n_csv and n_pq > 0, (n_pq, n_csv)
assert abs(sum_pq - sum_csv) < 1e-6, (sum_pq, sum_csv)

# the applications received, summed by DuckDB, equal the Python package's own sum
(received,) = one(
    f"""select sum(value) from '{cells}'
        where "table" = 'applications' and "row" = 'new_received' and "column" = 'total'"""
)
files = [f for (f,) in con.execute(f"select distinct file from '{cells}'").fetchall()]
expected = 0.0
for f in files:
    with ogi_report.parse_file(f) as r:
        expected += r.cell("applications", "new_received", "total", default=0)
assert received == expected and received > 0, (received, expected)

# exact decimals travel beside the double
bad = one(f"select count(*) from '{cells}' where value is not null and cast(value_text as double) <> value")[0]
assert bad == 0, bad

n_findings = one(f"select count(*) from '{findings}'")[0]
assert n_findings > 0
errors = one(f"select count(*) from '{findings}' where severity = 'error'")[0]

# the Dask example wrote the same cells
n_dask, sum_dask = one(f"select count(*), sum(value) from read_parquet('{out / 'dask' / 'cells' / '*.parquet'}')")
assert (n_dask, sum_dask) == (n_pq, sum_pq), ((n_dask, sum_dask), (n_pq, sum_pq))
n_dask_findings = one(f"select count(*) from read_parquet('{out / 'dask' / 'findings' / '*.parquet'}')")[0]
assert n_dask_findings == n_findings, (n_dask_findings, n_findings)
print(
    f"60-dataflow: {len(files)} files, {n_pq} cells (sum {sum_pq:g}), "
    f"{int(received)} applications received, {n_findings} findings ({errors} errors); Dask agrees"
)
PY
)
echo "60-dataflow: ok"
