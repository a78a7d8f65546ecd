"""Term dates for schedule tests: five academic years, 2022-23 to 2026-27,
as a typical English appropriate body sets them, with England's real bank
holidays from the `holidays` package."""

from datetime import date

from schedule.bank_holidays import bank_holidays_in_england
from schedule.engine import Calendar, DateRange, Term

# (name, first day, last day, half term first day, half term last day)
TERMS = [
    ("Autumn 2022-23", date(2022, 9, 5), date(2022, 12, 16), date(2022, 10, 24), date(2022, 10, 28)),
    ("Spring 2022-23", date(2023, 1, 4), date(2023, 3, 31), date(2023, 2, 13), date(2023, 2, 17)),
    ("Summer 2022-23", date(2023, 4, 17), date(2023, 7, 21), date(2023, 5, 29), date(2023, 6, 2)),
    ("Autumn 2023-24", date(2023, 9, 4), date(2023, 12, 20), date(2023, 10, 30), date(2023, 11, 3)),
    ("Spring 2023-24", date(2024, 1, 4), date(2024, 3, 28), date(2024, 2, 12), date(2024, 2, 16)),
    ("Summer 2023-24", date(2024, 4, 15), date(2024, 7, 23), date(2024, 5, 27), date(2024, 5, 31)),
    ("Autumn 2024-25", date(2024, 9, 2), date(2024, 12, 20), date(2024, 10, 28), date(2024, 11, 1)),
    ("Spring 2024-25", date(2025, 1, 6), date(2025, 4, 4), date(2025, 2, 17), date(2025, 2, 21)),
    ("Summer 2024-25", date(2025, 4, 22), date(2025, 7, 22), date(2025, 5, 26), date(2025, 5, 30)),
    ("Autumn 2025-26", date(2025, 9, 1), date(2025, 12, 19), date(2025, 10, 27), date(2025, 10, 31)),
    ("Spring 2025-26", date(2026, 1, 5), date(2026, 3, 27), date(2026, 2, 16), date(2026, 2, 20)),
    ("Summer 2025-26", date(2026, 4, 13), date(2026, 7, 22), date(2026, 5, 25), date(2026, 5, 29)),
    ("Autumn 2026-27", date(2026, 9, 1), date(2026, 12, 18), date(2026, 10, 26), date(2026, 10, 30)),
    ("Spring 2026-27", date(2027, 1, 4), date(2027, 3, 26), date(2027, 2, 15), date(2027, 2, 19)),
    ("Summer 2026-27", date(2027, 4, 12), date(2027, 7, 21), date(2027, 5, 31), date(2027, 6, 4)),
]


def english_terms() -> list[Term]:
    return [Term(name, start, end, (DateRange(break_start, break_end),)) for name, start, end, break_start, break_end in TERMS]


def english_calendar(closures=()) -> Calendar:
    return Calendar(english_terms(), closures, bank_holidays_in_england(2022, 2027))
