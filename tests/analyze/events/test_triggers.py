"""Trigger matching against the packaged lexicon."""
import json

from dateline.analyze.events.triggers import load_lexicon, match_noun, match_verb


def test_triggers_lexicon_classes_carry_plover_and_cameo():
    lexicon = load_lexicon()
    meet = lexicon.verbs["meet"][0].event_class
    assert (meet.type, meet.cameo, meet.quad, meet.symmetric) == ("CONSULT", "040", 1, True)
    assert lexicon.nouns["talks"].mode == "talks"


def test_triggers_object_restriction_separates_aid_from_other_sending(nlp):
    lexicon = load_lexicon()
    aid = nlp("India sent wheat to Afghanistan.")
    letter = nlp("India sent a letter to the council.")
    assert match_verb(aid[1], lexicon).type == "AID"
    assert match_verb(letter[1], lexicon) is None


def test_triggers_particle_restriction_for_call_on(nlp):
    lexicon = load_lexicon()
    urged = nlp("India called on the Taliban to respect rights.")
    named = nlp("India called the decision unfortunate.")
    assert match_verb(urged[1], lexicon).type == "REQUEST"
    assert match_verb(named[1], lexicon) is None


def test_triggers_noun_matches_lemma(nlp):
    doc = nlp("The attacks continued.")
    assert match_noun(doc[1], load_lexicon()).type == "ASSAULT"


def test_triggers_user_lexicon_file(tmp_path, nlp):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"classes": {"blockade": {
        "type": "COERCE", "cameo": "191", "quad": 4, "intensity": -9.5, "verbs": ["blockade"]}}}))
    lexicon = load_lexicon(str(path))
    doc = nlp("The navy blockaded the port.")
    assert match_verb(doc[2], lexicon).mode == "blockade"
