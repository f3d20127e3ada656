"""The parties an act's setting supplies where the words name none: the country where it
happens ("lifted the curfew in Montenegro"), the people of that place for a crowd ("thousands
marched in Hong Kong", "killed 24 civilians"), a state's own forces at home, and a state's own
country for what it does at home (protests, curfews, repression). Each names the rule it is in
the event's `found_by`.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from dateline.analyze.actors.sectors import MODIFIER_DEPS
from dateline.analyze.events.arguments import Arguments
from dateline.analyze.events.places import place_phrase
from dateline.analyze.events.subjects import subject_of
from dateline.analyze.events.triggers import EventClass
from dateline.analyze.word_lists import read_word_lists
from dateline.model import Mention

# The rules of the setting, by the names `found_by` gives them.
PLACE_OF_THE_ACT = "place of the act"
CROWD_WHERE_IT_ACTS = "crowd, people of the place"
FORCES_AT_HOME = "state's forces at home"
CROWD_ACTED_ON = "crowd acted on, people of the place"
OWN_COUNTRY_AT_HOME = "own country, act at home"


def with_place_target(args: Arguments, trigger: Token, kb, home: str | None = None) -> Arguments:
    """An act with no target of its own falls on the country where it happens, as CAMEO codes it:
    "lifted the curfew in Montenegro" is done to Montenegro, and a government's act at home to
    its own country. An ethnic people acting or acted on there belongs to that country too:
    "ethnic Albanians demonstrated in Serbia" are Serbia's ethnic Albanians, and so is a crowd
    that names no country of its own (`with_crowd_source`); `home` is the country the article
    is about, when one dominates it."""
    args = with_crowd_source(args, trigger, kb, home)
    place = args.location
    if place is None or place.country not in kb.actors:
        return args
    doc = trigger.doc
    source, target = (_placed_people(mention, place.country, doc) for mention in (args.source, args.target))
    if target is None:
        target = Mention(trigger.idx, trigger.idx + len(trigger), place.name, place.country, -1, "place")
        return replace(args, source=source, target=target, target_rule=PLACE_OF_THE_ACT)
    return replace(args, source=source, target=target)


def with_crowd_source(args: Arguments, trigger: Token, kb, home: str | None = None) -> Arguments:
    """ "Hundreds of thousands of people blocked streets in Hong Kong": a crowd that names no
    country of its own is the people of the place where it acts; with no place named, of the
    country the article is about (`home`). So are a country's own police and authorities ("the
    security forces opened fire"), which act at home."""
    if args.source is not None:
        return args
    verb = trigger.head if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "attr") else trigger
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return args
    crowd, force = _crowd_noun(subject, kb), _is_domestic_force(subject, kb)
    if not (crowd or force):
        return args
    place = args.location or next((found for found in (place_phrase(c, kb) for c in verb.children
                                                       if c.dep_ in ("dobj", "obj")) if found), None)
    country = place.country if place is not None else home
    if country is None or country not in kb.actors:
        return args
    named = crowd or subject  # "tens of thousands of people": the people, whose noun gives the sector
    seat = Mention(named.idx, named.idx + len(named), named.text, country, -1, "seat")
    return replace(args, source=seat, source_rule=CROWD_WHERE_IT_ACTS if crowd else FORCES_AT_HOME)


# Acts done to people: a crowd they fall on names whom, when no actor does.
CROWD_TARGET_TYPES = frozenset({"ASSAULT", "COERCE"})


