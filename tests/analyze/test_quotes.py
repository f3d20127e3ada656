"""Quotes and their speakers, from real parses."""
from datetime import date

import pytest

from dateline.model import Article


@pytest.fixture
def quotes(analyzer):
    def run(text):
        article = Article(id="q1", source="test.txt", text=text, published=date(2022, 6, 3))
        return analyzer(analyzer.nlp(text), article).quotes

    return run


def test_quotes_speaker_after_the_quote(quotes):
    found = quotes('"We want good relations with every country, including India," Muttaqi said on Thursday.')
    assert len(found) == 1
    assert found[0].speaker == "person:amir-khan-muttaqi"
    assert found[0].text.startswith("We want good relations")
    assert found[0].said_on == date(2022, 6, 3)


def test_quotes_speaker_before_a_colon(quotes):
    found = quotes('Jaishankar told reporters: "Our priority is the welfare of the Afghan people."')
    assert [q.speaker for q in found] == ["person:subrahmanyam-jaishankar"]


def test_quotes_pronoun_speaker_is_the_last_person_named(quotes):
    text = ('Amir Khan Muttaqi received the Indian team in Kabul. '
            '"We will not allow our soil to be used against any country," he said.')
    assert [q.speaker for q in quotes(text)] == ["person:amir-khan-muttaqi"]


def test_quotes_short_scare_quotes_are_not_quotes(quotes):
    assert quotes('India sent a "technical team" to Kabul.') == []
