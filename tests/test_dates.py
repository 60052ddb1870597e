"""The Spanish-date scan that jumps between digit runs finds exactly what the one-regex pass found."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gelt_audit.dates import MONTHS, text_dates, text_dates_regex
from gelt_audit.demo.site import demo_site
from gelt_audit.markup import content_of, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def page_texts() -> list[str]:
    """The demo site's pages (second version) and every twentieth fixture page: whole HTML and the text
    outside links that extraction scans."""
    html = [res.body.decode("utf-8", "replace") for res in demo_site(2).values()]
    html += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.html"))[::20]]
    unlinked = [content_of(root, "http://127.0.0.1/", ())[2] for root in map(parse, html) if root is not None]
    return html + unlinked


def test_the_scan_finds_the_same_dates_as_the_regex_on_demo_and_fixture_pages():
    texts = page_texts()
    assert sum(len(text_dates_regex(t)) for t in texts) > 100  # the material has dates to find
    assert [text_dates(t) for t in texts] == [text_dates_regex(t) for t in texts]


PIECES = st.sampled_from(
    [*"0123456789", "٣", "12", "2026", "31", " ", "\n", "/", "-", "de", "del", "De", " de ", "a", "é", "_", ".",
     *MONTHS, "MARZO", "Setiembre", "2026-11-24", "24/11/2026", "7 de julio de 2025"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_scan_and_the_regex_agree_on_any_text(text):
    assert text_dates(text) == text_dates_regex(text)
