"""Fault classes found by this session's fresh measures (issue 15, H217): three small municipal sites served
on 127.0.0.1, each crawled and reported once through the real CLI, offline. (Class 2172, criterion K with
the Transparencia menu, was written, measured and reverted: it lowered a held-out figure;
docs/checklist-accuracy.md, «H217».)

Class 2170: a footer written as a ``div`` whose class or id names it a footer among other words
(``<div id="footer-wrap">``, ``<div class="footer2-wrap">``, as `zs-tangara`), at the end of every page, with
no ``<footer>`` element nor a bare «footer» class: the engine read only the markup's footer, so the contact
data there was content and ``ley1712.footer.contacto`` came out ``no_cumple``. Now such a block, when
nothing after it to the end of the page is content, is the footer (``chrome._named_footers``).
``test_class_2170_a_footer_named_by_a_compound_id_is_the_footer`` fails without it (checked:
``ley1712.footer.contacto`` ``no_cumple``, «no se encontró en el sitio rastreado»).

Class 2171 (its guard): a block named like a footer in the middle of the page, with content after it
(a section's «contact-footer» box before more paragraphs), is not the footer:
``test_class_2171_a_footer_named_block_before_more_content_is_not_the_footer`` (``no_cumple``) fails
with the end-of-page condition of ``chrome._at_end`` removed (checked: ``cumple``).

Class 2173 (criterion B, `zq-iebetania`): a bar of shortcuts on every page, not marked as a header,
navigation or footer («Transparencia · Atención · Contacto · Mapa del sitio»), was read as the
Transparencia page's own entries; through the site map they open, every page of the site counted as
«dentro del menú de Transparencia». Now the addresses that the home page's content and the content of
nearly every page link are the template's, not the menu's (``template_links.template_keys``): the sedes,
reached only by the main menu and the site map, are ``parcial`` «publicado fuera del menú de
transparencia», while an entry the Transparencia page lists itself stays in the menu (``cumple``).
``test_class_2173_the_templates_shortcuts_are_not_the_transparency_pages_entries`` fails without the
``template`` exclusion in ``index._transparency_menu`` (checked: ``ley1712.1.4`` ``cumple``).

Class 2174 (docs/checklist-states.md, «La barra GOV.CO cuyo logo no lleva a ninguna parte», `zr-idpac`):
the GOV.CO strip is the first image of the page's ``<header>``, a logo named only by its file
(``header_govco.png``, no alternative text, no link), but an off-canvas menu of five icons comes before
the header in the markup; the engine read only the first three images of the body, all icons, and found
no bar (``no_cumple``). Now the first images of the header count whatever precedes it
(``chrome.top_images``): ``ley1712.header.govco`` ``parcial``.
``test_class_2174_the_govco_logo_first_in_the_header_is_the_bar_after_a_drawer_of_icons`` fails without
the header's images (checked: ``no_cumple``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Puerto Tejada"
CONTACT = (
    "<ul><li>Dirección: Calle 4 # 7-20, Puerto Tejada, Cauca</li><li>Teléfono: (602) 828 4515</li>"
    "<li>Correo electrónico: contactenos@puertotejada-cauca.gov.co</li>"
    "<li>Notificaciones judiciales: notificacionesjudiciales@puertotejada-cauca.gov.co</li>"
    "<li>Horario de atención: lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.</li></ul>"
)
NAV = (
    '<div id="menu"><ul><li><a href="/">Inicio</a></li><li><a href="/historia">Historia</a></li>'
    '<li><a href="/turismo">Turismo</a></li></ul></div>'
)
PAGES = {
    "/": ("Inicio", "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Puerto Tejada, en el norte del Cauca.</p>"),
    "/historia": (
        "Historia",
        "<h1>Historia</h1><p>El municipio fue fundado en 1897 a orillas del río Palo y vive del cultivo de la caña.</p>",
    ),
    "/turismo": (
        "Turismo",
        "<h1>Turismo</h1><p>El parque principal, la iglesia de San José y el balneario del río Palo reciben a"
        " los visitantes cada fin de semana.</p>",
    ),
}


def _routes(body) -> dict[str, Resource]:
    return {
        path: Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
            f"<body><div class='wrapper'>{body(main)}</div></body></html>"
        )
        for path, (title, main) in PAGES.items()
    }


def _at_end(main: str) -> str:
    # zs-tangara's layout: the menu, the content, then «footer-wrap» with the contact data and a band of logos
    return (
        f"{NAV}<div id='content'>{main}</div><div id='footer-wrap' class='wrapper'><div id='info'>{CONTACT}</div></div>"
        "<!--footer--><div id='footer2-wrap'><p>Apoyado por la Gobernación del Cauca</p></div>"
    )


def _in_middle(main: str) -> str:
    # the same data in a box named like a footer, with the page's content after it
    return (
        f"{NAV}<div id='content'>{main}<div class='contact-footer'>{CONTACT}</div>"
        "<h2>Noticias</h2><p>La feria de la caña abre el sábado en el parque principal con música y comida.</p></div>"
    )


# zr-idpac's top: an off-canvas menu of icons first in the markup, then the header and its GOV.CO strip,
# the logo with no alternative text and no link
DRAWER = (
    "<div class='menu-button'><img src='/img/ico-menu.png'></div><div class='drawer'>"
    + "".join(
        f"<div class='menu-item'><a href='#'><img src='/img/ico-{n}.png'><span>{n}</span></a></div>"
        for n in ("informate", "participa", "decide", "comunica")
    )
    + "</div>"
)
GOVCO_STRIP = "<section class='header-gov'><img src='/img/header_govco.png' alt=''></section>"
QUICKBAR = (
    "<div class='quickbar'><a href='/transparencia'>Transparencia</a><a href='/contacto'>Contacto</a>"
    "<a href='/mapa-del-sitio'>Mapa del sitio</a></div>"
)
QUICK_PAGES = {
    **PAGES,
    "/transparencia": (
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><h2>1. Información de la entidad</h2><ul>"
        "<li><a href='/procesos'>1.3 Mapa de procesos</a></li></ul>",
    ),
    "/procesos": (
        "Mapa de procesos",
        "<h1>Mapa de procesos</h1><p>Procesos estratégicos: planeación y comunicaciones. Procesos misionales:"
        " desarrollo social, infraestructura y hacienda. Procesos de apoyo: talento humano y jurídica.</p>",
    ),
    "/contacto": ("Contacto", "<h1>Contacto</h1><p>Escríbanos a contactenos@puertotejada-cauca.gov.co.</p>"),
    "/sedes": (
        "Sedes",
        "<h1>Sedes y horarios</h1><p>Sede principal: Calle 4 # 7-20, Puerto Tejada. Teléfono (602) 828 4515."
        " Horario de atención: lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.</p>",
    ),
    "/mapa-del-sitio": (
        "Mapa del sitio",
        "<h1>Mapa del sitio</h1><ul>"
        + "".join(
            f"<li><a href='{h}'>{t}</a></li>"
            for h, t in (
                ("/", "Inicio"),
                ("/historia", "Historia"),
                ("/sedes", "Sedes"),
                ("/contacto", "Contacto"),
                ("/transparencia", "Transparencia"),
            )
        )
        + "</ul>",
    ),
}


@pytest.fixture(scope="module")
def quickbar_site(tmp_path_factory):
    """The site whose every page opens with a bar of shortcuts written as content."""
    routes = {
        path: Resource.html(
            f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
            f"<body>{DRAWER}<header>{GOVCO_STRIP}<nav><a href='/'>Inicio</a><a href='/sedes'>Sedes</a></nav></header>"
            f"{QUICKBAR}"
            f"<main>{main}</main><footer>{CONTACT}</footer></body></html>"
        )
        for path, (title, main) in QUICK_PAGES.items()
    }
    return checklist_records(tmp_path_factory.mktemp("h217-quickbar"), routes, OFFLINE)


@pytest.fixture(scope="module")
def footer_site(tmp_path_factory):
    """The site whose footer is «div#footer-wrap» at the end of each page."""
    return checklist_records(tmp_path_factory.mktemp("h217-footer"), _routes(_at_end), OFFLINE)


