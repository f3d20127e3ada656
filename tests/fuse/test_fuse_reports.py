from datetime import date

from dateline.fuse.reports import TYPE_FAMILIES, content_words, make_reports
from dateline.model import Event


def test_reports_type_families_come_from_the_data_file():
    assert len(TYPE_FAMILIES) == 16
    assert TYPE_FAMILIES["AID"] == TYPE_FAMILIES["SUPPORT"] == TYPE_FAMILIES["COOPERATE"] == "support"
    assert TYPE_FAMILIES["ASSAULT"] == "force" and "FIGHT" not in TYPE_FAMILIES


def test_reports_content_words_drop_function_words_numbers_and_case():
    assert content_words("The Taliban's 2 envoys said they met India on Monday") == frozenset(
        {"taliban's", "envoys", "met", "india", "monday"})


def test_reports_a_type_outside_the_families_is_a_family_of_its_own():
    event = Event("e1", "a1", "FIGHT", None, None, None, None, None, None, "fought", 0, "They fought.",
                  date=date(2021, 7, 14))
    [report] = make_reports([event], {}, {}, {}, {}, {})
    assert report.family == "FIGHT" and report.words == frozenset({"fought"})
