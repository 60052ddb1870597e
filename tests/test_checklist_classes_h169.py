"""Named and empty, in the forms the engine did not read (issue 15, H169): the criterion of
docs/checklist-states.md, «Nombrado y vacío» and its «Alcance». One small site, crawled once by the
real CLI in a module-scoped fixture.

Class 1690: a page named for the item whose only content is a notice that nothing is published, in
the criterion's own words «no cuenta con información» (long enough not to be empty by its word
count): «vacía o en construcción», ``parcial``. Before, the page-level notices were «en construcción»,
«próximamente», «sin información», «no hay información» and a few list notices: «no se encontró».

Class 1691: a section of the Transparencia page titled for the item whose only content is such a
notice («La entidad aún no cuenta con documentos para esta sección»): ``parcial``, the section said
to have nothing published yet. Before, the section notices were «no hay documentos», «sin
documentos», «en construcción», «próximamente», «no hay información», «sin información»: the section
had fewer than twelve words and no link, so it was no section, «no se encontró».

Class 1692: a section title of the Transparencia page with nothing under it, the next title of its
level right after it («<h3>Defensa judicial</h3><h3>Informes de gestión</h3>…»): a section shown
with nothing published, ``parcial``. Before, only a list item or a numbered heading was read so;
an unnumbered heading over nothing was no section: «no se encontró».

Class 1692 also reads a title with only an empty paragraph before the next title. Its detail is a
blank section's («está vacía: no muestra nada bajo su título»), as a title over an empty box.

Class 1698: the same title on a page that runs a script is ``sin_verificar``, as a title over an
empty box there: the script may draw the section's content (docs/checklist-states.md, `sin_verificar`).

Classes 1694-1696: a name in plain text with nothing under it in a list that names entries: a table
row whose other cells are empty among rows that link, an entry over an empty sub-list, a ``dt`` over
an empty ``dd``: ``parcial``, «está en la lista, sin nada publicado». Before, a table cell was read
only when styled as a title, a ``li`` only over a sub-list with something in it, a ``dt`` only over a
``dd`` with something in it: «no se encontró». (A plain-text ``li`` among linked entries was read so
too and left out: it lowered a held-out figure; docs/checklist-accuracy.md, «H169».)

Class 1697: the bound of class 1694: a table none of whose rows links (the topics of a meeting) names
no entry of the site: ``no_cumple``, «no se encontró».

Class 1699: an accordion's button over a pane with nothing in it («Decisiones que pueden afectar al
público» and an empty ``card-body``), on a page with no script: a section shown empty, ``parcial``
(with a script it is ``sin_verificar``, as class 1698). Before, the button over nothing was no section:
«no se encontró».

Class 1693: headings that are content (an e-mail, a phone, written as headings one after the other)
beside these sections: the items published on the page keep their verdicts. It passes without the
fixes too, and also with :func:`contents.bare_title` made always true (checked: no item here cites
such a heading), so it does not prove that bound; the bound is a precaution taken from the tuning
pages whose addresses and phones are headings in a row (``i-curaduria1``, ``s-piedecuesta``,
``zd-cucuta``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

NAV = (
    ("/", "Inicio"),
    ("/transparencia", "Transparencia"),
    ("/transparencia/directorio", "Directorio de servidores públicos"),
    ("/transparencia/entidad", "Información de la entidad"),
)


def _page(title: str, body: str, script: bool = False) -> Resource:
    """A page of the template: the menu, the page's title and ``body``, a footer with the seat; a
    script in the head when ``script``."""
    links = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in NAV)
    head = '<script src="/app.js"></script>' if script else ""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
        f"<header><p>Alcaldía Municipal de Prueba</p></header><nav><ul>{links}</ul></nav>"
        f"<main><h1>{title}</h1>{body}</main>"
        "<footer><p>Sede: Calle 1 # 2-3, Centro. Teléfono 601 555 0000. Horario: lunes a viernes de 8:00 a 12:00"
        " y de 14:00 a 18:00.</p></footer></body></html>"
    )


PDF = Resource(body=b"%PDF-1.4 informe", headers={"Content-Type": "application/pdf"})

HUB = (
    "<p>En cumplimiento de la Ley 1712 de 2014 la Alcaldía publica aquí su información.</p>"
    "<h2>4. Planeación, presupuesto e informes</h2>"
    "<h3>Informes de gestión</h3>"
    '<ul><li><a href="/docs/informe-gestion-2026.pdf">Informe de gestión 2026</a></li></ul>'
    # class 1692: a title over nothing (an empty paragraph), the next title of its level right after it
    "<h3>Defensa judicial</h3><p> </p>"
    "<h3>Plan de acción</h3>"
    '<ul><li><a href="/docs/plan-accion-2026.pdf">Plan de acción 2026</a></li></ul>'
    # class 1691: a section whose only content is a notice that nothing is published
    "<h3>Informes de empalme</h3>"
    "<p>La entidad aún no cuenta con documentos para esta sección.</p>"
    "<h3>Contacto de la oficina</h3>"
    # class 1693: headings that are content, one after the other
    "<h4>Notificaciones judiciales: notificaciones@prueba.gov.co</h4><h4>Teléfono 601 555 0101</h4>"
    "<h2>1. Información de la entidad</h2>"
    # class 1694: a table of entries, one row a name with an empty cell
    "<table><tr><th>Documento</th><th>Enlace</th></tr><tr><td>Plan anual de auditorías</td>"
    '<td><a href="/docs/auditorias.pdf">Ver</a></td></tr><tr><td>Proyectos de inversión</td><td></td></tr></table>'
    # class 1695: an entry over an empty sub-list; class 1696: a term over an empty definition
    '<ul><li>Manual de contratación<ul></ul></li><li><a href="/docs/estatuto.pdf">Estatuto interno</a></li></ul>'
    "<dl><dt>Informes de control interno</dt><dd></dd><dt>Auditorías</dt>"
    '<dd><a href="/docs/auditorias.pdf">Plan anual de auditorías</a></dd></dl>'
    # class 1699: an accordion's entry whose pane shows nothing
    '<div class="accordion"><div class="card"><div class="card-header"><button class="btn btn-link" data-toggle="collapse"'
    ' data-target="#d1">Decisiones que pueden afectar al público</button></div><div id="d1" class="collapse">'
    '<div class="card-body"></div></div></div></div>'
    # class 1697: a table of plain text with no link names no entries
    "<p>Temas de la próxima sesión:</p><table><tr><td>Proyectos de normas para comentarios</td><td></td></tr>"
    "<tr><td>Varios</td><td></td></tr></table>"
)

# class 1690: a page named for the item that only says it has nothing, in more than fifteen words
DIRECTORY = (
    "<p>Estimado ciudadano: en este momento la Alcaldía no cuenta con información publicada en esta"
    " sección del portal institucional. Gracias por su comprensión y paciencia.</p>"
)


# class 1698: a title over nothing on a page that runs a script (what may fill it)
ENTITY = (
    "<h3>Entes de control</h3>"
    "<h3>Información de interés</h3><p>La Alcaldía informa a la ciudadanía sobre sus actividades de cada mes.</p>"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site's checklist records by (profile, item)."""
    routes = {
        "/": _page("Alcaldía Municipal de Prueba", "<p>Bienvenidos al sitio web oficial de la Alcaldía.</p>"),
        "/transparencia": _page("Transparencia y acceso a la información pública", HUB),
        "/transparencia/directorio": _page("Directorio de servidores públicos", DIRECTORY),
        "/transparencia/entidad": _page("Información de la entidad", ENTITY, script=True),
        "/app.js": Resource(body=b"document.title;", headers={"Content-Type": "application/javascript"}),
        "/docs/informe-gestion-2026.pdf": PDF,
        "/docs/plan-accion-2026.pdf": PDF,
        "/docs/auditorias.pdf": PDF,
        "/docs/estatuto.pdf": PDF,
    }
    return checklist_records(tmp_path_factory.mktemp("h169"), routes)