def with_crowd_target(args: Arguments, trigger: Token, event_type: str, kb, home: str | None = None) -> Arguments:
    """ "Syrian forces killed 24 civilians", "21 protesters were shot dead": the crowd an act of
    force falls on, naming no country of its own, is the people of the place where it happens
    (rather than the place: "killed 16 people in Homs"); with no place named, of the country
    the article is about (`home`), as CAMEO codes them (SYRCVL)."""
    placed = args.target is not None and args.target.how == "place"  # "in the city of Homs"
    if args.target is not None and not placed or event_type not in CROWD_TARGET_TYPES \
            or trigger.pos_ not in ("VERB", "AUX"):
        return args
    obj = next((c for c in trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    crowd = _crowd_noun(obj, kb) if obj is not None and obj.pos_ == "NOUN" and not _is_owned(obj) else None
    if crowd is None:
        return args
    country = args.target.actor_id if placed else args.location.country if args.location is not None else home
    if country is None or country not in kb.actors:
        return args
    seat = Mention(crowd.idx, crowd.idx + len(crowd), crowd.text, country, -1, "seat")
    return replace(args, target=seat, target_rule=CROWD_ACTED_ON)


def _is_owned(noun: Token) -> bool:
    """ "Syrian protesters", "Assad's forces", "its civilians": the noun says whose they are."""
    return any(c.dep_ in _OWNER_DEPS and c.pos_ in ("PROPN", "PRON", "ADJ") and (c.ent_type_ or c.pos_ == "PRON")
               for c in noun.children)


# The words and sectors of crowds, of a state's forces at home and of its organs abroad, each list
# with what it is for: data/setting.json.
_WORDS = read_word_lists("setting", __package__)
# Sectors of people at large, and the words that count them: "thousands of people", "students".
CROWD_SECTORS: frozenset[str] = frozenset(_WORDS["crowd_sectors"])
CROWD_COUNTS: frozenset[str] = frozenset(_WORDS["crowd_counts"])


# A state's forces at home: "the security forces", "police", "the authorities". (Troops and
# soldiers often serve abroad: they are not taken for the article's country.)
DOMESTIC_SECTORS: frozenset[str] = frozenset(_WORDS["domestic_sectors"])
DOMESTIC_FORCES: frozenset[str] = frozenset(_WORDS["domestic_forces"])
# A state's organs abroad, which the country an article is about may be host to, not owner of:
# "the embassy accused New Delhi" is no act of India's.
POSTINGS_ABROAD: frozenset[str] = frozenset(_WORDS["postings_abroad"])
# Words that tie a noun to someone named: "Syrian police", "Assad's forces", "his forces".
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _is_domestic_force(subject: Token, kb) -> bool:
    if subject.lemma_.lower() in POSTINGS_ABROAD:
        return False
    if subject.pos_ not in ("NOUN",) or _is_owned(subject):
        return False
    compounds = [c.lemma_.lower() for c in subject.lefts if c.dep_ in ("compound", "amod")]
    keys = ([f"{compounds[-1]} {subject.lemma_.lower()}"] if compounds else []) + [subject.lemma_.lower()]
    return any(key in DOMESTIC_FORCES or kb.agent_sectors.get(key) in DOMESTIC_SECTORS for key in keys)


def _crowd_noun(subject: Token, kb) -> Token | None:
    """The word of people at large a phrase names, up to two "of"s down: the population noun
    ("tens of thousands of people": people), else the count ("thousands marched"); None when
    the phrase names no crowd."""
    token, counted = subject, None
    for _ in range(3):
        lemma = token.lemma_.lower()
        if kb.agent_sectors.get(lemma) in CROWD_SECTORS:
            return token
        if lemma in CROWD_COUNTS:
            counted = counted or token
        token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        if token is None:
            break
    return counted


def _placed_people(mention: Mention | None, country: str, doc) -> Mention | None:
    if mention is None or mention.how != "demonym" or mention.actor_id == country or not _is_ethnic(mention, doc):
        return mention
    return Mention(mention.start, mention.end, mention.text, country, mention.sentence, "seat")


def _is_ethnic(mention: Mention, doc) -> bool:
    """ "ethnic Albanians", "ethnic Albanian guerrillas": a people named by its ethnicity."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    words = [span.root, span.root.head] if span.root.dep_ in MODIFIER_DEPS else [span.root]
    return any(c.dep_ == "amod" and c.lower_ == "ethnic" for word in words for c in word.children)


# Acts a state or its people do at home: protest (14x), easing or imposing restrictions (081, 082,
# 172x) and repression (175). With no target named, they are done to the actor's own country.
HOME_CAMEO_PREFIXES = ("14", "081", "082", "172", "175")


def with_home_target(args: Arguments, event_class: EventClass, trigger: Token, kb, country_of) -> Arguments:
    if args.target is not None or args.source is None or country_of is None:
        return args
    if not event_class.cameo.startswith(HOME_CAMEO_PREFIXES):
        return args
    country = country_of(args.source.actor_id)
    if country not in kb.actors:
        return args
    home = Mention(trigger.idx, trigger.idx + len(trigger), kb.actors[country].name, country, -1, "place")
    return replace(args, target=home, target_rule=OWN_COUNTRY_AT_HOME)
