"""Classes of fault found on the six-site tuning corpus (issue 15, third session), shown on small
sites served on 127.0.0.1 and crawled by the real CLI: the page read as a person reads it. Most
classes share one site (``site``: each part of it exercises one class and stays out of the
others' way); the ones that judge the same item differently have a site of their own."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import lxml.html
import pytest

from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.reports.committee import indicator_rows
from tests.helpers import crawl, page, report_json, run_cli, write_config

PDF = Resource(body=b"%PDF-1.4 documento", headers={"Content-Type": "application/pdf"})
OFFLINE = "[links]\ncheck_external = false\n"
POLICY = "<p>Texto de la política vigente de la entidad, con sus condiciones, derechos y deberes de los usuarios.</p>"

# /consulta-resoluciones, /files/expedicion-de-certificados.rar and /files/organigrama.pdf answer 404
SERVICES = """
<h3>Consultas en línea</h3>
<p>Consulte en línea las resoluciones y licencias expedidas por la entidad desde su casa,
sin filas y a cualquier hora del día.</p>
<p><a href="/consulta-resoluciones">Más información</a></p>
<h3>Documentos</h3>
<ul><li><a href="/files/expedicion-de-certificados.rar">13. Expedición de certificados</a></li>
<li><a href="/files/organigrama.pdf">Organigrama</a></li></ul>
"""
# «Certificado de accesibilidad» (a certificate the entity holds), «Pagos a proveedores» (its own
# payments): their file names repeat «certificado» and «pagos»; and the footer's policies, linked
# from this content page only
DOCUMENTS = """
<ul><li><a href="/files/certificado-de-accesibilidad.pdf">Certificado de accesibilidad</a></li>
<li><a href="/files/pagos-a-proveedores-2026.pdf">Pagos a proveedores</a></li></ul>
<ul><li><a href="/terminos">Términos y condiciones</a></li>
<li><a href="/privacidad">Política de privacidad y tratamiento de datos personales</a></li>
<li><a href="/mapa">Mapa del sitio</a></li></ul>
"""
# «Normatividad» holds «Normatividad aplicable» → a 404 beside a calendar and a policy
INFORMATION = """
<h3>Normatividad</h3><ul>
<li><a href="/normas-aplicables">Normatividad aplicable</a></li>
<li><a href="/files/calendario.pdf">Calendario de actividades y eventos</a></li>
<li><a href="/files/politica-seguridad.pdf">Política de seguridad de la información</a></li></ul>
"""
# the norms: a section «Normativa» listing decrees (found one by one by «decretos»)
DOWNLOADS = """
<h3>Normativa</h3><ul>
<li><a href="/files/decreto-1077-2015.pdf">Decreto 1077 de 2015</a></li>
<li><a href="/files/resolucion-20-2026.pdf">Resolución 20 de 2026</a></li></ul>
<h3>Formatos</h3><ul><li><a href="/files/formulario-unico.pdf">Formulario único de radicación</a></li></ul>
"""
HUB = """
<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.</p><ul>
<li><a href="/vigilancia">¿Quién nos vigila?</a></li>
<li><a href="/files/flujograma-2026.pdf">Flujograma de procesos</a></li>
<li><a href="/transparencia/informes-pqrsd">Informes de solicitudes</a></li></ul>
<h3>Localización física, sucursales o regiones, horarios y días de atención al público</h3>
<p>Sede principal: Carrera 32 No. 12-81. Horario: lunes a viernes de 7:30 a.m. a 4:30 p.m., jornada continua.</p>
"""
ROUTES = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos al sitio de la entidad.</p>",
        ("/servicios", "/documentos", "/informacion", "/descargas", "/transparencia", "/boletin"),
    ),
    "/servicios": page("Servicios", SERVICES),
    "/documentos": page("Documentos", DOCUMENTS),
    "/informacion": page("Información institucional", INFORMATION),
    "/descargas": page("Descargas", DOWNLOADS),
    "/transparencia": page("Transparencia y acceso a la información pública", HUB),
    "/vigilancia": page(
        "Autoridades que nos vigilan",
        "<p>Contraloría General de la República, Procuraduría General de la Nación y Personería"
        " municipal vigilan la gestión de la entidad y atienden las denuncias de la ciudadanía.</p>",
    ),
    "/boletin": page(
        "Boletín",
        "<h3>Nueva sede: localización física del punto de atención y horarios extendidos en diciembre</h3>"
        "<p>La entidad abre un punto de atención en el centro comercial, con horario extendido hasta las 8 p.m.</p>",
    ),
    # the quarterly PQRSD reports, a series of documents on one page
    "/transparencia/informes-pqrsd": page(
        "Informes de solicitudes",
        "<ul>"
        + "".join(
            f'<li><a href="/files/informe-pqrsd-{q}-2026.pdf">Informe PQRSD {q} trimestre 2026</a></li>'
            for q in ("I", "II", "III")
        )
        + "</ul>",
    ),
    "/terminos": page("Términos y condiciones", POLICY),
    "/privacidad": page("Política de privacidad", POLICY),
    "/mapa": page("Mapa del sitio", POLICY),
    **{
        f"/files/{name}.pdf": PDF
        for name in (
            "certificado-de-accesibilidad",
            "pagos-a-proveedores-2026",
            "calendario",
            "politica-seguridad",
            "decreto-1077-2015",
            "resolucion-20-2026",
            "formulario-unico",
            "flujograma-2026",
            "informe-pqrsd-I-2026",
            "informe-pqrsd-II-2026",
            "informe-pqrsd-III-2026",
        )
    },
}


def _crawl(config):
    crawl(config)
    return {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}


def _records(serve, config_for, routes):
    return _crawl(config_for(serve(routes).url, OFFLINE))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The shared site, crawled and reported once."""
    server = SiteServer(ROUTES).start()
    try:
        yield _crawl(write_config(tmp_path_factory.mktemp("classes"), server.url, OFFLINE))
    finally:
        server.stop()


def test_a_service_reached_only_through_a_broken_link_is_not_offered(site):
    for item in ("interaccion.consulta_bd", "transaccion.certificados"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "no_cumple", rec
        assert "no se ofrece" in rec["detail"] and "rota" in rec["detail"], rec
    # a document listed with a link to a file that answers 404 publishes nothing (the committee's
    # criterion «Entradas sin nada detrás», H147; it was «parcial» before)
    rec = site[("gelt-2008", "info.organigrama")]
    assert rec["status"] == "no_cumple" and "organigrama.pdf, que no existe (404)" in rec["detail"], rec


def test_a_one_word_slug_qualified_in_the_link_text_decides_nothing(site, serve, config_for):
    for item in ("transaccion.certificados", "transaccion.pagos_en_linea"):
        assert site[("gelt-2008", item)]["status"] == "no_cumple", site[("gelt-2008", item)]
    # the one word alone still names the service: «Certificados» → /certificados
    routes = {
        "/": page("Inicio", '<p>Bienvenidos. <a href="/certificados">Certificados</a></p>'),
        "/certificados": page(
            "Expedición de certificados",
            "<p>Descargue aquí su certificado de residencia o su paz y salvo en línea: escriba su número de"
            " cédula, pague con PSE y reciba el documento firmado en su correo electrónico.</p><form action='/c'>"
            "<input name='cedula'><button>Consultar</button></form>",
        ),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "transaccion.certificados")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/certificados"), (rec["detail"], rec["evidence"])


def test_a_document_listed_under_the_items_section_is_not_evidence_before_that_page(site):
    # «Descargas» with a section «Normativa» listing decrees: a person points to that page, not to
    # the first decree
    rec = site[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/descargas"), rec["evidence"]
    assert any(u.endswith(".pdf") for u in rec["evidence"]), rec["evidence"]


def test_a_section_whose_only_entry_for_the_item_is_broken_is_not_its_evidence(site):
    # «Normatividad» on /informacion: its «Normatividad aplicable» answers 404
    rec = site[("gelt-2008", "info.normatividad")]
    assert not any(u.endswith("/informacion") for u in rec["evidence"]), rec["evidence"]


def test_oversight_bodies_named_in_the_entitys_own_voice_and_a_process_flow_chart_are_read(site):
    for profile, item, path in (
        ("ley1712-res1519", "ley1712.1.13", "/vigilancia"),
        ("gelt-2008", "info.entes_control", "/vigilancia"),
        ("ley1712-res1519", "ley1712.1.3", "/files/flujograma-2026.pdf"),
    ):
        rec = site[(profile, item)]
        assert rec["status"] == "cumple" and rec["evidence"][0].endswith(path), rec


def test_a_footer_requirement_met_only_outside_the_footer_is_not_met(site):
    # the template's footer has no links; the policies are linked from a content page only
    rec = site[("ley1712-res1519", "ley1712.footer.politicas")]
    assert rec["status"] == "no_cumple" and "pie de página" in rec["detail"], rec
    # the policy itself is published, only not where a visitor looks for it: parcial
    assert site[("gelt-2008", "info.politica_privacidad")]["status"] == "parcial"


def test_the_transparency_menu_is_named_as_the_annex_mandates(site, serve, config_for):
    # the shared site's hub carries the annex's name
    assert site[("ley1712-res1519", "ley1712.menu")]["status"] == "cumple", site[("ley1712-res1519", "ley1712.menu")]
    hub = "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.</p>"
    for title, status in (
        ("Transparencia", "parcial"),  # the bare word: recognised, not named as mandated
        # without «pública»: the name cut short (criterion O, the twentieth session's ruling; read as
        # the name until H211, class 2110)
        ("Transparencia y acceso a la información", "parcial"),
        ("Transparencia y acceso a información pública", "cumple"),  # an article less: still the name
    ):
        routes = {
            "/": page("Inicio", '<p>Bienvenidos. <a href="/transparencia">Transparencia</a></p>'),
            "/transparencia": page(title, hub),
        }
        rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.menu")]
        assert rec["status"] == status, (title, rec["detail"])
        assert rec["evidence"][0].endswith("/transparencia"), rec["evidence"]
        if status == "parcial":
            assert "Transparencia y acceso a la información pública" in rec["detail"], rec["detail"]


def test_a_page_whose_content_is_a_loading_placeholder_shows_nothing(serve, config_for):
    # «Participa» → a page whose only section says «Cargando noticias...» (a script would fill it
    # from an API the crawl does not run): the crawl saw no content, the page is not evidence as is.
    # This page has no script: nothing replaces the placeholder, a person sees it empty as the crawl
    # does (parcial). With the script that loads the news it is not seen: sin_verificar (class 60)
    body = (
        '<p><a href="/">Inicio</a> / Participa</p><section><h3>Noticias</h3><p>Cargando noticias...</p></section>'
        '<a href="https://api.whatsapp.com/send?phone=3000000000">WhatsApp</a>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos. <a href="/participa">Participa</a></p>'),
        "/participa": page("Participa", body),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "democracia.participacion")]
    assert (
        rec["status"] == "parcial"
        and "solo muestra «Cargando noticias...», sin un script que lo cargue" in rec["detail"]
    ), rec["detail"]


def test_a_heading_that_is_wholly_a_link_is_a_card_not_a_section(serve, config_for):
    # a home-page card «<h5><a href=/participa>Participa</a></h5>» with its blurb: what it titles
    # is the page it links to (here a page with nothing on it), not a section of the home page
    card = (
        '<div class="card"><h5><a href="/participa">Participa</a></h5>'
        "<p>Para ver nuestras últimas novedades y noticias de la entidad haga clic sobre el enlace"
        " respectivo y consulte la información.</p></div>"
    )
    routes = {
        "/": page("Inicio", card),
        "/participa": page("Participa", "<p>Próximamente.</p>"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "democracia.participacion")]
    assert rec["status"] == "parcial" and "dice «Próximamente.»: no tiene nada publicado" in rec["detail"], rec[
        "detail"
    ]
    assert rec["evidence"][0].endswith("/participa"), rec["evidence"]


def test_an_enumeration_label_is_about_its_first_element(site):
    # Res. 3564's long names list what the entry holds: «Localización física, sucursales o regiones,
    # horarios y días de atención al público» is the offices directory (1.4); a headline that only
    # mentions «localización física» further on is not
    rec = site[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia"), rec
    assert not any(u.endswith("/boletin") for u in rec["evidence"]), rec["evidence"]


def test_a_series_of_the_items_documents_on_one_page_points_to_that_page(site):
    # «Informe PQRSD I / II / III trimestre 2026» on /transparencia/informes-pqrsd: the page that
    # publishes the series is what a person points to, then its documents
    rec = site[("ley1712-res1519", "ley1712.4.10")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["evidence"][0].endswith("/transparencia/informes-pqrsd"), rec["evidence"]
    assert rec["evidence"][1].endswith(".pdf"), rec["evidence"]


def test_health_entities_pqrs_reports_are_siau_reports(serve, config_for):
    # E.S.E. hospitals report their PQRS through the SIAU (Servicio de Información y Atención al Usuario)
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.</p><ul>"
        '<li><a href="/files/informe-siau-3-2026.pdf">Informe SIAU III Trimestre 2026</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/transparencia",)),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/files/informe-siau-3-2026.pdf": PDF,
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.4.10")]
    assert rec["status"] in ("cumple", "parcial") and rec["evidence"][0].endswith("/files/informe-siau-3-2026.pdf"), rec


def test_a_styled_title_naming_the_entity_lists_the_oversight_bodies_it_names(serve, config_for):
    # fourth round: a title that is a paragraph styled by its class, ending with the entity's own
    # name («4. Entes que vigilan la E.S.E. Hospital …»), over entries that name the bodies and link
    # to «#»: a person reads the list of oversight bodies; the annex wants them linked (parcial)
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.</p>"
        '<div class="acor"><p class="title-acor">4. Entes que vigilan la E.S.E. Hospital San Rafael'
        " - Andes, Antioquia</p>"
        '<p class="primero"><a href="#">a. Personería Municipal</a></p>'
        '<p class="primero"><a href="#">b. Procuraduría General de la Nación</a></p>'
        '<p class="primero"><a href="#">c. Contraloría General de la República</a></p>'
        '<p class="title-acor">5. Defensa judicial</p>'
        '<p class="primero"><a href="#">a. Informe de procesos 2026</a></p></div>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/transparencia",)),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "info.entes_control")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia"), rec
    rec = records[("ley1712-res1519", "ley1712.1.13")]
    assert rec["status"] == "parcial" and "enlazan a «#»" in rec["detail"], rec


def test_a_hospitals_laboratory_results_are_an_online_query(serve, config_for):
    # fourth round: E.S.E. hospitals offer patients their laboratory results on line («Resultados de
    # Laboratorio» → the lab system's address): an on-line query; offline, its external link is
    # «sin verificar», never «no se encontró»
    lab = "https://laboratorio.hospital-ejemplo.gov.co/consulta"
    body = (
        "<p>Bienvenidos a la E.S.E. Hospital San Rafael.</p>"
        f'<ul><li><a href="{lab}">Resultados de Laboratorio</a></li>'
        '<li><a href="/servicios">Servicios</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", body),
        "/servicios": page("Servicios", "<p>Urgencias, consulta externa, odontología y vacunación.</p>"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.consulta_bd")]
    assert rec["status"] == "sin_verificar" and rec["evidence"][0] == lab, rec


def test_a_table_cell_styled_as_a_title_titles_its_page(serve, config_for):
    # fourth round: old table layouts title a page with a styled cell, not a heading
    # («<td class="titulosN">TRANSPARENCIA Y ACCESO A INFORMACIÓN PÚBLICA</td>»): a person reads it
    # as the page's title, here the name the annex mandates for the menu
    hub = (
        '<table><tr><td class="titulosN">TRANSPARENCIA Y ACCESO A INFORMACIÓN PÚBLICA</td></tr>'
        "<tr><td><p>En cumplimiento de la Ley 1712 de 2014 la entidad pone a disposición de la ciudadanía"
        " la siguiente información.</p><p><strong>1. MECANISMOS DE CONTACTO</strong></p><p>Horario: 7:30 am a"
        " 12:30 pm. Dirección: Calle 14 con Carrera 30.</p></td></tr></table>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Instituto Departamental de Deportes", hub),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.menu")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia.php"), rec


# Fifth round (a-magangue, a-govimentum: sites whose first contact was measured blind)


def test_an_accordion_header_drawn_as_a_link_without_address_titles_its_panel(serve, config_for):
    # PrimeNG (Angular) draws an accordion header as «<div class="p-accordion-header"><a
    # role="button">…</a></div>» with no href, its panel after the header's box: a person reads the
    # header as the title of what the panel holds, as with a <button>
    tab = (
        '<div class="p-accordion-tab"><div class="p-accordion-header"><a role="button" class="p-accordion-header-link"'
        ' tabindex="0"><span class="p-accordion-header-text">{title}</span></a></div>'
        '<div class="p-toggleable-content"><div class="p-accordion-content">{body}</div></div></div>'
    )
    hub = "<p>Información publicada según la Ley 1712 de 2014.</p>" + tab.format(
        title="Planeación, presupuesto e informes",
        body="<p>El presupuesto de ingresos y gastos de la vigencia, su ejecución mes a mes y los informes"
        " de gestión presentados a la junta directiva.</p>",
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.4")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia"), rec
    assert "Planeación, presupuesto e informes" in rec["detail"], rec


def test_non_applicability_said_in_other_words_is_proposed(serve, config_for):
    # «no están obligadas a…», «solo aplica para entidades del nivel territorial»: the entity says
    # the section does not apply to it without the words «no aplica»; a sentence about who else is
    # not obliged («los usuarios no están obligados…») says nothing of the entity
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        "<h3>Participa</h3><p>Las Cámaras de Comercio son sujetos obligados no tradicionales y no están"
        " obligadas a tener mecanismos de participación en la formulación de políticas.</p>"
        "<h3>Información tributaria en entidades territoriales locales</h3><p>Esta sección solo aplica"
        " para entidades del nivel territorial (municipios y distritos).</p>"
        "<h3>Trámites</h3><p>Registro mercantil, de proponentes y de entidades sin ánimo de lucro. Los"
        " usuarios no están obligados a presentar copias de documentos que reposen en la cámara.</p>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
    }
    records = _records(serve, config_for, routes)
    rec = records[("ley1712-res1519", "ley1712.6")]
    assert rec["status"] == "no_aplica" and "no están obligadas a tener mecanismos" in rec["detail"], rec
    rec = records[("ley1712-res1519", "ley1712.10")]
    assert rec["status"] == "no_aplica" and "solo aplica para entidades del nivel territorial" in rec["detail"], rec
    assert records[("ley1712-res1519", "ley1712.5")]["status"] == "cumple", records[("ley1712-res1519", "ley1712.5")]


def _drupal(title: str, body: str, side: str = "") -> Resource:
    """A page of a Drupal site: a main menu whose categories hang from «Entidad» (no entry says
    «Transparencia»), the content, and a side block of menu links."""
    nav = (
        '<ul class="menu"><li class="expanded"><a href="/">Entidad</a><ul class="menu">'
        '<li class="leaf"><a href="/transparencia/organizacion">Estructura orgánica y talento humano</a></li>'
        '<li class="leaf"><a href="/transparencia/organizacion/organigrama">Organigrama</a></li>'
        '<li class="leaf"><a href="/transparencia/presupuesto">Presupuesto</a></li></ul></li></ul>'
    )
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f'<div id="header"><a href="/">Entidad Distrital</a><div id="navigation">{nav}</div></div>'
        f'<div id="sidebar">{side}</div><div id="content"><h1>{title}</h1>{body}</div>'
        '<div id="footer">Calle 1 # 2-3</div></body></html>'
    )


def test_a_menu_headed_transparencia_beside_the_content_is_the_transparency_menu(serve, config_for):
    # Govimentum (the Alcaldía Mayor de Bogotá's Drupal distribution) has no page called
    # «Transparencia»: its inner pages carry a block of links headed «Transparencia …» beside the
    # content. Those links are the menu's sections, and the path they share (/transparencia/…) is
    # the menu's: a page under it is published in the menu, not «fuera del menú»
    side = (
        '<div class="block block-menu"><h2>Transparencia Segundo nivel</h2><div class="content"><ul class="menu">'
        '<li><a href="/transparencia/organizacion">Estructura orgánica y talento humano</a></li>'
        '<li><a href="/transparencia/presupuesto">Presupuesto</a></li></ul></div></div>'
    )
    text = "<p>Documento aprobado por la dirección de la entidad y publicado para consulta de la ciudadanía.</p>"
    routes = {
        "/": _drupal("Inicio", "<p>Bienvenidos al sitio web de la entidad.</p>"),
        "/transparencia/organizacion": _drupal("Estructura orgánica y talento humano", text, side),
        "/transparencia/presupuesto": _drupal("Presupuesto", text, side),
        "/transparencia/organizacion/organigrama": _drupal("Organigrama", text, side),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.1.2")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia/organizacion/organigrama"), rec
    assert "fuera del menú" not in rec["detail"], rec


def test_res_3564s_name_of_the_staff_directory_is_read(serve, config_for):
    # Res. 3564 de 2015 named it «Directorio de información de servidores públicos, empleados y
    # contratistas» (Res. 1519: «Directorio de servidores públicos, empleados o contratistas»)
    name = "Directorio de información de servidores públicos, empleados y contratistas"
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page(
            "Transparencia y acceso a la información pública",
            f'<p>Información publicada según la Ley 1712 de 2014.</p><ul><li><a href="/directorio">{name}</a></li></ul>',
        ),
        "/directorio": page(
            name, "<p>Nombre, cargo, dependencia, correo y teléfono de cada servidor de la entidad.</p>"
        ),
    }
    records = _records(serve, config_for, routes)
    for key in (("ley1712-res1519", "ley1712.1.5"), ("gelt-2008", "info.directorio_funcionarios")):
        rec = records[key]
        assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/directorio"), rec


