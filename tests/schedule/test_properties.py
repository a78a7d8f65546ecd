"""Properties of the schedule engine that hold for any ECT on the calendar."""

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from schedule.engine import Absence, AbsenceKind, Induction, ReportType, compute_schedule, days_for_period
from tests.schedule.calendars import english_calendar

CALENDAR = english_calendar()
FIRST, LAST = date(2022, 9, 1), date(2027, 7, 31)

days = st.integers(0, (LAST - FIRST).days).map(lambda offset: FIRST + timedelta(days=offset))
days_per_week = st.sampled_from([Fraction(n, 2) for n in range(1, 11)])


@st.composite
def inductions(draw, with_absence=True):
    start = draw(st.integers(0, (date(2026, 12, 31) - FIRST).days).map(lambda offset: FIRST + timedelta(days=offset)))
    leaving = draw(st.none() | st.integers(1, 900).map(lambda length: start + timedelta(days=length)))
    absences = ()
    if with_absence and draw(st.booleans()):
        absence_start = start + timedelta(days=draw(st.integers(0, 400)))
        absence_end = absence_start + timedelta(days=draw(st.integers(0, 90)))
        absences = (Absence(absence_start, absence_end, draw(st.sampled_from(list(AbsenceKind))), draw(st.booleans())),)
    return Induction(start=start, days_per_week=draw(days_per_week), leaving_date=leaving, absences=absences)


@settings(max_examples=150, deadline=None)
@given(inductions(), days, days)
def test_fte_never_decreases_as_service_accrues(induction, first, second):
    earlier, later = sorted([first, second])

    before = compute_schedule(CALENDAR, induction, earlier).fte_completed
    after = compute_schedule(CALENDAR, induction, later).fte_completed

    assert before <= after


@settings(max_examples=150, deadline=None)
@given(inductions(), days, days, days)
def test_splitting_a_period_changes_no_total(induction, first, middle, last):
    start, split, end = sorted([first, middle, last])

    whole = days_for_period(CALENDAR, induction, start, end)
    head = days_for_period(CALENDAR, induction, start, split)
    tail = days_for_period(CALENDAR, induction, split + timedelta(days=1), end)

    assert head.working_days + tail.working_days == whole.working_days
    assert head.served_exact + tail.served_exact == whole.served_exact
    assert head.absent_exact + tail.absent_exact == whole.absent_exact


@settings(max_examples=150, deadline=None)
@given(inductions(with_absence=False), days_per_week, days)
def test_scaling_days_per_week_scales_fte(induction, other_days_per_week, as_at):
    full_time = Induction(start=induction.start, leaving_date=induction.leaving_date)
    part_time = Induction(start=induction.start, days_per_week=other_days_per_week, leaving_date=induction.leaving_date)

    full = compute_schedule(CALENDAR, full_time, as_at)
    part = compute_schedule(CALENDAR, part_time, as_at)

    # Completed FTE is capped at 6 once induction is complete, so compare below the cap.
    if full.fte_completed < full.fte_required:
        assert part.fte_completed == full.fte_completed * other_days_per_week / 5


@settings(max_examples=150, deadline=None)
@given(inductions(), days)
def test_fte_never_exceeds_calendar_terms_served(induction, as_at):
    schedule = compute_schedule(CALENDAR, induction, as_at)

    assert schedule.fte_completed <= schedule.calendar_terms_served


@settings(max_examples=150, deadline=None)
@given(inductions())
def test_timetable_periods_follow_each_other(induction):
    schedule = compute_schedule(CALENDAR, induction, LAST)
    reports = schedule.timetable

    for earlier, later in zip(reports, reports[1:]):
        assert earlier.period_end < later.period_start
        assert earlier.fte_at_end <= later.fte_at_end
    assessments = [report for report in reports if report.type == ReportType.ASSESSMENT]
    assert [report.assessment_number for report in assessments] == list(range(1, len(assessments) + 1))
    interims = [report for report in reports if report.type == ReportType.INTERIM_ASSESSMENT]
    assert len(interims) <= 1
    if interims:
        assert reports[-1] is interims[0]
        assert induction.leaving_date is not None


@settings(max_examples=100, deadline=None)
@given(inductions(with_absence=False))
def test_no_progress_review_under_a_term_before_assessment(induction):
    """Every progress review is followed by at least a whole term before the next
    formal assessment's period ends, because each review period is a whole term."""
    schedule = compute_schedule(CALENDAR, induction, LAST)
    reports = schedule.timetable

    for review, assessment in zip(reports, reports[1:]):
        if review.type == ReportType.PROGRESS_REVIEW and assessment.type == ReportType.ASSESSMENT:
            gap = CALENDAR.working_days(review.period_end + timedelta(days=1), assessment.period_end)
            shortest_term = min(CALENDAR.term_size(index) for index in range(len(CALENDAR.terms)))
            assert gap >= shortest_term - 1
