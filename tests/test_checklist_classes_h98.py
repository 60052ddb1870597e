"""Online services a person reads off a page that the engine missed (issue 15, H98). One shared
crawl of a small site.

Class 980: a form that books an appointment is a request made wholly online, a «trámite en línea»
(gelt-2008 ``transaccion.tramites_en_linea``). The corpus's i-curaduria1 («Agendamiento de Citas»:
tipo y motivo de la cita) and g-hsap («Formulario citas médicas»: especialidad de la cita, «Enviando
solicitud de cita») both label it ``cumple``; the item only had words and addresses
(«trámites en línea», ``/tramites-en-linea``), and both sites call the page otherwise («Agendamiento
de citas», «Tramites»). The appointment form reads as a message form (several fields and a message
box); its words say what it is for. ``test_an_appointment_form_is_an_online_procedure`` fails
without the rule in ``gelt-2008.toml`` (checked: ``no_cumple``).

The home page's contact form (a message form that books nothing) must not count:
``test_a_contact_form_is_not_an_online_procedure`` guards the other side on the same crawl.

Class 981: with no form and no page for requests, the e-mail address the site publishes is the only
way to write: a channel, not the mechanism asked for, ``parcial`` (the corpus's h-anserma and
contraloriands, two origins, label gelt-2008 ``interaccion.pqrsd`` so; the engine said
``no_cumple``). A rule's ``partial`` option says what its evidence lacks. A second, smaller site
(no form at all) is needed: any message form is a PQRSD channel.
``test_an_email_address_alone_is_a_partial_request_channel`` fails without the footer rule
(checked: ``no_cumple``); ``test_a_contact_form_is_not_an_online_procedure`` checks that the e-mail
does not lower a site that has a form (``cumple``).

Class 982: a WhatsApp chat is a messaging channel, not the entity's presence on a social network:
alone, gelt-2008 ``interaccion.redes`` is ``parcial`` (curaduria2, i-curaduria1 and a-magangue, the
corpus's three sites with WhatsApp, label it so; curaduria2 was ``no_cumple``).
``test_a_whatsapp_link_alone_is_a_partial_social_network`` fails without the rule (checked:
``no_cumple``); ``test_a_social_network_beside_whatsapp_is_not_lowered`` guards the other side.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = (
    '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/informacion-ciudadano/citas">Tramites</a></li>'
    '<li><a href="/quienes-somos">Quiénes somos</a></li></ul></nav>'
)


def _html(title: str, main: str, nav: str = NAV) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><p>E.S.E. Hospital de Prueba</p>{nav}</header><main>{main}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000. contacto@hospital-prueba.gov.co</footer></body></html>"
    )


CONTACT_FORM = (
    "<h2>Contacto</h2><form action='/contacto' method='post'>"
    "<input type='text' name='nombre' placeholder='Su nombre'>"
    "<input type='email' name='correo' placeholder='Su correo'>"
    "<input type='text' name='asunto' placeholder='Asunto'>"
    "<textarea name='mensaje' placeholder='Mensaje'></textarea>"
    "<button type='submit'>Enviar mensaje</button></form>"
)

APPOINTMENT_FORM = (
    "<h2>Formulario citas médicas</h2><p>Señor usuario: a través del siguiente formulario usted puede"
    " solicitar su cita médica. Por favor diligencie todos los campos.</p>"
    "<form action='/informacion-ciudadano' method='post'>"
    "<input type='text' name='citNombres' placeholder='Nombres'>"
    "<input type='text' name='citApellidos' placeholder='Apellidos'>"
    "<input type='number' name='citNumDocumento' placeholder='Número de identificación'>"
    "<input type='email' name='citCorreo' placeholder='Correo electrónico'>"
    "<select name='citEspecialidad'><option value=''>Especialidad de la cita</option>"
    "<option>Medicina general</option><option>Odontología</option><option>Pediatría</option></select>"
    "<textarea name='citMensaje' placeholder='Mensaje'></textarea>"
    "<button type='submit'>Solicitar</button></form>"
)

WHATSAPP = "<p><a href='https://api.whatsapp.com/send?phone=573001234567'>Escríbanos por WhatsApp</a></p>"
FACEBOOK = "<p><a href='https://www.facebook.com/hospitaldeprueba'>Síganos en Facebook</a></p>"

ROUTES: dict[str, Resource] = {
    "/": _html(
        "E.S.E. Hospital de Prueba",
        "<h1>Bienvenidos</h1><p>Prestamos servicios de salud de primer nivel a los habitantes del municipio,"
        " con urgencias las veinticuatro horas y consulta externa de lunes a sábado.</p>"
        + CONTACT_FORM
        + WHATSAPP
        + FACEBOOK,
    ),
    "/informacion-ciudadano/citas": _html("Tramites", "<h1>Tramites</h1>" + APPOINTMENT_FORM),
    "/quienes-somos": _html(
        "Quiénes somos",
        "<h1>Quiénes somos</h1><p>La empresa social del Estado presta servicios de salud de baja complejidad"
        " en el área urbana y rural del municipio, con un equipo de médicos, enfermeras y odontólogos.</p>",
    ),
}


NAV_NO_FORM = '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/quienes-somos">Quiénes somos</a></li></ul></nav>'

# no form anywhere: the footer's e-mail address is the only way to write
EMAIL_ONLY: dict[str, Resource] = {
    "/": _html(
        "E.S.E. Hospital de Prueba",
        "<h1>Bienvenidos</h1><p>Prestamos servicios de salud de primer nivel a los habitantes del municipio,"
        " con urgencias las veinticuatro horas y consulta externa de lunes a sábado.</p>" + WHATSAPP,
        NAV_NO_FORM,
    ),
    "/quienes-somos": ROUTES["/quienes-somos"],
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The hospital's site with its appointment form and its contact form."""
    return _records(tmp_path_factory, ROUTES, "h98")