def test_entities_that_serve_clients_name_the_citizens_menu_services_to_the_client(serve, config_for):
    # chambers of commerce and public utilities serve «clientes»: their citizens' services menu is
    # «Servicios al Cliente» (a drop-down), and their «Política de atención al cliente» is no menu
    menu = (
        '<ul><li><a href="#">Servicios al Cliente</a><ul><li><a href="/sedes">Puntos de atención</a></li>'
        '<li><a href="/pqrs">PQRS</a></li></ul></li>'
        '<li><a href="/politica-atencion">Política de atención al cliente</a></li></ul>'
    )
    home = Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Inicio</title></head><body>"
        f"<header><h1>Cámara de Comercio</h1><nav>{menu}</nav></header>"
        "<main><h2>Inicio</h2><p>Bienvenidos a la Cámara de Comercio.</p></main><footer>Calle 1 # 2-3</footer></body></html>"
    )
    routes = {
        "/": home,
        "/sedes": page(
            "Puntos de atención",
            "<p>Sede principal: barrio Centro, carrera 4 No. 12-12, pisos uno y dos. Seccionales en Mompox,"
            " El Banco y Santa Ana. Horario de lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 a 6:00 p.m.</p>",
        ),
        "/pqrs": page("PQRS", "<p>Peticiones, quejas, reclamos y sugerencias: formulario y correo electrónico.</p>"),
        "/politica-atencion": page("Política de atención al cliente", POLICY),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    # the menu, under a close name since H181 (criterion O: «parcial», the mandated name missing)
    assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/sedes"), (
        rec["status"],
        rec["detail"],
        rec["evidence"],
    )


# Fifth round, second set (2026-12-05, fourth session): classes found on coopsercont and contraloriands, two sites
# measured blind first (their first-contact figures are in docs/checklist-accuracy.md).


