"""«No aplica» next to the entry it is about, and names the footer shows with no link (issue 15, H273):
crawls on 127.0.0.1 through the real CLI, offline. First a municipal ombudsman's office (personería) whose Transparencia page lists the
entries of its sections as bullets and writes, right under an entry it does not publish, the note
that says why (docs/checklist-states.md, «no_aplica»; docs/checklist-scope.md, criterion M).

Class 2730: a list's last entry named with no link and nothing inside it — alone in its list, or the
only one there that leads nowhere while the others open their content — followed right by a paragraph
with no link that says it does not apply («… no le aplica esta publicación», «No aplica: …», «no está
obligada a …») is read as a person reads it: the paragraph is the entry's note. The entry's item is
proposed ``no_aplica`` with that sentence as its evidence (``ley1712.4.3`` «Plan de acción»,
``ley1712.4.4`` «Proyectos de inversión», ``ley1712.3.1`` «Plan anual de adquisiciones»). The note
is the entry's, not its section's: «3. Contratación», which also lists the contracting manual, is
not declared out by the note «La entidad no está obligada…» under its first entry (``ley1712.3`` and
``ley1712.3.4`` are no proposal), and the accordion «Planeación, presupuesto e informes» that
publishes the budget is still the section ``ley1712.4``.

The class tests fail without the rule (checked, H273, on ``integ19`` with this file: ``ley1712.4.3``
and ``ley1712.4.4`` were ``no_cumple``, «no se encontró», and «3. Contratación» was declared out
whole, ``ley1712.3`` ``no_aplica``); the control passes with and without it.

Class 2731: then a cadastre whose footer shows «Términos y condiciones» and «Mapa del sitio» as anchors
with no ``href`` beside its working entry «Servicios»: a person reads the names and finds nothing to open,
entries named and empty (docs/checklist-states.md, «Nombrado y vacío»), ``parcial``: ``info.condiciones_uso``,
``info.mapa_sitio`` and ``ley1712.footer.politicas``. The same names as a line of text, or as a contact
line's label beside its icon (an anchor alone in its box), are no entry: ``no_cumple``. The class tests fail
without the rule (checked, H273: ``no_cumple``, «no se encontró»); the control passes with and without it.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Personería Municipal de San Jacinto"
NAV = (
    "<nav><ul>"
    '<li><a href="/">Inicio</a></li>'
    '<li><a href="/transparencia.html">Transparencia</a></li>'
    '<li><a href="/contacto.html">Contacto</a></li>'
    "</ul></nav>"
)


def _page(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer><p>Carrera 3 # 7-15. Teléfono 605 555 0142.</p></footer></body></html>"
    )


def _panel(title: str, body: str) -> str:
    return (
        f'<div class="accordion-item"><h2><button type="button" aria-expanded="true">{title}</button></h2>'
        f'<div class="accordion-collapse show"><div class="accordion-body">{body}</div></div></div>'
    )


ROUTES: dict[str, Resource] = {
    "/": _page("Inicio", "<h1>Bienvenidos</h1><p>La Personería defiende los derechos de los ciudadanos.</p>"),
    "/contacto.html": _page("Contacto", "<h1>Contacto</h1><p>Escríbanos a contacto@personeria.example.</p>"),
    "/presupuesto.html": _page(
        "Presupuesto",
        "<h1>Presupuesto general de ingresos, gastos e inversión</h1>"
        "<p>Presupuesto de la vigencia 2026 aprobado por el Concejo Municipal: gastos de funcionamiento"
        " de la Personería, personal y gastos generales, con su ejecución mensual.</p>"
        '<p><a href="/docs/presupuesto-2026.pdf">Presupuesto 2026 (PDF)</a></p>',
    ),
    "/docs/presupuesto-2026.pdf": Resource(b"%PDF-1.4 presupuesto", "application/pdf"),
    "/transparencia.html": _page(
        "Transparencia",
        "<h1>Transparencia y acceso a la información pública</h1><div class='accordion'>"
        + _panel(
            "3. Contratación",
            "<ul><li>Plan anual de adquisiciones</li></ul>"
            "<p>La entidad no está obligada a adoptar un plan de compras propio, pues sus gastos son solo"
            " de funcionamiento.</p>"
            "<ul><li>Manual de contratación</li></ul>"
            "<p>Los contratos de la Personería se rigen por el Estatuto General de Contratación y se publican"
            " en el SECOP II, donde cada proceso queda con sus documentos y sus fechas de adjudicación y de"
            " terminación para consulta de los ciudadanos.</p>",
        )
        + _panel(
            "4. Planeación, presupuesto e informes",
            '<ul><li><a href="/presupuesto.html">Presupuesto general de ingresos, gastos e inversión</a></li>'
            "<li>Plan de acción</li></ul>"
            "<p>El plan de acción lo adopta la administración central; a esta Personería no le aplica"
            " esta publicación.</p>"
            "<ul><li>Proyectos de inversión</li></ul>"
            "<p>No aplica: sin recursos de inversión, no inscribe proyectos en el banco del municipio.</p>",
        )
        + "</div>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The personería's site."""
    return checklist_records(tmp_path_factory.mktemp("h273-personeria"), ROUTES, OFFLINE)


