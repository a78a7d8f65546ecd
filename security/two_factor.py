"""Two-factor sign-in: codes sent by email or text, checked against a CodeDevice.

After a correct password, a person with two-factor sign-in switched on is not
signed in yet: the session stores a pending sign-in until they enter the code.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import User
from messaging.outbox import queue_templated_email
from security.models import CodeDevice, SecurityProfile
from security.texts import send_text

logger = logging.getLogger(__name__)

PENDING_SESSION_KEY = "security_pending_sign_in"
# How long a person has, after a correct password, to finish signing in with a code.
PENDING_SIGN_IN_SECONDS = 15 * 60


class ResendTooSoon(Exception):
    def __init__(self, allowed_at: datetime):
        super().__init__(f"A new code can be sent from {allowed_at.isoformat()}")
        self.allowed_at = allowed_at


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    expired: bool = False


def profile_for(user: User) -> SecurityProfile:
    profile, _ = SecurityProfile.objects.get_or_create(user=user)
    return profile


def available_channels(user: User) -> list[CodeDevice.Channel]:
    """Return the ways a person can receive a code: email if they have an address, text if a mobile."""
    channels = []
    if user.email:
        channels.append(CodeDevice.Channel.EMAIL)
    if user.mobile:
        channels.append(CodeDevice.Channel.TEXT)
    return channels


def two_factor_required(user: User) -> bool:
    profile = SecurityProfile.objects.filter(user=user).first()
    return bool(profile and profile.two_factor_on and available_channels(user))


def send_code(user: User, channel: str, *, now: datetime | None = None) -> CodeDevice:
    """Send a new 6-digit code by the channel, which replaces any earlier code.

    Raises ResendTooSoon when the last code went less than a minute ago and is
    still unused and in date. A used or expired code never blocks a new one,
    because the person would have no working code to enter.
    """
    now = now or timezone.now()
    device, _ = CodeDevice.objects.get_or_create(user=user, channel=channel, defaults={"name": channel})
    code_still_usable = bool(device.token) and device.valid_until is not None and device.valid_until > now
    if device.last_sent_at is not None and code_still_usable:
        allowed_at = device.last_sent_at + timedelta(seconds=settings.SIGN_IN_CODE_RESEND_SECONDS)
        if now < allowed_at:
            raise ResendTooSoon(allowed_at)

    device.generate_token(length=6, valid_secs=settings.SIGN_IN_CODE_VALID_SECONDS, commit=False)
    device.last_sent_at = now
    device.save()
    minutes = settings.SIGN_IN_CODE_VALID_SECONDS // 60
    if channel == CodeDevice.Channel.TEXT:
        send_text(to=user.mobile, body=f"{device.token} is your {settings.SITE_NAME} sign-in code. It expires in {minutes} minutes.")
    else:
        queue_templated_email(
            to=user.email, template="sign_in_code", context={"user": user, "code": device.token, "minutes": minutes}
        )
    logger.info("Sign-in code sent to user %s by %s", user.pk, channel)
    return device


def check_code(device: CodeDevice, code: str, *, now: datetime | None = None) -> CodeCheck:
    """Check a code: accept it once if it matches and is in date."""
    now = now or timezone.now()
    if device.token and device.valid_until <= now:
        return CodeCheck(accepted=False, expired=True)
    return CodeCheck(accepted=device.verify_token(code.strip()))


def record_wrong_code(request: HttpRequest, user: User) -> None:
    """Count a wrong code as a failed sign-in, so 5 of them lock the account as wrong passwords do."""
    user_login_failed.send(sender=__name__, credentials={"username": user.username}, request=request)
    logger.info("Wrong sign-in code for user %s", user.pk)


# The pending sign-in, kept in the session between the password and the code.


def start_pending_sign_in(request: HttpRequest, user: User, next_url: str = "") -> None:
    request.session.cycle_key()
    request.session[PENDING_SESSION_KEY] = {
        "user": user.pk,
        "started": timezone.now().timestamp(),
        "next": next_url,
        "channel": "",
    }


def pending_sign_in(request: HttpRequest) -> dict | None:
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending:
        return None
    if timezone.now().timestamp() - pending["started"] > PENDING_SIGN_IN_SECONDS:
        del request.session[PENDING_SESSION_KEY]
        return None
    return pending


def pending_user(request: HttpRequest) -> User | None:
    pending = pending_sign_in(request)
    if pending is None:
        return None
    return User.objects.filter(pk=pending["user"], is_active=True).first()


def set_pending_channel(request: HttpRequest, channel: str) -> None:
    pending = dict(request.session[PENDING_SESSION_KEY])
    pending["channel"] = channel
    request.session[PENDING_SESSION_KEY] = pending


def cancel_pending_sign_in(request: HttpRequest) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)


def finish_sign_in(request: HttpRequest, user: User, device: CodeDevice) -> str:
    """Sign the person in as verified by the device; return where they were going."""
    next_url = request.session.get(PENDING_SESSION_KEY, {}).get("next", "")
    cancel_pending_sign_in(request)
    user.otp_device = device  # django_otp records the device in the session on login.
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    logger.info("User %s signed in with a code by %s", user.pk, device.channel)
    return next_url
