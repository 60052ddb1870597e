"""Reliability and security: hostile sites, faults and bad input, with nothing lost.

Every case runs the real thing: fault servers on 127.0.0.1 (tests/faults.py), real crawls in
subprocesses, a real SQLite store, real SIGKILLs at chosen points, a real full filesystem
(tmpfs), a real SMTP server, and hypothesis for command lines and configs.
docs/RELIABILITY.md maps each case of the issue to the test here (or elsewhere) that proves it.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import random
import re
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import lxml.html
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gelt_audit.config import SCHEMA, ConfigError, load_config, parse_config
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.markup import normalise_url
from gelt_audit.store import Store
from tests.faults import (
    FaultServer,
    big_file,
    garbage,
    gzip_bomb,
    hang_up_early,
    never_answer,
    reset_mid_body,
    stream,
)
from tests.helpers import page, report_json, run_cli, site_down, write_config

TEXT = {"Content-Type": "text/plain; charset=utf-8"}
# Crawled strings that would run in a report, a spreadsheet or a mail client if not neutralised.
XSS = '<script>alert("xss")</script> & <img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example/","clic")'
BAD_TEXTS = ("@SUM(1+1)*cmd|' /C calc'!A0", "+1-1 <b>negrita</b>", "-2+3", '<script>alert("enlace")</script>')
BAD_URL_PATH = '/roto-url?q="><svg onload=alert(1)>'
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# -- helpers -----------------------------------------------------------------------------------------
def rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def crawl_statuses(db: Path) -> list[str]:
    return [s for (s,) in rows(db, "select status from crawls order by id")]


def latest_finished(db: Path) -> int | None:
    return rows(db, "select max(id) from crawls where status = 'finished'")[0][0]


def integrity(db: Path) -> str:
    return rows(db, "pragma integrity_check")[0][0]


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


def by_url(report: dict, base: str) -> dict[str, dict]:
    return {p["url"].removeprefix(base): p for p in report["pages"]}


def log_text(config: Path) -> str:
    log = config.parent / "gelt.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def crawl_with_peak_memory(config: Path, timeout: float = 120) -> tuple[subprocess.CompletedProcess, int]:
    """`gelt-audit crawl` in a subprocess of its own, and that process's peak memory in MiB."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    peak_kib = int(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else 0
    return result, peak_kib // 1024


# SIGKILL at a precise point of a real run: an audit hook (an event such as os.rename of a
# temporary file) or a profile hook (a function called or returning, under a given caller).
# The code under test runs unmodified; the process kills itself with a real SIGKILL.
_KILL_AT = r"""
import os, signal, sys, threading
kind, name, where, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def under(frame):
    while frame is not None:
        if where in frame.f_code.co_filename or frame.f_code.co_name == where:
            return True
        frame = frame.f_back
    return False

if kind == "event":
    def hook(event, args):
        if event == name and str(args[0]).endswith(where):
            die()
    sys.addaudithook(hook)
else:
    def profile(frame, event, arg):
        if event == kind and frame.f_code.co_name == name and under(frame.f_back):
            die()
    sys.setprofile(profile)
    threading.setprofile(profile)

from gelt_audit.cli import main
sys.exit(main(argv))
"""


