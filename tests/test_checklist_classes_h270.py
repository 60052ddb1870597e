"""Recall of the gelt-2008 profile (issue 15, H270): entries a person reads under their title, and shared
files a person opens as documents, that the engine did not. Two crawls on 127.0.0.1 through the real CLI,
offline: a town hall's hand-made site and a second one whose list leaves no entry to its first title.

Class 2700: a page written by hand leaves a list open: «<p><b>Informe de empalme</b></p><ul><li>2020</li>
<li>2023</li><br><p><b>Informes de gestión</b></p><ul>…» puts the next bold title inside the list that
holds the first title's entries. A person reads «2020» and «2023» under «Informe de empalme» and stops at
the next title: ``plan.empalme`` is found on that page. The second town hall's list opens with the next
title, so nothing is under «Informe de empalme» there, and the entries of «Informes de gestión» are not
its: ``plan.empalme`` is not ``cumple``.

Class 2701: a link to a file a file host shows in its viewer (Google Drive's «/file/d/<id>/view») is a
link to a document, as a «.pdf» is: «Formulario de inscripción a procesos de participación» there is a
downloadable form (``interaccion.formularios``), found (its host is not checked offline: ``sin_verificar``
with that link as evidence, no longer ``no_cumple``). A Drive folder is no document: the second town
hall's «Formularios» to a folder stays ``no_cumple``.

Each class test fails without its rule (checked, H270, on ``integ19`` with this file: see
docs/checklist-accuracy.md); the controls pass with and without the rules.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records
from tests.test_checklist_classes_h256 import OFFLINE
from tests.test_checklist_classes_h256 import _page as page  # the layout: header, nav, main, footer

DRIVE_FILE = "https://drive.google.com/file/d/1aR-r68mgUSrVbLGrUhPL5pc_hFTwSFH5/view"
DRIVE_FOLDER = "https://drive.google.com/drive/folders/1KHR87xy9E_Gzn9CnUxY_-kwCmsjLckdv"
NAV = (
    '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/planeacion.html">Planeación</a></li>'
    '<li><a href="/formatos.html">Formatos</a></li></ul></nav>'
)


def _page(entity: str, title: str, main: str) -> Resource:
    return page(entity, NAV, title, main)


def _entry(href: str, name: str) -> str:
    return f'<li><a href="{href}" target="_blank"><img src="/icono.png" alt="icono"><span><b>{name}</b></span></a></li>'


def _report(entity: str, year: str) -> Resource:
    return _page(
        entity,
        f"Informe {year}",
        f"<h1>Informe {year}</h1><p>La administración entrante recibe el estado de los programas, las cuentas, "
        "los contratos y los bienes del municipio, con las actas firmadas por los dos equipos.</p>",
    )


def _planning(entity: str, under_first: str, under_next: str) -> Resource:
    """The planning page written by hand: «Informe de empalme» in bold, the list of its entries left open
    around the next bold title and that title's own list."""
    return _page(
        entity,
        "Planeación",
        "<h1>Planeación</h1><p><b>Informe de empalme</b></p>"
        f'<ul class="list-unstyled">{under_first}<br><br><p><b>Informes de gestión</b></p>'
        f'<ul class="list-unstyled">{under_next}</ul></ul>',
    )


def _forms(entity: str, entry: str) -> Resource:
    """The forms page: one entry."""
    return _page(
        entity,
        "Formatos",
        f'<h1>Formatos</h1><p>Formatos de los trámites del municipio.</p><ul class="list-unstyled">{entry}</ul>',
    )


TOWN = "Alcaldía de Villa del Río"
TOWN_ROUTES: dict[str, Resource] = {
    "/": _page(TOWN, "Inicio", "<h1>Bienvenidos</h1><p>El municipio informa a sus ciudadanos.</p>"),
    "/planeacion.html": _planning(
        TOWN,
        _entry("/archivo/acta-2020.html", "2020") + _entry("/archivo/acta-2023.html", "2023"),
        _entry("/archivo/gestion-2024.html", "Informe de gestión 2024"),
    ),
    "/archivo/acta-2020.html": _report(TOWN, "2020"),
    "/archivo/acta-2023.html": _report(TOWN, "2023"),
    "/archivo/gestion-2024.html": _report(TOWN, "de gestión 2024"),
    "/formatos.html": _forms(TOWN, _entry(DRIVE_FILE, "Formulario de inscripción a procesos de participación.")),
}

TOWN2 = "Alcaldía de San Pedro"
TOWN2_ROUTES: dict[str, Resource] = {
    "/": _page(TOWN2, "Inicio", "<h1>Bienvenidos</h1><p>El municipio informa a sus ciudadanos.</p>"),
    "/planeacion.html": _planning(
        TOWN2,
        "",
        _entry("/archivo/gestion-2024.html", "Informe de gestión 2024")
        + _entry("/archivo/gestion-2023.html", "Informe de gestión 2023"),
    ),
    "/archivo/gestion-2024.html": _report(TOWN2, "de gestión 2024"),
    "/archivo/gestion-2023.html": _report(TOWN2, "de gestión 2023"),
    "/formatos.html": _forms(TOWN2, _entry(DRIVE_FOLDER, "Formularios")),
}


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> dict[tuple[str, str], dict]:
    return checklist_records(tmp_path_factory.mktemp("h270-town"), TOWN_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def town2(tmp_path_factory) -> dict[tuple[str, str], dict]:
    return checklist_records(tmp_path_factory.mktemp("h270-town2"), TOWN2_ROUTES, OFFLINE)


def test_class_2700_entries_in_a_list_left_open_around_the_next_title_are_the_first_titles(town) -> None:
    rec = town[("gelt-2008", "plan.empalme")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/planeacion.html", rec


def test_class_2700_control_the_next_titles_entries_are_not_the_first_titles(town2) -> None:
    rec = town2[("gelt-2008", "plan.empalme")]
    assert rec["status"] != "cumple", rec


def test_class_2701_a_drive_file_named_as_a_form_is_a_downloadable_form(town) -> None:
    rec = town[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] != "no_cumple", rec
    assert DRIVE_FILE in rec["paths"], rec


def test_class_2701_control_a_drive_folder_is_no_document(town2) -> None:
    rec = town2[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] == "no_cumple", rec
