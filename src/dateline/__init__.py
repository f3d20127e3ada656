"""Dateline: news articles in, a cited and truly dated timeline out.

    from dateline import Database, ingest
    ingest(["examples/corpus"], db="news.duckdb")
    Database("news.duckdb").timeline(actors=["Jaishankar"])
    set_actor("Atmar", sector="GOV", db="news.duckdb")  # or merge_actors, split_actor
"""
import inspect
from importlib import import_module
from types import ModuleType

from dateline.corrections import CorrectionReport, merge_actors, set_actor, split_actor
from dateline.model import (Actor, Analysis, Article, Correction, Event, EventSource, FusedEvent,
                            Quote, Skip)
from dateline.pipeline import IngestReport
from dateline.pipeline import ingest as _run_ingest
from dateline.query import Database
from dateline.store import Store, default_db_path


class _CallableStage(ModuleType):
    """`dateline.ingest`: the package of the reading stage, which is also the function that runs
    the whole ingest. One object under the one name: a function of that name beside the package
    lost the name to the package as soon as anything imported `dateline.ingest.readers`, and
    `dateline.ingest([...])` failed the second time."""

    def __call__(self, *args, **kwargs) -> IngestReport:
        return _run_ingest(*args, **kwargs)


ingest = import_module("dateline.ingest")
ingest.__class__ = _CallableStage
ingest.__signature__ = inspect.signature(_run_ingest)

__version__ = "0.1.0"
__all__ = [
    "Actor", "Analysis", "Article", "Correction", "CorrectionReport", "Database", "Event",
    "EventSource", "FusedEvent", "IngestReport", "Quote", "Skip", "Store", "default_db_path",
    "ingest", "merge_actors", "set_actor", "split_actor",
]
