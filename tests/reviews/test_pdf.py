import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from accounts.models import Role
from reviews.models import IssuedPdf
from reviews.pdf import render_form_pdf, verify_pdf
from reviews.services import sign_form
from schedule.models import Report
from signatures.services import signatures_of
from tests.reviews.helpers import ReportFactory, sent_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_assessment(home):
    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=2)
    form = sent_form(report, home.user(Role.TUTOR))
    for role in [Role.ECT, Role.TUTOR, Role.HEAD_TEACHER]:
        membership = home.members[role]
        sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address="127.0.0.1")
    form.refresh_from_db()
    return form


def pdf_text(data: bytes) -> str:
    """Return the visible text with every run of whitespace, line breaks included, as one space."""
    return " ".join("".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split())


def flip_byte_in_page_text(data: bytes) -> bytes:
    """Return a copy with one byte of the page text changed: one glyph of a shown string becomes another."""
    glyphs = list(re.finditer(rb"<00[0-9a-f]{2}>", data))
    assert len(glyphs) > 20, "expected uncompressed page text in the PDF"
    position = glyphs[20].end() - 2
    changed = bytearray(data)
    changed[position] = ord("1") if changed[position] != ord("1") else ord("2")
    return bytes(changed)


def test_pdf_shows_answers_and_digests(signed_assessment, home):
    data = render_form_pdf(signed_assessment, issued_to=home.user(Role.TUTOR))

    text = pdf_text(data)
    compact = re.sub(r"\s+", "", text)
    assert "Meets every Teachers' Standard" in text
    assert "Performance is satisfactory" in text
    assert "Recommendation against the Teachers' Standards at the end of induction" in text
    for signature in signatures_of(signed_assessment):
        assert signature.digest in compact
        assert signature.signer.get_full_name() in text
    assert IssuedPdf.objects.filter(form=signed_assessment).count() == 1


def test_verify_accepts_issued_pdf(signed_assessment, home):
    data = render_form_pdf(signed_assessment, issued_to=home.user(Role.TUTOR))

    result = verify_pdf(data)

    assert result.problems == []
    assert result.genuine
    assert result.form == signed_assessment
    assert result.version == signed_assessment.version
    assert len(result.signed_by) == 3


def test_verify_rejects_changed_text_byte(signed_assessment, home):
    data = render_form_pdf(signed_assessment, issued_to=home.user(Role.TUTOR))

    changed = flip_byte_in_page_text(data)

    result = verify_pdf(changed)

    assert pdf_text(changed) != pdf_text(data)
    assert not result.genuine
    assert result.form == signed_assessment
    assert any("not byte for byte a copy" in problem for problem in result.problems)


def test_verify_rejects_changed_digest(signed_assessment, home):
    data = render_form_pdf(signed_assessment, issued_to=home.user(Role.TUTOR))
    digest = signatures_of(signed_assessment).first().digest.encode()
    position = data.index(digest[:16])
    replacement = b"0" if data[position:position + 1] != b"0" else b"1"
    tampered = data[:position] + replacement + data[position + 1:]

    result = verify_pdf(tampered)

    assert not result.genuine
    assert result.problems


def test_verify_reports_form_changed_since_print(home):
    report = ReportFactory(ect=home.ect)
    form = sent_form(report, home.user(Role.TUTOR))
    data = render_form_pdf(form, issued_to=home.user(Role.TUTOR))
    from reviews.services import save_answers

    save_answers(form, answers={"days_absent": "5"}, base_version=form.version, by=home.user(Role.TUTOR))

    result = verify_pdf(data)

    assert not result.genuine
    assert any("has changed since this copy was printed" in problem for problem in result.problems)


def test_verify_rejects_other_pdf(home):
    from weasyprint import HTML

    result = verify_pdf(HTML(string="<p>Hello</p>").write_pdf())

    assert not result.genuine
    assert result.summary == "This is not a form PDF from this service."
