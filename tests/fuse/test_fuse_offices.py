from datetime import date

from dateline.fuse.offices import Tenure, consolidate_roles, holder_on
from dateline.model import Role


def tenure(holder, first, last):
    return Tenure(holder, date.fromisoformat(first), date.fromisoformat(last))


def test_offices_holder_on_a_day_follows_the_sightings_of_each_holder():
    tenures = [tenure("a", "2022-01-10", "2022-04-01"), tenure("b", "2022-09-01", "2022-11-15")]
    assert holder_on(tenures, date(2022, 3, 5)) == "a"
    assert holder_on(tenures, date(2022, 10, 20)) == "b"
    assert holder_on(tenures, date(2022, 12, 1)) == "b"  # nobody else seen since
    assert holder_on(tenures, date(2022, 6, 1)) is None  # it changed hands somewhere between
    assert holder_on(tenures, date(2021, 12, 1)) is None  # nobody seen in it yet
    assert holder_on(tenures + [tenure("c", "2022-10-01", "2022-10-30")], date(2022, 10, 20)) is None


def test_offices_text_roles_gather_into_periods_unless_the_knowledge_covers_them():
    roles = [Role("foreign minister", "AFG", date(2020, 1, 1), date(2021, 8, 15)),
             Role("foreign minister", "AFG", date(2021, 7, 14), date(2021, 7, 14), "text"),
             Role("spokesperson", "AFG", date(2022, 6, 3), date(2022, 6, 3), "text"),
             Role("spokesperson", "AFG", date(2024, 11, 13), date(2024, 11, 13), "text")]
    assert consolidate_roles(roles) == [roles[0], Role("spokesperson", "AFG", date(2022, 6, 3),
                                                       date(2024, 11, 13), "text")]
