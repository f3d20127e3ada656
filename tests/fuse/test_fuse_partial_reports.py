"""Partial reports fuse into the complete event with its most specific actors; unrelated reports
stay apart. Events are built by hand: a report names a doer, a target, or both, in its own words."""
from datetime import date

from samples import AFGHANISTAN, INDIA, TALIBAN

from dateline.fuse.events import ArticleRef, fuse_events, group_events
from dateline.model import Actor, Event, Location

SINGH = Actor("person:j-p-singh", "J.P. Singh", "person", "IND", "GOV")
DOVAL = Actor("person:ajit-doval", "Ajit Doval", "person", "IND", "GOV")
MUTTAQI = Actor("person:amir-khan-muttaqi", "Amir Khan Muttaqi", "person", "AFG", "GOV")
YAQOOB = Actor("person:mohammad-yaqoob", "Mohammad Yaqoob", "person", "AFG", "GOV")
CLINTON = Actor("person:hillary-clinton", "Hillary Clinton", "person", "USA", "GOV")
USA = Actor("USA", "United States", "country", "USA")
RUSSIA = Actor("RUS", "Russia", "country", "RUS")
IRAN = Actor("IRN", "Iran", "country", "IRN")
PAKISTAN = Actor("PAK", "Pakistan", "country", "PAK")
CHINA = Actor("CHN", "China", "country", "CHN")
SYRIA = Actor("SYR", "Syria", "country", "SYR")
FSA = Actor("org:free-syrian-army", "Free Syrian Army", "group", "SYR", "REB")
ACTORS = {a.id: a for a in (INDIA, AFGHANISTAN, TALIBAN, SINGH, DOVAL, MUTTAQI, YAQOOB, CLINTON,
                            USA, RUSSIA, IRAN, PAKISTAN, CHINA, SYRIA, FSA)}
DAY = date(2022, 6, 2)


def report(id_: str, article: str, sentence: int, type_: str, mode: str, source: Actor | None,
           target: Actor | None, day: date | None = DAY, precision: str = "day",
           text: str = "", **fields) -> Event:
    end = day.replace(day=30) if day and precision == "month" else day
    return Event(id_, article, type_, mode, "040", 1, 1.0, source.id if source else None,
                 target.id if target else None, mode, sentence,
                 text or f"sentence {sentence} of {article}", date=day, date_end=end, date_precision=precision if day else None,
                 date_basis="text" if day else None, **fields)


def articles(*ids: str, published: date = DAY) -> dict[str, ArticleRef]:
    return {article: ArticleRef(f"{article}.txt", published) for article in ids}


def ids(groups) -> list[list[str]]:
    return [[e.id for e in group] for group in groups]


def test_partial_symmetric_report_matches_a_directed_one_the_other_way_round():
    # "India met the Taliban" says nothing of who hosted whom: it is "the Taliban hosted India".
    met = report("e1", "a1", 0, "CONSULT", "meet", INDIA, TALIBAN)
    hosted = report("e2", "a2", 0, "CONSULT", "host", TALIBAN, INDIA)
    assert ids(group_events([met, hosted], articles("a1", "a2"), {}, ACTORS)) == [["e1", "e2"]]


def test_partial_state_and_its_officials_are_one_side_in_the_most_specific_event():
    """"India met the Taliban" beside "J.P. Singh met Muttaqi" on the same day in one story, once
    the Taliban is called Afghanistan's government: one meeting, of Singh and Muttaqi."""
    states = report("e1", "a1", 0, "CONSULT", "meet", INDIA, TALIBAN, target_sector="GOV")
    people = report("e2", "a2", 0, "CONSULT", "talks", SINGH, MUTTAQI)
    stories = {"a1": "s1", "a2": "s1"}
    groups = group_events([states, people], articles("a1", "a2"), {}, ACTORS, stories)
    assert ids(groups) == [["e1", "e2"]]
    (fused,) = fuse_events([states, people], articles("a1", "a2"), {}, ACTORS, stories)
    assert (fused.source_actor.id, fused.target_actor.id) == (SINGH.id, MUTTAQI.id)
    assert len(fused.sources) == 2


