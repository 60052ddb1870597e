"""The weekly and committee reports (HTML, JSON, CSV) from stores built by real crawls.

Two stores: the demo (its site served and crawled twice by ``gelt-audit demo``) and a small
hostile site whose titles, URLs and link texts carry markup, quotes and spreadsheet formulas.
Content is checked on the parsed HTML (lxml) against the audits' own findings.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import pytest

from gelt_audit.audits import checklist as engine
from gelt_audit.audits import regressions
from gelt_audit.audits.checklist import audit as checklist_engine
from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist import parse as checklist_parse
from gelt_audit.audits.run import audit
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.reports import browser as browser_view
from gelt_audit.reports import committee as committee_model
from gelt_audit.reports import csv_export, fmt, json_report, summary, view
from gelt_audit.reports import weekly as weekly_model
from gelt_audit.reports.render import ReportError
from gelt_audit.reports.write import build, list_reports, report_command, write_reports
from gelt_audit.store import Crawl, Store
from tests.helpers import built_copy, built_once, crawl, needs_chromium, page, run_cli, write_config

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # file names and "generated at"; the data keep their dates
DAY = "2026-11-24"


def _run_demo(directory: Path) -> str:
    """`gelt-audit demo` run into ``directory`` by the real CLI: its stdout."""
    result = run_cli("demo", "--dir", str(directory), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def demo_run(tmp_path_factory) -> tuple[Path, str]:
    """The folder `gelt-audit demo` filled (site crawled twice, audited, reported) and its stdout:
    run once per pytest run, shared by every worker; the folder itself is test_demo.py's, to read."""
    return built_once(tmp_path_factory, "demo-compartida", _run_demo)


def demo_workdir(tmp_path_factory) -> Path:
    """A copy of the demo's folder of the calling module's own (it may audit and write reports in it)."""
    return built_copy(tmp_path_factory, "demo-compartida", _run_demo)


def parse(path: Path) -> Any:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def text(el: Any) -> str:
    return " ".join(el.text_content().split())


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "sin BOM Excel no muestra bien las tildes"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = demo_workdir(tmp_path_factory)
    config = load_config(directory / "gelt.toml")
    with Store(config.store_path) as store:
        findings = audit(store, config)
    paths = write_reports(config, ["weekly", "committee"], now=NOW)
    return {"dir": directory, "config": config, "findings": findings, "paths": paths,
            "weekly": parse(paths[0]), "committee": parse(next(p for p in paths if p.name == f"comite-{DAY}.html"))}  # fmt: skip


def broken(findings: dict[str, Any]) -> list[dict[str, Any]]:
    return [link for link in findings["links"] if link["state"] == "broken" and not link["acknowledged"]]


# -- files, index, JSON ---------------------------------------------------------------------------
def test_both_reports_are_written_with_their_json_csv_and_index(demo):
    folder = demo["config"].reports_dir
    names = [p.name for p in demo["paths"]]
    assert names[0] == f"semanal-{DAY}.html"
    assert names[names.index(f"comite-{DAY}.html") + 1] == f"comite-{DAY}.json"
    assert {f"semanal-{DAY}-enlaces-rotos.csv", f"semanal-{DAY}-cambios.csv", f"comite-{DAY}-items.csv",
            f"comite-{DAY}-indicadores.csv", f"comite-{DAY}-documentos.csv"} <= set(names)  # fmt: skip
    for path in demo["paths"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o640, path
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]  # atomic writes leave nothing behind
    index = parse(folder / "index.html")
    hrefs = [a.get("href") for a in index.xpath("//tbody//a")]
    assert f"semanal-{DAY}.html" in hrefs and f"comite-{DAY}.html" in hrefs and f"comite-{DAY}-items.csv" in hrefs
    entries = list_reports(folder)
    assert [e["date"] for e in entries] == sorted((e["date"] for e in entries), reverse=True)


def test_report_json_is_the_contract_plus_the_report_figures(demo):
    data = json.loads(demo["paths"][1].read_text(encoding="utf-8"))
    assert list(data)[: len(json_report.CONTRACT_KEYS)] == list(json_report.CONTRACT_KEYS)
    assert data["report"]["kind"] == "weekly"
    assert data["report"]["summary"]["broken"] == len({link["url"] for link in broken(demo["findings"])})


