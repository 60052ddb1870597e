"""A crawl's snapshots are made once and shared by the audits' walks (issue 21, H267).

A week's audits walk the last crawl's snapshots about nine times (pages, links, accessibility, the
checklist, security…): each walk made every row a new dict again (109,000 dicts at 10k pages). A
finished crawl of at most ``store_snapshots.SNAPSHOT_HOLD`` rows is now kept as its dicts, made once and given
to every walk until another crawl is read or ``forget_snapshots`` (the checklist's index, the week's
peak, is built without them: H180).

A site crawled twice through the CLI on 127.0.0.1, the second crawl audited in this process: the
nine walks of that crawl get two sets of dicts (one before the checklist forgets them, one after),
not one a walk; its SQL read happens twice, as before; nothing changes a shared dict (each equals a
fresh read); and the JSON report is the same as with ``SNAPSHOT_HOLD`` = 0 (every walk a new dict,
the previous behaviour) and as the CLI's. Fails with ``SNAPSHOT_HOLD`` = 0 in the store (checked:
45 dicts for the crawl's 5 rows over 9 walks; with the store's own, 10)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import gelt_audit.audits.run as run
import gelt_audit.store_snapshots as store_mod
from gelt_audit.config import load_config
from gelt_audit.demo.server import SiteServer
from gelt_audit.reports import json_report
from gelt_audit.store import Store
from tests.helpers import crawl, page, store_copies, write_config

MENU = ("/", "/transparencia", "/noticias", "/contacto")


def _routes() -> dict[str, Any]:
    routes = {
        "/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", MENU),
        "/transparencia": page("Transparencia", "<h3>Normatividad</h3><p>Decreto 12 de 2026.</p>", MENU),
        "/noticias": page("Noticias", "<p>Noticia del día.</p>", (*MENU, "/falta")),
        "/contacto": page("Contacto", "<p>Correo: contacto@prueba.gov.co</p>", MENU),
    }
    return routes


def _blank(text: str) -> str:
    return re.sub(r'"generated_at": ?"[^"]*"', "", text).strip()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled twice through the CLI; copies of its store and the CLI's JSON report."""
    base = tmp_path_factory.mktemp("snapshots")
    server = SiteServer(_routes()).start()
    try:
        config = write_config(base, server.url, "[links]\ncheck_external = false\n")
        crawl(config)
        crawl(config)
    finally:
        server.stop()
    copies, stdout = store_copies(config, ("cli", "shared", "new"))
    return copies, _blank(stdout)


def _audit(directory: Path, monkeypatch: Any, hold: int | None) -> tuple[str, dict[str, Any]]:
    """The JSON report of the store in ``directory`` made in this process (``hold``: the store's
    ``SNAPSHOT_HOLD``, None for its own), with the last crawl's walks, SQL reads and the dicts
    its walks were given (held here, so that no object's id is reused)."""
    seen: dict[str, Any] = {"walks": 0, "reads": Counter(), "dicts": []}
    snapshots, cursor = Store.snapshots, Store._snapshot_cursor

    def walked(self: Store, crawl_id: int) -> Any:
        if crawl_id == seen["last"]:
            seen["walks"] += 1
            for snap in snapshots(self, crawl_id):
                seen["dicts"].append(snap)
                yield snap
        else:
            yield from snapshots(self, crawl_id)

    def read(self: Store, crawl_id: int) -> Any:
        seen["reads"][crawl_id] += 1
        return cursor(self, crawl_id)

    with monkeypatch.context() as patch:
        patch.setattr(Store, "snapshots", walked)
        patch.setattr(Store, "_snapshot_cursor", read)
        if hold is not None:
            patch.setattr(store_mod, "SNAPSHOT_HOLD", hold)
        cfg = load_config(directory / "gelt.toml")
        with Store(cfg.store_path) as store:
            seen["last"] = store.db.execute("select max(id) from crawls where status = 'finished'").fetchone()[0]
            text = json_report.dumps(run.audit(store, cfg))  # as the CLI's report (browser "off")
    return _blank(text), seen


def test_the_walks_share_the_snapshots_made_once_and_the_report_is_the_same(crawled, monkeypatch):
    copies, cli_json = crawled
    text, seen = _audit(copies[1], monkeypatch, hold=None)
    old_text, old = _audit(copies[2], monkeypatch, hold=0)  # every walk a new dict: the old reading
    last = seen["last"]
    with Store(copies[1] / "gelt.db") as fresh:
        rows = list(fresh.snapshots(last))
    assert len(rows) >= 5 and seen["walks"] >= 6, seen["walks"]  # the week's audits walked the crawl
    assert old["walks"] == seen["walks"] and len(old["dicts"]) == len(seen["dicts"])
    made = {id(d) for d in seen["dicts"]}
    # every walk of the old reading made its own dicts; now two sets at most (the checklist forgets
    # them while its index is built), and no more SQL reads of the crawl than before
    assert len({id(d) for d in old["dicts"]}) == len(old["dicts"])
    assert len(made) <= 2 * len(rows), (len(made), len(rows), seen["walks"])
    assert seen["reads"][last] <= 2, seen["reads"]
    # nothing changed a shared dict: each is a fresh read's row
    by_url = {r["url"]: r for r in rows}
    assert all(d == by_url[d["url"]] for d in seen["dicts"])
    assert text == old_text == cli_json  # the CLI's report, byte for byte
    assert '"checklist"' in text
