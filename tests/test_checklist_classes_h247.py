"""Evidence order against issue 15's «weakest evidence first» (H247): the page of the site a person
points to before what it leads to. One crawl of a small hospital's site on 127.0.0.1, through the real
CLI, offline (external links are not opened).

Class 2470: a section of the mandated menu that nothing names (no «8. Información específica para
grupos de interés»), shown by its entries (``sections_shown.shown_by_entries``), is evidenced first by
the page that shows two or more of those entries (the page «Grupos de atención» listing the children's,
the women's and the vulnerable population's pages), then by the entries' pages: that list is where a
person sees the section (zzj-santamargarita, zn-bomberossoledad).
``test_class_2470_a_section_shown_by_its_entries_leads_with_the_page_that_lists_them`` fails without
the count of entries per page in ``shown_by_entries`` (checked: evidence ``['/nna', '/grupos', …]``).
``test_class_2470_the_home_page_shortcuts_do_not_lead`` guards the other side: the home page's shortcuts
to two entries (g-hsap) are not the section's page, since the Transparencia menu does not link the home
page; it fails with the rule's first form, the count before the menu (checked: ``['/', …]``).

Class 2471: a file kept on another host (a Google Drive viewer) named for the item, linked from a page of
the site («Instrumentos de gestión de la información» listing the index of classified information, the
asset register and the publication scheme as Drive files), is evidenced first by that page, then by the
file (``ranking.offsite_file``; zzj-santamargarita's ``/DatosAbiertos.html``).
``test_class_2471_a_file_on_another_host_follows_the_page_that_lists_it`` fails without
``offsite_file`` in ``judge._evidence`` (checked: evidence ``['https://drive.google.com/file/d/…/view',
'/instrumentos', …]``). ``test_class_2471_a_form_tool_link_is_not_a_file`` guards the other side: a
Google Forms survey is a service, not a file: it stays first (fails with the rule reading ``/forms/``
as a file, checked: ``['/pqrsd', 'https://docs.google.com/forms/…']``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "E.S.E. Hospital San Rafael de Santa Rita"
DRIVE = "https://drive.google.com/file/d/{}/view"
FORM = "https://docs.google.com/forms/d/e/1FAIpQLSe0000example/viewform"
SURVEY = "https://docs.google.com/forms/d/e/1FAIpQLSe1111example/viewform"
MENU = (
    ("/quienes-somos", "¿Quiénes somos?"),
    ("/instrumentos", "Datos abiertos"),
    ("/grupos", "Grupos de atención"),
    ("/pqrsd", "PQRSD"),
    ("/control-interno", "Control interno"),
)
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/transparencia'>Transparencia</a></li>"
    + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in MENU)
    + "</ul></nav>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Carrera 5 # 10-20, Santa Rita. Teléfono 604 555 0102. Correo contacto@hsr.example</footer>"
        "</body></html>"
    )


def _text(title: str, text: str) -> Resource:
    return _html(title, f"<h1>{title}</h1><p>{text}</p>")


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Empresa social del Estado que presta servicios de salud de primer nivel a la"
        " población de Santa Rita y sus veredas.</p>",
    ),
    "/transparencia": _html(
        "Transparencia",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in MENU)
        + "</ul>",
    ),
    "/quienes-somos": _text(
        "¿Quiénes somos?",
        "Somos la empresa social del Estado del municipio, creada por el Acuerdo 012 de 1995 del Concejo.",
    ),
    # class 2471: the page lists the information management instruments, each a Drive file
    "/instrumentos": _html(
        "Datos abiertos",
        "<h2>Instrumentos de gestión de la información.</h2><ul>"
        f"<li><a href='{DRIVE.format('1AbCdEfGhIjKlMnOpQr')}'>Índice de información clasificada y reservada.</a></li>"
        f"<li><a href='{DRIVE.format('2BcDeFgHiJkLmNoPqRs')}'>Registro de activos de información.</a></li>"
        f"<li><a href='{DRIVE.format('3CdEfGhIjKlMnOpQrSt')}'>Esquema de publicación de información.</a></li>"
        "</ul>",
    ),
    # another page lists another instrument on Drive: no one page shows every part of the item
    "/control-interno": _html(
        "Control interno",
        "<h2>Gestión de control interno</h2><ul>"
        f"<li><a href='{DRIVE.format('4DeFgHiJkLmNoPqRsTu')}'>Tabla de retención documental 2025</a></li></ul>",
    ),
    # class 2470: a page of groups (not named as the section) that lists three of its entries
    "/grupos": _html(
        "Grupos de atención",
        "<h2>Grupos de atención</h2><ul>"
        "<li><a href='/nna'>Información para niñas, niños y adolescentes</a></li>"
        "<li><a href='/mujeres'>Información para mujeres</a></li>"
        "<li><a href='/vulnerable'>Población vulnerable</a></li></ul>",
    ),
    "/nna": _text(
        "Información para niñas, niños y adolescentes",
        "Derechos de los niños en la atención en salud, el esquema de vacunación y los controles de"
        " crecimiento y desarrollo, explicados para ellos.",
    ),
    "/mujeres": _text(
        "Información para mujeres",
        "Ruta de atención materna: controles prenatales, curso de preparación para la maternidad y la"
        " línea de atención a mujeres víctimas de violencia.",
    ),
    "/vulnerable": _text(
        "Población vulnerable",
        "Atención prioritaria a personas con discapacidad, adultos mayores y víctimas del conflicto, con"
        " los horarios y los documentos que deben presentar.",
    ),
    # the other side of class 2471: the PQRSD page's form is a Google Form (a service, not a file)
    "/pqrsd": _html(
        "PQRSD",
        "<h1>Peticiones, quejas, reclamos, sugerencias y denuncias</h1><p>Radique su petición, queja,"
        f" reclamo, sugerencia o denuncia en el <a href='{FORM}'>formulario de PQRSD</a>.</p><p>Cuéntenos cómo lo"
        f" atendimos: <a href='{SURVEY}'>Encuesta de satisfacción</a>.</p>",
    ),
}


# the other side of class 2470: the home page's shortcuts lead to two entries under the menu's own path
# (g-hsap); the home page shows both, but the Transparencia menu does not link it
SHORTCUTS: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Empresa social del Estado de Santa Rita.</p><div class='atajos'>"
        "<a href='/transparencia/nna'>Información para niñas, niños y adolescentes</a> "
        "<a href='/transparencia/mujeres'>Información para mujeres</a></div>",
    ),
    "/transparencia": _html(
        "Transparencia",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        "<li><a href='/quienes-somos'>Quiénes somos</a></li>"
        "<li><a href='/transparencia/contacto'>Mecanismos de contacto</a></li></ul>",
    ),
    "/quienes-somos": ROUTES["/quienes-somos"],
    "/transparencia/contacto": _text("Mecanismos de contacto", "Carrera 5 # 10-20, Santa Rita. Teléfono 604 555 0102."),
    "/transparencia/nna": ROUTES["/nna"],
    "/transparencia/mujeres": ROUTES["/mujeres"],
}


@pytest.fixture(scope="module")
def shortcuts(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h247shortcuts"), SHORTCUTS, OFFLINE)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h247"), ROUTES, OFFLINE)


def test_class_2470_a_section_shown_by_its_entries_leads_with_the_page_that_lists_them(site):
    rec = site[("ley1712-res1519", "ley1712.8")]
    assert rec["status"] == "parcial", rec
    assert "la muestran sus entradas" in rec["detail"], rec
    assert rec["paths"][0] == "/grupos", rec
    assert "/nna" in rec["paths"], rec


def test_class_2470_the_home_page_shortcuts_do_not_lead(shortcuts):
    rec = shortcuts[("ley1712-res1519", "ley1712.8")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:2] == ["/transparencia/nna", "/transparencia/mujeres"], rec


def test_class_2471_a_file_on_another_host_follows_the_page_that_lists_it(site):
    rec = site[("ley1712-res1519", "ley1712.7.1")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/instrumentos", rec
    assert rec["paths"][1].startswith("https://drive.google.com/file/d/"), rec


def test_class_2471_a_form_tool_link_is_not_a_file(site):
    # the survey is the Google Form itself (a service on docs.google.com, not a file kept there): it
    # stays the first evidence, before the page that links it
    rec = site[("gelt-2008", "interaccion.encuestas")]
    assert rec["paths"][:2] == [SURVEY, "/pqrsd"], rec
