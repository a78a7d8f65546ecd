import re

import pytest
from django.urls import reverse

from accounts.models import Membership, Role
from messaging.models import OutboxEmail

pytestmark = pytest.mark.django_db


def staff_url(school, name="staff_list", **kwargs):
    return reverse(f"organisations:{name}", kwargs={"school_id": school.pk, **kwargs})


def test_head_teacher_sees_staff(client, home):
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.get(staff_url(home.school))

    assert response.status_code == 200
    assert home.user(Role.TUTOR).get_full_name() in response.text
    assert home.user(Role.ECT).get_full_name() not in response.text


def test_it_rejects_other_school_tutor(client, home, foreign):
    client.force_login(foreign.user(Role.TUTOR))

    response = client.get(staff_url(home.school))

    assert response.status_code == 404


def test_it_rejects_ect(client, home):
    client.force_login(home.user(Role.ECT))

    response = client.get(staff_url(home.school))

    assert response.status_code in {403, 404}


def test_add_tutor_sends_set_password_email(client, home):
    client.force_login(home.user(Role.INDUCTION_LEAD))

    response = client.post(
        staff_url(home.school, "staff_add"),
        {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "role": "tutor"},
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user__email="ada@example.org")
    assert membership.role == Role.TUTOR
    assert membership.school == home.school
    assert not membership.user.has_usable_password()
    email = OutboxEmail.objects.get(to="ada@example.org")
    assert "Set your password" in email.subject
    assert membership.user.username in email.body
    assert re.search(r"/account/set-password/[^/\s]+/", email.body)


def test_lead_cannot_add_head_or_lead(client, home):
    client.force_login(home.user(Role.INDUCTION_LEAD))

    response = client.post(
        staff_url(home.school, "staff_add"),
        {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "role": "induction_lead"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Membership.objects.filter(user__email="ada@example.org").exists()


def test_bad_email_keeps_other_answers(client, home):
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.post(
        staff_url(home.school, "staff_add"),
        {"first_name": "Ada", "last_name": "Lovelace", "email": "not-an-email", "role": "tutor"},
    )

    assert response.status_code == 200
    assert "Enter an email address in the correct format" in response.text
    assert 'value="Ada"' in response.text
    assert 'value="Lovelace"' in response.text
    assert 'href="#id_email"' in response.text


def test_existing_person_gets_role_without_new_account(client, home, foreign):
    outsider = foreign.user(Role.TUTOR)
    client.force_login(home.user(Role.HEAD_TEACHER))

    client.post(
        staff_url(home.school, "staff_add"),
        {"first_name": outsider.first_name, "last_name": outsider.last_name, "email": outsider.email, "role": "tutor"},
    )

    assert Membership.objects.filter(user=outsider, school=home.school, role=Role.TUTOR).exists()
    email = OutboxEmail.objects.get(to=outsider.email)
    assert "new role" in email.subject


def test_deactivate_keeps_user(client, home):
    target = home.second_tutor
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.post(staff_url(home.school, "staff_deactivate", membership_id=target.pk))

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.is_active is False
    assert target.deactivated_at is not None
    assert target.user.is_active is True


def test_deactivated_person_loses_access(client, home):
    target = home.second_tutor
    Membership.objects.filter(pk=target.pk).update(is_active=False)
    client.force_login(target.user)

    response = client.get(staff_url(home.school))

    assert response.status_code == 403


def test_tutor_cannot_deactivate_head(client, home):
    client.force_login(home.user(Role.TUTOR))
    head = home.members[Role.HEAD_TEACHER]

    response = client.post(staff_url(home.school, "staff_deactivate", membership_id=head.pk))

    assert response.status_code == 404
    head.refresh_from_db()
    assert head.is_active is True


def test_nobody_deactivates_themselves(client, home):
    tutor = home.members[Role.TUTOR]
    client.force_login(tutor.user)

    response = client.post(staff_url(home.school, "staff_deactivate", membership_id=tutor.pk))

    assert response.status_code == 404
