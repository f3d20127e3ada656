"""Queries over a Dateline database: records and plain data, for the interfaces to show."""
from dateline.query.database import Database

__all__ = ["Database"]
