"""One event per pair of actors a trigger joins: coordination ("The US, Russia and Switzerland
met" is three meetings), joint acts counted once per pair, stable ids for each pair."""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.analyze.events.actor_phrases import actor_of
from dateline.analyze.events.arguments import Arguments
from dateline.analyze.events.mention_index import MentionIndex
from dateline.analyze.events.targets import may_pair
from dateline.model import Actor, Mention


# "The US, Russia and Switzerland met" joins three pairs; a longer list is more likely a misparse.
MAX_ACTOR_PAIRS = 6


def actor_pairs(args: Arguments, symmetric: bool, doc: Doc, index: MentionIndex, home: bool = False) -> list[tuple]:
    """(source, target) pairs over coordinated actors: every source with every target, and for a
    symmetric act ("met") each unordered pair once. `home`: an act done at home, where a country may
    be its own target ("Chilean and Peruvian students protested in Lima")."""
    sources = _with_conjuncts(args.source, doc, index) or [None]
    targets = _with_conjuncts(args.target, doc, index) or [None]
    if symmetric and len(sources) > 1 and (targets == [None] or args.target.how == "place"):
        # "The US, Russia and Switzerland met": each with each; "U.S. and Russian negotiators
        # return to Geneva for talks": the partners are named, and Geneva is only where they meet
        targets = sources
    pairs, seen = [], set()
    for source in sources:
        for target in targets:
            ids = (source.actor_id if source else None, target.actor_id if target else None)
            if source and target and not may_pair(source, target, index) and not (home or target.how == "place"):
                continue  # a government's act at home falls on its own country; "X met X" is no pair
            key = frozenset(ids) if symmetric else ids
            if key not in seen:
                seen.add(key)
                pairs.append((source, target))
    return pairs[:MAX_ACTOR_PAIRS] or [(args.source, None)]


def _with_conjuncts(mention: Mention | None, doc: Doc, index: MentionIndex) -> list[Mention]:
    if mention is None:
        return []
    found = [mention]
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if mention.how == "place" or span is None or len(span) == 0:
        return found
    for token in (t for member in span for t in _coordinated(member) if not span.start <= t.i < span.end):
        partner = actor_of(token, index)
        if partner is not None and all(partner.actor_id != m.actor_id for m in found):
            found.append(partner)
    return found


def _coordinated(token: Token) -> list[Token]:
    """Conjuncts, and a list the parser split into an appositive: "The US, Russia, and Switzerland"."""
    found = list(token.conjuncts)
    for appositive in (c for c in token.children if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children)):
        found += [appositive, *appositive.conjuncts]
    return found


def pair_id(base_id: str, source: Mention | None, target: Mention | None) -> str:
    pair = f"{base_id}:{source.actor_id if source else ''}:{target.actor_id if target else ''}"
    return hashlib.sha1(pair.encode()).hexdigest()[:16]


def same_id(first: str, second: str) -> bool:
    return first == second


def same_side(known: Callable[[str], Actor | None]):
    """Two actor ids stand for one side when they are one actor or of one country: the
    Portuguese president speaking for Portugal."""

    def same(first: str, second: str) -> bool:
        if first == second:
            return True
        countries = {getattr(known(actor_id), "country", None) for actor_id in (first, second)}
        return len(countries) == 1 and None not in countries

    return same
