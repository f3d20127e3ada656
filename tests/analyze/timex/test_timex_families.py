"""Each family of time expressions the tagger supports, checked against TimeML and news usage.

Families: seasons, quarters, halves, fiscal years, decades and centuries, holidays, clock times,
spelled-out years, absolute date formats, ranges, publication-relative and narrative-relative dates,
durations and sets, vague references, the weekday resolved by the real tense of its clause
(`tag_times`), year boundaries, and undated articles (no anchor). Each family also lists look-alikes
that must not be tagged ("a fall in prices", "two thousand people", "52 years old").
"""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.timex import find_times

WEDNESDAY = date(2021, 7, 14)
SPRING_2013 = date(2013, 3, 22)
PAST, FUTURE = -1, 1


def always(direction):
    """A direction callback that reports the same tense for every span."""
    return lambda start, end: direction


def only(text, anchor=WEDNESDAY, direction=None):
    refs = find_times(text, anchor, direction)
    assert len(refs) == 1, [(r.text, r.value) for r in refs]
    return refs[0]


def interval(ref):
    return ref.first_day, ref.last_day


# Seasons.


@pytest.mark.parametrize("text, anchor, span, value, first, last", [
    ("Talks collapsed last fall.", SPRING_2013, "last fall", "2012-FA", date(2012, 9, 1), date(2012, 11, 30)),
    ("Talks resume this summer.", SPRING_2013, "this summer", "2013-SU", date(2013, 6, 1), date(2013, 8, 31)),
    ("this summer", SPRING_2013, "this summer", "2013-SU", date(2013, 6, 1), date(2013, 8, 31)),
    ("next winter", SPRING_2013, "next winter", "2013-WI", date(2013, 12, 1), date(2014, 2, 28)),
])
def test_relative_seasons(text, anchor, span, value, first, last):
    ref = only(text, anchor)
    assert (ref.text, ref.type, ref.value, ref.precision) == (span, "DATE", value, "season")
    assert interval(ref) == (first, last)
    assert ref.basis == "publication-relative" and ref.anchor == anchor


@pytest.mark.parametrize("text, value, first, last", [
    ("Snow fell in the winter of 2012.", "2012-WI", date(2012, 12, 1), date(2013, 2, 28)),
    ("The party was founded in the spring of 1998.", "1998-SP", date(1998, 3, 1), date(1998, 5, 31)),
])
def test_seasons_of_a_year(text, value, first, last):
    ref = only(text)
    assert (ref.value, ref.precision, ref.basis, ref.anchor) == (value, "season", "absolute", None)
    assert interval(ref) == (first, last)


@pytest.mark.parametrize("text", [
    "Traders feared a fall in prices.",
    "The fall of Kabul shocked the world.",
    "The Arab Spring began in Tunisia.",
    "The summer camp was closed.",
])
def test_season_words_that_are_not_times(text):
    assert [r for r in find_times(text, WEDNESDAY) if r.precision == "season"] == []


def test_season_word_beside_a_year_leaves_only_the_year():
    assert [(r.text, r.value) for r in find_times("Prices saw a fall in 2021.", WEDNESDAY)] == [("2021", "2021")]


# Quarters.


@pytest.mark.parametrize("text, value, first, last", [
    ("Growth slowed in the third quarter of 2021.", "2021-Q3", date(2021, 7, 1), date(2021, 9, 30)),
    ("Aid fell in Q3 2021.", "2021-Q3", date(2021, 7, 1), date(2021, 9, 30)),
    ("Sales rose in the fourth quarter of 2019.", "2019-Q4", date(2019, 10, 1), date(2019, 12, 31)),
])
def test_quarters_of_a_year(text, value, first, last):
    ref = only(text)
    assert (ref.type, ref.value, ref.precision, ref.basis) == ("DATE", value, "quarter", "absolute")
    assert interval(ref) == (first, last)


