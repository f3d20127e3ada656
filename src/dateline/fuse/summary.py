"""One readable line per fused event: "Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) in Dushanbe".

`summarize` writes it in four steps:
1. Choose the phrase: the mode's row (TYPED_PHRASES before PHRASES, for modes whose words depend
   on the type); a refusal, threat or pledge of another type's act wraps that act (WRAPPERS); a
   mode no row knows reads the trigger's own clause when it can, else its type's row.
2. Choose the voice: with a doer, the active (its `alone` form when there is no target); with
   none, the passive (its `bare` form when there is no target either). A doer is never invented.
3. Bend the verb for the status (ACTIVE_FORMS, PASSIVE_FORMS), agreeing with a plural subject.
4. Fill in the names and the place; a sentence starts with a capital letter.

The words of every table live in `data/phrases.json`, so that a new mode is a line of data, not code.
"""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from dateline.model import Actor, Location, is_unresolved


class Phrase(NamedTuple):
    """How one kind of act reads. "{t}" stands for the target; "was"/"were" is the passive's
    auxiliary, which the status bends ("is to be", "was reportedly", "was not", "may be")."""

    past: str  # active, simple past; the target follows: "held talks with"
    base: str  # active, bare infinitive, for "is to", "did not", "may": "hold talks with"
    passive: str  # no doer: "Talks were held with {t}"
    # (past, base) with no target, where the verb would otherwise dangle ("met" -> "held a
    # meeting"); by default the phrase less its last preposition ("held talks with" -> "held talks").
    alone: tuple[str, str] | None = None
    # No doer and no target, where `passive` makes the target its subject ("{t} was attacked");
    # by default `passive` less its closing "with {t}".
    bare: str | None = None


class Wrapper(NamedTuple):
    """An act refused, threatened or pledged: the coder files "refused to meet" under REJECT and
    "threatened to attack" under THREATEN, keeping the mode of the act itself ("meet", "attack")."""

    past: str
    base: str
    passive: str  # "{act}" is the act's base form with its target
    own_modes: frozenset[str]  # the type's own acts, which need no wrapping


@cache
def phrase_tables() -> dict:
    """The word tables of `data/phrases.json` (its "_about" says what each field holds), read once."""
    text = (resources.files("dateline.fuse") / "data" / "phrases.json").read_text(encoding="utf-8")
    return {key: value for key, value in json.loads(text).items() if not key.startswith("_")}


def _phrase(row: dict) -> Phrase:
    alone = row.get("alone")
    return Phrase(row["past"], row["base"], row["passive"], tuple(alone) if alone is not None else None,
                  row.get("bare"))


# mode -> phrase: every mode the trigger lexicon (analyze/events/data/event_triggers.json) and the
# event coder produce. tests/fuse/test_fuse_summary_grammar.py checks each reads as English in every form.
PHRASES: dict[str, Phrase] = {mode: _phrase(row) for rows in phrase_tables()["phrases"].values()
                              for mode, row in rows.items()}
# Modes the lexicon files under two types with different acts: asking for asylum is not granting
# it, confiscating goods (COERCE) is not capturing a town (ASSAULT), recalling an envoy (SANCTION)
# is not a retreat.
TYPED_PHRASES: dict[tuple[str, str], Phrase] = {(type_, mode): _phrase(row)
                                                for type_, rows in phrase_tables()["typed_phrases"].items()
                                                for mode, row in rows.items()}
# A mode the table does not know (a user's lexicon, an older database) reads as its PLOVER type:
# the type's own phrase, or the phrase of the mode the data names.
TYPE_PHRASES: dict[str, Phrase] = {type_: PHRASES[row] if isinstance(row, str) else _phrase(row)
                                   for type_, row in phrase_tables()["type_phrases"].items()}
# Not a PLOVER type at all: still a sentence.
UNKNOWN_TYPE = _phrase(phrase_tables()["unknown_type"])
WRAPPERS: dict[str, Wrapper] = {type_: Wrapper(row["past"], row["base"], row["passive"], frozenset(row["own_modes"]))
                                for type_, row in phrase_tables()["wrappers"].items()}
