"""Reports and filled-in forms for the tests of progress reviews and assessments."""

from datetime import date

import factory

from accounts.models import User
from reviews import services
from reviews.models import Question, ReportForm
from schedule.models import Report

PERIOD_START = date(2026, 9, 1)
PERIOD_END = date(2026, 12, 18)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    type = Report.Type.PROGRESS_REVIEW
    period_start = PERIOD_START
    period_end = PERIOD_END
    earliest_send_date = date(2026, 11, 20)
    due_date = date(2026, 12, 18)


COMPLETE_ANSWERS = {
    Report.Type.PROGRESS_REVIEW: {
        "contract_confirmed": "yes",
        "staying_next_term": "yes",
        "days_served": "70",
        "days_absent": "2",
        "ecf_training": "yes",
        "entitlements_met": "yes",
        "on_track": "on_track",
        "progress_summary": "Plans lessons carefully and manages the class well.",
        "support_plan": "",
        "next_contract_same": "yes",
    },
    Report.Type.ASSESSMENT: {
        "contract_confirmed": "yes",
        "days_served": "72",
        "days_absent": "0",
        "recommendation": "satisfactory",
        "recommendation_reasons": "Meets every Teachers' Standard, with strong subject knowledge.",
        "next_term": "staying",
    },
    Report.Type.INTERIM_ASSESSMENT: {
        "progress_since_last": "Steady progress in behaviour management.",
        "days_served": "40",
        "days_absent": "1",
    },
}


def completed_form(report: Report, tutor: User) -> ReportForm:
    """Start the report's form and answer every page, including the AB's required questions."""
    form = services.start_form(report, by=tutor)
    answers = dict(COMPLETE_ANSWERS[Report.Type(report.type)])
    if report.type == Report.Type.ASSESSMENT and not report.is_final_assessment:
        answers["recommendation"] = "on_track"
    for question in form.question_set.questions.all():
        answers[question.field_name] = question.choice_list()[0] if question.kind == Question.Kind.CHOICE else (
            "yes" if question.kind == Question.Kind.YES_NO else "An answer"
        )
    form, _ = services.save_answers(form, answers=answers, base_version=form.version, by=tutor)
    return form


def sent_form(report: Report, tutor: User) -> ReportForm:
    form = completed_form(report, tutor)
    return services.send_to_ect(form, by=tutor, base_version=form.version, today=report.earliest_send_date)


def sample_report(home) -> Report:
    """Return the home ECT's progress review, sent to the ECT, creating it on first use."""
    from accounts.models import Role

    report = Report.objects.filter(ect=home.ect, period_start=PERIOD_START).first()
    if report is None:
        report = ReportFactory(ect=home.ect)
        sent_form(report, home.user(Role.TUTOR))
    return report


def sample_question(home) -> Question:
    from accounts.models import Role
    from reviews import question_sets

    question = Question.objects.filter(question_set__appropriate_body=home.appropriate_body).first()
    if question is None:
        question = question_sets.add_question(
            home.appropriate_body,
            Report.Type.PROGRESS_REVIEW,
            fields={"text": "Sample question", "kind": Question.Kind.SHORT_TEXT, "required": False},
            by=home.user(Role.AB_ADMIN),
        )
    return question
