"""The HTML reports in a real headless Chromium: no console error, no network request, the
weekly to-do list on the first screen, no horizontal scroll on a phone, clean A4 printing.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``:
NUL-separated JSON on file descriptors 3 and 4), so no websocket library is needed. The
reports carry a Content-Security-Policy (``default-src 'none'``): a request attempted anyway
is refused and shows up as a console error, and every request the page makes is seen here.
Screenshots and the PDF are kept under ``test-artifacts/`` (gitignored) for people to look at.
Skipped, with the reason, when /usr/bin/chromium is not installed.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import re
import shutil
import subprocess
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from gelt_audit.config import load_config
from gelt_audit.reports.write import write_reports
from tests.helpers import crawl, open_db, page, report_json, run_cli, write_config
from tests.test_committee_dossier import number, recompute
from tests.test_reports import demo_workdir

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium no está instalado (apt-get install chromium)"
)


def _high_fd(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


class Chromium:
    """A headless Chromium driven by the DevTools protocol over pipes."""

    def __init__(self, profile: Path, timeout: float = 30):
        self.timeout = timeout
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Move the child's ends above 9 so that putting them on 3 and 4 cannot clobber one another.
        to_chrome_r, from_chrome_w = (_high_fd(to_chrome_r), _high_fd(from_chrome_w))
        args = [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", f"--user-data-dir={profile}", "--remote-debugging-pipe",
            "about:blank",
        ]  # fmt: skip
        # The protocol wants its pipes on fds 3 (commands in) and 4 (answers out): bash puts them there
        # (dash, the usual /bin/sh, cannot redirect from fds above 9).
        self.proc = subprocess.Popen(
            ["/bin/bash", "-c", f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}', *args],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=open(profile.parent / "chromium.log", "wb"),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next = 0
        self._answers: dict[int, queue.Queue] = {}
        self.events: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session = self._attach()

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_chrome, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._lock:
                        box = self._answers.get(msg["id"])
                    if box is not None:
                        box.put(msg)
                else:
                    self.events.append(msg)

    def send(self, method: str, params: dict[str, Any] | None = None, session: bool = True) -> dict[str, Any]:
        with self._lock:
            self._next += 1
            mid = self._next
            box: queue.Queue = queue.Queue()
            self._answers[mid] = box
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
        if session and getattr(self, "session", None):
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode("utf-8") + b"\0")
        try:
            answer = box.get(timeout=self.timeout)
        except queue.Empty:
            raise AssertionError(f"Chromium no respondió a {method}") from None
        if "error" in answer:
            raise AssertionError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    def _attach(self) -> str:
        self.session = ""
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        return self.send("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True}, session=False)[
            "sessionId"
        ]

    def wait_event(self, method: str, since: int) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            for event in self.events[since:]:
                if event.get("method") == method:
                    return event
            time.sleep(0.02)
        raise AssertionError(f"Chromium no emitió {method}")

    def open(self, url: str, width: int, height: int, mobile: bool = False) -> None:
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})  # fmt: skip
        mark = len(self.events)
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", mark)
        time.sleep(0.2)  # late console messages

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def pdf(self, path: Path) -> bytes:
        data = base64.b64decode(
            self.send("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return data

    def problems(self, page_url: str) -> dict[str, list[str]]:
        """Console errors and any request other than the report itself (data: URIs are not requests)."""
        errors, requests = [], []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"]["text"])
            elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                errors.append(json.dumps(params["args"])[:300])
            elif method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "excepción"))
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if url != page_url and not url.startswith("data:"):
                    requests.append(url)
        return {"errors": errors, "requests": requests}

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except AssertionError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


@pytest.fixture
def chromium(tmp_path):
    browser = Chromium(tmp_path / "perfil")
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Both reports of the demo, written as `gelt-audit demo` writes them."""
    directory = demo_workdir(tmp_path_factory)
    config = load_config(directory / "gelt.toml")
    paths = write_reports(config, ["weekly", "committee"], now=NOW)
    html = [p for p in paths if p.suffix == ".html"]
    return {"weekly": html[0], "committee": html[1], "index": config.reports_dir / "index.html"}


def _check_clean(browser: Chromium, url: str) -> None:
    found = browser.problems(url)
    assert found["errors"] == [], found["errors"]
    assert found["requests"] == [], found["requests"]


