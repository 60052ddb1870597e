"""External links the auditor cannot verify from here (offline, switched off), links to developer
hosts, and external checks through a proxy: real crawls of sites served on 127.0.0.1.

No test reaches another address: unreachable servers are 127.0.0.1 ports nobody listens on and
``.invalid`` names (RFC 6761: they never resolve).
"""

from __future__ import annotations

import contextlib
import csv
import http.client
import json
import socket
import threading
from collections.abc import Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from gelt_audit.demo.server import Resource
from tests.faults import forward_proxy
from tests.helpers import crawl, page, report_json, run_cli
from tests.test_security import self_signed


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _item(host: str) -> str:
    """A checklist item of the config resting only on a link to a national system at ``host``."""
    return f"""
[[checklist.items]]
id = "propio.contratacion"
phase = "propios"
name = "Procesos de contratación en el SECOP"
rules = [{{ kind = "link_to", hosts = ["{host}"] }}]
"""


def _site(serve, secop: str, allied: str, more: tuple[str, ...] = ()):
    contratacion = page(
        "Contratación",
        body=f"<p>Consulte los procesos de contratación en el <a href='{secop}'>SECOP</a>.</p>"
        f"<p>Entidades aliadas: <a href='{allied}'>Gobernación del Tolima</a>.</p>"
        + "".join(f"<p><a href='{url}'>Proceso {n}</a></p>" for n, url in enumerate(more)),
    )
    return serve({"/": page("Inicio", links=("/contratacion/",)), "/contratacion/": contratacion})


def _by_url(report: dict) -> dict:
    return {link["url"]: link for link in report["links"]}


def _html_report(config, kind: str) -> str:
    out = config.parent / f"{kind}.html"
    result = run_cli("report", f"--{kind}", "--output", str(out), "--config", str(config))
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def _assert_unverified_not_against(report: dict, secop: str, allied: str) -> None:
    links = _by_url(report)
    assert links[secop]["state"] == links[allied]["state"] == "unverified", (links[secop], links[allied])
    assert not [link for link in report["links"] if link["state"] == "broken"]
    [item] = [r for r in report["checklist"] if r["item"] == "propio.contratacion"]
    assert item["status"] == "sin_verificar", item
    assert "sin verificar" in item["detail"] and secop in item["evidence"]
    group = report["checklist_scores"][item["profile"]]["groups"]["propios"]
    assert group["sin_verificar"] == 1 and group["score"] is None  # out of the denominator
    [aliadas] = [r for r in report["checklist"] if r["item"].endswith("entidades_aliadas")][:1]
    assert aliadas["status"] == "cumple", aliadas  # judged from the links present
    assert "no se encontraron enlaces" not in json.dumps(report, ensure_ascii=False)
    [indicator] = [i for i in report["indicators"] if i["id"] == "entidades_aliadas"]
    assert indicator["value"] == "1 entidad (0 funcionando, 1 sin verificar)", indicator


def test_offline_links_are_sin_verificar_once_and_no_item_loses_status(serve, config_for):
    secop, allied = f"http://127.0.0.1:{_closed_port()}/procesos", "http://www.gobernacion.invalid/"
    site = _site(serve, secop, allied)
    config = config_for(site.url, extra='[links]\nentidades = ["gobernacion.invalid"]\n' + _item(secop.split("/")[2]))
    crawl(config)
    report = report_json(config)
    _assert_unverified_not_against(report, secop, allied)
    assert report["external_links"]["status"] == "sin_conexion" and report["external_links"]["unverified"] == 2
    assert "ningún servidor externo respondió" in report["external_links"]["note"]
    for kind in ("weekly", "committee"):
        html = _html_report(config, kind)
        assert html.count("Enlaces externos sin verificar:") == 1, kind
        assert "ningún servidor externo respondió" in html
    assert "? Sin verificar" in html  # the committee's status of the item


