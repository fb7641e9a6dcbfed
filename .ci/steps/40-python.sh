#!/usr/bin/env bash
# Python checks (issue 5): the Python examples run on corpus files with the
# expected output, against the checkout's package and the freshly built
# library. The pytest suite runs in 45-wheel.sh against the installed wheel.
set -euo pipefail

SHARED="${OGI_SHARED:-../shared}"
SEED="$SHARED/corpus/seeds/004_d13c5985a7c040e2.txt"
FIXTURE=examples/data/qinglong-2021.txt
OUT=target/ci-python
mkdir -p "$OUT"

echo "40-python: cargo build (with PDF support, as the wheel ships it)"
cargo build --quiet --features pdf
export OGI_REPORT_LIB="$PWD/target/debug/libogi_report.so"

# The pytest suite runs once, against the installed wheel (45-wheel.sh);
# `OGI_REPORT_LIB=target/debug/libogi_report.so python -m pytest python/tests`
# runs it against the checkout.

echo "40-python: examples"
python3 examples/python/summary.py "$SHARED"/corpus/seeds/*.txt "$FIXTURE" > "$OUT/summary.txt"
cat "$OUT/summary.txt"
[ "$(wc -l < "$OUT/summary.txt")" -eq "$(ls "$SHARED"/corpus/seeds/*.txt | wc -l | awk '{print $1 + 1}')" ] \
    || { echo "40-python: summary.py should print one line per file"; exit 1; }
grep -q "004_d13c5985a7c040e2.txt	format=2021	year=2021	organ=丰城市洛市镇人民政府	applications=0	findings=" "$OUT/summary.txt" \
    || { echo "40-python: wrong summary for $SEED"; exit 1; }
grep -q "qinglong-2021.txt	format=2021	year=2021	organ=青龙镇人民政府	applications=6	" "$OUT/summary.txt" \
    || { echo "40-python: wrong summary for $FIXTURE"; exit 1; }
printf '\xff\xff\xfe\xff' > "$OUT/bad.txt"
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
