"""Import PETRARCH (CAMEO) actor and agent dictionaries as a Dateline knowledge file.

Users who code events with PETRARCH or TABARI keep years of work in their dictionaries; this
turns them into the sections the loader reads (countries, organisations, groups, people, agents),
so that `load_knowledge(path)` merges them over ours.

Reading the dictionary formats is `petrarch_read`; this module turns the records into knowledge
sections and merges them into a knowledge file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.errors import E020, E022, KnowledgeError
from dateline.knowledge.building import load_knowledge
from dateline.knowledge.names import normalize, slugify
from dateline.knowledge.petrarch_read import (
    ActorRecord,
    AgentRecord,
    Restriction,
    read_actor_dictionary,
    read_agent_dictionary,
)
from dateline.knowledge.sections import SECTIONS, merged_entry
from dateline.knowledge.user_file import default_knowledge_path, write_knowledge
from dateline.model import SECTORS, Skip

ACTOR_SECTIONS = ("countries", "organisations", "groups", "people")
# CAMEO's codes that start with a non-state actor instead of a country. IGO and NGO are bodies
# (our organisations, with that sector); the rest, such as IMG (an international militarized
# group: al-Qaeda) or NGM (a non-governmental movement), are groups. MNC (a multinational
# company) is a group in business. CAMEO's regions (EUR, AFR, MEA...) stand where a country
# stands in a code, so they are imported as countries.
ORGANISATION_PREFIXES = ("IGO", "NGO")
GROUP_PREFIXES = {"IMG": None, "NGM": None, "MNC": "BUS", "UIS": None}
# Words that open a person's name in actor dictionaries ("PRESIDENT_GEORGE_W._BUSH").
PERSON_TITLES = frozenset({
    "PRESIDENT", "PRIME", "PREMIER", "MINISTER", "CHANCELLOR", "KING", "QUEEN", "PRINCE", "PRINCESS",
    "EMIR", "SULTAN", "SHEIKH", "SHEIK", "AYATOLLAH", "POPE", "SENATOR", "GOVERNOR", "MAYOR",
    "COLONEL", "ADMIRAL", "MR", "MRS", "MS", "DR", "SIR", "LORD", "LADY",
})
# Endings of adjectives of nationality: Israeli, Egyptian, Yemenese, Danish, French, Dutch.
DEMONYM_ENDINGS = ("AN", "ESE", "ISH", "I", "ENCH", "UTCH")
# Little words that stay lower case inside a name ("Group of 77", "Osama bin Laden").
MINOR_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "la", "le", "von",
                         "al", "el", "bin", "ibn"})
# Codes that name no actor: PETRARCH's null code and TABARI's discard codes.
NULL_CODE = re.compile(r"[-+#]{3}")
CODE = re.compile(r"[A-Z0-9]{3,}")
AGENT_CODE = re.compile(r"~(?P<after>[A-Z0-9]+)|(?P<before>[A-Z0-9]+)~")


@dataclass
class ImportReport:
    """What an import wrote where, and the lines it could not use."""

    into: Path
    counts: dict[str, int] = field(default_factory=dict)  # section -> entries imported
    skipped: list[Skip] = field(default_factory=list)
    with_agents: bool = False

    @property
    def actors(self) -> int:
        return sum(self.counts.get(section, 0) for section in ACTOR_SECTIONS)

    def summary(self) -> str:
        """ "imported 152 actors (40 countries, ...) and 57 agents into FILE; 3 lines skipped"."""
        parts = ", ".join(_counted(self.counts.get(section, 0), section) for section in ACTOR_SECTIONS)
        agents = f" and {_counted(self.counts.get('agents', 0), 'agents')}" if self.with_agents else ""
        return (f"imported {_counted(self.actors, 'actors')} ({parts}){agents} into {self.into}; "
                f"{_counted(len(self.skipped), 'lines')} skipped")


SINGULAR = {"countries": "country", "people": "person"}  # the rest drop their "s"


def _counted(count: int, plural: str) -> str:
    return f"{count} {plural if count != 1 else SINGULAR.get(plural, plural[:-1])}"


# Converting: records to knowledge sections.


def readable_name(phrase: str) -> str:
    """ "PRESIDENT_GEORGE_W._BUSH" -> "President George W. Bush"; "GAZA_CITY" -> "Gaza City".

    Case only shows: lookups ignore it. What reads as an acronym stays upper case: a dotted
    abbreviation (U.S., W.), a word with no vowel after its first letter (BBC, USSR), and a name
    that is one short word (IMF, PLO, "THE_AU").
    """
    words = phrase.replace("_", " ").split()
    first_named = 1 if len(words) > 1 and words[0].upper() == "THE" else 0
    short = len(words) == first_named + 1 and len(words[-1]) <= 3
    return " ".join(_readable_word(word, i, short and i == first_named) for i, word in enumerate(words))


def _readable_word(word: str, position: int, short_name: bool) -> str:
    if not (word.isupper() or word.islower()) and re.search(r"[a-z]", word):
        return word  # written in mixed case already ("McGonagall"): the writer knew best
    if word.upper().rstrip(".") in PERSON_TITLES:
        return word.capitalize()  # "MR" and "DR" have no vowel but are no acronyms
    if word.lower() in MINOR_WORDS:
        return word.lower() if position > 0 else word.capitalize()
    if short_name or "." in word or not re.search(r"[AEIOUY]", word[1:].upper()):
        return word.upper()
    # "AL-QAEDA" -> "Al-Qaeda", "O'NEILL" -> "O'Neill", but "MINISTER'S" -> "Minister's".
    hyphened = "-".join(part.capitalize() for part in word.split("-"))
    pieces = hyphened.split("'")
    return "'".join([pieces[0], *(p.capitalize() if len(p) > 1 else p.lower() for p in pieces[1:])])


def chosen_code(codes: list[Restriction]) -> str:
    """The one code an actor gets: Dateline's actors do not change code over time.

    The undated code when there is one, as PETRARCH codes with it outside every restriction;
    otherwise the restriction that applies latest (an open end first), the nearest to today's news.
    """
    undated = [code for code in codes if code.undated]
    if undated:
        return undated[0].code
    return max(codes, key=lambda code: (code.end or date.max, code.start or date.min)).code


def split_code(code: str) -> tuple[str, list[str]] | None:
    """ "USAGOV" -> ("USA", ["GOV"]); a list "ELR/GAL" keeps its first code; None for no actor."""
    first = code.upper().split("/")[0]
    if not CODE.fullmatch(first):
        return None
    return first[:3], [first[i:i + 3] for i in range(3, len(first), 3)]


def looks_like_person(phrase: str) -> bool:
    """A name with an initial ("GEORGE_W._BUSH"), or titles then a name ("PRESIDENT_HOSNI_MUBARAK").

    Kept simple and cautious: "PRIME_MINISTER" (titles only) and "MINISTER_OF_DEFENCE" (an office)
    are not people, nor is a bare surname ("PUTIN"), which cannot be told from a place or a body.
    A person's surname finds them on its own, so a wrong guess would cost more than a miss.
    """
    words = phrase.upper().replace("_", " ").split()
    if any(re.fullmatch(r"[A-Z]\.", word) for word in words[1:]):
        return True
    titles = 0
    while titles < len(words) and words[titles].rstrip(".") in PERSON_TITLES:
        titles += 1
    return 0 < titles < len(words) and words[titles] not in ("OF", "THE", "FOR")


def is_demonym(phrase: str, country_names: list[str]) -> bool:
    """ "ISRAELI" of Israel, "DANISH" of Denmark: one word, a nationality's ending, and the first
    letter of one of the country's names. Not a name of the country itself ("IRAN" ends in -AN)."""
    word = phrase.upper().replace("_", " ").strip()
    names = {normalize(name) for name in country_names}
    if " " in word or normalize(word) in names or not word.endswith(DEMONYM_ENDINGS):
        return False
    return any(name[:1] == word[:1].lower() for name in names)


