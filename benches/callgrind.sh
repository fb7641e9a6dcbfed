#!/usr/bin/env bash
# Exact, load-independent cost of parse + audit against the floor, in
# instructions per byte (valgrind's callgrind), plus the functions where the
# instructions go. Inputs: the corpus files of benches/parse.rs (seeds, PDF
# texts, two pingtan texts).
#
# Steady state: the parse figure is (run with ROUNDS+1 rounds) - (run with
# 1 round), divided by ROUNDS × bytes, so the one-time work of a process
# (building the vocabulary automaton and other lazily built tables, reading
# the files) is not counted per byte; the floor likewise.
# OGI_CALLGRIND_KEEP=DIR keeps the callgrind output files in DIR.
#
#   bash benches/callgrind.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
c=${OGI_SHARED:-../shared}/corpus
files=("$c"/seeds/*.txt "$c"/real/pdf/{hzq2023,hzq2024,szfgs2024}.layout.txt "$c"/real/pingtan/{2019-80576,2021-80613}.txt)
cargo build --profile profiling --example profile_parse
bin=target/profiling/examples/profile_parse
if [[ -n ${OGI_CALLGRIND_KEEP:-} ]]; then
  out=$OGI_CALLGRIND_KEEP
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/ogi-callgrind.XXXXXX")
  trap 'rm -rf "$out"' EXIT
fi
refs() { MODE=$1 N=$2 valgrind --tool=callgrind --callgrind-out-file="$out/$1-$2.out" "$bin" "${files[@]}" 2>&1 \
  | sed -n 's/.*I *refs: *//p' | tr -d ,; }
bytes=$(cat "${files[@]}" | wc -c)
base=$(refs floor 0)
floor1=$(refs floor 1)
floor=$(refs floor $((rounds + 1)))
parse1=$(refs parse 1)
parse=$(refs parse $((rounds + 1)))
python3 - "$bytes" "$rounds" "$base" "$floor1" "$floor" "$parse1" "$parse" <<'PY'
import sys
b, n, base, floor1, floor, parse1, parse = map(int, sys.argv[1:])
f, p = (floor - floor1) / (b * n), (parse - parse1) / (b * n)
cold = (parse1 - base) / b
print(f"{b} bytes x {n} rounds (after one warm-up round)")
print(f"floor:        {f:8.1f} instructions/byte")
print(f"parse+audit:  {p:8.1f} instructions/byte  ({f / p:.3f} of the floor's speed; target 0.25)")
print(f"first round:  {cold:8.1f} instructions/byte  (incl. the one-time set-up of the process)")
PY
echo "--- where parse+audit spends its instructions (inclusive) ---"
callgrind_annotate --inclusive=yes "$out/parse-$((rounds + 1)).out" 2>/dev/null \
  | grep -E 'ogi_report::|malloc\.c:(malloc|free|realloc) |finish_grow' | grep -v '=>' \
  | sed -E 's|/rustc/[0-9a-f]+/library/||; s|'"$PWD"'/||; s| \[[^]]*\]$||' | awk '!seen[$3]++' | head -30
