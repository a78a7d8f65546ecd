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
term, a part of a term counts for exactly its share, and any total is the sum
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
    """One ECT's contract history, absences, earlier service and extensions."""

    start: date
    days_per_week: Fraction = FULL_TIME_DAYS
    contract_changes: tuple[ContractChange, ...] = ()
    leaving_date: date | None = None
    absences: tuple[Absence, ...] = ()
    # FTE terms already served at earlier schools; they count towards part 1 first.
    earlier_fte: Fraction = Fraction(0)
    # FTE terms the AB added to induction, served after the usual six.
    extension_fte: Fraction = Fraction(0)

    def __post_init__(self):
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
    """Everything the schedule says about one ECT as at one date."""

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


@dataclass(frozen=True)
class _Weights:
    fte: Fraction = Fraction(0)
    calendar_terms: Fraction = Fraction(0)
    days: Fraction = Fraction(0)
    working_days: int = 0

    def __add__(self, other: _Weights) -> _Weights:
        return _Weights(
            self.fte + other.fte,
            self.calendar_terms + other.calendar_terms,
            self.days + other.days,
            self.working_days + other.working_days,
        )


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
        # (first working-day index, days per week) in order; the first entry covers everything before.
        self.contract = [(0, as_fraction(induction.days_per_week))]
        for change in changes:
            self.contract.append((calendar.index_of(change.starts_on), as_fraction(change.days_per_week)))
        self.absences = [
            (calendar.index_of(absence.start), calendar.index_after(absence.end), absence)
            for absence in induction.absences
        ]

    def weigh(self, first: int, stop: int) -> _Weights:
        """Weigh the employed working days among first..stop-1."""
        first = max(first, self.employed_first)
        stop = min(stop, self.employed_stop)
        total = _Weights()
        if first >= stop:
            return total
        for position, (piece_first, days_per_week) in enumerate(self.contract):
            piece_stop = self.contract[position + 1][0] if position + 1 < len(self.contract) else stop
            low, high = max(first, piece_first), min(stop, piece_stop)
            if low >= high:
                continue
            scale = days_per_week / FULL_TIME_DAYS
            for term, count in self.calendar.term_pieces(low, high):
                size = self.calendar.term_size(term)
                total += _Weights(
                    fte=scale * Fraction(count, size),
                    calendar_terms=Fraction(count, size),
                    days=scale * count,
                    working_days=count,
                )
        return total

    def absence_in(self, first: int, stop: int) -> Iterator[tuple[Absence, _Weights]]:
        for absence_first, absence_stop, absence in self.absences:
            weights = self.weigh(max(first, absence_first), min(stop, absence_stop))
            if weights.working_days:
                yield absence, weights

    def period_days(self, first: int, stop: int) -> PeriodDays:
        served = self.weigh(first, stop)
        absent = sum((weights.days for _, weights in self.absence_in(first, stop)), Fraction(0))
        return PeriodDays(working_days=served.working_days, served_exact=served.days, absent_exact=absent)


def days_for_period(calendar: Calendar, induction: Induction, start: date, end: date) -> PeriodDays:
    """Count days served and days absent from `start` to `end`, both included."""
    counter = _Counter(calendar, induction)
    return counter.period_days(calendar.index_of(start), calendar.index_after(end))


# The timetable.


@dataclass
class _Part:
    """Absence gathered in one part of induction (the first or the last three FTE terms)."""

    other_days: Fraction = Fraction(0)
    other_fte: Fraction = Fraction(0)
    chosen_statutory_fte: Fraction = Fraction(0)
    chosen_statutory_days: Fraction = Fraction(0)

    def add(self, absence: Absence, weights: _Weights) -> None:
        if absence.is_statutory_leave:
            if absence.ect_chose_extension:
                self.chosen_statutory_fte += weights.fte
                self.chosen_statutory_days += weights.days
        else:
            self.other_days += weights.days
            self.other_fte += weights.fte

    @property
    def extension_days(self) -> Fraction:
        days = self.chosen_statutory_days
        if self.other_days >= ABSENCE_THRESHOLD_DAYS:
            days += self.other_days
        return days

    @property
    def extension(self) -> Fraction:
        """The FTE terms this part is extended by: every day of other absence once it
        reaches 30 days, plus statutory leave the ECT chose to add."""
        extension = self.chosen_statutory_fte
        if self.other_days >= ABSENCE_THRESHOLD_DAYS:
            extension += self.other_fte
        return extension


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
    offset = Fraction(first - calendar.term_first(start_term), calendar.term_size(start_term))
    term_count = len(calendar.terms)
    for term in range(start_term + 1, start_term + MAX_PERIODS):
        if term < term_count:
            yield calendar.term_first(term) + math.ceil(offset * calendar.term_size(term))
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
    """Return the first date of a period that starts at working day `first`; a
    period that starts with its term starts on the term's first date."""
    term = calendar.term_at(first)
    if first == calendar.term_first(term):
        return calendar.terms[term].start
    return calendar.day_at(first)


def _plan(calendar: Calendar, induction: Induction, counter: _Counter) -> _Timetable:
    first = counter.employed_first
    if first >= len(calendar) or first >= counter.employed_stop:
        return _Timetable((), Fraction(0), Fraction(0), False, True, None)

    reports: list[PlannedReport] = []
    parts = [_Part(), _Part()]
    part = 0
    part_base = Fraction(0)
    cumulative = as_fraction(induction.earlier_fte)
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

        cumulative += counter.weigh(period_first, stop).fte
        for absence, weights in counter.absence_in(period_first, stop):
            parts[part].add(absence, weights)
        target = part_base + TERMS_PER_PART + parts[part].extension
        if part == 1:
            target += as_fraction(induction.extension_fte)

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
            reports.append(PlannedReport(ReportType.ASSESSMENT, period_start, period_end, part + 1, cumulative))
            full_periods_since_assessment = 0
            part_base = target
            part += 1
            if part == len(parts):
                complete = True
                break
        elif not leaving:
            reports.append(PlannedReport(ReportType.PROGRESS_REVIEW, period_start, period_end, None, cumulative))
        elif full_periods_since_assessment >= 1:
            reports.append(PlannedReport(ReportType.INTERIM_ASSESSMENT, period_start, period_end, None, cumulative))
        if leaving:
            break
        period_first = natural_stop

    extension = sum((entry.extension for entry in parts), Fraction(0))
    extension_days = sum((entry.extension_days for entry in parts), Fraction(0))
    return _Timetable(tuple(reports), extension, extension_days, complete, exhausted, first_period_stop)


def compute_schedule(calendar: Calendar, induction: Induction, as_at: date) -> Schedule:
    """Compute an ECT's service to `as_at` and their whole report timetable."""
    counter = _Counter(calendar, induction)
    timetable = _plan(calendar, induction, counter)

    served_stop = min(counter.employed_stop, calendar.index_after(as_at))
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
            terms.append(
                TermService(
                    term=calendar.terms[term_index],
                    days=counter.period_days(term_first, min(term_stop, served_stop)),
                    calendar_terms=weights.calendar_terms,
                    fte=weights.fte,
                )
            )
    if served.working_days and not continuous:
        notes.append("Service counts once the ECT has been employed for one whole term.")
    if timetable.calendar_exhausted:
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
