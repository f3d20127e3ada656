"""Day arithmetic that stays on the calendar Python can hold (years 1 to 9999).

An article may be dated at either edge ("date 0001-01-01", a typo'd 9999), and a window of a
few days around it must then end at the edge rather than fail the whole run: every sum of a
stored date and a number of days goes through `shift_day`.
"""
from __future__ import annotations

from datetime import date, timedelta


def shift_day(day: date, days: int | timedelta) -> date:
    """`day` moved by `days`, stopping at the first or last day of the calendar."""
    delta = days if isinstance(days, timedelta) else timedelta(days=days)
    ordinal = day.toordinal() + delta.days
    return date.fromordinal(min(max(ordinal, date.min.toordinal()), date.max.toordinal()))
