"""Time expressions (TIMEX) found in plain text and normalized against the article's date.

`find_times` works in five steps:
1. every rule in `data/rules.txt` proposes readings, each checked by its reader (`readers`);
2. overlaps are settled: the longest expression wins, then the one with more context, then rule order;
3. the survivors are resolved in text order against the publication date (the anchor) or, for
   "the next day" and its kin, against the latest calendar date met before them in the text;
4. a clock time next to a day becomes one expression ("9 a.m. Tuesday") (`joins`);
5. two dates joined as a range ("from March to May") give the first the whole range's interval (`joins`).
Each becomes a `TimeRef` with a TimeML value and the calendar interval it covers.
No spaCy here: the caller's parse reaches us only through the `direction` callback.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import CALENDAR_TYPES, Context, Direction, Resolver, Span, unresolved
from dateline.analyze.timex.joins import join_clock_and_day, join_ranges
from dateline.analyze.timex.readers import READERS
from dateline.model import TimeRef


@dataclass(slots=True)
class Reading:
    span: Span
    rank: tuple[int, int, int, int]
    resolve: Resolver


def find_times(text: str, anchor: date | None, direction: Direction | None = None) -> list[TimeRef]:
    """Time expressions in `text`, sorted by start and non-overlapping, resolved against `anchor`."""
    context = Context(anchor, direction)
    refs = []
    for reading in settle_overlaps(collect_readings(text)):
        ref = _resolved(reading, context)
        if ref.first_day is not None and ref.precision is not None and ref.type in CALENDAR_TYPES:
            context.narrative = ref
        refs.append(ref)
    return join_ranges(text, join_clock_and_day(text, refs))


def _resolved(reading: Reading, context: Context) -> TimeRef:
    """The reading resolved against the context; a date counted off the calendar ("2,500 years
    ago" is before year 1) keeps no value rather than failing the article."""
    try:
        return reading.resolve(context)
    except (ValueError, OverflowError):
        return unresolved(reading.span, "XXXX", None)


def timeref_json(ref: TimeRef) -> dict:
    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {"start": ref.start, "end": ref.end, "text": ref.text, "type": ref.type, "value": ref.value,
            "first_day": iso(ref.first_day), "last_day": iso(ref.last_day), "precision": ref.precision,
            "basis": ref.basis, "anchor": iso(ref.anchor)}


def collect_readings(text: str) -> list[Reading]:
    readings = []
    for name, pattern in lex.COMPILED_PATTERNS.items():
        reader = READERS[lex.RULE_READERS[name]]
        for match in pattern.finditer(text):
            start, end = match.span("t")
            while end > start and text[end - 1] in " ,":
                end -= 1  # a rule's optional tail may stop on a space or a comma
            span = Span(start, end, text[start:end])
            resolver = reader(match, span)
            if resolver is not None:
                rank = (start - end, match.start() - match.end(), lex.RULE_PRIORITY[name], start)
                readings.append(Reading(span, rank, resolver))
    return readings


def settle_overlaps(readings: list[Reading]) -> list[Reading]:
    chosen: list[Reading] = []
    for reading in sorted(readings, key=lambda r: r.rank):
        if all(reading.span.end <= c.span.start or reading.span.start >= c.span.end for c in chosen):
            chosen.append(reading)
    return sorted(chosen, key=lambda r: r.span.start)
