"""What a person reads of a crawl's failures and length (H303), through the CLI on real 127.0.0.1 crawls.

- A page whose server answered something that is no HTTP (bytes with no status line) is said so, in
  Spanish: «el servidor respondió algo que no es una respuesta HTTP»; one whose server closed the
  connection before a whole answer came, «la conexión se cortó antes de recibir la respuesta». Before,
  both read only «la descarga falló» (Scrapy's wrapper, ``DownloadFailedError``, around what happened).
- A document of the site whose name did not resolve from here is said apart as a document («1 página y
  1 documento del sitio no se pudieron consultar…»), not as one more page; it was never a document error.
- A site whose home page moved to another address stops being asked at once: the old sitemap's pages
  are not requested, and the crawl fails as before, saying the site moved.
- A crawl shorter than a second (its start and end are stored to the second) «duró menos de un
  segundo», never «duró 0 ms».

Each test failed without the change it guards (checked, H303).
"""

from __future__ import annotations

import csv
import re

from gelt_audit.demo.server import Resource, SiteServer
from tests.faults import Connection, FaultServer, garbage
from tests.helpers import cli_reports, crawl, html_text, open_db, page, run_cli, write_config
from tests.test_site_dns import SITE, DnsSite


def _close_after_headers() -> object:
    """Send the start of an answer (status line, part of the headers) and close the connection."""

    def act(conn: Connection) -> None:
        conn.send(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n")

    return act


def test_an_answer_that_is_no_http_and_a_cut_one_are_said_as_what_happened(tmp_path):
    links = ("/a/", "/b/", "/c/", "/d/", "/basura", "/cortada")
    routes = {"/": page("Inicio", links=links), **{p: page(f"Página {p}") for p in links[:4]}}
    site = FaultServer({**routes, "/basura": garbage(), "/cortada": _close_after_headers()}).start()
    try:
        config = write_config(tmp_path, site.url)
        crawl(config)
        reports = cli_reports(config, tmp_path, {})
        csv_out = run_cli("report", "--format", "csv", "--config", str(config), "--output", str(tmp_path / "csv"))
        assert csv_out.returncode == 0, csv_out.stderr
    finally:
        site.stop()
    weekly = html_text(reports["weekly"])
    section = weekly[weekly.index("Páginas con error (2)") : weekly.index("Páginas lentas")]
    assert "/basura — el servidor respondió algo que no es una respuesta HTTP" in section, section
    assert "/cortada — la conexión se cortó antes de recibir la respuesta" in section, section
    assert "la descarga falló" not in weekly, section
    [path] = (tmp_path / "csv").glob("semanal-*-enlaces-rotos.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["enlace"].rsplit("/", 1)[-1]: row for row in csv.DictReader(handle)}
    assert rows["basura"]["motivo"] == "el servidor respondió algo que no es una respuesta HTTP", rows["basura"]
    assert "ParseError" in rows["basura"]["detalle técnico"], rows["basura"]  # the technician's line kept
    assert rows["cortada"]["motivo"] == "la conexión se cortó antes de recibir la respuesta", rows["cortada"]
    # the JSON keeps what was recorded: the words, then the technical detail
    [page_row] = [p for p in reports["json"]["pages"] if p["url"].endswith("/basura")]
    assert page_row["error"].startswith("el servidor respondió algo que no es una respuesta HTTP ("), page_row


def test_a_crawl_shorter_than_a_second_did_not_last_0_ms(tmp_path):
    site = FaultServer({"/": page("Inicio", links=("/a/",)), "/a/": page("Trámites")}).start()
    try:
        config = write_config(tmp_path, site.url)
        crawl(config)
    finally:
        site.stop()
    with open_db(tmp_path / "gelt.db") as db:
        # the store keeps the start and the end to the second: a crawl inside one second reads as one
        # whose two times are equal (made so here, whatever the machine's load made of this one)
        db.execute("update crawls set finished_at = started_at")
        db.commit()
    weekly = html_text(cli_reports(config, tmp_path, {})["weekly"])
    said = re.search(r"Rastreo 1: [^.]*, duró ([^.]*)\.", weekly)
    assert said and said.group(1) == "menos de un segundo", weekly[weekly.index("Salud del rastreo") :][:300]


def test_a_site_whose_home_page_moved_stops_asking_for_its_old_sitemaps_pages(tmp_path):
    """The home page now redirects to another address: the crawl fails as before, saying the site moved,
    but asks nothing more of the old address (before: every page of its sitemap, 30 here)."""
    urls = [f"/pagina-{n}/" for n in range(30)]
    with SiteServer({"/": page("Nuevo sitio")}) as elsewhere:
        sitemap = "".join(f"<url><loc>{{root}}{u}</loc></url>" for u in urls)
        routes: dict[str, Resource] = {u: page(f"Página {u}") for u in urls}
        routes["/"] = Resource(b"", status=301, headers={"Location": elsewhere.url})
        old = FaultServer(routes).start()
        try:
            # the sitemap answers a moment after the home page (the crawl asks both at once)
            body = (
                f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>'
            )
            routes["/sitemap.xml"] = Resource(
                body.replace("{root}", old.url.rstrip("/")).encode(),
                headers={"Content-Type": "application/xml"},
                delay=0.5,
            )
            config = write_config(tmp_path, old.url)
            result = run_cli("crawl", "--config", str(config))
        finally:
            old.stop()
    assert result.returncode == 3, result.stderr[-2000:]
    assert f"el sitio se mudó a {elsewhere.url}" in result.stderr, result.stderr[-2000:]
    asked = [path for _, path, _ in old.requests]
    assert not [p for p in asked if p in urls], asked
    with open_db(tmp_path / "gelt.db") as db:
        [(status, error)] = db.execute("select status, error from crawls").fetchall()
    assert status == "failed" and error.startswith("el sitio se mudó a"), (status, error)


def test_a_document_whose_name_did_not_resolve_is_named_a_document_and_no_error(tmp_path):
    """A PDF of the site the crawl could not ask (its name did not resolve from here) is said apart as a
    document, not counted among the pages, nor among the errors or the documents with error."""
    routes = {
        SITE: page("Inicio", links=("/a/", "/informe.pdf")),
        SITE + "a/": page("Trámites"),
        SITE + "informe.pdf": Resource(b"%PDF-1.4 informe", headers={"Content-Type": "application/pdf"}),
    }
    site = DnsSite(tmp_path, routes, mode="down", failing_crawl=2)
    try:
        site.crawl()  # the first week: everything answers
        site.crawl()  # the second: after the home page the site's name no longer resolves
        reports = cli_reports(site.config, tmp_path, site.env)
    finally:
        site.stop()
    said = (
        "1 página y 1 documento del sitio no se pudieron consultar desde esta máquina: su nombre no resolvió "
        "(DNS); no se cuentan como errores del sitio."
    )
    weekly = html_text(reports["weekly"])
    assert said in weekly, weekly[weekly.index("Salud del rastreo Rastreo") :][:600]
    assert "Rastreo 2: 1 respuesta, 0 errores," in weekly, weekly
    committee = html_text(reports["committee"])
    assert said in committee, committee
    [document] = reports["json"]["documents"]
    assert document["status"] is None, document  # not asked: no answer of the site's to count as an error
