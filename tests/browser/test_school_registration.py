import re

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from messaging.models import OutboxEmail
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_school_registers_is_approved_and_signs_in(page, new_page, home, password):
    page.goto("/account/sign-in/")
    page.get_by_role("link", name="Register your school").click()
    assert_accessible(page)

    page.get_by_label("URN").fill("765432")
    page.get_by_label("School name").fill("Rowan Tree Primary")
    page.get_by_label("Address line 1").fill("7 Rowan Way")
    page.get_by_label("Town or city").fill("Northby")
    page.get_by_label("Postcode").fill("NB7 7GG")
    page.get_by_label("Local authority").fill("Northshire")
    page.get_by_label("Primary", exact=True).check()
    page.get_by_label("Appropriate body").select_option(label=home.appropriate_body.name)
    page.get_by_label("Head teacher").check()
    page.get_by_label("Your first name").fill("Kofi")
    page.get_by_label("Your last name").fill("Mensah")
    page.get_by_label("Your email address").fill("kofi@rowan.example")
    page.get_by_role("button", name="Register school").click()

    expect(page.get_by_role("heading", name="School registered")).to_be_visible()
    assert_accessible(page)

    officer = new_page()
    sign_in(officer, home.user(Role.AB_ADMIN).username, password)
    officer.get_by_role("link", name="Rowan Tree Primary").click()
    assert_accessible(officer)
    officer.get_by_role("button", name="Approve school").click()
    assert "Rowan Tree Primary is approved" in officer.locator(".govuk-notification-banner").inner_text()
    assert_accessible(officer)

    email = OutboxEmail.objects.get(to="kofi@rowan.example")
    link = re.search(r"/account/set-password/\S+/", email.body).group(0)
    username = re.search(r"Your username is: (\S+)", email.body).group(1)
    page.goto(link)
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("rowan-tree-password")
    page.get_by_label("Confirm new password").fill("rowan-tree-password")
    page.get_by_role("button", name="Set password").click()

    sign_in(page, username, "rowan-tree-password")
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    assert "Head teacher at Rowan Tree Primary" in page.locator(".govuk-header").inner_text()
    assert_accessible(page)
