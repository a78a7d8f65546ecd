from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from ects.models import ECT
from reviews import services
from reviews.models import ReportForm
from schedule.models import Report
from signatures.services import signatures_of
from tests.conftest import Organisation
from tests.factories import ECTFactory, MembershipFactory, UserFactory
from tests.reviews.helpers import COMPLETE_ANSWERS, ReportFactory, completed_form, sent_form

pytestmark = pytest.mark.django_db


def client_for(home: Organisation, role: Role) -> Client:
    client = Client()
    client.force_login(home.user(role))
    return client


def test_ect_cannot_see_other_ects_form(home):
    other_user = UserFactory(username="home-ect2")
    MembershipFactory(user=other_user, role=Role.ECT, school=home.school)
    other_ect = ECTFactory(school=home.school, user=other_user, tutor=home.user(Role.TUTOR))
    report = ReportFactory(ect=other_ect)
    completed_form(report, home.user(Role.TUTOR))

    for name in ["reviews:form", "reviews:pdf", "reviews:comments"]:
        response = client_for(home, Role.ECT).get(reverse(name, args=[report.pk]))
        assert response.status_code == 404, name
    other = Client()
    other.force_login(other_user)
    assert other.get(reverse("reviews:form", args=[report.pk])).status_code == 200


def test_ect_reads_form_once_started(home):
    report = ReportFactory(ect=home.ect)
    ect = client_for(home, Role.ECT)
    assert "has not been started yet" in ect.get(reverse("reviews:form", args=[report.pk])).content.decode()

    completed_form(report, home.user(Role.TUTOR))

    page = ect.get(reverse("reviews:form", args=[report.pk])).content.decode()
    assert "Plans lessons carefully" in page
    assert "The tutor has not finished this form yet" in page


