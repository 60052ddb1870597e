"""Bounds the crawl keeps against a hostile or unusual web (issue 16): headers, sitemaps, rate
limits, no network, schemes other than the web's, links per page.

Every case runs a real crawl in a subprocess against real servers on 127.0.0.1.
"""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from gelt_audit.demo.server import Resource
from tests.faults import FaultServer, endless_headers
from tests.helpers import page, report_json, run_cli, write_config

_PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "r = subprocess.run(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(r.returncode)\n"
)


def crawl_with_peak_memory(config: Path, timeout: float = 180) -> tuple[subprocess.CompletedProcess, int]:
    """`gelt-audit crawl` in a process of its own, and that process's peak memory in MiB.

    The crawl runs under an intermediate Python process: RUSAGE_CHILDREN there covers that
    crawl only, not every crawl this test session ran.
    """
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    peak_kib = int(result.stdout.strip().splitlines()[-1]) if result.stdout.strip() else 0
    return result, peak_kib // 1024


def rows(db: Path, sql: str, args: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def log_text(config: Path) -> str:
    log = config.parent / "gelt.log"
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""


def pages_by_path(report: dict, base: str) -> dict[str, dict]:
    return {p["url"].removeprefix(base.rstrip("/")): p for p in report["pages"]}


def links_by_url(report: dict) -> dict[str, dict]:
    return {link["url"]: link for link in report["links"]}


# -- 1. response headers ------------------------------------------------------------------------------
def test_endless_response_headers_are_cut_and_the_page_is_an_error(tmp_path):
    routes = {
        "/": page("Inicio", links=("/cabeceras", "/despues/")),
        "/cabeceras": endless_headers(),
        "/despues/": page("Después"),
    }
    with FaultServer(routes) as site:
        config = write_config(tmp_path, site.url)  # the default timeout: 30 s of headers
        result, peak_mb = crawl_with_peak_memory(config)
        assert result.returncode == 0, result.stderr[-3000:] + log_text(config)[-3000:]
        report = report_json(config)
        pages = pages_by_path(report, site.url)
    bad = pages["/cabeceras"]
    assert bad["kind"] == "error" and bad["status"] == 0, bad
    assert "cabeceras demasiado grandes" in bad["error"], bad
    assert pages["/despues/"]["title"] == "Después"  # the crawl went on
    assert 0 < peak_mb < 400, peak_mb


# -- 2. sitemaps --------------------------------------------------------------------------------------
def _sitemap_index(*locs: str) -> Resource:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    xml = f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    return Resource(xml.encode(), headers={"Content-Type": "application/xml"})


def _urlset(*locs: str) -> Resource:
    entries = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return Resource(xml.encode(), headers={"Content-Type": "application/xml"})


def test_a_chain_of_400_nested_sitemap_indexes_is_cut_and_logged(serve, config_for):
    def chain(path: str) -> Resource | None:
        if path.startswith("/mapas/"):
            n = int(path.split("/")[2].removesuffix(".xml"))
            if n < 400:
                return _sitemap_index(f"/mapas/{n + 1}.xml")
            return _urlset("/al-final/")
        return None

    routes = {"/": page("Inicio"), "/sitemap.xml": _sitemap_index("/mapas/1.xml"), "/al-final/": page("Final")}
    site = serve(routes, dynamic=chain)
    config = config_for(site.url, max_pages=50)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    read = [p for _, p, _ in site.requests if p.startswith("/mapas/")]
    # /sitemap.xml (level 0), then three levels of indexes below it
    assert read == ["/mapas/1.xml", "/mapas/2.xml", "/mapas/3.xml"], read
    log = log_text(config)
    assert "'gelt/sitemaps_skipped': 1" in log, log[-3000:]
    assert "niveles de índices de sitemaps" in log


def test_an_index_of_400_sitemaps_is_read_up_to_50(serve, config_for):
    def child(path: str) -> Resource | None:
        if path.startswith("/mapas/"):
            n = int(path.split("/")[2].removesuffix(".xml"))
            return _urlset(f"/pagina-{n}/")
        return None

    index = _sitemap_index(*(f"/mapas/{n}.xml" for n in range(400)))
    site = serve({"/": page("Inicio"), "/sitemap.xml": index}, dynamic=child)
    config = config_for(site.url, max_pages=100)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    read = {p for _, p, _ in site.requests if p.startswith("/mapas/")}
    assert len(read) == 49, len(read)  # 50 sitemap files, /sitemap.xml included
    log = log_text(config)
    assert "'gelt/sitemaps_skipped': 351" in log, log[-3000:]
    assert "más de 50 sitemaps" in log


# -- 3. a host that asks to wait an hour ---------------------------------------------------------------
def test_a_host_answering_429_retry_after_an_hour_is_left_alone_and_its_links_unverified(serve, config_for):
    limiting = serve(dynamic=lambda path: Resource(b"", status=429, headers={"Retry-After": "3600"}))
    targets = [f"{limiting.url}tramite-{i}" for i in range(10)]
    anchors = " ".join(f"<a href='{t}'>trámite {i}</a>" for i, t in enumerate(targets))
    site = serve({"/": page("Inicio", body=anchors)})
    config = config_for(site.url)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    links = links_by_url(report_json(config))
    assert len(limiting.requests) <= 2, limiting.requests
    assert {links[t]["state"] for t in targets} == {"unverified"}, [links[t] for t in targets]
    assert all(links[t]["error"] == "limitado por el servidor (429, pidió esperar 3600 s)" for t in targets)


# -- 4. no network from this machine ---------------------------------------------------------------------
def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_offline_external_links_are_unverified_not_broken(serve, config_for):
    targets = [
        "http://alcaldia.invalid/tramites",
        "https://www.gobierno.invalid/",
        f"http://127.0.0.1:{_closed_port()}/x",
    ]
    anchors = " ".join(f"<a href='{t}'>externo {i}</a>" for i, t in enumerate(targets))
    site = serve({"/": page("Inicio", body=anchors)})
    config = config_for(site.url)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    report = report_json(config)
    links = links_by_url(report)
    assert {links[t]["state"] for t in targets} == {"unverified"}, [links[t] for t in targets]
    assert all(links[t]["error"].startswith("sin verificar: no se pudo consultar desde esta máquina") for t in targets)
    assert not [link for link in report["links"] if link["state"] == "broken"]


def test_one_failing_name_among_answering_hosts_is_a_broken_link(serve, config_for):
    answering = serve({"/ok": Resource.html("bien")})
    gone = "http://ya-no-existe.invalid/pagina"
    site = serve({"/": page("Inicio", body=f"<a href='{answering.url}ok'>bien</a> <a href='{gone}'>se fue</a>")})
    config = config_for(site.url)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    links = links_by_url(report_json(config))
    assert links[answering.url + "ok"]["state"] == "ok"
    assert links[gone]["state"] == "broken" and "DNS" in links[gone]["error"], links[gone]


# -- 5. only the web ------------------------------------------------------------------------------------
def test_redirects_to_file_data_and_ftp_are_broken_and_never_followed(serve, config_for):
    with FaultServer() as ftp:
        where = {"archivo": "file:///dev/zero", "datos": "data:text/html,x", "ftp": f"ftp://127.0.0.1:{ftp.port}/"}

        def redirect(path: str) -> Resource | None:
            name = path.strip("/")
            return Resource(b"", status=302, headers={"Location": where[name]}) if name in where else None

        external = serve(dynamic=redirect)
        inside = " ".join(f"<a href='/{name}'>{name}</a>" for name in where)
        outside = " ".join(f"<a href='{external.url}{name}'>{name} externo</a>" for name in where)
        site = serve({"/": page("Inicio", body=inside + outside)}, dynamic=redirect)
        config = config_for(site.url)
        result, peak_mb = crawl_with_peak_memory(config)
        assert result.returncode == 0, result.stderr[-3000:] + log_text(config)[-3000:]
        report = report_json(config)
        assert ftp.connections == 0  # no FTP session was opened
    links = links_by_url(report)
    for name, target in where.items():
        scheme = target.split(":", 1)[0]
        for url in (f"{site.url}{name}", f"{external.url}{name}"):
            assert links[url]["state"] == "broken", links[url]
            assert links[url]["error"] == f"redirige a un esquema no permitido ({scheme}:)", links[url]
    assert not [p for p in report["pages"] if not p["url"].startswith(("http://", "https://"))]
    assert 0 < peak_mb < 400, peak_mb


# -- 6. links per page ------------------------------------------------------------------------------------
def test_a_page_of_20000_links_keeps_the_first_500_and_says_so(serve, config_for):
    anchors = "".join(f"<a href='/n/{i}'>noticia {i}</a>" for i in range(20_000))
    site = serve({"/": page("Inicio", links=("/mapa/",)), "/mapa/": page("Mapa del sitio", body=anchors)})
    config = config_for(site.url, max_links_per_page=500, max_pages=20)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr + log_text(config)[-3000:]
    report = report_json(config)
    db = config.parent / "gelt.db"
    [(stored,)] = rows(db, "select count(*) from links l join pages p on p.id = l.page_id where p.url like '%/mapa/'")
    assert stored == 500
    first = rows(db, "select l.url from links l join pages p on p.id = l.page_id where p.url like '%/mapa/'")
    assert {u.rsplit("/", 1)[1] for (u,) in first} == {str(i) for i in range(500)}  # the first, in document order
    pages = pages_by_path(report, site.url)
    assert pages["/mapa/"]["links_cut"] == 19_500
    assert "links_cut" not in pages["/"]
    [cut] = report["links_cut"]
    assert cut["page"] == site.url + "mapa/" and (cut["found"], cut["kept"]) == (20_000, 500)
    assert cut["detail"] == "la página tiene 20000 enlaces; se revisaron los primeros 500"
    targets = {link["url"] for link in report["links"]}
    assert site.url + "n/499" in targets and site.url + "n/500" not in targets
    # a second crawl of the unchanged page (304) keeps the same cut
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert pages_by_path(report_json(config), site.url)["/mapa/"]["links_cut"] == 19_500
