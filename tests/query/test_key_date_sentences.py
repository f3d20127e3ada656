"""The sentences a key date quotes: one copy of a text, the story's sentence among equals, no
timestamp lines or fragments, and no wire dateline."""
from datetime import date

import pytest

from dateline.ingest.wire import wire_opening
from dateline.model import KeyDateSentence
from dateline.query.key_date_sentences import Candidate, is_reportable, pick_sentences, quotable, word_counts


def test_key_date_sentences_pick_sentences_takes_the_same_text_once():
    text = "India sent 2,500 tonnes of wheat to Afghanistan in a first convoy of trucks."
    copies = [KeyDateSentence("a", "a.txt", date(2022, 2, 22), 0, text),
              KeyDateSentence("b", "b.txt", date(2022, 2, 23), 3, text.upper()),
              KeyDateSentence("c", "c.txt", date(2022, 2, 23), 1,
                              "The Taliban thanked New Delhi for the food aid at a ceremony.")]
    picked = pick_sentences([Candidate(sentence) for sentence in copies], 3)
    assert len(picked) == 2 and {s.article_id for s in picked} == {"a", "c"}


@pytest.mark.parametrize("opening, text", [
    ("KABUL — ", "Diplomats from India met the acting foreign minister."),
    ("NEW DELHI (Capital Wire) - ", "India evacuated its embassy staff."),
    ("VENICE , Louisiana -- ", "BP 's chairman defended the company 's safety record ."),
    ("El Salvador -LRB- CNN -RRB- -- ", "President Barack Obama spoke ."),
    ("Reuters -RRB- - ", "Violent unrest spread to the capital ."),
    ("By the CNN Wire Staff ", "Gadhafi appeared on Libyan television ."),
])
def test_key_date_sentences_quotes_without_the_wire_dateline(opening, text):
    assert quotable(opening + text, wire_opening(opening + text)) == quotable(text)
    assert quotable(text, wire_opening(text)).split()[0] == text.split()[0]


def test_key_date_sentences_keeps_dashes_inside_a_sentence_and_turns_bracket_tokens_into_brackets():
    assert quotable("Obama - the president - said so .") == "Obama - the president - said so ."
    assert quotable("The well -LRB- 5,000 feet down -RRB- leaked .") == "The well ( 5,000 feet down ) leaked ."


@pytest.mark.parametrize("text, reportable", [
    ("At 08:12 am on 16 Jun 2010 , Murrayfield wrote : BP should stop all of it now .", False),
    ("-- June 02 , 2010 2:18 PM -- June 02 , 2010 2:19 PM and more words here", False),
    ("Clare Spencer | 09:51 UK time , Friday , 28 May 2010 Commentators react to it .", False),
    ("BP pumps cement to seal the damaged well after it was intercepted by a relief well .", True),
    ("Too short a line .", False),
    ("word " * 70, False),
])
def test_key_date_sentences_leaves_out_timestamp_lines_and_fragments(text, reportable):
    assert is_reportable(text) is reportable


def test_key_date_sentences_prefers_the_sentence_about_the_story_among_equals():
    day = date(2010, 6, 16)
    on_story = KeyDateSentence("a", "a.txt", day, 0, "Obama met BP executives at the White House on oil spill payments.")
    aside = KeyDateSentence("b", "b.txt", day, 0, "Obama met Biden at the White House on school lunch payments.")
    story = word_counts("BP oil spill payments for the Gulf oil spill, BP says")
    picked = pick_sentences([Candidate(aside), Candidate(on_story)], 1, story)
    assert picked == [on_story]
