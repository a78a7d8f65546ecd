"""Demo question sets and forms in every workflow stage, for `manage.py seed_demo`.

Reports are found or created by (ECT, type, period start), so running the
seed again, or alongside the schedule's own demo reports for the same
periods, never duplicates them. A form is filled in and signed only when it
is first created.
"""

import logging
from datetime import date

from accounts.models import Membership, Role
from ects.models import ECT
from organisations.models import AppropriateBody
from reviews import outcomes, question_sets, services
from reviews.models import Question, ReportForm
from schedule.models import Report

logger = logging.getLogger(__name__)

QUESTIONS = {
    Report.Type.PROGRESS_REVIEW: [
        ("How well is the ECT building relationships with pupils, parents and colleagues?", Question.Kind.LONG_TEXT, True, ""),
        ("Has the ECT observed other teachers this term?", Question.Kind.YES_NO, True, ""),
        ("Which Teachers' Standard will the ECT focus on next term?", Question.Kind.CHOICE, True,
         "1 Set high expectations\n2 Promote good progress\n3 Subject and curriculum knowledge\n"
         "4 Plan and teach well-structured lessons\n5 Adapt teaching\n6 Make accurate use of assessment\n"
         "7 Manage behaviour\n8 Wider professional responsibilities"),
    ],
    Report.Type.ASSESSMENT: [
        ("Evidence seen of the ECT's teaching, with dates of observations", Question.Kind.LONG_TEXT, True, ""),
        ("Has the ECT's mentor contributed to this assessment?", Question.Kind.YES_NO, True, ""),
        ("Main strength shown this half of induction", Question.Kind.SHORT_TEXT, False, ""),
    ],
    Report.Type.INTERIM_ASSESSMENT: [
        ("Reason the ECT is leaving", Question.Kind.CHOICE, True,
         "Moving to another school\nLeaving teaching\nEnd of a temporary contract\nOther"),
        ("Name of the next school, if known", Question.Kind.SHORT_TEXT, False, ""),
    ],
}

AUTUMN_2026 = (date(2026, 9, 1), date(2026, 12, 18))
SUMMER_2026 = (date(2026, 4, 20), date(2026, 7, 22))
SPRING_2026 = (date(2026, 1, 5), date(2026, 3, 27))

# (ECT username, type, assessment number, period, stage to reach)
FORMS = [
    ("oak-ect", "P", None, AUTUMN_2026, "draft"),
    ("oak-ect2", "P", None, SUMMER_2026, "submitted"),
    ("oak-ect2", "P", None, AUTUMN_2026, "ect"),
    ("elm-ect", "P", None, SPRING_2026, "submitted"),
    ("elm-ect", "P", None, SUMMER_2026, "submitted"),
    ("elm-ect", "A", 1, AUTUMN_2026, "tutor"),
    ("elm-ect2", "P", None, AUTUMN_2026, "ect"),
    ("elm-ect3", "P", None, AUTUMN_2026, "ect"),
    ("willow-ect", "P", None, AUTUMN_2026, "submitted"),
    ("oak-ect3", "A", 2, AUTUMN_2026, "head_teacher"),
    ("elm-ect4", "A", 2, SUMMER_2026, "pass"),
    ("willow-ect3", "A", 2, SUMMER_2026, "fail"),
    ("oak-ect5", "P", None, AUTUMN_2026, "not_started"),
]

ANSWERS = {
    "P": {
        "contract_confirmed": "yes", "staying_next_term": "yes", "days_served": "74", "days_absent": "1",
        "ecf_training": "yes", "entitlements_met": "yes", "on_track": "on_track",
        "progress_summary": "Lessons are well planned and pupils know what they are learning. Next: questioning "
        "to check understanding during lessons.",
        "next_contract_same": "yes",
    },
    "A": {
        "contract_confirmed": "yes", "days_served": "73", "days_absent": "0",
        "recommendation_reasons": "Observed lessons, planning and pupils' work show the Teachers' Standards are met, "
        "with particular strength in behaviour management.",
        "next_term": "staying",
    },
}


