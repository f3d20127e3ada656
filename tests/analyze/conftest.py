"""Shared fixtures for analysis tests: the knowledge and the parsing pipeline, loaded once a session."""
from __future__ import annotations

import pytest

from dateline.analyze.nlp import load_pipeline
from dateline.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture(scope="session")
def nlp(kb):
    return load_pipeline(kb)