# -- weekly: the first screen ------------------------------------------------------------------------
def test_weekly_report_opens_on_the_to_do_list_per_responsable(demo):
    doc, findings = demo["weekly"], demo["findings"]
    first = doc.xpath("//main/section")[0]
    assert first.get("id") == "para-hacer"
    card_els = first.xpath(".//div[contains(@class, 'card')]")
    cards = {text(c.xpath(".//h3")[0]): text(c) for c in card_els}
    deps = {d["name"]: d for d in findings["dependencias"]}
    broken_on = {o["dependencia"] for link in broken(findings) for o in link["occurrences"]}
    for dep in deps.values():
        # The quota is a task only for a dependencia behind the month's pace (24 Nov: ceil(4 × 24/30) = 4).
        behind = dep["updates_this_month"] < dep["pace"]
        assert dep["pace"] == -(-dep["target"] * 24 // 30)
        has_tasks = behind or dep["name"] in broken_on
        card = next((body for title, body in cards.items() if dep["responsable"] in title), None)
        assert (card is not None) == has_tasks, dep["name"]
        if card and behind:
            assert f"lleva {dep['updates_this_month']} de {dep['target']} días con publicación" in card
            assert f"debería llevar {dep['pace']}" in card
        elif card:
            assert "Publicar" not in card and f"Al día: {dep['updates_this_month']} de {dep['target']}" in card
    # Demo ground truth: Gobierno has a planted broken link (HTTP 500).
    gobierno = next(body for title, body in cards.items() if "Luz Marina Ortiz Guzmán" in title)
    assert "Arreglar 1 enlace roto" in gobierno and "consulta de comparendos" in gobierno and "HTTP 500" in gobierno
    # Hacienda is ahead of pace: its card has its broken link and no quota task.
    hacienda = next(body for title, body in cards.items() if "Andrés Felipe Montoya Rincón" in title)
    assert "Publicar" not in hacienda and "Al día" in hacienda
    # The responsable visible is named (``[site] responsable``) and has the site's urgent tasks.
    site = next(body for title, body in cards.items() if "Responsable visible" in title)
    assert "Jorge Enrique Cárdenas Vargas" in next(t for t in cards if "Responsable visible" in t)
    assert f"{len(findings['unassigned'])} páginas sin dependencia" in site
    # Most severe first: the card with a lost checklist item and a new broken link leads.
    ranks = [int(c.get("data-severity")) for c in card_els]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert "Responsable visible" in text(card_els[0].xpath(".//h3")[0])
    strip = text(first.xpath(".//p[@id='lo-urgente']")[0])
    assert "1 ítem de la lista de chequeo dejó de cumplirse" in strip and "(Glosario)" in strip
    assert "1 enlace roto nuevo" in strip and "problemas de seguridad graves" in strip


def test_weekly_summary_figures_and_changes_since_last_week(demo):
    findings = demo["findings"]
    tiles = {
        text(t.xpath(".//div[@class='label']")[0]): t
        for t in demo["weekly"].xpath("//section[@id='resumen']//div[@class='tile']")
    }
    value = {label: text(t.xpath(".//div[@class='value']")[0]) for label, t in tiles.items()}
    # pages as the rest of the report counts them (H290): 2xx pages; redirects and errors said apart
    pages = findings["pages"]
    ok = sum(1 for p in pages if p["kind"] == "page" and 200 <= p["status"] < 300)
    assert ok < len(pages) and value["Páginas del sitio"] == fmt.numero(ok)
    redirects = sum(1 for p in pages if p["kind"] == "redirect")
    assert f"{fmt.numero(redirects)} redireccion" in text(tiles["Páginas del sitio"]), text(tiles["Páginas del sitio"])
    assert value["Páginas que cambiaron"] == str(len(findings["changes"]))  # last week = the previous crawl here
    meeting = sum(1 for d in findings["dependencias"] if d["meets_target"])
    assert value["Dependencias con la meta del mes"] == f"{meeting} de {len(findings['dependencias'])}"
    urls = {link["url"] for link in broken(findings)}
    assert value["Enlaces rotos"] == str(len(urls))
    # The Participa → removed Planeación page link was born in version 2 of the site.
    assert text(tiles["Enlaces rotos"]).count("1 nuevo") == 1
    for profile, entry in findings["checklist_scores"].items():
        label = f"Lista de chequeo · {view.PROFILE_SHORT[profile]}"
        assert value[label] == fmt.porcentaje(entry["overall"])


def test_weekly_per_dependencia_updates_changes_and_broken_links(demo):
    doc, findings = demo["weekly"], demo["findings"]
    section = doc.xpath("//section[@id='dependencias']")[0]
    articles = {text(a.xpath(".//h3")[0]): a for a in section.xpath("./article")}
    quiet = text(section.xpath(".//p[@class='quiet']")[0]) if section.xpath(".//p[@class='quiet']") else ""
    assert "días con publicación" in text(section.xpath(".//p[@class='lead']")[0])
    for dep in findings["dependencias"]:
        changed = [c["url"] for c in findings["changes"] if c["dependencia"] == dep["name"]]
        has_broken = any(o["dependencia"] == dep["name"] for link in broken(findings) for o in link["occurrences"])
        if not changed and not has_broken:  # quiet: one line, no box
            assert dep["name"] not in articles
            assert f"{dep['name']} ({dep['updates_this_month']} de {dep['target']} días con publicación" in quiet
            continue
        art = articles[dep["name"]]
        body = text(art)
        assert dep["responsable"] in body
        assert f"{dep['updates_this_month']} de {dep['target']} días con publicación en noviembre de 2026" in body
        if dep["last_published"] and dep["last_detected"]:
            published, detected = (fmt.dia_mes_corto(dep[k]) for k in ("last_published", "last_detected"))
            assert f"Última publicación: publicada el {published} · detectada el {detected}" in body
        for link in broken(findings):
            if any(o["dependencia"] == dep["name"] for o in link["occurrences"]):
                assert link["url"] in art.xpath(".//a/@href")
                if link["broken_since"]:
                    assert f"roto desde el {fmt.fecha(link['broken_since'])}" in body
        assert f"Páginas que cambiaron esta semana ({len(changed)})" in body
    # A readable word diff: the Comisaría's new paragraph is marked as inserted text.
    inserted = " ".join(text(i) for i in articles["Secretaría de Gobierno"].xpath(".//ins"))
    assert "En diciembre de 2026 la Comisaría atenderá también los sábados" in inserted
    # One chart «quién va atrasado» replaces the meters: a bar per dependencia, the target line,
    # a pace tick, a title and description for screen readers, and the same figures as a table.
    chart = section.xpath(".//figure[contains(@class, 'behind')]")[0]
    assert len(chart.xpath(".//*[local-name()='rect']")) == len(findings["dependencias"])
    assert "Quién va atrasado" in text(chart.xpath(".//*[local-name()='title']")[0])
    rows = [[text(td) for td in tr.xpath("./td")] for tr in chart.xpath(".//table/tbody/tr")]
    assert rows == [
        [d["name"], str(d["updates_this_month"]), str(d["pace"]), str(d["target"])] for d in findings["dependencias"]
    ]
    assert not doc.xpath("//*[contains(@aria-label, 'Días del mes con actualizaciones')]")  # the day strip is gone


def test_weekly_broken_links_grouped_by_responsable_and_page(demo):
    section = demo["weekly"].xpath("//section[@id='enlaces']")[0]
    rows = section.xpath(".//table/tbody/tr")
    assert len(rows) == sum(len({o["page"] for o in link["occurrences"]}) for link in broken(demo["findings"]))
    headings = [text(h) for h in section.xpath("./h3")]
    assert headings[-1].startswith("Responsable visible")  # pages no dependencia claims come last
    assert any(h.startswith("Martha Liliana Sánchez Ospina") and "2 enlaces" in h for h in headings)
    hrefs = set(section.xpath(".//a/@href"))
    assert {link["url"] for link in broken(demo["findings"])} <= hrefs


def test_weekly_checklist_and_crawl_health(demo):
    doc, findings = demo["weekly"], demo["findings"]
    checklist = text(doc.xpath("//section[@id='lista']")[0])
    assert "Glosario" in checklist and "Dejaron de cumplirse (1)" in checklist  # the demo removed its glossary
    health = doc.xpath("//section[@id='salud']")[0]
    assert f"Páginas sin dependencia asignada ({len(findings['unassigned'])})" in text(health)
    errors = [p for p in findings["pages"] if (p["status"] or 0) >= 400]
    assert f"Páginas con error ({len(errors)})" in text(health)
    # Unassigned pages as a prefix table, each with a ready-to-paste ``match`` line.
    rows = [[text(td) for td in tr.xpath("./td")] for tr in health.xpath(".//div[@id='sin-asignar']//tbody/tr")]
    assert sum(int(r[1]) for r in rows) == len(findings["unassigned"]) and len(rows) < len(findings["unassigned"])
    atencion = sum(1 for u in findings["unassigned"] if urlsplit(u).path.startswith("/atencion/"))
    assert ["/atencion/", str(atencion)] == next(r for r in rows if r[0] == "/atencion/")[:2]
    assert next(r for r in rows if r[0] == "/atencion/")[3] == 'match = ["/atencion/"]'
    # Slow pages only above the threshold: a crawl on loopback has none.
    assert "Páginas lentas (más de 3 s)" in text(health) and "Ninguna tardó más de 3 s" in text(health)
    # Plain Spanish first, the technical term in parentheses.
    assert "formulario que envía datos sin cifrar (formulario-inseguro)" in text(health)
    assert "JSON" not in text(doc.xpath("//main")[0])


# -- committee ----------------------------------------------------------------------------------------
def test_committee_checklist_phase_by_phase_with_evidence_and_dates(demo):
    doc, findings = demo["committee"], demo["findings"]
    section = doc.xpath("//section[@id='lista']")[0]
    annex = doc.xpath("//section[@id='anexo-cumple']")[0]
    rows = [r for r in section.xpath(".//table[contains(@class, 'items')]/tbody/tr")]
    met = [r for r in annex.xpath(".//table[contains(@class, 'items')]/tbody/tr[td]")]
    # What falls short in the body, what complies in the annex: every item once.
    assert len(rows) == sum(1 for c in findings["checklist"] if c["status"] != "cumple")
    assert len(met) == sum(1 for c in findings["checklist"] if c["status"] == "cumple")
    groups = [text(h) for h in section.xpath("./h4")]
    assert groups[0].startswith("Fase de información") and any(
        g.startswith("1. Información de la entidad") for g in groups
    )
    first = findings["checklist"][0]
    assert first["status"] == "cumple"
    cells = met[0].xpath("./td")
    profile = {i.id: i for i in load_checklist("gelt-2008").items}[first["item"]]
    assert first["name"] in text(cells[0])
    assert f"Exige: {profile.requires}" in text(cells[0]) and f"Norma: {profile.legal_basis}" in text(cells[0])
    assert first["evidence"][0] in cells[2].xpath(".//a/@href") and "sitio hoy" in text(cells[2])
    # «cumple desde»: both demo crawls (17 and 24 Nov) found it, and the store keeps nothing older.
    assert text(cells[1]) == "17 nov 2026 o antes"
    glosario = next(r for r in rows if "info.glosario" in text(r))
    assert "No cumple" in text(glosario.xpath("./td")[1])
    assert "Fecha" not in [text(th) for th in doc.xpath("//table[contains(@class, 'items')]//th")]


def test_committee_indicators_trend_and_documents(demo):
    doc, findings = demo["committee"], demo["findings"]
    indicators = doc.xpath("//section[@id='indicadores']//tbody/tr")
    assert len(indicators) == len(findings["indicators"])
    assert findings["indicators"][0]["name"] in text(indicators[0])
    trend = doc.xpath("//section[@id='tendencia']")[0]
    # Two crawls: no line chart (from 4 points), a table of the points instead.
    assert not trend.xpath(".//svg") and "la gráfica de tendencia aparece desde 4" in text(trend)
    points, months = trend.xpath(".//table")
    assert len(points.xpath("./tbody/tr")) == 2 and len(months.xpath("./tbody/tr")) == len(findings["dependencias"])
    docs = doc.xpath("//section[@id='documentos']//tbody/tr")
    assert len(docs) == min(len(findings["documents"]), committee_model.DOCUMENT_ROWS)
    wanted = {d["url"] for d in findings["documents"]}
    assert {r.xpath(".//td[1]//a/@href")[0] for r in docs} <= wanted
    assert f"{len(findings['documents'])} documentos" in text(doc.xpath("//section[@id='documentos']")[0])


def test_committee_csv_exports_open_in_a_spreadsheet(demo):
    folder, findings = demo["config"].reports_dir, demo["findings"]
    items = read_csv(folder / f"comite-{DAY}-items.csv")
    assert items[0][:5] == ["perfil", "fase o sección", "ítem", "nombre", "estado"]
    assert len(items) - 1 == len(findings["checklist"])
    assert read_csv(folder / f"comite-{DAY}-indicadores.csv")[1][1] == findings["indicators"][0]["name"]
    docs = read_csv(folder / f"comite-{DAY}-documentos.csv")
    assert len(docs) - 1 == len(findings["documents"])  # the full list, beyond what the HTML shows
    links = read_csv(folder / f"semanal-{DAY}-enlaces-rotos.csv")
    assert len(links) - 1 == sum(len({o["page"] for o in link["occurrences"]}) for link in broken(findings))
    assert "Secretaría de Salud" in {row[0] for row in links}


# -- the browser accessibility pass (axe-core in Chromium) ---------------------------------------------------
def _browser_section(doc: Any, committee: bool) -> Any:
    if committee:  # the committee puts it in annex 1, up to annex 3
        heading = doc.xpath("//h3[@id='anexo1-navegador']")[0]
        return heading.getparent(), heading
    return doc.xpath("//section[@id='accesibilidad-navegador']")[0], None


@needs_chromium
@pytest.mark.parametrize("kind", ["weekly", "committee"])
def test_browser_findings_grouped_by_template_with_the_rendered_pages(demo, kind):
    result = demo["findings"]["accessibility_browser"]
    assert result["state"] == "ok" and result["axe_version"] and result["findings"]
    section, _ = _browser_section(demo[kind], kind == "committee")
    said = text(section)
    first = max(result["findings"], key=lambda f: f["pages"])  # the template with the most pages comes first
    assert f"Plantilla 1 · en la plantilla: {fmt.plural(first['pages'], 'página', 'páginas')}" in said
    table = section.xpath(".//table[contains(@class, 'axe')]")[0]
    row = text(table.xpath(".//tbody/tr")[0])
    assert first["rule"] in row and first["criterion"] in row
    assert browser_view.IMPACT_LABELS[first["impact"]] in row  # grave, not "serious"
    assert first["selector"] in row
    snippets = [pre.text_content() for pre in section.xpath(".//pre[@class='snippet']")]
    assert first["html"] in snippets  # shown as text: the snippet's markup is escaped
    assert first["url"] in section.xpath(".//table//a/@href")
    # which pages the browser rendered, and that the others were judged from their HTML only
    rendered = section.xpath(".//ul[contains(@class, 'rendered')]//a/@href")
    assert rendered == result["pages_checked"][: browser_view.RENDERED_ROWS]
    others = result["pages_total"] - len(result["pages_checked"])
    assert others > 0 and f"las otras {others} páginas del rastreo se juzgaron sólo desde el HTML" in said
    assert "no se hizo" not in said


@needs_chromium
def test_committee_maps_browser_findings_to_res_1519_annex_1(demo):
    section, _ = _browser_section(demo["committee"], True)
    table = section.xpath(".//table[contains(@class, 'axe')]")[0]
    assert "Norma" in [text(th) for th in table.xpath(".//th")]
    finding = demo["findings"]["accessibility_browser"]["findings"][0]
    level = browser_view.WCAG21[finding["criterion"]][0]
    assert f"Res. 1519/2020, Anexo 1 — WCAG 2.1 criterio {finding['criterion']} (nivel {level})" in text(table)
    assert browser_view.norma("1.4.3").endswith("criterio 1.4.3 (nivel AA)")  # levels from WCAG 2.1's own table
    assert browser_view.norma("2.5.3").endswith("(nivel A)") and browser_view.norma("4.1.3").endswith("(nivel AA)")
    weekly_table = _browser_section(demo["weekly"], False)[0].xpath(".//table[contains(@class, 'axe')]")[0]
    assert "Norma" not in [text(th) for th in weekly_table.xpath(".//th")]


@needs_chromium
def test_browser_findings_csv_and_json(demo):
    folder, result = demo["config"].reports_dir, demo["findings"]["accessibility_browser"]
    for stem in (f"semanal-{DAY}", f"comite-{DAY}"):
        rows = read_csv(folder / f"{stem}-accesibilidad-navegador.csv")
        assert rows[0][:4] == ["plantilla", "páginas en la plantilla", "regla de axe", "criterio WCAG"]
        assert len(rows) - 1 == len(result["findings"])
        assert {(r[2], r[8], r[10], r[13]) for r in rows[1:]} == {
            (f["rule"], f["selector"], f["url"], f["dependencia"] or "") for f in result["findings"]
        }
        assert rows[0][13] == "dependencia"
        rendered = read_csv(folder / f"{stem}-paginas-renderizadas.csv")  # what the report lists only in part
        assert [r[0] for r in rendered[1:]] == result["pages_checked"]
    data = json.loads((folder / f"semanal-{DAY}.json").read_text(encoding="utf-8"))
    assert data["accessibility_browser"]["state"] == "ok"
    assert data["accessibility_browser"]["findings"] == result["findings"]
    assert data["accessibility"] == demo["findings"]["accessibility"]  # the HTML-judged list is unchanged


def test_browser_section_says_when_the_pass_did_not_run(demo):
    for state, reason in (
        ("desactivado", "desactivada en la configuración"),
        ("sin navegador", "no se encontró Chromium"),
    ):
        findings = copy.deepcopy(demo["findings"])
        findings["accessibility_browser"] = {
            "state": state, "message": f"sin navegador: {reason} en /x; no se evaluó la accesibilidad en el navegador",
            "axe_version": None, "pages_checked": [], "errors": [], "findings": [],
            "summary": {"total": 0, "by_rule": []}, "pages_total": 199,
        }  # fmt: skip
        built = build(demo["config"], ["weekly", "committee"], now=NOW, findings=findings, remember=False)
        for report in built:
            section, _ = _browser_section(lxml.html.fromstring(report.html), report.kind == "committee")
            said = text(section)
            assert "La revisión de accesibilidad en el navegador (axe-core) no se hizo" in said and reason in said
            assert "no encontró fallas" not in said and not section.xpath(".//table[contains(@class, 'axe')]")
            assert "accesibilidad-navegador" not in report.csv  # no empty table that reads as «all good»
            assert "paginas-renderizadas" not in report.csv


# -- sections whose audits are absent, or given by hand ------------------------------------------------------
def test_sections_say_no_disponible_when_the_audits_are_absent(demo):
    findings = {k: v for k, v in demo["findings"].items()
                if k not in ("checklist", "checklist_scores", "regressions", "newly_met", "indicators", "documents",
                             "accessibility", "accessibility_summary", "security")}  # fmt: skip
    weekly, committee = build(demo["config"], ["weekly", "committee"], now=NOW, findings=findings, remember=False)
    w, c = lxml.html.fromstring(weekly.html), lxml.html.fromstring(committee.html)
    assert "Lista de chequeo no disponible" in text(w.xpath("//section[@id='lista']")[0])
    assert "no disponible" in text(w.xpath("//section[@id='resumen']")[0])
    assert "no disponible" in text(c.xpath("//section[@id='lista']")[0]).lower()
    assert "Indicadores no disponibles" in text(c.xpath("//section[@id='indicadores']")[0])
    # Without the documents audit there is no second inventory made from the links: it says so.
    documentos = c.xpath("//section[@id='documentos']")[0]
    assert not documentos.xpath(".//tbody/tr") and "Inventario de documentos no disponible" in text(documentos)


CHECKLIST_FIXTURE = [
    {"profile": "gelt-2008", "item": "info.mision_vision", "phase": "info", "name": "Misión y visión", "status": "cumple",
     "evidence": ["https://example.gov.co/mision/"], "detail": "", "snapshot_date": "2026-11-20T11:00:00+00:00",
     "source": "auto", "weight": 1},
    {"profile": "gelt-2008", "item": "transformacion.intranet", "phase": "transformacion", "name": "Intranet",
     "status": "cumple", "evidence": ["https://intranet.example.gov.co/acta.pdf"], "detail": "Intranet en SharePoint",
     "snapshot_date": "2026-10-15", "source": "manual", "weight": 1},
    {"profile": "gelt-2008", "item": "interaccion.pqrsd", "phase": "interaccion", "name": "Formulario PQRSD",
     "status": "no_cumple", "evidence": [], "detail": "no se encontró", "snapshot_date": None, "source": "auto", "weight": 1},
    {"profile": "ley1712-res1519", "item": "ley1712.1.1", "phase": "1", "name": "Misión, visión y funciones",
     "status": "parcial", "evidence": ["https://example.gov.co/a/", "https://example.gov.co/b/", "https://example.gov.co/c/",
                                       "https://example.gov.co/d/"],
     "detail": "falta la visión", "snapshot_date": "2026-11-20T11:00:00+00:00", "source": "auto", "weight": 1},
]  # fmt: skip


def test_checklist_indicators_and_documents_from_given_findings(demo):
    findings = copy.deepcopy(demo["findings"])
    findings.update({
        "checklist": CHECKLIST_FIXTURE,
        "checklist_scores": {"gelt-2008": {"overall": 66.7, "phases": {"info": 100, "interaccion": 0, "transformacion": 100}},
                             "ley1712-res1519": {"overall": 50.0, "phases": {"1": 50}}},
        "regressions": [{"profile": "gelt-2008", "item": "interaccion.pqrsd", "name": "Formulario PQRSD",
                         "before": "cumple", "after": "no_cumple"}],
        "newly_met": [{"profile": "gelt-2008", "item": "info.mision_vision", "name": "Misión y visión",
                       "before": "parcial", "after": "cumple"}],
        "indicators": [
            {"id": "frecuencia", "name": "Frecuencia de actualización", "target": "4 veces al mes", "value": "2 de 7",
             "source": "auto", "met": False},
            {"id": "empalme", "name": "Documento de empalme publicado", "target": 1, "value": 1, "source": "auto",
             "met": True},
            {"id": "puntos", "name": "Puntos de internet", "target": "1 por dependencia", "value": 8, "source": "manual",
             "date": "2026-10-15"},
        ],
        "documents": [{"url": "https://example.gov.co/presupuesto-2026.xlsx", "title": "Presupuesto 2026", "format": "XLS",
                       "year": 2026, "page": "https://example.gov.co/transparencia/", "dependencia": "Secretaría de Hacienda"}],
    })  # fmt: skip
    weekly, committee = build(demo["config"], ["weekly", "committee"], now=NOW, findings=findings, remember=False)
    c = lxml.html.fromstring(committee.html)
    rows = {text(r.xpath("./td[1]/strong")[0]): r
            for r in c.xpath("//section[@id='lista' or @id='anexo-cumple']//table[contains(@class, 'items')]/tbody/tr[td]")}  # fmt: skip
    intranet = text(rows["Intranet"])  # declared «cumple»: in the annex
    assert "declarado por el comité" in intranet and "Cumple desde" in text(c.xpath("//section[@id='anexo-cumple']")[0])
    declared = text(c.xpath("//h3[@id='declarar']/following-sibling::div[1]")[0])
    assert "Intranet" in declared and "Cumple" in declared and "15 oct 2026" in declared
    mision = rows["Misión, visión y funciones"]
    assert (
        "Parcial" in text(mision)
        and len(mision.xpath(".//a")) == committee_model.EVIDENCE_LINKS
        and "y 1 más" in text(mision)
    )
    assert "No cumple" in text(rows["Formulario PQRSD"])
    ind = {(r.xpath("./td")[0].text or "").strip(): r for r in c.xpath("//section[@id='indicadores']//tbody/tr")}
    assert "No cumple" in text(ind["Frecuencia de actualización"].xpath("./td")[3])
    assert "Cumple" in text(ind["Documento de empalme publicado"].xpath("./td")[3])  # the audit's «met», as given
    puntos = text(ind["Puntos de internet"])
    assert "declarado" in puntos and "sin evaluar" in puntos and "15 oct 2026" in puntos
    docs = c.xpath("//section[@id='documentos']//tbody/tr")
    assert len(docs) == 1 and "Presupuesto 2026" in text(docs[0]) and "XLS" in text(docs[0])
    # The weekly report compares item by item with last week's crawl (the demo's first one, whose real
    # evaluation had both items as "cumple")...
    w = lxml.html.fromstring(weekly.html)
    lista = text(w.xpath("//section[@id='lista']")[0])
    assert "Dejaron de cumplirse (2)" in lista and "Formulario PQRSD" in lista and "Misión, visión y funciones" in lista
    assert "Recuperar 2 ítems de la lista de chequeo" in text(w.xpath("//section[@id='para-hacer']")[0])
    # ... and without last week's items, it shows the checklist audit's own regressions and newly met items.
    changes = view.findings_regressions(findings)
    assert [r["item"] for r in changes["lost"]] == ["interaccion.pqrsd"]
    assert [r["item"] for r in changes["gained"]] == ["info.mision_vision"]
    items = list(csv.reader(io.StringIO(committee.csv["items"].lstrip("\ufeff"))))
    assert [
        "gelt-2008",
        "transformacion",
        "transformacion.intranet",
        "Intranet",
        "Cumple",
        "declarado por el comité",
    ] == items[2][:6]


def test_checklist_moves_since_a_baseline_are_the_checklist_engines_verdict():
    before = {
        "gelt-2008|info.mision_vision": "parcial",  # now cumple: gained
        "gelt-2008|interaccion.pqrsd": "cumple",  # now no_cumple: lost
        "ley1712-res1519|ley1712.1.1": "no_cumple",  # now parcial: moved
        "gelt-2008|transformacion.intranet": "manual",  # not a ranked status: no move
    }
    moves = view.checklist_changes(CHECKLIST_FIXTURE, before)
    assert [(r["item"], r["before"], r["after"]) for r in moves["lost"]] == [
        ("interaccion.pqrsd", "cumple", "no_cumple")
    ]
    assert [r["item"] for r in moves["gained"]] == ["info.mision_vision"]
    assert [r["item"] for r in moves["moved"]] == ["ley1712.1.1"]
    # The same verdict the checklist audit gives between two crawls.
    now = [regressions.item_result(row) for row in CHECKLIST_FIXTURE]
    then = [dataclasses.replace(r, status=before[f"{r.profile}|{r.item}"]) for r in now]
    kinds = {c["item"]: c["kind"] for c in engine.regressions(now, then)}
    assert kinds == {"info.mision_vision": "met", "interaccion.pqrsd": "regression", "ley1712.1.1": "improved"}


def test_committee_counts_documents_by_format_family():
    docs = [
        {"url": f"https://m.gov.co/d{i}.{ext}", "title": f"d{i}", "format": fmt_, "year": 2026, "page": None}
        for i, (ext, fmt_) in enumerate([("docx", "DOCX"), ("doc", "DOC"), ("odt", "ODT"), ("pdf", "PDF")])
    ]
    findings = {"site": {"name": "M", "url": "https://m.gov.co/"}, "crawl": {"id": 1}, "documents": docs}
    model = committee_model.committee(None, findings, NOW, None, "", None, None, [])
    assert model["documents_by_format"] == [("DOC", 3), ("PDF", 1)]
    assert [d["format"] for d in model["documents"]] == ["DOCX", "DOC", "ODT", "PDF"]  # each row keeps its own


# -- gelt-audit report ---------------------------------------------------------------------------------
@needs_chromium
def test_report_command_formats(demo, tmp_path):
    config = demo["config"]
    contract = json.loads(report_command(config, None, "json", None, None))
    with Store(config.store_path) as store:
        expected = json.loads(json_report.dumps(audit(store, config)))
    contract.pop("generated_at"), expected.pop("generated_at")
    assert contract == expected  # `report --format json` keeps today's contract
    weekly_json = json.loads(report_command(config, "weekly", "json", None, None, now=NOW))
    assert weekly_json["report"]["kind"] == "weekly"
    out = Path(report_command(config, "committee", "html", tmp_path / "x" / "comite.html", "2026-01-01", now=NOW))
    assert out == tmp_path / "x" / "comite.html" and "Informe para el comité" in out.read_text(encoding="utf-8")
    listing = report_command(config, "committee", "csv", tmp_path / "csv", None, now=NOW)
    # items, indicadores, enlaces-rotos, enlaces-desarrollo, cambios, documentos and the browser pass's
    # and its rendered pages (it ran on the demo)
    assert len(listing.splitlines()) == 8 and all(Path(p).exists() for p in listing.splitlines())
    assert any(p.endswith("-enlaces-desarrollo.csv") for p in listing.splitlines())
    assert any(p.endswith("-paginas-renderizadas.csv") for p in listing.splitlines())
    with pytest.raises(ReportError, match="AAAA-MM-DD"):
        report_command(config, "weekly", "html", None, "24/11/2026")
    with pytest.raises(ReportError, match="html, json, csv o matriz"):
        report_command(config, "weekly", "pdf", None, None)


def test_cli_report_weekly_when_wired(demo):
    """`gelt-audit report --weekly` once cli.py passes its options to report_command."""
    result = run_cli("report", "--weekly", "--config", str(demo["config"].path))
    if "unrecognized arguments" in result.stderr or "argumentos no reconocidos" in result.stderr:
        pytest.skip("cli.py todavía no pasa --weekly/--committee a gelt_audit.reports.write.report_command")
    assert result.returncode == 0, result.stderr
    assert "semanal-" in result.stdout and "index.html" in result.stdout


def test_branding_logo_and_template_override(demo, tmp_path):
    directory = demo["dir"]
    logo = tmp_path / "escudo.png"
    logo.write_bytes(bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                                   "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f1b8470000000049454e44ae426082"))  # fmt: skip
    templates = tmp_path / "plantillas"
    templates.mkdir()
    (templates / "weekly.html").write_text(
        '{% extends "base.html" %}{% block content %}<p id="propia">Plantilla de {{ site.name }}</p>{% endblock %}',
        encoding="utf-8",
    )
    text_ = (directory / "gelt.toml").read_text(encoding="utf-8")
    config_path = directory / "gelt-marca.toml"
    config_path.write_text(text_ + f'\n[reports]\ndir = "informes-marca"\nlogo = "{logo}"\ntemplates = "{templates}"\n',
                           encoding="utf-8")  # fmt: skip
    config = load_config(config_path)
    weekly, committee = build(config, ["weekly", "committee"], now=NOW, findings=demo["findings"])
    w = lxml.html.fromstring(weekly.html)
    assert text(w.xpath("//p[@id='propia']")[0]) == f"Plantilla de {config.site_name}"
    for html in (weekly.html, committee.html):
        src = lxml.html.fromstring(html).xpath("//header//img/@src")
        assert src and src[0].startswith("data:image/png;base64,iVBORw0KGgo")
    config.reports = dataclasses.replace(config.reports, logo=str(tmp_path / "no-existe.png"))
    w = lxml.html.fromstring(build(config, ["weekly"], now=NOW, findings=demo["findings"])[0].html)
    assert not w.xpath("//header//img") and "no se pudo leer el logo" in text(w.xpath("//footer")[0])
    config.reports = dataclasses.replace(config.reports, templates=str(tmp_path / "no-existe"))
    with pytest.raises(ReportError, match="plantillas"):
        build(config, ["weekly"], now=NOW, findings=demo["findings"])


