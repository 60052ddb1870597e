"""What a person reads off a municipal site that the engine missed (issue 15, H135). One shared crawl
of a small site.

Class 1350: a card that opens its page with a script — React's ``<div class="cursor-pointer">`` (its
``onClick`` is not in the page) around an image, a heading, a one-line blurb and «Explorar», no link —
is an entry, not a section: its blurb announces what the card opens, which the crawl does not see. It
was read as a section that publishes its title: ze-nobsa's card «Consulta Ciudadana» made gelt-2008
``democracia.consultas`` «cumple» (labelled «no_cumple»: nothing published for comments), its card
«Rendición de Cuentas» made ``info.informes_gestion`` and ``ley1712.4.7`` «parcial». Read as the
corpus reads entries that open by a script (class 32), the items it alone evidences are
«sin_verificar». ``test_a_card_opened_by_a_script_is_an_entry_not_a_section`` fails without the rule
in ``regions.scripted_entry`` (checked: ``cumple``, «sección «Consulta Ciudadana»»);
``test_a_section_with_its_text_is_still_a_section`` guards the other side on the same crawl.

Class 1351: a footer that gives the entity's one seat (its address) and its opening hours shows part of
the institutional directory (ley1712-res1519 ``ley1712.1.4``, «Sedes, oficinas y dependencias con
dirección, teléfono y horario»): where and when to go, the one office, no dependencies. Class 1120 read
it so only with a phone beside them; ze-nobsa's footer (the Alcaldía de Nobsa's Participa portal) gives
«Calle 6 # 9-01», the hours and an e-mail, and no phone, and its blind labels say «parcial».
``test_a_footer_seat_and_its_hours_without_a_phone_are_part_of_the_directory`` fails without the rule
in ``ley1712-res1519.toml`` (checked: ``no_cumple``, «no se encontró en el sitio rastreado»).
``test_the_missing_phone_is_still_missing_from_the_contact_data`` guards the other side on the same
crawl: the contact items still say that the phone is missing.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/participa">Participa</a></li></ul></nav>'

# the seat's address, its hours and an e-mail; no phone anywhere on the site
FOOTER = (
    "<footer><h4>Contacto</h4><p>Calle 6 # 9-01<br>Villa de Prueba, Boyacá, Colombia</p>"
    "<p>contactenos@villadeprueba-boyaca.gov.co</p>"
    "<h4>Horarios de Atención</h4><p>Lunes a Jueves</p><p>7:30 AM - 12:00 M</p><p>1:30 PM - 6:00 PM</p>"
    "<p>Viernes</p><p>7:30 AM - 12:00 M</p><p>1:30 PM - 5:00 PM</p>"
    "<p>© 2025 Alcaldía Municipal de Villa de Prueba.</p></footer>"
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><p>Alcaldía Municipal de Villa de Prueba</p>{NAV}</header><main>{main}</main>"
        f"{FOOTER}</body></html>"
    )


# a card a script opens (its handler is not in the page): an image, the title, a blurb, a call to action
CARD = (
    '<h2>Áreas de Participación Ciudadana</h2><div class="grid grid-cols-3">'
    '<div class="group cursor-pointer bg-white rounded-xl"><div class="relative h-48">'
    '<img src="https://images.example.org/consulta.jpeg" alt="Consulta Ciudadana" loading="lazy"></div>'
    '<div class="p-6"><div class="flex items-center mb-3"><div class="p-2 rounded-lg"></div>'
    "<h3>Consulta Ciudadana</h3></div><p>Procesos de consulta y diálogo directo con la comunidad para la"
    ' toma de decisiones</p><div class="mt-4 flex"><span>Explorar</span></div></div></div></div>'
)

ROUTES: dict[str, Resource] = {
    "/": _html(
        "Alcaldía Municipal de Villa de Prueba",
        "<h1>Bienvenidos</h1><p>La Alcaldía atiende a los habitantes del municipio en su sede principal y"
        " publica aquí la información de sus espacios de participación ciudadana.</p>" + CARD,
    ),
    "/participa": _html(
        "Participa",
        "<h1>Participa</h1><p>Aquí encontrará información sobre los espacios, mecanismos y acciones de"
        " participación ciudadana que la Alcaldía implementa en la gestión pública.</p>"
        "<h2>Rendición de cuentas</h2><p>La audiencia pública de rendición de cuentas de la vigencia se"
        " realizó en el auditorio municipal con la asistencia de la comunidad, que formuló sus preguntas"
        " al alcalde y a los secretarios de despacho.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The Alcaldía's site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h135"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_a_footer_seat_and_its_hours_without_a_phone_are_part_of_the_directory(site):
    rec = site[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] == "parcial", rec
    assert "solo la sede y el horario en el pie de página" in rec["detail"], rec
    assert rec["paths"] and rec["paths"][0] in ("/", "/participa"), rec


def test_the_missing_phone_is_still_missing_from_the_contact_data(site):
    for profile, item in (("ley1712-res1519", "ley1712.footer.contacto"), ("gelt-2008", "info.contacto")):
        rec = site[(profile, item)]
        assert rec["status"] == "parcial" and "teléfono" in rec["detail"], rec


def test_a_card_opened_by_a_script_is_an_entry_not_a_section(site):
    rec = site[("gelt-2008", "democracia.consultas")]
    assert rec["status"] == "sin_verificar", rec
    assert "se abre con un script" in rec["detail"], rec


def test_a_section_with_its_text_is_still_a_section(site):
    rec = site[("gelt-2008", "democracia.rendicion_cuentas")]
    assert rec["status"] == "cumple" and rec["paths"][0] == "/participa", rec
