"""Readers of days and weeks around the publication date ("yesterday", "on Tuesday", "this weekend")
and of clock times ("at 9 a.m.", on the day the story is on)."""
from __future__ import annotations

import re
from datetime import timedelta

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import UNRESOLVED_VALUES, Context, Resolver, Span, dated, part_suffix, unresolved
from dateline.analyze.timex.calendar import resolve_this_weekday, resolve_weekday, resolve_weekend
from dateline.analyze.timex.lexicon import words
from dateline.analyze.timex.readers.match_words import group
from dateline.analyze.timex.readers.nearby import is_mid_sentence, leaning
from dateline.model import TimeRef


def read_day_word(match: re.Match, span: Span) -> Resolver | None:
    offset, own_part = lex.DAY_WORDS.lookup(match["word"])
    if own_part and group(match, "part"):
        return None
    if match["word"] in lex.NAME_PRONE_DAY_WORDS and is_mid_sentence(match.string, span.start):
        return None  # "India Today", "USA Today"
    if match.string[span.end:span.end + 2] in ("'s", "’s") and offset == 0 and not own_part:
        return None  # "today's youth": the present age, not the day
    part = own_part or (lex.PARTS_OF_DAY.lookup(match["part"]) if group(match, "part") else None)
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
    suffix, kind = part_suffix(lex.PARTS_OF_DAY.lookup(match["part"]) if group(match, "part") else None)
    # "as soon as Tuesday" lies ahead even in a past clause ("said he could leave as soon as Tuesday").
    ahead = max(0, leaning(match.string, span.start))

    def resolve(ctx: Context) -> TimeRef:
        if ctx.anchor is None:
            return unresolved(span, f"XXXX-WXX-{weekday + 1}{suffix}", "day", kind)
        step = lex.WEEKDAY_STEPS.lookup(relation) if relation else None
        if step is None:
            day = resolve_weekday(ctx.anchor, weekday, ahead or ctx.tense(span))
        elif step == 0:
            day = resolve_this_weekday(ctx.anchor, weekday, ctx.tense(span))
        else:
            day = resolve_weekday(ctx.anchor, weekday, step, strict=True)
        return dated(span, day, "day", "publication-relative", ctx.anchor, suffix=suffix, kind=kind)

    return resolve


def read_weekend(match: re.Match, span: Span) -> Resolver:
    choice = lex.WEEKEND_CHOICES.lookup(match["rel"])

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
        return lex.CLOCK_WORDS.lookup(match["word"])
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