# -- summaries, "since last week", trend ------------------------------------------------------------------
def test_crawl_summaries_are_cached_and_follow_the_settings(demo):
    config = demo["config"]
    with Store(config.store_path) as store:
        rows = dict(store.db.execute("select crawl_id, json from crawl_summaries").fetchall())
        assert set(rows) == {c.id for c in store.finished_crawls()}
        fp = summary.fingerprint(config)
        first = min(rows)
        assert summary.cached(store, first, fp) is not None
        assert summary.cached(store, first, fp + "x") is None  # other settings: recomputed, not reused
        cached = json.loads(rows[demo["findings"]["crawl"]["id"]])
        assert cached["broken_count"] == len({link["url"] for link in broken(demo["findings"])})
        assert cached["week_changes"] == len(demo["findings"]["changes"])


def test_crawl_summaries_follow_the_checklist_engines_versions(demo, monkeypatch):
    # a past crawl's summary made by another engine would show items «ganados»/«perdidos» that only
    # the upgrade changed: a new engine or parse version is a new fingerprint, so it is recomputed
    config = demo["config"]
    fp = summary.fingerprint(config)
    monkeypatch.setattr(checklist_engine, "VERSION", checklist_engine.VERSION + 1)
    assert summary.fingerprint(config) != fp
    monkeypatch.undo()
    monkeypatch.setattr(checklist_parse, "PARSE_VERSION", checklist_parse.PARSE_VERSION + 1)
    assert summary.fingerprint(config) != fp


