from django.conf import settings
from django.db import models
from django_otp.models import SideChannelDevice


class SecurityProfile(models.Model):
    """A person's two-factor choice, banner state and recovery mobile number."""

    class TwoFactor(models.TextChoices):
        OFF = "", "Off"
        EMAIL = "email", "Code by email"
        TEXT = "text", "Code by text message"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_profile")
    # The channel offered first at sign-in; empty means two-factor sign-in is off.
    two_factor = models.CharField(max_length=10, choices=TwoFactor.choices, blank=True, default="")
    two_factor_banner_hidden_until = models.DateTimeField(null=True, blank=True)
    # Used only to recover the account, never for sign-in codes.
    recovery_mobile = models.CharField("recovery mobile number", max_length=20, blank=True)

    def __str__(self) -> str:
        return f"Security profile of user {self.user_id}"

    @property
    def two_factor_on(self) -> bool:
        return bool(self.two_factor)


class CodeDevice(SideChannelDevice):
    """Sends one-time sign-in codes to a person by email or text message.

    django-otp's SideChannelDevice keeps one token and its expiry, so sending a
    new code replaces the previous one, and a verified code is cleared.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", "Email"
        TEXT = "text", "Text message"

    channel = models.CharField(max_length=10, choices=Channel.choices)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta(SideChannelDevice.Meta):
        constraints = [models.UniqueConstraint(fields=["user", "channel"], name="one_code_device_per_channel")]


class AddressLock(models.Model):
    """An address locked out of signing in to any account after password spraying."""

    ip_address = models.GenericIPAddressField(unique=True)
    locked_until = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.ip_address} locked until {self.locked_until:%Y-%m-%d %H:%M}"


class AddressFailure(models.Model):
    """One failed sign-in from an address, whatever the account, for the spraying count."""

    ip_address = models.GenericIPAddressField()
    failed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["ip_address", "failed_at"])]


class RecoveryRequest(models.Model):
    """One request on the account recovery page, kept for rate limiting."""

    ip_address = models.GenericIPAddressField(null=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)
    requested_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["ip_address", "requested_at"]), models.Index(fields=["user", "requested_at"])]


class SecurityAnswer(models.Model):
    """A person's answer to one security question, stored as a password hash."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="security_answers")
    question = models.CharField(max_length=40)
    answer_hash = models.CharField(max_length=200)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="one_answer_per_question")]


class TextMessage(models.Model):
    """A text message to one mobile number: the outbox for texts, whichever sender delivers it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    to = models.CharField(max_length=20)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    provider_reference = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Text to {self.to} ({self.status})"