def package_countries() -> dict[str, list[str]]:
    """Our countries' codes and the names we know them by, so an import does not rename them."""
    kb = load_knowledge()
    return {actor.id: [actor.name, *actor.aliases] for actor in kb.actors.values() if actor.kind == "country"}


def actor_sections(
    records: list[ActorRecord], source: str = "<actors>", known_countries: dict[str, list[str]] | None = None
) -> tuple[dict[str, list[dict]], list[Skip]]:
    """Knowledge sections from actor records, and the records that name no actor.

    A bare code is a country (CAMEO's regions included); a country with a sector is a person or a
    group of that country; IGO and NGO codes are organisations, other non-state codes groups.
    """
    known = package_countries() if known_countries is None else known_countries
    sections: dict[str, dict[str, dict]] = {section: {} for section in ACTOR_SECTIONS}
    country_records: dict[str, list[ActorRecord]] = {}
    skipped = []
    for record in records:
        code = chosen_code(record.codes)
        parts = split_code(code)
        if parts is None:
            reason = "no actor (a null code)" if NULL_CODE.fullmatch(code) else "not a CAMEO actor code"
            skipped.append(Skip(source, f"[{code}] for {record.name}: {reason}", record.line))
            continue
        prefix, roles = parts
        section = _section_of(record, prefix, roles)
        if section == "countries":
            country_records.setdefault(prefix, []).append(record)
            continue
        entry = _actor_entry(section, record, code, prefix, roles)
        sections[section][entry["id"]] = merged_entry(sections[section].get(entry["id"], {}), entry)
    for code, same_code in country_records.items():
        sections["countries"][code] = country_entry(code, same_code, known.get(code))
    return {section: list(entries.values()) for section, entries in sections.items()}, skipped


