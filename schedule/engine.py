"""Induction schedule arithmetic: working days, days served, FTE terms, the
30-day absence rule and the report timetable.

Pure Python with no Django import: frozen value objects go in, value objects
come out, so the rules can be tested and benchmarked without a database. All
arithmetic is exact (`Fraction`), and rounding happens only for display.

The rules follow the DfE statutory guidance "Induction for early career
teachers (England)" (2024); docs/induction-rules.md states each rule in plain
words with worked examples.

How a day is weighted: a working day in a term with N working days is worth
1/N of a calendar term, and d/(5N) of an FTE term for an ECT contracted for d
days a week. A whole term at d days a week is therefore exactly d/5 of an FTE
term, and a part of a term counts for exactly its share. Any total is the sum
of its days, so splitting a period changes nothing.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Iterable, Iterator

FULL_TIME_DAYS = Fraction(5)
TERMS_PER_PART = Fraction(3)
ABSENCE_THRESHOLD_DAYS = 30


class ScheduleError(ValueError):
    """Input that the schedule cannot be computed from, with a message for people."""


class AbsenceKind(str, Enum):
    SICKNESS = "sickness"
    OTHER = "other"
    MATERNITY = "maternity"
    PATERNITY = "paternity"
    ADOPTION = "adoption"
    SHARED_PARENTAL = "shared_parental"
    PARENTAL_BEREAVEMENT = "parental_bereavement"
    CARERS = "carers"


# Statutory leave extends induction only when the ECT chooses, and never
# counts towards the 30-day threshold.
STATUTORY_LEAVE = frozenset(
    {
        AbsenceKind.MATERNITY,
        AbsenceKind.PATERNITY,
        AbsenceKind.ADOPTION,
        AbsenceKind.SHARED_PARENTAL,
        AbsenceKind.PARENTAL_BEREAVEMENT,
        AbsenceKind.CARERS,
    }
)


class ReportType(str, Enum):
    PROGRESS_REVIEW = "P"
    ASSESSMENT = "A"
    INTERIM_ASSESSMENT = "I"


@dataclass(frozen=True)
class DateRange:
    """Dates from `start` to `end`, both included."""

    start: date
    end: date

    def __post_init__(self):
        if self.end < self.start:
            raise ScheduleError(f"The range {self.start} to {self.end} ends before it starts.")

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class Term:
    """One school term: its first and last days, and the breaks inside it (half term)."""

    name: str
    start: date
    end: date
    breaks: tuple[DateRange, ...] = ()

    def __post_init__(self):
        if self.end < self.start:
            raise ScheduleError(f"{self.name} ends on {self.end}, before it starts on {self.start}.")


@dataclass(frozen=True)
class ContractChange:
    """From `starts_on`, the ECT works `days_per_week` days a week."""

    starts_on: date
    days_per_week: Fraction


@dataclass(frozen=True)
class Absence:
    start: date
    end: date
    kind: AbsenceKind = AbsenceKind.SICKNESS
    # The ECT's choice to extend induction by statutory leave. Ignored for other kinds.
    ect_chose_extension: bool = False

    @property
    def is_statutory_leave(self) -> bool:
        return self.kind in STATUTORY_LEAVE


@dataclass(frozen=True)
class Induction:
    """One ECT's contract history, absences, earlier service and extensions.

    Days per week are in tenths of a day (like 2.5), as the database stores them.
    """

    start: date
    days_per_week: Fraction = FULL_TIME_DAYS
    contract_changes: tuple[ContractChange, ...] = ()
    leaving_date: date | None = None
    absences: tuple[Absence, ...] = ()
    # FTE terms already served at earlier schools; they count towards part 1 first.
    earlier_fte: Fraction = Fraction(0)
    # Days absent at earlier schools, counted in the part the earlier service reached.
    earlier_absence_days: int = 0
    # FTE terms the AB added to induction, served after the usual six.
    extension_fte: Fraction = Fraction(0)

    def __post_init__(self):
        _tenths(self.days_per_week)
        for change in self.contract_changes:
            _tenths(change.days_per_week)
        if not 0 < Fraction(self.days_per_week) <= FULL_TIME_DAYS:
            raise ScheduleError(f"Days per week must be more than 0 and at most 5, not {self.days_per_week}.")
        for change in self.contract_changes:
            if not 0 < Fraction(change.days_per_week) <= FULL_TIME_DAYS:
                raise ScheduleError(
                    f"Days per week from {change.starts_on} must be more than 0 and at most 5, "
                    f"not {change.days_per_week}."
                )
        if self.leaving_date is not None and self.leaving_date < self.start:
            raise ScheduleError(f"The leaving date {self.leaving_date} is before the start date {self.start}.")
        ordered = sorted(self.absences, key=lambda absence: absence.start)
        for earlier, later in zip(ordered, ordered[1:]):
            if later.start <= earlier.end:
                raise ScheduleError(
                    f"The absences from {earlier.start} and from {later.start} overlap. Enter each day once."
                )


class Calendar:
    """Term dates, closures and bank holidays, with every working day indexed.

    A working day is a Monday to Friday inside a term, outside its breaks, and
    neither a closure (such as an INSET day) nor a bank holiday. Working days
    are numbered in order across all terms, so counting the working days in
    any range is two binary searches.
    """

    def __init__(
        self,
        terms: Iterable[Term],
        closures: Iterable[DateRange] = (),
        bank_holidays: Iterable[date] = (),
    ):
        self.terms: tuple[Term, ...] = tuple(sorted(terms, key=lambda term: term.start))
        for earlier, later in zip(self.terms, self.terms[1:]):
            if later.start <= earlier.end:
                raise ScheduleError(f"{earlier.name} and {later.name} overlap.")
        closures = tuple(closures)
        holidays = frozenset(bank_holidays)

        self._ordinals: list[int] = []
        self._term_first: list[int] = []
        self._term_size: list[int] = []
        self._term_index: list[int] = []
        for index, term in enumerate(self.terms):
            self._term_first.append(len(self._ordinals))
            day = term.start
            while day <= term.end:
                if (
                    day.weekday() < 5
                    and day not in holidays
                    and not any(day in gap for gap in term.breaks)
                    and not any(day in closure for closure in closures)
                ):
                    self._ordinals.append(day.toordinal())
                    self._term_index.append(index)
                day += timedelta(days=1)
            size = len(self._ordinals) - self._term_first[-1]
            if size == 0:
                raise ScheduleError(f"{term.name} ({term.start} to {term.end}) has no working days.")
            self._term_size.append(size)
        # Exact weights in integers: a working day of term t is worth
        # term_unit[t] / term_lcm of a calendar term.
        self.term_lcm = math.lcm(*self._term_size) if self._term_size else 1
        self._term_unit = [self.term_lcm // size for size in self._term_size]

    @property
    def first_day(self) -> date | None:
        return self.terms[0].start if self.terms else None

    @property
    def last_day(self) -> date | None:
        return self.terms[-1].end if self.terms else None

    def is_working_day(self, day: date) -> bool:
        position = bisect.bisect_left(self._ordinals, day.toordinal())
        return position < len(self._ordinals) and self._ordinals[position] == day.toordinal()

    def working_days(self, start: date, end: date) -> int:
        """Count the working days from `start` to `end`, both included."""
        if end < start:
            return 0
        return self.index_after(end) - self.index_of(start)

    def index_of(self, day: date) -> int:
        """Return the index of the first working day on or after `day`."""
        return bisect.bisect_left(self._ordinals, day.toordinal())

    def index_after(self, day: date) -> int:
        """Return the index of the first working day after `day`."""
        return bisect.bisect_right(self._ordinals, day.toordinal())

    def day_at(self, index: int) -> date:
        return date.fromordinal(self._ordinals[index])

    def term_at(self, index: int) -> int:
        return self._term_index[index]

    def term_pieces(self, first: int, stop: int) -> Iterator[tuple[int, int]]:
        """Yield (term index, working days) for the working days first..stop-1."""
        while first < stop:
            term = self._term_index[first]
            term_stop = min(stop, self._term_first[term] + self._term_size[term])
            yield term, term_stop - first
            first = term_stop

    def term_size(self, term: int) -> int:
        return self._term_size[term]

    def term_unit(self, term: int) -> int:
        return self._term_unit[term]

    def term_first(self, term: int) -> int:
        return self._term_first[term]

    def __len__(self) -> int:
        return len(self._ordinals)


@dataclass(frozen=True)
class PeriodDays:
    """Days served and days absent in a period, exact and rounded for people.

    Days served include the days absent, as schools report them; both are
    scaled by days per week ÷ 5.
    """

    working_days: int
    served_exact: Fraction
    absent_exact: Fraction

    @property
    def served(self) -> int:
        return round_half_up(self.served_exact)

    @property
    def absent(self) -> int:
        return round_half_up(self.absent_exact)


@dataclass(frozen=True)
class TermService:
    """One calendar term of an ECT's employment."""

    term: Term
    days: PeriodDays
    calendar_terms: Fraction
    fte: Fraction


