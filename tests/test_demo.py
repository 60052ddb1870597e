"""`gelt-audit demo` end to end: the bundled site served, crawled twice, audited, reported."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from gelt_audit.demo.site import EXPECTED_CHANGES, LEGACY_PAGES, demo_site
from gelt_audit.store import Store
from tests.test_reports import demo_run


def rel(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    # the run of `gelt-audit demo` the report modules copy (once per pytest run): its own folder,
    # which only this module reads
    directory, stdout = demo_run(tmp_path_factory)
    report = json.loads((directory / "informes" / "informe.json").read_text(encoding="utf-8"))
    return directory, stdout, report


def test_demo_prints_where_the_results_are(demo):
    directory, stdout, _ = demo
    assert str(directory / "demo.db") in stdout and "informe.json" in stdout


def test_demo_report_lists_every_page_with_status_and_title(demo):
    _, _, report = demo
    pages = {rel(p["url"]): p for p in report["pages"]}
    html_paths = [
        path
        for path, res in demo_site(2).items()
        if res.status == 200
        and "html" in res.headers.get("Content-Type", "")
        and not path.startswith(("/admin", "/calendario"))
        and "sid=" not in path
    ]
    missing = [path for path in html_paths if path not in pages]
    assert missing == []
    assert all(pages[path]["status"] == 200 and pages[path]["title"] for path in html_paths)
    assert not any(path.startswith("/admin") for path in pages)  # robots.txt
    assert sum(1 for path in pages if path.startswith("/calendario/?mes=")) == 10  # the endless calendar, bounded


def test_demo_legacy_pages_are_decoded(demo):
    directory, _, report = demo
    with Store(directory / "demo.db") as store:
        crawl = store.latest_crawl()
        texts = {
            rel(s["url"]): store.body(s["body_hash"])["main_text"] for s in store.snapshots(crawl.id) if s["body_hash"]
        }
    for legacy in LEGACY_PAGES:
        if legacy["path"] in texts:
            assert legacy["sample"] in texts[legacy["path"]], legacy
    assert sum(1 for legacy in LEGACY_PAGES if legacy["path"] in texts) >= 4


def test_demo_changes_are_exactly_the_planted_ones(demo):
    _, _, report = demo
    got = {(rel(c["url"]), c["kind"], c["dependencia"]) for c in report["changes"]}
    expected = {(e["path"], e["kind"], e["dependencia"]) for e in EXPECTED_CHANGES}
    assert got == expected
    assert len(report["template_changes"]) == 1  # the footer's new WhatsApp line, once
    deps = {d["name"]: d for d in report["dependencias"]}
    changed = {e["dependencia"] for e in EXPECTED_CHANGES if e["dependencia"]}
    for name, dep in deps.items():
        assert (dep["updates_by_signal"]["rastreo"] == 1) == (name in changed), name
        assert set(dep) >= {
            "name",
            "responsable",
            "pages",
            "updates_this_month",
            "target",
            "last_update",
            "meets_target",
        }


def test_demo_documents_inventory_has_format_year_and_dependencia(demo):
    _, _, report = demo
    docs = report["documents"]
    assert len(docs) >= 50
    assert all(d["format"] == "PDF" for d in docs)
    hacienda = [d for d in docs if d["dependencia"] == "Secretaría de Hacienda"]
    assert hacienda and any(d["year"] for d in hacienda)
    broken = [d for d in docs if d["status"] == 404]
    assert {urlsplit(d["url"]).path for d in broken} >= {
        "/dependencias/hacienda/documentos/estatuto-tributario-2012.pdf"
    }


def test_demo_links_report_every_planted_broken_link_and_redirect(demo):
    from gelt_audit.demo.site import BROKEN_LINKS, REDIRECTS

    _, _, report = demo
    links = {rel(link["url"]) if link["internal"] else link["url"]: link for link in report["links"]}
    for planted in BROKEN_LINKS:
        if 2 not in planted["versions"]:
            continue
        key = (
            planted["target"]
            if not planted.get("external")
            else next(u for u in links if u.endswith(planted["target"]))
        )
        assert links[key]["state"] == "broken", planted
        assert any(rel(p) == planted["on"] for p in links[key]["found_on"]), planted
    for redirect in REDIRECTS:
        if redirect["on"]:
            assert links[redirect["path"]]["state"] == "redirect", redirect
    assert sum(1 for link in report["links"] if link["state"] == "broken") == len(BROKEN_LINKS)


def test_demo_accessibility_and_security_list_the_planted_problems(demo):
    from gelt_audit.demo.site import PLANTED_A11Y

    _, _, report = demo
    found = {(rel(f["url"]), f["criterion"]) for f in report["accessibility"]}
    for planted in PLANTED_A11Y:
        assert (planted["path"], planted["criterion"]) in found, planted
    assert all(set(f) >= {"url", "criterion", "element", "dependencia"} for f in report["accessibility"])
    checks = {f["check"] for f in report["security"]}
    assert {"https", "formulario-inseguro", "csp"} <= checks  # the demo is served over plain http
    assert all(set(f) >= {"url", "check", "severity", "detail"} for f in report["security"])


def test_demo_checklist_both_profiles_with_evidence_and_the_planted_regression(demo):
    from gelt_audit.demo.site import CHECKLIST_ABSENT, CHECKLIST_NO_APLICA, CHECKLIST_PARTIAL, CHECKLIST_REGRESSED

    _, _, report = demo
    items = {c["item"]: c for c in report["checklist"]}
    assert {c["profile"] for c in report["checklist"]} == {"gelt-2008", "ley1712-res1519"}
    for item in CHECKLIST_ABSENT:
        assert items[item]["status"] == "no_cumple", item
    for item in CHECKLIST_PARTIAL:
        assert items[item]["status"] == "parcial", item
    for item in CHECKLIST_NO_APLICA:
        assert items[item]["status"] == "no_aplica", item
    assert [r["item"] for r in report["regressions"]] == CHECKLIST_REGRESSED
    met = [c for c in report["checklist"] if c["status"] == "cumple"]
    assert met and all(
        c["evidence"] and c["snapshot_date"]
        for c in met
        if c["source"] == "auto" and c["item"] != "plan.control_periodico"
    )
    # the trámites inventory in the demo's config: each one published and linked to GOV.CO
    tramites = [c for c in report["checklist"] if c["item"].startswith("tramite.")]
    assert len(tramites) == 10 and all(c["status"] == "cumple" for c in tramites)
    indicators = {i["id"]: i for i in report["indicators"]}
    assert (
        indicators["tramites_publicados"]["value"] == "100 %" and indicators["tramites_publicados"]["source"] == "auto"
    )
    assert report["allied"]["count"] >= 10


def test_demo_reports_carry_the_accessibility_and_security_annexes(demo):
    from lxml import html

    directory, _, _ = demo
    reports = directory / "informes"
    committee = html.parse(str(next(reports.glob("comite-*.html"))))
    [annexes] = committee.xpath("//section[@id='anexos']")
    text = " ".join(annexes.text_content().split())
    assert "Anexo 1" in text and "Anexo 3" in text
    assert "1.1.1" in text and "(formulario sin HTTPS)" in text and "formulario-inseguro" not in text
    weekly = html.parse(str(next(reports.glob("semanal-*.html"))))
    [per_dep] = weekly.xpath("//table[.//th[contains(., 'Cambio en la semana')]]")
    assert "Secretaría de Hacienda" in per_dep.text_content()


def test_demo_committee_items_show_their_legal_basis_and_open_their_stored_copy_offline(demo):
    """Each item with evidence links its stored copy, a file beside the report that names the
    original URL and the day it was fetched: the dossier still proves its verdicts offline."""
    from lxml import html

    directory, _, report = demo
    reports = directory / "informes"
    committee = next(reports.glob("comite-*.html"))
    page = committee.read_text(encoding="utf-8")
    copies = {c["url"]: c for r in report["checklist"] for c in r.get("evidence_copies", [])}
    assert copies, "the demo's checklist carries stored copies"
    for record in report["checklist"]:
        assert record["legal_basis"] and record["legal_basis"] in html.fromstring(page).text_content()
    linked = set(html.fromstring(page).xpath("//a[starts-with(@href, 'evidencia/')]/@href"))
    assert linked <= {c["copy"] for c in copies.values()}
    for record in report["checklist"]:
        first = next((c for c in record.get("evidence_copies", []) if c["url"] == record["evidence"][0]), None)
        if first:  # the first evidence, shown in the report, opens its stored copy
            assert first["copy"] in linked, record["item"]
    for copy in copies.values():
        stored = (reports / copy["copy"]).read_text(encoding="utf-8")
        assert "Copia guardada el" in stored and copy["url"] in stored and copy["content_hash"] in stored
        assert "<script" not in stored.lower()
