from dataclasses import replace
from datetime import date

from samples import (AFGHANISTAN, ATMAR, ATMAR_SHORT, INDIA, JAISHANKAR, TALIBAN,
                     meeting_analyses)

from dateline.fuse.events import ArticleRef, fuse_events, group_events
from dateline.model import Event, Location

ARTICLES = {"a1": ArticleRef("a.txt", date(2021, 7, 14)), "a2": ArticleRef("b.txt", date(2021, 7, 15)),
            "a3": ArticleRef("c.txt", date(2021, 7, 30))}
ACTORS = {a.id: a for a in (JAISHANKAR, ATMAR, INDIA, AFGHANISTAN, TALIBAN)}


def make(id_, article="a1", type_="CONSULT", mode="meet", source=JAISHANKAR.id, target=ATMAR.id,
         day=date(2021, 7, 13), basis="text", precision="day", **fields) -> Event:
    sentence = int("".join(c for c in id_ if c.isdigit()) or 0)  # e1 and e2 are two sentences
    return Event(id_, article, type_, mode, "040", 1, 1.0, source, target, mode, sentence,
                 f"sentence of {id_}", date=day, date_end=day, date_basis=basis if day else None,
                 date_precision=precision if day else None, **fields)


def ids(groups):
    return [[e.id for e in group] for group in groups]


def test_events_same_pair_and_date_join():
    groups = group_events([make("e1"), make("e2", "a2")], ARTICLES, {})
    assert ids(groups) == [["e1", "e2"]]


def test_events_symmetric_mode_joins_either_order():
    swapped = make("e2", "a2", mode="talks", source=ATMAR.id, target=JAISHANKAR.id)
    assert ids(group_events([make("e1"), swapped], ARTICLES, {})) == [["e1", "e2"]]


def test_events_directed_type_needs_exact_order():
    accuse = make("e1", type_="ACCUSE", mode="accuse")
    back = make("e2", "a2", type_="ACCUSE", mode="accuse", source=ATMAR.id, target=JAISHANKAR.id)
    assert ids(group_events([accuse, back], ARTICLES, {})) == [["e1"], ["e2"]]


def test_events_different_type_or_date_stay_apart():
    agree = make("e2", type_="AGREE", mode="agree")
    later = make("e3", day=date(2021, 9, 1))
    assert ids(group_events([make("e1"), agree, later], ARTICLES, {})) == [["e1"], ["e2"], ["e3"]]


def test_events_linked_actors_join():
    short = make("e2", "a2", source=ATMAR_SHORT.id, target=JAISHANKAR.id)
    links = {ATMAR_SHORT.id: ATMAR.id}
    assert ids(group_events([make("e1"), short], ARTICLES, links)) == [["e1", "e2"]]
    assert ids(group_events([make("e1"), short], ARTICLES, {})) == [["e1"], ["e2"]]


def test_events_publication_date_matches_three_days_back():
    # Published 2021-07-15: the window 07-12..07-15 covers the meeting on 07-13.
    reported = make("e2", "a2", day=date(2021, 7, 15), basis="publication")
    # Published 2021-07-30: its window 07-27..07-30 does not.
    late = make("e3", "a3", day=date(2021, 7, 30), basis="publication")
    assert ids(group_events([make("e1"), reported, late], ARTICLES, {})) == [["e1", "e2"], ["e3"]]


def test_events_month_interval_overlaps_day():
    month = replace(make("e2", "a2", day=date(2021, 7, 1), precision="month"),
                    date_end=date(2021, 7, 31))
    assert ids(group_events([make("e1"), month], ARTICLES, {})) == [["e1", "e2"]]


def test_events_of_undated_articles_join_only_within_one_article():
    articles = {**ARTICLES, "n1": ArticleRef("n1.txt", None), "n2": ArticleRef("n2.txt", None)}
    undated = [make("u1", "n1", day=None), make("u2", "n1", day=None), make("u3", "n2", day=None)]
    groups = group_events([make("e1"), *undated], articles, {})
    assert ids(groups) == [["e1"], ["u1", "u2"], ["u3"]]


