"""Rules for an ECT's registration details, as plain functions of values."""

from datetime import date

MINIMUM_AGE = 18
MAXIMUM_AGE = 100
# How far ahead an induction start date may be entered.
MAXIMUM_DAYS_AHEAD = 365


def age_on(date_of_birth: date, today: date) -> int:
    had_birthday = (today.month, today.day) >= (date_of_birth.month, date_of_birth.day)
    return today.year - date_of_birth.year - (0 if had_birthday else 1)


def date_of_birth_error(date_of_birth: date, today: date) -> str | None:
    """Return why the date of birth cannot be right, or None."""
    age = age_on(date_of_birth, today)
    if age < MINIMUM_AGE:
        return f"The date of birth must be at least {MINIMUM_AGE} years ago. Check the year."
    if age > MAXIMUM_AGE:
        return f"The date of birth must be less than {MAXIMUM_AGE} years ago. Check the year."
    return None


def induction_start_errors(start_date: date, qts_date: date | None, today: date) -> list[str]:
    """Return every reason the induction start date cannot be accepted."""
    errors = []
    if qts_date is not None and start_date < qts_date:
        errors.append(
            f"The induction start date must be on or after the QTS award date, {qts_date:%-d %B %Y}. Check both dates."
        )
    if (start_date - today).days > MAXIMUM_DAYS_AHEAD:
        errors.append("The induction start date must be no more than a year from today.")
    return errors


def qts_date_error(qts_date: date, today: date) -> str | None:
    if qts_date > today:
        return "The QTS award date must be today or in the past."
    return None
