"""Time expressions (TIMEX) found in plain text and normalized against the article's date.

`find_times` works in four steps:
1. every pattern in `timex_lexicon.PATTERNS` proposes readings, each checked from its own match;
2. overlaps are settled: the longest expression wins, then the one with more context, then rule order;
3. the survivors are resolved in text order against the publication date (the anchor) or, for
   "the next day" and its kin, against the latest day-precision date met before them in the text;
4. each becomes a `TimeRef` with a TimeML value and the calendar interval it covers.
No spaCy here: the caller's parse reaches us only through the `direction` callback.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from dateline.analyze import timex_lexicon as lex
from dateline.analyze.timex_calendar import (
    shift,
    interval,
    timeml_value,
    narrow,
    resolve_weekday,
    resolve_this_weekday,
    resolve_month_day,
    resolve_month,
    resolve_weekend,
)
from dateline.model import TimeRef

Direction = Callable[[int, int], int]

# TimeML placeholders for a value that needs an anchor we do not have.
UNRESOLVED_VALUES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
                     "year": "XXXX", "decade": "XXX"}
UNIT_PRECISION = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "year"}
SENTENCE_OPENERS = ".!?\n\"'“‘(:"


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Context:
    """What resolution may look at: the anchor, the caller's tense oracle, the narrative date so far."""

    anchor: date | None
    direction: Direction | None
    narrative_day: date | None = None

    def tense(self, span: Span) -> int:
        if self.direction is None:
            return 0
        value = self.direction(span.start, span.end)
        return (value > 0) - (value < 0)


Resolver = Callable[[Context], TimeRef]


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
        ref = reading.resolve(context)
        if ref.precision == "day" and ref.first_day is not None:
            context.narrative_day = ref.first_day
        refs.append(ref)
    return refs


def timeref_json(ref: TimeRef) -> dict:
    def iso(day: date | None) -> str | None:
        return day.isoformat() if day else None

    return {"start": ref.start, "end": ref.end, "text": ref.text, "type": ref.type, "value": ref.value,
            "first_day": iso(ref.first_day), "last_day": iso(ref.last_day), "precision": ref.precision,
            "basis": ref.basis, "anchor": iso(ref.anchor)}


def collect_readings(text: str) -> list[Reading]:
    readings = []
    for name, pattern in lex.COMPILED_PATTERNS.items():
        reader = READERS[name]
        for match in pattern.finditer(text):
            start, end = match.span("t")
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


# Building TimeRefs.


def dated(span: Span, core: date, precision: str, basis: str, anchor: date | None, *,
          first: date | None = None, last: date | None = None, suffix: str = "", kind: str = "DATE") -> TimeRef:
    low, high = interval(core, precision)
    return TimeRef(span.start, span.end, span.text, kind, timeml_value(core, precision) + suffix,
                   first or low, last or high, precision, basis, anchor)


def unresolved(span: Span, value: str, precision: str | None, kind: str = "DATE") -> TimeRef:
    return TimeRef(span.start, span.end, span.text, kind, value, None, None, precision, "unresolved", None)


def undated(span: Span, kind: str, value: str) -> TimeRef:
    """A duration or a set: a value with no place on the calendar."""
    return TimeRef(span.start, span.end, span.text, kind, value, None, None, None, "absolute", None)


def reference(span: Span, value: str, anchor: date | None) -> TimeRef:
    basis = "publication-relative" if anchor else "unresolved"
    return TimeRef(span.start, span.end, span.text, "DATE", value, None, None, None, basis, anchor)


def part_suffix(part: str | None) -> tuple[str, str]:
    """TimeML's part-of-day suffix ("T" + "MO") and the type it makes: TIME with a part, else DATE."""
    return (f"T{part}", "TIME") if part else ("", "DATE")


# Readers: one per pattern. Each checks its match and returns how to resolve it, or None to drop it.


def words(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def month_number(name: str) -> int:
    name = name.rstrip(".")
    return lex.MONTHS.get(name) or lex.MONTH_ABBREVIATIONS[name]


def parse_count(text: str) -> int | None:
    """The number in "three", "12", "a"; None for a vague count ("several", "a few")."""
    text = words(text)
    if text.isdigit():
        return int(text)
    return lex.NUMBER_WORDS.get(text)


def parse_unit(text: str, count: int | None) -> tuple[str, int | None]:
    """The TimeML unit letter and the count in that unit ("a fortnight" is two weeks)."""
    unit = lex.UNITS[words(text)]
    if unit == "2W":
        return "W", None if count is None else count * 2
    return unit, count


def is_mid_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in SENTENCE_OPENERS


def next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([A-Za-z]+)", text[end:end + 40])
    return found.group(1) if found else ""


def previous_word(text: str, start: int) -> str:
    found = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 40):start])
    return found.group(1).lower() if found else ""


