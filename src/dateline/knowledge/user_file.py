"""The user's own knowledge file: which one is meant, and writing it as the package's files are written.

`dateline actors import` and `dateline actors merge | split | set` write it; `load_knowledge` merges
it over the package's files.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from dateline.errors import E023, KnowledgeError

DEFAULT_KNOWLEDGE_FILE = "dateline-knowledge.json"


def user_knowledge(explicit: str | Path | None = None) -> str | None:
    """The user's knowledge file: the one named, else `$DATELINE_KNOWLEDGE` when set."""
    chosen = explicit or os.environ.get("DATELINE_KNOWLEDGE")
    return str(chosen) if chosen else None


def default_knowledge_path() -> Path:
    """`$DATELINE_KNOWLEDGE`, or `dateline-knowledge.json` in the working directory."""
    return Path(os.environ.get("DATELINE_KNOWLEDGE") or DEFAULT_KNOWLEDGE_FILE)


def write_knowledge(path: Path, payload: dict) -> None:
    """Write the knowledge file; its text is built whole first, so a bad entry never half-writes it."""
    text = knowledge_json(payload)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(E023.format(path=path, detail=error.strerror or error)) from error


def knowledge_json(payload: dict) -> str:
    """JSON with one entry a line, like the package's data files: readable, and diffs stay small."""
    parts = []
    for key, value in payload.items():
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            body = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            parts.append(f"{json.dumps(key)}: [\n  {body}\n ]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{" + ",\n ".join(parts) + "}\n"
