import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Role
from messaging.models import OutboxEmail
from security.models import CodeDevice, SecurityProfile, TextMessage
from tests.security.helpers import SCHOOL_ADDRESS, START, error_text, is_signed_in, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutor(home):
    user = home.user(Role.TUTOR)
    SecurityProfile.objects.create(user=user, two_factor=SecurityProfile.TwoFactor.EMAIL)
    return user


def latest_code(user) -> str:
    email = OutboxEmail.objects.filter(to=user.email, subject__contains="sign-in code").latest("pk")
    return re.search(r"Your sign-in code is: (\d{6})", email.body).group(1)


def choose(client, channel="email"):
    return client.post(reverse("security:choose_code_channel"), {"channel": channel}, REMOTE_ADDR=SCHOOL_ADDRESS)


def enter(client, code):
    return client.post(reverse("security:enter_code"), {"code": code}, REMOTE_ADDR=SCHOOL_ADDRESS)


def resend(client):
    return client.post(reverse("security:enter_code"), {"resend": "1"}, REMOTE_ADDR=SCHOOL_ADDRESS)


def test_password_then_code_signs_in(client, tutor, password):
    with time_machine.travel(START, tick=False):
        after_password = sign_in(client, tutor.username, password)
        waiting = is_signed_in(client)
        chosen = choose(client)
        response = enter(client, latest_code(tutor))
        signed_in = is_signed_in(client)

    assert after_password.url == reverse("security:choose_code_channel")
    assert not waiting
    assert chosen.url == reverse("security:enter_code")
    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    assert signed_in


def test_code_is_six_digits(client, tutor, password):
    sign_in(client, tutor.username, password)
    choose(client)

    assert re.fullmatch(r"\d{6}", latest_code(tutor))


