"""``Report``: a parsed report, owning one ``ogi_report`` handle."""

from __future__ import annotations

import ctypes
import enum
import json
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Union

from . import _ffi
from ._errors import OgiReportError, ParseError, UnknownKeyError, exception_class
from ._managed import Managed

Source = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", "os.PathLike[bytes]"]

_MISSING: Any = object()


class Format(str, enum.Enum):
    """The official template a report follows (compares equal to its model.md key)."""

    UNKNOWN = "unknown"
    LEGACY = "legacy"
    V2019 = "2019"
    V2021 = "2021"

    def __str__(self) -> str:
        return self.value


_FORMATS = {0: Format.UNKNOWN, 1: Format.LEGACY, 2: Format.V2019, 3: Format.V2021}


@dataclass(frozen=True)
class Finding:
    """One audit finding. ``line``/``column`` are 1-based, 0 when unknown."""

    rule: str
    severity: str
    message: str
    line: int
    column: int


def _check(status: int, err: Optional[Any] = None) -> None:
    """Raises the exception of ``status`` unless it is OK; frees ``err``."""
    if status == _ffi.OGI_STATUS_OK:
        return
    if err:
        try:
            code = int(_ffi.lib.ogi_error_code(err))
            raw = _ffi.lib.ogi_error_message(err)
            message = raw.decode("utf-8", "replace") if raw else ""
            line = int(_ffi.lib.ogi_error_line(err))
            column = int(_ffi.lib.ogi_error_column(err))
            offset = int(_ffi.lib.ogi_error_offset(err))
        finally:
            _ffi.lib.ogi_error_free(err)
    else:
        code = status
        message = _ffi.lib.ogi_status_message(status).decode("utf-8")
        line = column = offset = 0
    cls = exception_class(code)
    if issubclass(cls, ParseError):
        raise cls(message, code, line, column, offset)
    raise cls(message, code)


def _source_bytes(source: Source) -> bytes:
    if isinstance(source, str):
        return source.encode("utf-8")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        with open(source, "rb") as f:
            return f.read()
    raise TypeError(f"parse() takes str (text), bytes or os.PathLike, not {type(source).__name__}")


def _key(name: str, what: str) -> bytes:
    if not isinstance(name, str):
        raise TypeError(f"{what} key must be str, not {type(name).__name__}")
    if "\0" in name:
        raise UnknownKeyError(f"unknown {what} key {name!r}", 500)
    # surrogatepass: a lone surrogate reaches the C side as invalid UTF-8,
    # which it reports as OGI_STATUS_INVALID_KEY (ArgumentError).
    return name.encode("utf-8", "surrogatepass")