def test_weekly_report_first_screen_says_who_must_fix_what(reports, chromium):
    url = reports["weekly"].as_uri()
    chromium.open(url, 1280, 900)
    _check_clean(chromium, url)
    box = chromium.js(
        "(() => { const s = document.getElementById('para-hacer').getBoundingClientRect();"
        " const cards = [...document.querySelectorAll('#para-hacer .card')];"
        " return {top: s.top, bottom: s.bottom, cards: cards.length,"
        " names: cards.map(c => c.querySelector('h3').innerText)}; })()"
    )
    assert box["cards"] >= 2
    assert box["top"] < 200 and box["bottom"] <= 900, box  # the whole to-do list, no scrolling
    assert any("Luz Marina Ortiz Guzmán" in name for name in box["names"])
    shot = chromium.screenshot(ARTIFACTS / "semanal-primera-pantalla.png")
    assert shot.stat().st_size > 10_000


def test_weekly_first_screen_at_1366_shows_the_urgent_strip_and_cards_by_severity(reports, chromium):
    """Issue 19's «done when»: at 1366×900 the first screen holds «Lo urgente» and the cards, most
    severe first, and no card asks a dependencia on pace to publish."""
    url = reports["weekly"].as_uri()
    chromium.open(url, 1366, 900)
    _check_clean(chromium, url)
    screen = chromium.js(
        "(() => { const u = document.getElementById('lo-urgente').getBoundingClientRect();"
        " const cards = [...document.querySelectorAll('#para-hacer .card')];"
        " return {strip: [u.top, u.bottom, document.getElementById('lo-urgente').innerText],"
        " cards: cards.map(c => ({top: c.getBoundingClientRect().top, severity: +c.dataset.severity,"
        "   name: c.querySelector('h3').innerText, deps: c.querySelector('.deps').innerText,"
        "   quota: [...c.querySelectorAll('li.t-updates')].map(li => li.innerText)}))}; })()"
    )
    top, bottom, strip = screen["strip"]
    assert 0 <= top and bottom <= 900 and bottom - top < 60, screen["strip"]  # visible, one or two lines
    assert "Lo urgente:" in strip and "dejó de cumplirse" in strip and "enlace roto nuevo" in strip
    cards = screen["cards"]
    assert all(c["top"] < 900 for c in cards), [(c["name"], c["top"]) for c in cards]
    severities = [c["severity"] for c in cards]
    assert severities == sorted(severities) and severities[0] == 0, severities
    data = json.loads(reports["weekly"].with_suffix(".json").read_text(encoding="utf-8"))
    for dep in data["dependencias"]:
        card = next((c for c in cards if dep["name"] in c["deps"].split(" · ")), None)
        on_pace = dep["updates_this_month"] >= dep["pace"]
        if card is None:
            assert on_pace, dep["name"]  # a dependencia behind pace always has a card
            continue
        assert bool(card["quota"]) is not on_pace, (dep["name"], card["quota"])
    assert any(dep["updates_this_month"] >= dep["pace"] for dep in data["dependencias"])  # the case is exercised
    chromium.screenshot(ARTIFACTS / "semanal-1366x900.png")


def test_weekly_report_on_a_phone_scrolls_only_vertically(reports, chromium):
    url = reports["weekly"].as_uri()
    chromium.open(url, 375, 740, mobile=True)
    _check_clean(chromium, url)
    widths = chromium.js("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    # Nothing sticks out to the right, except inside the boxes where wide tables and charts scroll.
    sticking_out = chromium.js(
        "[...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll, .chart'))"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
        ".map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60))"
    )
    assert sticking_out == []
    # A broken link's page is written out in the card, not only in a tooltip, and not cut off.
    examples = chromium.js(
        "[...document.querySelectorAll('#para-hacer .ex.link')].map(e => [e.innerText, e.scrollWidth <= e.clientWidth + 1])"
    )
    assert examples and all(" · en " in text and whole for text, whole in examples), examples
    chromium.screenshot(ARTIFACTS / "semanal-telefono.png")


# A4 at 96 CSS px per inch, inside the print stylesheet's margins (14 mm top, 16 mm bottom, 12 mm sides).
A4_CONTENT_WIDTH = round((210 - 24) / 25.4 * 96)
A4_CONTENT_HEIGHT = round((297 - 14 - 16) / 25.4 * 96)


def test_committee_report_prints_to_a4_pages(reports, chromium):
    url = reports["committee"].as_uri()
    chromium.open(url, 1280, 900)
    _check_clean(chromium, url)
    chromium.screenshot(ARTIFACTS / "comite-primera-pantalla.png")
    pdf = chromium.pdf(ARTIFACTS / "comite.pdf")
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert len(boxes) >= 4  # executive page, body, annexes
    assert all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes), set(boxes)  # A4


