#!/usr/bin/env bash
# Python checks (issue 5): the ctypes package's pytest suite against the
# freshly built library, the package installs with pip, and the two Python
# examples run on corpus files with the expected output. From the repo root.
set -euo pipefail

SHARED="${OGI_SHARED:-../shared}"
SEED="$SHARED/corpus/seeds/004_d13c5985a7c040e2.txt"
FIXTURE=examples/data/qinglong-2021.txt
OUT=target/ci-python
mkdir -p "$OUT"

echo "40-python: cargo build (with PDF support, as the wheel ships it)"
cargo build --quiet --features pdf
export OGI_REPORT_LIB="$PWD/target/debug/libogi_report.so"

# pytest in a private venv (no change to the system Python); fall back to pip.
VENV=target/ci-venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pytest, wheel" >/dev/null 2>&1; then
    if python3 -m venv "$VENV" >/dev/null 2>&1; then
        "$VENV/bin/python" -m pip install -q pytest wheel
    else
        python3 -m pip install -q pytest || python3 -m pip install -q --break-system-packages pytest
    fi
fi
PY=python3
[ -x "$VENV/bin/python" ] && PY="$VENV/bin/python"

echo "40-python: pytest"
set +e
"$PY" -m pytest python/tests -q
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
    echo "40-python: pytest collected no tests"; exit 1
elif [ "$rc" -ne 0 ]; then
    exit "$rc"
fi

echo "40-python: the package installs and imports outside the checkout"
if [ -x "$VENV/bin/python" ]; then
    "$VENV/bin/python" -m pip install -q --no-build-isolation --force-reinstall --no-deps ./python
    (cd "$OUT" && "../../$VENV/bin/python" -c "
import ogi_report, pathlib
assert 'site-packages' in ogi_report.__file__, ogi_report.__file__
assert (pathlib.Path(ogi_report.__file__).parent / 'py.typed').exists()
r = ogi_report.parse('')
assert r.format == 'unknown'
print('installed', ogi_report.__version__)
")
    "$VENV/bin/python" -m pip uninstall -q -y ogi-report
fi

echo "40-python: examples"
python3 examples/python/summary.py "$SHARED"/corpus/seeds/*.txt "$FIXTURE" > "$OUT/summary.txt"
cat "$OUT/summary.txt"
[ "$(wc -l < "$OUT/summary.txt")" -eq "$(ls "$SHARED"/corpus/seeds/*.txt | wc -l | awk '{print $1 + 1}')" ] \
    || { echo "40-python: summary.py should print one line per file"; exit 1; }
grep -q "004_d13c5985a7c040e2.txt	format=2021	year=2021	organ=丰城市洛市镇人民政府	applications=0	findings=" "$OUT/summary.txt" \
    || { echo "40-python: wrong summary for $SEED"; exit 1; }
grep -q "qinglong-2021.txt	format=2021	year=2021	organ=青龙镇人民政府	applications=6	" "$OUT/summary.txt" \
    || { echo "40-python: wrong summary for $FIXTURE"; exit 1; }
printf '\xff\xfe\xff\xff' > "$OUT/bad.txt"
if python3 examples/python/summary.py "$OUT/bad.txt" > "$OUT/bad.out"; then
    echo "40-python: summary.py accepted invalid bytes"; exit 1
fi
grep -q "error at line 1" "$OUT/bad.out" || { echo "40-python: no error position"; cat "$OUT/bad.out"; exit 1; }

python3 examples/python/applications_csv.py "$SEED" "$FIXTURE" > "$OUT/applications.csv"
head -3 "$OUT/applications.csv"
python3 - "$OUT/applications.csv" "$SEED" "$FIXTURE" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
seed, fixture = sys.argv[2], sys.argv[3]
assert rows, "no CSV rows"
assert list(rows[0])[:4] == ["file", "year", "organ", "row"], list(rows[0])
by = {(r["file"], r["row"]): r for r in rows}
assert by[(fixture, "new_received")]["total"] == "6", by[(fixture, "new_received")]
assert by[(fixture, "new_received")]["natural_person"] == "5"
assert by[(fixture, "total_processed")]["total"] == "6"
assert by[(seed, "new_received")]["year"] == "2021"
assert by[(seed, "total_processed")]["total"] == "0"
print(f"40-python: applications CSV ok ({len(rows)} rows)")
PY
echo "40-python: ok"