def counts_things(text: str, end: int) -> bool:
    """Whether the number ending at `end` counts a noun after it ("rose to 2000 people")."""
    following = next_word(text, end)
    if following in lex.COUNT_NOUNS:
        return True
    return following.islower() and following.endswith("s") and \
        following not in lex.WORDS_ENDING_IN_S_THAT_ARE_NOT_NOUNS


def modifier_of(match: re.Match) -> str | None:
    found = words(match.groupdict().get("mod"))
    return lex.PERIOD_MODIFIERS[found] if found else None


def read_iso(match: re.Match, span: Span) -> Resolver | None:
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return lambda ctx: dated(span, day, "day", "absolute", None)


def read_month_day(match: re.Match, span: Span) -> Resolver | None:
    month, day = month_number(match["month"]), int(match["day"])
    groups = match.groupdict()
    last_month = month_number(groups["month2"]) if groups.get("month2") else month
    last_day = int(match["day2"]) if match["day2"] else day
    if (last_month, last_day) <= (month, day) and match["day2"]:
        return None  # "July 13 and 5 others": not a range

    def place(first_year: int) -> tuple[date, date] | None:
        try:
            first = date(first_year, month, day)
            return first, date(first_year + (last_month < month), last_month, last_day)
        except ValueError:
            return None

    if match["year"]:
        bounds = place(int(match["year"]))
        return None if bounds is None else lambda ctx: dated(span, bounds[0], "day", "absolute", None,
                                                              last=bounds[1])

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-{month:02d}-{day:02d}", "day")
        first = resolve_month_day(ctx.anchor, month, day, ctx.tense(span))
        bounds = place(first.year) if first else None
        if bounds is None:
            return unresolved(span, f"XXXX-{month:02d}-{day:02d}", "day")
        return dated(span, bounds[0], "day", "publication-relative", ctx.anchor, last=bounds[1])

    if place(2000) is None:  # no such day in any year (a leap year tells February 29 apart)
        return None
    return resolve


def read_month(match: re.Match, span: Span) -> Resolver | None:
    groups = match.groupdict()
    relation, modifier = words(groups.get("rel")), modifier_of(match)
    if not (groups.get("ctx") or relation or modifier or match["year"]):
        return None  # a bare "May" or "March" is too often a verb or a name
    month = month_number(match["month"])

    def place(core: date, basis: str, anchor: date | None) -> TimeRef:
        first, last = narrow(*interval(core, "month"), "month", modifier)
        return dated(span, core, "month", basis, anchor, first=first, last=last)

    if match["year"]:
        return lambda ctx: place(date(int(match["year"]), month, 1), "absolute", None)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-{month:02d}", "month")
        if relation == "this":
            core = date(ctx.anchor.year, month, 1)
        elif relation:
            core = resolve_month(ctx.anchor, month, 1 if relation == "next" else -1, strict=True)
        else:
            # With no tense, a bare month leans to the past: news mostly reports what happened.
            core = resolve_month(ctx.anchor, month, ctx.tense(span) or -1)
        return place(core, "publication-relative", ctx.anchor)

    return resolve


def read_quarter(match: re.Match, span: Span) -> Resolver | None:
    groups = match.groupdict()
    ordinal = words(groups.get("ord"))
    if ordinal in ("last", "final") and not match["year"]:
        return None  # "the last quarter" is relative, read by the `relative` rule
    quarter = lex.QUARTER_ORDINALS[ordinal] if ordinal else int(match["q"])
    if match["year"]:
        core = date(int(match["year"]), quarter * 3 - 2, 1)
        return lambda ctx: dated(span, core, "quarter", "absolute", None)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-Q{quarter}", "quarter")
        core = date(ctx.anchor.year, quarter * 3 - 2, 1)
        return dated(span, core, "quarter", "publication-relative", ctx.anchor)

    return resolve


def read_decade(match: re.Match, span: Span) -> Resolver:
    core = date(int(match["decade"]) * 10, 1, 1)
    first, last = narrow(*interval(core, "decade"), "decade", modifier_of(match))
    return lambda ctx: dated(span, core, "decade", "absolute", None, first=first, last=last)


