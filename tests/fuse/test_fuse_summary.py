from datetime import date

from samples import ATMAR, DUSHANBE, INDIA, JAISHANKAR, TALIBAN

from dateline.fuse.events import ArticleRef, merge_group
from dateline.fuse.summary import summarize
from dateline.model import Actor, Event, Location

SCO = Actor("org:sco", "Shanghai Cooperation Organisation", "organisation")
TAJIKISTAN = Actor("TJK", "Tajikistan", "country", "TJK")
SYRIA = Actor("SYR", "Syria", "country", "SYR")
PAKISTAN = Actor("PAK", "Pakistan", "country", "PAK")
SINGH = Actor("person:jp-singh", "J.P. Singh", "person", "IND")
ISKP = Actor("group:iskp", "Islamic State Khorasan Province", "group", "AFG", "REB")
ASSAD = Actor("person:hafez-al-assad", "Hafez al-Assad", "person", "SYR", "GOV", ("Assad",))
HOUTHIS = Actor("group:houthis", "Houthis", "group", "YEM", "REB")
PROTESTERS = Actor("group:protesters", "Protesters", "group")
QUNEITRA = ("On Monday, Assad mobilized two armoured brigades near Quneitra, state media said.")


def test_summary_meeting_reads_as_design_example():
    assert (summarize("CONSULT", "meet", "occurred", JAISHANKAR, ATMAR, DUSHANBE)
            == "Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) in Dushanbe")


def test_summary_planned_and_claimed_statuses():
    assert summarize("CONSULT", "meet", "planned", JAISHANKAR, ATMAR).startswith(
        "Subrahmanyam Jaishankar (IND) is to meet Mohammad")
    assert " reportedly met " in summarize("CONSULT", "meet", "claimed", JAISHANKAR, ATMAR)
    assert " is to hold talks with " in summarize("CONSULT", "talks", "planned", JAISHANKAR, ATMAR)
    assert " did not meet " in summarize("CONSULT", "meet", "denied", JAISHANKAR, ATMAR)
    assert summarize("CONSULT", "talks", "conditional", TALIBAN, INDIA) == "Taliban (AFG) may hold talks with India"


def test_summary_the_six_reported_lines_read_as_english():
    # Each was shown to users as the line in the comment.
    # "An unnamed party closed its mission in India"
    assert summarize("RETREAT", "close", "occurred", None, INDIA) == "A mission in India was closed"
    # "An unnamed party met Shanghai Cooperation Organisation"
    assert (summarize("CONSULT", "meet", "occurred", None, SCO)
            == "A meeting was held with Shanghai Cooperation Organisation")
    # "Tajikistan visited"
    assert summarize("CONSULT", "visit", "occurred", TAJIKISTAN, None) == "Tajikistan paid a visit"
    # "J.P. Singh (IND) reportedly assault Islamic State Khorasan Province (AFG)"
    assert (summarize("ASSAULT", "suicide-attack", "claimed", SINGH, ISKP)
            == "J.P. Singh (IND) reportedly attacked Islamic State Khorasan Province (AFG)")
    # "India is to back"
    assert summarize("SUPPORT", "support", "planned", INDIA, None) == "India is to express support"
    # "Hafez al-Assad (SYR) mobilize"
    assert summarize("MOBILIZE", "mobilize-troops", "occurred", ASSAD, None) == "Hafez al-Assad (SYR) mobilized forces"


def test_summary_without_a_doer_is_passive_never_an_invented_party():
    assert summarize("THREATEN", "threaten", "occurred", None, INDIA) == "India was threatened"
    assert summarize("ASSAULT", "attack", "claimed", None, ISKP) == (
        "Islamic State Khorasan Province (AFG) was reportedly attacked")
    assert summarize("CONSULT", "talks", "occurred", None, TALIBAN) == "Talks were held with Taliban (AFG)"
    assert summarize("COERCE", "sanction", "occurred", None, SYRIA) == "Sanctions were imposed on Syria"
    assert summarize("PROTEST", "protest", "occurred", None, None, Location("Homs", "SYR")) == (
        "A protest was held in Homs")
    assert summarize("ASSAULT", "attack", "denied", None, None, Location("Kabul", "AFG")) == (
        "An attack was not carried out in Kabul")


