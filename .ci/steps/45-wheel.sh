#!/usr/bin/env bash
# The Python package as users install it: `pip wheel ./python` builds a
# platform wheel with libogi_report.so inside (setuptools-rust runs cargo);
# it is installed into a FRESH venv with no OGI_REPORT_LIB and the whole
# Python suite runs against it (not against the checkout's python/).
# The cargo profile is `dev` here to reuse the debug build (a user's
# `pip install ./python` builds in release); OGI_WHEEL_PROFILE=release to
# check the release wheel.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OGI_SHARED="${OGI_SHARED:-$(cd .. && pwd)/shared}"
OUT=target/ci-wheel
rm -rf "$OUT/dist" "$OUT/venv"
mkdir -p "$OUT"

# build tools in a venv of their own (pip's build isolation needs the index)
BUILD=target/ci-wheel-build
if [ ! -x "$BUILD/bin/python" ] || ! "$BUILD/bin/python" -c "import setuptools_rust, wheel" >/dev/null 2>&1; then
    python3 -m venv "$BUILD"
    "$BUILD/bin/python" -m pip install -q --upgrade pip
    "$BUILD/bin/python" -m pip install -q "setuptools>=61" "setuptools-rust>=1.7" wheel
fi

echo "45-wheel: pip wheel ./python"
SETUPTOOLS_RUST_CARGO_PROFILE="${OGI_WHEEL_PROFILE:-dev}" \
    "$BUILD/bin/python" -m pip wheel -q --no-deps --no-build-isolation -w "$OUT/dist" ./python
wheel=$(ls "$OUT"/dist/ogi_report-*.whl)
echo "45-wheel: built $(basename "$wheel")"
case "$(basename "$wheel")" in
    *-py3-none-linux_x86_64.whl|*-py3-none-manylinux*.whl|*-py3-none-linux_*.whl) ;;
    *) echo "45-wheel: not a platform wheel: $wheel"; exit 1 ;;
esac
# the listing is read whole first: `grep -q` stops at the first match and,
# under pipefail, the lister's broken pipe would fail the step
listing=$("$BUILD/bin/python" -m zipfile -l "$wheel")
grep -q "ogi_report/libogi_report.so" <<<"$listing" \
    || { echo "45-wheel: libogi_report.so is not in the wheel"; exit 1; }

echo "45-wheel: fresh venv, install the wheel, run the Python suite against it"
python3 -m venv "$OUT/venv"
"$OUT/venv/bin/python" -m pip install -q --upgrade pip
"$OUT/venv/bin/python" -m pip install -q "$wheel" pytest pandas
(
    unset OGI_REPORT_LIB
    cd "$OUT"
    OGI_TEST_INSTALLED=1 "venv/bin/python" -c "
import ogi_report, pathlib
p = pathlib.Path(ogi_report.__file__).parent
assert 'site-packages' in str(p), p
assert (p / 'libogi_report.so').is_file() and (p / 'py.typed').is_file()
print('45-wheel: import ok,', ogi_report.__version__)
"
    OGI_TEST_INSTALLED=1 "venv/bin/python" -m pytest -q -p no:cacheprovider ../../python/tests
)
echo "45-wheel: ok"
