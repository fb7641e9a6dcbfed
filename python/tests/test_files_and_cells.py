"""parse_file, mistaken paths, other file types, encodings, tidy cells and frames."""

from __future__ import annotations

import codecs
import pathlib
import warnings

import pytest

import ogi_report

from conftest import FIXTURE, REPO


def test_parse_file_reads_a_file(tmp_path: pathlib.Path) -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        assert report.format == "2021"
        assert report.cell("applications", "new_received", "total") == 6
    with ogi_report.parse_file(str(FIXTURE)) as report:
        assert report.organ == "青龙镇人民政府"
    with pytest.raises(FileNotFoundError):
        ogi_report.parse_file(tmp_path / "missing.txt")
    with pytest.raises(OSError):
        ogi_report.parse_file(tmp_path)


@pytest.mark.parametrize(
    "source",
    ["examples/data/report-2021.txt", "report.PDF", " a/b/c.html ", b"report.md", bytearray(b"x.txt")],
)
def test_parse_refuses_an_obvious_path(source: object) -> None:
    with pytest.raises(ValueError, match="parse_file"):
        ogi_report.parse(source)  # type: ignore[arg-type]


def test_parse_still_takes_text_that_mentions_a_file() -> None:
    # several lines, or no file ending: text
    with ogi_report.parse("一、总体情况\n见附件 report.txt") as r:
        assert r.to_dict()["sections"]
    with ogi_report.parse("report") as r:
        assert r.year is None


def test_parse_pathlike_is_deprecated_but_works() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with ogi_report.parse(pathlib.Path(FIXTURE)) as report:
            assert report.year == 2021
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)
    with pytest.raises(TypeError, match="parse_file"):
        ogi_report.parse(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", "Word"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(56), "ELF"),
    ],
)
def test_other_file_types_are_named(data: bytes, what: str) -> None:
    with pytest.raises((ogi_report.NotTextError, ogi_report.PDFError)) as info:
        ogi_report.parse(data)
    assert what in str(info.value)
    assert info.value.line == 0  # no position
    if isinstance(info.value, ogi_report.PDFError):
        # a library built with the cargo feature `pdf` reads PDFs: this
        # truncated one is malformed
        assert what == "PDF" and info.value.code == 320
    else:
        assert info.value.code == 302


def test_utf16_and_big5_fixtures() -> None:
    utf16 = REPO / "tests" / "fixtures" / "encodings" / "utf16le-bom-2021.txt"
    big5 = REPO / "tests" / "fixtures" / "encodings" / "big5-overview.txt"
    with ogi_report.parse_file(utf16) as r:
        assert r.format == "2021"
        assert r.to_dict()["meta"]["encoding"] == "UTF-16LE"
        assert r.cell("applications", "new_received", "total") == 6
    with ogi_report.parse_file(big5) as r:
        assert r.to_dict()["meta"]["encoding"] == "Big5"
        assert "政府資訊公開" in r.render()
    with ogi_report.parse(FIXTURE.read_bytes()) as r:
        assert "encoding" not in r.to_dict()["meta"]  # UTF-8 is not reported


def test_gbk_bad_byte_column() -> None:
    data = codecs.encode("一、总体情况", "gb18030") + b"\xff"
    with pytest.raises(ogi_report.EncodingError) as info:
        ogi_report.parse(data)
    assert (info.value.line, info.value.column, info.value.offset) == (1, 7, 12)


def test_cells_are_tidy_records() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        cells = list(report.cells())
        assert cells, "no cells"
        assert {c.table for c in cells} >= {"applications", "active_disclosure"}
        by_key = {(c.table, c.row, c.column): c for c in cells}
        c = by_key[("applications", "new_received", "total")]
        assert c.value == 6
        assert c.raw is not None and c.raw.strip() == "6"
        assert c.span is not None and c.span.line > 0
        text = FIXTURE.read_text(encoding="utf-8").encode("utf-8")
        assert text[c.span.start : c.span.end].decode("utf-8") == c.raw
        # every cell agrees with cell()
        for c in cells:
            assert report.cell(c.table, c.row, c.column, default=None) == c.value


def test_to_pandas_and_findings_frame() -> None:
    pd = pytest.importorskip("pandas")
    with ogi_report.parse_file(FIXTURE) as report:
        frame = report.to_pandas()
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == ["table", "row", "column", "value", "raw", "line", "start", "end"]
        assert len(frame) == len(list(report.cells()))
        apps = frame[(frame.table == "applications") & (frame.row == "new_received")]
        assert apps.set_index("column").loc["total", "value"] == 6
        findings = report.findings_frame()
        assert list(findings.columns)[:3] == ["rule", "severity", "message"]
        assert len(findings) == len(report.findings)
    with ogi_report.parse("") as empty:
        f = empty.findings_frame()
        assert "structure.not_a_report" in set(f.rule)
        assert len(empty.to_pandas()) == 0
