"""How sources are cited: "Headline — Outlet, 2011-06-03", the path only where there is no
headline; a timeline line's brief citation of its first source."""
from datetime import date

from dateline.model import EventSource, FusedEvent
from dateline.render.labels import (HEADLINE_SHOWN, citation_label, short_id_label,
                                    sources_label)


def source(title=None, outlet=None, published=date(2011, 6, 3), path="news/a.txt"):
    return EventSource("e1", "a1", path, published, "They met.", title=title, outlet=outlet)


def fused(*sources, short_id=""):
    return FusedEvent("0123456789abcdef", "CONSULT", "meet", "040", 1, 1.0, "occurred", None,
                      None, None, date(2011, 6, 2), date(2011, 6, 2), "day", "text",
                      "They met", sources=list(sources), short_id=short_id)


def test_render_citation_headline_outlet_and_published_day():
    assert citation_label(source("Leaders meet", "Reuters")) == "Leaders meet — Reuters, 2011-06-03"
    assert citation_label(source("Leaders meet")) == "Leaders meet, 2011-06-03"
    assert citation_label(source("Leaders meet", "Reuters", None)) == "Leaders meet — Reuters, undated"


def test_render_citation_path_only_without_headline():
    assert citation_label(source(None, "Reuters")) == "news/a.txt, 2011-06-03"
    assert citation_label(source("  ", "Reuters")) == "news/a.txt, 2011-06-03"


def test_render_citation_escapes_control_codes_and_cuts_long_headlines():
    assert citation_label(source("Red \x1b[31mflag", "Out\x07let")) == (
        "Red \\x1b[31mflag — Out\\x07let, 2011-06-03")
    assert citation_label(source(None, path="evil\x1b.txt")).startswith("evil\\x1b.txt")
    long = "Word " * 30
    cut = citation_label(source(long, "Wire"), HEADLINE_SHOWN)
    headline = cut.split(" — ")[0]
    assert headline.endswith("…") and len(headline) <= HEADLINE_SHOWN
    assert citation_label(source(long, "Wire")).startswith(long.strip())  # uncut when unasked


def test_render_sources_label_cites_the_first_and_counts_the_rest():
    one = source("Leaders meet", "Reuters")
    assert sources_label(fused(one)) == "[Leaders meet — Reuters, 2011-06-03]"
    assert sources_label(fused(one, source(), source())) == (
        "[Leaders meet — Reuters, 2011-06-03 (+2 more)]")
    assert sources_label(fused()) == "[0 sources]"


def test_render_short_id_label_is_the_short_id_or_the_whole_id():
    assert short_id_label(fused(short_id="01234567")) == "01234567"
    assert short_id_label(fused()) == "0123456789abcdef"
