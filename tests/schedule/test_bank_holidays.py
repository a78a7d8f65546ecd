"""England's bank holidays 2020 to 2026, one-off and substitute days
included, as the schedule counts them."""

from datetime import date

import pytest

from schedule.bank_holidays import bank_holidays_in_england
from schedule.engine import Calendar, Term

ONE_OFF_DAYS = [
    (date(2020, 5, 8), "VE Day: May Day moved from Monday 4 May"),
    (date(2022, 6, 2), "Spring bank holiday moved for the Platinum Jubilee"),
    (date(2022, 6, 3), "Platinum Jubilee"),
    (date(2022, 9, 19), "State funeral of Queen Elizabeth II"),
    (date(2023, 5, 8), "Coronation of King Charles III"),
]

SUBSTITUTE_DAYS = [
    (date(2020, 12, 28), "Boxing Day fell on a Saturday"),
    (date(2021, 12, 27), "Christmas Day fell on a Saturday"),
    (date(2021, 12, 28), "Boxing Day fell on a Sunday"),
    (date(2022, 1, 3), "New Year's Day fell on a Saturday"),
    (date(2022, 12, 27), "Christmas Day fell on a Sunday"),
    (date(2023, 1, 2), "New Year's Day fell on a Sunday"),
    (date(2026, 12, 28), "Boxing Day falls on a Saturday"),
]

NOT_HOLIDAYS = [
    (date(2020, 5, 4), "the usual first Monday in May, moved in 2020"),
    (date(2022, 5, 30), "the usual last Monday in May, moved in 2022"),
    (date(2021, 8, 2), "Scotland's summer bank holiday, not England's"),
    (date(2023, 3, 17), "St Patrick's Day: Northern Ireland only"),
    (date(2025, 1, 2), "2 January: Scotland only"),
]

YEARLY_COUNTS = {2020: 8, 2021: 8, 2022: 10, 2023: 9, 2024: 8, 2025: 8, 2026: 8}


@pytest.fixture(scope="module")
def holidays():
    return bank_holidays_in_england(2020, 2026)


@pytest.mark.parametrize(("day", "why"), ONE_OFF_DAYS)
def test_one_off_bank_holiday(holidays, day, why):
    assert day in holidays, why


@pytest.mark.parametrize(("day", "why"), SUBSTITUTE_DAYS)
def test_substitute_bank_holiday(holidays, day, why):
    assert day in holidays, why


@pytest.mark.parametrize(("day", "why"), NOT_HOLIDAYS)
def test_not_a_bank_holiday_in_england(holidays, day, why):
    assert day not in holidays, why


@pytest.mark.parametrize(("year", "count"), YEARLY_COUNTS.items())
def test_weekday_bank_holidays_per_year(holidays, year, count):
    # Weekday holidays only: a Christmas Day on a Saturday is replaced by its substitute.
    weekdays = [day for day in holidays if day.year == year and day.weekday() < 5]

    assert len(weekdays) == count


@pytest.mark.parametrize(("day", "why"), ONE_OFF_DAYS + SUBSTITUTE_DAYS)
def test_bank_holiday_is_not_a_working_day(holidays, day, why):
    calendar = Calendar([Term("Whole year", date(day.year, 1, 1), date(day.year, 12, 31))], bank_holidays=holidays)

    assert not calendar.is_working_day(day), why
    assert calendar.working_days(day, day) == 0
