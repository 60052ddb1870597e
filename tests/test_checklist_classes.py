"""Classes of fault found on the six-site tuning corpus (issue 15, third session), each shown on
a small site of its own served on 127.0.0.1 and crawled by the real CLI: the page read as a person
reads it."""

from __future__ import annotations

from gelt_audit.demo.server import Resource
from tests.helpers import crawl, page, report_json


def _records(serve, config_for, routes):
    config = config_for(serve(routes).url, "[links]\ncheck_external = false\n")
    crawl(config)
    return {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}


SERVICES = """
<h3>Consultas en línea</h3>
<p>Consulte en línea las resoluciones y licencias expedidas por la entidad desde su casa,
sin filas y a cualquier hora del día.</p>
<p><a href="/consulta-resoluciones">Más información</a></p>
<h3>Documentos</h3>
<ul><li><a href="/files/expedicion-de-certificados.rar">13. Expedición de certificados</a></li>
<li><a href="/files/organigrama.pdf">Organigrama</a></li></ul>
"""


def test_a_service_reached_only_through_a_broken_link_is_not_offered(serve, config_for):
    # /consulta-resoluciones and both files answer 404
    records = _records(
        serve,
        config_for,
        {
            "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/servicios",)),
            "/servicios": page("Servicios", SERVICES),
        },
    )
    for item in ("interaccion.consulta_bd", "transaccion.certificados"):
        rec = records[("gelt-2008", item)]
        assert rec["status"] == "no_cumple", rec
        assert "no se ofrece" in rec["detail"] and "rota" in rec["detail"], rec
    # a document listed with a broken link is still partly published
    assert records[("gelt-2008", "info.organigrama")]["status"] == "parcial"


def test_a_one_word_slug_qualified_in_the_link_text_decides_nothing(serve, config_for):
    # «Certificado de accesibilidad» (a certificate the entity holds) and «Pagos a proveedores»
    # (the entity's own payments): their file names repeat «certificado» and «pagos»
    docs = (
        '<ul><li><a href="/files/certificado-de-accesibilidad.pdf">Certificado de accesibilidad</a></li>'
        '<li><a href="/files/pagos-a-proveedores-2026.pdf">Pagos a proveedores</a></li></ul>'
    )
    pdf = Resource(body=b"%PDF-1.4 documento", headers={"Content-Type": "application/pdf"})
    routes = {
        "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/documentos",)),
        "/documentos": page("Documentos", docs),
        "/files/certificado-de-accesibilidad.pdf": pdf,
        "/files/pagos-a-proveedores-2026.pdf": pdf,
    }
    records = _records(serve, config_for, routes)
    for item in ("transaccion.certificados", "transaccion.pagos_en_linea"):
        assert records[("gelt-2008", item)]["status"] == "no_cumple", records[("gelt-2008", item)]

    # the one word alone still names the service: «Certificados» → /certificados
    routes["/documentos"] = page("Documentos", docs + '<p><a href="/certificados">Certificados</a></p>')
    routes["/certificados"] = page(
        "Expedición de certificados",
        "<p>Descargue aquí su certificado de residencia o su paz y salvo en línea: escriba su número de"
        " cédula, pague con PSE y reciba el documento firmado en su correo electrónico.</p><form action='/c'>"
        "<input name='cedula'><button>Consultar</button></form>",
    )
    rec = _records(serve, config_for, routes)[("gelt-2008", "transaccion.certificados")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/certificados"), (rec["detail"], rec["evidence"])


def test_a_document_listed_under_the_items_section_is_not_evidence_before_that_page(serve, config_for):
    # «Descargas» with a section «Normativa» listing decrees: a person points to that page, not
    # to the first decree
    body = (
        "<h3>Normativa</h3><ul>"
        '<li><a href="/files/decreto-100-2026.pdf">Decreto 100 de 2026</a></li>'
        '<li><a href="/files/resolucion-20-2026.pdf">Resolución 20 de 2026</a></li></ul>'
        "<h3>Formatos</h3><ul>"
        '<li><a href="/files/formulario-unico.pdf">Formulario único de radicación</a></li></ul>'
    )
    pdf = Resource(body=b"%PDF-1.4 documento", headers={"Content-Type": "application/pdf"})
    routes = {
        "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/descargas",)),
        "/descargas": page("Descargas", body),
        "/files/decreto-100-2026.pdf": pdf,
        "/files/resolucion-20-2026.pdf": pdf,
        "/files/formulario-unico.pdf": pdf,
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/descargas"), rec["evidence"]
    assert any(u.endswith(".pdf") for u in rec["evidence"]), rec["evidence"]


