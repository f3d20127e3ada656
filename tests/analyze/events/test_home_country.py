"""Crowds and a state's own forces that the sentence ties to no country belong to the country the
article is about, when one dominates it; troops, who may serve abroad, do not."""

SYRIA = ("Syria's army deployed in Homs, witnesses said, as protests against Syria's rulers spread "
         "across Syria. ")


def sources(events, type_):
    return {(e.source_actor, e.source_sector) for e in events if e.type == type_}


def test_protesters_and_security_forces_take_the_articles_country(code):
    events = code(SYRIA + "Protesters rallied in the main square after Friday prayers. Security forces opened "
                  "fire on them on Friday. The authorities arrested dozens of activists on Saturday.")
    assert ("SYR", "CVL") in sources(events, "PROTEST")
    assert sources(events, "ASSAULT") == {("SYR", "MIL")}
    assert sources(events, "COERCE") == {("SYR", "GOV")}


def test_troops_are_not_taken_for_the_articles_country(code):
    events = code(SYRIA + "Troops fired on the crowd on Friday.")
    assert not [e for e in events if e.type == "ASSAULT" and e.trigger == "fired"]


def test_no_country_when_none_dominates(code):
    events = code("Turkey and Syria traded accusations. Protesters rallied after Friday prayers.")
    assert not [e for e in events if e.type == "PROTEST"]
