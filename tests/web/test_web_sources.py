"""The overview's "Sources" section: feeds followed, last fetch, new articles a round, failures."""
from __future__ import annotations

import pytest
from sources_samples import FEED, SITEMAP, build_followed_store

from dateline.store import Store
from dateline.web.app import create_app


@pytest.fixture(scope="module")
def followed_client(tmp_path_factory, local_client):
    path = tmp_path_factory.mktemp("followed-web") / "d.duckdb"
    build_followed_store(path)
    return local_client(create_app(path))


def test_the_overview_shows_the_sources_followed(followed_client):
    html = followed_client.get("/").text
    section = html[html.index('<h2 id="sources">Sources</h2>'):]
    assert "<b>1</b>feeds followed" in section and "<b>2</b>failed fetches" in section
    assert "Last fetch: 2026-03-08 07:03 UTC" in section
    assert (f"<td>{FEED}</td><td>feed</td><td>2026-03-08 07:00</td><td>2</td><td>1</td>"
            "<td>304</td>") in section
    assert f"<td>{SITEMAP}</td><td>sitemap</td>" in section
    assert "<td>2</td><td>2026-03-08 07:00</td><td>2</td><td>1</td><td>1</td>" in section


def test_the_overview_json_holds_the_sources(followed_client):
    sources = followed_client.get("/index.json").json()["sources"]
    assert sources["feeds"] == 1 and sources["failed_fetches"] == 2
    assert [s["url"] for s in sources["sources"]] == [FEED, SITEMAP]
    assert [(r["number"], r["new"]) for r in sources["rounds"]] == [(2, 2), (1, 2)]


def test_an_overview_with_nothing_followed_has_no_sources_section(tmp_path, local_client):
    Store(tmp_path / "d.duckdb").close()
    html = local_client(create_app(tmp_path / "d.duckdb")).get("/").text
    assert "<h1>Overview</h1>" in html and 'id="sources"' not in html
