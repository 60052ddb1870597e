"""Distributed crawls: a real Redis server and real worker processes on 127.0.0.1.

Each test starts its own redis-server (Debian's, installed by .ci/run) on a free port with its
data in a temporary folder, and skips with the reason when the binary is not installed.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import open_db, page, run_cli, write_config
from tests.test_crawler_depth import depths, held_site, held_until
from tests.test_referer_h185 import assert_each_led_to, referers_by_request, routes_for

REDIS_SERVER = shutil.which("redis-server") or next(
    (p for p in ("/usr/bin/redis-server", "/usr/local/bin/redis-server") if os.access(p, os.X_OK)), None
)
pytestmark = pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server no está instalado (apt-get install redis-server; .ci/run lo instala)"
)
redis = pytest.importorskip("redis", reason="falta el paquete redis (pip install -e '.[distributed]')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A private redis-server on 127.0.0.1 (no persistence), stopped at the end of the test."""
    port = free_port()
    data = tmp_path / "redis"
    data.mkdir()
    proc = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data), "--save", "",
         "--appendonly", "no", "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("redis-server no arrancó")
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def workers(redis_url: str) -> Iterator[callable]:
    """Start `gelt-audit worker` processes; all are stopped (SIGTERM, then SIGKILL) at the end."""
    procs: list[subprocess.Popen] = []

    def start(n: int, heartbeat: float = 10) -> list[subprocess.Popen]:
        env = {**os.environ, "GELT_WORKER_HEARTBEAT": str(heartbeat)}
        new = [
            subprocess.Popen(
                [sys.executable, "-m", "gelt_audit", "worker", "--redis", redis_url, "--exit-idle", "60"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )  # fmt: skip
            for _ in range(n)
        ]
        procs.extend(new)
        return new

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return run_cli(*args, timeout=timeout)


def contents(db: Path, nth: int) -> set[tuple]:
    """(url, status, body_hash, main_hash, kind, not_modified) of every site's nth crawl."""
    with open_db(db) as conn:
        out: set[tuple] = set()
        for (site,) in conn.execute("select distinct site_url from crawls"):
            ids = [r[0] for r in conn.execute("select id from crawls where site_url = ? order by id", [site])]
            out |= set(conn.execute(
                """select p.url, s.status, s.body_hash, b.main_hash, s.kind, s.not_modified
                   from snapshots s join pages p on p.id = s.page_id left join bodies b on b.hash = s.body_hash
                   where s.crawl_id = ?""", [ids[nth - 1]]))  # fmt: skip
    return out


def fixture_site(name: str, n: int) -> dict[str, Resource]:
    """A small municipal site: sitemap-only page, redirect, 404, a document, robots.txt."""
    links = (*(f"/p{i}/" for i in range(n)), "/viejo", "/roto", "/docs/plan.pdf", "/hacienda/")
    routes = {
        "/": page(f"Inicio {name}", links=links),
        "/hacienda/": page(f"Hacienda {name}", links=("/hacienda/impuestos/",)),
        "/hacienda/impuestos/": page(f"Impuestos {name}"),
        "/viejo": Resource(b"", status=301, headers={"Location": "/p0/"}),
        "/docs/plan.pdf": Resource(b"%PDF-1.4 plan", headers={"Content-Type": "application/pdf"}),
        "/robots.txt": Resource(b"User-agent: *\nDisallow: /privado/\n", headers={"Content-Type": "text/plain"}),
        "/solo-sitemap/": page(f"Solo en el sitemap {name}"),
    }
    routes.update(
        {
            f"/p{i}/": page(f"{name} {i}", f"<p>Página {i}</p>", links=(f"/p{(i + 1) % n}/", "/privado/x"))
            for i in range(n)
        }
    )
    return routes


def portfolio_toml(store: str, sites: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'\n[[portfolio.sites]]\nname = "{name}"\ndepartment = "Tolima"\nurl = "{url}"\n'
        'dependencias = [{name = "Hacienda", match = ["/hacienda/"]}]\n'
        for name, url in sites
    )
    return (
        f'[site]\ndelay = 0\nautothrottle = false\nconcurrency = 4\n\n[store]\npath = "{store}"\n\n'
        f"[portfolio]\nmax_sites_at_once = 3\n{entries}"
    )


def test_three_workers_give_the_same_store_as_one_process(serve, tmp_path, redis_url, workers):
    sites = [serve(fixture_site(f"Municipio {i}", 8 + 4 * i)) for i in range(4)]
    for site in sites:
        site.routes["/sitemap.xml"] = Resource(
            f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.url}solo-sitemap/</loc></url></urlset>".encode(),
            headers={"Content-Type": "application/xml"},
        )
    listed = [(f"Municipio {i}", s.url) for i, s in enumerate(sites)] + [("Caído", "http://127.0.0.1:9/")]
    one = tmp_path / "uno.toml"
    one.write_text(portfolio_toml("uno.db", listed), encoding="utf-8")
    many = tmp_path / "red.toml"
    many.write_text(portfolio_toml("red.db", listed), encoding="utf-8")
    workers(3)

    assert cli("crawl", "--config", str(one)).returncode == 4
    for site in sites:
        site.requests.clear()
    result = cli("crawl", "--config", str(many), "--redis", redis_url)
    assert result.returncode == 4, result.stderr  # the same site down, failed on its own
    assert "Caído" in result.stderr
    # Every page once, all workers together (robots.txt aside: each worker reads it for itself).
    for site in sites:
        fetched = [(m, p) for m, p, _ in site.requests if p != "/robots.txt"]
        assert len(fetched) == len(set(fetched)), sorted(fetched)
        assert not any(p.startswith("/privado/") for _, p in fetched)
    first = contents(tmp_path / "uno.db", 1)
    assert len(first) > 60
    assert contents(tmp_path / "red.db", 1) == first

    # A second crawl: conditional requests from validators the coordinator published, 304s
    # followed through the links it published.
    assert cli("crawl", "--config", str(one)).returncode == 4
    assert cli("crawl", "--config", str(many), "--redis", redis_url).returncode == 4
    second = contents(tmp_path / "uno.db", 2)
    assert any(row[5] == 1 for row in second)
    assert contents(tmp_path / "red.db", 2) == second
    with open_db(tmp_path / "red.db") as conn:
        statuses = [r[0] for r in conn.execute("select status from crawls order by id")]
    assert statuses == ["finished"] * 4 + ["failed"] + ["finished"] * 4 + ["failed"]
    leftover = [k.decode() for k in redis.Redis.from_url(redis_url).keys("gelt:*")]
    assert not [k for k in leftover if not k.startswith(("gelt:worker:", "gelt:next:", "gelt:lease:", "gelt:stats:"))]


