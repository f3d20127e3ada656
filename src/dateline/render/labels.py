"""The labels every view writes the same way: an event's date as precisely as it is known, its
sources counted, the months a timeline groups by, and why a key date counts.

The terminal (`cli`), the web pages and the standalone HTML files (through the Jinja filters of
`web.templating`) all draw these, so a date reads alike wherever it is shown.
"""
from __future__ import annotations

from collections.abc import Sequence

from dateline.model import FusedEvent, KeyDate
from dateline.query.dates import date_value_words

UNDATED = "Undated"
# A season's first month gives its TimeML code (winter starts in December).
SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
EVENTS_SHOWN = 5  # a key date lists its events with the most sources first; the rest are counted


def date_label(event: FusedEvent) -> str:
    """The event's date as precisely as it is known: 2021-07-13, 2021-07, 2021-Q3, 2021."""
    if event.date is None:
        return ""
    day, precision = event.date, event.date_precision
    if precision == "month":
        return f"{day:%Y-%m}"
    if precision == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return str(day.year)
    if precision == "season":
        return f"{day.year}-{SEASON_CODES[day.month]}"
    if precision == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    if precision == "century":
        return f"{day.year // 100:02d}XX"
    return day.isoformat()


def undated_label(event: FusedEvent) -> str:
    """What an undated event's words say of its date: "4 November (year not stated)", or ""."""
    return "" if event.date else (date_value_words(event.date_value) or "")


def when_label(event: FusedEvent) -> str:
    """The event's date, or for an undated one what its words say of it, or ""."""
    return date_label(event) or undated_label(event)


def month_label(event: FusedEvent) -> str:
    return f"{event.date:%Y-%m}" if event.date else UNDATED


def sources_label(event: FusedEvent) -> str:
    count = len(event.sources)
    return f"[{count} source{'' if count == 1 else 's'}]"


def events_by_month(events: Sequence[FusedEvent]) -> dict[str, list[FusedEvent]]:
    months: dict[str, list[FusedEvent]] = {}
    for event in events:  # already in time order, undated last
        months.setdefault(month_label(event), []).append(event)
    return months


# Key dates.


def evidence_label(key: KeyDate) -> str:
    """Why the day counts: "3 articles, 2 later; score 9.8"."""
    return (f"{key.articles} article{'' if key.articles == 1 else 's'}, {key.later} later; "
            f"score {key.score:g}")


def shown_events(key: KeyDate) -> tuple[list[FusedEvent], int]:
    """The events a key date lists, and how many more it only counts."""
    return key.events[:EVENTS_SHOWN], max(len(key.events) - EVENTS_SHOWN, 0)


def more_label(count: int) -> str:
    return f"… and {count} more"
