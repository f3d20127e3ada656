"""The key dates page (`/key-dates`, `dateline key-dates`), over the sample corpus: as HTML with
links to every sentence's article and every event, and as the CLI's JSON; and its old address,
`/timeline?summary=1`, which redirects to it."""
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from click.testing import CliRunner

from dateline.cli import main
from dateline.query import Database
from dateline.web.app import create_app

JAISHANKAR = "person:subrahmanyam-jaishankar"
TOKEN = "s3cret-token-of-24-chars"


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def cli_json(db, *args):
    result = CliRunner().invoke(main, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_web_key_dates_page_links_sentences_and_events(client, corpus_db):
    html = page(client, "/key-dates?dates=3").text
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
    path = f"/key-dates.json?dates=4&sentences=1&query=embassy&actor={JAISHANKAR}"
    shown = page(client, path).json()
    assert len(shown) <= 4 and set(shown[0]) == {"date", "score", "articles", "later",
                                                 "sentences", "events"}
    asked = ("--dates", "4", "--sentences", "1", "--query", "embassy", "--actor", JAISHANKAR)
    assert shown == cli_json(corpus_db, "key-dates", *asked)
    assert shown == cli_json(corpus_db, "timeline", "--summary", *asked)  # the CLI's alias
    html = page(client, path.replace(".json", "")).text
    assert 'name="query" value="embassy"' in html  # the form keeps what was asked
    assert 'name="type"' not in html  # key dates weigh every type
    assert '<form class="filters" id="filters" method="get" action="/key-dates">' in html
    assert 'name="summary"' not in html


def test_web_key_dates_bad_counts_are_e051(client):
    for query in ("dates=abc", "dates=0", "sentences=-1", "sentences=2.5", "dates=1001"):
        assert "E051" in page(client, f"/key-dates?{query}", status=400).text, query
        assert page(client, f"/key-dates.json?{query}",
                    status=400).json()["error"].startswith("E051"), query
    assert "E052" in page(client, "/key-dates.json?type=CONSULT", status=400).json()["error"]


def test_web_timeline_and_key_dates_link_each_other_keeping_filters(client):
    html = page(client, f"/timeline?actor={JAISHANKAR}&type=CONSULT&since=2021").text
    link = unescape(re.search(r'<a id="key-dates" href="([^"]+)"', html).group(1))
    assert urlsplit(link).path == "/key-dates"
    assert parse_qs(urlsplit(link).query) == {"actor": [JAISHANKAR], "since": ["2021"]}
    back = page(client, link).text
    full = unescape(re.search(r'<a id="full-timeline" href="([^"]+)"', back).group(1))
    assert parse_qs(urlsplit(full).query) == {"actor": [JAISHANKAR], "since": ["2021"]}
    assert page(client, "/timeline?summary=0").text.count("<h1>Timeline</h1>") == 1


def test_web_every_page_links_the_key_dates_in_its_menu(client):
    nav = r"<nav>.*?</nav>"
    for path in ("/", "/timeline", "/events", "/stories", "/events/no-such-event"):
        menu = re.search(nav, client.get(path).text).group()
        assert '<a href="/key-dates">Key dates</a>' in menu, path
    menu = re.search(nav, page(client, "/key-dates").text).group()
    assert '<a href="/key-dates" class="here">Key dates</a>' in menu


def test_web_key_dates_old_address_redirects_keeping_its_query(client):
    for old, new in ((f"/timeline?summary=1&dates=3&actor={JAISHANKAR}",
                      f"/key-dates?dates=3&actor={JAISHANKAR}"),
                     ("/timeline.json?summary=1&sentences=1&all=1",
                      "/key-dates.json?sentences=1&all=1"),
                     ("/timeline?summary=1", "/key-dates")):
        moved = client.get(old, follow_redirects=False)
        assert moved.status_code == 308, old
        location = urlsplit(moved.headers["location"])
        assert location.path == urlsplit(new).path
        assert parse_qs(location.query) == parse_qs(urlsplit(new).query)
        assert page(client, old).content == page(client, new).content


def test_web_key_dates_old_address_misuse_is_answered_at_the_new_one(client):
    assert "E051" in page(client, "/timeline?summary=1&dates=0", status=400).text
    assert "E052" in page(client, "/timeline.json?summary=1&type=CONSULT",
                          status=400).json()["error"]


def test_web_key_dates_old_address_with_a_token(corpus_db, local_client):
    guarded = local_client(create_app(corpus_db, token=TOKEN))
    moved = guarded.get(f"/timeline?summary=1&dates=2&token={TOKEN}", follow_redirects=False)
    assert moved.status_code == 308 and TOKEN not in moved.headers["location"]
    assert "<h1>Key dates</h1>" in page(guarded, moved.headers["location"]).text  # by its cookie


def test_web_key_dates_of_a_hostile_article_are_text(hostile_client):
    html = page(hostile_client, "/key-dates?sentences=5").text
    assert '<blockquote class="sentence"' in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    assert "<script>" not in html and "<img src=x" not in html
