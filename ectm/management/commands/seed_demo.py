import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from accounts.models import Membership, Role, User
from ectm import demo_data
from ects.demo import seed_registrations
from ects.models import ECT
from organisations.models import AppropriateBody, School
from reviews import demo as reviews_demo
from schedule.demo import seed_schedule

logger = logging.getLogger(__name__)

DEMO_LOGGERS = ["accounts", "ects", "messaging", "organisations", "reviews", "schedule", "security", "signatures"]


@contextmanager
def quiet_loggers(names: list[str]):
    """Log only warnings and errors from these loggers inside the block."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [named_logger.level for named_logger in loggers]
    for named_logger in loggers:
        named_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for named_logger, level in zip(loggers, levels):
            named_logger.setLevel(level)


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo appropriate body, schools, people and ECTs."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off. Never use this on a live service."
        )

    def handle(self, *args, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo adds demo accounts with a shared password, so it runs only with DEBUG on. "
                "Use --force to run it anyway."
            )
        logger.info("Demo seeding started")
        # The demo's history is made by the same actions people take, which log
        # each step and email the people involved. Neither is news to anyone,
        # so the steps are not logged and the emails are not delivered to var/mail.
        no_delivery = override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
        with quiet_loggers(DEMO_LOGGERS), no_delivery, transaction.atomic():
            seed()
        logger.info("Demo seeding finished")
        self.print_sign_ins()

    def print_sign_ins(self):
        self.stdout.write("Demo sign-ins (every account shares one password):")
        self.stdout.write(f"  password: {demo_data.DEMO_PASSWORD}")
        school_names = {row["key"]: row["name"] for row in demo_data.SCHOOLS}
        for person in demo_data.STAFF:
            where = school_names.get(person.school, demo_data.APPROPRIATE_BODY["name"])
            self.stdout.write(f"  {person.username:<14} {Role(person.role).label}, {where}")
        for ect in demo_data.ECTS:
            if ect.username:
                self.stdout.write(f"  {ect.username:<14} ECT, {school_names[ect.school]} ({ect.note})")


def seed() -> None:
    appropriate_body, _ = AppropriateBody.objects.update_or_create(
        name=demo_data.APPROPRIATE_BODY["name"], defaults={"email": demo_data.APPROPRIATE_BODY["email"]}
    )
    schools = {}
    for row in demo_data.SCHOOLS:
        fields = {key: value for key, value in row.items() if key not in {"key", "urn"}}
        schools[row["key"]], _ = School.objects.update_or_create(
            urn=row["urn"], defaults={**fields, "appropriate_body": appropriate_body}
        )

    users = {}
    for person in demo_data.STAFF:
        user = demo_user(person.username, person.first_name, person.last_name)
        users[person.username] = user
        if person.role == Role.AB_ADMIN:
            Membership.objects.get_or_create(user=user, role=person.role, appropriate_body=appropriate_body)
        else:
            Membership.objects.get_or_create(user=user, role=person.role, school=schools[person.school])

    for row in demo_data.ECTS:
        school = schools[row.school]
        user = None
        if row.username:
            user = demo_user(row.username, row.first_name, row.last_name)
            Membership.objects.get_or_create(user=user, role=Role.ECT, school=school)
        ECT.objects.update_or_create(
            trn=row.trn,
            school=school,
            defaults={
                "user": user,
                "tutor": users[row.tutor],
                "first_name": row.first_name,
                "last_name": row.last_name,
                "date_of_birth": row.date_of_birth,
                "email": f"{row.first_name}.{row.last_name}@{row.school}.example".lower(),
                "status": row.status,
                "induction_start_date": row.start,
                "days_per_week": row.days_per_week,
                "leaving_date": row.leaving_date,
            },
        )

    seed_registrations()
    seed_schedule(appropriate_body)
    reviews_demo.seed(demo_data.APPROPRIATE_BODY["name"])


def demo_user(username: str, first_name: str, last_name: str) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@demo.example",
        },
    )
    if created or not user.check_password(demo_data.DEMO_PASSWORD):
        user.set_password(demo_data.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
