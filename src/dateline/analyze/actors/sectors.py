"""The sector a sentence gives an actor: "Afghan troops" are Afghanistan's military (MIL),
"Egyptian police" its police (COP), "India's foreign minister" its government (GOV).

The agent nouns are knowledge (`knowledge/data/agents.json`, extendable by a user's file or an
imported PETRARCH agents dictionary); this module only finds them around a mention.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.model import Mention

# A mention that modifies a noun ("Afghan troops", "India's army", "UN peacekeepers") takes
# that noun's sector; as the head of its own phrase it keeps its own words' sector.
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


def agent_sector(token: Token, sectors: dict[str, str]) -> str | None:
    """The sector an agent noun names, trying "security forces" before "forces"."""
    lemma = token.lemma_.lower()
    compounds = [c.lemma_.lower() for c in token.lefts if c.dep_ in ("compound", "amod")]
    for key in ([f"{compounds[-1]} {lemma}"] if compounds else []) + [lemma, token.lower_]:
        if key in sectors:
            return sectors[key]
    return None


def mention_sector(mention: Mention, doc: Doc, sectors: dict[str, str]) -> str | None:
    """The sector of the agent noun a mention modifies ("Afghan troops"), None when there is none."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    head = span.root
    if mention.how == "seat":  # "protesters", "the security forces": the agent noun is the mention
        own = agent_sector(head, sectors)
        if own is not None:
            return own
    while head.dep_ == "conj" and head.head.i != head.i:  # "Hungarian and Romanian officials"
        head = head.head
    while head.dep_ in MODIFIER_DEPS and head.head.i != head.i and head.head.i > head.i:
        head = head.head
        found = agent_sector(head, sectors)
        if found is not None:
            return found
    return None  # a name's own words ("Red Hand Brigade") say nothing: its actor's sector stands
