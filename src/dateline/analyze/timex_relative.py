"""Readers of time expressions that count from somewhere: from the publication date ("yesterday",
"last week", "two days ago", "on Tuesday"), from the narrative ("the next day", "that year", "two
months later"); and of those with no place on the calendar: references ("now"), sets, durations."""
from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.analyze import timex_lexicon as lex
from dateline.analyze.timex_build import (
    PRECISION_ORDER,
    UNRESOLVED_VALUES,
    UNIT_PRECISION,
    Context,
    Resolver,
    Span,
    dated,
    part_suffix,
    period,
    reference,
    undated,
    unresolved,
)
from dateline.analyze.timex_calendar import (
    last_completed_quarter,
    narrow,
    interval,
    quarter_interval,
    resolve_this_weekday,
    resolve_weekday,
    resolve_weekend,
    shift,
)
from dateline.analyze.timex_readers import (
    ADJUSTED_UNIT,
    VERB_LAST_BEFORE,
    duration_value,
    group,
    is_mid_sentence,
    leaning,
    lookup,
    modifier_of,
    next_word,
    parse_count,
    previous_word,
    unit_of,
    words,
)
from dateline.model import TimeRef

# "the quarter" in the first weeks of a new quarter is the one just reported, not the one begun.
REPORTING_DAYS = 45


def plain_unit(unit: str, count: float | None) -> tuple[str, float | None]:
    """Decades and centuries counted in years, fortnights in weeks: "a decade ago" is a year."""
    if unit in ADJUSTED_UNIT:
        letter, factor = ADJUSTED_UNIT[unit]
        return letter, None if count is None else count * factor
    return unit, count


# Days and weeks around the publication date.


def read_day_word(match: re.Match, span: Span) -> Resolver | None:
    offset, own_part = lookup(lex.DAY_WORDS, match["word"])
    if own_part and group(match, "part"):
        return None
    if match["word"] in lex.NAME_PRONE_DAY_WORDS and is_mid_sentence(match.string, span.start):
        return None  # "India Today", "USA Today"
    if match.string[span.end:span.end + 2] in ("'s", "’s") and offset == 0 and not own_part:
        return None  # "today's youth": the present age, not the day
    part = own_part or (lookup(lex.PARTS_OF_DAY, match["part"]) if group(match, "part") else None)
    suffix, kind = part_suffix(part)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES["day"] + suffix, "day", kind)
        day = ctx.anchor + timedelta(days=offset)
        return dated(span, day, "day", "publication-relative", ctx.anchor, suffix=suffix, kind=kind)

    return resolve


def read_weekday(match: re.Match, span: Span) -> Resolver:
    weekday = lex.WEEKDAYS[match["weekday"]]
    relation = words(group(match, "rel"))
    suffix, kind = part_suffix(lookup(lex.PARTS_OF_DAY, match["part"]) if group(match, "part") else None)
    # "as soon as Tuesday" lies ahead even in a past clause ("said he could leave as soon as Tuesday").
    ahead = max(0, leaning(match.string, span.start))

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-WXX-{weekday + 1}{suffix}", "day", kind)
        step = lookup(lex.WEEKDAY_STEPS, relation) if relation else None
        if step is None:
            day = resolve_weekday(ctx.anchor, weekday, ahead or ctx.tense(span))
        elif step == 0:
            day = resolve_this_weekday(ctx.anchor, weekday, ctx.tense(span))
        else:
            day = resolve_weekday(ctx.anchor, weekday, step, strict=True)
        return dated(span, day, "day", "publication-relative", ctx.anchor, suffix=suffix, kind=kind)

    return resolve


def read_weekend(match: re.Match, span: Span) -> Resolver:
    choice = lookup(lex.WEEKEND_CHOICES, match["rel"])

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, "XXXX-WXX-WE", "week")
        saturday = resolve_weekend(ctx.anchor, choice, ctx.tense(span))
        return dated(span, saturday, "week", "publication-relative", ctx.anchor, first=saturday,
                     last=saturday + timedelta(days=1), suffix="-WE")

    return resolve


