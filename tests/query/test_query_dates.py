from datetime import date

import pytest

from dateline.errors import QueryError
from dateline.query.dates import date_interval, since_bound, until_bound


def test_dates_partial_dates_cover_their_interval():
    assert date_interval("2021") == (date(2021, 1, 1), date(2021, 12, 31))
    assert date_interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_interval("2021-07-13") == (date(2021, 7, 13), date(2021, 7, 13))


def test_dates_bounds_take_start_and_end():
    assert since_bound("2021-07") == date(2021, 7, 1)
    assert until_bound("2021-07") == date(2021, 7, 31)
    assert since_bound(None) is None


def test_dates_rejects_non_dates():
    with pytest.raises(QueryError, match="E043"):
        date_interval("yesterday")
