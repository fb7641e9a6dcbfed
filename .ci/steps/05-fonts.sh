#!/usr/bin/env bash
# Fonts the PDF fixture tests embed in the PDFs they write
# (tests/testsuite/pdf_fixtures.rs): a CJK TrueType font and a Latin one,
# from Debian's packages. Installed before the Rust tests run (.ci/test).
set -euo pipefail
need=()
[ -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need+=(fonts-droid-fallback)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -gt 0 ]; then
    echo "05-fonts: installing ${need[*]}"
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
echo "05-fonts: ok"