@pytest.mark.parametrize(
    ("item", "said"), [("ley1712.4.3", "no le aplica esta publicación"), ("ley1712.4.4", "sin recursos de inversión")]
)
def test_class_2730_an_entrys_note_saying_it_does_not_apply_proposes_no_aplica(site, item, said):
    rec = site[("ley1712-res1519", item)]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec
    assert said in rec["detail"], rec


def test_class_2730_the_note_is_the_entrys_not_its_sections(site):
    rec = site[("ley1712-res1519", "ley1712.3.1")]
    assert rec["status"] == "no_aplica", rec
    assert "no está obligada a adoptar un plan de compras propio" in rec["detail"], rec
    # «3. Contratación» publishes the contracting manual's entry and its SECOP note: it is not declared out
    for item in ("ley1712.3", "ley1712.3.4"):
        assert site[("ley1712-res1519", item)]["status"] != "no_aplica", site[("ley1712-res1519", item)]


def test_class_2730_control_the_section_around_the_note_is_still_the_section(site):
    rec = site[("ley1712-res1519", "ley1712.4")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][:1] == ["/transparencia.html"], rec
    budget = site[("ley1712-res1519", "ley1712.4.1")]
    assert budget["status"] in ("cumple", "parcial"), budget


# --- class 2731: a name the footer shows with no link at all -------------------------------------

FOOTER_ENTITY = "Instituto Catastral de Santa Rosa"
FOOTER_NAV = '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/servicios.html">Servicios</a></li></ul></nav>'


def _footer_page(title: str, main: str, footer_names: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {FOOTER_ENTITY}</title></head>"
        f"<body><header><p>{FOOTER_ENTITY}</p>{FOOTER_NAV}</header><main>{main}</main>"
        "<footer><p>Avenida 4 # 12-30. Teléfono 607 555 0110. Lunes a viernes de 8:00 a. m. a 4:00 p. m.</p>"
        f"<div class='enlaces'>{footer_names}</div></footer></body></html>"
    )


# «Términos y condiciones» and «Mapa del sitio» as anchors with no href beside the footer's working entry;
# «Política de privacidad» written as plain text in a line: no entry (a line of text, not a name shown as one)
UNLINKED = (
    '<a class="btn-low">Términos y condiciones</a> <a class="btn-low">Mapa del sitio</a>'
    ' <a href="/servicios.html">Servicios</a>'
)
FOOTER_ROUTES: dict[str, Resource] = {
    "/": _footer_page("Inicio", "<h1>Bienvenidos</h1><p>El catastro del municipio y sus avalúos.</p>", UNLINKED),
    "/servicios.html": _footer_page(
        "Servicios", "<h1>Servicios</h1><p>Certificados catastrales y avalúos de predios urbanos.</p>", UNLINKED
    ),
}


@pytest.fixture(scope="module")
def footer_site(tmp_path_factory):
    """The cadastre's site, whose footer names entries with no link."""
    return checklist_records(tmp_path_factory.mktemp("h273-footer"), FOOTER_ROUTES, OFFLINE)


@pytest.mark.parametrize("item", ["info.condiciones_uso", "info.mapa_sitio"])
def test_class_2731_a_footer_name_with_no_link_is_named_and_empty(footer_site, item):
    rec = footer_site[("gelt-2008", item)]
    assert rec["status"] == "parcial", rec
    assert "no tiene enlace" in rec["detail"], rec


def test_class_2731_the_footer_item_is_named_and_empty_by_its_unlinked_parts(footer_site):
    rec = footer_site[("ley1712-res1519", "ley1712.footer.politicas")]
    assert rec["status"] == "parcial", rec
    assert "«Términos y condiciones» del pie de página" in rec["detail"], rec


def test_class_2731_control_a_line_of_text_or_a_contact_label_is_no_entry(tmp_path):
    # «Términos y condiciones» as a line of text, and «Mapa del sitio» as a contact line's label beside
    # its icon (an anchor alone in its box, not one of a row of entries): neither is an entry
    lines = (
        "<p>Términos y condiciones</p>"
        '<div class="info"><span class="icon"></span><a>Mapa del sitio</a></div>'
        '<div class="info"><span class="icon"></span><a>Notificaciones judiciales</a></div>'
    )
    plain = {
        path: _footer_page("Inicio", "<h1>Bienvenidos</h1><p>El catastro del municipio.</p>", lines)
        for path in ("/", "/servicios.html")
    }
    records = checklist_records(tmp_path, plain, OFFLINE)
    for item in ("info.condiciones_uso", "info.mapa_sitio"):
        assert records[("gelt-2008", item)]["status"] == "no_cumple", records[("gelt-2008", item)]
