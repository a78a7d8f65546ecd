"""Compute the induction schedule of many generated ECTs and report the time.

    .venv/bin/python benchmarks/schedule_benchmark.py --ects 60000 --workers 2

Each ECT gets a start date between September 2022 and December 2026, a
contract of 0.5 to 5 days a week (a third change it once), and some get a
leaving date, absence of each kind and earlier service. The generator is
seeded, so every run computes the same schedules. Results go on
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from datetime import date, timedelta
from fractions import Fraction
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from schedule.bank_holidays import bank_holidays_in_england  # noqa: E402
from schedule.engine import (  # noqa: E402
    Absence,
    AbsenceKind,
    Calendar,
    ContractChange,
    DateRange,
    Induction,
    Term,
    compute_schedule,
)

FIRST_YEAR, LAST_YEAR = 2022, 2030
AS_AT = date(2026, 12, 4)


def weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def english_style_terms() -> list[Term]:
    """Generate three terms a year in the usual English shape: autumn from early
    September to before Christmas, spring from early January to before Easter
    (or late March), summer to late July, each with a one-week half term."""
    terms = []
    for year in range(FIRST_YEAR, LAST_YEAR):
        autumn_start = weekday_on_or_after(date(year, 9, 1), 0)
        autumn_end = weekday_on_or_after(date(year, 12, 15), 4)
        autumn_half = weekday_on_or_after(date(year, 10, 23), 0)
        spring_start = weekday_on_or_after(date(year + 1, 1, 3), 0)
        spring_end = weekday_on_or_after(date(year + 1, 3, 24), 4)
        spring_half = weekday_on_or_after(date(year + 1, 2, 12), 0)
        summer_start = weekday_on_or_after(date(year + 1, 4, 10), 0)
        summer_end = date(year + 1, 7, 21)
        summer_half = weekday_on_or_after(date(year + 1, 5, 25), 0)
        for name, start, end, half in [
            (f"Autumn {year}", autumn_start, autumn_end, autumn_half),
            (f"Spring {year + 1}", spring_start, spring_end, spring_half),
            (f"Summer {year + 1}", summer_start, summer_end, summer_half),
        ]:
            terms.append(Term(name, start, end, (DateRange(half, half + timedelta(days=4)),)))
    return terms


def build_calendar() -> Calendar:
    return Calendar(english_style_terms(), bank_holidays=bank_holidays_in_england(FIRST_YEAR, LAST_YEAR + 1))


def generate_inductions(count: int, seed: int = 2026) -> list[Induction]:
    rng = random.Random(seed)
    first, last = date(2022, 9, 1), date(2026, 12, 31)
    span = (last - first).days
    kinds = list(AbsenceKind)
    inductions = []
    for _ in range(count):
        start = first + timedelta(days=rng.randrange(span))
        days_per_week = Fraction(rng.choice(range(1, 11)), 2)
        changes = ()
        if rng.random() < 0.3:
            changes = (ContractChange(start + timedelta(days=rng.randrange(60, 500)), Fraction(rng.choice(range(1, 11)), 2)),)
        leaving = start + timedelta(days=rng.randrange(60, 900)) if rng.random() < 0.2 else None
        absences = ()
        if rng.random() < 0.4:
            absence_start = start + timedelta(days=rng.randrange(0, 500))
            absences = (
                Absence(absence_start, absence_start + timedelta(days=rng.randrange(0, 80)), rng.choice(kinds), rng.random() < 0.5),
            )
        earlier = Fraction(rng.randrange(0, 30), 10) if rng.random() < 0.1 else Fraction(0)
        inductions.append(
            Induction(
                start=start,
                days_per_week=days_per_week,
                contract_changes=changes,
                leaving_date=leaving,
                absences=absences,
                earlier_fte=earlier,
            )
        )
    return inductions


_calendar: Calendar | None = None


def _start_worker() -> None:
    global _calendar
    _calendar = build_calendar()


def compute_chunk(chunk: tuple[int, int]) -> tuple[int, int, float, float]:
    """Generate one chunk of ECTs (seeded by its index) and compute each schedule.

    Each worker generates its own chunk, so no ECT is pickled between processes.
    Returns (schedules, planned reports, generation seconds, compute seconds).
    """
    index, size = chunk
    started = time.perf_counter()
    inductions = generate_inductions(size, seed=2026 + index)
    generated = time.perf_counter()
    reports = 0
    for induction in inductions:
        reports += len(compute_schedule(_calendar, induction, AS_AT).timetable)
    return len(inductions), reports, generated - started, time.perf_counter() - generated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ects", type=int, default=60_000, help="number of generated ECTs")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    arguments = parser.parse_args()

    chunk_count = arguments.workers * 8
    base, extra = divmod(arguments.ects, chunk_count)
    chunks = [(index, base + (1 if index < extra else 0)) for index in range(chunk_count)]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with Pool(arguments.workers, initializer=_start_worker) as pool:
        results = pool.map(compute_chunk, chunks)
    finished = time.perf_counter()

    schedules = sum(result[0] for result in results)
    reports = sum(result[1] for result in results)
    generation = sum(result[2] for result in results)
    computing = sum(result[3] for result in results)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average before the run: {load_before:.1f}")
    print(
        f"{schedules} schedules ({reports} planned reports) in {finished - started:.1f} s wall clock "
        f"with {arguments.workers} workers"
    )
    print(f"worker time: {computing:.1f} s computing schedules, {generation:.1f} s generating ECTs")


if __name__ == "__main__":
    main()
