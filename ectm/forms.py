"""Shared form plumbing: every form renders through crispy-forms-gds."""

from crispy_forms_gds.helper import FormHelper
from django import forms


class GovFormMixin:
    """Give a form the GOV.UK helper. The page template draws the <form> tag,
    the error summary and the buttons (components/form.html)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class GovForm(GovFormMixin, forms.Form):
    pass


class GovModelForm(GovFormMixin, forms.ModelForm):
    pass
