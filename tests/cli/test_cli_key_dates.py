"""`dateline key-dates` and its alias `dateline timeline --summary`, over the sample corpus the
real pipeline ingested once for the run: the same flags, the same output."""
import json

import pytest

from cli_runs import invoke, ok

from dateline.query import Database


def test_cli_key_dates_json_has_the_key_date_shape(corpus_db):
    shown = json.loads(ok("key-dates", "--dates", 3, "--db", corpus_db, "--format", "json"))
    assert len(shown) == 3 and [k["date"] for k in shown] == sorted(k["date"] for k in shown)
    for key in shown:
        assert set(key) == {"date", "score", "articles", "later", "sentences", "events"}
    with Database(corpus_db) as database:
        days = [key.day.isoformat() for key in database.key_dates(dates=3)]
    assert [k["date"] for k in shown] == days


def test_cli_key_dates_text_md_html(corpus_db):
    with Database(corpus_db) as database:
        days = [key.day.isoformat() for key in database.key_dates(dates=2, sentences=1)]
    text = ok("key-dates", "--dates", 2, "--sentences", 1, "--db", corpus_db)
    assert [line for line in text.splitlines() if line and not line.startswith(" ")] == days
    assert "later; score" in text and "\n  - " in text and "\n  * " in text
    assert f"## {days[0]}" in ok("key-dates", "--dates", 2, "--db", corpus_db, "--format", "md")
    page = ok("key-dates", "--dates", 2, "--db", corpus_db, "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and days[1] in page


@pytest.mark.parametrize("fmt", ["text", "json", "md", "html"])
def test_cli_timeline_summary_is_an_alias_of_key_dates(corpus_db, fmt):
    asked = ("--dates", 4, "--sentences", 1, "--query", "embassy", "--actor", "India",
             "--since", "2021-08", "--all", "--db", corpus_db, "--format", fmt)
    assert ok("timeline", "--summary", *asked) == ok("key-dates", *asked)


def test_cli_key_dates_misuse(corpus_db):
    none = invoke("key-dates", "--dates", 0, "--db", corpus_db)
    assert none.exit_code == 1 and none.output.startswith("E051")
    few = invoke("key-dates", "--sentences", 21, "--db", corpus_db)
    assert few.exit_code == 1 and few.output.startswith("E051")
    typed = invoke("key-dates", "--type", "CONSULT", "--db", corpus_db)
    assert typed.exit_code == 2 and "No such option '--type'" in typed.output  # every type weighs


def test_cli_key_dates_help_and_the_alias_help():
    assert "key dates" in ok("key-dates", "--help").lower()
    assert "Alias of `dateline key-dates`" in ok("timeline", "--help")
    assert "key-dates" in ok("--help")


# The alias, as it was tested before `key-dates` was a command of its own.


def test_cli_timeline_summary_json_has_the_key_date_shape(corpus_db):
    shown = json.loads(ok("timeline", "--summary", "--dates", 3, "--db", corpus_db,
                          "--format", "json"))
    assert len(shown) == 3 and [k["date"] for k in shown] == sorted(k["date"] for k in shown)
    for key in shown:
        assert set(key) == {"date", "score", "articles", "later", "sentences", "events"}
        assert all(set(s) == {"article", "path", "published", "sentence", "text", "title", "outlet"}
                   for s in key["sentences"])
    with Database(corpus_db) as database:
        assert shown[0]["events"][0]["id"] in {e.id for e in database.events()}
        first = shown[0]["sentences"][0]
        assert first["text"] in " ".join(database.sentence_text(first["article"],
                                                                first["sentence"]).split())


def test_cli_timeline_summary_text_md_html(corpus_db):
    with Database(corpus_db) as database:
        days = [key.day.isoformat() for key in database.key_dates(dates=2, sentences=1)]
    text = ok("timeline", "--summary", "--dates", 2, "--sentences", 1, "--db", corpus_db)
    assert [line for line in text.splitlines() if line and not line.startswith(" ")] == days
    assert "later; score" in text and "\n  - " in text and "\n  * " in text
    assert f"## {days[0]}" in ok("timeline", "--summary", "--dates", 2, "--db", corpus_db,
                                 "--format", "md")
    page = ok("timeline", "--summary", "--dates", 2, "--db", corpus_db, "--format", "html")
    assert page.startswith("<!DOCTYPE html>") and days[1] in page


def test_cli_timeline_summary_misuse(corpus_db):
    typed = invoke("timeline", "--summary", "--type", "CONSULT", "--db", corpus_db)
    assert typed.exit_code == 1 and typed.output.startswith("E052")
    none = invoke("timeline", "--summary", "--dates", 0, "--db", corpus_db)
    assert none.exit_code == 1 and none.output.startswith("E051")
    alone = invoke("timeline", "--dates", 3, "--db", corpus_db)
    assert alone.exit_code == 2 and "--dates needs --summary" in alone.output
    assert invoke("timeline", "--query", "wheat", "--db", corpus_db).exit_code == 2