def test_events_without_date_words_match_by_their_article_date_and_stay_undated():
    # The words date neither report; the article's day still says which happening they can be.
    undated = [make("u1", day=None), make("u3", "a2", day=None)]
    late = make("u4", "a3", day=None)  # published 2021-07-30: too late to be the same meeting
    groups = group_events([make("e1"), *undated, late], ARTICLES, {})
    assert ids(groups) == [["e1", "u1", "u3"], ["u4"]]
    (fused,) = fuse_events(undated, ARTICLES, {}, ACTORS)
    assert (fused.date, fused.date_basis) == (None, None)


def test_events_joins_are_transitive():
    chain = [make("e1", day=date(2021, 7, 1)),
             replace(make("e2", "a2", day=date(2021, 7, 1)), date_end=date(2021, 7, 10)),
             make("e3", "a3", day=date(2021, 7, 10))]
    assert ids(group_events(chain, ARTICLES, {})) == [["e1", "e2", "e3"]]


def test_events_fused_takes_most_specific_date_and_occurred_status():
    month = replace(make("e1", day=date(2021, 7, 1), precision="month", status="claimed"),
                    date_end=date(2021, 7, 31))
    published = make("e2", "a2", day=date(2021, 7, 15), basis="publication", status="claimed")
    day = make("e3", "a3", day=date(2021, 7, 13), status="occurred")
    (fused,) = fuse_events([month, published, day], ARTICLES, {}, ACTORS)
    assert (fused.date, fused.date_end, fused.date_precision, fused.date_basis) == (
        date(2021, 7, 13), date(2021, 7, 13), "day", "text")
    assert fused.status == "occurred"
    # The day is listed first, then the month it refines, then the publication date.
    assert [(c.date, c.precision, c.basis, c.support) for c in fused.dates] == [
        (date(2021, 7, 13), "day", "text", 3), (date(2021, 7, 1), "month", "text", 1),
        (date(2021, 7, 15), "day", "publication", 2)]
    assert fused.date_note.startswith("2021-07-13 (day, in words) from 1 source (3 sources agree")


def test_events_a_plan_is_not_the_deed():
    planned = make("e1", status="planned")
    held = make("e2", "a2", status="occurred")
    assert ids(group_events([planned, held], ARTICLES, {})) == [["e1"], ["e2"]]


def test_events_conflicting_days_stay_listed_and_the_best_supported_wins():
    tuesday = [make("e1"), make("e2", "a2")]
    wednesday = make("e3", "a3", day=date(2021, 7, 14))
    (fused,) = fuse_events([*tuesday, wednesday], ARTICLES, {}, ACTORS)
    assert fused.date == date(2021, 7, 13)
    assert [(c.date, c.reports) for c in fused.dates] == [(date(2021, 7, 13), 2), (date(2021, 7, 14), 1)]
    assert "2021-07-14 (day, in words) from 1 source" in fused.date_note


def test_events_two_triggers_in_one_sentence_are_one_source():
    met = make("e1")
    talked = replace(make("e2", mode="talks"), sentence=1)
    (fused,) = fuse_events([met, talked], ARTICLES, {}, ACTORS)
    assert len(fused.sources) == 1 and fused.members == ["e1", "e2"]


def test_events_a_near_duplicate_adds_sources_never_events():
    original, copy = make("e1"), make("e2", "a2")
    alone = make("e3", "a2", type_="ACCUSE", mode="accuse")
    fused = fuse_events([original, copy, alone], ARTICLES, {}, ACTORS, originals={"a2": "a1"})
    assert [[s.event_id for s in f.sources] for f in fused] == [["e1", "e2"]]


def test_events_fused_takes_most_common_location_and_mode():
    dushanbe = Location("Dushanbe", "TJK")
    events = [make("e1", mode="talks", location=dushanbe), make("e2", "a2", location=None),
              make("e3", "a3", mode="talks", location=dushanbe),
              make("e4", "a3", mode="talks", location=None)]
    (fused,) = fuse_events(events, ARTICLES, {}, ACTORS)
    assert fused.location == dushanbe and fused.mode == "talks"
    assert fused.summary == ("Subrahmanyam Jaishankar (IND) held talks with "
                             "Mohammad Haneef Atmar (AFG) in Dushanbe")


