"""Production-calendar tests; expected dates checked against the holidays data."""

from datetime import date

import pytest

from mentoring.documents.workdays import (
    add_working_days,
    is_working_day,
    review_due_date,
    working_days_between,
)


def test_russia_day_and_transferred_friday():
    # 12.06.2025 (Thu) Russia Day, 13.06.2025 (Fri) day off moved from Sat 08.03.2025.
    # Back from Mon 16.06: 15, 14 weekend, 13, 12 off; 11, 10, 9, 6, 5 → 05.06.
    assert not is_working_day(date(2025, 6, 12))
    assert not is_working_day(date(2025, 6, 13))
    assert review_due_date(date(2025, 6, 16)) == date(2025, 6, 5)


def test_new_year_holidays():
    # End Mon 12.01.2026. Back from it: 11, 10 weekend; 09.01 (Fri) is the day off
    # moved from Sat 03.01.2026; 01–08.01 are New Year holidays and Christmas;
    # 31.12.2025 (Wed) is the day off moved from Sun 05.01.2025. Working days left:
    # 30.12, 29.12, (27–28.12 an ordinary weekend), 26.12, 25.12, 24.12 → 24.12.2025.
    assert not is_working_day(date(2026, 1, 9))
    assert not is_working_day(date(2025, 12, 31))
    assert not is_working_day(date(2025, 12, 27))  # not a working Saturday in 2025
    assert review_due_date(date(2026, 1, 12)) == date(2025, 12, 24)


@pytest.mark.parametrize("saturday", [date(2025, 11, 1), date(2024, 11, 2), date(2024, 12, 28)])
def test_working_saturday_is_working(saturday):
    assert saturday.weekday() == 5
    assert is_working_day(saturday)


def test_working_saturday_counts_towards_deadline():
    # Back from Wed 05.11.2025: 04.11 Unity Day, 03.11 moved off from Sat 01.11,
    # 02.11 Sunday, 01.11 working Saturday (1), 31, 30, 29, 28.10 → 28.10.2025.
    assert not is_working_day(date(2025, 11, 3))
    assert review_due_date(date(2025, 11, 5)) == date(2025, 10, 28)


def test_plain_week():
    # March 2025 after the 8th: nothing but weekends. Fri 21.03 → 20, 19, 18, 17, 14.
    assert review_due_date(date(2025, 3, 21)) == date(2025, 3, 14)
    assert add_working_days(date(2025, 3, 14), 5) == date(2025, 3, 21)


def test_may_holidays_2025():
    # 01.05 holiday, 02.05 moved from Sat 04.01; 08.05 moved from Sun 23.02, 09.05 Victory Day.
    off = [date(2025, 5, d) for d in (1, 2, 3, 4, 8, 9, 10, 11)]
    assert not any(is_working_day(d) for d in off)
    assert [d for d in (date(2025, 5, x) for x in range(1, 12)) if is_working_day(d)] == [
        date(2025, 5, 5),
        date(2025, 5, 6),
        date(2025, 5, 7),
    ]
    # Mon 12.05: 7, 6, 5 May, then 30.04, 29.04.
    assert review_due_date(date(2025, 5, 12)) == date(2025, 4, 29)


@pytest.mark.parametrize("end", [date(2025, 6, 21), date(2025, 6, 22)])
def test_end_on_weekend(end):
    # Sat/Sun end: the weekend days are skipped, Fri 20.06 is the first of five.
    assert review_due_date(end) == date(2025, 6, 16)


def test_zero_and_forward_across_new_year():
    assert add_working_days(date(2025, 12, 28), 0) == date(2025, 12, 28)
    assert add_working_days(date(2025, 12, 30), 1) == date(2026, 1, 12)


def test_working_days_between():
    end = date(2026, 1, 12)
    assert working_days_between(review_due_date(end), end) == 5
    assert working_days_between(end, review_due_date(end)) == -5
    assert working_days_between(end, end) == 0


@pytest.mark.parametrize(
    ("year", "count"),
    [(2019, 247), (2020, 248), (2021, 247), (2022, 247), (2023, 247), (2024, 248), (2025, 247), (2026, 247)],
)
def test_yearly_totals_match_official_calendar(year, count):
    # Working days per year in the published production calendars; also a
    # whole-year loop, which the per-year cache keeps fast.
    assert working_days_between(date(year, 1, 1), date(year + 1, 1, 1)) == count
