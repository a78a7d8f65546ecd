"""The workflow of a form: start, save, send to the ECT, sign, reach the AB.

Order of work: the tutor completes the form and sends it to the ECT. The ECT
adds comments and signs, then the tutor signs, and for assessments the head
teacher signs too. The form is then with the AB and locked. Every saved change that alters
what was signed withdraws the signatures made over the old content.
"""

import logging
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Role, User
from ects.models import ECT
from messaging.outbox import queue_templated_email
from organisations.models import AppropriateBody
from reviews import steps
from reviews.models import FormRevision, QuestionSet, ReportForm
from schedule.models import Report
from signatures import services as signatures
from signatures.models import Signature

logger = logging.getLogger(__name__)


class WorkflowError(Exception):
    """An action the workflow does not allow now, with a message fit to show the person."""


@dataclass(frozen=True)
class Change:
    """A change someone else saved, shown when a save from an older version is rejected."""

    field: str
    label: str
    value: str
    changed_by: str
    changed_at: datetime


class StaleSave(Exception):
    """A save based on an older version of the form than the one stored."""

    def __init__(self, form: ReportForm, changes: list[Change]):
        self.form = form
        self.changes = changes
        super().__init__(f"Form {form.pk} is at version {form.version}")


# Question sets.


def current_question_set(appropriate_body: AppropriateBody, report_type: str) -> QuestionSet:
    """Return the newest version of the AB's questions for `report_type`, creating an empty first one."""
    latest = (
        QuestionSet.objects.filter(appropriate_body=appropriate_body, report_type=report_type)
        .order_by("-version")
        .first()
    )
    if latest is not None:
        return latest
    question_set, _ = QuestionSet.objects.get_or_create(
        appropriate_body=appropriate_body, report_type=report_type, version=1
    )
    return question_set


# Starting and saving.


def days_for_report(report: Report) -> dict[str, str]:
    """Return days served and absent in the report's period, counted from the school calendar.

    Empty when the schedule cannot count them, for example before the induction has a start date.
    """
    from schedule.services import days_for_period

    counted = days_for_period(report.ect, report.period_start, report.period_end)
    if counted is None:
        return {}
    return {"days_served": str(counted.served), "days_absent": str(counted.absent)}


@transaction.atomic
def start_form(report: Report, *, by: User) -> ReportForm:
    """Return the report's form, creating it with the AB's current questions if it has none yet."""
    report = Report.objects.select_for_update().select_related("ect__school").get(pk=report.pk)
    existing = ReportForm.objects.filter(report=report).first()
    if existing is not None:
        return existing

    question_set = current_question_set(report.ect.school.appropriate_body, report.type)
    form = ReportForm.objects.create(
        report=report, question_set=question_set, answers=days_for_report(report), started_by=by
    )
    FormRevision.objects.create(
        form=form, version=form.version, changed_by=by, changes={}, description="Form started"
    )
    if report.status == Report.Status.NOT_STARTED:
        report.status = Report.Status.IN_PROGRESS
        report.save(update_fields=["status"])
    logger.info("Form %s started for report %s by user %s", form.pk, report.pk, by.pk)
    return form


def changes_since(form: ReportForm, version: int) -> list[Change]:
    """Return every field changed after `version`, each with its newest value and who changed it."""
    fields = form_fields(form)
    latest: dict[str, Change] = {}
    for revision in form.revisions.filter(version__gt=version).select_related("changed_by").order_by("version"):
        who = revision.changed_by.get_full_name() if revision.changed_by else "Someone"
        for name, (_, new) in revision.changes.items():
            field = fields.get(name)
            label = str(field.label) if field else name
            value = steps.display_value(field, new) if field else new
            latest[name] = Change(name, label, value or "(cleared)", who, revision.changed_at)
    return list(latest.values())


def others_changed_since(form: ReportForm, version: int, by: User) -> bool:
    """Return whether anyone but `by` changed an answer after `version`.

    A person's own later saves (an autosave that finished while they pressed a
    save button, say) are not a conflict with their own page.
    """
    if version > form.version:
        return True
    later = form.revisions.filter(version__gt=version).exclude(changed_by=by)
    return any(revision.changes for revision in later)