# status -> the active verb, for a singular and a plural doer.
ACTIVE_FORMS: dict[str, tuple[str, str]] = {status: (singular, plural)
                                            for status, (singular, plural) in phrase_tables()["active_forms"].items()}
# status -> what the passive's "was" and "were" become.
PASSIVE_FORMS: dict[str, tuple[str, str]] = {status: (was, were)
                                             for status, (was, were) in phrase_tables()["passive_forms"].items()}

# Modes whose place is where the act goes ("visited Dushanbe", "evacuated staff from Kandahar"):
# with no target, the place takes the target's slot.
PLACE_MODES = frozenset(phrase_tables()["place_modes"])
# Modes whose target is people: a country there stands for its people ("killed people from India").
PEOPLE_MODES = frozenset(phrase_tables()["people_modes"])
PREPOSITIONS = frozenset(phrase_tables()["prepositions"])
# A group's last word ending so is a plural noun ("Houthis", "Afghan civilians"); a name that only
# ends in s ("Hamas", "Abu Sayyaf" does not) or an acronym ("BRICS") stays singular.
_SINGULAR_ENDINGS = ("ss", "us", "as")


def actor_label(actor: Actor) -> str:
    """"name (COUNTRY)" for people and organisations with a country; a country is just its name;
    a bare name no one could be found for says so ("Assad (unresolved)")."""
    if is_unresolved(actor):
        return f"{actor.name} (unresolved)"
    if actor.country and actor.kind != "country":
        return f"{actor.name} ({actor.country})"
    return actor.name


def is_plural(actor: Actor) -> bool:
    """Whether a verb agrees with the actor as with a plural: only groups named by a plural noun."""
    last = actor.name.split()[-1] if actor.name.split() else ""
    return (actor.kind == "group" and last.endswith("s") and not last.isupper()
            and not last.lower().endswith(_SINGULAR_ENDINGS))


def choose_phrase(type_: str, mode: str) -> tuple[Phrase, bool]:
    """The phrase for a type and mode, and whether it wraps another type's act (see WRAPPERS)."""
    phrase = TYPED_PHRASES.get((type_, mode)) or PHRASES.get(mode)
    if phrase is None:
        return TYPE_PHRASES.get(type_, UNKNOWN_TYPE), False
    wrapper = WRAPPERS.get(type_)
    if wrapper is None or mode in wrapper.own_modes:
        return phrase, False
    return _wrapped(wrapper, phrase), True


def _wrapped(wrapper: Wrapper, act: Phrase) -> Phrase:
    alone = act.alone[1] if act.alone else _drop_trailing_preposition(act.base)
    return Phrase(f"{wrapper.past} {act.base}", f"{wrapper.base} {act.base}",
                  wrapper.passive.replace("{act}", f"{act.base} {{t}}"),
                  (f"{wrapper.past} {alone}", f"{wrapper.base} {alone}"), wrapper.passive.replace("{act}", alone))


def _drop_trailing_preposition(phrase: str) -> str:
    head, _, last = phrase.rpartition(" ")
    return head if head and last in PREPOSITIONS else phrase


def active_clause(phrase: Phrase, status: str, doer: str, plural: bool, target: str | None) -> str:
    """"India is to hold talks with Pakistan"; with no target, the phrase that reads alone."""
    if target is None:
        past, base = phrase.alone or (_drop_trailing_preposition(phrase.past), _drop_trailing_preposition(phrase.base))
    else:
        past, base = phrase.past, phrase.base
    verb = ACTIVE_FORMS.get(status, ACTIVE_FORMS["occurred"])[plural].format(past=past, base=base)
    if plural:
        verb = re.sub(r"\bits\b", "their", verb)
    return " ".join(part for part in (doer, verb, target) if part)


