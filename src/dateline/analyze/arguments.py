"""Who did it, to whom, and where: the arguments of a trigger, read off the dependency parse."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.analyze.agents import mention_sector
from dateline.analyze.nlp import doc_ents, doc_text
from dateline.model import Location, Mention

# Dependents that start a clause or phrase of their own: an actor inside them is not an
# argument of the word they hang from ("the minister, who met X, said ..." is not about X).
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "prep", "agent", "conj", "cc", "punct"})
TARGET_PREPS = {
    "with": 3, "to": 2, "against": 3, "on": 2, "upon": 2, "from": 1, "for": 1, "of": 1, "into": 1, "toward": 1, "towards": 1,
}
LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across"})
# Heads that stand for their country when a demonym modifies them ("Indian officials"), unlike
# "an Afghan-led process" or "Afghan soil".
ACTOR_NOUNS = frozenset({
    "official", "authority", "government", "force", "troop", "diplomat", "ministry", "leader", "leadership",
    "delegation", "embassy", "consulate", "mission", "soldier", "police", "army", "militant", "fighter", "envoy",
    "team", "minister", "administration", "spokesman", "spokesperson", "side", "counterpart", "president",
    "regime", "negotiator", "representative", "military", "navy", "air", "security", "agency", "people",
    "national", "citizen", "worker", "engineer", "student", "pilgrim", "refugee", "journalist",
    # collectives that stand for whoever qualifies them: "opposition groups in Zimbabwe"
    "group", "movement", "coalition", "union", "association", "committee", "council", "front", "alliance",
    "supporter", "member", "thousand", "hundred", "dozen", "landowner", "court", "faction", "wing",
})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
AGENT_ORIGIN_PREPS = frozenset({"from", "in", "for", "throughout", "across"})
# Pronouns read as actors: does the pronoun stand for a person?
PRONOUN_KINDS = {"he": True, "she": True, "they": False, "it": False}
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
DATELINE_SEPARATORS = frozenset({"—", "–", "-", "--", ":"})
DATELINE_MAX_TOKENS = 8
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})


@dataclass(frozen=True, slots=True)
class Arguments:
    source: Mention | None
    target: Mention | None
    location: Location | None


class MentionIndex:
    """Actor mentions of one document, looked up by the tokens they cover."""

    def __init__(self, mentions: list[Mention], actor_nouns: frozenset[str] = ACTOR_NOUNS, kb=None, placed=None,
                 doc=None):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.actor_nouns = actor_nouns
        self.kb = kb
        self._placed = placed  # actor id -> whether it belongs to a country or is an IGO/NGO
        self.doc = doc  # the parse, for the sectors of mentions
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def sector_of(self, mention: Mention) -> str | None:
        """The sector the agent noun around a mention gives it ("Georgian demonstrators": CVL)."""
        if self.doc is None or self.kb is None:
            return None
        return mention_sector(mention, self.doc, self.kb.agent_sectors)

    def is_placed(self, actor_id: str) -> bool:
        return self._placed is None or self._placed(actor_id)

    def covering(self, token: Token) -> Mention | None:
        # Mentions may nest ("Foreign Minister of India" around "India"): look back as far as the
        # longest mention could reach, innermost first.
        i = bisect_right(self._starts, token.idx) - 1
        while i >= 0 and self._starts[i] > token.idx - self._longest:
            if token.idx < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def antecedent(self, pronoun: Token, people: bool) -> Mention | None:
        """The nearest earlier mention in this or the previous sentence that a pronoun can stand for:
        a person for "he"/"she", anything else for "they"/"it" (a group, a country, an office)."""
        sentence_start = pronoun.sent.start
        earliest = pronoun.doc[sentence_start - 1].sent.start_char if sentence_start > 0 else pronoun.sent.start_char
        for mention in reversed(self.mentions):
            if mention.end > pronoun.idx or mention.start < earliest:
                continue
            if mention.how == "capital":
                continue  # "they" after "seized Kabul" is the seizer, not the city
            if mention.actor_id.startswith("person:") == people:
                return mention
        return None

    def place_qualifier(self, head: Token, phrase: list[Token]) -> Mention | None:
        """ "Darfur rebels", "Gaza militants": a place naming an agent noun gives its country."""
        if self.kb is None:
            return None
        for token in sorted(phrase, key=lambda t: t.i):
            if token.i >= head.i or not token.text[:1].isupper():
                continue
            place = self.kb.place(token.text)
            if place is not None and place.country in self.kb.actors:
                return Mention(token.idx, token.idx + len(token), token.text, place.country, -1, "place")
        return None

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                found.append(self.mentions[i])
            i += 1
        return found


def noun_forms(token: Token) -> set[str]:
    """The lemma and the singular a plural ending suggests: the lemmatizer leaves "euros" and
    "Kurds" as they are."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if lower.endswith("s") and len(lower) > 3:
        forms.add(lower[:-1])
        if lower.endswith("es"):
            forms.add(lower[:-2])
    return forms


def is_actor_noun(token: Token, index: "MentionIndex") -> bool:
    return not noun_forms(token).isdisjoint(index.actor_nouns)


def phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase, without clauses or prepositional phrases hanging off it."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS:
            continue
        tokens.extend(phrase_tokens(child))
    return tokens


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
        return mention
    tokens = phrase_tokens(head)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    inside = [mention for mention in index.within(start, end)
              if mention.how != "demonym" or is_actor_noun(head, index)
              or affected and doc_text(head.doc)[mention.end: mention.end + 1] != "-"]  # not "an Afghan-led process"
    if inside:
        # "Osama bin Laden's al-Qaeda network": the one we can place in the world speaks for the phrase
        return next((mention for mention in inside if index.is_placed(mention.actor_id)), inside[0])
    if is_actor_noun(head, index):
        mention = index.place_qualifier(head, tokens)
        if mention is not None:
            return mention
    for child in head.children:
        # "the Foreign Minister of India"; for agents also "soldiers from Gondor", "lawmakers in Arnor"
        if child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ in AGENT_ORIGIN_PREPS
                                     and is_actor_noun(head, index)):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return actor_of(grand, index, affected)
    return None


def _speakers(pronoun: Token, index: MentionIndex) -> Mention | None:
    """ "Obama and Putin said they will attack": "they" are the coordinated subject of the verb of
    saying above them (the first of them; coordination expands to the others)."""
    if pronoun.lower_ != "they" or pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ccomp":
        return None
    speaker = next((c for c in pronoun.head.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or not any(c.dep_ == "conj" for c in speaker.children):
        return None
    return actor_of(speaker, index)


def conjuncts(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "conj"]


def _child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def dateline_end(sentence_start: Token) -> int:
    """The index of the first token after a dateline opening a sentence ("KABUL —", "Pamir Post
    – Dushanbe:"), or the sentence's first token when there is none."""
    sent = sentence_start.sent
    end = sent.start
    for token in sent[:DATELINE_MAX_TOKENS]:
        if token.text in DATELINE_SEPARATORS:
            end = token.i + 1
        elif token.pos_ not in ("PROPN", "PUNCT", "NOUN") or token.is_lower:
            break
    return end


def _outside_dateline(token: Token) -> Token | None:
    """A subject that is the dateline itself is no subject; its appositive may be ("Pamir Post –
    Dushanbe: Foreign Minister of India Mr. Jaishankar has done meeting ...")."""
    end = dateline_end(token)
    if token.i >= end:
        return token
    later = [t for t in token.subtree if t.i >= end and t.dep_ == "appos"]
    return later[-1] if later else None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is the grammatical object of a passive."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head, False  # "the Taliban, who seized Kabul": the noun the clause hangs from
        if child.dep_ in SUBJECT_DEPS:
            subject = _outside_dateline(child)
            if subject is not None:
                return subject, False
    agent = _child(verb, {"agent"})
    if agent is not None:
        return _pobj(agent), False
    passive = _child(verb, PASSIVE_SUBJECT_DEPS)
    if passive is not None:
        return passive, True
    # "X arrived in Kabul and met Y", "X is expected to meet Y", "X is willing to withdraw":
    # borrow the governing verb's subject.
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
        return None, False  # "after a quake killed ...": a clause of its own, with a subject we missed
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        subject, passive = subject_of(verb.head)
        # "Obama is scheduled to attend": the raised subject does the infinitive's act
        return subject, passive and verb.dep_ != "xcomp"
    return None, False


def prepositional_objects(token: Token, only: tuple[str, ...] = ()) -> list[tuple[int, Token, str]]:
    """Objects of the target-bearing prepositions on a token, the likeliest first."""
    allowed = set(only) if only else set(TARGET_PREPS)
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in allowed:  # "provide support to Israel"
            pobj = _pobj(child)
            if pobj is not None:
                # A class's own list is in its order of preference; else the usual weights.
                rank = len(only) - only.index(child.lower_) if only else TARGET_PREPS.get(child.lower_, 0)
                found.append((rank, pobj, child.lower_))
    return sorted(found, key=lambda item: -item[0])


def location_of(token: Token, kb) -> Location | None:
    """A place named in an "in"/"at" phrase on the trigger (or on its light verb)."""
    for holder in (token, token.head):
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
                pobj = _pobj(child)
                if pobj is not None:
                    place = place_named(pobj, kb)
                    if place is not None:
                        return place
        if holder.dep_ not in ("dobj", "pobj", "xcomp", "conj"):
            break
    return None


def place_named(head: Token, kb) -> Location | None:
    """The place a noun phrase names, trying the longest name first ("Mazar-i-Sharif city")."""
    tokens = sorted(phrase_tokens(head), key=lambda t: t.i)
    names = []
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        ent = next((e for e in doc_ents(head.doc) if e.start <= head.i < e.end), None)
        if ent is not None:
            names.append(ent.text)
    names.append(head.doc[tokens[0].i: tokens[-1].i + 1].text)
    names.append(head.text)
    for name in names:
        cleaned = name.removeprefix("the ").removesuffix(" city")
        place = kb.place(cleaned)
        if place is not None:
            return place
    return None
