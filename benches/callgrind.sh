#!/usr/bin/env bash
# Exact, load-independent cost of parse + audit against the floor, in
# instructions per byte (valgrind's callgrind), plus the functions where the
# instructions go. Inputs: the corpus files of benches/parse.rs (seeds, PDF
# texts, two pingtan texts).
#
#   bash benches/callgrind.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
c=${OGI_SHARED:-../shared}/corpus
files=("$c"/seeds/*.txt "$c"/real/pdf/{hzq2023,hzq2024,szfgs2024}.layout.txt "$c"/real/pingtan/{2019-80576,2021-80613}.txt)
cargo build --profile profiling --example profile_parse
bin=target/profiling/examples/profile_parse
out=$(mktemp -d "${TMPDIR:-/tmp}/ogi-callgrind.XXXXXX")
trap 'rm -rf "$out"' EXIT
refs() { MODE=$1 N=$2 valgrind --tool=callgrind --callgrind-out-file="$out/$1-$2.out" "$bin" "${files[@]}" 2>&1 \
  | sed -n 's/.*I *refs: *//p' | tr -d ,; }
bytes=$(cat "${files[@]}" | wc -c)
base=$(refs floor 0)
floor=$(refs floor "$rounds")
parse=$(refs parse "$rounds")
python3 - "$bytes" "$rounds" "$base" "$floor" "$parse" <<'PY'
import sys
b, n, base, floor, parse = map(int, sys.argv[1:])
f, p = (floor - base) / (b * n), (parse - base) / (b * n)
print(f"{b} bytes x {n} rounds")
print(f"floor:        {f:8.1f} instructions/byte")
print(f"parse+audit:  {p:8.1f} instructions/byte  ({f / p:.3f} of the floor's speed; target 0.25)")
PY
echo "--- where parse+audit spends its instructions (inclusive) ---"
callgrind_annotate --inclusive=yes "$out/parse-$rounds.out" 2>/dev/null \
  | grep -E 'ogi_report::|malloc\.c:(malloc|free|realloc) |finish_grow' | grep -v '=>' \
  | sed -E 's|/rustc/[0-9a-f]+/library/||; s|'"$PWD"'/||; s| \[[^]]*\]$||' | awk '!seen[$3]++' | head -30