class Politeness:
    """Record how many requests the site serves at once and how far apart they start."""

    def __init__(self, hold: float):
        self.hold = hold
        self.lock = threading.Lock()
        self.current = 0
        self.most = 0
        self.starts: list[float] = []

    def __call__(self, path: str) -> Resource | None:
        with self.lock:
            self.current += 1
            self.most = max(self.most, self.current)
            self.starts.append(time.monotonic())
        time.sleep(self.hold)
        with self.lock:
            self.current -= 1
        return None  # then the route table answers


def test_a_worker_killed_mid_crawl_loses_no_page_and_politeness_holds(serve, tmp_path, redis_url, workers):
    watch = Politeness(hold=0.03)
    routes = {"/": page("Inicio", links=tuple(f"/p{i}/" for i in range(40)))}
    routes.update({f"/p{i}/": page(f"P{i}", f"<p>Texto {i}</p>") for i in range(40)})
    site = serve(routes, dynamic=watch)
    config = write_config(tmp_path, site.url, concurrency=2, delay=0.12, timeout=5)
    procs = workers(3, heartbeat=1.5)
    client = redis.Redis.from_url(redis_url)
    coordinator = subprocess.Popen(
        [sys.executable, "-m", "gelt_audit", "crawl", "--config", str(config), "--redis", redis_url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    by_pid = {str(proc.pid): proc for proc in procs}
    deadline = time.monotonic() + 60
    killed = False
    while time.monotonic() < deadline and not killed:
        # whichever worker first holds requests in flight is the one that dies
        for key in client.keys("gelt:*:inflight"):
            holders = {t.decode().rsplit("#", 1)[0].split(":")[1] for t in client.hkeys(key)}  # host:pid:uuid
            victims = [by_pid[pid] for pid in holders if pid in by_pid]
            if victims:
                victims[0].send_signal(signal.SIGKILL)
                killed = True
                break
        time.sleep(0.01)
    assert killed, "el trabajador nunca tuvo peticiones en curso"
    out, err = coordinator.communicate(timeout=90)
    assert coordinator.returncode == 0, err
    with open_db(tmp_path / "gelt.db") as conn:
        rows = conn.execute(
            "select p.url, s.status from snapshots s join pages p on p.id = s.page_id where s.kind = 'page'"
        ).fetchall()
        status = conn.execute("select status, pages from crawls").fetchall()
    assert sorted(rows) == sorted([(site.url, 200)] + [(f"{site.url}p{i}/", 200) for i in range(40)])
    assert status == [("finished", 41)]
    log = (tmp_path / "gelt.log").read_text(encoding="utf-8")
    assert "vuelven a la cola" in log
    assert int(client.get("gelt:stats:requeued") or 0) >= 1
    # Three workers, one site: never more than its 2 connections, and starts 0.12 s apart.
    assert watch.most <= 2
    # Leases are spaced on Redis's clock; arrivals at the server jitter with the machine's load
    # (one late, the next on time), so the bound is on the span: load only makes it longer.
    span = watch.starts[-1] - watch.starts[0]
    assert span >= (len(watch.starts) - 1) * 0.12 - 0.1, span


def test_items_and_requests_cross_redis_as_tagged_json_never_pickle():
    from gelt_audit.crawler.distributed.protocol import dumps, loads
    from gelt_audit.crawler.items import LinkCheckItem, SnapshotItem, TlsItem
    from gelt_audit.markup import Link

    page = SnapshotItem(
        url="https://x.gov.co/",
        status=200,
        body=b"<html>\xff</html>",
        security_headers={"server": "nginx"},
        links=[Link("https://x.gov.co/a", "A", "a", "href", "", 3)],
        dates=["2026-01-02"],
    )
    check = LinkCheckItem("https://otro.co/", "redirect", 301, chain=[["https://otro.co/", 301]], cached=1)
    tls = TlsItem("x.gov.co", names=["x.gov.co"], error="certificado ilegible")
    message = {"k": "7", "items": [page, check, tls], "headers": {b"Accept": [b"*/*"]}}
    data = dumps(message)
    assert json.loads(data)["k"] == "7"  # plain JSON, readable by anything
    assert loads(data) == message
    with pytest.raises(TypeError, match="no se puede enviar a Redis"):
        dumps({"k": "7", "item": object()})


def test_a_worker_cuts_max_depth_by_the_shortest_path_redis_has_seen(serve, config_for, redis_url, workers):
    # /destino/ is met first at 3 (the bound: its links at 4 are cut), then at 2 through /lento/,
    # which answers only once /destino/ was asked for: /mas-alla/, 3 clicks from the home page,
    # must be crawled, as one process does (test_crawler_depth.py)
    site = held_site(serve)
    config = config_for(site.url, max_depth=3)
    workers(1)
    result = cli("crawl", "--config", str(config), "--redis", redis_url)
    assert result.returncode == 0, result.stderr
    found = depths(config)
    assert found[site.url + "destino/"] == 2 and site.url + "mas-alla/" in found, sorted(found)
    assert found[site.url + "mas-alla/"] == 3
    # /destino/, already fetched when met nearer, has its links requested again, never itself
    asked = [path for _, path, _ in site.requests if path != "/robots.txt"]
    assert len(asked) == len(set(asked)), sorted(asked)


def test_a_page_met_nearer_while_it_is_fetched_follows_its_links_from_the_nearer_depth(
    serve, config_for, redis_url, workers
):
    # /destino/ is asked for at 3 (through /rapido2/) and answers only once /tras-lento/ was
    # asked for, which /lento/ links to with /destino/: by then Redis has /destino/ at 2, and
    # the worker parsing it must follow its links from there (/mas-alla/ at 3, not cut at 4)
    routes = {
        "/": page("Inicio", links=("/lento/", "/rapido/")),
        "/lento/": page("Lento", links=("/destino/", "/tras-lento/")),  # answered once /destino/ was asked for
        "/rapido/": page("Rápido", links=("/rapido2/",)),
        "/rapido2/": page("Rápido 2", links=("/destino/",)),
        "/destino/": page("Destino", links=("/mas-alla/",)),  # answered once /tras-lento/ was asked for
        "/tras-lento/": page("Tras lento"),
        "/mas-alla/": page("Más allá"),
    }
    site = serve(routes, dynamic=held_until(routes, {"/lento/": "/destino/", "/destino/": "/tras-lento/"}))
    config = config_for(site.url, max_depth=3)
    workers(1)
    result = cli("crawl", "--config", str(config), "--redis", redis_url)
    assert result.returncode == 0, result.stderr
    asked = [path for _, path, _ in site.requests]
    assert asked.index("/destino/") < asked.index("/tras-lento/")  # the order the test is about
    found = depths(config)
    assert found[site.url + "destino/"] == 2 and found.get(site.url + "mas-alla/") == 3, sorted(found.items())
    assert asked.count("/destino/") == 1 and asked.count("/mas-alla/") == 1


def test_requests_that_cross_redis_keep_the_referer_of_what_led_to_them(serve, config_for, redis_url, workers):
    # The Referer waits in the request's meta until the download (H185, LateRefererHeader): in a
    # distributed crawl the request crosses Redis as JSON between the worker that found the link and
    # the one that downloads it, and the site must see the same Referer as from one process
    # (tests/test_referer_h185.py). Fails with REFERER_META dropped from the requests' JSON (checked).
    site = serve()
    site.routes = routes_for(site.url)
    config = config_for(site.url, "[links]\ncheck_external = false\n")
    workers(2)
    result = cli("crawl", "--config", str(config), "--redis", redis_url)
    assert result.returncode == 0, result.stderr
    referers = referers_by_request(site.requests)
    assert_each_led_to(site.url, referers)


def test_a_sitemap_lastmod_reaches_the_store_whichever_worker_met_the_page_first(serve, config_for, redis_url, workers):
    # The home page links /p/ and /q/; the sitemap lists them and /solo/ with their lastmods and answers
    # late, so a worker has claimed each linked page before the sitemap is read, and the worker reading
    # it never requests them: their lastmods cross Redis to the coordinator, which writes the store
    # (H293; one process: tests/test_updates_sitemap_h291.py, its «link» runs). Failed without it (checked).
    site = serve()
    lastmods = {"/p/": "2026-11-20", "/q/": "2026-11-21", "/solo/": "2026-11-22"}
    urls = "".join(
        f"<url><loc>{site.url.rstrip('/')}{p}</loc><lastmod>{d}</lastmod></url>" for p, d in lastmods.items()
    )
    site.routes = {
        "/": page("Inicio", links=("/p/", "/q/")),
        "/p/": page("Noticias"),
        "/q/": page("Trámites"),
        "/solo/": page("Sólo en el sitemap"),
        "/sitemap.xml": Resource(
            f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
            headers={"Content-Type": "application/xml"},
            delay=1.5,
        ),
    }
    deps = "".join(f'\n[[dependencias]]\nname = "{p}"\nmatch = ["{p}"]\n' for p in lastmods)
    config = config_for(site.url, "[links]\ncheck_external = false\n" + deps)
    workers(2)
    result = cli("crawl", "--config", str(config), "--redis", redis_url)
    assert result.returncode == 0, result.stderr
    report = cli("report", "--format", "json", "--config", str(config))
    assert report.returncode == 0, report.stderr
    said = {d["name"]: d["last_sitemap_date"] for d in json.loads(report.stdout)["dependencias"]}
    assert said == lastmods
