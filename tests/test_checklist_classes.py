"""Classes of fault found on the six-site tuning corpus (issue 15, third session), shown on small
sites served on 127.0.0.1 and crawled by the real CLI: the page read as a person reads it. Most
classes share one site (``site``: each part of it exercises one class and stays out of the
others' way); the ones that judge the same item differently have a site of their own."""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

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
    # a document listed with a broken link is still partly published
    assert site[("gelt-2008", "info.organigrama")]["status"] == "parcial"


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
        ("Transparencia y acceso a la información", "cumple"),  # without «pública»: read as the name
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
    # from an API the crawl does not run): the crawl saw no content, the page is not evidence as is
    body = (
        '<p><a href="/">Inicio</a> / Participa</p><section><h3>Noticias</h3><p>Cargando noticias...</p></section>'
        '<a href="https://api.whatsapp.com/send?phone=3000000000">WhatsApp</a>'
    )
    routes = {
        "/": page("Inicio", '<p>Bienvenidos. <a href="/participa">Participa</a></p>'),
        "/participa": page("Participa", body),
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "democracia.participacion")]
    assert rec["status"] == "parcial" and "vacía o en construcción" in rec["detail"], rec["detail"]


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
    assert rec["status"] == "parcial" and "vacía o en construcción" in rec["detail"], rec["detail"]
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
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/sedes"), (
        rec["status"],
        rec["detail"],
        rec["evidence"],
    )
