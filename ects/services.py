"""Actions that change ECT records. Each one saves the change, writes the
ECT's history and queues any email after the transaction commits."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import Membership, Role, User
from accounts.services import add_person, send_set_password_email
from ects import choices
from ects.models import ECT, REGISTRATION_STATUSES, ECTChange, PreviousSchool
from ects.trs import CheckOutcome, TeacherRecordService, check_teacher, outcome_as_json
from messaging.outbox import queue_templated_email
from signatures.services import canonical_content, signatures_of, withdraw_all, withdraw_outdated
from signatures.services import sign as sign_content

logger = logging.getLogger(__name__)

# The fields whose changes are stored on the ECT's history.
TRACKED_FIELDS = [
    "status",
    "induction_type",
    "trn",
    "first_name",
    "last_name",
    "date_of_birth",
    "email",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "induction_start_date",
    "year_groups",
    "subjects_taught",
    "days_per_week",
    "contract_type",
    "tutor",
    "mentor_name",
    "mentor_email",
    "training_institution",
    "training_institution_other",
    "qualified_subjects",
    "qualified_age_range",
    "qts_date",
    "dbs_checked",
    "references_sought",
    "skills_tests_passed",
    "programme",
    "lead_provider",
    "delivery_partner",
    "programme_details",
    "leaving_date",
    "removal_reason",
    "returned_reason",
]

# Statuses in which a TRN counts as taken by another registration in the same AB.
ACTIVE_STATUSES = [
    ECT.Status.AWAITING_SIGNATURE,
    ECT.Status.AWAITING_AB,
    ECT.Status.RETURNED,
    ECT.Status.IN_PROGRESS,
]

WITHDRAWN_REASON = "The registration was changed after it was signed."


def display_value(ect: ECT, name: str) -> str:
    """Return a field's value as people read it, for the history page."""
    value = getattr(ect, name)
    if name == "tutor":
        return ect.tutor.get_full_name() if ect.tutor else ""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    if name in {"year_groups"}:
        return ", ".join(choices.labels_for(value, choices.YEAR_GROUPS))
    if name in {"subjects_taught", "qualified_subjects"}:
        return ", ".join(choices.labels_for(value, choices.SUBJECTS))
    field = ECT._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if name == "training_institution":
        return dict(choices.TRAINING_INSTITUTIONS).get(value, value)
    return str(value)


def snapshot(ect: ECT) -> dict[str, str]:
    return {name: display_value(ect, name) for name in TRACKED_FIELDS}


def field_label(name: str) -> str:
    label = str(ECT._meta.get_field(name).verbose_name)
    return label[0].upper() + label[1:]


@transaction.atomic
def save_ect(ect: ECT, *, by: User | None, before: dict[str, str] | None, event: str = "") -> list[ECTChange]:
    """Save `ect`, store one history entry per changed field (and `event`, if given),
    and withdraw a registration signature that no longer matches."""
    ect.save()
    changes = []
    if before is not None:
        after = snapshot(ect)
        for name in TRACKED_FIELDS:
            if before.get(name, "") != after[name]:
                changes.append(
                    ECTChange(
                        ect=ect,
                        changed_by=by,
                        field=field_label(name),
                        old_value=before.get(name, ""),
                        new_value=after[name],
                    )
                )
    if event:
        changes.append(ECTChange(ect=ect, changed_by=by, event=event))
    ECTChange.objects.bulk_create(changes)
    if before is not None and changes:
        refresh_registration_signature(ect, by=by)
    return changes


def log_event(ect: ECT, *, by: User | None, event: str) -> ECTChange:
    return ECTChange.objects.create(ect=ect, changed_by=by, event=event)


# Registration content and its signature.


def registration_data(ect: ECT) -> dict[str, Any]:
    """Return what the head teacher signs: every answer of the registration."""
    return {
        "school": ect.school.name,
        "school_urn": ect.school.urn,
        "induction_type": ect.get_induction_type_display(),
        "trn": ect.trn,
        "first_name": ect.first_name,
        "last_name": ect.last_name,
        "date_of_birth": ect.date_of_birth,
        "email": ect.email,
        "induction_start_date": ect.induction_start_date,
        "year_groups": ect.year_groups,
        "subjects_taught": ect.subjects_taught,
        "days_per_week": f"{ect.days_per_week:.1f}",
        "contract_type": ect.contract_type,
        "tutor": ect.tutor.get_full_name() if ect.tutor else "",
        "mentor_name": ect.mentor_name,
        "mentor_email": ect.mentor_email,
        "training_institution": ect.training_institution_name,
        "qualified_subjects": ect.qualified_subjects,
        "qualified_age_range": ect.qualified_age_range,
        "qts_date": ect.qts_date,
        "address": ect.address_lines,
        "programme": ect.programme,
        "lead_provider": ect.lead_provider,
        "delivery_partner": ect.delivery_partner,
        "programme_details": ect.programme_details,
    }


