"""The remembered attribute ruler and lemmatizer set on every token what the model's own
components set, on real-looking news and on the few words their context rules are for."""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from dateline.analyze.nlp import load_model, remember_answers
from dateline.analyze.token_memo import RememberedAttributes, RememberedLemmas
from dateline.ingest import read_file

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

TEXTS = [
    "India's External Affairs Minister S Jaishankar met his Afghan counterpart in Dushanbe on "
    "Tuesday.\n\nThe two sides discussed the deteriorating security situation, officials said.",
    "Rebels seized Kandahar's airport late on Friday; the Taliban said they were gonna hold it.",
    "\"I ain't going,\" she said. Let's see. Y'all know nothin' about it, do you? There are talks.",
    "It rained. You saw it and I saw you. Do they have the figures? He did, but he had doubts.",
    "  Protesters   marched\n\n\nthrough Cairo   as police fired tear gas at them . ",
]
ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_model()
    remembered = load_model()
    remember_answers(remembered)
    return stock, remembered


def test_token_memo_takes_the_stock_components_places_and_names(pipelines):
    stock, remembered = pipelines
    assert remembered.pipe_names == stock.pipe_names
    assert isinstance(remembered.get_pipe("attribute_ruler"), RememberedAttributes)
    assert isinstance(remembered.get_pipe("lemmatizer"), RememberedLemmas)


def test_token_memo_sets_what_the_stock_components_set(pipelines):
    stock, remembered = pipelines
    for _ in range(2):  # the second round reads every kind of token from the memo
        for expected, got in zip(stock.pipe(TEXTS), remembered.pipe(TEXTS)):
            assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
            assert (got.to_array(ATTRS) == expected.to_array(ATTRS)).all()


def test_token_memo_context_rules_still_apply(pipelines):
    _, remembered = pipelines
    doc = remembered("They were gonna leave. I ain't sure.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["ai"] == "be"


def test_token_memo_sets_what_the_stock_components_set_on_real_articles(pipelines):
    stock, remembered = pipelines
    texts = [article.text for path in sorted(CORPUS.glob("*.txt"))[:8] for article in read_file(path)]
    for expected, got in zip(stock.pipe(texts), remembered.pipe(texts)):
        assert (got.to_array(ATTRS) == expected.to_array(ATTRS)).all()
