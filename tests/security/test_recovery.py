import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from messaging.models import OutboxEmail
from security.models import SecurityProfile, TextMessage
from tests.factories import UserFactory
from tests.security.helpers import SCHOOL_ADDRESS, START, error_text, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase"


def recover(client, by, value, address=SCHOOL_ADDRESS):
    field = {"username": "username", "email": "email", "mobile": "mobile"}[by]
    return client.post(
        reverse("security:recover") + f"?by={by}", {f"by-{by}-{field}": value}, REMOTE_ADDR=address, follow=True
    )


def reset_links(body: str) -> dict[str, str]:
    """Return each username in a reset email with the path of its link."""
    pairs = re.findall(r"Username: (\S+)\nReset link: http://[^/]+(/account/set-password/\S+/)", body)
    return dict(pairs)


def set_new_password(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password": password, "confirm_password": password})


def test_sign_in_links_to_recovery(client):
    response = client.get(reverse("accounts:sign_in"))

    assert "Can’t access your account?" in response.text
    assert reverse("security:recover") in response.text


def test_recovery_page_offers_three_ways(client):
    response = client.get(reverse("security:recover"))

    for label in ["Continue with username", "Continue with email address", "Continue with mobile number"]:
        assert label in response.text


def test_same_answer_for_known_and_unknown_email(client, home):
    known = recover(client, "email", home.user(Role.TUTOR).email)
    unknown = recover(Client(), "email", "nobody@nowhere.example")

    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert OutboxEmail.objects.filter(subject__contains="Reset").count() == 1


def test_same_answer_for_known_and_unknown_username(client, home):
    known = recover(client, "username", home.user(Role.TUTOR).username)
    unknown = recover(Client(), "username", "no-such-person")

    assert known.content == unknown.content


def test_email_names_every_username_sharing_address(home, smtp_server, django_capture_on_commit_callbacks):
    UserFactory(username="office-a", email="office@school.example")
    UserFactory(username="office-b", email="Office@School.example")

    with django_capture_on_commit_callbacks(execute=True):
        recover(Client(), "email", "office@school.example")

    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert message["to"] == ["office@school.example"]
    assert "Subject: Reset your ECT Manager password" in message["data"]
    body = OutboxEmail.objects.get().body
    assert set(reset_links(body)) == {"office-a", "office-b"}
    assert "expires after 60 minutes" in body


def test_reset_link_works_once(home, smtp_server, django_capture_on_commit_callbacks):
    user = home.user(Role.TUTOR)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        recover(client, "username", f"  {user.username.upper()} ")
    path = reset_links(OutboxEmail.objects.get().body)[user.username]

    first = set_new_password(client, path)
    second = client.get(path)
    signed_in = sign_in(client, user.username, NEW_PASSWORD)

    assert len(smtp_server.messages) == 1
    assert first.status_code == 302
    assert second.status_code == 400
    assert signed_in.status_code == 302


def test_reset_link_expires_after_an_hour(client, home):
    user = home.user(Role.TUTOR)
    with time_machine.travel(START, tick=False) as clock:
        recover(client, "username", user.username)
        path = reset_links(OutboxEmail.objects.get().body)[user.username]
        clock.shift(timedelta(minutes=59))
        in_time = client.get(path)
        clock.shift(timedelta(minutes=1, seconds=1))
        late = client.get(path)

    assert in_time.status_code == 200
    assert late.status_code == 400


def test_reset_expiry_is_configurable(client, settings, home):
    settings.PASSWORD_RESET_TIMEOUT = 10 * 60
    user = home.user(Role.TUTOR)
    with time_machine.travel(START, tick=False) as clock:
        recover(client, "username", user.username)
        body = OutboxEmail.objects.get().body
        path = reset_links(body)[user.username]
        clock.shift(timedelta(minutes=10, seconds=1))
        late = client.get(path)

    assert "expires after 10 minutes" in body
    assert late.status_code == 400


def test_recovery_by_mobile_texts_link(client, home):
    user = home.user(Role.ECT)
    SecurityProfile.objects.create(user=user, recovery_mobile="+447700900456")

    recover(client, "mobile", "07700 900456")

    text = TextMessage.objects.get()
    assert text.to == "+447700900456"
    assert user.username in text.body
    path = re.search(r"http://[^/]+(/account/set-password/\S+/)", text.body).group(1)
    assert client.get(path).status_code == 200


def test_invalid_mobile_explained(client):
    response = recover(client, "mobile", "12345")

    assert "Enter a UK mobile number" in error_text(response)


def test_account_rate_limit_is_silent(client, home):
    user = home.user(Role.TUTOR)
    with time_machine.travel(START, tick=False) as clock:
        answers = [recover(Client(), "username", user.username, address=f"203.0.113.{n}") for n in range(4)]
        emails_within_hour = OutboxEmail.objects.count()
        clock.shift(timedelta(hours=1, seconds=1))
        recover(client, "username", user.username)

    assert emails_within_hour == 3
    assert answers[3].content == answers[0].content
    assert OutboxEmail.objects.count() == 4


def test_address_rate_limit(client, settings):
    settings.RECOVERY_REQUESTS_PER_ADDRESS = 3
    with time_machine.travel(START, tick=False):
        for number in range(3):
            recover(client, "email", f"someone{number}@example.org")

        refused = recover(client, "email", "another@example.org")

    assert refused.status_code == 429
    assert "Try again from 11:00am on 2 March 2026" in refused.text


def test_password_rules_each_explained(client, home):
    user = home.user(Role.TUTOR)
    recover(client, "username", user.username)
    path = reset_links(OutboxEmail.objects.get().body)[user.username]

    response = set_new_password(client, path, "12345")

    errors = error_text(response)
    assert "This password is too short. It must contain at least 10 characters." in errors
    assert "This password is too common." in errors
    assert "This password is entirely numeric." in errors


def test_reset_ends_other_sessions(home):
    user = home.user(Role.TUTOR)
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(reverse("dashboard")).status_code == 200
    client = Client()
    recover(client, "username", user.username)
    path = reset_links(OutboxEmail.objects.get().body)[user.username]

    set_new_password(client, path)

    assert elsewhere.get(reverse("dashboard")).status_code == 302


def test_reset_unlocks_account(client, home):
    user = home.user(Role.TUTOR)
    for _ in range(5):
        sign_in(client, user.username, "wrong-password")
    recover(client, "username", user.username)
    path = reset_links(OutboxEmail.objects.get().body)[user.username]

    set_new_password(client, path)
    response = sign_in(client, user.username, NEW_PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)
