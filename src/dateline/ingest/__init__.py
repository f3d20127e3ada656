"""Reading inputs into Article records.

    for item in ingest_paths(["articles/", "feed.jsonl"]):
        ...  # an Article, or a Skip saying what could not be read and why
"""
from dateline.ingest.clean import article_id, clean_text
from dateline.ingest.discover import discover, ingest_paths
from dateline.ingest.published import parse_date
from dateline.ingest.readers import SUPPORTED_SUFFIXES, read_file

__all__ = [
    "SUPPORTED_SUFFIXES",
    "article_id",
    "clean_text",
    "discover",
    "ingest_paths",
    "parse_date",
    "read_file",
]