def clock_text(match: re.Match) -> str:
    """ "7:15 p.m." -> "19:15"; "noon" -> "12:00"; "0900 GMT" -> "09:00"."""
    if group(match, "word"):
        return lookup(lex.CLOCK_WORDS, match["word"])
    if group(match, "hour24"):
        return f"{int(match['hour24']):02d}:{match['minute24']}"
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    afternoon = match["ampm"].lower().startswith("p")
    if hour > 12:
        return ""
    hour = hour % 12 + (12 if afternoon else 0)
    return f"{hour:02d}:{minute:02d}"


def read_clock(match: re.Match, span: Span) -> Resolver | None:
    clock = clock_text(match)
    if not clock:
        return None

    def resolve(ctx: Context) -> TimeRef:
        # "was shot at 10 p.m.": the day the story is on, else the publication date.
        story = ctx.narrative
        if story is not None and story.precision == "day":
            return dated(span, story.first_day, "day", "narrative-relative", story.first_day, suffix=f"T{clock}",
                         kind="TIME")
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-XX-XXT{clock}", "day", "TIME")
        return dated(span, ctx.anchor, "day", "publication-relative", ctx.anchor, suffix=f"T{clock}", kind="TIME")

    return resolve


# Periods around the publication date.


def read_relative(match: re.Match, span: Span) -> Resolver | None:
    relation, modifier = words(match["rel"]), modifier_of(match)
    unit = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE"}[words(match["unit"])]
    if unit == "DE" and relation in ("past", "the past"):
        return None  # "over the past decade" is ten years up to now: the duration rule reads it
    precision = UNIT_PRECISION[unit]
    step = lookup(lex.RELATIVE_STEPS, relation)

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        core = shift(ctx.anchor, unit, step)
        first, last = narrow(*interval(core, precision), precision, modifier)
        if relation == "earlier this":
            last = max(first, ctx.anchor)
        elif relation == "later this":
            first = min(last, ctx.anchor)
        return dated(span, core, precision, "publication-relative", ctx.anchor, first=first, last=last)

    return resolve


def reported_quarter(anchor: date, latest: bool) -> tuple[int, int]:
    """The quarter "the quarter" means: the one just reported early in a quarter, else the current one."""
    current = (anchor.year, (anchor.month - 1) // 3 + 1)
    started = quarter_interval(*current)[0]
    if latest or (anchor - started).days < REPORTING_DAYS:
        return last_completed_quarter(anchor)
    return current


def read_period_noun(match: re.Match, span: Span) -> Resolver:
    """ "the year", "the quarter", "the latest quarter": the period of the publication date."""
    unit = words(match["unit"])
    if unit == "period":
        if not group(match, "latest") or "fiscal" in words(match["latest"]):
            return None  # "the period" alone names no particular time
        unit = "quarter"  # "the latest period" of a company's results is its latest quarter
    latest = bool(group(match, "latest")) and words(match["latest"]) not in ("current", "fiscal", "current fiscal")
    letter = lex.PERIOD_NOUNS[unit]
    precision = UNIT_PRECISION[letter]

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        if unit == "quarter":
            year, quarter = reported_quarter(ctx.anchor, latest)
            first, last = quarter_interval(year, quarter)
            return period(span, f"{year:04d}-Q{quarter}", first, last, "quarter", "publication-relative",
                          ctx.anchor)
        core = shift(ctx.anchor, letter, -1 if latest else 0)
        return dated(span, core, precision, "publication-relative", ctx.anchor)

    return resolve


def read_year_ago(match: re.Match, span: Span) -> Resolver:
    """ "the year-earlier quarter", "year-ago": the same period one year before."""
    unit = words(group(match, "unit"))

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, "XXXX", "year")
        if unit == "quarter":
            year, quarter = reported_quarter(ctx.anchor, latest=False)
            first, last = quarter_interval(year - 1, quarter)
            return period(span, f"{year - 1:04d}-Q{quarter}", first, last, "quarter", "publication-relative",
                          ctx.anchor)
        return dated(span, date(ctx.anchor.year - 1, 1, 1), "year", "publication-relative", ctx.anchor)

    return resolve


def read_counted(match: re.Match, span: Span) -> Resolver | None:
    """ "two days ago", "two weeks from now" count from the publication date; "two days later"
    from the narrative."""
    if group(match, "ago"):
        return read_count_from_now(match, span, -1)
    if group(match, "ahead"):
        return read_count_from_now(match, span, 1)
    return read_narrative_count(match, span)