@pytest.fixture(scope="module")
def email_only(tmp_path_factory):
    """The same hospital's site with no form at all."""
    return _records(tmp_path_factory, EMAIL_ONLY, "h98-correo")


def test_an_appointment_form_is_an_online_procedure(site):
    rec = site[("gelt-2008", "transaccion.tramites_en_linea")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/informacion-ciudadano/citas", rec


def test_a_contact_form_is_not_an_online_procedure(site):
    # the home page's message form is the PQRSD channel, not a procedure: never evidence here
    rec = site[("gelt-2008", "transaccion.tramites_en_linea")]
    assert "/" not in rec["paths"], rec
    # a form is the channel: the e-mail beside it does not make it partial (class 981)
    assert site[("gelt-2008", "interaccion.pqrsd")]["status"] == "cumple", site[("gelt-2008", "interaccion.pqrsd")]


def test_an_email_address_alone_is_a_partial_request_channel(email_only):
    rec = email_only[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "parcial", rec
    assert "solo un correo electrónico" in rec["detail"], rec
    assert rec["paths"][0] == "/", rec
    # no appointment form, no procedure
    assert email_only[("gelt-2008", "transaccion.tramites_en_linea")]["status"] == "no_cumple"


def test_a_whatsapp_link_alone_is_a_partial_social_network(email_only):
    rec = email_only[("gelt-2008", "interaccion.redes")]
    # offline (check_external = false) the WhatsApp link is not verified: the item rests only on it, so
    # it is «sin_verificar» (tests/test_checklist_unverified_only.py), never «cumple», and the detail
    # still says that a WhatsApp link alone is at most a partial social network
    assert rec["status"] == "sin_verificar", rec
    assert "WhatsApp" in rec["detail"] and "no se pudo consultar" in rec["detail"], rec


def test_a_social_network_beside_whatsapp_is_not_lowered(site):
    # Facebook is found: WhatsApp beside it lowers nothing (the link is not opened: sin_verificar)
    rec = site[("gelt-2008", "interaccion.redes")]
    assert rec["status"] in ("cumple", "sin_verificar"), rec
    assert "WhatsApp" not in rec["detail"], rec
