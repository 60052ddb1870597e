"""The split working day's prefilter (``text._PREFILTER_RX["split_day"]``) written with its «1» first
(H277): the same texts pass it as the «\\b1[12]…» it was, and none that the pattern matches fails it."""

from __future__ import annotations

import random
import re

from gelt_audit.audits.checklist.text import _PREFILTER_RX, PATTERNS

# the prefilter as it was written before H277: «\b» first (re tried it at every place of the text)
WORD_BOUNDARY_FIRST = re.compile(r"\b1[12](?:[:.]\d{2})?\s*(?:m\b|[ap]\.?\s?m)")


def _texts(count: int) -> list[str]:
    # digits, the letters and marks of the pattern, word characters that are not ASCII («é», «²», an
    # Arabic-Indic digit), «_» (a word character) and spaces: where «\b» before «1» is and is not
    pieces = "1|1|2|11|12|:|.|a|m|p|x|é|ñ|²|\u0661|_| |\u00a0|\n".split("|")
    rng = random.Random(277)
    texts = ["", "12m", "11 am", "x12 m", "é11 pm", "_12 m", "8:00 a 12:00 m - 2:00 a 6:00 p.m"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(count)]
    return texts


def test_split_day_prefilter_finds_what_the_word_boundary_form_found():
    prefilter = _PREFILTER_RX["split_day"]
    for text in _texts(20_000):
        old, new = WORD_BOUNDARY_FIRST.search(text), prefilter.search(text)
        assert (old and old.span()) == (new and new.span()), text


def test_split_day_prefilter_passes_every_text_the_pattern_matches():
    prefilter, (pattern,) = _PREFILTER_RX["split_day"], PATTERNS["split_day"]
    matched = 0
    for text in _texts(20_000) + ["7:30 a.m. a 12 m. y de 1:30 a 5:30 p. m.", "8:00 a 11:30 am / 2:00 a 6 pm"]:
        if pattern.search(text):
            matched += 1
            assert prefilter.search(text), text
    assert matched >= 2
