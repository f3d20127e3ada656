"""Load the knowledge files (countries, organisations, groups, people, places, titles) into lookups.

The package's JSON files are read in a fixed order and merged by key; a user's own file in the same
shape is merged last, so its entries add to ours (lists extend) or override them (values replace).
"""
from __future__ import annotations

import calendar
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from dateline.errors import E020, E021, KnowledgeError
from dateline.model import SECTORS, Actor, Location, Role

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
# A name that collides keeps the reading found first in this order (a name beats a demonym).
HOW_PRIORITY = ("name", "alias", "handle", "demonym", "capital")


@dataclass(slots=True, frozen=True)
class Surface:
    """One way a text writes an actor or a place, as found in the knowledge files."""

    text: str
    target: str  # an actor id, or "place:<slug>" for a place that is not an actor
    how: str  # name, alias, handle, demonym, capital, place


# The name keys below are pure functions of their string, asked for the same few names again and
# again (every short name of an article is read against every full name in it): each remembers
# its answers. The bound only caps memory; it changes no answer.
NAME_MEMO = 1 << 16


@lru_cache(maxsize=NAME_MEMO)
def normalize(text: str) -> str:
    """The lookup key: case, periods, spacing, a leading "the" and a trailing "'s" do not matter."""
    key = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    key = re.sub(r"'s$", "", key.replace(".", " ").strip())
    key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@dataclass
