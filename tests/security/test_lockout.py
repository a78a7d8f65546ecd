from datetime import datetime, timedelta, timezone

import pytest
import time_machine
from axes.models import AccessAttempt

from accounts.models import Role
from security.models import AddressFailure, AddressLock
from tests.factories import UserFactory
from tests.security.helpers import SCHOOL_ADDRESS, START, error_text, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

WRONG = "not-the-password"


def fail_times(client, username, count, **kwargs):
    responses = [sign_in(client, username, WRONG, **kwargs) for _ in range(count)]
    return responses[-1]


def test_sixth_try_with_right_password_refused(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        fail_times(client, username, 5)

        response = sign_in(client, username, password)
        signed_in = is_signed_in(client)

    assert response.status_code == 200
    assert not signed_in
    message = error_text(response)
    assert "This account is locked" in message
    assert "You can try again from 10:30am on 2 March 2026" in message


def test_fifth_failure_reports_lock(client, home):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        fourth = fail_times(client, username, 4)
        fifth = sign_in(client, username, WRONG)

    assert "The username or password is not right" in error_text(fourth)
    assert "This account is locked" in error_text(fifth)


def test_lock_ends_after_30_minutes(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False) as clock:
        fail_times(client, username, 5)
        clock.shift(timedelta(minutes=29, seconds=59))
        still_locked = sign_in(client, username, password)
        clock.shift(timedelta(seconds=2))

        after = sign_in(client, username, password)
        signed_in = is_signed_in(client)

    assert "This account is locked" in error_text(still_locked)
    assert after.status_code == 302
    assert signed_in


def test_attempts_while_locked_do_not_extend_lock(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False) as clock:
        fail_times(client, username, 5)
        clock.shift(timedelta(minutes=20))
        fail_times(client, username, 3)
        clock.shift(timedelta(minutes=10, seconds=1))

        after = sign_in(client, username, password)

    assert after.status_code == 302


def test_username_case_and_spaces_share_count(client, password):
    UserFactory(username="alice")
    with time_machine.travel(START, tick=False):
        for typed in ["Alice", " alice", "ALICE ", "alice", "aLiCe"]:
            sign_in(client, typed, WRONG)

        response = sign_in(client, "alice", password)

    assert "This account is locked" in error_text(response)
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"alice"}


def test_lock_applies_from_every_address(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        fail_times(client, username, 5, address="203.0.113.1")

        elsewhere = sign_in(client, username, password, address="203.0.113.99")

    assert "This account is locked" in error_text(elsewhere)


def test_other_account_on_same_address_not_blocked(client, home, password):
    with time_machine.travel(START, tick=False):
        fail_times(client, home.user(Role.TUTOR).username, 5)

        colleague = sign_in(client, home.user(Role.HEAD_TEACHER).username, password)
        signed_in = is_signed_in(client)

    assert colleague.status_code == 302
    assert signed_in


def test_forged_forwarded_for_keeps_count(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        for number in range(5):
            sign_in(client, username, WRONG, HTTP_X_FORWARDED_FOR=f"10.9.9.{number}")

        response = sign_in(client, username, password, HTTP_X_FORWARDED_FOR="10.9.9.200")

    assert "This account is locked" in error_text(response)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {SCHOOL_ADDRESS}
    assert set(AddressFailure.objects.values_list("ip_address", flat=True)) == {SCHOOL_ADDRESS}


def test_trusted_proxy_entry_counted_not_forged_one(client, settings, home):
    settings.TRUSTED_PROXY_COUNT = 1
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        for number in range(3):
            sign_in(
                client, username, WRONG, address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 203.0.113.7"
            )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    assert AddressFailure.objects.filter(ip_address="203.0.113.7").count() == 3


def test_success_clears_count(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(START, tick=False):
        fail_times(client, username, 4)
        assert sign_in(client, username, password).status_code == 302
        client.logout()
        fail_times(client, username, 4)

        response = sign_in(client, username, password)

    assert response.status_code == 302


def test_spraying_locks_address_at_fifty(client, home, password):
    with time_machine.travel(START, tick=False) as clock:
        for number in range(49):
            sign_in(client, f"guess{number}", WRONG)
        before_limit = sign_in(client, home.user(Role.HEAD_TEACHER).username, password)
        client.logout()
        sign_in(client, "guess49", WRONG)

        sprayed = sign_in(client, home.user(Role.INDUCTION_LEAD).username, password)
        other_address = sign_in(client, home.user(Role.INDUCTION_LEAD).username, password, address="203.0.113.50")
        client.logout()
        clock.shift(timedelta(minutes=30, seconds=1))
        later = sign_in(client, home.user(Role.INDUCTION_LEAD).username, password)

    assert before_limit.status_code == 302
    assert "You can try again from 10:30am on 2 March 2026" in error_text(sprayed)
    assert AddressLock.objects.filter(ip_address=SCHOOL_ADDRESS).exists()
    assert other_address.status_code == 302
    assert later.status_code == 302


def test_spraying_counts_only_last_30_minutes(client, home, password):
    with time_machine.travel(START, tick=False) as clock:
        for number in range(40):
            sign_in(client, f"guess{number}", WRONG)
        clock.shift(timedelta(minutes=31))
        for number in range(40, 80):
            sign_in(client, f"guess{number}", WRONG)

        response = sign_in(client, home.user(Role.TUTOR).username, password)

    assert response.status_code == 302
    assert not AddressLock.objects.exists()


def test_lock_time_shown_in_london_time(client, home, password):
    username = home.user(Role.TUTOR).username
    with time_machine.travel(datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc), tick=False):
        fail_times(client, username, 5)

        response = sign_in(client, username, password)

    assert "You can try again from 11:30am on 1 July 2026" in error_text(response)
