"""Calendar arithmetic of time expressions: which Tuesday, which November 4 a relative expression
means, given the anchor and the tense."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.timex.calendar import resolve_month_day, resolve_weekday

PAST, FUTURE = -1, 1
TUESDAY, WEDNESDAY_INDEX, FRIDAY = 1, 2, 4


# Weekday and yearless month-day resolution across month and year boundaries.


@pytest.mark.parametrize("anchor, weekday, direction, expected", [
    (date(2021, 7, 14), TUESDAY, PAST, date(2021, 7, 13)),
    (date(2021, 9, 1), TUESDAY, PAST, date(2021, 8, 31)),
    (date(2024, 1, 2), FRIDAY, PAST, date(2023, 12, 29)),
    (date(2021, 7, 14), WEDNESDAY_INDEX, FUTURE, date(2021, 7, 14)),  # "on Wednesday" on a Wednesday
    (date(2021, 7, 14), FRIDAY, FUTURE, date(2021, 7, 16)),
    (date(2024, 12, 30), FRIDAY, FUTURE, date(2025, 1, 3)),
    (date(2021, 7, 14), WEDNESDAY_INDEX, PAST, date(2021, 7, 14)),
    (date(2021, 7, 14), FRIDAY, 0, date(2021, 7, 9)),
])
def test_timex_resolve_weekday_crosses_month_and_year(anchor, weekday, direction, expected):
    assert resolve_weekday(anchor, weekday, direction) == expected


@pytest.mark.parametrize("anchor, month, day, direction, expected", [
    (date(2024, 11, 7), 11, 4, 0, date(2024, 11, 4)),
    (date(2022, 1, 3), 12, 30, PAST, date(2021, 12, 30)),
    (date(2022, 1, 3), 12, 30, 0, date(2021, 12, 30)),
    (date(2021, 12, 20), 1, 5, FUTURE, date(2022, 1, 5)),
    (date(2021, 3, 1), 7, 13, PAST, date(2020, 7, 13)),
])
def test_timex_resolve_month_day_picks_the_year(anchor, month, day, direction, expected):
    assert resolve_month_day(anchor, month, day, direction) == expected
