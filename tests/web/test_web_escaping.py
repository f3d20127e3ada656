"""Article text is shown, never run: a hostile article's markup comes out escaped on every page,
and so does the markup a hostile request puts in its URL."""
import re
from html import escape
from urllib.parse import quote

from dateline.query import Database
from dateline.web.report import build_report

# An element the article smuggled in, or a link that would run its script.
ACTIVE_MARKUP = re.compile(r"<\s*(script|img|b\s+onmouseover)|(href|src|action)\s*=\s*[\"']?\s*javascript:",
                           re.IGNORECASE)


def hostile_paths(db_path):
    with Database(db_path) as db:
        events = [e.id for e in db.events()]
        articles = db.article_ids()
        actors = [a.id for a, mentions in db.actors() if mentions]
    return (["/", "/timeline", "/events", "/actors", "/relations", "/stories",
             "/relations?a=India&b=Afghanistan", "/timeline?actor=India", "/key-dates"]
            + [f"/events/{e}" for e in events] + [f"/articles/{a}" for a in articles]
            + [f"/actors/{quote(a, safe=':')}" for a in actors])


def test_web_hostile_article_is_escaped_on_every_page(hostile_client, hostile_db):
    paths = hostile_paths(hostile_db)
    assert len(paths) > 12
    shown = 0
    for path in paths:
        response = hostile_client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert not ACTIVE_MARKUP.search(html), (path, ACTIVE_MARKUP.search(html).group())
        shown += "&lt;script&gt;" in html or "&lt;img" in html
    assert shown >= 6  # the pages that show the text show the markup as text


def test_web_hostile_article_page_shows_its_markup_as_text(hostile_client, hostile_db):
    with Database(hostile_db) as db:
        article = next(a for a in db.articles() if a.source.endswith("hostile.txt"))
        record = next(a for a in db.articles() if a.source.endswith("#h-1"))
    html = hostile_client.get(f"/articles/{article.id}").text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    # The record's title is text, and its javascript: "link" is not a link.
    html = hostile_client.get(f"/articles/{record.id}").text
    assert "&lt;script&gt;alert(5)&lt;/script&gt; Taliban talks" in html
    assert 'href="javascript' not in html.lower()
    assert "&lt;b onmouseover=alert(8)&gt;" in html


def test_web_hostile_json_is_json_not_html(hostile_client, hostile_db):
    with Database(hostile_db) as db:
        article = db.article_ids()[0]
    response = hostile_client.get(f"/articles/{article}.json")
    assert response.headers["content-type"] == "application/json"
    assert "<script>" in response.json()["text"] or "<img" in response.json()["text"]


def test_report_of_hostile_article_is_escaped(hostile_db):
    with Database(hostile_db) as db:
        html = build_report(db)
    assert not ACTIVE_MARKUP.search(html)
    assert "&lt;script&gt;" in html and "&lt;img" in html


# What a request's URL carries is shown as text too: pages and error pages echo it escaped.
SCRIPT, IMG = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"
HOSTILE_REQUESTS = {  # path -> the markup its answer echoes, escaped (None: it echoes nothing)
    f"/timeline?actor={quote(SCRIPT)}": SCRIPT,
    f"/events?actor={quote(IMG)}": IMG,
    f"/events?type={quote(SCRIPT)}": SCRIPT,
    f"/timeline?since={quote(IMG)}&until={quote(SCRIPT)}": IMG,
    f"/key-dates?query={quote(SCRIPT)}": SCRIPT,
    f"/key-dates?dates={quote(IMG)}": IMG,
    f"/relations?a={quote(IMG)}&b={quote(SCRIPT)}": IMG,
    f"/relations?a=India&b={quote(SCRIPT)}": SCRIPT,
    f"/events/{quote(IMG)}": IMG,
    f"/actors/{quote(IMG)}": IMG,
    f"/articles/{quote(SCRIPT.replace('/', ''))}": "<script>alert(1)<script>",
    "/actors/%3Cscript%3E": "<script>",
    f"/events/{SCRIPT}": None,  # its "/" makes it no page at all
    f"/{quote(SCRIPT)}": None,
}


def test_web_hostile_request_is_echoed_escaped(hostile_client):
    for path, echoed in HOSTILE_REQUESTS.items():
        html = hostile_client.get(path).text  # any status: error pages echo what was asked
        assert SCRIPT not in html and "<img src=x" not in html, path
        assert not ACTIVE_MARKUP.search(html), (path, ACTIVE_MARKUP.search(html).group())
        if echoed:
            assert escape(echoed) in html, path
