"""Change detection and update frequency on real crawls of fixture site versions."""

from __future__ import annotations

import json
from datetime import date

import lxml.html
import pytest

from gelt_audit import clock
from gelt_audit.audits.changes import compare
from gelt_audit.audits.diffs import render_diff, word_diff
from gelt_audit.audits.updates import local_date
from gelt_audit.config import load_config
from gelt_audit.dates import text_dates
from gelt_audit.demo.server import Resource
from gelt_audit.reports import fmt
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, run_cli
from tests.test_checklist_incremental import from_scratch, json_bytes

DEPENDENCIAS = """
[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana Pérez"
match = ["/hacienda/"]

[[dependencias]]
name = "Secretaría de Salud"
responsable = "Luis Gómez"
match = ["/salud/"]
"""

CONTENT = {
    "/": "<p>Bienvenidos al sitio oficial del municipio.</p>",
    "/hacienda/predial": "<p>El impuesto predial vence el 30 de diciembre.</p><p>Descuento del 10 %.</p>",
    "/hacienda/ica": "<p>Industria y comercio: declaración anual.</p>",
    "/salud/vacunacion": "<p>Jornada de vacunación el sábado.</p>",
    "/salud/eps": "<p>Afiliación al régimen subsidiado.</p>",
    "/noticias/": "<p>Noticias del municipio.</p>",
}


def render(path: str, main: str, noise: dict[str, str]) -> Resource:
    """A page of the fixture site; ``noise`` varies what must never count as a change."""
    menu = "".join(f'<a href="{p}">{p}</a>' for p in noise.get("menu_order", list(CONTENT)))
    banners = noise.get("banner", "<img alt='Feria'><img alt='Vacunación'>")
    decl = noise.get("decl", '<meta charset="utf-8">')
    if noise.get("markup") and path == "/hacienda/ica":
        main = main.replace("<p>", "<div class='texto'>\n  ").replace("</p>", "</div>")
    html = (
        f"<!doctype html><html><head>{decl}<title>{path}</title></head><body>"
        f"<header>Hoy es {noise.get('today', 'martes, 17 de noviembre de 2026')} {banners}</header>"
        f"<nav>{menu}</nav><main><h1>{path}</h1>{main}"
        f"<input type='hidden' name='csrf' value='{noise.get('token', 'a1b2c3')}'></main>"
        f"<footer>Visitas: {noise.get('visits', '100')} · Tel. {noise.get('phone', '601 555 0000')}</footer>"
        "</body></html>"
    )
    return Resource.html(html)


def site(content: dict[str, str], **noise: str) -> dict[str, Resource]:
    return {path: render(path, main, noise) for path, main in content.items()}


@pytest.fixture
def versions(serve, config_for):
    server = serve(site(CONTENT))
    config = config_for(server.url, extra=DEPENDENCIAS)
    crawl(config)

    def publish(content: dict[str, str] | None = None, **noise: str) -> dict:
        server.routes = site(content or CONTENT, **noise)
        crawl(config)
        return report_json(config)

    publish.server = server
    publish.config = config
    return publish


NOISE = [
    {"visits": "98765"},
    {"today": "miércoles, 18 de noviembre de 2026"},
    {"token": "ffee99887766"},
    {"banner": "<img alt='Vacunación'><img alt='Feria'>"},
    {"phone": "601 555 9999"},
    {"decl": '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'},
    {"markup": "1"},
    {"menu_order": list(reversed(CONTENT))},
]


@pytest.mark.parametrize("noise", NOISE, ids=lambda n: next(iter(n)))
def test_each_kind_of_noise_alone_reports_no_change(versions, noise):
    report = versions(**noise)
    assert report["changes"] == []
    assert all(d["updates_by_signal"]["rastreo"] == 0 for d in report["dependencias"])


def test_a_footer_edit_is_one_template_change_not_a_change_per_page(versions):
    report = versions(phone="601 555 9999")
    assert report["changes"] == []
    [template] = report["template_changes"]
    assert template["scope"] == "plantilla"
    assert ["delete", "· Tel. 601 555 0000"] in template["diff"] and ["insert", "· Tel. 601 555 9999"] in template[
        "diff"
    ]


def test_noise_that_was_suppressed_stays_visible(versions):
    report = versions(visits="5", token="zz")
    ignored = {i["url"]: i["rules"] for i in report["ignored_changes"]}
    assert len(ignored) == len(CONTENT)  # every body changed; no main content did
    assert report["changes"] == []


