#!/usr/bin/env python3
"""Print the results of `cargo bench --bench parse` as a Markdown table.

Reads target/criterion/<group>/<input>/new/{benchmark,estimates}.json and prints, per input,
its size, the median throughput (MB/s, 10^6 bytes) of every group, and the ratio
parse_audit / floor (the target is >= 0.25). Usage: python3 benches/report.py [TARGET_DIR]
"""

import json
import sys
from pathlib import Path

GROUPS = ["floor", "parse", "audit", "parse_audit", "render", "to_json"]


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "target")
    root = target / "criterion"
    results: dict[str, dict[str, float]] = {}
    sizes: dict[str, int] = {}
    order: list[str] = []
    for bench in sorted(root.glob("*/*/new/benchmark.json")):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        group, input_id = meta["group_id"], meta["value_str"] or meta["function_id"]
        if group not in GROUPS or not input_id:
            continue
        size = (meta.get("throughput") or {}).get("Bytes")
        if not size:
            continue
        ns = est["median"]["point_estimate"]
        results.setdefault(input_id, {})[group] = size / (ns / 1e9) / 1e6
        sizes[input_id] = size
        if input_id not in order:
            order.append(input_id)
    if not results:
        print(f"no criterion results under {root}; run `cargo bench --bench parse` first", file=sys.stderr)
        return 1

    def key(i: str) -> tuple:
        kinds = ["seed", "pdf", "pingtan", "layout", "synthetic"]
        k = i.split("/")[0]
        return (kinds.index(k) if k in kinds else len(kinds), sizes[i], i)

    print("| input | bytes | " + " | ".join(f"{g} MB/s" for g in GROUPS) + " | parse_audit / floor |")
    print("|---|---:|" + "---:|" * len(GROUPS) + "---:|")
    for i in sorted(results, key=key):
        r = results[i]
        cells = [f"{r[g]:,.1f}" if g in r else "–" for g in GROUPS]
        ratio = f"{r['parse_audit'] / r['floor']:.3f}" if "parse_audit" in r and "floor" in r else "–"
        print(f"| {i} | {sizes[i]:,} | " + " | ".join(cells) + f" | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
