"""The exceptions of the package, one class per group of ``ogi_status`` codes.

Every exception carries ``code`` (the ``ogi_status`` number) and
``message``; errors about the input (:class:`ParseError` and subclasses)
also carry ``line``, ``column`` (1-based, characters) and ``offset`` (0-based
bytes into the decoded text), or 0 when unknown.
"""

from __future__ import annotations

from typing import Dict, Optional, Type


class OgiReportError(Exception):
    """Base class of every error raised by ogi_report."""

    def __init__(self, message: str, code: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message


class ArgumentError(OgiReportError, ValueError):
    """A bad argument reached the C ABI (NULL pointer, key that is not UTF-8)."""


class ParseError(OgiReportError):
    """The input cannot be parsed. ``line``/``column``/``offset`` say where."""

    def __init__(self, message: str, code: int = 0, line: int = 0, column: int = 0, offset: int = 0) -> None:
        super().__init__(message, code)
        self.line = line
        self.column = column
        self.offset = offset


class EncodingError(ParseError):
    """The bytes are not UTF-8, UTF-16/32 (with a BOM), GB18030 or Big5 text (200), or JSON is not UTF-8 (201)."""


class InputTooLargeError(ParseError):
    """The input exceeds the size limit (300)."""


class BinaryInputError(ParseError):
    """The input contains a NUL character (301)."""


class PDFError(ParseError):
    """A PDF that cannot be read (320-323): malformed (320), encrypted (321),
    without a text layer, i.e. a scan that needs OCR (322), or a library
    built without PDF support (323)."""
class NotTextError(ParseError):
    """The input is another kind of file: a PDF, a DOCX/ZIP, an image, an executable (302).

    The message names it and says what to do; ``line`` is 0 (no position).
    """


class JSONError(ParseError):
    """The JSON given to :func:`ogi_report.from_json` is malformed (400)."""


class UnknownKeyError(OgiReportError, KeyError):
    """A table, row or column key that the model does not have (500-502)."""


class MissingCellError(OgiReportError, LookupError):
    """The keys are valid but this report has no number there (510-513)."""


class TableAbsentError(MissingCellError):
    """The report has no such table (510)."""


class RowAbsentError(MissingCellError):
    """The table has no such row (511)."""


class ColumnAbsentError(MissingCellError):
    """The row has no such column (512)."""


class EmptyCellError(MissingCellError):
    """The cell holds no number (513)."""


class InternalError(OgiReportError):
    """A bug in ogi-report (900), including a caught panic (901)."""


#: ogi_status number -> exception class.
EXCEPTIONS_BY_CODE: Dict[int, Type[OgiReportError]] = {
    100: ArgumentError,
    101: ArgumentError,
    102: ArgumentError,
    200: EncodingError,
    201: EncodingError,
    300: InputTooLargeError,
    301: BinaryInputError,
    320: PDFError,
    321: PDFError,
    322: PDFError,
    323: PDFError,
    302: NotTextError,
    399: ParseError,
    400: JSONError,
    500: UnknownKeyError,
    501: UnknownKeyError,
    502: UnknownKeyError,
    510: TableAbsentError,
    511: RowAbsentError,
    512: ColumnAbsentError,
    513: EmptyCellError,
    900: InternalError,
    901: InternalError,
}


def exception_class(code: int) -> Type[OgiReportError]:
    """The class for a status; unknown codes fall back to their range's class."""
    cls: Optional[Type[OgiReportError]] = EXCEPTIONS_BY_CODE.get(code)
    if cls is not None:
        return cls
    if 100 <= code < 200:
        return ArgumentError
    if 200 <= code < 400:
        return ParseError
    if 400 <= code < 500:
        return JSONError
    if 500 <= code < 510:
        return UnknownKeyError
    if 510 <= code < 600:
        return MissingCellError
    return InternalError
