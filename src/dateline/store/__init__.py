"""The DuckDB store: per-article analyses in, records back out for fusion and queries."""
from dateline.store.schema import SCHEMA_VERSION, connect
from dateline.store.writer import Store, WriteReport, default_db_path

__all__ = ["SCHEMA_VERSION", "Store", "WriteReport", "connect", "default_db_path"]
