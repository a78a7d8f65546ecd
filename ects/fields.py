"""Form fields with the wording this service uses for ECT records."""

import re
from datetime import date

from crispy_forms_gds.fields import DateInputField
from django import forms
from django.core.exceptions import ValidationError

from ectm.text import in_sentence


class GovDateField(DateInputField):
    """A GOV.UK date input (day, month, year) whose errors name the date asked for."""

    def __init__(self, *, label: str, required: bool = True, **kwargs):
        super().__init__(label=label, required=required, **kwargs)
        date_name = in_sentence(label)
        self.date_name = date_name
        self.error_messages["required"] = f"Enter the {date_name}"
        self.error_messages["incomplete"] = f"Enter the {date_name} as a day, month and year"
        for subfield, part in zip(self.fields, ["day", "month", "year"]):
            subfield.error_messages["incomplete"] = f"The {date_name} must include a {part}"
            # Replace the package's generic "Enter a valid date" digit checks.
            subfield.validators = [_digits_validator(date_name, part)]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(str(year)) != 4:
            raise ValidationError(f"Enter the year of the {self.date_name} as 4 digits, like 2001")
        try:
            return date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError(f"The {self.date_name} must be a real date, like 27 3 2001") from error


def _digits_validator(date_name: str, part: str):
    def validate(value: str) -> None:
        if not re.fullmatch(r"\d+", value or ""):
            raise ValidationError(f"Enter the {part} of the {date_name} as a number")

    return validate


class TRNField(forms.CharField):
    """A teacher reference number: 7 digits, with the spaces and hyphens people type removed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Teacher reference number (TRN)")
        kwargs.setdefault("help_text", "7 digits, for example 1234567. The ECT can find it on their QTS certificate.")
        kwargs.setdefault("error_messages", {"required": "Enter the ECT's teacher reference number (TRN)"})
        super().__init__(max_length=20, **kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "class": "govuk-input--width-10", "spellcheck": "false"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        trn = re.sub(r"[\s-]", "", value)
        if not trn.isdigit():
            raise ValidationError(
                "The TRN must contain only digits. Remove any letters or other characters, like 1234567."
            )
        if len(trn) != 7:
            raise ValidationError(f"The TRN must be 7 digits. You entered {len(trn)}.")
        return trn
