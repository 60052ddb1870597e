"""The engine against two page shapes a fresh measure found (issue 15, H215; docs/checklist-accuracy.md,
«H209», causes 1 and 2 of ``zn-bomberossoledad``). One shared crawl of a small entity's site on
127.0.0.1, through the real CLI, offline (external links are not opened).

Class 2150: a footer written after ``</body>`` (``</body><footer>…</footer></html>``, every page of the
template). A browser (HTML 5) reads what follows ``</body>`` into the body and shows the footer at the
page's foot; lxml left it beside ``<body>`` and the engine did not see it as the page's footer.
``test_class_2150_a_footer_written_after_the_body_is_the_pages_footer`` fails without
``sections.body_runs_on`` in ``pages.read_document`` (checked: ``ley1712.footer.contacto`` ``no_cumple``).

Class 2151 (docs/checklist-states.md, «La lista»; docs/checklist-scope.md, criterion E): a list of
numbered entries written as names with no link and nothing under them («5.1. Presupuesto general
asignado» in the ``div`` entries of an accordion's panel, «8.4. Plan Anual de Adquisiciones» in a
``ul``) names each entry and publishes nothing under it: the item it names is «nombrado y vacío»
(``parcial``) with that page as evidence, and the section titled over only such entries is
``parcial``, not ``cumple``.
``test_class_2151_an_entry_named_without_a_link_is_named_and_empty`` and
``test_class_2151_a_section_over_only_named_entries_is_named_and_empty`` fail without
``contents.listed_name`` and ``contents.names_only`` in ``page_content.read_content`` (checked:
``info.presupuesto`` ``no_cumple``, ``ley1712.3`` ``cumple``).
``test_class_2151_a_section_over_its_one_named_entry_is_named_and_empty`` (a panel «9. Trámites y
servicios.» whose one entry is «9.1. Trámites y servicios», as a name) fails without the single entry
of ``names_only`` (``contents._own_entry``; checked: ``info.tramites_servicios`` ``no_cumple``).
``test_class_2151_a_named_entry_with_content_under_it_is_not_empty`` guards the other side: an entry
over its sub-entries with documents (fails without the sub-entry test of ``listed_name``, checked:
``info.entes_control`` «la entrada «7.4. Entes de control…» … sin nada publicado»), an entry followed by a paragraph of content (fails
without its every-entry-numbered test, checked: «7.1. Informes de gestión…» «sin nada publicado»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Cuerpo de Bomberos Voluntarios de Villa Rica"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/nosotros'>Nosotros</a></li>"
    "<li><a href='/transparencia'>Transparencia</a></li><li><a href='/contacto'>Contáctenos</a></li></ul></nav>"
)
# class 2150: the template closes the body, then writes its footer
FOOTER = (
    "<footer><div><strong>" + ENTITY + "</strong><br><span>Calle 12 No. 4-30, barrio Centro, Villa Rica,"
    " Cauca</span><br><strong>Horarios de Atención:</strong><br><span>Lunes a Viernes 08:00 a.m. a 05:00"
    " p.m.</span><br><strong>Línea telefónica</strong><br>Administrativo: <a href='tel:+576028290000'>+57"
    " 602 8290000</a><br><strong>Correos</strong><br><span>Notificaciones judiciales: </span>"
    "<a href='mailto:notificacionesjudiciales@bomberosvillarica.org'>notificacionesjudiciales@bomberosvillarica.org</a>"
    "</div><hr><div><a href='/politica-privacidad'>Políticas de Privacidad</a> - "
    "<a href='/terminos'>Términos y Condiciones</a></div></footer>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><h1>{ENTITY}</h1>{NAV}</header><div class='container'>{main}</div>"
        f"</body>\n{FOOTER}\n</html>"
    )


def _panel(number: int, title: str, entries: str) -> str:
    """A Bootstrap 3 accordion's panel: the heading's link opens the panel of ``div.list-group`` entries."""
    return (
        f"<div class='panel panel-default'><div class='panel-heading' role='tab' id='heading{number}'>"
        f"<h4 class='panel-title'><a role='button' data-toggle='collapse' data-parent='#accordion'"
        f" href='#collapse{number}' aria-expanded='false' aria-controls='collapse{number}'>{title}</a></h4></div>"
        f"<div id='collapse{number}' class='panel-collapse collapse' role='tabpanel'"
        f" aria-labelledby='heading{number}'>{entries}</div></div>"
    )


def _entries(*names: str) -> str:
    return "".join(f"<div class='list-group'>{n}</div>" for n in names)


TRANSPARENCIA = (
    "<h2>Transparencia y acceso a la información pública</h2><div class='panel-group' id='accordion'>"
    + _panel(
        1,
        "1. Mecanismos de contacto",
        "<div class='list-group'><a href='/contacto'>1.1. Mecanismos para la atención al ciudadano</a></div>"
        "<div class='list-group'>1.4 Políticas de seguridad de la información y protección de datos personales</div>"
        "<div class='list-group'><a href='/files/politica-seguridad.pdf'>1.4.1 Políticas de seguridad de la"
        " información</a></div>"
        "<div class='list-group'><a href='/files/proteccion-datos.pdf'>1.4.2 Protección de datos personales</a></div>",
    )
    + _panel(
        5,
        "5. Presupuesto.",
        _entries(
            "5.1. Presupuesto general asignado",
            "5.2. Ejecución presupuestal histórica anual",
            "5.3. Estados financieros",
        ),
    )
    + _panel(
        8,
        "8. Contratación.",
        "<ul>"
        + "".join(
            f"<li>{n}</li>"
            for n in (
                "8.1. Publicación de la información contractual",
                "8.2. Publicación de la ejecución de contratos",
                "8.4. Plan Anual de Adquisiciones",
            )
        )
        + "</ul>",
    )
    + _panel(9, "9. Trámites y servicios.", _entries("9.1. Trámites y servicios"))
    + _panel(
        7,
        "7. Control.",
        "<div class='list-group'>7.4. Entes de control que vigilan a la entidad</div>"
        "<div class='list-group'><a href='/files/pm-contraloria-2025.pdf'>7.4.1 Contraloría Departamental"
        " del Cauca</a></div>"
        "<div class='list-group'><a href='/files/pm-auditoria-2025.pdf'>7.4.2 Personería Municipal</a></div>",
    )
    + "</div>"
    # the other side: a numbered entry followed by what it publishes is no bare name
    + "<h3>Informes</h3><div><p>7.1. Informes de gestión, evaluación y auditoría</p>"
    "<p>El informe de gestión de la vigencia 2025 presenta las emergencias atendidas, los cursos dictados"
    " a la comunidad y la ejecución de los recursos recibidos del municipio.</p></div>"
)

ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h2>Bienvenidos</h2><p>El cuerpo de bomberos atiende incendios, rescates y emergencias del municipio"
        " de Villa Rica las veinticuatro horas del día, con personal voluntario capacitado.</p>",
    ),
    "/nosotros": _html(
        "Nosotros",
        "<h2>Nosotros</h2><p>Somos una institución sin ánimo de lucro que presta el servicio público esencial"
        " de gestión integral del riesgo contra incendio, rescates y materiales peligrosos.</p>",
    ),
    "/contacto": _html(
        "Contáctenos",
        "<h2>Contáctenos</h2><p>Escríbanos o visítenos en la estación: lo atendemos de lunes a viernes.</p>",
    ),
    "/transparencia": _html("Transparencia", TRANSPARENCIA),
    "/politica-privacidad": _html(
        "Política de privacidad",
        "<h2>Política de privacidad y tratamiento de datos personales</h2><p>El cuerpo de bomberos trata los"
        " datos personales que recibe por sus canales de atención con la finalidad de responder las"
        " solicitudes, conforme a la Ley 1581 de 2012; el titular puede conocer, actualizar y rectificar sus"
        " datos escribiendo al correo de atención.</p>",
    ),
    "/terminos": _html(
        "Términos y condiciones",
        "<h2>Términos y condiciones de uso</h2><p>El uso de este sitio web implica la aceptación de estas"
        " condiciones: la información publicada es de carácter informativo y puede cambiar sin previo aviso;"
        " su reproducción está permitida citando la fuente.</p>",
    ),
    "/files/politica-seguridad.pdf": Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}),
    "/files/proteccion-datos.pdf": Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}),
    "/files/pm-contraloria-2025.pdf": Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}),
    "/files/pm-auditoria-2025.pdf": Resource(b"%PDF-1.4\n", headers={"Content-Type": "application/pdf"}),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict[tuple[str, str], dict]:
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h215"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_class_2150_a_footer_written_after_the_body_is_the_pages_footer(site):
    for profile, item in (
        ("ley1712-res1519", "ley1712.footer.contacto"),
        ("gelt-2008", "info.notificaciones_judiciales"),  # the e-mail is in that footer only
    ):
        rec = site[(profile, item)]
        assert rec["status"] == "cumple", rec
        assert "pie de página de" in rec["detail"], rec
    rec = site[("gelt-2008", "info.politica_privacidad")]  # linked from every page's footer
    assert rec["status"] == "cumple" and "pie" not in rec["detail"], rec


def test_class_2151_an_entry_named_without_a_link_is_named_and_empty(site):
    # the entry, or the section titled over it (its title names the item too): named, nothing under it
    for profile, item, names in (
        ("gelt-2008", "info.presupuesto", ("5.1. Presupuesto general asignado", "5. Presupuesto.")),
        ("ley1712-res1519", "ley1712.4.1", ("5.1. Presupuesto general asignado", "5. Presupuesto.")),
        ("ley1712-res1519", "ley1712.3.1", ("8.4. Plan Anual de Adquisiciones",)),
    ):
        rec = site[(profile, item)]
        assert rec["status"] == "parcial", rec
        assert rec["paths"][0] == "/transparencia", rec
        assert any(
            f"«{n}» de {rec['evidence'][0]} está en la lista, sin nada publicado" in rec["detail"] for n in names
        )


def test_class_2151_a_section_over_only_named_entries_is_named_and_empty(site):
    rec = site[("ley1712-res1519", "ley1712.3")]
    assert rec["status"] == "parcial", rec
    assert "sin nada publicado" in rec["detail"], rec


def test_class_2151_a_section_over_its_one_named_entry_is_named_and_empty(site):
    # «9. Trámites y servicios.» over «9.1. Trámites y servicios» alone, no link, nothing under it
    rec = site[("gelt-2008", "info.tramites_servicios")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/transparencia", rec
    assert "sin nada publicado" in rec["detail"], rec


def test_class_2151_a_named_entry_with_content_under_it_is_not_empty(site):
    # «1.4 Políticas de seguridad…» over «1.4.1» and «1.4.2», «7.4. Entes de control…» over «7.4.1»
    # and «7.4.2», each with its document: the entry titles them
    for rec in site.values():
        for name in ("«1.4 Políticas de seguridad", "«7.4. Entes de control"):
            assert name not in rec["detail"] or "sin nada publicado" not in rec["detail"], rec
    # «7.1. Informes de gestión…» followed by the report's paragraph: not a name with nothing under it
    for rec in site.values():
        assert "«7.1. Informes de gestión" not in rec["detail"], rec
