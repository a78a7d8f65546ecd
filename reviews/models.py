"""Progress review and assessment forms, the AB's question sets, and outcomes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from ects.models import ECT
from organisations.models import AppropriateBody
from schedule.models import Report


class QuestionSet(models.Model):
    """One version of an AB's own questions for one type of report.

    A version that a form has used is never changed: editing it makes the next
    version, so a form keeps the wording it was answered with.
    """

    appropriate_body = models.ForeignKey(AppropriateBody, on_delete=models.CASCADE, related_name="question_sets")
    report_type = models.CharField(max_length=1, choices=Report.Type.choices)
    version = models.PositiveIntegerField()
    # For progress reviews: the school uploads the support plan as a document instead of typing it.
    support_plan_as_document = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["appropriate_body", "report_type", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["appropriate_body", "report_type", "version"], name="one_question_set_version")
        ]

    def __str__(self) -> str:
        return f"{self.get_report_type_display()} questions, version {self.version}"

    @property
    def in_use(self) -> bool:
        return self.forms.exists()


class Question(models.Model):
    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", "Short text"
        LONG_TEXT = "long_text", "Long text"
        YES_NO = "yes_no", "Yes or no"
        CHOICE = "choice", "One choice from a list"

    question_set = models.ForeignKey(QuestionSet, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField("question", max_length=500)
    help_text = models.CharField(max_length=500, blank=True)
    required = models.BooleanField(default=True)
    # For "one choice from a list": the options, one a line.
    choices = models.TextField(blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        return f"question_{self.pk}"

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class ReportForm(models.Model):
    """The form filled in for one report: its answers, workflow stage and version.

    `version` goes up by one on every saved change, so a save made from an
    older version can be detected and rejected instead of overwriting.
    """

    class Stage(models.TextChoices):
        DRAFT = "draft", "Being filled in"
        ECT = "ect", "Waiting for the ECT's comments and signature"
        TUTOR = "tutor", "Waiting for the tutor's signature"
        HEAD_TEACHER = "head_teacher", "Waiting for the head teacher's signature"
        SUBMITTED = "submitted", "Sent to the appropriate body"

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="form")
    question_set = models.ForeignKey(QuestionSet, on_delete=models.PROTECT, related_name="forms")
    answers = models.JSONField(default=dict, blank=True)
    # Served only through a view that checks permission; its name and SHA-256 are in `answers`.
    support_plan_file = models.FileField(upload_to="support_plans/%Y/", blank=True)
    version = models.PositiveIntegerField(default=1)
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_to_ect_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    ab_note = models.TextField("appropriate body's note", blank=True)
    ab_note_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["report__period_start"]

    def __str__(self) -> str:
        return f"{self.report.get_type_display()} form for {self.report.ect}, {self.report.period_start:%B %Y}"

    @property
    def is_locked(self) -> bool:
        return self.stage == self.Stage.SUBMITTED

    @property
    def ect(self) -> ECT:
        return self.report.ect


class FormRevision(models.Model):
    """One saved change to a form: who, when, and each field's old and new value."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    # {field name: [old value, new value]}
    changes = models.JSONField(default=dict)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["form", "version"]
        constraints = [models.UniqueConstraint(fields=["form", "version"], name="one_revision_per_form_version")]


class IssuedPdf(models.Model):
    """A PDF copy of a form as the service produced it, by the SHA-256 of its bytes."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="issued_pdfs")
    form_version = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64, unique=True)
    content_digest = models.CharField(max_length=64)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")


class Outcome(models.Model):
    """The AB's decision on an induction after the final assessment."""

    class Decision(models.TextChoices):
        PASS = "pass", "Passed"
        FAIL = "fail", "Failed"
        EXTENSION = "extension", "Extended"

    ect = models.ForeignKey(ECT, on_delete=models.CASCADE, related_name="outcomes")
    final_assessment = models.OneToOneField(ReportForm, on_delete=models.PROTECT, related_name="outcome")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    # Only for an extension: its length in full-time-equivalent terms.
    extension_terms = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.1), MaxValueValidator(9.9)],
    )
    # 20 working days after the final assessment reached the AB.
    deadline = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        if self.decision == self.Decision.EXTENSION:
            return f"Extended by {self.extension_terms} terms"
        return self.get_decision_display()