def test_real_edits_additions_and_removals_are_found_exactly(versions):
    content = dict(CONTENT)
    content["/hacienda/predial"] = content["/hacienda/predial"].replace("10 %", "15 %")
    content["/hacienda/nueva"] = "<p>Nuevo calendario tributario 2027.</p>"
    content["/noticias/"] += "<a href='/hacienda/nueva'>Calendario</a>"
    del content["/salud/eps"]
    report = versions(content, visits="555")
    got = {(c["url"].split("/", 3)[3], c["kind"], c["dependencia"]) for c in report["changes"]}
    assert got == {
        ("hacienda/predial", "modified", "Secretaría de Hacienda"),
        ("hacienda/nueva", "added", "Secretaría de Hacienda"),
        ("noticias/", "modified", None),
        ("salud/eps", "removed", "Secretaría de Salud"),
    }
    predial = next(c for c in report["changes"] if c["url"].endswith("predial"))
    assert ["delete", "10"] in predial["diff"] and ["insert", "15"] in predial["diff"]
    deps = {d["name"]: d for d in report["dependencias"]}
    assert deps["Secretaría de Hacienda"]["updates_by_signal"]["rastreo"] == 1
    assert deps["Secretaría de Salud"]["updates_by_signal"]["rastreo"] == 0
    pages = {p["url"].split("/", 3)[3]: p for p in report["pages"]}
    assert pages["hacienda/predial"]["last_changed"] is not None
    assert pages["hacienda/ica"]["last_changed"] is None


def test_a_page_that_fails_once_is_an_error_not_a_removal(versions):
    server = versions.server
    server.routes = site(CONTENT)
    server.routes["/salud/eps"] = Resource(b"Error interno", status=500)
    crawl(versions.config)
    report = report_json(versions.config)
    assert report["changes"] == []
    assert [e["url"].split("/", 3)[3] for e in report["page_errors"]] == ["salud/eps"]
    # back to normal next week: not "added" again, nothing changed
    assert versions()["changes"] == []


def test_a_failing_page_keeps_its_last_good_title_in_the_weekly(versions):
    server = versions.server
    server.routes = site(CONTENT)
    server.routes["/salud/eps"] = Resource.html(
        "<!doctype html><html><head><title>Error 500</title></head><body>Error 500</body></html>", status=500
    )
    crawl(versions.config)
    report = report_json(versions.config)
    url = server.url + "salud/eps"
    assert report["pages"] and next(p for p in report["pages"] if p["url"] == url)["title"] == "Error 500"
    out = versions.config.parent / "semanal.html"
    result = run_cli("report", "--weekly", "--output", str(out), "--config", str(versions.config))
    assert result.returncode == 0, result.stderr
    doc = lxml.html.parse(str(out)).getroot()
    names = [" ".join(a.text_content().split()) for a in doc.xpath(f"//section[@id='salud']//a[@href='{url}']")]
    assert names and all(name == "/salud/eps" for name in names), names  # the title it had when it worked


def test_history_and_diff_commands(versions):
    content = dict(CONTENT)
    content["/hacienda/predial"] = content["/hacienda/predial"].replace("10 %", "15 %")
    versions(content)
    url = versions.server.url + "hacienda/predial"
    history = run_cli("history", url, "--config", str(versions.config))
    assert history.returncode == 0, history.stderr
    lines = [line for line in history.stdout.splitlines() if "200" in line]
    assert len(lines) == 2
    diff = run_cli("diff", url, "--config", str(versions.config))
    assert diff.returncode == 0, diff.stderr
    assert "[-10-] {+15+}" in diff.stdout
    missing = run_cli("diff", url + "-no-existe", "--config", str(versions.config))
    assert missing.returncode != 0 and "no está en el almacén" in missing.stderr


def test_month_boundaries_are_counted_in_bogota_time(versions, tmp_path):
    # 03:00 UTC on 1 December is still 30 November in Bogotá (UTC-5).
    assert local_date("2026-12-01T03:00:00+00:00") == date(2026, 11, 30)
    assert local_date("2026-12-01T05:00:00+00:00") == date(2026, 12, 1)
    content = dict(CONTENT)
    content["/hacienda/ica"] += "<p>Nuevo plazo.</p>"
    versions(content)
    db = versions.config.parent / "gelt.db"
    with Store(db) as store:
        ids = [c.id for c in sorted(store.finished_crawls(), key=lambda c: c.id)]
        store.db.execute("update crawls set started_at = '2026-11-20T15:00:00+00:00' where id = ?", [ids[0]])
        store.db.execute("update crawls set started_at = '2026-12-01T03:00:00+00:00' where id = ?", [ids[1]])
        store.db.conn.commit()
    november = {d["name"]: d for d in report_json(versions.config)["dependencias"]}
    hacienda = november["Secretaría de Hacienda"]
    assert hacienda["month"] == "2026-11"
    assert hacienda["update_days"][-1] == {"date": "2026-11-30", "signals": ["rastreo"]}
    with Store(db) as store:
        store.db.execute("update crawls set started_at = '2026-12-01T05:00:00+00:00' where id = ?", [ids[1]])
        store.db.conn.commit()
    december = {d["name"]: d for d in report_json(versions.config)["dependencias"]}
    assert december["Secretaría de Hacienda"]["month"] == "2026-12"
    assert december["Secretaría de Hacienda"]["update_days"] == [{"date": "2026-12-01", "signals": ["rastreo"]}]


