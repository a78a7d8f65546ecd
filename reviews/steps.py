"""The pages of each kind of form, and how answers are shown and signed.

Answers are stored as the strings the browser sent, field by field, so a
draft keeps whatever the person typed, even an answer not yet valid. Each page
validates its answers in full when the person continues, and every page is
validated again before the form goes to the ECT.
"""

from dataclasses import dataclass

from django import forms

from ectm.forms import GovForm
from reviews.documents import check_document
from reviews.models import Question, QuestionSet, ReportForm
from schedule.models import Report

YES_NO = [("yes", "Yes"), ("no", "No")]
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %m %Y"]
DATE_HELP = "For example, 27/3/2027"

STATUTORY_ENTITLEMENTS = [
    "A reduced timetable: no more than 90% of a full teacher's timetable in the first year, and no more than 95% in the second year.",
    "Time off timetable for the ECT to take part in training and to meet their mentor.",
    "Training based on the Initial Teacher Training and Early Career Framework, over two years.",
    "A dedicated ECF mentor, with time to carry out the role.",
    "A dedicated induction tutor, who carries out the progress reviews and formal assessments.",
    "Regular observation of the ECT's teaching, with feedback.",
    "Professional progress conversations, as often as needed and at least each term.",
    "No demands that are unreasonable for an ECT, such as teaching outside their training or problem classes.",
]


def yes_no(label: str, help_text: str = "", required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=YES_NO, widget=forms.RadioSelect, help_text=help_text, required=required
    )


def long_text(label: str, help_text: str = "", required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=required, widget=forms.Textarea(attrs={"rows": 5})
    )


def date_field(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, help_text=DATE_HELP, required=required,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )


def require_when(form: forms.Form, condition: bool, field: str, message: str) -> None:
    """Add `message` to `field` when `condition` is true and the field is empty."""
    if condition and not form.cleaned_data.get(field):
        form.add_error(field, message)


