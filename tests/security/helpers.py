"""Shared steps for the account security tests."""

from datetime import datetime, timezone

from django.test import Client
from django.urls import reverse

# A winter Monday, so London time equals UTC and messages read "10:30am".
START = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
SCHOOL_ADDRESS = "198.51.100.20"


def sign_in(client: Client, username: str, password: str, *, address: str = SCHOOL_ADDRESS, **headers):
    return client.post(
        reverse("accounts:sign_in"), {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def error_text(response) -> str:
    """Return the text of the page's error summary."""
    text = response.content.decode()
    start = text.find("govuk-error-summary")
    assert start != -1, "The page shows no error summary"
    return text[start : text.find("</div>", text.find("govuk-error-summary__body"))]
