"""Parsing a corpus file 10,000 times does not grow the process's memory."""

from __future__ import annotations

import os
import sys

import ogi_report
import pytest
from conftest import SEED_004

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_parse_10000_times_does_not_grow_rss() -> None:
    data = SEED_004.read_bytes()

    def once(i: int) -> None:
        report = ogi_report.parse(data)
        assert report.year == 2021
        report.cell("active_disclosure", "normative_documents", "issued")
        report.findings
        report.organ
        if i % 10 == 0:
            report.to_json()
            report.render()
            try:
                report.cell("review_litigation", "review", "nope")
            except ogi_report.UnknownKeyError:
                pass
        if i % 2:
            report.close()
        # else: freed by reference counting (__del__)

    for i in range(1000):  # warm up allocator pools and caches
        once(i)
    before = rss_bytes()
    for i in range(9000):
        once(i)
    after = rss_bytes()
    growth = after - before
    # A leak of even one small allocation per parse would show up as
    # ~9000 * (size of the report) = many MB; allow 2 MiB of allocator slack.
    assert growth < 2 * 1024 * 1024, f"RSS grew by {growth / 1024:.0f} KiB over 9000 parses"


def test_error_objects_are_freed() -> None:
    bad = b"\xff\xff\xfe\xff"
    for _ in range(1000):
        with pytest.raises(ogi_report.EncodingError):
            ogi_report.parse(bad)
    before = rss_bytes()
    for _ in range(20000):
        with pytest.raises(ogi_report.EncodingError):
            ogi_report.parse(bad)
    assert rss_bytes() - before < 2 * 1024 * 1024
