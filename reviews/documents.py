"""Uploaded support plans: checked by their content, not their name."""

import hashlib
import zipfile

from django import forms
from django.core.files.uploadedfile import UploadedFile

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"


def check_document(upload: UploadedFile) -> str:
    """Return "pdf" or "docx" for an acceptable upload; raise ValidationError otherwise."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise forms.ValidationError("The support plan document must be 10 MB or smaller")
    head = upload.read(len(PDF_SIGNATURE))
    upload.seek(0)
    if head.startswith(PDF_SIGNATURE):
        return "pdf"
    if head.startswith(ZIP_SIGNATURE):
        try:
            with zipfile.ZipFile(upload) as archive:
                is_word = "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            is_word = False
        finally:
            upload.seek(0)
        if is_word:
            return "docx"
    raise forms.ValidationError("The support plan document must be a PDF or a Word (.docx) file")


def file_digest(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
