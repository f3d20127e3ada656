"""The order of ingestion does not change the fused events (a property, drawn by hypothesis).

The sample corpus's 2021 and 2022 files (the three July 2021 reports of one meeting, the fall of
Kabul told by several outlets, the wire feed, the June 2022 visit) go in through the real
pipeline in a drawn order and drawn runs, one `ingest` per run, with the analyses computed once:
each run stores and fuses what it adds, as a user's successive ingests do.
"""
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.analyze import analyze_articles
from dateline.ingest import read_file
from dateline.model import Article
from dateline.pipeline import ingest
from dateline.query import Database, serialize

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# Each drawn case ingests the files anew; $DATELINE_ORDER_EXAMPLES draws more of them.
EXAMPLES = int(os.environ.get("DATELINE_ORDER_EXAMPLES", "8"))
FILES = sorted(p for p in CORPUS.iterdir() if p.name.startswith(("2021-", "2022-", "wire-feed")))


@pytest.fixture(scope="module")
def analyses() -> dict:
    """Article id -> its analysis, for every article of FILES."""
    articles = [item for path in FILES for item in read_file(path) if isinstance(item, Article)]
    return {analysis.article.id: analysis for analysis in analyze_articles(articles)}


def fused(db: Path) -> dict:
    with Database(db) as database:
        events = sorted((serialize.event_json(e) for e in database.events()), key=lambda e: e["id"])
        stories = [serialize.story_json(s) for s in database.stories()]
        return json.loads(json.dumps({"events": events, "stories": stories, "stats": database.stats()},
                                     default=str))


def ingest_in_runs(db: Path, files: list[Path], cuts: set[int], analyses: dict) -> None:
    def stored_analysis(article):
        # The analysis as of this read: a text read from two files carries the name it was read by.
        return replace(analyses[article.id], article=article)

    bounds = [0, *sorted(cuts), len(files)]
    for start, end in zip(bounds, bounds[1:]):
        ingest(files[start:end], db=db, analyzer=stored_analysis)


@pytest.fixture(scope="module")
def in_file_order(analyses, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("order") / "once.duckdb"
    ingest_in_runs(db, FILES, set(), analyses)
    return fused(db)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(FILES))),
       cuts=st.sets(st.integers(min_value=1, max_value=len(FILES) - 1), max_size=3))
def test_ingest_order_and_runs_do_not_change_the_fused_events(analyses, in_file_order, tmp_path_factory,
                                                             order, cuts):
    db = tmp_path_factory.mktemp("drawn") / "drawn.duckdb"
    ingest_in_runs(db, [FILES[i] for i in order], cuts, analyses)
    drawn = fused(db)
    assert drawn["stats"] == in_file_order["stats"]
    assert drawn["stories"] == in_file_order["stories"]
    assert drawn["events"] == in_file_order["events"]


def test_ingest_order_sample_is_large_enough_to_mean_something(analyses, in_file_order):
    reads = [item for path in FILES for item in read_file(path) if isinstance(item, Article)]
    multi_source = [e for e in in_file_order["events"] if len(e["sources"]) > 1]
    assert len(FILES) >= 20 and len(multi_source) >= 5 and len(in_file_order["stories"]) >= 3
    assert len(reads) > len(analyses)  # a syndicated copy: one text read from two files
