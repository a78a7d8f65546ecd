"""Every foundation page a person can reach, opened in Chromium and checked with axe."""

import pytest
from playwright.sync_api import expect

from accounts.models import Role
from organisations.models import School
from tests.browser.conftest import assert_accessible, sign_in
from tests.factories import SchoolFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_pages_are_accessible(page, home, password):
    sign_in(page, home.user(Role.HEAD_TEACHER).username, password)
    page.wait_for_url("**/")

    page.get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", name="Staff")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Add a member of staff").click()
    page.get_by_role("button", name="Add and send email").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("First name").fill("Mary")
    page.get_by_label("Last name").fill("Seacole")
    page.get_by_label("Email address").fill("mary@example.org")
    page.get_by_label("Induction tutor").check()
    page.get_by_role("button", name="Add and send email").click()
    assert "Mary Seacole is added as induction tutor" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name="Deactivate Mary Seacole").click()
    assert_accessible(page)
    page.get_by_role("button", name="Deactivate").click()
    assert "no longer induction tutor" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)


def test_ab_school_pages_are_accessible(page, home, password):
    SchoolFactory(name="Waiting School", appropriate_body=home.appropriate_body, status=School.Status.PENDING)
    sign_in(page, home.user(Role.AB_ADMIN).username, password)
    page.wait_for_url("**/")
    assert_accessible(page)

    page.get_by_role("link", name="Schools", exact=True).click()
    assert_accessible(page)

    page.get_by_role("link", name="Reject Waiting School").click()
    page.get_by_role("button", name="Reject school").click()
    assert "Enter the reason for rejecting the school" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Reason for rejecting").fill("Not a school in our area.")
    page.get_by_role("button", name="Reject school").click()
    assert "Waiting School is rejected" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name=home.school.name, exact=True).click()
    assert_accessible(page)


def test_accessibility_statement_is_accessible(page):
    page.goto("/accessibility/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Accessibility statement")
    assert_accessible(page)
