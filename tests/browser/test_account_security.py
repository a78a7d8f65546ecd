import re

import pytest

from accounts.models import Role
from messaging.models import OutboxEmail
from security.models import SecurityProfile
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def latest_email_body(to: str, subject_part: str) -> str:
    return OutboxEmail.objects.filter(to=to, subject__contains=subject_part).latest("pk").body


def test_sign_in_with_emailed_code(page, home, password):
    user = home.user(Role.TUTOR)
    SecurityProfile.objects.create(user=user, two_factor="email")

    sign_in(page, user.username, password)
    page.wait_for_url("**/account/sign-in/code/choose/")
    assert_accessible(page)
    page.get_by_label(re.compile("By email")).check()
    page.get_by_role("button", name="Send code").click()
    page.wait_for_url("**/account/sign-in/code/")
    assert_accessible(page)

    page.get_by_label("Sign-in code").fill("12345")
    page.get_by_role("button", name="Sign in").click()
    assert "Enter the sign-in code as 6 digits" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    code = re.search(r"Your sign-in code is: (\d{6})", latest_email_body(user.email, "sign-in code")).group(1)
    page.get_by_label("Sign-in code").fill(code)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    assert "Protect your account" not in page.content()


def test_password_recovery_by_email(page, home):
    user = home.user(Role.ECT)
    page.goto("/account/sign-in/")
    page.get_by_role("link", name="Can’t access your account?").click()
    assert_accessible(page)

    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Continue with email address").click()
    assert "Enter an email address in the correct format" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.get_by_label("Email address").fill(user.email)
    page.get_by_role("button", name="Continue with email address").click()
    page.wait_for_url("**/account/recover/sent/")
    assert page.get_by_role("heading", level=1).inner_text() == "Check your email or phone"
    assert_accessible(page)

    body = latest_email_body(user.email, "Reset")
    assert f"Username: {user.username}" in body
    link_path = re.search(r"http://[^/]+(/account/set-password/\S+/)", body).group(1)
    page.goto(link_path)
    page.get_by_label("New password", exact=True).fill("1234567")
    page.get_by_label("Confirm new password").fill("1234567")
    page.get_by_role("button", name="Set password").click()
    errors = page.locator(".govuk-error-summary").inner_text()
    assert "too short" in errors
    assert "entirely numeric" in errors
    assert_accessible(page)

    page.get_by_label("New password", exact=True).fill("a-brand-new-passphrase")
    page.get_by_label("Confirm new password").fill("a-brand-new-passphrase")
    page.get_by_role("button", name="Set password").click()
    page.wait_for_url("**/account/sign-in/")

    sign_in(page, user.username, "a-brand-new-passphrase")
    page.wait_for_url("**/")
    assert page.get_by_role("heading", level=1).inner_text() == "Your induction"


def test_switch_on_two_factor_from_banner(page, home, password):
    user = home.user(Role.HEAD_TEACHER)
    sign_in(page, user.username, password)
    page.wait_for_url("**/")
    assert "Protect your account with two-factor sign-in" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Learn more and switch it on").click()
    page.wait_for_url("**/account/login-details/")
    assert_accessible(page)
    page.get_by_label("Code by email").check()
    page.get_by_role("button", name="Save login details").click()

    assert "Two-factor sign-in is on" in page.locator(".govuk-notification-banner").inner_text()
    assert SecurityProfile.objects.get(user=user).two_factor == "email"


def test_dismiss_banner(page, home, password):
    sign_in(page, home.user(Role.TUTOR).username, password)
    page.wait_for_url("**/")

    page.get_by_role("button", name="Dismiss for 30 days").click()

    page.wait_for_url("**/")
    assert "Protect your account" not in page.content()


def test_account_pages_accessible(page, home, password):
    head = home.user(Role.HEAD_TEACHER)
    for _ in range(5):
        sign_in(page, home.user(Role.TUTOR).username, "wrong-password")
    assert "This account is locked" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    sign_in(page, head.username, password)
    page.wait_for_url("**/")
    for path in [
        "/account/login-details/password/",
        "/account/security-information/",
        "/account/locked-accounts/",
        f"/account/schools/{home.school.pk}/people/",
        f"/account/schools/{home.school.pk}/people/{home.members[Role.ECT].pk}/set-password/",
    ]:
        page.goto(path)
        assert_accessible(page)

    page.goto("/account/security-information/")
    page.get_by_role("button", name="Save security information").click()
    assert "Choose your first security question" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.goto("/account/locked-accounts/")
    page.get_by_role("button", name=f"Unlock {home.user(Role.TUTOR).username}").click()
    assert "can sign in again" in page.locator(".govuk-notification-banner").inner_text()
    assert_accessible(page)


def test_recovery_rate_limit_page_accessible(page, settings, home):
    settings.RECOVERY_REQUESTS_PER_ADDRESS = 1
    for _ in range(2):
        page.goto("/account/recover/")
        page.get_by_label("Username").fill("someone")
        page.get_by_role("button", name="Continue with username").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Too many requests"
    assert_accessible(page)