def test_a_firewall_that_drops_every_external_check_leaves_links_sin_verificar(serve, config_for):
    # A firewall that drops packets: no refusal, no DNS error, every check just times out. Here,
    # 127.0.0.1 ports that listen and never answer (the kernel completes the handshake; nobody reads).
    silent = []
    for _ in range(2):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        silent.append(sock)
    try:
        secop, allied = (f"http://127.0.0.1:{s.getsockname()[1]}/procesos" for s in silent)
        site = _site(serve, secop, allied, more=tuple(f"{secop}/{n}" for n in range(5)))  # trips the host
        extra = f'[links]\ntimeout = 1\nentidades = ["{allied.split("/")[2]}"]\n' + _item(secop.split("/")[2])
        config = config_for(site.url, extra=extra)
        crawl(config)
    finally:
        for sock in silent:
            sock.close()
    report = report_json(config)
    _assert_unverified_not_against(report, secop, allied)
    assert report["external_links"]["status"] == "sin_conexion", report["external_links"]
    assert "no respondió a tiempo" in _by_url(report)[secop]["error"]
    skipped = [link for url, link in _by_url(report).items() if url.startswith(f"{secop}/")]
    assert len(skipped) == 5 and {link["state"] for link in skipped} == {"unverified"}, skipped
    assert any("este enlace no se pidió" in link["error"] for link in skipped), skipped


def test_a_silent_host_is_broken_when_other_external_servers_answer(serve, config_for):
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    try:
        silent = f"http://127.0.0.1:{sock.getsockname()[1]}/gobernacion/"
        site = _site(serve, f"{national.url}procesos", silent)
        config = config_for(site.url, extra="[links]\ntimeout = 1\n")
        crawl(config)
    finally:
        sock.close()
    links = _by_url(report_json(config))
    assert links[f"{national.url}procesos"]["state"] == "ok"
    assert links[silent]["state"] == "broken" and "no respondió a tiempo" in links[silent]["error"], links[silent]


def test_switched_off_external_checks_request_nothing_and_judge_nothing(serve, config_for):
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    secop, allied = f"{national.url}procesos", f"{national.url}gobernacion/"
    site = _site(serve, secop, allied)
    extra = f'[links]\ncheck_external = false\nentidades = ["{national.url[7:]}gobernacion"]\n' + _item(
        secop.split("/")[2]
    )
    config = config_for(site.url, extra=extra)
    crawl(config)
    assert national.requests == []  # nothing external was requested
    report = report_json(config)
    _assert_unverified_not_against(report, secop, allied)
    assert "check_external = false" in _by_url(report)[secop]["error"]
    assert report["external_links"]["status"] == "desactivada"
    assert "Enlaces externos sin verificar:" in _html_report(config, "weekly")


def test_verified_links_carry_no_notice(serve, config_for):
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>"), "/gobernacion/": Resource.html("<h1>G</h1>")})
    secop, allied = f"{national.url}procesos", f"{national.url}gobernacion/"
    site = _site(serve, secop, allied)
    config = config_for(site.url, extra=_item(secop.split("/")[2]))
    crawl(config)
    report = report_json(config)
    assert report["external_links"] == {"status": "verificados", "unverified": 0, "note": None}
    [item] = [r for r in report["checklist"] if r["item"] == "propio.contratacion"]
    assert item["status"] == "cumple", item
    assert "Enlaces externos sin verificar" not in _html_report(config, "weekly")


