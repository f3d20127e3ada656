"""The knowledge, read: the actors, places and titles Dateline knows, with the lookups over them.

`Knowledge` answers what a name stands for (`resolve`, `lookup`, `place`), which known person a
surname or a misspelled name means, and who held an office on a day. `building` fills it, and its
indexes (the fields that start with "_"), from the data files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateline.knowledge.names import name_parts, normalize, same_name_word, surname_key
from dateline.model import Actor, Location, Role


@dataclass(slots=True, frozen=True)
class Surface:
    """One way a text writes an actor or a place, as found in the knowledge files."""

    text: str
    target: str  # an actor id, or "place:<slug>" for a place that is not an actor
    how: str  # name, alias, handle, demonym, capital, place


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
            if len(known) == len(words) and all(same_name_word(a, b) for a, b in zip(known, words)):
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
