"""The per-body judges' fast paths give what their reference definitions give, element by element.

Run on every example of the W3C ACT corpus (tests/fixtures/act: varied, hostile markup) and on
cases written to trip them: the one-pass selections of ``accname.Page`` against the XPath they
replace, its hidden set against ``accname.hidden`` (the ancestor walk), the plain lxml.etree
parse against lxml.html's, and page-names' h1 and breadcrumb against their XPath.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gelt_audit.audits import accname, html_rules, pages
from gelt_audit.audits.accname import Page
from gelt_audit.audits.tree import parse_body, text_content
from gelt_audit.markup import CRUMB_CLASS, CRUMB_LABEL, parse

CORPUS = Path(__file__).parent / "fixtures" / "act"
INDEX = json.loads((CORPUS / "index.json").read_text(encoding="utf-8"))
WRITTEN = [
    "<html><body><nav class='miga'><ul><li>Inicio</li><li class='breadcrumb'><ol><li>A</li><li>B</li></ol></li>"
    "</ul></nav><p aria-label='Miga de pan'><li>C</li></p><ul><li>fuera</li></ul></body></html>",
    "<html><head><title>t</title></head><body><div hidden><a href='/x' ARIA-FOO=1>oculto</a></div>"
    "<div style='display:none'><span><a href='/y'>y</a></span></div><input type=HIDDEN id=i>"
    "<div aria-hidden=' TRUE '><img src=a.png></div><DIV ROLE=Button ID=i LANG=zz>b</DIV>"
    "<META NAME=VIEWPORT CONTENT='user-scalable=no'><meta http-equiv=REFRESH content='5'>"
    "<main><h1>Uno</h1></main><h1>Dos</h1><!-- c --><?pi x?></body></html>",
    "<p>sin html ni body</p>",
]


def _documents():
    for example in INDEX["examples"]:
        yield example["id"], (CORPUS / example["file"]).read_text(encoding="utf-8")
    for i, html in enumerate(WRITTEN):
        yield f"written-{i}", html


SELECTIONS = {
    "named": "descendant-or-self::*[self::a or self::area or self::img or self::svg or self::input or self::iframe"
    " or self::summary or self::button or self::textarea or self::select or @role]",
    "role": "descendant-or-self::*[@role]",
    "id": "descendant-or-self::*[@id]",
    "lang": "descendant-or-self::*[@lang]",
    "links": "//a[@href]",
    "meta": "//meta",
    "aria-hidden": "//*[@aria-hidden='true']",
    "a-name": "//a[@name]",
    # markup.is_breadcrumb, written as XPath (EXSLT's regular expressions: NS)
    "crumb": f"//*[re:test(@class, '{CRUMB_CLASS}', 'i') or re:test(@aria-label, '{CRUMB_LABEL}', 'i')]",
}
NS = {"re": "http://exslt.org/regular-expressions"}


NAMED = [(check.kinds, check.groups) for _criterion, check in html_rules.CHECKS.values() if hasattr(check, "kinds")]


def test_the_plain_parse_is_lxml_html_s_tree():
    from lxml import etree

    for name, html in _documents():
        old, new = parse(html), parse_body(html)
        assert (old is None) == (new is None), name
        if old is not None:
            assert etree.tostring(old) == etree.tostring(new), name
            texts = [text_content(el) for el in new.iter(etree.Element)]
            assert texts == [el.text_content() for el in old.iter(etree.Element)], name


@pytest.mark.parametrize("make", [parse, parse_body], ids=["lxml.html", "lxml.etree"])
def test_page_selections_and_hidden_set_match_their_definitions(make):
    checked = 0
    for name, html in _documents():
        root = make(html)
        if root is None:
            continue
        page = Page(root)
        for key, xpath in SELECTIONS.items():
            assert page.selected(key) == root.xpath(xpath, namespaces=NS), (name, key)
        every = html_rules._elements(root)
        assert html_rules.aria_attr_defined(page) == [
            el
            for el in every
            if any(k.lower().startswith("aria-") and k.lower()[5:] not in html_rules.ARIA_ATTRIBUTES for k in el.keys())
        ], name
        for kinds, groups in NAMED:  # each name rule looks only at its groups: they hold all its elements
            assert page.named_among(groups) == [el for el in every if el in set(page.named_among(groups))]
            assert {el for el in every if kinds(page, el)} <= set(page.named_among(groups)), (name, groups)
        for el in root.iter():
            if accname.is_element(el):
                assert page.hidden(el) == accname.hidden(el), (name, el.tag)
                checked += 1
    assert checked > 5_000 and len(NAMED) == 8


def test_page_names_match_their_xpath():
    found = 0
    for name, html in _documents():
        root = parse_body(html)
        if root is None:
            continue
        crumbs = pages._BREADCRUMB(root)
        assert pages._breadcrumb_step(root) is (crumbs[0] if crumbs else None), name
        headings = root.xpath(pages._HEADING)
        assert next(root.getroottree().iter("h1"), None) is (headings[0] if headings else None), name
        found += bool(crumbs)
    assert found  # some documents have a breadcrumb


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set)):
        for v in value:
            yield from _strings(v)


def test_judgements_hold_plain_strings_not_references_to_the_document():
    # lxml's "smart" strings (XPath text and attribute results) keep their element, and with it the
    # whole parsed page, alive: a judgement kept in memory must not hold one (the anchors of a
    # previous crawl's 10,000 pages once held ~1 GB of documents).
    from gelt_audit.audits.run import BODY_JUDGES

    seen = 0
    for name, html in _documents():
        root = parse_body(html)
        for judge in BODY_JUDGES:
            for s in _strings(judge.judge(root, "http://127.0.0.1/p")):
                assert type(s) is str, (name, judge.audit, type(s))
                seen += 1
    assert seen > 1000


LINKS = [
    "<html><body><a href='/a'> Ver  más </a><a href='/b' title=' Título '></a><a href='/c' title='t'>  </a>"
    "<div hidden><a href='/d'>oculto</a></div><a href='/e' style='display:none'>e</a>"
    "<a href='/f' role='presentation' title='pres'>texto</a><a href='/g' role='button'>botón</a>"
    "<a href='/h' aria-label=' '>h</a><a href='/i' aria-label='etiqueta'>i</a><a href='/j' aria-labelledby='x'>j</a>"
    "<span id='x'>de x</span><a href='/k'><!-- c -->k</a><a href='/l'><img alt='logo'></a><a name='m'>ancla</a>"
    "<a href='/n' aria-hidden='true'>n</a><a href='/o' role='link' title='o'>caf\u00e9\u0301</a>"
    "<a href='/p' role='xyz'>p</a><a href='/q' aria-labelledby=''>q</a></body></html>",
    "<html><body><div class='migas-de-pan'><ol><li>Inicio</li><li>Paso</li></ol></div><ul><li>x</li></ul>"
    "<div aria-label='Ruta de navegación'><p>sin pasos</p></div><input name='q' id=''></body></html>",
]


def test_link_names_and_roles_the_walk_fills_are_the_definitions():
    # Page.name's path for a childless link and the roles the walk fills for links give what
    # _compute (accname's steps) and role() give, element by element
    from lxml import etree

    leaves = hidden = 0
    for name, html in [*_documents(), *((f"links-{i}", h) for i, h in enumerate(LINKS))]:
        root = parse_body(html)
        if root is None:
            continue
        fast, slow = Page(root), Page(root)
        fast.selected("named")  # the walk: what the fast paths read
        for el in root.iter(etree.Element):
            assert fast.role(el) == accname.role(el), (name, el.tag)
            assert fast.name(el) == slow._compute(el, set(), False), (name, el.tag, el.attrib)
            if fast.hidden(el):  # accessibility's link texts skip hidden links by their empty name
                assert fast.name(el) == "", (name, el.tag)
                hidden += 1
            leaves += accname.local(el) == "a" and len(el) == 0
    assert leaves > 150 and hidden > 100


def test_anchors_and_breadcrumbs_from_the_shared_walk_match_their_xpath():
    # links' anchors and page-names' breadcrumb read the walk accessibility's rules share
    # (accname.page_of); judged one after the other on each parse, as judge_bodies does
    from gelt_audit.audits import accessibility, links

    anchors = 0
    for name, html in [*_documents(), *((f"links-{i}", h) for i, h in enumerate(LINKS))]:
        root = parse_body(html)
        if root is None:
            continue
        expected = sorted({v for v in root.xpath("//@id | //a/@name") if v})
        crumbs = pages._BREADCRUMB(root)
        assert links._anchors(root, "") == expected, name  # judged alone: their own reading
        assert pages._breadcrumb_step(root) is (crumbs[0] if crumbs else None), name
        accessibility.judge_root(root)
        assert accname.walked(root) is not None
        assert links._anchors(root, "") == expected, name
        assert pages._breadcrumb_step(root) is (crumbs[0] if crumbs else None), name
        body = root.find("body")
        if body is not None:  # not the document's root: the whole document still counts
            assert links._anchors(body, "") == expected, name
            assert pages._breadcrumb_step(body) is (crumbs[0] if crumbs else None), name
        anchors += len(expected)
    assert anchors > 300