class Report(Managed["ctypes._Pointer[_ffi.ogi_report]"]):
    """A parsed OGI annual report.

    Create it with :func:`ogi_report.parse` or :func:`ogi_report.from_json`.
    Use it as a context manager or call :meth:`close` to free the C object
    early (it is freed on garbage collection otherwise); any use after
    ``close()`` raises ``ValueError("closed")``.
    """

    _findings: Optional[List[Finding]] = None

    def __init__(self) -> None:
        raise TypeError("use ogi_report.parse() or ogi_report.from_json()")

    @classmethod
    def _from_ptr(cls, ptr: Any) -> "Report":
        report = cls.__new__(cls)
        report._set_ptr(ptr)
        report._findings = None
        return report

    def _delete(self, ptr: Any) -> None:
        _ffi.lib.ogi_report_free(ptr)

    @classmethod
    def _create(cls, fn: Any, data: bytes) -> "Report":
        out = ctypes.POINTER(_ffi.ogi_report)()
        err = ctypes.POINTER(_ffi.ogi_error)()
        status = fn(_ffi.as_bytes_pointer(data), len(data), ctypes.byref(out), ctypes.byref(err))
        _check(status, err)
        return cls._from_ptr(out)

    @property
    def format(self) -> Format:
        """The template: ``Format.V2021`` (== ``"2021"``), ``"2019"``, ``"legacy"`` or ``"unknown"``."""
        return _FORMATS.get(int(_ffi.lib.ogi_report_format(self.ptr())), Format.UNKNOWN)

    @property
    def year(self) -> Optional[int]:
        """The year reported on, or ``None`` when the report does not say."""
        year = ctypes.c_int32()
        status = _ffi.lib.ogi_report_year(self.ptr(), ctypes.byref(year))
        if status == 520:  # OGI_STATUS_YEAR_UNKNOWN
            return None
        _check(status)
        return year.value

    @property
    def organ(self) -> Optional[str]:
        """The issuing organ, or ``None`` when the report does not name it."""
        buf = _ffi.ogi_buf()
        status = _ffi.lib.ogi_report_organ(self.ptr(), ctypes.byref(buf))
        if status == 521:  # OGI_STATUS_ORGAN_UNKNOWN
            return None
        _check(status)
        return _ffi.take_buf(buf)

    def cell(self, table: str, row: str, column: str, default: Any = _MISSING) -> Union[int, float, Any]:
        """One standard-table cell by the key strings of model.md.

        ``cell("applications", "new_received", "total")``,
        ``cell("review_litigation", "review", "upheld")``,
        ``cell("active_disclosure", "normative_documents", "issued")``.

        Returns an ``int`` for whole numbers, else a ``float``. Unknown keys
        raise :class:`UnknownKeyError` (a ``KeyError``). When the keys are
        valid but the report has no number there (absent table, row or
        column, or empty cell) it returns ``default`` if given, else raises
        the matching :class:`MissingCellError` subclass.
        """
        value = ctypes.c_double()
        status = _ffi.lib.ogi_report_cell(
            self.ptr(), _key(table, "table"), _key(row, "row"), _key(column, "column"), ctypes.byref(value)
        )
        if status != _ffi.OGI_STATUS_OK and 510 <= status < 520 and default is not _MISSING:
            return default
        if status != _ffi.OGI_STATUS_OK:
            try:
                _check(status)
            except OgiReportError as e:
                e.message = f"{e.message}: {table}/{row}/{column}"
                raise
        v = value.value
        return int(v) if v.is_integer() and abs(v) < 2**53 else v

    @property
    def findings(self) -> List[Finding]:
        """The audit findings (a new list each time; the report is immutable)."""
        if self._findings is None:
            ptr = self.ptr()
            out = []
            for i in range(_ffi.lib.ogi_report_findings_len(ptr)):
                f = _ffi.ogi_finding()
                _check(_ffi.lib.ogi_report_finding(ptr, i, ctypes.byref(f)))
                out.append(
                    Finding(
                        rule=(f.rule or b"").decode("utf-8"),
                        severity=(f.severity or b"").decode("utf-8"),
                        message=(f.message or b"").decode("utf-8"),
                        line=int(f.line),
                        column=int(f.column),
                    )
                )
            self._findings = out
        return list(self._findings)

    def to_json(self) -> str:
        """The model as JSON (model.md's shape)."""
        buf = _ffi.ogi_buf()
        _check(_ffi.lib.ogi_report_to_json(self.ptr(), ctypes.byref(buf)))
        return _ffi.take_buf(buf)

    def to_dict(self) -> Dict[str, Any]:
        """The model as Python data (model.md's shape). Numbers are ``int`` or ``float``."""
        result: Dict[str, Any] = json.loads(self.to_json())
        return result

    def indicators(self) -> List[Dict[str, Any]]:
        """The figures comparable across the 2019 break, one dict per indicator
        the report has a source for: ``{"indicator": "applications_received",
        "value": 21, "basis": {"kind": "exact", "source":
        "legacy_statistics.requests_received.this_year"}}`` (``value`` is
        ``None`` when a cell it needs is empty). See docs/model-legacy.md."""
        buf = _ffi.ogi_buf()
        _check(_ffi.lib.ogi_report_indicators_json(self.ptr(), ctypes.byref(buf)))
        result: List[Dict[str, Any]] = json.loads(_ffi.take_buf(buf))
        return result

    def render(self) -> str:
        """The canonical text of the report."""
        buf = _ffi.ogi_buf()
        _check(_ffi.lib.ogi_report_render(self.ptr(), ctypes.byref(buf)))
        return _ffi.take_buf(buf)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        if self.closed:
            return "<ogi_report.Report closed>"
        return f"<ogi_report.Report format={self.format.value!r} year={self.year!r} organ={self.organ!r}>"


def parse(source: Source) -> Report:
    """Parses a report.

    ``source`` is text (``str``), the raw bytes of a file (``bytes``: UTF-8
    with or without BOM, or GB18030/GBK, or a PDF with a text layer), or a
    path (``os.PathLike``, e.g. ``pathlib.Path``; a plain ``str`` is always
    text, never a path). Raises :class:`ParseError` (with ``line``/``column``)
    for undecodable or binary input, :class:`PDFError` for a PDF that cannot
    be read (encrypted, a scan without text, malformed).
    """
    return Report._create(_ffi.lib.ogi_report_parse, _source_bytes(source))


def from_json(source: Union[str, bytes]) -> Report:
    """Reads a report back from the JSON of :meth:`Report.to_json`.

    Raises :class:`JSONError` (with ``line``/``column`` in the JSON).
    """
    data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
    return Report._create(_ffi.lib.ogi_report_from_json, data)
