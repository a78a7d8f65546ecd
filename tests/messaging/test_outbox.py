import pytest
from django.core.management import call_command
from django.db import transaction

from messaging.models import OutboxEmail
from messaging.outbox import queue_email, send_queued
from tests.conftest import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def test_email_sent_after_commit(smtp_server):
    with transaction.atomic():
        email = queue_email(to="tutor@example.org", subject="Hello", body="Body text")
        assert smtp_server.messages == []

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert email.attempts == 1
    assert len(smtp_server.messages) == 1
    assert smtp_server.messages[0]["to"] == ["tutor@example.org"]
    assert "Subject: Hello" in smtp_server.messages[0]["data"]


def test_rolled_back_change_sends_nothing(smtp_server):
    with transaction.atomic():
        queue_email(to="tutor@example.org", subject="Never", body="Body")
        transaction.set_rollback(True)

    assert OutboxEmail.objects.count() == 0
    assert smtp_server.messages == []


def test_failed_send_stays_queued_then_retried(settings, smtp_server):
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # Nothing listens here, so the connection is refused.

    email = queue_email(to="lead@example.org", subject="Retry me", body="Body")

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.QUEUED
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert smtp_server.messages == []

    settings.EMAIL_PORT = working_port
    call_command("send_outbox")

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert email.attempts == 2
    assert email.last_error == ""
    assert len(smtp_server.messages) == 1


def test_gives_up_after_max_attempts(settings, smtp_server):
    settings.EMAIL_PORT = free_port()
    settings.OUTBOX_MAX_ATTEMPTS = 2

    email = queue_email(to="lead@example.org", subject="Doomed", body="Body")
    send_queued()
    send_queued()

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert email.attempts == 2


def test_dedupe_key_queues_once(smtp_server):
    first = queue_email(to="ect@example.org", subject="Reminder", body="Body", dedupe_key="reminder:1:7-days")
    second = queue_email(to="ect@example.org", subject="Reminder", body="Body", dedupe_key="reminder:1:7-days")

    assert first is not None
    assert second is None
    assert OutboxEmail.objects.count() == 1
    assert len(smtp_server.messages) == 1


def test_sent_email_not_sent_again(smtp_server):
    queue_email(to="ect@example.org", subject="Once", body="Body")

    sent, failed = send_queued()

    assert (sent, failed) == (0, 0)
    assert len(smtp_server.messages) == 1


def test_templated_email_not_html_escaped(smtp_server):
    from messaging.outbox import queue_templated_email

    email = queue_templated_email(
        to="ect@example.org",
        template="school_rejected",
        context={"school": {"name": "St Mary's School", "urn": "123456"}, "user": {"first_name": "Ann"}, "reason": "<wrong URN>"},
    )

    assert "St Mary's School" in email.subject
    assert "<wrong URN>" in email.body
    assert "&#x27;" not in email.body
