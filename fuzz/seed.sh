#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from ../shared/corpus and tests/fixtures
# (the corpus folders are git-ignored: real reports are not copied into the repository).
set -euo pipefail
cd "$(dirname "$0")"
for target in parse_bytes roundtrip; do
    mkdir -p "corpus/$target"
    { find "${OGI_SHARED:-../../shared}/corpus" ../tests/fixtures -type f -name "*.txt" 2>/dev/null || true; } | while read -r f; do
        cp "$f" "corpus/$target/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
    done
done
# the PDF front end: the shared PDFs
mkdir -p corpus/parse_pdf
{ find "${OGI_SHARED:-../../shared}/corpus" ../tests/fixtures -type f -name "*.pdf" 2>/dev/null || true; } | while read -r f; do
    cp "$f" "corpus/parse_pdf/seed-$(basename "$f")"
done
ls corpus/*/ | wc -l
