"""The checklist audit through the CLI: items and declarations a municipality adds without code."""

from __future__ import annotations

import dataclasses
import datetime

from gelt_audit.audits import checklist as engine
from gelt_audit.audits.checklist import parse
from gelt_audit.config import load_config
from gelt_audit.store import Crawl, Store
from tests.helpers import crawl, page, report_json, run_cli

OWN_ITEM = """
[[checklist.items]]
id = "plan.emisora"
phase = "plan"
name = "Emisora comunitaria enlazada"
requires = "Enlace a la emisora comunitaria del municipio"
keywords = ["emisora comunitaria"]

[checklist]
manual = "comite.toml"
"""

DECLARATIONS = """
[items."transformacion.intranet"]
status = "cumple"
note = "Intranet en funcionamiento desde marzo"
date = 2026-11-20

[[indicators]]
id = "puntos_internet"
name = "Puntos de acceso a internet por dependencia"
target = "1 por dependencia"
value = "7 de 7"

[[indicators]]
id = "satisfaccion"
name = "Usuarios satisfechos con la atención en línea"
target = "90 %"
value = "95,5 %"
"""


def test_an_item_added_in_the_config_and_the_committee_declarations_are_judged(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", body="<a href='/radio/'>Emisora comunitaria</a>"),
            "/radio/": page(
                "Emisora comunitaria",
                body="<p>La emisora comunitaria Nubes Estéreo 98.4 FM transmite la programación cultural del municipio, "
                "los boletines de la alcaldía y los espacios de participación ciudadana de lunes a sábado.</p>",
            ),
        }
    )
    config = config_for(site.url, extra=OWN_ITEM)
    (config.parent / "comite.toml").write_text(DECLARATIONS, encoding="utf-8")
    crawl(config)
    report = report_json(config)
    items = {c["item"]: c for c in report["checklist"]}
    assert items["plan.emisora"]["status"] == "cumple"
    assert site.url + "radio/" in items["plan.emisora"]["evidence"]
    assert (items["transformacion.intranet"]["status"], items["transformacion.intranet"]["source"]) == (
        "cumple",
        "manual",
    )
    declared = next(i for i in report["indicators"] if i["id"] == "puntos_internet")
    assert (declared["value"], declared["source"]) == ("7 de 7", "manual")
    # a percentage written as Colombians write it (decimal comma) is read, not a crash
    share = next(i for i in report["indicators"] if i["id"] == "satisfaccion")
    assert (share["value"], share["met"]) == ("95,5 %", True)
    assert report["checklist_scores"]["gelt-2008"]["overall"] > 0


def test_a_bad_checklist_file_is_a_clear_config_error(serve, config_for):
    site = serve({"/": page("Inicio")})
    config = config_for(site.url, extra='[checklist]\nfile = "propia.toml"\n')
    (config.parent / "propia.toml").write_text(
        '[profile]\nid = "propia"\n[[items]]\nid = "x"\nrules = [{ kind = "magia" }]\n', encoding="utf-8"
    )
    crawl(config)
    result = run_cli("report", "--config", str(config))
    assert result.returncode == 2
    assert "lista de chequeo inválida" in result.stderr.lower() and "propia.toml" in result.stderr
    assert "'checklist.file'" in result.stderr  # the key to fix, named


# ------------------------------------------------------------------------ per-page parse cache


def _parse_rows(store: Store) -> set[str]:
    return {k for (k,) in store.db.execute("select body_hash from body_audits where audit = 'checklist-page'")}


def _indexed(store: Store, crawl_: Crawl, config) -> tuple[engine.SiteIndex, list[str]]:
    """The crawl's index through the store's parse cache, and the URLs whose HTML had to be read."""
    read: list[str] = []

    def counted(doc: engine.PageDoc) -> engine.PageDoc:
        def fetch() -> str | None:
            read.append(doc.url)
            return doc.fetch()  # type: ignore[misc]

        return dataclasses.replace(doc, fetch=fetch) if doc.fetch else doc

    lists = engine.checklists(config)
    index = engine.index_site(
        (counted(d) for d in engine.page_docs(store, crawl_)),
        home_url=config.site_url,
        text_rules=engine.text_rules(lists),
        cache=store.cached_audit,
    )
    store.flush_audits()
    return index, read


