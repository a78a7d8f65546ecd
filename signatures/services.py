"""Sign content, detect later changes, withdraw signatures that no longer match.

Callers decide whose turn it is to sign; this module records signatures and
keeps them honest.
"""

import hashlib
import json
import logging
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from accounts.models import Role, User, role_in_sentence
from signatures.models import Signature

logger = logging.getLogger(__name__)


class SignatureError(Exception):
    """A signature that cannot be made, with a message fit to show the person."""


def canonical_content(data: dict[str, Any]) -> str:
    """Return the one text form of `data` that is signed: sorted keys, no spare spaces."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def content_digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def signatures_of(subject: models.Model, *, include_withdrawn: bool = False):
    content_type = ContentType.objects.get_for_model(subject)
    signatures = Signature.objects.filter(content_type=content_type, object_id=subject.pk).select_related("signer")
    if not include_withdrawn:
        signatures = signatures.filter(withdrawn_at__isnull=True)
    return signatures


def current_signature(subject: models.Model, role: Role) -> Signature | None:
    return signatures_of(subject).filter(role=role).order_by("-signed_at").first()


@transaction.atomic
def sign(
    *, subject: models.Model, signer: User, role: Role, content: str, ip_address: str | None
) -> Signature:
    """Record `signer`'s signature, in `role`, over `content`.

    Raises SignatureError if that role already has a current signature on the subject.
    """
    if current_signature(subject, role) is not None:
        raise SignatureError(f"This has already been signed by the {role_in_sentence(role)}.")
    signature = Signature.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        signer=signer,
        role=role,
        signed_at=timezone.now(),
        ip_address=ip_address,
        digest=content_digest(content),
        content=content,
    )
    logger.info(
        "Signature %s by user %s as %s on %s %s", signature.pk, signer.pk, role, subject._meta.label, subject.pk
    )
    return signature


@transaction.atomic
def withdraw_outdated(subject: models.Model, content: str, *, reason: str) -> list[Signature]:
    """Withdraw every current signature on `subject` that was not made over `content`.

    Call this whenever the signed thing is saved, so an edit after a signature
    never leaves that signature standing silently.
    """
    digest = content_digest(content)
    withdrawn = []
    for signature in signatures_of(subject).select_for_update():
        if signature.digest != digest:
            signature.withdrawn_at = timezone.now()
            signature.withdrawn_reason = reason
            signature.save(update_fields=["withdrawn_at", "withdrawn_reason"])
            withdrawn.append(signature)
            logger.info("Signature %s withdrawn: %s", signature.pk, reason)
    return withdrawn


def matches(signature: Signature, content: str) -> bool:
    """Return whether `content` is exactly what `signature` was made over."""
    return signature.digest == content_digest(content) and signature.content == content


@transaction.atomic
def withdraw_all(subject: models.Model, *, reason: str) -> list[Signature]:
    """Withdraw every current signature on `subject`, for example when it must be signed afresh."""
    withdrawn = []
    for signature in signatures_of(subject).select_for_update():
        signature.withdrawn_at = timezone.now()
        signature.withdrawn_reason = reason
        signature.save(update_fields=["withdrawn_at", "withdrawn_reason"])
        withdrawn.append(signature)
        logger.info("Signature %s withdrawn: %s", signature.pk, reason)
    return withdrawn