def test_summary_without_a_target_reads_whole():
    assert summarize("MOBILIZE", "deploy", "occurred", INDIA, None) == "India deployed forces"
    assert summarize("PROTEST", "protest", "occurred", PROTESTERS, None, Location("Deraa", "SYR")) == (
        "Protesters rallied in Deraa")
    assert summarize("CONSULT", "talks", "occurred", TALIBAN, None) == "Taliban (AFG) held talks"
    assert summarize("CONSULT", "meet", "planned", INDIA, None) == "India is to hold a meeting"


def test_summary_plural_group_takes_a_plural_verb():
    assert summarize("ASSAULT", "attack", "planned", None, HOUTHIS) == "Houthis (YEM) are to be attacked"
    assert summarize("RETREAT", "close", "planned", HOUTHIS, INDIA) == "Houthis (YEM) are to close their mission in India"


def test_summary_refusal_and_threat_of_another_act_say_so():
    # The coder files "refused to meet" under REJECT and "threatened to attack" under THREATEN,
    # keeping the mode of the act refused or threatened.
    assert summarize("REJECT", "meet", "occurred", INDIA, PAKISTAN) == "India refused to meet Pakistan"
    assert summarize("THREATEN", "attack", "planned", TALIBAN, INDIA) == "Taliban (AFG) threatened to attack India"
    assert summarize("AGREE", "aid", "planned", INDIA, None) == "India pledged to send aid"


def test_summary_country_actor_shows_without_code():
    assert (summarize("RETREAT", "evacuate", "occurred", INDIA, None, Location("Kandahar", "AFG"))
            == "India evacuated staff from Kandahar")
    assert summarize("ASSAULT", "kill", "denied", TALIBAN, INDIA) == "Taliban (AFG) did not kill people from India"


def test_summary_unknown_mode_uses_type():
    assert summarize("MOBILIZE", "mobilize-troops", "occurred", TALIBAN, None) == "Taliban (AFG) mobilized forces"
    assert summarize("SANCTION", "discontinue", "denied", None, INDIA) == "Relations with India were not downgraded"


def test_summary_unknown_mode_reads_the_triggers_own_clause():
    assert summarize("MOBILIZE", "mobilize-troops", "occurred", ASSAD, None, trigger="mobilized",
                     sentence_text=QUNEITRA) == "Hafez al-Assad (SYR) mobilized two armoured brigades near Quneitra"
    # Only for a mode no phrase knows, and only where the clause names the doer before the trigger.
    assert summarize("MOBILIZE", "deploy", "occurred", ASSAD, None, trigger="mobilized",
                     sentence_text=QUNEITRA) == "Hafez al-Assad (SYR) deployed forces"
    assert summarize("MOBILIZE", "mobilize-troops", "occurred", SYRIA, None, trigger="mobilized",
                     sentence_text=QUNEITRA) == "Syria mobilized forces"


def test_summary_location_that_repeats_an_actor_is_left_out():
    assert summarize("THREATEN", "warn", "occurred", TALIBAN, INDIA, Location("India", "IND")) == (
        "Taliban (AFG) warned India")


def test_summary_merge_group_passes_the_lead_clause():
    event = Event("e1", "a1", "MOBILIZE", "mobilize-troops", "154", 4, -7.2, ASSAD.id, None, "mobilized", 0,
                  QUNEITRA, date=date(2021, 7, 13), date_end=date(2021, 7, 13), date_precision="day",
                  date_basis="text")
    fused = merge_group([event], {"a1": ArticleRef("a.txt", date(2021, 7, 14))}, {}, {ASSAD.id: ASSAD})
    assert fused.summary == "Hafez al-Assad (SYR) mobilized two armoured brigades near Quneitra"
