import pytest
from playwright.sync_api import expect

from accounts.models import Role
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_dashboard(page, home, password, role):
    user = home.user(role)

    sign_in(page, user.username, password)

    page.wait_for_url("**/")
    heading = "Your induction" if role == Role.ECT else "Dashboard"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert role.label in page.locator(".govuk-header").inner_text()
    assert_accessible(page)


def test_sign_out_returns_to_sign_in(page, home, password):
    sign_in(page, home.user(Role.TUTOR).username, password)
    page.wait_for_url("**/")

    page.get_by_role("button", name="Sign out").click()

    page.wait_for_url("**/account/sign-in/")
    assert "You have signed out." in page.locator(".govuk-notification-banner").inner_text()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert_accessible(page)


def test_wrong_password_shows_error(page, home):
    sign_in(page, home.user(Role.TUTOR).username, "not-the-password")

    summary = page.locator(".govuk-error-summary")
    assert "The username or password is not right" in summary.inner_text()
    assert page.get_by_label("Username").input_value() == home.user(Role.TUTOR).username
    assert page.title().startswith("Error:")
    assert_accessible(page)


def test_show_password_reveals_text(page, home):
    page.goto("/account/sign-in/")
    page.get_by_label("Password", exact=True).fill("secret-words")

    page.get_by_role("button", name="Show password").click()

    assert page.get_by_label("Password", exact=True).get_attribute("type") == "text"
    assert_accessible(page)
