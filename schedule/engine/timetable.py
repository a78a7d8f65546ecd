"""The report timetable, the 30-day absence rule and the whole schedule of one ECT."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Iterator

from schedule.engine.calendar import Calendar
from schedule.engine.counting import DayWeights, ServiceCounter
from schedule.engine.values import (
    ABSENCE_THRESHOLD_DAYS,
    TENTHS_PER_FULL_WEEK,
    TERMS_PER_PART,
    Absence,
    Induction,
    PeriodDays,
    PlannedReport,
    ReportType,
    Schedule,
    TermService,
    as_fraction,
)


@dataclass
class _Part:
    """Absence gathered in one part of induction (the first or the last three FTE
    terms), in the integer units of `DayWeights`."""

    other_day_units: int = 0
    other_fte_units: int = 0
    chosen_statutory_fte_units: int = 0
    chosen_statutory_day_units: int = 0

    def add(self, absence: Absence, weights: DayWeights) -> None:
        if absence.is_statutory_leave:
            if absence.ect_chose_extension:
                self.chosen_statutory_fte_units += weights.fte_units
                self.chosen_statutory_day_units += weights.day_units
        else:
            self.other_day_units += weights.day_units
            self.other_fte_units += weights.fte_units

    @property
    def reaches_threshold(self) -> bool:
        return self.other_day_units >= ABSENCE_THRESHOLD_DAYS * TENTHS_PER_FULL_WEEK

    @property
    def extension_day_units(self) -> int:
        return self.chosen_statutory_day_units + (self.other_day_units if self.reaches_threshold else 0)

    @property
    def extension_fte_units(self) -> int:
        """The FTE this part is extended by: every day of other absence once it
        reaches 30 days, plus statutory leave the ECT chose to add."""
        return self.chosen_statutory_fte_units + (self.other_fte_units if self.reaches_threshold else 0)


@dataclass(frozen=True)
class _Timetable:
    reports: tuple[PlannedReport, ...]
    absence_extension: Fraction
    absence_extension_days: Fraction
    complete: bool
    calendar_exhausted: bool
    # Index of the first working day after the first review period: service
    # counts only once employment has reached it.
    first_period_stop: int | None


MAX_PERIODS = 200


def _period_stops(calendar: Calendar, first: int) -> Iterator[int | None]:
    """Yield the stop index of each review period after `first`.

    Every period runs to the same point of the next term (an ECT who starts
    a third of the way through a term is reviewed a third of the way through
    each later term). None means the term dates run out.
    """
    start_term = calendar.term_at(first)
    # The ECT started `offset` working days into a term of `start_size` days.
    offset = first - calendar.term_first(start_term)
    start_size = calendar.term_size(start_term)
    term_count = len(calendar.terms)
    for term in range(start_term + 1, start_term + MAX_PERIODS):
        if term < term_count:
            # ceil(offset / start_size × size) in integers.
            yield calendar.term_first(term) - (-offset * calendar.term_size(term) // start_size)
        elif term == term_count and offset == 0:
            yield len(calendar)
        else:
            yield None
            return


def _period_end(calendar: Calendar, stop: int) -> date:
    """Return the last date of a period that ends before working day `stop`.

    A period that ends with its term ends on the term's last date, so a trailing
    INSET day or weekend belongs to it.
    """
    last = stop - 1
    term = calendar.term_at(last)
    if last == calendar.term_first(term) + calendar.term_size(term) - 1:
        return calendar.terms[term].end
    return calendar.day_at(last)


def _period_start(calendar: Calendar, first: int) -> date:
    """Return the first date of a period that starts at working day `first`.

    A period that starts with its term starts on the term's first date.
    """
    term = calendar.term_at(first)
    if first == calendar.term_first(term):
        return calendar.terms[term].start
    return calendar.day_at(first)


def _units(value: Fraction) -> int | Fraction:
    return value.numerator if value.denominator == 1 else value


def _plan(calendar: Calendar, induction: Induction, counter: ServiceCounter) -> _Timetable:
    first = counter.employed_first
    if first >= len(calendar) or first >= counter.employed_stop:
        return _Timetable((), Fraction(0), Fraction(0), False, True, None)

    fte_term = counter.fte_term
    reports: list[PlannedReport] = []
    parts = [_Part(), _Part()]
    part = 0
    part_base = 0
    # FTE so far in fte_units; an int unless earlier service is not in tenths.
    cumulative = _units(as_fraction(induction.earlier_fte) * fte_term)
    extension_units = _units(as_fraction(induction.extension_fte) * fte_term)
    if induction.earlier_absence_days:
        # NOTE: an earlier school's term lengths are unknown, so each day absent
        # there is valued at one working day of the term in which service here starts.
        earlier_part = parts[0] if cumulative < 3 * fte_term else parts[1]
        earlier_part.other_day_units += induction.earlier_absence_days * TENTHS_PER_FULL_WEEK
        earlier_part.other_fte_units += induction.earlier_absence_days * fte_term // calendar.term_size(
            calendar.term_at(first)
        )
    full_periods_since_assessment = 0
    first_period_stop = None
    period_first = first
    complete = False
    exhausted = False

    for natural_stop in _period_stops(calendar, first):
        if natural_stop is None:
            exhausted = True
            break
        if first_period_stop is None:
            first_period_stop = natural_stop
        leaving = induction.leaving_date is not None and counter.employed_stop <= natural_stop
        stop = min(natural_stop, counter.employed_stop)

        cumulative += counter.weigh(period_first, stop).fte_units
        for absence, weights in counter.absence_in(period_first, stop):
            parts[part].add(absence, weights)
        target = part_base + 3 * fte_term + parts[part].extension_fte_units
        if part == 1:
            target += extension_units

        period_start = induction.start if period_first == first else _period_start(calendar, period_first)
        period_end = _period_end(calendar, natural_stop)
        if leaving:
            period_end = min(period_end, induction.leaving_date)
        if stop == natural_stop:
            full_periods_since_assessment += 1

        if cumulative >= target:
            # No progress review less than a term before a formal assessment:
            # an assessment period cut short by leaving absorbs the review before it.
            if stop < natural_stop and reports and reports[-1].type == ReportType.PROGRESS_REVIEW:
                period_start = reports.pop().period_start
            reports.append(
                PlannedReport(ReportType.ASSESSMENT, period_start, period_end, part + 1, cumulative, fte_term)
            )
            full_periods_since_assessment = 0
            part_base = target
            part += 1
            if part == len(parts):
                complete = True
                break
        elif not leaving:
            reports.append(
                PlannedReport(ReportType.PROGRESS_REVIEW, period_start, period_end, None, cumulative, fte_term)
            )
        elif full_periods_since_assessment >= 1:
            reports.append(
                PlannedReport(
                    ReportType.INTERIM_ASSESSMENT, period_start, period_end, None, cumulative, fte_term
                )
            )
        if leaving:
            break
        period_first = natural_stop

    extension = Fraction(sum(entry.extension_fte_units for entry in parts), fte_term)
    extension_days = Fraction(sum(entry.extension_day_units for entry in parts), TENTHS_PER_FULL_WEEK)
    return _Timetable(tuple(reports), extension, extension_days, complete, exhausted, first_period_stop)


def compute_schedule(calendar: Calendar, induction: Induction, as_at: date) -> Schedule:
    """Compute an ECT's service to `as_at` and their whole report timetable."""
    counter = ServiceCounter(calendar, induction)
    timetable = _plan(calendar, induction, counter)

    served_stop = min(counter.employed_stop, calendar.index_after(as_at))
    if timetable.complete:
        # Service after the final assessment's period is not induction.
        served_stop = min(served_stop, calendar.index_after(timetable.reports[-1].period_end))
    served = counter.weigh(counter.employed_first, served_stop)
    continuous = timetable.first_period_stop is not None and served_stop >= timetable.first_period_stop
    fte_required = 2 * TERMS_PER_PART + timetable.absence_extension + as_fraction(induction.extension_fte)
    # Service after the required terms does not count: induction is complete.
    fte_completed = min(
        fte_required, as_fraction(induction.earlier_fte) + (served.fte if continuous else Fraction(0))
    )

    terms = []
    notes = []
    if counter.employed_first < served_stop:
        for term_index in range(calendar.term_at(counter.employed_first), calendar.term_at(served_stop - 1) + 1):
            term_first = calendar.term_first(term_index)
            term_stop = term_first + calendar.term_size(term_index)
            weights = counter.weigh(term_first, min(term_stop, served_stop))
            absent_units = sum(
                absent.day_units for _, absent in counter.absence_in(term_first, min(term_stop, served_stop))
            )
            terms.append(
                TermService(
                    term=calendar.terms[term_index],
                    days=PeriodDays(weights.working_days, weights.day_units, absent_units),
                    calendar_units=weights.calendar_units,
                    fte_units=weights.fte_units,
                    term_lcm=calendar.term_lcm,
                )
            )
    if served.working_days and not continuous:
        notes.append("Service counts once the ECT has been employed for one whole term.")
    if len(calendar) == 0:
        notes.append("No term dates are entered yet, so no days can be counted. The appropriate body enters them.")
    elif timetable.calendar_exhausted:
        notes.append(
            "The term dates run out before induction ends, so later reports appear once the appropriate body "
            "enters the next academic year's term dates."
        )

    return Schedule(
        as_at=as_at,
        fte_completed=fte_completed,
        fte_required=fte_required,
        absence_extension_fte=timetable.absence_extension,
        absence_extension_days=timetable.absence_extension_days,
        calendar_terms_served=served.calendar_terms,
        continuous_employment_met=continuous,
        terms=tuple(terms),
        timetable=timetable.reports,
        induction_complete_in_timetable=timetable.complete,
        calendar_exhausted=timetable.calendar_exhausted,
        notes=tuple(notes),
    )
