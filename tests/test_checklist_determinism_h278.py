"""The same site gives the same checklist whatever order its pages arrived in (issue 15, H278): a
verdict a committee signs must be the one the next computation gives.

One site, shaped as the corpus' ``zo-yascual`` (the site where H272 saw ``ley1712.1``'s evidence change
from run to run: no transparency menu, the same top menu on every page, ``/`` and ``/index.html`` the
same page, a section shown only by its entries), plus a second level of pages each linked from two
first-level pages, is served on 127.0.0.1 and crawled twice through the real CLI, each crawl in a
fresh store: once with the pages answering in one order (each page's delay growing with its place),
once in the opposite order, each report in a process with a different ``PYTHONHASHSEED`` (so the
iteration order of every set of strings differs too). The test checks that the two crawls did meet
the pages in different orders (the store's page numbers), and that every checklist record (status,
evidence, detail) is the same.

This is a guard, not a class: H278 found no order dependence in the engine (the difference H272 saw
came from a working tree holding the candidate of class 2720; docs/checklist-accuracy.md, H278); the
test passes on ``integ19`` as it is.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Cabildo Indígena del Resguardo de San Pedro"
ENTITIES = (
    ("https://www.secretariageneral.gov.co/", "Secretaría general"),
    ("https://www.sdp.gov.co/", "Secretaría de planeación"),
    ("https://www.sed.narino.gov.co/", "Secretaría de educación"),
    ("https://www.saludpasto.gov.co/", "Secretaría de salud"),
    ("https://www.minagricultura.gov.co/", "Secretaría de agricultura"),
)
NAV = (
    "<nav><ul>"
    '<li><a href="/index.html">Inicio</a></li>'
    '<li><a href="/cultura.html">Cultura</a></li>'
    '<li><a href="/historia.html">Historia</a></li>'
    '<li><a href="/pqrs.html">PQRS</a></li>'
    '<li><a href="/contactos.html">Contactos</a></li>'
    '<li class="dropdown"><a href="#" class="dropdown-toggle">Dependencia</a><ul class="dropdown-menu">'
    + "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in ENTITIES)
    + "</ul></li></ul></nav>"
)
CARDS = (
    "<section class='cards'><div class='card'><h5>Cabildo</h5><p>La casa del cabildo en el mapa.</p></div>"
    "<div class='card'><h5>Redes</h5><a href='https://wa.me/+573000000000'>WhatsApp</a> "
    "<a href='https://www.youtube.com/'>YouTube</a> <a href='https://twitter.com/'>Twitter</a></div></section>"
)


def _page(title: str, main: str, cards: bool = True) -> str:
    return (
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}{CARDS if cards else ''}</main>"
        "<footer><a href='#!'>Facebook</a> <a href='#!'>Twitter</a><p>© 2024 Proyecto</p></footer></body></html>"
    )


HOME = _page(
    "Inicio",
    "<h1>Resguardo de San Pedro</h1><p>El resguardo, de origen colonial, y sus límites (Ordenanza 86 de 1979).</p>"
    "<p><a href='/lugares/laguna.html'>La laguna</a> <a href='/lugares/cerro.html'>El cerro</a></p>",
)
PAGES: dict[str, str] = {
    "/": HOME,
    "/index.html": HOME,
    "/cultura.html": _page(
        "Cultura",
        "<h1>Himno del cabildo</h1><p>Coro: comuneros de nuestro resguardo.</p>"
        "<p><a href='/lugares/laguna.html'>La leyenda de la laguna</a> <a href='/lugares/fiesta.html'>La fiesta</a></p>",
    ),
    "/historia.html": _page(
        "Historia",
        "<h1>Lugares sagrados</h1><p><a href='/lugares/cerro.html'>El cerro</a> "
        "<a href='/lugares/fiesta.html'>La fiesta del sol</a> <a href='/lugares/piedra.html'>La piedra</a></p>",
    ),
    "/contactos.html": _page(
        "Contactos",
        "<table><tr><th>#</th><th>Nombre</th><th>Cargo</th><th>Telefono</th></tr>"
        "<tr><td>1</td><td>Pedro Cuaical</td><td>Gobernador</td><td>3107000001</td></tr>"
        "<tr><td>2</td><td>Luis Getial</td><td>Secretario</td><td>3237000002</td></tr></table>"
        "<p><a href='/lugares/piedra.html'>Cómo llegar</a></p>",
    ),
    "/pqrs.html": _page(
        "PQRS",
        "<h1>Formulario de Contacto</h1><form><label>Nombre <input name='nombre'></label>"
        "<label>Para <input name='para'></label><label>Mensaje <input name='mensaje'></label>"
        "<label>Email <input name='email' type='email'></label><button>Enviar</button></form>",
        cards=False,
    ),
    "/lugares/laguna.html": _page("La laguna", "<h1>La laguna</h1><p>La leyenda del agua.</p>"),
    "/lugares/cerro.html": _page("El cerro", "<h1>El cerro</h1><p>Un lugar sagrado del resguardo.</p>"),
    "/lugares/fiesta.html": _page("La fiesta", "<h1>La fiesta del sol</h1><p>En junio, cada año.</p>"),
    "/lugares/piedra.html": _page("La piedra", "<h1>La piedra</h1><p>Camino de la piedra pintada.</p>"),
}
STEP = 0.06  # seconds between two pages' answers: far more than a page's own time on 127.0.0.1


def _routes(order: list[str]) -> dict[str, Resource]:
    """The site with each page answering ``STEP`` later than the one before it in ``order``."""
    return {path: Resource.html(PAGES[path], delay=STEP * n) for n, path in enumerate(order)}


def _crawl(directory: Path, order: list[str], seed: str) -> tuple[dict, list[str]]:
    """Crawl and report the site with its pages answering in ``order``, the report computed by a
    process with PYTHONHASHSEED ``seed``: each record's (status, evidence, detail) and the site's paths
    in the order the crawl stored them."""
    directory.mkdir()
    server = SiteServer(_routes(order)).start()
    try:
        config = write_config(directory, server.url, OFFLINE)
        crawl(config)
        result = run_cli("report", "--format", "json", "--config", str(config), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        report = json.loads(result.stdout)
        origin = server.url.rstrip("/")
        records = {
            (r["profile"], r["item"]): (
                r["status"],
                [u[len(origin) :] or "/" if u.startswith(origin) else u for u in r["evidence"]],
                r["detail"].replace(origin, ""),
            )
            for r in report["checklist"]
        }
        with sqlite3.connect(directory / "gelt.db") as conn:
            stored = [u[len(origin) :] for (u,) in conn.execute("select url from pages order by id")]
        return records, [p for p in stored if p in PAGES]
    finally:
        server.stop()


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    """The site crawled with its pages answering in one order and in the opposite one."""
    base = tmp_path_factory.mktemp("h278-order")
    order = [p for p in PAGES if p != "/"]
    forward = _crawl(base / "forward", ["/", *order], "1")
    backward = _crawl(base / "backward", ["/", *reversed(order)], "2")
    return forward, backward


def test_the_two_crawls_met_the_pages_in_different_orders(two_crawls):
    (_, first), (_, second) = two_crawls
    assert sorted(first) == sorted(second) == sorted(PAGES), (first, second)
    assert first != second, first


def test_the_checklist_does_not_depend_on_the_order_pages_arrived_in(two_crawls):
    (first, _), (second, _) = two_crawls
    assert first.keys() == second.keys()
    differ = {k: (first[k], second[k]) for k in first if first[k] != second[k]}
    assert not differ, differ
