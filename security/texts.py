"""Text messages: every text is written to the TextMessage outbox, then handed
to the sender named by TEXT_SENDER.

OutboxSender leaves texts in the outbox, where a DEBUG-only page lists them.
NotifySender delivers them through GOV.UK Notify.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from security.models import TextMessage

logger = logging.getLogger(__name__)


class OutboxSender:
    """Keeps texts in the outbox unsent, for local use and demos."""

    def send(self, text: TextMessage) -> None:
        logger.info("Text %s kept in the outbox: no text sender is configured", text.pk)


class NotifySender:
    """Sends texts through GOV.UK Notify with a template whose content is ((body))."""

    def __init__(self):
        from notifications_python_client.notifications import NotificationsAPIClient

        if not settings.NOTIFY_SMS_TEMPLATE_ID:
            raise ValueError("NOTIFY_SMS_TEMPLATE_ID is missing: set it to the id of a Notify text template.")
        self.client = NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL)

    def send(self, text: TextMessage) -> None:
        from notifications_python_client.errors import APIError

        try:
            response = self.client.send_sms_notification(
                phone_number=text.to,
                template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                personalisation={"body": text.body},
                reference=f"text-{text.pk}",
            )
        except (APIError, OSError) as error:
            text.status = TextMessage.Status.FAILED
            text.last_error = f"{type(error).__name__}: {error}"
            text.save(update_fields=["status", "last_error"])
            logger.warning("Sending text %s through Notify failed: %s", text.pk, text.last_error)
            return
        text.status = TextMessage.Status.SENT
        text.sent_at = timezone.now()
        text.provider_reference = str(response.get("id", ""))
        text.save(update_fields=["status", "sent_at", "provider_reference"])
        logger.info("Sent text %s through Notify as %s", text.pk, text.provider_reference)


def text_sender():
    return import_string(settings.TEXT_SENDER)()


def send_text(*, to: str, body: str) -> TextMessage:
    """Write a text to the outbox and hand it to the sender once the transaction commits."""
    text = TextMessage.objects.create(to=to, body=body)
    transaction.on_commit(lambda: text_sender().send(text))
    return text