@pytest.fixture(scope="module")
def middle_site(tmp_path_factory):
    """The site whose contact box, named like a footer, sits before more content."""
    return checklist_records(tmp_path_factory.mktemp("h217-middle"), _routes(_in_middle), OFFLINE)


def test_class_2170_a_footer_named_by_a_compound_id_is_the_footer(footer_site):
    rec = footer_site[("ley1712-res1519", "ley1712.footer.contacto")]
    assert rec["status"] == "cumple", rec
    assert "/" in rec["paths"], rec


def test_class_2171_a_footer_named_block_before_more_content_is_not_the_footer(middle_site):
    rec = middle_site[("ley1712-res1519", "ley1712.footer.contacto")]
    assert rec["status"] == "no_cumple", rec


def test_class_2173_the_templates_shortcuts_are_not_the_transparency_pages_entries(quickbar_site):
    sedes = quickbar_site[("ley1712-res1519", "ley1712.1.4")]
    assert sedes["status"] == "parcial" and "fuera del menú de transparencia" in sedes["detail"], sedes
    assert "/sedes" in sedes["paths"], sedes
    listed = quickbar_site[("ley1712-res1519", "ley1712.1.3")]
    assert listed["status"] == "cumple", listed


def test_class_2174_the_govco_logo_first_in_the_header_is_the_bar_after_a_drawer_of_icons(quickbar_site):
    rec = quickbar_site[("ley1712-res1519", "ley1712.header.govco")]
    assert rec["status"] == "parcial", rec
