"""Russian production calendar (производственный календарь) for deadlines.

Built on the maintained ``holidays`` package instead of a hand-kept list: it
holds the public holidays and the yearly Government decrees on transferred
days off.  A working Saturday (e.g. 1 November 2025) is stored by the library
in ``weekend_workdays`` and honoured by its ``is_working_day``.
"""

from datetime import date, timedelta
from functools import cache

import holidays

__all__ = [
    "add_working_days",
    "is_working_day",
    "review_due_date",
    "working_days_between",
]

REVIEW_LEAD_WORKING_DAYS = 5
_DAY = timedelta(days=1)


@cache  # functools.lru_cache without a size limit: one entry per year
def _calendar(year: int) -> holidays.HolidayBase:
    """One year's calendar, built once: building it costs far more than a lookup."""
    return holidays.country_holidays("RU", years=year, language="ru")


def is_working_day(d: date) -> bool:
    """True unless ``d`` is a weekend, a holiday or a transferred day off.

    Transferred working Saturdays count as working days.
    """
    return _calendar(d.year).is_working_day(d)


def add_working_days(d: date, n: int) -> date:
    """The ``n``-th working day after ``d`` (before it if ``n`` < 0).

    ``d`` itself is never counted; ``n == 0`` returns ``d`` unchanged.
    """
    step = _DAY if n > 0 else -_DAY
    for _ in range(abs(n)):
        d += step
        while not is_working_day(d):
            d += step
    return d


def working_days_between(a: date, b: date) -> int:
    """Working days in ``[a, b)``; negative if ``b`` is before ``a``.

    Answers "how many working days are left before ``b``", so
    ``working_days_between(review_due_date(end), end) == 5``.
    """
    if b < a:
        return -working_days_between(b, a)
    return sum(is_working_day(a + i * _DAY) for i in range((b - a).days))


def review_due_date(end: date) -> date:
    """Deadline of the mentor's review for a pair ending on ``end``.

    Rule: «не позднее 5 рабочих дней до окончания» — count back 5 working
    days from the end date, the end date itself not counted.
    Pair ending 16.06.2025 → due 05.06.2025 (12.06 and 13.06 are days off).
    """
    return add_working_days(end, -REVIEW_LEAD_WORKING_DAYS)
