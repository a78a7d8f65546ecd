import re

import pytest
from django.urls import reverse

from accounts.models import Membership, Role, User
from messaging.models import OutboxEmail
from organisations.models import School

pytestmark = pytest.mark.django_db

VALID = {
    "urn": "654321",
    "name": "Hazel Grove Primary",
    "address_line_1": "5 Hazel Grove",
    "address_line_2": "",
    "town": "Northby",
    "postcode": "nb5  5ee",
    "local_authority": "Northshire",
    "phase": "primary",
    "contact_role": "head_teacher",
    "contact_first_name": "Rosa",
    "contact_last_name": "Parks",
    "contact_email": "rosa@hazel.example",
}


def register(client, home, **changes):
    data = {**VALID, "appropriate_body": home.appropriate_body.pk, **changes}
    return client.post(reverse("organisations:register_school"), data)


def test_registration_waits_for_approval(client, home):
    response = register(client, home)

    assert response.status_code == 200
    assert "School registered" in response.text
    school = School.objects.get(urn="654321")
    assert school.status == School.Status.PENDING
    assert school.postcode == "NB5 5EE"
    person = User.objects.get(email="rosa@hazel.example")
    assert not person.has_usable_password()
    assert Membership.objects.filter(user=person, school=school, role=Role.HEAD_TEACHER).exists()
    assert not OutboxEmail.objects.filter(to="rosa@hazel.example").exists()
    assert OutboxEmail.objects.filter(to=home.user(Role.AB_ADMIN).email, subject__contains="waiting").exists()


def test_bad_urn_keeps_answers(client, home):
    response = register(client, home, urn="12AB")

    assert response.status_code == 200
    assert "Enter the URN as 6 digits" in response.text
    assert 'value="Hazel Grove Primary"' in response.text
    assert 'value="rosa@hazel.example"' in response.text
    assert not School.objects.filter(name="Hazel Grove Primary").exists()


def test_duplicate_urn_rejected(client, home):
    response = register(client, home, urn=home.school.urn)

    assert "already registered" in response.text
    assert School.objects.filter(urn=home.school.urn).count() == 1


def test_ab_sees_waiting_school(client, home):
    register(client, home)
    client.force_login(home.user(Role.AB_ADMIN))

    response = client.get(reverse("dashboard"))

    assert "Hazel Grove Primary" in response.text


def test_foreign_ab_cannot_approve(client, home, foreign):
    register(client, home)
    school = School.objects.get(urn="654321")
    client.force_login(foreign.user(Role.AB_ADMIN))

    response = client.post(reverse("organisations:approve_school", kwargs={"school_id": school.pk}))

    assert response.status_code == 404
    school.refresh_from_db()
    assert school.status == School.Status.PENDING


def test_approval_sends_set_password_link(client, home):
    register(client, home)
    school = School.objects.get(urn="654321")
    client.force_login(home.user(Role.AB_ADMIN))

    response = client.post(reverse("organisations:approve_school", kwargs={"school_id": school.pk}))

    assert response.status_code == 302
    school.refresh_from_db()
    assert school.status == School.Status.APPROVED
    email = OutboxEmail.objects.get(to="rosa@hazel.example")
    link = re.search(r"http://\S+/account/set-password/\S+/", email.body).group(0)
    client.logout()
    path = link.split("127.0.0.1:8000")[-1]
    page = client.get(path)
    assert page.status_code == 200
    done = client.post(path, {"new_password": "a-long-new-password", "confirm_password": "a-long-new-password"})
    assert done.status_code == 302
    assert client.login(username="rparks", password="a-long-new-password")
    again = client.get(path)
    assert again.status_code == 400


def test_rejection_needs_reason_and_emails_it(client, home):
    register(client, home)
    school = School.objects.get(urn="654321")
    client.force_login(home.user(Role.AB_ADMIN))
    url = reverse("organisations:reject_school", kwargs={"school_id": school.pk})

    empty = client.post(url, {"reason": ""})
    assert "Enter the reason for rejecting the school" in empty.text

    client.post(url, {"reason": "This URN belongs to a different school."})

    school.refresh_from_db()
    assert school.status == School.Status.REJECTED
    email = OutboxEmail.objects.get(to="rosa@hazel.example")
    assert "This URN belongs to a different school." in email.body


def test_set_password_rejects_mismatch(client, home):
    register(client, home)
    school = School.objects.get(urn="654321")
    client.force_login(home.user(Role.AB_ADMIN))
    client.post(reverse("organisations:approve_school", kwargs={"school_id": school.pk}))
    client.logout()
    email = OutboxEmail.objects.get(to="rosa@hazel.example")
    path = "/account/set-password/" + email.body.split("/account/set-password/")[1].split("/")[0] + "/"

    response = client.post(path, {"new_password": "a-long-new-password", "confirm_password": "different-password"})

    assert "The two passwords do not match" in response.text
