"""Read the knowledge files (the package's and a user's) into sections of entries, merged by key.

The package's JSON files are read in a fixed order and merged by key; a user's own file in the same
shape is merged last, so its entries add to ours (lists extend) or override them (values replace).
`building` turns the merged sections into the `Knowledge`.
"""
from __future__ import annotations

import json
from pathlib import Path

from dateline.errors import E020, E021, KnowledgeError
from dateline.knowledge.names import normalize, slugify
from dateline.model import SECTORS

DATA_DIR = Path(__file__).parent / "data"
# Later files merge over earlier ones: country_details.json refines the generated countries.json.
DATA_FILES = (
    "countries.json",
    "country_details.json",
    "organisations.json",
    "groups.json",
    "people.json",
    "leaders.json",
    "places.json",
    "world_places.json",
    "titles.json",
    "agents.json",
    "non_actors.json",
)
# section -> (the field that keys an entry, the actor kind it builds, its id prefix)
SECTIONS = {
    "countries": ("code", "country", ""),
    "organisations": ("id", "organisation", "org:"),
    "groups": ("id", "group", "group:"),
    "people": ("id", "person", "person:"),
    "places": ("name", None, "place:"),
    "titles": ("title", None, ""),
    "agents": ("noun", None, ""),
}
# Plain word lists; "ambiguous_surnames" are too common to stand for one known person on their own.
# "non_actors" are names the NER takes for actors that never are ("Twitter", "Pashto").
# "process_nouns" end the names of meetings and processes named after a place ("Moscow Format").
# "organisation_words" end the names of companies the NER takes for people ("... Holdings").
WORD_LISTS = ("honorifics", "current_modifiers", "past_modifiers", "ambiguous_surnames", "non_actors",
              "process_nouns", "organisation_words")


def package_sections() -> dict[str, dict]:
    sections: dict[str, dict] = {name: {} for name in (*SECTIONS, *WORD_LISTS)}
    for name in DATA_FILES:
        merge_file(sections, DATA_DIR / name)
    return sections


def merge_file(sections: dict[str, dict], path: Path) -> None:
    if not path.is_file():
        raise KnowledgeError(E021.format(path=path))
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KnowledgeError(E020.format(path=path, detail=error)) from error
    if not isinstance(payload, dict):
        raise KnowledgeError(E020.format(path=path, detail="expected a JSON object of sections"))
    for section, (key_field, _kind, prefix) in SECTIONS.items():
        for entry in _entries(payload, section, path):
            key = _entry_key(entry, section, key_field, prefix, path)
            sections[section][key] = merged_entry(sections[section].get(key, {}), entry)
    for section in WORD_LISTS:
        words = payload.get(section, [])
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise KnowledgeError(E020.format(path=path, detail=f"{section!r} must be a list of strings"))
        sections[section].update(dict.fromkeys(words))


def _entries(payload: dict, section: str, path: Path) -> list[dict]:
    entries = payload.get(section, [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise KnowledgeError(E020.format(path=path, detail=f"{section!r} must be a list of objects"))
    return entries


def _entry_key(entry: dict, section: str, key_field: str, prefix: str, path: Path) -> str:
    if section in ("organisations", "groups", "people") and not entry.get("id"):
        if not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise KnowledgeError(E020.format(path=path, detail=f"an entry in {section!r} has no name"))
        entry = {**entry, "id": prefix + slugify(entry["name"])}
    key = entry.get(key_field)
    if not isinstance(key, str) or not key.strip():
        raise KnowledgeError(E020.format(path=path, detail=f"an entry in {section!r} has no {key_field!r}"))
    sector = entry.get("sector")
    if sector is not None and sector not in SECTORS:
        raise KnowledgeError(E020.format(path=path, detail=f"{key}: unknown sector {sector!r}"))
    return normalize(key) if section in ("places", "titles", "agents") else key


def merged_entry(old: dict, new: dict) -> dict:
    """Lists extend, objects merge, other values replace."""
    merged = dict(old)
    for name, value in new.items():
        if isinstance(value, list) and isinstance(old.get(name), list):
            merged[name] = old[name] + [item for item in value if item not in old[name]]
        elif isinstance(value, dict) and isinstance(old.get(name), dict):
            merged[name] = merged_entry(old[name], value)
        else:
            merged[name] = value
    return merged
