#!/usr/bin/env bash
# Installs the C library of ogi-report under a prefix, with its pkg-config file:
#
#   cargo build --release
#   scripts/install-c-library.sh /usr/local            # or ~/.local, or a staging dir
#   cc app.c $(pkg-config --cflags --libs ogi_report)  # PKG_CONFIG_PATH=PREFIX/lib/pkgconfig if needed
#
# Installs PREFIX/lib/libogi_report.so.VERSION with the symlinks
# libogi_report.so.ABI (the SONAME, ABI = OGI_ABI_VERSION) and libogi_report.so,
# PREFIX/lib/libogi_report.a, PREFIX/include/ogi_report.h and
# PREFIX/lib/pkgconfig/ogi_report.pc. PROFILE=debug installs target/debug.
# Linux/ELF only (macOS and Windows: link the files in target/ directly).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${1:?usage: $0 PREFIX}"
profile="${PROFILE:-release}"
libdir="$prefix/lib"
incdir="$prefix/include"
src="$root/target/$profile"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)
abi=$(sed -n 's/^pub const OGI_ABI_VERSION: u32 = \([0-9]*\);$/\1/p' "$root/src/ffi/version.rs")
description=$(sed -n 's/^description = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)
[ -n "$version" ] && [ -n "$abi" ] || { echo "cannot read the version from Cargo.toml / src/ffi/version.rs" >&2; exit 1; }
for f in libogi_report.so libogi_report.a; do
    [ -f "$src/$f" ] || { echo "$src/$f not found: run cargo build${profile:+ --profile $profile}" >&2; exit 1; }
done

mkdir -p "$libdir/pkgconfig" "$incdir"
install -m 0755 "$src/libogi_report.so" "$libdir/libogi_report.so.$version"
ln -sf "libogi_report.so.$version" "$libdir/libogi_report.so.$abi"
ln -sf "libogi_report.so.$abi" "$libdir/libogi_report.so"
install -m 0644 "$src/libogi_report.a" "$libdir/libogi_report.a"
install -m 0644 "$root/include/ogi_report.h" "$incdir/ogi_report.h"

cat > "$libdir/pkgconfig/ogi_report.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: ogi_report
Description: $description
Version: $version
URL: https://docs.rs/ogi-report
Cflags: -I\${includedir}
Libs: -L\${libdir} -logi_report
Libs.private: -lpthread -ldl -lm
PC
echo "installed ogi_report $version (ABI $abi) under $prefix"