def test_committee_page_one_holds_the_executive_summary_and_the_signature_block(reports, chromium):
    """Laid out as printed (print media, an A4 page's width), the executive section, signature
    block included, ends within the first page's height; it is followed by a page break."""
    url = reports["committee"].as_uri()
    chromium.open(url, A4_CONTENT_WIDTH, A4_CONTENT_HEIGHT)
    chromium.send("Emulation.setEmulatedMedia", {"media": "print"})
    box = chromium.js(
        "(() => { const s = document.getElementById('resumen'), sign = s.querySelector('table.sign');"
        " const y = e => e.getBoundingClientRect().bottom + window.scrollY;"
        " return {section: y(s), sign: y(sign), wide: document.documentElement.scrollWidth,"
        " brk: getComputedStyle(s).breakAfter, text: s.innerText,"
        " after: getComputedStyle(document.getElementById('lista')).breakBefore}; })()"
    )
    assert box["sign"] <= box["section"] <= A4_CONTENT_HEIGHT, box
    assert box["brk"] == "page" and box["wide"] <= A4_CONTENT_WIDTH, box
    for words in ("Resumen ejecutivo", "cinco fases", "Lo que no cumple", "Lo que más sube el puntaje",
                  "Indicadores del plan", "Alcance y límites", "Revisado por", "Cargo", "Fecha", "Firma"):  # fmt: skip
        assert words in box["text"], words
    # The running header on every printed page: entity, report, date (an @page margin box).
    pages = chromium.js(
        "[...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r.media)"
        ".flatMap(r => [...r.cssRules]).filter(r => r instanceof CSSPageRule).map(r => r.cssText).join(' ')"
    )
    assert (
        '@top-left { content: "Alcaldía de San Rafael de las Nubes - Tolima · Informe para el comité GEL-T · "' in pages
    )
    assert '"24 de noviembre de 2026"' in pages
    chromium.send("Emulation.setDeviceMetricsOverride",
                  {"width": A4_CONTENT_WIDTH, "height": A4_CONTENT_HEIGHT, "deviceScaleFactor": 1, "mobile": False})  # fmt: skip
    chromium.screenshot(ARTIFACTS / "comite-pagina-1-impresa.png")
    # Every score on the page as Chromium shows it, recomputed from the formula printed under it.
    formulas = chromium.js(
        "[...document.querySelectorAll('[data-formula]')].map(e => [e.innerText, e.dataset.formula,"
        " (e.parentElement.querySelector('[data-score]') || {}).innerText || null])"
    )
    assert len(formulas) >= 9
    for formula, kind, shown in formulas:
        printed, computed = recompute(formula, kind)
        assert printed == computed, formula
        if shown:
            assert number(shown.rstrip("%").strip()) == printed, (shown, formula)


def test_committee_on_a_phone_shows_the_verdicts(reports, chromium):
    url = reports["committee"].as_uri()
    chromium.open(url, 375, 740, mobile=True)
    _check_clean(chromium, url)
    widths = chromium.js("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    verdicts = chromium.js(
        "[...document.querySelectorAll('table.items td.verdict, #no-cumple td.verdict')].map(e => {"
        " const r = e.getBoundingClientRect(); return [r.left, r.right, r.width, e.innerText]; })"
    )
    assert len(verdicts) > 20
    off = [v for v in verdicts if v[2] == 0 or v[0] < 0 or v[1] > widths[1]]
    assert off == [], off[:5]
    chromium.js("document.getElementById('g-gelt-2008-info').scrollIntoView()")
    chromium.screenshot(ARTIFACTS / "comite-telefono.png")


def test_index_lists_both_reports(reports, chromium):
    url = reports["index"].as_uri()
    chromium.open(url, 1280, 900)
    _check_clean(chromium, url)
    links = chromium.js("[...document.querySelectorAll('tbody a')].map(a => a.getAttribute('href'))")
    assert reports["weekly"].name in links and reports["committee"].name in links


def test_a_request_would_be_caught(tmp_path, chromium):
    """The check itself works: a report that tried to load an image would fail these tests."""
    page = tmp_path / "fuga.html"
    html = reports_head() + '<img src="http://127.0.0.1:9/espia.png"></body></html>'
    page.write_text(html, encoding="utf-8")
    chromium.open(page.as_uri(), 800, 600)
    found = chromium.problems(page.as_uri())
    assert found["errors"], "la CSP debía rechazar la imagen y dejar un error en la consola"


