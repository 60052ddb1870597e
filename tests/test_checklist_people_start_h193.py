"""H193: the ``people_list`` question (``text.people_regex``: «\\b», a post, gaps and posts) is searched
as the rest of the regex at the text's start or after a non-word character (``scan.AfterNonWord``):
re then tries the regex only where a non-word character is, not at every place of the text. It must
find a list on exactly the texts the regex does. Through the real CLI (a university's own item, as
``tests/test_checklist_people_list.py``): a list whose first post opens the page's main text (only
the text-start search finds it: three posts, the first at position 0), a list whose posts follow
punctuation («(Tesorero);», «Soto; Secretario.»), both «parcial» (a list is at most that), and a
page whose first «post» is the end of a longer word («prorrector»: no word boundary, two posts
only: no list).

Seen to fail (checked): without the text-start search (``search`` = ``_inside.search`` only)
``test_a_list_that_opens_the_main_text_is_found`` fails (``propio.consejo`` is not «parcial» with
``/consejo``); with «\\W» dropped (``_inside`` = the rest alone, searched anywhere)
``test_a_post_inside_a_longer_word_is_no_post`` fails (``/prorrector`` is evidence); the regex
comparison fails in both. Each page has its own item (an item's evidence names its best page). With
the code as it is, all pass, as they did before H193.
"""

from __future__ import annotations

import re

import pytest

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


ITEMS = (
    _item("propio.consejo", '["rector", "decana", "decano"]')
    + _item("propio.equipo", '["bibliotecario", "tesorero", "secretario"]')
    + _item("propio.prorrector", '["rector", "vocal", "fiscal"]')
)


def _bare(title: str, main: str) -> Resource:
    """A page with no template around its content: its main text is ``main``'s text, from its start."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><main>{main}</main></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p><a href="/consejo">Consejo</a></p><p><a href="/equipo">Equipo</a></p>'
        '<p><a href="/prorrector">Prorrectoría</a></p>',
    ),
    # the first post is the main text's first word: a match can only start at position 0
    "/consejo": _bare(
        "Consejo", "<p>Rector Julián Osorio Parra</p><p>Decana Camila Rojas Vargas</p><p>Decano Andrés Mejía</p>"
    ),
    # posts after punctuation
    "/equipo": _bare(
        "Equipo",
        "<p>Equipo: Julián Osorio Parra (Bibliotecario), Camila Rojas Vargas (Tesorero); Andrés Mejía Soto; Secretario.</p>",
    ),
    # «prorrector» ends with a post but is no post: two posts, no list
    "/prorrector": _bare(
        "Prorrectoría",
        "<p>Prorrector Julián Osorio Parra</p><p>Vocal Camila Rojas Vargas</p><p>Fiscal Andrés Mejía</p>",
    ),
}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The site crawled once by the real CLI with its own items: their records (gelt-2008's), paths relative."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h193"), server.url, OFFLINE + ITEMS)
        crawl(config)
        origin = server.url.rstrip("/")
        out = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            out.setdefault(rec["item"], rec)
        return out
    finally:
        server.stop()


def test_a_list_that_opens_the_main_text_is_found(records):
    rec = records["propio.consejo"]
    assert rec["status"] == "parcial" and rec["paths"] == ["/consejo"], rec


def test_a_list_of_posts_after_punctuation_is_found(records):
    rec = records["propio.equipo"]
    assert rec["status"] == "parcial" and rec["paths"] == ["/equipo"], rec


def test_a_post_inside_a_longer_word_is_no_post(records):
    rec = records["propio.prorrector"]
    assert rec["status"] == "no_cumple" and rec["paths"] == [], rec


TEXTS = [
    "presidente ana maria secretario luis pedro tesorero",  # from the text's start
    "x presidente ana maria secretario luis pedro tesorero",
    "(presidente) ana maria, secretario: luis pedro; tesorero.",
    "vicepresidente ana maria secretario luis pedro tesorero",
    "_presidente ana maria secretario luis pedro tesorero",  # «_» is a word character: no boundary
    "1presidente ana maria secretario luis pedro tesorero",
    "expresidente ana maria secretario luis pedro tesorero",
    "ßpresidente ana maria secretario luis pedro tesorero",
    "presidente ana secretario luis tesorero",  # one word between: too few
    "",
]


@pytest.mark.parametrize("rx", bundled_people_regexes())
def test_the_split_search_finds_what_the_regex_finds(rx: str) -> None:
    fast = _compiled(rx)
    assert type(fast).__name__ == "AfterNonWord"  # the split search is what is asked
    listed = re.compile(rx)
    found = [listed.search(fold(t)) is not None for t in TEXTS]
    assert [fast.search(fold(t)) is not None for t in TEXTS] == found
    assert found[:3] == [True, True, True] and not any(found[4:]), found