def registration_content(ect: ECT) -> str:
    return canonical_content(registration_data(ect))


def registration_signature(ect: ECT):
    return signatures_of(ect).filter(role=Role.HEAD_TEACHER).order_by("-signed_at").first()


def refresh_registration_signature(ect: ECT, *, by: User | None) -> None:
    """Withdraw the head teacher's signature if the registration changed since, and send it back for signing."""
    withdrawn = withdraw_outdated(ect, registration_content(ect), reason=WITHDRAWN_REASON)
    if not withdrawn:
        return
    log_event(ect, by=by, event="Head teacher's signature withdrawn: the registration was changed after signing.")
    if ect.status == ECT.Status.AWAITING_AB:
        ect.status = ECT.Status.AWAITING_SIGNATURE
        ect.save(update_fields=["status", "updated_at"])
        log_event(ect, by=by, event="Registration sent back to the head teacher to sign again.")
        notify_head_teachers(ect)


def duplicate_registration_message(*, trn: str, ect: ECT) -> str | None:
    """Return why `trn` cannot be registered for `ect`, naming the school that has it, or None."""
    appropriate_body_id = ect.school.appropriate_body_id if ect.school_id else None
    others = ECT.objects.filter(trn=trn, status__in=ACTIVE_STATUSES, school__appropriate_body_id=appropriate_body_id)
    if ect.pk:
        others = others.exclude(pk=ect.pk)
    other = others.select_related("school").first()
    if other is None:
        return None
    if other.school_id == ect.school_id:
        return f"TRN {trn} is already registered at this school ({other.full_name}). Open their record instead."
    return (
        f"TRN {trn} is already registered for induction at {other.school.name}. "
        "Ask that school or your appropriate body to end that induction first."
    )


# The wizard.


@transaction.atomic
def start_registration(*, school, by: User, induction_type: str) -> ECT:
    ect = ECT(school=school, induction_type=induction_type, status=ECT.Status.DRAFT, completed_steps=["induction-type"])
    ect.save()
    log_event(ect, by=by, event="Registration started.")
    logger.info("ECT %s registration started at school %s by user %s", ect.pk, school.pk, by.pk)
    return ect


def mark_step_done(ect: ECT, step: str) -> None:
    if step not in ect.completed_steps:
        ect.completed_steps = [*ect.completed_steps, step]


def record_trs_outcome(ect: ECT, outcome: CheckOutcome, *, by: User | None, checker: str) -> None:
    """Store a TRS check on the ECT and its history. `checker` names who ran it, like "school"."""
    ect.trs_checked_at = timezone.now()
    ect.trs_result = outcome_as_json(outcome)
    if outcome.passed:
        ect.trs_verified_at = ect.trs_checked_at
    elif not outcome.service_unavailable:
        ect.trs_verified_at = None
    ect.save(update_fields=["trs_checked_at", "trs_result", "trs_verified_at", "updated_at"])
    if outcome.service_unavailable:
        summary = "the Teaching Record System did not answer"
    elif outcome.passed:
        summary = "record matched" + ("" if outcome.qts_passed else ", but no QTS")
    else:
        summary = "failed: " + " ".join(outcome.errors)
    log_event(ect, by=by, event=f"Teaching Record System check by the {checker}: {summary}")
    logger.info("ECT %s TRS check by %s: passed=%s", ect.pk, checker, outcome.passed)


def check_teacher_record(
    ect: ECT, service: TeacherRecordService, *, by: User | None, checker: str, today: date
) -> CheckOutcome:
    """Run a TRS check on the ECT's saved answers; follow a merged record to its new TRN."""
    outcome = check_teacher(service, trn=ect.trn, date_of_birth=ect.date_of_birth, last_name=ect.last_name, today=today)
    if outcome.record is not None and outcome.record.merged_from_trn:
        before = snapshot(ect)
        ect.trn = outcome.record.trn
        save_ect(
            ect,
            by=by,
            before=before,
            event=f"TRN {outcome.record.merged_from_trn} was merged into {outcome.record.trn} on the "
            "Teaching Record System, so the record now uses the new TRN.",
        )
    record_trs_outcome(ect, outcome, by=by, checker=checker)
    return outcome


def missing_steps(ect: ECT, steps: list[str]) -> list[str]:
    return [step for step in steps if step not in ect.completed_steps]


