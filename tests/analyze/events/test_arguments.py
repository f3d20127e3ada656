"""The argument rules, one case each on a short real parse: the rule that answered (the event's
`found_by`) and what it found. The cases name every rule of every list, so a rule added to a list
needs a case here."""
import pytest

from dateline.analyze.events import arguments

# (list, rule, sentence, trigger word, what the rule found: an actor id, or a place's name)
CASES = [
    ("VERB_SOURCE_RULES", "by-agent of passive", "A Kenyan army base was attacked by Somali militants on Monday.",
     "attacked", "SOM"),
    ("VERB_SOURCE_RULES", "subject", "India condemned the Taliban.", "condemned", "IND"),
    ("VERB_SOURCE_RULES", "doer named in the cause",
     "Two Palestinians were killed in an Israeli air strike in Gaza on Monday.", "killed", "ISR"),
    ("VERB_SOURCE_RULES", "giver named in passive aid",
     "A second consignment of Indian relief will be flown to Kabul next week.", "flown", "IND"),
    ("VERB_TARGET_RULES", "subject of passive", "Kenya was attacked on Monday.", "attacked", "KEN"),
    ("VERB_TARGET_RULES", "subject of passive with by-agent",
     "A Kenyan army base was attacked by Somali militants on Monday.", "attacked", "KEN"),
    ("VERB_TARGET_RULES", "preposition of its class", "Norway extradited two Swedish suspects to Sweden on Monday.",
     "extradited", "SWE"),
    ("VERB_TARGET_RULES", "object", "India condemned the Taliban.", "condemned", "group:taliban"),
    ("VERB_TARGET_RULES", "preposition", "India called on the Taliban to respect rights.", "called", "group:taliban"),
    ("VERB_TARGET_RULES", "preposition on the object", "Morocco severed diplomatic ties with Algeria on Monday.",
     "severed", "DZA"),
    ("VERB_TARGET_RULES", "clause it governs", "Chile wants Peru to release the fishermen.", "wants", "PER"),
    ("VERB_TARGET_RULES", "partner in the subject", "Chile and Peru met in Lima on Monday.", "met", "PER"),
    ("VERB_TARGET_RULES", "actor below the verb", "The African Union condemned the coup in Niger on Monday.",
     "condemned", "NER"),
    ("VERB_TARGET_RULES", "place below the verb", "Sudanese rebels attacked a convoy in Darfur on Monday.",
     "attacked", "SDN"),
    ("VERB_LOCATION_RULES", "in/at phrase", "Chile and Peru met in Lima on Monday.", "met", "Lima"),
    ("VERB_LOCATION_RULES", "when-clause",
     "Two Palestinian suicide bombers killed 20 people when they blew themselves up in Tel Aviv.", "killed",
     "Tel Aviv"),
    ("VERB_LOCATION_RULES", "object is the place", "The Taliban seized Kabul on August 15, 2021.", "seized", "Kabul"),
    ("NOUN_SOURCE_RULES", "between X and Y", "Talks between Syria and Turkey collapsed on Tuesday.", "Talks", "SYR"),
    ("NOUN_SOURCE_RULES", "words before the noun", "Egyptian Israeli talks resumed in Cairo.", "talks", "EGY"),
    ("NOUN_SOURCE_RULES", "subject of the light verb", "Kenyan students staged a protest in Nairobi on Monday.",
     "protest", "group:ken-students"),
    ("NOUN_TARGET_RULES", "between X and Y", "Talks between Syria and Turkey collapsed on Tuesday.", "Talks", "TUR"),
    ("NOUN_TARGET_RULES", "words before the noun", "Egyptian Israeli talks resumed in Cairo.", "talks", "ISR"),
    ("NOUN_TARGET_RULES", "partner in the subject of the light verb",
     "The United States and Russia held talks in Geneva.", "talks", "RUS"),
    ("NOUN_TARGET_RULES", "preposition", "Kenya's visit to Uganda was cut short on Monday.", "visit", "UGA"),
    ("NOUN_TARGET_RULES", "preposition on the light verb",
     "France issued a stern reminder to Iran that it must respect the deal.", "reminder", "IRN"),
    ("NOUN_LOCATION_RULES", "in/at phrase", "The India-Pakistan talks in Agra ended on Monday.", "talks", "Agra"),
    ("NOUN_LOCATION_RULES", "place of the verb of going",
     "An Iraqi delegation arrived in Amman on a surprise visit on Monday.", "visit", "Amman"),
]


def part_of(rules: str) -> str:
    return rules.split("_")[1].lower()  # VERB_TARGET_RULES: target


def found(event, part: str):
    if part == "location":
        return event.location.name if event.location else None
    return getattr(event, f"{part}_actor")


@pytest.mark.parametrize("rules, rule, text, word, expected", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_arguments_rule_answers(code, rules, rule, text, word, expected):
    event = next(e for e in code(text) if e.trigger == word)
    part = part_of(rules)
    assert dict(event.found_by)[part] == rule
    assert found(event, part) == expected


def test_arguments_every_rule_has_a_case():
    lists = [name for name in dir(arguments) if name.endswith("_RULES")]
    named = {(name, rule.name) for name in lists for rule in getattr(arguments, name)}
    assert named == {(rules, rule) for rules, rule, *_ in CASES}


def test_arguments_rule_names_are_unique_within_a_list():
    for name in (name for name in dir(arguments) if name.endswith("_RULES")):
        names = [rule.name for rule in getattr(arguments, name)]
        assert len(names) == len(set(names)), name


def test_arguments_the_first_rule_that_answers_wins(nlp, kb):
    """A class's own prepositions come before the object: "withdrew its troops from Lebanon" is
    done to Lebanon, though the object (its troops) is tried later in the list."""
    from dateline.analyze.events.mention_index import MentionIndex
    from dateline.analyze.events.triggers import load_lexicon, match_verb
    from dateline.model import Mention

    doc = nlp("Israel withdrew its troops from Lebanon.")
    mentions = [Mention(t.idx, t.idx + len(t), t.text, code, 0, "name")
                for t, code in ((doc[0], "ISR"), (doc[5], "LBN"))]
    verb = doc[1]
    args = arguments.verb_arguments(verb, match_verb(verb, load_lexicon()), MentionIndex(mentions, kb=kb), kb)
    assert (args.source.actor_id, args.source_rule) == ("ISR", "subject")
    assert (args.target.actor_id, args.target_rule) == ("LBN", "preposition of its class")
