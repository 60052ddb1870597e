"""A long page's folded main text answers ``word in text`` from its distinct words (``scan.Folded``,
H287): the same answer as the whole text for every word, and the same text as ``fold(element_text)``;
the ``people_list`` question, asked of such a text only where its posts are, finds a match exactly
when the regex does."""

from __future__ import annotations

import random
import re

import lxml.html

from gelt_audit.audits.checklist import contents
from gelt_audit.audits.checklist.contents import folded_text
from gelt_audit.audits.checklist.scan import Folded
from gelt_audit.audits.checklist.text import _compiled, element_text, fold
from tests.helpers import bundled_people_regexes

# what folding changes or keeps, and where a piece's context could cross a space if folding were not
# per piece: accents and marks (a combining mark opening a piece), spacing accents that fold to a space
# and a mark («´», «¨»), a capital sigma (lower-case's one context rule), the control characters fold
# parks its stable characters on, stable characters («›», «¿»), whitespace other than a space
_PIECES = [
    *("a", "b", "n", "o", "s", "pendiente", "hay", "apl", "cargo", "encargo", "1", "2"),
    *("á", "Á", "é", "ñ", "Ñ", "ü", "\u0301", "\u0303", "a\u0301", "´", "¨", "ª", "º", "Σ", "σ", "ς", "ΑΣ"),
    *("›", "¿", "«", "\x01", "\x02", "\x1c", ".", ":", "'", "·", "-", "ǅ", "İ", "ß", "\ufb01"),
    *(" ", " ", " ", "  ", "\n", "\t", "\xa0", "\u2003"),
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def _needles(text: str, rng: random.Random) -> list[str]:
    # pieces of the folded text itself (found), with and without spaces, and words it may lack
    out = ["", " ", "a", "hay", "apl", "s a", "pendiente", "por completar", "σ", "ς", "\x01", "´"]
    for _ in range(12):
        if text:
            i = rng.randrange(len(text))
            out.append(text[i : i + rng.randint(1, 6)])
    return out


def _element(text: str):
    # text split over nested elements and tails, as a page's body is
    parts = text.split("o")
    html = "<div>" + "".join(f"<span>{p}</span>o" for p in parts) + "</div>"
    return lxml.html.fragment_fromstring(html)


def test_folded_answers_every_word_as_the_text(monkeypatch):
    monkeypatch.setattr(contents, "MIN_WORDS", 0)  # distinct words made for every text
    rng = random.Random(287)
    made = 0
    for text in _texts(4000, 287):
        el = _element(text)
        long = folded_text(el)
        plain = fold(element_text(el))
        assert long == plain, text
        if isinstance(long, Folded):
            made += 1
            for needle in _needles(plain, rng):
                assert (needle in long) == (needle in plain), (text, needle)
    assert made > 3000


def test_short_text_is_a_plain_string_and_long_text_keeps_its_words():
    short = lxml.html.fragment_fromstring("<div><p>Secretaría de Hacienda</p><p>Pendiente</p></div>")
    assert type(folded_text(short)) is str
    body = "<div>" + "".join(f"<p>Cargo {i % 7} Secretaría</p>" for i in range(600)) + "</div>"
    long = folded_text(lxml.html.fragment_fromstring(body))
    assert isinstance(long, Folded) and long == fold(element_text(lxml.html.fragment_fromstring(body)))
    assert long.words == "cargo 0 secretaria 1 2 3 4 5 6"
    assert "secretaria" in long and "cargo 3 secretaria" in long and "jefe" not in long
    assert "3 secretaria cargo 4" in long and "6 secretaria cargo 0" in long  # spaces: the whole text
    assert "secretaria 1" not in long and "secretaria 1" in long.words


def _people_texts(count: int) -> list[str]:
    # posts, words a post starts or ends (a boundary or not), names, connecting words, punctuation and
    # characters that are not ASCII (word characters or not), so that lists are and are not formed
    pieces = [
        *("presidente", "vicepresidente", "secretaria", "secretario", "tesorero", "fiscal", "vocal", "jefe"),
        *("expresidente", "presidentes", "jefes", "ana", "maria", "luis", "pedro", "søren", "ørsted", "ana²"),
        *("de", "la", "y", "el", "300 1234567", "x@y.co", "ß", "_", "›", "“", ",", ":", ";", ".", "-", "—"),
    ]
    rng = random.Random(2870)
    out = []
    for _ in range(count):
        seps = [rng.choice((" ", " ", " ", ", ", " — ", "›", "")) for _ in range(30)]
        out.append("".join(rng.choice(pieces) + seps[i] for i in range(rng.randint(0, 30))))
    return out


def test_people_question_at_its_posts_finds_what_the_regex_finds():
    rxs = sorted(set(bundled_people_regexes()))
    assert rxs
    found_any = 0
    for rx in rxs:
        fast, listed = _compiled(rx), re.compile(rx)
        assert fast.posts  # asked at its posts in a long text
        for text in _people_texts(3000):
            folded = fold(text)
            distinct = " ".join(dict.fromkeys(folded.split(" ")))
            expected = listed.search(folded) is not None
            found_any += expected
            assert (fast.search(Folded(folded, distinct)) is not None) == expected, (rx, folded)
            assert (fast.search(folded) is not None) == expected, (rx, folded)
    assert found_any > 100
