from samples import ATMAR, DUSHANBE, INDIA, JAISHANKAR, TALIBAN

from dateline.fuse.summary import summarize
from dateline.model import Location


def test_summary_meeting_reads_as_design_example():
    assert (summarize("CONSULT", "meet", "occurred", JAISHANKAR, ATMAR, DUSHANBE)
            == "Subrahmanyam Jaishankar (IND) met Mohammad Haneef Atmar (AFG) in Dushanbe")


def test_summary_planned_and_claimed_statuses():
    assert summarize("CONSULT", "meet", "planned", JAISHANKAR, ATMAR).startswith(
        "Subrahmanyam Jaishankar (IND) is to meet Mohammad")
    assert " reportedly met " in summarize("CONSULT", "meet", "claimed", JAISHANKAR, ATMAR)
    assert " is to hold talks with " in summarize("CONSULT", "talks", "planned", JAISHANKAR, ATMAR)
    assert " did not meet " in summarize("CONSULT", "meet", "denied", JAISHANKAR, ATMAR)


def test_summary_country_actor_shows_without_code():
    assert (summarize("RETREAT", "evacuate", "occurred", INDIA, None, Location("Kandahar", "AFG"))
            == "India evacuated staff in Kandahar")


def test_summary_missing_actors_are_omitted_or_named_as_unnamed():
    assert summarize("THREATEN", "threaten", "occurred", None, INDIA) == "An unnamed party threatened India"
    assert summarize("CONSULT", "talks", "occurred", TALIBAN, None) == "Taliban (AFG) held talks"


def test_summary_unknown_mode_uses_type():
    assert summarize("MOBILIZE", "mobilize-troops", "occurred", TALIBAN, None) == (
        "Taliban (AFG) mobilize")


def test_summary_location_that_repeats_an_actor_is_left_out():
    assert summarize("THREATEN", "warn", "occurred", TALIBAN, INDIA, Location("India", "IND")) == (
        "Taliban (AFG) warned India")
