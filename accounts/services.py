"""Actions that create and change people and their memberships."""

import logging
import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, Role, User
from accounts.tokens import make_password_token
from messaging.outbox import queue_templated_email

logger = logging.getLogger(__name__)


def unique_username(first_name: str, last_name: str) -> str:
    """Return a free username made from the person's initial and last name, like jsmith2."""
    base = re.sub(r"[^a-z]", "", (first_name[:1] + last_name).lower()) or "user"
    candidate, number = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def set_password_url(user: User, purpose: str = "invitation") -> str:
    token = make_password_token(user, purpose)
    return settings.SITE_URL + reverse("accounts:set_password", kwargs={"token": token})


def send_set_password_email(user: User, *, organisation_name: str, role_label: str) -> None:
    """Queue the welcome email with a link to set a first password."""
    queue_templated_email(
        to=user.email,
        template="set_password",
        context={
            "user": user,
            "organisation_name": organisation_name,
            "role_label": role_label,
            "link": set_password_url(user),
            "valid_days": settings.ACCOUNT_INVITATION_TIMEOUT // 86400,
        },
    )


@transaction.atomic
def add_person(
    *,
    first_name: str,
    last_name: str,
    email: str,
    role: Role,
    school=None,
    appropriate_body=None,
    added_by: User | None = None,
) -> Membership:
    """Give a person a role in an organisation, creating their account if the email is new.

    A new account has no usable password: the person sets one through the
    emailed link. Someone who already has an account gets the new role and an
    email that tells them so.
    """
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is None:
        user = User(
            username=unique_username(first_name, last_name),
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        user.set_unusable_password()
        user.save()
    else:
        user = existing

    membership, created = Membership.objects.get_or_create(
        user=user, role=role, school=school, appropriate_body=appropriate_body
    )
    if not created and not membership.is_active:
        membership.is_active = True
        membership.deactivated_at = None
        membership.save(update_fields=["is_active", "deactivated_at"])

    organisation_name = (school or appropriate_body).name
    if existing is None:
        send_set_password_email(user, organisation_name=organisation_name, role_label=Role(role).label)
    else:
        queue_templated_email(
            to=user.email,
            template="role_added",
            context={"user": user, "organisation_name": organisation_name, "role_label": Role(role).label},
        )
    logger.info(
        "Membership %s (%s) given to user %s by user %s",
        membership.pk,
        role,
        user.pk,
        added_by.pk if added_by else None,
    )
    return membership


@transaction.atomic
def deactivate_membership(membership: Membership, *, by: User) -> None:
    """End a person's role at an organisation. Their account and signatures stay."""
    membership.is_active = False
    membership.deactivated_at = timezone.now()
    membership.save(update_fields=["is_active", "deactivated_at"])
    logger.info("Membership %s deactivated by user %s", membership.pk, by.pk)
