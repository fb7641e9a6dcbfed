"""Shared fixtures: import the package from this checkout (or the installed one), find the corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List

import pytest

PYTHON_DIR = Path(__file__).resolve().parent.parent
REPO = PYTHON_DIR.parent
# OGI_TEST_INSTALLED=1: test the installed package (a wheel in a venv), not
# the checkout's python/ (see .ci/steps/45-wheel.sh)
INSTALLED = os.environ.get("OGI_TEST_INSTALLED") == "1"
if not INSTALLED:
    sys.path.insert(0, str(PYTHON_DIR))

SHARED = Path(os.environ.get("OGI_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
SEED_004 = SEEDS / "004_d13c5985a7c040e2.txt"
FIXTURE = REPO / "examples" / "data" / "qinglong-2021.txt"
HEADER = REPO / "include" / "ogi_report.h"


def seed_files() -> List[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds() -> List[Path]:
    files = seed_files()
    assert len(files) >= 5, f"expected the corpus seeds in {SEEDS}"
    return files
