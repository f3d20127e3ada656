"""Short names ("Assad", "President Assad", "King Abdullah of Jordan", "Gadhafi", "Haneef Atmar"):
which person they mean in one article, when the evidence points to one.

The evidence, strongest first:
1. a person this article names in full whose name ends so ("Bashar al-Assad ... Assad"); when it
   names several, the one who bore the title written before the name that day ("President
   Assad"), else the one in office that day, if no other of them ever led a state ("Asma
   al-Assad ... Assad said" is the president; in an article on Bashar and his late father Hafez
   a bare "Assad" may be either); a head of state in office counts as named;
2. the title before the name and the article's date: who bore that title then ("President Assad"
   in 2011; "King Abdullah of Jordan");
3. for a bare surname, of its known bearers of the countries the article names (all, if it
   names none of theirs: "Mottaki" beside Iran is not the Taliban's Muttaqi), the one in office
   that day ("Assad" in 2011), else the one who led last ("Gaddafi" in September 2011);
4. another spelling of a known full name ("Sergey Lavrov"), when the article names that person's
   country or the title before it is one they held ("President Francois Mitterand").
Whatever is left is no one known: the caller keeps it as a person of this article alone, for
fusion to join or leave unresolved. A guess would swap one person for another.
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.analyze.word_lists import read_word_lists
from dateline.knowledge import Knowledge
from dateline.knowledge.names import name_parts, surname_key
from dateline.knowledge.offices import current_holder, last_head, led_a_state, serving
from dateline.model import Actor

# Monarchs go by their given names ("King Abdullah", "Emir Tamim"): the name may be any of theirs.
GIVEN_NAME_TITLES: frozenset[str] = frozenset(
    read_word_lists("bare_names", __package__)["given_name_titles"])


@dataclass(slots=True)
class NameContext:
    """What one article says that tells its short names apart."""

    kb: Knowledge
    published: date | None
    people: Sequence[Actor]  # persons named in full, in order
    countries: Collection[str]  # countries it mentions


def bearer(context: NameContext, text: str, title: str | None = None, owner: str | None = None) -> Actor | None:
    """The one person a short name means here; None when none or several fit. `title` is the
    title written before the name ("president"), `owner` the country or body it belongs to."""
    words = name_parts(context.kb.strip_honorifics(text))
    if not words:
        return None
    named = named_in_full(context.people, words)
    if named and len(words) == 1:
        # "Asma al-Assad ... Assad said": a bare surname is still the head of state who bears it
        named += [person for person in _heads_now(context, words[0]) if person not in named]
    if len(named) == 1:
        return named[0]
    if named:
        return _one_of_named(context, named, words, title, owner)
    known = context.kb.resolve(text)
    if known is not None and known[0].kind == "person":
        return known[0]
    if title is not None:
        found = _title_bearer(context, words, title, owner)
        if found is not None:
            return found
    if len(words) == 1:
        return _surname_bearer(context, words[0])
    return _spelled_alike(context, text, title)


def _one_of_named(context: NameContext, named: list[Actor], words: list[str], title: str | None,
                  owner: str | None) -> Actor | None:
    """Of several people of one surname in an article, the one a short name means: who bore the
    title written before it that day ("President Assad"), else the one in office, unless another
    of them led a state too (an article on Bashar and his father Hafez: a bare "Assad" may be
    either, and stays unresolved)."""
    if title is not None:
        found = _title_bearer(context, words, title, owner)
        if found is not None:
            return found if found in named else None
    heads = context.kb.head_titles
    holder = current_holder(named, context.published, heads)
    if holder is None or any(led_a_state(person, heads) for person in named if person is not holder):
        return None
    return holder


def _heads_now(context: NameContext, surname: str) -> list[Actor]:
    """The heads of state in office that day whose surname is written just so ("Assad", not
    the rebel colonel's "Asaad")."""
    if context.published is None:
        return []
    return [person for person in context.kb.surname_people(surname)
            if serving(person, context.published, context.kb.head_titles, of_state=True)
            and any(name_parts(name)[-1:] == [surname] for name in (person.name, *person.aliases))]


def named_in_full(people: Sequence[Actor], words: list[str]) -> list[Actor]:
    """The people named in full whose names end in these words ("Assad": Bashar al-Assad)."""
    return [person for person in people if _ends_with(person, words)]


def _ends_with(person: Actor, words: list[str]) -> bool:
    """Whether a fuller name of the person ends in these words, the surname however spelled."""
    for name in (person.name, *person.aliases):
        parts = name_parts(name)
        if len(words) < len(parts) and parts[-len(words):-1] == words[:-1] \
                and surname_key(parts[-1]) == surname_key(words[-1]):
            return True
    return False


def _title_bearer(context: NameContext, words: list[str], title: str, owner: str | None) -> Actor | None:
    if context.published is None:
        return None
    kb = context.kb
    canonical = kb.canonical_title(title, owner)
    keys = {surname_key(word) for word in words}
    found = []
    for person in kb.title_holders(canonical, context.published):
        if owner is not None and not _holds_for(person, canonical, owner, kb, context.published):
            continue
        names = [name_parts(name) for name in (person.name, *person.aliases)]
        if canonical in GIVEN_NAME_TITLES:
            fits = any(keys <= {surname_key(part) for part in parts} for parts in names)
        else:
            fits = any(parts and surname_key(parts[-1]) == surname_key(words[-1])
                       and all(_given_fits(word, parts[:-1]) for word in words[:-1]) for parts in names)
        if fits:
            found.append(person)
    return found[0] if len(found) == 1 else None


def _given_fits(word: str, given: list[str]) -> bool:
    """A given name written one way fits another's: whole, or as an initial ("Jai" and "J")."""
    return any(word == part or word[:1] == part[:1] and min(len(word), len(part)) == 1 for part in given)


def _holds_for(person: Actor, title: str, owner: str, kb: Knowledge, day: date) -> bool:
    owners = set(kb.office_owners(owner, day)) if owner in kb.actors else {owner}
    return any(kb.canonical_title(role.title, role.country) == title and role.country in owners
               and (role.since or date.min) <= day <= (role.until or date.max) for role in person.roles)


def _surname_bearer(context: NameContext, surname: str) -> Actor | None:
    kb = context.kb
    if not kb.may_stand_alone(surname):
        return None  # "Khan" is too common; "Jordan" names a country
    people = kb.surname_people(surname)
    placed = [person for person in people if person.country in context.countries]
    pool = placed or people
    if len(pool) == 1:
        in_office = context.published is not None and serving(pool[0], context.published)
        return pool[0] if in_office or placed else None
    holder = current_holder(pool, context.published, kb.head_titles)
    if holder is None and placed:
        holder = last_head(placed, context.published, kb.head_titles)
    return holder


def _spelled_alike(context: NameContext, text: str, title: str | None) -> Actor | None:
    """Another spelling of a known full name, when the article names the person's country or
    the title before the name is one they held ("President Francois Mitterand")."""
    person = context.kb.spelled_alike(text)
    if person is None:
        return None
    office = context.kb.canonical_title(title) if title is not None else None
    held = office is not None and ever_held(context.kb, person, office)
    return person if held or person.country in context.countries else None


def ever_held(kb: Knowledge, person: Actor, office: str) -> bool:
    """Whether the person held an office of this (canonical) title at any time."""
    return any(kb.canonical_title(role.title, role.country) == office for role in person.roles)
