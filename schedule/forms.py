from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms

from ectm.forms import GovForm, GovModelForm
from schedule.calendar_rules import TERM_LABELS, TERM_NAMES, TermDates, check_closure, check_terms
from schedule.models import AcademicYear, Absence, Closure, ContractChange, Report, ReportRule


class NamedDateField(DateInputField):
    """A GOV.UK day, month and year input whose messages name the date asked for."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(**kwargs)
        self.what = what
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what} as a day, month and year"
        self.error_messages["invalid"] = f"Enter {what} as a real date, like 1 9 2025"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            return date(day=int(day), month=int(month), year=int(year))
        except ValueError:
            raise forms.ValidationError(f"Enter {self.what} as a real date, like 1 9 2025", code="invalid")


def date_layout(name: str) -> Field:
    return Field(name, context={"fieldset": {"legend_size": Size.SMALL}})


class AcademicYearForm(GovForm):
    """An academic year's three terms, each with an optional half term."""

    start_year = forms.TypedChoiceField(
        label="Academic year",
        coerce=int,
        error_messages={"required": "Choose the academic year"},
    )
    school = forms.ModelChoiceField(
        label="Which schools use these dates?",
        queryset=None,
        required=False,
        empty_label="Every school (the appropriate body's dates)",
        help_text="Choose a school only to override the dates for that school.",
    )

    def __init__(self, *args, appropriate_body, instance: AcademicYear | None = None, **kwargs):
        self.appropriate_body = appropriate_body
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from_year(instance)
        super().__init__(*args, **kwargs)
        this_year = date.today().year
        self.fields["start_year"].choices = [
            (year, f"{year}-{(year + 1) % 100:02d}") for year in range(this_year - 4, this_year + 3)
        ]
        self.fields["school"].queryset = appropriate_body.schools.order_by("name")

        layout = [Field.select("start_year"), Field.select("school")]
        for name in TERM_NAMES:
            label = TERM_LABELS[name]
            self.fields[f"{name}_start"] = NamedDateField(
                what=f"the date the {label.lower()} starts", label="First day", require_all_fields=False
            )
            self.fields[f"{name}_end"] = NamedDateField(
                what=f"the date the {label.lower()} ends", label="Last day", require_all_fields=False
            )
            self.fields[f"{name}_half_term_start"] = NamedDateField(
                what=f"the first day of the {label.lower()} half term",
                label="Half term: first day off",
                required=False,
                require_all_fields=False,
            )
            self.fields[f"{name}_half_term_end"] = NamedDateField(
                what=f"the last day of the {label.lower()} half term",
                label="Half term: last day off",
                required=False,
                require_all_fields=False,
            )
            layout.append(
                Fieldset(
                    date_layout(f"{name}_start"),
                    date_layout(f"{name}_end"),
                    date_layout(f"{name}_half_term_start"),
                    date_layout(f"{name}_half_term_end"),
                    legend=label,
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper.layout = Layout(*layout)

    def clean(self):
        cleaned = super().clean()
        start_year = cleaned.get("start_year")
        school = cleaned.get("school")
        if start_year is None:
            return cleaned

        clash = AcademicYear.objects.filter(appropriate_body=self.appropriate_body, start_year=start_year, school=school)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            whose = school.name if school else "every school"
            self.add_error(
                "start_year",
                f"Term dates for {start_year}-{(start_year + 1) % 100:02d} for {whose} already exist. "
                "Change those instead.",
            )
            return cleaned

        terms = [
            TermDates(
                name,
                cleaned.get(f"{name}_start"),
                cleaned.get(f"{name}_end"),
                cleaned.get(f"{name}_half_term_start"),
                cleaned.get(f"{name}_half_term_end"),
            )
            for name in TERM_NAMES
        ]
        # A date that failed to parse already has its own message.
        for field, message in check_terms(start_year, terms):
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned

    def terms(self) -> list[TermDates]:
        return [
            TermDates(
                name,
                self.cleaned_data[f"{name}_start"],
                self.cleaned_data[f"{name}_end"],
                self.cleaned_data.get(f"{name}_half_term_start"),
                self.cleaned_data.get(f"{name}_half_term_end"),
            )
            for name in TERM_NAMES
        ]


def initial_from_year(year: AcademicYear) -> dict:
    initial = {"start_year": year.start_year, "school": year.school_id}
    for term in year.terms.all():
        initial[f"{term.name}_start"] = term.start_date
        initial[f"{term.name}_end"] = term.end_date
        initial[f"{term.name}_half_term_start"] = term.half_term_start
        initial[f"{term.name}_half_term_end"] = term.half_term_end
    return initial


class ClosureForm(GovModelForm):
    start_date = NamedDateField(what="the first day of the closure", label="First day closed", require_all_fields=False)
    end_date = NamedDateField(
        what="the last day of the closure",
        label="Last day closed",
        help_text="The same as the first day for a closure of one day.",
        require_all_fields=False,
    )

    class Meta:
        model = Closure
        fields = ["kind", "start_date", "end_date", "description"]
        labels = {"kind": "Type of closure", "description": "Description (optional)"}

    def __init__(self, *args, academic_year: AcademicYear, **kwargs):
        super().__init__(*args, **kwargs)
        self.academic_year = academic_year
        self.fields["kind"].widget = forms.RadioSelect(choices=Closure.Kind.choices)
        self.helper.layout = Layout(
            Field.radios("kind", legend_size=Size.SMALL),
            date_layout("start_date"),
            date_layout("end_date"),
            Field.text("description"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start is None or end is None:
            return cleaned
        terms = [(term.start_date, term.end_date) for term in self.academic_year.terms.all()]
        others = self.academic_year.closures.exclude(pk=self.instance.pk)
        for field, message in check_closure(start, end, terms, [(c.start_date, c.end_date) for c in others]):
            self.add_error(field, message)
        return cleaned


class ReportRuleForm(GovForm):
    """Earliest-send and due-date offsets for every report type at once."""

    def __init__(self, *args, rules: dict[str, ReportRule], **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for report_type, label in Report.Type.choices:
            rule = rules[report_type]
            self.fields[f"{report_type}_earliest"] = forms.IntegerField(
                label="Earliest date the form may go to the ECT: days from the period end",
                # A text input, because number inputs on phones often lack a minus key.
                widget=forms.TextInput(attrs={"spellcheck": "false"}),
                help_text="Negative for days before the period ends, like -10.",
                initial=rule.earliest_send_offset,
                min_value=-120,
                max_value=120,
                error_messages={
                    "required": f"Enter the earliest send days for the {label.lower()}",
                    "invalid": f"Enter the earliest send days for the {label.lower()} as a whole number, like -10",
                    "min_value": f"The earliest send days for the {label.lower()} must be -120 or more",
                    "max_value": f"The earliest send days for the {label.lower()} must be 120 or fewer",
                },
            )
            self.fields[f"{report_type}_due"] = forms.IntegerField(
                label="Due date: days from the period end",
                widget=forms.TextInput(attrs={"spellcheck": "false"}),
                help_text="Positive for days after the period ends, like 10.",
                initial=rule.due_offset,
                min_value=-120,
                max_value=120,
                error_messages={
                    "required": f"Enter the due days for the {label.lower()}",
                    "invalid": f"Enter the due days for the {label.lower()} as a whole number, like 10",
                    "min_value": f"The due days for the {label.lower()} must be -120 or more",
                    "max_value": f"The due days for the {label.lower()} must be 120 or fewer",
                },
            )
            self.fields[f"{report_type}_working_days"] = forms.BooleanField(
                label="Count working days only (Monday to Friday, not bank holidays)",
                required=False,
                initial=rule.working_days,
            )
            layout.append(
                Fieldset(
                    Field.text(f"{report_type}_earliest", field_width=4),
                    Field.text(f"{report_type}_due", field_width=4),
                    Field.checkbox(f"{report_type}_working_days"),
                    legend=label,
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper.layout = Layout(*layout)

    def clean(self):
        cleaned = super().clean()
        for report_type, label in Report.Type.choices:
            earliest, due = cleaned.get(f"{report_type}_earliest"), cleaned.get(f"{report_type}_due")
            if earliest is not None and due is not None and due < earliest:
                self.add_error(
                    f"{report_type}_due",
                    f"The {label.lower()} cannot be due before the earliest date it may go to the ECT.",
                )
        return cleaned


class ReportChangeForm(GovModelForm):
    """The AB's changes to one report: its type and dates."""

    period_start = NamedDateField(what="the first day of the period", label="Period start", require_all_fields=False)
    period_end = NamedDateField(what="the last day of the period", label="Period end", require_all_fields=False)
    earliest_send_date = NamedDateField(
        what="the earliest date the form may go to the ECT",
        label="Earliest date the form may go to the ECT",
        require_all_fields=False,
    )
    due_date = NamedDateField(what="the due date", label="Due date", require_all_fields=False)

    class Meta:
        model = Report
        fields = ["type", "assessment_number", "period_start", "period_end", "earliest_send_date", "due_date"]
        labels = {"type": "Type of report", "assessment_number": "Which formal assessment"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].widget = forms.RadioSelect(choices=Report.Type.choices)
        self.fields["assessment_number"] = forms.TypedChoiceField(
            label="Which formal assessment",
            choices=[("", "Not a formal assessment"), (1, "First formal assessment"), (2, "Final assessment")],
            coerce=int,
            empty_value=None,
            required=False,
            help_text="Only for a formal assessment.",
        )
        self.helper.layout = Layout(
            Field.radios("type", legend_size=Size.SMALL),
            Field.select("assessment_number"),
            date_layout("period_start"),
            date_layout("period_end"),
            date_layout("earliest_send_date"),
            date_layout("due_date"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "The period must end on or after the day it starts.")
        earliest, due = cleaned.get("earliest_send_date"), cleaned.get("due_date")
        if earliest and due and due < earliest:
            self.add_error("due_date", "The due date must be on or after the earliest date the form may go to the ECT.")
        report_type, number = cleaned.get("type"), cleaned.get("assessment_number")
        if report_type == Report.Type.ASSESSMENT and number is None:
            self.add_error("assessment_number", "Choose which formal assessment this is.")
        if report_type and report_type != Report.Type.ASSESSMENT:
            cleaned["assessment_number"] = None
        return cleaned


class AbsenceForm(GovModelForm):
    start_date = NamedDateField(what="the first day of absence", label="First day absent", require_all_fields=False)
    end_date = NamedDateField(what="the last day of absence", label="Last day absent", require_all_fields=False)

    class Meta:
        model = Absence
        fields = ["kind", "start_date", "end_date", "ect_chose_extension", "note"]
        labels = {"kind": "Type of absence", "note": "Note (optional)"}

    def __init__(self, *args, ect, **kwargs):
        super().__init__(*args, **kwargs)
        self.ect = ect
        self.helper.layout = Layout(
            Field.select("kind"),
            date_layout("start_date"),
            date_layout("end_date"),
            Field.checkbox("ect_chose_extension"),
            Field.text("note"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", "The absence must end on or after its first day.")
            else:
                overlapping = (
                    Absence.objects.filter(ect=self.ect, start_date__lte=end, end_date__gte=start)
                    .exclude(pk=self.instance.pk)
                    .first()
                )
                if overlapping:
                    self.add_error(
                        "start_date",
                        f"This absence overlaps the one from {overlapping.start_date:%d %B %Y} "
                        f"to {overlapping.end_date:%d %B %Y}. Change that one instead.",
                    )
        kind = cleaned.get("kind")
        if kind in {Absence.Kind.SICKNESS, Absence.Kind.OTHER} and cleaned.get("ect_chose_extension"):
            self.add_error(
                "ect_chose_extension",
                "Only statutory leave is the ECT's choice. Untick this: other absence of 30 days or more "
                "extends induction anyway.",
            )
        return cleaned


class ContractChangeForm(GovModelForm):
    starts_on = NamedDateField(
        what="the date the new days per week start", label="New days per week start on", require_all_fields=False
    )

    class Meta:
        model = ContractChange
        fields = ["starts_on", "days_per_week"]
        labels = {"days_per_week": "Days per week from that date"}
        help_texts = {"days_per_week": "From 0.5 to 5, in tenths of a day, like 2.5."}
        error_messages = {
            "days_per_week": {
                "required": "Enter the days per week",
                "invalid": "Enter the days per week as a number, like 2.5",
                "min_value": "Days per week must be 0.5 or more",
                "max_value": "Days per week must be 5 or fewer",
                "max_decimal_places": "Enter the days per week to one decimal place, like 2.5",
                "max_digits": "Enter the days per week to one decimal place, like 2.5",
            }
        }

    def __init__(self, *args, ect, **kwargs):
        super().__init__(*args, **kwargs)
        self.ect = ect
        self.fields["days_per_week"].widget = forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})
        self.helper.layout = Layout(date_layout("starts_on"), Field.text("days_per_week", field_width=4))

    def clean(self):
        cleaned = super().clean()
        starts_on = cleaned.get("starts_on")
        if starts_on is None:
            return cleaned
        start = self.ect.induction_start_date
        if start is not None and starts_on <= start:
            self.add_error(
                "starts_on",
                f"The change must start after induction starts ({start:%-d %B %Y}). "
                "Change the days per week on the contract instead.",
            )
        elif ContractChange.objects.filter(ect=self.ect, starts_on=starts_on).exclude(pk=self.instance.pk).exists():
            self.add_error("starts_on", f"A change already starts on {starts_on:%-d %B %Y}. Remove that one first.")
        return cleaned
