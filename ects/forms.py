"""Forms for registering ECTs and editing their records. Each registration
step is one form that owns its validation; the edit pages reuse their fields."""

from datetime import date
from decimal import Decimal

from django import forms

from accounts.models import Role, User
from ectm.forms import GovForm, GovModelForm
from ects import choices, rules
from ects.fields import GovDateField, TRNField
from ects.models import ECT, PreviousSchool

NEW_TUTOR = "new"

YES_NO = [("yes", "Yes"), ("no", "No")]


def yes_no_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def email_field(label: str, *, required: bool, help_text: str = "") -> forms.EmailField:
    return forms.EmailField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={
            "required": f"Enter the {label[0].lower() + label[1:]}",
            "invalid": f"Enter the {label[0].lower() + label[1:]} in the correct format, like name@example.org",
        },
    )


class ECTForm(GovModelForm):
    """A form over some of an ECT's fields. `today` is passed in so the date rules are testable."""

    def __init__(self, *args, today: date, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def list_field_initial(self, name: str) -> None:
        """Give a checkbox list the stored JSON list as its initial value."""
        if self.instance.pk and name in self.fields:
            self.initial[name] = list(getattr(self.instance, name) or [])


class InductionTypeForm(ECTForm):
    class Meta:
        model = ECT
        fields = ["induction_type"]
        labels = {"induction_type": "Which type of induction is this?"}
        widgets = {"induction_type": forms.RadioSelect}
        error_messages = {"induction_type": {"required": "Select the type of induction"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induction_type"].required = True
        self.fields["induction_type"].choices = ECT.InductionType.choices


class TeacherRecordForm(ECTForm):
    """The details checked against the Teaching Record System."""

    trn = TRNField()
    date_of_birth = GovDateField(label="Date of birth", help_text="For example, 27 3 2001")
    email = email_field(
        "ECT's email address",
        required=True,
        help_text="When the appropriate body authorises the induction, we send the ECT a link here to set a password.",
    )

    class Meta:
        model = ECT
        fields = ["trn", "first_name", "last_name", "date_of_birth", "email"]
        labels = {"first_name": "First name", "last_name": "Last name"}
        help_texts = {"last_name": "As the Teaching Record System holds it."}
        error_messages = {
            "first_name": {"required": "Enter the ECT's first name"},
            "last_name": {"required": "Enter the ECT's last name"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        for name in ["first_name", "last_name"]:
            self.fields[name].widget.attrs.update({"spellcheck": "false", "autocomplete": "off"})

    def clean_date_of_birth(self):
        date_of_birth = self.cleaned_data["date_of_birth"]
        if date_of_birth and (error := rules.date_of_birth_error(date_of_birth, self.today)):
            raise forms.ValidationError(error)
        return date_of_birth

    def clean(self):
        cleaned = super().clean()
        trn = cleaned.get("trn")
        if trn:
            from ects.services import duplicate_registration_message

            message = duplicate_registration_message(trn=trn, ect=self.instance)
            if message:
                self.add_error("trn", message)
        return cleaned


class ContractFieldsMixin:
    """Start date, year groups, subjects, days per week and contract type."""

    def setup_contract_fields(self):
        self.fields["induction_start_date"] = GovDateField(
            label="Induction start date at this school", help_text="For example, 1 9 2026"
        )
        self.fields["year_groups"] = forms.MultipleChoiceField(
            label="Year groups the ECT teaches",
            help_text="Select all that apply.",
            choices=choices.YEAR_GROUPS,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Select at least one year group the ECT teaches"},
        )
        self.fields["subjects_taught"] = forms.MultipleChoiceField(
            label="Subjects the ECT teaches",
            help_text="Select all that apply.",
            choices=choices.SUBJECTS,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Select at least one subject the ECT teaches"},
        )
        self.fields["days_per_week"] = forms.TypedChoiceField(
            label="Days per week",
            help_text="From 0.5 to 5, in half days. We use this to count the days the ECT serves.",
            choices=[("", "Choose the days per week"), *choices.DAYS_PER_WEEK],
            coerce=Decimal,
            error_messages={
                "required": "Select how many days per week the ECT works",
                "invalid_choice": "Select a number of days per week from 0.5 to 5, in half days",
            },
        )
        self.fields["contract_type"] = forms.ChoiceField(
            label="Type of contract",
            choices=ECT.ContractType.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Select whether the contract is permanent or temporary"},
        )
        self.list_field_initial("year_groups")
        self.list_field_initial("subjects_taught")
        if self.instance.pk and self.instance.days_per_week is not None and "days_per_week" not in self.data:
            self.initial["days_per_week"] = f"{self.instance.days_per_week:.1f}"

    def clean_induction_start_date(self):
        start_date = self.cleaned_data["induction_start_date"]
        if start_date:
            errors = rules.induction_start_errors(start_date, self.instance.qts_date, self.today)
            if errors:
                raise forms.ValidationError(errors)
        return start_date


class TutorFieldsMixin:
    """The induction tutor, chosen from the school's tutors or added here, and the ECF mentor."""

    def setup_tutor_fields(self, school):
        tutors = (
            User.objects.filter(memberships__school=school, memberships__role=Role.TUTOR, memberships__is_active=True)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.tutors = {str(user.pk): user for user in tutors}
        self.fields["tutor_choice"] = forms.ChoiceField(
            label="Induction tutor",
            choices=[
                *[(key, user.get_full_name()) for key, user in self.tutors.items()],
                (NEW_TUTOR, "Add a new tutor"),
            ],
            widget=forms.RadioSelect,
            error_messages={"required": "Select the ECT's induction tutor, or add a new tutor"},
        )
        self.fields["new_tutor_first_name"] = forms.CharField(
            label="New tutor's first name",
            required=False,
            max_length=100,
            help_text="Only if you chose to add a new tutor.",
        )
        self.fields["new_tutor_last_name"] = forms.CharField(
            label="New tutor's last name", required=False, max_length=100
        )
        self.fields["new_tutor_email"] = email_field(
            "New tutor's email address", required=False, help_text="We email them a link to set their password."
        )
        self.fields["mentor_name"] = forms.CharField(
            label="ECF mentor's name (optional)",
            required=False,
            max_length=200,
            help_text="The mentor is recorded for information only and does not sign in.",
        )
        self.fields["mentor_email"] = email_field("ECF mentor's email address (optional)", required=False)
        if self.instance.tutor_id and str(self.instance.tutor_id) in self.tutors:
            self.initial["tutor_choice"] = str(self.instance.tutor_id)

    def clean_tutor_fields(self, cleaned):
        if cleaned.get("tutor_choice") != NEW_TUTOR:
            return
        for name, message in [
            ("new_tutor_first_name", "Enter the new tutor's first name"),
            ("new_tutor_last_name", "Enter the new tutor's last name"),
            ("new_tutor_email", "Enter the new tutor's email address"),
        ]:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)

    @property
    def chosen_tutor(self) -> User | None:
        return self.tutors.get(self.cleaned_data.get("tutor_choice"))

    @property
    def new_tutor_details(self) -> dict | None:
        if self.cleaned_data.get("tutor_choice") != NEW_TUTOR:
            return None
        return {
            "first_name": self.cleaned_data["new_tutor_first_name"],
            "last_name": self.cleaned_data["new_tutor_last_name"],
            "email": self.cleaned_data["new_tutor_email"],
        }


class ContractStepForm(ContractFieldsMixin, TutorFieldsMixin, ECTForm):
    class Meta:
        model = ECT
        fields = [
            "induction_start_date",
            "year_groups",
            "subjects_taught",
            "days_per_week",
            "contract_type",
            "mentor_name",
            "mentor_email",
        ]

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_contract_fields()
        self.setup_tutor_fields(school)
        self.order_fields(
            [*self.Meta.fields[:5], "tutor_choice", "new_tutor_first_name", "new_tutor_last_name", "new_tutor_email"]
        )

    def clean(self):
        cleaned = super().clean()
        self.clean_tutor_fields(cleaned)
        return cleaned


# Statuses in which induction has begun, so days served have been counted.
INDUCTION_STARTED = {ECT.Status.IN_PROGRESS, ECT.Status.LEFT, ECT.Status.PASSED, ECT.Status.FAILED}


class ContractEditForm(ContractFieldsMixin, ECTForm):
    class Meta:
        model = ECT
        fields = ["induction_start_date", "year_groups", "subjects_taught", "days_per_week", "contract_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_contract_fields()
        if self.instance.status in INDUCTION_STARTED:
            # Days per week here applies from the induction start date, so
            # changing it would recount every term already served. A change
            # from a given date is recorded on the induction schedule instead.
            field = self.fields["days_per_week"]
            field.disabled = True
            field.help_text = (
                "Days per week at the start of induction. To record a change from a date, "
                "use \"Record a change of days per week\" on the induction schedule."
            )


class TutorMentorForm(TutorFieldsMixin, ECTForm):
    class Meta:
        model = ECT
        fields = ["mentor_name", "mentor_email"]

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_tutor_fields(school)
        self.order_fields(["tutor_choice", "new_tutor_first_name", "new_tutor_last_name", "new_tutor_email"])

    def clean(self):
        cleaned = super().clean()
        self.clean_tutor_fields(cleaned)
        return cleaned


class TrainingFieldsMixin:
    def setup_training_fields(self):
        self.fields["training_institution"] = forms.ChoiceField(
            label="Teacher training institution",
            choices=[("", "Choose an institution"), *choices.TRAINING_INSTITUTIONS],
            error_messages={"required": "Select the teacher training institution, or Other"},
        )
        self.fields["training_institution_other"] = forms.CharField(
            label="Name of the institution",
            required=False,
            max_length=200,
            help_text="Only if you chose Other.",
        )
        self.fields["qualified_subjects"] = forms.MultipleChoiceField(
            label="Qualified subjects",
            help_text="Select all that apply.",
            choices=choices.SUBJECTS,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Select at least one subject the ECT qualified to teach"},
        )
        self.fields["qualified_age_range"] = forms.ChoiceField(
            label="Qualified age range",
            choices=[("", "Choose an age range"), *choices.QUALIFIED_AGE_RANGES],
            error_messages={"required": "Select the age range the ECT qualified to teach"},
        )
        self.fields["qts_date"] = GovDateField(
            label="QTS award date", help_text="The date qualified teacher status was awarded, for example 15 7 2026"
        )
        self.list_field_initial("qualified_subjects")

    def clean_training_fields(self, cleaned):
        if cleaned.get("training_institution") == choices.OTHER_INSTITUTION and not cleaned.get(
            "training_institution_other"
        ):
            self.add_error("training_institution_other", "Enter the name of the teacher training institution")
        if cleaned.get("training_institution") != choices.OTHER_INSTITUTION:
            cleaned["training_institution_other"] = ""
        qts_date = cleaned.get("qts_date")
        if qts_date:
            if error := rules.qts_date_error(qts_date, self.today):
                self.add_error("qts_date", error)
            elif self.instance.induction_start_date and self.instance.induction_start_date < qts_date:
                self.add_error(
                    "qts_date",
                    f"The QTS award date must be on or before the induction start date, "
                    f"{self.instance.induction_start_date:%-d %B %Y}. Check both dates.",
                )


class TrainingStepForm(TrainingFieldsMixin, ECTForm):
    class Meta:
        model = ECT
        fields = [
            "training_institution",
            "training_institution_other",
            "qualified_subjects",
            "qualified_age_range",
            "qts_date",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_training_fields()

    def clean(self):
        cleaned = super().clean()
        self.clean_training_fields(cleaned)
        return cleaned


class TrainingEditForm(TrainingFieldsMixin, ECTForm):
    dbs_checked = yes_no_field("Has the ECT been DBS checked?")
    references_sought = yes_no_field("Have references been sought for the ECT?")
    skills_tests_passed = yes_no_field("Has the ECT passed the skills tests in numeracy, literacy and ICT?")

    class Meta:
        model = ECT
        fields = [*TrainingStepForm.Meta.fields, "dbs_checked", "references_sought", "skills_tests_passed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_training_fields()
        self.order_fields(self.Meta.fields)
        for name in ["dbs_checked", "references_sought", "skills_tests_passed"]:
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = "yes" if value else "no"

    def clean(self):
        cleaned = super().clean()
        self.clean_training_fields(cleaned)
        return cleaned


ADDRESS_FIELDS = ["address_line_1", "address_line_2", "town", "postcode"]
ADDRESS_LABELS = {
    "address_line_1": "Address line 1",
    "address_line_2": "Address line 2 (optional)",
    "town": "Town or city",
    "postcode": "Postcode",
}
ADDRESS_ERRORS = {
    "address_line_1": {"required": "Enter the first line of the ECT's home address"},
    "town": {"required": "Enter the town or city"},
    "postcode": {"required": "Enter the postcode"},
}


class AddressFieldsMixin:
    def setup_address_fields(self):
        for name in ["address_line_1", "town", "postcode"]:
            self.fields[name].required = True
        self.fields["postcode"].widget.attrs.update({"class": "govuk-input--width-10", "autocomplete": "postal-code"})

    def clean_postcode(self):
        return " ".join((self.cleaned_data.get("postcode") or "").upper().split())


class AddressStepForm(AddressFieldsMixin, ECTForm):
    class Meta:
        model = ECT
        fields = ADDRESS_FIELDS
        labels = ADDRESS_LABELS
        error_messages = ADDRESS_ERRORS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_address_fields()


class ProgrammeStepForm(ECTForm):
    """The early career teacher entitlement: provider-led or school-led, with each one's questions."""

    lead_provider = forms.ChoiceField(
        label="Lead provider",
        required=False,
        choices=[("", "Choose a lead provider"), *choices.LEAD_PROVIDERS],
        help_text="Only for a provider-led programme.",
    )

    class Meta:
        model = ECT
        fields = ["programme", "lead_provider", "delivery_partner", "programme_details"]
        labels = {
            "programme": "How will the school deliver the ECT's training?",
            "delivery_partner": "Delivery partner",
            "programme_details": "How will the school deliver training based on the initial teacher training and "
            "early career framework?",
        }
        help_texts = {
            "delivery_partner": "Only for a provider-led programme.",
            "programme_details": "Only for a school-led programme: who designs it, and how mentors are trained.",
        }
        widgets = {"programme": forms.RadioSelect, "programme_details": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"programme": {"required": "Select provider-led or school-led"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].required = True
        offered = [ECT.Programme.PROVIDER_LED, ECT.Programme.SCHOOL_LED]
        # A record from before September 2025 keeps its older programme as a choice.
        if self.instance.programme and self.instance.programme not in offered:
            offered.append(ECT.Programme(self.instance.programme))
        self.fields["programme"].choices = [(item.value, item.label) for item in offered]

    def clean(self):
        cleaned = super().clean()
        programme = cleaned.get("programme")
        if programme == ECT.Programme.PROVIDER_LED:
            if not cleaned.get("lead_provider"):
                self.add_error("lead_provider", "Select the lead provider of the provider-led programme")
            if not cleaned.get("delivery_partner"):
                self.add_error("delivery_partner", "Enter the delivery partner of the provider-led programme")
            cleaned["programme_details"] = ""
        elif programme:
            if not cleaned.get("programme_details"):
                self.add_error("programme_details", "Describe how the school delivers the training")
            cleaned["lead_provider"] = ""
            cleaned["delivery_partner"] = ""
        return cleaned


class PersonalDetailsForm(AddressFieldsMixin, ECTForm):
    """Name, email, date of birth, TRN and home address. Date of birth and TRN lock once the TRS check passes."""

    trn = TRNField()
    date_of_birth = GovDateField(label="Date of birth", help_text="For example, 27 3 2001")
    email = email_field("Email address", required=True)

    class Meta:
        model = ECT
        fields = ["first_name", "last_name", "email", "date_of_birth", "trn", *ADDRESS_FIELDS]
        labels = {"first_name": "First name", "last_name": "Last name", **ADDRESS_LABELS}
        error_messages = {
            "first_name": {"required": "Enter the ECT's first name"},
            "last_name": {"required": "Enter the ECT's last name"},
            **ADDRESS_ERRORS,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.Meta.fields)
        self.setup_address_fields()
        if self.instance.is_trs_verified:
            for name in ["date_of_birth", "trn"]:
                self.fields[name].disabled = True
                self.fields[
                    name
                ].help_text = (
                    "Locked: the Teaching Record System check has passed. Contact your appropriate body to change it."
                )

    def clean_date_of_birth(self):
        date_of_birth = self.cleaned_data["date_of_birth"]
        if date_of_birth and not self.fields["date_of_birth"].disabled:
            if error := rules.date_of_birth_error(date_of_birth, self.today):
                raise forms.ValidationError(error)
        return date_of_birth

    def clean(self):
        cleaned = super().clean()
        trn = cleaned.get("trn")
        if trn and not self.fields["trn"].disabled:
            from ects.services import duplicate_registration_message

            if message := duplicate_registration_message(trn=trn, ect=self.instance):
                self.add_error("trn", message)
        return cleaned


class PreviousSchoolForm(GovModelForm):
    start_date = GovDateField(label="Start date at that school")

    class Meta:
        model = PreviousSchool
        fields = ["name", "address", "appropriate_body_name", "start_date", "terms_completed", "days_absent"]
        labels = {
            "name": "School name",
            "address": "School address",
            "appropriate_body_name": "Appropriate body",
            "terms_completed": "FTE terms completed there",
            "days_absent": "Days absent there",
        }
        help_texts = {"terms_completed": "From 0 to 6, to one decimal place, for example 1.5"}
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": "Enter the school's name"},
            "address": {"required": "Enter the school's address"},
            "appropriate_body_name": {"required": "Enter the appropriate body of that school"},
            "terms_completed": {
                "required": "Enter the FTE terms completed at that school",
                "invalid": "Enter the FTE terms completed as a number, like 1.5",
                "max_value": "The FTE terms completed must be 6 or fewer",
                "min_value": "The FTE terms completed must be 0 or more",
                "max_decimal_places": "Enter the FTE terms completed to one decimal place, like 1.5",
                "max_digits": "Enter the FTE terms completed to one decimal place, like 1.5",
            },
            "days_absent": {
                "required": "Enter the days absent at that school, or 0",
                "invalid": "Enter the days absent as a whole number, like 3",
                "min_value": "The days absent must be 0 or more",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["terms_completed"].widget = forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}
        )
        self.fields["days_absent"].widget.attrs.update({"class": "govuk-input--width-4"})


class ReturnRegistrationForm(GovForm):
    reason = forms.CharField(
        label="Reason for returning the registration",
        help_text="The school sees this and changes the registration before sending it again.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reason for returning the registration"},
    )


class AuthoriseForm(GovForm):
    def __init__(self, *args, initial_start: date | None, qts_date: date | None, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.qts_date = qts_date
        self.today = today
        self.fields["induction_start_date"] = GovDateField(
            label="Induction start date", help_text="The date from which the ECT's induction counts."
        )
        if initial_start:
            self.initial["induction_start_date"] = initial_start

    def clean_induction_start_date(self):
        start_date = self.cleaned_data["induction_start_date"]
        if start_date:
            errors = rules.induction_start_errors(start_date, self.qts_date, self.today)
            if errors:
                raise forms.ValidationError(errors)
        return start_date


class RemoveECTForm(GovForm):
    reason = forms.ChoiceField(
        label="Why are you removing this ECT?",
        choices=ECT.RemovalReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why you are removing this ECT"},
    )
    leaving_date = GovDateField(
        label="Leaving date", required=False, help_text="Only if the ECT left the school, for example 20 7 2027"
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == ECT.RemovalReason.LEFT_SCHOOL and not cleaned.get("leaving_date"):
            if "leaving_date" not in self.errors:
                self.add_error("leaving_date", "Enter the date the ECT left the school")
        return cleaned


class ECTListFilterForm(forms.Form):
    """The search, filter and sort controls of the ECT list, read from the query string."""

    SORTS = [("name", "Name"), ("start", "Start date, newest first")]

    q = forms.CharField(label="Search by name or TRN", required=False, max_length=100)
    status = forms.ChoiceField(label="Status", required=False)
    tutor = forms.ChoiceField(label="Tutor", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)

    def __init__(self, *args, tutors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any status"), *ECT.Status.choices]
        self.fields["tutor"].choices = [("", "Any tutor"), *[(str(user.pk), user.get_full_name()) for user in tutors]]
