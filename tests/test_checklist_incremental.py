"""The weekly audit reuses what earlier audits kept in the store (each body's parse, the checklist's
chrome blocks, the previous crawl's evaluation, per-body judgements): its JSON report must be
byte-identical to a from-scratch audit of the same store, whose caches are emptied first.

Covered: the demo's two versions, and a site where pages are added, removed and changed and the
shared menu (the template of every page) changes between crawls."""

from __future__ import annotations

import dataclasses
import re
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.audits.checklist import SiteIndex, as_dict, checklists, evaluate, index_site, page_docs, text_rules
from gelt_audit.audits.checklist.carry import Carry
from gelt_audit.config import load_config
from gelt_audit.demo.run import demo_config
from gelt_audit.demo.server import Resource
from gelt_audit.demo.site import CRAWL_DAY, DEMO_DEPENDENCIAS, allied_site, demo_site
from gelt_audit.store import Store
from tests.helpers import crawl, page, run_cli

# What the audits keep between runs (never read as the crawl's own record).
CACHE_TABLES = ("body_audits", "crawl_summaries", "portfolio_summaries")
_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')


def json_bytes(config: Path, env: dict[str, str] | None = None) -> bytes:
    """`report --format json` to a file, as bytes, the time it was written blanked out."""
    out = config.parent / "informe-prueba.json"
    # run beside the config: a PYTHONPATH in env then wins over the package in the current folder
    result = run_cli(
        "report", "--format", "json", "--output", str(out), "--config", str(config), env=env, cwd=config.parent
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert _GENERATED.search(data), "the report no longer says when it was written: update this test"
    return _GENERATED.sub(b'"generated_at": ""', data)


def from_scratch(config: Path, env: dict[str, str] | None = None, tag: str = "") -> bytes:
    """The same report on a copy of the store with every audit cache emptied."""
    scratch = config.parent / f"desde-cero{tag}"
    scratch.mkdir()
    db = load_config(config).store_path
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(db, scratch / db.name)
    with closing(sqlite3.connect(scratch / db.name)) as conn, conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        kept = sum(conn.execute(f"select count(*) from {t}").fetchone()[0] for t in CACHE_TABLES if t in tables)
        assert kept, "nothing cached: the comparison would not test the incremental path"
        for table in CACHE_TABLES:
            if table in tables:
                conn.execute(f"delete from {table}")
    (scratch / "gelt.toml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return json_bytes(scratch / "gelt.toml", env)


def test_demo_incremental_report_equals_from_scratch(serve, tmp_path):
    allied = serve(allied_site())
    site = serve(demo_site(1, external_base=allied.url))
    config = tmp_path / "gelt.toml"
    text = demo_config(site.url, DEMO_DEPENDENCIAS, allied.url)
    assert 'browser = "auto"' in text
    # the browser pass costs seconds a report and has its own tests
    config.write_text(text.replace('browser = "auto"', 'browser = "off"'), encoding="utf-8")
    day1, day2 = ({"GELT_TODAY": CRAWL_DAY[v].isoformat()} for v in (1, 2))
    assert run_cli("crawl", "--config", str(config), env=day1).returncode == 0
    json_bytes(config, day1)  # the first week's audit: fills the caches
    site.routes = demo_site(2, external_base=allied.url)
    assert run_cli("crawl", "--config", str(config), env=day2).returncode == 0
    incremental = json_bytes(config, day2)
    assert b'"checklist"' in incremental
    assert incremental == from_scratch(config, day2)
    # version 2 changes the template of almost every page; a re-crawl of it finds every body
    # unchanged, so its audit rebuilds every page from the cached parses
    assert run_cli("crawl", "--config", str(config), env=day2).returncode == 0
    assert json_bytes(config, day2) == from_scratch(config, day2, tag="-recrawl")


def _site(version: int) -> dict[str, Resource]:
    """A small municipal site; version 2 adds and removes pages and changes one (the others keep
    their bodies: they come from the cache); version 3 changes the menu of every page."""
    menu = ["/", "/transparencia/", "/tramites/", "/noticias/", "/agenda"] + (["/participa/"] if version == 3 else [])
    pages = {
        "/": (
            "Alcaldía de Prueba - Inicio",
            "<p>Bienvenidos al sitio oficial del municipio.</p>"
            + ('<p><a href="/participa/">Participa</a></p>' if version >= 2 else ""),
        ),
        "/transparencia/": (
            "Transparencia y acceso a la información pública",
            '<ul><li><a href="/transparencia/presupuesto">Presupuesto</a></li>'
            '<li><a href="/transparencia/contratacion">Contratación</a></li></ul>',
        ),
        "/transparencia/presupuesto": ("Presupuesto general", "<p>Presupuesto aprobado para la vigencia 2026.</p>"),
        "/transparencia/contratacion": (
            "Contratación",
            "<p>Plan anual de adquisiciones 2026.</p>"
            + ("<p>Procesos publicados en el SECOP II.</p>" if version >= 2 else ""),
        ),
        "/tramites/": (
            "Trámites y servicios",
            "<p>Impuesto predial unificado. Licencias de construcción.</p><h2>Pagos en línea</h2>"
            "<p>Pague desde su casa el impuesto predial unificado y la sobretasa bomberil con tarjeta débito.</p>"
            '<p><a href="/tramites/pagos">Pagar aquí</a></p>',  # a described service and its way in
        ),
        "/noticias/": ("Noticias", '<a href="/noticias/feria">Feria agropecuaria</a>'),
        "/noticias/feria": ("Feria agropecuaria", "<p>Publicado el 3 de noviembre de 2026.</p>"),
    }
    if version == 1:
        pages["/noticias/vacunacion"] = ("Jornada de vacunación", "<p>Publicado el 1 de octubre de 2026.</p>")
        pages["/noticias/"] = ("Noticias", '<a href="/noticias/feria">Feria</a> <a href="/noticias/vacunacion">Vac</a>')
    else:
        pages["/participa/rendicion"] = ("Rendición de cuentas", "<p>Audiencia pública el 20 de noviembre.</p>")
        pages["/participa/"] = ("Participa", '<a href="/participa/rendicion">Rendición de cuentas 2026</a>')
    site = {path: page(title, body, links=tuple(menu)) for path, (title, body) in pages.items()}
    # content a script would load (the parse keeps the placeholder and that the page runs a script;
    # the carry must too): a page loading its agenda, with a title over the box its news would fill
    site["/agenda"] = page(
        "Calendario de actividades",
        "<h3>Eventos</h3><section class='eventos'></section><h3>Agenda</h3><div id='agenda'>Cargando…</div>"
        '<p><a href="/preguntas">Preguntas frecuentes</a></p><p><a href="/gobierno">Gobierno digital</a></p>',
        links=tuple(menu),
        extra_head="<script src='/app.js'></script>",
    )
    # and a page a script builds (a shell: nothing shown without it), carried as such
    site["/preguntas"] = Resource.html(
        "<!doctype html><html lang='es'><head><title>Preguntas frecuentes</title></head>"
        "<body><div id='root'></div><script src='/app.js'></script></body></html>"
    )
    # and a page with a logo at its top (the images a person sees first are kept, and carried)
    site["/gobierno"] = Resource.html(
        "<!doctype html><html lang='es'><head><title>Gobierno digital</title></head><body>"
        "<header><img src='/img/logo-govco.svg' alt='Logo GOV.CO'></header>"
        "<main><h1>Gobierno digital</h1><p>Política de gobierno digital del municipio.</p></main></body></html>"
    )
    return site


def test_pages_added_removed_changed_and_a_new_menu_report_as_from_scratch(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    crawl(config)
    first = json_bytes(config)
    for version in (2, 3):
        server.routes = _site(version)
        crawl(config)
        incremental = json_bytes(config)
        assert incremental != first  # the site did change: the comparison below is not trivial
        assert b"/participa/rendicion" in incremental
        assert incremental == from_scratch(config, tag=str(version))
        # the latest crawl alone keeps its parsed pages for the next crawl's index (the pages
        # unchanged since the first crawl stay in its chunk, which the list still names)
        rows = _carry_rows(config)
        assert [r for r in rows if r.count(":") == 1] == [f"crawl:{version}"]
        assert "crawl:1:0" in rows and f"crawl:{version}:0" in rows


def _carry_rows(config: Path) -> list[str]:
    with closing(sqlite3.connect(load_config(config).store_path)) as conn:
        return sorted(r[0] for r in conn.execute("select body_hash from body_audits where audit = 'checklist-carry'"))


def _shape(index: SiteIndex) -> list[Any]:
    """Everything the verdicts read of an index's pages: each page's fields, its blocks' contents
    and which pages share one block object (blocks by first appearance)."""
    ids: dict[int, int] = {}
    out = []
    for p in index.pages:
        blocks = []
        for b in p.blocks:
            n = ids.setdefault(id(b), len(ids))
            blocks.append((n, b.region, b.links, b.forms, b.footer, list(b.pages)))
        fields = {f.name: getattr(p, f.name) for f in dataclasses.fields(p) if f.name != "blocks"}
        out.append((fields, blocks))
    return out


def _url_words(index: SiteIndex) -> list[tuple[str, list[str]]]:
    """The URL phrase index: each distinct word string and the URL keys that have it."""
    return sorted((e, sorted(keys)) for e, keys in zip(index.urls.entries, index.urls.payloads, strict=True))


def _counting_cache() -> tuple[Callable[[str, str, str, Callable[[], Any]], Any], list[str]]:
    """A parse cache in memory, and the list of pages whose cached parse it was asked for."""
    lookups: list[str] = []
    kept: dict[tuple[str, str], Any] = {}

    def cache(key: str, audit: str, version: str, compute: Callable[[], Any]) -> Any:
        if audit == "checklist-page":
            lookups.append(key)
        if (key, audit) not in kept:
            kept[key, audit] = compute()
        return kept[key, audit]

    return cache, lookups


def test_pages_carried_from_the_previous_crawl_index_as_parsed(serve, config_for):
    """The checklist index of a crawl built from the previous crawl's carried pages (and the parse
    of the pages whose body changed) is the index parsed from every body: same pages, blocks,
    shared blocks and verdicts. Covered: a changed body that gains a text the checklist looks
    for (SECOP), a removed page, added pages, and then the menu of every page changed."""
    server = serve(_site(1))
    config = config_for(server.url)
    cfg = load_config(config)
    lists = checklists(cfg)
    rules = text_rules(lists)
    kept: dict[str, bytes] = {}  # the carry's rows, as the store keeps them
    for version in (1, 2, 3):
        server.routes = _site(version)
        crawl(config)
        cache, lookups = _counting_cache()

        def save(listing: bytes, chunks: dict[str, bytes], listed: set[str], name: str = f"crawl:{version}") -> None:
            assert set(chunks) <= listed and all(c.startswith(name + ":") for c in chunks)
            kept[name] = listing
            kept.update(chunks)

        with Store(cfg.store_path) as store:
            latest = store.latest_crawl(cfg.site_url)
            assert latest is not None
            docs = list(page_docs(store, latest))
            parsed = index_site(docs, home_url=cfg.site_url, text_rules=rules, cache=lambda k, a, v, c: c())
            carry = Carry(f"crawl:{version}", kept.get(f"crawl:{version - 1}"), kept.get, save)
            index = index_site(docs, home_url=cfg.site_url, text_rules=rules, cache=cache, carry=carry)
        assert _shape(index) == _shape(parsed)
        assert [p.top_images for p in index.pages if p.top_images] == [("Logo GOV.CO logo-govco",)]
        assert _url_words(index) == _url_words(parsed)  # the carried words of the URLs
        verdicts = [as_dict(r) for c in lists for r in evaluate(c, index, home_url=cfg.site_url, today=CRAWL_DAY[1])]
        assert verdicts == [
            as_dict(r) for c in lists for r in evaluate(c, parsed, home_url=cfg.site_url, today=CRAWL_DAY[1])
        ]
        pages = [d for d in docs if d.body_hash and d.status < 400]  # the pages the index parses
        if version == 1:
            assert len(lookups) == len(pages)  # nothing carried yet: every page's parse looked up
        elif version == 2:
            # only the pages whose body changed, and the new ones
            changed = {"/", "/transparencia/contratacion", "/noticias/", "/participa/", "/participa/rendicion"}
            assert sorted(k.split(" ", 1)[1].removeprefix(server.url) for k in lookups) == sorted(
                p.removeprefix("/") for p in changed
            )
        else:
            # the menu changed every body but the shell's and the logo page's (they have none): only
            # those two are carried
            assert len(lookups) == len(pages) - 2
        assert f"crawl:{version}" in kept
        if version == 2:
            # the chunks the list names are gone (a store emptied by hand): every page is read
            # from the parse cache, the index is the same
            lost, lost_lookups = _counting_cache()
            with Store(cfg.store_path) as store:
                gone = Carry("crawl:9", kept[f"crawl:{version - 1}"], lambda name: None, None)
                fresh = list(page_docs(store, latest))
                again = index_site(fresh, home_url=cfg.site_url, text_rules=rules, cache=lost, carry=gone)
            assert _shape(again) == _shape(parsed)
            assert len(lost_lookups) == len(pages)


def test_pages_carried_by_another_parse_are_parsed_again(serve, config_for):
    """A carry kept by another version of the parse (here: other text rules, as when the
    configured profiles change; a new PARSE_VERSION changes the same tag) is not read: every page
    comes from its own parse, and the index is the one parsed. Read by the same parse, nothing is
    looked up."""
    server = serve(_site(2))
    config = config_for(server.url)
    cfg = load_config(config)
    lists = checklists(cfg)
    rules, fewer = text_rules(lists), text_rules(lists[:1])[:-1]
    assert rules != fewer
    kept: dict[str, bytes] = {}

    def save(listing: bytes, chunks: dict[str, bytes], listed: set[str]) -> None:
        kept["crawl:1"] = listing
        kept.update(chunks)

    crawl(config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        assert latest is not None
        docs = list(page_docs(store, latest))
        pages = [d for d in docs if d.body_hash and d.status < 400]
        runs = [(rules, None, save, len(pages)), (rules, "crawl:1", None, 0), (fewer, "crawl:1", None, len(pages))]
        for used, previous, keep, looked_up in runs:
            cache, lookups = _counting_cache()
            carry = Carry("crawl:2", kept.get(previous) if previous else None, kept.get, keep)
            index = index_site(docs, home_url=cfg.site_url, text_rules=used, cache=cache, carry=carry)
            parsed = index_site(docs, home_url=cfg.site_url, text_rules=used, cache=lambda k, a, v, c: c())
            assert len(lookups) == looked_up
            assert _shape(index) == _shape(parsed)
            assert _url_words(index) == _url_words(parsed)


def test_pages_read_from_their_cached_parse_index_as_parsed(serve, config_for):
    """A page rebuilt from its cached parse (no carry: the previous crawl kept none) is the page
    parsed, every field included: the loading placeholder of a page whose content a script loads,
    and whether a page runs a script (what may fill a titled empty box)."""
    server = serve(_site(2))
    config = config_for(server.url)
    cfg = load_config(config)
    rules = text_rules(checklists(cfg))
    crawl(config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        assert latest is not None
        docs = list(page_docs(store, latest))
        cache, lookups = _counting_cache()
        index_site(docs, home_url=cfg.site_url, text_rules=rules, cache=cache)  # parses, keeps the records
        again = index_site(docs, home_url=cfg.site_url, text_rules=rules, cache=cache)  # rebuilt from them
        parsed = index_site(docs, home_url=cfg.site_url, text_rules=rules, cache=lambda k, a, v, c: c())
    pages = [d for d in docs if d.body_hash and d.status < 400]
    assert len(lookups) == 2 * len(pages)
    assert _shape(again) == _shape(parsed)
    assert [p.loading for p in again.pages if p.loading] == ["Cargando…"]
    assert any(p.scripts for p in again.pages) and not all(p.scripts for p in again.pages)
    assert [urlsplit(p.url).path for p in again.pages if p.shell] == ["/preguntas"]
    assert [p.top_images for p in again.pages if p.top_images] == [("Logo GOV.CO logo-govco",)]
