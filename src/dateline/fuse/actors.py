"""One actor per real entity: linking every way the corpus names someone to one actor.

Analyses of different articles name one person differently ("S Jaishankar", "Dr. S. Jaishankar",
"Subrahmanyam Jaishankar", "@DrSJaishankar", "India's external affairs minister") and so may give
them different ids. Fusion links them, in order:
1. people's names: a shorter form ("Haneef Atmar", "S Jaishankar", "Atmar") joins the one fullest
   name it is a form of (the same surname, its other words the same, spelled alike, or initials);
   two spellings of one full name ("Sergei Lavrov", "Sergey Lavrov") are one person;
2. a bare surname of one article joins the one person of the corpus with that surname;
3. a handle joins the person a post's attribution gave it, else the one person named with it
   whose surname it spells;
4. a role phrase ("the Afghan foreign minister") joins whoever the corpus shows in that office on
   its date (`fuse.offices`);
5. a state's mission named without its seat ("Afghan embassy") joins the one mission of that state
   named with it ("Afghan embassy in New Delhi").
Whatever fits two candidates stays unlinked: guessing would merge two people. Countries,
organisations and groups from the knowledge base have stable ids and link only to themselves.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from dateline.fuse.offices import consolidate_roles, holder_on, office_tenures
from dateline.knowledge.names import name_word_keys, same_name_word
from dateline.model import SCOPE_MARK, Actor
from dateline.words import split_words

MISSION_WORDS = frozenset({"embassy", "consulate", "mission"})


def name_words(name: str) -> list[str]:
    """ "J.P. Singh" and "JP Singh" -> ["j", "p", "singh"]: initials written together come apart."""
    words = []
    for word in split_words(name):
        if word.isupper() and 1 < len(word) <= 3 and word.isalpha():
            words.extend(word.lower())
        else:
            words.append(word.lower())
    return words


def last_token(name: str) -> str | None:
    tokens = split_words(name)
    return tokens[-1].lower() if tokens else None


def _word_fits(short: str, full: str, alike: bool = True) -> bool:
    return short == full or (len(short) == 1 and full.startswith(short)) or alike and same_name_word(full, short)


def surnames_fit(a: str, b: str) -> bool:
    """Whether one of two surnames may be a form of the other (what `is_form_of` asks first)."""
    return _word_fits(a, b) or _word_fits(b, a)


def is_form_of(short: list[str], full: list[str], alike: bool = True) -> bool:
    """Whether a name is a form of another: the same surname, and each other word, in order, one
    of the other's words, as its initial, or (`alike`) spelled alike ("S Jaishankar", "Hanif Atmar")."""
    if not short or not full or len(short) > len(full) or not _word_fits(short[-1], full[-1], alike):
        return False
    position = 0
    for word in short[:-1]:
        while position < len(full) - 1 and not _word_fits(word, full[position], alike):
            position += 1
        if position >= len(full) - 1:
            return False
        position += 1
    return True


def is_scoped(actor_id: str) -> bool:
    return SCOPE_MARK in actor_id


def _compatible(a: Actor, b: Actor) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def _may_join(person: Actor, other: Actor, words: dict[str, list[str]]) -> bool:
    """Whether one person's name is a form of another's, and nothing says they are two: the
    words as written or as initials, in any country; spelled only alike, when the other words
    of the name agree as written ("Karim Sultany", "Karim Haneef Sultani") or both are known to
    be of one country. A bare surname spelled alike ("Muttaki", "Mottaki") is no evidence."""
    mine, theirs = words[person.id], words[other.id]
    if not _compatible(person, other) or not is_form_of(mine, theirs):
        return False
    if is_form_of(mine, theirs, alike=False) or person.country is not None and person.country == other.country:
        return True
    return len(mine) > 1 and bool(set(mine) & set(theirs))


