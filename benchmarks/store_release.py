"""What letting go of the database between batches costs an ingest.

    .venv/bin/python benchmarks/store_release.py [--articles N]

An ingest closes its DuckDB connection after every batch of 64 articles, so that readers
(`dateline serve`, queries) can open the file while it runs; the next batch opens it again.
Closing checkpoints the write-ahead log into the file. This measures, side by side in one run,
storing N articles in batches of 64 into a new database: once keeping one connection open
throughout (as before), once releasing it after every batch (as an ingest does now). The
articles are the sample corpus's real analyses, repeated under new ids until there are N.

Printed: both times, their ratio, and that overhead per batch against the analysis time of a
batch (about 0.34 s an article on a 2-core machine, from benchmarks/throughput.py).
"""
from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from dateline.analyze import analyze_articles
from dateline.ingest import read_file
from dateline.model import Analysis, Article
from dateline.pipeline import BATCH_SIZE
from dateline.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
ANALYSIS_SECONDS_PER_ARTICLE = 0.337  # benchmarks/throughput.py, full Timeline17 ingest


def sample_analyses() -> list[Analysis]:
    articles = [item for path in sorted(CORPUS.iterdir()) for item in read_file(path)
                if isinstance(item, Article)]
    return list(analyze_articles(articles))


def renamed(analysis: Analysis, copy: int) -> Analysis:
    """The analysis as if of another article: every id its rows are keyed by, made new."""
    suffix = f"-{copy}"
    article_id = analysis.article.id + suffix
    return replace(
        analysis,
        article=replace(analysis.article, id=article_id, source=analysis.article.source + suffix),
        events=[replace(e, id=e.id + suffix, article_id=article_id) for e in analysis.events],
        quotes=[replace(q, id=q.id + suffix, article_id=article_id) for q in analysis.quotes])


def corpus_of(analyses: list[Analysis], count: int) -> list[Analysis]:
    return [renamed(analyses[i % len(analyses)], i // len(analyses)) for i in range(count)]


def store_all(db: Path, analyses: list[Analysis], release: bool) -> float:
    started = time.perf_counter()
    with Store(db) as store:
        for start in range(0, len(analyses), BATCH_SIZE):
            store.write(analyses[start:start + BATCH_SIZE])
            if release:
                store.release()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4_608, help="articles to store (default 4,608)")
    options = parser.parse_args()
    analyses = corpus_of(sample_analyses(), options.articles)
    batches = -(-len(analyses) // BATCH_SIZE)
    with tempfile.TemporaryDirectory() as folder:
        kept = store_all(Path(folder) / "kept.duckdb", analyses, release=False)
        released = store_all(Path(folder) / "released.duckdb", analyses, release=True)
    per_batch = (released - kept) / batches
    analysis = ANALYSIS_SECONDS_PER_ARTICLE * BATCH_SIZE
    print(f"{len(analyses)} articles in {batches} batches of {BATCH_SIZE}")
    print(f"one connection kept          {kept:7.1f} s")
    print(f"released after every batch   {released:7.1f} s")
    print(f"ratio released/kept          {released / kept:7.2f}")
    print(f"overhead per batch           {per_batch * 1000:7.0f} ms, "
          f"{per_batch / analysis:.1%} of a batch's analysis ({analysis:.1f} s)")


if __name__ == "__main__":
    main()
