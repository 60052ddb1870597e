"""Names that are not 6.1's shown empty (issue 15, H237: twenty-second session). Two small sites on
127.0.0.1, each crawled once through the real CLI, offline (external links are not opened).

Class 2370 (criterion F, docs/checklist-scope.md): «Participación en la formulación de políticas» (the
Res. 3564 6.5) names one participation space, and «Participa» / «Participación ciudadana» name the whole
section 6 (``ley1712.6``): none of them is the name of ``ley1712.6.1``, «Participa: descripción
general». What a page or section of those names publishes is still 6.1 (criterion A: the item under any
title), but the name shown with nothing under it is not «6.1 named and empty»: with nothing else,
``ley1712.6.1`` is ``no_cumple``, never ``parcial`` (c-edup, g-imder, j-choconta, zn-bomberossoledad:
the 6.5 panel or entry empty; zl-aguassince, zq-iebetania: «Participa» empty; contraloriands: a
«Participación ciudadana» link to a template's placeholder page; curaduria2: «Participa» to a page
that only says «Cargando noticias...»). The rules of the item's profile with ``content_only``
(``judge._part_hits``) drop what those names find with a problem (shown empty, a placeholder, a loading
page with no script). The section item ``ley1712.6`` still reads its own name shown empty: ``parcial``.
``test_class_2370_names_that_are_not_6_1_shown_empty_are_no_6_1`` fails without ``content_only`` on
those rules (checked: ``parcial``). ``test_class_2370_a_participa_page_that_describes_the_spaces_is_6_1`` guards the other
side (a «Participa» page that says which spaces the entity offers is 6.1, first evidence that page), and
``test_class_2370_the_section_named_empty_is_still_section_6_named_and_empty`` the section item.

Class 2371 (criterion F, issue 15 «Weakest evidence first»): a status query of requests («Consultar
PQRSD», «Estado de la PQRS») is the object of ``transaccion.seguimiento``, not the mechanism to present
a request that ``interaccion.pqrsd`` asks for: its title and its link no longer name that item
(``exclude`` in ``gelt-2008.toml``), so the page to present one is the first evidence (c-edup:
/consultar.php before /pqrsfd.php). ``test_class_2371_the_status_query_is_not_the_requests_page``
fails without those phrases (checked: «/consultar» first).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records, page

OFFLINE = "[links]\ncheck_external = false\n"

# a Res. 3564 hub with a Res. 1519 «6. Participa» accordion: each name shown with nothing under it
EMPTY_HUB = (
    "<p>Información publicada según la Ley 1712 de 2014.</p>"
    '<button class="accordion">6. Participa</button><div class="panel"><p>Contenido por completar</p></div>'
    '<button class="accordion">6. Planeación</button><div class="panel">'
    "<h4>6.5-Participación en la formulación de políticas</h4><p>Aun no hay documentos en este item</p>"
    '<h4>6.6-Informes de empalme</h4><p><a href="/documentos/empalme-2024.pdf">Informe de empalme 2024</a></p>'
    "</div>"
    '<button class="accordion">2. Normatividad</button><div class="panel">'
    '<p><a href="/documentos/decreto-045-2026.pdf">Decreto 045 de 2026</a></p></div>'
)
PDF = Resource(body=b"%PDF-1.4\n% documento\n", headers={"Content-Type": "application/pdf"})

EMPTY_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al sitio oficial de la Alcaldía de Prueba, con trámites, noticias y atención.</p>"
        '<p><a href="/transparencia">Transparencia y acceso a la información pública</a></p>'
        '<p><a href="/home/about">Participación ciudadana</a></p>',
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", EMPTY_HUB),
    # contraloriands: the framework's stock page behind the entry, never replaced
    "/home/about": page("About", "<p>Use this area to provide additional information.</p>"),
    "/documentos/empalme-2024.pdf": PDF,
    "/documentos/decreto-045-2026.pdf": PDF,
}

# class 2371 (c-edup): the portal to present a request and the page to query one's status, both in the menu
QUERY_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al sitio oficial de la Alcaldía de Prueba, con trámites, noticias y atención.</p>"
        '<p><a href="/consultar">Consultar PQRSD</a></p><p><a href="/pqrsfd">PQRSFD</a></p>',
    ),
    "/pqrsfd": page(
        "Alcaldía de Prueba",
        "<h3>Bienvenido al portal de PQRSFD</h3>"
        '<form action="/pqrsfd/enviar" method="post"><label>Nombre <input name="nombre"></label>'
        '<label>Correo <input name="correo" type="email"></label>'
        '<label>Tipo de solicitud <select name="tipo"><option>Petición</option><option>Queja</option>'
        "<option>Reclamo</option></select></label>"
        '<label>Su solicitud <textarea name="solicitud"></textarea></label><button>Enviar</button></form>',
    ),
    "/consultar": page(
        "Consultar PQRSD",
        "<p>Escriba el número de radicado que recibió en su correo para ver el estado de su solicitud.</p>"
        '<form action="/consultar/estado" method="get"><label>Número de radicado <input name="radicado"></label>'
        "<button>Consultar</button></form>",
    ),
}

# the other side: a «Participa» page that says which spaces the entity offers and how to take part
SPACES_ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al sitio oficial de la Alcaldía de Prueba, con trámites, noticias y atención.</p>"
        '<p><a href="/transparencia">Transparencia y acceso a la información pública</a></p>',
    ),
    "/transparencia": page(
        "Transparencia y acceso a la información pública",
        '<h3>6. Participa</h3><ul><li><a href="/participa">Participa</a></li></ul>'
        '<h3>2. Normatividad</h3><ul><li><a href="/documentos/decreto-045-2026.pdf">Decreto 045 de 2026</a></li></ul>',
    ),
    "/participa": page(
        "Participa",
        "<p>La Alcaldía ofrece a la ciudadanía el Consejo Territorial de Planeación, los comités de"
        " veeduría de las obras y las mesas de presupuesto participativo de cada vereda. Para tomar parte,"
        " inscríbase en la Secretaría de Gobierno o escriba a participacion@alcaldia.example.</p>",
    ),
    "/documentos/decreto-045-2026.pdf": PDF,
}


@pytest.fixture(scope="module")
def empty(tmp_path_factory):
    """The site whose every participation name is shown empty, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h237-empty"), EMPTY_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def query(tmp_path_factory):
    """The site with a requests portal and a status query, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h237-query"), QUERY_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def spaces(tmp_path_factory):
    """The site whose «Participa» page describes the spaces, crawled once."""
    return checklist_records(tmp_path_factory.mktemp("h237-spaces"), SPACES_ROUTES, OFFLINE)


def test_class_2370_names_that_are_not_6_1_shown_empty_are_no_6_1(empty):
    rec = empty[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec


def test_class_2370_the_section_named_empty_is_still_section_6_named_and_empty(empty):
    rec = empty[("ley1712-res1519", "ley1712.6")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia", rec


def test_class_2370_a_participa_page_that_describes_the_spaces_is_6_1(spaces):
    rec = spaces[("ley1712-res1519", "ley1712.6.1")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/participa", rec


def test_class_2371_the_status_query_is_not_the_requests_page(query):
    rec = query[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/pqrsfd", rec
    assert "/consultar" not in rec["paths"], rec
