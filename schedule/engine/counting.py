"""Counting days served, days absent and FTE for one ECT on one calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Iterator

from schedule.engine.calendar import Calendar
from schedule.engine.values import TENTHS_PER_FULL_WEEK, Absence, Induction, PeriodDays, tenths

@dataclass(frozen=True)
class DayWeights:
    term_lcm: int
    fte_units: int = 0
    calendar_units: int = 0
    day_units: int = 0
    working_days: int = 0

    @property
    def fte(self) -> Fraction:
        return Fraction(self.fte_units, TENTHS_PER_FULL_WEEK * self.term_lcm)

    @property
    def calendar_terms(self) -> Fraction:
        return Fraction(self.calendar_units, self.term_lcm)

    @property
    def days(self) -> Fraction:
        return Fraction(self.day_units, TENTHS_PER_FULL_WEEK)


class ServiceCounter:
    """Weights of working-day index ranges for one ECT on one calendar: employment, contract and absence."""

    def __init__(self, calendar: Calendar, induction: Induction):
        self.calendar = calendar
        self.induction = induction
        self.employed_first = calendar.index_of(induction.start)
        self.employed_stop = (
            calendar.index_after(induction.leaving_date) if induction.leaving_date is not None else len(calendar)
        )
        changes = sorted(induction.contract_changes, key=lambda change: change.starts_on)
        # (first working-day index, days per week in tenths) in order; the first entry covers everything before.
        self.contract = [(0, tenths(induction.days_per_week))]
        for change in changes:
            self.contract.append((calendar.index_of(change.starts_on), tenths(change.days_per_week)))
        self.absences = [
            (calendar.index_of(absence.start), calendar.index_after(absence.end), absence)
            for absence in induction.absences
        ]
        # One FTE term in fte_units.
        self.fte_term = TENTHS_PER_FULL_WEEK * calendar.term_lcm

    def weigh(self, first: int, stop: int) -> DayWeights:
        """Weigh the employed working days among first..stop-1."""
        first = max(first, self.employed_first)
        stop = min(stop, self.employed_stop)
        if first >= stop:
            return DayWeights(self.calendar.term_lcm)
        fte_units = calendar_units = day_units = 0
        pieces = len(self.contract)
        for position in range(pieces):
            piece_first, tenths = self.contract[position]
            piece_stop = self.contract[position + 1][0] if position + 1 < pieces else stop
            low, high = max(first, piece_first), min(stop, piece_stop)
            if low >= high:
                continue
            piece_units = 0
            for term, count in self.calendar.term_pieces(low, high):
                piece_units += count * self.calendar.term_unit(term)
            calendar_units += piece_units
            fte_units += piece_units * tenths
            day_units += (high - low) * tenths
        return DayWeights(self.calendar.term_lcm, fte_units, calendar_units, day_units, stop - first)

    def absence_in(self, first: int, stop: int) -> Iterator[tuple[Absence, DayWeights]]:
        for absence_first, absence_stop, absence in self.absences:
            weights = self.weigh(max(first, absence_first), min(stop, absence_stop))
            if weights.working_days:
                yield absence, weights

    def period_days(self, first: int, stop: int) -> PeriodDays:
        served = self.weigh(first, stop)
        absent_units = sum(weights.day_units for _, weights in self.absence_in(first, stop))
        return PeriodDays(served.working_days, served.day_units, absent_units)


def days_for_period(calendar: Calendar, induction: Induction, start: date, end: date) -> PeriodDays:
    """Count days served and days absent from `start` to `end`, both included."""
    counter = ServiceCounter(calendar, induction)
    return counter.period_days(calendar.index_of(start), calendar.index_after(end))
