from datetime import date
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
        REMOVED = "removed", "Removed: registered in error"

    class InductionType(models.TextChoices):
        STARTING = "starting", "Starting induction"
        CONTINUING = "continuing", "Continuing an induction started at another school"

    class Programme(models.TextChoices):
        PROVIDER_LED = "provider_led", "Provider-led"
        SCHOOL_LED = "school_led", "School-led"
        # Only records made before September 2025 hold these two.
        ACCREDITED_MATERIALS = "accredited_materials", "School-led with accredited materials"
        SCHOOL_DESIGNED = "school_designed", "School-designed"

    class RemovalReason(models.TextChoices):
        LEFT_SCHOOL = "left_school", "Left the school"
        REGISTERED_IN_ERROR = "registered_in_error", "Registered in error"

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

    trn = models.CharField("TRN", max_length=7, validators=[RegexValidator(r"^\d{7}$", "Enter the TRN as 7 digits.")])
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
    year_groups = models.JSONField("year groups taught", default=list, blank=True)
    subjects_taught = models.JSONField(default=list, blank=True)

    induction_type = models.CharField(max_length=20, choices=InductionType.choices, blank=True)

    training_institution = models.CharField("teacher training institution", max_length=50, blank=True)
    training_institution_other = models.CharField("name of the institution", max_length=200, blank=True)
    qualified_subjects = models.JSONField(default=list, blank=True)
    qualified_age_range = models.CharField(max_length=10, blank=True)
    qts_date = models.DateField("QTS award date", null=True, blank=True)
    dbs_checked = models.BooleanField("DBS checked", null=True, blank=True)
    references_sought = models.BooleanField(null=True, blank=True)
    skills_tests_passed = models.BooleanField(null=True, blank=True)

    address_line_1 = models.CharField(max_length=200, blank=True)
    address_line_2 = models.CharField(max_length=200, blank=True)
    town = models.CharField("town or city", max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)

    programme = models.CharField("training programme", max_length=30, choices=Programme.choices, blank=True)
    lead_provider = models.CharField(max_length=30, blank=True)
    delivery_partner = models.CharField(max_length=200, blank=True)
    programme_details = models.TextField("how the school delivers the training", blank=True)

    # The registration's progress: the wizard steps answered so far, by slug.
    completed_steps = models.JSONField(default=list, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The last Teaching Record System check, as shown to the school and the AB.
    trs_checked_at = models.DateTimeField(null=True, blank=True)
    trs_result = models.JSONField(default=dict, blank=True)
    # Set when a TRS check matched the TRN, date of birth and last name, which locks those fields.
    trs_verified_at = models.DateTimeField(null=True, blank=True)
    returned_reason = models.TextField(blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    authorised_at = models.DateTimeField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(null=True, blank=True)
    removal_reason = models.CharField(max_length=30, choices=RemovalReason.choices, blank=True)

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
        return f"{self.first_name} {self.last_name}".strip() or "New ECT"

    @property
    def is_registration_open(self) -> bool:
        """Whether the school may still change the registration through the wizard."""
        return self.status in REGISTRATION_STATUSES

    @property
    def is_trs_verified(self) -> bool:
        return self.trs_verified_at is not None

    @property
    def trs_qts_date(self) -> date | None:
        """The QTS date the last Teaching Record System check found, if any."""
        qts_date = (self.trs_result.get("record") or {}).get("qts_date")
        return date.fromisoformat(qts_date) if qts_date else None

    @property
    def address_lines(self) -> list[str]:
        lines = [self.address_line_1, self.address_line_2, self.town, self.postcode]
        return [line for line in lines if line]

    @property
    def training_institution_name(self) -> str:
        from ects.choices import OTHER_INSTITUTION, TRAINING_INSTITUTIONS

        if self.training_institution == OTHER_INSTITUTION:
            return self.training_institution_other
        return dict(TRAINING_INSTITUTIONS).get(self.training_institution, self.training_institution)


# Statuses in which the registration is not yet authorised by the AB.
REGISTRATION_STATUSES = frozenset(
    {ECT.Status.DRAFT, ECT.Status.AWAITING_SIGNATURE, ECT.Status.AWAITING_AB, ECT.Status.RETURNED}
)


class PreviousSchool(models.Model):
    """A school outside this AB where the ECT served part of their induction."""

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="previous_schools")
    name = models.CharField("school name", max_length=200)
    address = models.TextField()
    appropriate_body_name = models.CharField("appropriate body", max_length=200)
    start_date = models.DateField()
    terms_completed = models.DecimalField(
        "FTE terms completed",
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("6"))],
    )
    days_absent = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "pk"]

    def __str__(self) -> str:
        return f"{self.name} from {self.start_date}"


class ECTChange(models.Model):
    """One entry on an ECT's history: a changed field, or an event such as a signature."""

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    # The field's verbose name, or empty for an event.
    field = models.CharField(max_length=100, blank=True)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    event = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return self.event or f"{self.field}: {self.old_value} -> {self.new_value}"
