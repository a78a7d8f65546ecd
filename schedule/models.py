from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ects.models import ECT


class Report(models.Model):
    """One progress review or assessment in an ECT's induction timetable."""

    class Type(models.TextChoices):
        PROGRESS_REVIEW = "P", "Progress review"
        ASSESSMENT = "A", "Formal assessment"
        INTERIM_ASSESSMENT = "I", "Interim assessment"

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="reports")
    type = models.CharField(max_length=1, choices=Type.choices)
    # 1 for the first formal assessment (3 FTE terms), 2 for the final one (6 FTE terms).
    assessment_number = models.PositiveSmallIntegerField(null=True, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    earliest_send_date = models.DateField(help_text="The first day the form may go to the ECT.")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["ect", "period_start"]

    def __str__(self) -> str:
        return f"{self.get_type_display()} for {self.ect}, {self.period_start} to {self.period_end}"

    @property
    def is_final_assessment(self) -> bool:
        return self.type == self.Type.ASSESSMENT and self.assessment_number == 2


class AcademicYear(models.Model):
    """Term dates for one academic year (1 September to 31 August).

    An appropriate body keeps one calendar per year for all its schools. A
    calendar with `school` set overrides the AB's calendar for that school.
    """

    appropriate_body = models.ForeignKey(
        "organisations.AppropriateBody", on_delete=models.CASCADE, related_name="academic_years"
    )
    school = models.ForeignKey(
        "organisations.School",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="academic_years",
        help_text="Leave empty for the dates every school uses; choose a school to override them for it.",
    )
    start_year = models.PositiveSmallIntegerField(help_text="The year the academic year starts, like 2025 for 2025-26.")

    class Meta:
        ordering = ["start_year", "school__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["appropriate_body", "start_year"],
                condition=models.Q(school__isnull=True),
                name="one_ab_calendar_per_year",
            ),
            models.UniqueConstraint(fields=["school", "start_year"], name="one_school_calendar_per_year"),
        ]

    def __str__(self) -> str:
        suffix = f" ({self.school.name})" if self.school_id else ""
        return f"{self.label}{suffix}"

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start_year, 9, 1)

    @property
    def last_day(self) -> date:
        return date(self.start_year + 1, 8, 31)


class Term(models.Model):
    class Name(models.TextChoices):
        AUTUMN = "autumn", "Autumn term"
        SPRING = "spring", "Spring term"
        SUMMER = "summer", "Summer term"

    academic_year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=10, choices=Name.choices)
    start_date = models.DateField()
    end_date = models.DateField()
    half_term_start = models.DateField(null=True, blank=True)
    half_term_end = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["start_date"]
        constraints = [models.UniqueConstraint(fields=["academic_year", "name"], name="one_term_of_each_name")]

    def __str__(self) -> str:
        return f"{self.get_name_display()} {self.academic_year.label}"


class Closure(models.Model):
    """Days inside a term when the school is closed: INSET days and one-off closures."""

    class Kind(models.TextChoices):
        INSET = "inset", "INSET day"
        OTHER = "other", "Other closure"

    academic_year = models.ForeignKey(AcademicYear, on_delete=models.CASCADE, related_name="closures")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.INSET)
    start_date = models.DateField()
    end_date = models.DateField()
    description = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start_date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_date}"


class ContractChange(models.Model):
    """From `starts_on`, the ECT works `days_per_week` days a week."""

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="contract_changes")
    starts_on = models.DateField()
    days_per_week = models.DecimalField(
        max_digits=2,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("5"))],
    )

    class Meta:
        ordering = ["starts_on"]
        constraints = [models.UniqueConstraint(fields=["ect", "starts_on"], name="one_contract_change_a_day")]


class Absence(models.Model):
    class Kind(models.TextChoices):
        SICKNESS = "sickness", "Sickness"
        OTHER = "other", "Other absence"
        MATERNITY = "maternity", "Statutory maternity leave"
        PATERNITY = "paternity", "Statutory paternity leave"
        ADOPTION = "adoption", "Statutory adoption leave"
        SHARED_PARENTAL = "shared_parental", "Statutory shared parental leave"
        PARENTAL_BEREAVEMENT = "parental_bereavement", "Statutory parental bereavement leave"
        CARERS = "carers", "Statutory carer's leave"

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.SICKNESS)
    start_date = models.DateField()
    end_date = models.DateField()
    ect_chose_extension = models.BooleanField(
        "The ECT chose to extend induction by this leave",
        default=False,
        help_text="Only for statutory leave: other absence of 30 days or more extends induction anyway.",
    )
    note = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start_date} to {self.end_date}"

    @property
    def is_statutory_leave(self) -> bool:
        return self.kind not in {self.Kind.SICKNESS, self.Kind.OTHER}


class Extension(models.Model):
    """An extension of induction by a number of FTE terms, decided by the AB."""

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="extensions")
    fte_terms = models.DecimalField("FTE terms", max_digits=3, decimal_places=1)
    decided_on = models.DateField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["decided_on"]


class ReportRule(models.Model):
    """When a report of one type may go to the ECT and when it is due, relative to its period end."""

    appropriate_body = models.ForeignKey(
        "organisations.AppropriateBody", on_delete=models.CASCADE, related_name="report_rules"
    )
    report_type = models.CharField(max_length=1, choices=Report.Type.choices)
    earliest_send_offset = models.SmallIntegerField(
        "Earliest send: days from the period end",
        help_text="Negative for days before the period ends, like -10.",
    )
    due_offset = models.SmallIntegerField(
        "Due: days from the period end", help_text="Positive for days after the period ends, like 10."
    )
    working_days = models.BooleanField(
        "Count working days", default=True, help_text="Count Monday to Friday, not bank holidays, instead of every day."
    )

    class Meta:
        ordering = ["report_type"]
        constraints = [
            models.UniqueConstraint(fields=["appropriate_body", "report_type"], name="one_rule_per_report_type")
        ]

    def __str__(self) -> str:
        return f"{self.get_report_type_display()} rule for {self.appropriate_body}"
