"""The records a time expression passes through (span, resolution context) and the builders of the
`TimeRef` it becomes."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from dateline.analyze.timex.calendar import interval, timeml_value
from dateline.model import TimeRef

Direction = Callable[[int, int], int]

# The types of TimeRef that sit on the calendar: they can anchor the narrative and join a range.
CALENDAR_TYPES = ("DATE", "TIME")

# TimeML placeholders for a value that needs an anchor we do not have.
UNRESOLVED_VALUES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                     "year": "XXXX", "decade": "XXX", "century": "XX"}
UNIT_PRECISION = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
                  "CE": "century"}
# Finest first: a narrative date fine enough for a unit can anchor it.
PRECISION_ORDER = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Context:
    """What resolution may look at: the anchor, the caller's tense oracle, and the narrative so far
    (the latest calendar date the text has named, which "the next day" and "that year" count from)."""

    anchor: date | None
    direction: Direction | None
    narrative: TimeRef | None = None

    def tense(self, span: Span) -> int:
        if self.direction is None:
            return 0
        value = self.direction(span.start, span.end)
        return (value > 0) - (value < 0)


Resolver = Callable[[Context], TimeRef]


def dated(span: Span, core: date, precision: str, basis: str, anchor: date | None, *,
          first: date | None = None, last: date | None = None, suffix: str = "", kind: str = "DATE") -> TimeRef:
    low, high = interval(core, precision)
    return TimeRef(span.start, span.end, span.text, kind, timeml_value(core, precision) + suffix,
                   first or low, last or high, precision, basis, anchor)


def period(span: Span, value: str, first: date, last: date, precision: str, basis: str,
           anchor: date | None) -> TimeRef:
    """A calendar period whose value is not a plain date prefix (a season, a half, a fiscal year)."""
    return TimeRef(span.start, span.end, span.text, "DATE", value, first, last, precision, basis, anchor)


def unresolved(span: Span, value: str, precision: str | None, kind: str = "DATE") -> TimeRef:
    return TimeRef(span.start, span.end, span.text, kind, value, None, None, precision, "unresolved", None)


def timeless(span: Span, value: str, precision: str) -> TimeRef:
    """A date the calendar cannot hold (3000 BC): its value, and no days."""
    return TimeRef(span.start, span.end, span.text, "DATE", value, None, None, precision, "absolute", None)


def undated(span: Span, kind: str, value: str) -> TimeRef:
    """A duration or a set: a value with no place on the calendar."""
    return TimeRef(span.start, span.end, span.text, kind, value, None, None, None, "absolute", None)


def reference(span: Span, value: str, anchor: date | None) -> TimeRef:
    basis = "publication-relative" if anchor else "unresolved"
    return TimeRef(span.start, span.end, span.text, "DATE", value, None, None, None, basis, anchor)


def part_suffix(part: str | None) -> tuple[str, str]:
    """TimeML's part-of-day suffix ("T" + "MO") and the type it makes: TIME with a part, else DATE."""
    return (f"T{part}", "TIME") if part else ("", "DATE")
