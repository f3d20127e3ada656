"""The search page (`/search`, `/search.json`), the search box on every page, and `?about=` on
the timeline, events and key dates pages."""
import re
import shutil

import pytest

from dateline.query import Database
from dateline.query.serialize import search_hit_json

JAISHANKAR = "person:subrahmanyam-jaishankar"
SEARCH_BOX = re.compile(r'<form class="site-search" method="get" action="/search"[^>]*>'
                        r'<input type="search" name="q"')


@pytest.fixture(scope="module")
def db(corpus_db):
    with Database(corpus_db) as opened:
        yield opened


def test_web_search_page_lists_hits_with_marked_snippets_and_links(client, db):
    html = client.get("/search?q=wheat+convoy").text
    hits = db.search("wheat convoy")
    assert hits and html.count('<li class="hit"') == len(hits)
    assert "<mark>wheat</mark>" in html.lower() and "<mark>convoy</mark>" in html.lower()
    for hit in hits:
        assert f'data-id="{hit.id}"' in html
    assert f'href="/articles/{hits[0].id}"' in html or f'href="/events/{hits[0].id}"' in html
    assert 'href="/timeline?about=wheat+convoy"' in html  # scope the timeline to it


def test_web_search_json_is_the_library_answer(client, db):
    answer = client.get("/search.json?q=Kabul&kind=articles&limit=3")
    assert answer.status_code == 200
    assert answer.json() == [search_hit_json(h) for h in db.search("Kabul", kinds=["articles"],
                                                                    limit=3)]


def test_web_search_links_open(client, db):
    for hit in db.search("Jaishankar", limit=20):
        href = search_hit_json(hit)["url"]
        assert client.get(href).status_code == 200, href


def test_web_search_without_a_query_is_the_empty_form(client):
    html = client.get("/search").text
    assert 'id="search"' in html and '<li class="hit"' not in html


@pytest.mark.parametrize("path, code", [("/search?q=%21%21%21", "E063"),
                                        ("/search.json?q=%22", "E063"),
                                        ("/search?q=Kabul&kind=quotes", "E064"),
                                        ("/search.json?q=Kabul&limit=x", "E051")])
def test_web_bad_searches_are_clear_errors(client, path, code):
    answer = client.get(path)
    assert answer.status_code == 400 and code in answer.text and "Traceback" not in answer.text


def test_web_every_page_has_the_search_box(client, db):
    event, article = db.events()[0].id, db.article_ids()[0]
    for path in ("/", "/timeline", "/key-dates", "/events", f"/events/{event}", "/actors",
                 f"/actors/{JAISHANKAR}", f"/articles/{article}", "/relations", "/stories",
                 "/search?q=Kabul", "/events/no-such-event"):
        assert SEARCH_BOX.search(client.get(path).text), path


@pytest.mark.parametrize("path", ["/timeline", "/events"])
def test_web_about_scopes_the_event_pages(client, db, path):
    every = client.get(f"{path}.json?all=1&per_page=500").json()["events"]
    scoped = client.get(f"{path}.json?all=1&per_page=500&about=Taliban").json()["events"]
    assert [e["id"] for e in scoped] == [e.id for e in db.events(about="Taliban",
                                                                 min_confidence=0)]
    assert 0 < len(scoped) < len(every)
    html = client.get(f"{path}?all=1&about=Taliban").text
    assert 'id="scoped"' in html and "Taliban" in html
    assert f'id="clear-about" href="{path}?all=1"' in html
    assert 'name="about" value="Taliban"' in html  # the filter form keeps it
    assert 'id="scoped"' not in client.get(path).text


def test_web_about_scopes_the_key_dates(client, db):
    about = set(db.about_articles("wheat"))
    keys = client.get("/key-dates.json?about=wheat&dates=5").json()
    assert keys and {s["article"] for k in keys for s in k["sentences"]} <= about
    html = client.get("/key-dates?about=wheat").text
    assert 'id="scoped"' in html and 'id="clear-about" href="/key-dates"' in html
    assert 'href="/timeline?about=wheat"' in html  # its link to the full timeline keeps it


def test_web_about_with_no_words_is_a_clear_error(client):
    answer = client.get("/timeline?about=%3F")
    assert answer.status_code == 400 and "E063" in answer.text


def test_web_about_scopes_the_stories(client, db):
    scoped = client.get("/stories.json?about=wheat").json()
    assert [s["id"] for s in scoped] == [s.id for s in db.stories(about="wheat")]
    assert 0 < len(scoped) < len(client.get("/stories.json").json())
    assert 'id="scoped"' in client.get("/stories?about=wheat").text


def test_serve_builds_the_search_index_before_the_first_search(corpus_db, tmp_path, monkeypatch):
    from dateline.query import search_queries
    from dateline.web.app import index_in_background
    path = tmp_path / "copy.duckdb"
    shutil.copyfile(corpus_db, path)  # a file of its own: no index is kept for it yet
    thread = index_in_background(path)
    thread.join(timeout=120)
    assert not thread.is_alive()

    def no_second_build(*args):
        raise AssertionError("the first search built the index again")

    monkeypatch.setattr(search_queries, "build_index", no_second_build)
    with Database(path) as opened:
        assert opened.search("Dushanbe")


def test_web_search_hides_unsure_events_unless_asked(client, db):
    every = client.get("/search.json?q=wheat&kind=events&all=1").json()
    shown = client.get("/search.json?q=wheat&kind=events").json()
    assert len(shown) < len(every)
    page = client.get("/search?q=wheat&kind=events").text
    assert 'id="hidden-note"' in page and "all=1" in page


def test_web_about_scopes_a_relation(client, db):
    every = client.get("/relations.json?a=India&b=Taliban&all=1").json()
    scoped = client.get("/relations.json?a=India&b=Taliban&all=1&about=Kabul").json()
    expected = db.relation("India", "Taliban", min_confidence=0, about="Kabul")
    assert [e["id"] for e in scoped["events"]] == [e.id for e in expected.events]
    assert 0 < len(scoped["events"]) < len(every["events"])
    page = client.get("/relations?a=India&b=Taliban&all=1&about=Kabul").text
    assert 'id="scoped"' in page and 'id="clear-about"' in page