class Knowledge:
    actors: dict[str, Actor] = field(default_factory=dict)
    surfaces: list[Surface] = field(default_factory=list)
    honorifics: tuple[str, ...] = ()
    current_modifiers: tuple[str, ...] = ()
    past_modifiers: tuple[str, ...] = ()
    ambiguous_surnames: frozenset[str] = frozenset()  # normalized
    non_actors: frozenset[str] = frozenset()  # normalized
    process_nouns: frozenset[str] = frozenset()  # lower case
    organisation_words: frozenset[str] = frozenset()  # lower case
    title_synonyms: dict[str, str] = field(default_factory=dict)  # synonym -> canonical title
    owner_titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (owner, synonym) -> title
    title_sectors: dict[str, str | None] = field(default_factory=dict)
    shared_titles: set[str] = field(default_factory=set)  # held by many at once ("official")
    head_titles: set[str] = field(default_factory=set)  # who leads a state or movement ("president")
    given_names: set[str] = field(default_factory=set)  # first words of known people's names, lower case
    agent_sectors: dict[str, str] = field(default_factory=dict)  # "troops" -> MIL, normalized
    _names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (actor id, how)
    _places: dict[str, Location] = field(default_factory=dict)
    _holders: dict[str, list[tuple[Role, str]]] = field(default_factory=dict)  # title -> roles
    _surnames: dict[str, set[str]] = field(default_factory=dict)  # surname_key -> person ids
    # a surname as written -> (ids of people whose name ends in it, of those whose alias does)
    _written_surnames: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    _honorific_keys: set[str] = field(default_factory=set)
    _governs: dict[str, tuple[str, date | None]] = field(default_factory=dict)  # group -> state, since
    _speaks_for: dict[str, str] = field(default_factory=dict)  # a state's body -> the state
    _alike: dict[str, list[tuple[list[str], str]]] | None = None
    # The user file's "corrections" (model.Correction, read by knowledge.corrections): how fusion
    # must merge, split or set actors; None when the file has no such section.
    corrections: tuple | None = None

    def resolve(self, name: str) -> tuple[Actor, str] | None:
        """The actor a name stands for and how it names it (name, alias, handle, demonym, capital)."""
        key = normalize(name)
        found = self._names.get(key) or self._names.get(normalize(self.strip_honorifics(name)))
        if found is None and key.startswith("@"):
            found = self._names.get(key[1:])
        return (self.actors[found[0]], found[1]) if found else None

    def lookup(self, name: str) -> Actor | None:
        found = self.resolve(name)
        return found[0] if found else None

    def mentioned_as(self, actor: Actor) -> Actor:
        """The actor a mention of this one stands for: a foreign ministry's name is its state's
        voice ("the MEA said" is India speaking), anything else stands for itself."""
        state = self._speaks_for.get(actor.id)
        return self.actors.get(state, actor) if state else actor

    def place(self, name: str) -> Location | None:
        return self._places.get(normalize(name))

    def surname_holder(self, surname: str) -> Actor | None:
        """The one known person with this surname, unless it is too common to tell ("Khan")."""
        people = self.surname_people(surname)
        return people[0] if len(people) == 1 and self.may_stand_alone(surname) else None

    def surname_people(self, surname: str) -> list[Actor]:
        """Every known person whose name or alias ends in this surname, however it is
        transliterated ("Gadhafi", "Gaddafi"; "Assad" of "Bashar al-Assad")."""
        return [self.actors[i] for i in sorted(self._surnames.get(surname_key(surname), ()))]

    def spelled_alike(self, name: str) -> Actor | None:
        """The one known person whose name differs from this one by a letter or two in each word
        ("Francois Mitterand", "Sergey Lavrov", "Mohammad Hanif Atmar"); None when none or several."""
        words = name_parts(name)
        if len(words) < 2 or len(words[-1]) < 4:
            return None
        found = set()
        for known, holder in self._people_by_initial().get(words[-1][:1], ()):
            if len(known) == len(words) and all(_near(a, b) for a, b in zip(known, words)):
                found.add(holder)
        return self.actors[found.pop()] if len(found) == 1 else None

    def _people_by_initial(self) -> dict[str, list[tuple[list[str], str]]]:
        """Known people's name words, grouped by the surname's first letter (built on first use)."""
        if self._alike is None:
            self._alike = {}
            for actor in self.actors.values():
                words = name_parts(actor.name) if actor.kind == "person" else []
                if words:
                    self._alike.setdefault(words[-1][:1], []).append((words, actor.id))
        return self._alike

    def unique_surnames(self) -> list[tuple[str, str]]:
        """(surname as written, person id) for every surname that names one known person."""
        found = []
        for written, (by_name, by_alias) in self._written_surnames.items():
            # "Yusuf" is Moeed Yusuf's surname, though an alias of another ends in it too
            people = by_name or by_alias
            if len(people) == 1 and self.may_stand_alone(written):
                found.append((written, next(iter(people))))
        return found

    def may_stand_alone(self, surname: str) -> bool:
        """Whether a surname may name someone on its own: not "Khan", nor "Jordan" (a country)."""
        key = normalize(surname)
        return key not in self.ambiguous_surnames and key not in self._names

    def strip_honorifics(self, name: str) -> str:
        """ "Dr. S. Jaishankar" -> "S. Jaishankar"; honorifics may repeat ("Mawlawi Sheikh ...")."""
        words = name.split()
        while len(words) > 1:
            for size in (3, 2, 1):
                if len(words) > size and normalize(" ".join(words[:size])) in self._honorific_keys:
                    words = words[size:]
                    break
            else:
                break
        return " ".join(words)

    def canonical_title(self, title: str, owner: str | None = None) -> str:
        """ "acting FM" -> "foreign minister"; "external affairs minister" of IND -> "foreign minister"."""
        key = normalize(title)
        for modifier in sorted(self.current_modifiers, key=len, reverse=True):
            if key.startswith(normalize(modifier) + " "):
                key = key[len(normalize(modifier)) + 1 :]
                break
        posting = re.fullmatch(r"(ambassador|envoy|high commissioner) (?:to|in) (.+)", key)
        if posting:
            host = self.lookup(posting.group(2))
            return f"ambassador to {host.id if host else posting.group(2)}"
        return self.owner_titles.get((owner or "", key)) or self.title_synonyms.get(key, key)

    def title_owner(self, title: str) -> str | None:
        """The one owner whose office alone goes by this title ("external affairs minister" -> IND)."""
        key = normalize(title)
        owners = {owner for owner, synonym in self.owner_titles if synonym == key}
        return owners.pop() if len(owners) == 1 and key not in self.title_synonyms else None

    def office_owners(self, actor_id: str, on: date | None) -> list[str]:
        """Whose offices a qualifier names: "the MEA spokesperson" is MEA's, then India's; the
        Taliban's ministers are Afghanistan's only once the Taliban governed it."""
        actor = self.actors[actor_id]
        owners = [actor.id]
        if actor.kind == "organisation" and actor.country:
            owners.append(actor.country)
        state, since = self._governs.get(actor.id, (None, None))
        if state and (on is None or since is None or on >= since):
            owners.append(state)
        return owners

    def office_seat(self, owner: str, on: date | None) -> str:
        """Whose office a title of this owner is on a date: the state's, for the offices of a
        group once it governs ("the Taliban's foreign minister" in 2022 is Afghanistan's)."""
        state, since = self._governs.get(owner, (None, None))
        if state and on is not None and (since is None or on >= since):
            return state
        return owner

    def title_holders(self, title: str, on: date) -> list[Actor]:
        """Everyone the knowledge has in an office of this title that day, anywhere."""
        found = {actor_id for role, actor_id in self._holders.get(self.canonical_title(title), ())
                 if (role.since or date.min) <= on <= (role.until or date.max)}
        return [self.actors[actor_id] for actor_id in sorted(found)]

    def role_holder(self, title: str, country: str | None, on: date | None) -> Actor | None:
        """Who held the office on a date (today's holder when no date); None when unknown or unclear."""
        holders: dict[str, Role] = {}
        for role, actor_id in self._holders.get(self.canonical_title(title, country), ()):
            if country is not None and role.country != country:
                continue
            if on is not None and not ((role.since or date.min) <= on <= (role.until or date.max)):
                continue
            if on is None and role.until is not None:
                continue
            holders[actor_id] = role
        # Two holders at once (a group's several spokesmen) cannot be told apart: no answer.
        return self.actors[holders.popitem()[0]] if len(holders) == 1 else None


# Spellings that transliterations of one name vary between: Haneef/Hanif, Sergey/Sergei, Qaddafi/Kadafi.
TRANSLITERATION_FOLDS = (("ee", "i"), ("oo", "u"), ("ou", "u"), ("ph", "f"), ("kh", "k"), ("q", "k"),
                         ("y", "i"), ("dh", "d"), ("th", "t"), ("sch", "sh"), ("w", "v"))


