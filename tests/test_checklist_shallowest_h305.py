"""A title rule keeps what it weighs of each page's labels only for the pages ``page_hits`` can still
keep (issue 21, H305). A label a rule meets on every page of a 50,000-page site made ``Title.hits``
hold, for each page, its best label, whether it was seen and whether the first one was: three
dicts of 50,000 entries and a tuple a page, the transient at the peak of the cold report. Now
``paged.Shallowest`` says, as pages are met, which are still among the ``MAX_HITS`` shallowest (the
``nsmallest`` of ``page_hits``), and a page pushed out is forgotten.

A site of 120 pages, each titled «Normatividad del acto N», crawled through the CLI on 127.0.0.1 and its
report made cold in this process with ``MAX_HITS`` at 3: what the title rule holds stays at 3 pages
(it held every page met: fails so with the ``rules.py`` of ``integ22``, checked), and the JSON is the
same byte for byte with the bound and with every page held; with ``MAX_HITS`` as it is, the CLI's.
"""

from __future__ import annotations

import random
import re
import sys
from heapq import nsmallest
from pathlib import Path
from typing import Any

import pytest

import gelt_audit.audits.checklist.evidence as evidence
import gelt_audit.audits.checklist.paged as paged
import gelt_audit.audits.checklist.rules as rules
import gelt_audit.audits.run as run
from gelt_audit.config import load_config
from gelt_audit.demo.server import SiteServer
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, store_copies, write_config

PAGES = 120
MENU = ("/", "/transparencia", "/normas")
_GENERATED = re.compile(r'"generated_at": ?"[^"]*"')


def _routes() -> dict[str, Any]:
    items = "".join(f"<li><a href='/acto/{n}'>Acto {n}</a></li>" for n in range(PAGES))
    routes = {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", MENU),
        "/transparencia": page("Transparencia", "<a href='/normas'>Actos administrativos</a>", MENU),
        "/normas": page("Actos", f"<ul>{items}</ul>", MENU),
    }
    for n in range(PAGES):
        body = f"<p>Decreto {n} de 2026 sobre el tránsito en el municipio.</p>"
        routes[f"/acto/{n}"] = page(f"Normatividad del acto {n} | Alcaldía de Prueba", body, MENU)
    return routes


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled once through the CLI; its store copies and the CLI's cold JSON report."""
    base = tmp_path_factory.mktemp("shallowest")
    server = SiteServer(_routes()).start()
    try:
        config = write_config(base, server.url)
        crawl(config)
    finally:
        server.stop()
    copies, stdout = store_copies(config, ("cli", "bound", "all", "as-is"))
    return copies, _GENERATED.sub("", stdout.strip())


def _report(directory: Path, monkeypatch: Any, max_hits: int | None, bound: bool) -> tuple[str, list[int]]:
    """The cold JSON report of the store in ``directory`` made in this process (``max_hits``: the
    evidence kept per rule, None as it is; ``bound``: False holds every page the title rule meets),
    and how many pages the title rule held each time it weighed a label met."""
    held: list[int] = []
    named = rules.empty_section_named

    def weighed(page: Any, keywords: Any) -> str:
        held.append(len(sys._getframe(1).f_locals["best"]))  # Title.hits: its pages' best label
        return named(page, keywords)

    with monkeypatch.context() as patch:
        patch.setattr(rules, "empty_section_named", weighed)
        if max_hits is not None:
            patch.setattr(rules, "MAX_HITS", max_hits)
            patch.setattr(evidence, "MAX_HITS", max_hits)
        if not bound:  # every page met kept: the holding before H305
            patch.setattr(rules, "Shallowest", lambda n, order: paged.Shallowest(10**9, order), raising=False)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            text = json_report.dumps(run.audit(store, cfg))  # as the CLI's report (browser "off" in the config)
    return _GENERATED.sub("", text).strip(), held


def test_a_title_rule_holds_the_pages_page_hits_can_keep_and_the_report_is_the_same(crawled, monkeypatch):
    copies, cli_json = crawled
    bounded, held = _report(copies[1], monkeypatch, max_hits=3, bound=True)
    every, held_all = _report(copies[2], monkeypatch, max_hits=3, bound=False)
    assert held and max(held) <= 3, f"pages held by the title rule: up to {max(held)}"
    assert max(held_all) >= PAGES, (held, held_all)  # every section met held: what the bound saves
    assert '"checklist"' in bounded and bounded == every  # byte for byte
    as_is, _ = _report(copies[3], monkeypatch, max_hits=None, bound=True)
    assert as_is == cli_json


def test_shallowest_keeps_what_nsmallest_keeps():
    """The pages still kept after each page met are, at the end, ``nsmallest``'s of the distinct
    pages in the order met (equal orders: the first met), and no page pushed out comes back."""
    rng = random.Random(305)
    for _ in range(300):
        n = rng.randint(1, 6)
        orders = {i: (rng.randint(0, 3), rng.choice("abc")) for i in range(rng.randint(0, 30))}
        met = [rng.choice(list(orders)) for _ in range(rng.randint(0, 60))] if orders else []
        shallow, now, left = paged.Shallowest(n, orders.__getitem__), set(), set()
        for i in met:
            there, out = shallow.admit(i)
            if there:
                assert i not in left  # left out or pushed out once: never back
                now.add(i)
            else:
                left.add(i)
            if out >= 0:
                now.discard(out)
                left.add(out)
            assert len(now) <= n
        distinct = list(dict.fromkeys(met))
        assert now == set(nsmallest(n, distinct, key=orders.__getitem__))