class _Links:
    """Actor id -> canonical id, followed to the end of a chain; `fixed` ones stay as given."""

    def __init__(self, actors: Iterable[Actor], fixed: Mapping[str, str]) -> None:
        self.parent = {actor.id: actor.id for actor in actors}
        for actor_id, canonical in fixed.items():
            self.parent[actor_id] = canonical
            self.parent.setdefault(canonical, canonical)

    def root(self, actor_id: str) -> str:
        while self.parent[actor_id] != actor_id:
            actor_id = self.parent[actor_id]
        return actor_id

    def link(self, actor_id: str, canonical: str) -> None:
        if self.root(canonical) != actor_id:
            self.parent[actor_id] = canonical

    def result(self) -> dict[str, str]:
        return {actor_id: self.root(actor_id) for actor_id in self.parent}


def link_actors(actors: Iterable[Actor], together: Mapping[str, Iterable[str]] | None = None,
                published: Mapping[str, date | None] | None = None,
                stories: Mapping[str, str] | None = None,
                fixed: Mapping[str, str] | None = None) -> dict[str, str]:
    """Map every actor id to its canonical id. `together` gives, per article, the ids of the
    actors it mentions (what a handle and a bare surname are read against), `published` each
    article's date and `stories` each article's story.

    People in `fixed` (id -> canonical id) keep their links: fusion passes the stored links of
    the people whose names no new article can change, which the handles, role phrases and
    missions it links again are read against."""
    actors = sorted(actors, key=lambda a: a.id)
    fixed = fixed or {}
    links = _Links(actors, fixed)
    people = [a for a in actors if a.kind == "person" and not a.id.startswith(("handle:", "role:"))]
    _link_names([p for p in people if p.id not in fixed], links,
                _Sightings(together or {}, published or {}, stories or {}))
    named = {links.root(p.id) for p in people}
    canonical_people = [p for p in people if p.id in named and not is_scoped(p.id)]
    _link_handles([a for a in actors if a.id.startswith("handle:")], canonical_people, together or {}, links)
    _link_role_phrases([a for a in actors if a.id.startswith("role:")], people, links)
    _link_missions([a for a in actors if a.kind == "organisation"], links)
    return links.result()


# 1-2. People's names


# How near in time (days) an article of the same story naming someone in full must be to tell
# which of several people a bare surname of another article means.
NEARBY_DAYS = 30


class _Sightings:
    """Where the corpus names each actor id: the story and date of each article mentioning it."""

    def __init__(self, together: Mapping[str, Iterable[str]], published: Mapping[str, date | None],
                 stories: Mapping[str, str]) -> None:
        self.seen: dict[str, list[tuple[str, str, date]]] = {}  # id -> (article, story, day)
        for article_id, ids in together.items():
            day, story = published.get(article_id), stories.get(article_id)
            if day is not None and story is not None:
                for actor_id in ids:
                    self.seen.setdefault(actor_id, []).append((article_id, story, day))

    def near(self, actor_ids: Iterable[str], story: str, day: date) -> bool:
        return any(seen_story == story and abs((seen - day).days) <= NEARBY_DAYS
                   for i in actor_ids for _, seen_story, seen in self.seen.get(i, ()))

    def within(self, actor_ids: Iterable[str], articles: set[str]) -> bool:
        return any(article in articles for i in actor_ids for article, _, _ in self.seen.get(i, ()))


def _link_names(people: list[Actor], links: _Links, sightings: _Sightings) -> None:
    words = {p.id: name_words(p.name) for p in people}
    by_surname: dict[str, list[Actor]] = {}
    for person in people:
        if words[person.id]:
            by_surname.setdefault(words[person.id][-1][:1], []).append(person)
    for group in by_surname.values():
        _link_surname_group(group, words, links, sightings)