@pytest.mark.clock
def test_declared_publication_dates_are_a_second_labelled_signal(versions):
    # Dates in this month up to today (whatever the clock says), each in one of three formats.
    today = clock.today()
    first = today.replace(day=1)
    middle = first + (today - first) / 2
    content = dict(CONTENT)
    content["/salud/vacunacion"] += (
        f"<p>Publicado el {fmt.fecha(first)}. Actualizado: {middle:%d/%m/%Y}.</p>"
        f"<time datetime='{today.isoformat()}'>hoy</time>"
    )
    report = versions(content)
    salud = next(d for d in report["dependencias"] if d["name"] == "Secretaría de Salud")
    assert salud["month"] == today.strftime("%Y-%m")
    declared = [d["date"] for d in salud["update_days"] if "fecha publicada" in d["signals"]]
    assert {first.isoformat(), middle.isoformat(), today.isoformat()} <= set(declared)


def test_dates_in_several_formats_are_read():
    text = "Publicado el 24 de noviembre de 2026; sesión del 1 de Septiembre del 2025; acta 05/03/2024; 2023-07-31"
    assert text_dates(text) == {"2026-11-24", "2025-09-01", "2024-03-05", "2023-07-31"}
    assert text_dates("31 de febrero de 2026 y 99/99/2026") == set()


def test_word_diff_marks_added_and_removed_words():
    diff = word_diff("el plazo vence el 30 de diciembre", "el plazo vence el 15 de enero")
    assert render_diff(diff) == "el plazo vence el [-30-] {+15+} de [-diciembre-] {+enero+}"


