"""Judging reads the site index's link occurrences from columns copied once (issue 21, H138):
what it reads there of each link text's occurrences and each target's is what reading them one
by one from their blocks gives (``Occurrences.named``, ``PackedLinks.worded``), on a real crawl
served on 127.0.0.1: content links (packed), the header's and footer's (plain tuples), two
addresses of one page (``/presupuesto`` and ``/presupuesto/``: one key, two targets),
a link to a part of a page, and one text under several headings."""

from __future__ import annotations

from array import array
from typing import Any

import pytest

from gelt_audit.audits.checklist import checklists, index_site, load_checklist, page_docs, text_rules
from gelt_audit.audits.checklist.columns import columns_of, text_occurrences
from gelt_audit.audits.checklist.evidence import Finder
from gelt_audit.audits.checklist.guards import names_other, qualifies_one_word, url_text_guard, where_text_ok
from gelt_audit.audits.checklist.packed import OccurrenceLists, PackedLinks, Run
from gelt_audit.audits.checklist.text import text_norm
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.store import Store
from tests.helpers import crawl, report_json, write_config

HEAD = "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{t} | Alcaldía de Prueba</title></head>"
NAV = (
    "<header><nav><ul><li><a href='/'>Inicio</a></li><li><a href='/presupuesto'>Presupuesto</a></li>"
    "<li><a href='/pagos'>Pagos en línea</a></li><li><a href='/transparencia'>Transparencia</a></li></ul></nav>"
    "</header>"
)
FOOT = "<footer><p>Calle 1 # 2-3.</p><a href='/presupuesto#ejecucion'>Presupuesto</a></footer>"


def _page(title: str, main: str) -> Resource:
    return Resource.html(f"{HEAD.format(t=title)}<body>{NAV}<main><h1>{title}</h1>{main}</main>{FOOT}</body></html>")


def _site() -> dict[str, Resource]:
    def entries(n: int) -> str:
        return (
            f"<h2>Informes del área {n}</h2><p>Documentos publicados por el área {n} este año.</p>"
            f"<ul><li><a href='/presupuesto/'>Presupuesto</a></li>"
            f"<li><a href='/presupuesto#ejecucion'>Presupuesto</a></li>"
            f"<li><a href='/docs/certificado-pagos-{n}.pdf'>Certificado de pagos del área {n}</a></li>"
            f"<li><a href='/pagos'>Costos de reproducción de copias</a></li>"
            f"<li><a href='/area-{(n + 1) % 4}'>Área {(n + 1) % 4}</a></li></ul>"
        )

    # the same text under a heading that names the payments: by its heading, a link to them
    paid = "<h2>Pagos y trámites</h2><p><a href='/pagos'>Costos de reproducción de copias</a></p>"
    routes = {"/": _page("Inicio", entries(0) + paid + "<p><a href='/pagos'>Pagos</a></p>")}
    for n in range(1, 4):
        routes[f"/area-{n}"] = _page(f"Área {n}", entries(n))
    routes["/presupuesto"] = _page("Presupuesto", "<h2 id='ejecucion'>Ejecución presupuestal</h2><p>Texto.</p>")
    routes["/presupuesto/"] = routes["/presupuesto"]
    routes["/pagos"] = _page("Pagos en línea", "<p>Pague sus impuestos.</p>")
    routes["/transparencia"] = _page("Transparencia", "<p>Transparencia y acceso a la información.</p>")
    for n in range(4):
        routes[f"/docs/certificado-pagos-{n}.pdf"] = Resource(
            b"%PDF-1.4 prueba", headers={"Content-Type": "application/pdf"}
        )
    return routes


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The site crawled and reported by the CLI, and its index as the audit builds it."""
    routes = _site()
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h138"), server.url)
        assert crawl(config).returncode == 0
        report = report_json(config)
    finally:
        server.stop()
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        assert latest is not None
        index = index_site(
            page_docs(store, latest),
            home_url=cfg.site_url,
            text_rules=text_rules(checklists(cfg)),
            cache=lambda k, a, v, c: c(),
        )
    return report, index


def _one_by_one(occ: Any, ids: array[int]) -> tuple[Any, ...]:
    """What judging read of these occurrences before the columns: each one asked of its block."""
    by_key: dict[str, array[int]] = {}
    firsts: dict[str, str] = {}
    fragments = False
    for n in ids:
        key, target, text, fragment = occ.named(n)
        by_key.setdefault(key, array("I")).append(n)
        firsts.setdefault(target, text)
        fragments = fragments or fragment
    return tuple(by_key), [list(r) for r in by_key.values()], fragments, tuple(firsts), tuple(firsts.values())


def test_the_columns_read_each_text_s_occurrences_as_their_blocks_do(crawled):
    report, index = crawled
    assert report["checklist"]
    lists = index.link_texts.payloads
    assert isinstance(lists, OccurrenceLists)
    occ = lists.occ
    packed = [b for b in occ.blocks if isinstance(b.links, PackedLinks)]
    plain = [b for b in occ.blocks if b.links and not isinstance(b.links, PackedLinks)]
    assert packed and plain  # content links packed, the header's and footer's not
    cols = columns_of(occ)
    assert columns_of(occ) is cols  # made once
    for n in range(len(cols.target)):  # every occurrence, field by field
        key, target, text, fragment = occ.named(n)
        assert (cols.target_keys[cols.target[n]], cols.targets[cols.target[n]]) == (key, target)
        assert (cols.texts[cols.text[n]], bool(cols.fragment[n])) == (text, fragment)
        link = occ.link(n)
        assert (cols.norms[cols.text[n]], cols.nwords[cols.text[n]], cols.contexts[cols.ctx[n]]) == (
            link.norm,
            link.nwords,
            link.ctx,
        )
    grouped = fragmented = 0
    for i in range(len(index.link_texts.entries)):
        keys, runs, fragments, targets, texts = text_occurrences(occ, lists.ids[i])
        expected = _one_by_one(occ, lists.ids[i])
        assert (keys, [list(r.ids) for r in runs], fragments, targets, texts) == expected, index.link_texts.entries[i]
        grouped += len(targets) > len(keys)  # two addresses of one key: one run, two first texts
        fragmented += fragments
    assert grouped and fragmented


def test_the_url_guard_asked_once_a_text_and_heading_keeps_what_asking_each_link_keeps(crawled):
    _report, index = crawled
    finder = Finder(load_checklist("gelt-2008"), index)
    occ = index.targets.occ
    kept = dropped = heading_said = 0
    for said in (("pagos",), ("presupuesto",), ("certificados",), ("pagos", "pagos en línea")):
        phrases = tuple(tuple(text_norm(p)[0].split()) for p in said)  # as a profile's phrases are read
        guard = url_text_guard(finder, phrases)

        def asked(link: Any, phrases: tuple[tuple[str, ...], ...] = phrases) -> bool:
            return not (names_other(link, phrases) or qualifies_one_word(link, phrases))

        for key in index.targets:
            run = finder.target_run(key)
            expected = run.where(asked)
            got = where_text_ok(run, guard)
            assert list(got.ids) == list(expected.ids), (phrases, key)
            assert (got is run) == (len(expected.ids) == len(run.ids))
            assert isinstance(got, Run)
            texts = {occ.link(n).norm for n in expected.ids} & {
                occ.link(n).norm for n in run.ids if n not in expected.ids
            }
            heading_said += bool(texts)
            kept += len(expected.ids)
            dropped += len(run.ids) - len(expected.ids)
    assert kept and dropped  # both answers met
    assert heading_said  # one text kept under a heading that names the item, dropped under others
