"""The `dateline.analyze.timex` package: its public names, and an import light enough for
`dateline timex` and the TempEval benchmark (no spaCy until the tagger is used)."""
from __future__ import annotations

import subprocess
import sys


def test_timex_package_exports_its_public_names():
    import dateline.analyze.timex as timex
    from dateline.analyze.timex.calendar import resolve_month_day, resolve_weekday
    from dateline.analyze.timex.find import find_times, timeref_json

    assert (timex.find_times, timex.timeref_json) == (find_times, timeref_json)
    assert (timex.resolve_month_day, timex.resolve_weekday) == (resolve_month_day, resolve_weekday)


def test_timex_package_import_does_not_load_spacy():
    probe = "import sys, dateline.analyze.timex; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
