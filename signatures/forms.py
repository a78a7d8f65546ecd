from django import forms

from ectm.text import in_sentence
from ectm.forms import GovForm


class SignForm(GovForm):
    """The tick and confirm button of a digital signature."""

    confirm = forms.BooleanField(
        required=True,
        error_messages={"required": "Tick the box to confirm that you are signing"},
    )

    def __init__(self, *args, signer_name: str, role_label: str, what: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["confirm"].label = f"I confirm I am signing {what} as {signer_name}, {in_sentence(role_label)}"
