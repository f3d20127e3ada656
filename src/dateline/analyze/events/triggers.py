"""Which words in a parse name an event, and which event class they name.

The lexicon is data (`data/event_triggers.json`, with the CAMEO codes in `data/cameo_plover.tsv`); this
module only matches it against tokens.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dateline.analyze.events.intent import is_obligation_report
from dateline.analyze.events.syntax import noun_forms
from dateline.analyze.word_lists import data_folder, read_word_lists

# The verbs and nouns around a trigger word, each list with what it is for: data/triggers.json.
_WORDS = read_word_lists("triggers", __package__)
# Verbs that carry no event of their own but lend their subject to a trigger noun:
# "held talks with", "made a visit to", "signed an agreement".
LIGHT_VERBS: frozenset[str] = frozenset(_WORDS["light_verbs"])
# Verbs of going somewhere whose purpose phrase names the event: "arrived in Amman on a visit",
# "left for Geneva for talks".
MOTION_VERBS: frozenset[str] = frozenset(_WORDS["motion_verbs"])


@dataclass(frozen=True, slots=True)
class EventClass:
    mode: str
    type: str
    cameo: str
    quad: int
    intensity: float
    symmetric: bool = False
    target_preps: tuple[str, ...] = ()  # when set, the target comes from these prepositions only
    received: bool = False  # "X received aid from Y": the giver Y is the source, X the target


# CAMEO codes an intention by what is intended: an offer, promise or plan to cooperate is
# "express intent" (AGREE, 03x), one to do harm a threat (THREATEN, 13x). Keys are the CAMEO root
# of the intended act; roots not listed (statements, appeals, accusations...) stay as they are.
INTENT_CAMEO = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
                "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "1385"}


@dataclass(frozen=True, slots=True)
class _VerbRule:
    event_class: EventClass
    objects: frozenset[str]
    particles: frozenset[str]
    needs_clause: bool = False
    needs_other_doer: bool = False  # "wants Putin to attack": the clause under the verb has its own subject
    not_particles: frozenset[str] = frozenset()  # "signed up recruits" is no signing
    not_objects: frozenset[str] = frozenset()  # "beat its target" is no beating


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[_VerbRule, ...]]
    nouns: dict[str, EventClass]

    def symmetric_modes(self) -> frozenset[str]:
        """Modes of joint acts ("met", "agreed", "signed"), done by each party to the other."""
        classes = [rule.event_class for rules in self.verbs.values() for rule in rules] + list(self.nouns.values())
        return frozenset(c.mode for c in classes if c.symmetric)


# Refusing a cooperative act is rejecting it: "would not provide support" is CAMEO 12x.
REFUSAL_CAMEO = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def _recoded(event_class: EventClass, cameo: str) -> EventClass:
    """The same verb class under another CAMEO code, with that code's type, quad class and intensity."""
    coded = _coded(cameo)
    return replace(event_class, type=coded.type, cameo=cameo, quad=quad_class(cameo), intensity=coded.intensity)


def as_refusal(event_class: EventClass) -> EventClass:
    """The class of refusing a cooperative act (see REFUSAL_CAMEO); other acts stay as they are."""
    cameo = REFUSAL_CAMEO.get(event_class.cameo[:2])
    return _recoded(event_class, cameo) if cameo else event_class


def as_threat(event_class: EventClass) -> EventClass:
    """The class of an act announced as a threat: THREATEN, at the level of the act threatened."""
    cameo = INTENT_CAMEO.get(event_class.cameo[:2], "130")
    return _recoded(event_class, cameo if cameo.startswith("13") else "130")


def as_intention(event_class: EventClass) -> EventClass:
    """The class of an act that is only intended, offered or threatened (see INTENT_CAMEO)."""
    cameo = INTENT_CAMEO.get(event_class.cameo[:2])
    return _recoded(event_class, cameo) if cameo else event_class


@dataclass(frozen=True, slots=True)
class CameoCode:
    type: str  # PLOVER type
    mode: str | None  # PLOVER mode
    intensity: float


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """CAMEO code -> PLOVER type, mode and intensity (data/cameo_plover.tsv)."""
    text = (data_folder(__package__) / "cameo_plover.tsv").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, type_, mode, intensity = line.split("\t")
            table[code] = CameoCode(type_, None if mode == "-" else mode, float(intensity))
    return table