def _crawl(n: int, day: str) -> Crawl:
    return Crawl(n, "https://x.gov.co/", f"{day}T12:00:00+00:00", f"{day}T12:30:00+00:00", "finished", 10, 0, None)


def test_which_crawls_the_reports_compare():
    days = ["2026-09-01", "2026-09-10", "2026-10-01", "2026-11-10", "2026-11-16", "2026-11-20", "2026-11-24"]
    crawls = [_crawl(i + 1, d) for i, d in enumerate(days)]
    latest = crawls[-1]
    assert summary.week_baseline(crawls, latest).id == 5  # newest at least 7 days before (17 Nov)
    assert summary.week_baseline(crawls, latest, since=date(2026, 10, 5)).id == 3
    assert summary.week_baseline(crawls[-2:], latest).id == 6  # short history: the oldest earlier crawl
    assert summary.week_baseline(crawls[-1:], latest) is None
    assert summary.since_baseline(crawls, latest, date(2026, 9, 15)).id == 2
    assert summary.since_baseline(crawls, latest, None).id == 1
    picked = summary.trend_crawls(crawls, crawls[0], latest, cached={5})
    assert [c.id for c in picked] == [1, 2, 3, 4, 5, 7]  # one per week; the cached one wins in its week
    assert (
        len(summary.trend_crawls([_crawl(i + 1, "2026-01-01") for i in range(3)] + crawls, None, latest, set(), 3)) <= 3
    )


