"""`dateline ingest URL...`, `--urls FILE` and `dateline reextract`, over a fake web: a stand-in
for `ingest.fetch.client.Fetcher` that serves pages from a dict (the loopback server's tests are
tests/ingest/fetch/test_follow_sources.py)."""
import sys
import types
from datetime import date

import duckdb
import pytest

from cli_runs import invoke, ok
from web_fakes import RSS, FakeFetcher, Page, article_page, fake_urls, rss  # noqa: F401 (a fixture)

FEED = "http://news.test/feed"
FLOOD = ("The river burst its banks on Sunday, flooding the old town, the mayor said.\n"
         "On Monday police arrested three men in Cairo.")
VOTE = ("Parliament approved the new budget on Tuesday after a long debate.\n"
        "The finance minister said the vote would calm the markets.")


@pytest.fixture
def web(monkeypatch, fake_urls):
    """The fake web; `web.made` lists the options each Fetcher was made with."""
    fake = FakeFetcher({
        FEED: Page(rss(("http://news.test/flood?utm_source=rss", "Mon, 06 Dec 2026 10:00:00 GMT"),
                       ("file:///etc/passwd", None), ("http://news.test/busy", None)).encode(),
                   RSS, etag='"v1"'),
        "http://news.test/flood?utm_source=rss": Page(article_page("Flood", FLOOD).encode()),
        "http://news.test/busy": Page(b"", error="E032: 503 after 3 tries"),
        "http://news.test/vote": Page(article_page("Budget", VOTE, "2026-12-01").encode()),
    })
    fake.made = []

    class Fetcher:
        def __init__(self, **options):
            fake.made.append(options)

        def get(self, url, etag=None, last_modified=None):
            return fake.get(url, etag=etag, last_modified=last_modified)

        def close(self):
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.close()

    module = types.ModuleType("dateline.ingest.fetch.client")
    module.Fetcher = Fetcher
    monkeypatch.setitem(sys.modules, "dateline.ingest.fetch.client", module)
    return fake


def rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_feed_is_followed_and_a_second_run_asks_only_conditionally(web, tmp_path):
    db = tmp_path / "d.duckdb"
    first = ok("ingest", FEED, "--db", db, "--delay", 0)
    assert first.splitlines() == [
        "skipped file:///etc/passwd: E035: not an http or https link (file:); only web pages are fetched",
        "skipped http://news.test/busy: E032: 503 after 3 tries",
        "1 ingested, 2 skipped"]
    assert rows(db, "SELECT source, url, published, published_basis FROM articles") == [
        ("http://news.test/flood?utm_source=rss", "http://news.test/flood?utm_source=rss",
         date(2026, 12, 6), "feed")]
    assert rows(db, "SELECT count(*) FROM fused_events")[0][0] > 0
    web.log.clear()
    second = ok("ingest", FEED, "--db", db, "--delay", 0)
    assert second.splitlines()[-1] == "0 ingested, 2 skipped, 1 unchanged"
    assert web.log == [(FEED, '"v1"', None), ("http://news.test/busy", None, None)]
    assert sorted(rows(db, "SELECT url, status FROM fetches WHERE kind = 'feed'")) == [(FEED, 200), (FEED, 304)]


def test_urls_among_paths_and_from_a_file_with_the_fetching_options(web, tmp_path):
    db, listed, text = tmp_path / "d.duckdb", tmp_path / "urls.txt", tmp_path / "a.txt"
    listed.write_text("# today's pages\nhttp://news.test/vote\n\n", encoding="utf-8")
    text.write_text("Date: 2026-12-02\nThe mayor opened the new bridge on Wednesday.\n", encoding="utf-8")
    out = ok("ingest", text, "http://news.test/flood?utm_source=rss", "--urls", listed, "--db", db,
             "--delay", "0", "--allow-private", "--max-mb", "5")
    assert out.splitlines()[-1] == "3 ingested, 0 skipped"
    assert web.made == [{"delay": 0.0, "allow_private": True, "max_bytes": 5 * 2**20}]
    assert sorted(source for (source,) in rows(db, "SELECT source FROM articles")) == sorted([
        "http://news.test/flood?utm_source=rss", "http://news.test/vote", str(text)])


def test_a_list_of_urls_that_cannot_be_read_is_e039(tmp_path):
    result = invoke("ingest", "--urls", tmp_path / "missing.txt", "--db", tmp_path / "d.duckdb")
    assert result.exit_code == 1
    assert result.output.startswith(f"E039: cannot read the list of URLs {tmp_path / 'missing.txt'}: ")


def test_nothing_to_ingest_is_a_usage_error(tmp_path):
    result = invoke("ingest", "--db", tmp_path / "d.duckdb")
    assert result.exit_code == 2 and "name files, folders or URLs" in result.output


def test_reextract_reads_stored_pages_again_without_fetching(web, tmp_path, monkeypatch):
    db = tmp_path / "d.duckdb"
    ok("ingest", "http://news.test/vote", FEED, "--db", db, "--delay", 0)
    (old_flood,) = rows(db, "SELECT id FROM articles WHERE source LIKE '%flood%'")[0]
    web.log.clear()
    assert ok("reextract", "--db", db).splitlines() == ["2 pages read again, 0 changed, 0 skipped"]

    from dateline.ingest import readers
    extract = readers.main_text
    monkeypatch.setattr(readers, "main_text",
                        lambda html: extract(html).replace("three men", "four men"))
    out = ok("reextract", "--db", db).splitlines()
    (new_flood,) = [r[0] for r in rows(db, "SELECT id FROM articles WHERE source LIKE '%flood%'")]
    assert out == [f"note http://news.test/flood?utm_source=rss: W007: the page reads differently now;"
                   f" stored anew as article {new_flood} (was {old_flood})",
                   "2 pages read again, 1 changed, 0 skipped"]
    assert web.log == []  # nothing fetched
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 2
    assert "four men" in rows(db, f"SELECT text FROM articles WHERE id = '{new_flood}'")[0][0]
    assert rows(db, f"SELECT count(*) FROM sentences WHERE article_id = '{old_flood}'")[0][0] == 0
    assert rows(db, f"SELECT count(*) FROM events WHERE article_id = '{old_flood}'")[0][0] == 0
    assert rows(db, "SELECT article_id FROM fetches WHERE url = 'http://news.test/flood'") == [(new_flood,)]
    assert rows(db, f"SELECT published_basis FROM articles WHERE id = '{new_flood}'") == [("feed",)]
    cited = rows(db, "SELECT DISTINCT e.article_id FROM fused_event_sources s JOIN events e ON e.id = s.event_id")
    assert (old_flood,) not in cited and (new_flood,) in cited
    assert ok("reextract", "--db", db).splitlines() == ["2 pages read again, 0 changed, 0 skipped"]