def test_a_participation_menu_named_participacion_ciudadana_is_the_participa_menu_misnamed(serve, config_for):
    # sites built before Res. 1519 name the menu «Participación ciudadana»: it is the participation
    # menu, recognised, but not named «Participa» as the annex mandates (parcial, with what is missing)
    body = (
        "<p>Bienvenidos a la Contraloría.</p><ul>"
        '<li><a href="/participacion-ciudadana">Participación ciudadana</a></li>'
        '<li><a href="/nosotros">Nosotros</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", body),
        "/participacion-ciudadana": page(
            "Participación ciudadana",
            "<p>Veedurías ciudadanas, denuncias y rendición de cuentas: conozca cómo participar en el"
            " control fiscal de los recursos públicos del departamento.</p>",
        ),
        "/nosotros": page("Nosotros", "<p>Misión y visión de la entidad.</p>"),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.participa_menu")]
    assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/participacion-ciudadana"), rec
    assert "«Participa»" in rec["detail"], rec


def test_a_citizens_service_menu_named_by_an_acronym_is_read_by_the_page_it_leads_to(serve, config_for):
    # a public-services company's menu entry «CAU» leads to the «Centro de Atención al Usuario (CAU)»:
    # the citizens' services menu under another name (parcial: the menu is not named as such)
    body = (
        "<p>Acueducto, alcantarillado y aseo del municipio.</p><ul>"
        '<li><a href="/contacto">CAU</a></li><li><a href="/tarifas">Tarifas</a></li></ul>'
    )
    cau = (
        "<h3>Centro de Atención al Usuario (CAU)</h3>"
        "<p>Canales oficiales de atención: oficina central en la Calle 4 No. 3-27, teléfono 3153843906,"
        " peticiones, quejas y reclamos, y reporte de daños en las redes.</p>"
    )
    routes = {
        "/": page("Inicio", body),
        "/contacto": page("CAU", cau),
        "/tarifas": page("Tarifas", "<p>Tarifas de acueducto y alcantarillado vigentes.</p>"),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/contacto"), rec
    assert "falta: el nombre" in rec["detail"], rec


def _form(fields: str) -> str:
    return (
        '<form method="post" action="/enviar"><label>Nombre completo <input name="nombre"></label>'
        '<label>Correo electrónico <input type="email" name="email"></label>'
        f'{fields}<label>Descripción <textarea name="descripcion"></textarea></label><button>Enviar</button></form>'
    )


def test_the_form_that_meets_more_of_a_form_items_parts_is_its_evidence(serve, config_for):
    # a public-services company has a fault-report form (the damaged service) and the PQRS form
    # (petición, queja, reclamo): the PQRSD form item's evidence is the PQRS form, not the first form
    report = _form(
        '<label>Tipo de incidencia <select name="tipo_incidencia"><option>Acueducto</option>'
        "<option>Alcantarillado</option><option>Aseo</option></select></label>"
    )
    pqrs = _form(
        '<label>Tipo <select name="tipo"><option>Petición</option><option>Queja</option>'
        "<option>Reclamo</option><option>Solicitud</option></select></label>"
    )
    # the fault report is linked from the home page, the PQRS form from the contact page: deeper
    routes = {
        "/": page("Inicio", "<p>Servicios públicos del municipio.</p>", ("/reporte", "/contacto")),
        "/contacto": page("Contacto", '<p>Presente su <a href="/pqrs">petición, queja o reclamo</a>.</p>'),
        "/reporte": page("Formulario de Reporte", report),
        "/pqrs": page("Peticiones, Quejas, Reclamos o Solicitudes", pqrs),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/pqrs"), rec


def test_a_templates_stand_in_text_is_a_page_under_construction(serve, config_for):
    # the menu's «Preguntas frecuentes» and «Convocatorias de empleo» lead to the framework's stock
    # About page («Use this area to provide additional information.») and to the theme's dummy text
    # (lorem ipsum): pages never written, so the items are shown but not published (parcial)
    body = (
        "<p>Bienvenidos a la Contraloría.</p><ul>"
        '<li><a href="/Home/About">Preguntas Frecuentes</a></li>'
        '<li><a href="/empleo">Convocatorias de empleo</a></li></ul>'
    )
    # every page also shows the allies' logos (a block outside the header, menu and footer)
    allies = (
        '<section><h3>Aliados</h3><a href="https://www.procuraduria.gov.co/"><img src="/p.png" alt=""></a></section>'
    )
    routes = {
        "/": page("Inicio", body + allies),
        "/Home/About": page("About", "<p>Use this area to provide additional information.</p>" + allies),
        "/empleo": page("Convocatorias", "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>" + allies),
    }
    records = _records(serve, config_for, routes)
    for item, filler in (
        ("info.preguntas_frecuentes", "Use this area to provide additional information."),
        ("info.empleo", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
    ):
        rec = records[("gelt-2008", item)]
        assert (
            rec["status"] == "parcial"
            and f"solo muestra el texto de relleno de la plantilla («{filler}»)" in rec["detail"]
        ), rec


def test_a_one_office_entitys_contact_page_with_address_and_hours_is_its_institutional_directory(serve, config_for):
    # a cooperative with one office publishes the office on its attention centre's page: address,
    # phones and opening hours — the institutional directory (1.4) a person sees
    cau = (
        "<h3>Información de contacto</h3>"
        "<p><strong>Dirección:</strong> Calle 4 No. 3-27 Barrio El Centro</p>"
        "<p><strong>Teléfonos:</strong> Gerencia 3153843906, Secretaría 3161883794</p>"
        "<p><strong>Horario de atención:</strong> lunes a viernes de 8:00 a.m. a 12:00 m y de 2:00 p.m. a 6:00 p.m.</p>"
    )
    routes = {
        "/": page("Inicio", "<p>Acueducto, alcantarillado y aseo.</p>", ("/contacto", "/servicios")),
        "/contacto": page("Centro de Atención al Usuario (CAU)", cau),
        "/servicios": page("Servicios", "<p>Acueducto, alcantarillado y aseo del municipio.</p>"),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] in ("cumple", "parcial") and rec["evidence"][0].endswith("/contacto"), rec


def test_allied_entities_logos_under_a_heading_in_a_title_wrapper_are_a_directory_of_entities(serve, config_for):
    # «Aliados Institucionales» alone in its title wrapper, beside a carousel's arrows (links to «#»),
    # and the logos of public entities after the wrapper: a person reads the logos as what the heading
    # stands for, a directory of entities (the logos have no text: only the heading names them)
    logos = "".join(
        f'<a href="https://www.{h}.gov.co/"><img alt="" src="/{h}.png"></a>'
        for h in ("procuraduria", "fiscalia", "contaduria", "urnadecristal")
    )
    allies = (
        '<section><div class="head-title"><h3>Aliados Institucionales</h3>'
        '<div class="carousel-controls"><a href="#aliados">‹</a><a href="#aliados">›</a></div></div>'
        f'<div id="aliados" class="carousel">{logos}</div></section>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos a la Contraloría departamental.</p>" + allies, ("/nosotros",)),
        "/nosotros": page("Nosotros", "<p>Misión y visión de la Contraloría departamental.</p>" + allies),
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "info.directorio_entidades")]
    assert rec["status"] == "cumple" and "«Aliados Institucionales»" in rec["detail"], rec
    rec = records[("ley1712-res1519", "ley1712.1.6")]
    assert rec["status"] == "parcial" and "fuera del menú de transparencia" in rec["detail"], rec


def test_a_manual_about_pqrsd_is_not_the_pqrsd_mechanism(serve, config_for):
    # «Manual UIAF para usuarios PQRSD» (another entity's manual) among a comptroller's plans explains
    # a mechanism; it is not one: the site offers no way to file a request
    plans = (
        "<ul><li><a href='/files/plan-estrategico-2016-2019.pdf'>Plan estratégico 2016-2019</a></li>"
        "<li><a href='/files/manual-uiaf-pqrsd.pdf'>Manual UIAF para usuarios PQRSD</a></li></ul>"
    )
    routes = {
        "/": page("Inicio", "<p>Contraloría departamental.</p>", ("/planes",)),
        "/planes": page("Planes y programas", plans),
        "/files/plan-estrategico-2016-2019.pdf": PDF,
        "/files/manual-uiaf-pqrsd.pdf": PDF,
    }
    records = _records(serve, config_for, routes)
    for key in (("gelt-2008", "interaccion.pqrsd"), ("ley1712-res1519", "ley1712.1.10")):
        assert records[key]["status"] == "no_cumple", records[key]


# Sixth round (c-edup: the EDUP Pereira site, first contact measured blind)


def _tabs(buttons: list[tuple[str, str]], panes: dict[str, str]) -> str:
    """Bootstrap vertical tabs: a column of «pill» buttons, the panes they open in another column."""
    column = "".join(
        f'<button class="nav-link" id="{pid}-tab" data-bs-toggle="pill" data-bs-target="#{pid}" type="button"'
        f' role="tab" aria-controls="{pid}" aria-selected="false">{title}</button>'
        for pid, title in buttons
    )
    content = "".join(
        f'<div class="tab-pane fade" id="{pid}" role="tabpanel" aria-labelledby="{pid}-tab">{body}</div>'
        for pid, body in panes.items()
    )
    return (
        '<div class="row"><div class="col-md-3 nav flex-column nav-pills" role="tablist">'
        f'{column}</div><div class="col-md-9 tab-content">{content}</div></div>'
    )


def test_a_tab_button_titles_the_pane_it_opens_elsewhere_on_the_page(serve, config_for):
    # Bootstrap vertical tabs (EDUP Pereira's Transparencia page): every category is a «pill»
    # button in one column, its content a pane in another column, named by the button's
    # data-bs-target; the button's neighbour is the next button. A person reads the button as the
    # title of the pane it opens
    panes = {
        "p4": "<ul><li>Normograma interno de la entidad, actualizado cada año</li><li>Resoluciones de gerencia"
        " vigentes</li><li>Acuerdos de la junta directiva sobre contratación y presupuesto</li></ul>",
        "p5": "<p>Presupuesto de ingresos y gastos aprobado por la junta directiva para la vigencia.</p>",
    }
    hub = "<p>Información publicada según la Ley 1712 de 2014.</p>" + _tabs(
        [("p4", "4-Normatividad"), ("p5", "5-Presupuesto")], panes
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia.php"), rec
    assert "4-Normatividad" in rec["detail"], rec


def test_a_generic_link_in_a_table_row_is_named_by_the_row_not_by_its_date(serve, config_for):
    # EDUP's document tables: «Item | Descripción | Fecha | [Ver]». A person reads the row's name
    # («Resolución Gerencia No. 054 de 2019 — Reconocimiento Pago ICBF»), not the date in the cell
    # before the link; the file name's «Pago» then decides nothing (an ICBF payment is no online
    # payment service), while the organigram's row names the organigram
    row = (
        "<tr><td>{item}</td><td>{desc}</td><td>{date}</td><td><center><a href='/transparencia/{file}'"
        " target='_blank'><button class='btn btn-success' title='{file}'>Ver</button></a></center></td></tr>"
    )
    table = (
        '<table class="display table"><thead><tr><th>Item</th><th>Descripción</th><th>Fecha</th>'
        "<th>Archivo</th></tr></thead><tbody>"
        + row.format(
            item="Resolución Gerencia No. 054 de 2019",
            desc="Reconocimiento Pago ICBF",
            date="2019-11-08",
            file="Resolucion-054-de-2019-Reconocimiento-Pago-ICBF.pdf",
        )
        + row.format(item="Organigrama", desc="Organigrama actualizado", date="2026-02-04", file="07-estructura-v7.pdf")
        + "</tbody></table>"
    )
    hub = "<p>Información publicada según la Ley 1712 de 2014.</p><h3>Resoluciones de gerencia</h3>" + table
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/Resolucion-054-de-2019-Reconocimiento-Pago-ICBF.pdf": PDF,
        "/transparencia/07-estructura-v7.pdf": PDF,
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "transaccion.pagos_en_linea")]
    assert rec["status"] == "no_cumple", rec
    rec = records[("gelt-2008", "info.organigrama")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/07-estructura-v7.pdf"), rec


def test_res_3564s_processes_and_procedures_are_the_decision_procedures(serve, config_for):
    # Res. 3564 de 2015 published the procedures followed to take decisions (Ley 1712 art. 11 lit.
    # c; Res. 1519's 1.9) as «Procesos y procedimientos», under «Estructura orgánica y talento
    # humano»
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p><h3>3.3 Procesos y procedimientos</h3>"
        "<p>Caracterización de los procesos de la entidad y procedimientos con los que cada área toma sus"
        " decisiones, aprobados por el comité de gestión.</p>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.1.9")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia"), rec


def test_a_section_that_says_it_has_nothing_yet_is_shown_and_empty(serve, config_for):
    # «6.6-Informes de empalme» followed by «Aun no hay documentos en este item» (EDUP): the entity
    # shows the item and says nothing is published, as a page «en construcción» does: parcial, with
    # that said, not «no se encontró»
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        "<h3>6.6-Informes de empalme</h3><div>Aun no hay documentos en este item</div>"
        "<h3>6.2-Plan de acción</h3><p>Plan de acción integrado de la vigencia 2026, aprobado por la junta"
        ' directiva de la entidad.</p><p><a href="/files/plan-de-accion-2026.pdf">Plan de acción 2026</a></p>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
        "/files/plan-de-accion-2026.pdf": PDF,
    }
    records = _records(serve, config_for, routes)
    rec = records[("ley1712-res1519", "ley1712.4.5")]
    assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/transparencia.php"), rec
    assert "«6.6-Informes de empalme» de" in rec["detail"], rec
    assert "dice «Aun no hay documentos en este item»: no tiene nada publicado" in rec["detail"], rec
    assert records[("ley1712-res1519", "ley1712.4.3")]["status"] == "cumple", records[
        ("ley1712-res1519", "ley1712.4.3")
    ]


# Classes 40-47 (2026-12-05, fifth session, helper H53): remaining misses of the tuning groups
# «utility-comptroller», «sixth» and «six», read by class.


def test_class_40_a_tab_pane_that_repeats_its_title_and_has_nothing_yet_is_empty(serve, config_for):
    # EDUP's vertical tabs: the button «3.5-Directorio de información de servidores públicos y
    # contratistas» opens a pane that repeats it as <h3> and says «Aun no hay documentos en este
    # item». The long title repeated is no content: the item is shown and empty (parcial), as a short
    # one already was. «6.3-Programas y proyectos de ejecución» is Res. 3564's name of 4.4
    empty = "<center><h3>{t}</h3></center><div class='table-responsive'>Aun no hay documentos en este item</div>"
    titles = {
        "n19": "3.5-Directorio de información de servidores públicos y contratistas",
        "n31": "6.3-Programas y proyectos de ejecución",
    }
    hub = "<p>Información publicada según la Ley 1712 de 2014.</p>" + _tabs(
        list(titles.items()), {pid: empty.format(t=t) for pid, t in titles.items()}
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
    }
    records = _records(serve, config_for, routes)
    for item in ("ley1712.1.5", "ley1712.4.4"):
        rec = records[("ley1712-res1519", item)]
        assert rec["status"] == "parcial" and rec["evidence"][0].endswith("/transparencia.php"), rec
        assert "dice «Aun no hay documentos en este item»: no tiene nada publicado" in rec["detail"], rec


def test_class_41_a_status_query_whose_request_code_is_masked_is_no_login(serve, config_for):
    # EDUP's «Realiza aquí tu consulta»: «Identificación» and «Código de PQRSD», the code typed into a
    # password field, and «Consultar»: a person reads a look-up of the request's state, not a staff
    # login; the staff login beside it (user and password) stays a login
    query = (
        '<form action="respuesta.php" method="POST"><h4>Realiza aquí tu consulta</h4>'
        '<label class="form-label"><b>Identificación</b></label><input type="number" name="identificacion">'
        '<label class="form-label"><b>Codigo de PQRSD</b></label><input type="password" name="codigo_llegada">'
        '<button type="submit" class="btn btn-primary" name="respuesta">Consultar</button></form>'
    )
    login = (
        '<form action="login.php" method="POST"><label>Usuario</label><input type="text" name="usuario">'
        '<label>Contraseña</label><input type="password" name="clave">'
        '<button type="submit">Consultar radicado</button></form>'
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><p><a href="/consultar.php">Consulta</a> <a href="/iniciar_sesion.php">Ingresar</a></p>',
        ),
        "/consultar.php": page("EDUP", query),
        "/iniciar_sesion.php": page("EDUP", login),
    }
    records = _records(serve, config_for, routes)
    for item in ("transaccion.seguimiento", "interaccion.consulta_bd"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/consultar.php"), rec
        assert not any(u.endswith("/iniciar_sesion.php") for u in rec["evidence"]), rec


def test_class_42_the_page_that_meets_every_part_of_an_item_is_its_first_evidence(serve, config_for):
    # COOPSERCONT: the footer of every page holds part of the contact data (here the address and a
    # phone), the attention centre's page all of it (address, phones, e-mail): a person points to
    # that page, not to a footer that lacks the e-mail
    cau = (
        "<h3>Información de contacto</h3>"
        "<p><strong>Dirección:</strong> Calle 4 No. 3-27 Barrio El Centro, El Contadero</p>"
        "<p><strong>Teléfonos:</strong> Gerencia 3153843906, Secretaría 3161883794</p>"
        "<p><strong>Correo:</strong> gerencia@acueducto-contadero.gov.co</p>"
    )
    routes = {
        "/": page("Inicio", "<p>Acueducto, alcantarillado y aseo.</p>", ("/contacto", "/servicios")),
        "/contacto": page("Contáctenos", cau),
        "/servicios": page("Servicios", "<p>Acueducto, alcantarillado y aseo del municipio.</p>"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/contacto"), rec


def test_class_43_a_document_listed_in_the_items_own_section_is_an_entry_of_it(serve, config_for):
    # EDUP's pane «8.2-Publicacion de la ejecución de contratos»: a table of documents, one row named
    # as the section («Publicación Ejecución Contratos 2021» → CONTRATACIÓN 2021.xlsx). The section
    # titled for the item publishes it; one year's spreadsheet is an entry of that section, not what a
    # person points to first. A document named for the item under a section about something else stays
    # first (the organigram among «Resoluciones de gerencia»: the generic link's class above)
    row = (
        "<tr><td>{name}</td><td>{name}</td><td>{date}</td><td><a href='/transparencia/{file}' target='_blank'>"
        "<button class='btn btn-success' title='{file}'>Ver</button></a></td></tr>"
    )
    rows = row.format(name="Contratación 2026", date="2026-06-30", file="contratacion-2026.xlsx")
    rows += row.format(name="Publicación Ejecución Contratos 2025", date="2025-12-30", file="contratacion-2025.xlsx")
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        "<center><h3>8.2-Publicacion de la ejecución de contratos</h3></center><div class='table-responsive'>"
        "<table class='display table'><thead><tr><th>Item</th><th>Descripción</th><th>Fecha</th><th>Archivo</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></div>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/contratacion-2026.xlsx": PDF,
        "/transparencia/contratacion-2025.xlsx": PDF,
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.3.3")]
    assert rec["status"] in ("cumple", "parcial") and rec["evidence"][0].endswith("/transparencia.php"), rec["evidence"]
    assert any(u.endswith("/contratacion-2025.xlsx") for u in rec["evidence"]), rec["evidence"]


def test_class_44_a_section_before_its_link_to_a_third_partys_page(serve, config_for):
    # EDUP's pane «2.8-Información para niños, niñas y adolescentes» embeds the entity's Canva portal
    # and links to it: a person points to the pane (the entity's page, kept in the store), not to the
    # design tool's page (someone else's host, neither public nor a national system). A link to a
    # national system (SIGEP) in a section for its item keeps its place (hsvp in the corpus)
    canva = "https://www.canva.com/design/DAE0CYQHVTQ/view?utm_content=DAE0CYQHVTQ&utm_source=link"
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        "<center><h3>2.8-Información para niños, niñas y adolescentes</h3></center>"
        '<div><iframe loading="lazy" src="https://www.canva.com/design/DAE0CYQHVTQ/view?embed"></iframe></div>'
        f'<a href="{canva}" target="_blank" rel="noopener">Portal para niños , niñas y Adolescentes</a>'
        " Empresa de Desarrollo Urbano"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
    }
    records = _records(serve, config_for, routes)
    for profile, item in (("gelt-2008", "info.ninos"), ("ley1712-res1519", "ley1712.8.1")):
        rec = records[(profile, item)]
        assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia.php"), rec["evidence"]
        assert canva in rec["evidence"], rec["evidence"]


def test_class_45_a_page_is_evidence_by_its_section_that_publishes_not_by_an_empty_one(serve, config_for):
    # EDUP's Transparencia page has two panes for «otros grupos de interés»: «7.5-Información para
    # población vulnerable» says «Aun no hay documentos en este item», «12.1-Formato alternativo para
    # grupos étnicos y culturales» explains the format and links to it. The page publishes the item
    # (cumple) by 12.1; the empty pane, better named, does not make the page empty
    panes = {
        "n39": "<center><h3>7.5-Información para población vulnerable</h3></center>"
        "<div class='table-responsive'>Aun no hay documentos en este item</div>",
        "n58": "<center><h3>12.1-Formato alternativo para grupos étnicos y culturales</h3></center><center>"
        "<p>Conoce más sobre el <b>Formato Alternativo</b> haciendo clic en el siguiente botón.</p>"
        "<a href='https://www.urf.gov.co/webcenter/portal/urf/formato' target='_blank'>"
        "<button class='btn btn-success'>Ver Formato Alternativo</button></a></center>",
    }
    buttons = [
        ("n39", "7.5-Información para población vulnerable"),
        ("n58", "12.1-Formato alternativo para grupos étnicos y culturales"),
    ]
    hub = "<p>Información publicada según la Ley 1712 de 2014.</p>" + _tabs(buttons, panes)
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia.php">Transparencia</a></p>'),
        "/transparencia.php": page("Transparencia y acceso a la información pública", hub),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.8.3")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/transparencia.php"), rec
    assert "12.1-Formato alternativo" in rec["detail"], rec


def test_class_46_the_terms_a_form_opens_in_a_modal_are_part_of_the_form(serve, config_for):
    # EDUP's PQRSFD form: a required «Aceptar» box and «Ver terminos y condiciones», a button that
    # opens a modal (outside the form) reading «AUTORIZO … conforme con la Política de Tratamiento de
    # Datos Personales». A person reads the authorisation as part of the form
    form = (
        '<form action="" method="POST"><label>Tipo de solicitud</label><select name="tipo">'
        "<option>Petición</option><option>Queja</option><option>Reclamo</option></select>"
        '<label>Nombre</label><input type="text" name="nombre"><label>Correo</label><input type="email" name="correo">'
        '<label>Descripción</label><textarea name="descripcion"></textarea>'
        '<label><input type="checkbox" name="anonimo"> Solicitud anónima</label>'
        '<input class="form-check-input" type="checkbox" value="Si" name="aceptar_pqrsd" required>'
        '<label class="form-check-label">Aceptar</label>'
        '<button type="button" class="btn" data-bs-toggle="modal" data-bs-target="#exampleModal">'
        "Ver terminos y condiciones</button>"
        '<button class="btn" type="submit" name="guardar_pqrsd">Enviar</button></form>'
    )
    modal = (
        '<div class="modal fade" id="exampleModal" tabindex="-1" aria-hidden="true"><div class="modal-dialog">'
        '<div class="modal-content"><h5 class="modal-title">Autorizacion Datos Personales</h5><div class="modal-body">'
        "De conformidad con la Ley 1581 de 2012, AUTORIZO de manera libre y voluntaria, conforme con la Política"
        " de Tratamiento de Datos Personales, a la empresa para recolectar, usar y tratar mis datos.</div></div>"
        "</div></div>"
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/formulario.php",)),
        "/formulario.php": page("PQRSFD", form + modal),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/formulario.php"), rec


# Classes 48-50 (issue 15, fifth session): found on g-imder and g-hsap, two structures first measured
# blind (docs/checklist-accuracy.md).


def test_a_page_that_shows_only_its_title_and_breadcrumb_is_empty(serve, config_for):
    # class 48: a template's banner (the section's name and the breadcrumb) and the page's own name,
    # nothing else: the menu's entry leads to a page never filled, however many words its titles have
    banner = (
        '<section class="breadcrumbs"><h2>Información de interés</h2>'
        '<ol><li><a href="/">Inicio</a></li><li>Información para niñas, niños y adolescentes</li></ol></section>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/ninos",)),
        "/ninos": page("Información para niñas, niños y adolescentes", banner),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.ninos")]
    assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec


def test_a_side_menu_named_for_what_it_navigates_is_not_the_pages_content(serve, config_for):
    # class 49: «transparenciaNav», the categories' side menu beside the content of every page of the
    # section (a single-page application's layout, no <main>), is a menu (chrome), not what the page
    # publishes: the page that shows it and only its own name is empty
    side = (
        '<div class="transparenciaNav">'
        + "".join(
            f'<div class="transparenciaNav_item"><a href="/transparencia/{s}">{n}</a></div>'
            for s, n in (
                ("mecanismos", "1. Mecanismos de contacto con el sujeto obligado"),
                ("informacion", "2. Información de interés"),
                ("estructura", "3. Estructura orgánica y talento humano"),
                ("normatividad", "4. Normatividad"),
            )
        )
        + "</div>"
    )

    def spa(content: str) -> Resource:
        return Resource.html(
            "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>IMDER</title></head><body>"
            '<div id="root"><header><nav><a href="/">Inicio</a> <a href="/transparencia/informacion">'
            'Transparencia</a></nav></header><div class="row"><div class="col-4">'
            f'{side}</div><div class="col-8"><h1>Información de interés</h1>{content}</div></div>'
            "<footer>Sigue nuestras redes sociales</footer></div></body></html>"
        )

    routes = {
        "/": spa("<p>Bienvenidos al instituto.</p>"),
        "/transparencia/informacion": spa(
            '<ol><li><a href="/transparencia/calendario">Calendario de actividades</a></li></ol>'
        ),
        "/transparencia/calendario": spa("<h3>Calendario de actividades</h3>"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.calendario")]
    assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec


def test_a_link_written_with_accented_letters_leads_to_the_page_crawled_at_its_encoded_address(serve, config_for):
    # class 50: «/informacion-niñ@s» in the link, «/informacion-ni%C3%B1@s» as the crawler asks and
    # stores it: one page, whose state (here empty) judges the link
    routes = {
        "/": page(
            "Inicio", '<p>Bienvenidos.</p><ul><li><a href="/informacion-niñ@s">Información para niños</a></li></ul>'
        ),
        "/informacion-ni%C3%B1@s": page("Niños"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.ninos")]
    assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec


def test_entries_whose_sub_lists_follow_them_title_their_lists_and_a_bare_entry_is_listed_empty(serve, config_for):
    # class 51: «<li>Informe de Gestión y Auditoría</li><ul>…documents…</ul> … <li>Defensa judicial</li>»
    # (a template's list, its sub-lists written after their entries): each entry titles the list
    # that follows it, and an entry with nothing after it is shown and publishes nothing (parcial)
    control = (
        '<ol type="a"><li>Informe de Gestión y Auditoría</li><ul>'
        '<li><a href="/files/informe-auditoria-2026.pdf">Informe de auditoría primer semestre 2026</a></li></ul>'
        "<li>Reportes de Control Interno</li><ul>"
        '<li><a href="/files/pormenorizado-2026.pdf">Informe pormenorizado 2026</a></li></ul>'
        "<li>Defensa judicial</li></ol>"
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/control",)),
        "/control": page("Control", control),
        "/files/informe-auditoria-2026.pdf": PDF,
        "/files/pormenorizado-2026.pdf": PDF,
    }
    records = _records(serve, config_for, routes)
    rec = records[("ley1712-res1519", "ley1712.4.9")]
    assert rec["status"] == "parcial" and "sin nada publicado" in rec["detail"], rec
    assert rec["evidence"][0].endswith("/control"), rec


def test_a_document_about_signing_an_improvement_plan_is_not_a_subscription(serve, config_for):
    # class 52: «Suscripción plan de mejoramiento» (the signing of the plan), «acta de suscripción del
    # contrato»: «suscripción» is also signing; neither is a subscription to the entity's information
    body = (
        "<h3>Planes de mejoramiento</h3><ul>"
        '<li><a href="/files/suscripcion-mejoramiento-2026.xlsx">Suscripción plan de mejoramiento 2026</a></li>'
        '<li><a href="/files/acta-suscripcion-contrato.pdf">Acta de suscripción del contrato 012</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/control",)),
        "/control": page("Control", body),
        "/files/suscripcion-mejoramiento-2026.xlsx": PDF,
        "/files/acta-suscripcion-contrato.pdf": PDF,
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.suscripcion")]
    assert rec["status"] == "no_cumple", rec


def test_an_entry_that_links_back_to_the_home_page_publishes_nothing(serve, config_for):
    # class 53: «Link al formulario electrónico de solicitudes, peticiones, quejas…» whose link is «/»
    # (a template's entry never pointed anywhere): the entry publishes nothing (no_cumple since H147's
    # criterion; «parcial» before), and the detail names the page that shows it
    body = (
        "<p>Estimado ciudadano: estos son nuestros canales.</p><ul>"
        '<li><a href="/">Link al formulario electrónico de PQRSD: peticiones, quejas, reclamos y denuncias</a></li></ul>'
    )
    routes = {
        "/": page(
            "Inicio",
            "<p>Bienvenidos al sitio del instituto municipal: deporte, recreación y actividad física para"
            " niños, jóvenes, adultos y personas mayores del municipio, todo el año.</p>",
            ("/mecanismos",),
        ),
        "/mecanismos": page("Mecanismos de contacto con el sujeto obligado", body),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.pqrsd")]
    # it publishes nothing: no_cumple since the committee's criterion (H147); the detail names the
    # page that shows the entry
    assert rec["status"] == "no_cumple" and "/mecanismos lleva a la página de inicio" in rec["detail"], rec


def test_the_anticorruption_and_citizen_service_plan_is_not_the_pqrsd_channel(serve, config_for):
    # class 54: the «Plan Anticorrupción y de Atención al Ciudadano» (a yearly plan, a document) names
    # «atención al ciudadano»; it is not the channel for petitions and complaints (the sister item of
    # ley1712, the citizens' menu, already reads it so)
    body = (
        "<h3>Planeación</h3><ul>"
        '<li><a href="/files/plan-anticorrupcion-2026.xlsx">Plan anticorrupción y de atención al ciudadano 2026</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/planeacion",)),
        "/planeacion": page("Planeación", body),
        "/files/plan-anticorrupcion-2026.xlsx": PDF,
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "no_cumple", rec


def test_a_broken_link_is_the_last_evidence_after_a_page_that_opens(serve, config_for):
    # class 55: the menu's «Directorio Servidores Públicos» leads to an address with no page (404) and
    # «Directorio Contratistas» to a page that is only its title: both are poor, but a committee can
    # open the second; the link that opens nothing goes last
    menu = (
        "<ul><li><a href='/transparencia'>Transparencia y acceso a la información pública</a><ul>"
        "<li><a href='/transparencia/directorio-servidores-publicos'>Directorio Servidores Públicos</a></li>"
        "<li><a href='/transparencia/directorio-contratistas'>Directorio Contratistas</a></li></ul></li></ul>"
    )
    routes = {
        "/": page(
            "Inicio", "<p>Bienvenidos al hospital departamental, servicios de salud de mediana complejidad.</p>" + menu
        ),
        "/transparencia": page("Transparencia y acceso a la información pública", menu),
        "/transparencia/directorio-contratistas": page("Directorio contratistas"),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.1.5")]
    assert rec["status"] == "parcial", rec
    assert rec["evidence"][0].endswith("/transparencia/directorio-contratistas"), rec


def test_an_entry_that_opens_by_a_script_is_unverified_not_absent(serve, config_for):
    # class 32. Angular hubs draw an entry as «<li class="hipervinculo">Directorio de Entidades</li>»
    # and open its page with a click handler: no address, nothing the crawl can follow. Who clicks it
    # in a browser sees the content; the crawl did not: «sin_verificar», never «no se encontró» (and
    # never a period it could not read). An entry linked to «#» was seen going nowhere, a plain line
    # of text is no entry: those stay no_cumple; a page the crawl saw still decides its item.
    hub = (
        "<p>En cumplimiento de la Ley 1712 de 2014 la entidad publica la siguiente información.</p>"
        '<div class="acc"><div class="acc-header"><a role="button" class="accordion-link">Información de la'
        " Entidad</a></div><div><ul>"
        '<li class="hipervinculo">Directorio de Entidades</li>'
        '<li><a href="#">Organigrama</a></li>'
        "<li>Directorio de agremiaciones o asociaciones en las que participe</li>"
        '<li onclick="abrir(7)">Entes y autoridades que lo vigilan</li>'
        '<li class="hipervinculo">Misión y Visión</li>'
        '<li><a href="javascript:abrir(11)">Calendario de actividades y eventos</a></li>'
        '<li><a href="javascript:void(0)">Mapas y cartas descriptivas de los procesos</a></li>'
        "</ul><p>Información institucional de la entidad según el anexo de la resolución vigente.</p></div></div>"
        '<div class="acc"><div class="acc-header"><a role="button" class="accordion-link">Presupuesto</a></div>'
        '<div><p class="hipervinculo">Presupuesto general de ingresos, gastos e inversión</p></div></div>'
        # the norms: a script entry and, on the same page, decrees the crawl saw
        '<div class="acc"><div class="acc-header"><a role="button" class="accordion-link">Marco legal</a></div>'
        '<div><p class="hipervinculo">Normatividad</p></div></div>'
        "<h3>Decreto 1081 de 2015</h3><p>Por medio del cual se expide el Decreto Reglamentario Único del Sector"
        " Presidencia de la República.</p>"
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a> <a href="/mision">Misión y visión</a></p>',
        ),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/mision": page(
            "Misión y visión",
            "<h3>Misión</h3><p>Servir a la comunidad con transparencia, eficiencia y cercanía en todos los"
            " trámites.</p><h3>Visión</h3><p>Ser en 2030 una entidad reconocida por su gestión abierta y"
            " participativa en la región.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for item in ("ley1712.1.6", "ley1712.1.13", "ley1712.4.1", "ley1712.1.11"):
        rec = records[("ley1712-res1519", item)]
        assert rec["status"] == "sin_verificar", rec
        assert rec["evidence"][0].endswith("/transparencia"), rec
        assert "se abre con un script" in rec["detail"] and "periodo" not in rec["detail"], rec
    # «#» and «javascript:void(0)» go nowhere and a line of text opens nothing: seen, nothing published
    for item in ("ley1712.1.2", "ley1712.1.7", "ley1712.1.3"):
        assert records[("ley1712-res1519", item)]["status"] == "no_cumple", records[("ley1712-res1519", item)]
    # what the crawl saw on the same page decides before the script entry
    norms = records[("gelt-2008", "info.normatividad")]
    assert norms["status"] == "cumple" and "«Decreto 1081 de 2015»" in norms["detail"], norms
    # the mission page the crawl saw, outside the menu, decides the item (the menu's entry is unseen)
    mission = records[("ley1712-res1519", "ley1712.1.1")]
    assert mission["status"] == "parcial" and mission["evidence"][0].endswith("/mision"), mission


def test_res_3564s_names_of_the_plan_and_the_projects_are_read(serve, config_for):
    # class 33. Res. 3564 de 2015 (category 6, Planeación) named the plan the law asks each year «Plan
    # de gasto público» (Ley 1712 art. 9 lit. d: in the terms of Ley 1474 art. 74, the plan de acción,
    # Res. 1519's 4.3) and the investment projects «Programas y proyectos en ejecución» (Ley 1474 art.
    # 77, Res. 1519's 4.4); district templates still use those names (Govimentum: «Plan de Gasto
    # Público», «Programas y Proyectos»).
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 3564 de 2015.</p><h3>6. Planeación</h3>"
        '<ul><li><a href="/planeacion/plan-de-gasto-publico">6.2 Plan de gasto público</a></li>'
        '<li><a href="/planeacion/programas-proyectos">6.3 Programas y proyectos en ejecución</a></li></ul>'
    )
    text = "<p>Documentos publicados por la oficina de planeación de la entidad para consulta de la ciudadanía.</p>"
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/planeacion/plan-de-gasto-publico": page("Plan de gasto público", text),
        "/planeacion/programas-proyectos": page("Programas y proyectos", text),
    }
    records = _records(serve, config_for, routes)
    plan = records[("ley1712-res1519", "ley1712.4.3")]
    # found, in the menu; no year shown: parcial for the period only
    assert plan["status"] == "parcial" and plan["evidence"][0].endswith("/plan-de-gasto-publico"), plan
    assert "periodo" in plan["detail"] and "fuera del menú" not in plan["detail"], plan
    projects = records[("ley1712-res1519", "ley1712.4.4")]
    assert projects["status"] == "cumple" and projects["evidence"][0].endswith("/programas-proyectos"), projects


def test_a_staff_directory_named_colaboradores_is_the_staff_directory(serve, config_for):
    # class 34. A chamber of commerce (a private entity bound by Ley 1712) names its staff
    # «Colaboradores» under «Nosotros»: that is the directory of the people who work there; a page
    # about the partners of an event is not
    staff = (
        "<table><tr><th>Nombre</th><th>Cargo</th><th>Correo</th></tr>"
        "<tr><td>Ana Pérez</td><td>Presidenta ejecutiva</td><td>presidencia@camara.test</td></tr>"
        "<tr><td>Luis Gómez</td><td>Director jurídico</td><td>juridica@camara.test</td></tr></table>"
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/camara/colaboradores">Colaboradores</a></li>'
            '<li><a href="/feria">Colaboradores de la Feria Empresarial 2026</a></li></ul>',
        ),
        "/camara/colaboradores": page("Colaboradores", staff),
        "/feria": page(
            "Feria Empresarial 2026",
            "<p>Agradecemos a las empresas que apoyan la feria empresarial de este año en la región.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/camara/colaboradores"), rec
    assert not any(u.endswith("/feria") for u in rec["evidence"]), rec
    # found outside a transparency menu (the site has none): parcial for the place only
    ley = records[("ley1712-res1519", "ley1712.1.5")]
    assert ley["status"] == "parcial" and ley["evidence"][0].endswith("/camara/colaboradores"), ley


def test_a_title_over_an_empty_box_is_a_section_shown_empty(serve, config_for):
    # class 35. A single-page application's home draws «<h2>Noticias</h2><section class="noticias">
    # </section>» and fills the box from its API: the crawl sees the title over nothing. As a page
    # «Cargando…» (class 8) or a section that says it has nothing (class 31), the item is shown and
    # publishes nothing: parcial, not «no se encontró»; a spacer or a line break under a title, with
    # the content in the next block, is no empty section. This home runs no script: nothing can fill
    # the box, it is seen empty; on a page that runs one it is not seen (sin_verificar, class 62)
    home = (
        "<p>Bienvenidos al sitio de la entidad.</p>"
        '<h2>Noticias</h2><section class="noticias"></section>'
        '<section class="eventos"><h2>Eventos</h2></section>'
        '<div><h3>Preguntas frecuentes</h3><div class="clearfix"></div></div>'
        "<div><h2>Horarios</h2><p>Lunes a viernes de 8 a 12 y de 2 a 5 en la sede principal de la entidad.</p></div>"
        '<p><a href="/transparencia">Transparencia</a></p>'
    )
    routes = {
        "/": page("Inicio", home),
        "/transparencia": page("Transparencia y acceso a la información pública", "<p>Información de la entidad.</p>"),
    }
    records = _records(serve, config_for, routes)
    news = records[("gelt-2008", "info.noticias")]
    assert news["status"] == "parcial" and urlsplit(news["evidence"][0]).path in ("", "/"), news
    assert "«Noticias»" in news["detail"] and "está vacía" in news["detail"], news
    faq = records[("gelt-2008", "info.preguntas_frecuentes")]
    assert faq["status"] == "no_cumple", faq


def test_a_menu_link_to_a_short_section_named_for_the_item_lands_on_it(serve, config_for):
    # class 36. Govimentum's menu links «Misión» and «Visión» to parts of one page
    # (organizacion#mision): a link to a part counts when the page shows the item there, and a
    # heading named for the item is that part, even over a line of text too short to make a
    # section by itself; a link to a part of a page with no heading for the item still does not
    org = (
        '<h2 id="mision">Misión</h2><p>Servir con transparencia.</p>'
        '<h2 id="vision">Visión</h2><p>Ser ejemplo en 2030.</p>'
        '<h2 id="otros">Otros datos</h2><p>Datos generales.</p>'
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/organizacion#mision">Misión</a></li>'
            '<li><a href="/organizacion#vision">Visión</a></li>'
            '<li><a href="/organizacion#funciones">Funciones y deberes</a></li></ul>',
        ),
        "/organizacion": page("Estructura orgánica", org),
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "info.mision_vision")]
    assert rec["status"] == "cumple" and urlsplit(rec["evidence"][0]).path == "/organizacion", rec
    assert records[("gelt-2008", "info.funciones")]["status"] == "no_cumple", records[("gelt-2008", "info.funciones")]


def test_a_drop_down_entry_to_a_shared_page_that_does_not_show_it_names_nothing_published(serve, config_for):
    # class 56 (h-anserma): a header drop-down whose entries all lead to one page (the accordion of the
    # Res. 3564 categories, no part of the page named); the menu's «9. Instrumentos de gestión de
    # información pública» opens that page, whose ninth card is «9. Servicios»: the entry names the
    # section, the page it opens does not publish it (parcial, «no lo muestra»). An entry the page shows
    # as a card title («4. Normatividad», a document under it) is still read there.
    entries = (
        "1. Mecanismos de contacto",
        "3. Estructura orgánica y talento humano",
        "4. Normatividad",
        "9. Instrumentos de gestión de información pública",
    )
    menu = (
        "<div class='dropdown nav-item'><a href='#' class='dropdown-toggle nav-link'>Ley de Transparencia</a>"
        "<div class='dropdown-menu'>"
        + "".join(f"<a href='/transparencia' class='dropdown-item'>{e}</a>" for e in entries)
        + "</div></div>"
    )
    cards = (
        (
            "1. Mecanismos de contacto con el sujeto obligado",
            "Dirección: Cra 3 # 7-40, centro. Horario: lunes a viernes.",
        ),
        ("3. Estructura orgánica y talento humano", "<img src='/organigrama.png' alt='Organigrama'>"),
        ("4. Normatividad", "<a href='/docs/normograma-2026.pdf'>Normograma de la entidad 2026</a>"),
        ("9. Servicios", "<a href='/servicios'>Ir a Servicios</a>"),
    )
    accordion = "".join(f"<h3>{t}</h3><div>{b}</div>" for t, b in cards)

    def with_menu(title: str, body: str) -> Resource:
        return Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<header><nav class='navbar'><a href='/' class='nav-link'>Inicio</a>{menu}</nav></header>"
            f"<main><h2>{title}</h2>{body}</main><footer>Cra 3 # 7-40. Teléfono 315 823 1406</footer></body></html>"
        )

    routes = {
        "/": with_menu("Inicio", "<p>Cuerpo de bomberos voluntarios: prevención y atención de emergencias.</p>"),
        "/transparencia": with_menu("Ley de Transparencia", accordion),
        "/servicios": with_menu("Servicios", "<p>Inspecciones de seguridad a establecimientos y capacitaciones.</p>"),
        "/docs/normograma-2026.pdf": PDF,
    }
    recs = _records(serve, config_for, routes)
    rec = recs[("ley1712-res1519", "ley1712.7")]
    assert rec["status"] == "parcial" and "no lo muestra" in rec["detail"], (rec["detail"], rec["evidence"])
    assert rec["evidence"][0].endswith("/transparencia"), rec
    norms = recs[("ley1712-res1519", "ley1712.2")]
    assert norms["status"] == "cumple", (norms["detail"], norms["evidence"])


def test_a_plain_button_before_a_collapse_panel_titles_that_panel(serve, config_for):
    # class 57 (h-anserma): react-bootstrap 1.x draws Accordion.Toggle as a bare
    # «<div class="card-header"><button class="btn btn-link">4. Normatividad</button></div>» followed by
    # «<div class="collapse"><div class="card-body">…»: no data attribute, no aria-expanded; the panel
    # after the button is what it opens, and the button's text is that panel's title, as a person reads it.
    # A button followed by anything else (a search button, a form's submit) titles nothing.
    cards = (
        ("1. Mecanismos de contacto con el sujeto obligado", "Dirección: Cra 3 # 7-40, centro."),
        ("4. Normatividad", "<a href='/docs/d1.pdf'>Ver Documento</a>"),
        ("8. Contratación", "<a href='/docs/d2.pdf'>Ver Documento</a>"),
    )
    accordion = "".join(
        f"<div class='card'><div class='card-header'><button type='button' class='btn btn-link'>{t}</button></div>"
        f"<div class='collapse'><div class='card-body'>{b}</div></div></div>"
        for t, b in cards
    )
    search = "<div><button type='button' class='btn btn-primary'>Presupuesto</button></div><div><p>Buscar</p></div>"
    routes = {
        "/": page("Inicio", "<p>Cuerpo de bomberos voluntarios: prevención y atención de emergencias.</p>", ("/ley",)),
        "/ley": page("Ley de Transparencia", accordion + search),
        "/docs/d1.pdf": PDF,
        "/docs/d2.pdf": PDF,
    }
    recs = _records(serve, config_for, routes)
    for item in ("ley1712.2", "ley1712.3"):
        rec = recs[("ley1712-res1519", item)]
        assert rec["status"] in ("cumple", "parcial") and rec["evidence"][0].endswith("/ley"), (item, rec["detail"])
    assert recs[("ley1712-res1519", "ley1712.4.1")]["status"] == "no_cumple", recs[("ley1712-res1519", "ley1712.4.1")]


# Classes 60-63 (issue 15, fifth session, helper H57): content a script would load, which the crawl
# (no JavaScript) does not see. The rule of class 32 for every such case: an item never loses or gains
# status on content the crawl could not see (docs/checklist-states.md, «sin_verificar»).
APP_JS = '<script src="/js/app.js"></script>'  # the page's application: what replaces a placeholder


def test_class_60_a_page_that_says_it_is_loading_is_unseen_not_empty(serve, config_for):
    # «Preguntas frecuentes» → a page whose content is «Cargando contenido...» and a script that
    # replaces it from an API: the crawl saw the placeholder, not the content. sin_verificar with
    # the page as evidence, never «vacía o en construcción» (the page is not seen empty). The same
    # placeholder on a page with no script stays on screen: a person sees what the crawl saw, an
    # empty page (parcial); a template's filler («Página en construcción») is seen whatever scripts
    # the page runs (parcial)
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/preguntas">Preguntas frecuentes</a></li>'
            '<li><a href="/glosario">Glosario</a></li><li><a href="/empleo">Ofertas de empleo</a></li>'
            '<li><a href="/calendario">Calendario de actividades</a></li></ul>',
        ),
        "/preguntas": page("Preguntas frecuentes", '<div id="faq">Cargando contenido...</div>', extra_head=APP_JS),
        # the page's title names the item; the placeholder is its whole content (an inline script)
        "/calendario": page(
            "Calendario de actividades",
            "<div id='agenda'><p>Cargando…</p></div>",
            extra_head="<script>fetch('/api/agenda').then(r => r.json()).then(pintar);</script>",
        ),
        "/glosario": page("Glosario", "<div>Cargando contenido...</div>"),
        "/empleo": page("Ofertas de empleo", "<p>Página en construcción.</p>", extra_head=APP_JS),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    records = _records(serve, config_for, routes)
    for item, path, shown in (
        ("info.preguntas_frecuentes", "/preguntas", "«Cargando contenido...»"),
        ("info.calendario", "/calendario", "«Cargando…»"),
    ):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "sin_verificar", rec
        assert urlsplit(rec["evidence"][0]).path == path, rec
        assert shown in rec["detail"] and "ábrala en un navegador" in rec["detail"], rec
        assert "vacía" not in rec["detail"] and "publica" not in rec["detail"], rec  # not seen, not empty
    for item, said in (
        ("info.glosario", "solo muestra «Cargando contenido...», sin un script que lo cargue"),
        ("info.empleo", "dice «Página en construcción.»: no tiene nada publicado"),
    ):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "parcial" and said in rec["detail"], rec


def test_class_61_what_the_crawl_saw_decides_before_a_page_that_is_loading(serve, config_for):
    # a page the crawl saw decides the item, with its own problems, before a page whose content a
    # script loads: the news page with dated news is the news (cumple) beside «Sala de prensa» that
    # is loading; a PQRSD form seen on a page whose list of requests is loading; the directory of entities seen outside the menu stays parcial for the place, not
    # sin_verificar because the menu's entry leads to a loading page
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>"
        '<ul><li><a href="/transparencia/directorio-entidades">Directorio de entidades</a></li></ul>'
    )
    entities = (
        "<ul><li>Gobernación del departamento: gobernacion@departamento.test</li>"
        "<li>Contraloría departamental: contraloria@departamento.test</li>"
        "<li>Personería municipal: personeria@municipio.test</li></ul>"
    )
    loading = '<div id="app"><p>Cargando datos...</p></div>'
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/noticias">Noticias</a></li>'
            '<li><a href="/sala-de-prensa">Sala de prensa</a></li>'
            '<li><a href="/transparencia">Transparencia</a></li>'
            '<li><a href="/entidades">Directorio de entidades</a></li><li><a href="/pqrsd">PQRSD</a></li></ul>',
        ),
        # the form is in the page the crawl saw; the list of past requests is what a script loads
        "/pqrsd": page(
            "PQRSD",
            '<form action="/enviar"><label>Nombre <input name="nombre"></label>'
            '<label>Correo <input type="email" name="correo"></label><textarea name="mensaje"></textarea>'
            '<button>Enviar</button></form><div id="historial">Cargando...</div>',
            extra_head=APP_JS,
        ),
        "/noticias": page(
            "Noticias",
            "<h3>Inicia la vacunación en las veredas</h3><p>Publicado el 12 de noviembre de 2026.</p>"
            "<h3>Rendición de cuentas de la alcaldía</h3><p>Publicado el 3 de noviembre de 2026.</p>",
        ),
        "/sala-de-prensa": page("Sala de prensa", loading, extra_head=APP_JS),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/directorio-entidades": page("Directorio de entidades", loading, extra_head=APP_JS),
        "/entidades": page("Directorio de entidades", entities),
    }
    records = _records(serve, config_for, routes)
    news = records[("gelt-2008", "info.noticias")]
    assert news["status"] == "cumple" and urlsplit(news["evidence"][0]).path == "/noticias", news
    ley = records[("ley1712-res1519", "ley1712.1.6")]
    assert ley["status"] == "parcial" and urlsplit(ley["evidence"][0]).path == "/entidades", ley
    # a form the crawl saw on a page that also loads something is a form seen
    form = records[("gelt-2008", "interaccion.pqrsd")]
    assert form["status"] == "cumple" and urlsplit(form["evidence"][0]).path == "/pqrsd", form
    assert "formulario" in form["detail"], form
    assert "transparencia" in ley["detail"] and "script" not in ley["detail"], ley


def test_class_62_a_title_over_an_empty_box_a_script_may_fill_is_unseen(serve, config_for):
    # class 35's box on a page that runs a script: «<h2>Noticias</h2><section class="noticias">
    # </section>» filled from the application's API. What fills it was not seen: sin_verificar with
    # the page as evidence, not «está vacía» (class 35 keeps that for a page with no script, where
    # nothing can fill the box). A script element that only holds data (JSON-LD) runs nothing; a
    # section the crawl saw on the same page decides before the box
    home = (
        "<p>Bienvenidos al sitio de la entidad.</p>"
        '<h2>Noticias</h2><section class="noticias"></section>'
        '<h2>Calendario de actividades</h2><div id="calendario"></div>'
        "<h2>Agenda</h2><p>Lunes 7 de diciembre: consejo de gobierno en la sede principal de la entidad y"
        " reunión con las juntas de acción comunal de las veredas del norte.</p>"
        '<p><a href="/datos">Datos</a></p>'
    )
    data_only = '<script type="application/ld+json">{"@type": "GovernmentOrganization"}</script>'
    routes = {
        "/": page("Inicio", home, extra_head=APP_JS),
        "/datos": page(
            "Datos",
            '<h2>Preguntas frecuentes</h2><section class="faq"></section>'
            "<h2>Datos abiertos</h2><p>Consulte los conjuntos de datos publicados por la entidad.</p>",
            extra_head=data_only,
        ),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    records = _records(serve, config_for, routes)
    news = records[("gelt-2008", "info.noticias")]
    assert news["status"] == "sin_verificar" and urlsplit(news["evidence"][0]).path in ("", "/"), (
        news["status"],
        news["detail"],
        news["evidence"],
    )
    assert "«Noticias»" in news["detail"] and "ábrala en un navegador" in news["detail"], news
    assert "está vacía" not in news["detail"], news
    # its dated news would be in the box too: not «falta: noticias con fecha», only not found
    assert "en lo rastreado no se encontró: noticias con fecha" in news["detail"], news
    agenda = records[("gelt-2008", "info.calendario")]
    assert agenda["status"] == "cumple" and "«Agenda»" in agenda["detail"], agenda
    faq = records[("gelt-2008", "info.preguntas_frecuentes")]
    assert faq["status"] == "parcial" and "está vacía" in faq["detail"], faq


def test_class_63_a_current_item_whose_page_is_loading_has_no_period_to_miss(serve, config_for):
    # the hub's «Plan de acción» (an item of the current year, in the menu) leads to a page that is
    # loading: the crawl read no year because it saw no content; sin_verificar, never parcial for a
    # period it could not read nor for an empty page
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>"
        '<h3>4. Planeación</h3><ul><li><a href="/transparencia/plan-de-accion">4.3 Plan de acción</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/plan-de-accion": page(
            "Plan de acción", "<div class='docs'>Cargando información...</div>", extra_head=APP_JS
        ),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.4.3")]
    assert rec["status"] == "sin_verificar", rec
    assert urlsplit(rec["evidence"][0]).path == "/transparencia/plan-de-accion", rec
    assert "«Cargando información...»" in rec["detail"] and "periodo" not in rec["detail"], rec


# Classes 70-72 (issue 15, sixth session, helper H60): found on i-curaduria1, the React site of the
# Curaduría Urbana No. 1 de Bucaramanga, first measured blind (docs/checklist-accuracy.md).


def _rs_panel(title: str, body: str) -> str:
    """An rsuite 5 accordion panel as it renders: the title in a ``div[role=button]``, no button."""
    return (
        '<div class="rs-panel rs-panel-collapsible"><div role="button" class="rs-panel-header" aria-expanded="false">'
        f'<span class="rs-panel-title">{title}</span><svg class="rs-icon" aria-label="angle down"></svg></div>'
        f'<div role="region" class="rs-anim-collapse"><div class="rs-panel-body">{body}</div></div></div>'
    )


def test_class_70_an_aria_disclosure_button_titles_the_panel_after_it(serve, config_for):
    # rsuite's Panel: «div.rs-panel-header[role=button][aria-expanded] > span.rs-panel-title» then the
    # body; no <button>, <summary> or heading. A person reads the panel's title as its section's title:
    # «1. Información de la entidad» and «8. Información específica para grupos de interés» are the
    # Res. 1519 sections on the hub, with their entries as content
    hub = (
        "<p>En cumplimiento de la Ley 1712 de 2014 la entidad pone a disposición la siguiente información.</p>"
        '<div class="rs-panel-group" role="tablist">'
        + _rs_panel(
            "1. Información de la entidad",
            '<p>1.1. <a href="/mision">Misión y visión</a></p><p>1.2. <a href="/organigrama">Organigrama</a></p>',
        )
        + _rs_panel(
            "8. Información específica para grupos de interés.",
            '<p>8.1.1. <a href="/ninos">Información para niños, niñas y adolescentes</a></p>',
        )
        + "</div>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/mision": page("Misión y visión", "<h2>Misión</h2><p>Servir.</p><h2>Visión</h2><p>Ser referente.</p>"),
        "/organigrama": page("Organigrama", '<img src="/organigrama.png" alt="Organigrama de la entidad">'),
        # more than a few words: a page of under fifteen words is read as empty, and a section whose only
        # entry opens it is named and empty (H211, class 2112) — not this test's object
        "/ninos": page(
            "Niños",
            "<p>Videos sobre la historia de la ciudad para niños, niñas y adolescentes: la fundación del pueblo,"
            " el río y sus puentes, las fiestas de enero y los juegos de la plaza, contados por sus abuelos.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for item, title in (("ley1712.1", "1. Información de la entidad"), ("ley1712.8", "8. Información específica")):
        rec = records[("ley1712-res1519", item)]
        assert rec["status"] == "cumple", rec
        assert urlsplit(rec["evidence"][0]).path == "/transparencia" and title in rec["detail"], rec


# «NO APLICA» written the ways i-curaduria1 writes it: on the numbered line that names the item, and as
# the opening line of a section's content. A page elsewhere that publishes an item decides before it.
NA_HUB = """
<p>En cumplimiento de la Ley 1712 de 2014 la entidad pone a disposición la siguiente información.</p>
<h3>2. Normatividad</h3>
<p>2.1. <a href="/normas">Normativa de la entidad</a></p>
<p>2.3. Proyectos de normas para comentarios, NO APLICA: la entidad no expide normas, sus actuaciones
están reglamentadas en el Decreto 1077 de 2015, artículo 2.2.6.1.1.3.</p>
<h3>3. Contratación</h3>
<h5>NO APLICA</h5>
<p>El ejercicio del curador urbano está reglamentado en el Decreto 1077 de 2015 y estos requerimientos no le
aplican. Contrata por derecho privado.</p>
<h3>4. Planeación</h3>
<p>4.1. Presupuesto general de ingresos, gastos e inversión, NO APLICA: El curador no maneja recursos del
presupuesto público. La Contaduría General lo estableció en su concepto 102888 de 2007.</p>
<p>4.5 <a href="/empalme">Informes de empalme</a></p>
"""
NA_ROUTES = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos.</p><ul><li><a href="/transparencia">Transparencia</a></li>'
        '<li><a href="/manual-contratacion">Manual de contratación</a></li>'
        '<li><a href="/proyectos-normas">Proyectos de normas para comentarios</a></li></ul>',
    ),
    "/transparencia": page("Transparencia y acceso a la información pública", NA_HUB),
    "/normas": page("Normativa", "<ul><li>Decreto 1077 de 2015</li><li>Ley 388 de 1997</li></ul>"),
    "/empalme": page("Informes de empalme", "<p>Acta de empalme entre el curador saliente y el entrante, 2024.</p>"),
    "/manual-contratacion": page(
        "Manual de contratación",
        "<p>Manual de contratación, adquisición y compras de la curaduría: procedimiento para contratar"
        " bienes y servicios por derecho privado, aprobado en 2024, con sus modalidades y requisitos.</p>",
    ),
    "/proyectos-normas": page(
        "Proyectos de normas para comentarios",
        "<h2>Proyecto de reglamento de atención al público</h2><p>Publicado el 3 de noviembre de 2026 para"
        " comentarios de la ciudadanía hasta el 20 de noviembre; envíe sus observaciones al correo de la entidad.</p>",
    ),
}


@pytest.fixture(scope="module")
def na_site(tmp_path_factory):
    """The site of classes 71-72, crawled and reported once."""
    server = SiteServer(NA_ROUTES).start()
    try:
        yield _crawl(write_config(tmp_path_factory.mktemp("na"), server.url, OFFLINE))
    finally:
        server.stop()


def test_class_71_no_aplica_on_the_numbered_line_or_opening_a_section_is_proposed(na_site):
    # «4.1. Presupuesto general…, NO APLICA: …» is a paragraph, not a heading with a sentence under
    # it: the numbered line names its item and says it does not apply. «3. Contratación» whose content
    # opens with «NO APLICA» then the reason: the whole section does not apply. Both proposed
    # no_aplica with the page and its words, for the committee to confirm
    for profile, item, words in (
        ("ley1712-res1519", "ley1712.4.1", "4.1. Presupuesto general de ingresos, gastos e inversión"),
        ("gelt-2008", "info.presupuesto", "4.1. Presupuesto general"),
        ("ley1712-res1519", "ley1712.3", "reglamentado en el Decreto 1077 de 2015"),
    ):
        rec = na_site[(profile, item)]
        assert rec["status"] == "no_aplica", rec
        assert urlsplit(rec["evidence"][0]).path == "/transparencia" and words in rec["detail"], rec
        assert "NO APLICA" in rec["detail"] and "el comité debe confirmar" in rec["detail"], rec
    # the line that only says «no aplica» is no evidence either way when another page publishes the
    # item: the project of a norm published for comments is found on its own page
    rec = na_site[("gelt-2008", "democracia.consultas")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert urlsplit(rec["evidence"][0]).path == "/proyectos-normas", rec
    assert all(urlsplit(u).path != "/transparencia" for u in rec["evidence"]), rec


def test_class_72_a_sub_item_of_a_section_that_does_not_apply_is_proposed_no_aplica(na_site):
    # «3. Contratación … NO APLICA»: its sub-items (plan anual de adquisiciones, información contractual…)
    # are not published anywhere; a person reads them as not applicable too, with the section's words.
    # A sub-item the site publishes elsewhere (the contracting manual) is judged on what it publishes
    for item in ("ley1712.3.1", "ley1712.3.2"):
        rec = na_site[("ley1712-res1519", item)]
        assert rec["status"] == "no_aplica", rec
        assert urlsplit(rec["evidence"][0]).path == "/transparencia", rec
        assert "«3. Contratación»" in rec["detail"] and "Decreto 1077" in rec["detail"], rec
    manual = na_site[("ley1712-res1519", "ley1712.3.4")]
    assert manual["status"] in ("cumple", "parcial"), manual
    assert urlsplit(manual["evidence"][0]).path == "/manual-contratacion", manual


# classes 90–9x (issue 15, sixth session, helper H62): a page built by a script the crawl does not run.
def _shell(title: str, mount: str = '<div id="root"></div>', script: str = APP_JS, notice: str = "") -> Resource:
    """A single-page application's shell: a title, a mount point, its script (no template around)."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body>{notice}{mount}{script}</body></html>"
    )


def test_class_90_a_page_a_script_builds_with_no_placeholder_is_unseen_not_empty(serve, config_for):
    # an application's shell shows nothing without its script: React's «<div id="root"></div>» with
    # «<noscript>You need to enable JavaScript…</noscript>», Vue's «<div id="app"></div>» inside the
    # site's template, Angular's «<app-root></app-root>». The crawl saw no content, not an empty
    # page: sin_verificar with the page as evidence (found by its title or by the hub's link to it),
    # never «vacía». The same shell with no script, or a template's empty page with a script and no
    # mount point, is shown empty as the crawl saw it (parcial)
    noscript = "<noscript>You need to enable JavaScript to run this app.</noscript>"
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>"
        '<h3>4. Planeación</h3><ul><li><a href="/transparencia/plan-de-accion">4.3 Plan de acción</a></li></ul>'
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/preguntas">Preguntas frecuentes</a></li>'
            '<li><a href="/calendario">Calendario de actividades</a></li><li><a href="/empleo">Ofertas de empleo</a></li>'
            '<li><a href="/glosario">Glosario</a></li><li><a href="/transparencia">Transparencia</a></li>'
            '<li><a href="/noticias">Noticias</a></li></ul>',
        ),
        "/preguntas": _shell("Preguntas frecuentes", notice=noscript),
        "/calendario": page("Calendario de actividades", '<div id="app"></div>', extra_head=APP_JS),
        "/empleo": _shell("Ofertas de empleo", "<app-root></app-root>", "<script>bootstrap(AppModule);</script>"),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/plan-de-accion": _shell("Alcaldía", notice=noscript),
        # no script draws these: what the crawl saw is what a person sees
        "/glosario": _shell("Glosario", script=""),
        "/noticias": page("Noticias", "", extra_head=APP_JS),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    records = _records(serve, config_for, routes)
    for profile, item, path in (
        ("gelt-2008", "info.preguntas_frecuentes", "/preguntas"),
        ("gelt-2008", "info.calendario", "/calendario"),
        ("gelt-2008", "info.empleo", "/empleo"),
        ("ley1712-res1519", "ley1712.4.3", "/transparencia/plan-de-accion"),
    ):
        rec = records[(profile, item)]
        assert rec["status"] == "sin_verificar", rec
        assert urlsplit(rec["evidence"][0]).path == path, rec
        assert "la construye un script" in rec["detail"] and "ábrala en un navegador" in rec["detail"], rec
        assert "vacía" not in rec["detail"] and "periodo" not in rec["detail"], rec
    for item in ("info.glosario", "info.noticias"):
        rec = records[("gelt-2008", item)]
        assert (
            rec["status"] in ("parcial", "no_cumple") and "solo muestra su título: no publica nada" in rec["detail"]
        ), rec


# Real breadcrumb markup (stored public repositories, found with the `search`/`find_string` tools):
# - Bootstrap's component: <nav aria-label="breadcrumb"><ol class="breadcrumb"> (e.g. rrrjesus/smsubcontrol
#   themes/smsubapp/views/theme/breadcrumb.php);
# - GOV.CO's design system: <nav aria-label="Miga de pan predeterminada de dos niveles"><ul
#   class="breadcrumb-govco"><li class="breadcrumb-item-govco"> (Colombian entities' Blade layouts that copy
#   the component, found by find_string «breadcrumb-govco»), and its «Ruta de navegación» label
#   (gcba/Obelisco-V2 app/src/documents/Breadcrumb/code-views.ts writes the same label);
# - a «miga de pan» class: <div class="miga-de-pan"><ul><li>… / </li><li class="ultimo"> (kirusiya/
#   Custom-theme-Wordpress parts/miga-de-pan-simple.php); GovernIB/carpeta's <nav class="miga">;
# - Designers Italia's <ul class="Breadcrumb"><li class="Breadcrumb-item"> (OpencontentCoop/
#   openpa_designitalia design/designitalia/templates/breadcrumb.tpl), and a bare <nav aria-label="Migas
#   de pan"><ul> (bitbloq's Breadcrumbs component).
MIGA_DE_PAN = (
    '<div class="miga-de-pan"><ul><li><a href="/">Inicio</a> / </li><li><a href="/informacion">Información</a>'
    ' / </li><li class="ultimo">{here}</li></ul></div>'
)
CRUMBS = {
    "bootstrap": '<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">'
    'Inicio</a></li><li class="breadcrumb-item active" aria-current="page">{here}</li></ol></nav>',
    "govco": '<nav aria-label="Miga de pan predeterminada de dos niveles"><ul class="breadcrumb-govco">'
    '<li class="breadcrumb-item-govco"><a href="/">Inicio</a></li>'
    '<li class="breadcrumb-item-govco active" aria-current="page">{here}</li></ul></nav>',
    "govco-ruta": '<nav aria-label="Ruta de navegación"><ol><li><a href="/">Inicio</a></li><li>{here}</li></ol></nav>',
    "miga-de-pan": MIGA_DE_PAN,
    "carpeta": '<nav class="miga"><div class="migaDiv container"><ol id="migaPan"><li><a href="/">Inicio</a></li>'
    "<li>{here}</li></ol></div></nav>",
    "designitalia": '<nav aria-label="sei qui:" role="navigation"><ul class="Breadcrumb"><li class="Breadcrumb-item">'
    '<a class="Breadcrumb-link" href="/">Inicio</a></li><li class="Breadcrumb-item">{here}</li></ul></nav>',
    "migas-de-pan": '<nav aria-label="Migas de pan"><ul><li><a href="/">Inicio</a></li><li>{here}</li></ul></nav>',
}


def _shared_title_page(crumb: str, text: str) -> Resource:
    """A page whose title and header h1 every such page shares (a CMS that names none of them)."""
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Alcaldía de Prueba</title></head>"
        f"<body><header><h1>Alcaldía de Prueba</h1></header><main>{crumb}<p>{text}</p></main></body></html>"
    )


def test_class_91_one_breadcrumb_for_the_page_names_and_the_checklist(serve, config_for):
    # what is a breadcrumb is one definition (markup.is_breadcrumb) for both readers: the page names
    # (pages sharing a title are named by their breadcrumb's last step) and the checklist (a page that
    # shows only its title and its breadcrumb publishes nothing: «vacía o en construcción»). A «miga de
    # pan» class the checklist missed, and a «Breadcrumb» class or a «Migas de pan» label the page names
    # missed, are breadcrumbs to both
    text = "Consulte aquí la información que la entidad publica sobre este tema para la ciudadanía."
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/glosario", "/tramites", "/normatividad", "/contacto")),
        "/glosario": page("Glosario", MIGA_DE_PAN.format(here="Glosario")),
        "/informacion": page(
            "Información", "<p>Información de la entidad para la ciudadanía y los grupos de interés.</p>"
        ),
        "/tramites": _shared_title_page(CRUMBS["designitalia"].format(here="Trámites y servicios"), text),
        "/normatividad": _shared_title_page(CRUMBS["migas-de-pan"].format(here="Normatividad"), text),
        "/contacto": _shared_title_page(CRUMBS["bootstrap"].format(here="Contacto"), text),
    }
    config = config_for(serve(routes).url, OFFLINE)
    records = _crawl(config)
    rec = records[("gelt-2008", "info.glosario")]
    assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec
    titles = {urlsplit(p["url"]).path: p["title"] for p in report_json(config)["pages"]}
    assert titles["/tramites"] == "Trámites y servicios", titles
    assert titles["/normatividad"] == "Normatividad", titles
    assert titles["/contacto"] == "Contacto", titles


def test_both_readers_of_a_breadcrumb_agree_on_real_markup():
    # page names read the breadcrumb's last step; the checklist drops the breadcrumb before it asks
    # whether a page shows only its title. Each real breadcrumb is one to both; the same list without
    # what marks it (its class, its label) is one to neither, and an «amigable» class is no «miga»
    from gelt_audit.audits.checklist.emptiness import _only_title
    from gelt_audit.audits.checklist.pages import read_document
    from gelt_audit.audits.pages import _breadcrumb_step
    from gelt_audit.audits.tree import parse_body

    def readers(crumb: str) -> tuple[str, bool]:
        html = f"<html><body><h2>Glosario</h2>{crumb}</body></html>"
        step = _breadcrumb_step(parse_body(html))  # each reader parses as it does in a run
        name = "".join(step.itertext()).strip() if step is not None else ""
        return name, _only_title(read_document(html).find("body"))

    for style, crumb in CRUMBS.items():
        assert readers(crumb.format(here="Glosario")) == ("Glosario", True), style
    unmarked = '<div class="migajas-no"><ul><li><a href="/">Inicio</a></li><li><a href="/a">A</a></li></ul></div>'
    for crumb in (
        unmarked.replace("migajas-no", "listado"),
        unmarked.replace("migajas-no", "version-amigable"),
        unmarked.replace('class="migajas-no"', 'aria-label="Enlaces de interés"'),
    ):
        assert readers(crumb) == ("", False), crumb


def test_class_92_nothing_found_on_a_site_a_script_builds_is_unseen_not_missing(serve, config_for):
    # the whole site is an application: its home page is a shell (<div id="root"></div>, a noscript
    # notice, the script). The crawl saw no menu and no link: an item it found nothing for is
    # sin_verificar with the home page as evidence, never «no se encontró en el sitio rastreado»
    routes = {
        "/": _shell("Alcaldía de Prueba", notice="<noscript>You need to enable JavaScript to run this app.</noscript>"),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    records = _records(serve, config_for, routes)
    for key in (("gelt-2008", "info.noticias"), ("ley1712-res1519", "ley1712.4.3")):
        rec = records[key]
        assert rec["status"] == "sin_verificar", rec
        assert [urlsplit(u).path for u in rec["evidence"]] in (["/"], [""]), rec
        assert "la página de inicio no muestra nada sin sus scripts" in rec["detail"], rec
    assert not [r for r in records.values() if "no se encontró en el sitio rastreado" in r["detail"]]


# Classes 80-83 (sixth session, helper H61): the misses of `j-choconta` (the E.S.E. Hospital San
# Martín de Porres de Chocontá's PHP site, its first contact measured blind).


def _raw(title: str, body: str) -> Resource:
    """A whole HTML page as given (its markup not wrapped by :func:`page`)."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"
    )


def test_class_80_a_header_end_tag_closes_the_divs_left_open_inside_it(serve, config_for):
    # «<header><div class="logo">…</header>»: a div left open in the template's header. A browser
    # (HTML 5) closes it at «</header>»; lxml (HTML 4) ignored that end tag and read the whole page
    # after it as part of the header, the site's chrome: the page's content was not read
    header = (
        '<div class="home"><header class="header"><div class="logo"><a href="/">E.S.E. Hospital de Prueba</a>'
        '<nav><a href="/">Inicio</a> <a href="/entidad">Entidad</a></nav></header></div>'
    )
    content = (
        '<div class="contact"><div class="faq_title">Nuestra entidad</div>'
        "<h2>Misión y visión</h2><p>Misión: prestar servicios de salud de baja complejidad con calidad y"
        " humanización a la población del municipio. Visión: en 2030 seremos la empresa social del Estado"
        " referente de la provincia.</p>"
        "<p>Notificaciones judiciales: notificacionesjudiciales@hospitalprueba.gov.co</p></div>"
        '<footer class="footer"><p>Hospital de Prueba</p></footer>'
    )
    routes = {
        "/": _raw("Inicio", header + "<p>Bienvenidos al hospital.</p>" + content),
        "/entidad": _raw("Entidad", header + content),
    }
    records = _records(serve, config_for, routes)
    judicial = records[("gelt-2008", "info.notificaciones_judiciales")]
    assert judicial["status"] == "cumple", judicial
    mission = records[("gelt-2008", "info.mision_vision")]
    assert mission["status"] == "cumple" and "«Misión y visión»" in mission["detail"], mission


def test_class_81_a_menu_entry_whose_address_redirects_to_the_home_page_names_nothing_published(serve, config_for):
    # «consultaEntrada.php?idTipoEntrada=15» (a PHP page that finds no entry of its type) answers
    # «Location: index.php»: a person who clicks «Glosario» lands on the home page. The entry names
    # the item and publishes nothing: no_cumple since H147's criterion (parcial before), never cumple; the same
    # from the home page's own menu, whose entries redirect back to it
    menu = (
        '<nav class="mega-menu"><p><a href="/consultaEntrada.php?idTipoEntrada=15"> | Glosario</a></p>'
        '<p><a href="/consultaEntrada.php?idTipoEntrada=9"> | Preguntas y respuestas</a></p>'
        '<p><a href="/servicios">Servicios</a></p></nav>'
    )
    back = Resource(status=302, headers={"Location": "/index.php"})
    routes = {
        "/": Resource(status=302, headers={"Location": "/index.php"}),
        "/index.php": _raw(
            "Hospital",
            menu + "<p>Bienvenidos a la E.S.E. Hospital de Prueba, al servicio de la salud de todos los habitantes"
            " del municipio y de sus veredas, con atención humanizada y segura.</p>",
        ),
        "/servicios": _raw(
            "Servicios",
            menu
            + "<h2>Servicios</h2><p>Consulta externa, urgencias las 24 horas, odontología y laboratorio clínico.</p>",
        ),
        "/consultaEntrada.php?idTipoEntrada=15": back,
        "/consultaEntrada.php?idTipoEntrada=9": back,
    }
    records = _records(serve, config_for, routes)
    for item in ("info.glosario", "info.preguntas_frecuentes"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "no_cumple", rec  # it publishes nothing (H147's criterion)
        assert "lleva a la página de inicio" in rec["detail"], rec
        assert "consultaEntrada" not in rec["detail"], rec  # the page that shows the entry, named


def test_class_82_an_accordion_header_written_as_a_div_titles_the_panel_after_it(serve, config_for):
    # «<div class="accordion"><div>3.1. Misión y Visión</div></div><div class="accordion_panel">…»:
    # a template's accordion with neither heading nor button. The header's text is the title of
    # the panel a click opens; a div that merely says «accordion» (the whole accordion, a panel, a
    # tab pane) titles nothing
    def entry(title: str, panel: str) -> str:
        return (
            f'<div class="accordion_container"><div class="accordion d-flex flex-row"><div>{title}</div></div>'
            f'<div class="accordion_panel"><div>{panel}</div></div></div>'
        )

    body = (
        '<div class="faq"><div class="faq_subtitle">Acceso a la información pública</div><div class="accordions">'
        + entry(
            "3.1. Misión y Visión",
            "<p>Misión: prestar servicios de salud de primer nivel con calidad, seguridad y calidez a la"
            " población del municipio y su área de influencia.</p><p>Visión: ser en 2030 la empresa social"
            " del Estado reconocida en la provincia por su atención humanizada.</p>",
        )
        + entry("3.4. Estructura orgánica", '<img src="/img/organigrama.png" alt="Organigrama de la E.S.E.">')
        + "</div></div>"
        # a whole accordion marked «accordion» with a short text and a panel-like neighbour: not a header
        + '<div class="accordion"><p>Glosario</p></div><div class="content"><p>Definiciones de términos usados'
        " por la entidad en sus trámites y servicios, ordenadas alfabéticamente para su consulta.</p></div>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia", body),
        "/img/organigrama.png": Resource(body=b"\x89PNG", headers={"Content-Type": "image/png"}),
    }
    records = _records(serve, config_for, routes)
    mission = records[("gelt-2008", "info.mision_vision")]
    assert mission["status"] == "cumple" and "«3.1. Misión y Visión»" in mission["detail"], mission
    chart = records[("gelt-2008", "info.organigrama")]
    assert chart["status"] == "cumple" and "«3.4. Estructura orgánica»" in chart["detail"], chart
    glossary = records[("gelt-2008", "info.glosario")]
    assert "«Glosario»" not in glossary["detail"], glossary


def test_class_83_the_same_content_under_many_titles_is_nothing_of_their_own(serve, config_for):
    # every entry of a template's transparency page opens the same block (the entity's address,
    # phones and hours): «Organigrama» shows no organigram, «Glosario» no glossary. Named, nothing of
    # its own: parcial, saying so; a section holding only such entries likewise; a section with
    # content of its own keeps it
    block = (
        "<p>Dirección: Carrera 4 No 8-12. Teléfono: 601 856 2202. Correo: contactenos@hospitalprueba.gov.co."
        " Horario de atención: lunes a viernes de 7:30 a.m. a 5:00 p.m.</p>"
    )
    body = (
        '<p>Información publicada según la Ley 1712 de 2014.</p><div class="seccion"><h3>3. Estructura</h3>'
        + "".join(f"<h4>{t}</h4>{block}" for t in ("3.1. Organigrama", "3.2. Glosario", "3.3. Normatividad"))
        + "</div><h3>4. Preguntas frecuentes</h3><p>¿Cómo pido una cita? Llame a la línea de citas o acérquese a"
        " la ventanilla de facturación con su documento de identidad y su carné de la EPS.</p>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia", body),
    }
    records = _records(serve, config_for, routes)
    for item in ("info.organigrama", "info.glosario", "info.normatividad"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "parcial", rec
        assert "muestra lo mismo que otras secciones" in rec["detail"], rec
    faq = records[("gelt-2008", "info.preguntas_frecuentes")]
    assert faq["status"] == "cumple", faq


def test_class_84_a_mega_menu_column_heading_names_a_menu(serve, config_for):
    # «<h4>Participa:</h4>» over the column's entries in the header's mega-menu, the heading with no
    # link: a person reads the menu «Participa» and its entries; the crawl read only the entries. The
    # heading is the menu's name, read as a link to its first entry (as a drop-down opener to «#» is)
    mega = (
        '<header><div class="logo">E.S.E. Hospital de Prueba</div><nav class="nav-bar"><div class="mega-menu">'
        '<div class="inner-mega-menu"><h4>NOSOTROS:</h4><p><a href="/">Inicio</a></p></div>'
        '<div class="inner-mega-menu"><h4>Participa:</h4><p><a href="/participacion/calendario">Calendario de'
        ' actividades</a></p><p><a href="/participacion/instancias">Instancias de participación</a></p></div>'
        "</div></nav></header>"
    )
    routes = {
        "/": _raw("Hospital", mega + "<main><p>Bienvenidos a la E.S.E. Hospital de Prueba.</p></main>"),
        "/participacion/calendario": _raw(
            "Calendario",
            mega + "<main><h2>Calendario de actividades</h2><p>Lunes 7 de diciembre: jornada de vacunación en la"
            " vereda El Salitre. Jueves 10: reunión de la asociación de usuarios en el auditorio.</p></main>",
        ),
        "/participacion/instancias": _raw(
            "Instancias",
            mega + "<main><h2>Instancias de participación</h2><p>Asociación de usuarios, comité de"
            " ética hospitalaria y veedurías ciudadanas en salud, con sus actas y reuniones.</p></main>",
        ),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.participa_menu")]
    assert rec["status"] in ("cumple", "parcial") and "«Participa»" in rec["detail"], rec


def test_class_85_names_the_entities_use_for_three_items(serve, config_for):
    # the names a person recognises: Res. 3564's «Publicación de procedimientos, lineamientos y
    # políticas en materia de adquisición y compras» (the contracting manual's entry, Res. 1519 3.4),
    # the «Política de protección de datos» (Ley 1581's name for the data-treatment policy) and a
    # home-page menu «Atención ciudadana»
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020.</p>"
        "<h3>8.3. Publicación de procedimientos, lineamientos y políticas en materia de adquisición y compras</h3>"
        '<ul><li><a href="/files/acuerdo-005-2026.pdf">Acuerdo 005 de 2026, estatuto de la entidad</a></li></ul>'
    )
    policy = (
        "<p>La entidad trata los datos personales de sus usuarios según la Ley 1581 de 2012: finalidades,"
        " derechos de los titulares, procedimiento de consultas y reclamos, y vigencia de la política.</p>"
    )
    home = (
        '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia y acceso a la información pública</a></p>'
        '<p><a href="/atencion">Atención ciudadana</a></p>'
    )
    footer = '<footer><p>Calle 1 # 2-3.</p><p><a href="/pagina?id=37">Política y protección de datos</a></p></footer>'
    routes = {
        "/": _raw("Inicio", home + footer),
        "/transparencia": _raw("Transparencia y acceso a la información pública", hub + footer),
        "/files/acuerdo-005-2026.pdf": PDF,
        "/pagina?id=37": _raw(
            "Política de protección de datos", f"<h1>Política de protección de datos</h1>{policy}{footer}"
        ),
        "/atencion": _raw(
            "Atención ciudadana",
            "<h1>Atención ciudadana</h1><p>Canales de atención: ventanilla única, línea gratuita 01 8000 123 456,"
            " correo contactenos@entidad.gov.co; trámites y servicios; peticiones, quejas y reclamos.</p>" + footer,
        ),
    }
    records = _records(serve, config_for, routes)
    manual = records[("ley1712-res1519", "ley1712.3.4")]
    assert manual["status"] in ("cumple", "parcial") and "adquisición y compras" in manual["detail"], manual
    privacy = records[("gelt-2008", "info.politica_privacidad")]
    assert privacy["status"] in ("cumple", "parcial"), privacy
    assert urlsplit(privacy["evidence"][0]).query == "id=37", privacy
    menu = records[("ley1712-res1519", "ley1712.atencion_ciudadania")]
    # found by «Atención ciudadana»: the menu under a close name since H181 (criterion O), the detail says so
    assert menu["status"] == "parcial" and "el menú está con otro nombre" in menu["detail"], menu


# Classes 100–101 (sixth session, helper H66): what the crawl did not see, judged as unseen.

DEPENDENCIA = '[[dependencias]]\nname = "Hacienda"\nresponsable = "Tesorería"\nmatch = ["/hacienda/"]\n'


def test_class_100_signals_of_a_site_a_script_builds_are_unseen_not_missing(serve, config_for, tmp_path):
    # the home page is a shell (<div id="root"></div> and its script): the crawl saw no link, so
    # «no se encontraron enlaces a entidades públicas» and «0 de 1 dependencias cumplen» with no page
    # of the dependencia seen are not findings: the plan's items on those signals are sin_verificar,
    # with the home page as evidence, and their indicators neither meet nor miss their target
    shell = {
        "/": _shell("Alcaldía de Prueba", notice="<noscript>You need to enable JavaScript to run this app.</noscript>"),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    config = config_for(serve(shell).url, OFFLINE + DEPENDENCIA)
    crawl(config)
    report = report_json(config)
    records = {(c["profile"], c["item"]): c for c in report["checklist"]}
    for item in ("plan.entidades_aliadas", "plan.frecuencia_actualizacion"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "sin_verificar", rec
        assert [urlsplit(u).path for u in rec["evidence"]] in (["/"], [""]), rec
        assert "la página de inicio no muestra nada sin sus scripts" in rec["detail"], rec
    indicators = {i["id"]: i for i in report["indicators"]}
    for ind in ("entidades_aliadas", "frecuencia_actualizacion"):
        assert indicators[ind]["met"] is None and "sin verificar" in indicators[ind]["note"], indicators[ind]
    # the committee's report and its CSV read the indicators through indicator_rows: unseen, not «no»
    rows = {r["id"]: r for r in indicator_rows(report["indicators"], report["checklist"])}
    for ind in ("entidades_aliadas", "frecuencia_actualizacion"):
        assert rows[ind]["status"] == "sin_verificar" and rows[ind]["met"] is None, rows[ind]
    # what the crawl saw through the sitemap is judged as always: the allied entity's link present
    # (unchecked offline), the dependencia's page seen with no update this month
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>{root}/hacienda/impuestos</loc></url></urlset>"
    )
    seen = dict(shell)
    server = serve(seen)
    seen["/sitemap.xml"] = Resource(
        body=sitemap.format(root=server.url.rstrip("/")).encode(), headers={"Content-Type": "application/xml"}
    )
    seen["/hacienda/impuestos"] = page(
        "Impuestos",
        "<h2>Impuesto predial</h2><p>Liquide y pague el impuesto predial unificado de la vigencia en las fechas"
        ' del calendario tributario.</p><p><a href="https://www.dian.gov.co/">DIAN</a></p>',
    )
    (tmp_path / "seen").mkdir()
    records = _crawl(write_config(tmp_path / "seen", server.url, OFFLINE + DEPENDENCIA))
    allied = records[("gelt-2008", "plan.entidades_aliadas")]
    assert allied["status"] == "cumple" and "1 entidades enlazadas" in allied["detail"], allied
    frequency = records[("gelt-2008", "plan.frecuencia_actualizacion")]
    assert frequency["status"] == "no_cumple" and "sin páginas" not in frequency["detail"], frequency


def test_class_101_a_form_or_a_frame_beside_a_loading_word_is_not_an_empty_page(serve, config_for):
    # no script at all: the PQRSD page shows its form with «Cargando…» under the send button, the
    # calendar page its embedded agenda with «Cargando…» under it. A person sees the form and the
    # agenda: neither page is «vacía o en construcción». The same word alone on a page with no script
    # (an image inside a link beside it is the link's face, not media) is still what a person sees,
    # an empty page (parcial)
    form = (
        '<form action="/radicar" method="post"><label>Nombre <input name="nombre"></label>'
        '<label>Tipo <select name="tipo"><option>Petición</option><option>Queja</option><option>Reclamo</option>'
        '</select></label><label>Mensaje <textarea name="mensaje"></textarea></label>'
        '<button type="submit">Enviar</button></form><p class="estado">Cargando…</p>'
    )
    agenda = '<iframe src="/agenda/embed" title="Agenda de eventos"></iframe><p>Cargando…</p>'
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><ul><li><a href="/pqrsd">PQRSD</a></li>'
            '<li><a href="/calendario">Calendario de actividades</a></li><li><a href="/glosario">Glosario</a></li></ul>',
        ),
        "/pqrsd": page("PQRSD", form),
        "/calendario": page("Calendario de actividades", agenda),
        "/agenda/embed": page("Agenda", "<p>Feria agropecuaria el 12 de diciembre en la plaza principal.</p>"),
        # an image inside a link is the link's face (a template's «outdated browser» banner), not media
        "/glosario": page(
            "Glosario",
            '<div class="ie-panel"><a href="https://browsehappy.com/"><img src="/warning_bar.jpg"'
            ' alt="You are using an outdated browser."></a></div><p>Cargando…</p>',
        ),
    }
    records = _records(serve, config_for, routes)
    for item, path in (("interaccion.pqrsd", "/pqrsd"), ("info.calendario", "/calendario")):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "cumple" and "vacía" not in rec["detail"], rec
        assert urlsplit(rec["evidence"][0]).path == path, rec
    glossary = records[("gelt-2008", "info.glosario")]
    assert (
        glossary["status"] == "parcial"
        and "solo muestra «Cargando…», sin un script que lo cargue" in glossary["detail"]
    ), glossary


# Classes 110–112 (seventh session, helper H70): k-guachucal, the Concejo Municipal de Guachucal's
# React site (a single-page application whose <title> never changes).

TAGLINE = "Concejo de Prueba - Portal Oficial | Transparencia y Participación Ciudadana"


def test_class_110_the_sites_slogan_in_every_title_is_no_pages_subject(serve, config_for):
    # a single-page application never changes its <title>: every page is «… | Transparencia y
    # Participación Ciudadana», the portal's slogan. A person reads each page by its heading, not by
    # the slogan: no page is the participation section for it. A page with a title of its own is
    # still read by it («Glosario | Concejo de Prueba»), and so is a page whose heading is the slogan
    home = (
        "<h1>Concejo de Prueba</h1><p>Bienvenidos al portal del concejo municipal.</p><ul>"
        '<li><a href="/acerca">Acerca del Concejo</a></li><li><a href="/noticias">Noticias</a></li>'
        '<li><a href="/contacto">Contacto</a></li><li><a href="/terminos">Términos</a></li></ul>'
    )
    routes = {
        "/": _raw(TAGLINE, home),
        "/acerca": _raw(TAGLINE, "<h1>Acerca del Concejo</h1><p>El concejo municipal sesiona en el recinto.</p>"),
        "/noticias": _raw(TAGLINE, "<h1>Noticias</h1><p>No se encontraron noticias.</p>"),
        "/contacto": _raw(TAGLINE, "<h1>Contacto</h1><p>Escríbanos a contacto@concejo.gov.co.</p>"),
        "/terminos": _raw(
            "Glosario | Concejo de Prueba",
            "<h1>Términos</h1><p>Acuerdo: decisión del concejo. Debate: discusión de un proyecto de acuerdo.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for profile, item in (("gelt-2008", "democracia.participacion"), ("ley1712-res1519", "ley1712.6")):
        rec = records[(profile, item)]
        assert rec["status"] == "no_cumple", rec
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] in ("cumple", "parcial") and urlsplit(glossary["evidence"][0]).path == "/terminos"
    # the slogan as a page's own heading is that page's subject
    routes["/participa"] = _raw(TAGLINE, "<h1>Transparencia y Participación Ciudadana</h1><p>Foros y consultas.</p>")
    routes["/"] = _raw(TAGLINE, home.replace("</ul>", '<li><a href="/participa">Participe</a></li></ul>'))
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "democracia.participacion")]
    assert rec["status"] in ("cumple", "parcial") and urlsplit(rec["evidence"][0]).path == "/participa", rec


