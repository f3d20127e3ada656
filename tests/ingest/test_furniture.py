"""Page furniture never becomes text: headers, credits, bylines, photo credits, wire notes,
footers and comment forms of scraped news pages (written in the style of the Timeline17 dumps)."""
from dateline.ingest.clean import article_id, clean_text
from dateline.ingest.furniture import drop_furniture, is_furniture_line, split_furniture_off
from dateline.ingest.readers import read_file
from dateline.model import Article

# The body of a wire story, tokenized as the research dumps are.
BODY = ("Residents said tanks entered the eastern district before dawn . \n"
        "The government blamed armed gangs for the violence . \n"
        "Activists said at least 12 people were killed . \n")
BODY_TEXT = ("Residents said tanks entered the eastern district before dawn.\n"
             "The government blamed armed gangs for the violence.\n"
             "Activists said at least 12 people were killed.")


def _lines(text: str) -> list[str]:
    return clean_text(text).split("\n")


# The page header: stamp, dateline and what a page prints before them.


def test_furniture_photo_credit_before_the_wire_header_goes_with_it():
    page = ("Credit : Reuters\\/Syrian TV via Reuters TV AMMAN | Thu Apr 21 , 2011 8:02 pm EDT AMMAN "
            "-LRB- Reuters -RRB- - The Syrian army deployed in the city of Homs , witnesses said . \n"
            + BODY)
    lines = _lines(page)
    assert lines[0] == "The Syrian army deployed in the city of Homs, witnesses said."
    assert lines[1:] == BODY_TEXT.split("\n")


def test_furniture_caption_above_a_header_on_the_second_line_is_dropped():
    page = ("Protesters wave flags in the southern city of Deraa March 25 , 2011 . \n"
            "Credit : Reuters\\/Handout DERAA , Syria | Fri Mar 25 , 2011 6:10 pm EDT DERAA , Syria "
            "-LRB- Reuters -RRB- - Security forces fired on marchers on Friday , witnesses said . \n" + BODY)
    lines = _lines(page)
    assert lines[0] == "Security forces fired on marchers on Friday, witnesses said."
    assert not any("Deraa March 25" in line or "EDT" in line or "Credit" in line for line in lines)


def test_furniture_headline_before_the_stamp_stays_on_its_own_line_and_the_byline_goes():
    page = ("Turkey hardens tone on Damascus By Jane Doe and Omar al-Rashid ANKARA | Mon Aug 15 , 2011 "
            "5:59 am EDT ANKARA -LRB- Reuters -RRB- - Turkey warned Syria on Monday to halt the assault . \n" + BODY)
    lines = _lines(page)
    assert lines[:2] == ["Turkey hardens tone on Damascus",
                         "Turkey warned Syria on Monday to halt the assault."]
    assert "Jane Doe" not in clean_text(page)


def test_furniture_dateline_with_a_day_and_story_highlights():
    page = ("\\* Exports fall for third month \\* Sanctions bite By Ann Smith and Lars Berg LONDON , Sept 22 "
            "-LRB- Reuters -RRB- - Syria's oil exports fell again in September , traders said . \n" + BODY)
    lines = _lines(page)
    assert lines[1] == "Syria's oil exports fell again in September, traders said."
    assert "Ann Smith" not in lines[0] and "LONDON" not in lines[0]


def test_furniture_second_story_header_further_down_is_cut():
    page = (BODY + "The army denied the reports . \n"
            "BEIRUT | Tue Jun 21 , 2011 12:20 pm EDT BEIRUT -LRB- Reuters -RRB- - "
            "Assad offered a dialogue . \n"
            "PARIS -LRB- Reuters -RRB- -- France called for sanctions . \n")
    cleaned = clean_text(page)
    assert cleaned.endswith("Assad offered a dialogue.\nFrance called for sanctions.")
    assert "EDT" not in cleaned and "(Reuters)" not in cleaned


def test_furniture_bbc_stamp_and_glued_byline_are_cut():
    page = ("Syria unrest: Army enters town 12 March 2012 Last updated at 14:51 GMT Help Troops entered "
            "the town of Idlib on Monday, activists said.\n"
            "By Jane Doe BBC News, Beirut The shelling went on through the night.\n"
            "The UN called for a ceasefire.")
    assert _lines(page) == ["Syria unrest: Army enters town",
                            "Troops entered the town of Idlib on Monday, activists said.",
                            "The shelling went on through the night.",
                            "The UN called for a ceasefire."]


def test_furniture_blog_stamp_with_its_author_is_cut():
    page = "Ann Writer | 10:20 UK time, Friday, 13 April 2012 Suppose you live in Homs.\nThe guns are silent."
    assert _lines(page) == ["Suppose you live in Homs.", "The guns are silent."]


# Credits, bylines and photo credits.


def test_furniture_credit_lines_are_dropped():
    page = (BODY + "-LRB- Reporting by Ann Smith in Beirut and Omar Haddad in Amman ; "
            "Editing by Tom Brown -RRB- \n"
            "-LRB- Additional reporting by Lars Berg ; Writing by Jane Doe ; editing by Ralph Gray -RRB- \n"
            "Reporting by Mark Twain in Cairo; Editing by Ann Smith\n"
            "Editing by Chris Wilson)\n")
    assert clean_text(page) == BODY_TEXT