def test_step_post_saves_and_continues(home):
    report = ReportFactory(ect=home.ect)
    tutor = client_for(home, Role.TUTOR)

    response = tutor.post(
        reverse("reviews:step", args=[report.pk, "contract"]),
        {"version": "0", "contract_confirmed": "yes", "staying_next_term": "yes"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:step", args=[report.pk, "days"])
    form = ReportForm.objects.get(report=report)
    assert form.answers["contract_confirmed"] == "yes"


def test_step_invalid_answers_saved_with_errors(home):
    report = ReportFactory(ect=home.ect)
    tutor = client_for(home, Role.TUTOR)

    response = tutor.post(reverse("reviews:step", args=[report.pk, "days"]), {"version": "0", "days_served": "abc"})

    assert response.status_code == 200
    assert "Enter a whole number of days for: Days served in this period, like 60" in response.content.decode()
    assert ReportForm.objects.get(report=report).answers["days_served"] == "abc"


def test_stale_step_save_keeps_input(home):
    report = ReportFactory(ect=home.ect)
    form = services.start_form(report, by=home.user(Role.TUTOR))
    opened = form.version
    services.save_answers(form, answers={"days_served": "61"}, base_version=opened, by=home.second_tutor.user)

    response = client_for(home, Role.TUTOR).post(
        reverse("reviews:step", args=[report.pk, "days"]),
        {"version": str(opened), "days_served": "64", "days_absent": "3"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this form after you opened it" in page
    assert "now “61”" in page
    assert 'value="64"' in page
    assert 'value="3"' in page
    form.refresh_from_db()
    assert form.answers["days_served"] == "61"
    assert f'name="version" value="{form.version}"' in page


def test_autosave_saves_and_reports_conflict(home):
    report = ReportFactory(ect=home.ect)
    tutor = client_for(home, Role.TUTOR)
    other_tutor = Client()
    other_tutor.force_login(home.second_tutor.user)
    url = reverse("reviews:autosave", args=[report.pk, "days"])

    first = tutor.post(url, {"version": "0", "days_served": "50"}).json()
    own_later = tutor.post(url, {"version": "0", "days_absent": "1"}).json()
    stale = other_tutor.post(url, {"version": "0", "days_served": "55"}).json()

    assert first["saved"] is True
    assert first["version"] == 2
    assert own_later["saved"] is True
    assert stale["conflict"] is True
    assert stale["changes"][0]["value"] == "50"


def test_send_refused_before_earliest_date(home):
    report = ReportFactory(ect=home.ect, earliest_send_date=date.today() + timedelta(days=3))
    form = completed_form(report, home.user(Role.TUTOR))

    response = client_for(home, Role.TUTOR).post(reverse("reviews:finish", args=[report.pk]), {"version": form.version})

    expected = f"before {report.earliest_send_date:%-d %B %Y}"
    assert expected in response.content.decode()
    form.refresh_from_db()
    assert form.stage == ReportForm.Stage.DRAFT


def test_sign_many_signs_each_form(home):
    forms = []
    for month in [1, 2, 3]:
        report = ReportFactory(ect=home.ect, period_start=date(2026, month, 5))
        forms.append(sent_form(report, home.user(Role.TUTOR)))
    ect = client_for(home, Role.ECT)
    chosen = [str(form.report_id) for form in forms]

    confirm_page = ect.post(reverse("reviews:sign_many"), {"reports": chosen})
    assert "Sign 3 forms" in confirm_page.content.decode()
    done = ect.post(reverse("reviews:sign_many"), {"reports": chosen, "confirm_step": "1", "confirm": "on"})

    assert done.status_code == 302
    for form in forms:
        form.refresh_from_db()
        assert form.stage == ReportForm.Stage.TUTOR
        assert [signature.role for signature in signatures_of(form)] == ["ect"]


def test_dashboard_lists_pending_tasks(home):
    report = ReportFactory(ect=home.ect, period_start=date.today() - timedelta(days=30))
    page = client_for(home, Role.TUTOR).get(reverse("dashboard")).content.decode()
    assert "Forms to fill in" in page
    assert "Upcoming reports" in page

    sent_form(report, home.user(Role.TUTOR))
    ect_page = client_for(home, Role.ECT).get(reverse("dashboard")).content.decode()
    assert "Forms to sign" in ect_page


def test_outcome_pass_sets_status_and_emails(home):
    from messaging.models import OutboxEmail

    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=2)
    form = sent_form(report, home.user(Role.TUTOR))
    ab = client_for(home, Role.AB_ADMIN)
    url = reverse("reviews:outcome", args=[home.ect.pk])
    assert "has not been signed by the ECT, the tutor and the head teacher" in ab.get(url).content.decode()

    for role in [Role.ECT, Role.TUTOR, Role.HEAD_TEACHER]:
        membership = home.members[role]
        services.sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address=None)
    response = ab.post(url, {"decision": "pass"})

    assert response.status_code == 302
    home.ect.refresh_from_db()
    assert home.ect.status == ECT.Status.PASSED
    recipients = set(OutboxEmail.objects.filter(subject__startswith="Outcome of induction").values_list("to", flat=True))
    assert home.user(Role.HEAD_TEACHER).email in recipients
    assert home.user(Role.TUTOR).email in recipients
    second = ab.post(url, {"decision": "fail"})
    assert "already recorded" in second.content.decode()
    home.ect.refresh_from_db()
    assert home.ect.status == ECT.Status.PASSED


def test_outcome_extension_needs_length(home):
    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=2)
    form = sent_form(report, home.user(Role.TUTOR))
    for role in [Role.ECT, Role.TUTOR, Role.HEAD_TEACHER]:
        membership = home.members[role]
        services.sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address=None)
    ab = client_for(home, Role.AB_ADMIN)
    url = reverse("reviews:outcome", args=[home.ect.pk])

    missing = ab.post(url, {"decision": "extension"})
    too_precise = ab.post(url, {"decision": "extension", "extension_terms": "1.25"})
    recorded = ab.post(url, {"decision": "extension", "extension_terms": "1.5"})

    assert "Enter the length of the extension" in missing.content.decode()
    assert too_precise.status_code == 200
    assert "to one decimal place and no more than 9.9 terms" in too_precise.content.decode()
    assert "Ensure that" not in too_precise.content.decode()
    assert "Enter the length of the extension in terms" not in too_precise.content.decode()
    assert recorded.status_code == 302
    assert str(home.ect.outcomes.get().extension_terms) == "1.5"


