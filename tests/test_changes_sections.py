"""Change detection on a site whose header template leaves a ``div`` open, on real crawls.

lxml (HTML 4) ignores «</header>» while a div opened inside it is open: before the repair
(gelt_audit/sections.py) the crawler read all of such a page as its header, stored the menu as the
page's main text, and a content edit was invisible. A store crawled then keeps those texts: the
first crawl after the upgrade must not report every such page as modified because of it.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from gelt_audit.audits.rereads import OPEN_SECTIONS, reread
from gelt_audit.audits.source_hash import code_version
from gelt_audit.demo.server import Resource
from gelt_audit.markup import extract
from gelt_audit.sections import close_sections
from gelt_audit.store import Store
from tests.helpers import crawl, report_json, run_cli
from tests.test_checklist_incremental import from_scratch, json_bytes

DEPENDENCIAS = """
[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana Pérez"
match = ["/hacienda/"]
"""

CONTENT = {
    "/": "<p>Bienvenidos al sitio oficial del municipio.</p>",
    "/hacienda/predial": "<p>El impuesto predial vence el 30 de diciembre.</p><p>Descuento del 10 %.</p>",
    "/hacienda/ica": "<p>Industria y comercio: declaración anual.</p>",
    "/noticias/": "<p>Noticias del municipio.</p>",
}

# The extraction of the code before the repair: markup.parse without close_sections (the only
# change the repair made to it), in every process the CLI starts
OLD_EXTRACTION = "import gelt_audit.sections as s\ns.close_sections = lambda html: html\n"


def render(path: str, main: str, visits: str) -> Resource:
    """A page whose header leaves «<div class="logo">» open (the template's fault); ``visits``:
    a counter in the footer, as many municipal sites show (the bytes change, not the content)."""
    menu = " ".join(f'<a href="{p}">{p.strip("/") or "Inicio"}</a>' for p in CONTENT)
    html = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{path}</title></head><body>"
        f"<header><div class='logo'><a href='/'>Alcaldía de Prueba</a><nav>{menu}</nav></header>"
        f"<div class='cuerpo'><h1>{path}</h1>{main}</div>"
        f"<footer>Visitas: {visits}</footer></body></html>"
    )
    return Resource.html(html)


def site(content: dict[str, str], visits: str = "100") -> dict[str, Resource]:
    return {path: render(path, main, visits) for path, main in content.items()}


def edited() -> dict[str, str]:
    content = dict(CONTENT)
    content["/hacienda/predial"] = content["/hacienda/predial"].replace("10 %", "15 %")
    return content


def old_code(tmp: Path) -> dict[str, str]:
    folder = tmp / "codigo-anterior"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(OLD_EXTRACTION, encoding="utf-8")
    return {"PYTHONPATH": str(folder)}


def _changes(report: dict) -> set[tuple[str, str]]:
    return {(c["url"].split("/", 3)[3], c["kind"]) for c in report["changes"]}


def _predial_diff(report: dict) -> list[list[str]]:
    return next(c for c in report["changes"] if c["url"].endswith("predial"))["diff"]


def test_a_content_edit_under_a_header_that_leaves_a_div_open_is_a_modified_page(serve, config_for):
    server = serve(site(CONTENT))
    config = config_for(server.url, extra=DEPENDENCIAS)
    crawl(config)
    server.routes = site(edited(), visits="101")
    crawl(config)
    report = report_json(config)
    assert _changes(report) == {("hacienda/predial", "modified")}, report["changes"]
    diff = _predial_diff(report)
    assert ["delete", "10"] in diff and ["insert", "15"] in diff, diff
    assert not any("Alcaldía" in text or "noticias" in text for _, text in diff), diff  # content, not the menu
    deps = {d["name"]: d for d in report["dependencias"]}
    assert deps["Secretaría de Hacienda"]["updates_by_signal"]["rastreo"] == 1
    history = run_cli("diff", "--config", str(config), server.url.rstrip("/") + "/hacienda/predial")
    assert history.returncode == 0 and "15" in history.stdout, history.stdout + history.stderr


def test_the_first_crawl_after_the_repair_reports_only_real_edits_on_a_store_read_the_old_way(
    serve, config_for, tmp_path
):
    server = serve(site(CONTENT))
    config = config_for(server.url, extra=DEPENDENCIAS)
    old = crawl_with(config, old_code(tmp_path))
    assert report_json(config)["changes"] == []  # the upgraded code reads the old store: its history is kept
    # every page's bytes change (the counter); one page's content changes too
    server.routes = site(edited(), visits="101")
    crawl(config)
    report = report_json(config)
    assert old == 0
    assert _changes(report) == {("hacienda/predial", "modified")}, report["changes"]
    diff = _predial_diff(report)
    # like with like: the old body's content as this code reads it, not the menu stored for it
    assert ["delete", "10"] in diff and ["insert", "15"] in diff, diff
    assert not any("Alcaldía" in text or "noticias" in text for _, text in diff), diff
    ignored = {c["url"].split("/", 3)[3] for c in report["ignored_changes"]}
    assert ignored == {"", "hacienda/ica", "noticias/"}, report["ignored_changes"]
    deps = {d["name"]: d for d in report["dependencias"]}
    assert deps["Secretaría de Hacienda"]["updates_by_signal"]["rastreo"] == 1
    assert report["template_changes"] == []
    pages = {p["url"].split("/", 3)[3]: p["last_changed"] for p in report["pages"]}
    assert pages["hacienda/predial"] is not None and pages["hacienda/ica"] is None, pages
    # the comparison carried in the store is the one made from nothing
    assert json_bytes(config) == from_scratch(config)
    # the weekly compares with the week's first crawl (the one read the old way): the same one edit
    server.routes = site(edited(), visits="102")
    crawl(config)
    out = config.parent / "semanal.html"
    result = run_cli("report", "--weekly", "--output", str(out), "--config", str(config))
    assert result.returncode == 0, result.stderr
    doc = lxml.html.parse(str(out)).getroot()
    modified = {
        li.xpath(".//a/@href")[0].split("/", 3)[3]
        for li in doc.xpath("//li[span[contains(@class, 'st')]]")
        if li.xpath("string(span)").strip() == "modificada"
    }
    assert modified == {"hacienda/predial"}, modified


def test_whether_a_body_leaves_a_div_open_is_kept_per_body_and_asked_only_of_changed_main_texts(serve, config_for):
    server = serve(site(CONTENT))
    config = config_for(server.url, extra=DEPENDENCIAS)
    crawl(config)
    server.routes = site(edited(), visits="101")
    crawl(config)
    assert _changes(report_json(config)) == {("hacienda/predial", "modified")}
    with Store(config.parent / "gelt.db") as store:
        bodies = {
            (s["crawl_id"], s["url"].split("/", 3)[3]): s["body_hash"]
            for crawl_id in (1, 2)
            for s in store.snapshots(crawl_id)
            if s["body_hash"]
        }
        old, new = bodies[1, "hacienda/predial"], bodies[2, "hacienda/predial"]
        kept = {key: store.cached_result(h, OPEN_SECTIONS, code_version()) for key, h in bodies.items()}
        # the old body of the page whose main text changed was scanned (the header leaves a div
        # open); that answer is enough for the pair: its new body was not read for it
        assert kept[1, "hacienda/predial"] is True and kept[2, "hacienda/predial"] is None, kept
        # the bodies whose main text did not change (only the visits counter) were never read for it
        assert kept[1, "hacienda/ica"] is None and kept[2, "hacienda/ica"] is None, kept
        url = server.url.rstrip("/") + "/hacienda/predial"
        texts = reread(store, url, old, new, ())
        assert texts is not None and "15 %" in texts[1] and "Alcaldía" not in texts[1], texts
        # the kept answers decide: said «nothing open», the stored main texts are used as they are
        for body in (old, new):
            store.keep_result(body, OPEN_SECTIONS, code_version(), False)
        store.flush_audits()
        assert reread(store, url, old, new, ()) is None


def crawl_with(config: Path, env: dict[str, str]) -> int:
    result = run_cli("crawl", "--config", str(config), env=env, cwd=config.parent, timeout=180)
    return result.returncode


CLOSES = [
    ("<header><div class='logo'>A</header><p>x</p>", "<header><div class='logo'>A</div></header><p>x</p>"),
    ("<HEADER><DIV>A</HEADER><p>x</p>", "<HEADER><DIV>A</div></HEADER><p>x</p>"),
    (
        "<nav><div><div>A</div></nav><footer><div>B</footer>",
        "<nav><div><div>A</div></div></nav><footer><div>B</div></footer>",
    ),
    ("<header><!-- <div> --><div>A</div></header>", None),
    ("<header><script>'<div>'</script>A</header><p>x</p>", None),  # a div in a script opens nothing
    ("<div><header><div>A</div></header></div>", None),
    ("<p>no sections</p>", None),
]


@pytest.mark.parametrize(("html", "closed"), CLOSES)
def test_close_sections_reads_text_and_bytes_alike(html, closed):
    expected = html if closed is None else closed
    assert close_sections(html) == expected
    assert close_sections(html.encode()) == expected.encode()
    if closed is None:
        assert close_sections(html) is html  # nothing to close: the page itself, not a copy


def test_the_main_text_of_a_page_whose_header_leaves_a_div_open_is_its_content():
    html = render("/hacienda/predial", CONTENT["/hacienda/predial"], "100").body.decode()
    text = extract(html, "http://127.0.0.1/hacienda/predial").main_text
    assert text == "/hacienda/predial El impuesto predial vence el 30 de diciembre. Descuento del 10 %."
