"""Build the `Knowledge` from the merged sections of the knowledge files: actors with their roles,
the surface forms that name them, places, titles and the indexes the lookups read.

`load_knowledge()` reads the package's files (`sections`), merges a user's file over them, builds
the Knowledge once a process for each file and attaches the user file's corrections.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.errors import E020, E021, KnowledgeError
from dateline.knowledge.corrections import read_corrections
from dateline.knowledge.knowledge import Knowledge, Surface
from dateline.knowledge.names import NAME_ARTICLES, normalize, slugify, surname_key
from dateline.knowledge.sections import SECTIONS, merge_file, package_sections
from dateline.model import Actor, Location, Role

# A name that collides keeps the reading found first in this order (a name beats a demonym).
HOW_PRIORITY = ("name", "alias", "handle", "demonym", "capital")


def load_knowledge(extra: str | Path | None = None) -> Knowledge:
    """Our knowledge, plus a user's own file merged over it. It is built once a process for each
    file (and built again when the file changes)."""
    if extra is None:
        return _default_knowledge()
    path = Path(extra)
    if not path.is_file():
        raise KnowledgeError(E021.format(path=path))
    return _knowledge_with(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _knowledge_with(path: str, _modified: int) -> Knowledge:
    sections = package_sections()
    merge_file(sections, Path(path))
    kb = _build(sections)
    kb.corrections = read_corrections(path)
    return kb


@lru_cache(maxsize=1)
def _default_knowledge() -> Knowledge:
    return _build(package_sections())


def parse_role_date(value: str | None, *, last: bool, owner: str) -> date | None:
    """ "2021-09-07" exactly; "2020" or "2020-04" as its first day (since) or last day (until)."""
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    if not match:
        raise KnowledgeError(E020.format(path=owner, detail=f"not a date {value!r}"))
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day:
            return date(year, month, day)
        if not last:
            return date(year, month or 1, 1)
        month = month or 12
        return date(year, month, calendar.monthrange(year, month)[1])
    except ValueError as error:
        raise KnowledgeError(E020.format(path=owner, detail=f"not a date {value!r}")) from error


def _build(sections: dict[str, dict]) -> Knowledge:
    kb = Knowledge(
        honorifics=tuple(sections["honorifics"]),
        current_modifiers=tuple(sections["current_modifiers"]),
        past_modifiers=tuple(sections["past_modifiers"]),
        ambiguous_surnames=frozenset(normalize(name) for name in sections["ambiguous_surnames"]),
        non_actors=frozenset(normalize(name) for name in sections["non_actors"]),
        process_nouns=frozenset(word.lower() for word in sections["process_nouns"]),
        organisation_words=frozenset(word.lower() for word in sections["organisation_words"]),
    )
    kb._honorific_keys = {normalize(word) for word in kb.honorifics}
    _add_titles(kb, sections["titles"].values())
    kb.agent_sectors = {key: entry["sector"] for key, entry in sections["agents"].items() if entry.get("sector")}
    _add_countries(kb, sections["countries"].values())
    for section in ("organisations", "groups", "people"):
        _add_actors(kb, section, sections[section].values())
    _add_places(kb, sections["places"].values())
    # Index every surface form, best reading first, so "Saudi" the alias beats "Saudi" the demonym.
    for how in HOW_PRIORITY:
        for surface in kb.surfaces:
            if surface.how == how:
                kb._names.setdefault(normalize(surface.text), (surface.target, how))
                if how == "handle":
                    kb._names.setdefault(normalize(surface.text.lstrip("@")), (surface.target, how))
    # Titles are canonical only once names resolve ("ambassador to Afghanistan" -> "... to AFG").
    for actor in kb.actors.values():
        for role in actor.roles:
            kb._holders.setdefault(kb.canonical_title(role.title, role.country), []).append((role, actor.id))
    return kb


def _add_titles(kb: Knowledge, entries) -> None:
    for entry in entries:
        title = normalize(entry["title"])
        kb.title_sectors[title] = entry.get("sector")
        if entry.get("shared"):
            kb.shared_titles.add(title)
        if entry.get("head"):
            kb.head_titles.add(title)
        for synonym in (entry["title"], *entry.get("synonyms", ())):
            kb.title_synonyms[normalize(synonym)] = title
        for owner, synonyms in entry.get("by_owner", {}).items():
            for synonym in synonyms:
                kb.owner_titles[(owner, normalize(synonym))] = title


def _add_countries(kb: Knowledge, entries) -> None:
    for entry in entries:
        code, name = entry["code"], entry.get("name", entry["code"])
        aliases = tuple(alias for alias in entry.get("aliases", ()) if alias != name)
        kb.actors[code] = Actor(code, name, "country", code, "GOV", aliases)
        kb.surfaces.append(Surface(name, code, "name"))
        kb.surfaces.extend(Surface(alias, code, "alias") for alias in aliases)
        kb.surfaces.extend(Surface(demonym, code, "demonym") for demonym in entry.get("demonyms", ()))
        seats = [entry["capital"]] if entry.get("capital") else []
        kb.surfaces.extend(Surface(seat, code, "capital") for seat in seats + entry.get("metonyms", []))
        for place in (name, *aliases, *seats, *entry.get("metonyms", ())):
            kb._places.setdefault(normalize(place), Location(place if place in seats else name, code))


def _add_actors(kb: Knowledge, section: str, entries) -> None:
    kind = SECTIONS[section][1]
    for entry in entries:
        actor_id = entry.get("id") or SECTIONS[section][2] + slugify(entry["name"])
        roles = tuple(_role(role, actor_id) for role in entry.get("roles", ()))
        aliases = tuple(alias for alias in entry.get("aliases", ()) if alias != entry["name"])
        kb.actors[actor_id] = Actor(
            actor_id, entry["name"], kind, entry.get("country"), entry.get("sector"), aliases, roles
        )
        kb.surfaces.append(Surface(entry["name"], actor_id, "name"))
        kb.surfaces.extend(Surface(alias, actor_id, "alias") for alias in aliases)
        kb.surfaces.extend(Surface(handle, actor_id, "handle") for handle in entry.get("handles", ()))
        if entry.get("speaks_for"):
            kb._speaks_for[actor_id] = entry["speaks_for"]
        if entry.get("governs"):
            since = parse_role_date(entry.get("governs_since"), last=False, owner=actor_id)
            kb._governs[actor_id] = (entry["governs"], since)
        if kind == "person":
            _add_surnames(kb, actor_id, entry["name"], aliases)


def _add_surnames(kb: Knowledge, actor_id: str, name: str, aliases: tuple[str, ...]) -> None:
    for written_name in (name, *aliases):
        written = [word for word in written_name.replace("-", " ").split()
                   if normalize(word) not in NAME_ARTICLES and not word.startswith("@")]
        if len(written) > 1:  # a one-word alias is a name, not a surname
            kb.given_names.add(written[0].lower())
            surname = written[-1].strip(".,")
            kb._surnames.setdefault(surname_key(surname), set()).add(actor_id)
            by_name, by_alias = kb._written_surnames.setdefault(surname, (set(), set()))
            (by_name if written_name == name else by_alias).add(actor_id)


def _role(entry: dict, owner: str) -> Role:
    if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
        raise KnowledgeError(E020.format(path=owner, detail="a role needs a title"))
    return Role(
        entry["title"],
        entry.get("country"),
        parse_role_date(entry.get("since"), last=False, owner=owner),
        parse_role_date(entry.get("until"), last=True, owner=owner),
    )


def _add_places(kb: Knowledge, entries) -> None:
    for entry in entries:
        location = Location(entry["name"], entry.get("country"))
        target = "place:" + slugify(entry["name"])
        for name in (entry["name"], *entry.get("aliases", ())):
            kb._places[normalize(name)] = location
            kb.surfaces.append(Surface(name, target, "place"))
