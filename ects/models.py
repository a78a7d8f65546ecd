from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from organisations.models import School


class ECT(models.Model):
    """An early career teacher's induction at one school."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Registration not finished"
        AWAITING_SIGNATURE = "awaiting_signature", "Waiting for head teacher's signature"
        AWAITING_AB = "awaiting_ab", "Waiting for appropriate body"
        RETURNED = "returned", "Returned by appropriate body"
        IN_PROGRESS = "in_progress", "Induction in progress"
        LEFT = "left", "Left school"
        PASSED = "passed", "Passed"
        FAILED = "failed", "Failed"

    class ContractType(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        TEMPORARY = "temporary", "Temporary"

    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="ects")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="ect_record"
    )
    tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="tutored_ects"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    trn = models.CharField(
        "TRN", max_length=7, validators=[RegexValidator(r"^\d{7}$", "Enter the TRN as 7 digits.")]
    )
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)

    induction_start_date = models.DateField(null=True, blank=True)
    days_per_week = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        default=Decimal("5"),
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("5"))],
    )
    contract_type = models.CharField(max_length=10, choices=ContractType.choices, default=ContractType.PERMANENT)
    leaving_date = models.DateField(null=True, blank=True)
    mentor_name = models.CharField("ECF mentor name", max_length=200, blank=True)
    mentor_email = models.EmailField("ECF mentor email", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "ECT"
        verbose_name_plural = "ECTs"

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"