class _SurnameIndex:
    """The people of a group whose surname a person's surname may be a form of (`is_form_of`
    compares surnames first): looked up by shared `name_word_keys` instead of trying everyone,
    which on a corpus of thousands of articles made linking quadratic in its people.

    A surname that is an initial ("Alan G.") fits every surname it starts, so its candidates are
    found by the other words of its name instead, which a fuller form must also hold. A name of
    initials alone ("B.", "CDT") says too little to be anyone's: it has no candidates."""

    def __init__(self, group: list[Actor], words: dict[str, list[str]]) -> None:
        self.group = group
        self.words = words
        self.by_key: dict[str, list[int]] = {}
        self.by_given: dict[str, list[int]] = {}
        for position, person in enumerate(group):
            for key in name_word_keys(words[person.id][-1]):
                self.by_key.setdefault(key, []).append(position)
            for key in given_keys(words[person.id]):
                self.by_given.setdefault(key, []).append(position)

    def candidates(self, person: Actor) -> list[Actor]:
        """In group order, so links form as they would comparing everyone."""
        words = self.words[person.id]
        surname = words[-1]
        if len(surname) > 1:
            positions = {p for key in name_word_keys(surname) for p in self.by_key.get(key, ())}
        else:
            positions = {p for key in given_keys(words) for p in self.by_given.get(key, ())
                         if self.words[self.group[p].id][-1].startswith(surname)}
        return [self.group[p] for p in sorted(positions)]


def given_keys(words: list[str]) -> set[str]:
    """The `name_word_keys` of a name's words before its surname, but initials."""
    return {key for word in words[:-1] if len(word) > 1 for key in name_word_keys(word)}


def _link_surname_group(group: list[Actor], words: dict[str, list[str]], links: _Links,
                        sightings: _Sightings) -> None:
    index = _SurnameIndex(group, words)
    # Spellings of one full name are one person, under the best documented of them.
    for person in group:
        if is_scoped(person.id):
            continue
        twins = [o for o in index.candidates(person) if not is_scoped(o.id) and o.id != person.id
                 and len(words[o.id]) == len(words[person.id]) and _may_join(person, o, words)]
        if twins and len(words[person.id]) > 1:
            best = min([person, *twins], key=_documentation_rank)
            if best.id != person.id:
                links.link(person.id, best.id)
    roots = {p.id for p in group if not is_scoped(p.id) and links.root(p.id) == p.id}
    # One answer per written name and country: a surname named in a thousand articles is a
    # thousand scoped people who all join the same fullest name, or none.
    chosen: dict[tuple[tuple[str, ...], str | None], Actor | None] = {}
    for person in group:
        if links.root(person.id) != person.id:
            continue
        key = (tuple(words[person.id]), person.country)
        if key not in chosen:
            chosen[key] = _fullest_forms(person, index.candidates(person), roots, words)
        forms = chosen[key]
        if len(forms) > 1 and is_scoped(person.id):
            forms = _named_nearby(person, forms, group, links, sightings)
        if len(forms) == 1:
            links.link(person.id, forms[0].id)


def _fullest_forms(person: Actor, candidates: list[Actor], roots: set[str],
                   words: dict[str, list[str]]) -> list[Actor]:
    """The fullest names this person's name is a form of."""
    fuller = [o for o in candidates if o.id in roots and len(words[o.id]) > len(words[person.id])
              and _may_join(person, o, words)]
    return [c for c in fuller if not any(
        len(words[o.id]) > len(words[c.id]) and is_form_of(words[c.id], words[o.id]) for o in fuller)]


def _named_nearby(person: Actor, forms: list[Actor], group: list[Actor], links: _Links,
                  sightings: _Sightings) -> list[Actor]:
    """Of several people a bare surname of one article may be, those the articles of its story
    name in the weeks around it ("Singh" in a story where only Jai Prakash Singh is named); none
    when its own article names two of them ("Assad" beside Bashar and his father Hafez)."""
    seen = sightings.seen.get(person.id, ())
    if not seen:
        return forms
    own = {article for article, _, _ in seen}
    found, in_own = [], 0
    for form in forms:
        ids = [p.id for p in group if links.root(p.id) == form.id and not is_scoped(p.id)]
        in_own += sightings.within(ids, own)
        if any(sightings.near(ids, story, day) for _, story, day in seen):
            found.append(form)
    # an article that names two of them left its bare surname open: the story cannot close it
    return [] if in_own > 1 else found


