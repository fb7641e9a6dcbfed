"""``Report``: a parsed report, owning one ``ogi_report`` handle."""

from __future__ import annotations

import contextlib
import ctypes
import decimal
import enum
import json
import os
import warnings
from dataclasses import dataclass
from typing import Any, Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Union

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
    """One audit finding. ``line``/``column`` are 1-based, 0 when unknown.

    The finding's secondary locations (every term of an equation, each with
    a label such as ``new_received/total = 12`` and a span) are in the
    report's data: ``report.to_dict()["findings"][i]["related"]`` (absent
    when there are none), as in the JSON of :meth:`Report.to_json`.
    """

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


class Span(NamedTuple):
    """Where a node is in the decoded text: byte offsets ``start``/``end``, 1-based ``line``/``column``."""

    start: int
    end: int
    line: int
    column: int


class Cell(NamedTuple):
    """One standard-table cell as a tidy record (what ``ogi export --csv`` writes).

    ``table``/``row``/``column`` are the keys of model.md; ``value`` is an
    ``int``, a ``float`` or ``None`` (empty cell); ``raw`` is the cell as
    written and ``span`` where it is, both ``None`` when not located.
    """

    table: str
    row: str
    column: str
    value: Union[int, float, None]
    raw: Optional[str]
    span: Optional[Span]


#: The library's input limit (``MAX_INPUT_BYTES``): larger files are refused.
_MAX_INPUT_BYTES = 64 << 20

#: File name endings that make a short one-line ``str`` "obviously a path".
_PATH_SUFFIXES = (".txt", ".text", ".html", ".htm", ".pdf", ".md", ".docx", ".doc", ".json")


def _looks_like_path(source: Union[str, bytes]) -> bool:
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    stripped = text.strip()
    return (
        0 < len(stripped) <= 1024
        and "\n" not in stripped
        and "\r" not in stripped
        and stripped.lower().endswith(_PATH_SUFFIXES)
    )


