"""Builds the native library with cargo and puts it inside the package.

Why setuptools-rust (and not maturin): the package is pure Python over the
C ABI (ctypes), so what it needs is a plain ``cdylib`` copied into
``ogi_report/``. setuptools-rust does that with ``Binding.NoBinding``;
maturin's modes are PyO3/cffi/uniffi extension modules or executables
(``bin``), none of which is "a C shared library loaded with ctypes". Two
small overrides below keep the file name ``libogi_report.so`` (ctypes loads
it by that name; setuptools would add the CPython suffix) and tag the wheel
``py3-none-<platform>``: the library does not link to Python, so one wheel
serves every Python 3.

The cargo features built in are listed once, in :data:`WANTED_FEATURES`;
those that exist in ``Cargo.toml`` at build time are enabled.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import List

from setuptools import setup
from setuptools_rust import Binding, RustExtension
from setuptools_rust.build import build_rust

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70
    from wheel.bdist_wheel import bdist_wheel  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
CARGO_TOML = HERE.parent / "Cargo.toml"

#: Cargo features wanted in the Python package: the front ends for HTML and
#: PDF input. Add a feature here to ship it; missing ones are skipped.
WANTED_FEATURES = ["html", "pdf"]


def cargo_features(cargo_toml: Path) -> List[str]:
    """The names declared in the ``[features]`` table of ``cargo_toml``."""
    text = cargo_toml.read_text(encoding="utf-8")
    try:
        import tomllib  # Python 3.11+

        return list(tomllib.loads(text).get("features", {}))
    except ImportError:
        names: List[str] = []
        section = None
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("["):
                section = line
            elif section == "[features]":
                m = re.match(r"([A-Za-z0-9_-]+)\s*=", line)
                if m:
                    names.append(m.group(1))
        return names


def library_file_name() -> str:
    if sys.platform == "win32":
        return "ogi_report.dll"
    if sys.platform == "darwin":
        return "libogi_report.dylib"
    return "libogi_report.so"


class build_rust_library(build_rust):  # type: ignore[misc]
    """Copies the cdylib under its own name (``ogi_report/libogi_report.so``)."""

    def get_dylib_ext_path(self, ext: RustExtension, target_fname: str) -> str:
        build_ext = self.get_finalized_command("build_ext")
        default = Path(build_ext.get_ext_fullpath(target_fname))
        return str(default.parent / library_file_name())


class bdist_wheel_any_python(bdist_wheel):  # type: ignore[misc]
    """``py3-none-<platform>``: native, but independent of the Python version."""

    def finalize_options(self) -> None:
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):  # type: ignore[no-untyped-def]
        _, _, plat = super().get_tag()
        return "py3", "none", plat


if not CARGO_TOML.is_file():
    sys.exit(
        f"ogi-report: {CARGO_TOML} not found. Build the package from a checkout of "
        "the ogi-report repository (pip install ./python), which holds the Rust crate."
    )

declared = set(cargo_features(CARGO_TOML))
features = [f for f in WANTED_FEATURES if f in declared]
if os.environ.get("OGI_REPORT_FEATURES") is not None:
    # an explicit override, comma-separated (empty: no optional feature)
    features = [f for f in os.environ["OGI_REPORT_FEATURES"].split(",") if f]

setup(
    rust_extensions=[
        RustExtension(
            "ogi_report.libogi_report",
            path=str(CARGO_TOML),
            binding=Binding.NoBinding,
            features=features,
            py_limited_api=False,
        )
    ],
    cmdclass={"build_rust": build_rust_library, "bdist_wheel": bdist_wheel_any_python},
    zip_safe=False,
)
