import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from messaging.models import OutboxEmail
from tests.factories import MembershipFactory
from tests.security.helpers import error_text, sign_in

pytestmark = pytest.mark.django_db


def lock(username):
    client = Client()
    for _ in range(5):
        sign_in(client, username, "wrong-password")


def people_url(school):
    return reverse("security:school_people", kwargs={"school_id": school.pk})


def member_url(name, membership):
    return reverse(f"security:{name}", kwargs={"school_id": membership.school_id, "membership_id": membership.pk})


@pytest.mark.parametrize("role", [Role.HEAD_TEACHER, Role.INDUCTION_LEAD])
def test_leaders_see_tutor_and_ect_usernames(client, home, role):
    client.force_login(home.user(role))

    response = client.get(people_url(home.school))

    assert response.status_code == 200
    assert home.user(Role.TUTOR).username in response.text
    assert home.second_tutor.user.username in response.text
    assert home.user(Role.ECT).username in response.text
    assert home.user(Role.INDUCTION_LEAD if role == Role.HEAD_TEACHER else Role.HEAD_TEACHER).username not in response.text


def test_tutor_cannot_see_people(client, home):
    client.force_login(home.user(Role.TUTOR))

    assert client.get(people_url(home.school)).status_code == 403


def test_other_school_head_gets_404(client, home, foreign):
    client.force_login(foreign.user(Role.HEAD_TEACHER))

    assert client.get(people_url(home.school)).status_code == 404
    assert client.post(member_url("send_reset_link", home.members[Role.TUTOR])).status_code == 404


def test_send_reset_link(client, home):
    tutor = home.members[Role.TUTOR]
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.post(member_url("send_reset_link", tutor), follow=True)

    email = OutboxEmail.objects.get()
    assert email.to == tutor.user.email
    assert tutor.user.username in email.body
    assert f"We have emailed a reset link to {tutor.user.get_full_name()}" in response.text


def test_set_new_password_for_ect(client, home):
    ect = home.members[Role.ECT]
    lock(ect.user.username)
    client.force_login(home.user(Role.INDUCTION_LEAD))

    response = client.post(
        member_url("set_member_password", ect),
        {"new_password": "a-brand-new-passphrase", "confirm_password": "a-brand-new-passphrase"},
    )

    assert response.status_code == 302
    assert sign_in(Client(), ect.user.username, "a-brand-new-passphrase").status_code == 302


def test_set_new_password_rules_explained(client, home):
    client.force_login(home.user(Role.INDUCTION_LEAD))

    response = client.post(
        member_url("set_member_password", home.members[Role.ECT]), {"new_password": "short", "confirm_password": "short"}
    )

    assert "This password is too short" in error_text(response)


def test_tutor_who_leads_elsewhere_cannot_be_reset(client, home, foreign):
    tutor = home.members[Role.TUTOR]
    MembershipFactory(user=tutor.user, role=Role.HEAD_TEACHER, school=foreign.school)
    client.force_login(home.user(Role.INDUCTION_LEAD))

    assert client.get(member_url("set_member_password", tutor)).status_code == 404
    assert f">{tutor.user.username}<" not in client.get(people_url(home.school)).text


@pytest.mark.parametrize("role", [Role.HEAD_TEACHER, Role.INDUCTION_LEAD, Role.AB_ADMIN])
def test_locked_accounts_listed_for_leaders(client, home, role):
    lock(home.user(Role.TUTOR).username)
    client.force_login(home.user(role))

    response = client.get(reverse("security:locked_accounts"))

    assert home.user(Role.TUTOR).username in response.text
    assert home.user(Role.ECT).username not in response.text


def test_locked_accounts_of_other_schools_hidden(client, home, foreign):
    lock(home.user(Role.TUTOR).username)
    client.force_login(foreign.user(Role.HEAD_TEACHER))

    response = client.get(reverse("security:locked_accounts"))

    assert home.user(Role.TUTOR).username not in response.text
    unlock = client.post(reverse("security:unlock", kwargs={"user_id": home.user(Role.TUTOR).pk}))
    assert unlock.status_code == 404


def test_head_teacher_unlocks_account(client, home, password):
    tutor = home.user(Role.TUTOR)
    lock(tutor.username)
    assert "This account is locked" in error_text(sign_in(Client(), tutor.username, password))
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.post(reverse("security:unlock", kwargs={"user_id": tutor.pk}), follow=True)

    assert f"({tutor.username}) can sign in again" in response.text
    assert "No accounts are locked" in response.text
    assert sign_in(Client(), tutor.username, password).status_code == 302


def test_locked_tag_on_people_page(client, home):
    lock(home.user(Role.ECT).username)
    client.force_login(home.user(Role.HEAD_TEACHER))

    response = client.get(people_url(home.school))

    assert "Locked" in response.text
