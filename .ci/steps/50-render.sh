#!/usr/bin/env bash
# Renderer / round trip (issue #4): the full-size pathological inputs
# (100,000 heading-like lines, a 10 MB line, 100,000 （一） lines, deep marker
# nesting …) must parse with nothing lost. `cargo test` already runs the small
# version; this reuses its debug build (about 20 s). A longer property run:
#   PROPTEST_CASES=10000 cargo test --release --test testsuite roundtrip
set -euo pipefail
cd "$(dirname "$0")/../.."
export OGI_SHARED="${OGI_SHARED:-$(cd .. && pwd)/shared}"
cargo test --all-features --test testsuite -- --ignored pathological_inputs_full --nocapture
