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

from schedule.engine.calendar import Calendar
from schedule.engine.counting import days_for_period
from schedule.engine.timetable import compute_schedule
from schedule.engine.values import (
    ABSENCE_THRESHOLD_DAYS,
    FULL_TIME_DAYS,
    STATUTORY_LEAVE,
    TERMS_PER_PART,
    Absence,
    AbsenceKind,
    ContractChange,
    DateRange,
    Induction,
    PeriodDays,
    PlannedReport,
    ReportType,
    Schedule,
    ScheduleError,
    Term,
    TermService,
    as_fraction,
    one_place_down,
    one_place_up,
    round_half_up,
)

__all__ = [
    "ABSENCE_THRESHOLD_DAYS",
    "FULL_TIME_DAYS",
    "STATUTORY_LEAVE",
    "TERMS_PER_PART",
    "Absence",
    "AbsenceKind",
    "Calendar",
    "ContractChange",
    "DateRange",
    "Induction",
    "PeriodDays",
    "PlannedReport",
    "ReportType",
    "Schedule",
    "ScheduleError",
    "Term",
    "TermService",
    "as_fraction",
    "compute_schedule",
    "days_for_period",
    "one_place_down",
    "one_place_up",
    "round_half_up",
]