# -- formats -------------------------------------------------------------------------------------------
def test_dates_and_numbers_are_es_co():
    assert fmt.fecha(date(2026, 11, 24)) == "24 de noviembre de 2026"
    assert fmt.fecha("2026-11-25T03:00:00+00:00") == "24 de noviembre de 2026"  # Bogotá is UTC-5
    assert fmt.mes("2026-11") == "noviembre de 2026"
    assert fmt.numero(12345.6) == "12.345,6" and fmt.numero(1234) == "1.234"
    assert fmt.porcentaje(62.5).startswith("62,5")
    assert fmt.delta(-2) == "−2" and fmt.delta(0) == "sin cambio" and fmt.delta(None) == ""
    assert fmt.plural(1, "enlace roto", "enlaces rotos") == "1 enlace roto"
    assert fmt.href("javascript:alert(1)") is None and fmt.href("https://a.gov.co/") == "https://a.gov.co/"
    assert fmt.short_url("https://a.gov.co/x/y/?q=1", "https://a.gov.co/") == "/x/y/?q=1"


def test_csv_cells_that_look_like_formulas_are_neutralised():
    assert [csv_export.neutralise(v) for v in ("=1+1", "+57 300", "-2", "@SUM(A1)", "\t=x", "ok", 5, -3, None)] == [
        "'=1+1", "'+57 300", "'-2", "'@SUM(A1)", "'\t=x", "ok", 5, -3, "",
    ]  # fmt: skip


