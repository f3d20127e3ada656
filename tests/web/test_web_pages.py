"""Every page of the web UI over the sample corpus, as HTML and as JSON at its path plus `.json`.

The JSON of a page is the CLI's JSON for the same question, compared as parsed values.
"""
import json
import re
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from markupsafe import escape

from dateline.cli import main
from dateline.query import Database
from dateline.render.labels import sources_label

JAISHANKAR = "person:subrahmanyam-jaishankar"


def cli_json(db, *args):
    result = CliRunner().invoke(main, [*args, "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def listed(client, path):
    """A page's JSON; for a paged list (timeline, events, actors), everything its pages list."""
    answer = page(client, path).json()
    key = next((k for k in ("events", "actors") if isinstance(answer, dict) and "pages" in answer
                and k in answer), None)
    if key is None:
        return answer
    assert answer["page"] == 1 and answer["total"] >= len(answer[key])
    every = list(answer[key])
    for number in range(2, answer["pages"] + 1):
        every += page(client, f"{path}{'&' if '?' in path else '?'}page={number}").json()[key]
    assert len(every) == answer["total"]
    return every


@pytest.fixture(scope="module")
def some(corpus_db):
    """An event with several sources, and an article with events, mentions and times."""
    with Database(corpus_db) as db:
        event = max(db.events(), key=lambda e: (len(e.sources), e.id))
        article = event.sources[0].article_id
    return event, article


def test_web_every_page_answers_html_and_its_json(client, some):
    event, article = some
    for path in ("/", "/timeline", "/events", f"/events/{event.id}", "/actors",
                 f"/actors/{JAISHANKAR}", f"/articles/{article}", "/relations",
                 "/relations?a=India&b=Afghanistan", "/stories"):
        html = page(client, path)
        assert html.headers["content-type"].startswith("text/html")
        assert "<h1>" in html.text
        base, _, query = path.partition("?")
        json_path = ("/index" if base == "/" else base) + ".json" + (f"?{query}" if query else "")
        assert f'href="{json_path.replace("&", "&amp;")}"' in html.text  # each page links its JSON
        answer = page(client, json_path)
        assert answer.headers["content-type"] == "application/json"
        assert answer.json()


def test_web_json_matches_the_cli(client, corpus_db, some):
    event, article = some
    pairs = {
        "/timeline.json": ("timeline",),
        f"/timeline.json?actor={JAISHANKAR}&type=CONSULT": ("timeline", "--actor", JAISHANKAR,
                                                           "--type", "CONSULT"),
        "/events.json?since=2021-08&until=2021-12": ("events", "--since", "2021-08",
                                                     "--until", "2021-12"),
        f"/events/{event.id}.json": ("event", event.id),
        "/actors.json": ("actors",),
        f"/actors/{JAISHANKAR}.json": ("actor", JAISHANKAR),
        f"/articles/{article}.json": ("article", article),
        "/relations.json?a=India&b=Afghanistan": ("relations", "India", "Afghanistan"),
        "/stories.json": ("stories",),
    }
    for path, command in pairs.items():
        assert listed(client, path) == cli_json(corpus_db, *command), path
    assert page(client, "/index.json").json()["stats"] == cli_json(corpus_db, "stats")


def test_web_timeline_shows_dated_events_by_month_and_undated_apart(client, corpus_db):
    html = page(client, "/timeline").text
    with Database(corpus_db) as db:
        events = db.timeline()
    dated = [e for e in events if e.date]
    undated = [e for e in events if not e.date]
    assert undated, "the sample corpus has undated events"
    assert html.count('class="event quad-') == len(events)
    months = re.findall(r"<h2>(\d{4}-\d{2})</h2>", html)
    assert months == sorted(set(months)) and f"{dated[0].date:%Y-%m}" == months[0]
    undated_part = html[html.index('id="undated"'):]
    assert all(f'data-event="{e.id}"' in undated_part for e in undated)
    assert all(f'data-event="{e.id}"' not in undated_part for e in dated)
    # The Dushanbe meeting, reported by several outlets: its first source cited, the rest counted.
    meeting = next(e for e in events if "Dushanbe" in e.summary)
    assert len(meeting.sources) >= 3
    assert str(escape(sources_label(meeting))) in html
    assert f"(+{len(meeting.sources) - 1} more)]" in html


def test_web_timeline_filters_by_actor_type_and_dates(client, corpus_db):
    with Database(corpus_db) as db:
        wanted = db.timeline(actors=[JAISHANKAR], type="CONSULT", since="2021-07", until="2021-08")
    assert wanted
    html = page(client, f"/timeline?actor={JAISHANKAR}&type=CONSULT&since=2021-07&until=2021-08").text
    assert re.findall(r'data-event="([^"]+)"', html) == [e.id for e in wanted]
    assert f'<option value="{JAISHANKAR}" selected>' in html  # the form keeps what was asked
    # An empty field of the form is no filter at all.
    everything = page(client, "/timeline?actor=&type=&since=&until=").text
    assert everything.count('class="event quad-') > len(wanted)


def test_web_bad_filters_are_clear_errors(client):
    bad_type = page(client, "/timeline?type=PARTY", status=400)
    assert "E042" in bad_type.text and "text/html" in bad_type.headers["content-type"]
    assert page(client, "/events.json?since=July", status=400).json()["error"].startswith("E043")
    assert "E045" in page(client, "/timeline.json?actor=Nobody+Atall", status=404).json()["error"]
    assert "E047" in page(client, "/events/no-such-event", status=404).text
    assert "E047" in page(client, "/articles/no-such-article.json", status=404).json()["error"]
    assert "E045" in page(client, "/actors/person:nobody", status=404).text


def test_web_event_page_shows_every_source_with_trigger_and_date_marked(client, some):
    event, _ = some
    html = page(client, f"/events/{event.id}").text
    sources = html.split('<li class="source">')[1:]
    assert len(sources) == len(event.sources) >= 2
    for source, block in zip(event.sources, sources):
        assert f'href="/articles/{source.article_id}"' in block
        assert '<mark class="trigger" title="trigger">' in block
        if source.date_text:
            assert '<mark class="time" title="date">' in block
    assert f"<time datetime=\"{event.date.isoformat()}\">" in html


def test_web_event_page_says_how_each_reading_was_read(client, some, corpus_db):
    event, _ = some
    html = page(client, f"/events/{event.id}").text
    assert "<h2>How it was read</h2>" in html
    readings = html.split('<details class="explained"')[1:]
    assert len(readings) == len(event.members)
    with Database(corpus_db) as db:
        explained = db.explain(event.id).readings
    for reading, block in zip(explained, readings):
        rules = dict(reading.event.found_by)
        assert f'data-event="{reading.event.id}"' in block
        assert '<th>trigger</th>' in block and f'[{rules["trigger"]}]' in block
        for part in ("source", "target", "location", "date"):  # a part no rule found shows no rule
            assert (f'[{rules[part]}]' in block) is (rules[part] != "none"), part
        assert "intercept" in block and "not recorded" not in block


def test_web_article_page_marks_actors_times_and_triggers(client, corpus_db, some):
    _, article = some
    with Database(corpus_db) as db:
        view = db.article_view(article)
    html = page(client, f"/articles/{article}").text
    assert html.count('<a class="actor"') >= len(view.mentions) > 0
    assert html.count('<mark class="time"') >= len(view.times) > 0
    marked = [e for e in view.events if e.start is not None]
    assert marked and html.count('class="trigger"') >= len(marked)
    for mark in marked:  # each trigger links to the happening it was fused into
        assert f'<a class="trigger" title="{mark.type}" href="/events/{mark.fused_id}">' in html


def test_web_actor_page_shows_aliases_roles_events_and_quotes(client, corpus_db):
    html = page(client, f"/actors/{JAISHANKAR}").text
    profile = cli_json(corpus_db, "actor", JAISHANKAR)
    for alias in ("@DrSJaishankar", "S Jaishankar"):
        assert f"<li>{alias}</li>" in html
    assert "external affairs minister" in html.lower() and '<table class="roles">' in html
    assert html.count('class="event quad-') == len(profile["events"]) > 0
    assert html.count("<blockquote") == len(profile["quotes"])
    assert f"/relations?a={quote(JAISHANKAR, safe='')}" in html


def test_web_relations_page_charts_months_with_events(client, corpus_db):
    relation = cli_json(corpus_db, "relations", "India", "Afghanistan")
    busy = [m for m in relation["months"] if m["events"]]
    assert busy
    html = page(client, "/relations?a=India&b=Afghanistan").text
    assert '<svg class="chart"' in html
    assert html.count('<g class="month"') == len(relation["months"])
    assert html.count('<rect class="coop"') == sum(1 for m in busy if m["cooperation"])
    assert html.count('<rect class="conflict"') == sum(1 for m in busy if m["conflict"])
    # Without two actors the page offers the busiest pairs.
    pairs = page(client, "/relations.json").json()["pairs"]
    assert pairs and pairs[0]["events"] >= pairs[-1]["events"]
    assert "E048" in page(client, "/relations.json?a=India&b=IND", status=400).json()["error"]


def test_web_stories_and_overview(client, corpus_db):
    stories = cli_json(corpus_db, "stories")
    html = page(client, "/stories").text
    assert html.count('class="card story"') == len(stories) > 0
    overview = page(client, "/index.json").json()
    assert len(overview["top_actors"]) == 10 and len(overview["recent_events"]) == 10
    dates = [e["date"] for e in overview["recent_events"]]
    assert dates == sorted(dates, reverse=True)
    front = page(client, "/").text
    assert overview["top_actors"][0]["name"] in front
