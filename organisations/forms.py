from django import forms

from accounts.models import Role
from ectm.forms import GovForm, GovModelForm
from organisations.models import AppropriateBody, School


class SchoolRegistrationForm(GovModelForm):
    """A school applying to join, with the first person who will run it."""

    contact_role = forms.ChoiceField(
        label="Your role at the school",
        widget=forms.RadioSelect,
        choices=[(Role.HEAD_TEACHER.value, Role.HEAD_TEACHER.label), (Role.INDUCTION_LEAD.value, Role.INDUCTION_LEAD.label)],
        error_messages={"required": "Select your role at the school"},
    )
    contact_first_name = forms.CharField(
        label="Your first name", max_length=100, error_messages={"required": "Enter your first name"}
    )
    contact_last_name = forms.CharField(
        label="Your last name", max_length=100, error_messages={"required": "Enter your last name"}
    )
    contact_email = forms.EmailField(
        label="Your email address",
        help_text="When your appropriate body approves the school, we send a link here to set your password.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )

    class Meta:
        model = School
        fields = [
            "urn",
            "name",
            "address_line_1",
            "address_line_2",
            "town",
            "postcode",
            "local_authority",
            "phase",
            "appropriate_body",
        ]
        labels = {
            "name": "School name",
            "address_line_1": "Address line 1",
            "address_line_2": "Address line 2 (optional)",
            "town": "Town or city",
            "appropriate_body": "Appropriate body",
        }
        widgets = {"phase": forms.RadioSelect}
        error_messages = {
            "urn": {
                "required": "Enter the school's URN",
                "unique": "A school with this URN is already registered. Ask its head teacher or induction lead to add you.",
            },
            "name": {"required": "Enter the school's name"},
            "address_line_1": {"required": "Enter the first line of the school's address"},
            "town": {"required": "Enter the town or city"},
            "postcode": {"required": "Enter the postcode"},
            "local_authority": {"required": "Enter the local authority"},
            "phase": {"required": "Select the school's phase"},
            "appropriate_body": {"required": "Select your appropriate body"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["appropriate_body"].queryset = AppropriateBody.objects.order_by("name")
        self.fields["appropriate_body"].empty_label = "Choose an appropriate body"
        self.fields["phase"].choices = School.Phase.choices
        self.fields["urn"].widget.attrs.update({"inputmode": "numeric", "class": "govuk-input--width-10"})

    def clean_urn(self):
        return (self.cleaned_data.get("urn") or "").strip()

    def clean_postcode(self):
        return " ".join((self.cleaned_data.get("postcode") or "").upper().split())


class RejectSchoolForm(GovForm):
    reason = forms.CharField(
        label="Reason for rejecting",
        help_text="The school sees this reason in the email we send.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason for rejecting the school"},
    )
