"""Editing and signing forms in Chromium: two editors at once, bulk signing, signing order, PDF checks."""

import re
from datetime import date

import pytest

from accounts.models import Role
from reviews import services
from reviews.models import ReportForm
from schedule.models import Report
from signatures.services import signatures_of
from tests.browser.conftest import assert_accessible, sign_in
from tests.reviews.helpers import ReportFactory, sent_form
from tests.reviews.test_pdf import flip_byte_in_page_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(page, username: str, password: str):
    sign_in(page, username, password)
    page.wait_for_url("**/")
    return page


def sign_as(form, home, role):
    membership = home.members[role]
    services.sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address="127.0.0.1")
    form.refresh_from_db()


def test_two_editors_stale_save_keeps_input(page, new_page, home, password):
    report = ReportFactory(ect=home.ect)
    services.start_form(report, by=home.user(Role.TUTOR))
    first = signed_in(page, home.user(Role.TUTOR).username, password)
    second = signed_in(new_page(), home.second_tutor.user.username, password)
    for editor in [first, second]:
        editor.goto(f"/forms/reports/{report.pk}/pages/days/")

    first.get_by_label("Days served in this period").fill("60")
    first.get_by_label("Days absent in this period").focus()
    first.locator("#autosave-status").get_by_text("Saved at").wait_for()

    second.get_by_label("Days served in this period").fill("65")
    second.get_by_label("Days absent in this period").focus()
    second.locator("#autosave-status").get_by_text("Someone else saved this form").wait_for()
    assert "Days served in this period: now “60”" in second.locator("#autosave-status").inner_text()
    assert second.get_by_label("Days served in this period").input_value() == "65"
    assert_accessible(second)

    second.get_by_label("Days absent in this period").fill("4")
    second.get_by_role("button", name="Save and return later").click()
    conflict = second.locator("#conflict")
    assert "Someone else changed this form after you opened it" in conflict.inner_text()
    assert "now “60”" in conflict.inner_text()
    assert second.get_by_label("Days served in this period").input_value() == "65"
    assert second.get_by_label("Days absent in this period").input_value() == "4"
    assert ReportForm.objects.get(report=report).answers["days_served"] == "60"
    assert_accessible(second)

    second.get_by_role("button", name="Save and return later").click()
    assert "Your answers are saved" in second.locator(".govuk-notification-banner--success").inner_text()
    answers = ReportForm.objects.get(report=report).answers
    assert (answers["days_served"], answers["days_absent"]) == ("65", "4")


def test_save_buttons_work_without_javascript(browser, live_server, home, password):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    report = ReportFactory(ect=home.ect)
    signed_in(page, home.user(Role.TUTOR).username, password)

    page.goto(f"/forms/reports/{report.pk}/pages/days/")
    page.get_by_label("Days served in this period").fill("33")
    page.get_by_role("button", name="Save and return later").click()

    assert "Your answers are saved" in page.locator(".govuk-notification-banner--success").inner_text()
    assert ReportForm.objects.get(report=report).answers["days_served"] == "33"
    context.close()


def test_bulk_signing_three_forms(page, home, password):
    forms = [
        sent_form(ReportFactory(ect=home.ect, period_start=date(2026, month, 2)), home.user(Role.TUTOR))
        for month in [1, 4, 9]
    ]
    signed_in(page, home.user(Role.ECT).username, password)
    assert_accessible(page)

    page.get_by_label("Select all").check()
    page.get_by_role("button", name="Sign selected forms").click()
    assert page.get_by_role("heading", name="Sign 3 forms").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and sign").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("I confirm I am signing these 3 forms").check()
    page.get_by_role("button", name="Confirm and sign").click()

    assert "You have signed 3 forms." in page.locator(".govuk-notification-banner--success").inner_text()
    signatures = [list(signatures_of(form)) for form in forms]
    assert [len(found) for found in signatures] == [1, 1, 1]
    assert len({found[0].pk for found in signatures}) == 3
    assert all(found[0].role == "ect" for found in signatures)


def test_head_teacher_waits_for_tutor(page, home, password):
    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=1)
    form = sent_form(report, home.user(Role.TUTOR))
    sign_as(form, home, Role.ECT)
    signed_in(page, home.user(Role.HEAD_TEACHER).username, password)

    page.goto(f"/forms/reports/{report.pk}/")

    assert "waiting for the induction tutor to sign" in page.locator("#not-signing-reason").inner_text()
    assert page.get_by_role("button", name="Confirm and sign").count() == 0
    assert_accessible(page)


def test_edit_after_ect_signed_withdraws_signature(page, home, password):
    report = ReportFactory(ect=home.ect)
    form = sent_form(report, home.user(Role.TUTOR))
    sign_as(form, home, Role.ECT)
    signed_in(page, home.user(Role.TUTOR).username, password)

    page.goto(f"/forms/reports/{report.pk}/pages/days/")
    page.get_by_label("Days absent in this period").fill("5")
    page.get_by_role("button", name="Save and return later").click()

    banners = page.locator(".govuk-notification-banner").all_inner_texts()
    assert any("signature as ect was withdrawn" in text for text in banners)
    assert "Withdrawn" in page.locator(".govuk-summary-list").last.inner_text()
    assert "Waiting for the ECT's comments and signature" in page.locator("#form-stage").inner_text()
    assert list(signatures_of(form)) == []
    assert_accessible(page)


def test_pdf_download_and_verify(page, home, password, tmp_path):
    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=2)
    form = sent_form(report, home.user(Role.TUTOR))
    for role in [Role.ECT, Role.TUTOR, Role.HEAD_TEACHER]:
        sign_as(form, home, role)
    signed_in(page, home.user(Role.HEAD_TEACHER).username, password)
    page.goto(f"/forms/ects/{home.ect.pk}/")
    assert "Sent to the appropriate body" in page.locator("#ect-forms").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Read the formal assessment").click()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as PDF").click()
    original = tmp_path / "assessment.pdf"
    download_info.value.save_as(original)
    tampered = tmp_path / "changed.pdf"
    tampered.write_bytes(flip_byte_in_page_text(original.read_bytes()))

    page.goto("/forms/verify/")
    assert_accessible(page)
    page.get_by_label("Form PDF").set_input_files(str(original))
    page.get_by_role("button", name="Check the file").click()
    assert page.locator("#verify-result").inner_text().strip() == "This PDF matches what was signed."
    assert f"Version in this file {form.version}" in re.sub(r"\s+", " ", page.locator(".govuk-summary-list").inner_text())
    assert_accessible(page)

    page.get_by_label("Form PDF").set_input_files(str(tampered))
    page.get_by_role("button", name="Check the file").click()
    assert "does not match" in page.locator("#verify-result").inner_text()
    assert_accessible(page)
