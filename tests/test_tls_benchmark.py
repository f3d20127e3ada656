"""The Timeline17 benchmark's scoring (benchmarks/tls_timeline17.py): Date-F1, tilse's align+ m:1
ROUGE and the gold file reader, on small timelines scored by hand."""
import importlib.util
import os
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = Path(os.environ.get("DATELINE_TIMELINE17", ROOT.parent / "shared" / "benchmarks" / "tls-timeline17"))


def load_benchmark():
    # benchmarks/ is not a package: load the script from its path
    spec = importlib.util.spec_from_file_location("tls_timeline17", ROOT / "benchmarks" / "tls_timeline17.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tls = load_benchmark()
JAN = {day: date(2011, 1, day) for day in range(1, 32)}


def test_date_f1_on_a_partial_overlap():
    predicted = {JAN[1]: ["a"], JAN[2]: ["b"], JAN[3]: ["c"], JAN[4]: ["d"]}
    gold = {JAN[3]: ["c"], JAN[4]: ["d"], JAN[5]: ["e"]}
    scores = tls.date_scores(predicted, gold)
    # 2 shared dates: P = 2/4, R = 2/3, F1 = 2 * (1/2) * (2/3) / (1/2 + 2/3) = 4/7
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(4 / 7)


def test_rouge_words_drop_smart_stopwords_before_stemming():
    words = tls.RougeWords()
    # "the" and "said" are on ROUGE's list; "troops" -> "troop", "city" -> "citi" (Porter)
    assert words(["The troops said they entered the city ."]) == ["troop", "enter", "citi"]
    assert tls.RougeWords(drop_stopwords=False)(["The city"]) == ["the", "citi"]


def test_a_day_off_gets_half_the_credit():
    predicted = {JAN[1]: ["troops entered the city"], JAN[10]: ["rain fell"]}
    gold = {JAN[2]: ["troops entered the city"], JAN[10]: ["the rain fell heavily"]}
    # Costs (1 - 1/(days + 1)) * (1 - content F1), content on raw tokens:
    #   Jan 1 -> Jan 2: 0.5 * (1 - 1) = 0;  Jan 1 -> Jan 10: 0.9 * (1 - 1/4) = 0.675
    #   Jan 10 -> Jan 2: (8/9) * (1 - 0) = 0.889;  Jan 10 -> Jan 10: 0 * ... = 0
    # so Jan 1 pairs with Jan 2 (weight 1/2) and Jan 10 with Jan 10 (weight 1), both ways.
    alignment = tls.align_many_to_one(predicted, gold)
    assert alignment.for_precision == [(0, 0), (1, 1)]
    assert alignment.for_recall == [(0, 0), (1, 1)]
    scores = tls.score_timeline(predicted, gold)
    # ROUGE-1, stopwords dropped: predicted [troop enter citi] [rain fell] (5 words), gold
    # [troop enter citi] [rain fell heavili] (6). Weighted matches 0.5 * 3 + 1 * 2 = 3.5:
    # P = 3.5/5 = 7/10, R = 3.5/6 = 7/12, F1 = 2PR / (P + R) = 7/11.
    assert scores.rouge1.precision == pytest.approx(0.7)
    assert scores.rouge1.recall == pytest.approx(7 / 12)
    assert scores.rouge1.f1 == pytest.approx(7 / 11)
    # ROUGE-2: predicted bigrams 2 + 1, gold 2 + 2; matches 0.5 * 2 + 1 * 1 = 2:
    # P = 2/3, R = 2/4, F1 = 4/7.
    assert scores.rouge2.f1 == pytest.approx(4 / 7)
    # Stopwords kept, "the" counts: predicted 4 + 2 words, gold 4 + 4; matches 0.5 * 4 + 2 = 4:
    # P = 4/6, R = 4/8, F1 = 4/7.
    assert scores.rouge1_sw.f1 == pytest.approx(4 / 7)


def test_many_to_one_follows_content_over_a_nearer_date():
    predicted = {JAN[5]: ["bank collapsed"]}
    gold = {JAN[4]: ["storm hit coast"], JAN[7]: ["bank collapsed"]}
    # Jan 5 -> Jan 4 costs 0.5 * (1 - 0) = 0.5; Jan 5 -> Jan 7 costs (2/3) * (1 - 1) = 0:
    # the farther day with the same words wins. For recall both gold days go to Jan 5.
    alignment = tls.align_many_to_one(predicted, gold)
    assert alignment.for_precision == [(0, 1)]
    assert alignment.for_recall == [(0, 0), (0, 1)]
    scores = tls.score_timeline(predicted, gold).rouge1
    # words: [bank collaps] and gold [storm hit coast] [bank collaps]
    # P = (1/3 * 2) / 2 = 1/3; R = (1/2 * 0 + 1/3 * 2) / 5 = 2/15; F1 = 4/21
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.recall == pytest.approx(2 / 15)
    assert scores.f1 == pytest.approx(4 / 21)


def test_a_prediction_identical_to_gold_scores_one():
    gold = {JAN[3]: ["Protesters filled the square .", "Police fired tear gas ."],
            JAN[9]: ["The president resigned ."]}
    scores = tls.score_timeline(dict(gold), gold)
    for prf in (scores.dates, scores.rouge1, scores.rouge2, scores.rouge1_sw, scores.rouge2_sw):
        assert prf.precision == pytest.approx(1.0)
        assert prf.recall == pytest.approx(1.0)
        assert prf.f1 == pytest.approx(1.0)


def test_an_empty_prediction_scores_zero():
    gold = {JAN[3]: ["Protesters filled the square ."]}
    scores = tls.score_timeline({}, gold)
    for prf in (scores.dates, scores.rouge1, scores.rouge2, scores.rouge1_sw, scores.rouge2_sw):
        assert (prf.precision, prf.recall, prf.f1) == (0.0, 0.0, 0.0)


def test_summary_length_rounds_the_mean_as_news_tls():
    assert tls.summary_length({JAN[1]: ["a"] * 4, JAN[2]: ["b"] * 5, JAN[3]: ["c"] * 4}) == 4
    assert tls.summary_length({JAN[1]: ["a"] * 2, JAN[2]: ["b"] * 3}) == 2  # round(2.5), to even


GOLD_FILE = """2011-04-22
The Syrian uprising , then a month old , experienced its bloodiest day so far .
Many of the dead were in the southern village of Ezra .
--------------------------------
2011-10-03
Opposition groups formed the Syrian National Council .
--------------------------------
2011-04-0
A block whose date line was cut short .
--------------------------------
2011-04-22
Another block for the first date .
--------------------------------
"""


def test_gold_file_format_is_read(tmp_path):
    path = tmp_path / "tl1.txt"
    path.write_text(GOLD_FILE, encoding="utf-8")
    timeline, unread = tls.parse_timeline(path.read_text(encoding="utf-8"))
    assert list(timeline) == [date(2011, 4, 22), date(2011, 10, 3)]  # sorted, one per date
    assert timeline[date(2011, 4, 22)] == [
        "The Syrian uprising , then a month old , experienced its bloodiest day so far .",
        "Many of the dead were in the southern village of Ezra .",
        "Another block for the first date ."]
    assert unread == ["2011-04-0"]
    fixed, unread = tls.parse_timeline(GOLD_FILE, {"2011-04-0": "2011-04-02"})
    assert fixed[date(2011, 4, 2)] == ["A block whose date line was cut short ."]
    assert unread == []


@pytest.mark.skipif(not TIMELINE17.is_dir(), reason="Timeline17 is not beside the repository")
def test_real_gold_timelines_are_read():
    golds = {gold.label: gold for gold in tls.read_golds(TIMELINE17)}
    assert len(golds) == 19
    assert len({gold.topic for gold in golds.values()}) == 9
    syria = golds["SyrianCrisis_bbc/tl1"].timeline
    assert len(syria) == 13
    first = syria[date(2011, 4, 22)]
    assert first[0].startswith("The Syrian uprising , then a month old")
    assert len(first) == 2
    assert date(2011, 4, 2) in golds["MJ_bbc/bbc.co.uk"].timeline  # the truncated date line, fixed
