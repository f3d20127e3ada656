"""A long text is parsed in parts and joined: the same text, offsets and annotations as one parse."""
from dateline.analyze.segments import parse_texts, split_text

PARAGRAPH = ("India's foreign minister met the Taliban's envoy in Doha on Tuesday. They discussed aid "
             "and the safety of Indian nationals.")


def test_split_text_cuts_at_paragraph_breaks_and_joins_back():
    text = "\n\n".join([PARAGRAPH] * 40)
    parts = split_text(text, limit=1_000)
    assert "".join(parts) == text
    assert all(len(part) <= 1_000 for part in parts) and len(parts) > 4
    assert all(part.endswith("\n\n") for part in parts[:-1])


def test_split_text_falls_back_to_sentences_then_spaces_then_a_hard_cut():
    one_paragraph = " ".join([PARAGRAPH] * 20)
    parts = split_text(one_paragraph, limit=500)
    assert "".join(parts) == one_paragraph and all(p.endswith(". ") for p in parts[:-1])
    word = "x" * 1_200
    assert split_text(word, limit=500) == [word[:500], word[500:1000], word[1000:]]
    assert split_text("", limit=500) == [""]


def test_parse_texts_joins_the_parts_of_a_long_text(nlp, monkeypatch):
    long_text = "\n\n".join([PARAGRAPH] * 12)
    monkeypatch.setattr("dateline.analyze.segments.SEGMENT_CHARS", 600)
    assert len(split_text(long_text)) == 3
    parsed = list(parse_texts(nlp, [("short one.", "a"), (long_text, "b"), ("", "c")], batch_size=4))
    assert [context for _, context in parsed] == ["a", "b", "c"]
    doc = parsed[1][0]
    whole = nlp(long_text)
    assert doc.text == long_text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert [(s.start_char, s.end_char) for s in doc.sents] == [(s.start_char, s.end_char) for s in whole.sents]
    assert [(e.start_char, e.label_) for e in doc.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert [t.dep_ for t in doc] == [t.dep_ for t in whole]