def read_year(match: re.Match, span: Span) -> Resolver | None:
    modifier = modifier_of(match)
    if not (match["ctx"] or modifier) or counts_things(match.string, match.end()):
        return None  # a bare number; years need a date context
    core = date(int(match["year"]), 1, 1)
    first, last = narrow(*interval(core, "year"), "year", modifier)
    return lambda ctx: dated(span, core, "year", "absolute", None, first=first, last=last)


def read_day_word(match: re.Match, span: Span) -> Resolver | None:
    word = words(match["word"])
    offset, own_part = lex.DAY_WORDS[word]
    if own_part and match["part"]:
        return None
    if match["word"] in lex.NAME_PRONE_DAY_WORDS and is_mid_sentence(match.string, span.start):
        return None  # "India Today", "USA Today"
    suffix, kind = part_suffix(own_part or (lex.PARTS_OF_DAY[words(match["part"])] if match["part"] else None))

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES["day"] + suffix, "day", kind)
        day = ctx.anchor + timedelta(days=offset)
        return dated(span, day, "day", "publication-relative", ctx.anchor, suffix=suffix, kind=kind)

    return resolve


def read_weekday(match: re.Match, span: Span) -> Resolver:
    weekday = lex.WEEKDAYS[match["weekday"]]
    relation = words(match["rel"])
    suffix, kind = part_suffix(lex.PARTS_OF_DAY[words(match["part"])] if match["part"] else None)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-WXX-{weekday + 1}{suffix}", "day", kind)
        step = lex.WEEKDAY_STEPS[relation] if relation else None
        if step is None:
            day = resolve_weekday(ctx.anchor, weekday, ctx.tense(span))
        elif step == 0:
            day = resolve_this_weekday(ctx.anchor, weekday, ctx.tense(span))
        else:
            day = resolve_weekday(ctx.anchor, weekday, step, strict=True)
        return dated(span, day, "day", "publication-relative", ctx.anchor, suffix=suffix, kind=kind)

    return resolve


def read_weekend(match: re.Match, span: Span) -> Resolver:
    choice = lex.WEEKEND_CHOICES[words(match["rel"])]

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, "XXXX-WXX-WE", "week")
        saturday = resolve_weekend(ctx.anchor, choice, ctx.tense(span))
        return dated(span, saturday, "week", "publication-relative", ctx.anchor, first=saturday,
                     last=saturday + timedelta(days=1), suffix="-WE")

    return resolve


def read_relative(match: re.Match, span: Span) -> Resolver:
    relation, modifier = words(match["rel"]), modifier_of(match)
    unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q"}[words(match["unit"])]
    precision = UNIT_PRECISION[unit]

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        core = shift(ctx.anchor, unit, lex.RELATIVE_STEPS[relation])
        first, last = narrow(*interval(core, precision), precision, modifier)
        if relation == "earlier this":
            last = max(first, ctx.anchor)
        elif relation == "later this":
            first = min(last, ctx.anchor)
        return dated(span, core, precision, "publication-relative", ctx.anchor, first=first, last=last)

    return resolve


def read_count_from_now(match: re.Match, span: Span, sign: int, may_be_duration: bool = False) -> Resolver | None:
    """ "two days ago" (sign -1) and "in two weeks" / "two weeks from now" (sign +1).

    "in two weeks" is a date only in a future clause (or as "in two weeks' time"); elsewhere it is
    how long something took ("the worst drought in a decade"): a duration. TE3 platinum bears this out.
    """
    unit, count = parse_unit(match["unit"], parse_count(match["n"]))
    if unit == "H":
        return None
    if count is None:  # "a few days ago": only the direction is known
        return lambda ctx: reference(span, "PAST_REF" if sign < 0 else "FUTURE_REF", ctx.anchor)
    precision = UNIT_PRECISION[unit]
    may_be_duration = may_be_duration and not match.groupdict().get("time")

    def resolve(ctx: Context) -> TimeRef:
        if may_be_duration and ctx.tense(span) <= 0:
            return undated(span, "DURATION", duration_value(count, unit))
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        core = shift(ctx.anchor, unit, sign * count)
        return dated(span, core, precision, "publication-relative", ctx.anchor)

    return resolve


