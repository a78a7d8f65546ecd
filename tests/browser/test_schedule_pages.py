"""The schedule pages in Chromium: an AB edits term dates and the ECT's days
served change; every page passes axe."""

from datetime import date

import pytest

from accounts.models import Role
from schedule import services
from schedule.models import Absence
from tests.browser.conftest import assert_accessible, sign_in
from tests.schedule.test_services import load_term_dates

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def autumn_2025_days_served(page) -> str:
    row = page.locator("[data-testid=terms-table] tbody tr", has_text="Autumn term 2025-26")
    return row.locator("[data-testid=days-served]").inner_text()


def test_ab_term_dates_change_days_served(page, home, password):
    load_term_dates(home.appropriate_body)
    home.ect.induction_start_date = date(2025, 9, 1)
    home.ect.save()
    services.create_next_report(home.ect)
    Absence.objects.create(ect=home.ect, start_date=date(2025, 9, 8), end_date=date(2025, 9, 9))
    sign_in(page, home.user(Role.AB_ADMIN).username, password)
    page.wait_for_url("**/")

    page.goto(f"/schedule/ects/{home.ect.pk}/schedule/")
    assert autumn_2025_days_served(page) == "75"
    assert page.get_by_test_id("fte-completed").is_visible()
    assert_accessible(page)

    page.goto("/")
    page.get_by_role("link", name="Term dates").click()
    assert_accessible(page)
    page.get_by_role("link", name="Change 2025-26 term dates and closures").click()
    assert_accessible(page)

    autumn = page.get_by_role("group", name="Autumn term")
    first_day = autumn.get_by_role("group", name="First day", exact=True)
    first_day.get_by_label("Day").fill("8")
    page.get_by_role("button", name="Save term dates").click()
    assert "Term dates for 2025-26 are saved" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name="Add a closure").click()
    page.get_by_role("button", name="Add closure").click()
    assert "Enter the first day of the closure" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.goto(f"/schedule/ects/{home.ect.pk}/schedule/")
    assert autumn_2025_days_served(page) == "70"

    page.get_by_role("link", name="Change progress review from 1 Sep 2025").click()
    assert_accessible(page)


def test_report_rules_and_absence_pages_accessible(page, home, password):
    load_term_dates(home.appropriate_body)
    sign_in(page, home.user(Role.AB_ADMIN).username, password)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Report rules").click()
    page.get_by_label("Due date: days from the period end").first.fill("x")
    page.get_by_role("button", name="Save report rules").click()
    assert "as a whole number" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.goto(f"/schedule/ects/{home.ect.pk}/absences/add/")
    page.get_by_role("button", name="Record absence").click()
    assert "Enter the first day of absence" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.goto(f"/schedule/ects/{home.ect.pk}/contract-changes/add/")
    page.get_by_role("button", name="Record change").click()
    assert "Enter the days per week" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)


def test_ect_sees_own_schedule(page, home, password):
    load_term_dates(home.appropriate_body)
    home.ect.induction_start_date = date(2025, 9, 1)
    home.ect.save()
    sign_in(page, home.user(Role.ECT).username, password)
    page.wait_for_url("**/")

    page.get_by_role("link", name="My induction schedule").click()

    assert page.get_by_role("heading", name="Induction schedule", level=2).is_visible()
    assert page.get_by_role("link", name="Induction schedule").get_attribute("aria-current") == "page"
    assert page.get_by_role("button", name="Record absence").count() == 0
    assert_accessible(page)
