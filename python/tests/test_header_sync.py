"""_ffi.py declares every function of include/ogi_report.h, with the same arity,
and every status of the header has an exception class."""

from __future__ import annotations

import re
from typing import Dict

from conftest import HEADER
from ogi_report import _ffi
from ogi_report._errors import EXCEPTIONS_BY_CODE


def _header_without_comments() -> str:
    text = HEADER.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def header_prototypes() -> Dict[str, int]:
    """name -> number of parameters, for every ogi_* function prototype."""
    protos = {}
    for m in re.finditer(r"\b(ogi_\w+)\s*\(([^()]*)\)\s*;", _header_without_comments()):
        params = " ".join(m.group(2).split())
        protos[m.group(1)] = 0 if params in ("", "void") else params.count(",") + 1
    return protos


def test_every_prototype_is_declared_with_the_same_arity() -> None:
    protos = header_prototypes()
    assert len(protos) >= 20, protos
    declared = {name: len(args) for name, (args, _) in _ffi.SIGNATURES.items()}
    assert declared == protos


def test_every_declared_function_is_loaded_with_restype() -> None:
    for name, (args, res) in _ffi.SIGNATURES.items():
        fn = getattr(_ffi.lib, name)
        assert fn.argtypes == args, name
        assert fn.restype == res, name


def test_status_values_match_exceptions() -> None:
    text = _header_without_comments()
    statuses = {int(v): k for k, v in re.findall(r"\b(OGI_STATUS_\w+)\s*=\s*(\d+)", text)}
    assert statuses[0] == "OGI_STATUS_OK"
    # statuses the wrapper turns into None/values instead of exceptions
    handled = {0, 520, 521, 530}
    assert set(statuses) - handled == set(EXCEPTIONS_BY_CODE), statuses
    formats = dict(re.findall(r"\b(OGI_FORMAT_\w+)\s*=\s*(\d+)", text))
    assert formats == {"OGI_FORMAT_UNKNOWN": "0", "OGI_FORMAT_LEGACY": "1", "OGI_FORMAT_2019": "2", "OGI_FORMAT_2021": "3"}


def test_abi_version_matches_header() -> None:
    m = re.search(r"#define OGI_ABI_VERSION (\d+)", HEADER.read_text(encoding="utf-8"))
    assert m and int(m.group(1)) == _ffi.ABI_VERSION == _ffi.lib.ogi_abi_version()
