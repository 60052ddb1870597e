"""Real crawls of fixture sites served on 127.0.0.1."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, open_db, page, report_json, site_down


def urls(report: dict) -> dict[str, dict]:
    return {p["url"]: p for p in report["pages"]}


def test_sitemap_only_pages_are_found_and_robots_is_obeyed(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/publica/", "/privado/secreto")),
            "/publica/": page("Pública"),
            "/privado/secreto": page("Secreto"),
            "/solo-sitemap/": page("Solo en el sitemap"),
            "/robots.txt": Resource(
                b"User-agent: *\nDisallow: /privado/\nSitemap: /mapa.xml\n", headers={"Content-Type": "text/plain"}
            ),
        }
    )
    site.routes["/mapa.xml"] = Resource(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{site.url}solo-sitemap/</loc><lastmod>2026-11-20</lastmod></url></urlset>".encode(),
        headers={"Content-Type": "application/xml"},
    )
    config = config_for(site.url)
    crawl(config)
    found = urls(report_json(config))
    assert found[site.url + "solo-sitemap/"]["title"] == "Solo en el sitemap"
    assert site.url + "publica/" in found
    assert site.url + "privado/secreto" not in found
    assert not any(path.startswith("/privado/") for _, path, _ in site.requests)


def test_offsite_links_are_recorded_not_followed(serve, config_for):
    other = serve({"/": page("Otro sitio", links=("/mas/",))})
    site = serve({"/": page("Inicio", links=(other.url, "/a/")), "/a/": page("A")})
    config = config_for(site.url)
    crawl(config)
    # the external link is checked once (HEAD), its own links are never followed
    assert [(method, path) for method, path, _ in other.requests] == [("HEAD", "/")]
    with Store(config.parent / "gelt.db") as store:
        crawl_row = store.latest_crawl()
        home = next(s for s in store.snapshots(crawl_row.id) if s["url"] == site.url)
        targets = [link["url"] for link in store.links(home["page_id"], home["body_hash"])]
    assert other.url in targets


def test_endless_calendar_is_bounded_by_query_variants(serve, config_for):
    def calendar(path: str) -> Resource | None:
        if path.startswith("/calendario/?mes="):
            month = int(path.rsplit("=", 1)[1])
            return page(f"Mes {month}", links=(f"/calendario/?mes={month + 1}",))
        return None

    site = serve({"/": page("Inicio", links=("/calendario/?mes=1",))}, dynamic=calendar)
    config = config_for(site.url, max_query_variants=5)
    crawl(config)
    months = [p for p in urls(report_json(config)) if "calendario" in p]
    assert len(months) == 5


def test_max_pages_and_max_depth_bound_the_crawl(serve, config_for):
    routes = {"/": page("Inicio", links=tuple(f"/p{i}/" for i in range(30)))}
    routes.update({f"/p{i}/": page(f"P{i}") for i in range(30)})
    site = serve(routes)
    config = config_for(site.url, max_pages=10)
    crawl(config)
    assert len(report_json(config)["pages"]) == 10

    chain = {"/": page("Nivel 0", links=("/n1/",))}
    chain.update({f"/n{i}/": page(f"Nivel {i}", links=(f"/n{i + 1}/",)) for i in range(1, 10)})
    deep = serve(chain)
    config = config_for(deep.url, max_depth=3)
    crawl(config)
    assert {p["title"] for p in report_json(config)["pages"]} == {"Nivel 0", "Nivel 1", "Nivel 2", "Nivel 3"}


def test_unchanged_recrawl_uses_304_and_stores_no_new_body(serve, config_for):
    site = serve({"/": page("Inicio", links=("/a/", "/b/")), "/a/": page("A"), "/b/": page("B")})
    config = config_for(site.url)
    crawl(config)
    db = config.parent / "gelt.db"
    with Store(db) as store:
        bodies_before = store.db["bodies"].count
        links_before = store.db["links"].count
    site.requests.clear()
    crawl(config)
    conditional = [h for method, path, h in site.requests if path in ("/", "/a/", "/b/")]
    assert conditional and all("If-None-Match" in h for h in conditional)
    with Store(db) as store:
        assert store.db["bodies"].count == bodies_before
        assert store.db["links"].count == links_before
        latest = store.latest_crawl()
        snaps = [s for s in store.snapshots(latest.id) if s["kind"] == "page"]
    assert len(snaps) == 3 and all(s["not_modified"] == 1 for s in snaps)
    # unchanged pages keep their title, hashes and content type through the 304 path
    assert {s["title"] for s in snaps} == {"Inicio", "A", "B"}
    assert all(s["main_hash"] and s["content_type"].startswith("text/html") for s in snaps)


def test_a_page_that_was_an_error_is_asked_for_without_validators(serve, config_for):
    # the server's ETag is its body's hash, whatever the status: a page whose 404 showed the body it
    # serves with a 200 now would get a 304 for the old 404's ETag, and stay recorded as a 404
    found = page("Plan de desarrollo")
    site = serve({"/": page("Inicio", links=("/plan/",)), "/plan/": Resource(found.body, status=404)})
    config = config_for(site.url)
    crawl(config)
    site.routes["/plan/"] = found
    site.requests.clear()
    crawl(config)
    asked = [h for method, path, h in site.requests if path == "/plan/"]
    assert asked and not any("If-None-Match" in h for h in asked)
    assert urls(report_json(config))[site.url + "plan/"]["status"] == 200


def test_an_unchanged_page_adds_a_small_row_and_keeps_its_validators(serve, config_for):
    site = serve({"/": page("Inicio", links=("/a/",)), "/a/": page("A")})
    config = config_for(site.url)
    for _ in range(3):
        crawl(config)
    with open_db(config.parent / "gelt.db") as conn:
        rows = conn.execute(
            "select crawl_id, not_modified, etag, last_modified, content_type, referer from snapshots "
            "where kind = 'page' order by crawl_id"
        ).fetchall()
    first = [r for r in rows if r[0] == 1]
    assert all(r[2] and r[4] for r in first)  # the 200s carry validators and content type
    later = [r for r in rows if r[0] > 1]
    # a 304 repeating what is known stores none of it, nor the referer of a page that answered
    assert len(later) == 4 and all(r[1] == 1 and r[2:] == (None, None, None, None) for r in later)
    # ...and the third crawl still asked conditionally, with the validators of the first
    third = [h for method, path, h in site.requests[-3:] if path in ("/", "/a/")]
    assert third and all("If-None-Match" in h for h in third)


def test_legacy_encodings_are_decoded(serve, config_for):
    latin = "<html><head><title>Secretaría de Hacienda</title></head><body><main><p>Año fiscal: ejecución</p></main></body></html>"
    cp1252 = "<html><head><title>Información “pública”</title></head><body><main><p>Niñez</p></main></body></html>"
    site = serve(
        {
            "/": page("Inicio", links=("/viejo.html", "/otro.html")),
            "/viejo.html": Resource(latin.encode("iso-8859-1"), headers={"Content-Type": "text/html"}),
            "/otro.html": Resource(
                cp1252.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
            ),
        }
    )
    config = config_for(site.url)
    crawl(config)
    found = urls(report_json(config))
    assert found[site.url + "viejo.html"]["title"] == "Secretaría de Hacienda"
    assert found[site.url + "otro.html"]["title"] == "Información “pública”"
    with Store(config.parent / "gelt.db") as store:
        texts = {store.main_text(row["hash"]) for row in store.db["bodies"].rows}
    assert "Año fiscal: ejecución" in texts and "Niñez" in texts


def test_redirects_errors_and_documents_are_recorded(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/viejo", "/roto", "/falla", "/docs/plan.pdf")),
            "/viejo": Resource(b"", status=301, headers={"Location": "/nuevo/"}),
            "/nuevo/": page("Nuevo"),
            "/falla": Resource(b"error", status=500),
            "/docs/plan.pdf": Resource(b"%PDF-1.4 plan", headers={"Content-Type": "application/pdf"}),
        }
    )
    config = config_for(site.url)
    crawl(config)
    found = urls(report_json(config))
    assert found[site.url + "viejo"]["status"] == 301
    assert found[site.url + "viejo"]["location"] == site.url + "nuevo/"
    assert found[site.url + "nuevo/"]["title"] == "Nuevo"
    assert found[site.url + "roto"]["status"] == 404
    assert found[site.url + "falla"]["status"] == 500
    assert ("HEAD", "/docs/plan.pdf") in [(m, p) for m, p, _ in site.requests]
    with Store(config.parent / "gelt.db") as store:
        docs = [s for s in store.snapshots(store.latest_crawl().id) if s["kind"] == "document"]
    assert [(d["url"], d["status"]) for d in docs] == [(site.url + "docs/plan.pdf", 200)]


def test_pages_are_assigned_to_dependencias_by_longest_prefix(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/hacienda/", "/hacienda/impuestos/predial", "/noticias/")),
            "/hacienda/": page("Hacienda"),
            "/hacienda/impuestos/predial": page("Predial"),
            "/noticias/": page("Noticias"),
        }
    )
    deps = """
