"""Parsing real reports: the corpus seeds, the example fixture, every input type."""

from __future__ import annotations

import json
from pathlib import Path

import ogi_report
import pytest
from conftest import FIXTURE, SEED_004, seed_files


def test_seed_004_values() -> None:
    with ogi_report.parse_file(SEED_004) as report:
        assert report.format is ogi_report.Format.V2021
        assert report.format == "2021"
        assert report.year == 2021
        assert report.organ == "丰城市洛市镇人民政府"
        issued = report.cell("active_disclosure", "normative_documents", "issued")
        assert issued == 4 and isinstance(issued, int)
        assert report.cell("active_disclosure", "normative_documents", "in_force") == 4
        assert report.cell("applications", "new_received", "total") == 0


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name)
def test_every_seed_parses(path: Path) -> None:
    with ogi_report.parse_file(path) as report:
        data = report.to_dict()
        assert set(data) >= {"format", "meta", "preamble", "sections", "closing", "findings"}
        assert data["format"] == report.format.value
        assert data["meta"]["year"] == report.year
        assert data["meta"]["organ"] == report.organ
        assert len(report.findings) == len(data["findings"])
        for finding, raw in zip(report.findings, data["findings"]):
            assert finding.rule == raw["rule"]
            assert finding.severity == raw["severity"]
            assert finding.message == raw["message"]
        # the JSON reads back to the same model
        with ogi_report.from_json(report.to_json()) as back:
            assert back.to_dict() == data


def test_text_bytes_and_path_agree() -> None:
    raw = SEED_004.read_bytes()
    a = ogi_report.parse(raw).to_dict()
    b = ogi_report.parse(raw.decode("utf-8")).to_dict()
    c = ogi_report.parse(SEED_004).to_dict()
    d = ogi_report.parse(bytearray(raw)).to_dict()
    assert a == b == c == d


def test_gb18030_bytes() -> None:
    text = SEED_004.read_text(encoding="utf-8")
    with ogi_report.parse(text.encode("gb18030")) as report:
        assert report.year == 2021
        assert report.format == "2021"
        assert report.organ == "丰城市洛市镇人民政府"


def test_fixture_applications_table() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        assert report.format == "2021"
        assert report.year == 2021
        assert report.organ == "青龙镇人民政府"
        assert report.cell("applications", "new_received", "total") == 6
        assert report.cell("applications", "new_received", "natural_person") == 5
        assert report.cell("applications", "total_processed", "total") == 6
        assert report.cell("active_disclosure", "normative_documents", "in_force") == 5


def test_missing_cells() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        with pytest.raises(ogi_report.TableAbsentError):
            report.cell("review_litigation", "review", "upheld")
        assert report.cell("review_litigation", "review", "upheld", default=None) is None
        with pytest.raises(ogi_report.MissingCellError):
            report.cell("active_disclosure", "licensing", "decisions")
        assert report.cell("active_disclosure", "licensing", "decisions", default=-1) == -1


def test_findings_are_small_objects() -> None:
    with ogi_report.parse_file(FIXTURE) as report:
        for f in report.findings:
            assert isinstance(f, ogi_report.Finding)
            assert f.severity in {"note", "warning", "error"}
            assert f.rule and f.message
            assert f.line >= 0 and f.column >= 0
        # a copy each time: callers cannot change the report's list
        report.findings.clear()
        assert report.findings == report.findings


def test_render_is_text() -> None:
    with ogi_report.parse_file(SEED_004) as report:
        text = report.render()
        assert isinstance(text, str)
        assert str(report) == text
        if text:  # the renderer may not have landed yet
            with ogi_report.parse(text) as again:
                assert again.format == report.format


def test_to_json_is_json() -> None:
    with ogi_report.parse_file(SEED_004) as report:
        assert json.loads(report.to_json()) == report.to_dict()


def test_versions() -> None:
    assert ogi_report.ABI_VERSION == 1
    assert ogi_report.__version__ == ogi_report.LIBRARY_VERSION
    assert ogi_report.__version__.count(".") >= 2


RUST_FIXTURES = sorted((Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "valid").glob("*.txt"))


@pytest.mark.parametrize("path", RUST_FIXTURES, ids=lambda p: p.name)
def test_rust_fixtures_match_their_json_snapshots(path: Path) -> None:
    """The Rust test suite's fixtures give the same model through the C ABI."""
    snapshot = path.with_suffix(".json")
    if not snapshot.exists():
        pytest.skip(f"{snapshot.name} not written yet")
    with ogi_report.parse_file(path) as report:
        assert report.to_dict() == json.loads(snapshot.read_text(encoding="utf-8"))