def test_events_reports_of_two_places_are_two_happenings():
    dushanbe, tashkent = Location("Dushanbe", "TJK"), Location("Tashkent", "UZB")
    kabul, kandahar = Location("Kabul", "AFG"), Location("Kandahar", "AFG")
    assert ids(group_events([make("e1", location=dushanbe), make("e2", "a2", location=tashkent)],
                            ARTICLES, {})) == [["e1"], ["e2"]]
    assert ids(group_events([make("e1", location=kabul), make("e2", "a2", location=kandahar)],
                            ARTICLES, {})) == [["e1"], ["e2"]]


def test_events_fused_id_is_stable_and_depends_on_members():
    events = [make("e1"), make("e2", "a2")]
    first = fuse_events(events, ARTICLES, {}, ACTORS)[0].id
    assert fuse_events(list(reversed(events)), ARTICLES, {}, ACTORS)[0].id == first
    assert fuse_events(events[:1], ARTICLES, {}, ACTORS)[0].id != first


def test_events_sample_meeting_fuses_three_reports():
    analyses = meeting_analyses()
    articles = {a.article.id: ArticleRef(a.article.source, a.article.published) for a in analyses}
    events = [e for a in analyses for e in a.events]
    fused = fuse_events(events, articles, {ATMAR_SHORT.id: ATMAR.id}, ACTORS)
    meeting = next(f for f in fused if f.type == "CONSULT")
    assert len(fused) == 3
    assert [s.source for s in meeting.sources] == [
        "articles/a.txt", "articles/c.jsonl:3", "articles/b.txt"]
    assert meeting.target_actor == ATMAR and meeting.date == date(2021, 7, 13)


def test_events_one_sided_report_joins_the_only_matching_happening():
    seized = make("e1", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=AFGHANISTAN.id)
    no_target = make("e2", "a2", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=None)
    assert ids(group_events([seized, no_target], ARTICLES, {})) == [["e1", "e2"]]


def test_events_one_sided_report_stays_apart_when_it_could_be_either():
    on_india = make("e1", type_="ACCUSE", mode="accuse", source=TALIBAN.id, target=INDIA.id)
    on_afghanistan = make("e2", type_="ACCUSE", mode="accuse", source=TALIBAN.id, target=AFGHANISTAN.id)
    vague = make("e3", "a2", type_="ACCUSE", mode="accuse", source=TALIBAN.id, target=None)
    assert ids(group_events([on_india, on_afghanistan, vague], ARTICLES, {})) == [["e1"], ["e2"], ["e3"]]


def test_events_one_sided_report_outside_the_dates_stays_apart():
    seized = make("e1", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=AFGHANISTAN.id)
    later = make("e2", "a3", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=None, day=date(2021, 7, 29))
    assert ids(group_events([seized, later], ARTICLES, {})) == [["e1"], ["e2"]]


def test_events_fused_event_names_both_sides_when_any_report_does():
    one_sided = make("e0", "a2", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=None)
    full = make("e9", type_="ASSAULT", mode="seize", source=TALIBAN.id, target=AFGHANISTAN.id)
    (fused,) = fuse_events([one_sided, full], ARTICLES, {}, ACTORS)
    assert (fused.source_actor.id, fused.target_actor.id) == (TALIBAN.id, AFGHANISTAN.id)
    assert len(fused.sources) == 2


def _count_pair_scores(monkeypatch) -> list:
    from dateline.fuse import events as fuse_events_module

    calls = []
    real = fuse_events_module.pair_score

    def counted(a, b):
        calls.append((a.index, b.index))
        return real(a, b)

    monkeypatch.setattr(fuse_events_module, "pair_score", counted)
    return calls


def test_events_a_burst_of_syndicated_copies_is_one_event_matched_once(monkeypatch):
    """500 outlets print one agency story: one event with 500 sources, and the copies' identical
    reports are matched through one stand-in, not each against every other."""
    articles = {f"c{i:03d}": ArticleRef(f"c{i:03d}.txt", date(2021, 7, 14)) for i in range(500)}
    originals = {article: "c000" for article in articles if article != "c000"}
    copies = [replace(make(f"e{i:03d}", f"c{i:03d}"), sentence_text="India and Afghanistan met in Dushanbe.")
              for i in range(500)]
    calls = _count_pair_scores(monkeypatch)
    [fused] = fuse_events(copies, articles, {}, ACTORS, originals=originals)
    assert len(fused.sources) == 500 and fused.members == sorted(e.id for e in copies)
    assert len(calls) == 0  # one stand-in, nothing to compare it with


