"""`dateline watch`: one line a round, numbered on in the store; `--once` for cron; a SIGTERM or
Ctrl-C stops after the round in progress, exit 0. The web is the misbehaving site on 127.0.0.1
(tests/ingest/fetch/server.py); the signal tests run the command in a process of its own with a
stand-in ingest, so that they need no network and no analysis."""
from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from cli_runs import invoke, ok

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest" / "fetch"))
from server import NewsServer  # noqa: E402  (the fetching tests' site)

FEED = "http://news.example/feed"
ROUND = re.compile(r"round (\d+): (\d+) new, (\d+) known, (\d+) failed")

# `dateline watch` with pipeline.ingest replaced by a stand-in that says when it starts, takes
# half a second, and reports one new article.
STAND_IN = """
import sys, time
from dateline import pipeline

def ingest(paths, **options):
    print("ingesting", *options["urls"], options.get("max_mb"), flush=True)
    time.sleep(0.5)
    return pipeline.IngestReport(ingested=1)

pipeline.ingest = ingest
from dateline.cli import main
main(prog_name="dateline")
"""


@pytest.fixture
def site():
    with NewsServer() as running:
        yield running


def watch(*args):
    return [str(a) for a in ("watch", *args, "--delay", "0", "--allow-private")]


def test_every_and_sources_are_checked_first(tmp_path):
    db = tmp_path / "d.duckdb"
    result = invoke("watch", FEED, "--every", "soon", "--db", db)
    assert result.exit_code == 1
    assert result.output.startswith("E068: --every must be a time such as 30s, 15m or 1h")
    result = invoke("watch", FEED, "news/feed.xml", "--db", db)
    assert result.exit_code == 1
    assert result.output == ("E069: watch follows web addresses (http:// or https://), not"
                             " 'news/feed.xml'\n")
    assert not db.exists()


def running(tmp_path, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", STAND_IN, "watch", FEED, "--db",
                             str(tmp_path / "d.duckdb"), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(process: subprocess.Popen, start: str) -> str:
    for line in process.stdout:
        if line.startswith(start):
            return line
    raise AssertionError(f"the watch ended before {start!r}: {process.stderr.read()}")


def test_sigterm_between_rounds_stops_at_once_with_exit_0(tmp_path):
    process = running(tmp_path, "--every", "1h")
    assert wait_for(process, "round ") == "round 1: 1 new, 0 known, 0 failed\n"
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (0, "stopped after round 1\n", "")


def test_sigint_during_a_round_lets_it_finish_and_be_kept(tmp_path):
    process = running(tmp_path, "--every", "1s", "--max-mb", "2.5")
    assert wait_for(process, "ingesting") == f"ingesting {FEED} 2.5\n"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (
        0, "round 1: 1 new, 0 known, 0 failed\nstopped after round 1\n", "")
    with duckdb.connect(str(tmp_path / "d.duckdb"), read_only=True) as con:
        assert con.execute("SELECT number, new FROM watch_rounds").fetchall() == [(1, 1)]


def test_a_second_signal_interrupts_the_round(tmp_path):
    process = running(tmp_path, "--every", "1s")
    wait_for(process, "ingesting")
    process.send_signal(signal.SIGTERM)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130 and out == ""
    assert err == "interrupted; what was stored before stays stored\n"


# End to end: these need the fetching (dateline.ingest.fetch) and pipeline.ingest(urls=...).

def test_once_prints_the_skips_then_the_round_line(site, tmp_path):
    db = tmp_path / "d.duckdb"
    result = invoke(*watch(site.url("/news"), site.url("/troubles"), "--once", "--db", db))
    assert result.exit_code == 0, result.output
    *told, last = result.output.splitlines()
    skips = [line for line in told if line.startswith("skipped ")]
    assert [line for line in told if line not in skips] == [
        f"note {site.url('/archive/letters.html')}: W006: the page names no character set;"
        " decoded as cp1252"]
    # The town's four pages and two of the troubles' are new; /moved is the bridge again.
    (number, new, known, failed), = [tuple(map(int, m)) for m in ROUND.findall(last)]
    assert (number, new, failed) == (1, 6, 6)
    assert len(skips) == 6
    assert any(line.endswith("E031: 503 after 3 tries") for line in skips)
    assert not site.requested("/private/secret-plan.html")
    stats = json.loads(ok("stats", "--db", db, "--format", "json"))["sources"]
    assert (stats["feeds"], stats["sitemaps"]) == (2, 0) and stats["pages_fetched"] >= 6
    assert stats["failed_fetches"] >= 4 and stats["last_fetch"] is not None


def test_watch_once_twice_equals_one_ingest_of_the_same_pages(site, tmp_path):
    watched, ingested = tmp_path / "watched.duckdb", tmp_path / "ingested.duckdb"
    sources = [site.url("/news"), site.url("/sitemap-news")]
    first = ok(*watch(*sources, "--once", "--db", watched))
    assert first == "round 1: 5 new, 0 known, 0 failed\n"
    site.publish("rail-strike")
    site.clear_log()
    second = ok(*watch(*sources, "--once", "--db", watched))
    (number, new, known, failed), = [tuple(map(int, m)) for m in ROUND.findall(second)]
    assert (number, new, failed) == (2, 1, 0)
    conditional = [r for r in site.log if r.path in ("/news", "/sitemap-news")]
    assert all(r.conditional for r in conditional)
    assert [r.status for r in conditional if r.path == "/sitemap-news"] == [304]
    ok("ingest", *sources, "--db", ingested, "--delay", "0", "--allow-private")
    assert contents(watched) == contents(ingested)


def contents(db: Path) -> dict:
    """What a store holds of its articles and fused events, comparable across stores."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "articles": con.execute("SELECT id, url, title, published, published_basis, text"
                                    " FROM articles ORDER BY id").fetchall(),
            "events": con.execute("SELECT id, type, date, summary FROM fused_events"
                                  " ORDER BY id").fetchall(),
            "stories": con.execute("SELECT count(*) FROM stories").fetchone(),
        }
