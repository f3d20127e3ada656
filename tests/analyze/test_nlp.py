from __future__ import annotations

import pytest

from dateline.analyze import nlp as nlp_module
from dateline.analyze.article import analyzer_for
from dateline.analyze.nlp import build_pipeline, ruler_patterns
from dateline.errors import DatelineError


def entities(doc):
    return {ent.text: (ent.label_, ent.ent_id_) for ent in doc.ents}


def test_nlp_pipeline_is_built_once_per_knowledge_file(nlp, tmp_path):
    assert analyzer_for(None).nlp is nlp
    extra = tmp_path / "extra.json"
    extra.write_text('{"people": []}', encoding="utf-8")
    own = analyzer_for(extra)
    assert analyzer_for(str(extra)) is own and own.nlp is not nlp


def test_nlp_pipeline_keeps_the_parse_and_puts_the_ruler_before_ner(nlp):
    names = nlp.pipe_names
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(names)
    assert names.index("dateline_entity_ruler") < names.index("ner")
    doc = nlp("Jaishankar met Atmar in Dushanbe on Tuesday.")
    assert doc[1].lemma_ == "meet" and doc[1].dep_ == "ROOT"


def test_nlp_ruler_fixes_dushanbe_and_tajikistan(nlp):
    doc = nlp("Jaishankar met Atmar in Dushanbe, Tajikistan, on the sidelines of the SCO meeting.")
    found = entities(doc)
    assert found["Dushanbe"] == ("GPE", "TJK")
    assert found["Tajikistan"] == ("GPE", "TJK")
    assert found["SCO"] == ("ORG", "org:sco")


def test_nlp_handle_is_one_person_entity(nlp):
    doc = nlp("Had a warm conversation with @DrSJaishankar today on the situation in Afghanistan.")
    assert entities(doc)["@DrSJaishankar"] == ("PERSON", "person:subrahmanyam-jaishankar")


def test_nlp_entities_carry_actor_and_place_ids(nlp):
    doc = nlp("Muttaqi flew from Kandahar to Kabul, where Indian officials met the Taliban.")
    found = entities(doc)
    assert found["Muttaqi"] == ("PERSON", "person:amir-khan-muttaqi")
    assert found["Kandahar"] == ("GPE", "place:kandahar")
    assert found["Kabul"] == ("GPE", "AFG")
    assert found["Indian"][0] == "NORP"
    assert found["Taliban"] == ("ORG", "group:taliban")


def test_nlp_demonym_does_not_split_an_organisation_name(nlp):
    doc = nlp("The Indian Space Research Organisation launched a satellite on Monday.")
    assert "Indian" not in entities(doc)


def test_nlp_ruler_patterns_skip_ambiguous_surnames_and_lowercase_words(kb):
    texts = {pattern["pattern"] for pattern in ruler_patterns(kb)}
    assert "Muttaqi" in texts and "Khan" not in texts
    assert "external affairs ministry" in texts
    single_words = [text for text in texts if " " not in text]
    assert all(text.startswith("@") or text != text.lower() for text in single_words)


def test_nlp_missing_model_is_a_coded_error(monkeypatch, kb):
    def missing(name, **options):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(nlp_module.spacy, "load", missing)
    with pytest.raises(DatelineError, match="E060"):
        build_pipeline(kb)


def test_nlp_analysis_leaves_no_cache_on_the_doc(analyzer):
    """The cached entities point back at their doc; left behind, they would keep every parsed doc
    alive until a full garbage collection."""
    from dateline.analyze.nlp import doc_ents, doc_text
    from dateline.model import Article

    text = "Jaishankar met Atmar in Dushanbe on Tuesday."
    doc = analyzer.nlp(text)
    assert doc_text(doc) == text and [e.text for e in doc_ents(doc)] == [e.text for e in doc.ents]
    assert doc.user_data
    analysis = analyzer(doc, Article("a1", "a.txt", text))
    assert analysis.events and not doc.user_data
