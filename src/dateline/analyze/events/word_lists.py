"""The event finder's word lists: `data/<module>.json` beside its modules, in the shape that
`dateline.analyze.word_lists` describes. The component reads its own folder, as it stands only on
itself and the shared parsing modules (tests/test_code_layout.py)."""
from __future__ import annotations

import json
from importlib import resources

DATA = resources.files("dateline.analyze.events") / "data"


def read_word_lists(module: str) -> dict[str, list | dict]:
    """{list name: its words} of `data/<module>.json`: a list in its file's order, or a table
    {word: value}."""
    text = (DATA / f"{module}.json").read_text("utf-8")
    return {name: entry["words"] for name, entry in json.loads(text).items() if name != "about"}
