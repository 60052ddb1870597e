"""Reading rule for the recall misses of the staff directory that recur across origins (issue 15,
H126: twelfth session). One shared crawl of a small site.

Class 1260: a list of people, each a name and a post, is a listing of who works there, whatever its
heading: gelt-2008 ``info.directorio_funcionarios`` and ley1712-res1519 ``ley1712.1.5``, at most
``parcial`` (names and posts, not a directory with each one's contact data). The two shapes of the
tuning corpus: a board page of cards, each a name over a post (r-lajagua, «Junta Administradora»), and
team cards on the home page, each a name, a post, a phone and an e-mail (curaduria2). Prose that names
posts with connecting words between them («al presidente de la junta, al tesorero de la misma junta y
al fiscal») is not one: ``test_posts_named_in_prose_are_no_list_of_people`` (a third crawl) fails
without the connecting words in the rule's regex (checked: ``parcial``).
``test_a_list_of_names_and_posts_is_the_staff_directory``,
``test_team_cards_with_phone_and_e_mail_are_the_staff_directory`` (a second, smaller crawl) and
``test_outside_the_transparency_menu_the_list_is_1_5_in_part`` fail without the ``text`` rules in both
profiles (checked: ``no_cumple``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"

PARTIAL = "solo nombres y cargos de personas, sin un directorio con los datos de contacto de cada una"


def _card(name: str, post: str, contact: str = "") -> str:
    return f'<div class="card"><h4>{name}</h4><p>{post}</p>{contact}</div>'


# r-lajagua's shape: a card per board member, the name (upper case, as there) over the post
BOARD = "".join(
    _card(name, post)
    for name, post in (
        ("JUAN PÉREZ GÓMEZ", "presidente"),
        ("MARÍA LÓPEZ RUIZ", "tesorera"),
        ("CARLOS RAMÍREZ DÍAZ", "fiscal"),
        ("ANA TORRES VEGA", "administradora"),
    )
)

# curaduria2's shape: team cards on the home page, each with a phone and an e-mail
TEAM = "".join(
    _card(name, post, f"<p>{phone}</p><p><a href='mailto:{mail}'>{mail}</a></p>")
    for name, post, phone, mail in (
        ("Laura Méndez Ríos", "Abogada", "316-9496508", "lmendez@example.org"),
        ("Pedro Castro Luna", "Contador", "316-3411032", "pcastro@example.org"),
        ("Sofía Herrera Paz", "Arquitecta revisora", "315-7884001", "sherrera@example.org"),
    )
)

# posts named in prose, two words or more apart with connecting words between them: not a list of people
BYLAWS = (
    "<p>La asamblea elige cada dos años al presidente de la junta, al tesorero de la misma junta y al"
    " fiscal de la asamblea; el presidente de la junta nombra al administrador de la empresa.</p>"
)

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        "<p>Bienvenidos a la Empresa de Servicios Públicos de Prueba.</p>"
        '<p><a href="/empresa/junta">Junta Administradora</a></p>'
        '<p><a href="/empresa/estatutos">Estatutos</a></p>',
    ),
    "/empresa/junta": page("Junta Administradora", BOARD),
    "/empresa/estatutos": page("Estatutos", BYLAWS),
}

# a second, smaller site: the team cards on the home page (the evidence shown is one page)
TEAM_ROUTES: dict[str, Resource] = {
    "/": page("Inicio", "<p>Bienvenidos a la Curaduría Urbana de Prueba.</p><h3>Nuestro equipo</h3>" + TEAM),
}


# a third: the bylaws alone, so that nothing else is the evidence shown
BYLAWS_ROUTES: dict[str, Resource] = {
    "/": page("Inicio", '<p>Bienvenidos.</p><p><a href="/empresa/estatutos">Estatutos</a></p>'),
    "/empresa/estatutos": page("Estatutos", BYLAWS),
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
    """The site with the board page and the bylaws, crawled once."""
    return _records(tmp_path_factory, ROUTES, "h126")


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """The site with the team cards, crawled once."""
    return _records(tmp_path_factory, TEAM_ROUTES, "h126-team")


@pytest.fixture(scope="module")
def bylaws(tmp_path_factory):
    """The site with the bylaws only, crawled once."""
    return _records(tmp_path_factory, BYLAWS_ROUTES, "h126-bylaws")


def test_a_list_of_names_and_posts_is_the_staff_directory(site):
    rec = site[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/empresa/junta", rec
    assert "/empresa/estatutos" not in rec["paths"], rec  # the bylaws' prose is not a list of people
    assert PARTIAL in rec["detail"], rec


def test_team_cards_with_phone_and_e_mail_are_the_staff_directory(team):
    # each card has a phone and an e-mail; the rule reads names and posts only: at most «parcial»
    rec = team[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/", rec


def test_outside_the_transparency_menu_the_list_is_1_5_in_part(site):
    rec = site[("ley1712-res1519", "ley1712.1.5")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/empresa/junta", rec
    assert "/empresa/estatutos" not in rec["paths"], rec


def test_posts_named_in_prose_are_no_list_of_people(bylaws):
    # «al presidente de la junta, al tesorero de la misma junta y al fiscal…»: connecting words between
    for key in (("gelt-2008", "info.directorio_funcionarios"), ("ley1712-res1519", "ley1712.1.5")):
        assert bylaws[key]["status"] == "no_cumple", bylaws[key]