def test_code_expires_after_5_minutes(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        code = latest_code(tutor)
        clock.shift(timedelta(minutes=5, seconds=1))

        response = enter(client, code)
        signed_in = is_signed_in(client)

    assert "This code has expired" in error_text(response)
    assert "Send a new code" in response.text
    assert not signed_in


def test_code_works_just_before_expiry(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        clock.shift(timedelta(minutes=4, seconds=59))

        response = enter(client, latest_code(tutor))

    assert response.status_code == 302


def test_resent_code_replaces_old_one(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        old_code = latest_code(tutor)
        clock.shift(timedelta(seconds=61))
        resend(client)
        new_code = latest_code(tutor)
        old_answer = enter(client, old_code) if old_code != new_code else None

        new_answer = enter(client, new_code)
        signed_in = is_signed_in(client)

    assert OutboxEmail.objects.filter(subject__contains="sign-in code").count() == 2
    if old_answer is not None:
        assert "The code is not right" in error_text(old_answer)
    assert new_answer.status_code == 302
    assert signed_in


def test_resend_limited_to_once_a_minute(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        code = latest_code(tutor)
        clock.shift(timedelta(seconds=30))

        refused = client.get(resend(client).url)
        response = enter(client, code)

    assert "You can ask for another code in 30 seconds" in refused.text
    assert OutboxEmail.objects.filter(subject__contains="sign-in code").count() == 1
    assert response.status_code == 302


def test_code_works_only_once(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        code = latest_code(tutor)
        enter(client, code)
        client.logout()
        clock.shift(timedelta(seconds=10))
        sign_in(client, tutor.username, password)
        choose(client)
        new_code = latest_code(tutor)
        reused = enter(client, code) if new_code != code else None

    # The first code is used up, so signing in again within the minute sends a
    # new one at once instead of asking for a code that no longer works.
    assert OutboxEmail.objects.filter(subject__contains="sign-in code").count() == 2
    if reused is not None:
        assert "The code is not right" in error_text(reused)


def test_used_code_never_blocks_new_code(client, tutor, password):
    with time_machine.travel(START, tick=False) as clock:
        sign_in(client, tutor.username, password)
        choose(client)
        enter(client, latest_code(tutor))
        client.logout()
        clock.shift(timedelta(seconds=5))
        sign_in(client, tutor.username, password)
        choose(client)
        response = enter(client, latest_code(tutor))
        signed_in = is_signed_in(client)

    assert OutboxEmail.objects.filter(subject__contains="sign-in code").count() == 2
    assert response.status_code == 302
    assert signed_in


def test_five_wrong_codes_lock_account(client, tutor, password):
    with time_machine.travel(START, tick=False):
        sign_in(client, tutor.username, password)
        choose(client)
        code = latest_code(tutor)
        wrong = "000000" if code != "000000" else "111111"
        answers = [enter(client, wrong) for _ in range(5)]
        locked_page = client.get(answers[-1].url)

        again = sign_in(client, tutor.username, password)
        signed_in = is_signed_in(client)

    assert all("The code is not right" in error_text(answer) for answer in answers[:4])
    assert answers[-1].url == reverse("accounts:sign_in")
    assert "This account is locked" in locked_page.text
    assert "10:30am on 2 March 2026" in locked_page.text
    assert "This account is locked" in error_text(again)
    assert not signed_in


def test_code_by_text_message(client, tutor, password):
    tutor.mobile = "+447700900123"
    tutor.save(update_fields=["mobile"])
    sign_in(client, tutor.username, password)

    choose(client, "text")

    text = TextMessage.objects.get(to="+447700900123")
    code = re.search(r"(\d{6}) is your", text.body).group(1)
    assert enter(client, code).status_code == 302


def test_text_choice_needs_mobile(client, tutor, password):
    sign_in(client, tutor.username, password)

    response = choose(client, "text")

    assert "Select a valid choice" in error_text(response)
    assert not TextMessage.objects.exists()


def test_code_pages_need_password_first(client, home):
    assert client.get(reverse("security:choose_code_channel")).url == reverse("accounts:sign_in")
    assert client.get(reverse("security:enter_code")).url == reverse("accounts:sign_in")


def test_switch_on_in_login_details(client, home, password):
    user = home.user(Role.ECT)
    client.force_login(user)

    response = client.post(
        reverse("security:login_details"), {"email": user.email, "mobile": "", "two_factor": "email"}, follow=True
    )
    client.logout()
    after_password = sign_in(client, user.username, password)

    assert "Two-factor sign-in is on" in response.text
    assert SecurityProfile.objects.get(user=user).two_factor == "email"
    assert after_password.url == reverse("security:choose_code_channel")


def test_text_choice_in_login_details_needs_mobile(client, home):
    user = home.user(Role.ECT)
    client.force_login(user)

    response = client.post(reverse("security:login_details"), {"email": user.email, "mobile": "", "two_factor": "text"})

    assert "Enter a mobile number to get sign-in codes by text message" in error_text(response)


def test_switch_off_needs_current_password(client, tutor, password):
    client.force_login(tutor)
    url = reverse("security:login_details")

    refused = client.post(url, {"email": tutor.email, "mobile": "", "two_factor": ""})
    client.post(url, {"email": tutor.email, "mobile": "", "two_factor": "", "current_password": password})
    client.logout()

    assert "Enter your current password" in error_text(refused)
    assert sign_in(client, tutor.username, password).url == reverse("dashboard")


def test_banner_until_two_factor_on(client, home):
    user = home.user(Role.HEAD_TEACHER)
    client.force_login(user)
    before = client.get(reverse("dashboard"))

    SecurityProfile.objects.create(user=user, two_factor="email")
    after = client.get(reverse("dashboard"))

    assert "Protect your account with two-factor sign-in" in before.text
    assert reverse("security:login_details") in before.text
    assert "Protect your account with two-factor sign-in" not in after.text


def test_dismissed_banner_returns_after_30_days(client, home):
    user = home.user(Role.ECT)
    with time_machine.travel(START, tick=False) as clock:
        client.force_login(user)
        client.post(reverse("security:hide_two_factor_banner"))
        clock.shift(timedelta(days=29, hours=23))
        client.force_login(user)
        hidden = client.get(reverse("dashboard"))
        clock.shift(timedelta(hours=2))
        client.force_login(user)
        shown = client.get(reverse("dashboard"))

    assert "Protect your account" not in hidden.text
    assert "Protect your account" in shown.text
