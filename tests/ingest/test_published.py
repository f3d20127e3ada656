from datetime import date

import pytest

from dateline.ingest.published import (
    collect_page_metadata,
    page_published,
    parse_date,
    split_date_line,
)


@pytest.mark.parametrize(
    "line",
    [
        " date 2021-07-14 :",
        "date 2021-07-14:",
        "date 2021-07-14",
        "Date: 2021-07-14",
        "DATE 2021-07-14",
        "date: July 14, 2021",
        "Date: 14 July 2021",
    ],
)
def test_published_date_line_variants(line):
    value, rest = split_date_line(f"{line}\nIndia evacuated its consulate.")
    assert parse_date(value) == date(2021, 7, 14)
    assert rest == "India evacuated its consulate."


def test_published_date_line_not_confused_with_sentence():
    text = "Date palms grow in Kandahar province.\nFarmers say exports fell."
    assert split_date_line(text) == (None, text)


def test_published_date_line_only_at_top():
    text = "India evacuated its consulate.\ndate 2021-07-14"
    assert split_date_line(text) == (None, text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-08-15", date(2021, 8, 15)),
        ("2021-08-15T09:30:00+04:30", date(2021, 8, 15)),
        ("2021-08-15 09:30", date(2021, 8, 15)),
        ("2021/8/15", date(2021, 8, 15)),
        ("Aug. 15, 2021", date(2021, 8, 15)),
        ("Sunday, August 15th, 2021", date(2021, 8, 15)),
        ("15 Sept 2021", date(2021, 9, 15)),
        ("2021-02-30", None),
        ("Smarch 3, 2021", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_published_parse_date_forms(value, expected):
    assert parse_date(value) == expected


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_published_page_meta_beats_json_ld_and_time():
    html = _page(
        '<meta property="article:published_time" content="2022-06-23T10:00:00Z">'
        '<script type="application/ld+json">{"datePublished": "2022-06-24"}</script>',
        '<article><time datetime="2022-06-25">June 25</time></article>',
    )
    assert page_published(collect_page_metadata(html)) == (date(2022, 6, 23), "metadata", None)


def test_published_page_json_ld_graph():
    html = _page(
        '<script type="application/ld+json">'
        '{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2023-02-01"}]}'
        "</script>"
    )
    assert page_published(collect_page_metadata(html)) == (date(2023, 2, 1), "metadata", None)


def test_published_page_time_only_inside_article():
    outside = _page("", '<aside><time datetime="2022-01-01">x</time></aside><article>t</article>')
    inside = _page("", '<article><p>t</p><time datetime="2022-01-02">x</time></article>')
    assert page_published(collect_page_metadata(outside)) == (None, "none", None)
    assert page_published(collect_page_metadata(inside)) == (date(2022, 1, 2), "metadata", None)


def test_published_page_unparsable_value_is_none_with_a_warning():
    html = _page('<meta itemprop="datePublished" content="last Tuesday">')
    assert page_published(collect_page_metadata(html)) == (
        None, "none", "W002: unreadable date 'last Tuesday'; stored undated")


def test_published_page_title_and_outlet():
    html = _page(
        "<title>Fallback | Site</title>"
        '<meta property="og:title" content="Taliban name interim cabinet">'
        '<meta property="og:site_name" content="Kabul Daily">'
    )
    page = collect_page_metadata(html)
    assert (page.title, page.site_name) == ("Taliban name interim cabinet", "Kabul Daily")
    assert collect_page_metadata(_page("<title> Only  title </title>")).title == "Only title"


@pytest.mark.parametrize(
    ("text", "value", "rest"),
    [
        (" date 2021-07-14 : External affairs minister S Jaishankar on Tuesday discussed the situation.",
         "2021-07-14", "External affairs minister S Jaishankar on Tuesday discussed the situation."),
        (" date 2021-07-13 In the wake of the deteriorating security situation, India acted.",
         "2021-07-13", "In the wake of the deteriorating security situation, India acted."),
        ("Date: July 14, 2021 — India evacuated its consulate.", "July 14, 2021", "India evacuated its consulate."),
        ("date 2021-07-14: India evacuated its consulate.\nMore text.", "2021-07-14",
         "India evacuated its consulate.\nMore text."),
    ],
)
def test_published_date_line_followed_by_first_sentence(text, value, rest):
    assert split_date_line(text) == (value, rest)


def test_published_same_line_date_must_parse():
    text = "Date 12 was picked for the vote.\nMore text."
    assert split_date_line(text) == (None, text)
