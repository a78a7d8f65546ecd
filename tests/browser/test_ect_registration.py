"""A tutor registers an ECT, the head teacher signs, the AB checks QTS and
authorises, and the ECT signs in through the emailed link."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from ects.models import ECT
from messaging.models import OutboxEmail
from tests.browser.conftest import SCREENSHOTS, assert_accessible, sign_in
from tests.ects.trs_server import API_KEY, StandInTRS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def trs_server(settings):
    with StandInTRS() as server:
        settings.TRS_API_URL = server.url
        settings.TRS_API_KEY = API_KEY
        settings.TRS_TIMEOUT_SECONDS = 0.5
        yield server


def fill_date(page, name, value):
    page.locator(f'[name="{name}_0"]').fill(str(value.day))
    page.locator(f'[name="{name}_1"]').fill(str(value.month))
    page.locator(f'[name="{name}_2"]').fill(str(value.year))


def continue_to(page, heading):
    page.get_by_role("button", name="Save and continue").click()
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert_accessible(page)


def test_register_sign_authorise_sign_in(page, new_page, home, password, trs_server):
    start = timezone.localdate() + timedelta(days=30)
    qts = timezone.localdate() - timedelta(days=150)

    sign_in(page, home.user(Role.TUTOR).username, password)
    page.get_by_role("link", name="Register an ECT").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Induction type"
    assert_accessible(page)
    page.get_by_label("Starting induction").check()
    page.get_by_role("button", name="Start registration").click()
    assert_accessible(page)

    page.get_by_label("Teacher reference number (TRN)").fill("100 0001")
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Rivera")
    fill_date(page, "date_of_birth", timezone.datetime(1999, 4, 1).date())
    page.get_by_label("ECT's email address").fill("sam.rivers@example.org")
    page.get_by_role("button", name="Save and continue").click()
    assert "The last name does not match" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Last name").fill("Rivers")
    continue_to(page, "Contract")

    fill_date(page, "induction_start_date", start)
    page.get_by_label("Year 7", exact=True).check()
    page.get_by_label("Mathematics").check()
    page.get_by_label("Days per week").select_option("5.0")
    page.get_by_label("Permanent").check()
    page.get_by_label(home.user(Role.TUTOR).get_full_name()).check()
    continue_to(page, "Training and qualifications")

    page.get_by_label("Teacher training institution").select_option(label="Edge Hill University")
    page.locator('input[name="qualified_subjects"][value="mathematics"]').check()
    page.get_by_label("Qualified age range").select_option("11-16")
    fill_date(page, "qts_date", qts)
    continue_to(page, "Home address")

    page.get_by_label("Address line 1").fill("5 Elm Road")
    page.get_by_label("Town or city").fill("Northby")
    page.get_by_label("Postcode").fill("NB1 2CD")
    continue_to(page, "Training programme")

    page.get_by_label("Provider-led").check()
    page.get_by_label("Lead provider").select_option(label="Ambition Institute")
    page.get_by_label("Delivery partner").fill("Northby Partnership")
    continue_to(page, "Check your answers")
    page.screenshot(path=str(SCREENSHOTS / "registration-check-answers.png"), full_page=True)

    page.get_by_role("link", name="Change home address").click()
    page.get_by_label("Address line 1").fill("7 Oak Road")
    page.get_by_role("button", name="Save and return to the summary").click()
    assert "7 Oak Road" in page.locator("main").inner_text()
    page.get_by_role("button", name="Confirm and send to the head teacher").click()
    assert "sent to the head teacher to sign" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)

    head = new_page()
    sign_in(head, home.user(Role.HEAD_TEACHER).username, password)
    head.get_by_role("link", name="Sign the registration of Sam Rivers").click()
    assert_accessible(head)
    head.get_by_label(re.compile("I confirm I am signing this registration")).check()
    head.get_by_role("button", name="Confirm and sign").click()
    assert "You have signed the registration" in head.locator(".govuk-notification-banner").inner_text()
    assert_accessible(head)

    officer = new_page()
    sign_in(officer, home.user(Role.AB_ADMIN).username, password)
    officer.get_by_role("link", name="Sam Rivers").click()
    assert_accessible(officer)
    officer.get_by_role("button", name="Run a Teaching Record System check").click()
    assert "check passed" in officer.locator(".govuk-notification-banner").inner_text()
    assert_accessible(officer)
    officer.screenshot(path=str(SCREENSHOTS / "registration-ab-check.png"), full_page=True)
    officer.get_by_role("link", name="Authorise induction").click()
    assert_accessible(officer)
    officer.get_by_role("button", name="Authorise induction").click()
    assert "is authorised" in officer.locator(".govuk-notification-banner").inner_text()
    assert_accessible(officer)
    assert ECT.objects.get(trn="1000001").status == ECT.Status.IN_PROGRESS

    email = OutboxEmail.objects.get(to="sam.rivers@example.org")
    link = re.search(r"/account/set-password/\S+/", email.body).group(0)
    username = re.search(r"Your username is: (\S+)", email.body).group(1)
    ect_page = new_page()
    ect_page.goto(link)
    assert_accessible(ect_page)
    ect_page.get_by_label("New password", exact=True).fill("sam-rivers-password")
    ect_page.get_by_label("Confirm new password").fill("sam-rivers-password")
    ect_page.get_by_role("button", name="Set password").click()
    sign_in(ect_page, username, "sam-rivers-password")
    ect_page.wait_for_url("**/")
    ect_page.get_by_role("link", name="Your induction record").click()
    assert ect_page.get_by_role("heading", level=1).inner_text() == "Sam Rivers"
    assert "Induction in progress" in ect_page.locator("main").inner_text()
    assert_accessible(ect_page)
    ect_page.screenshot(path=str(SCREENSHOTS / "registration-ect-overview.png"), full_page=True)


def test_ect_pages_accessible(page, home, password):
    sign_in(page, home.user(Role.TUTOR).username, password)
    for path in [
        "/ects/",
        "/ects/{id}/",
        "/ects/{id}/personal-details/",
        "/ects/{id}/training/",
        "/ects/{id}/tutor-and-mentor/",
        "/ects/{id}/contract/",
        "/ects/{id}/previous-schools/",
        "/ects/{id}/associated-schools/",
        "/ects/{id}/history/",
        "/ects/{id}/remove/",
        "/ects/{id}/registration/",
    ]:
        page.goto(path.format(id=home.ect.pk))
        assert page.get_by_role("heading", level=1).is_visible()
        assert_accessible(page)
