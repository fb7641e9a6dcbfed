#!/usr/bin/env bash
# Times `ogi export` on N reports (default 10,000): the corpus .txt files are
# replicated into a temporary folder (100 files per sub-folder), then
# `/usr/bin/time -v` reports wall time and peak RSS.
#
#   bash benches/export-10k.sh [N] [extra ogi export args, e.g. --jobs 1]
#
# Needs GNU time (`apt-get install time`) and the shared corpus beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
shift || true
corpus=${OGI_SHARED:-../shared}/corpus
mapfile -t src < <(find "$corpus" -name '*.txt' | sort)
[ ${#src[@]} -gt 0 ] || { echo "no .txt files under $corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time" >&2; exit 1; }

cargo build --release --features cli --bin ogi
work=$(mktemp -d "${TMPDIR:-/tmp}/ogi-export-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$work/in" "$n" "${src[@]}" <<'PY'
import os, shutil, sys
out, n, src = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for i in range(n):
    d = os.path.join(out, str(i // 100))
    os.makedirs(d, exist_ok=True)
    shutil.copyfile(src[i % len(src)], os.path.join(d, f"{i}.txt"))
PY
echo "$n reports, $(du -sb "$work/in" | cut -f1) bytes, from ${#src[@]} corpus files" >&2
# warm the page cache so the figure is parse + write, not disk
cat "$work"/in/*/*.txt > /dev/null

/usr/bin/time -v target/release/ogi export "$work/in" --csv "$work/cells.csv" --jsonl "$work/reports.jsonl" "$@" \
  2> "$work/time.txt" || true
grep -E '^ogi export|^  ' "$work/time.txt" | grep -v -E '^\s+(Average|Major|Minor|Volun|Invol|Swaps|File sys|Socket|Signals|Page size|Exit|Command|Percent|System time|User time|Elapsed)' || true
grep -E 'Elapsed \(wall|Maximum resident|User time|System time|Percent of CPU|Exit status' "$work/time.txt"
echo "csv: $(wc -l < "$work/cells.csv") lines, $(du -h "$work/cells.csv" | cut -f1); jsonl: $(wc -l < "$work/reports.jsonl") lines, $(du -h "$work/reports.jsonl" | cut -f1)"
