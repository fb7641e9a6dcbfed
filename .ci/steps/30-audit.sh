#!/usr/bin/env bash
# ogi audit over the whole shared corpus: every file must be readable (no
# error message on stderr; the exit status is 1 for an unreadable file as for
# an error finding) and the known source errors (洪泽 2023, Table 4) must make
# the run exit 1. README* files describe a folder and are not audited.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${OGI_SHARED:-$(cd .. && pwd)/shared}"
cargo build --quiet --features cli --bin ogi
ogi=target/debug/ogi
"$ogi" audit --list-rules >/dev/null
set +e
"$ogi" audit --format json "$shared/corpus" >/tmp/ogi-audit-corpus.jsonl 2>/tmp/ogi-audit-corpus.err
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "ogi audit over the corpus exited $status, expected 1 (errors in hzq2023)" >&2
  exit 1
fi
if grep -q '^ogi: ' /tmp/ogi-audit-corpus.err; then
  echo "ogi audit could not read some corpus files:" >&2
  grep '^ogi: ' /tmp/ogi-audit-corpus.err >&2
  exit 1
fi
files=$(find "$shared/corpus" \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.htm' -o -name '*.shtml' -o -iname '*.pdf' \) ! -iname 'README*' | wc -l)
lines=$(wc -l </tmp/ogi-audit-corpus.jsonl)
if [ "$files" -ne "$lines" ]; then
  echo "ogi audit printed $lines JSON objects for $files files" >&2
  exit 1
fi
echo "ogi audit: $lines files audited"

# The cross-report rules over the Pingtan series (issue 13): the carry-over
# from year to year agrees in every report, so no series finding and exit 0.
# (the .txt of each year: its .html page is the same report)
set +e
"$ogi" audit --across --rule series --rule rollup --format json \
  "$shared"/corpus/real/pingtan/*.txt >/tmp/ogi-audit-across.jsonl
status=$?
set -e
if [ "$status" -ne 0 ] || grep -q '"rule":"series\.' /tmp/ogi-audit-across.jsonl; then
  echo "ogi audit --across over Pingtan exited $status or found series findings" >&2
  exit 1
fi

# Findings as a tidy CSV: one header line, then one line per finding.
"$ogi" export --quiet --force "$shared/corpus" --findings /tmp/ogi-findings.csv
head -n 1 /tmp/ogi-findings.csv | grep -qx 'file,rule,severity,table,row,column,expected,found,line,col,message'
echo "ogi audit --across and ogi export --findings: ok"
