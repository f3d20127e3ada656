"""Dateline: news articles in, a cited and truly dated timeline out.

    from dateline import Database, ingest
    ingest(["examples/corpus"], db="news.duckdb")
    Database("news.duckdb").timeline(actors=["Jaishankar"])
"""
from dateline.model import Actor, Analysis, Article, Event, EventSource, FusedEvent, Quote, Skip
from dateline.pipeline import IngestReport, ingest
from dateline.query import Database
from dateline.store import Store, default_db_path

__version__ = "0.1.0"
__all__ = [
    "Actor", "Analysis", "Article", "Database", "Event", "EventSource", "FusedEvent", "IngestReport",
    "Quote", "Skip", "Store", "default_db_path", "ingest",
]