def passive_clause(phrase: Phrase, status: str, target: str | None, plural: bool) -> str:
    """"Kabul was attacked", "Talks are to be held with Taliban (AFG)", "An attack was carried out"."""
    if target is None:
        template = phrase.bare or re.sub(r" (\S+) \{t\}$", "", phrase.passive)
    else:
        template = phrase.passive
    # No doer owns the act: "A threat was made to close the mission in India", not "its mission".
    template = re.sub(r"\bits\b", "the", template)
    if plural and template.startswith("{t} was "):  # the target is the subject: "Houthis were attacked"
        template = "{t} were " + template[len("{t} was "):]
    singular, many = PASSIVE_FORMS.get(status, PASSIVE_FORMS["occurred"])
    template = re.sub(r"\b(was|were)\b", lambda m: singular if m[1] == "was" else many, template, count=1)
    return template.replace("{t}", target or "")


# Where a news sentence breaks into clauses; the event's own clause lies between two breaks.
_CLAUSE_BREAKS = re.compile(r"[;:,()\[\]\"“”]|\s[-–—]\s")
# A longer clause carries more than one happening, and a template reads better; set by reading
# the sample corpus, not calibrated.
MAX_CLAUSE_WORDS = 20


def own_clause(source: Actor, target: Actor | None, trigger: str, sentence_text: str) -> str | None:
    """The event's own words for a mode no phrase knows: the clause holding the trigger, from the
    doer's name on ("Hafez al-Assad (SYR) mobilized two brigades near Quneitra"), when it names the
    doer before the trigger, the target after it, and something follows the trigger."""
    for clause in _CLAUSE_BREAKS.split(sentence_text):
        found = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", clause)
        if found is None or not clause[found.end():].strip(" .!?"):
            continue
        doer = _named(source, clause, 0, found.start())
        done_to = _named(target, clause, found.end(), len(clause)) if target else None
        if doer is None or (target is not None and done_to is None):
            continue
        words = clause[doer.start():].strip().rstrip(".!?").strip()
        if len(words.split()) > MAX_CLAUSE_WORDS:
            return None
        for actor, name in ((target, done_to), (source, doer)):
            if actor is not None and actor.kind != "country":  # a country's own word ("Indian") reads better
                words = words.replace(name[0], actor_label(actor), 1)
        return _capitalized(words)
    return None


def _named(actor: Actor, clause: str, start: int, end: int) -> re.Match | None:
    """Where the clause names the actor between start and end; a possessive ("Syria's army") names
    something else."""
    for name in (actor.name, *actor.aliases):
        found = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!['’]s)").search(clause, start, end)
        if found is not None:
            return found
    return None


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def summarize(type_: str, mode: str, status: str, source: Actor | None, target: Actor | None,
              location: Location | None = None, *, trigger: str | None = None,
              sentence_text: str | None = None) -> str:
    """One sentence for an event; `trigger` and `sentence_text` (the lead report's) are read only
    for a mode no phrase knows, and only for an event that occurred: a claim or plan may be marked
    outside the clause."""
    known = mode in PHRASES or (type_, mode) in TYPED_PHRASES
    if not known and status == "occurred" and source is not None and trigger and sentence_text:
        words = own_clause(source, target, trigger, sentence_text)
        if words is not None:
            return words
    phrase, wraps = choose_phrase(type_, mode)
    if wraps and status in ("planned", "conditional"):
        status = "occurred"  # the status is the wrapped act's; the refusal, threat or pledge was made
    done_to, done_to_plural = _target_label(target, mode)
    place = location.name if location is not None and location.name else None
    if place in {actor.name for actor in (source, target) if actor is not None}:
        place = None
    if target is None and mode in PLACE_MODES and place:
        done_to, place = place, None
    if source is None:
        sentence = passive_clause(phrase, status, done_to, done_to_plural)
    else:
        sentence = active_clause(phrase, status, actor_label(source), is_plural(source), done_to)
    if place:
        sentence = f"{sentence} in {place}"
    return _capitalized(sentence)


def _target_label(target: Actor | None, mode: str) -> tuple[str | None, bool]:
    if target is None:
        return None, False
    if mode in PEOPLE_MODES and target.kind == "country":
        return f"people from {target.name}", True
    return actor_label(target), is_plural(target)
