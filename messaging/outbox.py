"""The email outbox: queue inside a transaction, send after commit, retry what failed."""

import logging
from typing import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import timezone

from messaging.models import OutboxEmail

logger = logging.getLogger(__name__)


def queue_email(*, to: str, subject: str, body: str, dedupe_key: str | None = None) -> OutboxEmail | None:
    """Write an email to the outbox and send it once the current transaction commits.

    Returns None, and queues nothing, when an email with the same `dedupe_key`
    was queued before.
    """
    try:
        with transaction.atomic():
            email = OutboxEmail.objects.create(to=to, subject=subject, body=body, dedupe_key=dedupe_key)
    except IntegrityError:
        if dedupe_key is None:
            raise
        logger.info("Outbox email with key %s already queued; not queued again", dedupe_key)
        return None
    transaction.on_commit(lambda: send_queued(ids=[email.pk]))
    return email


def queue_templated_email(
    *, to: str, template: str, context: dict, dedupe_key: str | None = None
) -> OutboxEmail | None:
    """Render `email/<template>.txt`, whose first line is the subject, and queue it."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    # Plain-text email, so nothing is HTML-escaped: "ECT's" must not become "ECT&#x27;s".
    rendered = get_template(f"email/{template}.txt").template.render(Context(context, autoescape=False)).strip()
    subject, _, body = rendered.partition("\n")
    return queue_email(to=to, subject=subject.strip(), body=body.strip() + "\n", dedupe_key=dedupe_key)


def send_queued(*, ids: Iterable[int] | None = None, limit: int = 100) -> tuple[int, int]:
    """Send queued emails (all of them, or only `ids`); return (sent, failed).

    Each email is claimed in its own transaction with a row lock, so two
    workers never send the same email twice.
    """
    candidates = OutboxEmail.objects.filter(status=OutboxEmail.Status.QUEUED)
    if ids is not None:
        candidates = candidates.filter(pk__in=list(ids))
    sent = failed = 0
    for email_id in candidates.values_list("pk", flat=True)[:limit]:
        outcome = _send_one(email_id)
        if outcome is True:
            sent += 1
        elif outcome is False:
            failed += 1
    return sent, failed


def _send_one(email_id: int) -> bool | None:
    """Send one email; return True if sent, False if it failed, None if another worker has it."""
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutboxEmail.Status.QUEUED)
            .first()
        )
        if email is None:
            return None
        email.attempts += 1
        try:
            message = EmailMessage(
                subject=email.subject,
                body=email.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email.to],
                connection=get_connection(fail_silently=False),
            )
            message.send()
        except Exception as error:  # Any failure of the mail backend leaves the email queued.
            email.last_error = f"{type(error).__name__}: {error}"
            if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                email.status = OutboxEmail.Status.FAILED
            email.save(update_fields=["attempts", "last_error", "status"])
            logger.warning(
                "Sending outbox email %s failed on attempt %s: %s", email.pk, email.attempts, email.last_error
            )
            return False
        email.status = OutboxEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        logger.info("Sent outbox email %s", email.pk)
        return True