def test_class_1690_a_page_that_says_it_has_no_information_is_shown_empty(site):
    rec = site[("ley1712-res1519", "ley1712.1.5")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia/directorio"], rec
    assert (
        "dice «Estimado ciudadano: en este momento la Alcaldía no cuenta con información publicada" in rec["detail"]
    ), rec


def test_class_1691_a_section_that_says_it_has_no_documents_yet_is_shown_empty(site):
    rec = site[("ley1712-res1519", "ley1712.4.5")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia"], rec
    assert "«Informes de empalme»" in rec["detail"], rec
    assert "dice «La entidad aún no cuenta con documentos para esta sección.»: no tiene nada" in rec["detail"], rec


def test_class_1692_a_section_title_with_nothing_under_it_is_named_and_empty(site):
    rec = site[("ley1712-res1519", "ley1712.4.9")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia"], rec
    assert "«Defensa judicial»" in rec["detail"] and "no muestra nada bajo su título" in rec["detail"], rec


def test_class_1698_a_title_over_nothing_on_a_page_that_runs_a_script_is_unverified(site):
    # the script may draw the section's content after its title: not seen, neither empty nor found
    rec = site[("ley1712-res1519", "ley1712.1.13")]
    assert rec["status"] == "sin_verificar", rec
    assert rec["paths"][:1] == ["/transparencia/entidad"], rec
    assert "«Entes de control»" in rec["detail"], rec


def test_class_1693_beside_headings_that_are_content_published_items_keep_their_verdicts(site):
    # the e-mail for judicial notices is published in the heading itself: not an entry «named and empty»
    rec = site[("gelt-2008", "info.notificaciones_judiciales")]
    assert "sin nada publicado" not in rec["detail"], rec
    # the sections that publish keep their verdicts
    rec = site[("ley1712-res1519", "ley1712.4.3")]
    assert rec["status"] in ("cumple", "parcial") and "sin nada publicado" not in rec["detail"], rec


@pytest.mark.parametrize(
    ("item", "name"),
    [
        ("ley1712.4.4", "Proyectos de inversión"),  # class 1694: a table row with an empty cell
        ("ley1712.3.4", "Manual de contratación"),  # class 1695: an entry over an empty sub-list
        ("ley1712.4.8", "Informes de control interno"),  # class 1696: a term over an empty definition
    ],
)
def test_classes_1694_1696_a_name_in_a_list_of_entries_with_nothing_under_it_is_named_and_empty(site, item, name):
    rec = site[("ley1712-res1519", item)]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia"], rec
    assert f"«{name}»" in rec["detail"] and "sin nada publicado" in rec["detail"], rec


def test_class_1697_a_table_of_plain_text_names_no_entry(site):
    # no row of the table links: a list of topics, not a list of the site's entries
    rec = site[("ley1712-res1519", "ley1712.2.3")]
    assert rec["status"] == "no_cumple" and "no se encontró" in rec["detail"], rec


def test_class_1699_an_accordion_entry_over_an_empty_pane_is_shown_empty(site):
    rec = site[("ley1712-res1519", "ley1712.1.12")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][:1] == ["/transparencia"], rec
    assert "«Decisiones que pueden afectar al público»" in rec["detail"], rec
    assert "no muestra nada bajo su título" in rec["detail"], rec
