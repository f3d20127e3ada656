"""The timeline, events and actors pages one page at a time (`?page=`, `?per_page=`, `?month=`),
over the sample corpus: the paging's arithmetic, its links, the month jumps, its JSON, and the
values it refuses (E061, 400) or finds no page for (E062, 404)."""
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from dateline.query import Database

PAGER = re.compile(r'<nav class="pager" id="pager".*?</nav>', re.S)


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    return response


def link(html, rel):
    """The href of the top pager's link `rel` (next, prev) or class (first, last)."""
    pager = PAGER.search(html).group()
    found = re.search(rf'<a (?:rel|class)="{rel}"[^>]*href="([^"]*)"', pager)
    return unescape(found.group(1)) if found else None


def query(url):
    return {k: v for k, v in parse_qs(urlsplit(url).query).items()}


@pytest.fixture(scope="module")
def every(corpus_db):
    """Every event of the sample corpus, sure or not, in the timeline's order."""
    with Database(corpus_db) as db:
        return [e.id for e in db.events(min_confidence=0)]


@pytest.mark.parametrize("base", ["/timeline", "/events"])
def test_web_pages_split_the_list_and_count_it(client, every, base):
    per_page = 10
    pages = -(-len(every) // per_page)
    first = get(client, f"{base}.json?all=1&per_page={per_page}").json()
    assert (first["total"], first["page"], first["per_page"], first["pages"]) == (
        len(every), 1, per_page, pages)
    assert [e["id"] for e in first["events"]] == every[:per_page]
    last = get(client, f"{base}.json?all=1&per_page={per_page}&page={pages}").json()
    assert [e["id"] for e in last["events"]] == every[(pages - 1) * per_page:]
    html = get(client, f"{base}?all=1&per_page={per_page}&page=2").text
    assert f"events 11–20 of {len(every):,} · page 2 of {pages}" in html
    assert f'id="count">{len(every)} events<' in html  # the whole list's length, as before
    # A page past the last is no page: 404, not another page shown under its number.
    gone = get(client, f"{base}.json?all=1&per_page={per_page}&page={pages + 1}", 404).json()
    assert gone["error"].startswith(f"E062: page '{pages + 1}' is not in this list: it has")
    assert "E062" in get(client, f"{base}?page=999", 404).text


@pytest.mark.parametrize("base", ["/timeline", "/events", "/actors"])
def test_web_pager_links_keep_every_other_parameter(client, base):
    filters = "actor=India&all=1" if base != "/actors" else "x=1"
    html = get(client, f"{base}?{filters}&per_page=3&page=2").text
    assert re.search(r'<nav class="pager" id="pager"[^>]*>.*<a rel="next" id="next-page" href=',
                     html, re.S)
    kept = query(f"?{filters}&per_page=3")
    for rel, number in (("next", "3"), ("prev", None), ("first", None)):
        asked = query(link(html, rel))
        assert {k: v for k, v in asked.items() if k != "page"} == kept, rel
        assert asked.get("page") == ([number] if number else None), rel
    assert urlsplit(link(html, "next")).path == base
    last = query(link(html, "last"))["page"][0]
    final = get(client, f"{base}?{filters}&per_page=3&page={last}").text
    assert link(final, "next") is None and link(final, "last") is None  # no page after the last
    assert link(get(client, f"{base}?{filters}&per_page=3").text, "prev") is None


def test_web_show_all_starts_the_full_list_from_its_first_page(client):
    html = get(client, "/timeline?actor=India&per_page=5&page=2").text
    show_all = unescape(re.search(r'id="show-all" href="([^"]*)"', html).group(1))
    assert query(show_all) == {"actor": ["India"], "per_page": ["5"], "all": ["1"]}


@pytest.mark.parametrize("base", ["/timeline", "/events"])
def test_web_month_jumps_open_the_page_the_month_starts_on(client, every, base):
    per_page = 7
    answer = get(client, f"{base}.json?all=1&per_page={per_page}").json()
    months = answer["months"]
    assert sum(m["events"] for m in months) == len(every) and months[-1]["month"] is None
    html = get(client, f"{base}?all=1&per_page={per_page}").text
    jumps = re.search(r'<nav class="month-jumps".*?</nav>', html, re.S).group()
    before = 0
    for month in months:
        assert month["page"] == before // per_page + 1
        jumped = get(client, f"{base}.json?all=1&per_page={per_page}"
                             f"&month={month['month'] or 'undated'}").json()
        assert jumped["page"] == month["page"]
        first = jumped["events"][before % per_page]  # the month's first event is on that page
        assert first["id"] == every[before]
        assert (first["date"] or "")[:7] == (month["month"] or "")
        anchor = f"month-{month['month']}" if month["month"] else "undated"
        page = f"&amp;page={month['page']}" if month["page"] > 1 else ""
        assert f'href="{base}?all=1&amp;per_page={per_page}{page}#{anchor}"' in jumps
        opened = get(client, f"{base}?all=1&per_page={per_page}&month={month['month'] or 'undated'}")
        assert f'id="{anchor}"' in opened.text
        before += month["events"]
    assert "E062" in get(client, f"{base}.json?month=1999-01", 404).json()["error"]


@pytest.mark.parametrize("asked", ["page=0", "page=-1", "page=x", "page=1.5", "per_page=0",
                                   "per_page=501", "per_page=ten", "month=2021-13",
                                   "month=June", "month=2021-6"])
def test_web_bad_paging_values_are_400_with_e061(client, asked):
    for base in ("/timeline", "/events"):
        answer = get(client, f"{base}.json?{asked}", 400).json()
        assert answer["error"].startswith("E061: "), answer
        assert "E061" in get(client, f"{base}?{asked}", 400).text
    if not asked.startswith("month"):
        assert get(client, f"/actors.json?{asked}", 400).json()["error"].startswith("E061: ")


def test_web_actors_page_by_page(client, corpus_db):
    with Database(corpus_db) as db:
        actors = [a.id for a, _ in db.actors()]
    assert len(actors) > 20
    answer = get(client, "/actors.json?per_page=10&page=2").json()
    assert (answer["total"], answer["page"], answer["pages"]) == (len(actors), 2,
                                                                  -(-len(actors) // 10))
    assert [a["id"] for a in answer["actors"]] == actors[10:20]
    html = get(client, "/actors?per_page=10&page=2").text
    assert f"actors 11–20 of {len(actors):,}" in html
    assert html.count('<a href="/actors/') == 10
