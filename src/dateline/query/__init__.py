"""Queries over a Dateline database, and their renderings."""
from dateline.query.database import PLOVER_TYPES, Database

__all__ = ["PLOVER_TYPES", "Database"]
