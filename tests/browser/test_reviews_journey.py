"""The main journey of a form in Chromium: fill in, comment, sign, reach the AB, record the outcome."""

from datetime import date, timedelta

import pytest

from accounts.models import Role
from ects.models import ECT
from reviews import question_sets
from reviews.models import Question, ReportForm
from schedule.models import Report
from signatures.services import signatures_of
from tests.browser.conftest import assert_accessible, sign_in
from tests.reviews.helpers import ReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_dashboard(page, username: str, password: str) -> None:
    sign_in(page, username, password)
    page.wait_for_url("**/")
    assert_accessible(page)


def continue_page(page) -> None:
    page.get_by_role("button", name="Save and continue").click()
    page.wait_for_load_state()
    assert_accessible(page)


def sign_current_form(page) -> None:
    page.get_by_label("I confirm I am signing").check()
    page.get_by_role("button", name="Confirm and sign").click()
    assert "You have signed this" in page.locator(".govuk-notification-banner--success").inner_text()
    assert_accessible(page)


def banner_text(page) -> str:
    return page.locator(".govuk-notification-banner--success").inner_text()


def test_progress_review_and_final_assessment_journey(page, new_page, home, password):
    today = date.today()
    question_sets.add_question(
        home.appropriate_body,
        Report.Type.PROGRESS_REVIEW,
        fields={"text": "How is behaviour management going?", "kind": Question.Kind.LONG_TEXT, "required": True},
        by=home.user(Role.AB_ADMIN),
    )
    review = ReportFactory(
        ect=home.ect, period_start=today - timedelta(days=60), period_end=today + timedelta(days=14),
        earliest_send_date=today - timedelta(days=1), due_date=today + timedelta(days=14),
    )
    final = ReportFactory(
        ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=2,
        period_start=today - timedelta(days=30), period_end=today + timedelta(days=30),
        earliest_send_date=today - timedelta(days=1), due_date=today + timedelta(days=30),
    )
    ect_name = home.ect.full_name

    # The tutor fills in the progress review page by page and sends it.
    tutor = page
    open_dashboard(tutor, home.user(Role.TUTOR).username, password)
    tutor.get_by_role("link", name=f"Progress review for {ect_name}").first.click()
    assert_accessible(tutor)
    tutor.get_by_role("link", name="Start filling in").click()
    assert_accessible(tutor)
    tutor.get_by_role("group", name="Are the contract details shown above right for this term?").get_by_label("Yes").check()
    tutor.get_by_role("group", name="Is the ECT staying at your school next term?").get_by_label("Yes").check()
    continue_page(tutor)
    tutor.get_by_label("Days served in this period").fill("41")
    tutor.get_by_label("Days absent in this period").fill("2")
    assert_accessible(tutor)
    continue_page(tutor)
    tutor.get_by_text("Show statutory entitlements").click()
    assert tutor.get_by_text("A reduced timetable").is_visible()
    assert_accessible(tutor)
    tutor.get_by_role("group", name="Has the ECT had access to training").get_by_label("Yes").check()
    tutor.get_by_role("group", name="Has the ECT received all their statutory entitlements").get_by_label("Yes").check()
    continue_page(tutor)
    continue_page(tutor)
    assert tutor.locator(".govuk-error-summary").is_visible()
    assert_accessible(tutor)
    tutor.get_by_label("On track", exact=True).check()
    tutor.get_by_label("Summary of progress this term").fill("Secure routines and well-paced lessons.")
    continue_page(tutor)
    tutor.get_by_label("How is behaviour management going?").fill("Calm classroom with clear expectations.")
    assert_accessible(tutor)
    continue_page(tutor)
    assert_accessible(tutor)
    continue_page(tutor)
    tutor.get_by_label("Yes").check()
    continue_page(tutor)
    assert tutor.get_by_role("heading", name="Check your answers").is_visible()
    assert "Calm classroom with clear expectations." in tutor.content()
    assert_accessible(tutor)
    tutor.get_by_role("button", name="Send to the ECT").click()
    assert f"The form is with {ect_name}" in banner_text(tutor)
    assert_accessible(tutor)

    # The ECT adds comments and signs.
    ect = new_page()
    open_dashboard(ect, home.user(Role.ECT).username, password)
    ect.get_by_role("link", name="Read the progress review").click()
    assert_accessible(ect)
    ect.get_by_role("link", name="Add your comments").click()
    assert_accessible(ect)
    ect.get_by_label("Your comments").fill("The mentor meetings have helped me most.")
    ect.get_by_role("button", name="Save comments").click()
    assert "Your comments are saved." in banner_text(ect)
    assert_accessible(ect)
    sign_current_form(ect)

    # The tutor signs, and the review goes to the AB.
    tutor.goto(f"/forms/reports/{review.pk}/")
    assert_accessible(tutor)
    sign_current_form(tutor)
    assert "Sent to the appropriate body" in tutor.locator("#form-stage").inner_text()

    ab = new_page()
    open_dashboard(ab, home.user(Role.AB_ADMIN).username, password)
    ab.get_by_role("link", name="Forms received").first.click()
    assert ect_name in ab.locator("#received-forms").inner_text()
    assert_accessible(ab)
    ab.get_by_role("link", name=f"Progress review for {ect_name}").click()
    assert_accessible(ab)
    assert "The mentor meetings have helped me most." in ab.locator("#ect-comments").inner_text()
    ab.get_by_label("Appropriate body's note").fill("Good evidence; no action needed.")
    ab.get_by_role("button", name="Save note").click()
    assert "Your note is saved." in banner_text(ab)
    assert_accessible(ab)

    # The final assessment: the tutor completes it.
    tutor.goto("/")
    assert_accessible(tutor)
    tutor.get_by_role("link", name=f"Formal assessment for {ect_name}").first.click()
    assert_accessible(tutor)
    tutor.get_by_role("link", name="Start filling in").click()
    assert_accessible(tutor)
    tutor.get_by_label("Yes").check()
    continue_page(tutor)
    tutor.get_by_label("Days served in this period").fill("45")
    tutor.get_by_label("Days absent in this period").fill("0")
    continue_page(tutor)
    tutor.get_by_label("Performance is satisfactory").check()
    tutor.get_by_label("Reasons for the recommendation").fill("Every Teachers' Standard is met, shown in six observations.")
    assert_accessible(tutor)
    continue_page(tutor)
    assert "no questions of its own" in tutor.content()
    continue_page(tutor)
    tutor.get_by_label("Staying at this school").check()
    assert_accessible(tutor)
    continue_page(tutor)
    tutor.get_by_role("button", name="I have completed my part and it is ready for the ECT").click()
    assert f"The form is with {ect_name}" in banner_text(tutor)
    assert_accessible(tutor)

    # The ECT, the tutor and the head teacher sign in turn.
    ect.goto(f"/forms/reports/{final.pk}/")
    assert_accessible(ect)
    sign_current_form(ect)
    tutor.goto(f"/forms/reports/{final.pk}/")
    assert_accessible(tutor)
    sign_current_form(tutor)
    head = new_page()
    open_dashboard(head, home.user(Role.HEAD_TEACHER).username, password)
    head.get_by_role("link", name="Read the formal assessment").click()
    assert_accessible(head)
    sign_current_form(head)
    assert "Sent to the appropriate body" in head.locator("#form-stage").inner_text()

    # The AB records a pass.
    ab.goto("/")
    assert_accessible(ab)
    ab.get_by_role("link", name=f"{ect_name}, {home.school.name}").first.click()
    assert "20 working days" in ab.locator("#outcome-deadline").inner_text()
    assert_accessible(ab)
    ab.get_by_label("Pass").check()
    ab.get_by_role("button", name="Record the outcome").click()
    assert "The outcome for" in banner_text(ab)
    assert ab.locator("#ect-status").inner_text() == "Passed"
    assert_accessible(ab)

    home.ect.refresh_from_db()
    assert home.ect.status == ECT.Status.PASSED
    ect.goto("/")
    assert "Passed" in ect.locator("#induction-status").inner_text()
    assert_accessible(ect)
    assert ReportForm.objects.get(report=final).stage == ReportForm.Stage.SUBMITTED
    assert sorted(signature.role for signature in signatures_of(ReportForm.objects.get(report=final))) == [
        "ect", "head_teacher", "tutor",
    ]
