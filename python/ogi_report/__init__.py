"""ogi_report: parse China's OGI annual reports (政府信息公开工作年度报告).

A thin, pure-Python ctypes wrapper over the ogi-report C ABI::

    import ogi_report

    with ogi_report.parse_file("report.txt") as report:
        print(report.format, report.year, report.organ)
        print(report.cell("applications", "new_received", "total"))
        for finding in report.findings:
            print(finding.severity, finding.rule, finding.message)
        for cell in report.cells():  # tidy records; report.to_pandas() with pandas
            print(cell.table, cell.row, cell.column, cell.value)
"""

from ._errors import (
    ArgumentError,
    BinaryInputError,
    ColumnAbsentError,
    EmptyCellError,
    EncodingError,
    InputTooLargeError,
    InternalError,
    JSONError,
    MissingCellError,
    NotTextError,
    OgiReportError,
    ParseError,
    PDFError,
    RowAbsentError,
    TableAbsentError,
    UnknownKeyError,
)
from ._ffi import ABI_VERSION, LIBRARY_VERSION
from ._report import Cell, Finding, Format, Report, Span, audit_across, from_json, parse, parse_file

__version__ = LIBRARY_VERSION

__all__ = [
    "ABI_VERSION",
    "ArgumentError",
    "BinaryInputError",
    "Cell",
    "ColumnAbsentError",
    "EmptyCellError",
    "EncodingError",
    "Finding",
    "Format",
    "InputTooLargeError",
    "InternalError",
    "JSONError",
    "LIBRARY_VERSION",
    "MissingCellError",
    "NotTextError",
    "OgiReportError",
    "ParseError",
    "PDFError",
    "Report",
    "RowAbsentError",
    "Span",
    "TableAbsentError",
    "UnknownKeyError",
    "__version__",
    "audit_across",
    "from_json",
    "parse",
    "parse_file",
]