@dataclass(frozen=True)
class PlannedReport:
    type: ReportType
    period_start: date
    period_end: date
    # 1 for the first formal assessment, 2 for the final one; None otherwise.
    assessment_number: int | None
    # FTE terms at the end of the period, earlier service included.
    fte_at_end: Fraction


@dataclass(frozen=True)
class Schedule:
    """An ECT's service, required length and report timetable as at one date."""

    as_at: date
    fte_completed: Fraction
    fte_required: Fraction
    absence_extension_fte: Fraction
    # Days of absence that extend induction: the days behind absence_extension_fte.
    absence_extension_days: Fraction
    calendar_terms_served: Fraction
    continuous_employment_met: bool
    terms: tuple[TermService, ...]
    timetable: tuple[PlannedReport, ...]
    induction_complete_in_timetable: bool
    # True when the term dates run out before the timetable could finish.
    calendar_exhausted: bool
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def fte_remaining(self) -> Fraction:
        return max(Fraction(0), self.fte_required - self.fte_completed)

    @property
    def fte_completed_display(self) -> Decimal:
        return one_place_down(self.fte_completed)

    @property
    def fte_remaining_display(self) -> Decimal:
        return one_place_up(self.fte_remaining)



# Rounding for display.


def round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))


def one_place_down(value: Fraction) -> Decimal:
    """Show FTE completed to one decimal place, never rounded up to a term not yet served."""
    return Decimal(math.floor(value * 10)).scaleb(-1)


