"""`dateline timex` with the real spaCy pipeline: what a user sees on stdout and stderr."""
import json

import pytest
from click.testing import CliRunner

from dateline.cli import main

NEWS = ("The ministers met on Tuesday in Dushanbe. They will meet again on Friday. "
        "The talks began two days ago and will last three days.")
NEWS_DCT = "2021-07-14"  # a Wednesday


def invoke(*args, stdin=None):
    return CliRunner().invoke(main, ["timex", *map(str, args)], input=stdin)


def tag(tmp_path, text, *options):
    """The JSON list printed for `text` saved as a UTF-8 file."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = invoke(*options, path)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_text(items):
    return {item["text"]: item for item in items}


@pytest.fixture
def news(tmp_path):
    return tag(tmp_path, NEWS, "--dct", NEWS_DCT)


def test_timex_resolves_weekdays_by_tense_against_the_dct(news):
    found = by_text(news)
    assert (found["Tuesday"]["type"], found["Tuesday"]["value"]) == ("DATE", "2021-07-13")
    assert (found["Friday"]["type"], found["Friday"]["value"]) == ("DATE", "2021-07-16")
    assert (found["two days ago"]["type"], found["two days ago"]["value"]) == ("DATE", "2021-07-12")


def test_timex_tags_a_duration_after_the_verb_last(news):
    # In "will last three days" the verb is no part of the expression.
    durations = [(item["text"], item["value"]) for item in news if item["type"] == "DURATION"]
    assert durations == [("three days", "P3D")]


def test_timex_offsets_point_into_the_text_and_keys_are_the_contract(news):
    assert news, "nothing tagged"
    for item in news:
        assert list(item) == ["start", "end", "text", "type", "value"]
        assert NEWS[item["start"]:item["end"]] == item["text"]


def test_timex_without_dct_leaves_the_year_unspecified(tmp_path):
    (item,) = tag(tmp_path, "The summit is on November 4.")
    assert (item["text"], item["type"], item["value"]) == ("November 4", "DATE", "XXXX-11-04")


def test_timex_reads_standard_input_from_dash():
    result = invoke("--dct", NEWS_DCT, "-", stdin=NEWS.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert by_text(json.loads(result.output))["Friday"]["value"] == "2021-07-16"


def test_timex_offsets_count_characters_not_bytes(tmp_path):
    text = "Kabul — “Talks” resumed on 13 July 2021."
    (item,) = tag(tmp_path, text)
    assert item["start"] == text.index("13 July")  # 6 more if counted in UTF-8 bytes
    assert text[item["start"]:item["end"]] == item["text"]
    assert (item["text"], item["value"]) == ("13 July 2021", "2021-07-13")


def test_timex_output_keeps_non_ascii_readable():
    result = invoke("-", stdin="Talks in Doha on 13 July 2021 — “progress”.".encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "\\u" not in result.output


def test_timex_offsets_ignore_a_byte_order_mark(tmp_path):
    text = "Talks resumed on 13 July 2021."
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = invoke(path)
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.output)
    assert text[item["start"]:item["end"]] == item["text"] == "13 July 2021"


@pytest.mark.parametrize("dct", ["2021-13-01", "yesterday", "2021-02-30", "20210714"])
def test_timex_bad_dct_is_a_usage_error(tmp_path, dct):
    path = tmp_path / "a.txt"
    path.write_text("Talks on Tuesday.", encoding="utf-8")
    result = invoke("--dct", dct, path)
    assert result.exit_code == 2
    assert "--dct" in result.output and repr(dct) in result.output
    assert "Traceback" not in result.output


def test_timex_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "missing.txt"
    result = invoke(missing)
    assert result.exit_code != 0
    assert f"'{missing}' does not exist" in result.output and "Traceback" not in result.output


def test_timex_latin1_file_is_decoded_with_a_note(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Talks in Brasília on 13 July 2021.".encode("latin-1"))
    result = invoke(path)
    assert result.exit_code == 0
    assert result.stderr == f"note {path}: W001: not UTF-8; decoded as Latin-1\n"
    [found] = json.loads(result.stdout)
    assert (found["text"], found["value"]) == ("13 July 2021", "2021-07-13")


def test_timex_binary_file_is_one_coded_line(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = invoke(path)
    assert result.exit_code == 1
    assert result.output.startswith("E003") and str(path) in result.output
    assert len(result.output.splitlines()) == 1 and "Traceback" not in result.output
