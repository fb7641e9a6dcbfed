"""ogi_report.audit_across (ogi_audit_across_json), and the related locations
of findings in the report's data."""

from __future__ import annotations

import pytest
from conftest import FIXTURE, REPO

import ogi_report


def test_the_same_report_twice_is_a_duplicate_filed_under_its_name() -> None:
    with ogi_report.parse_file(FIXTURE) as a, ogi_report.parse_file(FIXTURE) as b:
        found = ogi_report.audit_across([a, b], names=["first.txt", "second.txt"])
        unnamed = ogi_report.audit_across([a, b])
    dup = [f for f in found if f["finding"]["rule"] == "series.duplicate"]
    assert len(dup) == 1, found
    assert dup[0]["file"] == "second.txt"
    assert dup[0]["finding"]["severity"] == "warning"
    related = dup[0]["finding"]["related"]
    # one location in this report, one in the other, named by its file
    assert [r.get("file") for r in related] == [None, "first.txt"]
    assert all(r["span"]["line"] >= 1 and r["label"] for r in related)
    assert {f["file"] for f in unnamed} == {"1"}


def test_no_reports_no_findings_and_names_must_match() -> None:
    assert ogi_report.audit_across([]) == []
    with ogi_report.parse_file(FIXTURE) as a:
        with pytest.raises(ValueError):
            ogi_report.audit_across([a], names=["x", "y"])
        a_closed = a
    with pytest.raises(ValueError, match="closed"):
        ogi_report.audit_across([a_closed])


def test_findings_carry_their_related_locations_in_the_data() -> None:
    # the balance equation of the applications table does not hold: the
    # finding lists every term of the equation with its label and place
    with ogi_report.parse_file(REPO / "tests" / "fixtures" / "audit" / "balance.txt") as report:
        findings = report.to_dict()["findings"]
    balance = [f for f in findings if f["rule"] == "applications.balance"]
    assert balance, findings
    for f in balance:
        assert len(f["related"]) >= 3, f
        for r in f["related"]:
            assert r["label"] and r["span"]["line"] >= 1 and "file" not in r