def test_partial_fused_event_reads_the_act_as_most_reports_do():
    # One report reads the visit backwards ("Afghanistan visited J.P. Singh"); two name India's
    # side as the doer, so the fused event does too, each side as specific as any report names it.
    talks = report("e1", "a1", 0, "CONSULT", "talks", INDIA, MUTTAQI)
    met = report("e2", "a2", 0, "CONSULT", "meet", INDIA, AFGHANISTAN)
    backwards = report("e3", "a3", 4, "CONSULT", "visit", AFGHANISTAN, SINGH, day=date(2022, 6, 1),
                       precision="month")
    stories = {"a1": "s1", "a2": "s1", "a3": "s1"}
    (fused,) = fuse_events([talks, met, backwards], articles("a1", "a2", "a3"), {}, ACTORS, stories)
    assert (fused.source_actor.id, fused.target_actor.id) == (SINGH.id, MUTTAQI.id)
    assert fused.mode in ("talks", "meet")


def test_partial_report_naming_its_doers_own_state_joins_the_meeting_of_several_guests():
    """"Doval hosted [Delhi]" names India twice and no guest; the meeting India hosted for Russia
    and Iran (one sentence, one happening) is the one candidate it can be."""
    text = "India hosted the security chiefs of Russia and Iran in Delhi for the regional dialogue"
    russia = report("e1", "a1", 0, "CONSULT", "host", INDIA, RUSSIA, day=date(2021, 11, 10), text=text)
    iran = report("e2", "a1", 0, "CONSULT", "host", INDIA, IRAN, day=date(2021, 11, 10), text=text)
    doval = report("e3", "a2", 8, "CONSULT", "host", DOVAL, INDIA, day=date(2021, 11, 1),
                   precision="month",
                   text="Doval hosted the regional security dialogue in Delhi for Russia, Iran and others")
    refs = {"a1": ArticleRef("a1.txt", date(2021, 11, 11)),
            "a2": ArticleRef("a2.txt", date(2021, 11, 26))}
    assert ids(group_events([russia, iran, doval], refs, {}, ACTORS)) == [["e1", "e2", "e3"]]
    (fused,) = fuse_events([russia, iran, doval], refs, {}, ACTORS)
    assert fused.source_actor.id == DOVAL.id
    assert fused.target_actor is None  # no one of several guests is the meeting's guest
    assert fused.date == date(2021, 11, 10)


def test_partial_a_meeting_told_in_several_sentences_takes_every_guest_named():
    guests = [report("e1", "a1", 0, "CONSULT", "host", INDIA, RUSSIA),
              report("e2", "a1", 0, "CONSULT", "host", INDIA, IRAN)]
    topic = report("e3", "a1", 1, "CONSULT", "talks", INDIA, AFGHANISTAN, day=None)
    assert ids(group_events([*guests, topic], articles("a1"), {}, ACTORS)) == [["e1", "e2", "e3"]]


def test_partial_a_host_meeting_one_guest_then_another_holds_two_meetings():
    # One sentence names Kabul and a minister there (one side): a visit with one host, so the
    # talks with another minister in the next sentence are a second meeting.
    visit = [report("e1", "a1", 0, "CONSULT", "visit", SINGH, AFGHANISTAN),
             report("e2", "a1", 0, "CONSULT", "meet", SINGH, YAQOOB)]
    talks = report("e3", "a1", 1, "CONSULT", "talks", SINGH, MUTTAQI)
    assert ids(group_events([*visit, talks], articles("a1"), {}, ACTORS)) == [["e1", "e2"], ["e3"]]


