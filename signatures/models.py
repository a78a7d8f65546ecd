from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models

from accounts.models import Role


class Signature(models.Model):
    """A digital signature: a person ticked "I confirm I am signing as ..." and
    confirmed, over the exact content shown to them.

    `content` is the canonical text that was signed and `digest` its SHA-256, so
    a later change to the signed thing can be detected and the signature withdrawn.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")

    signer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(max_length=20, choices=Role.choices)
    signed_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    digest = models.CharField("SHA-256 digest", max_length=64)
    content = models.TextField()

    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["signed_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.signer} as {self.get_role_display()} at {self.signed_at:%Y-%m-%d %H:%M}"

    @property
    def is_current(self) -> bool:
        return self.withdrawn_at is None
