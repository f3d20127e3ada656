"""The "corrections" section of a user's knowledge file: reading it, checking it, adding to it.

A user corrects the actors fusion found (`dateline actors merge | split | set`), and the
corrections live in their knowledge file beside their actors, so that every later fusion, and a
fresh ingest of the same files, applies them. One JSON object an entry:

    {"merge": ["person:a", "person:b"]}                 B's actor is A's, under A's record
    {"split": "person:a", "article": "<id>", "into": null}   in that article, not A (or B's id)
    {"set": "person:a", "country": "SYR", "sector": "GOV", "name": "..."}   A's record says so

Ids are actor ids as `dateline actors --format json` shows them; an entry may carry a "note".
`fuse.corrections` applies them; a malformed entry is E020, naming the entry.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from dateline.errors import E020, E021, KnowledgeError
from dateline.knowledge.user_file import default_knowledge_path, write_knowledge
from dateline.model import SECTORS, Correction

SECTION = "corrections"
KINDS = ("merge", "split", "set")
SET_FIELDS = ("name", "country", "sector")
# The keys each kind of entry may hold besides its own.
OTHER_KEYS = {"merge": {"note"}, "split": {"article", "into", "note"}, "set": {*SET_FIELDS, "note"}}
COUNTRY_CODE = re.compile(r"[A-Z]{3}")


def field_problem(field: str, value: object) -> str | None:
    """What is wrong with a value `set` gives a record's field, or None when it is fine."""
    if field == "country" and not (isinstance(value, str) and COUNTRY_CODE.fullmatch(value)):
        return "a country is a code of 3 capital letters (ISO 3166 alpha-3), such as SYR"
    if field == "sector" and value not in SECTORS:
        return f"a sector is one of {', '.join(SECTORS)}"
    if field == "name" and not (isinstance(value, str) and value.strip()):
        return "a name is some words"
    return None


def read_corrections(path: str | Path) -> tuple[Correction, ...] | None:
    """The corrections of a knowledge file, in its order; None when it has no such section."""
    path = Path(path)
    payload = _payload(path)
    if SECTION not in payload:
        return None
    return parse_corrections(payload[SECTION], path)


def parse_corrections(entries: object, path: str | Path) -> tuple[Correction, ...]:
    if not isinstance(entries, list):
        raise KnowledgeError(E020.format(path=path, detail=f"{SECTION!r} must be a list of objects"))
    return tuple(parse_correction(entry, f"{SECTION}[{i}]", path) for i, entry in enumerate(entries))


def parse_correction(entry: object, where: str, path: str | Path) -> Correction:
    """One entry as a Correction; E020 naming the entry (`where`) when it is malformed."""
    def bad(detail: str) -> KnowledgeError:
        return KnowledgeError(E020.format(path=path, detail=f"{where}: {detail}"))

    if not isinstance(entry, dict):
        raise bad("an entry is an object such as {\"merge\": [\"person:a\", \"person:b\"]}")
    kinds = [kind for kind in KINDS if kind in entry]
    if len(kinds) != 1:
        raise bad(f"an entry has exactly one of {', '.join(map(repr, KINDS))}")
    kind = kinds[0]
    unknown = sorted(set(entry) - {kind, *OTHER_KEYS[kind]})
    if unknown:
        raise bad(f"unknown key {unknown[0]!r} in a {kind} (it may hold "
                  f"{', '.join(map(repr, sorted(OTHER_KEYS[kind])))})")
    if kind == "merge":
        ids = entry["merge"]
        if not (isinstance(ids, list) and len(ids) == 2 and all(_is_id(i) for i in ids)):
            raise bad("a merge is a list of two actor ids")
        if ids[0] == ids[1]:
            raise bad(f"a merge needs two different actors, not {ids[0]!r} twice")
        return Correction("merge", ids[0], other=ids[1])
    if not _is_id(entry[kind]):
        raise bad(f"a {kind} names an actor id")
    if kind == "split":
        into = entry.get("into")
        if not _is_id(entry.get("article")):
            raise bad("a split names the article it applies to (\"article\": its id)")
        if into is not None and not _is_id(into):
            raise bad("\"into\" is an actor id, or null")
        if into == entry["split"]:
            raise bad(f"a split cannot go into the actor it splits ({into!r})")
        return Correction("split", entry["split"], other=into, article=entry["article"])
    values = {field: entry[field] for field in SET_FIELDS if entry.get(field) is not None}
    if not values:
        raise bad(f"a set gives at least one of {', '.join(map(repr, SET_FIELDS))}")
    for field, value in values.items():
        problem = field_problem(field, value)
        if problem:
            raise bad(f"{field} {value!r}: {problem}")
    return Correction("set", entry["set"], **values)


def _is_id(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def correction_entry(correction: Correction) -> dict:
    """A Correction as the knowledge file writes it."""
    if correction.kind == "merge":
        return {"merge": [correction.actor, correction.other]}
    if correction.kind == "split":
        return {"split": correction.actor, "article": correction.article, "into": correction.other}
    return {"set": correction.actor, **{field: getattr(correction, field) for field in SET_FIELDS
                                       if getattr(correction, field) is not None}}


def with_correction(entries: Sequence[dict], correction: Correction) -> list[dict]:
    """The entries with a new correction: the same one again changes nothing, a split of the same
    actor in the same article replaces the earlier one, a set of an actor already set adds its
    fields to that entry, and a merge replaces the same merge the other way round."""
    entries = [dict(entry) for entry in entries]
    new = correction_entry(correction)
    for position, entry in enumerate(entries):
        if {k: v for k, v in entry.items() if k != "note"} == new:
            return entries
        if correction.kind == "split" and entry.get("split") == correction.actor \
                and entry.get("article") == correction.article:
            entries[position] = {**new, **({"note": entry["note"]} if "note" in entry else {})}
            return entries
        if correction.kind == "set" and entry.get("set") == correction.actor:
            entries[position] = {**entry, **new}
            return entries
        if correction.kind == "merge" and entry.get("merge") == new["merge"][::-1]:
            entries[position] = new
            return entries
    return [*entries, new]


def knowledge_file(explicit: str | Path | None = None) -> Path:
    """The user's knowledge file, as `dateline actors import` chooses it: the one named, else
    `$DATELINE_KNOWLEDGE`, else `dateline-knowledge.json` in the working directory."""
    return Path(explicit) if explicit else default_knowledge_path()


def add_correction(correction: Correction, path: str | Path) -> tuple[Correction, ...]:
    """Write a correction into a knowledge file (made if missing), keeping everything else it
    holds; the file's corrections after it, in order."""
    path = Path(path)
    payload = _payload(path) if path.exists() else {}
    entries = payload.get(SECTION, [])
    parse_corrections(entries, path)  # a malformed file is the user's to mend, not ours to lose
    payload[SECTION] = with_correction(entries, correction)
    corrections = parse_corrections(payload[SECTION], path)
    write_knowledge(path, payload)
    return corrections


def _payload(path: Path) -> dict:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(E021.format(path=path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KnowledgeError(E020.format(path=path, detail=error)) from error
    if not isinstance(payload, dict):
        raise KnowledgeError(E020.format(path=path, detail="expected a JSON object of sections"))
    return payload
