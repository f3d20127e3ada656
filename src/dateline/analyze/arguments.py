"""Who did it, to whom, and where: the arguments of a trigger, read off the dependency parse."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.analyze.actors.sectors import mention_sector
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
# Words that tie people to whom they belong to or where they are based ("affiliated with", "loyal to").
AFFILIATION_WORDS = frozenset({"affiliate", "affiliated", "loyal", "link", "linked", "ally", "allied", "base", "based",
                               "belong", "belonging", "tie", "tied", "attach", "attached"})
# What a demonym names that belongs to no state: restricting "the Russian language" is not done to Russia.
CULTURE_NOUNS = frozenset({"language", "tongue", "dialect", "script", "alphabet", "culture", "cuisine", "literature",
                           "music", "art", "cinema", "film", "heritage", "tradition", "folklore", "accent", "name"})
# "with Albania's help", "with the backing of Russia": a helper, never whom the act is done to.
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation", "participation",
                        "approval", "blessing", "consent", "permission"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
AGENT_ORIGIN_PREPS = frozenset({"from", "in", "for", "throughout", "across"})
# Pronouns read as actors: does the pronoun stand for a person?
PRONOUN_KINDS = {"he": True, "she": True, "they": False, "it": False}
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
DATELINE_SEPARATORS = frozenset({"—", "–", "-", "--", ":"})
DATELINE_MAX_TOKENS = 8
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
# Participles that after "be" state what the subject itself holds to or takes part in, with the
# word that introduces it: "Vietnam is committed to opening up", "Israel is opposed to French
# mediation", "Serb forces were engaged in ethnic cleansing". The subject is the doer.
STATIVE_PARTICIPLES = {"commit": "to", "oppose": "to", "engage": "in", "involve": "in"}
# Documents that speak for whoever issues them ("issued a statement condemning the attack").
DOCUMENT_NOUNS = frozenset({
    "statement", "declaration", "communique", "communiqué", "letter", "resolution", "message", "decree",
    "proclamation", "announcement", "petition", "motion", "note", "memorandum",
})


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
        return passive, not is_stative(verb)
    # "X arrived in Kabul and met Y", "X is expected to meet Y", "X is willing to withdraw":
    # borrow the governing verb's subject.
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
        return None, False  # "after a quake killed ...": a clause of its own, with a subject we missed
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        subject, passive = subject_of(verb.head)
        # "Obama is scheduled to attend": the raised subject does the infinitive's act
        return subject, passive and verb.dep_ != "xcomp"
    if _says_the_document(verb):
        return subject_of(verb.head.head)
    return None, False


def _says_the_document(verb: Token) -> bool:
    """ "issued a declaration demanding that ...", "adopted a resolution condemning ...": what a
    document says is said by whoever issues it."""
    document = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and document.lemma_.lower() in DOCUMENT_NOUNS
            and document.dep_ in ("dobj", "obj") and document.head.pos_ in ("VERB", "AUX"))


def is_stative(verb: Token) -> bool:
    """ "is committed to", "is opposed to", "were engaged in": a state of the subject, not an act
    done to it (see STATIVE_PARTICIPLES); never with a "by" agent."""
    word = STATIVE_PARTICIPLES.get(verb.lemma_.lower())
    return (word is not None and verb.tag_ == "VBN" and _child(verb, {"agent"}) is None
            and any(c.dep_ == "prep" and c.lower_ == word for c in verb.children))


def prepositional_objects(token: Token, only: tuple[str, ...] = ()) -> list[tuple[int, Token, str]]:
    """Objects of the target-bearing prepositions on a token, the likeliest first."""
    allowed = set(only) if only else set(TARGET_PREPS)
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in allowed:  # "provide support to Israel"
            pobj = _pobj(child)
            if pobj is not None and not (child.lower_ == "with" and pobj.lemma_.lower() in HELP_NOUNS):
                # A class's own list is in its order of preference; else the usual weights.
                rank = len(only) - only.index(child.lower_) if only else TARGET_PREPS.get(child.lower_, 0)
                found.append((rank, pobj, child.lower_))
    return sorted(found, key=lambda item: -item[0])


def location_of(token: Token, kb) -> Location | None:
    """A place named in an "in"/"at" phrase on the trigger (or on its light verb); for a verb, else
    in a when-clause that tells the same act ("killed 23 people when they blew themselves up in
    Tel Aviv")."""
    for holder in (token, token.head):
        place = place_phrase(holder, kb)
        if place is not None:
            return place
        if holder.dep_ not in ("dobj", "pobj", "xcomp", "conj"):
            break
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ == "advcl" and _is_when_clause(child):
                place = place_phrase(child, kb)
                if place is not None:
                    return place
    return None


def place_phrase(holder: Token, kb, deeper: bool = True) -> Location | None:
    """The place of an "in"/"at" phrase on a token; else of the happening that phrase names
    ("killed in a gunbattle in southeastern Serbia")."""
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in LOCATION_PREPS:
            pobj = _pobj(child)
            if pobj is not None:
                place = place_named(pobj, kb) or (place_phrase(pobj, kb, False) if deeper else None)
                if place is not None:
                    return place
    return None


def _is_when_clause(clause: Token) -> bool:
    return any(c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in clause.children)


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
