"""Checks on term dates and closures that an AB enters, as plain functions.

Each check returns a list of (field name, message) pairs, empty when the
dates are valid, so forms can attach every message to the field it is about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TERM_NAMES = ("autumn", "spring", "summer")
TERM_LABELS = {"autumn": "Autumn term", "spring": "Spring term", "summer": "Summer term"}


@dataclass(frozen=True)
class TermDates:
    name: str
    start: date | None
    end: date | None
    half_term_start: date | None = None
    half_term_end: date | None = None


def academic_year_bounds(start_year: int) -> tuple[date, date]:
    """Return the first and last days of an academic year: 1 September to 31 August."""
    return date(start_year, 9, 1), date(start_year + 1, 8, 31)


def _show(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check_terms(start_year: int, terms: list[TermDates]) -> list[tuple[str, str]]:
    """Check that each term is ordered, inside the academic year, with its half term
    inside it, and that the terms follow one another without overlapping."""
    errors: list[tuple[str, str]] = []
    first_day, last_day = academic_year_bounds(start_year)
    year_label = f"{start_year}-{(start_year + 1) % 100:02d}"

    for term in terms:
        label = TERM_LABELS[term.name]
        if term.start is None:
            errors.append((f"{term.name}_start", f"Enter the date the {label.lower()} starts."))
        if term.end is None:
            errors.append((f"{term.name}_end", f"Enter the date the {label.lower()} ends."))
        if term.start is None or term.end is None:
            continue
        if term.end < term.start:
            errors.append((f"{term.name}_end", f"{label} must end after it starts ({_show(term.start)})."))
            continue
        if term.start < first_day or term.start > last_day:
            errors.append(
                (
                    f"{term.name}_start",
                    f"{label} must start inside the academic year {year_label}: "
                    f"{_show(first_day)} to {_show(last_day)}.",
                )
            )
        if term.end > last_day or term.end < first_day:
            errors.append(
                (
                    f"{term.name}_end",
                    f"{label} must end inside the academic year {year_label}: "
                    f"{_show(first_day)} to {_show(last_day)}.",
                )
            )
        errors.extend(_check_half_term(term, label))

    complete = [term for term in terms if term.start and term.end]
    for earlier, later in zip(complete, complete[1:]):
        if later.start <= earlier.end:
            errors.append(
                (
                    f"{later.name}_start",
                    f"{TERM_LABELS[later.name]} must start after the {TERM_LABELS[earlier.name].lower()} "
                    f"ends ({_show(earlier.end)}).",
                )
            )
    return errors


def _check_half_term(term: TermDates, label: str) -> list[tuple[str, str]]:
    if term.half_term_start is None and term.half_term_end is None:
        return []
    if term.half_term_start is None:
        return [(f"{term.name}_half_term_start", f"Enter the date the {label.lower()} half term starts, or clear both half-term dates.")]
    if term.half_term_end is None:
        return [(f"{term.name}_half_term_end", f"Enter the date the {label.lower()} half term ends, or clear both half-term dates.")]
    if term.half_term_end < term.half_term_start:
        return [(f"{term.name}_half_term_end", f"The {label.lower()} half term must end after it starts.")]
    if term.half_term_start <= term.start or term.half_term_end >= term.end:
        return [
            (
                f"{term.name}_half_term_start",
                f"The {label.lower()} half term must fall inside the term, "
                f"between {_show(term.start)} and {_show(term.end)}.",
            )
        ]
    return []


def check_closure(
    start: date, end: date, terms: list[tuple[date, date]], other_closures: list[tuple[date, date]]
) -> list[tuple[str, str]]:
    """Check that a closure is ordered, falls inside one term, and overlaps no other closure."""
    if end < start:
        return [("end_date", f"The closure must end on or after its first day ({_show(start)}).")]
    if not any(term_start <= start and end <= term_end for term_start, term_end in terms):
        return [("start_date", "A closure must fall inside one term of this academic year. Check the term dates.")]
    for other_start, other_end in other_closures:
        if start <= other_end and other_start <= end:
            return [
                (
                    "start_date",
                    f"This closure overlaps the closure from {_show(other_start)} to {_show(other_end)}.",
                )
            ]
    return []
