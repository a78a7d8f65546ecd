"""Fixed people for every test: a school and its AB with one person in each
role, and a foreign school under another AB with the same roles."""

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
