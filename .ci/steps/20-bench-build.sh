#!/usr/bin/env bash
# Compile (never run) the criterion benches and every example. Benchmarks are
# measured by hand (docs/readme/performance.md), never asserted in CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo bench --no-run --features pdf
cargo build --examples --all-features