@pytest.mark.parametrize("text, anchor, direction, value", [
    # Reported in the past: the latest third quarter that has begun.
    ("The company reported third-quarter profit.", date(2021, 5, 10), PAST, "2020-Q3"),
    ("The company reported third-quarter profit.", date(2021, 10, 25), PAST, "2021-Q3"),
    # Ahead: the coming third quarter.
    ("The company will report third-quarter profit.", date(2021, 5, 10), FUTURE, "2021-Q3"),
])
def test_yearless_quarter_follows_the_tense(text, anchor, direction, value):
    ref = only(text, anchor, always(direction))
    assert (ref.text, ref.value, ref.basis) == ("third-quarter", value, "publication-relative")


@pytest.mark.parametrize("text, anchor, value", [
    # Early in a quarter, "the quarter" is the one just reported ...
    ("Revenue rose in the quarter.", date(2021, 10, 20), "2021-Q3"),
    # ... later in a quarter, the current one.
    ("Revenue is rising in the quarter.", date(2021, 12, 10), "2021-Q4"),
    # The year-earlier quarter: the same quarter a year before the reported one.
    ("Profit doubled from the year-earlier quarter.", date(2021, 10, 20), "2020-Q3"),
])
def test_the_quarter_of_an_earnings_report(text, anchor, value):
    ref = only(text, anchor)
    assert (ref.value, ref.precision, ref.basis, ref.anchor) == (value, "quarter", "publication-relative", anchor)


# Halves.


@pytest.mark.parametrize("text, span, value, first, last", [
    ("Exports grew in the first half of 2021.", "the first half of 2021", "2021-H1",
     date(2021, 1, 1), date(2021, 6, 30)),
    ("Output should recover in the second half of next year.", "the second half of next year", "2022-H2",
     date(2022, 7, 1), date(2022, 12, 31)),
])
def test_halves(text, span, value, first, last):
    ref = only(text)
    assert (ref.text, ref.value, ref.precision) == (span, value, "half")
    assert interval(ref) == (first, last)


# Fiscal years: TimeBank writes a fiscal year as the year it is named after.


@pytest.mark.parametrize("text, span, value", [
    ("Revenue rose in fiscal 2021.", "fiscal 2021", "2021"),
    ("Revenue rose in fiscal year 2021.", "fiscal year 2021", "2021"),
    ("The FY22 budget was approved.", "FY22", "2022"),
])
def test_fiscal_years(text, span, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value, ref.precision, ref.basis) == (span, "DATE", value, "year", "absolute")


# Decades and centuries.


@pytest.mark.parametrize("text, anchor, span, value, first, last", [
    ("The war of the 1990s shaped the group.", WEDNESDAY, "the 1990s", "199", date(1990, 1, 1), date(1999, 12, 31)),
    ("It began in the early 1990s.", WEDNESDAY, "the early 1990s", "199", date(1990, 1, 1), date(1993, 12, 31)),
    ("The band peaked in the '80s.", date(2013, 5, 1), "the '80s", "198", date(1980, 1, 1), date(1989, 12, 31)),
    ("The band peaked in the nineties.", date(2013, 5, 1), "the nineties", "199",
     date(1990, 1, 1), date(1999, 12, 31)),
    ("Empires fell in the 20th century.", WEDNESDAY, "the 20th century", "19", date(1900, 1, 1), date(1999, 12, 31)),
    ("It is the worst flood this century.", WEDNESDAY, "this century", "20", date(2000, 1, 1), date(2099, 12, 31)),
])
def test_decades_and_centuries(text, anchor, span, value, first, last):
    ref = only(text, anchor)
    assert (ref.text, ref.type, ref.value) == (span, "DATE", value)
    assert interval(ref) == (first, last)


# Holidays.


@pytest.mark.parametrize("text, anchor, value, basis", [
    ("Shops closed on Christmas 2020.", WEDNESDAY, "2020-12-25", "absolute"),
    ("Pilgrims gathered at Easter 2013.", WEDNESDAY, "2013-03-31", "absolute"),
    ("Families met on Thanksgiving 2021.", WEDNESDAY, "2021-11-25", "absolute"),
    ("He visited last Christmas.", WEDNESDAY, "2020-12-25", "publication-relative"),
])
def test_holidays(text, anchor, value, basis):
    ref = only(text, anchor)
    assert (ref.type, ref.value, ref.precision, ref.basis) == ("DATE", value, "day", basis)
    assert interval(ref) == (date.fromisoformat(value),) * 2


