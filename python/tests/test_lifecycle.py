"""Ownership: close, use after close, context managers, GC, threads."""

from __future__ import annotations

import gc
import threading

import ogi_report
import pytest
from conftest import FIXTURE, SEED_004


def test_double_close() -> None:
    report = ogi_report.parse_file(SEED_004)
    assert not report.closed
    report.close()
    report.close()
    assert report.closed


def test_use_after_close_raises() -> None:
    report = ogi_report.parse_file(SEED_004)
    report.close()
    for use in [
        lambda: report.format,
        lambda: report.year,
        lambda: report.organ,
        lambda: report.findings,
        lambda: report.to_json(),
        lambda: report.to_dict(),
        lambda: report.render(),
        lambda: report.cell("applications", "new_received", "total"),
    ]:
        with pytest.raises(ValueError, match="closed"):
            use()
    assert repr(report) == "<ogi_report.Report closed>"
    with pytest.raises(ValueError):
        with report:
            pass


def test_with_block_closes() -> None:
    with ogi_report.parse_file(SEED_004) as report:
        assert report.year == 2021
    assert report.closed


def test_with_block_closes_on_error() -> None:
    with pytest.raises(ogi_report.UnknownKeyError):
        with ogi_report.parse_file(SEED_004) as report:
            report.cell("nope", "nope", "nope")
    assert report.closed


def test_cannot_construct_directly() -> None:
    with pytest.raises(TypeError):
        ogi_report.Report()


def test_many_create_free_cycles() -> None:
    data = FIXTURE.read_bytes()
    for i in range(500):
        report = ogi_report.parse(data)
        assert report.year == 2021
        if i % 2:
            report.close()
        else:
            del report  # freed by __del__
    gc.collect()


def test_shared_across_threads() -> None:
    errors = []
    with ogi_report.parse_file(FIXTURE) as report:

        def work() -> None:
            try:
                for _ in range(200):
                    assert report.cell("applications", "new_received", "total") == 6
                    assert report.year == 2021
                    report.to_json()
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
