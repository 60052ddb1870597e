"""H204: the ``people_list`` question (``scan.AfterNonWord``) is searched with ``re.ASCII`` in the
text's ASCII projection (``scan.ascii_word_classes``, in ``text`` until H287: each character that is
not ASCII becomes «_» when it is a word character for re, else «!»), one pass of a codec in C: re then reads one byte a
character and classes it without Unicode's tables. It must find a list on exactly the texts the
regex itself does. Through the real CLI: a list whose posts and names are glued by «•» (a character
that is not ASCII and not a word character: the boundary before each post is kept, «parcial»), and
a page whose first «post» follows «ø» (a letter that folding keeps: «ørector» is no post, two posts
only, no list).

Seen to fail (checked): with every character that is not ASCII made «!» (``_word_class`` returning
"!" only) ``test_a_post_after_a_letter_that_is_not_ascii_is_no_post`` fails (``/orector`` is
evidence, «parcial»); with every one made «_» ``test_a_list_glued_by_bullets_is_found`` fails
(``propio.vinetas`` «no_cumple»); the projection test and the regex comparison fail in both. With the code as it is, all
pass, as they do with the code before H204 (same answers).
"""

from __future__ import annotations

import re

import pytest

from gelt_audit.audits.checklist.scan import ascii_word_classes
from gelt_audit.audits.checklist.text import _compiled, fold
from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import bundled_people_regexes, crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"


def _item(item_id: str, posts: str) -> str:
    # one item per page: an item's evidence names its best page only
    return (
        f'[[checklist.items]]\nid = "{item_id}"\nphase = "info"\nname = "Directivos"\n'
        f'rules = [{{ kind = "people_list", posts = {posts}, min_count = 3 }}]\n'
    )


ITEMS = _item("propio.vinetas", '["rector", "decana", "decano"]') + _item(
    "propio.orector", '["rector", "vocal", "fiscal"]'
)


def _bare(title: str, main: str) -> Resource:
    """A page with no template around its content: its main text is ``main``'s text."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><main>{main}</main></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p><a href="/vinetas">Consejo</a></p><p><a href="/orector">Dirección</a></p>',
    ),
    # «•» glues each name to the next post: not a word character, so a word boundary
    "/vinetas": _bare(
        "Consejo",
        "<p>Consejo superior: Rector Julián Osorio Parra•Decana Camila Rojas Vargas•Decano Andrés Mejía</p>",
    ),
    # «ø» is a letter (folding keeps it): «ørector» has no boundary before «rector», two posts only
    "/orector": _bare(
        "Dirección",
        "<p>Dirección: Ørector Julián Osorio Parra, Vocal Camila Rojas Vargas, Fiscal Andrés Mejía</p>",
    ),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The site crawled once by the real CLI with its own items: their records, paths relative."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h204"), server.url, OFFLINE + ITEMS)
        crawl(config)
        origin = server.url.rstrip("/")
        out = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            out.setdefault(rec["item"], rec)
        return out
    finally:
        server.stop()


def test_a_list_glued_by_bullets_is_found(records):
    rec = records["propio.vinetas"]
    assert rec["status"] == "parcial" and rec["paths"] == ["/vinetas"], rec


def test_a_post_after_a_letter_that_is_not_ascii_is_no_post(records):
    rec = records["propio.orector"]
    assert rec["status"] == "no_cumple" and rec["paths"] == [], rec


def test_the_projection_keeps_length_and_word_classes() -> None:
    text = "ø•ß›x²“ñ\xa0Ω_9\U0001d400\u0301"
    out = ascii_word_classes(text)
    assert out.isascii() and len(out) == len(text)
    assert [bool(re.match(r"\w", c)) for c in text] == [bool(re.match(r"\w", c, re.ASCII)) for c in out]
    assert ascii_word_classes("plain ascii") == "plain ascii"


TEXTS = [
    "presidente ana maria•secretario luis pedro›tesorero",
    "“presidente” ana maría — secretario: luis pedro; tesorero.",
    "presidente søren maria secretario luis ørsted tesorero",  # letters that fold keeps, as names
    "øpresidente ana maria secretario luis pedro tesorero",  # «ø» before: no boundary
    "presidente ana maria secretarioß luis pedro tesorero",  # «ß» after: no boundary
    "presidente ana² secretario luis tesorero",  # «²» is a word character: «ana²» one word, too few
    "",
]


@pytest.mark.parametrize("rx", bundled_people_regexes())
def test_the_ascii_search_finds_what_the_regex_finds(rx: str) -> None:
    fast = _compiled(rx)
    listed = re.compile(rx)
    found = [listed.search(fold(t)) is not None for t in TEXTS]
    assert [fast.search(fold(t)) is not None for t in TEXTS] == found
    assert found[:3] == [True, True, True] and not any(found[3:]), found
