from decimal import Decimal

from django import forms

from ectm.forms import GovForm, GovModelForm
from reviews.models import Outcome, Question
from signatures.forms import SignForm


class FormSignForm(SignForm):
    """The signature tick, with the version of the form the signer read."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SendForm(GovForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BulkSignForm(SignForm):
    """Sign several forms at once: one tick, then a separate signature on each form."""

    reports = forms.TypedMultipleChoiceField(coerce=int, widget=forms.MultipleHiddenInput)

    def __init__(self, *args, report_choices: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reports"].choices = [(pk, pk) for pk in report_choices]


class NoteForm(GovForm):
    note = forms.CharField(
        label="Appropriate body's note",
        help_text="Only appropriate body staff see this note.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class OutcomeForm(GovForm):
    decision = forms.ChoiceField(
        label="Outcome of induction",
        choices=[
            (Outcome.Decision.PASS, "Pass: the ECT has met the Teachers' Standards"),
            (Outcome.Decision.FAIL, "Fail: the ECT has not met the Teachers' Standards"),
            (Outcome.Decision.EXTENSION, "Extend the induction"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of induction"},
    )
    extension_terms = forms.DecimalField(
        label="Length of the extension, in full-time-equivalent terms",
        help_text="To one decimal place, for example 1.5. Only for an extension.",
        required=False,
        # Two digits with one decimal place also caps the extension at 9.9 terms.
        min_value=Decimal("0.1"),
        max_digits=2,
        decimal_places=1,
        error_messages={
            "invalid": "Enter the length of the extension as a number of terms, for example 1.5",
            "min_value": "Enter an extension of at least 0.1 terms",
            "max_digits": "Enter the length of the extension to one decimal place and no more than 9.9 terms",
            "max_decimal_places": "Enter the length of the extension to one decimal place, for example 1.5",
            "max_whole_digits": "Enter an extension of 9.9 terms or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
    )

    def clean(self):
        data = super().clean()
        if "extension_terms" in self.errors:
            return data
        if data.get("decision") == Outcome.Decision.EXTENSION and not data.get("extension_terms"):
            self.add_error("extension_terms", "Enter the length of the extension in terms, for example 1.5")
        return data


class QuestionForm(GovModelForm):
    class Meta:
        model = Question
        fields = ["text", "help_text", "kind", "choices", "required"]
        labels = {"text": "Question", "help_text": "Hint (optional)", "kind": "Type of answer",
                  "choices": "Options", "required": "The tutor must answer this question"}
        error_messages = {
            "text": {"required": "Enter the question"},
            "kind": {"required": "Select the type of answer"},
        }
        help_texts = {"choices": "Only for \"one choice from a list\": write each option on its own line."}
        widgets = {"kind": forms.RadioSelect, "choices": forms.Textarea(attrs={"rows": 4})}

    def clean(self):
        data = super().clean()
        if data.get("kind") == Question.Kind.CHOICE and len([c for c in data.get("choices", "").splitlines() if c.strip()]) < 2:
            self.add_error("choices", "Enter at least two options, each on its own line")
        return data


class VerifyForm(GovForm):
    pdf = forms.FileField(
        label="Form PDF",
        help_text="A PDF of a form downloaded from this service. At most 10 MB.",
        error_messages={"required": "Choose the PDF file to check"},
    )

    MAX_BYTES = 10 * 1024 * 1024

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 10 MB. Choose a form PDF from this service.")
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError("The file is not a PDF. Choose a form PDF from this service.")
        return upload
