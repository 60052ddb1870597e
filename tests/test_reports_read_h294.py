"""What a person reads stays in Spanish: axe rules without axe-core's Spanish, browser failures by
kind, and link checks an older version stored (H294).

A small site on 127.0.0.1 crawled through the real CLI: a form whose <select> has no name and whose
<svg role="img"> has no text (two rules axe-core 4.12.1's es.json does not translate), a page whose
script breaks axe-core (``window.Promise`` replaced), an external document that answers 404 and an
external server that is down. Before any report, the store is aged: its link checks carry the words an
older version recorded («HTTP 404: la página no existe», a bare «DownloadTimeoutError: …»).

- axe's «help» for the rules its es.json leaves in English comes from the project's own translation
  (``gelt_audit/audits/axe_locale/es-gelt.json``), merged into the locale given to ``axe.configure``;
  every rule the pass runs has Spanish help and description (an axe upgrade adding a rule fails here).
- A page the browser could not evaluate is said by the kind of failure (here a script error), not
  «el navegador no pudo evaluarla»; a browser that did not start says so without Playwright's line.
- A stored link check is said with today's words (weekly, committee, CSV «motivo», e-mail text); the
  JSON keeps what was stored, the CSV keeps the technical line in «detalle técnico».

Each CLI test failed on ``integ21`` (0da1d04) without the change it guards (checked, H294).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from gelt_audit.audits import browser
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.reports.digest import digest
from tests.helpers import cli_reports, html_text, run_cli, write_config

CHROMIUM = Path("/usr/bin/chromium")
HAS_CHROMIUM = CHROMIUM.exists() and shutil.which("chromium") is not None
LOCALE_DIR = Path(browser.__file__).parent / "axe_locale"
SELECT_HELP = "Las listas de selección (select) deben tener un nombre accesible"
SVG_HELP = "Los elementos <svg> con rol img deben tener texto alternativo"
OFFLINE = "http://127.0.0.1:1/caido"
DEPENDENCIA = '\n[[dependencias]]\nname = "Secretaría General"\nresponsable = "Ana Pérez"\nmatch = ["/"]\n'


def _page(title: str, body: str, head: str = "") -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
        f"<main><h1>{title}</h1><p>Contenido de {title}, publicado por la alcaldía para la ciudadanía.</p>"
        f"{body}</main></body></html>"
    )


def _site(external: str) -> dict[str, Resource]:
    links = "".join(
        f"<li><a href='{href}'>{text}</a></li>"
        for href, text in (
            ("/tramites", "Trámites"),
            ("/pqrsd", "PQRSD"),
            (external + "informe.pdf", "Informe de gestión (PDF)"),  # answers 404
            (OFFLINE, "Sistema de citas"),  # nobody listens there
        )
    )
    form = (
        "<form action='/pqrsd/enviar'><select><option>Petición</option><option>Queja</option></select>"
        "<svg role='img' width='10' height='10'><rect width='10' height='10'/></svg><button>Enviar</button></form>"
    )
    # a script that takes away what axe-core needs: axe throws (a JavaScript error), the page itself loads
    breaks_axe = "<script>window.Promise = function () { throw new Error('sin promesas'); };</script>"
    return {
        "/": _page("Inicio", f"<ul>{links}</ul>"),
        "/pqrsd": _page("PQRSD", form),
        "/tramites": _page("Trámites", "<table><tr><td>Pagos</td></tr></table>", head=breaks_axe),
    }


def _age(db: Path) -> None:
    """The link checks as an older version stored them."""
    with sqlite3.connect(db) as conn:
        conn.execute("update link_checks set error = 'HTTP 404: la página no existe' where status = 404")
        conn.execute(
            "update link_checks set error = 'DownloadTimeoutError: Getting http://127.0.0.1:1/caido took longer "
            "than 15.0 seconds.' where url = ?",
            [OFFLINE],
        )
        stored = dict(conn.execute("select url, error from link_checks"))
    assert any(e == "HTTP 404: la página no existe" for e in stored.values()), stored
    assert stored.get(OFFLINE, "").startswith("DownloadTimeoutError"), stored


@pytest.fixture(scope="module")
def week(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("h294")
    extra = '[accessibility]\nbrowser = "auto"\n' if HAS_CHROMIUM else ""
    env = {"GELT_TODAY": "2026-11-10"}
    with SiteServer({}) as other, SiteServer(_site(other.url)) as server:
        config = write_config(tmp, server.url, "[links]\ndelay = 0\n" + extra + DEPENDENCIA)
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr
    _age(tmp / "gelt.db")
    out: dict = {"browser": bool(extra), "config": config, "tmp": tmp, "env": env}
    out.update(cli_reports(config, tmp, env))
    result = run_cli("report", "--weekly", "--format", "csv", "--config", str(config), "--output", str(tmp / "csv"))
    assert result.returncode == 0, result.stderr
    out["csv"] = {re.sub(r"^\w+-\d{4}-\d{2}-\d{2}-", "", p.name): p for p in (tmp / "csv").glob("*.csv")}
    return out


def _need_browser(week: dict) -> None:
    if not week["browser"]:
        pytest.skip("sin Chromium: la revisión en el navegador no corre")


def test_rules_axe_cores_spanish_leaves_out_are_said_in_spanish(week):
    _need_browser(week)
    result = week["json"]["accessibility_browser"]
    assert result["state"] == "ok", result
    helps = {f["rule"]: f["help"] for f in result["findings"]}
    assert helps.get("select-name") == SELECT_HELP and helps.get("svg-img-alt") == SVG_HELP, helps
    for kind in ("weekly", "committee"):
        text = html_text(week[kind])
        assert SELECT_HELP in text and SVG_HELP in text, kind
        assert "Select element must have an accessible name" not in text, kind
        assert "elements with an img role must have alternative text" not in text, kind
    with week["csv"]["accesibilidad-navegador.csv"].open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert "ayuda de axe" in rows[0] and "ayuda de axe (inglés)" not in rows[0], rows[0]
    assert SELECT_HELP in {cell for row in rows for cell in row}


def test_a_page_that_breaks_axe_is_said_as_a_script_error(week):
    _need_browser(week)
    errors = week["json"]["accessibility_browser"].get("errors") or []
    technical = next((e["error"] for e in errors if e["url"].endswith("/tramites")), None)
    assert technical and technical.startswith("Page.evaluate: Error: sin promesas"), errors  # the JSON keeps it
    for kind in ("weekly", "committee"):
        alert = html_text(re.search(r'<p class="alert">[^<]*no se pud.*?</p>', week[kind], re.S).group(0))
        assert "axe-core se detuvo con un error de JavaScript al evaluar la página" in alert, alert
        assert "no pudo evaluarla" not in alert and "sin promesas" not in alert, alert


def test_a_link_check_stored_with_old_words_reads_as_a_new_one(week):
    links = {link["url"]: link for link in week["json"]["links"]}
    pdf = next(link for url, link in links.items() if url.endswith("/informe.pdf"))
    assert pdf["error"] == "HTTP 404: la página no existe"  # the JSON says what the store holds: the contract
    for kind in ("weekly", "committee"):
        text = html_text(week[kind])
        assert "la página no existe" not in text and "DownloadTimeoutError" not in text, kind
    weekly = html_text(week["weekly"])
    assert "HTTP 404: la dirección no existe" in weekly
    assert "el servidor no respondió a tiempo" in weekly
    with week["csv"]["enlaces-rotos.csv"].open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    reasons = {row[header.index("enlace")]: row for row in body}
    pdf_row = next(row for url, row in reasons.items() if url.endswith("/informe.pdf"))
    down_row = reasons[OFFLINE]
    assert pdf_row[header.index("motivo")] == "HTTP 404: la dirección no existe", pdf_row
    assert down_row[header.index("motivo")] == "el servidor no respondió a tiempo", down_row
    assert down_row[header.index("detalle técnico")].startswith("DownloadTimeoutError"), down_row
    general = next(d for d in week["json"]["dependencias"] if d["name"] == "Secretaría General")
    mail = digest(week["json"], general)
    assert "HTTP 404: la dirección no existe" in mail and "la página no existe" not in mail, mail
    assert "DownloadTimeoutError" not in mail, mail


def test_a_browser_that_did_not_start_says_so_in_spanish(tmp_path):
    with SiteServer({"/": _page("Inicio", "<p>Hola.</p>")}) as server:
        config = write_config(
            tmp_path,
            server.url,
            '[links]\ncheck_external = false\n[accessibility]\nbrowser = "auto"\nchromium = "/bin/false"\n',
        )
        result = run_cli("crawl", "--config", str(config), env={"GELT_TODAY": "2026-11-10"})
        assert result.returncode == 0, result.stderr
    reports = cli_reports(config, tmp_path, {"GELT_TODAY": "2026-11-10"})
    message = reports["json"]["accessibility_browser"]["message"]
    if "Chromium no arrancó" not in message:
        pytest.skip(f"el paquete del navegador no está: {message}")
    assert "BrowserType.launch" in message, message  # the JSON keeps the technical line
    said = html_text(re.search(r'<p class="nodata" id="navegador-no">.*?</p>', reports["weekly"], re.S).group(0))
    assert "no se hizo: Chromium no arrancó." in said, said
    assert "BrowserType" not in said and "detalle técnico" not in said, said


# -- the locale itself ----------------------------------------------------------------------------------------
def test_the_vendored_locale_is_unchanged_and_ours_is_marked_and_apart():
    readme = (LOCALE_DIR / "README.md").read_text(encoding="utf-8")
    digest_ = hashlib.sha256((LOCALE_DIR / "es.json").read_bytes()).hexdigest()
    assert digest_ in readme, digest_  # byte-identical to what axe-core ships
    official = json.loads((LOCALE_DIR / "es.json").read_text(encoding="utf-8"))
    ours = json.loads(browser.AXE_LOCALE_OURS.read_text(encoding="utf-8"))
    assert "gelt-audit" in ours["_origen"] and "no de axe-core" in ours["_origen"]
    # ours only fills what axe-core's lacks: a text of ours shadowed by an official one is dead weight
    for rule, texts in ours["rules"].items():
        assert not set(texts) & set(official["rules"].get(rule, {})), rule
    for check, messages in ours["checks"].items():
        assert not set(messages) & set(official["checks"].get(check, {})), check
    merged = browser.axe_locale()
    assert merged["rules"]["html-has-lang"] == official["rules"]["html-has-lang"]
    assert merged["rules"]["select-name"]["help"] == SELECT_HELP
    assert set(merged["checks"]["has-visible-text"]) == {"pass", "fail", "incomplete"}


@pytest.mark.skipif(not HAS_CHROMIUM, reason="sin Chromium")
def test_every_rule_the_pass_runs_has_spanish_help_and_description():
    """Every rule axe-core runs for the pass (the WCAG 2.0/2.1 A and AA tags and the experimental rules
    for those criteria, as RUN_AXE picks them) has its help and description from the Spanish locale:
    a new axe-core whose new rule has no Spanish fails here instead of reaching a report in English."""
    from playwright.sync_api import sync_playwright

    rules_js = """(tags) => axe._audit.rules
        .filter(r => r.tags.some(t => tags.includes(t)))
        .map(r => [r.id, axe._audit.data.rules[r.id].help, axe._audit.data.rules[r.id].description])"""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=browser.LAUNCH_ARGS)
        try:
            texts = {}
            for name, script in (("en", browser.axe_source()), ("es", browser.axe_source() + browser.axe_setup())):
                page = chromium.new_page()
                page.add_script_tag(content=script)
                texts[name] = {
                    rule: (help_, description) for rule, help_, description in page.evaluate(rules_js, browser.AXE_TAGS)
                }
                page.close()
        finally:
            chromium.close()
    locale = browser.axe_locale()["rules"]
    assert len(texts["es"]) >= 60, len(texts["es"])
    english = sorted(rule for rule, said in texts["es"].items() if said == texts["en"][rule] or rule not in locale)
    assert not english, f"reglas de axe-core sin texto en español: {english}"
    for rule, (help_, description) in texts["es"].items():
        assert (help_, description) == (locale[rule]["help"], locale[rule]["description"]), rule


def test_a_malformed_config_is_said_in_spanish(tmp_path):
    (tmp_path / "gelt.toml").write_text('[site\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    result = run_cli("crawl", "--config", str(tmp_path / "gelt.toml"))
    assert result.returncode == 2, result
    said = result.stderr
    assert "TOML inválido en la línea 1, columna 6: falta el ] que cierra el nombre de la tabla" in said, said
    assert "Expected" not in said and "table declaration" not in said, said


@pytest.mark.parametrize("command", [("crawl",), ("run", "--reports", "none")])
def test_a_site_that_refuses_the_connection_is_said_in_spanish_on_the_command_line(tmp_path, command):
    config = write_config(tmp_path, "http://127.0.0.1:1/", "[links]\ncheck_external = false\n")
    result = run_cli(*command, "--config", str(config), env={"GELT_TODAY": "2026-11-10"})
    assert result.returncode != 0, result
    said = result.stderr
    assert "No se pudo revisar el sitio http://127.0.0.1:1/: " in said and "el servidor rechazó la conexión" in said, (
        said
    )
    assert "Error:" not in said and "refused" not in said, said  # the crawl's row and the log keep that line
