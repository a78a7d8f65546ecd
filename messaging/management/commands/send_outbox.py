import logging

from django.core.management.base import BaseCommand

from messaging.outbox import send_queued

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send every queued email in the outbox, retrying those that failed before."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=1000, help="Maximum number of emails to try in this run.")

    def handle(self, *args, limit, **options):
        logger.info("Outbox run started")
        sent, failed = send_queued(limit=limit)
        logger.info("Outbox run finished: %s sent, %s failed", sent, failed)
        self.stdout.write(f"{sent} sent, {failed} failed.")
