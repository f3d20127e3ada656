"""Crash safety on real articles: an ingest killed with SIGKILL part-way, run again, ends exactly
as one clean run; a `dateline serve` reading while an ingest writes never fails and never sees
half a batch.

The articles are Timeline17's (news from Reuters and others) where the benchmark data sits
beside the repository (`../shared/benchmarks/tls-timeline17`, or $DATELINE_TIMELINE17), and
the sample corpus's otherwise. Each ingest runs as its own process, as a user runs it; a small
driver makes its batches small and can stop it at a chosen point, so the kill lands there.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest

from dateline.query import Database

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = Path(os.environ.get("DATELINE_TIMELINE17", ROOT.parent / "shared" / "benchmarks" / "tls-timeline17"))
SAMPLE_CORPUS = ROOT / "examples" / "corpus"
COLLECTION = "LibyaWar_reuters"
ARTICLES = 12
SHORTEST_CHARS, LONGEST_CHARS = 1_500, 5_000  # real articles, quick to parse
BATCH = 4  # articles per store transaction in the driven runs: 12 articles make 3 batches

# Runs the CLI with small batches; with a stop point, it announces "PAUSED" once there and waits
# to be killed. "batch": inside the second batch's transaction, its rows written, not committed.
# "fusion": inside fusion's transaction, every change written, not committed.
DRIVER = textwrap.dedent("""
    import sys, time
    from dateline import pipeline
    from dateline.fuse import apply
    from dateline.store import writer

    stop, batch, *args = sys.argv[1:]
    pipeline.BATCH_SIZE = int(batch)
    pipeline.CHUNK_SIZE = 2

    def pause_after(function, nth):
        calls = 0
        def paused(*a, **k):
            nonlocal calls
            result = function(*a, **k)
            calls += 1
            if calls == nth:
                print("PAUSED", flush=True)
                time.sleep(600)
            return result
        return paused

    if stop == "batch":
        writer.Store._insert = pause_after(writer.Store._insert, 2)
    elif stop == "fusion":
        apply.write_changes = pause_after(apply.write_changes, 1)
    from dateline.cli import main
    main(args)
""")


def timeline17_corpus(folder: Path) -> bool:
    """The first ARTICLES mid-length articles of one collection as dated text files (its folders
    are named by publication date); False when Timeline17 is not there."""
    docs = TIMELINE17 / COLLECTION / "InputDocs"
    if not docs.is_dir():
        return False
    folder.mkdir()
    chosen = 0
    for path in sorted(docs.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if SHORTEST_CHARS <= len(text) <= LONGEST_CHARS:
            (folder / f"{path.parent.name}-{path.stem}.txt").write_text(
                f"date {path.parent.name}\n\n{text}\n", encoding="utf-8")
            chosen += 1
            if chosen == ARTICLES:
                return True
    return chosen > 0


def sample_corpus(folder: Path) -> None:
    folder.mkdir()
    for path in sorted(SAMPLE_CORPUS.glob("*.txt"))[:ARTICLES]:
        shutil.copy(path, folder / path.name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "articles"
    if not timeline17_corpus(folder):
        sample_corpus(folder)
    return folder


def dateline(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline.cli", *args], capture_output=True,
                          text=True, timeout=timeout, check=False)


def driven(tmp_path: Path, stop: str, batch: int, *args: str) -> subprocess.Popen:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(driver), stop, str(batch), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def state(db: Path) -> dict:
    """What a user can read back: the stats, every fused event, and every exported table."""
    export = db.parent / f"{db.stem}-export"
    shutil.rmtree(export, ignore_errors=True)
    stats = dateline("stats", "--db", str(db), "--format", "json")
    events = dateline("events", "--db", str(db), "--format", "json")
    exported = dateline("export", "--db", str(db), "--format", "json", str(export))
    assert stats.returncode == events.returncode == exported.returncode == 0, (stats, events, exported)
    return {"stats": json.loads(stats.stdout), "events": json.loads(events.stdout),
            "tables": {p.name: p.read_text(encoding="utf-8") for p in sorted(export.iterdir())}}


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    run = dateline("ingest", str(corpus), "--db", str(db))
    assert run.returncode == 0, run.stderr
    return state(db)


@pytest.mark.parametrize("stop", ["batch", "fusion"])
def test_ingest_killed_part_way_and_run_again_ends_as_one_clean_run(corpus, clean, tmp_path, stop):
    db = tmp_path / "killed.duckdb"
    ingest = driven(tmp_path, stop, BATCH, "ingest", str(corpus), "--db", str(db))
    try:
        assert ingest.stdout.readline().strip() == "PAUSED", ingest.stderr.read()
    finally:
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(timeout=30)
    assert ingest.returncode == -signal.SIGKILL

    again = dateline("ingest", str(corpus), "--db", str(db))
    assert again.returncode == 0, again.stderr
    total = clean["stats"]["articles"]
    stored_before = BATCH if stop == "batch" else total  # whole batches only, and all of them
    assert again.stdout.splitlines()[-1] == (
        f"{total - stored_before} ingested, 0 skipped"
        + (f", {stored_before} unchanged" if stored_before else ""))
    assert state(db) == clean


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stored_counts(db: Path) -> tuple[int, int, int]:
    """(articles, articles without their sentences, fused events), read as a reader reads."""
    with Database(db) as database:
        con = database.connection
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        bare = con.execute("""SELECT count(*) FROM articles a WHERE NOT EXISTS
            (SELECT 1 FROM sentences s WHERE s.article_id = a.id)""").fetchone()[0]
        fused = con.execute("SELECT count(*) FROM fused_events").fetchone()[0]
    return articles, bare, fused


def test_serve_while_an_ingest_writes_never_fails_nor_sees_half_a_batch(corpus, clean, tmp_path):
    files = sorted(corpus.iterdir())
    first = tmp_path / "first"
    first.mkdir()
    for path in files[: len(files) // 2]:
        shutil.copy(path, first / path.name)
    db = tmp_path / "live.duckdb"
    assert dateline("ingest", str(first), "--db", str(db)).returncode == 0
    start_articles, _, start_fused = stored_counts(db)

    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db),
                              "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ingest = None
    try:
        url = f"http://127.0.0.1:{port}"
        assert serve.stdout.readline().startswith("Dateline at"), serve.stderr.read()
        _wait_until_up(url)
        ingest = driven(tmp_path, "none", 2, "ingest", str(corpus), "--db", str(db))
        seen, pages = set(), 0
        with httpx.Client(base_url=url, timeout=120) as client:
            while ingest.poll() is None:
                for path in ("/timeline.json", "/events", "/index.json"):
                    response = client.get(path)
                    assert response.status_code == 200, (path, response.text[:300])
                    pages += 1
                articles, bare, fused = stored_counts(db)
                assert bare == 0, "an article is stored without its sentences: half a batch"
                assert (articles - start_articles) % 2 == 0 or articles == clean["stats"]["articles"], articles
                seen.add((articles, fused))
                time.sleep(0.05)
        assert ingest.returncode == 0, ingest.stderr.read()
    finally:
        for process in (serve, ingest):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait(timeout=30)

    end_articles, _, end_fused = stored_counts(db)
    assert end_articles == clean["stats"]["articles"]
    # Fused tables change in one transaction at the end: a reader sees them before or after.
    assert {fused for _, fused in seen} <= {start_fused, end_fused}
    # The reads really ran between batches, not only before and after the ingest.
    assert any(start_articles < articles < end_articles for articles, _ in seen), seen
    assert pages > 0


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/index.json", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("dateline serve did not answer")
