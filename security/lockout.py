"""Sign-in lockout rules on top of django-axes.

django-axes stores the per-account counts as AccessAttempt rows in the
database, so every worker process reads the same counts, and its
authentication backend rejects a locked account. Axes applies one failure limit to every lockout
parameter, so the higher per-address limit against password spraying is kept
here, in AddressFailure and AddressLock rows.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from ectm.net import client_ip
from security.models import AddressFailure, AddressLock

logger = logging.getLogger(__name__)


def normalise_username(username: str | None) -> str:
    """Return the form of a username that counts are kept under: no surrounding spaces, lower case."""
    return (username or "").strip().lower()


def axes_username(request: HttpRequest, credentials: dict | None) -> str:
    """AXES_USERNAME_CALLABLE: so "Alice" and " alice" share one count."""
    if credentials and credentials.get("username") is not None:
        return normalise_username(credentials["username"])
    return normalise_username(request.POST.get("username"))


def lockout_response(request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None):
    """AXES_LOCKOUT_CALLABLE: keep the view's own response, which explains the lock."""
    return original_response


def lock_duration() -> timedelta:
    return get_cool_off()


def account_locked_until(username: str, *, now: datetime | None = None) -> datetime | None:
    """Return when an account's lock ends, or None if it is not locked.

    This applies axes's rule for the "username" lockout parameter: the failures
    of the last lock period, from any address, reach the limit. The lock ends one
    lock period after the latest of them.
    """
    now = now or timezone.now()
    recent = AccessAttempt.objects.filter(
        username=normalise_username(username), attempt_time__gte=now - lock_duration()
    ).aggregate(failures=Sum("failures_since_start"), latest=Max("attempt_time"))
    if (recent["failures"] or 0) < settings.AXES_FAILURE_LIMIT:
        return None
    return recent["latest"] + lock_duration()


def address_locked_until(ip_address: str | None, *, now: datetime | None = None) -> datetime | None:
    if not ip_address:
        return None
    now = now or timezone.now()
    lock = AddressLock.objects.filter(ip_address=ip_address, locked_until__gt=now).first()
    return lock.locked_until if lock else None


def sign_in_locked_until(request: HttpRequest, username: str) -> datetime | None:
    """Return when signing in to this account from this request's address is allowed again, if it is locked."""
    ends = [until for until in (account_locked_until(username), address_locked_until(client_ip(request))) if until]
    return max(ends) if ends else None


def record_address_failure(ip_address: str | None, *, now: datetime | None = None) -> None:
    """Count a failed sign-in against its address, and lock the address at the spraying limit."""
    if not ip_address:
        return
    now = now or timezone.now()
    window_start = now - lock_duration()
    with transaction.atomic():
        AddressFailure.objects.filter(failed_at__lt=window_start).delete()
        AddressFailure.objects.create(ip_address=ip_address, failed_at=now)
        failures = AddressFailure.objects.filter(ip_address=ip_address, failed_at__gte=window_start).count()
        if failures >= settings.ADDRESS_FAILURE_LIMIT:
            AddressLock.objects.update_or_create(
                ip_address=ip_address, defaults={"locked_until": now + lock_duration()}
            )
            AddressFailure.objects.filter(ip_address=ip_address).delete()
            logger.warning("Address %s locked after %s failed sign-ins across accounts", ip_address, failures)


def locked_usernames(*, now: datetime | None = None) -> dict[str, datetime]:
    """Return every locked account's normalised username with the time its lock ends."""
    now = now or timezone.now()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=now - lock_duration())
        .values("username")
        .annotate(failures=Sum("failures_since_start"), latest=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"]: row["latest"] + lock_duration() for row in rows if row["username"]}


def unlock_account(username: str) -> int:
    """Clear an account's failed sign-ins from every address; return how many records went."""
    return axes_reset(username=normalise_username(username))


def format_time(moment: datetime) -> str:
    """Format a time for people, like "3:05pm on 4 December 2026"."""
    local = timezone.localtime(moment)
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{hour}:{local.minute:02d}{suffix} on {local.day} {local:%B %Y}"


def lock_message(until: datetime) -> str:
    return (
        "This account is locked because of too many failed attempts to sign in. "
        f"You can try again from {format_time(until)}, or ask your head teacher or induction lead to unlock it."
    )