def test_furniture_credit_glued_to_the_last_sentence_is_cut_from_it():
    page = ("Syrian troops shelled Rastan overnight, residents said.\n"
            "The army denied it. (Reporting by Ann Smith; Editing by Tom Brown)\n"
            "Talks are due on Monday. (Emma Stone contributed reporting from London; Editing by Tom Brown)")
    assert _lines(page) == ["Syrian troops shelled Rastan overnight, residents said.",
                            "The army denied it.", "Talks are due on Monday."]


def test_furniture_bylines_on_their_own_line_are_dropped():
    for byline in ("By John Smith", "By John Smith, BBC News, Cairo",
                   "By Maggie Ford, Health and Science Editor", "By Khaled Omar and Suleiman al-Khalidi"):
        assert is_furniture_line(byline), byline
        page = f"{byline}\nThe army entered Hama.\nShops were shut."
        assert clean_text(page) == "The army entered Hama.\nShops were shut."


def test_furniture_photo_credits_are_dropped():
    for credit in ("Photo: Reuters", "Picture: AP", "Credit: Reuters/Jane Doe", "REUTERS/Khaled al-Hariri",
                   "Getty Images", "Image caption Protesters gathered in the square", "Photograph: PA"):
        page = f"The army entered Hama.\n{credit}\nShops were shut."
        assert clean_text(page) == "The army entered Hama.\nShops were shut.", credit


def test_furniture_photo_credit_opening_a_line_is_cut_from_it():
    assert _lines("Rebels held the bridge.\nREUTERS/Jane Doe Rebels fire at a jet over Ras Lanuf.") == [
        "Rebels held the bridge.", "Rebels fire at a jet over Ras Lanuf."]
    assert _lines("Photograph: Dennis Cook/AP The senator spoke for an hour.\nHe left.") == [
        "The senator spoke for an hour.", "He left."]


def test_furniture_wire_notes_in_brackets_are_cut():
    page = ("(For full coverage of the flu outbreak, click (nFLU)) Hong Kong sealed off a hotel.\n"
            "(ID: nN27484099) Officials said the guest had arrived from Mexico.\n"
            "The company sold its stake for 5 million euros. ($1 = 0.7336 euro)\n"
            "(Photo: A nurse checks a traveller/Jane Doe) Airports began screening.\n"
            "WHO raised its alert level. (For WHO information on swine flu, go to: here)")
    assert _lines(page) == ["Hong Kong sealed off a hotel.", "Officials said the guest had arrived from Mexico.",
                            "The company sold its stake for 5 million euros.", "Airports began screening.",
                            "WHO raised its alert level."]


# The page's end: footer, comments, contribution forms.


def test_furniture_site_footer_glued_to_the_last_line_is_cut():
    page = (BODY + "Talks resume on Monday . An ultra-low latency infrastructure for electronic trading and data "
            "distribution A connected approach to governance , risk and compliance Our next generation legal "
            "research platform \n")
    assert clean_text(page) == BODY_TEXT + "\nTalks resume on Monday."


def test_furniture_comments_after_a_glued_credit_are_dropped_with_their_text():
    page = (BODY + "-LRB- Reporting by Ann Smith ; Editing by Tom Brown -RRB- We welcome comments that advance "
            "the story through relevant opinion , anecdotes , links and data . \n"
            "Views expressed in the comments do not represent those of Reuters . \n"
            "Assad will never go , I am sure of it . \n"
            "Apr 25 , 2011 11:43 am EDT -- Report as abuse This discussion is now closed . \n")
    assert clean_text(page) == BODY_TEXT


def test_furniture_blog_comment_stamp_glued_to_a_line_ends_the_article():
    page = ("The Arab League mission has run for a month.\nIts report is due on Sunday.\nWhat happens next?\n"
            "Nobody knows At 13:44 20th Jan 2012, ReaderOne wrote: Turkey is the key to all this.\n"
            "Russia will veto anything.")
    assert clean_text(page) == ("The Arab League mission has run for a month.\nIts report is due on Sunday.\n"
                                "What happens next?\nNobody knows")


def test_furniture_call_for_contributions_and_its_questions_are_dropped():
    page = ("Troops entered Jisr al-Shughour on Sunday.\nThousands fled to Turkey.\nAid agencies are stretched.\n"
            "Are you in Syria?\nDo you have friends or family there?\n"
            "Send us your comments and experiences using the form below.\n"
            "Send your pictures and videos to yourpics@example.co.uk.\n"
            "Your contact details will never be published.")
    assert clean_text(page) == ("Troops entered Jisr al-Shughour on Sunday.\nThousands fled to Turkey.\n"
                                "Aid agencies are stretched.")


