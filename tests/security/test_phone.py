import pytest

from security.phone import normalise_uk_mobile


@pytest.mark.parametrize(
    "typed",
    ["07700900123", "07700 900123", "07700-900-123", "+447700900123", "+44 (0)7700 900123", "0044 7700 900123"],
)
def test_uk_mobile_forms_normalised(typed):
    assert normalise_uk_mobile(typed) == "+447700900123"


@pytest.mark.parametrize("typed", ["", "0123", "01632 960001", "+33 6 12 34 56 78", "077009001234"])
def test_non_mobile_numbers_rejected(typed):
    assert normalise_uk_mobile(typed) is None
