"""A published PDF goes through the same entry point as text (the library
is built with the cargo feature `pdf`: python/setup.py enables it for the
wheel, .ci/steps/40-python.sh for the checkout)."""

from __future__ import annotations

import ogi_report
import pytest
from conftest import SHARED

PDF = SHARED / "corpus" / "real" / "pdf" / "hzq2023_working.pdf"


def test_pdf_path_and_bytes() -> None:
    with ogi_report.parse_file(PDF) as report:
        assert report.format is ogi_report.Format.V2021
        assert report.year == 2023
        assert report.organ == "洪泽区人民政府"
        assert report.cell("applications", "new_received", "total") == 21
        assert report.cell("review_litigation", "review", "upheld") == 10
        # the printed total that does not add up is kept, and flagged
        assert report.cell("review_litigation", "review", "total") == 0
        assert report.findings
        data = report.to_dict()
        assert data["sections"][0]["heading"]["span"]["page"] == 1
    with ogi_report.parse(PDF.read_bytes()) as report:
        assert report.year == 2023


def test_pdf_without_text_needs_ocr() -> None:
    # a PDF whose only page paints a rectangle: no text layer
    body = b"0 0 1 rg 10 10 100 100 re f\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"endstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with pytest.raises(ogi_report.PDFError) as e:
        ogi_report.parse(bytes(out))
    assert "OCR" in str(e.value)
