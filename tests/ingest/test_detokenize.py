from dateline.ingest.clean import clean_text
from dateline.ingest.detokenize import detokenize, is_tokenized

TOKENIZED = (
    "AMMAN | Thu Apr 21 , 2011 8:02 pm EDT AMMAN -LRB- Reuters -RRB- - The Syrian army deployed overnight "
    "in Homs , witnesses said . \n"
    "Human Rights Watch said Assad `` has the opportunity to prove his intentions by allowing -LRB- Friday 's "
    "-RRB- protests . '' \n"
    "Protesters did n't leave the square , and the protesters ' demands grew . \n"
)


def test_detokenize_restores_written_text():
    lines = clean_text(TOKENIZED).split("\n")
    assert lines == [
        "The Syrian army deployed overnight in Homs, witnesses said.",
        'Human Rights Watch said Assad "has the opportunity to prove his intentions by allowing (Friday\'s) '
        'protests."',
        "Protesters didn't leave the square, and the protesters' demands grew.",
    ]


def test_detokenize_leaves_written_prose_alone():
    prose = 'India said, "We stand with Afghanistan" (on Tuesday). The minister\'s visit - a first - ended.'
    assert not is_tokenized(prose)
    assert detokenize(prose) == prose


def test_wire_header_moves_highlights_to_their_own_line():
    text = "Rebel forces took control of Ajdabiya overnight Ajdabiya, Libya (CNN) -- The retreat began."
    assert clean_text(text) == "Rebel forces took control of Ajdabiya overnight\nThe retreat began."
