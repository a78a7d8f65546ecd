"""Value objects, enums and display rounding of the schedule engine."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction

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
        tenths(self.days_per_week)
        for change in self.contract_changes:
            tenths(change.days_per_week)
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


@dataclass(frozen=True)
class PeriodDays:
    """Days served and days absent in a period, exact and rounded for people.

    Days served include the days absent, as schools report them. Both are
    scaled by days per week ÷ 5 and stored in fiftieths of a day, so no
    Fraction is built unless asked for.
    """

    working_days: int
    served_fiftieths: int
    absent_fiftieths: int

    @property
    def served_exact(self) -> Fraction:
        return Fraction(self.served_fiftieths, TENTHS_PER_FULL_WEEK)

    @property
    def absent_exact(self) -> Fraction:
        return Fraction(self.absent_fiftieths, TENTHS_PER_FULL_WEEK)

    @property
    def served(self) -> int:
        return round_half_up(self.served_exact)

    @property
    def absent(self) -> int:
        return round_half_up(self.absent_exact)


@dataclass(frozen=True)
class TermService:
    """One calendar term of an ECT's employment, with weights in the calendar's units."""

    term: Term
    days: PeriodDays
    calendar_units: int
    fte_units: int
    # A calendar term is term_lcm calendar units and 50 × term_lcm FTE units.
    term_lcm: int

    @property
    def calendar_terms(self) -> Fraction:
        return Fraction(self.calendar_units, self.term_lcm)

    @property
    def fte(self) -> Fraction:
        return Fraction(self.fte_units, TENTHS_PER_FULL_WEEK * self.term_lcm)


@dataclass(frozen=True)
class PlannedReport:
    type: ReportType
    period_start: date
    period_end: date
    # 1 for the first formal assessment, 2 for the final one; None otherwise.
    assessment_number: int | None
    # FTE terms at the end of the period, earlier service included, as
    # fte_units over fte_term (an int, or a Fraction for odd earlier service).
    fte_units: int | Fraction
    fte_term: int

    @property
    def fte_at_end(self) -> Fraction:
        return Fraction(self.fte_units) / self.fte_term


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


# Days per week are counted in tenths, as they are stored, so every weight is
# an integer over a fixed denominator. Day counts are in fiftieths (days ×
# tenths ÷ 50), calendar terms in 1/term_lcm and FTE terms in 1/(50 × term_lcm).
# Fractions are built only for results, because Fraction arithmetic is slow.
TENTHS_PER_FULL_WEEK = 50


def tenths(days_per_week: Fraction) -> int:
    tenths = as_fraction(days_per_week) * 10
    if tenths.denominator != 1:
        raise ScheduleError(f"Days per week must be in tenths of a day, like 2.5, not {days_per_week}.")
    return int(tenths)
