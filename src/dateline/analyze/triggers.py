"""Which words in a parse name an event, and which event class they name.

The lexicon is data (`lexicon/event_triggers.json`); this module only matches it against tokens.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

# Verbs that carry no event of their own but lend their subject to a trigger noun:
# "held talks with", "made a visit to", "signed an agreement".
LIGHT_VERBS = frozenset({"hold", "have", "do", "conduct", "make", "pay", "launch", "carry", "stage", "sign", "reach", "host", "attend", "join", "lead"})


@dataclass(frozen=True, slots=True)
class EventClass:
    mode: str
    type: str
    cameo: str
    quad: int
    intensity: float
    symmetric: bool = False
    target_preps: tuple[str, ...] = ()  # when set, the target comes from these prepositions only


@dataclass(frozen=True, slots=True)
class _VerbRule:
    event_class: EventClass
    objects: frozenset[str]
    particles: frozenset[str]
    needs_clause: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[_VerbRule, ...]]
    nouns: dict[str, EventClass]


def _parse_lexicon(data: dict) -> Lexicon:
    verbs: dict[str, list[_VerbRule]] = {}
    nouns: dict[str, EventClass] = {}
    for name, spec in data["classes"].items():
        event_class = EventClass(
            mode=spec.get("mode", name),
            type=spec["type"],
            cameo=spec["cameo"],
            quad=int(spec["quad"]),
            intensity=float(spec["intensity"]),
            symmetric=bool(spec.get("symmetric", False)),
            target_preps=tuple(spec.get("target_preps", ())),
        )
        for verb in spec.get("verbs", ()):
            objects = spec.get("objects_for", {}).get(verb, spec.get("objects", ()))
            particles = spec.get("particles_for", {}).get(verb, spec.get("particles", ()))
            rule = _VerbRule(event_class, frozenset(objects), frozenset(particles), bool(spec.get("needs_clause")))
            verbs.setdefault(verb, []).append(rule)
        for noun in spec.get("nouns", ()):
            nouns.setdefault(noun, event_class)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, nouns)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The packaged trigger lexicon, or a user's file of the same shape."""
    if path is None:
        text = resources.files("dateline.analyze").joinpath("lexicon/event_triggers.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return _parse_lexicon(json.loads(text))


def _object_lemmas(token: Token) -> set[str]:
    lemmas = set()
    for child in token.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            lemmas.add(child.lemma_.lower())
            lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
        if child.dep_ in ("prep", "agent"):
            lemmas.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return lemmas


def _particles(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}


def _has_clause(token: Token) -> bool:
    """"called on the Taliban to ensure ...": an infinitive or clause hangs from the verb or its object."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl"):
            return True
        if any(g.dep_ in ("xcomp", "ccomp", "acl", "relcl") and g.tag_ in ("VB", "VBP") for g in child.subtree):
            return True
    return False


def match_verb(token: Token, lexicon: Lexicon) -> EventClass | None:
    rules = lexicon.verbs.get(token.lemma_.lower())
    if not rules or token.pos_ not in ("VERB", "AUX"):
        return None
    objects = _object_lemmas(token)
    particles = _particles(token)
    for rule in rules:
        if rule.objects and not rule.objects & objects:
            continue
        if rule.particles and not rule.particles & particles:
            continue
        if rule.needs_clause and not _has_clause(token):
            continue
        return rule.event_class
    return None


def match_noun(token: Token, lexicon: Lexicon) -> EventClass | None:
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    found = lexicon.nouns.get(lemma) or lexicon.nouns.get(token.lower_)
    if found is None:
        compound = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
        found = lexicon.nouns.get(f"{compound} {lemma}".strip())
    return found