def test_an_adversarial_80_kb_edit_is_reported_with_a_diff_that_rebuilds_it(versions):
    # Words from a tiny vocabulary, every tenth changed: quadratic for difflib over words
    # (37 s on this machine, see bench/diffs.py); the audit answers with a coarser diff instead.
    vocabulary = [f"v{n}" for n in range(40)]
    old = [vocabulary[(n * 7 + n // 13) % 40] for n in range(20_000)]
    new = [f"cambio{n}" if n % 10 == 5 else w for n, w in enumerate(old)]
    content = dict(CONTENT)
    content["/hacienda/ica"] = "<p>" + " ".join(old) + "</p>"
    versions(content)
    content["/hacienda/ica"] = "<p>" + " ".join(new) + "</p>"
    report = versions(content)
    [change] = [c for c in report["changes"] if c["url"].endswith("/hacienda/ica")]
    assert change["kind"] == "modified"
    inserted = " ".join(text for op, text in change["diff"] if op == "insert").split()
    assert set(new) - set(old) <= set(inserted)  # every added word is shown as added


def _news_site(items: list[str]) -> dict[str, Resource]:
    """A news listing of 3 items a page, newest first, each item a page of its own."""
    pages = [items[i : i + 3] for i in range(0, len(items), 3)]
    routes = {"/": page("Inicio", links=("/noticias/",))}
    for n, chunk in enumerate(pages, 1):
        body = "".join(
            f"<article><a href='/noticias/{slug}/'>Noticia {slug}</a> 2 de noviembre</article>" for slug in chunk
        )
        nav = "".join(f"<a href='/noticias/?page={k}'>{k}</a>" for k in range(1, len(pages) + 1))
        routes["/noticias/" if n == 1 else f"/noticias/?page={n}"] = page(f"Noticias – página {n}", body + nav)
    for slug in items:
        routes[f"/noticias/{slug}/"] = page(f"Noticia {slug}", f"<p>Texto de la noticia {slug}.</p>")
    return routes


def test_a_paginated_listing_is_summarised_by_item_and_its_shifts_hidden(serve, config_for):
    server = serve(_news_site(["c", "b", "a", "f", "e", "d"]))
    config = config_for(server.url)
    crawl(config)
    server.routes = _news_site(["n", "c", "b", "a", "f", "e", "d"])  # one new item: every page shifts
    crawl(config)
    report = report_json(config)
    listing = {c["url"].split("/", 3)[3]: c.get("listing") for c in report["changes"]}
    assert listing["noticias/"]["new"] == [{"url": server.url + "noticias/n/", "text": "Noticia n"}]
    assert listing["noticias/"]["shift"] is False and listing["noticias/"]["noun"] == ["noticia", "noticias"]
    assert listing["noticias/?page=2"]["shift"] is True and listing["noticias/?page=3"]["shift"] is True
    assert listing["noticias/n/"] is None  # the news item itself is an ordinary new page
    out = config.parent / "semanal.html"
    result = run_cli("report", "--weekly", "--output", str(out), "--config", str(config))
    assert result.returncode == 0, result.stderr
    section = lxml.html.parse(str(out)).getroot().get_element_by_id("dependencias")
    words = " ".join(section.text_content().split())
    assert "Noticias – página 1 1 noticia nueva: Noticia n" in words
    assert "página 2" not in words and "página 3" not in words  # pagination shifts are not news
    assert "No se muestran 2 páginas de listado" in words
    # the tile that counts changed pages says how many of them are only shifted listings
    tiles = " ".join(lxml.html.parse(str(out)).getroot().find_class("tiles")[0].text_content().split())
    assert "2 listados sólo corridos (no se muestran)" in tiles


def test_kept_figures_give_the_report_counted_from_every_page(serve, config_for):
    """Each finished crawl keeps its declared-date counts and its documents' first links (the
    previous crawl's, updated with the pages that differ), each pair of crawls its detections: the
    report built from them equals the one counted from every page (an equivalence test: it passes
    without these caches too, and checks that the kept figures were read)."""

    def version(n: int) -> dict[str, str]:
        content = dict(CONTENT)
        content["/hacienda/predial"] += f"<p>Publicado el {10 + 10 * (n == 2)} de noviembre de 2026.</p>"
        if n != 2:  # the plan's first link (by URL) is here, but not in the second crawl
            content["/hacienda/predial"] += '<a href="/docs/plan.pdf">Plan de desarrollo</a>'
        content["/hacienda/ica"] += '<a href="/docs/plan.pdf#pagina-2">Plan, página 2</a>'
        if n != 2:  # gone in the second crawl (404), back with another date in the third
            content["/salud/eps"] += f"<p>Publicado el {12 + 2 * (n == 3)} de noviembre de 2026.</p>"
            content["/salud/eps"] += '<a href="/docs/eps-2026.pdf">Afiliación 2026</a>'
        else:
            del content["/salud/eps"]
            content["/salud/vacunacion"] += '<a href="/salud/nueva">Nueva</a>'
            content["/salud/nueva"] = "<p>Publicado el 1 de noviembre de 2026.</p>"
        return site(content)

    server = serve(version(1))
    config = config_for(server.url, extra=DEPENDENCIAS)
    crawl(config)
    json_bytes(config)  # the first audit keeps crawl 1's figures
    published, documents = [], []

    def kept() -> set[tuple[str, str]]:
        with Store(config.parent / "gelt.db") as store:
            return {(k, a) for k, a in store.db.execute("select body_hash, audit from body_audits")}

    for n in (2, 3):
        server.routes = version(n)
        crawl(config)
        figures = [(f"crawl:{n - 1}", a) for a in ("updates-declared", "documents-first-links")]
        assert set(figures) <= kept()  # what this audit starts from
        incremental = json_bytes(config)
        now = kept()
        assert not set(figures) & now  # replaced by this crawl's: one crawl's worth per site
        assert {(f"crawl:{n}", a) for a in ("updates-declared", "documents-first-links", "updates-detections")} <= now
        assert incremental == from_scratch(config, tag=str(n))
        report = json.loads(incremental)
        salud = next(d for d in report["dependencias"] if d["name"] == "Secretaría de Salud")
        published.append(salud["last_published"])
        documents.append(sorted((d["url"].rsplit("/", 1)[-1], d["title"]) for d in report["documents"]))
    assert published == ["2026-11-01", "2026-11-14"]  # eps's date left with it and came back changed
    assert documents == [
        [("plan.pdf", "Plan, página 2")],
        [("eps-2026.pdf", "Afiliación 2026"), ("plan.pdf", "Plan de desarrollo")],
    ]


def test_a_comparison_that_does_not_list_ignored_changes_finds_the_same_changes(versions):
    """The weekly's own comparison (``ignored=False``: it shows no ignored changes) skips only that list."""
    content = dict(CONTENT)
    content["/hacienda/predial"] = content["/hacienda/predial"].replace("10 %", "15 %")
    del content["/salud/eps"]
    versions(content, visits="555", phone="601 555 9999")
    cfg = load_config(versions.config)
    with Store(cfg.store_path) as store:
        latest = store.latest_crawl(cfg.site_url)
        previous = store.previous_crawl(latest)
        whole = compare(store, latest, previous, cfg.dependencias)
        lean = compare(store, latest, previous, cfg.dependencias, ignored=False)
    assert whole.ignored and not lean.ignored  # every body changed (the visits counter)
    assert len(whole.changes) == 2 and whole.template
    assert (lean.changes, lean.template, lean.errors) == (whole.changes, whole.template, whole.errors)
