"""«No aplica» said in other words (criterion M of docs/checklist-scope.md; issue 15, H175). Two small
sites of a public-services company on 127.0.0.1, each crawled once through the real CLI, offline
(external links are not opened).

Class 1750: the page of the projects of norms (``ley1712.2.3``), reached from the Transparencia menu,
says only «La entidad no expide normas de carácter general…»: the engine proposes ``no_aplica`` with
that sentence, for the committee to confirm, though it never says «no aplica». H172 saw ``cumple``
for such a page. ``test_class_1750_…`` fails without the page's own text being read
(``applies.page_denial``; checked: ``ley1712.2.3`` ``cumple``, evidence ``/proyectos-normas``).

Class 1751: the same in a section of the Transparencia page («4.4 Proyectos de inversión» over «La
empresa no ejecuta proyectos de inversión con recursos públicos.»). ``test_class_1751_…`` fails
without ``applies.note_denial`` (checked: ``ley1712.4.4`` ``parcial``, the numbered heading over one
line read as an entry listed with nothing published, H169's rule).

Class 1752 (a guard): a section of another item («Defensa judicial») whose only content says the
entity has no industrial and commercial companies: not the item's object, no proposal; the section
is named with nothing of the item in it (``parcial``, ``contents.DENIAL_ONLY``). Fails without
``note_denial`` (checked: ``no_cumple``, the short section was no section), without the marker alone
(checked: ``cumple``, the short section became evidence) and if any such sentence counted for any
item (checked with ``says_of_item`` always true: ``no_aplica``).

Class 1753 (a guard): «La entidad no cuenta con información para mujeres» under «Información para
mujeres» is an empty section, not a proposal (docs/checklist-states.md): ``parcial``, «dice que aún
no tiene nada publicado» as before this rule, never ``no_aplica`` (checked with ``_GENERIC`` emptied:
``no_aplica``).

Class 1754 (a guard, the second site): the same sentence «no expide normas de carácter general» in
another section («Naturaleza jurídica» of the entity's page «Información de la entidad»), and on the
projects' own page a sentence that says there are none *for now* («… publicados a la fecha»): no
proposal for ``ley1712.2.3`` nor for ``ley1712.1`` (checked with ``_NOT_YET`` never matching:
``ley1712.2.3`` ``no_aplica``; with the page's text read whole, headings and sections included, before
``page_denial`` left its sections' text out: ``ley1712.1`` ``no_aplica`` when any sentence counted).
The projects' page saying «none for now» was ``cumple`` on this base (its link and title); since H178
it is read as an empty notice (``contents._NONE_FOR_NOW``): ``parcial``, see tests/test_checklist_classes_h178.py.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Empresa de Servicios Públicos de Acueducto y Aseo de Chinú"
PROFILE = "ley1712-res1519"
ENTRIES = (
    ("/", "Inicio"),
    ("/entidad", "Información de la entidad"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"
NO_NORMS = (
    "La entidad no expide normas de carácter general, pues es una empresa de servicios públicos"
    " domiciliarios regida por el derecho privado."
)


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 10 # 8-15, Chinú, Córdoba. Teléfono 604 555 0101.</footer></body></html>"
    )


def _routes(projects: str, transparency_sections: str, entity_page: str) -> dict[str, Resource]:
    return {
        "/": _html(
            "Inicio",
            "<h1>Bienvenidos</h1><p>Sitio oficial de la empresa de servicios públicos de acueducto y aseo"
            " del municipio de Chinú, en el departamento de Córdoba.</p>",
        ),
        "/entidad": _html("Información de la entidad", f"<h1>Información de la entidad</h1>{entity_page}"),
        "/transparencia": _html(
            "Transparencia y acceso a la información pública",
            "<h1>Transparencia y acceso a la información pública</h1><ul>"
            "<li><a href='/proyectos-normas'>2.3 Proyectos de normas para comentarios</a></li></ul>"
            f"{transparency_sections}",
        ),
        "/proyectos-normas": _html(
            "Proyectos de normas para comentarios", f"<h1>Proyectos de normas para comentarios</h1>{projects}"
        ),
    }


# the fault: the item's page, its sections, say the entity does not produce the item's object
FAULT = _routes(
    f"<p>{NO_NORMS}</p>",
    # class 1751: the item's section says it (short: no section without the sentence)
    "<h3>4.4 Proyectos de inversión</h3><p>La empresa no ejecuta proyectos de inversión con recursos públicos.</p>"
    # class 1752: another item's section says the entity has not something else
    "<h3>Defensa judicial</h3><p>La entidad no tiene empresas industriales y comerciales del Estado.</p>"
    # class 1753: «no cuenta con información»: empty, not «no aplica»
    "<h3>Información para mujeres</h3><p>La entidad no cuenta con información para mujeres.</p>",
    "<p>La empresa presta los servicios de acueducto y aseo en la cabecera municipal de Chinú.</p>",
)
# the guards: the sentence in another section, and «none for now» on the item's page
GUARDS = _routes(
    "<p>La entidad no cuenta con proyectos de normas publicados a la fecha.</p>",
    "",
    f"<h2>Naturaleza jurídica</h2><p>{NO_NORMS}</p>"
    "<h2>Domicilio</h2><p>La empresa tiene su sede en la Calle 10 # 8-15 de Chinú, Córdoba.</p>",
)


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[str, dict]:
    """The site crawled once by the real CLI: the profile's checklist records by item."""
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            if rec["profile"] == PROFILE:
                rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
                records[rec["item"]] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def fault(tmp_path_factory):
    """The site whose pages say what the entity does not produce."""
    return _records(tmp_path_factory, FAULT, "h175-fault")


