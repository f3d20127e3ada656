"""Who a noun phrase names: the actor mention over its head or inside it, a pronoun's
antecedent, the country of a place or a people it names, whom its people belong to."""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.events.mention_index import MentionIndex, is_actor_noun
from dateline.analyze.events.places import place_named
from dateline.analyze.events.syntax import phrase_tokens
from dateline.analyze.word_lists import read_word_lists
from dateline.analyze.nlp import doc_text
from dateline.model import Mention

# The words by which a noun phrase names an actor, each list with what it is for:
# data/actor_phrases.json.
_WORDS = read_word_lists("actor_phrases", __package__)
# Words that tie people to whom they belong to or where they are based ("affiliated with", "loyal to").
AFFILIATION_WORDS: frozenset[str] = frozenset(_WORDS["affiliation_words"])
# What a demonym names that belongs to no state: restricting "the Russian language" is not done to Russia.
CULTURE_NOUNS: frozenset[str] = frozenset(_WORDS["culture_nouns"])
AGENT_ORIGIN_PREPS: frozenset[str] = frozenset(_WORDS["agent_origin_preps"])  # "forces in east Bosnia"
# Pronouns read as actors: does the pronoun stand for a person?
PRONOUN_KINDS: dict[str, bool] = dict(_WORDS["pronoun_kinds"])


def actor_of(head: Token | None, index: MentionIndex, affected: bool = False) -> Mention | None:
    """The actor a noun phrase names: the mention over its head, else the first one inside it.

    "India's external affairs minister" resolves through the role mention over its head;
    "Indian officials" through the demonym inside it; "the Foreign Minister of India" through "of";
    "Darfur rebels" through the place their noun is named by. A demonym before a noun that is no
    agent ("Afghan soil") names nobody, unless the phrase is what an act is done to (`affected`):
    rejecting "an Australian ultimatum" or blockading "Palestinian lorries" is done to that country.
    """
    if head is None:
        return None
    if head.lower_ in PRONOUN_KINDS:
        return _speakers(head, index) or index.antecedent(head, PRONOUN_KINDS[head.lower_])
    mention = index.covering(head)
    if mention is not None:
        return _where_the_people_live(head, mention, index) or mention
    tokens = phrase_tokens(head)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    inside = [mention for mention in index.within(start, end)
              if mention.how != "demonym" or is_actor_noun(head, index)
              or affected and doc_text(head.doc)[mention.end: mention.end + 1] != "-"  # not "an Afghan-led process"
              and head.lemma_.lower() not in CULTURE_NOUNS]
    if inside:
        # "Osama bin Laden's al-Qaeda network": the one we can place in the world speaks for the
        # phrase; else its own name before the one who has it
        placed = next((mention for mention in inside if index.is_placed(mention.actor_id)), None)
        text = doc_text(head.doc)
        return placed or next((mention for mention in inside if not _is_possessor(mention, text)), inside[0])
    agent = is_actor_noun(head, index)
    if agent:
        mention = index.place_qualifier(head, tokens)
        if mention is not None:
            return mention
    for child in head.children:
        # "the Foreign Minister of India"; for agents also "soldiers from Gondor", "lawmakers in Arnor",
        # "inhabitants of the Syrian Golan Heights", "the government of Sindh province"
        if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ in AGENT_ORIGIN_PREPS and agent):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = actor_of(grand, index, affected or agent) or (_place_of(grand, index) if agent else None)
                    return _as_seat(found) if agent else found
    return _as_seat(_affiliation(head, index)) if agent else None


def _as_seat(mention: Mention | None) -> Mention | None:
    """People named by the country they are from or in ("workers of a Tehran company", "forces in
    east Bosnia") are a body of that country, not the state itself: `how` says so (`may_pair`)."""
    if mention is None or mention.how in ("place", "demonym") or not is_country_code(mention.actor_id):
        return mention
    return Mention(mention.start, mention.end, mention.text, mention.actor_id, mention.sentence, "seat")


def is_country_code(actor_id: str) -> bool:
    return len(actor_id) == 3 and actor_id.isupper()


def _where_the_people_live(head: Token, mention: Mention, index: MentionIndex) -> Mention | None:
    """ "Ethnic Albanians in south Serbia", "the Albanians of southern Serbia": a people named by
    its ethnicity where the phrase places them belongs to that country, as CAMEO codes a minority;
    "Afghans in Pakistan" (no "ethnic", not "of") stay Afghans."""
    if mention.how != "demonym":
        return None
    ethnic = any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in head.children)
    for prep in (c for c in head.children if c.dep_ == "prep" and (c.lower_ == "of" or ethnic and c.lower_ == "in")):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = index.covering(pobj) or _place_of(pobj, index)
            if found is not None and found.actor_id != mention.actor_id and found.how != "demonym":
                return Mention(found.start, found.end, found.text, found.actor_id, found.sentence, "place")
    return None


def _affiliation(head: Token, index: MentionIndex) -> Mention | None:
    """ "workers affiliated with the Serbian Workers' Union", "militants loyal to al-Qaeda", "a
    group based in Trinidad": people named by whom they belong to, or where they are based."""
    for clause in head.children:
        if clause.dep_ in ("acl", "amod") and clause.lemma_.lower() in AFFILIATION_WORDS:
            for prep in (c for c in clause.children if c.dep_ == "prep"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    return actor_of(pobj, index) or _place_of(pobj, index)
    return None


def _place_of(token: Token, index: MentionIndex) -> Mention | None:
    """The country of a place a noun phrase names ("Sindh province"), as a mention."""
    if index.kb is None:
        return None
    place = place_named(token, index.kb)
    if place is not None and place.country in index.kb.actors:
        return Mention(token.idx, token.idx + len(token), place.name, place.country, -1, "place")
    return index.place_qualifier(token, phrase_tokens(token))


def _is_possessor(mention: Mention, text: str) -> bool:
    return text[mention.end: mention.end + 2] in ("'s", "’s") or text[mention.end: mention.end + 1] in ("'", "’")


def _speakers(pronoun: Token, index: MentionIndex) -> Mention | None:
    """ "Obama and Putin said they will attack": "they" are the coordinated subject of the verb of
    saying above them (the first of them; coordination expands to the others)."""
    if pronoun.lower_ != "they" or pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ccomp":
        return None
    speaker = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or not any(c.dep_ == "conj" for c in speaker.children):
        return None
    return actor_of(speaker, index)
