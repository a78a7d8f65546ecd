"""Worked examples of the induction rules (docs/induction-rules.md) and
day counting, on the pure schedule engine."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from schedule.bank_holidays import bank_holidays_in_england
from schedule.engine import (
    Absence,
    AbsenceKind,
    Calendar,
    ContractChange,
    DateRange,
    Induction,
    ReportType,
    ScheduleError,
    Term,
    compute_schedule,
    days_for_period,
    one_place_down,
    one_place_up,
)
from tests.schedule.calendars import english_calendar

P, A, I = ReportType.PROGRESS_REVIEW, ReportType.ASSESSMENT, ReportType.INTERIM_ASSESSMENT
LATER = date(2027, 8, 31)


@pytest.fixture(scope="module")
def calendar() -> Calendar:
    return english_calendar()


def kinds(schedule) -> list[tuple[str, int | None]]:
    return [(report.type.value, report.assessment_number) for report in schedule.timetable]


# Worked example: full time.


def test_full_time_three_terms_is_three_fte(calendar):
    induction = Induction(start=date(2025, 9, 1))

    schedule = compute_schedule(calendar, induction, date(2026, 7, 22))

    assert schedule.fte_completed == 3
    assert schedule.fte_remaining == 3
    assert schedule.fte_completed_display == Decimal("3.0")


def test_full_time_timetable(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1)), LATER)

    assert kinds(schedule) == [("P", None), ("P", None), ("A", 1), ("P", None), ("P", None), ("A", 2)]
    assert schedule.timetable[0].period_start == date(2025, 9, 1)
    assert schedule.timetable[0].period_end == date(2025, 12, 19)
    assert schedule.timetable[2].period_start == date(2026, 4, 13)
    assert schedule.timetable[2].period_end == date(2026, 7, 22)
    assert schedule.timetable[5].period_end == date(2027, 7, 21)
    assert schedule.induction_complete_in_timetable


# Worked example: 0.6 FTE.


def test_part_time_three_terms_is_exactly_one_point_eight(calendar):
    induction = Induction(start=date(2025, 9, 1), days_per_week=Fraction(3))

    schedule = compute_schedule(calendar, induction, date(2026, 7, 22))

    assert schedule.fte_completed == Fraction(9, 5)
    assert schedule.fte_completed_display == Decimal("1.8")
    assert schedule.fte_remaining_display == Decimal("4.2")


def test_part_time_reviewed_every_term_and_assessed_at_three(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), days_per_week=Fraction(3)), LATER)

    # 0.6 a term reaches 3.0 in the fifth term: four progress reviews first.
    assert kinds(schedule) == [("P", None)] * 4 + [("A", 1)] + [("P", None)] * 1
    assert schedule.timetable[4].fte_at_end == 3
    assert schedule.timetable[4].period_start == date(2027, 1, 4)
    assert schedule.calendar_exhausted


# Worked example: a mid-term start.


def test_mid_term_start_reviewed_at_same_point_next_term(calendar):
    # 20 April 2026 is the sixth working day of a 67-day summer term, with 5
    # days before it. So the next review falls 5/67 of the way into the 74-day
    # autumn term: after 5.5 days, rounded up to 6 (1 to 8 September).
    schedule = compute_schedule(calendar, Induction(start=date(2026, 4, 20)), LATER)

    first = schedule.timetable[0]
    assert first.type == P
    assert first.period_start == date(2026, 4, 20)
    assert first.period_end == date(2026, 9, 8)
    assert schedule.timetable[1].period_start == date(2026, 9, 9)


def test_mid_term_start_counts_part_term_exactly(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2026, 4, 20)), date(2026, 7, 22))

    # 62 of the summer term's 67 working days: counted exactly, not rounded up.
    assert schedule.fte_completed == 0  # one whole term of employment not yet reached
    assert schedule.calendar_terms_served == Fraction(62, 67)
    later = compute_schedule(calendar, Induction(start=date(2026, 4, 20)), date(2026, 9, 30))
    assert later.fte_completed == Fraction(62, 67) + Fraction(22, 74)  # 22 weekdays 1 to 30 September
    assert later.fte_completed_display == Decimal("1.2")


# Worked example: leaving after 2.5 terms.


def test_leaving_after_two_and_a_half_terms(calendar):
    induction = Induction(start=date(2025, 9, 1), leaving_date=date(2026, 5, 22))

    schedule = compute_schedule(calendar, induction, LATER)

    # 13 April to 22 May 2026 is 30 weekdays less the May Day bank holiday.
    assert schedule.fte_completed == 2 + Fraction(29, 67)
    assert schedule.fte_completed_display == Decimal("2.4")
    assert kinds(schedule) == [("P", None), ("P", None), ("I", None)]
    assert schedule.timetable[-1].period_start == date(2026, 4, 13)
    assert schedule.timetable[-1].period_end == date(2026, 5, 22)


def test_leaving_at_term_end_gets_interim_not_review(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), leaving_date=date(2026, 3, 27)), LATER)

    assert kinds(schedule) == [("P", None), ("I", None)]


def test_leaving_under_a_term_after_assessment_gets_no_interim(calendar):
    induction = Induction(start=date(2025, 9, 1), leaving_date=date(2026, 10, 23))

    schedule = compute_schedule(calendar, induction, LATER)

    assert kinds(schedule) == [("P", None), ("P", None), ("A", 1)]


def test_employment_under_a_term_does_not_count(calendar):
    induction = Induction(start=date(2025, 9, 1), leaving_date=date(2025, 10, 10))

    schedule = compute_schedule(calendar, induction, LATER)

    assert schedule.fte_completed == 0
    assert not schedule.continuous_employment_met
    assert schedule.timetable == ()


# Worked example: 32 days of sickness absence.


def test_thirty_two_days_sickness_extends_part_one(calendar):
    # 5 January to 24 February 2026: 30 working days before half term, 2 after.
    sickness = Absence(date(2026, 1, 5), date(2026, 2, 24), AbsenceKind.SICKNESS)
    induction = Induction(start=date(2025, 9, 1), absences=(sickness,))

    schedule = compute_schedule(calendar, induction, LATER)

    assert schedule.absence_extension_days == 32
    assert schedule.absence_extension_fte == Fraction(32, 55)
    assert schedule.fte_required == 6 + Fraction(32, 55)
    # Part 1 now needs 3 32/55 FTE terms, reached in the fourth term.
    assert kinds(schedule)[:4] == [("P", None), ("P", None), ("P", None), ("A", 1)]
    assert schedule.timetable[3].period_start == date(2026, 9, 1)


def test_twenty_nine_days_sickness_does_not_extend(calendar):
    sickness = Absence(date(2026, 1, 5), date(2026, 2, 12), AbsenceKind.SICKNESS)
    induction = Induction(start=date(2025, 9, 1), absences=(sickness,))

    schedule = compute_schedule(calendar, induction, LATER)

    assert schedule.absence_extension_days == 0
    assert schedule.fte_required == 6
    assert kinds(schedule)[2] == ("A", 1)


def test_absence_in_two_parts_is_counted_per_part(calendar):
    # 20 days in part 1 and 20 in part 2: neither part reaches 30.
    absences = (
        Absence(date(2026, 1, 5), date(2026, 1, 30)),
        Absence(date(2027, 1, 4), date(2027, 1, 29)),
    )
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), absences=absences), LATER)

    assert schedule.fte_required == 6


# Worked example: maternity leave.


def test_maternity_leave_does_not_extend_unless_chosen(calendar):
    leave = Absence(date(2026, 1, 5), date(2026, 3, 27), AbsenceKind.MATERNITY)

    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), absences=(leave,)), LATER)

    assert schedule.fte_required == 6
    assert kinds(schedule)[2] == ("A", 1)


def test_maternity_leave_extends_when_ect_chooses(calendar):
    leave = Absence(date(2026, 1, 5), date(2026, 3, 27), AbsenceKind.MATERNITY, ect_chose_extension=True)

    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), absences=(leave,)), LATER)

    # The whole spring term (55 working days) is added: one FTE term.
    assert schedule.fte_required == 7
    assert kinds(schedule)[:4] == [("P", None), ("P", None), ("P", None), ("A", 1)]


def test_statutory_leave_never_counts_towards_thirty_days(calendar):
    absences = (
        Absence(date(2026, 1, 5), date(2026, 1, 30), AbsenceKind.SICKNESS),  # 20 days
        Absence(date(2026, 2, 2), date(2026, 2, 13), AbsenceKind.CARERS),  # 10 days
    )
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), absences=absences), LATER)

    assert schedule.fte_required == 6


# Worked example: a period across a one-off bank holiday.


@pytest.mark.parametrize(
    ("start", "end", "expected", "why"),
    [
        (date(2022, 9, 12), date(2022, 9, 23), 9, "state funeral of Queen Elizabeth II on 19 September 2022"),
        (date(2023, 5, 2), date(2023, 5, 12), 8, "coronation of King Charles III on 8 May 2023"),
        (date(2023, 4, 24), date(2023, 5, 12), 13, "May Day on 1 May and the coronation on 8 May 2023"),
    ],
)
def test_period_across_one_off_bank_holiday(calendar, start, end, expected, why):
    days = days_for_period(calendar, Induction(start=date(2022, 9, 5)), start, end)

    assert days.working_days == expected, why
    assert days.served == expected


# Counting days.


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 9, 3), date(2025, 9, 3), 1),  # one working day, counted inclusively
        (date(2025, 9, 6), date(2025, 9, 6), 0),  # a Saturday
        (date(2025, 9, 5), date(2025, 9, 8), 2),  # Friday to Monday
        (date(2025, 9, 1), date(2025, 9, 12), 10),  # two whole weeks
        (date(2025, 10, 27), date(2025, 10, 31), 0),  # half term
        (date(2025, 10, 24), date(2025, 11, 3), 2),  # across half term
        (date(2025, 12, 19), date(2026, 1, 5), 2),  # across the Christmas holiday
        (date(2025, 9, 3), date(2025, 9, 2), 0),  # end before start
    ],
)
def test_working_days_inclusive(calendar, start, end, expected):
    assert calendar.working_days(start, end) == expected


def test_bank_holiday_in_half_term_not_subtracted_twice():
    terms = [Term("Summer", date(2026, 4, 13), date(2026, 7, 22), (DateRange(date(2026, 5, 25), date(2026, 5, 29)),))]
    with_holidays = Calendar(terms, bank_holidays=bank_holidays_in_england(2026, 2026))
    without_holidays = Calendar(terms)

    # Only May Day (4 May) is lost: the spring bank holiday (25 May) is already in half term.
    assert without_holidays.working_days(date(2026, 4, 13), date(2026, 7, 22)) == 68
    assert with_holidays.working_days(date(2026, 4, 13), date(2026, 7, 22)) == 67


def test_closure_removes_working_days():
    closure = DateRange(date(2025, 9, 1), date(2025, 9, 1))
    calendar = english_calendar(closures=[closure])

    assert calendar.working_days(date(2025, 9, 1), date(2025, 9, 5)) == 4
    assert english_calendar().working_days(date(2025, 9, 1), date(2025, 9, 5)) == 5


def test_part_time_days_served_scaled_and_rounded(calendar):
    induction = Induction(start=date(2025, 9, 1), days_per_week=Fraction(3))

    days = days_for_period(calendar, induction, date(2025, 9, 1), date(2025, 9, 11))

    assert days.working_days == 9
    assert days.served_exact == Fraction(27, 5)
    assert days.served == 5


def test_days_absent_counted_apart(calendar):
    induction = Induction(start=date(2025, 9, 1), absences=(Absence(date(2025, 9, 8), date(2025, 9, 9)),))

    days = days_for_period(calendar, induction, date(2025, 9, 1), date(2025, 9, 12))

    assert days.served == 10
    assert days.absent == 2


def test_days_before_start_and_after_leaving_not_served(calendar):
    induction = Induction(start=date(2025, 9, 8), leaving_date=date(2025, 9, 10))

    days = days_for_period(calendar, induction, date(2025, 9, 1), date(2025, 9, 12))

    assert days.served == 3


# Contract changes, earlier service and extensions.


def test_contract_change_counts_each_day_at_its_rate(calendar):
    # Full time in the autumn term, 3 days a week from the spring term.
    change = ContractChange(date(2026, 1, 5), Fraction(3))
    schedule = compute_schedule(calendar, Induction(start=date(2025, 9, 1), contract_changes=(change,)), date(2026, 3, 27))

    assert schedule.fte_completed == 1 + Fraction(3, 5)


def test_earlier_service_counts_towards_part_one(calendar):
    induction = Induction(start=date(2025, 9, 1), earlier_fte=Fraction(3, 2))

    schedule = compute_schedule(calendar, induction, LATER)

    assert kinds(schedule)[:2] == [("P", None), ("A", 1)]
    assert schedule.timetable[1].fte_at_end == Fraction(7, 2)


def test_extension_adds_terms_to_the_end(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2024, 9, 2), extension_fte=Fraction(1)), LATER)

    assert schedule.fte_required == 7
    assert kinds(schedule) == [("P", None), ("P", None), ("A", 1), ("P", None), ("P", None), ("P", None), ("A", 2)]


def test_completed_capped_at_required(calendar):
    schedule = compute_schedule(calendar, Induction(start=date(2024, 9, 2)), LATER)

    assert schedule.fte_completed == 6
    assert schedule.fte_remaining == 0


# Display.


@pytest.mark.parametrize(
    ("value", "down", "up"),
    [
        (Fraction(9, 5), "1.8", "1.8"),
        (Fraction(296, 100), "2.9", "3.0"),
        (Fraction(304, 100), "3.0", "3.1"),
        (Fraction(0), "0.0", "0.0"),
        (Fraction(6), "6.0", "6.0"),
    ],
)
def test_one_decimal_place(value, down, up):
    assert str(one_place_down(value)) == down
    assert str(one_place_up(value)) == up


# Invalid input.


def test_overlapping_terms_rejected():
    terms = [Term("A", date(2025, 9, 1), date(2025, 12, 19)), Term("B", date(2025, 12, 1), date(2026, 3, 27))]

    with pytest.raises(ScheduleError, match="overlap"):
        Calendar(terms)


def test_overlapping_absences_rejected():
    absences = (Absence(date(2026, 1, 5), date(2026, 1, 9)), Absence(date(2026, 1, 9), date(2026, 1, 12)))

    with pytest.raises(ScheduleError, match="overlap"):
        Induction(start=date(2025, 9, 1), absences=absences)


def test_days_per_week_out_of_range_rejected():
    with pytest.raises(ScheduleError, match="Days per week"):
        Induction(start=date(2025, 9, 1), days_per_week=Fraction(6))


def test_no_review_under_a_term_before_assessment_on_leaving(calendar):
    # 4.5 days a week is 0.9 FTE a term: 2.7 after three terms, and 3.0 after
    # 25 of the autumn term's 74 days (5 October 2026), when the ECT leaves.
    induction = Induction(start=date(2025, 9, 1), days_per_week=Fraction(9, 2), leaving_date=date(2026, 10, 5))

    schedule = compute_schedule(calendar, induction, LATER)

    # The summer review would come less than a term before the assessment, so
    # the assessment period covers the summer term too.
    assert kinds(schedule) == [("P", None), ("P", None), ("A", 1)]
    assert schedule.timetable[-1].period_start == date(2026, 4, 13)
    assert schedule.timetable[-1].period_end == date(2026, 10, 5)


def test_earlier_absence_counts_towards_thirty_days(calendar):
    # 20 days absent at the earlier school and 10 here (1 to 12 September 2025) make 30.
    here = Absence(date(2025, 9, 1), date(2025, 9, 12))
    induction = Induction(start=date(2025, 9, 1), earlier_fte=Fraction(1), earlier_absence_days=20, absences=(here,))

    schedule = compute_schedule(calendar, induction, LATER)

    assert schedule.absence_extension_days == 30
    assert schedule.fte_required == 6 + Fraction(30, 75)


def test_days_per_week_not_in_tenths_rejected():
    with pytest.raises(ScheduleError, match="tenths"):
        Induction(start=date(2025, 9, 1), days_per_week=Fraction(7, 3))


def test_empty_calendar_explains_itself():
    schedule = compute_schedule(Calendar([]), Induction(start=date(2025, 9, 1)), LATER)

    assert schedule.fte_completed == 0
    assert schedule.timetable == ()
    assert schedule.notes == ("No term dates are entered yet, so no days can be counted. The appropriate body enters them.",)


def test_engine_imports_nothing_from_django():
    import subprocess
    import sys

    code = "import sys, schedule.engine; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    assert output.strip() == "[]"