def test_class_112_a_site_maps_headings_are_its_index_not_sections(serve, config_for):
    # «Mapa del sitio»: headings over the links they group («Participación Ciudadana»: Foros,
    # Encuestas). The heading is the map's index of the site, not a section that publishes
    # participation: the site map is no item's evidence by its headings. Its links still lead to what
    # they name (the glossary is found on its own page), and the map is the site map
    sitemap = (
        "<h1>Mapa del Sitio</h1><p>Última actualización: 24/11/2026</p>"
        '<h2>Participación Ciudadana</h2><ul><li><a href="/foros">Foros de Discusión</a>'
        '<p class="enlace-descripcion">Debate público</p></li>'
        '<li><a href="/encuestas">Encuestas</a><p class="enlace-descripcion">Opinión ciudadana</p></li></ul>'
        '<h2>Información Legal</h2><ul><li><a href="/glosario">Glosario</a></li></ul>'
    )
    routes = {
        "/": _raw(
            "Concejo de Prueba",
            '<h1>Concejo de Prueba</h1><p>Bienvenidos.</p><footer><a href="/mapa-sitio">Mapa del sitio</a></footer>',
        ),
        "/mapa-sitio": _raw("Concejo de Prueba", sitemap),
        "/foros": _raw("Concejo de Prueba", "<h1>Foros de Discusión</h1><p>No hay foros activos en este momento.</p>"),
        "/encuestas": _raw("Concejo de Prueba", "<h1>Encuestas</h1><p>No hay encuestas disponibles.</p>"),
        "/glosario": _raw(
            "Concejo de Prueba",
            "<h1>Glosario</h1><p>Acuerdo: decisión del concejo municipal. Debate: discusión de un proyecto de"
            " acuerdo en la comisión o en la plenaria. Sesión: reunión del concejo en su recinto.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for profile, item in (("gelt-2008", "democracia.participacion"), ("ley1712-res1519", "ley1712.6")):
        rec = records[(profile, item)]
        assert rec["status"] == "no_cumple", rec
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] == "cumple" and urlsplit(glossary["evidence"][0]).path == "/glosario", glossary["detail"]
    sitemap_item = records[("gelt-2008", "info.mapa_sitio")]
    assert (
        sitemap_item["status"] in ("cumple", "parcial") and urlsplit(sitemap_item["evidence"][0]).path == "/mapa-sitio"
    )


def test_class_113_a_blurb_beside_a_link_is_its_description_not_an_entry_a_script_opens(serve, config_for):
    # «<a href="/rendicion">Rendición</a><p class="enlace-descripcion">Informes de gestión…</p>»: the
    # paragraph's class says «enlace», but it sits beside the link it describes: a person reads it as
    # that link's description, not as a second entry that opens by a script (never «sin verificar:
    # ábrala en un navegador»). An entry marked clickable with no link beside it still is one
    links = (
        "<h1>Enlaces</h1>"
        '<div class="item"><a href="/rendicion">Rendición</a>'
        '<p class="enlace-descripcion">Informes de gestión del concejo</p></div>'
        '<div class="item"><p class="enlace" onclick="abrir(3)">Glosario</p></div>'
    )
    routes = {
        "/": _raw("Concejo de Prueba", '<h1>Concejo de Prueba</h1><p><a href="/enlaces">Enlaces</a></p>'),
        "/enlaces": _raw("Concejo de Prueba", links),
        "/rendicion": _raw(
            "Concejo de Prueba",
            "<h1>Rendición</h1><p>El concejo rinde cuentas cada año en audiencia pública en su recinto.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    report = records[("gelt-2008", "info.informes_gestion")]
    assert report["status"] != "sin_verificar" and "script" not in report["detail"], report["detail"]
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] == "sin_verificar" and "script" in glossary["detail"], glossary["detail"]


def _category_button(icon: str, name: str, description: str, count: str) -> str:
    return (
        f'<button class="categoria-btn"><span class="categoria-icon">{icon}</span>'
        f'<span class="categoria-nombre">{name}</span><span class="categoria-desc">{description}</span>'
        f'<span class="categoria-count">{count}</span></button>'
    )


def test_class_111_a_counted_category_button_is_read_by_its_name_and_description(serve, config_for):
    # a Transparencia page of filter buttons, each a category's name, a line saying what it holds and
    # how many documents it has («🏢 Estructura Organizacional · Organigrama, manual de funciones y
    # estructura · 0 documento(s)»). A person reads the name with its description: the organigram and
    # the budget execution are shown there, and «0 documento(s)» says nothing is published (parcial,
    # never «no se encontró», never cumple). A plain filter button (a name only) is read as before
    grid = "".join(
        (
            _category_button(
                "💰", "Presupuesto", "Presupuesto general, ejecución presupuestal y modificaciones", "0 documento(s)"
            ),
            _category_button(
                "🏢", "Estructura Organizacional", "Organigrama, manual de funciones y estructura", "0 documento(s)"
            ),
            '<button class="filtro-btn">Sesiones Ordinarias</button>',
        )
    )
    hub = (
        "<h1>Transparencia y Acceso a la Información Pública</h1><p>En cumplimiento de la Ley 1712 de 2014.</p>"
        f'<div class="categorias-filtro"><h2>Seleccione una categoría:</h2><div class="categorias-grid">{grid}</div></div>'
        '<div class="no-results"><p>No hay documentos disponibles en este momento.</p></div>'
    )
    routes = {
        "/": _raw("Concejo de Prueba", '<h1>Concejo de Prueba</h1><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": _raw("Concejo de Prueba", hub),
    }
    records = _records(serve, config_for, routes)
    for profile, item in (
        ("gelt-2008", "info.organigrama"),
        ("ley1712-res1519", "ley1712.1.2"),
        ("ley1712-res1519", "ley1712.4.2"),
    ):
        rec = records[(profile, item)]
        assert rec["status"] == "parcial" and urlsplit(rec["evidence"][0]).path == "/transparencia", rec["detail"]
        assert "no tiene nada publicado" in rec["detail"], rec["detail"]


def test_class_114_a_small_page_whose_list_says_it_is_empty_shows_nothing(serve, config_for):
    # «Encuestas Ciudadanas — Participa… — No hay encuestas disponibles en este momento», «Foros de
    # Discusión — No hay foros activos en este momento», «Noticias — No se encontraron noticias»: the
    # page is named for the item and its list says it has nothing. A person sees an empty page: the item
    # is shown, nothing published (parcial, «vacía»), never cumple. A page with content stays cumple
    routes = {
        "/": _raw(
            "Concejo de Prueba",
            '<h1>Concejo de Prueba</h1><ul><li><a href="/encuestas">Encuestas</a></li>'
            '<li><a href="/foros">Foros</a></li><li><a href="/glosario">Glosario</a></li></ul>',
        ),
        "/encuestas": _raw(
            "Encuestas",
            "<h1>Encuestas Ciudadanas</h1><p>Participa en las encuestas del Concejo Municipal. Tu opinión es"
            " importante para nosotros.</p><p>No hay encuestas disponibles en este momento.</p>",
        ),
        "/foros": _raw(
            "Foros",
            "<h1>Foros de Discusión</h1><p>Participa en las discusiones sobre temas de interés para el Concejo"
            " Municipal</p><p>No hay foros activos en este momento.</p>",
        ),
        "/glosario": _raw(
            "Glosario",
            "<h1>Glosario</h1><p>Acuerdo: decisión del concejo municipal. Debate: discusión de un proyecto de"
            " acuerdo en la comisión o en la plenaria. Sesión: reunión del concejo en su recinto.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for item, notice in (
        ("interaccion.encuestas", "«No hay encuestas disponibles en este momento.»"),
        ("interaccion.chat_foros", "«No hay foros activos en este momento.»"),
    ):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "parcial" and f"dice {notice}: no tiene nada publicado" in rec["detail"], rec["detail"]
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] == "cumple", glossary["detail"]


def test_class_115_a_menu_entry_to_a_category_that_says_it_is_empty_publishes_nothing(serve, config_for):
    # the drop-down «Transparencia ▸ ⚖️ Normatividad» opens the Transparencia page filtered to that
    # category, which says «No hay documentos disponibles en la categoría "Normatividad"». The entry
    # names the item and the page it opens says there is nothing in it: parcial, never cumple. An
    # entry to a category with documents stays cumple
    def hub(notice: str, documents: str = "") -> Resource:
        return _raw(
            "Concejo de Prueba",
            "<h1>Transparencia y Acceso a la Información Pública</h1><p>En cumplimiento de la Ley 1712 de 2014,"
            " el concejo publica la siguiente información pública para la ciudadanía.</p>"
            f'<div class="no-results"><p>{notice}</p></div>{documents}'
            "<h2>Información Adicional</h2><p>Si necesita información que no se encuentra publicada, puede"
            " presentar una solicitud a través del sistema de peticiones. De acuerdo con la Ley 1712 de 2014, las"
            " solicitudes de información pública serán respondidas en un plazo máximo de quince días hábiles."
            " Correo: contacto@concejo.gov.co. Horario: lunes a viernes de 8:00 a 12:00 y de 14:00 a 18:00.</p>",
        )

    routes = {
        "/": _raw(
            "Concejo de Prueba",
            '<h1>Concejo de Prueba</h1><nav><ul><li><a href="/transparencia">Transparencia</a><ul>'
            '<li><a href="/transparencia?categoria=normatividad">⚖️ Normatividad</a></li>'
            '<li><a href="/transparencia?categoria=glosario">📖 Glosario</a></li></ul></li></ul></nav>',
        ),
        "/transparencia": hub("No hay documentos disponibles en este momento."),
        "/transparencia?categoria=normatividad": hub(
            "No hay documentos disponibles en la categoría &quot;Normatividad&quot;."
        ),
        "/transparencia?categoria=glosario": hub(
            "Glosario del concejo.",
            "<h2>Glosario</h2><p>Acuerdo: decisión del concejo municipal. Debate: discusión de un proyecto de"
            " acuerdo en la comisión o en la plenaria. Sesión: reunión del concejo en su recinto.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    norms = records[("gelt-2008", "info.normatividad")]
    detail = norms["detail"]
    assert norms["status"] == "parcial" and ("no tener nada" in detail or "nada publicado" in detail), detail
    assert urlsplit(norms["evidence"][0]).query == "categoria=normatividad", norms["evidence"]
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] == "cumple", glossary["detail"]


# Classes 120–123 (seventh session, helper H71): found on l-electrohuila, the Next.js site of an
# electricity company (tabs written as plain divs, a list filter, contract terms, a broken entry).

# a tab strip as React draws it: «<div class="navTab">» with no link and no button; the server sent
# the selected tab's panel only
TABS = (
    '<div class="tabs"><div class="navTab active"><span>Transparencia y acceso a la información</span></div>'
    '<div class="navTab "><span>Atención y servicios a la ciudadanía</span></div>'
    '<div class="navTab "><span>Participa</span></div></div>'
)


def test_class_120_an_unselected_tab_written_as_a_div_opens_by_script(serve, config_for):
    # «Participa» is a tab of the transparency page: a person clicks it and reads its panel, which the
    # server did not send. The crawl saw the tab, not what it opens: what rests on it is sin_verificar
    # with the page as evidence, never «no se encontró». The selected tab's panel is on the page: that
    # tab is no scripted entry (the categories under it are read as always)
    hub = TABS + (
        "<h3>Categorías de Información</h3><h4>Información de la entidad</h4>"
        '<ul><li><a href="/quienes-somos">Misión, visión, funciones y deberes</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Ley de Transparencia", hub),
        "/quienes-somos": page(
            "Quiénes somos",
            "<h3>Misión</h3><p>Prestar el servicio de energía con calidad a toda la región y sus municipios.</p>"
            "<h3>Visión</h3><p>Ser en 2034 la empresa de energía de referencia del sur del país, cerca de todos.</p>",
        ),
    }
    records = _records(serve, config_for, routes)
    for profile, item in (("ley1712-res1519", "ley1712.6.1"), ("gelt-2008", "democracia.participacion")):
        rec = records[(profile, item)]
        assert rec["status"] == "sin_verificar", rec
        assert [urlsplit(u).path for u in rec["evidence"]][:1] == ["/transparencia"], rec
        assert "se abre con un script" in rec["detail"] and "Participa" in rec["detail"], rec
    mission = records[("gelt-2008", "info.mision_vision")]
    assert mission["status"] == "cumple", mission


def test_class_121_a_field_that_filters_a_list_by_something_is_a_query_not_the_site_search(serve, config_for):
    # «Buscar por municipio…» over a table of payment points filters that table: a person reads it as a
    # look-up of the company's records (a query), not as a search of the site. «Buscar por palabra
    # clave» still searches the site
    filter_form = '<form><input type="text" placeholder="Buscar por municipio..." value=""><button type="submit">Buscar</button></form>'
    table = (
        "<table><tr><th>Municipio</th><th>Dirección</th></tr><tr><td>Neiva</td><td>Calle 8 No. 5-45</td></tr></table>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/puntos-de-pago">Puntos de pago</a></p>'),
        "/puntos-de-pago": page("Puntos de Pago", "<p>Consulte dónde pagar su factura.</p>" + filter_form + table),
    }
    records = _records(serve, config_for, routes)
    assert records[("gelt-2008", "interaccion.buscador")]["status"] == "no_cumple", records[
        ("gelt-2008", "interaccion.buscador")
    ]
    query = records[("gelt-2008", "interaccion.consulta_bd")]
    assert query["status"] == "cumple" and urlsplit(query["evidence"][0]).path == "/puntos-de-pago", query
    criteria = records[("ley1712-res1519", "ley1712.criterios_generales")]
    assert "buscador interno" in criteria["detail"] or criteria["status"] == "no_cumple", criteria
    keyword = '<form action="/buscar"><input type="text" name="q" placeholder="Buscar por palabra clave"><button>Buscar</button></form>'
    routes["/"] = page("Inicio", '<p>Bienvenidos.</p><p><a href="/puntos-de-pago">Puntos de pago</a></p>' + keyword)
    search = _records(serve, config_for, routes)[("gelt-2008", "interaccion.buscador")]
    assert search["status"] == "cumple", search


def test_class_122_a_whole_section_is_shown_first_on_the_menu_page(serve, config_for):
    # the Transparencia page's category «Normatividad» lists «Normativa de la entidad» → /enlaces,
    # a page with a section «Normativa» (the item's own name). For the whole section (ley1712.2) a
    # person points to the menu's category first, then to the page its entry opens
    hub = (
        "<h3>Categorías de Información</h3><h4>Normatividad</h4>"
        '<ul><li><a href="/enlaces">Normativa de la entidad o autoridad</a></li>'
        '<li><a href="https://www.suin-juriscol.gov.co/">Búsqueda de normas</a></li></ul>'
    )
    norms = (
        "<h3>Normativa</h3><ul>"
        '<li><a href="/files/ley-142-de-1994.pdf">Ley 142 de 1994</a></li>'
        '<li><a href="/files/ley-143-de-1994.pdf">Ley 143 de 1994</a></li>'
        '<li><a href="/files/decreto-1073-de-2015.pdf">Decreto 1073 de 2015</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Ley de Transparencia", hub),
        "/enlaces": page("Enlaces de interés", norms),
        "/files/ley-142-de-1994.pdf": PDF,
        "/files/ley-143-de-1994.pdf": PDF,
        "/files/decreto-1073-de-2015.pdf": PDF,
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.2")]
    assert rec["status"] == "cumple", rec
    assert [urlsplit(u).path for u in rec["evidence"]][:2] == ["/transparencia", "/enlaces"], rec


# Classes 130–13x (seventh session, helper H72): values and verdicts a committee can sign.


def test_class_130_an_indicator_on_a_site_a_script_builds_shows_no_count_it_did_not_make(serve, config_for):
    # the home page is a shell: the crawl saw no link and no page of the dependencia. The plan's
    # indicators on those signals neither meet nor miss their target, and their values say so
    # instead of «0 entidades (0 funcionando)», «0 de 1 dependencias…» or an empalme of 0
    shell = {
        "/": _shell("Alcaldía de Prueba", notice="<noscript>You need to enable JavaScript to run this app.</noscript>"),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    config = config_for(serve(shell).url, OFFLINE + DEPENDENCIA)
    crawl(config)
    report = report_json(config)
    records = {(c["profile"], c["item"]): c for c in report["checklist"]}
    assert records[("gelt-2008", "plan.empalme")]["status"] == "sin_verificar", records[("gelt-2008", "plan.empalme")]
    indicators = {i["id"]: i for i in report["indicators"]}
    for ind in ("entidades_aliadas", "frecuencia_actualizacion", "empalme"):
        value = indicators[ind]["value"]
        assert isinstance(value, str) and value.startswith("sin verificar: la página de inicio"), indicators[ind]
        assert indicators[ind]["met"] is None, indicators[ind]
    assert "entidades" not in indicators["entidades_aliadas"]["value"], indicators["entidades_aliadas"]
    frequency = indicators["frecuencia_actualizacion"]["value"]
    assert "0 de 1" not in frequency and "sin páginas en lo rastreado: Hacienda" in frequency, frequency
    # what the crawl counted from the configuration, not from the site, keeps its number
    assert indicators["responsables_asignados"]["value"] == "1 de 1 dependencias", indicators["responsables_asignados"]


def _committee_indicators(config) -> tuple[dict, dict, dict]:
    """The indicators as the JSON report, the committee's CSV and the committee's HTML say them
    (each through the CLI): by id, by id and by name."""
    report = report_json(config)
    folder = config.parent / "csv"
    result = run_cli("report", "--committee", "--format", "csv", "--output", str(folder), "--config", str(config))
    assert result.returncode == 0, result.stderr
    path = next(folder.glob("*-indicadores.csv"))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = {r[0]: r[5] for r in rows[1:]}
    html = config.parent / "comite.html"
    result = run_cli("report", "--committee", "--format", "html", "--output", str(html), "--config", str(config))
    assert result.returncode == 0, result.stderr
    doc = lxml.html.fromstring(html.read_text(encoding="utf-8"))
    verdicts = {
        (r.xpath("./td")[0].text or "").strip(): r.xpath("./td")[3].text_content().strip()
        for r in doc.xpath("//section[@id='indicadores']//tbody/tr")
    }
    return {i["id"]: i for i in report["indicators"]}, cells, verdicts


def test_class_131_an_indicators_verdict_has_one_home_the_audit(serve, tmp_path):
    # the audit decides each indicator's «met»; the committee's CSV and HTML say what it decided,
    # never a verdict of their own: a site with no link to an allied entity has its indicator
    # «no» in the JSON as in the CSV (the JSON said nothing while the CSV said «no»), and a site
    # a script builds has it «sin verificar» in all three
    plain = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/tramites">Trámites</a></p>'),
        "/tramites": page(
            "Trámites", "<h2>Trámites</h2><p>Pago del impuesto predial en la ventanilla de Hacienda.</p>"
        ),
    }
    (tmp_path / "plain").mkdir()
    config = write_config(tmp_path / "plain", serve(plain).url, OFFLINE)
    crawl(config)
    indicators, cells, verdicts = _committee_indicators(config)
    for iid, ind in indicators.items():
        expected = {True: "sí", False: "no", None: cells[iid] if cells[iid] in ("", "sin verificar") else "?"}
        assert cells[iid] == expected[ind["met"]], (ind, cells[iid])
    assert indicators["entidades_aliadas"]["met"] is False and cells["entidades_aliadas"] == "no", indicators
    assert "No cumple" in verdicts["Enlaces a entidades aliadas publicados"], verdicts
    shell = {
        "/": _shell("Alcaldía de Prueba", notice="<noscript>You need to enable JavaScript to run this app.</noscript>"),
        "/js/app.js": Resource(body=b"document.title;", headers={"Content-Type": "text/javascript"}),
    }
    (tmp_path / "shell").mkdir()
    config = write_config(tmp_path / "shell", serve(shell).url, OFFLINE)
    crawl(config)
    indicators, cells, verdicts = _committee_indicators(config)
    for iid, name in (("entidades_aliadas", "Enlaces a entidades aliadas publicados"), ("empalme", "")):
        assert indicators[iid]["met"] is None and cells[iid] == "sin verificar", (indicators[iid], cells[iid])
        name = name or indicators[iid]["name"]
        assert "Sin verificar" in verdicts[name] or "sin verificar" in verdicts[name].lower(), verdicts


def test_class_132_a_govco_top_bar_whose_logo_links_nowhere_is_partial(serve, tmp_path):
    # the GOV.CO bar is at the top of the page but its logo links nowhere: an image with no link in
    # the header (named by its file, «logo-govco.svg», no alternative text), or before the page's
    # first heading inside an «<a>» with no href (alt «Imagen logo GovCo»). A person sees the bar and
    # a logo that leads nowhere: parcial, saying so, never cumple and never «no se encontró». The
    # same logo only in the footer is no top bar: no_cumple
    def home(top: str, footer: str = "") -> Resource:
        return _raw(
            "Alcaldía de Prueba",
            f"{top}<main><h1>Alcaldía de Prueba</h1><p>Bienvenidos al sitio oficial del municipio.</p></main>"
            f"<footer><p>Calle 1 # 2-3. Teléfono 601 555 1234.</p>{footer}</footer>",
        )

    header = (
        '<header><div class="logo"><img src="https://cdn.example.org/images/logo-govco.svg" alt=""></div>'
        '<nav><a href="/">Inicio</a></nav></header>'
    )
    before_heading = (
        '<div class="Title"><a chref="https://www.gov.co" target="_blank">'
        '<img src="/assets/logogov.png" alt="Imagen logo GovCo"></a></div>'
    )
    for name, top in (("header", header), ("div", before_heading)):
        (tmp_path / name).mkdir()
        config = write_config(tmp_path / name, serve({"/": home(top)}).url, OFFLINE)
        rec = _crawl(config)[("ley1712-res1519", "ley1712.header.govco")]
        assert rec["status"] == "parcial", (name, rec)
        assert "no enlaza" in rec["detail"] and urlsplit(rec["evidence"][0]).path in ("", "/"), (name, rec)
    (tmp_path / "footer").mkdir()
    footer_logo = '<img src="/img/logo-govco.png" alt="Logo GOV.CO">'
    config = write_config(tmp_path / "footer", serve({"/": home("", footer_logo)}).url, OFFLINE)
    rec = _crawl(config)[("ley1712-res1519", "ley1712.header.govco")]
    assert rec["status"] == "no_cumple", rec


def test_class_133_a_page_of_only_its_title_and_the_site_name_banner_is_empty(serve, config_for):
    # «Glosario» shows its title under the site's banner (the entity's name and slogan in a box
    # named «banner»), «Preguntas frecuentes» its title under a line that is the site's name as the
    # page title gives it: nothing of their own, «vacía o en construcción» (parcial), however many
    # words the banner has. Precision first: the same banner over one document, an office's hours
    # or an address for notices is a short page with content
    banner = (
        '<div class="page-banner"><p>Alcaldía Municipal de San Juan de Betulia - Sucre</p>'
        "<p>Unidos por el progreso de Betulia, gobierno 2024-2027</p></div>"
    )
    site = "Alcaldía Municipal de San Juan de Betulia"
    routes = {
        "/": page(
            "Inicio",
            "<p>Bienvenidos al sitio oficial del municipio de San Juan de Betulia, en el departamento de Sucre.</p><ul>"
            + "".join(
                f'<li><a href="/{p}">{t}</a></li>'
                for p, t in (
                    ("glosario", "Glosario"),
                    ("preguntas", "Preguntas frecuentes"),
                    ("calendario", "Calendario de actividades"),
                    ("horario", "Horario de atención"),
                    ("notificaciones", "Notificaciones judiciales"),
                )
            )
            + "</ul>",
        ),
        "/glosario": _raw(f"Glosario | {site}", f"{banner}<main><h1>Glosario</h1></main>"),
        "/preguntas": _raw(
            f"Preguntas frecuentes | {site}",
            f"<main><p>{site}, departamento de Sucre</p><h1>Preguntas frecuentes</h1>"
            "<h2>Atención e información al ciudadano</h2></main>",
        ),
        "/calendario": _raw(
            f"Calendario de actividades | {site}",
            f'{banner}<main><h1>Calendario de actividades</h1><p><a href="/files/calendario.pdf">Calendario 2026</a>'
            "</p></main>",
        ),
        "/files/calendario.pdf": PDF,
        "/horario": _raw(
            f"Horario de atención | {site}",
            f"{banner}<main><h1>Horario de atención</h1><p>Lunes a viernes de 8:00 a 12:00</p></main>",
        ),
        "/notificaciones": _raw(
            f"Notificaciones judiciales | {site}",
            f"{banner}<main><h1>Notificaciones judiciales</h1><p>notificacionjudicial@sanjuandebetulia-sucre.gov.co</p></main>",
        ),
    }
    records = _records(serve, config_for, routes)
    for item in ("info.glosario", "info.preguntas_frecuentes"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec
    for item in ("info.calendario", "info.horario", "info.notificaciones_judiciales"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] in ("cumple", "parcial") and "vacía" not in rec["detail"], rec


def test_class_134_fields_a_script_sends_are_a_form(serve, config_for):
    # the «Ventanilla virtual» of an application: labelled fields and a «Radicar» button whose click
    # a script handles, no <form> element around them. A person sees a request form: the PQRSD
    # item finds it (the page names no PQRSD: only the form tells), and the Res. 1519 form item
    # reads its fields. A page of text with a lone field is no such form
    fields = (
        '<div class="pqrs-box"><div class="row"><label for="nombre">Nombre completo</label>'
        '<input id="nombre" type="text" class="form-control"></div>'
        '<div class="row"><label for="correo">Correo electrónico</label><input id="correo" type="email"></div>'
        '<div class="row"><label for="tipo">Tipo de solicitud</label><select id="tipo"><option>Petición</option>'
        "<option>Queja</option><option>Reclamo</option><option>Sugerencia</option><option>Denuncia</option></select>"
        '</div><div class="row"><label for="mensaje">Mensaje</label><textarea id="mensaje"></textarea></div>'
        '<button type="button" class="btn" onclick="enviar()">Radicar</button></div>'
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><p><a href="/ventanilla">Ventanilla virtual</a></p><p><a href="/noticias">Noticias</a></p>',
        ),
        "/ventanilla": page("Ventanilla virtual", fields),
        "/noticias": page(
            "Noticias",
            "<p>Feria agropecuaria el 12 de diciembre en la plaza principal, con muestras de ganado y cosecha.</p>"
            '<div><textarea id="comentario"></textarea><button type="button">Comentar</button></div>',
        ),
    }
    records = _records(serve, config_for, routes)
    rec = records[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple" and "vacía" not in rec["detail"], rec
    assert urlsplit(rec["evidence"][0]).path == "/ventanilla", rec
    form = records[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert form["status"] in ("cumple", "parcial") and urlsplit(form["evidence"][0]).path == "/ventanilla", form


def test_class_116_a_footer_column_of_links_to_other_sites_is_the_list_where_it_is_shown(serve, config_for):
    # the footer's column «Enlaces de Interés» over links to gov.co, the Alcaldía, Colombia Compra…
    # (a heading with no link, read as a menu's name): the directory of entities is that list, on
    # the page that shows it, not the first site it links to. A column of the site's own pages still
    # leads to its first page
    footer = (
        # and a bare image link to www.gov.co in the header (no text: not a column's heading)
        '<header><a href="https://www.gov.co/"><img src="/govco.svg" alt=""></a></header>'
        "<footer><h4>Enlaces de Interés</h4><ul>"
        '<li><a href="https://www.gov.co">gov.co</a></li>'
        '<li><a href="https://www.colombiacompra.gov.co">Colombia Compra Eficiente</a></li>'
        '<li><a href="https://www.presidencia.gov.co">Presidencia de la República</a></li></ul>'
        '<h4>Glosario</h4><ul><li><a href="/glosario">Términos</a></li><li><a href="/siglas">Siglas</a></li></ul>'
        "</footer>"
    )
    text = (
        "<p>Acuerdo: decisión del concejo municipal. Debate: discusión de un proyecto de acuerdo en la"
        " comisión o en la plenaria. Sesión: reunión del concejo en su recinto.</p>"
    )
    routes = {
        "/": _raw("Concejo de Prueba", f"<h1>Concejo de Prueba</h1><p>Bienvenidos al concejo.</p>{footer}"),
        "/glosario": _raw("Términos", f"<h1>Términos</h1>{text}{footer}"),
        "/siglas": _raw("Siglas", f"<h1>Siglas</h1>{text}{footer}"),
    }
    records = _records(serve, config_for, routes)
    directory = records[("gelt-2008", "info.directorio_entidades")]
    assert directory["status"] in ("cumple", "parcial"), directory["detail"]
    assert urlsplit(directory["evidence"][0]).netloc.startswith("127.0.0.1"), directory["evidence"]
    # a link to www.gov.co is still that link (the item is the outgoing link itself)
    pec = records[("gelt-2008", "info.enlace_pec")]
    assert pec["evidence"] and pec["evidence"][0].startswith("https://www.gov.co"), pec["evidence"]
    glossary = records[("gelt-2008", "info.glosario")]
    assert glossary["status"] == "cumple" and urlsplit(glossary["evidence"][0]).path == "/glosario", glossary[
        "evidence"
    ]


# Classes 140–141 (seventh session, the lead, at the merge): two rules of this round that met the
# other round's sites. Class 121's «filters» read a site search as a list's filter when a «Filtros
# avanzados» toggle sat beside it (k-guachucal); class 134's fields without a form read a table's
# «Mostrar 10 registros · Buscar…» controls as a form (l-electrohuila).


def test_class_140_a_search_that_says_it_searches_the_whole_site_is_the_site_search(serve, config_for):
    # «Buscar en todo el sitio…» with a «Filtros avanzados» toggle: the words of the field say what
    # it searches; the toggle does not make it a filter of one list
    search = (
        '<form class="busqueda-form"><input type="text" placeholder="Buscar en todo el sitio...">'
        '<button type="submit">Buscar</button><button type="button">Filtros avanzados</button></form>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/busqueda">Búsqueda</a></p>'),
        "/busqueda": page("Búsqueda avanzada", search),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "cumple" and urlsplit(rec["evidence"][0]).path == "/busqueda", rec


def test_class_141_fields_that_page_and_filter_a_table_are_no_form(serve, config_for):
    # a table of contracting processes with «Mostrar [10] registros» and «Buscar: [Buscar proceso…]»
    # above it and «Anterior / Siguiente» buttons below, no form element: a person sees the table's
    # controls, not a search of the site nor a form to send
    controls = (
        '<div class="procesos"><div><label>Mostrar:</label><input type="number" min="1" value="10"> registros</div>'
        '<div><label>Buscar:</label><input type="text" placeholder="Buscar proceso..."></div>'
        "<table><tr><th>Código</th><th>Objeto</th></tr><tr><td>CD-001-2025</td><td>Suministro de papelería"
        '</td></tr></table><button type="button">Anterior</button><button type="button">Siguiente</button></div>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/contratacion">Contratación</a></p>'),
        "/contratacion": page("Procesos de contratación", "<p>Procesos de contratación en curso.</p>" + controls),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.buscador")]
    assert rec["status"] == "no_cumple", rec


def test_class_142_a_short_page_that_gives_a_phone_an_address_hours_or_an_email_is_content(serve, config_for):
    # pages of their own with a few words and no link (no banner either): the office's hours, the
    # e-mail for judicial notices, a phone and an address. A person reads what they give; they are
    # not «vacía o en construcción». A page with only its title stays empty
    site = "Alcaldía Municipal de San Juan de Betulia"
    routes = {
        "/": page(
            "Inicio",
            "<p>Bienvenidos al sitio oficial del municipio de San Juan de Betulia, en el departamento de Sucre.</p><ul>"
            + "".join(
                f'<li><a href="/{p}">{t}</a></li>'
                for p, t in (
                    ("horario", "Horario de atención"),
                    ("notificaciones", "Notificaciones judiciales"),
                    ("contacto", "Contáctenos"),
                    ("glosario", "Glosario"),
                )
            )
            + "</ul>",
        ),
        "/horario": _raw(
            f"Horario de atención | {site}",
            "<main><h1>Horario de atención</h1><p>Lunes a viernes de 8:00 a 12:00</p></main>",
        ),
        "/notificaciones": _raw(
            f"Notificaciones judiciales | {site}",
            "<main><h1>Notificaciones judiciales</h1><p>notificacionjudicial@sanjuandebetulia-sucre.gov.co</p></main>",
        ),
        "/contacto": _raw(
            f"Contáctenos | {site}",
            "<main><h1>Contáctenos</h1><p>Teléfono: (605) 288 0011 · Calle 5 N° 3-21, San Juan de Betulia</p>"
            "<p>Correo: contactenos@sanjuandebetulia-sucre.gov.co</p></main>",
        ),
        "/glosario": _raw(f"Glosario | {site}", "<main><h1>Glosario</h1></main>"),
    }
    records = _records(serve, config_for, routes)
    for item in ("info.horario", "info.notificaciones_judiciales", "info.contacto"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] in ("cumple", "parcial") and "vacía" not in rec["detail"], rec
    glosario = records[("gelt-2008", "info.glosario")]
    assert glosario["status"] == "parcial" and "solo muestra su título: no publica nada" in glosario["detail"], glosario


# Class 143 (the lead, eighth session): a short page of its own whose content is one document.


def test_class_143_a_short_page_whose_content_is_one_document_is_content(serve, config_for):
    # «Organigrama» with its title and one PDF («Ver documento»), «Política de privacidad» with a
    # line and one PDF: what the page publishes is the document. Counted as «vacía o en
    # construcción» (fewer than 15 words and fewer than 2 links; or its title and one link), the
    # items fell to parcial. A page with only its title stays empty, as does one whose only link
    # leads to another page (not a document)
    site = "Alcaldía Municipal de San Juan de Betulia"
    menu = (
        ("organigrama", "Organigrama"),
        ("politica-de-privacidad", "Política de privacidad"),
        ("glosario", "Glosario"),
        ("preguntas-frecuentes", "Preguntas frecuentes"),
    )
    routes = {
        "/": page(
            "Inicio",
            "<p>Bienvenidos al sitio oficial del municipio de San Juan de Betulia, en el departamento de Sucre.</p><ul>"
            + "".join(f'<li><a href="/{p}">{t}</a></li>' for p, t in menu)
            + "</ul>",
        ),
        "/organigrama": _raw(
            f"Organigrama | {site}",
            '<main><h1>Organigrama</h1><p><a href="/files/estructura-2026.pdf">Ver documento</a></p></main>',
        ),
        "/politica-de-privacidad": _raw(
            f"Política de privacidad | {site}",
            "<main><h1>Política de privacidad</h1><p>Política de tratamiento de datos personales: "
            '<a href="/files/decreto-045-2019.pdf">descargar</a></p></main>',
        ),
        "/files/estructura-2026.pdf": PDF,
        "/files/decreto-045-2019.pdf": PDF,
        "/glosario": _raw(f"Glosario | {site}", "<main><h1>Glosario</h1></main>"),
        "/preguntas-frecuentes": _raw(
            f"Preguntas frecuentes | {site}",
            '<main><h1>Preguntas frecuentes</h1><p><a href="/">Volver</a></p></main>',
        ),
    }
    records = _records(serve, config_for, routes)
    for item in ("info.organigrama", "info.politica_privacidad"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "cumple" and "vacía" not in rec["detail"], rec
    for item in ("info.glosario", "info.preguntas_frecuentes"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "parcial" and "solo muestra su título: no publica nada" in rec["detail"], rec


# Classes 170-171 (eighth session, helper H82): causes that recur across the tuning part, each seen
# in sites of different origins (docs/checklist-accuracy.md, «Fallos que se repiten en el ajuste»).


def test_class_170_a_document_listed_under_the_section_found_for_the_item_comes_after_that_section(serve, config_for):
    # a pane «8.1-Publicación de la información contractual» whose table lists «Información
    # contractual 2026», and an entry «Ejecución presupuestal histórica anual» over «Ejecución
    # presupuestal 2026»: the document is one entry of what the section publishes, and a person
    # points to the section, whatever phrase of the item each was found by. A document named for
    # the item on a page with no section for it (a «Descargas» list) stays the evidence
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p>"
        "<h3>8.1-Publicación de la información contractual</h3><table><tr><th>Documento</th><th></th></tr>"
        '<tr><td>Información contractual 2026</td><td><a href="/files/contratacion-2026.xlsx">Información'
        " contractual 2026</a></td></tr></table>"
        "<h3>Ejecución presupuestal histórica anual</h3><ul>"
        '<li><a href="/files/ejecucion-2026.pdf">Ejecución presupuestal 2026</a></li>'
        '<li><a href="/files/traslados-2026.pdf">Traslados presupuestales 2026</a></li></ul>'
    )
    downloads = (
        "<h3>Documentos</h3><ul>"
        '<li><a href="/files/mapa-de-procesos.pdf">Mapa de procesos</a></li>'
        '<li><a href="/files/boletin-2026.pdf">Boletín institucional 2026</a></li></ul>'
    )
    xlsx = Resource(body=b"PK\x03\x04 libro", headers={"Content-Type": "application/vnd.ms-excel"})
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/transparencia", "/descargas")),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/descargas": page("Descargas", downloads),
        "/files/contratacion-2026.xlsx": xlsx,
        "/files/ejecucion-2026.pdf": PDF,
        "/files/traslados-2026.pdf": PDF,
        "/files/mapa-de-procesos.pdf": PDF,
        "/files/boletin-2026.pdf": PDF,
    }
    records = _records(serve, config_for, routes)
    for item in ("ley1712.3.2", "ley1712.4.2"):
        rec = records[("ley1712-res1519", item)]
        assert rec["status"] in ("cumple", "parcial"), (item, rec)
        assert urlsplit(rec["evidence"][0]).path == "/transparencia", (item, rec["evidence"])
    processes = records[("ley1712-res1519", "ley1712.1.3")]
    assert processes["status"] in ("cumple", "parcial"), processes
    assert urlsplit(processes["evidence"][0]).path == "/files/mapa-de-procesos.pdf", processes["evidence"]


def test_class_171_a_page_titled_for_where_the_one_office_is_gives_the_directory(serve, config_for):
    # an entity with one office: its page «Localización» (Res. 1519's «Localización física…» cut
    # short) gives the seat's address and switchboard. A person reads there where the entity is
    # and how to reach it: the institutional directory (1.4). A «Contáctenos» page with the same
    # address and phone is a contact page, not a directory (precision: it stays no_cumple)
    where = (
        "<h2>Localización</h2><p>E.S.E. Hospital de Prueba, ubicado en el municipio de La Plata, Huila,"
        " Carrera 2E # 11 - 17, Avenida Libertadores.</p><h3>Llámanos</h3><p>PBX: +57 60 8 370339</p>"
    )
    contact = (
        "<p>Escríbanos o visítenos en la Carrera 2E # 11 - 17, Avenida Libertadores.</p>"
        "<p>Teléfono: +57 60 8 370339</p>"
    )
    hub = '<p>Información de la entidad.</p><ul><li><a href="/transparencia/localizacion">Localización</a></li></ul>'
    found = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/transparencia",)),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/transparencia/localizacion": page("Localización", where),
    }
    rec = _records(serve, config_for, found)[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert urlsplit(rec["evidence"][0]).path == "/transparencia/localizacion", rec["evidence"]
    plain = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/contactenos",)),
        "/contactenos": page("Contáctenos", contact),
    }
    rec = _records(serve, config_for, plain)[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "no_cumple", rec


# Classes 150–152 (eighth session, helper H80): the misses of the blind site m-buga (the Personería
# Municipal de Guadalajara de Buga's Next.js site), fixed as classes.


def _category_card(numeral: str, title: str, description: str) -> str:
    # a category page's entry as the Next.js site draws it: the numeral in a badge beside the title,
    # a one-line description, a «Documentos» button and a placeholder file whose «Descargar» is a button
    return (
        '<div class="card"><div class="flex"><div class="flex-1"><div class="flex items-center gap-3">'
        f'<span class="badge">{numeral}</span><h4>{title}</h4></div><p>{description}</p></div>'
        '<div><button type="button">Documentos</button></div></div></div>'
    )


def test_class_150_a_numbered_entry_over_its_one_line_description_is_listed_with_nothing(serve, config_for):
    # «3.3 | Publicación de la ejecución de contratos — Estado de ejecución de contratos vigentes»: the
    # entry of the mandated menu is shown (numbered, titled) and publishes nothing under it; a person
    # says «named, nothing published» (parcial), not «not found». The numeral is the sign of a list of
    # entries: an unnumbered heading over a short line is not read so
    cards = "".join(
        _category_card(n, t, d)
        for n, t, d in (
            ("3.1", "Plan anual de adquisiciones", "Programación de compras y contrataciones del año"),
            ("3.3", "Publicación de la ejecución de contratos", "Estado de ejecución de contratos vigentes"),
        )
    )
    cards += "<div><h4>Manual de contratación y supervisión</h4><p>Procedimientos internos de contratación</p></div>"
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page(
            "Transparencia y acceso a la información pública",
            '<ul><li><a href="/transparencia/contratacion">3. Contratación</a></li></ul>',
        ),
        "/transparencia/contratacion": page("Contratación", "<h3>Subcategorías</h3>" + cards),
    }
    records = _records(serve, config_for, routes)
    rec = records[("ley1712-res1519", "ley1712.3.3")]
    assert rec["status"] == "parcial" and urlsplit(rec["evidence"][0]).path == "/transparencia/contratacion", rec
    assert "está en la lista, sin nada publicado" in rec["detail"], rec
    assert records[("ley1712-res1519", "ley1712.3.4")]["status"] == "no_cumple", records[
        ("ley1712-res1519", "ley1712.3.4")
    ]


def test_class_151_a_clause_of_the_terms_of_use_is_not_the_service_it_names(serve, config_for):
    # the «Términos y Condiciones de Uso» page has a clause «4. Servicios en Línea» that lists what the
    # site offers (filing a PQRSD, looking up procedures): a legal text about the site, not the place
    # where a procedure is done online. Its clauses are not sections of the site's content; the page
    # itself is still the terms of use
    terms = (
        "<h3>1. Aceptación de los Términos</h3><p>Al acceder y utilizar el sitio web de la entidad, usted acepta"
        " estar sujeto a estos Términos y Condiciones de Uso y a todas las leyes aplicables.</p>"
        "<h3>4. Servicios en Línea</h3><p>El sitio web ofrece diversos servicios en línea, incluyendo:</p><ul>"
        "<li>Radicación de PQRSD (Peticiones, Quejas, Reclamos, Sugerencias y Denuncias)</li>"
        "<li>Consulta de trámites</li><li>Descarga de documentos públicos</li></ul><p>La disponibilidad de estos"
        " servicios está sujeta al mantenimiento y operación de los sistemas informáticos de la entidad.</p>"
    )
    routes = {
        "/": page(
            "Inicio",
            '<p>Bienvenidos.</p><p><a href="/terminos">Términos y Condiciones</a></p>',
        ),
        "/terminos": page("Términos y Condiciones de Uso", terms),
    }
    records = _records(serve, config_for, routes)
    online = records[("gelt-2008", "transaccion.tramites_en_linea")]
    assert online["status"] == "no_cumple", online
    terms_rec = records[("gelt-2008", "info.condiciones_uso")]
    assert terms_rec["status"] in ("cumple", "parcial") and urlsplit(terms_rec["evidence"][0]).path == "/terminos", (
        terms_rec
    )


def test_class_152_an_entry_titled_only_no_aplica_says_it_of_the_pages_subject(serve, config_for):
    # the category page «Información Tributaria» has one entry: the badge «10.1», the title «No aplica»
    # and «Esta categoría no aplica para la Personería Municipal»; the hub's card lists «10.1 No aplica
    # para la Personería Municipal». The entry names nothing but the statement: what it says is of the
    # page's subject, and the entity names itself by its kind («la Personería Municipal»). A person
    # proposes «no aplica» for section 10 and its 10.1, quoting the page
    entry = _category_card("10.1", "No aplica", "Esta categoría no aplica para la Personería Municipal")
    card = (
        '<a href="/transparencia/informacion-tributaria"><h2>Información Tributaria en Entidades Territoriales</h2>'
        "<p>Información tributaria (solo para entidades territoriales)</p>"
        "<ul><li>10.1 No aplica para la Personería Municipal</li></ul></a>"
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/transparencia">Transparencia</a></p>'),
        "/transparencia": page("Transparencia y acceso a la información pública", card),
        "/transparencia/informacion-tributaria": _raw(
            "Información Tributaria | Transparencia",
            "<main><h1>Información Tributaria</h1><p>Información tributaria en entidades territoriales</p>"
            f"<h3>Subcategorías</h3>{entry}</main>",
        ),
    }
    records = _records(serve, config_for, routes)
    for item in ("ley1712.10", "ley1712.10.1"):
        rec = records[("ley1712-res1519", item)]
        assert rec["status"] == "no_aplica" and "aplica para la Personería Municipal" in rec["detail"], rec


def test_class_153_terms_over_a_forms_consent_box_are_not_the_terms_of_use(serve, config_for):
    # the PQRSD form ends with a section «Términos y condiciones» (a heading read by screen readers)
    # whose content is the box to tick «Acepto la política de tratamiento de datos personales y
    # autorizo…»: what the sender accepts, not the site's terms of use, which are a page of their own
    form = (
        '<form><label>Nombres <input name="nombres"></label><label>Correo <input type="email" name="correo">'
        '</label><textarea name="descripcion"></textarea><section><h2 class="sr-only">Términos y condiciones</h2>'
        '<label><input type="checkbox" required> Acepto la <a href="/tratamiento-datos">política de tratamiento'
        " de datos personales</a> y autorizo a la entidad para el procesamiento de mi información conforme a la"
        ' Ley 1581 de 2012.</label></section><button type="submit">Radicar</button></form>'
    )
    terms = "<p>Al acceder y utilizar este sitio web usted acepta estas condiciones de uso y las leyes aplicables.</p>"
    # the form is in the menu of every page; the terms of use only in the site map (as on m-buga, whose
    # footer links to an address with no page)
    nav = ("/pqrsd", "/mapa-del-sitio")
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", links=nav),
        "/pqrsd": page("Radicar PQRSD", form, links=nav),
        "/mapa-del-sitio": page(
            "Mapa del sitio", '<ul><li><a href="/terminos">Términos y condiciones</a></li></ul>', links=nav
        ),
        "/terminos": page("Términos y Condiciones de Uso", terms, links=nav),
        "/tratamiento-datos": page("Política de tratamiento de datos personales", "<p>Texto de la política.</p>"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.condiciones_uso")]
    assert rec["evidence"] and urlsplit(rec["evidence"][0]).path == "/terminos", rec


# Classes 160– (eighth session, helper H81): faults the blind site n-soacha showed (the static site of
# the E.S.E. Región de Salud Soacha, tests/fixtures/checklist-corpus/n-soacha), each tried here on a
# small site of its own.


def _chrome_page(title: str, nav: str, body: str) -> Resource:
    """A page of a hand-written site: a header with its menu, the content, a footer."""
    return _raw(
        title,
        f'<header class="header"><div class="topbar"><h1>Empresa Social del Estado de Prueba</h1></div>'
        f'<nav class="nav">{nav}</nav></header><main>{body}</main>'
        "<footer><p>Dirección: Calle 13 No. 10-60. Teléfono: +57 (601) 730 92 30</p></footer>",
    )


def test_class_160_a_menu_entry_that_is_only_the_laws_object_is_the_transparency_menu(serve, config_for):
    # «información pública» in the main menu, to a hub of numbered sections: the law's object names
    # the transparency menu (Ley 1712, «… acceso a la información pública»), under another name than
    # the annex's. The hub's entries are inside the menu; the menu item is found, misnamed (parcial)
    nav = '<a href="index.html">Inicio</a> <a href="transparencia.html" class="nav-link">información pública</a>'
    hub = (
        '<div class="accordion"><div class="accordion-item"><button class="accordion-header">1. Información de la '
        'Entidad</button><div class="accordion-content"><a href="entidad.html">1.1 Misión y visión</a>'
        '<a href="estructuraorganica.html">1.2 Estructura orgánica</a></div></div></div>'
    )
    organigram = (
        "<h2>ORGANIGRAMA FUNCIONAL</h2><div>JUNTA DIRECTIVA</div><div>GERENCIA</div><div>SUBGERENCIA</div>"
        "<h2>Estructura Organizacional</h2><p>La entidad cuenta con una estructura organizacional orientada a una "
        "gestión eficiente: niveles directivo, estratégico y operativo.</p>"
    )
    mission = "<h2>Nuestra Misión y Visión</h2><h3>MISIÓN</h3><p>Prestar servicios de salud seguros.</p>"
    routes = {
        "/": _chrome_page("Inicio", nav, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/index.html": _chrome_page("Inicio", nav, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/transparencia.html": _chrome_page("Hospital de Prueba", nav, hub),
        "/entidad.html": _chrome_page("Hospital de Prueba", nav, mission + "<h3>VISIÓN</h3><p>Ser referentes.</p>"),
        "/estructuraorganica.html": _chrome_page("Hospital de Prueba", nav, organigram),
    }
    records = _records(serve, config_for, routes)
    menu = records[("ley1712-res1519", "ley1712.menu")]
    assert menu["status"] == "parcial" and urlsplit(menu["evidence"][0]).path == "/transparencia.html", menu
    organigram_rec = records[("ley1712-res1519", "ley1712.1.2")]
    assert organigram_rec["status"] == "cumple", organigram_rec
    # one word more names something else: «Solicitud de información pública» is a request form
    nav2 = '<a href="index.html">Inicio</a> <a href="solicitud.html">Solicitud de información pública</a>'
    form = '<form><label>Nombre</label><input name="nombre"><label>Solicitud</label><textarea name="s"></textarea><button>Enviar</button></form>'
    routes2 = {
        "/": _chrome_page("Inicio", nav2, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/solicitud.html": _chrome_page("Solicitud", nav2, "<h2>Solicitud de información</h2>" + form),
    }
    menu2 = _records(serve, config_for, routes2)[("ley1712-res1519", "ley1712.menu")]
    assert menu2["status"] == "no_cumple", menu2


def _pdf(name: str) -> Resource:
    return Resource(body=b"%PDF-1.4\n% " + name.encode() + b"\n%%EOF\n", headers={"Content-Type": "application/pdf"})


def test_class_161_a_download_button_is_named_by_the_title_of_its_card(serve, config_for):
    # a document card: its title (h4, or bold) with pages, weight and date, then «Descargar»; a
    # person reads the button as the document its card names. A «Descargar» after another entry's
    # link is not named by that entry's title
    card = (
        '<div class="historia-card"><div class="card-pdf"><div class="pdf-icon">PDF</div><div class="pdf-info">'
        "<h4>FORMATO DE SOLICITUD DE HISTORIAS CLÍNICAS</h4><p>Páginas 1</p><p>Peso 2 MB</p>"
        '<p>Dato creado 01-01-2025</p></div><a href="docs/historia.pdf" class="btn-descargar">Descargar</a></div></div>'
    )
    nav = '<a href="index.html">Inicio</a> <a href="historiaclinica.html">Solicitud de historia clínica</a>'
    body = "<h2>Solicitud de Historia Clínica</h2><h3>Requisitos y procedimiento</h3><p>Diligencie el formato.</p>"
    routes = {
        "/": _chrome_page("Inicio", nav, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/historiaclinica.html": _chrome_page("Historia clínica", nav, body + card),
        "/docs/historia.pdf": _pdf("historia.pdf"),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] == "cumple", rec
    assert urlsplit(rec["evidence"][0]).path in ("/docs/historia.pdf", "/historiaclinica.html"), rec


def test_class_161_a_title_before_another_link_does_not_name_a_later_button():
    from gelt_audit.audits.checklist.linklabels import link_label

    html = (
        '<div><div><h4>Formato de inscripción</h4><a href="a.pdf">Formato de inscripción</a></div>'
        '<div><p>Peso 2 MB</p><a href="b.pdf">Descargar</a></div></div>'
    )
    root = lxml.html.fromstring(html)
    button = root.xpath("//a[@href='b.pdf']")[0]
    assert link_label(button) == "Descargar"


def test_class_162_the_pqrsd_acronym_with_other_letters_names_the_same_reports(serve, config_for):
    # «Registro Histórico de Informes (PQRSDF)»: the F of felicitaciones (or PQRDS, PQRSF) is the
    # same family of requests; its reports are the PQRSD reports of Res. 1519 numeral 4.10
    nav = '<a href="index.html">Inicio</a> <a href="transparencia.html">Transparencia</a>'
    hub = '<h2>Transparencia</h2><ul><li><a href="informes.html">Registro Histórico de Informes (PQRSDF)</a></li></ul>'
    reports = (
        "<h2>Registro Histórico de Informes (PQRSDF)</h2><p>Solicitudes, peticiones, quejas, reclamos, sugerencias y "
        'felicitaciones presentadas por los usuarios.</p><p><a href="docs/informe-pqrsdf-t3-2026.pdf">Informe PQRSDF '
        "tercer trimestre 2026</a></p>"
    )
    routes = {
        "/": _chrome_page("Inicio", nav, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/transparencia.html": _chrome_page("Transparencia", nav, hub),
        "/informes.html": _chrome_page("Informes", nav, reports),
        "/docs/informe-pqrsdf-t3-2026.pdf": _pdf("informe"),
    }
    rec = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.4.10")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert urlsplit(rec["evidence"][0]).path in ("/informes.html", "/docs/informe-pqrsdf-t3-2026.pdf"), rec


def test_class_163_a_phrase_is_not_its_one_word_left_without_stop_words(serve, config_for):
    # «para comentarios» without its stop word was «comentarios»: a contact form that says «Comparte
    # tus preguntas o comentarios» read as draft norms published for comments. Drafts of norms
    # published for comments are still found
    nav = '<a href="index.html">Inicio</a> <a href="transparencia.html">Transparencia</a>'
    hub = (
        '<h2>Transparencia</h2><ul><li><a href="radicacion.html">Radicación PQRS</a></li>'
        '<li><a href="normas.html">Normativa</a></li></ul>'
    )
    groups = "".join(
        f'<div class="form-group"><label>{label} *</label><input type="text"></div>'
        for label in ("Número de identificación", "Nombre", "Apellido")
    )
    radios = "".join(
        f'<label><input type="radio" name="grupo"> {g}</label>' for g in ("Usuario", "Contratista", "Funcionario")
    )
    contact = (
        '<h2>Radicación PQRS</h2><section class="pqrs-form"><div class="container"><h3 class="form-title">Envíanos '
        'tu mensaje</h3><p class="form-subtitle">Comparte tus preguntas o comentarios con nosotros.</p>'
        f'<div class="form-grid">{groups}</div><div class="form-group full"><label>¿A qué grupo poblacional '
        f'pertenece?</label></div><div class="radio-group">{radios}</div><div class="form-group full"><label>Escriba '
        'su petición</label><textarea></textarea></div><div class="form-submit"><button>Enviar</button></div></div>'
        "</section>"
    )
    norms = "<h2>Normativa</h2><p>Resoluciones de la gerencia.</p>"
    routes = {
        "/": _chrome_page("Inicio", nav, "<h2>Bienvenidos</h2><p>Servicios de salud para la región.</p>"),
        "/transparencia.html": _chrome_page("Transparencia", nav, hub),
        "/radicacion.html": _chrome_page("Radicación", nav, contact),
        "/normas.html": _chrome_page("Normativa", nav, norms),
    }
    records = _records(serve, config_for, routes)
    for key in (("ley1712-res1519", "ley1712.2.3"), ("gelt-2008", "democracia.consultas")):
        assert records[key]["status"] == "no_cumple", records[key]
    drafts = (
        '<h2>Normativa</h2><p><a href="docs/proyecto-resolucion.pdf">Proyecto de resolución de tarifas</a>, '
        "publicado para comentarios de la ciudadanía hasta el 30 de noviembre.</p>"
    )
    routes["/normas.html"] = _chrome_page("Normativa", nav, drafts)
    routes["/docs/proyecto-resolucion.pdf"] = _pdf("proyecto")
    found = _records(serve, config_for, routes)[("ley1712-res1519", "ley1712.2.3")]
    assert found["status"] in ("cumple", "parcial"), found


def test_class_163_no_profile_keyword_of_several_words_is_one_word_once_read():
    import tomllib
    from pathlib import Path

    from gelt_audit.audits.checklist.text import norm_tokens

    root = Path(__file__).resolve().parents[1] / "gelt_audit" / "audits" / "checklists"
    loose = []

    def walk(obj, key=""):
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(v, k)
        elif isinstance(obj, list):
            for v in obj:
                walk(v, key)
        elif isinstance(obj, str) and key in ("keywords", "exclude", "contains"):
            if len(obj.split()) > 1 and len(norm_tokens(obj)) == 1:
                loose.append(obj)

    for profile in root.glob("*.toml"):
        walk(tomllib.loads(profile.read_text(encoding="utf-8")))
    assert not loose, loose