def test_partial_doerless_report_is_filled_alike_by_a_state_and_its_minister():
    # "Syria was condemned" in an article where Clinton and the United States condemned Syria:
    # one doer, named two ways, so one happening with Clinton as its doer.
    named = [report("e1", "a1", 1, "ACCUSE", "condemn", CLINTON, SYRIA, day=None),
             report("e2", "a1", 2, "ACCUSE", "condemn", USA, SYRIA, day=None)]
    doerless = report("e3", "a1", 6, "ACCUSE", "condemn", None, SYRIA, day=None)
    (fused,) = fuse_events([*named, doerless], articles("a1"), {}, ACTORS)
    assert fused.members == ["e1", "e2", "e3"] and fused.source_actor.id == CLINTON.id


def regional_meeting() -> tuple[list[Event], list[Event]]:
    """Two articles of one meeting: a wire, and a paper that calls the host a government."""
    monday = date(2024, 1, 29)
    wire = [report("w0", "a1", 0, "CONSULT", "meet", INDIA, None, day=None),
            report("w1", "a1", 0, "CONSULT", "host", TALIBAN, None, day=monday),
            report("w2", "a1", 1, "CONSULT", "host", MUTTAQI, None, day=None)]
    ledger = [report("l0", "a2", 0, "CONSULT", "host", TALIBAN, None, day=monday, source_sector="GOV"),
              report("l2", "a2", 2, "CONSULT", "meet", MUTTAQI, None, day=None)]
    return wire, ledger


def test_partial_a_body_called_a_government_is_its_states_in_every_report_of_the_happening():
    """One wire says the Taliban convened the meeting India attended and that Muttaqi hosted it;
    another calls the host the Islamic Emirate's foreign ministry (a government) and says Muttaqi
    opened it. One meeting: the ministry makes the Taliban Afghanistan's, and so Muttaqi's side."""
    wire, ledger = regional_meeting()
    refs = articles("a1", "a2", published=date(2024, 1, 30))
    stories = {"a1": "s1", "a2": "s1"}
    groups = group_events([*wire, *ledger], refs, {}, ACTORS, stories)
    assert ids(groups) == [["l0", "l2", "w0", "w1", "w2"]]
    (fused,) = fuse_events([*wire, *ledger], refs, {}, ACTORS, stories)
    assert (fused.source_actor.id, fused.target_actor.id) == (TALIBAN.id, INDIA.id)
    assert len(fused.sources) == 4




def test_partial_unrelated_reports_stay_apart():
    # Syria's army and the rebels who fight it (so the report calls them) are two sides.
    homs = Location("Homs", "SYR")
    army = report("e1", "a1", 0, "ASSAULT", "heavy-weapons", SYRIA, None, location=homs)
    rebels = report("e2", "a2", 0, "ASSAULT", "heavy-weapons", FSA, None, location=homs,
                    source_sector="REB")
    # "Syrian forces killed 13 protesters" in Deraa is not the shelling of Latakia that day.
    killed = report("e3", "a1", 2, "ASSAULT", "kill", SYRIA, None, location=Location("Deraa", "SYR"))
    shelled = report("e4", "a2", 3, "ASSAULT", "heavy-weapons", SYRIA, None,
                     location=Location("Latakia", "SYR"))
    stories = {"a1": "s1", "a2": "s1"}
    groups = group_events([army, rebels, killed, shelled], articles("a1", "a2"), {}, ACTORS, stories)
    assert not any({"e1", "e2"} <= set(group) or {"e3", "e4"} <= set(group) for group in ids(groups))


def test_partial_one_party_agreements_by_different_parties_stay_apart():
    # "India agreed", "Pakistan agreed", "China agreed" in one article name no counterpart: any
    # one of them could be the other's, so none is joined to another.
    agreements = [report(f"e{i}", "a1", i, "AGREE", "agree", party, None, day=None)
                  for i, party in enumerate((INDIA, PAKISTAN, CHINA), 1)]
    assert ids(group_events(agreements, articles("a1"), {}, ACTORS)) == [["e1"], ["e2"], ["e3"]]