def test_long_lists_are_cut_with_y_n_mas():
    pages = [{"url": f"https://m.gov.co/p/{i}/", "status": 200, "title": f"Página {i} | Alcaldía", "dependencia": None,
              "kind": "page", "elapsed_ms": i % 500} for i in range(10_000)]  # fmt: skip
    links = [{"url": f"https://m.gov.co/roto/{i}", "state": "broken", "status": 404, "error": "HTTP 404",
              "found_on": [f"https://m.gov.co/p/{i}/"], "occurrences": [{"page": f"https://m.gov.co/p/{i}/", "text": "x",
              "dependencia": None}], "broken_since": None, "acknowledged": None} for i in range(600)]  # fmt: skip
    findings = {"site": {"name": "M", "url": "https://m.gov.co/"}, "crawl": {"id": 2, "started_at": NOW.isoformat()},
                "pages": pages, "links": links, "dependencias": [], "unassigned": [p["url"] for p in pages]}  # fmt: skip
    week = {"changes": [{"url": p["url"], "kind": "modified", "dependencia": None, "diff": [["insert", "palabra " * 500]]}
                        for p in pages[:3000]], "template": [], "errors": []}  # fmt: skip
    model = weekly_model.weekly(
        type("C", (), {"site_name": "M", "site_url": "https://m.gov.co/"})(), findings, NOW, week, None, None
    )
    shown = sum(len(p["rows"]) for g in model["link_groups"] for p in g["pages"])
    assert shown == weekly_model.LINK_ROWS and model["links_total"] == 600
    assert (
        len(model["health"]["unassigned"]) == weekly_model.UNASSIGNED_ROWS
        and model["health"]["unassigned_more"] == 10_000 - 25
    )
    assert len(model["unassigned_changes"]) == weekly_model.UNASSIGNED_CHANGES
    assert (
        model["unassigned_changes"][0]["truncated"] and len(model["unassigned_changes"][0]["diff"][0][1].split()) <= 92
    )
    assert view.page_titles(pages[:5])[pages[0]["url"]] == "Página 0"  # the site name suffix is dropped


