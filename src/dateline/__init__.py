"""Dateline: news articles in, a cited and truly dated timeline out.

    from dateline import Database, ingest
    ingest(["examples/corpus"], db="news.duckdb")
    Database("news.duckdb").timeline(actors=["Jaishankar"])
    set_actor("Atmar", sector="GOV", db="news.duckdb")  # or merge_actors, split_actor
"""
from dateline.corrections import CorrectionReport, merge_actors, set_actor, split_actor
from dateline.model import (Actor, Analysis, Article, Correction, Event, EventSource, FusedEvent,
                            Quote, Skip)
from dateline.pipeline import IngestReport, ingest
from dateline.query import Database
from dateline.store import Store, default_db_path

__version__ = "0.1.0"
__all__ = [
    "Actor", "Analysis", "Article", "Correction", "CorrectionReport", "Database", "Event",
    "EventSource", "FusedEvent", "IngestReport", "Quote", "Skip", "Store", "default_db_path",
    "ingest", "merge_actors", "set_actor", "split_actor",
]
