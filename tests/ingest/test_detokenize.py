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


ARTICLE = ("Syrian troops deployed in Homs overnight, witnesses said.\n"
           "The move came before Friday prayers.\n"
           "Rights groups say more than 220 protesters have been killed since March.\n")


def test_reader_comments_below_the_article_are_dropped():
    page = (ARTICLE + "We welcome comments that advance the story through relevant opinion.\n"
            "Views expressed in the comments do not represent those of Reuters.\n"
            "Reagan bombed Libya in the eighties and nobody cared.\n")
    assert clean_text(page) == ARTICLE.strip()


def test_a_stamped_comment_thread_is_dropped():
    page = (ARTICLE + "March 21, 2011 at 9:14 am | Reply I am confused by our involvement.\n"
            "March 21, 2011 at 9:44 am | Report abuse | The US should stay out.\n")
    assert clean_text(page) == ARTICLE.strip()


def test_a_comment_marker_at_the_top_of_the_story_is_kept():
    page = "Comments\n" + ARTICLE
    assert clean_text(page).endswith(ARTICLE.strip())
