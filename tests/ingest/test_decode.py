"""Properties of decoding: any bytes go in without an error, and UTF-8 text comes back as written."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.ingest.decode import decode_text

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FAST
@given(data=st.binary())
def test_decode_text_takes_any_bytes(data):
    assert decode_text(data) is None or isinstance(decode_text(data), str)


@FAST
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"))).filter(
    lambda text: not text.startswith("\ufeff")))
def test_decode_text_reads_utf8_back(text):
    assert decode_text(text.encode("utf-8")) == text