def one_place_up(value: Fraction) -> Decimal:
    """Show FTE remaining to one decimal place, rounded up so that completed plus remaining adds up."""
    return Decimal(math.ceil(value * 10)).scaleb(-1)


def as_fraction(value: Fraction | Decimal | int | str) -> Fraction:
    """Convert a stored number to a Fraction without passing through a float."""
    if isinstance(value, Decimal):
        return Fraction(str(value))
    return Fraction(value)


# Counting days.


# Days per week are counted in tenths, as they are stored, so every weight is
# an integer over a fixed denominator. Day counts are in fiftieths (days ×
# tenths ÷ 50), calendar terms in 1/term_lcm and FTE terms in 1/(50 × term_lcm).
# Fractions are built only for results, because Fraction arithmetic is slow.
TENTHS_PER_FULL_WEEK = 50


def _tenths(days_per_week: Fraction) -> int:
    tenths = as_fraction(days_per_week) * 10
    if tenths.denominator != 1:
        raise ScheduleError(f"Days per week must be in tenths of a day, like 2.5, not {days_per_week}.")
    return int(tenths)


@dataclass(frozen=True)
class _Weights:
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


class _Counter:
    """Weighs ranges of working-day indexes for one ECT on one calendar."""

    def __init__(self, calendar: Calendar, induction: Induction):
        self.calendar = calendar
        self.induction = induction
        self.employed_first = calendar.index_of(induction.start)
        self.employed_stop = (
            calendar.index_after(induction.leaving_date) if induction.leaving_date is not None else len(calendar)
        )
        changes = sorted(induction.contract_changes, key=lambda change: change.starts_on)
        # (first working-day index, days per week in tenths) in order; the first entry covers everything before.
        self.contract = [(0, _tenths(induction.days_per_week))]
        for change in changes:
            self.contract.append((calendar.index_of(change.starts_on), _tenths(change.days_per_week)))
        self.absences = [
            (calendar.index_of(absence.start), calendar.index_after(absence.end), absence)
            for absence in induction.absences
        ]
        # One FTE term in fte_units.
        self.fte_term = TENTHS_PER_FULL_WEEK * calendar.term_lcm

    def weigh(self, first: int, stop: int) -> _Weights:
        """Weigh the employed working days among first..stop-1."""
        first = max(first, self.employed_first)
        stop = min(stop, self.employed_stop)
        if first >= stop:
            return _Weights(self.calendar.term_lcm)
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
        return _Weights(self.calendar.term_lcm, fte_units, calendar_units, day_units, stop - first)

    def absence_in(self, first: int, stop: int) -> Iterator[tuple[Absence, _Weights]]:
        for absence_first, absence_stop, absence in self.absences:
            weights = self.weigh(max(first, absence_first), min(stop, absence_stop))
            if weights.working_days:
                yield absence, weights

    def period_days(self, first: int, stop: int) -> PeriodDays:
        served = self.weigh(first, stop)
        absent_units = sum(weights.day_units for _, weights in self.absence_in(first, stop))
        return PeriodDays(
            working_days=served.working_days,
            served_exact=served.days,
            absent_exact=Fraction(absent_units, TENTHS_PER_FULL_WEEK),
        )


