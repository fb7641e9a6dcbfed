"""Bad input: invalid bytes, empty input, binary input, wrong key names, bad JSON."""

from __future__ import annotations

import re
from pathlib import Path

import ogi_report
import pytest
from conftest import FIXTURE


def test_invalid_bytes() -> None:
    with pytest.raises(ogi_report.EncodingError) as info:
        ogi_report.parse(b"\xff\xff\xfe\xff\x80")
    e = info.value
    assert isinstance(e, ogi_report.ParseError)
    assert isinstance(e, ogi_report.OgiReportError)
    assert e.code == 200
    assert e.line >= 1 and e.column >= 1
    assert "GB18030" in str(e)


def test_invalid_bytes_after_valid_lines() -> None:
    data = "一、总体情况\n本年度\n".encode("utf-8") + b"\xff\xff\xff"
    with pytest.raises(ogi_report.EncodingError) as info:
        ogi_report.parse(data)
    assert info.value.line >= 1


def test_binary_input_has_a_position() -> None:
    with pytest.raises(ogi_report.BinaryInputError) as info:
        ogi_report.parse("第一行\n一二\0三")
    e = info.value
    assert (e.code, e.line, e.column) == (301, 2, 3)
    assert e.offset == len("第一行\n一二".encode("utf-8"))
    assert "\0" not in e.message


@pytest.mark.parametrize("empty", ["", b"", "\n\n", "   ", b"\xef\xbb\xbf"])
def test_empty_input_is_an_empty_report(empty: object) -> None:
    with ogi_report.parse(empty) as report:  # type: ignore[arg-type]
        assert report.format == "unknown"
        assert report.year is None
        assert report.organ is None
        with pytest.raises(ogi_report.TableAbsentError):
            report.cell("applications", "new_received", "total")


def test_wrong_key_names() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        for keys in [
            ("application", "new_received", "total"),
            ("applications", "new_recieved", "total"),
            ("applications", "new_received", "totals"),
            ("review_litigation", "review", "issued"),
            ("active_disclosure", "upheld", "issued"),
            ("", "", ""),
            ("applications\0", "new_received", "total"),
            ("APPLICATIONS", "new_received", "total"),
        ]:
            with pytest.raises(ogi_report.UnknownKeyError) as info:
                report.cell(*keys)
            assert isinstance(info.value, KeyError)
            assert 500 <= info.value.code <= 502
        codes = []
        for keys in [("x", "new_received", "total"), ("applications", "x", "total"), ("applications", "new_received", "x")]:
            with pytest.raises(ogi_report.UnknownKeyError) as info:
                report.cell(*keys)
            codes.append(info.value.code)
        assert codes == [500, 501, 502]
        # default= does not hide a wrong key
        with pytest.raises(ogi_report.UnknownKeyError):
            report.cell("applications", "nope", "total", default=None)


def test_keys_that_are_not_utf8_or_not_str() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        with pytest.raises(ogi_report.ArgumentError) as info:
            report.cell("applications", "new_received\udcff", "total")
        assert info.value.code == 101
        assert isinstance(info.value, ValueError)
        with pytest.raises(TypeError):
            report.cell(b"applications", "new_received", "total")  # type: ignore[arg-type]


def test_wrong_source_type() -> None:
    with pytest.raises(TypeError):
        ogi_report.parse(123)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        ogi_report.parse_file(FIXTURE.with_name("no-such-file.txt"))


def test_bad_json() -> None:
    with pytest.raises(ogi_report.JSONError) as info:
        ogi_report.from_json('{\n  "format": 12\n}')
    assert info.value.code == 400
    assert info.value.line == 2
    with pytest.raises(ogi_report.EncodingError) as info2:
        ogi_report.from_json(b'{"a\xff": 1}')
    assert info2.value.code == 201
    assert (info2.value.line, info2.value.column, info2.value.offset) == (1, 4, 3)


def test_every_status_has_an_exception_class() -> None:
    from ogi_report._errors import exception_class

    assert exception_class(513) is ogi_report.EmptyCellError
    assert exception_class(901) is ogi_report.InternalError
    assert exception_class(299) is ogi_report.ParseError
    assert exception_class(599) is ogi_report.MissingCellError


INVALID_FIXTURES = sorted((Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "invalid").glob("*.txt"))


@pytest.mark.parametrize("path", INVALID_FIXTURES, ids=lambda p: p.name)
def test_rust_invalid_fixtures_match_their_error_snapshots(path: Path) -> None:
    """The Rust suite's invalid fixtures raise ParseError with the snapshot's
    message and the line/column of its first line."""
    want = path.with_suffix(".stderr").read_text(encoding="utf-8")
    with pytest.raises(ogi_report.ParseError) as info:
        ogi_report.parse_file(path)
    e = info.value
    assert str(e) + "\n" == want
    m = re.match(r"error at line (\d+), column (\d+) \(byte (\d+)\)", want)
    assert m, want
    assert (e.line, e.column, e.offset) == tuple(int(g) for g in m.groups())