def _source_bytes(source: Source) -> bytes:
    if isinstance(source, (str, bytes, bytearray)):
        if _looks_like_path(source if isinstance(source, (str, bytes)) else bytes(source)):
            raise ValueError(
                f"parse() got {source!r}, which looks like a file path, not report text: "
                "use ogi_report.parse_file(path) to read a file"
            )
    if isinstance(source, str):
        return source.encode("utf-8")
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        warnings.warn(
            "parse(path) is deprecated: use ogi_report.parse_file(path) to read a file",
            DeprecationWarning,
            stacklevel=3,
        )
        with open(source, "rb") as f:
            return f.read()
    raise TypeError(
        f"parse() takes str (text) or bytes (the file's bytes), not {type(source).__name__}; "
        "use ogi_report.parse_file(path) to read a file"
    )


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
        with self._use() as ptr:
            return _FORMATS.get(int(_ffi.lib.ogi_report_format(ptr)), Format.UNKNOWN)

    @property
    def year(self) -> Optional[int]:
        """The year reported on, or ``None`` when the report does not say."""
        year = ctypes.c_int32()
        with self._use() as ptr:
            status = _ffi.lib.ogi_report_year(ptr, ctypes.byref(year))
        if status == 520:  # OGI_STATUS_YEAR_UNKNOWN
            return None
        _check(status)
        return year.value

    @property
    def organ(self) -> Optional[str]:
        """The issuing organ, or ``None`` when the report does not name it."""
        buf = _ffi.ogi_buf()
        with self._use() as ptr:
            status = _ffi.lib.ogi_report_organ(ptr, ctypes.byref(buf))
        if status == 521:  # OGI_STATUS_ORGAN_UNKNOWN
            return None
        _check(status)
        return _ffi.take_buf(buf)

    def cell(
        self, table: str, row: str, column: str, default: Any = _MISSING, *, exact: bool = False
    ) -> Union[int, float, decimal.Decimal, Any]:
        """One standard-table cell by the key strings of model.md.

        ``cell("applications", "new_received", "total")``,
        ``cell("review_litigation", "review", "upheld")``,
        ``cell("active_disclosure", "normative_documents", "issued")``.

        Returns an ``int`` for whole numbers, else a ``float`` (the nearest
        double). With ``exact=True`` a number with decimals is a
        ``decimal.Decimal`` with exactly the digits of the report
        (``Decimal("907473734394313.5")``, which no float holds). Unknown keys
        raise :class:`UnknownKeyError` (a ``KeyError``). When the keys are
        valid but the report has no number there (absent table, row or
        column, or empty cell) it returns ``default`` if given, else raises
        the matching :class:`MissingCellError` subclass.
        """
        keys = (_key(table, "table"), _key(row, "row"), _key(column, "column"))
        value = ctypes.c_double()
        text = _ffi.ogi_buf()
        with self._use() as ptr:
            if exact:
                status = _ffi.lib.ogi_report_cell_text(ptr, *keys, ctypes.byref(text))
            else:
                status = _ffi.lib.ogi_report_cell(ptr, *keys, ctypes.byref(value))
        if status != _ffi.OGI_STATUS_OK and 510 <= status < 520 and default is not _MISSING:
            return default
        if status != _ffi.OGI_STATUS_OK:
            try:
                _check(status)
            except OgiReportError as e:
                e.message = f"{e.message}: {table}/{row}/{column}"
                raise
        if exact:
            digits = _ffi.take_buf(text)
            return decimal.Decimal(digits) if "." in digits else int(digits)
        v = value.value
        return int(v) if v.is_integer() and abs(v) < 2**53 else v

    @property
    def findings(self) -> List[Finding]:
        """The audit findings (a new list each time; the report is immutable)."""
        if self._findings is None:
            out = []
            # The strings of ogi_finding are borrowed from the report: decode
            # them while the report is held.
            with self._use() as ptr:
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
        with self._use() as ptr:
            status = _ffi.lib.ogi_report_to_json(ptr, ctypes.byref(buf))
        _check(status)
        return _ffi.take_buf(buf)

    def to_dict(self, *, exact: bool = False) -> Dict[str, Any]:
        """The model as Python data (model.md's shape).

        Numbers are ``int`` or ``float``; with ``exact=True`` numbers with
        decimals are ``decimal.Decimal`` with exactly the digits of the JSON
        (the JSON has the report's digits: ``907473734394313.5`` stays exact).
        """
        parse_float = decimal.Decimal if exact else float
        result: Dict[str, Any] = json.loads(self.to_json(), parse_float=parse_float)
        return result

    def cells(self) -> Iterator[Cell]:
        """Every standard-table cell as a tidy :class:`Cell` record, in document order.

        The records of Rust's ``Report::cells()`` (the rows of ``ogi export --csv``)::

            issued = sum(c.value or 0 for c in report.cells() if c.column == "issued")
        """
        buf = _ffi.ogi_buf()
        _check(_ffi.lib.ogi_report_cells_json(self.ptr(), ctypes.byref(buf)))
        for c in json.loads(_ffi.take_buf(buf)):
            span = c.get("span")
            yield Cell(
                table=c["table"],
                row=c["row"],
                column=c["column"],
                value=c["value"],
                raw=c.get("raw"),
                span=Span(span["start"], span["end"], span["line"], span["column"]) if span else None,
            )

    def to_pandas(self) -> Any:
        """The tidy cells as a ``pandas.DataFrame``: one row per cell.

        Columns ``table``, ``row``, ``column``, ``value``, ``raw``, ``line``,
        ``start``, ``end`` (position columns are ``<NA>`` where not located).
        Needs pandas (``pip install pandas``), imported only here.
        """
        pd = _pandas()
        rows = [
            {
                "table": c.table,
                "row": c.row,
                "column": c.column,
                "value": c.value,
                "raw": c.raw,
                "line": c.span.line if c.span else None,
                "start": c.span.start if c.span else None,
                "end": c.span.end if c.span else None,
            }
            for c in self.cells()
        ]
        columns = ["table", "row", "column", "value", "raw", "line", "start", "end"]
        frame = pd.DataFrame(rows, columns=columns)
        for col in ("line", "start", "end"):
            frame[col] = frame[col].astype("Int64")
        frame["value"] = frame["value"].astype("float64")
        return frame

    def findings_frame(self) -> Any:
        """The audit findings as a ``pandas.DataFrame``: one row per finding.

        Columns ``rule``, ``severity``, ``message``, ``table``, ``row``,
        ``column`` (the keys concerned, or ``None``), ``expected``, ``found``
        (numbers, or NaN), ``line`` (1-based, ``<NA>`` when unknown). Needs pandas.
        """
        pd = _pandas()
        findings = self.to_dict().get("findings", [])
        rows = [
            {
                "rule": f.get("rule"),
                "severity": f.get("severity"),
                "message": f.get("message"),
                "table": f.get("table"),
                "row": f.get("row"),
                "column": f.get("column"),
                "expected": f.get("expected"),
                "found": f.get("found"),
                "line": (f.get("span") or {}).get("line"),
            }
            for f in findings
        ]
        columns = ["rule", "severity", "message", "table", "row", "column", "expected", "found", "line"]
        frame = pd.DataFrame(rows, columns=columns)
        frame["line"] = frame["line"].astype("Int64")
        for col in ("expected", "found"):
            frame[col] = frame[col].astype("float64")
        return frame

    def indicators(self) -> List[Dict[str, Any]]:
        """The figures comparable across the 2019 break, one dict per indicator
        the report has a source for: ``{"indicator": "applications_received",
        "value": 21, "basis": {"kind": "exact", "source":
        "legacy_statistics.requests_received.this_year"}}`` (``value`` is
        ``None`` when a cell it needs is empty). See docs/model-legacy.md."""
        buf = _ffi.ogi_buf()
        with self._use() as ptr:
            status = _ffi.lib.ogi_report_indicators_json(ptr, ctypes.byref(buf))
        _check(status)
        result: List[Dict[str, Any]] = json.loads(_ffi.take_buf(buf))
        return result

    def render(self) -> str:
        """The canonical text of the report."""
        buf = _ffi.ogi_buf()
        with self._use() as ptr:
            status = _ffi.lib.ogi_report_render(ptr, ctypes.byref(buf))
        _check(status)
        return _ffi.take_buf(buf)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        if self.closed:
            return "<ogi_report.Report closed>"
        return f"<ogi_report.Report format={self.format.value!r} year={self.year!r} organ={self.organ!r}>"


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("this needs pandas: pip install pandas (or ogi-report[pandas])") from e
    return pandas


