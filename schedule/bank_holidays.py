"""Bank holidays in England, from the maintained `holidays` package.

The package carries substitute days (such as 2020-12-28) and one-off days
(such as the state funeral on 2022-09-19 and the coronation on 2023-05-08),
so a new one-off day arrives with a package upgrade, not a code change. A
school closure the package does not know is entered as a closure instead.
"""

from datetime import date
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def bank_holidays_in_england(first_year: int, last_year: int) -> frozenset[date]:
    """Return the bank holidays in England in the calendar years first_year..last_year."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1)))
