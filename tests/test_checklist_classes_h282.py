"""Recall of the ley1712-res1519 profile (issue 15, H282): what a person reads on the site that the
engine did not. Crawls on 127.0.0.1 through the real CLI, offline.

Class 2820: a page of the site named for PQRSD (its title, or the heading right over the link) that
links to a form on a form platform (Google Forms, Microsoft Forms…) offers the entity's PQRSD form; its
fields (the anonymous option, the consent to data treatment, the request type) are on the other host
and were not seen: ``ley1712.pqrsd_form`` ``parcial``, evidenced by the site's page, never by the
platform's address (docs/checklist-scope.md, criteria I and Q; the labels of zzj-santamargarita and
zzq-iemariaantoniaruiz). The page is named by its title, by the heading over the link («PQRSF» in a
community page) or by the site's entry that leads to it (a menu's «PQRSD» opening a page titled only
«¡Te damos la bienvenida!»). Where the site has its own PQRSD form too, that form (which meets more of
the item's parts) leads the evidence, not the page that links elsewhere. The controls: the same link
from a page named for something else (its own text alone names PQRSD: criterion I, an entry alone is
not what the site shows), and a satisfaction survey on the PQRSD page, are no PQRSD form
(``no_cumple``).

The class tests fail without the rule (checked, H282: ``no_cumple``, «no se encontró en el sitio
rastreado»); the controls pass with and without it. The own form's test passes with and without the
ordering of ``FORM_KINDS`` in judge.py too (here both orders put the fuller form first): that ordering
is shown by the tuning measure, where without it a contact or fault-report form led the evidence of
coopsercont, k-guachucal and n-soacha (docs/checklist-accuracy.md, «H282»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"

SCHOOL = "Institución Educativa Santa Teresa"
NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/comunidad.html">Comunidad</a></li>'
    '<li><a href="/noticias.html">Noticias</a></li>'
    "</ul></nav>"
)


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {SCHOOL}</title></head>"
        f"<body><header><p>{SCHOOL}</p>{NAV}</header><main>{main}</main>"
        "<footer><p>Carrera 8 # 12-40. Teléfono 604 555 0123.</p></footer></body></html>"
    )


HOME = _page("Inicio", "<h1>Bienvenidos</h1><p>La institución educativa del municipio, preescolar a media.</p>")
NEWS = _page(
    "Noticias",
    "<h1>Noticias</h1><article><h2>Semana de la ciencia</h2><p>Los estudiantes presentaron sus proyectos"
    " de aula ante la comunidad educativa el 14 de marzo.</p>"
    '<p><a href="https://forms.gle/Abc123PqrsXyz">Clic aquí para poner tu PQRSD</a></p></article>',
)

SITE: dict[str, Resource] = {
    "/": HOME,
    "/noticias.html": _page(
        "Noticias", "<h1>Noticias</h1><p>Los estudiantes presentaron sus proyectos de aula el 14 de marzo.</p>"
    ),
    "/comunidad.html": _page(
        "Comunidad",
        "<h1>Comunidad educativa</h1><p>Padres de familia, estudiantes y docentes de la institución.</p>"
        "<section><h2>PQRSF</h2><p>Peticiones, quejas, reclamos, sugerencias y felicitaciones: la institución"
        " las recibe y responde en los términos de ley.</p>"
        '<p><a href="https://forms.gle/Abc123PqrsXyz">Solicitud PQRSF</a></p></section>',
    ),
}

WELCOME = _page(
    "Atención",
    "<h1>¡Te damos la bienvenida!</h1><p>Para nosotros es fundamental brindarte una atención de calidad.</p>"
    '<ul><li><a href="https://forms.gle/Def456PqrsUvw">Haz clic aquí</a></li></ul>',
)
OWN_FORM = _page(
    "Radicar",
    "<h1>Peticiones, quejas, reclamos, sugerencias y denuncias</h1><form action='/radicar' method='post'>"
    "<label>Tipo de solicitud</label><select name='tipo'><option>Petición</option><option>Queja</option>"
    "<option>Reclamo</option><option>Sugerencia</option><option>Denuncia</option></select>"
    "<label>Nombre</label><input type='text' name='nombre'><label>Correo</label><input type='email' name='correo'>"
    "<label>Descripción</label><textarea name='descripcion'></textarea>"
    "<label><input type='checkbox' name='acepto'> Autorizo el tratamiento de datos personales</label>"
    "<button type='submit'>Radicar</button></form>",
)
ENTRY_HOME = _page(
    "Inicio",
    "<h1>Bienvenidos</h1><p>La institución educativa del municipio, preescolar a media.</p>"
    '<p><a href="/atencion.html">PQRSD</a></p>',
)
ENTRY: dict[str, Resource] = {"/": ENTRY_HOME, "/atencion.html": WELCOME}
BOTH: dict[str, Resource] = {
    "/": _page(
        "Inicio",
        "<h1>Bienvenidos</h1><p>La institución educativa del municipio, preescolar a media.</p>"
        '<p><a href="/reporte.html">Reporte de daños</a> · <a href="/atencion.html">PQRSD</a> ·'
        ' <a href="/radicar.html">Radicar una solicitud</a></p>',
    ),
    "/reporte.html": _page(
        "Formulario de reporte",
        "<h1>Reporte de daños</h1><form action='/reportar' method='post'>"
        "<label>Nombre</label><input type='text' name='nombre'><label>Correo</label><input type='email' name='correo'>"
        "<label>Descripción</label><textarea name='descripcion'></textarea><button type='submit'>Enviar</button></form>",
    ),
    "/atencion.html": WELCOME,
    "/radicar.html": OWN_FORM,
}

CONTROL: dict[str, Resource] = {
    "/": HOME,
    "/noticias.html": NEWS,
    "/comunidad.html": _page(
        "Comunidad",
        "<h1>Comunidad educativa</h1><p>Padres de familia, estudiantes y docentes de la institución.</p>"
        "<section><h2>PQRSF</h2><p>Califique la atención recibida en la secretaría de la institución.</p>"
        '<p><a href="https://docs.google.com/forms/d/e/1FAIpQLSe0/viewform">Encuesta de satisfacción</a></p>'
        "</section>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The school whose «PQRSF» section links its form on Google Forms."""
    return checklist_records(tmp_path_factory.mktemp("h282-site"), SITE, OFFLINE)


