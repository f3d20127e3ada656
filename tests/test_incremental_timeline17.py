"""Incremental fusion on real news: a few hundred Timeline17 articles ingested in runs (the newest
first, then older ones filed late) end in the same fused tables as one ingest of them all.

Analysing them takes minutes, so this runs where Timeline17 is at hand and
$DATELINE_TIMELINE17_ARTICLES says how many articles to take (every k-th file, so every
collection is in), e.g. DATELINE_TIMELINE17_ARTICLES=300.
"""
import os
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from dateline.analyze import analyze_articles
from dateline.ingest import read_file
from dateline.model import Article
from dateline.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = Path(os.environ.get("DATELINE_TIMELINE17", ROOT.parent / "shared" / "benchmarks" / "tls-timeline17"))
ARTICLES = int(os.environ.get("DATELINE_TIMELINE17_ARTICLES", "0"))
FUSED = ("actor_links", "actor_records", "stories", "story_articles", "near_duplicates", "fused_events",
         "fused_event_sources", "fused_event_dates", "event_fusion_keys", "story_features", "story_df")

pytestmark = pytest.mark.skipif(not (TIMELINE17.is_dir() and ARTICLES),
                                reason="set DATELINE_TIMELINE17_ARTICLES, with Timeline17 at hand")


def dated_files(folder: Path) -> list[Path]:
    """Every k-th Timeline17 article as a text file under its date line."""
    sources = sorted(TIMELINE17.glob("*/InputDocs/*/*.txt"))
    written = []
    for source in sources[::max(1, len(sources) // ARTICLES)][:ARTICLES]:
        text = source.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            target = folder / source.parts[-4] / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f" date {source.parent.name} :\n{text}", encoding="utf-8")
            written.append(target)
    return written


def fused(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: sorted(map(repr, con.execute(f"SELECT * FROM {table}").fetchall())) for table in FUSED}
    finally:
        con.close()


def test_incremental_timeline17_runs_end_where_one_ingest_ends(tmp_path):
    files = dated_files(tmp_path / "corpus")
    articles = [item for path in files for item in read_file(path) if isinstance(item, Article)]
    analyses = {a.article.id: a for a in analyze_articles(articles)}

    def stored(article):
        return replace(analyses[article.id], article=article)

    once = tmp_path / "once.duckdb"
    ingest(files, db=once, analyzer=stored)
    by_day = sorted(files, key=lambda path: path.parent.name)
    half, quarter = len(by_day) // 2, len(by_day) // 4
    runs = [by_day[half:], by_day[:quarter], by_day[quarter:half]]  # the newest, then filed late
    in_runs = tmp_path / "runs.duckdb"
    for run in runs:
        ingest(run, db=in_runs, analyzer=stored)
    assert len(articles) >= ARTICLES * 0.9
    assert fused(in_runs) == fused(once)
