"""The analysis' word lists, read from the data files beside the code that uses them.

A module's lists live in `data/<module>.json` of its package (`events/data/arguments.json` for
`events/arguments.py`): an "about" line for the file and, for each list, {"about": what the list
is for, "words": [...] or {word: value}}. The module reads its file once, at import, and keeps
each list as the constant its key names in capitals, as a frozenset, a tuple or a dict, so that
the words are data and the code that tests them reads as before.

This reader serves the analysis-level modules (`tense`, `quotes`: `analyze/data/`). The actor and
event components each read their own folder (`actors/word_lists.py`, `events/word_lists.py`): a
component stands only on itself and the shared parsing modules (tests/test_code_layout.py).
"""
from __future__ import annotations

import json
from importlib import resources

DATA = resources.files("dateline.analyze") / "data"


def read_word_lists(module: str) -> dict[str, list | dict]:
    """{list name: its words} of `data/<module>.json`: a list in its file's order, or a table
    {word: value}."""
    text = (DATA / f"{module}.json").read_text("utf-8")
    return {name: entry["words"] for name, entry in json.loads(text).items() if name != "about"}
