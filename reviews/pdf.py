"""Print a form as a PDF, and check an uploaded PDF against what was signed.

Each PDF carries, in its document information, the form's id and version and
the exact canonical content that signatures cover. The SHA-256 of every PDF
the service produces is recorded, so a copy with any byte changed, in its
text or its metadata, is not recognised as issued.
"""

import hashlib
import logging
import re
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError, PdfStreamError
from weasyprint import HTML

from accounts.models import User, role_in_sentence
from reviews import services, steps
from reviews.models import IssuedPdf, ReportForm
from signatures.services import content_digest, matches, signatures_of

logger = logging.getLogger(__name__)

FORM_KEY = "/ECTMForm"
VERSION_KEY = "/ECTMFormVersion"
CONTENT_KEY = "/ECTMSignedContent"
DIGEST_KEY = "/ECTMContentDigest"


def render_form_pdf(form: ReportForm, *, issued_to: User) -> bytes:
    """Return the form as a PDF with answers, wording and signatures, and record that it was issued."""
    content = services.signed_content(form)
    digest = content_digest(content)
    html = render_to_string(
        "reviews/form_pdf.html",
        {
            "form": form,
            "report": form.report,
            "ect": form.report.ect,
            "sections": steps.answer_sections(form),
            "signatures": signatures_of(form, include_withdrawn=True),
            "content_digest": digest,
            "printed_at": timezone.now(),
            "site_name": settings.SITE_NAME,
        },
    )
    # Uncompressed, so the page text is plain in the file and any change to it stays visible to a reader.
    rendered = HTML(string=html).write_pdf(uncompressed_pdf=True)

    writer = PdfWriter(clone_from=PdfReader(BytesIO(rendered)))
    writer.add_metadata(
        {
            "/Title": str(form),
            FORM_KEY: str(form.pk),
            VERSION_KEY: str(form.version),
            CONTENT_KEY: content,
            DIGEST_KEY: digest,
        }
    )
    output = BytesIO()
    writer.write(output)
    data = output.getvalue()

    IssuedPdf.objects.get_or_create(
        sha256=hashlib.sha256(data).hexdigest(),
        defaults={"form": form, "form_version": form.version, "content_digest": digest, "issued_to": issued_to},
    )
    logger.info("PDF of form %s version %s issued to user %s", form.pk, form.version, issued_to.pk)
    return data


@dataclass
class Verification:
    """The result of checking an uploaded PDF."""

    genuine: bool
    summary: str
    form: ReportForm | None = None
    version: int | None = None
    problems: list[str] = field(default_factory=list)
    signed_by: list[str] = field(default_factory=list)


def verify_pdf(data: bytes) -> Verification:
    """Check an uploaded PDF: which form and version it is, and whether it matches what was signed."""
    try:
        reader = PdfReader(BytesIO(data))
        metadata = reader.metadata or {}
        text = "".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError) as error:
        logger.info("Uploaded PDF could not be read: %s", error)
        return Verification(False, "This file could not be read as a PDF. It may be damaged or changed.")

    form_id = str(metadata.get(FORM_KEY, ""))
    content = str(metadata.get(CONTENT_KEY, ""))
    form = ReportForm.objects.filter(pk=int(form_id)).select_related("report__ect").first() if form_id.isdigit() else None
    if form is None or not content:
        return Verification(False, "This is not a form PDF from this service.")
    version = int(str(metadata.get(VERSION_KEY, "0")) or 0)
    result = Verification(False, "", form=form, version=version)

    if not IssuedPdf.objects.filter(sha256=hashlib.sha256(data).hexdigest(), form=form).exists():
        result.problems.append("The file is not byte for byte a copy that this service produced, so it has been changed.")
    digest = content_digest(content)
    if str(metadata.get(DIGEST_KEY, "")) != digest:
        result.problems.append("The content digest recorded in the file does not match its content.")

    compact_text = re.sub(r"\s+", "", text)
    if digest not in compact_text:
        result.problems.append("The content digest printed on the pages does not match the signed content.")

    current = list(signatures_of(form))
    for signature in current:
        if not matches(signature, content):
            result.problems.append(
                f"The {role_in_sentence(signature.role)}'s signature was made over different content."
            )
        elif signature.digest not in compact_text:
            result.problems.append(f"The {role_in_sentence(signature.role)}'s digest is missing from the pages.")
        else:
            result.signed_by.append(f"{signature.signer.get_full_name()}, {role_in_sentence(signature.role)}")
    if version != form.version:
        result.problems.append(
            f"The form has changed since this copy was printed: this is version {version}, "
            f"and the form is now at version {form.version}."
        )

    result.genuine = not result.problems
    if result.genuine and current:
        result.summary = "This PDF matches what was signed."
    elif result.genuine:
        result.summary = "This PDF matches the form, which nobody has signed yet."
    else:
        result.summary = "This PDF does not match what was signed."
    logger.info("Verification of a PDF of form %s: %s", form.pk, "matches" if result.genuine else result.problems)
    return result
