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
