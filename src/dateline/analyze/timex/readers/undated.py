"""Readers of references ("now", "recently", "soon") and sets ("every week", "daily", "twice a year"):
times with no place on the calendar (durations, the third kind, are in `durations`)."""
from __future__ import annotations

import re

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex.build import Resolver, Span, reference, undated
from dateline.analyze.timex.lexicon import words
from dateline.analyze.timex.readers.durations import duration_value
from dateline.analyze.timex.readers.match_words import group, parse_count, unit_of
from dateline.analyze.timex.readers.nearby import next_word, previous_word


def read_reference(match: re.Match, span: Span) -> Resolver | None:
    word = words(match["t"])
    if word in lex.BLOCKABLE_REFERENCES and (
            previous_word(match.string, span.start) in lex.REFERENCE_BLOCKERS_BEFORE
            or next_word(match.string, span.end).lower() in lex.REFERENCE_BLOCKERS_AFTER):
        return None  # "soon after the attack", "as soon as possible"
    if word in ("now", "the past") and previous_word(match.string, span.start) in ("until", "up", "from"):
        return None  # "until now", "from now on": a boundary, not the present
    value = lex.REFERENCE_WORDS.lookup(match["t"])
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
    value = lex.SET_WORDS.lookup(match["word"])
    return lambda ctx: undated(span, "SET", value)


def read_set_frequency(match: re.Match, span: Span) -> Resolver:
    value = duration_value(1, unit_of(match["unit"]))
    return lambda ctx: undated(span, "SET", value)
