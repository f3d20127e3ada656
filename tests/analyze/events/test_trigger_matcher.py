"""The trigger matcher hands the coder every token the coder would accept, and few others."""
from pathlib import Path

from dateline.analyze.events.intent import is_obligation_report
from dateline.analyze.events.trigger_matcher import TriggerCandidates, trigger_words
from dateline.analyze.events.triggers import find_triggers, load_lexicon, match_noun, match_verb
from dateline.ingest import read_file

CORPUS = Path(__file__).resolve().parents[3] / "examples" / "corpus"


def accepted(token, lexicon) -> bool:
    return any((match_verb(token, lexicon), match_noun(token, lexicon), is_obligation_report(token)))


def test_candidates_hold_every_trigger_of_real_articles(nlp):
    lexicon = load_lexicon()
    texts = [article.text for path in sorted(CORPUS.glob("*.txt"))[:6] for article in read_file(path)]
    triggers = candidates = tokens = 0
    for doc in nlp.pipe(texts):
        found = TriggerCandidates(doc, trigger_words(lexicon))
        for sentence in doc.sents:
            within = {token.i for token in found.within(sentence)}
            expected = {token.i for token in sentence if accepted(token, lexicon)}
            assert expected <= within, [doc[i].text for i in expected - within]
            triggers += len(expected)
            candidates += len(within)
        tokens += len(doc)
    assert triggers > 30
    assert candidates < tokens / 4  # the coder reads a few tokens in each sentence, not all of them


def test_candidates_include_forms_the_lemmatizer_mangles(nlp):
    lexicon = load_lexicon()
    doc = nlp("Farmers staged a protest in Lahore. The two sides agreed to a truce and planned talks.")
    found = TriggerCandidates(doc, trigger_words(lexicon))
    words = [token.text for sentence in doc.sents for token in found.within(sentence)]
    assert {"staged", "protest", "agreed", "planned", "talks"} <= set(words)
    assert "Farmers" not in words and "Lahore" not in words
    for sentence in doc.sents:  # reading the candidates codes what reading every token codes
        assert find_triggers(found.within(sentence), lexicon) == find_triggers(list(sentence), lexicon)


def test_candidates_are_the_lexicon_words_of_their_part_of_speech(nlp):
    """The array lookups find exactly the tokens a reading of each token's strings finds."""
    from dateline.analyze.events.trigger_matcher import GENERIC_EVENT_HEADS, SPEECH_VERBS, _cased, _verb_surfaces

    lexicon = load_lexicon()
    verbs = set(lexicon.verbs)
    nouns = {key for key in lexicon.nouns if " " not in key}
    compound_heads = {key.rsplit(" ", 1)[1] for key in lexicon.nouns if " " in key}
    heads = _cased(nouns | compound_heads | GENERIC_EVENT_HEADS)
    surfaces, verb_lemmas = _verb_surfaces(verbs), _cased(verbs | SPEECH_VERBS)
    texts = [article.text for path in sorted(CORPUS.glob("*.txt"))[:6] for article in read_file(path)]
    texts.append("Farmers staged a protest; the Staged talks STRUCK a deal, and Hunger Strikes spread.")
    for doc in nlp.pipe(texts):
        expected = [token.i for token in doc
                    if token.pos_ in ("VERB", "AUX")
                    and (token.lower_ in surfaces or token.lemma_ in verb_lemmas)
                    or token.pos_ in ("NOUN", "PROPN") and (token.lower_ in nouns or token.lemma_ in heads)]
        assert TriggerCandidates(doc, trigger_words(lexicon)).indices == expected
