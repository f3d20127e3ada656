"""How fast the web UI answers its list pages on a big store: each page's median time, and the
slowest page's against the bar (1 s).

    .venv/bin/python benchmarks/web_pages.py --db FILE [--repeat 3]

`--db` is a Dateline database; the bar is meant for the full Timeline17 store (4,608 articles,
22,181 fused events): every Timeline17 article (../shared/benchmarks/tls-timeline17) as a dated
text file, as `benchmarks/tls_timeline17.py --work DIR` writes them to DIR/corpus (it then
ingests one store per topic; stop it there, or let it finish), ingested into one database:

    .venv/bin/python benchmarks/tls_timeline17.py --work DIR
    .venv/bin/dateline ingest DIR/corpus --db timeline17.duckdb --workers 2

(about 15 to 30 minutes on 2 cores). Without `--db`, the sample corpus (examples/corpus) is
ingested into a temporary database, which shows the timing of a small store only.

Every list page of the web UI (`dateline.web.routes.PAGES`, less the pages of one record) is
asked for in-process through the FastAPI test client, as HTML and as JSON: its first page, for
the paged lists a page in the middle (`?page=`), and for the timeline and events a month jump
(`?month=` of the month the middle dated event falls in); and the search page and the
timeline and events scoped to a topic (`--words`, "government" unless given). Each is asked
`--repeat` times after one warm-up; printed: its median seconds and its ratio to the bar, then
the slowest. Exits 1 when the slowest misses it. Printed apart, not against the bar: the first
search of a file, which builds its search index (`dateline serve` builds it in the background
while it starts, so a user's first search does not wait for it).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from dateline import Database, ingest
from dateline.query.confidence import DEFAULT_MIN_CONFIDENCE
from dateline.web.app import create_app

BAR_SECONDS = 1.0
CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
LISTS = ("/", "/timeline", "/key-dates", "/events", "/actors", "/relations", "/stories")
PAGED = ("/timeline", "/events")  # by page and by month; the actors by page only
PER_PAGE = 100  # the web UI's default page size


def middle(db_path: Path) -> tuple[int, str, int]:
    """The middle page of the default timeline, the month its middle dated event is in, and
    the middle page of the actors."""
    with Database(db_path) as db:
        actors = len(db.actors())
        shown = "coalesce(confidence, 1) >= ?"
        total = db.connection.execute(f"SELECT count(*) FROM fused_events WHERE {shown}",
                                      [DEFAULT_MIN_CONFIDENCE]).fetchone()[0]
        month = db.connection.execute(
            f"SELECT strftime(date, '%Y-%m') FROM fused_events WHERE date IS NOT NULL AND {shown}"
            " ORDER BY date, date_end, type, id LIMIT 1 OFFSET ?",
            [DEFAULT_MIN_CONFIDENCE, total // 2]).fetchone()
    pages, actor_pages = max(1, -(-total // PER_PAGE)), max(1, -(-actors // PER_PAGE))
    return max(1, pages // 2), month[0] if month else "2000-01", max(1, actor_pages // 2)


def addresses(db_path: Path, words: str) -> list[str]:
    """Every list page as HTML and JSON; the paged ones also in the middle and at a month; the
    search page and the scoped timeline and events."""
    page, month, actor_page = middle(db_path)
    paths = []
    for path in LISTS:
        asked = [""] + ([f"?page={page}", f"?month={month}"] if path in PAGED else [])
        asked += [f"?page={actor_page}"] if path == "/actors" else []
        json_path = "/index.json" if path == "/" else f"{path}.json"
        paths += [f"{p}{query}" for query in asked for p in (path, json_path)]
    asked = urlencode({"q": words})
    scoped = urlencode({"about": words})
    return paths + [f"/search?{asked}", f"/search.json?{asked}", f"/timeline?{scoped}",
                    f"/events.json?{scoped}"]


def timed(client: TestClient, path: str, repeat: int) -> float:
    """The median seconds of `repeat` answers to path, after one not counted."""
    seconds = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        response = client.get(path)
        seconds.append(time.perf_counter() - started)
        if response.status_code != 200:
            sys.exit(f"{path}: {response.status_code} {response.text[:200]}")
    return statistics.median(seconds[1:])


def first_search(client: TestClient, words: str) -> float:
    """Seconds the first search of the file takes: it builds the index."""
    started = time.perf_counter()
    client.get(f"/search.json?{urlencode({'q': words})}")
    return time.perf_counter() - started


def report(db_path: Path, repeat: int, words: str) -> bool:
    with Database(db_path) as db:
        stats = db.stats()
    print(f"{db_path}: {stats['articles']:,} articles, {stats['events']:,} fused events"
          f" ({stats['shown_events']:,} shown), {stats['actors']:,} actors, {stats['stories']:,}"
          f" stories; median of {repeat}, bar {BAR_SECONDS:.1f} s")
    client = TestClient(create_app(db_path), base_url="http://127.0.0.1:8000")
    print(f"  first search, building the index: {first_search(client, words):.3f} s"
          " (once per version of the file; not against the bar)")
    times = {path: timed(client, path, repeat) for path in addresses(db_path, words)}
    for path, seconds in times.items():
        print(f"  {path:<32} {seconds:8.3f} s  {seconds / BAR_SECONDS:6.2f}x bar")
    slowest = max(times, key=times.__getitem__)
    met = times[slowest] < BAR_SECONDS
    print(f"slowest: {slowest} {times[slowest]:.3f} s against the bar {BAR_SECONDS:.1f} s:"
          f" {'met' if met else 'MISSED'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the database to serve (default: the sample"
                        " corpus ingested into a temporary one)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--words", default="government",
                        help="what the search and the scoped pages ask for")
    args = parser.parse_args()
    if args.db:
        sys.exit(0 if report(args.db, args.repeat, args.words) else 1)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "sample.duckdb"
        ingest([CORPUS], db=db)
        sys.exit(0 if report(db, args.repeat, args.words) else 1)


if __name__ == "__main__":
    main()
