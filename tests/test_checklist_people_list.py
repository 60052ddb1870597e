"""The ``people_list`` rule kind (class 1260 of H126, made a kind by H129): a list of people, each a
name and a post, the posts listed in the checklist file. Through the real CLI: a municipality's own
item in ``gelt.toml`` with posts of its own (a university's, none of the bundled profiles') finds the
list on a crawled page, ``min_count`` is honoured, and a bad rule is a configuration error in Spanish
(exit 2, naming the key). Every test fails without the kind: the loader refuses ``people_list`` as
an unknown kind (checked).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, page, report_json, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
PARTIAL = "solo nombres y cargos de los directivos"
# posts written as a person would (capitals, accents): the loader folds them
POSTS = '["Rector", "rectora", "decano", "decana", "bibliotecario", "bibliotecaria"]'


def _item(item_id: str, rule: str) -> str:
    return f'[[checklist.items]]\nid = "{item_id}"\nphase = "info"\nname = "Directivos"\nrules = [{rule}]\n'


# four people, each a name over a post of the university's own
BOARD = "".join(
    f'<div class="card"><h4>{name}</h4><p>{post}</p></div>'
    for name, post in (
        ("JULIÁN OSORIO PARRA", "Rector"),
        ("CAMILA ROJAS VARGAS", "Decana"),
        ("ANDRÉS MEJÍA SOTO", "Decano"),
        ("LUISA PARDO GIL", "Bibliotecaria"),
    )
)
# the same posts in prose, with connecting words between them: not a list of people
PROSE = (
    "<p>El consejo superior elige cada cuatro años al rector de la universidad, al decano de la facultad"
    " y a la bibliotecaria de la sede central.</p>"
)

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos.</p><p><a href="/universidad/directivos">Directivos</a></p>'
        '<p><a href="/universidad/estatuto">Estatuto</a></p>',
    ),
    "/universidad/directivos": page("Nuestro equipo", BOARD),
    "/universidad/estatuto": page("Estatuto general", PROSE),
}

ITEMS = _item(
    "propio.directivos", f'{{ kind = "people_list", posts = {POSTS}, min_count = 3, partial = "{PARTIAL}" }}'
) + _item("propio.directivos_cinco", f'{{ kind = "people_list", posts = {POSTS}, min_count = 5 }}')


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """The university's site crawled once by the real CLI with its two own items: records by item."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h129"), server.url, OFFLINE + ITEMS)
        crawl(config)
        origin = server.url.rstrip("/")
        out = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            out[rec["item"]] = rec
        return out
    finally:
        server.stop()


def test_a_list_of_the_posts_the_item_names_is_found_in_part(records):
    rec = records["propio.directivos"]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/universidad/directivos", rec
    assert "/universidad/estatuto" not in rec["paths"], rec  # the prose names the posts, lists nobody
    assert PARTIAL in rec["detail"], rec


def test_fewer_posts_in_a_row_than_min_count_is_no_list(records):
    # four people listed; the item asks for five in a row
    rec = records["propio.directivos_cinco"]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ('{ kind = "people_list", posts = [], min_count = 3 }', "clave 'rules[0].posts': se espera la lista de cargos"),
        ('{ kind = "people_list", min_count = 3 }', "clave 'rules[0].posts': se espera la lista de cargos"),
        (
            f'{{ kind = "people_list", posts = {POSTS}, min_count = 1 }}',
            "clave 'rules[0].min_count': se espera un entero >= 2",
        ),
        (f'{{ kind = "people_list", posts = {POSTS} }}', "clave 'rules[0].min_count': se espera un entero >= 2"),
        (
            '{ kind = "people_list", posts = ["rector", "jefe de área"], min_count = 3 }',
            "clave 'rules[0].posts': cada cargo es una sola palabra, no 'jefe de area'",
        ),
        (
            f'{{ kind = "people_list", posts = {POSTS}, min_count = 3, regex = ["rector"] }}',
            "clave 'rules[0].regex': clave no válida para una regla 'people_list'",
        ),
    ],
    ids=["sin-cargos", "sin-clave-posts", "min-count-1", "sin-min-count", "cargo-de-tres-palabras", "regex"],
)
def test_a_bad_people_list_rule_is_a_configuration_error_in_spanish(tmp_path, rule, message):
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path, server.url, OFFLINE + _item("propio.directivos", rule))
        result = run_cli("run", "--config", str(config))
    finally:
        server.stop()
    assert result.returncode == 2, result.stderr
    assert "Error de configuración" in result.stderr and "item 'propio.directivos'" in result.stderr, result.stderr
    assert message in result.stderr, result.stderr