@pytest.fixture(scope="module")
def guards(tmp_path_factory):
    """The site where the sentence is elsewhere, or says «none for now»."""
    return _records(tmp_path_factory, GUARDS, "h175-guards")


def test_class_1750_the_items_page_saying_the_entity_does_not_produce_its_object_proposes_no_aplica(fault):
    rec = fault["ley1712.2.3"]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"] == ["/proyectos-normas"], rec
    assert "La entidad no expide normas de carácter general" in rec["detail"], rec
    assert "el comité debe confirmar" in rec["detail"], rec


def test_class_1751_the_items_section_saying_so_proposes_no_aplica(fault):
    rec = fault["ley1712.4.4"]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"] == ["/transparencia"], rec
    assert "La empresa no ejecuta proyectos de inversión con recursos públicos" in rec["detail"], rec


def test_class_1752_a_sentence_about_something_else_is_no_proposal(fault):
    rec = fault["ley1712.4.9"]
    assert rec["status"] == "parcial", rec
    assert "solo dice algo que la entidad no hace o no tiene" in rec["detail"], rec
    assert "empresas industriales" not in rec["detail"], rec


def test_class_1753_no_information_is_not_no_aplica(fault):
    rec = fault["ley1712.8.2"]
    assert rec["status"] == "parcial", rec  # nombrado y vacío, as the engine already read it
    assert "no tiene nada publicado" in rec["detail"], rec
    # the notice may be quoted as the empty notice (H184), never as a no_aplica proposal
    detail = rec["detail"].replace("no cuenta con información para mujeres.»: no tiene nada publicado", "")
    assert "no cuenta con información" not in detail, rec


def test_class_1754_the_sentence_elsewhere_or_for_now_is_no_proposal(guards):
    rec = guards["ley1712.2.3"]
    assert rec["status"] != "no_aplica", rec
    assert "no expide normas" not in rec["detail"], rec
    # «… a la fecha» is read as the empty notice (quoted as such since H183), never as a proposal
    assert "a la fecha" not in rec["detail"] or "a la fecha.»: no tiene nada publicado" in rec["detail"], rec
    assert guards["ley1712.1"]["status"] != "no_aplica", guards["ley1712.1"]
