"""Actions on schools: registering, approving, rejecting."""

import logging

from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Role, User
from accounts.services import send_set_password_email, unique_username
from messaging.outbox import queue_templated_email
from organisations.models import School

logger = logging.getLogger(__name__)


@transaction.atomic
def register_school(*, school: School, contact_role: Role, first_name: str, last_name: str, email: str) -> Membership:
    """Save a school waiting for approval and its first person, who gets no email until approval."""
    school.status = School.Status.PENDING
    school.save()
    user = User(username=unique_username(first_name, last_name), first_name=first_name, last_name=last_name, email=email)
    user.set_unusable_password()
    user.save()
    membership = Membership.objects.create(user=user, role=contact_role, school=school)
    for admin in Membership.objects.active().filter(appropriate_body=school.appropriate_body).select_related("user"):
        if admin.user.email:
            queue_templated_email(to=admin.user.email, template="school_waiting", context={"school": school})
    logger.info("School %s registered and waiting for approval by AB %s", school.pk, school.appropriate_body_id)
    return membership


@transaction.atomic
def approve_school(school: School, *, by: User) -> None:
    school.status = School.Status.APPROVED
    school.rejection_reason = ""
    school.decided_at = timezone.now()
    school.save(update_fields=["status", "rejection_reason", "decided_at"])
    for membership in school.memberships.active().select_related("user"):
        user = membership.user
        if not user.has_usable_password():
            send_set_password_email(user, organisation_name=school.name, role_label=membership.get_role_display())
        else:
            queue_templated_email(to=user.email, template="school_approved", context={"school": school, "user": user})
    logger.info("School %s approved by user %s", school.pk, by.pk)


@transaction.atomic
def reject_school(school: School, *, reason: str, by: User) -> None:
    school.status = School.Status.REJECTED
    school.rejection_reason = reason
    school.decided_at = timezone.now()
    school.save(update_fields=["status", "rejection_reason", "decided_at"])
    for membership in school.memberships.active().select_related("user"):
        queue_templated_email(
            to=membership.user.email,
            template="school_rejected",
            context={"school": school, "user": membership.user, "reason": reason},
        )
    logger.info("School %s rejected by user %s", school.pk, by.pk)

