"""Properties of the time normalizer (`find_times`) on any text and any anchor: it raises nothing,
and every TimeRef it emits is well formed (its span, its TimeML value, its interval, its basis).

Two kinds of text: arbitrary unicode, and text built from time-expression fragments (month and
weekday names, counts of any size, malformed dates) so that the rules actually fire.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline.analyze.timex.lexicon as lex
from dateline.analyze.timex import find_times, timeref_json
from dateline.model import PRECISIONS, TIME_BASES, TimeRef

PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")

# The TimeML values the normalizer writes, one pattern per form: (precision, pattern). Each
# calendar form names the precision it has when resolved.
CALENDAR_FORMS = {
    "day": r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)",
    "weekend": r"(?P<year>\d{4})-W(?P<week>\d\d)-WE",
    "week": r"(?P<year>\d{4})-W(?P<week>\d\d)",
    "month": r"(?P<year>\d{4})-(?P<month>\d\d)",
    "quarter": r"(?P<year>\d{4})-Q(?P<quarter>[1-4])",
    "half": r"(?P<year>\d{4})-H(?P<half>[12])",
    "season": r"(?P<year>\d{4})-(?P<season>SP|SU|FA|WI)",
    "year": r"(?P<year>\d{4})",
    "decade": r"(?P<decade>\d{3})",
    "century": r"(?P<century>\d{2})",
}
# Placeholders for what an anchor would have told: "XXXX-11-04", "XXXX-WXX-2", "XXXX-Q3".
UNRESOLVED_DATE = re.compile(
    r"XXXX-XX-XX|XXXX-\d\d-\d\d|XXXX-WXX(?:-[1-7]|-WE)?|XXXX-XX|XXXX-\d\d|XXXX-Q[1-4X]|XXXX-H[12]"
    r"|XXXX-(?:SP|SU|FA|WI)|XXXX|XXX|XX")
REFERENCE = re.compile(r"(?:PAST|PRESENT|FUTURE)_REF")
# A day with a part of the day (T + MO, AF, EV, NI) or a clock time (T09:00; midnight is 24:00).
TIME_VALUE = re.compile(
    r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX|XXXX-\d\d-\d\d|XXXX-WXX-[1-7])T(?:MO|AF|EV|NI|(?:[01]\d|2[0-4]):[0-5]\d)")
# Durations: a whole count and, for a fraction, fewer of the next smaller unit than make one of
# the larger (P2Y6M, P1M15D, P1W4D, P1DT12H, PT1H30M); a decimal only in a unit with no smaller
# one (PT2.5M); X for a vague count. TIMEX2's Q (quarter) and WE (weekend) are units too.
MONTHS_IN_YEAR, DAYS_IN_MONTH, DAYS_IN_WEEK = r"(?:[1-9]|1[01])M", r"(?:[1-9]|[12]\d)D", r"[1-6]D"
HOURS_IN_DAY, MINUTES_IN_HOUR = r"T(?:[1-9]|1\d|2[0-3])H", r"(?:[1-9]|[1-5]\d)M"
DURATION = re.compile(
    rf"P(?:X(?:Y|M|W|D|Q|WE)|\d+Y(?:{MONTHS_IN_YEAR})?|\d+M(?:{DAYS_IN_MONTH})?|\d+W(?:{DAYS_IN_WEEK})?"
    rf"|\d+D(?:{HOURS_IN_DAY})?|\d+(?:\.\d+)?(?:Q|WE))"
    rf"|PT(?:X[HM]|\d+H(?:{MINUTES_IN_HOUR})?|\d+(?:\.\d+)?M)")
SET_CALENDAR = re.compile(r"XXXX-WXX-[1-7]|XXXX-\d\d")
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


# Strategies.


def lexicon_words() -> list[str]:
    """Every word and phrase the rules are built from, in the spellings the lexicon gives."""
    lists = ("months", "month_abbreviations", "weekdays", "number_words", "vague_numbers", "units",
             "parts_of_day", "day_words", "quarter_ordinals", "half_ordinals", "seasons", "period_modifiers",
             "relative_steps", "narrative_steps", "weekday_steps", "weekend_choices", "reference_words",
             "set_words", "frequencies", "year_context_words", "duration_context_words", "duration_qualifiers",
             "holidays", "clock_words", "time_zones", "year_centuries", "year_tens", "year_units", "decade_words",
             "century_ordinals", "period_nouns", "future_leaning_before", "range_openers", "range_joiners")
    found = set()
    for name in lists:
        found.update(lex.WORDS[name])
    return sorted(found)


FUNCTION_WORDS = ["on", "last", "next", "ago", "later", "earlier", "the", "of", "since", "in", "from", "to",
                  "between", "and", "every", "each", "other", "fiscal", "fiscal year", "quarter", "half", "year",
                  "years", "weeks", "days", "weekend", "time", "'s", "’s", "from now", "hence", "old", "-old", "per",
                  "a", "an", "mid-", "early", "late", "year-ago", "year-earlier", "same", "that", "this", "after",
                  "before", "will", "was", "people", "%", "per cent", "Q5", "FY2099", "FY0000", "FY00", "H3",
                  "the 1990s", "the '90s", "the 20th century", "the 1st century", "the 0th century",
                  "the 99th century", "a.m.", "p.m.", "GMT", "hours", "noon", "midnight", "said", "Kabul", "May"]
NUMBER_TEXTS = st.one_of(
    st.integers(min_value=0, max_value=120).map(str),
    st.integers(min_value=-10**40, max_value=10**40).map(str),
    st.integers(min_value=0, max_value=10**40).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(0, 10**30), st.integers(0, 10**6)).map(lambda p: f"{p[0]}.{p[1]}"),
    st.integers(0, 10**6).map(lambda n: f"{n} 1/2"),
    st.sampled_from(["9" * 400 + ".5", "9" * 308 + ".5", "1" + "0" * 299 + ".5"]),
)
DATE_TEXTS = st.one_of(
    st.tuples(st.integers(0, 9999), st.integers(0, 19), st.integers(0, 39)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"),
    st.tuples(st.integers(0, 39), st.integers(0, 39), st.integers(1800, 2199)).map(
        lambda p: f"{p[0]}/{p[1]}/{p[2]}"),
    st.tuples(st.integers(1850, 2150), st.integers(0, 99)).map(lambda p: f"{p[0]}-{p[1]:02d}"),
    st.tuples(st.integers(1850, 2150), st.integers(1850, 2150)).map(lambda p: f"{p[0]}/{p[1]}"),
    st.tuples(st.sampled_from("QH"), st.integers(0, 9), st.integers(1850, 2150)).map(
        lambda p: f"{p[0]}{p[1]} {p[2]}"),
    st.integers(0, 9999).map(lambda n: f"FY{n:02d}"),
    st.integers(0, 999).map(lambda n: f"the {n}0s"),
    st.integers(0, 120).map(lambda n: f"the {n}th century"),
    st.tuples(st.integers(0, 30), st.integers(0, 70)).map(lambda p: f"{p[0]}:{p[1]:02d} p.m."),
    st.integers(0, 3000).map(lambda n: f"{n:04d} GMT"),
    st.integers(1850, 2150).map(str),
)
# A phrase in the order time expressions take: [preposition] [relation or modifier] [count]
# [name or unit] [tail], each part optional ("in early June 2021", "the past 10,000,000 weeks").
LEADERS = ["", "", "on", "in", "since", "by", "for", "over", "the", "from", "between", "every", "about",
           "as soon as", "until", "will last", "more than"]
RELATIONS = ["", "", "last", "next", "this", "the next", "the past", "coming", "following", "previous", "same",
             "that", "later that", "earlier this", "early", "mid-", "late", "the end of", "the first half of",
             "first", "second", "third", "fourth", "1st", "final", "fiscal", "this past", "the"]
HEADS = sorted({*lex.MONTHS, *(f"{name}." for name in lex.MONTH_ABBREVIATIONS), *lex.WEEKDAYS, *lex.UNITS,
                *lex.SEASONS, *lex.HOLIDAYS, *lex.DAY_WORDS, *lex.PARTS_OF_DAY, *lex.DECADE_WORDS,
                *lex.REFERENCE_WORDS, *lex.SET_WORDS, "quarter", "half", "century", "Q3", "H1", "the 1990s"})
TAILS = ["", "", "ago", "from now", "hence", "later", "earlier", "before", "after", "of 2021", "2021", "1999",
         "morning", "time", "-old", "old", "4-5", "4 and 5", "13th", "to May", "and 2001", "of the year",
         "last year", "people"]
# The relations a count may follow ("the next three days", "the past 10,000,000 weeks").
COUNT_RELATIONS = RELATIONS[:12]
COUNTS = st.one_of(NUMBER_TEXTS, st.sampled_from(sorted({*lex.NUMBER_WORDS, *lex.WORDS["vague_numbers"]})))


def phrase(*parts: st.SearchStrategy) -> st.SearchStrategy:
    return st.tuples(*parts).map(lambda words: " ".join(word for word in words if word))


NAMED = phrase(st.sampled_from(LEADERS), st.sampled_from(RELATIONS), st.sampled_from(HEADS), st.sampled_from(TAILS))
COUNTED = phrase(st.sampled_from(LEADERS), st.sampled_from(COUNT_RELATIONS), COUNTS, st.sampled_from(sorted(lex.UNITS)),
                 st.sampled_from(TAILS))
FRAGMENTS = st.one_of(NAMED, COUNTED, st.sampled_from(lexicon_words() + FUNCTION_WORDS), NUMBER_TEXTS, DATE_TEXTS)
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "-", "/", ". ", ".\n\n", "\n", "", " and ", " to ", "'s "])
TIMEX_TEXT = st.lists(st.tuples(FRAGMENTS, SEPARATORS), max_size=10).map(
    lambda parts: "".join(fragment + separator for fragment, separator in parts))

EDGE_SPAN = timedelta(days=1200)
ANCHORS = st.one_of(
    st.none(),
    st.dates(),
    st.dates(max_value=date.min + EDGE_SPAN),
    st.dates(min_value=date.max - EDGE_SPAN),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)


def constant_tense(value: int):
    return lambda start, end: value


# None (no parse), one tense for every clause, or a tense that varies with the span.
DIRECTIONS = st.one_of(
    st.none(),
    st.sampled_from([-1, 0, 1, 7, -3]).map(constant_tense),
    st.just(lambda start, end: (start * 31 + end) % 3 - 1),
)


# Well-formedness.


def calendar_form(value: str) -> tuple[str, re.Match] | None:
    for form, pattern in CALENDAR_FORMS.items():
        found = re.fullmatch(pattern, value)
        if found:
            return form, found
    return None


def iso_week_days(year: int, week: int) -> tuple[date, date]:
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6)


def month_days(year: int, month: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1) if (year, month) != (9999, 12) else None
    return date(year, month, 1), (following - timedelta(days=1)) if following else date.max


def value_interval(form: str, found: re.Match) -> tuple[date, date]:
    """The calendar period a TimeML value names."""
    parts = {key: value for key, value in found.groupdict().items() if value is not None}
    if form == "day":
        day = date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        return day, day
    if form in ("week", "weekend"):
        return iso_week_days(int(parts["year"]), int(parts["week"]))
    if form == "month":
        return month_days(int(parts["year"]), int(parts["month"]))
    year = int(parts.get("year", 0))
    if form == "quarter":
        first_month = int(parts["quarter"]) * 3 - 2
        return date(year, first_month, 1), month_days(year, first_month + 2)[1]
    if form == "half":
        return (date(year, 1, 1), date(year, 6, 30)) if parts["half"] == "1" else (date(year, 7, 1), date(year, 12, 31))
    if form == "season":
        first_month, last_month = SEASON_MONTHS[parts["season"]]
        return date(year, first_month, 1), month_days(year + (last_month < first_month), last_month)[1]
    if form == "year":
        return date(year, 1, 1), date(year, 12, 31)
    span, start = (10, int(parts["decade"]) * 10) if form == "decade" else (100, int(parts["century"]) * 100)
    return date(max(start, 1), 1, 1), date(start + span - 1, 12, 31)


def assert_value_grammar(ref: TimeRef) -> None:
    value = ref.value
    if ref.type == "DATE":
        assert calendar_form(value) or UNRESOLVED_DATE.fullmatch(value) or REFERENCE.fullmatch(value), ref
    elif ref.type == "TIME":
        assert TIME_VALUE.fullmatch(value), ref
    elif ref.type == "DURATION":
        assert DURATION.fullmatch(value), ref
    else:
        assert DURATION.fullmatch(value) or SET_CALENDAR.fullmatch(value), ref


def assert_interval_agrees(ref: TimeRef) -> None:
    """A resolved calendar value names the period its first day lies in, at its precision."""
    assert isinstance(ref.first_day, date) and isinstance(ref.last_day, date), ref
    assert ref.first_day <= ref.last_day, ref
    assert ref.type in ("DATE", "TIME"), ref
    named = calendar_form(ref.value.split("T")[0])
    assert named is not None, ref
    form, found = named
    assert ref.precision == ("week" if form == "weekend" else form), ref
    if ref.basis == "narrative-relative" and form in ("season", "half"):
        return  # "two months later" after "summer 2001" keeps the season's value, its interval moved
    low, high = value_interval(form, found)
    if form == "day":
        assert ref.first_day == low, ref
    elif form == "weekend":
        assert (ref.first_day, ref.last_day) == (low + timedelta(days=5), high), ref
    else:
        assert low <= ref.first_day <= high, ref


def assert_basis_agrees(ref: TimeRef, anchor: date | None) -> None:
    assert ref.basis in TIME_BASES, ref
    if ref.basis == "unresolved":
        assert (ref.first_day, ref.last_day, ref.anchor) == (None, None, None), ref
    elif ref.basis == "publication-relative":
        assert anchor is not None and ref.anchor == anchor, ref
    elif ref.basis == "narrative-relative":
        assert isinstance(ref.anchor, date) and ref.first_day is not None, ref
    else:
        assert ref.anchor is None, ref


def assert_well_formed(text: str, refs: list[TimeRef], anchor: date | None) -> None:
    assert isinstance(refs, list)
    for ref in refs:
        assert isinstance(ref, TimeRef)
        assert 0 <= ref.start < ref.end <= len(text), ref
        assert text[ref.start:ref.end] == ref.text, ref
        assert ref.type in TIME_TYPES, ref
        assert ref.precision is None or ref.precision in PRECISIONS, ref
        assert (ref.first_day is None) == (ref.last_day is None), ref
        assert_value_grammar(ref)
        assert_basis_agrees(ref, anchor)
        if ref.first_day is not None:
            assert_interval_agrees(ref)
        if ref.type in ("DURATION", "SET"):
            assert (ref.first_day, ref.precision) == (None, None), ref
        assert timeref_json(ref)["text"] == ref.text
    for before, after in zip(refs, refs[1:]):
        assert before.end <= after.start, (before, after)


# Properties.


@PROPERTY_SETTINGS
@given(text=st.text(), anchor=ANCHORS, direction=DIRECTIONS)
def test_timex_properties_any_text_is_read_without_error(text, anchor, direction):
    assert_well_formed(text, find_times(text, anchor, direction), anchor)


@PROPERTY_SETTINGS
@given(text=TIMEX_TEXT, anchor=ANCHORS, direction=DIRECTIONS)
def test_timex_properties_time_like_text_gives_well_formed_values(text, anchor, direction):
    assert_well_formed(text, find_times(text, anchor, direction), anchor)


@PROPERTY_SETTINGS
@given(count=st.integers(min_value=0, max_value=10**30), unit=st.sampled_from(["days", "weeks", "months", "years",
                                                                                 "decades", "centuries"]),
       tail=st.sampled_from(["ago", "from now", "later", "earlier"]), anchor=ANCHORS)
def test_timex_properties_a_count_of_any_size_is_read_whole(count, unit, tail, anchor):
    text = f"It happened {count:,} {unit} {tail}."
    refs = find_times(text, anchor)
    assert_well_formed(text, refs, anchor)
    assert [ref.text for ref in refs] == [f"{count:,} {unit} {tail}"]


# Regressions the properties found.


WEDNESDAY = date(2021, 7, 14)


def only(text, anchor=WEDNESDAY):
    refs = find_times(text, anchor)
    assert len(refs) == 1, [(r.text, r.value) for r in refs]
    return refs[0]


def test_timex_properties_ten_million_weeks_ago_is_read_whole_and_left_unresolved():
    """Read as "000,000 weeks ago" (the tail of the number) and dated this week."""
    ref = only("The rock formed 10,000,000 weeks ago.")
    assert (ref.text, ref.value, ref.first_day, ref.last_day, ref.basis) == (
        "10,000,000 weeks ago", "XXXX", None, None, "unresolved")


def test_timex_properties_numbers_with_many_digit_groups_are_read_whole():
    assert only("a 10,000,000-year plan").text == "10,000,000-year"
    assert only("a 10,000,000-year plan").value == "P10000000Y"
    assert (only("every 10,000,000 weeks").text, only("every 10,000,000 weeks").value) == (
        "every 10,000,000 weeks", "P10000000W")
    assert only("1,000,000 days later").value == (WEDNESDAY + timedelta(days=1_000_000)).isoformat()


def test_timex_properties_fiscal_year_zero_does_not_fail_the_article():
    ref = only("Results for FY0000 were restated.")
    assert (ref.text, ref.value, ref.first_day, ref.basis) == ("FY0000", "XXXX", None, "unresolved")


def test_timex_properties_a_count_too_large_for_a_float_is_vague():
    """400 digits read as an infinite float, and 308 as one that overflows counted in years."""
    ref = only("The talks went on for " + "9" * 400 + ".5 days.")
    assert (ref.type, ref.value) == ("DURATION", "PXD")
    assert only("The empire lasted for " + "9" * 308 + ".5 centuries.").value == "PXY"
    assert only("It rose " + "9" * 308 + ".5 decades ago.").value == "PAST_REF"
    assert only("It fell " + "9" * 308 + ".5 decades later.").value == "PXY"  # no date: a vague length


def test_timex_properties_a_fraction_of_a_day_is_written_in_hours_after_t():
    assert only("The talks went on for 1.5 days.").value == "P1DT12H"
    assert only("The talks went on for two and a half days.").value == "P2DT12H"


def test_timex_properties_a_fraction_rounding_to_a_whole_unit_carries():
    assert only("The talks went on for 1.999 hours.").value == "PT2H"
    assert only("The talks went on for 2.01 years.").value == "P2Y"


def test_timex_properties_a_decimal_count_is_never_in_exponent_form():
    assert only("The talks went on for 12345678.5 minutes.").value == "PT12345678.5M"


def test_timex_properties_the_first_century_starts_in_year_one():
    ref = only("Rome grew in the 1st century.")
    assert (ref.value, ref.first_day, ref.last_day, ref.basis) == ("00", date(1, 1, 1), date(99, 12, 31), "absolute")


def test_timex_properties_the_zeroth_century_is_no_time():
    assert find_times("Rome grew in the 0th century.", WEDNESDAY) == []