[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana"
match = ["/hacienda/"]

[[dependencias]]
name = "Tesorería"
match = ["/hacienda/impuestos/"]
"""
    config = config_for(site.url, extra=deps)
    crawl(config)
    found = urls(report_json(config))
    assert found[site.url + "hacienda/"]["dependencia"] == "Secretaría de Hacienda"
    assert found[site.url + "hacienda/impuestos/predial"]["dependencia"] == "Tesorería"
    assert found[site.url + "noticias/"]["dependencia"] is None


def test_crawl_killed_half_way_keeps_last_finished_crawl(serve, config_for):
    routes = {"/": page("Inicio", links=tuple(f"/p{i}/" for i in range(400)))}
    routes.update({f"/p{i}/": page(f"P{i}") for i in range(400)})
    site = serve(routes)
    config = config_for(site.url, concurrency=2)
    crawl(config)
    db = config.parent / "gelt.db"
    with Store(db) as store:
        first = store.latest_crawl()
    for res in routes.values():
        res.delay = 0.02
        res.body += b"<!-- v2 -->"
    proc = subprocess.Popen([sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with open_db(db) as conn:
            written = conn.execute("select count(*) from snapshots where crawl_id > ?", [first.id]).fetchone()[0]
        if written >= 200:  # one batch of the second crawl is in
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        assert store.integrity_ok()
        assert store.latest_crawl().id == first.id
        assert store.db.execute("select status from crawls where id > ?", [first.id]).fetchone()[0] == "running"
    assert report_json(config)["crawl"]["id"] == first.id
    for res in routes.values():
        res.delay = 0
    crawl(config)
    with Store(db) as store:
        statuses = [c["status"] for c in store.db["crawls"].rows]
        assert statuses == ["finished", "interrupted", "finished"]
        assert store.latest_crawl().pages == 401


def test_unreachable_site_fails_with_its_own_exit_code(config_for, cli):
    config = config_for("http://127.0.0.1:9/", timeout=5)
    result = cli("crawl", "--config", str(config))
    assert result.returncode == 3, result.stderr
    assert "no respondió" in result.stderr
    with Store(config.parent / "gelt.db") as store:
        assert store.latest_crawl() is None
        assert [c["status"] for c in store.db["crawls"].rows] == ["failed"]


def test_report_after_the_site_went_down_keeps_the_last_good_crawl_and_says_so(serve, config_for, cli):
    site = serve({"/": page("Inicio", links=("/a/",)), "/a/": page("A")})
    config = config_for(site.url, timeout=3)
    crawl(config)
    with site_down(site):  # the municipal server goes down before the next crawl
        result = cli("crawl", "--config", str(config))
    assert result.returncode == 3
    report = report_json(config)
    assert report["crawl"]["id"] == 1 and len(report["pages"]) == 2
    assert report["last_attempt"]["status"] == "failed"
    assert "no respondió" in report["last_attempt"]["error"]
    summary = cli("audit", "--config", str(config))
    assert "no terminó" in summary.stdout


def test_scrapy_crawl_with_a_config_argument_applies_the_config(serve, config_for):
    """`scrapy crawl site -a config=gelt.toml` (scrapy.cfg) reads gelt.toml into the settings itself."""
    site = serve({"/": page("Inicio", links=("/a/", "/fuera/")), "/a/": page("A"), "/fuera/": page("Fuera")})
    config = config_for(site.url, exclude=["/fuera/"])
    root = Path(__file__).resolve().parent.parent  # where scrapy.cfg is
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "site", "-a", f"config={config}"],
        cwd=root, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    with Store(config.parent / "gelt.db") as store:
        crawl_row = store.latest_crawl()
        assert crawl_row is not None and crawl_row.status == "finished"
        crawled = {s["url"] for s in store.snapshots(crawl_row.id)}
    assert crawled == {site.url, site.url + "a/"}  # site.exclude (a GELT_EXCLUDE setting) held


def test_idle_connections_kept_per_host_cover_the_site_concurrency():
    # Scrapy's pool keeps CONCURRENT_REQUESTS_PER_DOMAIN ([links] per_host) idle connections per
    # host; with the site's slot wider than that, every connection past it was closed after its
    # response (2,186 connections for 2,505 responses on the bench's 2,000-page site, against
    # 1,255 with it raised: bench/results-2026-12-05-crawl-cpu-3.md). Own process: the handler
    # needs Twisted's reactor.
    script = (
        "from scrapy.utils.reactor import install_reactor\n"
        "install_reactor('twisted.internet.asyncioreactor.AsyncioSelectorReactor')\n"
        "from scrapy.utils.test import get_crawler\n"
        "from gelt_audit.crawler.handlers import BoundedHTTP11DownloadHandler\n"
        "for site, per_host in ((8, 2), (2, 2), (1, 3)):\n"
        "    crawler = get_crawler(settings_dict={'TWISTED_REACTOR_ENABLED': True, 'GELT_SITE_CONCURRENCY': site, 'CONCURRENT_REQUESTS_PER_DOMAIN': per_host})\n"
        "    print(BoundedHTTP11DownloadHandler(crawler)._pool.maxPersistentPerHost)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["8", "2", "3"], out.stderr