def quad_class(cameo: str) -> int:
    """CAMEO's quad classes: verbal cooperation (01-05), material cooperation (06-08), verbal
    conflict (09-13), material conflict (14-20)."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _coded(cameo: str) -> CameoCode:
    table = cameo_table()
    found = table.get(cameo) or table.get(cameo[:3])
    if found is None:
        raise ValueError(f"unknown CAMEO code {cameo!r} in the event lexicon")
    return found


def _event_class(name: str, spec: dict) -> EventClass:
    """A lexicon class: its CAMEO code decides the PLOVER type, quad class and intensity unless
    the class says otherwise; its mode is our finer verb class ("meet", "visit", "evacuate")."""
    coded = _coded(spec["cameo"])
    return EventClass(
        mode=spec.get("mode", name),
        type=spec.get("type", coded.type),
        cameo=spec["cameo"],
        quad=int(spec.get("quad", quad_class(spec["cameo"]))),
        intensity=float(spec.get("intensity", coded.intensity)),
        symmetric=bool(spec.get("symmetric", False)),
        target_preps=tuple(spec.get("target_preps", ())),
        received=bool(spec.get("received", False)),
    )


def class_for_cameo(cameo: str, mode: str) -> EventClass:
    """A class straight from a CAMEO code, for events found by construction rather than by word."""
    return _event_class(mode, {"cameo": cameo})


def _parse_lexicon(data: dict) -> Lexicon:
    verbs: dict[str, list[_VerbRule]] = {}
    nouns: dict[str, EventClass] = {}
    for name, spec in data["classes"].items():
        event_class = _event_class(name, spec)
        for verb in spec.get("verbs", ()):
            objects = spec.get("objects_for", {}).get(verb, spec.get("objects", ()))
            particles = spec.get("particles_for", {}).get(verb, spec.get("particles", ()))
            rule = _VerbRule(event_class, frozenset(objects), frozenset(particles), bool(spec.get("needs_clause")),
                             bool(spec.get("needs_other_doer")),
                             frozenset(spec.get("not_particles_for", {}).get(verb, ())),
                             frozenset(spec.get("not_objects_for", {}).get(verb, ())))
            verbs.setdefault(verb, []).append(rule)
        for noun in spec.get("nouns", ()):
            nouns.setdefault(noun, event_class)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, nouns)


def _is_unrestricted(rule: _VerbRule) -> bool:
    return not (rule.objects or rule.particles or rule.needs_clause or rule.needs_other_doer)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The packaged trigger lexicon, or a user's file of the same shape."""
    if path is None:
        text = (data_folder(__package__) / "event_triggers.json").read_text("utf-8")
    else:
        text = Path(path).read_text("utf-8")
    return _parse_lexicon(json.loads(text))


def _object_lemmas(token: Token) -> set[str]:
    lemmas: set[str] = set()
    for child in token.children:
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr"):
            lemmas |= noun_forms(child)
            lemmas.update(c.lemma_.lower() for c in child.children if c.dep_ == "compound")
            # A measure names what is measured: "700 kg of medicine", "10 days of war games"; where
            # the object is taken from is part of the act: "forced out refugees from their homes".
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
                for measured in (g for g in prep.children if g.dep_ == "pobj"):
                    lemmas |= noun_forms(measured)
        if child.dep_ in ("prep", "agent"):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                lemmas |= noun_forms(pobj)
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


def verb_forms(token: Token) -> list[str]:
    """The lemma, then base forms guessed from the inflection: the lemmatizer sometimes errs
    ("staged" -> "stag"), and a missed verb is a missed event."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if lower.endswith("ied"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2], lower[:-3]]  # staged, agreed/opened, planned
    if lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e", lower[:-4]]
    if lower.endswith("s"):
        forms.append(lower[:-1])
    return forms


def is_light_verb(token: Token) -> bool:
    return any(form in LIGHT_VERBS for form in verb_forms(token))


def _has_other_doer(token: Token) -> bool:
    """ "wants Putin to attack", "expects Iran to comply": a clause whose subject is not the verb's."""
    return any(child.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" for g in child.children)
               for child in token.children)


# Where a participle stands for people rather than an act: "evacuated the wounded".
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "dative"})


