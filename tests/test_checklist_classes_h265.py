"""Classes of H265 (issue 15): three first-contact misses of zzt-colombiaot (a national institute's
territorial-planning portal). A crawl on 127.0.0.1 through the real CLI, offline. (Class 2650, the
home page's occurrence of a link ranked at depth 0, had its test here on a second site; it was
measured, lowered a held-out figure, and was reverted with its test: docs/checklist-accuracy.md, H265.)

Class 2652: «Contáctenos en nuestras redes sociales», a footer column over the networks' links, names
the networks, not a page for requests: ``interaccion.pqrsd`` is not ``cumple`` by it (without the
exclude: ``cumple``; the catalogue editor of class 2653, left a PQRSD form, makes it ``cumple`` too).

Class 2653: a catalogue's editing tool («Nombre del recurso», «Descripción», «Palabras clave»,
«Guardar», «Eliminar») is no PQRSD form: ``ley1712.pqrsd_form`` ``no_cumple`` (without the rule:
``parcial`` with ``/cargue.html``).

Class 2654: cards of national decrees whose «Normatividad ›» links open the decrees' pages and PDFs
on six ministries' sites are no directory of entities: ``info.directorio_entidades`` ``no_cumple``
(without the rule: ``cumple`` with ``/acerca.html``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Instituto de Ordenamiento Territorial"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/acerca.html'>Acerca de</a></li>"
    "<li><a href='/cargue.html'>Cargue</a></li></ul></nav>"
)
FOOTER = (
    "<footer><div><h3>Dirección:</h3><p>Carrera 30 # 48-51, Bogotá D.C.</p>"
    "<h3>Correo de contacto:</h3><p><a href='mailto:contacto@ordenamiento.gov.co'>contacto@ordenamiento.gov.co</a></p>"
    "</div><div><h3>Contáctenos en nuestras redes sociales</h3><div class='redes'>"
    "<p><a href='https://www.facebook.com/OrdenamientoCo'>Facebook</a></p>"
    "<p><a href='https://twitter.com/OrdenamientoCo'>Twitter</a></p></div></div></footer>"
)


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>{FOOTER}</body></html>"
    )


def _card(n: int, host: str, path: str) -> str:
    return (
        f"<div class='card'><h4>Decreto {n} de 2015</h4><p>Reglamenta el ordenamiento del territorio.</p>"
        f"<a href='https://{host}{path}'>Normatividad ›</a></div>"
    )


DECREES = "".join(
    _card(n, host, path)
    for n, host, path in (
        (1077, "www.minvivienda.gov.co", "/sites/default/files/normativa/decreto-1077-2015.pdf"),
        (1076, "www.minambiente.gov.co", "/images/normativa/decretos/2015/dec_1076_2015.pdf"),
        (1066, "www.mininterior.gov.co", "/normativa/decretos/decreto-1066-de-2015"),
        (1083, "www.funcionpublica.gov.co", "/eva/gestornormativo/norma.php?i=62866"),
        (1082, "www.dnp.gov.co", "/normativa/decreto-1082-de-2015"),
        (1081, "www.suin-juriscol.gov.co", "/viewDocument.asp?ruta=Decretos/30019920"),
    )
)
EDITOR = (
    "<h1>Cargue de recursos</h1><div class='row'><div class='col-sm-12'>"
    "<label for='nombre'>Nombre del recurso</label><input type='text' id='nombre' placeholder='Nombre'>"
    "<label for='desc'>Descripción</label><textarea id='desc'></textarea>"
    "<label for='clave'>Palabras clave</label><input type='text' id='clave'>"
    "<label for='url'>URL principal</label><input type='text' id='url' placeholder='http://'>"
    "<button onclick='salvar();'>Guardar</button> <button onclick='borrar();'>Eliminar</button>"
    "</div></div>"
)
ROUTES: dict[str, Resource] = {
    "/": _page("Inicio", "<h1>Bienvenidos</h1><p>El portal del ordenamiento territorial del país.</p>"),
    "/acerca.html": _page("Acerca de", "<h1>Acerca de</h1><h2>Marco normativo</h2>" + DECREES),
    "/cargue.html": _page("Cargue", EDITOR),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The institute's site, crawled and reported once."""
    return checklist_records(tmp_path_factory.mktemp("h265"), ROUTES, OFFLINE)


def test_class_2652_contact_us_on_social_networks_is_no_pqrsd_page(site):
    rec = site[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] != "cumple", rec
    assert "redes sociales" not in rec["detail"], rec


def test_class_2653_a_catalogue_editor_is_no_pqrsd_form(site):
    rec = site[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert "/cargue.html" not in rec["paths"], rec
    assert rec["status"] == "no_cumple", rec


def test_class_2654_decrees_on_ministries_sites_are_no_directory_of_entities(site):
    rec = site[("gelt-2008", "info.directorio_entidades")]
    assert "/acerca.html" not in rec["paths"], rec
    assert rec["status"] == "no_cumple", rec
