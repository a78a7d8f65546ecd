from datetime import date
from decimal import Decimal

import pytest

from accounts.models import Role
from messaging.models import OutboxEmail
from reviews import services
from reviews.models import Question, ReportForm
from schedule.models import Report
from signatures.services import signatures_of
from tests.conftest import Organisation
from tests.reviews.helpers import COMPLETE_ANSWERS, ReportFactory, completed_form, sent_form

pytestmark = pytest.mark.django_db


def sign_as(form: ReportForm, home: Organisation, role: Role):
    membership = home.members[role]
    return services.sign_form(form, user=membership.user, membership=membership, seen_version=None, ip_address="127.0.0.1")


def test_start_form_pins_current_question_set(home):
    report = ReportFactory(ect=home.ect)

    form = services.start_form(report, by=home.user(Role.TUTOR))

    assert form.question_set.version == 1
    assert form.stage == ReportForm.Stage.DRAFT
    report.refresh_from_db()
    assert report.status == Report.Status.IN_PROGRESS


def test_stale_save_rejected_with_changes(home):
    form = services.start_form(ReportFactory(ect=home.ect), by=home.user(Role.TUTOR))
    opened_at = form.version
    services.save_answers(
        form, answers={"days_served": "60"}, base_version=opened_at, by=home.second_tutor.user
    )

    with pytest.raises(services.StaleSave) as stale:
        services.save_answers(form, answers={"days_served": "65"}, base_version=opened_at, by=home.user(Role.TUTOR))

    assert [(change.label, change.value) for change in stale.value.changes] == [("Days served in this period", "60")]
    form.refresh_from_db()
    assert form.answers["days_served"] == "60"


def test_save_without_changes_keeps_version(home):
    form = completed_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    version = form.version

    form, withdrawn = services.save_answers(
        form, answers={"days_served": "70"}, base_version=version, by=home.user(Role.TUTOR)
    )

    assert form.version == version
    assert withdrawn == []


def test_send_before_earliest_date_rejected(home):
    report = ReportFactory(ect=home.ect, earliest_send_date=date(2026, 12, 10))
    form = completed_form(report, home.user(Role.TUTOR))

    with pytest.raises(services.WorkflowError) as error:
        services.send_to_ect(form, by=home.user(Role.TUTOR), base_version=form.version, today=date(2026, 12, 9))

    assert "before 10 December 2026" in str(error.value)


def test_send_incomplete_form_rejected(home):
    report = ReportFactory(ect=home.ect)
    form = services.start_form(report, by=home.user(Role.TUTOR))

    with pytest.raises(services.WorkflowError) as error:
        services.send_to_ect(form, by=home.user(Role.TUTOR), base_version=form.version, today=date(2026, 12, 1))

    assert "Not complete: This term's contract" in str(error.value)


def test_support_plan_required_when_not_on_track(home):
    report = ReportFactory(ect=home.ect)
    form = completed_form(report, home.user(Role.TUTOR))
    form, _ = services.save_answers(
        form, answers={"on_track": "not_on_track"}, base_version=form.version, by=home.user(Role.TUTOR)
    )

    with pytest.raises(services.WorkflowError) as error:
        services.send_to_ect(form, by=home.user(Role.TUTOR), base_version=form.version, today=date(2026, 12, 1))

    assert "Support plan" in str(error.value)


def test_progress_review_signing_order(home):
    report = ReportFactory(ect=home.ect)
    form = sent_form(report, home.user(Role.TUTOR))
    assert form.stage == ReportForm.Stage.ECT

    with pytest.raises(services.WorkflowError, match="waiting for the ECT"):
        sign_as(form, home, Role.TUTOR)
    sign_as(form, home, Role.ECT)
    form.refresh_from_db()
    assert form.stage == ReportForm.Stage.TUTOR
    sign_as(form, home, Role.TUTOR)

    form.refresh_from_db()
    report.refresh_from_db()
    assert form.stage == ReportForm.Stage.SUBMITTED
    assert form.submitted_at is not None
    assert report.status == Report.Status.COMPLETED
    assert sorted(signature.role for signature in signatures_of(form)) == ["ect", "tutor"]


def test_head_teacher_cannot_sign_before_tutor(home):
    report = ReportFactory(ect=home.ect, type=Report.Type.ASSESSMENT, assessment_number=1)
    form = sent_form(report, home.user(Role.TUTOR))
    sign_as(form, home, Role.ECT)
    form.refresh_from_db()

    with pytest.raises(services.WorkflowError, match="waiting for the induction tutor"):
        sign_as(form, home, Role.HEAD_TEACHER)
    sign_as(form, home, Role.TUTOR)
    form.refresh_from_db()
    assert form.stage == ReportForm.Stage.HEAD_TEACHER
    sign_as(form, home, Role.HEAD_TEACHER)

    form.refresh_from_db()
    assert form.stage == ReportForm.Stage.SUBMITTED


def test_only_assigned_tutor_signs_as_tutor(home):
    form = sent_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    sign_as(form, home, Role.ECT)
    form.refresh_from_db()

    with pytest.raises(services.WorkflowError, match="Only the ECT's induction tutor"):
        services.sign_form(
            form, user=home.second_tutor.user, membership=home.second_tutor, seen_version=None, ip_address=None
        )