# -- hostile content -----------------------------------------------------------------------------------------
EVIL_TITLE = "<script>alert('título')</script>\" onmouseover=\"alert(1)"
EVIL_TEXT = '<script>alert("texto")</script>" onmouseover="alert(2)'
FORMULA = '=HYPERLINK("http://malo.example/","clic")'


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def evil_site(version: int) -> dict[str, Resource]:
    links = (
        f'<p><a href="/roto/%22onmouseover=alert(3)%22/">{_escape(EVIL_TEXT)}</a></p>'
        f'<p><a href="/docs/informe-2025.pdf">{_escape(FORMULA)}</a></p>'
        f'<p><a href="/roto/@suma/">@SUMA(A1:A9)</a> <a href="/roto/mas/">+57 300 000 0000</a> <a href="/roto/menos/">-2+3</a></p>'
        '<p><a href="javascript:alert(4)">clic</a></p>'
    )
    body = f"<p>Versión {version} de la página.</p>" + links
    return {
        "/": page("Inicio", links=("/dependencias/prueba/",)),
        "/dependencias/prueba/": page(_escape(EVIL_TITLE), body),
        "/robots.txt": Resource(b"User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"}),
    }


@pytest.fixture(scope="module")
def evil(tmp_path_factory):
    from gelt_audit.demo.server import SiteServer

    directory = tmp_path_factory.mktemp("hostil")
    with SiteServer(evil_site(1)) as site:
        extra = ('[[dependencias]]\nname = "Secretaría <b>\\"Prueba\\"</b>"\nresponsable = "<img src=x onerror=alert(6)>"\n'
                 'email = "javascript:alert(7)"\nmatch = ["/dependencias/prueba/"]\n')  # fmt: skip
        config_path = write_config(directory, site.url, extra)
        crawl(config_path)
        first = build(load_config(config_path), ["weekly", "committee"], now=NOW)
        site.routes = evil_site(2)
        crawl(config_path)
    config = load_config(config_path)
    paths = write_reports(config, ["weekly", "committee"], now=NOW)
    return config, paths, first