def read_count_from_now(match: re.Match, span: Span, sign: int, may_be_duration: bool = False) -> Resolver | None:
    """ "two days ago" (sign -1) and "in two weeks" / "two weeks from now" (sign +1).

    "in two weeks" is a date only in a future clause (or as "in two weeks' time"); elsewhere it is
    how long something took ("the worst drought in a decade"): a duration.
    """
    unit, count = plain_unit(unit_of(match["unit"]), parse_count(match["n"]))
    if unit in ("H", "MIN", "WE", "Q"):
        return None  # "two hours ago" is finer than a day; "two quarters ago" is rare and vague
    if count is None:  # "a few days ago": only the direction is known
        return lambda ctx: reference(span, "PAST_REF" if sign < 0 else "FUTURE_REF", ctx.anchor)
    precision = UNIT_PRECISION[unit]
    whole = int(count)
    may_be_duration = may_be_duration and not group(match, "time")

    def resolve(ctx: Context) -> TimeRef:
        if may_be_duration and ctx.tense(span) <= 0:
            return undated(span, "DURATION", duration_value(count, unit))
        if ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision], precision)
        if unit == "Y" and ctx.narrative is not None and ctx.narrative.precision == "quarter":
            return quarter_years_away(span, ctx.narrative, sign * whole, "publication-relative", ctx.anchor)
        core = shift(ctx.anchor, unit, sign * whole)
        return dated(span, core, precision, "publication-relative", ctx.anchor)

    return resolve


# Dates counted from the narrative.


def coarser(first: str, second: str) -> str:
    return max(first, second, key=PRECISION_ORDER.index)


def shift_end(day: date, unit: str, steps: int) -> date:
    """The last day of a period's end moved by the step (a month keeps its last day)."""
    if unit in ("D", "W"):
        return shift(day, unit, steps)
    if unit in ("M", "Q"):
        return interval(shift(day, unit, steps), "month")[1]
    return date(shift(day, unit, steps).year, 12, 31)


def quarter_years_away(span: Span, quarter: TimeRef, years: int, basis: str, anchor: date) -> TimeRef:
    """ "profit rose from a year earlier" after "the third quarter": that quarter, years away
    (results compare a quarter with the same quarter of another year)."""
    first = shift(quarter.first_day, "Q", 4 * years)
    return dated(span, first, "quarter", basis, anchor)


def read_narrative(span: Span, unit: str, steps: int, part: str | None = None) -> Resolver:
    """Dates counted from the latest calendar date before them in the text, else from the anchor.

    A narrative date coarser than the unit keeps its own precision: two months after "in 2001" is
    only known as 2001, and its interval moves by the step.
    """
    unit, steps = plain_unit(unit, steps)
    steps = int(steps)
    precision = UNIT_PRECISION[unit]
    suffix, kind = part_suffix(part)

    def resolve(ctx: Context) -> TimeRef:
        base = ctx.narrative
        if base is None and ctx.anchor is None:
            return unresolved(span, UNRESOLVED_VALUES[precision] + suffix, precision, kind)
        if base is None:
            core = shift(ctx.anchor, unit, steps)
            return dated(span, core, precision, "publication-relative", ctx.anchor, suffix=suffix, kind=kind)
        if unit == "Y" and base.precision == "quarter":
            return quarter_years_away(span, base, steps, "narrative-relative", base.first_day)
        level = coarser(precision, base.precision)
        first = shift(base.first_day, unit, steps)
        if level == precision:
            return dated(span, first, precision, "narrative-relative", base.first_day, suffix=suffix, kind=kind)
        last = shift_end(base.last_day, unit, steps)
        if level in UNRESOLVED_VALUES:
            return dated(span, first, level, "narrative-relative", base.first_day, first=first, last=last)
        return period(span, base.value, first, last, level, "narrative-relative", base.first_day)

    return resolve


