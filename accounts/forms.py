from django import forms
from django.contrib.auth import authenticate, password_validation

from accounts.models import Role
from ectm.forms import GovForm
from security import lockout


class SignInForm(GovForm):
    username = forms.CharField(
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}),
        error_messages={"required": "Enter your username"},
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "data-show-password": "1"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        username = (cleaned.get("username") or "").strip()
        password = cleaned.get("password")
        if username and password:
            locked_until = lockout.sign_in_locked_until(self.request, username)
            if locked_until:
                raise forms.ValidationError(lockout.lock_message(locked_until), code="locked")
            self.user = authenticate(self.request, username=username, password=password)
            if self.user is None:
                # This failure may be the one that locks the account.
                locked_until = lockout.sign_in_locked_until(self.request, username)
                if locked_until:
                    raise forms.ValidationError(lockout.lock_message(locked_until), code="locked")
                # The same words whether or not the username exists.
                raise forms.ValidationError(
                    "The username or password is not right. Check them and try again.", code="invalid_login"
                )
        return cleaned


class SetPasswordForm(GovForm):
    new_password = forms.CharField(
        label="New password",
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "data-show-password": "1"}),
        error_messages={"required": "Enter a new password"},
    )
    confirm_password = forms.CharField(
        label="Confirm new password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "data-show-password": "1"}),
        error_messages={"required": "Enter the new password again"},
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_password(self):
        password = self.cleaned_data["new_password"]
        password_validation.validate_password(password, self.user)
        return password

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password"), cleaned.get("confirm_password")
        if first and second and first != second:
            self.add_error("confirm_password", "The two passwords do not match. Enter the same password twice.")
        return cleaned


class StaffForm(GovForm):
    first_name = forms.CharField(max_length=100, error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(max_length=100, error_messages={"required": "Enter their last name"})
    email = forms.EmailField(
        label="Email address",
        help_text="We send a link to this address so they can set their own password.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    role = forms.ChoiceField(
        widget=forms.RadioSelect, error_messages={"required": "Select the role they will have"}
    )

    def __init__(self, *args, allowed_roles: list[Role], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in allowed_roles]
        if len(allowed_roles) == 1:
            self.fields["role"].initial = allowed_roles[0].value