def test_working_day_deadline_skips_bank_holidays():
    from reviews.outcomes import add_working_days

    # 2026-12-21 is a Monday; 25, 26 (Saturday), 28 (substitute Boxing Day) are not working days.
    assert add_working_days(date(2026, 12, 21), 5) == date(2026, 12, 30)
    # Good Friday (26 March 2027) and Easter Monday (29 March 2027) are skipped.
    assert add_working_days(date(2027, 3, 1), 20) == date(2027, 3, 31)


def test_ab_list_filters_by_school_and_type(home):
    report = ReportFactory(ect=home.ect)
    form = sent_form(report, home.user(Role.TUTOR))
    for role in [Role.ECT, Role.TUTOR]:
        membership = home.members[role]
        services.sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address=None)
    ab = client_for(home, Role.AB_ADMIN)

    listed = ab.get(reverse("reviews:ab_forms"), {"type": "P", "school": home.school.pk}).content.decode()
    filtered_out = ab.get(reverse("reviews:ab_forms"), {"type": "A"}).content.decode()

    assert home.ect.full_name in listed
    assert home.ect.full_name not in filtered_out
    ab.post(reverse("reviews:note", args=[report.pk]), {"note": "Strong evidence of progress."})
    assert "Strong evidence of progress." in ab.get(reverse("reviews:ab_forms")).content.decode()


def test_every_form_type_has_answers_for_each_page():
    assert set(COMPLETE_ANSWERS) == set(Report.Type)


def test_support_plan_uploaded_as_document(home, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reviews import question_sets

    settings.MEDIA_ROOT = tmp_path
    question_sets.set_support_plan_as_document(home.appropriate_body, "P", as_document=True, by=home.user(Role.AB_ADMIN))
    report = ReportFactory(ect=home.ect)
    form = completed_form(report, home.user(Role.TUTOR))
    form, _ = services.save_answers(form, answers={"on_track": "not_on_track"}, base_version=form.version,
                                    by=home.user(Role.TUTOR))
    tutor = client_for(home, Role.TUTOR)
    url = reverse("reviews:step", args=[report.pk, "support"])

    missing = tutor.post(url, {"version": form.version})
    not_a_plan = tutor.post(url, {"version": form.version,
                                  "support_plan_document": SimpleUploadedFile("plan.pdf", b"MZ not a pdf")})
    uploaded = tutor.post(url, {"version": form.version,
                                "support_plan_document": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")})

    assert "Upload the support plan, because the ECT is not on track" in missing.content.decode()
    assert "must be a PDF or a Word (.docx) file" in not_a_plan.content.decode()
    assert uploaded.status_code == 302
    form.refresh_from_db()
    assert form.answers["support_plan_document"].startswith("plan.pdf (SHA-256 ")
    assert steps_incomplete(form) == []
    download = client_for(home, Role.ECT).get(reverse("reviews:support_plan", args=[report.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 plan"
    assert "attachment" in download["Content-Disposition"]


def steps_incomplete(form):
    from reviews.steps import step_errors

    return [step.key for step, _ in step_errors(form)]


def test_upcoming_reports_for_tutor_are_their_ects(home):
    other_ect = ECTFactory(school=home.school, tutor=home.second_tutor.user)
    mine = ReportFactory(ect=home.ect)
    theirs = ReportFactory(ect=other_ect)

    tutor_page = client_for(home, Role.TUTOR).get(reverse("reviews:upcoming")).content.decode()
    head_page = client_for(home, Role.HEAD_TEACHER).get(reverse("reviews:upcoming")).content.decode()

    assert reverse("reviews:form", args=[mine.pk]) in tutor_page
    assert reverse("reviews:form", args=[theirs.pk]) not in tutor_page
    assert reverse("reviews:form", args=[mine.pk]) in head_page
    assert reverse("reviews:form", args=[theirs.pk]) in head_page
