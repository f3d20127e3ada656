"""Step 1 of actor finding: office titles ("foreign minister", "FM", "external affairs minister")
and what surrounds them: a qualifier before ("India's", "the Afghan", "the Taliban's") or after
("of India"), modifiers ("acting", "former"), a posting's host ("ambassador to Qatar"), and a
name after ("... Bakhtiyor Saidov")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dateline.analyze.actors.context import TitleUse
from dateline.analyze.actors.not_names import DETERMINERS
from dateline.analyze.nlp import doc_ents, doc_text, entity_starting
from dateline.knowledge import Knowledge, normalize

POSSESSIVES = ("'s", "\u2019s", "'")
# Acronym titles match only in capitals: "PM" is a prime minister, "5 pm" is not.
ACRONYM_MAX_LENGTH = 3


def title_pattern(kb: Knowledge) -> re.Pattern:
    """Every title the knowledge knows, longest first, as one pattern: built once, by ActorFinder."""
    keys = set(kb.title_synonyms) | {synonym for _owner, synonym in kb.owner_titles}
    words = [r"\s+".join(map(re.escape, key.split())) for key in sorted(keys, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def find_titles(doc: Doc, kb: Knowledge, pattern: re.Pattern) -> list[TitleUse]:
    """The office titles of a parsed article; `pattern` is the knowledge's `title_pattern`."""
    uses = []
    for match in pattern.finditer(doc_text(doc)):
        written = match.group(0)
        if len(written.replace(".", "")) <= ACRONYM_MAX_LENGTH and not written.isupper():
            continue
        span = doc.char_span(match.start(), match.end())
        if span is None or _inside_entity(span, kb):
            continue
        uses.append(_describe_title(doc, kb, span))
    return uses


def _inside_entity(span: Span, kb: Knowledge) -> bool:
    """Whether the title is part of a name ("Prime Minister's Office"). An organisation the NER
    made of a capitalised title ("Interior" of "Interior Minister") and the knowledge does not
    know is the NER's mistake, and the title stands."""
    for ent in _entities_over(span):
        if ent.label_ not in ("ORG", "NORP") or kb.lookup(ent.text) is not None:
            return True
        if ent.end > span.end:
            return True
    return False


def _entities_over(span: Span) -> list[Span]:
    return [ent for ent in doc_ents(span.doc) if ent.start < span.end and span.start < ent.end]


def _describe_title(doc: Doc, kb: Knowledge, span: Span) -> TitleUse:
    use = TitleUse(normalize(span.text), span.start, span.end)
    use.named = _name_after(doc, kb, span.end)
    _extend_posting(doc, kb, use)
    position = _skip_modifiers(doc, kb, use)
    _find_qualifier(doc, kb, use, position)
    return use


def _name_after(doc: Doc, kb: Knowledge, index: int) -> Span | None:
    ent = entity_starting(doc, index)
    if ent is None:
        return None
    is_person = ent.label_ == "PERSON" or getattr(kb.lookup(ent.text), "kind", None) == "person"
    return ent if is_person else None


def _extend_posting(doc: Doc, kb: Knowledge, use: TitleUse) -> None:
    """ "ambassador to Afghanistan": the host country is part of the title."""
    if kb.canonical_title(use.key) != "ambassador" or use.end + 1 >= len(doc):
        return
    if doc[use.end].lower_ in ("to", "in"):
        host = entity_starting(doc, use.end + 1)
        if host is not None and kb.lookup(host.text) is not None:
            use.key = f"{use.key} to {host.text}"  # canonical_title names the host by its id
            use.end, use.host = host.end, (host.start, host.end)


def _skip_modifiers(doc: Doc, kb: Knowledge, use: TitleUse) -> int:
    """Step left over "acting", "former" ...; return the index just left of them."""
    current = {normalize(word) for word in kb.current_modifiers}
    past = {normalize(word) for word in kb.past_modifiers}
    position = use.start - 1
    while position >= 0 and doc[position].lower_ in current | past | {"-"}:
        use.past = use.past or doc[position].lower_ in past
        use.key = f"{doc[position].lower_} {use.key}" if doc[position].lower_ in current else use.key
        position -= 1
    return position


def _find_qualifier(doc: Doc, kb: Knowledge, use: TitleUse, position: int) -> None:
    """The qualifier before the title ("India's", "Afghan", "UN") or after it ("of India")."""
    if position >= 0 and doc[position].text in POSSESSIVES:
        position -= 1
    owner = _entity_ending(doc, position)
    if owner is None and position >= 0 and doc[position].ent_iob_ in ("B", "I"):
        owner = doc[position : position + 1]  # "Kyrgyz" of an entity "Kyrgyz Interior" run into the title
    actor = kb.lookup(owner.text) if owner is not None else None
    if actor is not None:
        use.owner, use.qualifier = actor.id, (owner.start, owner.end)
        use.start = owner.start
        if owner.start > 0 and doc[owner.start - 1].lower_ in DETERMINERS:
            use.start = owner.start - 1
        return
    if use.named is None and use.end + 1 < len(doc) and doc[use.end].lower_ == "of":
        after = entity_starting(doc, use.end + 1)
        actor = kb.lookup(after.text) if after is not None else None
        if actor is not None:
            use.owner, use.qualifier, use.end = actor.id, (after.start, after.end), after.end
            if use.start > 0 and doc[use.start - 1].lower_ in DETERMINERS:
                use.start -= 1


def _entity_ending(doc: Doc, index: int) -> Span | None:
    return next((ent for ent in doc_ents(doc) if ent.end - 1 == index), None) if index >= 0 else None