def _section_of(record: ActorRecord, prefix: str, roles: list[str]) -> str:
    if prefix in ORGANISATION_PREFIXES:
        return "organisations"
    if prefix in GROUP_PREFIXES:
        return "groups"
    if looks_like_person(record.name):
        return "people"
    return "groups" if roles else "countries"


def _actor_entry(section: str, record: ActorRecord, code: str, prefix: str, roles: list[str]) -> dict:
    """A person, group or organisation entry; the PETRARCH code is kept under "code" (the loader
    ignores keys it does not know), so that nothing of the dictionary is lost."""
    name = readable_name(record.name)
    entry = {"id": SECTIONS[section][2] + slugify(name), "name": name,
             "aliases": _aliases(record, name), "code": code}
    role_sector = roles[0] if roles and roles[0] in SECTORS else None
    if prefix in ORGANISATION_PREFIXES:
        entry["sector"] = prefix
    elif prefix in GROUP_PREFIXES:
        entry["sector"] = role_sector or GROUP_PREFIXES[prefix]
    else:
        entry["country"], entry["sector"] = prefix, role_sector
    if entry.get("sector") is None:
        entry.pop("sector", None)  # a sector we do not have is no sector, not a wrong one
    return entry


def _aliases(record: ActorRecord, name: str) -> list[str]:
    """The synonyms, readable; a titled person also goes by the name alone ("George W. Bush")."""
    aliases = [readable_name(synonym) for synonym in record.synonyms]
    if looks_like_person(record.name):
        aliases.append(_untitled(name))
    return list(dict.fromkeys(alias for alias in aliases if alias != name))