@lru_cache(maxsize=65536)  # names are compared with every known person's: their words repeat
def _skeleton(word: str) -> str:
    for written, folded in TRANSLITERATION_FOLDS:
        word = word.replace(written, folded)
    return re.sub(r"(.)\1+", r"\1", word)  # doubled letters: Mitterrand/Mitterand


# Arabic articles written apart or joined: "Omar El Bashir", "Omar al-Bashir".
NAME_ARTICLES = ("al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ul")


@lru_cache(maxsize=NAME_MEMO)
def surname_key(word: str) -> str:
    """The key two spellings of one surname share: "Gadhafi" and "Gaddafi", "al-Assad" and "Assad"."""
    words = name_parts(word)
    return _skeleton(words[-1]) if words else ""


def name_parts(name: str) -> list[str]:
    return list(_name_parts(name))  # a list of its own: callers may change theirs


@lru_cache(maxsize=NAME_MEMO)
def _name_parts(name: str) -> tuple[str, ...]:
    words = normalize(name).replace("-", " ").split()
    return tuple(word for word in words if word not in NAME_ARTICLES)


def same_name_word(known: str, written: str) -> bool:
    """Whether two words of names are one: equal, transliteration variants ("Haneef", "Hanif";
    "Sergei", "Sergey"), or one letter apart in a word of five letters or more."""
    return _near(known, written)


def name_word_keys(word: str) -> set[str]:
    """Keys that two words share whenever `same_name_word` holds for them: the word, its
    transliteration skeleton, and for a word of five letters or more (the only ones a letter
    apart can be one), the word with each letter left out in turn (one letter added, dropped or
    changed leaves a common word). An index over these finds the words a name word may match
    without comparing it with every other."""
    keys = {word, _skeleton(word)}
    if len(word) >= 5:
        keys |= {word[:i] + word[i + 1:] for i in range(len(word))}
    return keys


def _near(known: str, written: str) -> bool:
    """The same word, its transliteration variant, or one letter added, dropped or changed in a word
    of five letters or more."""
    if known == written or len(known) >= 4 and _skeleton(known) == _skeleton(written):
        return True
    if min(len(known), len(written)) < 5 or abs(len(known) - len(written)) > 1:
        return False
    return _one_edit_apart(known, written)


def _one_edit_apart(first: str, second: str) -> bool:
    """Whether one letter changed, added or dropped turns one word into the other (an edit
    distance of at most 1), read in one pass: a full edit-distance table cost a third of the
    actor step, for every known person of the same initial."""
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) == len(longer):
        return sum(a != b for a, b in zip(shorter, longer)) <= 1
    if len(longer) - len(shorter) > 1:
        return False
    # The longer word's extra letter sits at the first place they differ (or at its end).
    cut = next((i for i, (a, b) in enumerate(zip(shorter, longer)) if a != b), len(shorter))
    return shorter[cut:] == longer[cut + 1:]


def load_knowledge(extra: str | Path | None = None) -> Knowledge:
    """Our knowledge, plus a user's own file merged over it. It is built once a process for each
    file (and built again when the file changes)."""
    if extra is None:
        return _default_knowledge()
    path = Path(extra)
    if not path.is_file():
        raise KnowledgeError(E021.format(path=path))
    return _knowledge_with(str(path.resolve()), path.stat().st_mtime_ns)


def user_knowledge(explicit: str | Path | None = None) -> str | None:
    """The user's knowledge file: the one named, else `$DATELINE_KNOWLEDGE` when set."""
    chosen = explicit or os.environ.get("DATELINE_KNOWLEDGE")
    return str(chosen) if chosen else None


@lru_cache(maxsize=4)
def _knowledge_with(path: str, _modified: int) -> Knowledge:
    from dateline.knowledge.corrections import read_corrections

    sections = _package_sections()
    _merge_file(sections, Path(path))
    kb = _build(sections)
    kb.corrections = read_corrections(path)
    return kb


@lru_cache(maxsize=1)
def _default_knowledge() -> Knowledge:
    return _build(_package_sections())


def _package_sections() -> dict[str, dict]:
    sections: dict[str, dict] = {name: {} for name in (*SECTIONS, *WORD_LISTS)}
    for name in DATA_FILES:
        _merge_file(sections, DATA_DIR / name)
    return sections


def _merge_file(sections: dict[str, dict], path: Path) -> None:
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
            sections[section][key] = _merged(sections[section].get(key, {}), entry)
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


def _merged(old: dict, new: dict) -> dict:
    """Lists extend, objects merge, other values replace."""
    merged = dict(old)
    for name, value in new.items():
        if isinstance(value, list) and isinstance(old.get(name), list):
            merged[name] = old[name] + [item for item in value if item not in old[name]]
        elif isinstance(value, dict) and isinstance(old.get(name), dict):
            merged[name] = _merged(old[name], value)
        else:
            merged[name] = value
    return merged


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
