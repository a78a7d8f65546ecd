"""Signed, expiring, single-use links for setting a password.

A token carries the user's id and a digest of their current password hash and
last sign-in time. Setting a password or signing in changes that digest, so a
link works once; the signature's timestamp makes it expire.
"""

import hashlib

from django.core import signing

from accounts.models import User

SALTS = {"invitation": "accounts.invitation", "reset": "accounts.password-reset"}


def _state_digest(user: User) -> str:
    last_login = user.last_login.isoformat() if user.last_login else ""
    return hashlib.sha256(f"{user.password}|{last_login}|{user.is_active}".encode()).hexdigest()[:32]


def make_password_token(user: User, purpose: str) -> str:
    return signing.dumps({"user": user.pk, "state": _state_digest(user)}, salt=SALTS[purpose], compress=True)


def read_password_token(token: str, purpose: str, max_age_seconds: int) -> User | None:
    """Return the user a token was made for, or None if it is invalid, expired or used."""
    try:
        payload = signing.loads(token, salt=SALTS[purpose], max_age=max_age_seconds)
    except signing.BadSignature:  # SignatureExpired is a subclass.
        return None
    user = User.objects.filter(pk=payload.get("user"), is_active=True).first()
    if user is None or payload.get("state") != _state_digest(user):
        return None
    return user