@pytest.fixture(scope="module")
def control(tmp_path_factory):
    """The school whose form link is in a news item, and whose «PQRSF» section links only a survey."""
    return checklist_records(tmp_path_factory.mktemp("h282-control"), CONTROL, OFFLINE)


def test_class_2820_a_pqrsd_section_linking_a_platform_form_is_partial(site):
    rec = site[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/comunidad.html"], rec
    assert "otra plataforma" in rec["detail"], rec
    assert not any("forms.gle" in p for p in rec["paths"]), rec


@pytest.fixture(scope="module")
def entry(tmp_path_factory):
    """The school whose «PQRSD» entry opens a welcome page that links its form on Google Forms."""
    return checklist_records(tmp_path_factory.mktemp("h282-entry"), ENTRY, OFFLINE)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same school, with its own PQRSD form on the site too (no anonymous option), and a fault-report
    form (a message form, the PQRSD form's first part only) linked before it."""
    return checklist_records(tmp_path_factory.mktemp("h282-both"), BOTH, OFFLINE)


def test_class_2820_the_page_an_entry_names_pqrsd_linking_a_platform_form_is_partial(entry):
    rec = entry[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/atencion.html"], rec


def test_class_2820_the_sites_own_form_leads_the_evidence(both):
    rec = both[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "parcial", rec  # no anonymous option
    assert rec["paths"][:1] == ["/radicar.html"], rec


def test_class_2820_a_link_text_alone_or_a_survey_is_no_pqrsd_form(control):
    rec = control[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "no_cumple", rec
