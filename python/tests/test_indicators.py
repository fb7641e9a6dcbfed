"""Report.indicators(): the series view across the 2019 break."""

from __future__ import annotations

import ogi_report

LEGACY = (
    "2016年政府信息公开工作年度报告\n一、概述\n无。\n二、政府信息公开情况统计表\n"
    "指标名称\t计量单位\t2016年度\t历年累计\n"
    "受理依申请公开信息总数\t条\t3\t20\n"
    "对申请的答复总数\t条\t3\t20\n"
    "其中：1、同意公开答复数\t条\t2\t15\n"
    "2、同意部分公开答复数\t条\t1\t3\n"
    "3、不予公开答复数\t条\t0\t2\n"
    "行政复议数\t件\t0\t1\n"
    "行政诉讼数\t件\t\t\n"
)


def test_legacy_indicators() -> None:
    with ogi_report.parse(LEGACY) as report:
        got = {i["indicator"]: i for i in report.indicators()}
        assert got["applications_received"]["value"] == 3
        assert got["applications_received"]["basis"] == {
            "kind": "exact",
            "source": "legacy_statistics.requests_received.this_year",
        }
        assert got["applications_granted"]["value"] == 2
        assert got["applications_partially_granted"]["value"] == 1
        assert got["applications_denied"]["basis"]["kind"] == "approximate"
        assert got["review_cases"]["value"] == 0
        # an empty cell is null, never zero
        assert got["lawsuits"]["value"] is None
        assert report.cell("legacy_statistics", "requests_received", "cumulative") == 20


def test_no_tables_no_indicators() -> None:
    with ogi_report.parse("一、总体情况\n无。\n") as report:
        assert report.indicators() == []
