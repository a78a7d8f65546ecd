from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ects import rules
from ects.fields import TRNField

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize("typed, cleaned", [("1234567", "1234567"), ("123 4567", "1234567"), ("12-345-67", "1234567")])
def test_trn_removes_spaces_and_hyphens(typed, cleaned):
    assert TRNField().clean(typed) == cleaned


def test_trn_rejects_letters():
    with pytest.raises(ValidationError, match="only digits"):
        TRNField().clean("12345A7")


@pytest.mark.parametrize("typed", ["123456", "12345678"])
def test_trn_rejects_wrong_length(typed):
    with pytest.raises(ValidationError, match="must be 7 digits"):
        TRNField().clean(typed)


@pytest.mark.parametrize(
    "date_of_birth, valid",
    [
        (date(2008, 12, 4), True),  # 18 today.
        (date(2008, 12, 5), False),  # 18 tomorrow.
        (date(1926, 12, 5), True),  # 99.
        (date(1926, 12, 4), True),  # 100 today.
        (date(1925, 12, 4), False),  # 101.
    ],
)
def test_date_of_birth_age_range(date_of_birth, valid):
    assert (rules.date_of_birth_error(date_of_birth, TODAY) is None) is valid


def test_start_before_qts_rejected():
    errors = rules.induction_start_errors(date(2026, 7, 1), date(2026, 7, 10), TODAY)

    assert errors == [
        "The induction start date must be on or after the QTS award date, 10 July 2026. Check both dates."
    ]


def test_start_on_qts_date_accepted():
    assert rules.induction_start_errors(date(2026, 7, 10), date(2026, 7, 10), TODAY) == []


def test_start_more_than_a_year_ahead_rejected():
    assert rules.induction_start_errors(date(2027, 12, 5), None, TODAY) == [
        "The induction start date must be no more than a year from today."
    ]
    assert rules.induction_start_errors(date(2027, 12, 4), None, TODAY) == []


def test_qts_in_future_rejected():
    assert rules.qts_date_error(date(2026, 12, 5), TODAY) is not None
    assert rules.qts_date_error(TODAY, TODAY) is None
