"""A regex searched only where the words its matches start with are (H262, issue 21).

``literals.leading`` reads from a regex's parse tree the words one of which starts every match;
``literals.Anchored`` finds their places with ``str.find`` and matches the regex at each, in order,
instead of ``re`` trying it at every place of a page's text; the checklist searches the named
patterns and the profiles' regexes so (``text.text_match``). It only skips work: the match must be
the regex's own search's, the same span.

``test_anchored_answers_as_the_regex`` fails when the places are not tried in order (checked: without
``places.sort()``, another match's span) and when a repeat of at least zero times gives its words
(checked: ``av[0] >= 0``, a match missed); ``test_leading_reads_where_matches_start`` fails with the
latter too and when a word that another starts with is not dropped (checked).
"""

from __future__ import annotations

import random
import re

from gelt_audit.audits.checklist.literals import Anchored, anchored, leading
from gelt_audit.audits.checklist.text import PATTERNS
from tests.test_checklist_literals_h250 import _regexes, _texts

# Shapes whose first place is not a word at the start of the text: «\b» and look-behinds ask what
# precedes the place, a group repeated once or more, words sharing a start, a word inside another.
SHAPES = [
    r"\bcargo\s+(?:nombre|director)\b",
    r"(?<=de )director(?:a)?\s+\w+",
    r"(?:abc|abd)+\s?(?:x|y)",
    r"\b(?:director|directora|subdirector)\b.{0,20}?jefe",
    r"^tres\s+\w+",
    r"(?:uno|dos)tres(?:cuatro)*",
]


def test_anchored_answers_as_the_regex():
    rng = random.Random(2620)
    searched = 0
    for pattern in _regexes() + SHAPES:
        plain = re.compile(pattern)
        words = leading(pattern)
        if not words:
            continue
        found = Anchored(plain, words)
        for text in _texts(pattern, rng) + [" ".join(_texts(pattern, rng)[:40])]:
            mine, theirs = found.search(text), plain.search(text)
            assert (mine and mine.span()) == (theirs and theirs.span()), (pattern, text)
        searched += 1
    assert searched >= 8  # most of the profiles' and the named patterns' regexes have their words


def test_leading_reads_where_matches_start():
    privacy = next(rx for rx in _regexes() if rx.startswith(r"\b(?:datos|informacion)"))
    assert leading(privacy) == ("datos", "informacion")
    assert leading(PATTERNS["workday"][0].pattern) == ("jornada",)
    assert leading(r"(?:uno|dos)?tres") == ()  # a match may start with «tres»
    assert leading(r"(?:cuatro)*cinco") == ()
    assert leading(r"(?i)nueve") == ()  # no word as written
    assert leading(r"(?:diez|de)\s+once") == ()  # a short word: nearly every text has it
    assert leading(r"\b(?:directora|jefe|director)\b") == ("director", "jefe")  # «directora» starts so
    assert leading(r"[a-z]+ista") == ()
    assert anchored(re.compile(r"\d+")).pattern == r"\d+"  # kept as it is
