"""Dates for people: the --since/--until bounds users type (YYYY, YYYY-MM or YYYY-MM-DD), what
they mean for an event's dates, and partial TimeML values said in words."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from dateline.errors import E043, QueryError

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# A TimeML value whose year the words did not give: "XXXX-11-04" (November 4), "XXXX-11", and a
# run of days as an ISO 8601 interval: "XXXX-11-04/XXXX-11-05" (November 4-5).
_NO_YEAR = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?(?:/XXXX-(\d{2})-(\d{2}))?")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
LEAP_YEAR = 2000  # a day with no year may be 29 February


def date_interval(value: str | date) -> tuple[date, date]:
    """The first and last day a (possibly partial) date covers: "2021-07" -> July 1 .. July 31."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value, value
    match = _PARTIAL_DATE.fullmatch(str(value).strip())
    if not match:
        raise QueryError(E043.format(value=value))
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise QueryError(E043.format(value=value)) from None


def since_bound(value: str | date | None) -> date | None:
    """A --since value means from the start of the interval it names."""
    return date_interval(value)[0] if value is not None else None


def until_bound(value: str | date | None) -> date | None:
    """An --until value means up to the end of the interval it names."""
    return date_interval(value)[1] if value is not None else None


def date_conditions(since: str | date | None, until: str | date | None,
                    overlapping: bool = False) -> tuple[list[str], list[object]]:
    """SQL conditions on events' `date` .. `date_end` for --since and --until, and their
    parameters: all of an event's dates lie within the bounds (a day, a week, a month or a year
    that fits inside); with `overlapping`, any of them does (the year 2011 overlaps June 3-4).
    An undated event meets neither."""
    first, last = "date", "coalesce(date_end, date)"
    start, end = since_bound(since), until_bound(until)
    where: list[str] = []
    params: list[object] = []
    if start:
        where.append(f"{last if overlapping else first} >= ?")
        params.append(start)
    if end:
        where.append(f"{first if overlapping else last} <= ?")
        params.append(end)
    return where, params


def date_value_words(value: str | None) -> str | None:
    """A partial date as words: "XXXX-11-04" -> "4 November (year not stated)", "XXXX-11" ->
    "November (year not stated)"; None for a value that is no month or day without a year."""
    match = _NO_YEAR.fullmatch(value or "")
    if not match:
        return None
    month = int(match[1])
    day = int(match[2]) if match[2] else None
    if not _is_day(month, day):
        return None
    when = MONTH_NAMES[month - 1] if day is None else f"{day} {MONTH_NAMES[month - 1]}"
    if match[3] and _is_day(int(match[3]), int(match[4])):
        last_month, last_day = int(match[3]), int(match[4])
        when = (f"{day}-{last_day} {MONTH_NAMES[month - 1]}" if last_month == month
                else f"{when} to {last_day} {MONTH_NAMES[last_month - 1]}")
    return f"{when} (year not stated)"


def _is_day(month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= calendar.monthrange(LEAP_YEAR, month)[1])