# Clock times.


def test_clock_and_weekday_are_one_time():
    ref = only("The ministers met at 9 a.m. Tuesday.", direction=always(PAST))
    assert (ref.text, ref.type, ref.value) == ("9 a.m. Tuesday", "TIME", "2021-07-13T09:00")
    assert interval(ref) == (date(2021, 7, 13), date(2021, 7, 13))


def test_clock_with_zone_and_date_is_one_time():
    ref = only("Polls close at 5 p.m. EST, Nov. 6.")
    assert (ref.text, ref.type, ref.value) == ("5 p.m. EST, Nov. 6", "TIME", "2021-11-06T17:00")


@pytest.mark.parametrize("text, span, value", [
    ("The ministers will meet at noon.", "noon", "2021-07-14T12:00"),
    ("The curfew starts at midnight.", "midnight", "2021-07-14T24:00"),
])
def test_clock_words(text, span, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value) == (span, "TIME", value)


def test_bare_clock_takes_the_day_of_the_narrative():
    refs = find_times("On July 2, 2021, the group met in Kabul. The blast came at 10 p.m.", WEDNESDAY,
                      always(PAST))
    assert [(r.text, r.type, r.value) for r in refs] == [
        ("July 2, 2021", "DATE", "2021-07-02"),
        ("10 p.m.", "TIME", "2021-07-02T22:00"),
    ]
    assert (refs[1].basis, refs[1].anchor) == ("narrative-relative", date(2021, 7, 2))


# Years written out in words.


