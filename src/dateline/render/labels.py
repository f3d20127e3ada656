"""The labels every view writes the same way: an event's date as precisely as it is known, its
sources counted, the months a timeline groups by, and why a key date counts.

The terminal (`cli`), the web pages and the standalone HTML files (through the Jinja filters of
`web.templating`) all draw these, so a date reads alike wherever it is shown.
"""
from __future__ import annotations

from collections.abc import Sequence

from dateline.model import EventSource, FusedEvent, KeyDate, KeyDateSentence, shown_name
from dateline.query.dates import date_value_words

UNDATED = "Undated"
# A season's first month gives its TimeML code (winter starts in December).
SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
EVENTS_SHOWN = 5  # a key date lists its events with the most sources first; the rest are counted
HEADLINE_SHOWN = 40  # characters of a headline a one-line citation keeps, so a line stays readable


def date_label(event: FusedEvent) -> str:
    """The event's date as precisely as it is known: 2021-07-13, 2021-W28, 2021-07, 2021-Q3,
    2021. A week is written as one (ISO 8601), never as its first day, which would claim a day."""
    if event.date is None:
        return ""
    day, precision = event.date, event.date_precision
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
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
    """The event's first source, cited briefly, and how many more there are:
    "[Headline — Outlet, 2011-06-03 (+2 more)]"; "[0 sources]" for an event that cites none."""
    if not event.sources:
        return "[0 sources]"
    more = len(event.sources) - 1
    return (f"[{citation_label(event.sources[0], HEADLINE_SHOWN)}"
            f"{f' (+{more} more)' if more else ''}]")


def citation_label(source: EventSource | KeyDateSentence, headline_chars: int | None = None) -> str:
    """How a source is cited: "Headline — Outlet, 2011-06-03" (its article's published day, or
    "undated"), its headline cut to `headline_chars` with an ellipsis; its path where its article
    has no headline. Every name passes through `shown_name`."""
    published = source.published.isoformat() if source.published else "undated"
    if not (source.title or "").strip():
        return f"{shown_name(source.source)}, {published}"
    headline = shown_name(" ".join(source.title.split()))
    if headline_chars and len(headline) > headline_chars:
        headline = headline[:headline_chars - 1].rstrip() + "…"
    outlet = f" — {shown_name(source.outlet)}" if (source.outlet or "").strip() else ""
    return f"{headline}{outlet}, {published}"


def short_id_label(event: FusedEvent) -> str:
    """The start of the event's id the views show (`FusedEvent.short_id`), which names it."""
    return event.short_id or event.id


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
