from datetime import date

import factory

from accounts.models import Membership, Role, User
from ects.models import ECT
from organisations.models import AppropriateBody, School

TEST_PASSWORD = "correct-horse-battery"


class AppropriateBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppropriateBody
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Appropriate Body {n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: f"{200000 + n:06d}")
    name = factory.Sequence(lambda n: f"School {n}")
    address_line_1 = "1 High Street"
    town = "Northby"
    postcode = "NB1 1AA"
    local_authority = "Northshire"
    phase = School.Phase.PRIMARY
    appropriate_body = factory.SubFactory(AppropriateBodyFactory)
    status = School.Status.APPROVED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or TEST_PASSWORD)
        if create:
            user.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.TUTOR
    school = factory.SubFactory(SchoolFactory)
    appropriate_body = None


class ECTFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ECT

    school = factory.SubFactory(SchoolFactory)
    trn = factory.Sequence(lambda n: f"{4000000 + n:07d}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = date(1999, 5, 1)
    status = ECT.Status.IN_PROGRESS
    induction_start_date = date(2025, 9, 1)