def _documentation_rank(actor: Actor) -> tuple:
    """The record to keep of two forms of one name: the one the knowledge knows best (roles), the
    one written out most fully, the one with most aliases."""
    return (-len(actor.roles), -len("".join(name_words(actor.name))), -len(actor.aliases), actor.id)


# 3. Handles


def _link_handles(handles: list[Actor], people: list[Actor], together: Mapping[str, Iterable[str]],
                  links: _Links) -> None:
    if not handles:
        return
    signed: dict[str, set[str]] = {}  # handle as written, lower case -> people it was attributed to
    for person in people:
        for alias in person.aliases:
            if alias.startswith("@"):
                signed.setdefault(alias.lower(), set()).add(person.id)
    by_id = {p.id: p for p in people}
    near: dict[str, set[str]] = {}
    for ids in together.values():
        ids = set(ids)
        for handle in (h for h in handles if h.id in ids):
            near.setdefault(handle.id, set()).update(links.root(i) for i in ids if links.root(i) in by_id)
    for handle in handles:
        owners = signed.get(handle.name.lower(), set())
        if not owners:
            owners = {p for p in near.get(handle.id, ()) if _spells(handle.name, by_id[p].name)}
        if len(owners) == 1:
            links.link(handle.id, owners.pop())


def _spells(handle: str, name: str) -> bool:
    """ "@MHaneefAtmar" spells Mohammad Haneef Atmar: it holds the surname, of four letters or more."""
    letters = handle.lstrip("@").lower()
    surname = last_token(name) or ""
    return len(surname) >= 4 and surname in letters


# 4. Role phrases


def _link_role_phrases(phrases: list[Actor], people: list[Actor], links: _Links) -> None:
    tenures = office_tenures(people, links.root)
    for phrase in phrases:
        role = next((r for r in phrase.roles if r.basis == "phrase"), None)
        if role is not None:
            holder = holder_on(tenures.get((role.title, role.country), []), role.since)
            if holder is not None:
                links.link(phrase.id, holder)


# 5. Missions


def _link_missions(organisations: list[Actor], links: _Links) -> None:
    missions = [o for o in organisations if MISSION_WORDS & set(name_words(o.name)) and o.country]
    for short in missions:
        words = name_words(short.name)
        seated = [o for o in missions if o.id != short.id and o.country == short.country
                  and len(name_words(o.name)) > len(words) and name_words(o.name)[:len(words)] == words]
        if len(seated) == 1:
            links.link(short.id, seated[0].id)


# The canonical records


def merge_linked(actors: Iterable[Actor], links: Mapping[str, str]) -> dict[str, Actor]:
    """Canonical actors keyed by id, with the aliases and roles of everyone linked to them."""
    by_id = {actor.id: actor for actor in actors}
    merged: dict[str, Actor] = {}
    for actor in sorted(by_id.values(), key=lambda a: (links.get(a.id, a.id) != a.id, a.id)):
        canonical_id = links.get(actor.id, actor.id)
        base = merged.get(canonical_id)
        if base is None:
            base = by_id.get(canonical_id, actor)
            merged[canonical_id] = Actor(base.id, base.name, base.kind, base.country, base.sector,
                                         tuple(base.aliases), tuple(base.roles))
            base = merged[canonical_id]
        if actor.id != base.id:
            names = [actor.name, *actor.aliases]
            base.aliases += tuple(n for n in names if n not in base.aliases and n != base.name)
            base.roles += tuple(r for r in actor.roles if r not in base.roles)
            base.country = base.country or actor.country
            base.sector = base.sector or actor.sector
    country_of = {actor.id: actor.country for actor in by_id.values()}
    for actor in merged.values():
        actor.roles = tuple(consolidate_roles(actor.roles, country_of, keep_phrases=actor.id.startswith("role:")))
    return merged