class VersionedForm(GovForm):
    """A form that carries the version of the stored form it was shown with."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class StepForm(VersionedForm):
    def __init__(self, *args, report: Report, question_set: QuestionSet, **kwargs):
        self.report = report
        self.question_set = question_set
        super().__init__(*args, **kwargs)


class ContractForm(StepForm):
    contract_confirmed = yes_no(
        "Are the contract details shown above right for this term?",
        "If not, correct them on the ECT's record first.",
    )
    staying_next_term = yes_no("Is the ECT staying at your school next term?")
    leaving_date = date_field("If not, on what date does the ECT leave?")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.report.type != Report.Type.PROGRESS_REVIEW:
            del self.fields["staying_next_term"]
            del self.fields["leaving_date"]

    def clean(self):
        data = super().clean()
        require_when(self, data.get("contract_confirmed") == "no", "contract_confirmed",
                     "Correct the contract on the ECT's record, then answer yes")
        require_when(self, data.get("staying_next_term") == "no", "leaving_date", "Enter the date the ECT leaves")
        return data


class DaysForm(StepForm):
    days_served = forms.IntegerField(
        label="Days served in this period",
        min_value=0,
        max_value=366,
        help_text="Filled in from the school calendar and the ECT's days per week. Correct it if it is wrong.",
    )
    days_absent = forms.IntegerField(
        label="Days absent in this period",
        min_value=0,
        max_value=366,
        help_text="Absence of 30 days or more in one half of induction extends that half.",
    )


class TrainingForm(StepForm):
    ecf_training = yes_no("Has the ECT had access to training based on the Early Career Framework this term?")
    entitlements_met = yes_no("Has the ECT received all their statutory entitlements this term?")
    entitlements_details = long_text(
        "If not, which entitlements were missed and what is being done about it?", required=False
    )

    def clean(self):
        data = super().clean()
        require_when(self, data.get("entitlements_met") == "no", "entitlements_details",
                     "Say which entitlements were missed and what is being done")
        return data


class ProgressForm(StepForm):
    on_track = forms.ChoiceField(
        label="Is the ECT making satisfactory progress against the Teachers' Standards?",
        choices=[("on_track", "On track"), ("not_on_track", "Not on track")],
        widget=forms.RadioSelect,
    )
    progress_summary = long_text("Summary of progress this term", "What the ECT does well and what to work on next.")


class RecommendationForm(StepForm):
    recommendation = forms.ChoiceField(label="Recommendation", widget=forms.RadioSelect)
    recommendation_reasons = long_text(
        "Reasons for the recommendation", "Refer to the Teachers' Standards and the evidence you have seen."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["recommendation"]
        if self.report.is_final_assessment:
            field.label = "Recommendation against the Teachers' Standards at the end of induction"
            field.choices = [
                ("satisfactory", "Performance is satisfactory"),
                ("unsatisfactory", "Performance is unsatisfactory"),
                ("extension", "An extension to induction should be considered"),
            ]
        else:
            field.label = "Recommendation against the Teachers' Standards at this first assessment"
            field.choices = [("on_track", "On track"), ("not_on_track", "Not on track")]


SUPPORT_PLAN_HELP = (
    "The support the ECT will have next term: who gives it, what it is and how progress will be checked. "
    "Required when the ECT is not on track."
)


class SupportPlanForm(StepForm):
    """The support plan, typed in or, where the AB asks for it, uploaded as a document."""

    support_plan = long_text("Support plan", SUPPORT_PLAN_HELP, required=False)
    support_plan_document = forms.FileField(
        label="Support plan document",
        help_text=SUPPORT_PLAN_HELP + " A PDF or Word document of at most 10 MB.",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.question_set.support_plan_as_document:
            del self.fields["support_plan"]
        else:
            del self.fields["support_plan_document"]

    def clean_support_plan_document(self):
        upload = self.cleaned_data.get("support_plan_document")
        if upload and hasattr(upload, "read"):
            check_document(upload)
        return upload

    def clean(self):
        data = super().clean()
        answers = getattr(self, "all_answers", {})
        not_on_track = answers.get("on_track") == "not_on_track"
        if "support_plan" in self.fields:
            require_when(self, not_on_track, "support_plan", "Enter a support plan, because the ECT is not on track")
        elif not_on_track and not (data.get("support_plan_document") or answers.get("support_plan_document")):
            self.add_error("support_plan_document", "Upload the support plan, because the ECT is not on track")
        return data


class NextContractForm(StepForm):
    next_contract_same = yes_no("Will the ECT's contract be the same next term?")
    next_contract_details = long_text(
        "If not, what changes?", "For example, days per week, a new end date or a change of school.", required=False
    )

    def clean(self):
        data = super().clean()
        require_when(self, data.get("next_contract_same") == "no", "next_contract_details",
                     "Say how the contract changes next term")
        return data


class NextTermForm(StepForm):
    next_term = forms.ChoiceField(
        label="Next term, the ECT is",
        choices=[("staying", "Staying at this school"), ("leaving", "Leaving this school")],
        widget=forms.RadioSelect,
    )
    leaving_date = date_field("If leaving, on what date?")
    leaving_reason = forms.CharField(label="If leaving, why?", required=False, max_length=300)
    next_school = forms.CharField(
        label="If leaving, the school they are going to (if known)", required=False, max_length=200
    )
    next_contract_details = long_text(
        "Changes to the contract next term, if any", "For example, days per week.", required=False
    )

    def clean(self):
        data = super().clean()
        leaving = data.get("next_term") == "leaving"
        require_when(self, leaving, "leaving_date", "Enter the date the ECT leaves")
        require_when(self, leaving, "leaving_reason", "Say why the ECT is leaving")
        return data


class InterimProgressForm(StepForm):
    progress_since_last = long_text(
        "Progress since the last assessment",
        "The ECT's progress against the Teachers' Standards since their last formal assessment.",
    )


class QuestionsForm(StepForm):
    """The AB's own questions, from the question set the form started with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in self.question_set.questions.all():
            self.fields[question.field_name] = question_field(question)


def question_field(question: Question) -> forms.Field:
    common = {"label": question.text, "help_text": question.help_text, "required": question.required}
    if question.kind == Question.Kind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), **common)
    if question.kind == Question.Kind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    if question.kind == Question.Kind.CHOICE:
        options = question.choice_list()
        return forms.ChoiceField(choices=[(option, option) for option in options], widget=forms.RadioSelect, **common)
    return forms.CharField(max_length=500, **common)