def read_narrative(span: Span, unit: str, steps: int, part: str | None = None) -> Resolver:
    """Dates counted from the latest day-precision date before them in the text, else from the anchor."""
    precision = UNIT_PRECISION[unit]
    suffix, kind = part_suffix(part)

    def resolve(ctx: Context) -> TimeRef:
        base, basis = ctx.narrative_day, "narrative-relative"
        if base is None:
            base, basis = ctx.anchor, "publication-relative"
        if base is None:
            return unresolved(span, UNRESOLVED_VALUES[precision] + suffix, precision, kind)
        core = shift(base, unit, steps)
        return dated(span, core, precision, basis, base, suffix=suffix, kind=kind)

    return resolve


def read_narrative_unit(match: re.Match, span: Span) -> Resolver:
    step, unit = lex.NARRATIVE_STEPS[words(match["rel"])], words(match["unit"])
    if unit in lex.PARTS_OF_DAY:  # "the next morning"
        return read_narrative(span, "D", step, lex.PARTS_OF_DAY[unit])
    return read_narrative(span, lex.UNITS[unit], step)


def read_narrative_day(match: re.Match, span: Span) -> Resolver:
    return read_narrative(span, "D", lex.NARRATIVE_STEPS[words(match["rel"])])


def read_narrative_count(match: re.Match, span: Span) -> Resolver | None:
    unit, count = parse_unit(match["unit"], parse_count(match["n"]))
    if count is None or unit == "H":
        return None
    return read_narrative(span, unit, count * lex.NARRATIVE_STEPS[words(match["rel"])])


def read_reference(match: re.Match, span: Span) -> Resolver | None:
    word = words(match["t"])
    if word in lex.BLOCKABLE_REFERENCES and (
            previous_word(match.string, span.start) in lex.REFERENCE_BLOCKERS_BEFORE
            or next_word(match.string, span.end).lower() in lex.REFERENCE_BLOCKERS_AFTER):
        return None  # "soon after the attack", "as soon as possible"
    return lambda ctx: reference(span, lex.REFERENCE_WORDS[word], ctx.anchor)


def duration_value(count: int | None, unit: str) -> str:
    amount = "X" if count is None else str(count)
    return f"PT{amount}H" if unit == "H" else f"P{amount}{unit}"


def read_duration(match: re.Match, span: Span) -> Resolver | None:
    count_text = match.groupdict().get("n")
    unit_word = words(match["unit"])
    if count_text is None and not unit_word.endswith("s"):
        return None  # "the last day of talks", "for week"
    count = parse_count(count_text) if count_text else None
    unit, count = parse_unit(unit_word, count)
    return lambda ctx: undated(span, "DURATION", duration_value(count, unit))


def read_set_every(match: re.Match, span: Span) -> Resolver:
    if match["weekday"]:
        value = f"XXXX-WXX-{lex.WEEKDAYS[match['weekday']] + 1}"
    else:
        count = 2 if words(match["n"]) == "other" else (parse_count(match["n"]) if match["n"] else 1)
        unit, count = parse_unit(match["unit"], count)
        value = duration_value(count, unit)
    return lambda ctx: undated(span, "SET", value)


def read_set_word(match: re.Match, span: Span) -> Resolver:
    return lambda ctx: undated(span, "SET", lex.SET_WORDS[match["word"]])


def read_set_frequency(match: re.Match, span: Span) -> Resolver:
    unit, _ = parse_unit(match["unit"], 1)
    return lambda ctx: undated(span, "SET", duration_value(1, unit))


READERS: dict[str, Callable[[re.Match, Span], Resolver | None]] = {
    "iso": read_iso,
    "month_day": read_month_day,
    "day_month": read_month_day,
    "month": read_month,
    "abbreviated_month_year": read_month,
    "quarter": read_quarter,
    "quarter_code": read_quarter,
    "decade": read_decade,
    "year": read_year,
    "day_word": read_day_word,
    "weekday": read_weekday,
    "weekend": read_weekend,
    "relative": read_relative,
    "ago": lambda match, span: read_count_from_now(match, span, -1),
    "from_now": lambda match, span: read_count_from_now(match, span, 1),
    "in_future": lambda match, span: read_count_from_now(match, span, 1, may_be_duration=True),
    "narrative_unit": read_narrative_unit,
    "narrative_day": read_narrative_day,
    "narrative_count": read_narrative_count,
    "reference": read_reference,
    "set_every": read_set_every,
    "set_word": read_set_word,
    "set_frequency": read_set_frequency,
    "duration_span": read_duration,
    "duration_for": read_duration,
    "duration_compound": read_duration,
    "duration_bare": read_duration,
}
