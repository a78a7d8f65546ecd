import pytest
from django.urls import reverse

from accounts.models import Membership, Role
from organisations.models import School
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_switcher_changes_active_role(client, home, foreign):
    person = home.user(Role.TUTOR)
    other = MembershipFactory(user=person, role=Role.HEAD_TEACHER, school=foreign.school)
    client.force_login(person)

    before = client.get(reverse("dashboard"))
    assert f"Induction tutor at {home.school.name}" in before.text
    assert "Acting as" in before.text

    client.post(reverse("accounts:switch_role"), {"membership": other.pk})

    after = client.get(reverse("dashboard"))
    assert f"Head teacher at {foreign.school.name}" in after.text


def test_switcher_ignores_someone_elses_membership(client, home, foreign):
    person = home.user(Role.TUTOR)
    client.force_login(person)

    client.post(reverse("accounts:switch_role"), {"membership": foreign.members[Role.HEAD_TEACHER].pk})

    response = client.get(reverse("dashboard"))
    assert f"Induction tutor at {home.school.name}" in response.text


def test_unknown_username_and_wrong_password_read_alike(client, home):
    unknown = client.post(reverse("accounts:sign_in"), {"username": "nobody-here", "password": "whatever-pass"})
    wrong = client.post(
        reverse("accounts:sign_in"), {"username": home.user(Role.TUTOR).username, "password": "whatever-pass"}
    )

    assert unknown.status_code == wrong.status_code == 200
    assert "The username or password is not right" in unknown.text
    assert "The username or password is not right" in wrong.text


def test_username_ignores_case_and_spaces(client, home, password):
    username = home.user(Role.TUTOR).username

    response = client.post(reverse("accounts:sign_in"), {"username": f"  {username.upper()} ", "password": password})

    assert response.status_code == 302


def test_next_parameter_must_be_local(client, home, password):
    username = home.user(Role.TUTOR).username

    response = client.post(
        reverse("accounts:sign_in") + "?next=https://evil.example/",
        {"username": username, "password": password, "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("dashboard")


def test_no_role_page_for_person_without_membership(client, home):
    person = home.user(Role.TUTOR)
    Membership.objects.filter(user=person).update(is_active=False)
    client.force_login(person)

    response = client.get(reverse("dashboard"))

    assert "You have no current role" in response.text


def test_pending_school_gives_no_role(client, home):
    School.objects.filter(pk=home.school.pk).update(status=School.Status.PENDING)
    client.force_login(home.user(Role.HEAD_TEACHER))

    dashboard = client.get(reverse("dashboard"))
    staff = client.get(reverse("organisations:staff_list", kwargs={"school_id": home.school.pk}))

    assert "Your school is not approved yet" in dashboard.text
    assert staff.status_code == 403


def test_role_in_sentence_keeps_acronyms():
    from accounts.models import role_in_sentence

    assert role_in_sentence(Role.HEAD_TEACHER) == "head teacher"
    assert role_in_sentence(Role.ECT) == "ECT"
    assert role_in_sentence(Role.AB_ADMIN) == "AB administrator"
