"""The installed package carries its native library (run by .ci/steps/45-wheel.sh)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import ogi_report
from ogi_report import _ffi

from conftest import INSTALLED


@pytest.mark.skipif(not INSTALLED, reason="only when testing the installed package (OGI_TEST_INSTALLED=1)")
def test_the_library_is_inside_the_installed_package() -> None:
    assert "OGI_REPORT_LIB" not in os.environ
    package = Path(ogi_report.__file__).resolve().parent
    assert "site-packages" in str(package), package
    loaded = Path(_ffi.lib._name).resolve()
    assert loaded.parent == package, loaded
    assert loaded.name == "libogi_report.so"
    with ogi_report.parse("一、总体情况\n本年度工作正常。\n") as report:
        assert report.to_dict()["sections"]