def test_links_to_developer_hosts_are_findings_never_evidence(serve, config_for):
    peer = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    dev = [
        "http://localhost:8080/transparencia/",
        "http://intranet.local/procesos",
        "https://staging.alcaldia.test/contratacion/procesos",
        "http://www.example.com/procesos",
        "http://pruebas.invalid/procesos?id=1&ver=2",
    ]
    body = "".join(f"<p><a href='{u}'>Procesos de contratación</a></p>" for u in dev)
    body += f"<p><a href='{peer.url}procesos'>Otro servidor de la red local</a></p>"
    site = serve({"/": page("Inicio", links=("/contratacion/",)), "/contratacion/": page("Contratación", body=body)})
    # external checks off: nothing of the above is requested (localhost is not always 127.0.0.1)
    items = "".join(
        f'\n[[checklist.items]]\nid = "propio.dev{i}"\nphase = "propios"\nname = "Procesos {i}"\n'
        f'rules = [{{ kind = "link_to", hosts = ["{u.split("/")[2]}"] }}]\n'
        for i, u in enumerate(dev)
    )
    config = config_for(site.url, extra="[links]\ncheck_external = false\n" + items)
    crawl(config)
    report = report_json(config)
    found = {f["url"]: f for f in report["dev_host_links"]}
    assert set(found) == set(dev), sorted(found)  # not the site itself, not its 127.0.0.1 peer
    assert all(f["kind"] == "enlace a un servidor de desarrollo" for f in found.values())
    assert (
        found[dev[2]]["found_on"] == [site.url + "contratacion/"] and found[dev[2]]["host"] == "staging.alcaldia.test"
    )
    statuses = {r["item"]: r["status"] for r in report["checklist"] if r["item"].startswith("propio.dev")}
    assert set(statuses.values()) == {"no_cumple"}, statuses
    # both HTML reports list them (escaped), and each report writes them as a CSV table
    for kind in ("weekly", "committee"):
        html = _html_report(config, kind)
        section = html.split('id="enlaces-desarrollo"', 1)[1].split("</section>", 1)[0]
        assert "Enlaces a servidores de desarrollo" in section and "5 enlaces del sitio público" in section
        assert "staging.alcaldia.test" in section and "?id=1&amp;ver=2" in section and "?id=1&ver" not in section
        folder = config.parent / f"csv-{kind}"
        listing = run_cli("report", f"--{kind}", "--format", "csv", "--output", str(folder), "--config", str(config))
        assert listing.returncode == 0, listing.stderr
        [table] = folder.glob("*-enlaces-desarrollo.csv")
        rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines()))
        assert rows[0] == ["enlace", "servidor", "página que lo enlaza", "dependencia"]
        assert {r[0] for r in rows[1:]} == set(dev) and {r[2] for r in rows[1:]} == {site.url + "contratacion/"}


def test_external_checks_go_through_the_proxy_variables(serve, config_for, tmp_path):
    secure = serve({"/sede/": Resource.html("<h1>Sede electrónica</h1>")}, tls=self_signed(tmp_path, days=30))
    direct = serve({"/directo": Resource.html("<h1>Directo</h1>")})
    plain = "http://www.portal.invalid/tramites"
    https = "https://sede.invalid/sede/"
    answers = {plain: Resource.html("<h1>Trámites</h1>")}
    body = f"<a href='{plain}'>Trámites</a> <a href='{https}'>Sede</a> <a href='{direct.url}directo'>Directo</a>"
    site = serve({"/": page("Inicio", body=body)})
    config = config_for(site.url)
    with forward_proxy(answers, tls_port=secure.port) as proxy:
        env = {
            "HTTP_PROXY": proxy.url,
            "HTTPS_PROXY": proxy.url,
            "NO_PROXY": "127.0.0.1",
            "http_proxy": proxy.url,
            "https_proxy": proxy.url,
            "no_proxy": "127.0.0.1",
        }
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr[-3000:]
        seen = [(method, path) for method, path, _ in proxy.requests]
    links = _by_url(report_json(config))
    assert links[plain]["state"] == "ok" and links[https]["state"] == "ok", (links[plain], links[https])
    assert links[direct.url + "directo"]["state"] == "ok"
    assert ("HEAD", plain) in seen and ("CONNECT", "sede.invalid:443") in seen, seen
    assert not [p for _m, p in seen if "127.0.0.1" in p]  # NO_PROXY: the site and its neighbour go direct
    assert [p for _m, p, _h in secure.requests] and direct.requests


def test_allied_entities_excluded_from_checks_still_count_as_linked(serve, config_for):
    national = serve({"/gobernacion/": Resource.html("<h1>Gobernación</h1>")})
    allied = f"{national.url}gobernacion/"
    site = serve({"/": page("Inicio", body=f"<p><a href='{allied}'>Gobernación del Tolima</a></p>")})
    extra = f'[links]\nexclude = ["/gobernacion/"]\nentidades = ["{national.url[7:]}gobernacion"]\n'
    config = config_for(site.url, extra=extra)
    crawl(config)
    assert national.requests == []
    report = report_json(config)
    assert _by_url(report)[allied]["state"] == "skipped"
    assert report["allied"]["count"] == 1
    [aliadas] = [r for r in report["checklist"] if r["item"] == "plan.entidades_aliadas"]
    assert aliadas["status"] == "cumple" and "sin verificar" in aliadas["detail"], aliadas
    [indicator] = [i for i in report["indicators"] if i["id"] == "entidades_aliadas"]
    assert indicator["value"] == "1 entidad (0 funcionando, 1 sin verificar)", indicator