def test_oversight_bodies_named_in_the_entitys_own_voice_and_a_process_flow_chart_are_read(serve, config_for):
    hub = (
        "<p>Información publicada según la Ley 1712 de 2014.</p><ul>"
        '<li><a href="/vigilancia">¿Quién nos vigila?</a></li>'
        '<li><a href="/files/flujograma-2026.pdf">Flujograma de procesos</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/transparencia",)),
        "/transparencia": page("Transparencia y acceso a la información pública", hub),
        "/vigilancia": page(
            "Autoridades que nos vigilan",
            "<p>Contraloría General de la República, Procuraduría General de la Nación y Personería"
            " municipal vigilan la gestión de la entidad y atienden las denuncias de la ciudadanía.</p>",
        ),
        "/files/flujograma-2026.pdf": Resource(
            body=b"%PDF-1.4 flujograma", headers={"Content-Type": "application/pdf"}
        ),
    }
    records = _records(serve, config_for, routes)
    for profile, item, path in (
        ("ley1712-res1519", "ley1712.1.13", "/vigilancia"),
        ("gelt-2008", "info.entes_control", "/vigilancia"),
        ("ley1712-res1519", "ley1712.1.3", "/files/flujograma-2026.pdf"),
    ):
        rec = records[(profile, item)]
        assert rec["status"] == "cumple" and rec["evidence"][0].endswith(path), rec


def test_a_footer_requirement_met_only_outside_the_footer_is_not_met(serve, config_for):
    # the template's footer has no links; the policies are linked from a content page only
    body = (
        '<ul><li><a href="/terminos">Términos y condiciones</a></li>'
        '<li><a href="/privacidad">Política de privacidad y tratamiento de datos personales</a></li>'
        '<li><a href="/mapa">Mapa del sitio</a></li></ul>'
    )
    text = "<p>Texto de la política vigente de la entidad, con sus condiciones, derechos y deberes de los usuarios.</p>"
    routes = {
        "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/documentos",)),
        "/documentos": page("Documentos", body),
        "/terminos": page("Términos y condiciones", text),
        "/privacidad": page("Política de privacidad", text),
        "/mapa": page("Mapa del sitio", text),
    }
    records = _records(serve, config_for, routes)
    rec = records[("ley1712-res1519", "ley1712.footer.politicas")]
    assert rec["status"] == "no_cumple" and "pie de página" in rec["detail"], rec
    # the policy itself is published, only not where a visitor looks for it: parcial
    assert records[("gelt-2008", "info.politica_privacidad")]["status"] == "parcial"


def test_a_section_whose_only_entry_for_the_item_is_broken_is_not_its_evidence(serve, config_for):
    # «Normatividad» holds «Normatividad aplicable» → a 404 beside a calendar and a policy; the
    # norms are listed on «Descargas»
    pdf = Resource(body=b"%PDF-1.4 documento", headers={"Content-Type": "application/pdf"})
    info = (
        "<h3>Normatividad</h3><ul>"
        '<li><a href="/normas-aplicables">Normatividad aplicable</a></li>'
        '<li><a href="/files/calendario.pdf">Calendario de actividades y eventos</a></li>'
        '<li><a href="/files/politica-seguridad.pdf">Política de seguridad de la información</a></li></ul>'
    )
    downloads = (
        "<h3>Normativa</h3><ul>"
        '<li><a href="/files/decreto-1077-2015.pdf">Decreto 1077 de 2015</a></li>'
        '<li><a href="/files/acuerdo-10-2020.pdf">Acuerdo 10 de 2020, plan de ordenamiento</a></li></ul>'
    )
    routes = {
        "/": page("Inicio", "<p>Bienvenidos al sitio de la entidad.</p>", ("/informacion", "/descargas")),
        "/informacion": page("Información institucional", info),
        "/descargas": page("Descargas", downloads),
        **{
            f"/files/{n}.pdf": pdf for n in ("calendario", "politica-seguridad", "decreto-1077-2015", "acuerdo-10-2020")
        },
    }
    rec = _records(serve, config_for, routes)[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple" and rec["evidence"][0].endswith("/descargas"), rec["evidence"]
    assert not any(u.endswith("/informacion") for u in rec["evidence"]), rec["evidence"]


def test_the_transparency_menu_is_named_as_the_annex_mandates(serve, config_for):
    hub = "<p>Información publicada según la Ley 1712 de 2014 y la Resolución 1519 de 2020 del MinTIC.</p>"
    for title, status in (
        ("Transparencia", "parcial"),  # the bare word: recognised, not named as mandated
        ("Transparencia y acceso a la información pública", "cumple"),
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