def form_fields(form: ReportForm) -> dict:
    """Return every field of every page of the form, and the ECT's comments, by name."""
    fields = dict(steps.CommentsForm().fields)
    for step in steps.steps_for(form.report):
        fields.update(steps.build_step_form(step, form).fields)
    fields.pop("version", None)
    return fields


@transaction.atomic
def save_answers(
    form: ReportForm, *, answers: dict[str, str], base_version: int | None, by: User, description: str = ""
) -> tuple[ReportForm, list[Signature]]:
    """Store changed answers as the next version and return the form and any signatures withdrawn.

    Raises StaleSave when `base_version` is not the stored version, so a save
    made from an older page never overwrites someone else's work, and
    WorkflowError when the form is locked.
    """
    form = ReportForm.objects.select_for_update().select_related("report__ect__school").get(pk=form.pk)
    if form.is_locked:
        raise WorkflowError("Everyone has signed this form, so it can no longer be changed.")
    if base_version is None or others_changed_since(form, base_version, by):
        logger.info("Stale save of form %s by user %s: based on %s, stored %s", form.pk, by.pk, base_version, form.version)
        raise StaleSave(form, changes_since(form, base_version or 0))

    changed = {
        field: [form.answers.get(field, ""), value]
        for field, value in answers.items()
        if (form.answers.get(field) or "") != (value or "")
    }
    if not changed:
        return form, []

    form.answers = {**form.answers, **{field: new for field, (_, new) in changed.items()}}
    form.version += 1
    form.save(update_fields=["answers", "version", "updated_at"])
    FormRevision.objects.create(
        form=form, version=form.version, changed_by=by, changes=changed, description=description
    )

    who = by.get_full_name() or by.username
    withdrawn = signatures.withdraw_outdated(
        form, signed_content(form), reason=f"{who} changed the form after it was signed"
    )
    for signature in withdrawn:
        email_about_form(signature.signer.email, "review_signature_withdrawn", form, {"signature": signature, "changed_by": who})
    refresh_stage(form)
    return form, withdrawn


@transaction.atomic
def attach_support_plan(form: ReportForm, *, upload, by: User) -> tuple[ReportForm, list[Signature]]:
    """Store an uploaded support plan and record its name and SHA-256 as an answer, so signatures cover it."""
    from reviews.documents import file_digest

    digest = file_digest(upload)
    form, withdrawn = save_answers(
        form,
        answers={"support_plan_document": f"{upload.name} (SHA-256 {digest})"},
        base_version=form.version,
        by=by,
        description="Support plan document uploaded",
    )
    form.support_plan_file.save(f"form-{form.pk}-{digest[:12]}-{upload.name}", upload, save=False)
    form.save(update_fields=["support_plan_file"])
    logger.info("Support plan document for form %s uploaded by user %s", form.pk, by.pk)
    return form, withdrawn


# What is signed.


def form_content(form: ReportForm) -> dict:
    """Return everything a signature on the form covers: who and what it is about, and each answer as worded."""
    report = form.report
    return {
        "form": form.pk,
        "version": form.version,
        "report": report.pk,
        "type": report.get_type_display(),
        "ect": report.ect.full_name,
        "trn": report.ect.trn,
        "school": report.ect.school.name,
        "period": f"{report.period_start.isoformat()} to {report.period_end.isoformat()}",
        "question_set_version": form.question_set.version,
        "answers": [
            [section["title"], row["label"], row["value"]]
            for section in steps.answer_sections(form)
            for row in section["rows"]
        ],
        "ect_comments": form.answers.get("ect_comments", ""),
    }


def signed_content(form: ReportForm) -> str:
    return signatures.canonical_content(form_content(form))


# Workflow stage and signing.


def signatures_needed(report: Report) -> list[Role]:
    needed = [Role.ECT, Role.TUTOR]
    if report.type in {Report.Type.ASSESSMENT, Report.Type.INTERIM_ASSESSMENT}:
        needed.append(Role.HEAD_TEACHER)
    return needed


