#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the shared corpus ($OGI_SHARED, default
# ../shared beside the repository), tests/fixtures, and long generated inputs:
# the pathological generators of tests/testsuite/roundtrip.rs (heading-like
# lines, one long line, （一） lines, nested markers, tab lines, table headers,
# blank lines, unclosed brackets, `1.` lines, `/` cells) at about 64 KB and
# 1 MB, and the corpus reports concatenated up to about 1 MB, so a campaign run
# with -max_len=1048576 starts from long inputs instead of growing them from
# 17 KB. The corpus folders are git-ignored: real reports are not copied into
# the repository.
set -euo pipefail
cd "$(dirname "$0")"
SHARED="${OGI_SHARED:-../../shared}"
[ -d "$SHARED/corpus" ] || SHARED=../../../shared
gen() { # gen NAME UNIT MAX_BYTES: UNIT repeated as often as fits in MAX_BYTES
    python3 -c 'import sys; u = sys.argv[1].encode(); sys.stdout.buffer.write(u * (int(sys.argv[2]) // len(u)))' "$2" "$3"
}
for target in parse_bytes roundtrip; do
    dir="corpus/$target"
    mkdir -p "$dir"
    { find "$SHARED/corpus" ../tests/fixtures -type f \( -name "*.txt" -o -name "*.md" \) 2>/dev/null || true; } \
        | while read -r f; do
            cp "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")"
        done
    # the reports of the corpus, concatenated (several reports in one file)
    { for _ in 1 2 3 4; do find "$SHARED/corpus" -type f -name "*.txt" | sort | xargs cat; done || true; } 2>/dev/null | head -c 1048000 > "$dir/seed-long-corpus-cat.txt"
    for size in 65536 1048000; do
        gen x $'一、总体情况\n' $size > "$dir/seed-long-heading-$size.txt"
        gen x '我' $size > "$dir/seed-long-line-$size.txt"
        gen x $'（一）\n' $size > "$dir/seed-long-paren-$size.txt"
        gen x $'（一）\n1.\n（1）\n①\n一是\n' $size > "$dir/seed-long-nested-$size.txt"
        gen x $'规章\t1\t2\t3\n' $size > "$dir/seed-long-tabs-$size.txt"
        gen x $'申请人情况\t自然人\n第二十条第（一）项\n' $size > "$dir/seed-long-headers-$size.txt"
        gen x $'\n' $size > "$dir/seed-long-blank-$size.txt"
        gen x '（' $size > "$dir/seed-long-brackets-$size.txt"
        gen x $'1.\n' $size > "$dir/seed-long-dot-$size.txt"
        { printf '三、收到和处理政府信息公开申请情况\n'; gen x $'本年新收政府信息公开申请数量\t/\t/\t/\t/\t/\t/\t/\n' $((size - 100)); } > "$dir/seed-long-slash-$size.txt"
    done
done
# the PDF front end: the shared PDFs
mkdir -p corpus/parse_pdf
{ find "$SHARED/corpus" ../tests/fixtures -type f -name "*.pdf" 2>/dev/null || true; } | while read -r f; do
    cp "$f" "corpus/parse_pdf/seed-$(basename "$f")"
done
ls corpus/*/ | wc -l
du -sh corpus