def gelt_killed_at(point: tuple[str, str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    kind, name, where = point
    return subprocess.run(
        [sys.executable, "-c", _KILL_AT, kind, name, where, *args],
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )  # fmt: skip


def report_files(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def assert_whole(path: Path) -> None:
    """A report file that is complete: JSON parses, HTML ends its document, CSV parses."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        json.loads(text)
    elif path.suffix == ".html":
        assert text.rstrip().endswith("</html>"), path
    elif path.suffix == ".csv":
        list(csv.reader(io.StringIO(text)))


# -- the hostile site: one crawl, many checks ------------------------------------------------------------
def _external() -> SiteServer:
    """Another host (another port of 127.0.0.1) that the site links and redirects to."""
    return SiteServer(
        {
            "/destino": page("Destino externo", links=("/no-seguir/",)),
            "/redirigido": page("Redirigido"),
            "/no-seguir/": page("No se sigue"),
            "/sitemap.xml": Resource(b"<urlset/>", headers={"Content-Type": "application/xml"}),
            "/mapa-externo": page("Sólo en un sitemap ajeno"),
        }
    ).start()


def _hostile_site(ext: SiteServer) -> FaultServer:
    flaps = {"n": 0}
    lock = threading.Lock()

    def dynamic(path: str) -> Any:
        if path.startswith("/paginas/"):  # endless pagination by path
            n = int(path.split("/")[2])
            return page(f"Noticias, página {n}", links=(f"/paginas/{n + 1}/",))
        if path.startswith("/agenda/?mes="):  # endless calendar by query
            month = int(path.rsplit("=", 1)[1])
            return page(f"Agenda {month}", links=(f"/agenda/?mes={month + 1}",))
        if path.startswith("/sesion/"):  # a new session id in every link, every time
            sid = f"{random.getrandbits(64):016x}"
            return page("Sesión", links=(f"/sesion/?PHPSESSID={sid}", f"/sesion/;jsessionid={sid}"))
        if path == "/inestable/":  # a 5xx that flaps
            with lock:
                flaps["n"] += 1
                odd = flaps["n"] % 2
            return Resource(b"Servicio no disponible", status=503, headers=TEXT) if odd else page("Inestable")
        return None

    hostil = "".join(f"<a href='/roto-{i}'>{html.escape(text)}</a> " for i, text in enumerate(BAD_TEXTS, 1))
    hostil += f'<a href="{html.escape(BAD_URL_PATH, quote=True)}">consulta</a>'
    long_href = "/" + "l" * 10_000
    links = (
        "/inestable/", "/reset", "/truncada", "/colgada", "/basura", "/grande", "/grande-sin-largo",
        "/descargas/archivo.zip", "/bomba", "/paginas/1/", "/agenda/?mes=1", "/sesion/", "/bucle-a",
        "/malformada", "/truncado", "/utf8-invalido", "/charset-falso", "/utf16-falso", "/binario", "/nul",
        "/larga", "/hostil", "/hostil-formula", "/afuera", ext.url + "destino", "/despues/",
    )  # fmt: skip
    home = page("Inicio", links=links)
    home.headers["Set-Cookie"] = "sesion=secreta-123; Path=/"
    html_type = {"Content-Type": "text/html"}
    routes: dict[str, Any] = {
        "/": home,
        "/robots.txt": Resource(f"User-agent: *\nAllow: /\nSitemap: {ext.url}sitemap.xml\n".encode(), headers=TEXT),
        "/sitemap.xml": Resource(
            (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{ext.url}mapa-externo</loc></url><url><loc>/solo-en-sitemap/</loc></url></urlset>"
            ).encode(),
            headers={"Content-Type": "application/xml"},
        ),
        "/solo-en-sitemap/": page("Sólo en el sitemap"),
        "/despues/": page("Después"),
        # server faults
        "/reset": reset_mid_body(),
        "/truncada": hang_up_early(),
        "/colgada": never_answer(),
        "/basura": garbage(),
        # traps
        "/grande": Resource(b"<html><body>" + b"<p>grande</p>" * (3 * 1024 * 1024 // 13) + b"</body></html>"),
        "/grande-sin-largo": stream(3 * 1024 * 1024),
        "/descargas/archivo.zip": big_file(50 * 1024 * 1024),
        "/bomba": Resource(gzip_bomb(256), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"}),
        "/bucle-a": Resource(b"", status=301, headers={"Location": "/bucle-b"}),
        "/bucle-b": Resource(b"", status=301, headers={"Location": "/bucle-a"}),
        "/afuera": Resource(b"", status=302, headers={"Location": ext.url + "redirigido"}),
        # bad content
        "/malformada": Resource(
            b"<html><head><title>Mal <b>formada</head><body><div><p>texto <a href='/x", headers=html_type
        ),
        "/truncado": Resource(
            b"<html><head><title>Truncado</title></head><body><main><p>Texto cortado en la mi", headers=html_type
        ),
        "/utf8-invalido": Resource(
            b"<html><head><meta charset='utf-8'><title>Secretar\xeda de Hacienda</title></head>"
            b"<body><main>A\xf1o fiscal \xff\xfe</main></body></html>",
            headers=html_type,
        ),
        "/charset-falso": Resource(
            "<html><head><meta charset='iso-8859-1'><title>Secretaría</title></head><body>Niñez</body></html>".encode(),
            headers=html_type,
        ),
        "/utf16-falso": Resource(
            "<html><head><meta charset='utf-16'><title>Alcaldía de Cajamarca</title></head><body>Niñez</body></html>".encode(),
            headers=html_type,
        ),
        "/binario": Resource(random.Random(7).randbytes(20_000), headers={"Content-Type": "text/html; charset=utf-8"}),
        "/nul": Resource(
            b"<html><head><title>Hola\x00Mundo</title></head><body><main>a\x00b</main></body></html>", headers=html_type
        ),
        "/larga": Resource.html(
            f"<html><head><title>{'T' * 100_000}</title></head><body><main>"
            f"<a href='{long_href}'>{'texto ' * 50_000}</a></main></body></html>"
        ),
        # hostile strings
        "/hostil": Resource.html(
            f"<html><head><title>{html.escape(XSS)}</title></head><body><main>{hostil}</main></body></html>"
        ),
        "/hostil-formula": Resource.html(
            f"<html><head><title>{html.escape(FORMULA)}</title></head><body><main>x</main></body></html>"
        ),
    }
    return FaultServer(routes, dynamic=dynamic).start()


HOSTILE_DEPS = """
[[dependencias]]
name = "../../fuera/<script>alert(1)</script>"
responsable = "=cmd|' /C calc'!A0"
match = ["/hostil"]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    ext = _external()
    site = _hostile_site(ext)
    folder = tmp_path_factory.mktemp("hostil")
    config = write_config(
        folder, site.url, extra="[links]\ntimeout = 1\n" + HOSTILE_DEPS,
        max_response_mb=1, timeout=1, max_depth=6, max_query_variants=5, max_pages=300,
    )  # fmt: skip
    try:
        result, peak_mb = crawl_with_peak_memory(config)
        report = report_json(config) if result.returncode == 0 else {"pages": [], "links": []}
        yield SimpleNamespace(
            site=site, ext=ext, config=config, db=folder / "gelt.db", result=result, peak_mb=peak_mb,
            report=report, pages=by_url(report, site.url.rstrip("/")), log=log_text(config),
        )  # fmt: skip
    finally:
        site.stop()
        ext.stop()


def site_requests(hostile, prefix: str) -> list[tuple[str, str, dict]]:
    return [r for r in hostile.site.requests if r[1].startswith(prefix)]


# -- server faults -------------------------------------------------------------------------------------
def test_hostile_site_is_crawled_to_the_end_in_bounded_memory(hostile):
    result = hostile.result
    assert result.returncode == 0, result.stderr[-3000:] + hostile.log[-3000:]
    no_traceback(result)
    assert crawl_statuses(hostile.db) == ["finished"]
    # pages linked after every fault and trap were still crawled
    assert hostile.pages["/despues/"]["title"] == "Después"
    assert hostile.pages["/solo-en-sitemap/"]["title"] == "Sólo en el sitemap"
    # a 256 MiB gzip bomb, 3 MiB pages and a 50 MiB file: the crawl process stays small
    assert 0 < hostile.peak_mb < 250, hostile.peak_mb


def test_flapping_5xx_is_retried_and_recorded_once(hostile):
    assert hostile.pages["/inestable/"]["status"] == 200
    assert hostile.pages["/inestable/"]["title"] == "Inestable"
    assert len(site_requests(hostile, "/inestable/")) >= 2


def test_reset_truncated_silent_and_garbage_responses_are_errors_with_a_reason(hostile):
    pages = hostile.pages
    for path in ("/reset", "/truncada"):
        assert pages[path]["status"] == 0 and "se cortó" in pages[path]["error"], pages[path]
    assert "no respondió a tiempo" in pages["/colgada"]["error"]
    assert pages["/basura"]["status"] == 0 and pages["/basura"]["error"]
    assert all(pages[p]["kind"] == "error" for p in ("/reset", "/truncada", "/colgada", "/basura"))


# -- crawler traps ---------------------------------------------------------------------------------------
def test_big_responses_are_cut_at_the_size_limit(hostile):
    for path in ("/grande", "/grande-sin-largo"):  # with and without Content-Length
        assert hostile.pages[path]["status"] == 0
        assert "tamaño máximo" in hostile.pages[path]["error"], hostile.pages[path]
    # a 50 MiB document is only asked for its headers
    assert {m for m, _, _ in site_requests(hostile, "/descargas/")} == {"HEAD"}
    [(size, status)] = rows(
        hostile.db,
        "select s.size, s.status from snapshots s join pages p on p.id = s.page_id where p.url like '%/archivo.zip'",
    )
    assert (size, status) == (50 * 1024 * 1024, 200)


def test_gzip_bomb_page_is_recorded_as_too_big(hostile):
    bomb = hostile.pages.get("/bomba")
    assert bomb is not None, "la bomba gzip no quedó registrada"
    assert bomb["status"] == 0 and "tamaño máximo" in bomb["error"]


def test_endless_paths_queries_and_session_ids_are_bounded_and_logged(hostile):
    urls = list(hostile.pages)
    pagination = [u for u in urls if u.startswith("/paginas/")]
    assert 1 <= len(pagination) <= 6  # max_depth
    assert len([u for u in urls if u.startswith("/agenda/")]) == 5  # max_query_variants
    assert [u for u in urls if u.startswith("/sesion/")] == ["/sesion/"]
    assert not [u for u in urls if "sessid" in u.lower() or "jsessionid" in u.lower()]
    assert "gelt/too_deep" in hostile.log and "gelt/query_variants_skipped" in hostile.log


def test_redirect_loop_ends_and_is_reported_broken(hostile):
    assert hostile.pages["/bucle-a"]["kind"] == hostile.pages["/bucle-b"]["kind"] == "redirect"
    assert len(site_requests(hostile, "/bucle-a")) == 1
    links = {link["url"]: link for link in hostile.report["links"]}
    loop = links[hostile.site.url + "bucle-a"]
    assert loop["state"] == "broken" and "bucle" in loop["error"]


def test_endless_redirect_chain_is_cut_after_a_few_hops(serve, config_for):
    def chain(path: str) -> Resource | None:
        if path.startswith("/cadena/"):
            n = int(path.split("/")[2])
            return Resource(b"", status=302, headers={"Location": f"/cadena/{n + 1}"})
        return None

    site = serve({"/": page("Inicio", links=("/cadena/1", "/otra/")), "/otra/": page("Otra")}, dynamic=chain)
    config = config_for(site.url, max_pages=60)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    hops = [p for _, p, _ in site.requests if p.startswith("/cadena/")]
    assert len(hops) <= 10, f"{len(hops)} redirecciones seguidas"
    [(limited,)] = rows(config.parent / "gelt.db", "select limited from crawls")
    assert limited == 0  # the chain did not eat the page budget


def test_gzip_bomb_sitemap_is_bounded(serve, config_for):
    bomb = gzip_bomb(128)  # 128 KiB that become 128 MiB
    site = serve({"/": page("Inicio"), "/sitemap.xml": Resource(bomb, headers={"Content-Type": "application/x-gzip"})})
    config = config_for(site.url, max_response_mb=1)
    result, peak_mb = crawl_with_peak_memory(config)
    assert result.returncode == 0, result.stderr
    assert peak_mb < 180, f"{peak_mb} MiB para un sitemap de {len(bomb) // 1024} KiB"


# -- bad content ---------------------------------------------------------------------------------------------
def test_bad_content_gives_best_effort_text(hostile):
    pages = hostile.pages
    for path in ("/malformada", "/truncado", "/utf8-invalido", "/charset-falso", "/binario", "/nul", "/larga"):
        assert pages[path]["status"] == 200 and pages[path]["kind"] == "page", pages[path]
    assert pages["/malformada"]["title"].startswith("Mal")
    assert pages["/truncado"]["title"] == "Truncado"
    assert pages["/utf8-invalido"]["title"] == "Secretaría de Hacienda"  # declared UTF-8, really Windows-1252
    assert pages["/charset-falso"]["title"].startswith("Secretar")  # declared Latin-1, really UTF-8: as a browser
    assert pages["/nul"]["title"] == "HolaMundo"
    assert len(pages["/larga"]["title"]) <= 500
    with Store(hostile.db) as store:
        texts = {t for (h,) in rows(hostile.db, "select hash from bodies") if (t := store.main_text(h))}
    assert any("Texto cortado en la mi" in t for t in texts)
    assert any("Año fiscal" in t for t in texts)
    assert not any("\x00" in t for t in texts)


def test_extremely_long_urls_and_link_texts_are_bounded(hostile):
    [(longest_text,)] = rows(hostile.db, "select max(length(text)) from links")
    assert longest_text <= 300
    assert max(len(p) for _, p, _ in hostile.site.requests) <= 2083  # the 10 KB URL is never requested
    assert "url length" in hostile.log  # …and the log says why


def test_meta_utf16_without_bom_is_read_as_utf8(hostile):
    assert hostile.pages["/utf16-falso"]["title"] == "Alcaldía de Cajamarca"


def test_unparsable_urls_inside_a_page_break_neither_crawl_nor_report(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/base-rota", "/formulario-roto")),
            "/base-rota": Resource.html(
                "<html><head><base href='http://[z'><title>Base rota</title></head><body><a href='/x'>x</a></body></html>"
            ),
            "/formulario-roto": page(
                "Formulario roto", body="<form action='http://[x'><input type='password' name='clave'></form>"
            ),
        }
    )
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    report = run_cli("report", "--format", "json", "--config", str(config))
    no_traceback(report)
    assert report.returncode == 0, report.stderr
    titles = {p["title"] for p in json.loads(report.stdout)["pages"]}
    assert {"Base rota", "Formulario roto"} <= titles


@settings(max_examples=150, deadline=None)
@given(body=st.binary(max_size=3000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass")),
       content_type=st.sampled_from(["text/html", "text/html; charset=utf-8", "text/html; charset=utf-16",
                                     "text/html; charset=bogus", "application/octet-stream", ""]))  # fmt: skip
@example(body=b"<html><head><title>\x00\xff\xfe</title></head><body>\x00</body></html>", content_type="text/html")
@example(body=b"\xef\xbb\xbf<?xml version='1.0'?><html/>", content_type="text/html")
@example(body=b"<a href='http://[::1'>x</a><a href='http://a:99999/'>y</a>", content_type="")
def test_fuzzed_bytes_never_crash_the_page_parser(body, content_type):
    from gelt_audit.decoding import decode_html
    from gelt_audit.markup import extract

    text, encoding = decode_html(body, content_type)
    assert isinstance(text, str) and encoding and "\x00" not in text
    info = extract(text, "http://127.0.0.1:8000/pagina")
    assert len(info.title) <= 500 and all(len(link.text) <= 300 for link in info.links)


# -- site-level faults: history is kept, the report says the site was down ---------------------------------
def small_site(pages: int = 6) -> dict[str, Resource]:
    routes = {"/": page("Inicio", links=tuple(f"/s{i}/" for i in range(pages)))}
    for i in range(pages):
        routes[f"/s{i}/"] = page(f"Sección {i}", links=(f"/s{i}/a/", f"/s{i}/b/"))
        routes[f"/s{i}/a/"] = page(f"Página {i}a")
        routes[f"/s{i}/b/"] = page(f"Página {i}b")
    return routes


def assert_down_and_history_kept(config: Path, result: subprocess.CompletedProcess, first: int) -> dict:
    """After a crawl of a site that went down: what must hold, whatever the cause."""
    db = config.parent / "gelt.db"
    no_traceback(result)
    assert result.returncode in (3, 4), result.stderr
    assert integrity(db) == "ok"
    assert latest_finished(db) == first
    [(status, error)] = rows(db, "select status, error from crawls where id > ?", (first,))
    assert status == "failed" and error, (status, error)
    report = report_json(config)
    assert report["crawl"]["id"] == first  # the last good crawl, untouched
    assert len(report["pages"]) > 1
    assert not [c for c in report["changes"] if c["kind"] == "removed"]
    assert error in json.dumps(report, ensure_ascii=False)  # the report says the last crawl failed, and why
    return report


def test_site_down_after_a_good_crawl_keeps_history_and_the_report_says_so(serve, config_for):
    site = serve(small_site())
    config = config_for(site.url, timeout=2)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    with site_down(site):  # connection refused from now on
        result = run_cli("crawl", "--config", str(config))
    assert "no respondió" in result.stderr
    report = assert_down_and_history_kept(config, result, 1)
    assert report["last_attempt"]["id"] == 2


def test_home_page_answering_5xx_is_site_down_not_a_site_wiped(serve, config_for):
    state = {"down": False}
    site = serve(
        small_site(),
        dynamic=lambda path: (
            Resource(b"Mantenimiento", status=503, headers=TEXT) if state["down"] and path == "/" else None
        ),
    )
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    state["down"] = True
    result = run_cli("crawl", "--config", str(config))
    assert_down_and_history_kept(config, result, 1)


def test_home_page_redirecting_in_a_loop_within_the_site_is_nothing_seen_not_a_site_emptied(serve, config_for):
    # «/» → «/inicio» → «/»: Scrapy ends the crawl «finished» with no page of the site answered; after a good
    # crawl the lost pages made it «sospechoso», which named the wrong cause (maintenance, robots.txt)
    state = {"loop": False}
    loop = {"/": "/inicio", "/inicio": "/"}
    site = serve(
        small_site(),
        dynamic=lambda path: (
            Resource(b"", status=301, headers={"Location": loop[path]}) if state["loop"] and path in loop else None
        ),
    )
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    state["loop"] = True
    result = run_cli("crawl", "--config", str(config))
    assert "ninguna página del sitio respondió con contenido" in result.stderr, result.stderr
    assert_down_and_history_kept(config, result, 1)


def test_a_first_crawl_whose_home_page_redirects_in_a_loop_is_no_view_of_the_site(serve, config_for):
    # with no crawl before it, nothing called it suspect: it was «finished» and every report judged an
    # empty site (every checklist item «no se encontró en el sitio rastreado»)
    loop = {"/": "/inicio", "/inicio": "/"}
    site = serve(
        small_site(),
        dynamic=lambda path: Resource(b"", status=302, headers={"Location": loop[path]}) if path in loop else None,
    )
    config = config_for(site.url)
    result = run_cli("crawl", "--config", str(config))
    no_traceback(result)
    assert result.returncode != 0 and "ninguna página del sitio respondió con contenido" in result.stderr, result.stderr
    [(status, error)] = rows(config.parent / "gelt.db", "select status, error from crawls")
    assert status == "failed" and "bucle de redirecciones" in error, (status, error)
    report = run_cli("report", "--format", "json", "--config", str(config))
    assert report.returncode == 7 and "Todavía no hay un rastreo terminado" in report.stderr, report.stderr


def test_site_that_stops_answering_half_way_is_marked_failed_not_emptied(config_for):
    answered = {"n": 0}
    lock = threading.Lock()
    holder: dict[str, FaultServer] = {}

    def dying(path: str) -> Any:
        if path in ("/robots.txt", "/sitemap.xml"):
            return None
        with lock:
            answered["n"] += 1
            if answered["n"] == limit["n"] + 1:
                threading.Thread(target=holder["site"].stop, daemon=True).start()
        return never_answer() if answered["n"] > limit["n"] else None

    limit = {"n": 10**9}
    site = holder["site"] = FaultServer(small_site(), dynamic=dying).start()
    try:
        config = config_for(site.url, timeout=2, concurrency=2)
        assert run_cli("crawl", "--config", str(config)).returncode == 0
        answered["n"], limit["n"] = 0, 3  # the home page and two more, then the server is gone
        result = run_cli("crawl", "--config", str(config))
        assert_down_and_history_kept(config, result, 1)
    finally:
        site.stop()


def test_dns_failure_of_the_site_is_reported_as_site_down(tmp_path):
    # A host label over 63 characters cannot be resolved: the failure happens on this machine,
    # no query leaves it.
    config = write_config(tmp_path, "http://" + "a" * 70 + ".gelt-prueba.invalid/", timeout=2)
    result = run_cli("crawl", "--config", str(config))
    no_traceback(result)
    assert result.returncode == 3, result.stderr
    assert "no respondió" in result.stderr and "DNS" in result.stderr
    [(status, error)] = rows(tmp_path / "gelt.db", "select status, error from crawls")
    assert status == "failed" and "DNS" in error
    report = run_cli("report", "--format", "json", "--config", str(config))
    assert report.returncode == 7 and "Todavía no hay un rastreo terminado" in report.stderr
    no_traceback(report)


# -- process faults -------------------------------------------------------------------------------------------
WRITE_BATCH = ("return", "_insert", "write_batch")  # inside the crawl's store transaction


def test_sigkill_inside_a_store_transaction_of_a_crawl_leaves_nothing_half_written(serve, config_for):
    routes = small_site()
    site = serve(routes)
    config = config_for(site.url)
    db = config.parent / "gelt.db"
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    before = report_json(config)
    for res in routes.values():
        res.body += b"<!-- v2 -->"
    killed = gelt_killed_at(WRITE_BATCH, "crawl", "--config", str(config))
    assert killed.returncode == -9, killed.stderr[-2000:]
    assert integrity(db) == "ok"
    assert crawl_statuses(db) == ["finished", "running"]
    assert rows(db, "select count(*) from snapshots where crawl_id = 2") == [(0,)]  # the batch is all or nothing
    assert report_json(config)["crawl"] == before["crawl"]  # reports still use the last finished crawl
    again = run_cli("crawl", "--config", str(config))
    assert again.returncode == 0, again.stderr
    assert crawl_statuses(db) == ["finished", "interrupted", "finished"]
    assert integrity(db) == "ok"


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """A store with one finished crawl and today's weekly report, to copy for each kill."""
    site = SiteServer(small_site(8)).start()
    folder = tmp_path_factory.mktemp("informado")
    config = write_config(folder, site.url)
    try:
        first = run_cli("run", "--reports", "weekly", "--config", str(config))
        assert first.returncode == 0, first.stderr + log_text(config)[-3000:]
        out = run_cli("report", "--format", "json", "--output", str(folder / "informes" / "actual.json"),
                      "--config", str(config))  # fmt: skip
        assert out.returncode == 0, out.stderr
    finally:
        site.stop()
    return folder


KILL_POINTS = {
    "auditorías": (("call", "audit_links", ""), "run"),
    "informe: temporal escrito, sin renombrar": (("event", "os.rename", ".tmp"), "run"),
    "informe: escritura en el almacén": (("return", "insert_all", "gelt_audit/reports/"), "run"),
    "report --output: temporal sin renombrar": (("event", "os.rename", ".tmp"), "report"),
}


def _copy(reported: Path, tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "copia"
    shutil.copytree(reported, folder)
    return folder / "gelt.toml", folder / "gelt.db"


def _argv(verb: str, config: Path) -> list[str]:
    if verb == "run":
        return ["run", "--no-crawl", "--reports", "weekly", "--config", str(config)]
    return ["report", "--format", "json", "--output", str(config.parent / "informes" / "actual.json"),
            "--config", str(config)]  # fmt: skip


@pytest.mark.parametrize("where", list(KILL_POINTS))
def test_sigkill_during_audits_and_report_writing_loses_nothing(reported, tmp_path, where):
    point, verb = KILL_POINTS[where]
    config, db = _copy(reported, tmp_path)
    folder = config.parent / "informes"
    before = report_files(folder)
    runs_before = rows(db, "select id, result from runs order by id")
    killed = gelt_killed_at(point, *_argv(verb, config))
    assert killed.returncode == -9, f"no se llegó al punto {point}: {killed.returncode} {killed.stderr[-2000:]}"
    assert integrity(db) == "ok"
    assert crawl_statuses(db) == ["finished"]
    assert report_files(folder) == before  # the previous reports, byte for byte
    if verb == "run":
        assert rows(db, "select result from runs order by id")[-1] == ("running",)
    # the next run recovers by itself
    again = run_cli(*_argv(verb, config))
    assert again.returncode == 0, again.stderr
    no_traceback(again)
    assert integrity(db) == "ok"
    if verb == "run":
        results = [r for (_, r) in rows(db, "select id, result from runs order by id")]
        assert results == [r for _, r in runs_before] + ["interrupted", "ok"]
    for name in report_files(folder):
        assert_whole(folder / name)
    assert set(report_files(folder)) >= set(before)


def test_report_temporaries_left_by_a_killed_run_are_cleaned_by_the_next(reported, tmp_path):
    config, _ = _copy(reported, tmp_path)
    assert gelt_killed_at(("event", "os.rename", ".tmp"), *_argv("run", config)).returncode == -9
    assert run_cli(*_argv("run", config)).returncode == 0
    left = [p.name for p in (config.parent / "informes").iterdir() if p.name.startswith(".")]
    assert left == []


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MiB tmpfs mounted for the test (root only), unmounted at the end."""
    where = tmp_path / "disco"
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0755", "tmpfs", str(where)],
                             capture_output=True, text=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"no se puede montar un tmpfs aquí ({mounted.stderr.strip()}); el disco lleno no se prueba")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], capture_output=True)
        if os.path.ismount(where):
            subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path, leave_kib: int = 0) -> Path:
    """Fill the small filesystem, then give back ``leave_kib`` KiB."""
    filler = disk / "relleno"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    if leave_kib:
        os.truncate(filler, max(0, filler.stat().st_size - leave_kib * 1024))
    return filler


def disk_site(serve, disk: Path) -> tuple[dict[str, Resource], Path]:
    """A site crawled once onto ``disk``, whose pages then change (incompressible: the next crawl must write)."""
    routes = small_site(4)
    site = serve(routes)
    config = write_config(disk, site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    for res in routes.values():
        res.body += random.randbytes(30_000).hex().encode()
    return routes, config


def test_full_disk_fails_cleanly_keeps_the_store_and_report_and_recovers(serve, small_disk):
    _, config = disk_site(serve, small_disk)
    db = small_disk / "gelt.db"
    output = small_disk / "informes" / "informe.json"
    assert run_cli("report", "--format", "json", "--output", str(output), "--config", str(config)).returncode == 0
    previous = output.read_bytes()
    filler = fill(small_disk)
    for args in (("crawl",), ("report", "--format", "json", "--output", str(output))):
        result = run_cli(*args, "--config", str(config))
        assert result.returncode != 0 and result.stderr.strip()
        no_traceback(result)
    assert output.read_bytes() == previous  # the previous report, byte for byte
    assert not [p for p in output.parent.iterdir() if p.name.startswith(".")]  # no half-written temporary

    filler.unlink()  # space again: the next run recovers by itself
    assert integrity(db) == "ok"
    assert latest_finished(db) == 1
    again = run_cli("crawl", "--config", str(config))
    assert again.returncode == 0, again.stderr
    assert crawl_statuses(db)[-1] == "finished" and integrity(db) == "ok"
    assert run_cli("report", "--format", "json", "--output", str(output), "--config", str(config)).returncode == 0
    assert json.loads(output.read_text(encoding="utf-8"))["crawl"]["id"] == latest_finished(db)


def test_disk_filling_up_during_a_crawl_never_masks_the_last_good_crawl(serve, small_disk):
    _, config = disk_site(serve, small_disk)
    db = small_disk / "gelt.db"
    filler = fill(small_disk, leave_kib=160)  # room for the lock and the log, not for the new pages
    result = run_cli("crawl", "--config", str(config))
    filler.unlink()
    assert integrity(db) == "ok"
    statuses = crawl_statuses(db)
    assert latest_finished(db) == 1, statuses
    assert result.returncode != 0
    assert report_json(config)["crawl"]["id"] == 1
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    statuses = crawl_statuses(db)
    assert statuses[-1] == "finished" and set(statuses[1:-1]) <= {"failed", "interrupted"}, statuses


def test_full_disk_errors_are_one_clear_spanish_line(serve, small_disk):
    _, config = disk_site(serve, small_disk)
    filler = fill(small_disk, leave_kib=160)
    filling = run_cli("crawl", "--config", str(config))
    assert "Traceback" not in filling.stderr and "Logging error" not in filling.stderr, filling.stderr[-2000:]
    filler.unlink()
    fill(small_disk)
    full = run_cli("crawl", "--config", str(config))
    assert full.returncode != 0
    assert re.search(r"espacio|disco", full.stderr), full.stderr


# -- security: escaping ------------------------------------------------------------------------------------------
def test_hostile_strings_reach_the_json_report_exactly(hostile):
    pages = hostile.pages
    assert pages["/hostil"]["title"] == XSS
    assert pages["/hostil-formula"]["title"] == FORMULA
    texts = {o.get("text") for link in hostile.report["links"] for o in link.get("occurrences") or []}
    assert set(BAD_TEXTS) <= texts
    # URLs reach it as the crawler requested them (percent-encoded like a Scrapy Request), not as HTML
    requested = normalise_url("http://x" + BAD_URL_PATH).removeprefix("http://x")
    assert requested != BAD_URL_PATH and "<" not in requested
    assert any(link["url"].endswith(requested) for link in hostile.report["links"])


def _write_reports(hostile) -> list[Path]:
    try:
        from gelt_audit.reports.write import write_reports
    except ImportError as exc:
        pytest.skip(f"gelt_audit.reports.write no existe todavía ({exc}): HTML y CSV no se prueban")
    return [Path(p) for p in write_reports(load_config(hostile.config), ["weekly"])]


def test_html_and_csv_reports_neutralise_crawled_strings(hostile):
    paths = _write_reports(hostile)
    htmls = [p for p in paths if p.suffix == ".html"]
    csvs = [p for p in paths if p.suffix == ".csv"]
    assert htmls and csvs
    for path in htmls:
        text = path.read_text(encoding="utf-8")
        root = lxml.html.document_fromstring(text)
        assert not root.xpath("//script[contains(., 'alert')]")
        assert not root.xpath("//@*[starts-with(name(), 'on')]"), "atributo de evento en el informe"
        assert not root.xpath("//svg[@onload] | //img[@onerror]")
        assert "<script>alert" not in text and "<img src=x" not in text
    shown = " ".join(lxml.html.document_fromstring(p.read_text(encoding="utf-8")).text_content() for p in htmls)
    assert '<script>alert("xss")</script>' in shown or '<script>alert("enlace")</script>' in shown  # as text
    cells = []
    for path in csvs:
        cells += [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for cell in row]
    assert cells
    bad = [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert bad == [], bad
    assert any(cell.lstrip("'").startswith(("=HYPERLINK", "@SUM", "+1-1", "-2+3", "=cmd")) for cell in cells)


def test_diffs_of_hostile_changes_are_escaped_in_html_and_csv(serve, config_for):
    hostile_text = '=1+2 <script>alert("diff")</script> <img src=x onerror=alert(2)>'
    routes = {"/": page("Inicio", links=("/aviso/",)), "/aviso/": page("Aviso", body="<p>Texto original del aviso</p>")}
    site = serve(routes)
    config = config_for(site.url)
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    routes["/aviso/"] = page("Aviso", body=f"<p>{html.escape(hostile_text)}</p>")
    assert run_cli("crawl", "--config", str(config)).returncode == 0
    [change] = [c for c in report_json(config)["changes"] if c["url"].endswith("/aviso/")]
    assert change["kind"] == "modified"
    assert ["insert", hostile_text] in change["diff"]  # JSON: the text itself
    paths = _write_reports(SimpleNamespace(config=config))
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".html":
            assert "<script>alert" not in text and "<img src=x" not in text
            root = lxml.html.document_fromstring(text)
            assert not root.xpath("//@*[starts-with(name(), 'on')]")
            assert 'alert("diff")' in root.text_content()  # shown, as text
        elif path.suffix == ".csv":
            cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
            assert not [c for c in cells if c.startswith(FORMULA_START)], path.name


def test_report_files_stay_in_the_reports_folder_and_keep_other_users_out(hostile):
    before = {p for p in hostile.config.parent.parent.rglob("*")}
    paths = _write_reports(hostile)
    folder = load_config(hostile.config).reports_dir.resolve()
    for path in paths:
        assert path.resolve().parent == folder, path
        assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*", path.name), path.name
        assert stat.S_IMODE(path.stat().st_mode) & 0o007 == 0, oct(path.stat().st_mode)
    created = {p for p in hostile.config.parent.parent.rglob("*")} - before
    outside = [p for p in created if folder not in p.resolve().parents and p.resolve() != folder
               and not p.name.startswith("gelt.")]  # fmt: skip
    assert outside == []
    lock = hostile.config.parent / "gelt.db.lock"
    if lock.exists():
        assert stat.S_IMODE(lock.stat().st_mode) & 0o007 == 0


def test_report_mail_carries_no_markup_from_pages(hostile):
    from tests.test_delivery import smtp_server

    with smtp_server() as (controller, sink):
        mail = hostile.config.parent / "gelt-correo.toml"
        mail.write_text(
            hostile.config.read_text(encoding="utf-8")
            + f'\n[email]\nhost = "127.0.0.1"\nport = {controller.port}\nstarttls = false\n'
            'sender = "gelt-audit@prueba.gov.co"\nto = ["responsable@prueba.gov.co"]\n',
            encoding="utf-8",
        )
        result = run_cli("run", "--no-crawl", "--reports", "weekly", "--config", str(mail))
        assert result.returncode == 0, result.stderr
        [msg] = sink.messages
    assert "\n" not in msg["Subject"] and msg["Bcc"] is None
    body = msg.get_body(("html",)).get_content()
    assert "<script>alert" not in body and "<img src=x" not in body and "<svg onload" not in body
    root = lxml.html.document_fromstring(body)
    assert not root.xpath("//@*[starts-with(name(), 'on')]")
    for part in msg.iter_attachments():
        if part.get_filename().endswith(".csv"):
            text = part.get_payload(decode=True).decode("utf-8-sig")
            cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
            assert not [c for c in cells if c.startswith(FORMULA_START)]


# -- security: never leave the site, never reach private addresses, no cookies across hosts ----------------------
def test_crawler_stays_on_site_and_sends_no_cookies_referer_or_credentials(hostile):
    ext_paths = {(m, p) for m, p, _ in hostile.ext.requests}
    assert {p for _, p in ext_paths} <= {"/destino", "/redirigido"}, ext_paths  # checked, never crawled
    assert {m for m, _ in ext_paths} <= {"HEAD", "GET"}
    for _, _, headers in hostile.ext.requests:
        lower = {k.lower() for k in headers}
        assert not lower & {"cookie", "authorization", "referer"}, headers
    assert not [h for _, _, h in hostile.site.requests if "cookie" in {k.lower() for k in h}]  # cookie never echoed
    assert "/destino" not in {p for _, p, _ in hostile.site.requests}


def test_private_addresses_are_never_reached_when_the_guard_is_on(serve, config_for):
    ext = serve({"/": page("Interno"), "/x": page("X"), "/sitemap.xml": Resource(b"<urlset/>")})
    port = ext.port
    aliases = [f"http://127.0.0.1:{port}/x", f"http://localhost:{port}/x", f"http://127.1:{port}/x",
               f"http://2130706433:{port}/x", f"http://0x7f.1:{port}/x", f"http://[::ffff:127.0.0.1]:{port}/x"]  # fmt: skip
    hostname = socket.gethostname()
    try:
        if socket.gethostbyname(hostname).startswith("127."):
            aliases.append(f"http://{hostname}:{port}/x")  # resolved through /etc/hosts: the DNS path
    except OSError:
        pass
    site = serve(
        {
            "/": page("Inicio", links=(*aliases, "/afuera")),
            "/afuera": Resource(b"", status=302, headers={"Location": f"http://127.1:{port}/redirigido"}),
            "/sitemap.xml": Resource(b"", status=301, headers={"Location": f"http://127.0.0.1:{port}/sitemap.xml"}),
            "/robots.txt": Resource(f"Sitemap: http://127.0.0.1:{port}/sitemap.xml\n".encode(), headers=TEXT),
        }
    )
    config = config_for(site.url, extra='[links]\nprivate_addresses = "block"\ntimeout = 1\n')
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert ext.requests == []
    links = {link["url"]: link for link in report_json(config)["links"]}
    # each alias as the crawler requests it (w3lib >= 2.6 writes 127.1, 2130706433 and 0x7f.1 as
    # 127.0.0.1, as a browser does: those three are then the first alias's link)
    for url in {normalise_url(alias) for alias in aliases}:
        assert links[url]["state"] == "skipped" and "seguridad" in links[url]["error"], links[url]


# The crawl's first lookup of «127.1» fails (no answer, or none within DNS_TIMEOUT, on a loaded
# machine); every later one answers 127.0.0.1, as the resolver does.
# A name for the server on 127.0.0.1 that no URL parser rewrites (w3lib >= 2.6 writes «127.1» as
# 127.0.0.1, which the guard refuses before any lookup): its first lookup fails, the next ones answer
# 127.0.0.1, as a flaky resolver or a DNS answer that changes between two lookups would
FLAKY_NAME = "sede-interna.alcaldia-ejemplo.co"
FIRST_LOOKUP_FAILS = f"""
from twisted.internet import defer, error
import scrapy.resolver

_lookup = scrapy.resolver.CachingThreadedResolver.getHostByName
_failed = []

def getHostByName(self, name, timeout=()):
    if name != {FLAKY_NAME!r}:
        return _lookup(self, name, timeout)
    if not _failed:
        _failed.append(name)
        return defer.fail(error.DNSLookupError(f"address {{name!r}} not found: timeout error"))
    return defer.succeed("127.0.0.1")

scrapy.resolver.CachingThreadedResolver.getHostByName = getHostByName
"""


def test_a_lookup_the_guard_could_not_make_is_never_made_again_unguarded(serve, config_for, tmp_path):
    ext = serve({"/x": page("X")})
    url = f"http://{FLAKY_NAME}:{ext.port}/x"
    site = serve({"/": page("Inicio", links=(url,)), "/sitemap.xml": Resource(b"<urlset/>")})
    config = config_for(site.url, extra='[links]\nprivate_addresses = "block"\ntimeout = 1\n')
    folder = tmp_path / "dns"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(FIRST_LOOKUP_FAILS, encoding="utf-8")
    result = run_cli("crawl", "--config", str(config), env={"PYTHONPATH": str(folder)})
    assert result.returncode == 0, result.stderr
    assert ext.requests == []  # the download did not look the name up again and connect
    link = {link["url"]: link for link in report_json(config)["links"]}[url]
    # what the failed lookup says, never the private server's answer
    assert link["state"] == "unverified" and "DNS" in link["error"], link


def test_store_file_keeps_other_users_out(tmp_path):
    db = tmp_path / "gelt.db"
    with Store(db) as store:
        store.start_crawl("http://127.0.0.1:9/")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir() if p.name.startswith("gelt.db")}
    assert modes["gelt.db"] & 0o077 == 0, modes


def test_new_store_wal_and_shm_files_keep_other_users_out(tmp_path):
    db = tmp_path / "gelt.db"
    with Store(db) as store:
        store.start_crawl("http://127.0.0.1:9/")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir() if p.name.startswith("gelt.db")}
    assert {"gelt.db-wal", "gelt.db-shm"} <= set(modes)
    assert all(mode & 0o077 == 0 for mode in modes.values()), {k: oct(v) for k, v in modes.items()}


def test_smtp_password_only_from_the_environment_and_never_written(hostile):
    from tests.test_delivery import smtp_server

    bad = hostile.config.parent / "gelt-clave.toml"
    bad.write_text(hostile.config.read_text(encoding="utf-8") + '\n[email]\npassword = "x"\n', encoding="utf-8")
    refused = run_cli("status", "--config", str(bad))
    assert refused.returncode == 2 and "password_env" in refused.stderr
    secret = "clave-equivocada-7731"
    with smtp_server(auth=True) as (controller, sink):
        mail = hostile.config.parent / "gelt-auth.toml"
        mail.write_text(
            hostile.config.read_text(encoding="utf-8")
            + f'\n[email]\nhost = "127.0.0.1"\nport = {controller.port}\nstarttls = false\nusername = "gelt"\n'
            'password_env = "GELT_PRUEBA_CLAVE"\nsender = "gelt@prueba.gov.co"\nto = ["r@prueba.gov.co"]\n',
            encoding="utf-8",
        )
        result = run_cli("run", "--no-crawl", "--reports", "weekly", "--config", str(mail),
                         env={"GELT_PRUEBA_CLAVE": secret})  # fmt: skip
        assert sink.logins and sink.logins[-1][1] == secret  # it was used…
    assert result.returncode == 5, result.stderr
    written = [
        result.stdout,
        result.stderr,
        log_text(hostile.config),
        json.dumps(rows(hostile.db, "select * from runs")),
    ]
    written += [p.read_text(encoding="utf-8", errors="replace") for p in (hostile.config.parent / "informes").iterdir()
                if p.is_file()]  # fmt: skip
    assert not [w for w in written if secret in w]  # …and never written anywhere


# -- bad command lines (hypothesis) ------------------------------------------------------------------------------
def call_main(argv: list[str]) -> tuple[int, str, str]:
    """`gelt_audit.cli.main(argv)` in this process: (exit code, stdout, stderr)."""
    from gelt_audit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entradas")
    (folder / "malo.toml").write_text('[site]\nurl = "http://127.0.0.1:9/"\nmax_pagez = 3\n', encoding="utf-8")
    (folder / "binario.toml").write_bytes(b"\xff\xfe[site]\x00\x81")
    (folder / "carpeta.toml").mkdir()
    cwd = folder / "vacio"
    cwd.mkdir()
    return SimpleNamespace(folder=folder, cwd=cwd, paths=[
        str(folder / "malo.toml"), str(folder / "binario.toml"), str(folder / "carpeta.toml"),
        str(folder / "no-existe.toml"), str(folder / ("x" * 300) / "gelt.toml"), "", "-", "gelt.toml",
    ])  # fmt: skip


VERBS = ["init", "crawl", "audit", "report", "history", "diff", "ack", "demo", "run", "schedule", "status", "rastrear"]
OPTIONS = ["--config", "--url", "--name", "--format", "--output", "--from", "--to", "--reason", "--until", "--page",
           "--dir", "--serve", "--reports", "--no-crawl", "--help", "-h", "--version", "--formato", "-x", "--", "-"]  # fmt: skip
VALUES = ["json", "html", "csv", "xml", "weekly", "all", "due", "2026-13-45", "ayer", "2026-11-24",
          "http://127.0.0.1:9/", "https://[::1", "ñandú", "../../etc/passwd", "é" * 3000, "--config=", "-1"]  # fmt: skip
HELP = {"--help", "-h", "--version"}
token = st.one_of(st.sampled_from(VERBS), st.sampled_from(OPTIONS), st.sampled_from(VALUES),
                  st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20))  # fmt: skip


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_command_lines_exit_2_with_a_message_never_a_traceback(bad_inputs, monkeypatch, data):
    monkeypatch.chdir(bad_inputs.cwd)  # no gelt.toml here: every command meets a bad or missing config
    verb = data.draw(st.sampled_from(VERBS))
    rest = data.draw(st.lists(st.one_of(token, st.sampled_from(bad_inputs.paths)), max_size=7))
    argv = [verb, *rest]
    if "--config" in argv and data.draw(st.booleans()):
        argv += ["--config", data.draw(st.sampled_from(bad_inputs.paths))]
    if "demo" in argv:
        argv.append("--opcion-que-no-existe")  # `demo` would really serve and crawl
    if "init" in argv:
        argv += ["--config", bad_inputs.paths[0]]  # `init` refuses an existing file; it never fetches here
    code, out, err = call_main(argv)
    assert "Traceback" not in err + out
    if HELP & set(argv):
        assert code in (0, 2)
    else:
        assert code == 2, (argv, code, err)
        assert err.strip(), argv  # a message for a person
    assert sorted(p.name for p in bad_inputs.cwd.iterdir()) == []  # nothing written


ENGLISH = ("usage:", "unrecognized arguments", "invalid choice", "the following arguments are required",
           "expected one argument", "ambiguous option", "choose from")  # fmt: skip


def test_command_line_errors_are_in_spanish():
    for argv in (["rastrear"], ["crawl", "--bogus"], ["init"], ["report", "--format", "xml"], ["ack", "x"],
                 ["crawl", "--config"], []):  # fmt: skip
        code, out, err = call_main(argv)
        assert code == 2, argv
        english = [w for w in ENGLISH if w in (err + out).lower()]
        assert not english, (argv, err)


def test_invalid_utf8_in_command_line_and_config_path_gives_a_clear_message(tmp_path):
    bad = os.fsdecode(b"/tmp/gelt-\xff\xfe.toml")
    result = subprocess.run([sys.executable, "-m", "gelt_audit", "crawl", "--config", bad],
                            capture_output=True, text=True, errors="replace", timeout=60, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 2
    no_traceback(result)
    assert "No se encontró el archivo de configuración" in result.stderr


# -- bad configs (hypothesis) ------------------------------------------------------------------------------------
def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return (
            "nan"
            if math.isnan(value)
            else "inf"
            if value == math.inf
            else "-inf"
            if value == -math.inf
            else repr(value)
        )
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(tables: dict[str, dict[str, Any]], arrays: dict[str, list[dict[str, Any]]], tail: str = "") -> str:
    out = []
    for name, values in tables.items():
        out.append(f"[{toml_key(name)}]")
        out += [f"{toml_key(k)} = {toml_value(v)}" for k, v in values.items()]
    for name, items in arrays.items():
        for item in items:
            out.append(f"[[{toml_key(name)}]]")
            out += [f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()]
    return "\n".join(out) + "\n" + tail


scalar = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
value = st.one_of(scalar, st.lists(scalar, max_size=3), st.dictionaries(st.text(max_size=5), scalar, max_size=2))
URLS = st.one_of(
    st.sampled_from(
        [
            "http://127.0.0.1:9/",
            "https://www.cajamarca-tolima.gov.co/",
            "ftp://x/",
            "http://",
            "cajamarca",
            "http://a b/",
            "http://127.0.0.1:99999/",
            "https://ñandú.gov.co/x?y#z",
            "",
        ]
    ),  # fmt: skip
    st.text(max_size=30).filter(lambda s: "[" not in s),  # bracketed hosts: test_bracketed_bad_host_…
)


@st.composite
def configs(draw) -> str:
    tables: dict[str, dict[str, Any]] = {}
    site_keys = st.sampled_from(sorted(SCHEMA["site"]) + ["colour", "max_pagez"])
    site = draw(st.dictionaries(site_keys, value, max_size=4))
    if draw(st.booleans()):
        site["url"] = draw(URLS)
    tables["site"] = site
    for name in draw(st.lists(st.sampled_from(sorted(SCHEMA) + ["metas", "site2"]), max_size=3, unique=True)):
        if name in ("site", "store"):
            continue
        keys = st.sampled_from(sorted(SCHEMA.get(name, {"x": None})) + ["desconocida"])
        tables[name] = draw(st.dictionaries(keys, value, max_size=3))
    if draw(st.booleans()):
        tables["store"] = {"path": draw(st.sampled_from(["gelt.db", "datos.db", "no/existe.db"]))}
    deps = draw(st.lists(st.dictionaries(st.sampled_from(["name", "responsable", "email", "match", "cargo"]), value,
                                         max_size=4), max_size=2))  # fmt: skip
    tail = draw(st.sampled_from(["", "", "[site]\n", "x = ", "# comentario\n", "[[dependencias]]\nname = 1\n"]))
    return toml_document(tables, {"dependencias": deps} if deps else {}, tail)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=configs() | st.text(max_size=200))
@example(text='[site]\nurl = "http://127.0.0.1:9/"\n')
@example(
    text='[site]\nurl = "http://127.0.0.1:9/"\n[[dependencias]]\nname = "A"\nmatch = ["/a/"]\n[[dependencias]]\nname = "A"\nmatch = ["/b/"]\n'
)
def test_fuzzed_config_gives_a_named_error_or_a_config_never_a_crash(tmp_path, text):
    path = tmp_path / "gelt.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        parse_config(text, path)
        valid = True
    except ConfigError as exc:
        assert str(exc).strip()
        valid = False
    code, out, err = call_main(["status", "--config", str(path)])
    assert "Traceback" not in err
    if valid:
        assert code in (0, 1), err  # 1: a store that cannot be opened, said in one line
    else:
        assert code == 2 and err.startswith("Error de configuración"), err


def test_bracketed_bad_host_in_site_url_is_a_config_error(tmp_path):
    for url in ("http://[::1/", "http://[zz]/", "https://[::1]:99999/"):
        with pytest.raises(ConfigError, match="site.url"):
            parse_config(f'[site]\nurl = "{url}"\n', tmp_path / "gelt.toml")


def usable(config: Any) -> None:
    """What the crawler and the mailer need of an accepted config."""
    from lxml.cssselect import CSSSelector

    from gelt_audit.crawler.settings import settings_for

    s = settings_for(config)
    assert s["DOWNLOAD_MAXSIZE"] >= 1  # 0 would mean "no limit" to Scrapy
    assert math.isfinite(s["DOWNLOAD_TIMEOUT"]) and s["DOWNLOAD_TIMEOUT"] > 0
    assert math.isfinite(s["DOWNLOAD_DELAY"]) and s["DOWNLOAD_DELAY"] >= 0
    assert s["CONCURRENT_REQUESTS_PER_DOMAIN"] >= 1
    for slot in s["DOWNLOAD_SLOTS"].values():
        assert slot["concurrency"] >= 1 and math.isfinite(slot["delay"]) and slot["delay"] >= 0
    assert math.isfinite(config.links["timeout"]) and config.links["timeout"] > 0
    assert 0 < config.email["port"] < 65536
    for rule in config.noise:
        for selector in rule.selectors:
            CSSSelector(selector)
    assert "\x00" not in str(config.store_path) and not config.store_path.is_dir()


numbers = st.one_of(st.integers(-5, 10**6), st.floats(allow_nan=True, allow_infinity=True))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(site=st.fixed_dictionaries({}, optional={"max_response_mb": numbers, "timeout": numbers, "delay": numbers}),
       links=st.fixed_dictionaries({}, optional={"timeout": numbers, "per_host": st.integers(-3, 50),
                                                 "delay": numbers}),
       port=st.integers(-5, 70000), selectors=st.lists(st.sampled_from(["nav", ".banner", "::nope", "a[", "#x"]),
                                                      max_size=2),
       store=st.sampled_from(["gelt.db", "", "."]))  # fmt: skip
@example(site={"max_response_mb": 1e-9}, links={}, port=587, selectors=[], store="gelt.db")
@example(site={"max_response_mb": math.nan}, links={}, port=587, selectors=[], store="gelt.db")
@example(site={"delay": math.nan, "timeout": math.inf}, links={}, port=587, selectors=[], store="gelt.db")
@example(site={}, links={"per_host": 0}, port=587, selectors=[], store="gelt.db")
@example(site={}, links={"timeout": 0}, port=587, selectors=[], store="gelt.db")
@example(site={}, links={}, port=70000, selectors=[], store="gelt.db")
@example(site={}, links={}, port=587, selectors=["::nope"], store="gelt.db")
@example(site={}, links={}, port=587, selectors=[], store="")
def test_an_accepted_config_is_one_the_crawler_can_use(tmp_path, site, links, port, selectors, store):
    text = toml_document(
        {"site": {"url": "http://127.0.0.1:9/", **site}, "links": links, "email": {"port": port},
         "noise": {"selectors": selectors}, "store": {"path": store}},
        {},
    )  # fmt: skip
    try:
        config = parse_config(text, tmp_path / "gelt.toml")
    except ConfigError:
        return
    usable(config)