def compute_stage(form: ReportForm) -> str:
    if form.sent_to_ect_at is None:
        return ReportForm.Stage.DRAFT
    signed = {signature.role for signature in signatures.signatures_of(form)}
    for role in signatures_needed(form.report):
        if role not in signed:
            return ReportForm.Stage(role.value)
    return ReportForm.Stage.SUBMITTED


def refresh_stage(form: ReportForm) -> ReportForm:
    """Bring the stored stage up to date; on reaching the AB, complete the report and lock the form."""
    stage = compute_stage(form)
    if stage == form.stage:
        return form
    previous, form.stage = form.stage, stage
    form.save(update_fields=["stage", "updated_at"])
    logger.info("Form %s moved from %s to %s", form.pk, previous, stage)

    if stage == ReportForm.Stage.SUBMITTED:
        _complete_report(form)
    else:
        for user in expected_signers(form):
            email_about_form(user.email, "review_ready_to_sign", form, {"person": user})
    return form


def _complete_report(form: ReportForm) -> None:
    form.submitted_at = timezone.now()
    form.save(update_fields=["submitted_at"])
    report = form.report
    report.status = Report.Status.COMPLETED
    report.completed_at = form.submitted_at
    report.save(update_fields=["status", "completed_at"])
    create_next_report(report.ect)
    for membership in Membership.objects.active().filter(
        role=Role.AB_ADMIN, appropriate_body_id=report.ect.school.appropriate_body_id
    ).select_related("user"):
        email_about_form(membership.user.email, "review_submitted", form, {"person": membership.user})


def create_next_report(ect: ECT) -> None:
    """Create the ECT's next report from the schedule's timetable, now that this one is complete."""
    from schedule.services import create_next_report as schedule_next_report

    schedule_next_report(ect)


def expected_signers(form: ReportForm) -> list[User]:
    """Return the people who may sign at the form's current stage."""
    ect = form.report.ect
    if form.stage == ReportForm.Stage.ECT:
        return [ect.user] if ect.user else []
    if form.stage == ReportForm.Stage.TUTOR:
        return [ect.tutor] if ect.tutor else []
    if form.stage == ReportForm.Stage.HEAD_TEACHER:
        heads = Membership.objects.active().filter(role=Role.HEAD_TEACHER, school_id=ect.school_id)
        return [membership.user for membership in heads.select_related("user")]
    return []


def signing_role(form: ReportForm, user: User, membership: Membership | None) -> tuple[Role | None, str]:
    """Return the role `user` signs in now, or None with the reason they cannot sign yet."""
    ect = form.report.ect
    waiting_for = {
        ReportForm.Stage.ECT: "the ECT",
        ReportForm.Stage.TUTOR: "the induction tutor",
        ReportForm.Stage.HEAD_TEACHER: "the head teacher",
    }
    if form.stage == ReportForm.Stage.DRAFT:
        return None, "The tutor has not finished this form yet, so it cannot be signed."
    if form.stage == ReportForm.Stage.SUBMITTED:
        return None, "Everyone has signed this form."
    if membership is None or membership.school_id != ect.school_id:
        return None, f"This form is waiting for {waiting_for[form.stage]} to sign."

    if form.stage == ReportForm.Stage.ECT and membership.role == Role.ECT and ect.user_id == user.pk:
        return Role.ECT, ""
    if form.stage == ReportForm.Stage.TUTOR and ect.tutor_id == user.pk and membership.role != Role.ECT:
        return Role.TUTOR, ""
    if form.stage == ReportForm.Stage.TUTOR and membership.role == Role.TUTOR:
        tutor = ect.tutor.get_full_name() if ect.tutor else "no one yet"
        return None, f"Only the ECT's induction tutor ({tutor}) can sign as tutor."
    if form.stage == ReportForm.Stage.HEAD_TEACHER and membership.role == Role.HEAD_TEACHER:
        return Role.HEAD_TEACHER, ""
    return None, f"This form is waiting for {waiting_for[form.stage]} to sign. You can read it but not sign it yet."


