#!/usr/bin/env bash
# C ABI checks (issue 5): the header compiles standalone as C and C++, the C
# smoke test and the C example compile with -Werror against target/debug and
# run clean under valgrind, the example prints what it should, and the shared
# library exports only ogi_* symbols. Run from the repository root.
set -euo pipefail

SHARED="${OGI_SHARED:-../shared}"
SEED="$SHARED/corpus/seeds/004_d13c5985a7c040e2.txt"
FIXTURE=examples/data/qinglong-2021.txt
HTML=tests/fixtures/html/applications-2021-rowspan.html
OUT=target/ci-c
mkdir -p "$OUT"

if ! command -v valgrind >/dev/null; then
    echo "30-c: installing valgrind"
    apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi

echo "30-c: cargo build (with PDF support, as shipped)"
cargo build --quiet --features pdf

echo "30-c: header compiles on its own"
cc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -x c include/ogi_report.h
c++ -std=c++11 -Wall -Wextra -Werror -fsyntax-only -x c++ include/ogi_report.h

# the library's SONAME is libogi_report.so.N (N = OGI_ABI_VERSION); cargo
# writes only libogi_report.so
abi=$(sed -n 's/^pub const OGI_ABI_VERSION: u32 = \([0-9]*\);$/\1/p' src/ffi/version.rs)
soname=$(readelf -d target/debug/libogi_report.so | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = "libogi_report.so.$abi" ] || { echo "30-c: SONAME is '$soname', expected libogi_report.so.$abi"; exit 1; }
ln -sf libogi_report.so "target/debug/$soname"

echo "30-c: compile smoke test and example"
CFLAGS=(-std=c99 -Wall -Wextra -Werror -g -Iinclude)
cc "${CFLAGS[@]}" tests/c/smoke.c -Ltarget/debug -logi_report -o "$OUT/smoke"
cc "${CFLAGS[@]}" examples/c/parse.c -Ltarget/debug -logi_report -o "$OUT/parse"
# the static library links too
cc "${CFLAGS[@]}" examples/c/parse.c target/debug/libogi_report.a -lpthread -ldl -lm -o "$OUT/parse-static"
# and the documented Makefile works
make -s -C examples/c parse CFLAGS="-std=c99 -Wall -Wextra -Werror -O2" >/dev/null
rm -f examples/c/parse

VG=(valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect)
export LD_LIBRARY_PATH=target/debug

echo "30-c: smoke test under valgrind"
"${VG[@]}" "$OUT/smoke" "$SEED" 2021
"${VG[@]}" "$OUT/smoke" "$FIXTURE"
# an HTML page goes through the same entry point (recognised by its content)
"${VG[@]}" "$OUT/smoke" "$HTML" 2021

echo "30-c: example under valgrind"
"${VG[@]}" "$OUT/parse" "$SEED" > "$OUT/seed.out"
"${VG[@]}" "$OUT/parse" "$FIXTURE" > "$OUT/fixture.out"
"$OUT/parse-static" "$SEED" > "$OUT/seed-static.out"
cat "$OUT/seed.out"
grep -qx "format: 2021" "$OUT/seed.out" || { echo "30-c: expected 'format: 2021' for $SEED"; exit 1; }
grep -qx "year: 2021" "$OUT/seed.out" || { echo "30-c: expected 'year: 2021' for $SEED"; exit 1; }
grep -qE "^applications total: " "$OUT/seed.out" || { echo "30-c: no applications total"; exit 1; }
"${VG[@]}" "$OUT/parse" "$HTML" > "$OUT/html.out"
cat "$OUT/html.out"
grep -qx "format: 2021" "$OUT/html.out" || { echo "30-c: expected 'format: 2021' for $HTML"; exit 1; }
grep -qx "applications total: 13" "$OUT/html.out" || { echo "30-c: expected 'applications total: 13' for $HTML"; exit 1; }
grep -qE "^findings: [0-9]+$" "$OUT/seed.out" || { echo "30-c: no findings count"; exit 1; }
cmp -s "$OUT/seed.out" "$OUT/seed-static.out" || { echo "30-c: static and shared builds differ"; exit 1; }
cat "$OUT/fixture.out"
for want in "format: 2021" "year: 2021" "organ: 青龙镇人民政府" "applications total: 6"; do
    grep -qx "$want" "$OUT/fixture.out" || { echo "30-c: expected '$want' for $FIXTURE"; exit 1; }
done

echo "30-c: a published PDF through the same entry point, under valgrind"
PDF="$SHARED/corpus/real/pdf/hzq2023_working.pdf"
"${VG[@]}" "$OUT/parse" "$PDF" > "$OUT/pdf.out"
cat "$OUT/pdf.out"
for want in "format: 2021" "year: 2023" "organ: 洪泽区人民政府" "applications total: 21"; do
    grep -qx "$want" "$OUT/pdf.out" || { echo "30-c: expected '$want' for $PDF"; exit 1; }
done

echo "30-c: a bad file fails cleanly"
printf '\xff\xff\xfe\xff' > "$OUT/bad.txt"
if "${VG[@]}" "$OUT/parse" "$OUT/bad.txt" 2> "$OUT/bad.err"; then
    echo "30-c: parse accepted invalid bytes"; exit 1
fi
grep -q "bad.txt:1:" "$OUT/bad.err" || { echo "30-c: no position in error"; cat "$OUT/bad.err"; exit 1; }

echo "30-c: install with the pkg-config file, build and run the example from it"
if ! command -v pkg-config >/dev/null; then
    apt-get update -qq && apt-get install -y -qq pkg-config >/dev/null
fi
rm -rf "$OUT/prefix"
PROFILE=debug scripts/install-c-library.sh "$PWD/$OUT/prefix"
export PKG_CONFIG_PATH="$PWD/$OUT/prefix/lib/pkgconfig"
[ "$(pkg-config --modversion ogi_report)" = "$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)" ] \
    || { echo "30-c: pkg-config version differs from Cargo.toml"; exit 1; }
# shellcheck disable=SC2046
cc "${CFLAGS[@]}" examples/c/parse.c $(pkg-config --cflags --libs ogi_report) -o "$OUT/parse-pc"
LD_LIBRARY_PATH="$PWD/$OUT/prefix/lib" "$OUT/parse-pc" "$FIXTURE" > "$OUT/fixture-pc.out"
cmp -s "$OUT/fixture.out" "$OUT/fixture-pc.out" || { echo "30-c: pkg-config build prints differently"; exit 1; }
# read whole first (grep -q + pipefail would race with the writer)
dynamic=$(readelf -d "$OUT/parse-pc")
grep -q "NEEDED.*\[libogi_report.so.$abi\]" <<<"$dynamic" \
    || { echo "30-c: the example does not record the SONAME"; exit 1; }

echo "30-c: only ogi_* symbols are exported"
bad=$(nm -D --defined-only target/debug/libogi_report.so | awk '$2 == "T" && $3 !~ /^ogi_/ { print $3 }')
if [ -n "$bad" ]; then
    echo "30-c: exported symbols without the ogi_ prefix:"; echo "$bad"; exit 1
fi
count=$(nm -D --defined-only target/debug/libogi_report.so | awk '$2 == "T" && $3 ~ /^ogi_/' | wc -l)
echo "30-c: ok ($count ogi_* functions exported)"