class CommentsForm(VersionedForm):
    ect_comments = forms.CharField(
        label="Your comments",
        help_text="Your view of your progress and of the support you have had. Optional.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    form_class: type[StepForm]


PROGRESS_REVIEW_STEPS = [
    Step("contract", "This term's contract", ContractForm),
    Step("days", "Days served and absent", DaysForm),
    Step("training", "Training and entitlements", TrainingForm),
    Step("progress", "Progress", ProgressForm),
    Step("questions", "Appropriate body's questions", QuestionsForm),
    Step("support", "Support plan", SupportPlanForm),
    Step("next-contract", "Next term's contract", NextContractForm),
]
ASSESSMENT_STEPS = [
    Step("contract", "This term's contract", ContractForm),
    Step("days", "Days served and absent", DaysForm),
    Step("recommendation", "Recommendation", RecommendationForm),
    Step("questions", "Appropriate body's questions", QuestionsForm),
    Step("next-term", "Next term", NextTermForm),
]
INTERIM_STEPS = [
    Step("progress", "Progress since the last assessment", InterimProgressForm),
    Step("days", "Days served and absent", DaysForm),
    Step("questions", "Appropriate body's questions", QuestionsForm),
]
STEPS = {
    Report.Type.PROGRESS_REVIEW: PROGRESS_REVIEW_STEPS,
    Report.Type.ASSESSMENT: ASSESSMENT_STEPS,
    Report.Type.INTERIM_ASSESSMENT: INTERIM_STEPS,
}


def steps_for(report: Report) -> list[Step]:
    return STEPS[Report.Type(report.type)]


def step_by_key(report: Report, key: str) -> Step | None:
    return next((step for step in steps_for(report) if step.key == key), None)


def build_step_form(
    step: Step, form: ReportForm, data=None, kept_input: dict | None = None, files=None
) -> StepForm:
    """Return the page's form, bound to `data`, or else filled with the saved answers.

    `kept_input` overrides saved answers, to show someone's rejected input back to them.
    """
    initial = {**form.answers, **(kept_input or {}), "version": form.version}
    step_form = step.form_class(
        data=data, files=files, initial=initial, report=form.report, question_set=form.question_set
    )
    step_form.all_answers = {**form.answers, **(data.dict() if data is not None else {})}
    return step_form


def raw_answers(step_form: StepForm, data) -> dict[str, str]:
    """Return this page's fields as sent, including empty ones, so a cleared answer is saved as cleared."""
    return {
        name: data.get(name, "").strip()
        for name, field in step_form.fields.items()
        if name != "version"
        and not isinstance(field, forms.FileField)
        and (name in data or name in step_form.initial)
    }


def step_errors(form: ReportForm) -> list[tuple[Step, dict]]:
    """Return each page whose saved answers are not complete and valid, with its errors."""
    incomplete = []
    for step in steps_for(form.report):
        step_form = build_step_form(step, form, data=_as_query(form.answers))
        if not step_form.is_valid():
            incomplete.append((step, step_form.errors))
    return incomplete


class _AnswerData(dict):
    def dict(self):
        return dict(self)


def _as_query(answers: dict) -> _AnswerData:
    return _AnswerData({key: value for key, value in answers.items() if value not in (None, "")})


def display_value(field: forms.Field, raw) -> str:
    if raw in (None, "") or isinstance(raw, dict):
        return ""
    choices = dict(getattr(field, "choices", []) or [])
    if choices:
        return str(choices.get(raw, raw))
    return str(raw)


def answer_sections(form: ReportForm) -> list[dict]:
    """Return the answers page by page, as the wording asked and the answer given.

    An optional question left empty is left out; a required one shows as not answered.
    """
    sections = []
    for step in steps_for(form.report):
        step_form = build_step_form(step, form)
        rows = []
        for name, field in step_form.fields.items():
            if name == "version":
                continue
            value = display_value(field, form.answers.get(name))
            if not value and not field.required:
                continue
            rows.append({"name": name, "label": str(field.label), "value": value})
        sections.append({"key": step.key, "title": step.title, "rows": rows})
    return sections
