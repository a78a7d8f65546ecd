"""A Django email backend that sends through GOV.UK Notify.

Notify sends only from templates, so the service needs one email template
whose subject is ((subject)) and whose body is ((body)); NOTIFY_EMAIL_TEMPLATE_ID
names it. The outbox records a raised error and retries the email later.
"""

import logging

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently, **kwargs)
        from notifications_python_client.notifications import NotificationsAPIClient

        if not settings.NOTIFY_EMAIL_TEMPLATE_ID:
            raise ValueError("NOTIFY_EMAIL_TEMPLATE_ID is missing: set it to the id of a Notify email template.")
        self.client = NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL)

    def send_messages(self, email_messages) -> int:
        from notifications_python_client.errors import APIError

        sent = 0
        for message in email_messages:
            try:
                for recipient in message.recipients():
                    response = self.client.send_email_notification(
                        email_address=recipient,
                        template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
                        personalisation={"subject": message.subject, "body": message.body},
                    )
                    logger.info("Sent email through Notify as %s", response.get("id"))
            except (APIError, OSError) as error:
                logger.warning("Sending email through Notify failed: %s", error)
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent
