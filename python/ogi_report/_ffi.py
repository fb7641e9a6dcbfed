"""Loads the ogi-report shared library and declares every ``ogi_*`` function.

This module does one thing: load and declare. Every function of
``include/ogi_report.h`` is listed in :data:`SIGNATURES` with its argument
and result types (an undeclared ``restype`` would default to C ``int`` and
truncate 64-bit pointers); ``tests/test_header_sync.py`` checks the list
against the header.
"""

from __future__ import annotations

import ctypes
import os
import sys
from ctypes import POINTER, c_char_p, c_double, c_int, c_int32, c_size_t, c_uint8, c_uint32
from pathlib import Path
from typing import Any, Dict, List, Tuple

#: The ABI version this wrapper was written for (``OGI_ABI_VERSION``).
ABI_VERSION = 1


class ogi_report(ctypes.Structure):
    """Opaque ``ogi_report`` (used only through ``POINTER``)."""


class ogi_error(ctypes.Structure):
    """Opaque ``ogi_error`` (used only through ``POINTER``)."""


class ogi_buf(ctypes.Structure):
    """``ogi_buf``: bytes owned by the caller, released with ``ogi_buf_free``."""

    _fields_ = [("data", POINTER(c_uint8)), ("len", c_size_t)]


class ogi_finding(ctypes.Structure):
    """``ogi_finding``: strings borrowed from the report."""

    _fields_ = [
        ("rule", c_char_p),
        ("severity", c_char_p),
        ("message", c_char_p),
        ("line", c_uint32),
        ("column", c_uint32),
    ]


# C enums are ints.
ogi_status = c_int
ogi_format = c_int

OGI_STATUS_OK = 0

_report_p = POINTER(ogi_report)
_error_p = POINTER(ogi_error)
_bytes_p = POINTER(c_uint8)

#: name -> (argtypes, restype), in header order.
SIGNATURES: Dict[str, Tuple[List[Any], Any]] = {
    "ogi_version": ([], c_char_p),
    "ogi_abi_version": ([], c_uint32),
    "ogi_status_message": ([c_uint32], c_char_p),
    "ogi_report_parse": ([_bytes_p, c_size_t, POINTER(_report_p), POINTER(_error_p)], ogi_status),
    "ogi_report_from_json": ([_bytes_p, c_size_t, POINTER(_report_p), POINTER(_error_p)], ogi_status),
    "ogi_report_free": ([_report_p], None),
    "ogi_report_format": ([_report_p], ogi_format),
    "ogi_report_year": ([_report_p, POINTER(c_int32)], ogi_status),
    "ogi_report_organ": ([_report_p, POINTER(ogi_buf)], ogi_status),
    "ogi_report_cell": ([_report_p, c_char_p, c_char_p, c_char_p, POINTER(c_double)], ogi_status),
    "ogi_report_cell_text": ([_report_p, c_char_p, c_char_p, c_char_p, POINTER(ogi_buf)], ogi_status),
    "ogi_report_findings_len": ([_report_p], c_size_t),
    "ogi_report_finding": ([_report_p, c_size_t, POINTER(ogi_finding)], ogi_status),
    "ogi_report_to_json": ([_report_p, POINTER(ogi_buf)], ogi_status),
    "ogi_report_render": ([_report_p, POINTER(ogi_buf)], ogi_status),
    "ogi_report_cells_json": ([_report_p, POINTER(ogi_buf)], ogi_status),
    "ogi_report_indicators_json": ([_report_p, POINTER(ogi_buf)], ogi_status),
    "ogi_buf_free": ([ogi_buf], None),
    "ogi_error_code": ([_error_p], ogi_status),
    "ogi_error_subcode": ([_error_p], c_uint32),
    "ogi_error_message": ([_error_p], c_char_p),
    "ogi_error_line": ([_error_p], c_uint32),
    "ogi_error_column": ([_error_p], c_uint32),
    "ogi_error_offset": ([_error_p], c_size_t),
    "ogi_error_free": ([_error_p], None),
    "ogi_audit_across_json": ([POINTER(_report_p), POINTER(c_char_p), c_size_t, POINTER(ogi_buf)], ogi_status),
}


def _library_file_name() -> str:
    if sys.platform == "win32":
        return "ogi_report.dll"
    if sys.platform == "darwin":
        return "libogi_report.dylib"
    return "libogi_report.so"


def candidates() -> List[Path]:
    """The places searched for the library, in order."""
    name = _library_file_name()
    found: List[Path] = []
    env = os.environ.get("OGI_REPORT_LIB")
    if env:
        found.append(Path(env))
    here = Path(__file__).resolve().parent
    found.append(here / name)
    # python/ogi_report/_ffi.py -> python/ -> the repository with cargo's target/
    repo = here.parent.parent
    found.append(repo / "target" / "release" / name)
    found.append(repo / "target" / "debug" / name)
    return found


def _load() -> ctypes.CDLL:
    tried = []
    env = os.environ.get("OGI_REPORT_LIB")
    for path in candidates():
        if path.is_file():
            return ctypes.CDLL(str(path))
        tried.append(str(path))
        if env and str(path) == env:
            raise ImportError(f"OGI_REPORT_LIB={env} does not exist")
    raise ImportError(
        "cannot find the ogi-report library: install the package with `pip install ./python` "
        "(it builds the library), run `cargo build` in the checkout, or set OGI_REPORT_LIB. Tried: "
        + ", ".join(tried)
    )


lib = _load()

for _name, (_args, _res) in SIGNATURES.items():
    _fn = getattr(lib, _name)
    _fn.argtypes = _args
    _fn.restype = _res
    globals()[_name] = _fn

_found_abi = lib.ogi_abi_version()
if _found_abi != ABI_VERSION:
    raise ImportError(
        f"ogi-report library at {lib._name} has ABI version {_found_abi}, this package needs {ABI_VERSION}"
    )

#: The version of the loaded library.
LIBRARY_VERSION: str = lib.ogi_version().decode("utf-8")


def as_bytes_pointer(data: bytes) -> Any:
    """A ``const uint8_t *`` into ``data`` (no copy; keep ``data`` alive during the call)."""
    return ctypes.cast(c_char_p(data), _bytes_p)


def take_buf(buf: ogi_buf) -> str:
    """Copies an ``ogi_buf`` to a ``str`` and frees it."""
    try:
        if not buf.data:
            return ""
        return ctypes.string_at(buf.data, buf.len).decode("utf-8")
    finally:
        lib.ogi_buf_free(buf)


__all__ = ["ABI_VERSION", "LIBRARY_VERSION", "SIGNATURES", "lib", "candidates"]
