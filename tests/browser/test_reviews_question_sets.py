"""The AB's question pages in Chromium, with versioning once a form has used a set."""

import pytest

from accounts.models import Role
from reviews.models import QuestionSet
from tests.browser.conftest import assert_accessible, sign_in
from tests.reviews.helpers import ReportFactory, completed_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_ab_edits_questions_and_versions(page, home, password):
    sign_in(page, home.user(Role.AB_ADMIN).username, password)
    page.wait_for_url("**/")
    page.get_by_role("link", name="Your questions").click()
    assert_accessible(page)
    page.get_by_role("link", name="Progress review").click()
    assert_accessible(page)

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("One choice from a list").check()
    page.get_by_role("button", name="Save question").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter the question" in summary
    assert "Enter at least two options" in summary
    assert_accessible(page)
    page.get_by_label("Question", exact=True).fill("Which phase does the ECT teach?")
    page.get_by_label("Options").fill("Primary\nSecondary")
    page.get_by_role("button", name="Save question").click()
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question", exact=True).fill("Any other comments?")
    page.get_by_label("Long text").check()
    page.get_by_role("button", name="Save question").click()
    assert "The question is added" in page.locator(".govuk-notification-banner--success").inner_text()

    page.get_by_role("button", name="Move up question 2").click()
    rows = page.locator("#questions tbody tr").all_inner_texts()
    assert rows[0].startswith("Any other comments?")

    completed_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    page.reload()
    assert "your next change makes version 2" in page.content()
    page.get_by_role("link", name="Change question 1").click()
    assert_accessible(page)
    page.get_by_label("Question", exact=True).fill("Anything else the AB should know?")
    page.get_by_role("button", name="Save question").click()
    assert "Version 2 (current)" in page.locator(".govuk-caption-l").inner_text()
    page.get_by_role("link", name="Remove question 2").click()
    assert_accessible(page)
    page.get_by_role("button", name="Remove question").click()
    assert page.locator("#questions tbody tr").count() == 1
    page.get_by_role("link", name="Version 1").click()
    assert "Any other comments?" in page.locator("#questions").inner_text()
    assert_accessible(page)

    versions = QuestionSet.objects.filter(appropriate_body=home.appropriate_body, report_type="P")
    assert sorted(versions.values_list("version", flat=True)) == [1, 2]

    page.goto("/forms/questions/P/")
    page.get_by_label("Uploaded as a document (PDF or Word)").check()
    page.get_by_role("button", name="Save support plan setting").click()
    assert "upload the support plan as a document" in page.locator(".govuk-notification-banner--success").inner_text()
    assert versions.order_by("-version").first().support_plan_as_document
    assert_accessible(page)


def test_tutor_uploads_support_plan(page, home, password, tmp_path, settings):
    from reviews import question_sets
    from reviews.models import ReportForm

    settings.MEDIA_ROOT = tmp_path
    question_sets.set_support_plan_as_document(home.appropriate_body, "P", as_document=True, by=home.user(Role.AB_ADMIN))
    report = ReportFactory(ect=home.ect)
    plan = tmp_path / "support-plan.pdf"
    plan.write_bytes(b"%PDF-1.7 a support plan")
    sign_in(page, home.user(Role.TUTOR).username, password)
    page.wait_for_url("**/")

    page.goto(f"/forms/reports/{report.pk}/pages/support/")
    assert_accessible(page)
    page.get_by_label("Support plan document").set_input_files(str(plan))
    page.get_by_role("button", name="Save and return later").click()

    assert page.get_by_role("link", name="Download the support plan").is_visible()
    assert ReportForm.objects.get(report=report).answers["support_plan_document"].startswith("support-plan.pdf")
    assert_accessible(page)
