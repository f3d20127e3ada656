"""Time expressions found in plain text and normalized against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from dateline.analyze.timex import find_times, timeref_json

WEDNESDAY = date(2021, 7, 14)
PAST, FUTURE = -1, 1


def always(direction):
    """A direction callback that reports the same tense for every span."""
    return lambda start, end: direction


def only(text, anchor=WEDNESDAY, direction=None):
    refs = find_times(text, anchor, direction)
    assert len(refs) == 1, [r.text for r in refs]
    return refs[0]


def values(text, anchor=WEDNESDAY, direction=None):
    return [(r.text, r.value) for r in find_times(text, anchor, direction)]


def test_timex_weekday_uses_the_direction_callback():
    text = "Jaishankar met Atmar on Tuesday and will meet Wang Yi on Monday."
    tense = {"Tuesday": PAST, "Monday": FUTURE}
    refs = find_times(text, WEDNESDAY, lambda start, end: tense[text[start:end]])
    assert [(r.text, r.value) for r in refs] == [("Tuesday", "2021-07-13"), ("Monday", "2021-07-19")]
    assert all(r.basis == "publication-relative" and r.anchor == WEDNESDAY for r in refs)


def test_timex_past_weekday_across_year_end_in_text():
    ref = only("The envoy arrived in Kabul on Friday.", date(2024, 1, 2), always(PAST))
    assert ref.value == "2023-12-29"


@pytest.mark.parametrize("text, expected", [
    ("last Tuesday", "2021-07-13"),
    ("last Wednesday", "2021-07-07"),
    ("next Friday", "2021-07-16"),
    ("this Friday", "2021-07-16"),
    ("on Tuesday morning", "2021-07-13TMO"),
])
def test_timex_weekday_with_relation(text, expected):
    assert only(text).value == expected


# Absolute dates.


@pytest.mark.parametrize("text, span, value", [
    ("The statement is dated 2021-07-14.", "2021-07-14", "2021-07-14"),
    ("They met on July 13, 2021 in Dushanbe.", "July 13, 2021", "2021-07-13"),
    ("They met on 13 July 2021 in Dushanbe.", "13 July 2021", "2021-07-13"),
    ("They met on Tuesday, July 13, 2021.", "Tuesday, July 13, 2021", "2021-07-13"),
    ("Kabul fell in August 2021.", "August 2021", "2021-08"),
    ("Growth slowed in the third quarter of 2021.", "the third quarter of 2021", "2021-Q3"),
    ("Aid fell in Q3 2021.", "Q3 2021", "2021-Q3"),
    ("The civil war of the 1990s shaped the group.", "the 1990s", "199"),
])
def test_timex_absolute_dates(text, span, value):
    ref = only(text)
    assert (ref.text, ref.value, ref.basis, ref.anchor) == (span, value, "absolute", None)


def test_timex_spans_exclude_the_preposition():
    ref = only("India reopened its embassy in 2021.")
    assert ref.text == "2021" and ref.first_day == date(2021, 1, 1) and ref.last_day == date(2021, 12, 31)


@pytest.mark.parametrize("text, span, value", [
    ("The minister arrived on Jul. 13.", "Jul. 13", "2021-07-13"),
    ("The minister arrived on July 13th.", "July 13th", "2021-07-13"),
    ("Independence Day falls on August 15.", "August 15", "2021-08-15"),
    ("Talks are set for mid-July.", "mid-July", "2021-07"),
    ("The offensive began in early June.", "early June", "2021-06"),
    ("Troops left in July.", "July", "2021-07"),
    ("Troops left in June.", "June", "2021-06"),
])
def test_timex_yearless_dates_take_the_anchor_year(text, span, value):
    ref = only(text)
    assert (ref.text, ref.value, ref.basis, ref.anchor) == (span, value, "publication-relative", WEDNESDAY)


@pytest.mark.parametrize("text, span", [
    ("The summit was held on November 4-5.", "November 4-5"),
    ("The summit was held on 4-5 November.", "4-5 November"),
    ("The summit was held on November 4 and 5.", "November 4 and 5"),
    ("The summit was held between November 4 and 5.", "November 4 and 5"),
])
def test_timex_day_range_is_one_timeref(text, span):
    ref = only(text, date(2024, 11, 7))
    assert ref.text == span and ref.value == "2024-11-04" and ref.precision == "day"
    assert (ref.first_day, ref.last_day) == (date(2024, 11, 4), date(2024, 11, 5))


def test_timex_bare_month_follows_the_tense_else_the_nearest():
    assert only("Elections are due in March.", direction=always(FUTURE)).value == "2022-03"
    assert only("Elections were held in August.", direction=always(PAST)).value == "2020-08"
    # No tense ("the summit in August"): the nearest August to 14 July 2021 is a month ahead.
    assert only("the summit in August").value == "2021-08"
    assert only("the vote in February").value == "2021-02"


def test_timex_modifiers_narrow_the_interval():
    mid_july = only("by mid-July")
    assert (mid_july.first_day, mid_july.last_day) == (date(2021, 7, 11), date(2021, 7, 20))
    late = only("The Taliban advanced in late 2021.")
    assert (late.value, late.first_day, late.last_day) == ("2021", date(2021, 9, 1), date(2021, 12, 31))


# Relative to the publication date.


@pytest.mark.parametrize("text, value, first, last", [
    ("yesterday", "2021-07-13", date(2021, 7, 13), date(2021, 7, 13)),
    ("today", "2021-07-14", date(2021, 7, 14), date(2021, 7, 14)),
    ("tomorrow", "2021-07-15", date(2021, 7, 15), date(2021, 7, 15)),
    ("last week", "2021-W27", date(2021, 7, 5), date(2021, 7, 11)),
    ("this week", "2021-W28", date(2021, 7, 12), date(2021, 7, 18)),
    ("next week", "2021-W29", date(2021, 7, 19), date(2021, 7, 25)),
    ("last month", "2021-06", date(2021, 6, 1), date(2021, 6, 30)),
    ("this month", "2021-07", date(2021, 7, 1), date(2021, 7, 31)),
    ("earlier this month", "2021-07", date(2021, 7, 1), date(2021, 7, 14)),
    ("later this month", "2021-07", date(2021, 7, 14), date(2021, 7, 31)),
    ("next month", "2021-08", date(2021, 8, 1), date(2021, 8, 31)),
    ("last year", "2020", date(2020, 1, 1), date(2020, 12, 31)),
    ("this year", "2021", date(2021, 1, 1), date(2021, 12, 31)),
    ("next year", "2022", date(2022, 1, 1), date(2022, 12, 31)),
    ("earlier this year", "2021", date(2021, 1, 1), date(2021, 7, 14)),
    ("last weekend", "2021-W27-WE", date(2021, 7, 10), date(2021, 7, 11)),
    ("this weekend", "2021-W28-WE", date(2021, 7, 17), date(2021, 7, 18)),
    ("two days ago", "2021-07-12", date(2021, 7, 12), date(2021, 7, 12)),
    ("three weeks ago", "2021-W25", date(2021, 6, 21), date(2021, 6, 27)),
    ("a year ago", "2020", date(2020, 1, 1), date(2020, 12, 31)),
])
def test_timex_publication_relative(text, value, first, last):
    ref = only(text)
    assert (ref.text, ref.value, ref.first_day, ref.last_day) == (text, value, first, last)
    assert ref.basis == "publication-relative" and ref.anchor == WEDNESDAY


@pytest.mark.parametrize("text, span, value", [
    ("Protests were held tonight.", "tonight", "2021-07-14TNI"),
    ("He spoke this morning.", "this morning", "2021-07-14TMO"),
])
def test_timex_parts_of_day_are_times(text, span, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value) == (span, "TIME", value)


def test_timex_over_the_weekend_follows_the_tense():
    past = only("The ministers spoke over the weekend.", direction=always(PAST))
    future = only("The ministers will speak over the weekend.", direction=always(FUTURE))
    assert (past.text, past.value, past.first_day) == ("the weekend", "2021-W27-WE", date(2021, 7, 10))
    assert (future.value, future.first_day) == ("2021-W28-WE", date(2021, 7, 17))


@pytest.mark.parametrize("text, span, value", [
    ("The talks resume in two weeks.", "two weeks", "2021-W30"),
    ("The talks resume in three days' time.", "three days' time", "2021-07-17"),
])
def test_timex_in_a_while_is_a_future_date(text, span, value):
    ref = only(text, direction=always(FUTURE))
    assert (ref.text, ref.type, ref.value) == (span, "DATE", value)


def test_timex_in_a_while_without_future_tense_is_a_duration():
    past = only("The Taliban took the provinces in two weeks.", direction=always(PAST))
    unknown = only("It was the worst drought in a decade.")
    assert (past.type, past.value) == ("DURATION", "P2W")
    # TimeBank and TE3 write a decade as ten years.
    assert (unknown.text, unknown.type, unknown.value) == ("a decade", "DURATION", "P10Y")


def test_timex_in_a_while_time_is_a_date_without_tense():
    assert only("The talks resume in three days' time.").value == "2021-07-17"


# Relative to an earlier date in the text.


def test_timex_narrative_dates_follow_the_text():
    text = ("The delegation reached Moscow on October 19, 2021. The next day it met Taliban envoys, "
            "and two days later it flew to Doha. The day before, officials had briefed reporters.")
    refs = find_times(text, date(2021, 10, 25))
    assert [(r.text, r.value, r.basis) for r in refs] == [
        ("October 19, 2021", "2021-10-19", "absolute"),
        ("The next day", "2021-10-20", "narrative-relative"),
        ("two days later", "2021-10-22", "narrative-relative"),
        ("The day before", "2021-10-21", "narrative-relative"),
    ]
    assert refs[1].anchor == date(2021, 10, 19) and refs[2].anchor == date(2021, 10, 20)


def test_timex_narrative_falls_back_to_the_publication_date():
    ref = only("The following week, the embassy reopened.")
    assert (ref.value, ref.basis, ref.anchor) == ("2021-W29", "publication-relative", WEDNESDAY)


# Without an anchor.


@pytest.mark.parametrize("text, value", [
    ("on July 13", "XXXX-07-13"),
    ("yesterday", "XXXX-XX-XX"),
    ("on Tuesday", "XXXX-WXX-2"),
    ("last month", "XXXX-XX"),
])
def test_timex_unresolved_without_anchor(text, value):
    ref = only(text, anchor=None)
    assert (ref.value, ref.basis, ref.first_day, ref.last_day, ref.anchor) == (value, "unresolved", None, None, None)


def test_timex_absolute_dates_need_no_anchor():
    refs = find_times("On July 13, 2021 they met; the next day they parted.", None)
    assert [(r.value, r.basis) for r in refs] == [("2021-07-13", "absolute"), ("2021-07-14", "narrative-relative")]


# Durations, references, sets.


@pytest.mark.parametrize("text, span, kind, value", [
    ("The talks went on for three days.", "three days", "DURATION", "P3D"),
    ("He began a two-day visit.", "two-day", "DURATION", "P2D"),
    ("Fighting has raged for years.", "years", "DURATION", "PXY"),
    ("Prices rose over the past two weeks.", "the past two weeks", "DURATION", "P2W"),
    ("Talks recently resumed.", "recently", "DATE", "PAST_REF"),
    ("The border is now closed.", "now", "DATE", "PRESENT_REF"),
    ("The border is currently closed.", "currently", "DATE", "PRESENT_REF"),
    ("The border will open soon.", "soon", "DATE", "FUTURE_REF"),
    ("The envoys meet every week.", "every week", "SET", "P1W"),
    ("The envoys meet weekly.", "weekly", "SET", "P1W"),
    ("The report is published annually.", "annually", "SET", "P1Y"),
])
def test_timex_durations_references_and_sets(text, span, kind, value):
    ref = only(text)
    assert (ref.text, ref.type, ref.value) == (span, kind, value)
    assert ref.first_day is None and ref.last_day is None


# False positives.


@pytest.mark.parametrize("text", [
    "They may meet again if the talks go well.",
    "A protest march blocked the road.",
    "India sent 2,000 troops and 1,500 people fled.",
    "The council adopted resolution 2593 unanimously.",
    "The number of refugees rose to 2000 families.",
    "She told India Today that talks had stalled.",
    "He was released soon after the attack.",
    "A 40-year-old man was arrested.",
    "The 2021 elections were postponed.",
])
def test_timex_ignores_non_times(text):
    assert find_times(text, WEDNESDAY) == []


def test_timex_month_names_count_with_context():
    assert values("They may meet in May.") == [("May", "2021-05")]
    assert values("Marchers filled the streets in March 2021.") == [("March 2021", "2021-03")]


# The whole article.

PARAGRAPH = (
    "NEW DELHI, July 14 (Reuters) - India's foreign minister met his Afghan counterpart in Dushanbe "
    "on Tuesday, days after the Taliban claimed control of 85% of the country. The two last met in "
    "March 2021, and officials said another round was planned for later this month. Since 2001, India "
    "has spent $3 billion on projects in Afghanistan, including a parliament building opened in "
    "December 2015. Two days ago, the embassy in Kabul said it was closely monitoring the situation, "
    "and last week it evacuated staff from Kandahar. The minister will travel to Moscow next week for "
    "a two-day visit, and SCO ministers meet annually."
)


def test_timex_news_paragraph_finds_every_expression():
    refs = find_times(PARAGRAPH, WEDNESDAY)
    assert [(r.text, r.type, r.value) for r in refs] == [
        ("July 14", "DATE", "2021-07-14"),
        ("Tuesday", "DATE", "2021-07-13"),
        ("March 2021", "DATE", "2021-03"),
        ("later this month", "DATE", "2021-07"),
        ("2001", "DATE", "2001"),
        ("December 2015", "DATE", "2015-12"),
        ("Two days ago", "DATE", "2021-07-12"),
        ("last week", "DATE", "2021-W27"),
        ("next week", "DATE", "2021-W29"),
        ("two-day", "DURATION", "P2D"),
        ("annually", "SET", "P1Y"),
    ]
    assert all(PARAGRAPH[r.start:r.end] == r.text for r in refs)
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))


def test_timex_json_has_the_contract_fields():
    row = timeref_json(only("The ministers met on November 4-5.", date(2024, 11, 7)))
    assert row == {"start": 21, "end": 33, "text": "November 4-5", "type": "DATE", "value": "2024-11-04",
                   "first_day": "2024-11-04", "last_day": "2024-11-05", "precision": "day",
                   "basis": "publication-relative", "anchor": "2024-11-07"}


def test_timex_a_date_counted_off_the_calendar_keeps_no_value():
    """ "2,500 years ago" in a 2011 article is before year 1: no date, and the article is not lost
    (a Timeline17 article failed its whole ingest on it)."""
    refs = find_times("The city was founded 2,500 years ago, historians say.", date(2011, 1, 1))
    assert [(r.text, r.value, r.first_day, r.basis) for r in refs] == [("2,500 years ago", "XXXX", None, "unresolved")]


@pytest.mark.parametrize("text, span, value", [
    ("In 3000 BC, Egypt attacked Libya.", "3000 BC", "BC3000"),
    ("Caesar was killed in 44 BCE.", "44 BCE", "BC0044"),
    ("Troy fell around 1180 B.C. by one count.", "1180 B.C.", "BC1180"),
    ("a city founded in the fifth century BC", "the fifth century BC", "BC04"),
    ("In the year 3,000 BC there was no Libya.", "the year 3,000 BC", "BC3000"),
])
def test_timex_a_year_before_christ_keeps_its_value_and_no_days(text, span, value):
    ref = only(text)
    assert (ref.text, ref.value, ref.first_day, ref.last_day) == (span, value, None, None)


@pytest.mark.parametrize("text, span, value", [
    ("Rome fell in AD 476.", "AD 476", "0476"),
    ("The Normans came in 1066 AD.", "1066 AD", "1066"),
    ("a temple of 300 CE", "300 CE", "0300"),
])
def test_timex_a_year_of_our_era_is_an_ordinary_year(text, span, value):
    ref = only(text)
    assert (ref.text, ref.value, ref.first_day) == (span, value, date(int(value), 1, 1))


@pytest.mark.parametrize("text", ["In the year 99999, India met Nepal.", "by the year 1,000,000"])
def test_timex_a_year_past_the_calendar_is_unresolved_never_this_year(text):
    ref = only(text)
    assert (ref.value, ref.first_day, ref.basis) == ("XXXX", None, "unresolved")


@pytest.mark.parametrize("text", ["sales of 300 CE units", "He paid 100 AD dollars."])
def test_timex_an_era_word_after_a_count_of_things_is_no_year(text):
    assert values(text) == []
