from datetime import date

import pytest

from dateline.errors import ExportError
from dateline.export import DATELINE_COLUMNS, GDELT_COLUMNS, GDELT_INDEX, ROW_COLUMNS, export
from dateline.export.gdelt import action_geo, actor_fields, country_names, fraction_date, global_event_id
from dateline.model import Actor, Location


def gdelt_lines(db, path):
    report = export(db, "gdelt", path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every row ends with a line break, the last one too
    return report, [dict(zip(ROW_COLUMNS, line.split("\t"))) for line in lines[:-1]]


def by_id(db):
    return {str(global_event_id(e.id)): e for e in db.events()}


def test_export_gdelt_columns_follow_the_codebook():
    # GDELT Event Codebook V2.0: 61 fields, ADM2Code after ADM1Code in each geo block.
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:6] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
                                 "Actor1Code")
    assert GDELT_INDEX["Actor2Code"] == 15 and GDELT_INDEX["IsRootEvent"] == 25
    assert GDELT_INDEX["AvgTone"] == 34 and GDELT_INDEX["Actor1Geo_ADM2Code"] == 39
    assert GDELT_INDEX["ActionGeo_Type"] == 51 and GDELT_INDEX["ActionGeo_FeatureID"] == 58
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    # Ours come after GDELT's, so a reader taking GDELT's 61 fields by position is undisturbed.
    assert ROW_COLUMNS == GDELT_COLUMNS + DATELINE_COLUMNS == (*GDELT_COLUMNS, "Confidence",
                                                                "DateValue")


def test_export_gdelt_rows_have_61_fields_then_ours(db, tmp_path):
    path = tmp_path / "events.tsv"
    export(db, "gdelt", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 61 + 2 for line in lines)


def test_export_gdelt_dates_are_the_true_dates(db, tmp_path):
    _, rows = gdelt_lines(db, tmp_path / "events.tsv")
    events = by_id(db)
    assert [events[r["GLOBALEVENTID"]].id for r in rows] == [e.id for e in db.events() if e.date]
    for row in rows:
        day = events[row["GLOBALEVENTID"]].date
        assert row["SQLDATE"] == day.strftime("%Y%m%d")
        assert (row["MonthYear"], row["Year"]) == (day.strftime("%Y%m"), str(day.year))
    meeting = next(r for r in rows if r["EventCode"] == "040")
    assert meeting["SQLDATE"] == "20210713" and meeting["FractionDate"] == "2021.5315"
    assert meeting["DATEADDED"] == "20210714000000"  # the first report's day


def test_export_gdelt_codes_match_the_events(db, tmp_path):
    _, rows = gdelt_lines(db, tmp_path / "events.tsv")
    events = by_id(db)
    for row in rows:
        event = events[row["GLOBALEVENTID"]]
        assert row["EventCode"] == event.cameo
        assert row["EventRootCode"] == event.cameo[:2]
        assert row["EventBaseCode"] == event.cameo[:3]
        assert row["QuadClass"] == str(event.quad_class)
        assert float(row["GoldsteinScale"]) == event.intensity
    evacuation = next(r for r in rows if r["EventCode"] == "0874")
    assert (evacuation["EventBaseCode"], evacuation["EventRootCode"]) == ("087", "08")


def test_export_gdelt_actors_are_cameo_style(db, tmp_path):
    _, rows = gdelt_lines(db, tmp_path / "events.tsv")
    meeting = next(r for r in rows if r["EventCode"] == "040")
    assert (meeting["Actor1Code"], meeting["Actor1Name"], meeting["Actor1CountryCode"],
            meeting["Actor1Type1Code"]) == ("INDGOV", "SUBRAHMANYAM JAISHANKAR", "IND", "GOV")
    assert meeting["Actor2Code"] == "AFGGOV"
    evacuation = next(r for r in rows if r["EventCode"] == "0874")
    assert (evacuation["Actor1Code"], evacuation["Actor2Code"]) == ("IND", "AFG")
    assert evacuation["Actor1Type1Code"] == "" and evacuation["Actor1KnownGroupCode"] == ""


def test_export_gdelt_counts_sources_and_cites_the_path(db, tmp_path):
    _, rows = gdelt_lines(db, tmp_path / "events.tsv")
    meeting = next(r for r in rows if r["EventCode"] == "040")
    assert (meeting["NumMentions"], meeting["NumArticles"]) == ("3", "3")
    assert meeting["NumSources"] == "1"  # three articles of one outlet, Test Wire
    assert meeting["SOURCEURL"] == "articles/a.txt"
    assert meeting["IsRootEvent"] == "1" and meeting["AvgTone"] == ""
    assert (meeting["ActionGeo_Type"], meeting["ActionGeo_FullName"],
            meeting["ActionGeo_CountryCode"]) == ("4", "Dushanbe", "TJK")
    assert all(meeting[c] == "" for c in GDELT_COLUMNS if c.startswith(("Actor1Geo", "Actor2Geo")))


