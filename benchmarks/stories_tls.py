"""Story clustering and near-duplicates at scale, on Timeline17 (../shared/benchmarks/tls-timeline17).

    .venv/bin/python benchmarks/stories_tls.py [--root DIR]

Reads every article (`<collection>/InputDocs/<YYYY-MM-DD>/<n>.htm.txt`, dated by its folder; the
empty files are counted as skipped), clusters all of them together in one `cluster_stories` run,
and prints a table of:
- stories: how many, the largest, how many hold one article, and the clustering time;
- pairwise precision, recall and F1 over article pairs against the 9 topics (the collection name
  before the underscore: bpoil_bbc -> bpoil). A topic holds many stories, so recall against it is
  bound to be low for real stories and this score rewards large clusters: it is a coarse sanity
  check, not a target (the parameters are calibrated on examples/corpus, not here);
- near-duplicates: the share of articles that are a near-duplicate of an earlier one, found with
  dateline.fuse.duplicates, and the time it took.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path

from dateline.fuse.stories import cluster_stories
from dateline.model import StoryArticle

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "tls-timeline17"


def topic_of(collection: str) -> str:
    return collection.split("_", 1)[0]


def read_articles(root: Path) -> tuple[list[StoryArticle], dict[str, str], int]:
    """(articles, article id -> topic, empty files skipped)."""
    articles, topics, skipped = [], {}, 0
    for path in sorted(root.glob("*/InputDocs/*/*.txt")):
        collection, day = path.parts[-4], path.parent.name
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.strip():
            skipped += 1
            continue
        article_id = f"{collection}/{day}/{path.name}"
        articles.append(StoryArticle(article_id, date.fromisoformat(day), None, text))
        topics[article_id] = topic_of(collection)
    return articles, topics, skipped


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise_scores(clusters: list[list[str]], labels: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of `clusters` against `labels`, counted by combinatorics."""
    together = sum(pairs(n) for cluster in clusters for n in Counter(labels[a] for a in cluster).values())
    predicted = sum(pairs(len(cluster)) for cluster in clusters)
    gold = sum(pairs(n) for n in Counter(labels.values()).values())
    precision = together / predicted if predicted else 1.0
    recall = together / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def near_duplicate_rate(articles: list[StoryArticle]) -> tuple[str, float]:
    """(share of articles that copy an earlier one, as text; seconds), or why it could not run."""
    try:
        from dateline.fuse.duplicates import originals, signature, similar_pairs
    except ImportError as error:
        return f"n/a ({error})", 0.0
    start = time.perf_counter()
    signatures = {a.id: signature(a.text) for a in articles}
    found = originals(similar_pairs(signatures, {}), {a.id: a.published for a in articles})
    seconds = time.perf_counter() - start
    copies = len({duplicate.article_id for duplicate in found})
    return f"{copies / len(articles):.3f} ({copies} of {len(articles)})", seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()

    # 1. read the collections
    start = time.perf_counter()
    articles, topics, skipped = read_articles(args.root)
    read_seconds = time.perf_counter() - start

    # 2. cluster everything in one run
    start = time.perf_counter()
    stories = cluster_stories(articles)
    cluster_seconds = time.perf_counter() - start
    sizes = [len(story.article_ids) for story in stories]
    precision, recall, f1 = pairwise_scores([story.article_ids for story in stories], topics)

    # 3. near-duplicates
    duplicates, duplicate_seconds = near_duplicate_rate(articles)

    rows = [
        ("articles read", f"{len(articles)} ({skipped} empty files skipped, {read_seconds:.1f} s)"),
        ("topics", str(len(set(topics.values())))),
        ("stories", f"{len(stories)} (largest {max(sizes, default=0)}, "
                    f"{sum(1 for n in sizes if n == 1)} single-article)"),
        ("clustering time", f"{cluster_seconds:.1f} s"),
        ("pairwise precision vs topic", f"{precision:.3f}"),
        ("pairwise recall vs topic", f"{recall:.3f}"),
        ("pairwise F1 vs topic", f"{f1:.3f}"),
        ("near-duplicate rate", duplicates),
        ("near-duplicate time", f"{duplicate_seconds:.1f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"Timeline17 stories ({args.root})")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


if __name__ == "__main__":
    main()
