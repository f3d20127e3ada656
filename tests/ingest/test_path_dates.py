from datetime import date

import pytest

from dateline.ingest import read_file
from dateline.ingest.path_dates import path_date


@pytest.mark.parametrize("path, expected", [
    ("news/2011-06-03/a.txt", date(2011, 6, 3)),
    ("news/2011_06_03/a.txt", date(2011, 6, 3)),
    ("news/2011/06/03/a.txt", date(2011, 6, 3)),
    ("news/2011/06/03.txt", date(2011, 6, 3)),  # the file's name may be the day
    ("news/20110603_a.txt", date(2011, 6, 3)),
    ("news/story-2011-06-03.html", date(2011, 6, 3)),
    ("/abs/LibyaWar_reuters/2011-06-03/190.htm.txt", date(2011, 6, 3)),
    ("news/2012-02-29/a.txt", date(2012, 2, 29)),  # a leap day
])
def test_path_dates_accepted_forms(path, expected):
    assert path_date(path) == expected


@pytest.mark.parametrize("path", [
    "news/a.txt",  # no date at all
    "news/2011-06/a.txt",  # a month is no day
    "news/2011/a.txt",
    "news/2011-02-30/a.txt",  # no such day
    "news/2011-13-01/a.txt",
    "news/2011/02/30/a.txt",
    "news/2011-06-3/a.txt",  # one digit: not the strict form
    "news/2011-06_03/a.txt",  # mixed separators
    "news/1899-12-31/a.txt",  # outside 1900-2100
    "news/2101-01-01/a.txt",
    "news/a20110603.txt",  # a letter touching it: part of an id
    "news/120110603.txt",  # a ninth digit: a number, not a date
    "news/2011-06-03T12/a.txt",
    "news/2011/6/3/a.txt",
    "news/2011-06-03_to_2011-06-05.txt",  # two dates in the deepest name: ambiguous
])
def test_path_dates_refused_forms(path):
    assert path_date(path) is None


def test_path_dates_the_deepest_wins():
    assert path_date("2010-01-01/2011/06/03/20120704_a.txt") == date(2012, 7, 4)
    assert path_date("2010-01-01/2011/06/03/a.txt") == date(2011, 6, 3)
    assert path_date("2010-01-01/undated/a.txt") == date(2010, 1, 1)
    assert path_date("2011-06-03/2011-06-03_a.txt") == date(2011, 6, 3)  # the same day twice


def test_path_dates_only_with_the_option_and_only_for_undated_articles(tmp_path):
    folder = tmp_path / "2011-06-03"
    folder.mkdir()
    (folder / "undated.txt").write_text("Talks were held on Tuesday in Doha.\n", encoding="utf-8")
    (folder / "dated.txt").write_text(" date 2011-05-30 :\nTalks ended on Monday in Doha.\n",
                                      encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"text": "Talks went on."}\n'
                                       '{"text": "Talks paused.", "date": "2011-06-01"}\n',
                                       encoding="utf-8")

    def dates(name, **options):
        return [(a.published, a.published_basis) for a in read_file(folder / name, **options)]

    assert dates("undated.txt") == [(None, "none")]
    assert dates("undated.txt", date_from_path=True) == [(date(2011, 6, 3), "path")]
    assert dates("dated.txt", date_from_path=True) == [(date(2011, 5, 30), "dateline")]
    assert dates("feed.jsonl", date_from_path=True) == [(date(2011, 6, 3), "path"),
                                                        (date(2011, 6, 1), "record")]
