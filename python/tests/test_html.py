"""HTML pages go through the same entry point as text (recognised by content)."""

from __future__ import annotations

import ogi_report
from conftest import REPO

HTML = REPO / "tests" / "fixtures" / "html"


def test_html_page_by_path_and_bytes() -> None:
    page = HTML / "applications-2021-rowspan.html"
    with ogi_report.parse(page) as report:
        assert report.format is ogi_report.Format.V2021
        assert report.year == 2021
        assert report.cell("applications", "new_received", "total") == 13
        assert report.cell("applications", "new_received", "commercial_enterprise") == 2
        data = report.to_dict()
    with ogi_report.parse(page.read_bytes()) as again:
        assert again.to_dict() == data
    # the markup is not report text
    assert "<td" not in ogi_report.parse(page).render()


def test_gbk_page_and_chrome_blocks() -> None:
    with ogi_report.parse(HTML / "gbk-meta-charset.html") as report:
        assert report.organ is not None and "青石镇" in report.organ
    with ogi_report.parse(HTML / "crawler-capture.html") as report:
        data = report.to_dict()
        assert data["meta"]["index_number"] == "11350100MB0000000X/2022-00015"
        chrome = [b["chrome"]["text"] for b in data["preamble"] + data["closing"] if "chrome" in b]
        assert any("当前位置" in c for c in chrome)
        assert "当前位置" not in report.render()