def days_for_period(calendar: Calendar, induction: Induction, start: date, end: date) -> PeriodDays:
    """Count days served and days absent from `start` to `end`, both included."""
    counter = _Counter(calendar, induction)
    return counter.period_days(calendar.index_of(start), calendar.index_after(end))


# The timetable.


@dataclass
class _Part:
    """Absence gathered in one part of induction (the first or the last three FTE
    terms), in the integer units of `_Weights`."""

    other_day_units: int = 0
    other_fte_units: int = 0
    chosen_statutory_fte_units: int = 0
    chosen_statutory_day_units: int = 0

    def add(self, absence: Absence, weights: _Weights) -> None:
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


def _plan(calendar: Calendar, induction: Induction, counter: _Counter) -> _Timetable:
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
                PlannedReport(ReportType.ASSESSMENT, period_start, period_end, part + 1, Fraction(cumulative, fte_term))
            )
            full_periods_since_assessment = 0
            part_base = target
            part += 1
            if part == len(parts):
                complete = True
                break
        elif not leaving:
            reports.append(
                PlannedReport(ReportType.PROGRESS_REVIEW, period_start, period_end, None, Fraction(cumulative, fte_term))
            )
        elif full_periods_since_assessment >= 1:
            reports.append(
                PlannedReport(
                    ReportType.INTERIM_ASSESSMENT, period_start, period_end, None, Fraction(cumulative, fte_term)
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
    counter = _Counter(calendar, induction)
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
                    days=PeriodDays(weights.working_days, weights.days, Fraction(absent_units, TENTHS_PER_FULL_WEEK)),
                    calendar_terms=weights.calendar_terms,
                    fte=weights.fte,
                )
            )
    if served.working_days and not continuous:
        notes.append("Service counts once the ECT has been employed for one whole term.")
    if len(calendar) == 0:
        notes.append("No term dates are entered yet, so no days can be counted. The appropriate body enters them.")
    elif timetable.calendar_exhausted:
        notes.append("The term dates run out before induction ends: enter the next academic year's term dates.")

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
