"""The timeline page's key dates (`/timeline?summary=1`), over the sample corpus: as HTML with
links to every sentence's article and every event, and as the CLI's JSON."""
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from click.testing import CliRunner

from dateline.cli import main
from dateline.query import Database

JAISHANKAR = "person:subrahmanyam-jaishankar"


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def cli_json(db, *args):
    result = CliRunner().invoke(main, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_web_key_dates_page_links_sentences_and_events(client, corpus_db):
    html = page(client, "/timeline?summary=1&dates=3").text
    with Database(corpus_db) as db:
        keys = db.key_dates(dates=3)
    assert "<h1>Key dates</h1>" in html and '<p class="muted" id="count">3 key dates</p>' in html
    assert re.findall(r'<section class="key-date card" id="day-([^"]+)"', html) == [
        key.day.isoformat() for key in keys]
    for key in keys:
        part = html[html.index(f'id="day-{key.day.isoformat()}"'):]
        for sentence in key.sentences:
            assert f'href="/articles/{sentence.article_id}"' in part
        for event in key.events[:5]:
            assert f'href="/events/{event.id}"' in part
    assert sum(len(key.sentences) for key in keys) == html.count('<blockquote class="sentence"')


def test_web_key_dates_json_is_the_cli_json(client, corpus_db):
    path = f"/timeline.json?summary=1&dates=4&sentences=1&query=embassy&actor={JAISHANKAR}"
    shown = page(client, path).json()
    assert len(shown) <= 4 and set(shown[0]) == {"date", "score", "articles", "later",
                                                 "sentences", "events"}
    assert shown == cli_json(corpus_db, "timeline", "--summary", "--dates", "4", "--sentences",
                             "1", "--query", "embassy", "--actor", JAISHANKAR)
    html = page(client, path.replace(".json", "")).text
    assert 'name="query" value="embassy"' in html  # the form keeps what was asked
    assert 'name="type"' not in html  # key dates weigh every type


def test_web_key_dates_bad_counts_are_e051(client):
    for query in ("dates=abc", "dates=0", "sentences=-1", "sentences=2.5", "dates=1001"):
        assert "E051" in page(client, f"/timeline?summary=1&{query}", status=400).text, query
        assert page(client, f"/timeline.json?summary=1&{query}",
                    status=400).json()["error"].startswith("E051"), query
    assert "E052" in page(client, "/timeline.json?summary=1&type=CONSULT", status=400).json()["error"]


def test_web_timeline_and_key_dates_link_each_other_keeping_filters(client):
    html = page(client, f"/timeline?actor={JAISHANKAR}&type=CONSULT&since=2021").text
    link = unescape(re.search(r'<a id="key-dates" href="([^"]+)"', html).group(1))
    assert urlsplit(link).path == "/timeline"
    assert parse_qs(urlsplit(link).query) == {"actor": [JAISHANKAR], "since": ["2021"],
                                              "summary": ["1"]}
    back = page(client, link).text
    full = unescape(re.search(r'<a id="full-timeline" href="([^"]+)"', back).group(1))
    assert parse_qs(urlsplit(full).query) == {"actor": [JAISHANKAR], "since": ["2021"]}
    assert page(client, "/timeline?summary=0").text.count("<h1>Timeline</h1>") == 1


def test_web_key_dates_of_a_hostile_article_are_text(hostile_client):
    html = page(hostile_client, "/timeline?summary=1&sentences=5").text
    assert '<blockquote class="sentence"' in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    assert "<script>" not in html and "<img src=x" not in html
