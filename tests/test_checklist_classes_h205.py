"""What a FORM is for decides which items it counts for (criterion Q, docs/checklist-scope.md; issue 15,
«Loose matches»; H205). A form counts only by what its own words (heading, legend, labels, options,
button) say it is for, and, when they say nothing, by the title of its page: (a) petitions,
complaints, claims, suggestions, denuncias are the PQRSD items' evidence; (b) a general contact form
is a channel, at most ``parcial`` for the PQRSD form; (c) a form for another purpose (a payment proof,
a licence sign's photo, a registration) is evidence for none of them. Three small municipal sites on
127.0.0.1, each crawled once through the real CLI, offline.

Class 2050 (c), the fresh site H199 measured (``zm-curaduria2baq``): a page titled «Pagos» whose form
uploads a payment proof (vigencia, proyecto, comentarios, «Archivo a publicar», e-mail), and a page
«Vallas» with the same form for a sign's photo: neither is a PQRSD form nor a channel for requests:
``interaccion.pqrsd``, ``ley1712.1.10`` and ``ley1712.pqrsd_form`` ``no_cumple`` with neither page as
evidence. Fails without the reading of what a form is for (``forms._purpose_said`` not consulted in
``forms.form_info``; checked: ``interaccion.pqrsd`` ``cumple`` with ``/pagos``). Its three
statuses also fail without ``forms.heading_before`` (checked: ``cumple`` / ``parcial``), because the
form of class 2051 is on the same site.
Class 2051 (c), the form's heading outside the ``<form>`` element: «Inscríbase al taller de
presupuestos participativos» (an ``h2`` before the fields) over a form with a name, an e-mail and a
comments box, on a page whose title says nothing of its purpose («Participación»): a registration,
not a PQRSD form. Fails without ``forms.heading_before`` (checked: ``interaccion.pqrsd`` ``cumple``
with ``/participacion``).
Class 2052 (guard, a): a form titled «Peticiones, quejas, reclamos, sugerencias y denuncias» with an
anonymous option, the data-treatment authorisation and the type of request keeps
``ley1712.pqrsd_form`` ``cumple``, its page first, even on a site that also has a payment-proof form;
and a Google Forms link «Encuesta de satisfacción» stays the evidence of ``interaccion.encuestas``
(``sin_verificar`` offline: the survey is on another host, criterion I) while a Google Forms link
«Inscripción al taller» is none.
The cap of (b) on the PQRSD mechanism and form (a contact form «parcial» with its own detail, class
2054) was built, measured and reverted: it lowered a held-out evidence figure (docs/checklist-accuracy.md,
«H205»). Class 2053 guards what the engine does with a contact form today.
Class 2053 (guard, b): a «Contáctenos» form (name, e-mail, subject, message) is ``parcial`` for
``ley1712.pqrsd_form`` (its page the evidence) and stays the channel of ``interaccion.pqrsd``
(evidence ``/contactenos``, not the payment page next to it).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Curaduría Urbana Segunda de San Juan de Betulia"
NAV_ENTRIES = (("/", "Inicio"), ("/pagos", "Pagos"), ("/vallas", "Vallas"), ("/participacion", "Participación"))


def _html(title: str, main: str, entries: tuple[tuple[str, str], ...] = NAV_ENTRIES) -> Resource:
    nav = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in entries) + "</ul></nav>"
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{nav}</header><main>{main}</main>"
        "<footer>Carrera 5 # 4-20, San Juan de Betulia. Teléfono 605 555 0000.</footer></body></html>"
    )


# the form of zm-curaduria2baq's /pages/pagos.html and vallas.html, as its server sent it
def _upload_form(name: str) -> str:
    return (
        f'<p class="title-text">{name}</p><form action="post"><select id="vigencia"><option selected>Vigencia</option>'
        '<option value="2022">2022</option><option value="2021">2021</option></select>'
        '<input type="text" id="proyecto" placeholder="Proyecto" aria-label="Proyecto">'
        '<label for="comentarios">Comentarios:</label><textarea id="comentarios"></textarea>'
        f'<label for="{name}File">Archivo a publicar</label><input type="file" id="{name}File">'
        '<label for="email">E-mail:</label><input type="email" id="email">'
        '<button id="enviar">Enviar</button></form>'
    )


HOME = "<h1>Bienvenidos</h1><p>La curaduría urbana estudia y expide las licencias de construcción del municipio.</p>"
TALLER = (
    "<h1>Participación</h1><p>Los espacios de participación de la curaduría durante el año.</p>"
    "<section><div><h2>Inscríbase al taller de presupuestos participativos</h2></div>"
    "<div><form action='/taller' method='post'><label>Nombre</label><input type='text' name='nombre'>"
    "<label>Correo electrónico</label><input type='email' name='correo'>"
    "<label>Comentarios</label><textarea name='comentarios'></textarea>"
    "<button type='submit'>Enviar</button></form></div></section>"
)
OTHER_PURPOSES: dict[str, Resource] = {
    "/": _html("Inicio", HOME),
    "/pagos": _html("Pagos", _upload_form("pago")),
    "/vallas": _html("Vallas", _upload_form("valla")),
    "/participacion": _html("Participación", TALLER),
}

PQRSD_FORM = (
    "<h1>Peticiones, quejas, reclamos, sugerencias y denuncias</h1><form action='/radicar' method='post'>"
    "<label>Tipo de solicitud</label><select name='tipo'><option>Petición</option><option>Queja</option>"
    "<option>Reclamo</option><option>Sugerencia</option><option>Denuncia</option></select>"
    "<label><input type='checkbox' name='anonimo'> Solicitud anónima</label>"
    "<label>Nombre</label><input type='text' name='nombre'><label>Correo</label><input type='email' name='correo'>"
    "<label>Descripción</label><textarea name='descripcion'></textarea>"
    "<label><input type='checkbox' name='acepto'> Autorizo el tratamiento de datos personales</label>"
    "<button type='submit'>Radicar</button></form>"
)
SURVEYS = (
    "<h1>Participe</h1><ul>"
    "<li><a href='https://forms.gle/EncuestaSatisfaccion1'>Encuesta de satisfacción</a></li>"
    "<li><a href='https://forms.gle/InscripcionTaller22'>Inscripción al taller</a></li></ul>"
)
PQRSD_ENTRIES = (("/", "Inicio"), ("/pagos", "Pagos"), ("/pqrsd", "PQRSD"), ("/participe", "Participe"))
WITH_PQRSD: dict[str, Resource] = {
    "/": _html("Inicio", HOME, PQRSD_ENTRIES),
    "/pagos": _html("Pagos", _upload_form("pago"), PQRSD_ENTRIES),
    "/pqrsd": _html("PQRSD", PQRSD_FORM, PQRSD_ENTRIES),
    "/participe": _html("Participe", SURVEYS, PQRSD_ENTRIES),
}

CONTACT_FORM = (
    "<h1>Contáctenos</h1><form action='/enviar' method='post'><label>Nombre</label><input type='text' name='nombre'>"
    "<label>Correo</label><input type='email' name='correo'><label>Asunto</label><input type='text' name='asunto'>"
    "<label>Mensaje</label><textarea name='mensaje'></textarea><button type='submit'>Enviar</button></form>"
)
CONTACT_ENTRIES = (("/", "Inicio"), ("/pagos", "Pagos"), ("/contactenos", "Contáctenos"))
WITH_CONTACT: dict[str, Resource] = {
    "/": _html("Inicio", HOME, CONTACT_ENTRIES),
    "/pagos": _html("Pagos", _upload_form("pago"), CONTACT_ENTRIES),
    "/contactenos": _html("Contáctenos", CONTACT_FORM, CONTACT_ENTRIES),
}

FORM_PAGES = ("/pagos", "/vallas", "/participacion")


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h205-other"), OTHER_PURPOSES, OFFLINE)


@pytest.fixture(scope="module")
def pqrsd(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h205-pqrsd"), WITH_PQRSD, OFFLINE)


@pytest.fixture(scope="module")
def contact(tmp_path_factory):
    return checklist_records(tmp_path_factory.mktemp("h205-contact"), WITH_CONTACT, OFFLINE)


@pytest.mark.parametrize(
    ("profile", "item"),
    [
        ("gelt-2008", "interaccion.pqrsd"),
        ("ley1712-res1519", "ley1712.1.10"),
        ("ley1712-res1519", "ley1712.pqrsd_form"),
    ],
)
def test_class_2050_a_form_to_upload_a_payment_proof_or_a_sign_photo_is_no_pqrsd_form(other, profile, item):
    rec = other[(profile, item)]
    assert rec["status"] == "no_cumple", rec
    assert not {"/pagos", "/vallas"} & set(rec["paths"]), rec


def test_class_2051_a_registration_form_under_its_own_heading_is_no_pqrsd_form(other):
    for key in (("gelt-2008", "interaccion.pqrsd"), ("ley1712-res1519", "ley1712.pqrsd_form")):
        rec = other[key]
        assert "/participacion" not in rec["paths"], rec
        assert rec["status"] == "no_cumple", rec


def test_class_2052_a_real_pqrsd_form_keeps_cumple_beside_a_payment_form(pqrsd):
    form = pqrsd[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert form["status"] == "cumple", form
    assert form["paths"][0] == "/pqrsd", form
    assert "/pagos" not in form["paths"], form
    channel = pqrsd[("gelt-2008", "interaccion.pqrsd")]
    assert channel["status"] == "cumple", channel
    assert "/pagos" not in channel["paths"], channel


def test_class_2052_a_survey_link_titled_so_stays_the_surveys_evidence(pqrsd):
    rec = pqrsd[("gelt-2008", "interaccion.encuestas")]
    # offline, the survey on another host is not opened: unverified (criterion I), never no_cumple
    assert rec["status"] in ("cumple", "sin_verificar"), rec
    assert rec["paths"][0] in ("/participe", "https://forms.gle/EncuestaSatisfaccion1"), rec
    assert "https://forms.gle/InscripcionTaller22" not in rec["paths"], rec


def test_class_2053_a_contact_form_is_parcial_for_the_pqrsd_form(contact):
    form = contact[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert form["status"] == "parcial", form
    assert form["paths"][0] == "/contactenos", form
    assert "/pagos" not in form["paths"], form
    channel = contact[("gelt-2008", "interaccion.pqrsd")]
    assert channel["status"] in ("cumple", "parcial"), channel
    assert channel["paths"][0] == "/contactenos", channel
    assert "/pagos" not in channel["paths"], channel
