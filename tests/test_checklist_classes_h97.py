"""The home page under another address (issue 15, H97): ``/home`` serving the very page ``/`` serves
is one place, the home page, not a second page one click deep. One shared crawl of a small site.

Its menu (shared by every page) links «Inicio» to ``/home`` and «Noticias y avisos importantes» to
``/news``; the home page has a section «Noticias importantes». The menu's entries are read on the
home page ``/``, so its section is the way to ``/news`` (``ranking.section_leads``) and goes after
it; the same section read on ``/home`` was not, and its copy outranked the page a person points to
(the corpus's i-curaduria1, info.noticias: ``['/home', '/news']`` where the label expects
``/news`` or ``/``). With ``ranking.as_home`` the copy is the home page's: ``/news`` comes first
and ``/home`` is never shown. ``test_the_home_alias_never_stands_before_the_page_its_entry_opens``
fails without it (checked: evidence ``['/home', '/news']``).

The same site's footer (read on the home page) and its page «Contáctenos» both show the address,
the phone and the e-mail: the contact page, whose title a text rule asks for (``on_title``), comes
first (the corpus's c-edup, info.contacto: ``['/', '/contactanos.php']`` where the label expects
the contact page). ``test_the_page_titled_for_contact_stands_before_the_footer`` fails without
``Hit.titled`` in ``ranking.rank`` (checked: first evidence ``/``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

NAV = (
    '<nav><ul><li><a href="/home">Inicio</a></li><li><a href="/news">Noticias y avisos importantes</a></li>'
    '<li><a href="/quienes-somos">Quiénes somos</a></li><li><a href="/contactenos">Contáctenos</a></li></ul></nav>'
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><header><p>Curaduría Urbana de Prueba</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 1 # 2-3. Teléfono 601 555 0000. contacto@curaduria-prueba.gov.co</footer></body></html>"
    )


HOME = _html(
    "Curaduría Urbana de Prueba",
    "<h1>Bienvenidos</h1><p>Atendemos licencias de construcción, urbanismo y subdivisión para toda la"
    " ciudad, con atención presencial y virtual.</p>"
    "<h2>Noticias importantes</h2><p>Horario extendido de radicación durante diciembre de 2026: consulte los"
    " avisos de la curaduría y las novedades de los trámites de licencias.</p>",
)

ROUTES: dict[str, Resource] = {
    "/": HOME,
    "/home": HOME,
    "/news": _html(
        "Avisos de la curaduría",
        "<h1>Avisos</h1><ul><li>20 de noviembre de 2026: nuevo horario de radicación de licencias.</li>"
        "<li>2 de noviembre de 2026: jornada de atención a constructores.</li>"
        "<li>15 de octubre de 2026: actualización de tarifas de expensas.</li></ul>",
    ),
    "/quienes-somos": page(
        "Quiénes somos",
        "<p>La curaduría urbana estudia, tramita y expide licencias de urbanismo y de construcción según las"
        " normas del plan de ordenamiento territorial del municipio.</p>",
    ),
    "/contactenos": _html(
        "Contáctenos",
        "<h1>Contáctenos</h1><p>Sede principal: Calle 1 # 2-3, centro. Teléfono 601 555 0000, extensión 12."
        " Correo: contacto@curaduria-prueba.gov.co. Radique sus solicitudes en la ventanilla o por correo.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h97"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        yield records
    finally:
        server.stop()


def test_the_home_alias_never_stands_before_the_page_its_entry_opens(site):
    rec = site[("gelt-2008", "info.noticias")]
    assert rec["status"] in ("cumple", "parcial"), rec
    assert rec["paths"][0] == "/news", rec
    # the home page's section stays evidence, under the home page's own address
    assert "/home" not in rec["paths"], rec
    assert "/" in rec["paths"], rec


def test_the_page_titled_for_contact_stands_before_the_footer(site):
    # the footer of every page (read on the home page) and «Contáctenos» both show the address, the
    # phone and the e-mail: a person points to the contact page (c-edup, info.contacto)
    rec = site[("gelt-2008", "info.contacto")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/contactenos", rec