def test_hostile_titles_urls_and_link_texts_are_escaped_everywhere(evil):
    config, paths, _ = evil
    pages = [p for p in paths if p.suffix == ".html"] + [config.reports_dir / "index.html"]
    weekly_text = ""
    for path in pages:
        html = path.read_text(encoding="utf-8")
        doc = lxml.html.fromstring(html)
        assert not doc.xpath("//script"), path.name
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            handlers = [a for a in el.attrib if a.lower().startswith("on")]
            assert handlers == [], (path.name, el.tag, handlers)
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None:
                    stored_copy = re.fullmatch(r"evidencia/[A-Za-z0-9._-]+\.html", value)  # beside the report
                    ok = value.startswith(("http://", "https://", "mailto:", "#", "data:image/"))
                    ok = ok or "/" not in value or bool(stored_copy)
                    assert ok and not value.lower().startswith("javascript:"), (path.name, attr, value)
        assert "<script" not in html.lower() and "<img src=x" not in html
        if path.name.startswith("semanal"):
            weekly_text = text(doc)
    # The hostile strings are shown to the reader as plain text, where they belong.
    assert EVIL_TEXT in weekly_text and EVIL_TITLE in weekly_text
    assert 'Secretaría <b>"Prueba"</b>' in weekly_text and "<img src=x onerror=alert(6)>" in weekly_text


def test_hostile_cells_are_neutralised_in_every_csv(evil):
    config, paths, _ = evil
    cells = []
    for path in paths:
        if path.suffix == ".csv":
            for row in read_csv(path)[1:]:
                cells += row
    assert cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + FORMULA in cells and "'@SUMA(A1:A9)" in cells and "'+57 300 000 0000" in cells and "'-2+3" in cells
    assert EVIL_TEXT in cells


def test_reports_of_the_very_first_crawl(evil):
    """Nothing to compare with yet: the reports say so instead of inventing changes."""
    weekly, committee = evil[2]
    w, c = lxml.html.fromstring(weekly.html), lxml.html.fromstring(committee.html)
    assert "es el primer rastreo" in text(w.xpath("//header")[0])
    assert "sin semana anterior" in text(w.xpath("//section[@id='resumen']")[0])
    assert "primer rastreo" in text(c.xpath("//header")[0])
    assert "1 rastreo en el periodo" in text(c.xpath("//section[@id='tendencia']")[0])


def test_temporaries_of_dead_writers_are_removed(tmp_path):
    import subprocess
    import sys

    from gelt_audit.files import atomic_write, clean_temporaries

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".semanal-{DAY}.html.{int(gone.stdout)}.abc123.tmp"
    live = tmp_path / f".comite-{DAY}.html.1.xyz789.tmp"  # pid 1 is always running
    other = tmp_path / ".oculto"
    for p in (dead, live, other):
        p.write_text("a medias", encoding="utf-8")
    assert clean_temporaries(tmp_path) == [dead]
    assert live.exists() and other.exists()
    atomic_write(tmp_path / "x.html", "<html></html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name, "x.html"])


# -- CSV for Excel configured for Colombia -----------------------------------------------------------
def test_every_csv_has_an_excel_twin_split_by_semicolons(demo):
    tables = [p for p in demo["paths"] if p.suffix == ".csv" and not p.name.endswith("-excel.csv")]
    assert tables
    for path in tables:
        twin = path.with_name(path.stem + "-excel.csv")
        raw = twin.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
        content = raw.decode("utf-8-sig")
        assert csv.Sniffer().sniff(content.splitlines()[0]).delimiter == ";", twin.name
        # Same cells as the comma file (the demo's tables hold no fractional numbers).
        assert list(csv.reader(io.StringIO(content), delimiter=";")) == read_csv(path), twin.name
    index = (demo["dir"] / "informes" / "index.html").read_text(encoding="utf-8")
    assert index.count(">Excel ") >= len(tables)
    deps = read_csv(next(p for p in tables if p.name.endswith("-dependencias.csv")))
    assert "días con publicación en el mes" in deps[0] and "debería llevar a hoy" in deps[0]
    assert len(deps) == len(demo["findings"]["dependencias"]) + 1


def test_the_excel_twin_uses_decimal_commas_only_for_numbers():
    table = csv_export.to_csv(["Ítem", "Puntaje", "Nota"], [["Anexo 2, numeral 1.5", 75.5, "a;b"], ["x", 3, "=1+1"]])
    excel = table.excel.removeprefix("\ufeff")
    assert csv.Sniffer().sniff(excel.splitlines()[0], delimiters=";,").delimiter == ";"
    rows = list(csv.reader(io.StringIO(excel), delimiter=";"))
    assert rows == [["Ítem", "Puntaje", "Nota"], ["Anexo 2, numeral 1.5", "75,5", "a;b"], ["x", "3", "'=1+1"]]
    assert list(csv.reader(io.StringIO(table.removeprefix("\ufeff"))))[1][1] == "75.5"  # the comma file as before


def _streamed_is_the_whole_string(config) -> None:
    streamed = io.StringIO()
    assert report_command(config, None, "json", stream=streamed) == ""
    text = streamed.getvalue()
    whole = report_command(config, None, "json")  # from scratch: one string of the whole report
    parsed = json.loads(text)
    assert any(link["state"] == "broken" and link["occurrences"] for link in parsed["links"])
    assert text == json_report.ENCODER.encode(parsed)  # compact, in the contract's key order
    generated = json.loads(whole)["generated_at"]
    # generated_at is the report's last key; the same second may also be a crawl's time earlier on
    assert generated.join(text.rsplit(parsed["generated_at"], 1)) == whole


def test_the_json_report_on_stdout_is_written_by_pieces_with_the_bytes_of_the_whole_string(serve, config_for):
    routes = {"/": page("Inicio", '<p><a href="/roto">Trámites «en línea»</a></p>', links=("/a", "/roto"))}
    routes["/a"] = page("Año", "<p>Contratación 2026</p>", links=("/",))
    path = config_for(serve(routes).url)
    crawl(path)
    _streamed_is_the_whole_string(load_config(path))


def test_the_demo_json_report_on_stdout_has_the_bytes_of_the_whole_string(demo):
    _streamed_is_the_whole_string(demo["config"])


def test_each_kinds_json_is_the_encoding_of_its_own_data_though_the_contract_is_encoded_once(demo):
    """The committee's JSON copies the weekly's contract bytes (same findings): both files are
    still exactly the encoding of the audits' findings plus their own report block."""
    folder = demo["config"].reports_dir
    for name in (f"semanal-{DAY}.json", f"comite-{DAY}.json"):
        text = (folder / name).read_text(encoding="utf-8")
        data = json.loads(text)
        findings = {**demo["findings"], "generated_at": data["generated_at"]}  # the stamp of that run
        assert json_report.ENCODER.encode({**json_report.build(findings), "report": data["report"]}) == text, name
