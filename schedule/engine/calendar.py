"""Term dates, closures and bank holidays, with every working day indexed."""

from __future__ import annotations

import bisect
import math
from datetime import date, timedelta
from typing import Iterable, Iterator

from schedule.engine.values import DateRange, ScheduleError, Term


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
