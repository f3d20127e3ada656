from dateline.ingest.clean import article_id, clean_text, is_boilerplate

TWEET = (
    "S. Jaishankar (@DrSJaishankar) July 13, 2021\n"
    "Good meeting with FM Atmar of Afghanistan in Dushanbe.\n"
    "Appreciated his update on recent developments."
)


def test_clean_drops_boilerplate_lines():
    text = (
        "India and Afghanistan held talks in Dushanbe on Tuesday.\n\n"
        "Subscribe to our newsletter\n"
        "Sign up for our daily newsletter!\n"
        "Follow us on Twitter, Facebook and Instagram\n"
        "Share this article\n"
        "Click here to read more\n"
        "ADVERTISEMENT\n"
        "Read also: Taliban take Kandahar\n"
        "Download our app for the latest news\n"
        "© 2021 Example News. All rights reserved.\n\n"
        "The ministers discussed the security situation."
    )
    assert clean_text(text) == (
        "India and Afghanistan held talks in Dushanbe on Tuesday.\n\n"
        "The ministers discussed the security situation."
    )


def test_clean_keeps_sentences_that_mention_follow_or_share():
    sentences = [
        "India will follow the situation in Kabul closely, the ministry said.",
        "The two sides agreed to share intelligence on terror groups.",
        "Follow-up talks are expected in Doha next month.",
        "Share prices in Mumbai fell after the announcement.",
        "Readers can subscribe to many views on the Taliban.",
    ]
    for sentence in sentences:
        assert not is_boilerplate(sentence), sentence
        assert clean_text(sentence) == sentence


def test_clean_keeps_long_paragraph_mentioning_rights_reserved():
    paragraph = (
        "The Taliban said all rights reserved for women under the previous government "
        "would be reviewed by a council of clerics, a claim rights groups disputed."
    )
    assert clean_text(paragraph) == paragraph


def test_clean_drops_tweet_pasted_twice_keeping_first():
    text = (
        "Jaishankar met Atmar in Dushanbe on Tuesday.\n\n"
        f"{TWEET}\n\n"
        "The meeting came as the Taliban advanced across the north.\n\n"
        f"{TWEET}\n\n"
        "India has evacuated staff from its consulate in Kandahar."
    )
    cleaned = clean_text(text)
    assert cleaned.count("Good meeting with FM Atmar") == 1
    assert cleaned.index("Good meeting") < cleaned.index("The meeting came")
    assert cleaned.endswith("India has evacuated staff from its consulate in Kandahar.")


def test_clean_drops_repeated_run_inside_other_paragraph():
    first_two = TWEET.split("\n")[:2]
    text = (
        f"{TWEET}\n\n"
        "Officials said more talks would follow.\n" + "\n".join(first_two) + "\n"
        "A statement was issued later."
    )
    cleaned = clean_text(text)
    assert cleaned.count("Good meeting") == 1
    assert "Officials said more talks would follow." in cleaned
    assert "A statement was issued later." in cleaned


def test_clean_drops_repeated_paragraph_but_keeps_short_repeats():
    paragraph = "The Taliban entered Kabul on Sunday as the president fled."
    text = f"{paragraph}\n\n***\n\nMore follows.\n\n***\n\n{paragraph}"
    assert clean_text(text) == f"{paragraph}\n\n***\n\nMore follows.\n\n***"


def test_clean_normalizes_layout():
    text = "Kabul\u00a0fell.  \r\n\r\n\r\n\r\nCafe\u0301 owners fled.\u200b\r\n"
    assert clean_text(text) == "Kabul fell.\n\nCaf\u00e9 owners fled."


def test_article_id_stable_across_whitespace_and_case():
    one = article_id("India met the Taliban in Doha.\n\nTalks went well.")
    two = article_id("  India  met the taliban in Doha.\r\n Talks went well. ")
    assert one == two
    assert len(one) == 16 and int(one, 16) >= 0
    assert article_id("India met the Taliban in Moscow.") != one


def test_clean_drops_newsletter_furniture_and_notices():
    text = (
        "A weekly newsletter from the Centre for Asian Studies\n"
        "You are receiving this email because you signed up at our website.\n"
        "View this email in your browser\n"
        "Kabul Times | World | 4 min read\n\n"
        "Pakistan agreed to let Indian wheat cross the Wagah border.\n\n"
        "(This article was translated automatically. The publisher is not responsible for errors.)\n"
        "This report has been auto-generated from a syndicated feed and was not edited by our "
        "staff; only the headline and the photo captions have been changed by the desk.\n"
        "Unsubscribe | Manage your preferences"
    )
    assert clean_text(text) == "Pakistan agreed to let Indian wheat cross the Wagah border."


def test_clean_keeps_sentences_in_parentheses_that_are_not_notes():
    text = "(The Taliban denied the report.) Officials in Kabul said the talks would resume."
    assert clean_text(text) == text
    assert clean_text("(The report was later denied by officials.)") == "(The report was later denied by officials.)"


def test_clean_drop_leading_labels_only_at_top():
    from dateline.ingest.clean import drop_leading_labels

    body = "Kabul Times | World desk\nHome › Asia › Afghanistan\nIndia sent wheat.\nA | B"
    assert drop_leading_labels(body) == "India sent wheat.\nA | B"
    story = "India, Pakistan agree on wheat route. Talks went on.\nMore."
    assert drop_leading_labels(story) == story
