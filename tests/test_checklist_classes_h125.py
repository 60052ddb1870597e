"""A drop-down's own entries that link to «#» (issue 15, H125). One shared crawl of a small site
whose Bootstrap navbar has drop-downs of template entries.

Class 1250: an entry that links to «#» inside a drop-down («Organigrama» among «Nosotros», «Misión y
Visión», «Directorio» in the box under «Quiénes somos») is an entry that leads nowhere, not the
opener of that drop-down. It was read as an opener (``pages._opener_link``: a dead anchor whose
``<li>`` holds other links) and so as a link to the drop-down's first working entry: «Organigrama»
pointed at «Misión y Visión»'s page, and ``info.organigrama`` was «parcial» with that page as its
evidence (the corpus's y-honda: «el enlace «Organigrama» apunta a una página rota (404)», evidence
``mision.html``). The opener itself («Atención al ciudadano ▾», «#» with ``data-toggle``) still
reads as a link to its first working entry. ``test_a_dead_entry_of_a_drop_down_is_not_its_opener``
fails without it (checked: status «parcial», evidence ``/mision``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAVBAR = (
    '<nav class="navbar navbar-expand-lg"><ul class="navbar-nav">'
    '<li class="nav-item"><a class="nav-link" href="/">Inicio</a></li>'
    '<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#" id="dNos" data-toggle="dropdown"'
    ' aria-haspopup="true" aria-expanded="false">Quiénes somos</a>'
    '<div class="dropdown-menu" aria-labelledby="dNos">'
    '<a class="dropdown-item" href="#">Nosotros</a>'
    '<a class="dropdown-item" href="/mision">Misión y Visión</a>'
    '<a class="dropdown-item" href="#">Organigrama</a>'
    '<a class="dropdown-item" href="#">Directorio</a>'
    "</div></li>"
    '<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#" id="dAt" data-toggle="dropdown"'
    ' aria-haspopup="true" aria-expanded="false">Atención al ciudadano</a>'
    '<div class="dropdown-menu" aria-labelledby="dAt">'
    '<a class="dropdown-item" href="/pqrsd">Peticiones, quejas y reclamos</a>'
    "</div></li>"
    "</ul></nav>"
)


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><h1>Concejo Municipal de Prueba</h1>{NAVBAR}</header>"
        f"<main><h2>{title}</h2>{body}</main></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _page("Inicio", "<p>El concejo municipal sesiona en el recinto de la corporación.</p>"),
    "/mision": _page(
        "Misión y Visión",
        "<h3>Misión</h3><p>Ejercer el control político y expedir los acuerdos que requiere el municipio.</p>"
        "<h3>Visión</h3><p>Ser en 2030 una corporación reconocida por su transparencia y cercanía.</p>",
    ),
    "/pqrsd": _page(
        "Peticiones, quejas y reclamos",
        "<p>Radique su petición, queja, reclamo o sugerencia.</p>"
        '<form action="/pqrsd" method="post"><label>Nombre <input name="nombre"></label>'
        '<label>Correo <input name="correo" type="email"></label>'
        '<label>Mensaje <textarea name="mensaje"></textarea></label><button type="submit">Enviar</button></form>',
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h125"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_a_dead_entry_of_a_drop_down_is_not_its_opener(site):
    for profile, item in (("gelt-2008", "info.organigrama"), ("ley1712-res1519", "ley1712.1.2")):
        rec = site[(profile, item)]
        assert "/mision" not in rec["paths"], rec
        assert rec["status"] == "no_cumple", rec


def test_an_opener_still_reads_as_its_first_working_entry(site):
    rec = site[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] in ("cumple", "parcial"), rec
    # «Atención al ciudadano» is the menu under a close name since H181 (criterion O: «parcial», the detail
    # says the name is missing, no longer the entry); its first working entry is still the evidence
    assert "el menú está con otro nombre" in rec["detail"] and rec["paths"][0] == "/pqrsd", rec
    rec = site[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/mision", rec
