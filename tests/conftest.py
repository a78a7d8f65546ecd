"""Fixed people for every test: a school and its AB with one person in each
role, and a foreign school under another AB with the same roles."""

import socket
from dataclasses import dataclass

import pytest

from accounts.models import Membership, Role, User
from ects.models import ECT
from organisations.models import AppropriateBody, School
from tests.factories import (
    TEST_PASSWORD,
    AppropriateBodyFactory,
    ECTFactory,
    MembershipFactory,
    SchoolFactory,
    UserFactory,
)


@dataclass
class Organisation:
    """One AB, one of its schools, and a member in each role."""

    appropriate_body: AppropriateBody
    school: School
    members: dict[Role, Membership]
    ect: ECT
    second_tutor: Membership

    def user(self, role: Role) -> User:
        return self.members[role].user


def build_organisation(prefix: str) -> Organisation:
    appropriate_body = AppropriateBodyFactory(name=f"{prefix} Appropriate Body")
    school = SchoolFactory(name=f"{prefix} School", appropriate_body=appropriate_body)
    members = {
        Role.AB_ADMIN: MembershipFactory(
            user=UserFactory(username=f"{prefix}-ab"), role=Role.AB_ADMIN, school=None, appropriate_body=appropriate_body
        )
    }
    for role, suffix in [
        (Role.HEAD_TEACHER, "head"),
        (Role.INDUCTION_LEAD, "lead"),
        (Role.TUTOR, "tutor"),
        (Role.ECT, "ect"),
    ]:
        members[role] = MembershipFactory(user=UserFactory(username=f"{prefix}-{suffix}"), role=role, school=school)
    second_tutor = MembershipFactory(user=UserFactory(username=f"{prefix}-tutor2"), role=Role.TUTOR, school=school)
    ect = ECTFactory(
        school=school,
        user=members[Role.ECT].user,
        tutor=members[Role.TUTOR].user,
        first_name=members[Role.ECT].user.first_name,
        last_name=members[Role.ECT].user.last_name,
    )
    return Organisation(appropriate_body, school, members, ect, second_tutor)


@pytest.fixture
def home(db) -> Organisation:
    return build_organisation("home")


@pytest.fixture
def foreign(db) -> Organisation:
    return build_organisation("foreign")


@pytest.fixture
def password() -> str:
    return TEST_PASSWORD


class CollectingHandler:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "data": envelope.content.decode("utf-8", errors="replace"),
            }
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback, with Django's SMTP backend pointed at it."""
    from aiosmtpd.controller import Controller

    handler = CollectingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    handler.port = port
    yield handler
    controller.stop()
