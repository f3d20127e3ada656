"""The subject of a verb: who does what it says, read off the parse, through relative clauses,
datelines, passives, borrowed subjects and the documents that speak for those who issue them."""
from __future__ import annotations

from spacy.tokens import Token

from dateline.analyze.events.syntax import first_child, pobj_of
from dateline.analyze.word_lists import read_word_lists

# The words that decide who a verb's subject is, each list with what it is for: data/subjects.json.
_WORDS = read_word_lists("subjects", __package__)
RELATIVE_PRONOUNS: frozenset[str] = frozenset(_WORDS["relative_pronouns"])  # "the Taliban, who seized Kabul"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
DATELINE_SEPARATORS = frozenset({"—", "–", "-", "--", ":"})
DATELINE_MAX_TOKENS = 8
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
# Participles that after "be" state what the subject holds to or takes part in, with the word that
# introduces it ("Vietnam is committed to opening up"): the subject is the doer.
STATIVE_PARTICIPLES: dict[str, str] = dict(_WORDS["stative_participles"])
# Documents that speak for whoever issues them ("issued a statement condemning the attack").
DOCUMENT_NOUNS: frozenset[str] = frozenset(_WORDS["document_nouns"])



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
    agent = first_child(verb, {"agent"})
    if agent is not None:
        return pobj_of(agent), False
    passive = first_child(verb, PASSIVE_SUBJECT_DEPS)
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
    return (word is not None and verb.tag_ == "VBN" and first_child(verb, {"agent"}) is None
            and any(c.dep_ == "prep" and c.lower_ == word for c in verb.children))
