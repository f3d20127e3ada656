"""What `dateline` prints, rendering by rendering: text, Markdown, standalone HTML and CSV."""
import pytest
from confidence_samples import THREAT, THREAT_DATE_VALUE
from samples import build_database

from dateline.cli import render_html, render_tables, render_text
from dateline.model import KeyDate
from dateline.query import Database
from dateline.render.labels import EVENTS_SHOWN, UNDATED


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    build_database(path)
    with Database(path) as database:
        yield database


def test_render_timeline_text_lines(db):
    events = db.timeline()
    lines = render_text.timeline_text(events).splitlines()
    assert lines[1] == (f"{events[1].id[:8]}  2021-07-13  CONSULT   Subrahmanyam Jaishankar (IND)"
                        " met Mohammad Haneef Atmar (AFG) in Dushanbe  [India and Afghanistan meet"
                        " — Test Wire, 2021-07-14 (+2 more)]")
    assert lines[0].endswith("[India and Afghanistan meet — Test Wire, 2021-07-14]")
    assert lines[-2] == "Undated" and "Taliban (AFG) threatened India" in lines[-1]


def test_render_timeline_md_groups_by_month(db):
    text = render_text.timeline_md(db.timeline())
    assert text.index("## 2021-07") < text.index("## Undated")
    assert "- **2021-07-13** CONSULT:" in text and "articles/b.txt, 2021-07-15" in text
    assert "India and Afghanistan meet — Test Wire, 2021-07-14" in text


def test_render_timeline_html_escapes_and_stands_alone(db):
    page = render_html.timeline_html(db.timeline())
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<h2>2021-07</h2>" in page and "Dushanbe" in page


def test_render_html_pages_hold_their_stylesheet_and_no_link_out(db):
    # One page shell with the web UI's (base.html), the stylesheet inline as in the report.
    for page in (render_html.timeline_html(db.timeline()), render_html.key_dates_html([])):
        assert "<style>" in page and "header.site" in page and "<link" not in page
        assert "<nav>" not in page and 'href="/' not in page and "<script" not in page
    assert "<p>No events.</p>" in render_html.timeline_html([])
    assert "<p>No key dates.</p>" in render_html.key_dates_html([])


def test_render_events_csv_has_one_row_per_event(db):
    rows = render_tables.events_csv(db.events()).splitlines()
    assert rows[0].startswith("id,date,date_end") and len(rows) == 4


def test_render_undated_events_say_their_partial_date(mixed_database):
    db, ids = mixed_database
    events = db.timeline(min_confidence=0)
    text = render_text.timeline_text(events).splitlines()
    undated = text[text.index(UNDATED) + 1:]
    assert undated == [f"{ids[THREAT][:8]}  4 November (year not stated)  THREATEN  Taliban (AFG)"
                       " threatened India  [articles/c.jsonl:3, 2021-07-14]"]
    assert "- **4 November (year not stated)** THREATEN:" in render_text.timeline_md(events)
    assert ('<span class="date">4 November (year not stated)</span>'
            in render_html.timeline_html(events))
    threat = db.event(ids[THREAT])
    assert threat.date is None and threat.date_value == THREAT_DATE_VALUE
    assert render_text.event_text(threat).startswith("4 November (year not stated)  THREATEN")


def test_render_key_dates_text_md_html_cite_and_cut_events(corpus_db):
    with Database(corpus_db) as db:
        key = next(k for k in db.key_dates(dates=5) if k.sentences and k.events)
    many = KeyDate(key.day, key.score, key.articles, key.later, key.sentences,
                   key.events * (EVENTS_SHOWN + 2))
    text = render_text.key_dates_text([many])
    assert text.startswith(key.day.isoformat())
    assert f"  {key.articles} article" in text and f"{key.later} later; score" in text
    quoted = key.sentences[0]
    # Quoted and cited by headline (cut to 40 characters) and day, with the article's id to open it.
    assert f"  - {quoted.text} [{quoted.title[:39].rstrip()}" in text
    assert f", {quoted.published.isoformat()}; {quoted.article_id}]" in text
    assert text.count("\n  * ") == EVENTS_SHOWN + 1
    assert f"  * … and {len(many.events) - EVENTS_SHOWN} more" in text
    assert f"  * {key.events[0].short_id}  {key.events[0].type} " in text
    assert f"## {key.day.isoformat()}" in render_text.key_dates_md([key])
    assert f"({key.sentences[0].title} — {key.sentences[0].outlet}, " in render_text.key_dates_md([key])
    page = render_html.key_dates_html([key])
    assert page.startswith("<!DOCTYPE html>") and f'datetime="{key.day.isoformat()}"' in page
    assert render_text.key_dates_text([]) == "No key dates."


def test_render_table_titles_count_in_the_singular_and_plural(db):
    events = db.events(min_confidence=0)
    assert len(events) > 1
    assert render_tables.events_table(events[:1]).title == "1 event"
    assert render_tables.events_table(events).title == f"{len(events)} events"
    assert render_tables.events_table([]).title == "0 events"