def test_edit_after_ect_signed_withdraws_signature(home):
    form = sent_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    signature = sign_as(form, home, Role.ECT)
    form.refresh_from_db()

    form, withdrawn = services.save_answers(
        form, answers={"days_absent": "3"}, base_version=form.version, by=home.user(Role.TUTOR)
    )

    assert withdrawn == [signature]
    signature.refresh_from_db()
    assert signature.withdrawn_at is not None
    assert "changed the form after it was signed" in signature.withdrawn_reason
    assert form.stage == ReportForm.Stage.ECT
    assert OutboxEmail.objects.filter(to=home.user(Role.ECT).email, subject__startswith="Please sign").exists()


def test_signing_rejects_changed_version(home):
    form = sent_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    seen = form.version
    services.save_answers(form, answers={"days_absent": "4"}, base_version=seen, by=home.user(Role.TUTOR))

    with pytest.raises(services.WorkflowError, match="changed after you opened it"):
        services.sign_form(
            form, user=home.user(Role.ECT), membership=home.members[Role.ECT], seen_version=seen, ip_address=None
        )


def test_signed_form_is_locked(home):
    form = sent_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))
    sign_as(form, home, Role.ECT)
    sign_as(form, home, Role.TUTOR)
    form.refresh_from_db()

    with pytest.raises(services.WorkflowError, match="can no longer be changed"):
        services.save_answers(form, answers={"days_absent": "9"}, base_version=form.version, by=home.user(Role.TUTOR))


def test_leaving_ect_gets_interim_assessment(home):
    report = ReportFactory(ect=home.ect)
    form = services.start_form(report, by=home.user(Role.TUTOR))

    form = services.convert_to_interim(form, by=home.user(Role.TUTOR))

    report.refresh_from_db()
    assert report.type == Report.Type.INTERIM_ASSESSMENT
    assert form.question_set.report_type == Report.Type.INTERIM_ASSESSMENT


def test_form_keeps_question_wording_after_edit(home):
    from reviews import question_sets

    ab_admin = home.user(Role.AB_ADMIN)
    question = question_sets.add_question(
        home.appropriate_body,
        Report.Type.PROGRESS_REVIEW,
        fields={"text": "How is planning going?", "kind": Question.Kind.SHORT_TEXT, "required": True},
        by=ab_admin,
    )
    form = completed_form(ReportFactory(ect=home.ect), home.user(Role.TUTOR))

    changed = question_sets.update_question(question, fields={"text": "How is lesson planning going?"}, by=ab_admin)

    assert changed.question_set.version == 2
    question.refresh_from_db()
    assert question.text == "How is planning going?"
    labels = [row[1] for row in services.form_content(form)["answers"]]
    assert "How is planning going?" in labels
    assert "How is lesson planning going?" not in labels
    new_form = services.start_form(ReportFactory(ect=home.ect, period_start=date(2027, 1, 4)), by=home.user(Role.TUTOR))
    assert new_form.question_set.version == 2


def test_complete_answers_cover_every_required_field(home):
    for report_type, number in [("P", None), ("A", 1), ("A", 2), ("I", None)]:
        report = ReportFactory(ect=home.ect, type=report_type, assessment_number=number,
                               period_start=date(2026, 1, 1 + len(report_type) + (number or 0)))
        form = completed_form(report, home.user(Role.TUTOR))
        from reviews.steps import step_errors

        assert step_errors(form) == [], report_type
    assert set(COMPLETE_ANSWERS) == set(Report.Type)


def test_completed_form_creates_next_report(home):
    from tests.schedule import samples as schedule_samples

    schedule_samples.academic_year(home)
    report = schedule_samples.report(home)
    form = sent_form(report, home.user(Role.TUTOR))

    sign_as(form, home, Role.ECT)
    sign_as(form, home, Role.TUTOR)

    later = Report.objects.filter(ect=home.ect, period_start__gt=report.period_end)
    assert later.count() == 1
    assert later.get().status == Report.Status.NOT_STARTED


def test_days_prefilled_from_schedule(home):
    from tests.schedule import samples as schedule_samples

    schedule_samples.academic_year(home)
    report = schedule_samples.report(home)

    form = services.start_form(report, by=home.user(Role.TUTOR))

    assert int(form.answers["days_served"]) > 60
    assert form.answers["days_absent"] == "0"


def test_extension_outcome_extends_schedule(home):
    from reviews import outcomes
    from schedule import services as schedule_services
    from tests.schedule import samples as schedule_samples

    schedule_samples.academic_year(home)
    final = ReportFactory(
        ect=home.ect,
        type=Report.Type.ASSESSMENT,
        assessment_number=2,
        period_start=date(2025, 9, 1),
        period_end=date(2025, 12, 19),
    )
    form = sent_form(final, home.user(Role.TUTOR))
    for role in [Role.ECT, Role.TUTOR, Role.HEAD_TEACHER]:
        sign_as(form, home, role)
    final.refresh_from_db()
    required_before = schedule_services.schedule_summary(home.ect).fte_required

    outcomes.record_outcome(
        ect=home.ect, decision="extension", extension_terms=Decimal("1.0"), by=home.user(Role.AB_ADMIN)
    )

    assert home.ect.extensions.get().fte_terms == Decimal("1.0")
    assert schedule_services.schedule_summary(home.ect).fte_required == required_before + 1
    later = Report.objects.filter(ect=home.ect, period_start__gt=final.period_end)
    assert later.count() == 1
    assert later.get().status == Report.Status.NOT_STARTED
