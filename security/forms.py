from django import forms
from django.contrib.auth.hashers import check_password, make_password

from accounts.forms import SetPasswordForm
from ectm.forms import GovForm
from security.models import SecurityProfile
from security.phone import normalise_uk_mobile

MOBILE_FORMAT_ERROR = "Enter a UK mobile number, like 07700 900123 or +44 7700 900123"

SECURITY_QUESTIONS = [
    ("first_school", "What was the name of your first school?"),
    ("birth_town", "In which town or city were you born?"),
    ("first_pet", "What was the name of your first pet?"),
    ("childhood_street", "What was the name of the street you lived on as a child?"),
    ("favourite_teacher", "What was the surname of your favourite teacher?"),
    ("first_job", "What was your first job?"),
]


def clean_mobile(value: str) -> str:
    if not value.strip():
        return ""
    mobile = normalise_uk_mobile(value)
    if mobile is None:
        raise forms.ValidationError(MOBILE_FORMAT_ERROR)
    return mobile


class RecoverByUsernameForm(GovForm):
    prefix = "by-username"
    username = forms.CharField(max_length=150, error_messages={"required": "Enter your username"})


class RecoverByEmailForm(GovForm):
    prefix = "by-email"
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )


class RecoverByMobileForm(GovForm):
    prefix = "by-mobile"
    mobile = forms.CharField(
        label="Mobile number",
        help_text="The mobile number on your login details or your security information.",
        max_length=30,
        error_messages={"required": "Enter your mobile number"},
    )

    def clean_mobile(self):
        return clean_mobile(self.cleaned_data["mobile"]) or ""


class ChooseChannelForm(GovForm):
    channel = forms.ChoiceField(
        label="How do you want to get your sign-in code?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to get your sign-in code"},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = choices


class CodeForm(GovForm):
    code = forms.CharField(
        label="Sign-in code",
        help_text="The 6-digit code we sent you.",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-10"}
        ),
        error_messages={"required": "Enter your sign-in code"},
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("Enter the sign-in code as 6 digits, like 123456")
        return code


class LoginDetailsForm(GovForm):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    mobile = forms.CharField(
        label="Mobile number (optional)",
        help_text="Needed for sign-in codes by text message.",
        max_length=30,
        required=False,
    )
    two_factor = forms.ChoiceField(
        label="Two-factor sign-in",
        help_text="After your password, we send you a code that you enter to finish signing in.",
        choices=SecurityProfile.TwoFactor.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    current_password = forms.CharField(
        label="Current password",
        help_text="Needed to change your email address or mobile number, or to switch off two-factor sign-in.",
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "data-show-password": "1"}),
    )

    def __init__(self, user, *args, two_factor_on: bool, **kwargs):
        self.user = user
        self.two_factor_on = two_factor_on
        super().__init__(*args, **kwargs)

    def clean_mobile(self):
        return clean_mobile(self.cleaned_data["mobile"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("two_factor") == SecurityProfile.TwoFactor.TEXT and not cleaned.get("mobile"):
            if "mobile" not in self.errors:
                self.add_error("mobile", "Enter a mobile number to get sign-in codes by text message")
        if self.changes_recovery_routes(cleaned) and not self.user.check_password(cleaned.get("current_password") or ""):
            self.add_error(
                "current_password",
                "Enter your current password to change your email address or mobile number, "
                "or to switch off two-factor sign-in",
            )
        return cleaned

    def changes_recovery_routes(self, cleaned: dict) -> bool:
        """Return whether the change could let someone else take over the account from this session."""
        email_changed = "email" in cleaned and cleaned["email"].lower() != self.user.email.lower()
        mobile_changed = "mobile" in cleaned and cleaned["mobile"] != self.user.mobile
        switched_off = self.two_factor_on and not cleaned.get("two_factor")
        return email_changed or mobile_changed or switched_off


class ChangePasswordForm(SetPasswordForm):
    current_password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "data-show-password": "1"}),
        error_messages={"required": "Enter your current password"},
    )
    field_order = ["current_password", "new_password", "confirm_password"]

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Your current password is not right. Enter it again.")
        return password


def normalise_answer(answer: str) -> str:
    """Return the text of a security answer as it is hashed: lower case, without spaces."""
    return "".join(answer.split()).lower()


def hash_answer(answer: str) -> str:
    return make_password(normalise_answer(answer))


def answer_matches(answer: str, answer_hash: str) -> bool:
    return check_password(normalise_answer(answer), answer_hash)


class SecurityInformationForm(GovForm):
    first_question = forms.ChoiceField(
        label="First security question",
        choices=[("", "Choose a question")] + SECURITY_QUESTIONS,
        error_messages={"required": "Choose your first security question"},
    )
    first_answer = forms.CharField(
        label="Answer to the first question",
        max_length=100,
        error_messages={"required": "Enter your answer to the first question"},
    )
    second_question = forms.ChoiceField(
        label="Second security question",
        choices=[("", "Choose a question")] + SECURITY_QUESTIONS,
        error_messages={"required": "Choose your second security question"},
    )
    second_answer = forms.CharField(
        label="Answer to the second question",
        max_length=100,
        error_messages={"required": "Enter your answer to the second question"},
    )
    recovery_mobile = forms.CharField(
        label="Recovery mobile number (optional)",
        help_text="Used only to send you a link to reset your password.",
        max_length=30,
        required=False,
    )

    def clean_first_answer(self):
        return self._clean_answer("first_answer")

    def clean_second_answer(self):
        return self._clean_answer("second_answer")

    def _clean_answer(self, name: str) -> str:
        answer = self.cleaned_data[name]
        if len(normalise_answer(answer)) < 2:
            raise forms.ValidationError("Enter an answer of at least 2 letters or numbers")
        return answer

    def clean_recovery_mobile(self):
        return clean_mobile(self.cleaned_data["recovery_mobile"])

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("first_question"), cleaned.get("second_question")
        if first and second and first == second:
            self.add_error("second_question", "Choose a different question from your first one")
        return cleaned

