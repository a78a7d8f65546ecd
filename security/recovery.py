"""Account recovery: send reset links to the owner of a username, email address or mobile number.

The caller shows the same page whether or not anything matched, so these
functions never return which accounts exist.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.services import set_password_url
from messaging.outbox import queue_templated_email
from security.lockout import format_time
from security.models import RecoveryRequest
from security.phone import normalise_uk_mobile
from security.texts import send_text

logger = logging.getLogger(__name__)

RATE_WINDOW = timedelta(hours=1)
METHODS = ("username", "email", "mobile")


class TooManyRequests(Exception):
    def __init__(self, allowed_at: datetime):
        super().__init__(f"Too many recovery requests; allowed again at {allowed_at.isoformat()}")
        self.allowed_at = allowed_at


def find_accounts(method: str, value: str) -> list[User]:
    """Return the active accounts that a username, email address or mobile number identifies."""
    active = User.objects.filter(is_active=True)
    value = (value or "").strip()
    if method == "username":
        return list(active.filter(username__iexact=value))
    if method == "email":
        return list(active.filter(email__iexact=value)) if value else []
    if method == "mobile":
        mobile = normalise_uk_mobile(value)
        if mobile is None:
            return []
        return list(active.filter(mobile=mobile)) + list(
            active.filter(security_profile__recovery_mobile=mobile).exclude(mobile=mobile)
        )
    raise ValueError(f"Unknown recovery method {method!r}; expected one of {METHODS}")


def check_address_rate(ip_address: str | None, *, now: datetime) -> None:
    """Raise TooManyRequests when this address has used up its recovery requests for the hour."""
    if not ip_address:
        return
    recent = RecoveryRequest.objects.filter(ip_address=ip_address, requested_at__gte=now - RATE_WINDOW).order_by(
        "requested_at"
    )
    if recent.count() >= settings.RECOVERY_REQUESTS_PER_ADDRESS:
        raise TooManyRequests(recent.first().requested_at + RATE_WINDOW)


def account_rate_exceeded(user: User, *, now: datetime) -> bool:
    recent = RecoveryRequest.objects.filter(user=user, requested_at__gte=now - RATE_WINDOW).count()
    return recent >= settings.RECOVERY_REQUESTS_PER_ACCOUNT


@transaction.atomic
def request_recovery(method: str, value: str, *, ip_address: str | None, now: datetime | None = None) -> int:
    """Send reset links for the accounts matching `value`; return how many accounts were sent one.

    Raises TooManyRequests when the address is over its hourly limit. An
    account over its own limit is skipped silently, so that the response does
    not reveal that it exists.
    """
    now = now or timezone.now()
    check_address_rate(ip_address, now=now)
    RecoveryRequest.objects.filter(requested_at__lt=now - RATE_WINDOW).delete()

    accounts = find_accounts(method, value)
    if not accounts:
        RecoveryRequest.objects.create(ip_address=ip_address, requested_at=now)
        logger.info("Account recovery by %s matched no account", method)
        return 0

    sendable = []
    for user in accounts:
        if account_rate_exceeded(user, now=now):
            logger.warning("Account recovery for user %s skipped: too many requests this hour", user.pk)
        else:
            sendable.append(user)
        RecoveryRequest.objects.create(ip_address=ip_address, user=user, requested_at=now)

    if method == "mobile":
        mobile = normalise_uk_mobile(value)
        for user in sendable:
            send_reset_text(user, mobile)
    else:
        for email in sorted({user.email.lower() for user in sendable if user.email}):
            send_reset_email(email)
    return len(sendable)


def send_reset_email(email: str) -> None:
    """Email one reset link for every active account that uses this address."""
    sharing = list(User.objects.filter(is_active=True, email__iexact=email).order_by("username"))
    links = [(user.username, set_password_url(user, "reset")) for user in sharing]
    queue_templated_email(
        to=sharing[0].email,
        template="password_reset",
        context={
            "links": links,
            "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        },
    )
    logger.info("Password reset email sent for users %s", [user.pk for user in sharing])


def send_reset_text(user: User, mobile: str) -> None:
    link = set_password_url(user, "reset")
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    send_text(
        to=mobile,
        body=f"Reset the {settings.SITE_NAME} password for {user.username} within {minutes} minutes: {link}",
    )
    logger.info("Password reset text sent for user %s", user.pk)


def rate_limit_message(error: TooManyRequests) -> str:
    return (
        "There have been too many requests from your network in the last hour. "
        f"Try again from {format_time(error.allowed_at)}."
    )