def _judged(index: engine.SiteIndex, config) -> list[engine.ItemResult]:
    return [
        r
        for c in engine.checklists(config)
        for r in engine.evaluate(c, index, home_url=config.site_url, today=datetime.date(2026, 11, 25))
    ]


SITE = {
    "/": page(
        "Inicio",
        body="<p><a href='/contacto/'>Contáctenos</a> <a href='/glosario/'>Glosario</a></p>",
        links=("/", "/contacto/", "/glosario/"),
    ),
    "/contacto/": page(
        "Contáctenos",
        body="<p>Dirección: Calle 10 # 4-21, palacio municipal. Teléfono 601 555 1234. "
        "Correo contactenos@prueba.gov.co, de lunes a viernes de 8:00 a.m. a 5:00 p.m.</p>",
        links=("/", "/contacto/", "/glosario/"),
    ),
    "/glosario/": page(
        "Glosario",
        body="<dl><dt>PQRSD</dt><dd>Peticiones, quejas, reclamos, sugerencias y "
        "denuncias que cualquier persona presenta ante la alcaldía.</dd></dl>",
        links=("/", "/contacto/", "/glosario/"),
    ),
}


def test_a_page_parsed_by_an_earlier_audit_is_not_parsed_again(serve, config_for):
    site = serve(dict(SITE))
    config_path = config_for(site.url)
    crawl(config_path)
    config = load_config(config_path)
    report_json(config_path)  # the CLI's audit keeps every page's parse in the store
    store = Store(config_path.parent / "gelt.db")
    first = store.latest_crawl(config.site_url)
    pages = [s for s in store.snapshots(first.id) if s["kind"] == "page"]
    assert len(_parse_rows(store)) == len(pages) == 3

    index, read = _indexed(store, first, config)
    assert read == []  # nothing decoded, nothing parsed: all from the cache
    fresh = engine.index_site(
        (dataclasses.replace(d, html=d.markup(), fetch=None) for d in engine.page_docs(store, first)),
        home_url=config.site_url,
    )
    assert _judged(index, config) == _judged(fresh, config)  # the same verdicts as a fresh parse

    # A re-crawl with one page changed: only that page is parsed.
    site.routes["/glosario/"] = page(
        "Glosario",
        body="<dl><dt>SECOP</dt><dd>Sistema electrónico de contratación "
        "pública donde la alcaldía publica sus procesos.</dd></dl>",
        links=("/", "/contacto/", "/glosario/"),
    )
    crawl(config_path)
    second = store.latest_crawl(config.site_url)
    assert second.id != first.id
    _index, read = _indexed(store, second, config)
    assert read == [site.url + "glosario/"]
    assert len(_parse_rows(store)) == 4


def test_a_new_parse_version_or_new_text_rules_parse_every_page_again(serve, config_for, monkeypatch):
    site = serve(dict(SITE))
    config_path = config_for(site.url)
    crawl(config_path)
    config = load_config(config_path)
    store = Store(config_path.parent / "gelt.db")
    latest = store.latest_crawl(config.site_url)
    _index, read = _indexed(store, latest, config)
    assert len(read) == 3
    assert _indexed(store, latest, config)[1] == []
    monkeypatch.setattr(parse, "PARSE_VERSION", parse.PARSE_VERSION + 1)
    assert len(_indexed(store, latest, config)[1]) == 3
    assert _indexed(store, latest, config)[1] == []
    # an item of the config with a text rule of its own: every page must answer it
    own = config_for(
        site.url,
        extra='[[checklist.items]]\nid = "plan.emisora"\nphase = "plan"\nname = "Emisora"\n'
        'rules = [{ kind = "text", keywords = ["emisora comunitaria"] }]\n',
    )
    assert len(_indexed(store, latest, load_config(own))[1]) == 3
