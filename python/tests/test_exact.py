"""Exact decimals (issue 15.6): Decimal on request, nearest float by default."""

from __future__ import annotations

import decimal
import json
from pathlib import Path

import ogi_report

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "data" / "report-2021.txt"


def _report(amount: str) -> ogi_report.Report:
    text = SAMPLE.read_text(encoding="utf-8")
    replaced = text.replace("行政事业性收费\t12.5", f"行政事业性收费\t{amount}")
    assert replaced != text
    return ogi_report.parse(replaced)


def test_cell_exact_is_a_decimal_with_the_reports_digits() -> None:
    for amount in ["907473734394313.5", "12.50", "0.000000001", "92233720368.54775807"]:
        with _report(amount) as r:
            exact = r.cell("active_disclosure", "fees", "amount_10k_yuan", exact=True)
            assert isinstance(exact, decimal.Decimal)
            assert exact == decimal.Decimal(amount) and format(exact, "f") == amount
            near = r.cell("active_disclosure", "fees", "amount_10k_yuan")
            assert isinstance(near, float)
            assert near == float(amount)
            # whole numbers stay int either way
            assert r.cell("applications", "new_received", "total", exact=True) == 27
            assert isinstance(r.cell("applications", "new_received", "total", exact=True), int)
            # missing cells: default and errors as without exact
            assert r.cell("active_disclosure", "penalties", "issued", default=None, exact=True) is None


def test_json_and_to_dict_keep_the_digits() -> None:
    with _report("907473734394313.5") as r:
        text = r.to_json()
        assert "907473734394313.5" in text
        d = r.to_dict(exact=True)
        blocks = [b for s in d["sections"] for b in s["blocks"] if "table" in b]
        fees = [b["table"]["fees"] for b in blocks if "fees" in b["table"]]
        assert fees[0]["amount_10k_yuan"] == decimal.Decimal("907473734394313.5")
        # the default float view is the nearest double
        assert r.to_dict() == json.loads(text)
        back = ogi_report.from_json(text)
        assert back.cell("active_disclosure", "fees", "amount_10k_yuan", exact=True) == decimal.Decimal(
            "907473734394313.5"
        )
        back.close()