def seed_question_sets(appropriate_body: AppropriateBody, by) -> None:
    for report_type, questions in QUESTIONS.items():
        current = services.current_question_set(appropriate_body, report_type)
        if current.questions.exists():
            continue
        for text, kind, required, choices in questions:
            question_sets.add_question(
                appropriate_body,
                report_type,
                fields={"text": text, "kind": kind, "required": required, "choices": choices},
                by=by,
            )


def seed_forms() -> None:
    for username, report_type, number, (start, end), target in FORMS:
        ect = ECT.objects.filter(user__username=username).select_related("school", "tutor", "user").first()
        if ect is None:
            continue
        # The schedule's demo seeding has made each ECT's reports from its
        # history, so the form goes on whichever report covers this term.
        report = (
            Report.objects.filter(ect=ect, period_start__lte=end, period_end__gte=start)
            .order_by("period_start")
            .first()
        )
        if report is None or report.type not in ANSWERS:
            logger.info("No demo form for %s from %s: no matching report", username, start)
            continue
        if target == "not_started" or ReportForm.objects.filter(report=report).exists():
            continue
        advance(report, target)


def advance(report: Report, target: str) -> None:
    """Fill in the report's form and take it through the workflow up to `target`."""
    ect = report.ect
    form = services.start_form(report, by=ect.tutor)
    answers = dict(ANSWERS[report.type])
    if report.type == Report.Type.ASSESSMENT:
        answers["recommendation"] = "satisfactory" if report.is_final_assessment else "on_track"
        if target == "fail":
            answers["recommendation"] = "unsatisfactory"
    for question in form.question_set.questions.all():
        answers[question.field_name] = demo_answer(question)
    if target == "draft":
        answers = {key: answers[key] for key in ["contract_confirmed", "staying_next_term", "days_served", "days_absent"]}
    form, _ = services.save_answers(form, answers=answers, base_version=form.version, by=ect.tutor)
    if target == "draft":
        return
    form = services.send_to_ect(form, by=ect.tutor, base_version=form.version, today=report.earliest_send_date)

    form, _ = services.save_answers(
        form,
        answers={"ect_comments": "I agree with this report. The support from my mentor has helped a great deal."},
        base_version=form.version,
        by=ect.user,
    )
    order = [("ect", ect.user, Role.ECT), ("tutor", ect.tutor, None), ("head_teacher", None, Role.HEAD_TEACHER)]
    for stage, user, role in order:
        if target == stage:
            return
        if stage == "head_teacher" and report.type == Report.Type.PROGRESS_REVIEW:
            break
        membership = demo_membership(ect, user, role)
        services.sign_form(
            form, user=membership.user, membership=membership, seen_version=None, ip_address="127.0.0.1"
        )
        form.refresh_from_db()

    if target in {"pass", "fail"}:
        ab_admin = Membership.objects.filter(
            role=Role.AB_ADMIN, appropriate_body_id=ect.school.appropriate_body_id
        ).first()
        outcomes.record_outcome(ect=ect, decision=target, extension_terms=None, by=ab_admin.user)


def demo_membership(ect: ECT, user, role: Role | None) -> Membership:
    memberships = Membership.objects.filter(school_id=ect.school_id).select_related("user")
    if role == Role.HEAD_TEACHER:
        return memberships.filter(role=Role.HEAD_TEACHER).first()
    if role == Role.ECT:
        return memberships.get(user=user, role=Role.ECT)
    return memberships.filter(user=user).exclude(role=Role.ECT).first()


def demo_answer(question: Question) -> str:
    if question.kind == Question.Kind.YES_NO:
        return "yes"
    if question.kind == Question.Kind.CHOICE:
        return question.choice_list()[3] if len(question.choice_list()) > 3 else question.choice_list()[0]
    if question.kind == Question.Kind.LONG_TEXT:
        return "Good progress this term, seen in lesson observations and in conversations with the mentor."
    return "Clear explanations"


def seed(appropriate_body_name: str) -> None:
    appropriate_body = AppropriateBody.objects.filter(name=appropriate_body_name).first()
    if appropriate_body is None:
        return
    ab_admin = Membership.objects.filter(role=Role.AB_ADMIN, appropriate_body=appropriate_body).first()
    seed_question_sets(appropriate_body, ab_admin.user if ab_admin else None)
    seed_forms()
    logger.info("Demo forms seeded")
