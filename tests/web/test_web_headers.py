"""Every answer, whatever its path, kind or status, tells the browser to stay strict: no sniffing,
no framing, no Referer, and a Content-Security-Policy that lets in nothing but our own stylesheet;
and the pages need nothing that policy refuses."""
import re

import pytest
from fastapi.testclient import TestClient

from dateline.query import Database
from dateline.web import pages
from dateline.web.app import create_app

TOKEN = "s3cret-token-of-24-chars"
STRICT = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
          "referrer-policy": "no-referrer"}
POLICY = {"default-src": "'none'", "style-src": "'self'", "img-src": "'self'",
          "form-action": "'self'", "frame-ancestors": "'none'", "base-uri": "'none'"}
JAISHANKAR = "person:subrahmanyam-jaishankar"


@pytest.fixture(scope="module")
def page_paths(corpus_db):
    with Database(corpus_db) as db:
        event, article = db.events()[0].id, db.article_ids()[0]
    return ["/", "/timeline", f"/key-dates?actor={JAISHANKAR}", "/events",
            f"/events/{event}", "/actors", f"/actors/{JAISHANKAR}", f"/articles/{article}",
            "/relations", "/relations?a=India&b=Afghanistan", "/stories"]


def assert_strict(response, what):
    for name, value in STRICT.items():
        assert response.headers.get(name) == value, (what, name, response.headers)
    policy = response.headers.get("content-security-policy")
    assert policy, (what, "no Content-Security-Policy")
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives == POLICY, what


def test_web_headers_on_pages_json_stylesheet_and_every_error(client, page_paths):
    answers = {path: client.get(path) for path in page_paths}
    answers |= {path: client.get(path) for path in (
        "/index.json", "/timeline.json", "/style.css", "/timeline?type=PARTY",
        "/events.json?since=July", "/events/no-such-event", "/no-such-page",
        "/no-such-page.json")}
    answers["HEAD /"] = client.head("/")
    answers["POST /timeline"] = client.post("/timeline")
    answers["Host: evil.example"] = client.get("/", headers={"Host": "evil.example"})
    statuses = {what: response.status_code for what, response in answers.items()}
    assert set(statuses.values()) == {200, 400, 404, 405}, statuses
    for what, response in answers.items():
        assert_strict(response, what)


def test_web_headers_on_the_token_gates_answers(corpus_db, local_client):
    guarded = local_client(create_app(corpus_db, token=TOKEN))
    refused, refused_json = guarded.get("/timeline"), guarded.get("/timeline.json")
    assert refused.status_code == refused_json.status_code == 401
    opened = guarded.get(f"/timeline?token={TOKEN}")
    assert opened.status_code == 200 and "set-cookie" in opened.headers
    for what, response in (("401", refused), ("401 json", refused_json), ("opened", opened),
                           ("by cookie", guarded.get("/events.json"))):
        assert_strict(response, what)


def test_web_headers_on_a_crash(corpus_db, monkeypatch):
    def broken(db):
        raise RuntimeError("a bug")
    monkeypatch.setattr(pages, "overview_page", broken)
    crashed = TestClient(create_app(corpus_db), base_url="http://127.0.0.1",
                         raise_server_exceptions=False).get("/")
    assert crashed.status_code == 500 and "a bug" not in crashed.text
    assert_strict(crashed, "500")


def test_web_pages_hold_no_inline_style_or_script_and_link_our_stylesheet(client, page_paths):
    for path in [*page_paths, "/timeline?type=PARTY", "/events/no-such-event"]:
        html = client.get(path).text
        tags = re.findall(r"<[a-zA-Z][^>]*>", html)
        assert not [t for t in tags if re.match(r"<(style|script)\b", t, re.IGNORECASE)], path
        assert not [t for t in tags if re.search(r"\s(style|on\w+)\s*=", t, re.IGNORECASE)], path
        sheets = [t for t in tags if re.match(r"<link\b", t)]
        assert sheets == ['<link rel="stylesheet" href="/style.css">'], path
    stylesheet = client.get("/style.css")
    assert stylesheet.headers["content-type"] == "text/css; charset=utf-8"
    assert "section.story { margin-bottom: .7rem; }" in stylesheet.text  # was a style= attribute
    assert "svg.chart .coop" in stylesheet.text