@transaction.atomic
def submit_registration(ect: ECT, *, by: User) -> None:
    """Send the finished registration to the head teacher to sign."""
    if ect.status == ECT.Status.RETURNED:
        # The head teacher signs what goes back to the AB, even when no answer changed.
        if withdraw_all(ect, reason="The registration was returned by the appropriate body and sent again."):
            log_event(ect, by=by, event="Head teacher's signature withdrawn: the registration is being sent again.")
    before = snapshot(ect)
    ect.status = ECT.Status.AWAITING_SIGNATURE
    ect.submitted_at = timezone.now()
    save_ect(ect, by=by, before=before, event="Registration confirmed and sent to the head teacher to sign.")
    notify_head_teachers(ect)
    logger.info("ECT %s registration submitted by user %s", ect.pk, by.pk)


def notify_head_teachers(ect: ECT) -> None:
    heads = Membership.objects.active().filter(school=ect.school, role=Role.HEAD_TEACHER).select_related("user")
    for head in heads:
        if head.user.email:
            queue_templated_email(
                to=head.user.email, template="registration_to_sign", context={"ect": ect, "user": head.user}
            )


@transaction.atomic
def sign_registration(ect: ECT, *, signer: User, ip_address: str | None):
    """Record the head teacher's signature and send the registration to the AB."""
    signature = sign_content(
        subject=ect, signer=signer, role=Role.HEAD_TEACHER, content=registration_content(ect), ip_address=ip_address
    )
    before = snapshot(ect)
    ect.status = ECT.Status.AWAITING_AB
    save_ect(
        ect, by=signer, before=before, event="Registration signed by the head teacher and sent to the appropriate body."
    )
    for admin in (
        Membership.objects.active().filter(appropriate_body_id=ect.school.appropriate_body_id).select_related("user")
    ):
        if admin.user.email:
            queue_templated_email(
                to=admin.user.email, template="registration_to_check", context={"ect": ect, "user": admin.user}
            )
    return signature


@transaction.atomic
def return_registration(ect: ECT, *, by: User, reason: str) -> None:
    before = snapshot(ect)
    ect.status = ECT.Status.RETURNED
    ect.returned_reason = reason
    ect.returned_at = timezone.now()
    save_ect(ect, by=by, before=before, event="Registration returned to the school by the appropriate body.")
    recipients = {ect.tutor} if ect.tutor else set()
    for membership in (
        Membership.objects.active()
        .filter(school=ect.school, role__in=[Role.HEAD_TEACHER, Role.INDUCTION_LEAD])
        .select_related("user")
    ):
        recipients.add(membership.user)
    for user in recipients:
        if user.email:
            queue_templated_email(
                to=user.email, template="registration_returned", context={"ect": ect, "user": user, "reason": reason}
            )
    logger.info("ECT %s registration returned by user %s", ect.pk, by.pk)


class AuthorisationError(Exception):
    """The registration cannot be authorised yet, with a message for the AB officer."""


@transaction.atomic
def authorise_registration(ect: ECT, *, by: User, induction_start_date: date) -> ECT:
    """Start the ECT's induction: give them an account, set the status, schedule the first report."""
    if ect.status != ECT.Status.AWAITING_AB:
        raise AuthorisationError("Only a signed registration waiting for the appropriate body can be authorised.")
    if not ect.trs_result.get("qts_passed"):
        raise AuthorisationError("Run a Teaching Record System check that confirms QTS before authorising.")

    if ect.user_id is None:
        earlier = ECT.objects.filter(user__email__iexact=ect.email).exclude(pk=ect.pk).first()
        if earlier is not None and earlier.status == ECT.Status.IN_PROGRESS:
            raise AuthorisationError(
                f"The email address {ect.email} belongs to an ECT whose induction is in progress at "
                f"{earlier.school.name}. Ask the school to give this ECT their own email address."
            )
        if earlier is not None:
            # An account links to one ECT record, so the finished or left record lets go of it.
            earlier.user = None
            earlier.save(update_fields=["user", "updated_at"])
            log_event(earlier, by=by, event=f"Account moved to the new induction record at {ect.school.name}.")
        membership = add_person(
            first_name=ect.first_name,
            last_name=ect.last_name,
            email=ect.email,
            role=Role.ECT,
            school=ect.school,
            added_by=by,
        )
        ect.user = membership.user
    before = snapshot(ect)
    ect.induction_start_date = induction_start_date
    ect.status = ECT.Status.IN_PROGRESS
    ect.authorised_at = timezone.now()
    ect.authorised_by = by
    ect.returned_reason = ""
    ect.save()
    after = snapshot(ect)
    ECTChange.objects.bulk_create(
        [
            ECTChange(ect=ect, changed_by=by, field=field_label(name), old_value=before[name], new_value=after[name])
            for name in TRACKED_FIELDS
            if before[name] != after[name]
        ]
        + [ECTChange(ect=ect, changed_by=by, event="Induction authorised by the appropriate body.")]
    )
    # The head teacher signed the school's start date, so a different date from the AB withdraws that
    # signature, and the record says why, rather than leaving it to be withdrawn by the next edit.
    if withdraw_outdated(
        ect, registration_content(ect), reason="The appropriate body authorised a different induction start date."
    ):
        log_event(ect, by=by, event="Head teacher's signature withdrawn: the appropriate body changed the start date.")
    schedule_first_report(ect)
    logger.info("ECT %s induction authorised by user %s from %s", ect.pk, by.pk, induction_start_date)
    return ect


