from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from security.forms import answer_matches
from security.models import SecurityAnswer, SecurityProfile
from tests.security.helpers import START, error_text, sign_in

pytestmark = pytest.mark.django_db


def test_page_shows_username_and_details(client, home):
    user = home.user(Role.TUTOR)
    client.force_login(user)

    response = client.get(reverse("security:login_details"))

    assert user.username in response.text
    assert user.email in response.text
    assert reverse("security:change_password") in response.text
    assert reverse("security:security_information") in response.text


def test_mobile_saved_in_standard_form(client, home, password):
    user = home.user(Role.TUTOR)
    client.force_login(user)

    client.post(
        reverse("security:login_details"),
        {"email": user.email, "mobile": "07700 900 123", "two_factor": "", "current_password": password},
    )

    user.refresh_from_db()
    assert user.mobile == "+447700900123"


def test_invalid_details_explained_and_kept(client, home):
    user = home.user(Role.TUTOR)
    client.force_login(user)

    response = client.post(
        reverse("security:login_details"), {"email": "not-an-email", "mobile": "0123", "two_factor": ""}
    )

    errors = error_text(response)
    assert "Enter an email address in the correct format" in errors
    assert "Enter a UK mobile number" in errors
    assert 'value="0123"' in response.text
    user.refresh_from_db()
    assert user.email.endswith("@example.org")


def test_email_change_needs_current_password(client, home):
    user = home.user(Role.TUTOR)
    client.force_login(user)

    response = client.post(
        reverse("security:login_details"),
        {"email": "taken-over@example.org", "mobile": "", "two_factor": "", "current_password": "wrong"},
    )

    assert "Enter your current password to change your email address" in error_text(response)
    assert 'value="taken-over@example.org"' in response.text
    user.refresh_from_db()
    assert user.email != "taken-over@example.org"


def test_change_password_needs_current_password(client, home):
    client.force_login(home.user(Role.TUTOR))

    response = client.post(
        reverse("security:change_password"),
        {"current_password": "wrong", "new_password": "a-brand-new-passphrase", "confirm_password": "a-brand-new-passphrase"},
    )

    assert "Your current password is not right" in error_text(response)


def test_change_password_ends_other_sessions(home, password):
    user = home.user(Role.TUTOR)
    elsewhere, here = Client(), Client()
    elsewhere.force_login(user)
    here.force_login(user)

    response = here.post(
        reverse("security:change_password"),
        {"current_password": password, "new_password": "a-brand-new-passphrase", "confirm_password": "a-brand-new-passphrase"},
    )

    assert response.status_code == 302
    assert here.get(reverse("dashboard")).status_code == 200
    assert elsewhere.get(reverse("dashboard")).status_code == 302
    assert sign_in(Client(), user.username, "a-brand-new-passphrase").status_code == 302


def test_change_password_mismatch_explained(client, home, password):
    client.force_login(home.user(Role.TUTOR))

    response = client.post(
        reverse("security:change_password"),
        {"current_password": password, "new_password": "a-brand-new-passphrase", "confirm_password": "something-else-x"},
    )

    assert "The two passwords do not match" in error_text(response)


def test_security_answers_stored_hashed(client, home):
    user = home.user(Role.TUTOR)
    client.force_login(user)

    response = client.post(
        reverse("security:security_information"),
        {
            "first_question": "first_pet",
            "first_answer": "  Mr Whiskers ",
            "second_question": "birth_town",
            "second_answer": "Leeds",
            "recovery_mobile": "+44 7700 900999",
        },
    )

    assert response.status_code == 302
    answers = {answer.question: answer.answer_hash for answer in SecurityAnswer.objects.filter(user=user)}
    assert set(answers) == {"first_pet", "birth_town"}
    assert "Whiskers" not in answers["first_pet"]
    assert answer_matches("mrwhiskers", answers["first_pet"])
    assert answer_matches("MR  WHISKERS", answers["first_pet"])
    assert not answer_matches("Mrs Whiskers", answers["first_pet"])
    assert SecurityProfile.objects.get(user=user).recovery_mobile == "+447700900999"


def test_security_questions_must_differ(client, home):
    client.force_login(home.user(Role.TUTOR))

    response = client.post(
        reverse("security:security_information"),
        {"first_question": "first_pet", "first_answer": "Rex", "second_question": "first_pet", "second_answer": "Rex"},
    )

    assert "Choose a different question from your first one" in error_text(response)


def test_session_ends_after_two_idle_hours(client, home, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, home.user(Role.TUTOR).username, password)
        clock.shift(timedelta(hours=1, minutes=59))
        active = client.get(reverse("dashboard"))
        clock.shift(timedelta(hours=1, minutes=59))
        still_active = client.get(reverse("dashboard"))
        clock.shift(timedelta(hours=2, seconds=1))
        idle = client.get(reverse("dashboard"))

    assert active.status_code == 200
    assert still_active.status_code == 200
    assert idle.status_code == 302


def test_cookies_are_http_only_and_lax(client, home, password):
    client.get(reverse("accounts:sign_in"))
    response = sign_in(client, home.user(Role.TUTOR).username, password)

    session_cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME]
    assert session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"
    assert csrf_cookie["httponly"]
    assert csrf_cookie["samesite"] == "Lax"
    assert session_cookie["secure"], "DEBUG is off in tests, so cookies must be Secure"
    assert settings.SESSION_COOKIE_AGE == 2 * 60 * 60