def _untitled(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[0].upper().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def country_entry(code: str, records: list[ActorRecord], known_names: list[str] | None) -> dict:
    """One country from every record with its bare code.

    A country we know keeps our name (ARGENTIN [ARG] must not rename Argentina): its phrases
    become aliases. An unknown code is named by its first record. Adjectives of nationality become
    demonyms, which the loader reads as the country in a phrase ("Israeli troops") but, unlike an
    alias, never as a place.
    """
    names = list(known_names or [])
    entry: dict = {"code": code}
    aliases, demonyms = [], []
    for record in records:
        for phrase in (record.name, *record.synonyms):
            readable = readable_name(phrase)
            if not names:
                entry["name"] = readable
                names.append(readable)
            elif is_demonym(phrase, names):
                demonyms.append(readable)
            elif normalize(readable) not in {normalize(name) for name in names}:
                aliases.append(readable)
    entry["aliases"] = list(dict.fromkeys(aliases))
    if demonyms:
        entry["demonyms"] = list(dict.fromkeys(demonyms))
    return entry


def agent_entries(records: list[AgentRecord], source: str = "<agents>") -> tuple[list[dict], list[Skip]]:
    """`agents` entries {noun, sector, code}, and the agents whose code is no sector of ours.

    `~GOVFRM` (added after the actor's code) and `NGO~` (put before it) both give the sector of
    their first three letters; a later line for the same noun wins, as in the loader.
    """
    entries: dict[str, dict] = {}
    skipped = []
    for record in records:
        match = AGENT_CODE.fullmatch(record.code)
        if not match:
            skipped.append(Skip(source, f"unreadable agent code [{record.code}]", record.line))
            continue
        sector = (match.group("after") or match.group("before"))[:3]
        noun = " ".join(record.noun.replace("_", " ").lower().split())
        if sector not in SECTORS:
            skipped.append(Skip(source, f"{noun}: {sector} of [{record.code}] is not a Dateline sector",
                                record.line))
            continue
        entries[normalize(noun)] = {"noun": noun, "sector": sector, "code": record.code}
    return list(entries.values()), skipped


# Importing: read, convert, merge into the knowledge file.


def petrarch_knowledge(actors: str | Path, agents: str | Path | None = None,
                       known_countries: dict[str, list[str]] | None = None) -> tuple[dict, list[Skip]]:
    """The knowledge sections of a PETRARCH actor dictionary (and agent dictionary), without writing."""
    actor_records, skipped = read_actor_dictionary(read_dictionary(actors), str(actors))
    sections, unused = actor_sections(actor_records, str(actors), known_countries)
    skipped += unused
    if agents is not None:
        agent_records, unreadable = read_agent_dictionary(read_dictionary(agents), str(agents))
        sections["agents"], unused = agent_entries(agent_records, str(agents))
        skipped += unreadable + unused
    return sections, sorted(skipped, key=lambda skip: (skip.source != str(actors), skip.line or 0))


def read_dictionary(path: str | Path) -> str:
    """A dictionary's text. Old TABARI files may be Latin-1: what is not UTF-8 is read as that."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KnowledgeError(E022.format(path=path, detail=error.strerror or error)) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def import_petrarch(actors: str | Path, agents: str | Path | None = None,
                    into: str | Path | None = None) -> ImportReport:
    """Import PETRARCH dictionaries into a knowledge file, adding to what it holds already."""
    target = Path(into) if into is not None else default_knowledge_path()
    sections, skipped = petrarch_knowledge(actors, agents)
    write_knowledge(target, merge_knowledge(read_knowledge_file(target), sections))
    counts = {section: len(entries) for section, entries in sections.items()}
    return ImportReport(target, counts, skipped, with_agents=agents is not None)


def read_knowledge_file(path: Path) -> dict:
    """The knowledge file's content, or an empty one when it does not exist yet."""
    if not path.exists():
        return {"about": "Actors and agents imported from PETRARCH dictionaries by `dateline actors import`."}
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise KnowledgeError(E020.format(path=path, detail=error)) from error
    if not isinstance(payload, dict):
        raise KnowledgeError(E020.format(path=path, detail="expected a JSON object of sections"))
    for section in SECTIONS:
        entries = payload.get(section, [])
        if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
            raise KnowledgeError(E020.format(path=path, detail=f"{section!r} must be a list of objects"))
    return payload


def merge_knowledge(existing: dict, imported: dict[str, list[dict]]) -> dict:
    """The existing content with the imported entries added or updated, nothing else lost.

    Entries match by the key the loader uses (a country's code, an actor's id, an agent's noun)
    and merge as the loader merges files (lists extend, other values replace), so the file reads
    as the loader would read the two one over the other.
    """
    merged = dict(existing)
    for section, entries in imported.items():
        by_key: dict = {}
        for entry in [*existing.get(section, []), *entries]:
            key = _entry_key(section, entry) or id(entry)  # an entry without a key is kept as it is
            by_key[key] = merged_entry(by_key.get(key, {}), entry)
        merged[section] = list(by_key.values())
    return merged


def _entry_key(section: str, entry: dict) -> str | None:
    key_field, _kind, prefix = SECTIONS[section]
    key = entry.get(key_field)
    if not key and section in ACTOR_SECTIONS[1:] and isinstance(entry.get("name"), str):
        key = prefix + slugify(entry["name"])
    if not isinstance(key, str) or not key:
        return None
    return normalize(key) if section in ("places", "titles", "agents") else key