def reports_head() -> str:
    from gelt_audit.reports.render import CSP

    return f'<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="{CSP}"></head><body>'


def test_chromium_binary_is_usable():
    assert shutil.which(str(CHROMIUM))


# -- the browser accessibility pass in the reports (axe-core through Playwright, Debian's Chromium) -------------
def _browser_row(store: Path, crawl_id: int) -> tuple[Any, dict[str, Any]] | None:
    """The store's cached browser pass of one crawl: (version, result), or None."""
    with open_db(store) as db:
        row = db.execute(
            "select version, result from body_audits where body_hash = ? and audit = 'browser'", [f"crawl:{crawl_id}"]
        ).fetchone()
    return (row[0], json.loads(row[1])) if row else None


def _weekly_text(config: Path) -> str:
    result = run_cli("report", "--weekly", "--config", str(config))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.splitlines()[0].split(": ", 1)[1])
    doc = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    return " ".join(doc.xpath("//section[@id='accesibilidad-navegador']")[0].text_content().split())


def test_the_browser_pass_runs_once_per_crawl_and_says_when_it_did_not_run(serve, tmp_path):
    site = serve(
        {
            "/": page(
                "Inicio",
                "<p>Bienvenidos</p><img src='/escudo.png'>"
                "<p style='background: linear-gradient(#fff, #333); color: #777'>Horario de atención</p>",
                links=("/pqrsd",),
            ),
            "/pqrsd": page("PQRSD", "<form><input name='asunto'></form>", links=("/",)),
        }
    )

    def configure(accessibility: str) -> Path:
        dependencia = '[[dependencias]]\nname = "Atención al Ciudadano"\nmatch = ["/pqrsd"]\n'
        return write_config(tmp_path, site.url, "[accessibility]\n" + accessibility + dependencia)

    config = configure('chromium = "/nonexistent/chromium"\n')
    crawl(config)
    site.stop()  # the pass renders what the store kept: the site is not needed any more
    store = tmp_path / "gelt.db"

    # No Chromium there: the report is written (exit 0) and says the browser check did not run.
    said = _weekly_text(config)
    assert "La revisión de accesibilidad en el navegador (axe-core) no se hizo" in said
    assert "no se encontró Chromium en /nonexistent/chromium" in said and "Plantilla" not in said
    data = report_json(config)
    assert data["accessibility_browser"]["state"] == "sin navegador" and data["accessibility_browser"]["findings"] == []
    crawl_id = data["crawl"]["id"]
    assert _browser_row(store, crawl_id) is None  # a pass that did not run is asked again next time

    # With Chromium: axe's findings, kept in the store for this crawl.
    config = configure('browser = "auto"\n')
    first = report_json(config)["accessibility_browser"]
    assert first["state"] == "ok" and first["pages_checked"]
    assert ("image-alt", "1.1.1", site.url) in {(f["rule"], f["criterion"], f["url"]) for f in first["findings"]}
    # each finding names its page's dependencia (from the configuration, not from the kept row)
    deps = {(f["rule"], f["dependencia"]) for f in first["findings"]}
    assert ("label", "Atención al Ciudadano") in deps and ("image-alt", None) in deps
    version, cached = _browser_row(store, crawl_id)
    kept = [{k: v for k, v in f.items() if k != "dependencia"} for f in first["findings"]]
    assert cached == {k: v for k, v in first.items() if k != "pages_total"} | {"findings": kept}

    # Chromium gone again: the second report on the same crawl still has the browser's findings, so they
    # came from the store's row; Chromium was not started (it could not be), and the row is the same one.
    config = configure('chromium = "/nonexistent/chromium"\n')
    again = report_json(config)["accessibility_browser"]
    assert again == first
    assert _browser_row(store, crawl_id) == (version, cached)
    said = _weekly_text(config)
    assert "Plantilla 1 · en la plantilla" in said and "image-alt" in said and "no se hizo" not in said
    assert "Atención al Ciudadano" in said
    # what axe could not decide (contrast over a gradient) is counted «to review», never as a finding
    assert "color-contrast" in {r["rule"] for r in first["review"]}
    assert "color-contrast" not in {f["rule"] for f in first["findings"]}
    assert "Por revisar a mano" in said and "no se cuentan como fallas" in said

    # Turned off: nothing from the browser, and the report says so in one sentence.
    config = configure('browser = "off"\n')
    assert report_json(config)["accessibility_browser"]["state"] == "desactivado"
    said = _weekly_text(config)
    assert "no se hizo: está desactivada en la configuración" in said and "image-alt" not in said