def match_verb(token: Token, lexicon: Lexicon) -> EventClass | None:
    if token.pos_ not in ("VERB", "AUX") or _is_nominal_participle(token):
        return None
    rules = next((lexicon.verbs[form] for form in verb_forms(token) if form in lexicon.verbs), None)
    if not rules:
        return None
    objects = _object_lemmas(token)
    particles = _particles(token)
    # A rule that names what the verb must govern is a reading of its own: "struck a deal" is
    # reaching an agreement before it is an attack, "met the demands" yielding before meeting.
    for rule in sorted(rules, key=_is_unrestricted):
        if rule.objects and not rule.objects & objects:
            continue
        if rule.particles and not rule.particles & particles:
            continue
        if rule.not_particles & particles or rule.not_objects & objects:
            continue
        if rule.needs_other_doer and not _has_other_doer(token):
            continue
        if rule.needs_clause and not _has_clause(token):
            continue
        return rule.event_class
    return None


def _is_nominal_participle(token: Token) -> bool:
    """ "the wounded", "the detained": a participle with a determiner, in a noun's place."""
    return token.dep_ in NOMINAL_DEPS and any(c.dep_ == "det" for c in token.children)


# Heads that take their event from a modifier: "a mediation mission", "the peace effort".
GENERIC_EVENT_HEADS: frozenset[str] = frozenset(_WORDS["generic_event_heads"])


def match_noun(token: Token, lexicon: Lexicon) -> EventClass | None:
    return noun_reading(token, lexicon)[0]


def noun_reading(token: Token, lexicon: Lexicon) -> tuple[EventClass | None, str]:
    """The event class a noun names, and which of the lexicon's ways of naming found it."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None, NOUN_LEXICON
    lemma = token.lemma_.lower()
    if lemma in GENERIC_EVENT_HEADS:
        modifier = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i), None)
        return (lexicon.nouns.get(modifier.lemma_.lower()) if modifier is not None else None), GENERIC_HEAD
    # The modified noun first: a "general strike" or "hunger strike" is no air strike, and neither
    # are workers who "went on strike" (the noun with its preposition, "on strike").
    modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
    words = ([token.head.lower_] if token.dep_ == "pobj" and token.head.i < token.i else []) + modifiers[-1:]
    for word in words:
        found = lexicon.nouns.get(f"{word} {lemma}")
        if found is not None:
            return found, TWO_WORD_NOUN
    return lexicon.nouns.get(lemma) or lexicon.nouns.get(token.lower_), NOUN_LEXICON


# How a trigger was found, by the names `found_by` gives them.
VERB_LEXICON = "verb lexicon"
NOUN_LEXICON = "noun lexicon"
TWO_WORD_NOUN = "two-word noun"  # "hunger strike", "on strike"
GENERIC_HEAD = "modifier of a generic noun"  # "a mediation mission", "the peace effort"
OBLIGATION_REPORT = "report of an obligation"  # "declared that China must drop barriers"
LIGHT_VERB = "light verb + "  # before the noun's way: "held talks", "staged a protest"
# "Russia said Sudan must return the helicopter": a demand by the speaker on the one who must.
OBLIGATION = class_for_cameo("100", "demand")


def find_triggers(candidates: list[Token], lexicon: Lexicon) -> list[tuple[Token, EventClass, str]]:
    """The triggers among a sentence's candidate tokens, with their event classes and how each
    was found."""
    found = []
    for token in candidates:
        event_class, how = match_verb(token, lexicon), VERB_LEXICON
        if event_class is None:
            event_class, how = _noun_trigger(token, lexicon)
        if event_class is None and is_obligation_report(token):
            event_class, how = OBLIGATION, OBLIGATION_REPORT
        if event_class is not None:
            found.append((token, event_class, how))
    return _without_absorbed(found)


def _noun_trigger(token: Token, lexicon: Lexicon) -> tuple[EventClass | None, str]:
    event_class, how = noun_reading(token, lexicon)
    if event_class is not None and is_under_light_verb(token):
        how = LIGHT_VERB + how
    return event_class, how


def is_under_light_verb(noun: Token) -> bool:
    """ "held talks", "staged a protest": a noun that is a light verb's object names its act."""
    return noun.dep_ in ("dobj", "attr") and is_light_verb(noun.head)


# A noun that is the object of a trigger verb names the verb's own act: "signed an agreement",
# "lifted the curfew", "accepted the demands" are one event each, coded by the verb.
ABSORBED_DEPS = frozenset({"dobj", "obj", "attr", "nsubjpass", "oprd"})


def _without_absorbed(found: list[tuple[Token, EventClass, str]]) -> list[tuple[Token, EventClass, str]]:
    verbs = {token.i for token, _, _ in found if token.pos_ in ("VERB", "AUX")}
    return [(token, event_class, how) for token, event_class, how in found
            if not (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ABSORBED_DEPS and token.head.i in verbs)]