def test_events_a_burst_in_many_words_is_matched_with_neighbours_only(monkeypatch):
    """One happening told by 600 articles in their own words: each report meets at most
    BLOCK_LIMIT others, and the reports still join as one happening."""
    from dateline.fuse.blocks import BLOCK_LIMIT

    articles = {f"w{i:03d}": ArticleRef(f"w{i:03d}.txt", date(2021, 7, 14)) for i in range(600)}
    reports = [replace(make(f"e{i:03d}", f"w{i:03d}"), sentence_text=f"India met Afghanistan, report {i} said.")
               for i in range(600)]
    calls = _count_pair_scores(monkeypatch)
    groups = group_events(reports, articles, {}, ACTORS)
    assert ids(groups) == [sorted(e.id for e in reports)]
    assert len(calls) <= 600 * BLOCK_LIMIT // 2 < 600 * 599 // 2


def test_events_the_block_limit_is_symmetric():
    from dateline.fuse.blocks import BLOCK_LIMIT, Blocks
    from dateline.fuse.reports import make_reports

    events = [make(f"e{i:03d}", f"w{i:03d}") for i in range(BLOCK_LIMIT * 2)]
    reports = make_reports(events, {}, {}, ACTORS, {}, {})
    blocks = Blocks(reports)
    meets = {(r.index, other.index) for r in reports for other in blocks.of(r)}
    assert all((b, a) in meets for a, b in meets)
    assert max(sum(1 for a, _ in meets if a == r.index) for r in reports) == BLOCK_LIMIT


def test_events_fused_keeps_the_sector_its_reports_words_give_each_side():
    """ "Afghan troops" in two reports and "Afghanistan" in a third: the state is the side, and
    the fused event keeps the military sector the reports' words give it, as CAMEO codes it."""
    events = [make("e1", type_="ASSAULT", mode="attack", source=AFGHANISTAN.id, target=TALIBAN.id,
                   source_sector="MIL"),
              make("e2", "a2", type_="ASSAULT", mode="attack", source=AFGHANISTAN.id, target=TALIBAN.id,
                   source_sector="MIL"),
              make("e3", "a2", type_="ASSAULT", mode="attack", source=AFGHANISTAN.id, target=TALIBAN.id)]
    (fused,) = fuse_events(events, ARTICLES, {}, ACTORS)
    assert (fused.source_actor.id, fused.source_sector, fused.target_sector) == (AFGHANISTAN.id, "MIL", None)


def test_events_fused_sector_follows_its_actor_when_a_report_reads_the_other_way():
    events = [make("e1", source=INDIA.id, target=AFGHANISTAN.id, source_sector="GOV", mode="talks"),
              make("e2", "a2", source=AFGHANISTAN.id, target=INDIA.id, target_sector="GOV",
                   source_sector="MIL", mode="talks")]
    (fused,) = fuse_events(events, ARTICLES, {}, ACTORS)
    sectors = {fused.source_actor.id: fused.source_sector, fused.target_actor.id: fused.target_sector}
    assert sectors == {INDIA.id: "GOV", AFGHANISTAN.id: "MIL"}


def test_events_a_states_forces_acting_on_its_people_keep_both_sides():
    """ "Syrian forces killed 24 civilians": SYR MIL on SYR CVL is not a state acting on itself."""
    killing = make("e1", type_="ASSAULT", mode="kill", source=AFGHANISTAN.id, target=AFGHANISTAN.id,
                   source_sector="MIL", target_sector="CVL")
    (fused,) = fuse_events([killing], ARTICLES, {}, ACTORS)
    assert (fused.source_actor.id, fused.source_sector, fused.target_actor.id, fused.target_sector) == (
        AFGHANISTAN.id, "MIL", AFGHANISTAN.id, "CVL")
    talks = make("e2", source=AFGHANISTAN.id, target=AFGHANISTAN.id)
    (alone,) = fuse_events([talks], ARTICLES, {}, ACTORS)
    assert alone.target_actor is None  # "Afghanistan held talks with Afghanistan" says nothing
