"""The checklist's site index keeps its pages packed (issue 21, H212): each page a row of columns
and shared values from its parse on (``checklist.paged.PageStore``), a ``Page`` made by number when
a judge reads it, and no more than the few last made (plus those a caller holds) alive while the
site is judged. A site of 200 pages crawled through the CLI on 127.0.0.1, its report made cold:
while the checklist judges, the ``Page`` objects alive stay under the store's bound, the judges
make pages from the rows, and the JSON report is the CLI's, byte for byte, whether the store keeps
one page made or every page (the old index: every ``Page`` alive).

Fails without the packed holder (checked: with ``gelt_audit`` of ``3e06294`` every page was alive
through the judging, 205 ``Page`` objects > 72; with the store but the judges' own lists of found
pages (``b08804a``: ``page_hits``, the label places, the slug rule's pages) up to 199 > 72).

H261: a store of at most ``paged.HOLD`` pages keeps every page made once asked for (the judges read
the same pages again and again); the bound above is what a site past ``HOLD`` pages gets (``HOLD``
= 0 here), and with the store's own ``HOLD`` each page is made once at most, the report the same."""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Any

import pytest

import gelt_audit.audits.checklist.audit as checklist_audit
import gelt_audit.audits.checklist.evidence as evidence
import gelt_audit.audits.run as run
from gelt_audit.audits.checklist.pages import Page
from gelt_audit.config import load_config
from gelt_audit.demo.server import SiteServer
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, store_copies, write_config

PAGES = 200
BOUND = 72  # the store's ring (64) and the few a judge holds at once (home, a block's best page…)
MENU = ("/", "/transparencia", "/normatividad", "/contacto", "/tramites")


def _routes() -> dict[str, Any]:
    items = "".join(f"<li><a href='/tramite/{n}'>Trámite {n}</a></li>" for n in range(PAGES))
    routes = {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", MENU),
        "/transparencia": page("Transparencia", "<h3>Normatividad</h3><a href='/normatividad'>Leyes</a>", MENU),
        "/normatividad": page("Normatividad", "<p>Decreto 12 de 2026.</p>", MENU),
        "/contacto": page("Contacto", "<p>Correo: contacto@prueba.gov.co</p>", MENU),
        "/tramites": page("Trámites", f"<ul>{items}</ul>", MENU),
    }
    for n in range(PAGES):
        body = f"<h3>Requisitos</h3><p>Requisito {n}.</p><h3>Costo</h3><p>Gratuito.</p>"
        routes[f"/tramite/{n}"] = page(f"Trámite {n} | Alcaldía de Prueba", body, MENU)
    return routes


def _pages_alive() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Page)


def _report(
    directory: Path, monkeypatch: Any, recent: int | None, hold: int | None = 0
) -> tuple[str, list[int], list[int]]:
    """The JSON report of the store in ``directory`` made cold in this process (``recent``: the
    store's ring; None: every page made kept alive, as the old index held them; ``hold``: the
    pages the store keeps made, None for its own ``HOLD``), the ``Page`` objects alive sampled
    while the checklist judged, and the pages made while it judged (with ``hold`` None: how many
    pages each judged store made in all, then how many pages it has)."""
    import gelt_audit.audits.checklist.paged as paged

    samples: list[int] = []
    made: list[int] = []
    evaluate, scope_ok = checklist_audit.evaluate, evidence.Finder.scope_ok
    calls = [0]

    def sampled(*args: Any, **kwargs: Any) -> Any:
        store = getattr(args[1].pages, "store", None)  # None: an index of Page objects (the old one)
        samples.append(_pages_alive())
        before = store.made if store is not None else 0
        out = evaluate(*args, **kwargs)
        made.append(store.made - before if store is not None else 0)
        if hold is None and store is not None:
            made.extend((store.made, len(store)))
        samples.append(_pages_alive())
        return out

    def scoped(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] % 25 == 0:
            samples.append(_pages_alive())
        return scope_ok(self, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(checklist_audit, "evaluate", sampled)
        patch.setattr(evidence.Finder, "scope_ok", scoped)
        if hold is not None:
            patch.setattr(paged, "HOLD", hold)
        if recent is None:
            made_page, kept = paged.PageStore.page, []

            def keep_all(self: Any, idx: int) -> Page:
                kept.append(made_page(self, idx))
                return kept[-1]

            patch.setattr(paged.PageStore, "page", keep_all)
        elif recent != 64:
            patch.setattr(paged, "RECENT", recent)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg))  # as the CLI's report (browser "off" in the config)
    return re.sub(r'"generated_at": ?"[^"]*"', "", text), samples, made


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled once through the CLI; its store and the CLI's cold JSON report."""
    base = tmp_path_factory.mktemp("paged")
    server = SiteServer(_routes()).start()
    try:
        config = write_config(base, server.url)
        crawl(config)
    finally:
        server.stop()
    copies, stdout = store_copies(config, ("cli", "ring", "one", "all", "held"))
    return copies, re.sub(r'"generated_at": ?"[^"]*"', "", stdout.strip())


def test_judging_reads_pages_made_from_rows_few_alive(crawled, monkeypatch):
    copies, cli_json = crawled
    text, samples, made = _report(copies[1], monkeypatch, recent=64)
    assert '"checklist"' in text and json_report.dumps  # a whole report, checklist included
    assert len(samples) > 4, samples  # sampled before, while and after the judging
    assert max(samples) <= BOUND, f"Page objects alive while judging: {samples}"
    assert made and all(n > 0 for n in made), made  # the judges read pages made from the rows
    assert text.strip() == cli_json  # the CLI's report, byte for byte


def test_the_same_report_with_one_page_or_every_page_kept(crawled, monkeypatch):
    copies, cli_json = crawled
    one, one_samples, _ = _report(copies[2], monkeypatch, recent=1)
    every, every_samples, _ = _report(copies[3], monkeypatch, recent=None)
    assert max(every_samples) >= PAGES  # every page judged alive at once: the old holding
    assert max(one_samples) < max(every_samples)
    assert one.strip() == every.strip() == cli_json


def test_the_pages_held_are_made_once_and_the_report_is_the_same(crawled, monkeypatch):
    """H261: with the store's own ``HOLD`` (more than this site's pages) every page asked for stays
    made: the index and both profiles' judges make each page once at most (the ring alone made
    them again and again: fails so, checked), and the report is the CLI's, byte for byte."""
    copies, cli_json = crawled
    text, samples, made = _report(copies[4], monkeypatch, recent=64, hold=None)
    per_profile = made[0::3]
    totals, pages = made[1::3], made[2::3]
    assert len(per_profile) == 2 and pages[0] > PAGES, made  # both profiles judged one index
    assert all(total <= n for total, n in zip(totals, pages, strict=True)), made  # once each at most
    assert per_profile[1] == 0, made  # the second profile makes none: the first one's are held
    assert max(samples) >= PAGES  # held while judging (the site is under HOLD)
    assert text.strip() == cli_json