def read_narrative_unit(match: re.Match, span: Span) -> Resolver:
    step, unit = lookup(lex.NARRATIVE_STEPS, match["rel"]), words(match["unit"])
    if unit in lex.PARTS_OF_DAY:  # "the next morning"
        return read_narrative(span, "D", step, lex.PARTS_OF_DAY[unit])
    if unit == "weekend":
        return read_narrative(span, "W", step)
    return read_narrative(span, unit_of(unit), step)


def read_narrative_day(match: re.Match, span: Span) -> Resolver:
    return read_narrative(span, "D", lookup(lex.NARRATIVE_STEPS, match["rel"]))


def read_narrative_count(match: re.Match, span: Span) -> Resolver | None:
    unit, count = unit_of(match["unit"]), parse_count(match["n"])
    if count is None or unit in ("H", "MIN", "WE") or count != int(count):
        return None
    return read_narrative(span, unit, int(count) * lookup(lex.NARRATIVE_STEPS, match["rel"]))


# References, sets and durations.


def read_reference(match: re.Match, span: Span) -> Resolver | None:
    word = words(match["t"])
    if word in lex.BLOCKABLE_REFERENCES and (
            previous_word(match.string, span.start) in lex.REFERENCE_BLOCKERS_BEFORE
            or next_word(match.string, span.end).lower() in lex.REFERENCE_BLOCKERS_AFTER):
        return None  # "soon after the attack", "as soon as possible"
    if word in ("now", "the past") and previous_word(match.string, span.start) in ("until", "up", "from"):
        return None  # "until now", "from now on": a boundary, not the present
    value = lookup(lex.REFERENCE_WORDS, match["t"])
    return lambda ctx: reference(span, value, ctx.anchor)


def read_set_every(match: re.Match, span: Span) -> Resolver:
    if group(match, "weekday"):
        value = f"XXXX-WXX-{lex.WEEKDAYS[match['weekday']] + 1}"
    elif group(match, "month"):
        value = f"XXXX-{lex.MONTHS[match['month']]:02d}"
    else:
        count = 2 if words(group(match, "n")) == "other" else (parse_count(match["n"]) if group(match, "n") else 1)
        value = duration_value(count, unit_of(match["unit"]))
    return lambda ctx: undated(span, "SET", value)


def read_set_word(match: re.Match, span: Span) -> Resolver | None:
    if previous_word(match.string, span.start) in lex.SET_WORD_BLOCKERS_BEFORE or \
            next_word(match.string, span.end).lower() in lex.SET_WORD_BLOCKERS_AFTER:
        return None  # "its quarterly dividend", "the daily Granma": an adjective, not how often
    value = lookup(lex.SET_WORDS, match["word"])
    return lambda ctx: undated(span, "SET", value)


def read_set_frequency(match: re.Match, span: Span) -> Resolver:
    value = duration_value(1, unit_of(match["unit"]))
    return lambda ctx: undated(span, "SET", value)


def read_duration(match: re.Match, span: Span) -> Resolver | None:
    """ "three days", "the past two years", "for years", "a 10-year plan", "about a month"."""
    text = match.string
    relation = words(group(match, "rel"))
    unit_word = words(match["unit"])
    unit = unit_of(unit_word)
    if unit == "WE" or next_word(text, span.end).lower() == "old" or span.text.lower().endswith("-old"):
        return None  # ages ("52 years old") are not annotated as times
    if relation == "last" and previous_word(text, span.start) in VERB_LAST_BEFORE:
        return None  # "will last three days": the verb; the bare rule reads "three days"
    count_text = group(match, "n")
    plural = unit_word.endswith("s") or unit_word.endswith("ies")
    if count_text is None and not plural and not relation:
        return None  # "for week", "over day"
    if count_text is None and not plural and relation in ("first", "final", "remaining", "following"):
        return None  # "the first day of talks"
    if count_text is None and not plural and relation in ("last", "past", "previous", "preceding") and \
            unit in ("W", "M", "Y", "Q"):
        return None  # "the past week" is the week before this one: a date, read by the relative rule
    count = parse_count(count_text) if count_text and not group(match, "vague") else None
    if count_text and re.search(r"\b(?:to|or)\b", count_text.lower()):
        count = None  # "two to three weeks": a range of lengths
    if count_text is None and not plural:
        count = 1
    value = duration_value(count, unit)
    return lambda ctx: undated(span, "DURATION", value)