def test_a_proxy_that_reaches_no_server_leaves_external_links_unverified(serve, config_for):
    https = ["https://sede.invalid/tramites", "https://www.portal.invalid/"]
    site = serve({"/": page("Inicio", body=" ".join(f"<a href='{u}'>enlace {i}</a>" for i, u in enumerate(https)))})
    config = config_for(site.url)
    with forward_proxy({}, tls_port=None) as proxy:  # every CONNECT is refused (404)
        env = {"HTTPS_PROXY": proxy.url, "https_proxy": proxy.url, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr[-3000:]
        assert [m for m, _p, _h in proxy.requests] and {m for m, _p, _h in proxy.requests} == {"CONNECT"}
    report = report_json(config)
    links = _by_url(report)
    assert {links[u]["state"] for u in https} == {"unverified"}, [links[u] for u in https]
    assert "proxy" in links[https[0]]["error"], links[https[0]]
    assert report["external_links"]["status"] == "sin_conexion"


@contextlib.contextmanager
def _gateway_proxy(reach: Mapping[str, int], gateway: Mapping[str, int]) -> Iterator[tuple[str, list]]:
    """A plain-HTTP forward proxy on 127.0.0.1: a request for a host in ``reach`` is forwarded to
    the 127.0.0.1 port named there (the proxy reached the server); any other host gets the status
    ``gateway`` names for it (502 by default), with a proxy's error page, as Squid or nginx answer
    when they cannot reach the server. Yields (proxy URL, requests seen as (method, URL))."""
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            seen.append((self.command, self.path))
            host = urlsplit(self.path).netloc
            if host in reach:
                upstream = http.client.HTTPConnection("127.0.0.1", reach[host], timeout=5)
                parts = urlsplit(self.path)
                upstream.request(self.command, parts.path + (f"?{parts.query}" if parts.query else ""))
                answer = upstream.getresponse()
                body = answer.read()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                        self.send_header(name, value)
                upstream.close()
            else:
                status = gateway.get(host, 502)
                # Squid's own page and error header: a failed connection, or its rules' refusal
                # (403 Access Denied; 407 when it wants credentials)
                error = {403: "ERR_ACCESS_DENIED 0", 407: "ERR_CACHE_ACCESS_DENIED 0"}.get(
                    status, "ERR_CONNECT_FAIL 111"
                )
                body = f"<h1>ERROR</h1><p>The requested URL could not be retrieved: {host}</p>"
                body = (body + ("<p>Access Denied.</p>" if status in (403, 407) else "")).encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                self.send_header("X-Squid-Error", error)
                if status == 407:
                    self.send_header("Proxy-Authenticate", 'Basic realm="proxy"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        do_GET = do_HEAD = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def _crawl_through(config, proxy: str) -> None:
    env = {"HTTP_PROXY": proxy, "http_proxy": proxy, "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    result = run_cli("crawl", "--config", str(config), env=env)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_proxy_that_answers_502_or_504_itself_leaves_external_links_unverified(serve, config_for):
    # The auditor's proxy cannot reach the internet: it answers every plain-HTTP check itself, 502
    # (nginx, Squid's read errors), 504 (a timeout), 503 (Squid's failed connection or lookup).
    secop, allied, other = (
        "http://www.secop.invalid/procesos",
        "http://www.gobernacion.invalid/",
        "http://sede.invalid/",
    )
    site = _site(serve, secop, allied, more=(other,))
    config = config_for(site.url, extra='[links]\nentidades = ["www.gobernacion.invalid"]\n')
    with _gateway_proxy({}, {"www.gobernacion.invalid": 504, "sede.invalid": 503}) as (proxy, seen):
        _crawl_through(config, proxy)
    assert {url for _m, url in seen} == {secop, allied, other}, seen  # every check went to the proxy
    report = report_json(config)
    links = _by_url(report)
    assert {links[url]["state"] for url in (secop, allied, other)} == {"unverified"}, links
    assert not [link for link in report["links"] if link["state"] == "broken"]
    # (.invalid names are developer hosts, never a checklist item's evidence: the allied count shows it)
    [indicator] = [i for i in report["indicators"] if i["id"] == "entidades_aliadas"]
    assert indicator["value"] == "1 entidad (0 funcionando, 1 sin verificar)", indicator
    for url, status in ((secop, 502), (allied, 504), (other, 503)):
        assert f"el proxy respondió HTTP {status}" in links[url]["error"], links[url]
        assert links[url]["error"].startswith("sin verificar"), links[url]
    assert report["external_links"]["status"] == "sin_conexion" and report["external_links"]["unverified"] == 3
    assert "proxy" in report["external_links"]["note"]


def test_a_sites_own_502_through_a_proxy_is_broken_when_other_servers_answer(serve, config_for):
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    secop, failing = "http://www.secop.invalid/procesos", "http://www.gobernacion.invalid/"
    site = _site(serve, secop, failing)
    config = config_for(site.url)
    with _gateway_proxy({"www.secop.invalid": national.port}, {}) as (proxy, seen):
        _crawl_through(config, proxy)
    assert ("HEAD", secop) in seen and ("GET", failing) in seen, seen
    assert [p for _m, p, _h in national.requests] == ["/procesos"]  # the proxy really reached it
    report = report_json(config)
    links = _by_url(report)
    assert links[secop]["state"] == "ok", links[secop]
    assert links[failing]["state"] == "broken" and links[failing]["error"] == "HTTP 502: error de la pasarela"
    assert report["external_links"]["status"] == "verificados"


def test_a_link_the_auditors_proxy_refuses_is_unverified_not_broken(serve, config_for):
    # The auditor's proxy forbids one host by its own rules (Squid's 403 «Access Denied»): that
    # server was never asked, so its link is neither broken nor «rechaza a los robots».
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    secop, denied = "http://www.secop.invalid/procesos", "http://www.gobernacion.invalid/"
    site = _site(serve, secop, denied)
    config = config_for(site.url)
    with _gateway_proxy({"www.secop.invalid": national.port}, {"www.gobernacion.invalid": 403}) as (proxy, seen):
        _crawl_through(config, proxy)
    assert ("GET", denied) in seen, seen
    report = report_json(config)
    links = _by_url(report)
    assert links[secop]["state"] == "ok", links[secop]
    assert links[denied]["state"] == "unverified", links[denied]
    assert links[denied]["error"] == "sin verificar: el proxy de esta máquina negó la consulta (HTTP 403)", links[
        denied
    ]
    assert report["external_links"]["status"] == "verificados"  # the other server answered


def test_a_proxy_that_wants_credentials_for_everything_leaves_links_unverified(serve, config_for):
    # A proxy that answers 407 to every check: no server answered this crawl (no way out).
    secop, allied = "http://www.secop.invalid/procesos", "http://www.gobernacion.invalid/"
    site = _site(serve, secop, allied)
    config = config_for(site.url)
    with _gateway_proxy({}, {"www.secop.invalid": 407, "www.gobernacion.invalid": 407}) as (proxy, _seen):
        _crawl_through(config, proxy)
    report = report_json(config)
    links = _by_url(report)
    for url in (secop, allied):
        assert links[url]["state"] == "unverified", links[url]
        assert links[url]["error"].startswith("sin verificar: no se pudo consultar desde esta máquina"), links[url]
        assert "el proxy de esta máquina negó la consulta (HTTP 407)" in links[url]["error"], links[url]
    assert report["external_links"]["status"] == "sin_conexion"


def test_a_connect_the_auditors_proxy_refuses_is_unverified_though_other_servers_answer(serve, config_for):
    # HTTPS through the proxy: it refuses the CONNECT to one host (403) while a plain-HTTP check
    # reaches its server: that one link stays unverified, not broken.
    national = serve({"/procesos": Resource.html("<h1>SECOP</h1>")})
    secop, denied = "http://www.secop.invalid/procesos", "https://www.gobernacion.invalid/"
    site = _site(serve, secop, denied)
    config = config_for(site.url)
    with (
        _gateway_proxy({"www.secop.invalid": national.port}, {}) as (plain, _seen),
        forward_proxy({}, tls_port=None, connect_status=403) as secure,
    ):
        env = {"HTTP_PROXY": plain, "http_proxy": plain, "HTTPS_PROXY": secure.url, "https_proxy": secure.url}
        env |= {"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        result = run_cli("crawl", "--config", str(config), env=env)
        assert result.returncode == 0, result.stderr[-3000:]
    links = _by_url(report_json(config))
    assert links[secop]["state"] == "ok", links[secop]
    assert links[denied]["state"] == "unverified", links[denied]
    assert links[denied]["error"] == "sin verificar: el proxy de esta máquina negó la consulta (HTTP 403)", links[
        denied
    ]