def test_furniture_site_notices_are_dropped():
    for notice in ("Republication or redistribution of Reuters content is expressly prohibited.",
                   "NYSE and AMEX quotes delayed by at least 20 minutes.",
                   "The BBC is not responsible for the content of external Internet sites",
                   "The opinions expressed are his own.", "Full Article"):
        page = f"The army entered Hama.\nShops were shut.\nTanks shelled the city.\n{notice}"
        assert clean_text(page) == "The army entered Hama.\nShops were shut.\nTanks shelled the city.", notice


# What must never be eaten.


def test_furniture_never_eats_reporting_that_shares_its_words():
    sentences = [
        "By Friday the army had retaken the main square.",
        "By Sunday, Assad's forces controlled the road.",
        "By June 28 last year, the mission had ended.",
        "\"We will not leave,\" said Joe Stork, the group's deputy director.",
        "A report compiled by the Iraqi audit board found the money had vanished.",
        "Written by a committee of 46 men and nine women, the draft names Islam as a source of law.",
        "Editing by hand slowed the count, the official said.",
        "Reporting by the BBC suggested the town had fallen.",
        "The ministry said the film was shown to reporters (reporting by state media).",
        "Credit markets froze as the crisis deepened.",
        "Related talks are due in Geneva.",
        "Are you safe? one resident asked a reporter.",
        "Photo opportunities were few, the envoy said.",
        "Its columnist Paul Hart wrote: \"The war is lost.\"",
        "The ministry said the report was not true (for more, see the statement).",
    ]
    for sentence in sentences:
        page = f"Syrian troops shelled Rastan overnight.\n{sentence}\nThe UN called for calm."
        assert clean_text(page) == page, sentence


def test_furniture_questions_in_the_story_stay_without_a_contribution_form():
    page = "Are you in Syria?\nThat was the question on every screen.\nThe answer came on Friday."
    assert clean_text(page) == page


def test_furniture_leaves_furniture_free_lines_as_they_are():
    lines = ["Syrian troops shelled Rastan.", "", "By Friday the army had retaken it.", "***",
             "(The ministry denied it.)"]
    assert drop_furniture(split_furniture_off(lines)) == lines


def test_furniture_free_article_keeps_its_id():
    # ids pinned from before furniture cleaning existed: a clean text must keep its identity
    plain = ("Syrian troops shelled the town of Rastan overnight, residents said.\n"
             "By Friday the army had retaken the main square.\n"
             "\"We will not leave,\" said Joe Stork, the group's deputy director.\n"
             "(The ministry denied the report.) Officials in Damascus said talks would resume.\n"
             "A report compiled by the Iraqi audit board found the money had vanished.\n"
             "Are you safe? one resident asked a reporter.")
    tokenized = ("Syrian troops shelled the town of Rastan overnight , residents said . \n"
                 "By Friday the army had retaken the main square . \n"
                 "`` We will not leave , '' said Joe Stork , the group 's deputy director . \n")
    assert article_id(clean_text(plain)) == "6670e83408bd24f7"
    assert article_id(clean_text(tokenized)) == "abfb80c0dad1b74e"


def test_furniture_cleaning_twice_changes_nothing_more():
    page = ("Women hold flags at a rally in Sanaa May 30 , 2011 . \n"
            "SANAA | Tue May 31 , 2011 4:45 pm EDT SANAA -LRB- Reuters -RRB- - Street fighting raged in Sanaa . \n"
            + BODY + "-LRB- Reporting by Ann Smith ; Editing by Tom Brown -RRB- An ultra-low latency infrastructure "
            "for electronic trading and data distribution \n")
    once = clean_text(page)
    assert clean_text(once) == once
    assert once == "Street fighting raged in Sanaa.\n" + BODY_TEXT


def test_furniture_reader_takes_the_headline_and_leaves_the_header(tmp_path):
    path = tmp_path / "wire.htm.txt"
    path.write_text("Syrian man turns himself in JERUSALEM | Mon May 16 , 2011 3:14 pm EDT JERUSALEM -LRB- Reuters "
                    "-RRB- - A man said on Monday he had crossed from Syria . \n" + BODY, encoding="utf-8")
    [article] = [item for item in read_file(path) if isinstance(item, Article)]
    assert article.title == "Syrian man turns himself in"
    assert article.text == "A man said on Monday he had crossed from Syria.\n" + BODY_TEXT


def test_furniture_page_of_nothing_but_furniture_is_empty():
    page = ("An ultra-low latency infrastructure for electronic trading and data distribution A connected "
            "approach to governance , risk and compliance Our next generation legal research platform \n")
    assert clean_text(page) == ""


def test_furniture_a_video_label_and_a_company_page_heading_are_dropped():
    text = ("Activists say troops stormed the town at dawn.\n"
            "Rough Cut (no reporter narration).\n"
            "The contract is worth 2.4 trillion won.\n"
            "Latest Developments for Samsung C&T Corp Latest Key Developments in Diversified\n")
    kept = clean_text(text)
    assert "Rough Cut" not in kept and "Latest Developments" not in kept
    assert "Activists say troops stormed the town at dawn." in kept
    # a sentence that begins so is reporting, not a heading
    assert not is_furniture_line("Latest developments for the region will be announced on Monday.")
