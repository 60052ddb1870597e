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


def test_digits_for_the_pattern_are_exactly_the_decimal_characters():
    # _digit_runs reads \d as str.isdecimal (category Nd) outside Latin-1, and as 0-9 inside it
    import re

    digit = re.compile(r"\d")
    for code in range(0x110000):
        c = chr(code)
        assert bool(digit.match(c)) == c.isdecimal(), hex(code)
        if code < 0x100:
            assert c.isdecimal() == ("0" <= c <= "9"), hex(code)


RUN_PIECES = st.sampled_from([*"0129", "٣", "٤", "０", "\U0001d7d8", "²", "½", "“", "—", " ", "é", "x", "\ud800", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(RUN_PIECES, max_size=60).map("".join))
def test_digit_runs_are_the_pattern_runs(text):
    from gelt_audit.dates import _DIGIT_RUN, _digit_runs

    assert list(_digit_runs(text)) == [m.span() for m in _DIGIT_RUN.finditer(text)]