@pytest.mark.parametrize("text, span, value", [
    ("The treaty was signed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("Snow fell in the winter of nineteen ninety-four.", "winter of nineteen ninety-four", "1994-WI"),
])
def test_spelled_years(text, span, value):
    ref = only(text)
    assert ref.text.endswith(span) and ref.value == value and ref.basis == "absolute"


def test_spelled_number_is_not_a_year():
    assert find_times("Two thousand people fled the town.", WEDNESDAY) == []
    assert find_times("The army sent two thousand troops.", WEDNESDAY) == []


# Absolute date formats.


@pytest.mark.parametrize("text, span, value, basis", [
    ("The statement is dated 2021-07-13.", "2021-07-13", "2021-07-13", "absolute"),
    ("They met on 13 July 2021 in Dushanbe.", "13 July 2021", "2021-07-13", "absolute"),
    ("They met on July 13, 2021 in Dushanbe.", "July 13, 2021", "2021-07-13", "absolute"),
    ("They met on Tuesday, July 13, 2021.", "Tuesday, July 13, 2021", "2021-07-13", "absolute"),
    ("The minister arrived on Jul. 13.", "Jul. 13", "2021-07-13", "publication-relative"),
    ("The form was signed on 13/07/2021.", "13/07/2021", "2021-07-13", "absolute"),
])
def test_absolute_formats(text, span, value, basis):
    ref = only(text)
    assert (ref.text, ref.type, ref.value, ref.precision, ref.basis) == (span, "DATE", value, "day", basis)


def test_ambiguous_numeric_date_is_never_guessed_as_a_day():
    # 07/08/2021 is 8 July in the US and 7 August in Europe: no day may be chosen.
    refs = find_times("The form was signed on 07/08/2021.", WEDNESDAY)
    assert [r for r in refs if r.precision == "day"] == []


def test_ambiguous_numeric_date_is_not_tagged_at_all():
    assert find_times("The form was signed on 07/08/2021.", WEDNESDAY) == []


# Ranges.


def test_day_range_in_a_month_is_one_ref():
    ref = only("The summit was held on November 4-5.", date(2024, 11, 7))
    assert (ref.text, ref.value) == ("November 4-5", "2024-11-04")
    assert interval(ref) == (date(2024, 11, 4), date(2024, 11, 5))


def test_between_two_years_is_a_range():
    refs = find_times("The group was active between 1996 and 2001.", WEDNESDAY)
    assert [(r.text, r.value) for r in refs] == [("1996", "1996"), ("2001", "2001")]
    assert interval(refs[0]) == (date(1996, 1, 1), date(2001, 12, 31))
    assert interval(refs[1]) == (date(2001, 1, 1), date(2001, 12, 31))


def test_two_years_joined_by_and_are_not_a_range():
    refs = find_times("Elections were held in 2019 and 2021.", WEDNESDAY)
    assert [(r.text, r.value) for r in refs] == [("2019", "2019"), ("2021", "2021")]
    assert interval(refs[0]) == (date(2019, 1, 1), date(2019, 12, 31))


def test_month_range_takes_its_year_from_the_end():
    refs = find_times("Fighting raged from March to May 2021.", date(2022, 6, 1), always(PAST))
    assert [(r.text, r.value) for r in refs] == [("March", "2021-03"), ("May 2021", "2021-05")]
    assert interval(refs[0]) == (date(2021, 3, 1), date(2021, 5, 31))


@pytest.mark.parametrize("text, span, last", [
    ("The war of 1996-2001 ended with the invasion.", "1996-2001", date(2001, 12, 31)),
    ("The budget for 2019-20 was cut.", "2019-20", date(2020, 12, 31)),
])
def test_year_ranges_are_one_ref(text, span, last):
    ref = only(text)
    assert (ref.text, ref.value, ref.first_day, ref.last_day) == (span, span[:4], date(int(span[:4]), 1, 1), last)


# Relative to the publication date (Wednesday 14 July 2021).


@pytest.mark.parametrize("text, span, kind, value, first, last", [
    ("Two days ago the embassy closed.", "Two days ago", "DATE", "2021-07-12", date(2021, 7, 12), date(2021, 7, 12)),
    ("Talks stalled earlier this year.", "earlier this year", "DATE", "2021", date(2021, 1, 1), WEDNESDAY),
    ("Prices rose in the past week.", "the past week", "DATE", "2021-W27", date(2021, 7, 5), date(2021, 7, 11)),
    ("Staff left last week.", "last week", "DATE", "2021-W27", date(2021, 7, 5), date(2021, 7, 11)),
    ("Talks resume next month.", "next month", "DATE", "2021-08", date(2021, 8, 1), date(2021, 8, 31)),
    ("Talks resume in three days' time.", "three days' time", "DATE", "2021-07-17",
     date(2021, 7, 17), date(2021, 7, 17)),
])
def test_publication_relative(text, span, kind, value, first, last):
    ref = only(text)
    assert (ref.text, ref.type, ref.value, interval(ref)) == (span, kind, value, (first, last))
    assert ref.basis == "publication-relative" and ref.anchor == WEDNESDAY


def test_the_past_decade_is_a_duration():
    ref = only("Violence has fallen over the past decade.", direction=always(PAST))
    assert (ref.text, ref.type, ref.value) == ("the past decade", "DURATION", "P10Y")


# Relative to an earlier date in the text.


def test_count_later_from_a_year_keeps_year_precision():
    refs = find_times("In 2001, the group split. Two months later it was banned.", WEDNESDAY, always(PAST))
    later = refs[1]
    assert (later.text, later.basis, later.precision) == ("Two months later", "narrative-relative", "year")
    assert interval(later) == (date(2001, 3, 1), date(2002, 2, 28))


def test_the_next_day_follows_the_narrative():
    refs = find_times("On July 2, 2021, they met in Doha. The next day they left.", WEDNESDAY, always(PAST))
    assert [(r.text, r.value, r.basis) for r in refs] == [
        ("July 2, 2021", "2021-07-02", "absolute"),
        ("The next day", "2021-07-03", "narrative-relative"),
    ]
    assert refs[1].anchor == date(2021, 7, 2)


def test_that_year_is_the_narrative_year():
    refs = find_times("In 2001 the group split. He left that year.", WEDNESDAY, always(PAST))
    assert [(r.text, r.value, r.basis) for r in refs] == [
        ("2001", "2001", "absolute"),
        ("that year", "2001", "narrative-relative"),
    ]


# Durations and sets.


@pytest.mark.parametrize("text, span, kind, value", [
    ("The talks went on for three years.", "three years", "DURATION", "P3Y"),
    ("He was jailed for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("He served 2 1/2 years in prison.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The meeting lasted 1.5 hours.", "1.5 hours", "DURATION", "PT1H30M"),
    ("Fighting has raged for years.", "years", "DURATION", "PXY"),
    ("The government unveiled a 10-year plan.", "10-year", "DURATION", "P10Y"),
    ("The talks will last three days.", "three days", "DURATION", "P3D"),
    ("The envoys meet every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("The envoys meet twice a week.", "twice a week", "SET", "P1W"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
])
def test_durations_and_sets(text, span, kind, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value) == (span, kind, value)
    assert interval(ref) == (None, None)


@pytest.mark.parametrize("text", [
    "The suspect is 52 years old.",
    "The firm raised its quarterly dividend.",
    "Traffic is a daily occurrence.",
])
def test_ages_and_frequency_adjectives_are_not_times(text):
    assert find_times(text, WEDNESDAY) == []


# Vague references.


@pytest.mark.parametrize("text, span, value", [
    ("The border is now closed.", "now", "PRESENT_REF"),
    ("Talks recently resumed.", "recently", "PAST_REF"),
    ("The border will open soon.", "soon", "FUTURE_REF"),
])
def test_references(text, span, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value) == (span, "DATE", value)


@pytest.mark.parametrize("text", [
    "No one has been charged until now.",
    "He was released soon after the attack.",
])
def test_blocked_references(text):
    assert find_times(text, WEDNESDAY) == []


# Weekdays resolved by the real tense of their clause (Wednesday 14 July 2021).


@pytest.mark.parametrize("text, value", [
    ("The ministers met on Tuesday.", "2021-07-13"),
    ("They will meet on Friday.", "2021-07-16"),
    ("They met on Friday.", "2021-07-09"),
    ("The ministers will meet on Wednesday.", "2021-07-14"),  # an article of that weekday: that day
    ("The minister could leave as soon as Tuesday.", "2021-07-20"),
])
def test_weekday_follows_the_parsed_tense(text, value):
    from dateline.analyze.timex.tagging import tag_times

    refs = tag_times(text, WEDNESDAY)
    assert [(r.type, r.value, r.basis) for r in refs] == [("DATE", value, "publication-relative")]


# Year boundaries.


@pytest.mark.parametrize("text, anchor, direction, value", [
    ("The envoy arrived on Friday.", date(2024, 1, 2), PAST, "2023-12-29"),
    ("The envoy arrived on December 30.", date(2022, 1, 3), PAST, "2021-12-30"),
    ("The envoy will arrive on January 3.", date(2021, 12, 28), FUTURE, "2022-01-03"),
    ("Talks resume next month.", date(2021, 12, 15), None, "2022-01"),
    # 1 January 2021 is a Friday in ISO week 2020-W53, so last week is 2020-W52 ...
    ("Staff left last week.", date(2021, 1, 1), None, "2020-W52"),
    ("Staff leave this week.", date(2021, 1, 1), None, "2020-W53"),
    # ... and a week later, last week is 2020-W53.
    ("Staff left last week.", date(2021, 1, 8), None, "2020-W53"),
])
def test_year_boundaries(text, anchor, direction, value):
    ref = only(text, anchor, always(direction) if direction else None)
    assert ref.value == value


def test_week_53_spans_the_new_year():
    ref = only("Staff left last week.", date(2021, 1, 8))
    assert interval(ref) == (date(2020, 12, 28), date(2021, 1, 3))


# Undated articles: what needs an anchor stays underspecified, never guessed.


@pytest.mark.parametrize("text, value", [
    ("They met on Tuesday.", "XXXX-WXX-2"),
    ("They met on November 4.", "XXXX-11-04"),
    ("They met last year.", "XXXX"),
    ("They meet this summer.", "XXXX-SU"),
])
def test_undated_article_leaves_values_unresolved(text, value):
    ref = only(text, anchor=None)
    assert (ref.value, ref.basis, ref.anchor) == (value, "unresolved", None)
    assert interval(ref) == (None, None)


def test_undated_article_keeps_absolute_dates():
    ref = only("They met on 13 July 2021.", anchor=None)
    assert (ref.value, ref.basis) == ("2021-07-13", "absolute")
    assert interval(ref) == (date(2021, 7, 13), date(2021, 7, 13))
