#!/usr/bin/env bash
# Does parse + audit cost the same per byte at every size? Instructions per
# byte (valgrind's callgrind) of the benchmarks' synthetic report
# (benches/support/synthetic.rs: seed 004's preamble, then its sections
# repeated) at several sizes. Steady state, as in benches/callgrind.sh: (run
# with 2 rounds) - (run with 1 round), over the bytes, so the one-time work
# of the process is not counted. Linear work gives the same figure at every
# size; see docs/performance.md "sp-syn" for the figures and for why the
# time per byte still grows past the last-level cache.
# OGI_CALLGRIND_KEEP=DIR keeps the inputs and the callgrind output files.
#
#   bash benches/callgrind-sizes.sh [SIZE_IN_KIB...]   (default: 64 256 1024 4096)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(64 256 1024 4096)
seed=${OGI_SHARED:-../shared}/corpus/seeds/004_d13c5985a7c040e2.txt
cargo build --profile profiling --example profile_parse --example synthetic
bin=target/profiling/examples
if [[ -n ${OGI_CALLGRIND_KEEP:-} ]]; then
  out=$OGI_CALLGRIND_KEEP
  mkdir -p "$out"
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/ogi-callgrind-sizes.XXXXXX")
  trap 'rm -rf "$out"' EXIT
fi
refs() { N=$2 valgrind --tool=callgrind --callgrind-out-file="$out/syn-$1k-$2.out" "$bin/profile_parse" "$out/syn-$1k.txt" 2>&1 \
  | sed -n 's/.*I *refs: *//p' | tr -d ,; }
echo "size KiB      bytes   parse+audit instructions/byte (steady)"
for k in "${sizes[@]}"; do
  "$bin/synthetic" "$seed" $((k * 1024)) > "$out/syn-${k}k.txt"
  bytes=$(wc -c < "$out/syn-${k}k.txt")
  one=$(refs "$k" 1)
  two=$(refs "$k" 2)
  python3 -c "import sys; k, b, one, two = map(int, sys.argv[1:]); print(f'{k:8} {b:10} {(two - one) / b:10.1f}')" "$k" "$bytes" "$one" "$two"
done
