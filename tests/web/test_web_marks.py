from samples import AFGHANISTAN, INDIA

from dateline.model import Relation, RelationMonth, Sentence
from dateline.query.articles import find_words, trigger_span
from dateline.web.chart import relation_chart
from dateline.web.marks import Mark, marked_sentence, marked_text


def test_web_marks_overlapping_marks_nest_and_text_is_escaped():
    text = "India's <b>envoy</b> met on Tuesday & left"
    marks = [Mark(0, 5, "actor", "IND", "/actors/IND"), Mark(21, 24, "trigger", "CONSULT"),
             Mark(21, 35, "time", "phrase")]  # a time phrase holding the trigger
    html = str(marked_text(text, marks))
    assert html == ('<a class="actor" title="IND" href="/actors/IND">India</a>&#39;s '
                    "&lt;b&gt;envoy&lt;/b&gt; "
                    '<mark class="time" title="phrase"><mark class="trigger" title="CONSULT">met'
                    '</mark></mark><mark class="time" title="phrase"> on Tuesday</mark> &amp; left')


def test_web_marks_titles_and_links_are_escaped_too():
    html = str(marked_text("abc", [Mark(0, 3, "actor", '"><script>', '/a?x="y"')]))
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html
    assert 'href="/a?x=&#34;y&#34;"' in html


def test_web_marks_sentence_trigger_and_date_found_as_written():
    html = str(marked_sentence("They  MET in Dushanbe on\nTuesday.", "met", "on Tuesday"))
    assert '<mark class="trigger" title="trigger">MET</mark>' in html
    assert '<mark class="time" title="date">on\nTuesday</mark>' in html
    assert str(marked_sentence("No words here", "met", None)) == "No words here"


def test_query_articles_words_are_whole_words_and_spans_are_in_the_article():
    assert find_words("The committee met", "met") == (14, 17)
    assert find_words("He metered it", "met") is None
    sentence = Sentence(3, 100, 120, "Talks were held over")
    assert trigger_span("held over", sentence) == (111, 120)
    assert trigger_span("held", None) is None


def test_web_chart_bars_scale_to_the_busiest_month():
    months = [RelationMonth("2021-12", 2, 0, 0, 3.0, ["a", "b"]),
              RelationMonth("2022-01", 0, 0, 0, 0.0),
              RelationMonth("2022-02", 1, 4, 0, -20.0, ["c"])]
    chart = relation_chart(Relation(INDIA, AFGHANISTAN, months=months))
    assert chart.peak == 4 and len(chart.bars) == 3
    half = chart.axis - 24
    assert [(b.up, b.down) for b in chart.bars] == [(half / 2, 0), (0, 0), (half / 4, half)]
    assert [label for _, label in chart.ticks] == ["2021", "2022"]
    assert relation_chart(Relation(INDIA, AFGHANISTAN)).bars == []
