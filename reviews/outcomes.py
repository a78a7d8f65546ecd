"""The AB's outcome of an induction: pass, fail or an extension, after the final assessment."""

import logging
from datetime import date, timedelta
from decimal import Decimal

import holidays
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Role, User
from ects.models import ECT
from reviews.models import Outcome, ReportForm
from reviews.services import WorkflowError, email_about_form
from schedule import services as schedule_services
from schedule.models import Extension, Report

logger = logging.getLogger(__name__)

# The AB decides within 20 working days of receiving the final assessment.
DECISION_WORKING_DAYS = 20


def add_working_days(start: date, count: int) -> date:
    """Return the date `count` working days after `start`: Monday to Friday, not bank holidays in England."""
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, start.year + 2))
    day = start
    remaining = count
    while remaining > 0:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in bank_holidays:
            remaining -= 1
    return day


def final_assessment(ect: ECT) -> ReportForm | None:
    """Return the form of the ECT's latest final assessment, if one has been started."""
    return (
        ReportForm.objects.filter(report__ect=ect, report__type=Report.Type.ASSESSMENT, report__assessment_number=2)
        .select_related("report")
        .order_by("-report__period_start")
        .first()
    )


def decision_deadline(form: ReportForm) -> date | None:
    if form.submitted_at is None:
        return None
    return add_working_days(form.submitted_at.date(), DECISION_WORKING_DAYS)


def outcomes_due(appropriate_body_id: int) -> list[tuple[ReportForm, date]]:
    """Return the signed final assessments still waiting for the AB's outcome, with each deadline."""
    forms = (
        ReportForm.objects.filter(
            stage=ReportForm.Stage.SUBMITTED,
            report__type=Report.Type.ASSESSMENT,
            report__assessment_number=2,
            report__ect__school__appropriate_body_id=appropriate_body_id,
            outcome__isnull=True,
        )
        .select_related("report__ect__school")
        .order_by("submitted_at")
    )
    return [(form, decision_deadline(form)) for form in forms]


def check_can_record(ect: ECT) -> ReportForm:
    """Return the final assessment an outcome would be recorded against, or raise WorkflowError."""
    decided = ect.outcomes.exclude(decision=Outcome.Decision.EXTENSION).first()
    if decided is not None:
        raise WorkflowError(
            f"An outcome was already recorded for this induction: {decided.get_decision_display().lower()}, "
            f"on {decided.recorded_at:%-d %B %Y}."
        )
    form = final_assessment(ect)
    if form is None or form.stage != ReportForm.Stage.SUBMITTED:
        raise WorkflowError(
            "The final assessment has not been signed by the ECT, the tutor and the head teacher yet, "
            "so no outcome can be recorded."
        )
    if hasattr(form, "outcome"):
        raise WorkflowError("An outcome was already recorded against this final assessment.")
    return form


@transaction.atomic
def record_outcome(*, ect: ECT, decision: str, extension_terms: Decimal | None, by: User) -> Outcome:
    """Record the AB's decision, set the ECT's status, and email the ECT, head teacher and tutor."""
    ect = ECT.objects.select_for_update().select_related("school").get(pk=ect.pk)
    form = check_can_record(ect)
    if decision == Outcome.Decision.EXTENSION and not extension_terms:
        raise WorkflowError("Enter the length of the extension in terms.")

    outcome = Outcome.objects.create(
        ect=ect,
        final_assessment=form,
        decision=decision,
        extension_terms=extension_terms if decision == Outcome.Decision.EXTENSION else None,
        deadline=decision_deadline(form),
        recorded_by=by,
    )
    if decision == Outcome.Decision.PASS:
        ect.status = ECT.Status.PASSED
    elif decision == Outcome.Decision.FAIL:
        ect.status = ECT.Status.FAILED
    ect.save(update_fields=["status", "updated_at"])
    if decision == Outcome.Decision.EXTENSION:
        # The extension adds FTE terms to the schedule, which moves the final
        # assessment to the term in which the longer induction ends.
        Extension.objects.create(
            ect=ect,
            fte_terms=extension_terms,
            decided_on=timezone.localdate(),
            reason="Recorded by the appropriate body as the outcome of the final assessment.",
        )
        schedule_services.create_next_report(ect)
    logger.info("Outcome %s (%s) recorded for ECT %s by user %s", outcome.pk, decision, ect.pk, by.pk)

    recipients = {ect.email or (ect.user.email if ect.user else "")}
    if ect.tutor:
        recipients.add(ect.tutor.email)
    heads = Membership.objects.active().filter(role=Role.HEAD_TEACHER, school_id=ect.school_id).select_related("user")
    recipients.update(membership.user.email for membership in heads)
    for address in sorted(address for address in recipients if address):
        email_about_form(address, "review_outcome", form, {"outcome": outcome, "ect": ect})
    return outcome
