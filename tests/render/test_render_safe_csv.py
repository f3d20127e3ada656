"""CSV cells a spreadsheet opens without running anything, decided by a value's type."""
from datetime import date

import pytest

from dateline.render.safe_csv import csv_cell


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-5 killed", "'-5 killed"), ("-5.0", "'-5.0"),
    ("@SUM(1)", "'@SUM(1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=1", "a=1"), ("", ""),
    (-5.0, -5.0), (-3, -3), (date(2024, 1, 2), date(2024, 1, 2)), (None, None)])
def test_render_csv_cell_neutralizes_text_by_type_not_look(value, cell):
    assert csv_cell(value) == cell
