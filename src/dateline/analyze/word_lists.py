"""The analysis' word lists, read from the data files beside the code that uses them.

A module's lists live in `data/<module>.json` of its package (`events/data/arguments.json` for
`events/arguments.py`): an "about" line for the file and, for each list, {"about": what the list
is for, "words": [...] or {word: value}}. The module reads its file once, at import, and keeps
each list as the constant its key names in capitals, as a frozenset, a tuple or a dict, so that
the words are data and the code that tests them reads as before.

Every part of the analysis reads its lists here: the analysis-level modules (`tense`, `quotes`)
from `analyze/data/`, each component from its own package's `data/` folder.
"""
from __future__ import annotations

import json
from importlib import resources



def data_folder(package: str = "dateline.analyze"):
    """The `data/` folder of an analysis package (`dateline.analyze.events`)."""
    return resources.files(package) / "data"


def read_word_lists(module: str, package: str = "dateline.analyze") -> dict[str, list | dict]:
    """{list name: its words} of `data/<module>.json` in `package`: a list in its file's order,
    or a table {word: value}."""
    text = (data_folder(package) / f"{module}.json").read_text("utf-8")
    return {name: entry["words"] for name, entry in json.loads(text).items() if name != "about"}
