"""Actors on real news (benchmarks/actors_timeline17.py): what counts as no name, and, where
Timeline17 is at hand (../shared/benchmarks), every 30th Syrian-crisis article ingested with no
actor named "Assad" alone and none that is no name."""
import importlib.util
import os
import sys
from pathlib import Path

import pytest

from dateline import Database
from dateline.knowledge import load_knowledge
from dateline.model import Actor
from dateline.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = Path(os.environ.get("DATELINE_TIMELINE17", ROOT.parent / "shared" / "benchmarks" / "tls-timeline17"))
EVERY = 30


def load_benchmark():
    spec = importlib.util.spec_from_file_location("actors_timeline17", ROOT / "benchmarks" / "actors_timeline17.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()
COMMON = {"format": 0.95, "gunfire": 0.99, "targeting": 0.97, "shell": 0.9}


@pytest.mark.parametrize("actor, why", [
    (Actor("org:bst-london", "BST LONDON", "organisation"), "time zone"),
    (Actor("person:views-expressed", "Views expressed", "person"), "page furniture"),
    (Actor("org:x", "Latest Key Developments in Insurance", "organisation"), "page furniture"),
    (Actor("person:george-osborne-s", "George Osborne's", "person"), "a possessive"),
    (Actor("person:format~a1", "Format", "person"), "a common word"),
    (Actor("person:targeting-assad", "Targeting Assad", "person"), "a headline's verb"),
    (Actor("person:under-mubarak", "Under Mubarak", "person"), "a headline's word"),
    (Actor("org:2011-reuters", "2011 Reuters", "organisation"), "a number"),
])
def test_actors_timeline17_these_are_no_names(actor, why):
    assert bench.not_a_name(actor, COMMON, set()) == why


@pytest.mark.parametrize("actor", [
    Actor("person:bashar-al-assad", "Bashar al-Assad", "person"),
    Actor("org:shell", "Shell", "organisation"),  # a company may be named by a common word
    Actor("org:channel-4-news", "Channel 4 News", "organisation"),
    Actor("group:syr-civilians", "Syrian civilians", "group"),
    Actor("person:ban-ki-moon", "Ban Ki-moon", "person"),
    Actor("person:al-sayyed-darwish", "Al Sayyed Darwish", "person"),
])
def test_actors_timeline17_these_are_names(actor):
    assert bench.not_a_name(actor, COMMON, set()) is None


@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="Timeline17 is not at hand")
def test_actors_timeline17_a_sample_of_the_syrian_crisis_has_no_bare_assad_and_no_furniture(tmp_path):
    corpus = tmp_path / "corpus"
    assert bench.write_corpus(list(bench.COLLECTIONS), corpus, TIMELINE17, EVERY) > 0
    ingest([corpus], db=tmp_path / "d.duckdb")
    with Database(tmp_path / "d.duckdb") as db:
        actors = db.actors()
        common = bench.lowercase_share([article.text for article in db.articles()])
        known = set(load_knowledge().actors)
        assert [a.name for a, _ in actors if bench.not_a_name(a, common, known)] == []
        assert [a.id for a, _ in actors if a.name.lower() == "assad"] == []
        landed = bench.assad_landings(db)
        assert sum(landed.values()) > 0
        assert [where for where in landed if where.startswith("wrong")] == []