def parse(source: Source) -> Report:
    """Parses a report from its text or bytes.

    ``source`` is text (``str``) or the raw bytes of a file (``bytes``: the
    encoding is detected: UTF-8 with or without BOM, UTF-16/UTF-32 with a
    BOM, GB18030/GBK or Big5; or a PDF with a text layer, when the library
    is built with the cargo feature ``pdf``). To read a file use
    :func:`parse_file`: a short one-line ``str`` or ``bytes`` ending in
    ``.txt``, ``.html``, ``.pdf``, ``.md`` … is taken for a mistaken path and
    raises ``ValueError``; an ``os.PathLike`` is still read as a file
    (deprecated, with a ``DeprecationWarning``). Other types raise
    ``TypeError``. Raises :class:`ParseError` (with ``line``/``column``) for
    undecodable or binary input, :class:`NotTextError` for a DOCX, image …
    (and for a PDF when the library reads no PDF), :class:`PDFError` for a
    PDF that cannot be read (encrypted, a scan without text, malformed).
    """
    return Report._create(_ffi.lib.ogi_report_parse, _source_bytes(source))


def parse_file(path: Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]) -> Report:
    """Reads the file at ``path`` and parses it (see :func:`parse` for encodings and errors).

    ``OSError`` if the file cannot be read; only regular files are read.
    """
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise TypeError(f"parse_file() takes a path, not {type(path).__name__}")
    if not os.path.isfile(path):
        if os.path.exists(path):
            raise OSError(f"{os.fsdecode(path)!r} is not a regular file")
        raise FileNotFoundError(f"no such file: {os.fsdecode(path)!r}")
    with open(path, "rb") as f:
        # one byte past the library's 64 MiB limit is enough for it to refuse
        data = f.read(_MAX_INPUT_BYTES + 1)
    return Report._create(_ffi.lib.ogi_report_parse, data)


def from_json(source: Union[str, bytes]) -> Report:
    """Reads a report back from the JSON of :meth:`Report.to_json`.

    Raises :class:`JSONError` (with ``line``/``column`` in the JSON).
    """
    data = source.encode("utf-8") if isinstance(source, str) else bytes(source)
    return Report._create(_ffi.lib.ogi_report_from_json, data)


def audit_across(reports: Iterable[Report], names: Optional[Sequence[str]] = None) -> List[Dict[str, Any]]:
    """The audit across reports: one organ's reports compared over the years.

    Runs the cross-report rules (``series.carry_over``, ``series.stock_flow``,
    ``series.gap``, ``series.duplicate``, ``legacy.cumulative_carry``) over
    ``reports``, grouped by organ and ordered by year (a report without an
    organ or a year is left out). ``names`` gives, one per report, the name
    its findings are filed under (by default its index: ``"0"``, ``"1"`` …).

    Returns a list of ``{"file": name, "finding": {...}}`` dicts, each finding
    in the shape of ``report.to_dict()["findings"]``; its ``related`` lists
    the cells compared, a cell of another report with that report's
    ``"file"``::

        for f in ogi_report.audit_across([r2020, r2021], names=["2020.txt", "2021.txt"]):
            print(f["file"], f["finding"]["rule"], f["finding"]["message"])
    """
    reports = list(reports)
    if names is not None:
        names = [str(n) for n in names]
        if len(names) != len(reports):
            raise ValueError(f"{len(names)} names for {len(reports)} reports")
    with contextlib.ExitStack() as held:
        # every report is held (not freed by another thread) during the call
        pointers = [held.enter_context(r._use()) for r in reports]
        array = (_ffi._report_p * len(pointers))(*pointers)
        labels = None
        if names is not None:
            labels = (ctypes.c_char_p * len(names))(*[n.encode("utf-8") for n in names])
        buf = _ffi.ogi_buf()
        status = _ffi.lib.ogi_audit_across_json(array, labels, len(pointers), ctypes.byref(buf))
    _check(status)
    result: List[Dict[str, Any]] = json.loads(_ffi.take_buf(buf))
    return result