def test_export_gdelt_leaves_out_undated_events(db, tmp_path):
    report, rows = gdelt_lines(db, tmp_path / "events.tsv")
    assert report.left_out == {"undated events": 1}
    assert report.rows == {"events": 2} and len(rows) == 2
    assert report.files == [str(tmp_path / "events.tsv")]
    assert "130" not in {r["EventCode"] for r in rows}  # the undated Taliban threat


def test_export_gdelt_ids_are_stable_positive_and_distinct(db, tmp_path):
    _, first = gdelt_lines(db, tmp_path / "a.tsv")
    _, again = gdelt_lines(db, tmp_path / "b.tsv")
    ids = [int(r["GLOBALEVENTID"]) for r in first]
    assert ids == [int(r["GLOBALEVENTID"]) for r in again]
    assert len(set(ids)) == len(ids) and all(0 < i < 2**63 for i in ids)
    assert (tmp_path / "a.tsv").read_bytes() == (tmp_path / "b.tsv").read_bytes()


def test_export_gdelt_tabs_and_line_breaks_keep_the_fields(odd_db, tmp_path):
    _, rows = gdelt_lines(odd_db, tmp_path / "odd.tsv")
    assert len(rows) == 2 and all(len(r) == len(ROW_COLUMNS) for r in rows)
    odd = next(r for r in rows if r["Actor1Code"] == "INDGOV")
    assert odd["Actor1Name"] == "ODD NAME JUNIOR"
    assert (odd["ActionGeo_Type"], odd["ActionGeo_FullName"]) == ("4", "Port Town")
    assert odd["IsRootEvent"] == "0"  # its only sentence is the article's third


def test_export_gdelt_prefers_the_url_and_knows_a_country(odd_db, tmp_path):
    _, rows = gdelt_lines(odd_db, tmp_path / "odd.tsv")
    lead = next(r for r in rows if r["Actor1Code"] == "IND")
    assert lead["SOURCEURL"] == "https://example.org/odd" == odd_db.articles()[0].url
    assert (lead["ActionGeo_Type"], lead["ActionGeo_CountryCode"]) == ("1", "AFG")
    assert lead["NumSources"] == "1" and lead["IsRootEvent"] == "1"
    assert lead["FractionDate"] == "2024.9973"  # 365 of 366 days done


def test_export_gdelt_fraction_and_geo_helpers():
    assert fraction_date(date(2015, 2, 19)) == "2015.1370"  # day 50 of 365
    assert fraction_date(date(2021, 12, 31)) == "2021.9999"
    countries = country_names()
    assert action_geo(Location("Tajikistan", "TJK"), countries)[0] == "1"
    assert action_geo(Location("Kabul", "AFG"), countries)[0] == "4"
    assert action_geo(None, countries) == ("",) * 8


def test_export_gdelt_into_a_folder_is_e080(db, tmp_path):
    with pytest.raises(ExportError, match="^E080: cannot write .*: it is a folder"):
        export(db, "gdelt", tmp_path)


def test_export_gdelt_replaces_an_old_file_whole(db, tmp_path):
    path = tmp_path / "gdelt" / "events.tsv"
    path.parent.mkdir()
    path.write_text("old\n", encoding="utf-8")
    export(db, "gdelt", path)
    assert "old" not in path.read_text(encoding="utf-8")
    assert [p.name for p in path.parent.iterdir()] == ["events.tsv"]  # no partial file left


def test_export_gdelt_actor_codes_take_the_sector_the_event_gives():
    """ "Syrian troops": the state with the sector its event's words give it (SYRMIL), where the
    state alone is SYR; a body of no country keeps its own sector."""
    syria = Actor("SYR", "Syria", "country", "SYR", "GOV")
    assert actor_fields(syria)[:3] == ("SYR", "SYRIA", "SYR")
    fields = actor_fields(syria, "MIL")
    assert (fields[0], fields[2], fields[7]) == ("SYRMIL", "SYR", "MIL")
    un = Actor("org:un", "United Nations", "organisation", None, "IGO")
    assert actor_fields(un)[0] == "IGO"