@transaction.atomic
def sign_form(
    form: ReportForm, *, user: User, membership: Membership | None, seen_version: int | None, ip_address: str | None
) -> Signature:
    """Sign the form in the role whose turn it is; raise WorkflowError if `user` may not sign now.

    `seen_version` is the version shown to the signer, so nobody signs content
    that changed after they read it.
    """
    form = ReportForm.objects.select_for_update().select_related("report__ect__school").get(pk=form.pk)
    if seen_version is not None and seen_version != form.version:
        raise WorkflowError("The form changed after you opened it. Read the changes below, then sign again.")
    role, reason = signing_role(form, user, membership)
    if role is None:
        raise WorkflowError(reason)
    try:
        signature = signatures.sign(
            subject=form, signer=user, role=role, content=signed_content(form), ip_address=ip_address
        )
    except signatures.SignatureError as error:
        raise WorkflowError(str(error)) from error
    refresh_stage(form)
    return signature


@transaction.atomic
def send_to_ect(form: ReportForm, *, by: User, base_version: int | None, today: date) -> ReportForm:
    """Mark the tutor's part complete and pass the form to the ECT.

    Raises WorkflowError before the AB's earliest send date, while any page is
    incomplete, or when the form was changed since the page was shown.
    """
    form = ReportForm.objects.select_for_update().select_related("report__ect__school").get(pk=form.pk)
    if base_version != form.version:
        raise StaleSave(form, changes_since(form, base_version or 0))
    if form.stage != ReportForm.Stage.DRAFT:
        raise WorkflowError("This form has already been sent to the ECT.")
    earliest = form.report.earliest_send_date
    if today < earliest:
        raise WorkflowError(
            f"You cannot send this form to the ECT before {earliest:%-d %B %Y}. "
            "Save it now and send it on or after that date."
        )
    incomplete = steps.step_errors(form)
    if incomplete:
        titles = ", ".join(step.title for step, _ in incomplete)
        raise WorkflowError(f"Complete every page before sending the form. Not complete: {titles}.")

    # Sending bumps the version too, so a page opened before it cannot save over it unseen.
    form.sent_to_ect_at = timezone.now()
    form.version += 1
    form.save(update_fields=["sent_to_ect_at", "version", "updated_at"])
    FormRevision.objects.create(form=form, version=form.version, changed_by=by, changes={}, description="Sent to the ECT")
    logger.info("Form %s sent to the ECT by user %s", form.pk, by.pk)
    refresh_stage(form)
    return form


@transaction.atomic
def convert_to_interim(form: ReportForm, *, by: User) -> ReportForm:
    """Replace a progress review with an interim assessment, because the ECT is leaving.

    The answers given so far stay; the form takes the AB's interim questions.
    """
    form = ReportForm.objects.select_for_update().select_related("report__ect__school").get(pk=form.pk)
    report = form.report
    report.type = Report.Type.INTERIM_ASSESSMENT
    report.save(update_fields=["type"])
    form.question_set = current_question_set(report.ect.school.appropriate_body, Report.Type.INTERIM_ASSESSMENT)
    form.version += 1
    form.save(update_fields=["question_set", "version", "updated_at"])
    FormRevision.objects.create(
        form=form,
        version=form.version,
        changed_by=by,
        changes={},
        description="Progress review replaced by an interim assessment, because the ECT is leaving",
    )
    logger.info("Report %s changed to an interim assessment by user %s", report.pk, by.pk)
    return form


@transaction.atomic
def save_ab_note(form: ReportForm, *, note: str, by: User) -> None:
    form.ab_note = note
    form.ab_note_updated_at = timezone.now()
    form.save(update_fields=["ab_note", "ab_note_updated_at"])
    logger.info("AB note on form %s saved by user %s", form.pk, by.pk)


def email_about_form(address: str, template: str, form: ReportForm, context: dict) -> None:
    if not address:
        logger.info("No email address for %s about form %s; not sent", template, form.pk)
        return
    queue_templated_email(to=address, template=template, context={"form": form, "report": form.report, **context})
