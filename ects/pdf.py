"""The registration form as a PDF, made with WeasyPrint."""

from django.template.loader import render_to_string
from django.utils import timezone

from ects.models import ECT
from ects.summary import registration_sections
from signatures.services import signatures_of


def registration_pdf(ect: ECT) -> bytes:
    """Render the registration, with every signature (withdrawn ones marked), as PDF bytes."""
    # WeasyPrint loads Pango through cffi when imported, so import it only when a PDF is made.
    from weasyprint import HTML

    html = render_to_string(
        "ects/print_details.html",
        {
            "ect": ect,
            "sections": registration_sections(ect),
            "signatures": signatures_of(ect, include_withdrawn=True),
            "printed_at": timezone.localtime(),
        },
    )
    return HTML(string=html).write_pdf()