def schedule_first_report(ect: ECT) -> None:
    """Create the ECT's first report. Without term dates that reach it, the engine creates none yet."""
    from schedule.services import create_next_report

    report = create_next_report(ect)
    if report is None:
        logger.info("ECT %s authorised with no first report yet: the term dates do not reach it", ect.pk)


# The ECT's account.


def resend_login_details(ect: ECT, *, by: User) -> None:
    """Email the ECT their username and a fresh link to set a password."""
    send_set_password_email(ect.user, organisation_name=ect.school.name, role_label=Role.ECT.label)
    log_event(ect, by=by, event="Login details sent again to the ECT.")
    logger.info("ECT %s login details resent by user %s", ect.pk, by.pk)


def send_password_reset(ect: ECT, *, by: User) -> None:
    """Email the ECT a single-use link to choose a new password; their current password works until then."""
    from security.recovery import send_reset_email

    send_reset_email(ect.user.email)
    log_event(ect, by=by, event="Password reset link sent to the ECT.")
    logger.info("ECT %s password reset sent by user %s", ect.pk, by.pk)


# Removal and previous schools.


@transaction.atomic
def remove_ect(ect: ECT, *, by: User, reason: str, leaving_date: date | None) -> None:
    """Take the ECT off the school's list. Their record and every signed document stay."""
    before = snapshot(ect)
    ect.removal_reason = reason
    ect.removed_at = timezone.now()
    if reason == ECT.RemovalReason.LEFT_SCHOOL:
        ect.status = ECT.Status.LEFT
        ect.leaving_date = leaving_date
    else:
        ect.status = ECT.Status.REMOVED
    ect.save()
    after = snapshot(ect)
    ECTChange.objects.bulk_create(
        [
            ECTChange(ect=ect, changed_by=by, field=field_label(name), old_value=before[name], new_value=after[name])
            for name in TRACKED_FIELDS
            if before[name] != after[name]
        ]
        + [ECTChange(ect=ect, changed_by=by, event=f"ECT removed: {ect.get_removal_reason_display().lower()}.")]
    )
    if ect.user_id:
        Membership.objects.active().filter(user_id=ect.user_id, school=ect.school, role=Role.ECT).update(
            is_active=False, deactivated_at=timezone.now()
        )
    logger.info("ECT %s removed (%s) by user %s", ect.pk, reason, by.pk)


def add_previous_school(previous: PreviousSchool, *, by: User) -> None:
    previous.save()
    log_event(
        previous.ect, by=by, event=f"Previous school added: {previous.name}, from {previous.start_date:%-d %B %Y}."
    )


def remove_previous_school(previous: PreviousSchool, *, by: User) -> None:
    ect = previous.ect
    log_event(ect, by=by, event=f"Previous school removed: {previous.name}, from {previous.start_date:%-d %B %Y}.")
    previous.delete()


def associated_schools(ect: ECT):
    """Return the ECT's earlier records at other schools of the same AB, by TRN."""
    return (
        ECT.objects.filter(trn=ect.trn, school__appropriate_body_id=ect.school.appropriate_body_id)
        .exclude(pk=ect.pk)
        .exclude(status__in=list(REGISTRATION_STATUSES) + [ECT.Status.REMOVED])
        .select_related("school")
        .order_by("induction_start_date")
    )


def visible_ects(queryset, *, query: str = "", status: str = "", tutor_id: str = "", sort: str = "name"):
    """Apply the ECT list's search, filters and sort to `queryset`."""
    query = query.strip()
    if query:
        condition = Q()
        for word in query.split():
            digits = word.replace("-", "")
            condition &= Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(trn__startswith=digits)
        queryset = queryset.filter(condition)
    if status:
        queryset = queryset.filter(status=status)
    if tutor_id.isdigit():
        queryset = queryset.filter(tutor_id=int(tutor_id))
    if sort == "start":
        return queryset.order_by("-induction_start_date", "last_name", "first_name", "pk")
    return queryset.order_by("last_name", "first_name", "pk")
