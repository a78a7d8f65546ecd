"""Demo question sets and forms in every workflow stage, for `manage.py seed_demo`.

The reports are the schedule's own demo reports, so this runs after the
schedule is seeded. A form is filled in and signed only when it is first
created, so running the seed again changes nothing.
"""

import logging
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

# The stage each demo ECT's current report reaches. Reports the schedule
# seeded as completed get a form signed by everyone.
CURRENT_STAGES = {
    "oak-ect": "draft",
    "oak-ect2": "ect",
    "elm-ect": "tutor",
    "elm-ect2": "ect",
    "elm-ect3": "ect",
    "willow-ect": "ect",
    "willow-ect2": "draft",
    "oak-ect3": "head_teacher",
    "oak-ect5": "not_started",
    "oak-ect4": "not_started",
}
# Outcomes recorded on the final assessment of ECTs who have finished induction.
OUTCOMES = {"elm-ect4": "pass", "willow-ect3": "fail"}

ANSWERS = {
    "P": {
        "contract_confirmed": "yes", "staying_next_term": "yes",
        "ecf_training": "yes", "entitlements_met": "yes", "on_track": "on_track",
        "progress_summary": "Lessons are well planned and pupils know what they are learning. Next: questioning "
        "to check understanding during lessons.",
        "next_contract_same": "yes",
    },
    "A": {
        "contract_confirmed": "yes",
        "recommendation_reasons": "Observed lessons, planning and pupils' work show the Teachers' Standards are met, "
        "with particular strength in behaviour management.",
        "next_term": "staying",
    },
    "I": {
        "progress_since_last": "Good progress in planning and assessment since the last assessment; "
        "behaviour management is secure.",
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
    usernames = set(CURRENT_STAGES) | set(OUTCOMES)
    ects = ECT.objects.filter(user__username__in=usernames).select_related("school", "tutor", "user")
    for ect in ects:
        username = ect.user.username
        for report in ect.reports.order_by("period_start"):
            if ReportForm.objects.filter(report=report).exists():
                continue
            if report.status == Report.Status.COMPLETED:
                finished = OUTCOMES.get(username) if report.is_final_assessment else None
                advance(report, finished or "submitted")
            elif CURRENT_STAGES.get(username, "not_started") != "not_started":
                advance(report, CURRENT_STAGES[username])


def advance(report: Report, target: str) -> None:
    """Fill in the report's form and take it through the workflow up to `target`."""
    ect = report.ect
    form = services.start_form(report, by=ect.tutor)
    answers = dict(ANSWERS[report.type])
    # Days served and absent stay as the schedule counted them; fill them only where it could not.
    answers.update({key: value for key, value in {"days_served": "70", "days_absent": "0"}.items()
                    if not form.answers.get(key)})
    if report.type == Report.Type.ASSESSMENT:
        answers["recommendation"] = "satisfactory" if report.is_final_assessment else "on_track"
        if target == "fail":
            answers["recommendation"] = "unsatisfactory"
    for question in form.question_set.questions.all():
        answers[question.field_name] = demo_answer(question)
    if target == "draft":
        answers = {key: answers[key] for key in ["contract_confirmed", "staying_next_term"] if key in answers}
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
