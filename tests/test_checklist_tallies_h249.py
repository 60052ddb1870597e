"""The site-level counts of the checklist's index carried from the previous crawl (issue 21, H249;
``checklist.tallies``): the ``<title>`` taglines most pages share and the home page's content links
nearly every page repeats (the template's, class 2173). A crawl keeps each count with every page's
part; the next crawl patches it with its changed, new and gone pages instead of walking the site.

A site of fifteen pages served on 127.0.0.1, crawled and reported through the CLI; then three pages are
removed and seven changed so that both counts fall under their thresholds (the tagline on 6 of 12
titles, under 7; the shortcut to /mapa in the content of 8 of 12 pages, under 9.6; counting the
gone pages again, both would stay), crawled and reported again:

- the weekly JSON report equals a from-scratch report of the same store (every audit cache emptied);
- on a copy of the store taken before that weekly report, the site index built as the audit builds
  it (the previous crawl's pages and counts carried) has the same taglines, template links,
  Transparencia menu and labels as one built from scratch, and asked only the changed and new
  pages for their part of each count (the patch ran: not a walk over every page).

Fails without taking away the parts of the pages the new crawl no longer has (checked, the loop
over ``was`` in ``tallies.counted`` removed: the carried taglines keep «alcaldia prueba», and the
template, the Transparencia menu (/mapa lost) and the labels differ from scratch: the index test
fails; the CLI JSON stayed identical on this site, so the index-level assertions are the ones that
see it) and with the carried counts ignored (checked, ``previous`` always dropped: 24 pages asked,
not 14).
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gelt_audit.audits.checklist import index as index_module
from gelt_audit.audits.checklist import page_docs, tallies, text_rules
from gelt_audit.audits.checklist.audit import _carry, checklists
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.store import Store
from tests.helpers import crawl
from tests.test_checklist_incremental import CACHE_TABLES, from_scratch, json_bytes

ENTITY = "Alcaldía de Prueba"
GONE = ("/contenido-7", "/contenido-8", "/contenido-9")
RETITLED = ("/contenido-2", "/contenido-3", "/contenido-4", "/contenido-5", "/contenido-6", "/sedes")
NO_MAP = ("/contenido-2", "/contenido-3", "/contenido-4", "/contenido-5")  # their shortcut to /mapa gone
CHANGED = 7  # the retitled pages and /noticias (its list loses the gone pages)


def _page(path: str, title: str, main: str, quick: tuple[str, ...]) -> Resource:
    bar = "".join(f'<a href="{href}">{href.strip("/").title() or "Inicio"}</a> ' for href in quick)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<header><p>Alcaldía</p></header><nav><ul><li><a href='/'>Inicio</a></li>"
        "<li><a href='/transparencia/'>Transparencia</a></li><li><a href='/noticias'>Noticias</a></li></ul></nav>"
        f"<main><h1>{title.split(' | ')[0]}</h1>{main}<div class='quickbar'>{bar}</div></main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000</footer></body></html>"
    )


def _site(version: int) -> dict[str, Resource]:
    quick = ("/contacto", "/mapa", "/sedes")
    pages = {
        "/": ("Inicio", "<p>Bienvenidos al sitio oficial del municipio.</p>"),
        "/transparencia/": (
            "Transparencia y acceso a la información pública",
            '<ul><li><a href="/transparencia/presupuesto">Presupuesto</a></li></ul>',
        ),
        "/transparencia/presupuesto": ("Presupuesto", "<p>Presupuesto aprobado para la vigencia 2026.</p>"),
        "/contacto": ("Contacto", "<p>Escríbanos.</p>"),
        "/mapa": ("Mapa del sitio", "<p>Todas las secciones.</p>"),
        "/sedes": ("Sedes", "<p>Sede principal en la plaza.</p>"),
        "/noticias": (
            "Noticias",
            "".join(f'<p><a href="/contenido-{n}">Noticia {n}</a></p>' for n in range(2, 10) if version == 1 or n < 7),
        ),
    }
    pages.update(
        {f"/contenido-{n}": (f"Noticia {n}", f"<p>Noticia número {n} del municipio.</p>") for n in range(2, 10)}
    )
    site: dict[str, Resource] = {}
    for path, (title, main) in pages.items():
        if version == 2 and path in GONE:
            continue
        full = title if version == 2 and path in RETITLED else f"{title} | {ENTITY}"
        site[path] = _page(
            path, full, main, tuple(q for q in quick if not (version == 2 and path in NO_MAP and q == "/mapa"))
        )
    return site


def _index(config: Path, carry: bool) -> tuple[object, dict[str, object]]:
    """The site index of the latest crawl as the audit builds it (``carry``: with the previous
    crawl's carried pages and counts), what its taglines and template were, and how many pages
    each count asked for its part."""
    seen: dict[str, object] = {"asked": 0}
    cfg = load_config(config)
    store = Store(cfg.store_path)
    crawl_row = store.latest_crawl(cfg.site_url)
    previous = store.previous_crawl(crawl_row)
    real_counted = tallies.counted

    def counted(pages, origins, part, param, was):  # type: ignore[no-untyped-def]
        def asked(p):  # type: ignore[no-untyped-def]
            seen["asked"] = int(seen["asked"]) + 1  # type: ignore[call-overload]
            return part(p)

        return real_counted(pages, origins, asked, param, was)

    real_taglines, real_template = index_module.taglines_of, index_module.template_of
    index_module.taglines_of = lambda c, n: seen.setdefault("taglines", real_taglines(c, n))  # type: ignore[assignment]
    index_module.template_of = lambda c, n: seen.setdefault("template", real_template(c, n))  # type: ignore[assignment]
    index_module.counted = counted  # type: ignore[assignment]
    try:
        index = index_module.index_site(
            page_docs(store, crawl_row),
            home_url=cfg.site_url,
            link_states={},
            text_rules=text_rules(checklists(cfg)),
            cache=store.cached_audit,
            carry=_carry(store, crawl_row, previous) if carry else None,
        )
    finally:
        index_module.counted = real_counted  # type: ignore[assignment]
        index_module.taglines_of, index_module.template_of = real_taglines, real_template
    return index, seen


def _copy(config: Path, name: str, empty: bool) -> Path:
    target = config.parent / name
    target.mkdir()
    db = load_config(config).store_path
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(db, target / db.name)
    if empty:
        with closing(sqlite3.connect(target / db.name)) as conn, conn:
            for table in CACHE_TABLES:
                conn.execute(f"delete from {table}")
    (target / "gelt.toml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return target / "gelt.toml"


def _tally_rows(config: Path) -> list[str]:
    with closing(sqlite3.connect(load_config(config).store_path)) as conn:
        rows = conn.execute(
            "select body_hash from body_audits where audit = 'checklist-carry' and body_hash like '%:tally'"
        )
        return sorted(r[0] for r in rows)


@pytest.fixture(scope="module")
def weeks(tmp_path_factory):  # type: ignore[no-untyped-def]
    directory = tmp_path_factory.mktemp("tallies")
    server = SiteServer(_site(1)).start()
    try:
        yield _two_weeks(directory, server)
    finally:
        server.stop()


def _two_weeks(directory: Path, server: SiteServer) -> dict[str, object]:
    config = directory / "gelt.toml"
    config.write_text(
        "[site]\n"
        f'name = "{ENTITY}"\nurl = "{server.url}"\ndelay = 0\nautothrottle = false\nconcurrency = 8\n\n'
        '[store]\npath = "gelt.db"\n\n[accessibility]\nbrowser = "off"\n\n[links]\ncheck_external = false\n',
        encoding="utf-8",
    )
    crawl(config)
    first = json_bytes(config)
    kept_first = _tally_rows(config)
    server.routes = _site(2)
    crawl(config)
    before = _copy(config, "antes-de-la-semana", empty=False)
    scratch = _copy(config, "indice-desde-cero", empty=True)
    weekly = json_bytes(config)
    return {
        "config": config,
        "first": first,
        "weekly": weekly,
        "kept_first": kept_first,
        "kept_weekly": _tally_rows(config),
        "before": before,
        "scratch": scratch,
    }


def test_the_weekly_report_with_carried_counts_is_the_from_scratch_report(weeks):
    assert weeks["kept_first"] == ["crawl:1:tally"]  # the first crawl kept its counts
    assert weeks["kept_weekly"] == ["crawl:2:tally"]  # the weekly kept its own, dropped the first's
    assert weeks["weekly"] != weeks["first"]
    assert weeks["weekly"] == from_scratch(weeks["config"])


def test_the_carried_counts_give_the_index_built_from_scratch(weeks):
    patched, seen = _index(weeks["before"], carry=True)
    whole, seen_whole = _index(weeks["scratch"], carry=False)
    pages = len(whole.pages)  # type: ignore[attr-defined]
    assert pages == 12  # 15 pages less the 3 gone
    # both counts fell under their thresholds this week: the carried ones must say so too
    assert seen_whole["taglines"] == set()
    assert {k.rsplit("/", 1)[-1] for k in seen_whole["template"]} == {"contacto", "sedes"}  # type: ignore[attr-defined]
    assert any(k.endswith("/mapa") for k in whole.menu_keys)  # type: ignore[attr-defined]
    assert seen["taglines"] == seen_whole["taglines"]
    assert seen["template"] == seen_whole["template"]
    assert patched.menu_keys == whole.menu_keys  # type: ignore[attr-defined]
    assert patched.menu_prefixes == whole.menu_prefixes  # type: ignore[attr-defined]
    assert list(patched.labels.entries) == list(whole.labels.entries)  # type: ignore[attr-defined]
    # the patch asked only the changed pages, once for each count; from scratch, every page twice
    assert seen_whole["asked"] == 2 * pages
    assert seen["asked"] == 2 * CHANGED
