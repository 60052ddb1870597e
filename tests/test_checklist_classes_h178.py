"""A notice that nothing is published *for now* is an empty page or section (docs/checklist-states.md,
«Nombrado y vacío» and its «Alcance»; issue 15, H178). One small site of a public-services company on
127.0.0.1, crawled once through the real CLI, offline (external links are not opened).

Class 1780 (the fault H175 saw): the page of the projects of norms (``ley1712.2.3``), reached from
the Transparencia page, says only «La entidad no cuenta con proyectos de normas publicados a la
fecha.»: it is named and empty, ``parcial``, never ``cumple``. Fails without the rule
(``contents._NONE_FOR_NOW`` taken out of ``NOTHING_YET``; checked: ``cumple``, evidence
``/proyectos-normas``).

Class 1781: the same for a section, «Informes de empalme» on the Transparencia page over «Por el
momento no se han publicado informes de empalme.»: shown with nothing in it, ``parcial``, «dice que aún
no tiene nada publicado». Fails without the rule (checked: ``no_cumple``, the short section was no
section).

Class 1782 (a guard): the page «Informes de gestión, evaluación y auditoría» says «La entidad no cuenta
con informes de auditoría externa publicados a la fecha.» and lists two reports (PDF): it publishes,
the notice is about what is missing; the entry to the page is its evidence, ``cumple``. Fails when the
page is read empty whatever it links (checked with ``not content_links`` dropped from the
``_NOTHING_YET`` branch of ``emptiness.page_state``: the entry no longer evidence, the detail «documento
«Informe de gestión 2024» en …/informes-gestion»; the Transparencia page itself then read empty).

Class 1783 (a guard): the page «Proyectos de inversión» (``ley1712.4.4``) says only «La empresa no tiene
proyectos de inversión con recursos públicos.»: timeless, what the entity does not produce, H175's
``no_aplica`` proposal (``applies.page_denial``), not an empty notice. Fails without ``page_denial``
(checked: ``parcial``, the short page empty). It holds with ``FOR_NOW`` made optional in the rule
(checked: the proposal is judged before emptiness), so it guards the order, not the rule's wording.

Class 1784: the page «Plan de acción» (``ley1712.4.3``) says only «La entidad no tiene planes de acción
disponibles.»: «disponibles» says «none for now», so the two rules agree it is the empty notice
(``parcial``), not a proposal. Fails with H175's ``applies._NOT_YET`` as it was, without
``contents.FOR_NOW`` (checked: ``no_aplica`` with the sentence).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Empresa de Servicios Públicos de Acueducto y Aseo de Sahagún"
PROFILE = "ley1712-res1519"
ENTRIES = (
    ("/", "Inicio"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"
PDF = Resource(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"})


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 12 # 9-20, Sahagún, Córdoba. Teléfono 604 555 0202.</footer></body></html>"
    )


ROUTES = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial de la empresa de servicios públicos de acueducto y aseo"
        " del municipio de Sahagún, en el departamento de Córdoba.</p>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><ul>"
        "<li><a href='/proyectos-normas'>2.3 Proyectos de normas para comentarios</a></li>"
        "<li><a href='/informes-gestion'>4.7 Informes de gestión, evaluación y auditoría</a></li>"
        "<li><a href='/proyectos-inversion'>4.4 Proyectos de inversión</a></li>"
        "<li><a href='/plan-accion'>4.3 Plan de acción</a></li></ul>"
        # class 1781: a section whose only content is «none for now»
        "<h3>Informes de empalme</h3><p>Por el momento no se han publicado informes de empalme.</p>",
    ),
    # class 1783: the timeless «does not produce»: H175's proposal
    "/proyectos-inversion": _html(
        "Proyectos de inversión",
        "<h1>Proyectos de inversión</h1><p>La empresa no tiene proyectos de inversión con recursos públicos.</p>",
    ),
    # class 1780: the fault
    "/proyectos-normas": _html(
        "Proyectos de normas para comentarios",
        "<h1>Proyectos de normas para comentarios</h1>"
        "<p>La entidad no cuenta con proyectos de normas publicados a la fecha.</p>",
    ),
    # class 1784: «none available», for now: the empty notice, not a proposal
    "/plan-accion": _html(
        "Plan de acción", "<h1>Plan de acción</h1><p>La entidad no tiene planes de acción disponibles.</p>"
    ),
    # class 1782: the notice beside what the page publishes
    "/informes-gestion": _html(
        "Informes de gestión, evaluación y auditoría",
        "<h1>Informes de gestión, evaluación y auditoría</h1>"
        "<p>La entidad no cuenta con informes de auditoría externa publicados a la fecha.</p><ul>"
        "<li><a href='/docs/informe-gestion-2024.pdf'>Informe de gestión 2024</a></li>"
        "<li><a href='/docs/informe-gestion-2025.pdf'>Informe de gestión 2025</a></li></ul>",
    ),
    "/docs/informe-gestion-2024.pdf": PDF,
    "/docs/informe-gestion-2025.pdf": PDF,
}


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> dict[str, dict]:
    """The site crawled once by the real CLI: the profile's checklist records by item."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h178"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        out = {}
        for rec in report_json(config)["checklist"]:
            if rec["profile"] == PROFILE:
                rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
                out[rec["item"]] = rec
        return out
    finally:
        server.stop()


def test_class_1780_a_page_that_only_says_none_published_yet_is_named_and_empty(records):
    rec = records["ley1712.2.3"]
    assert rec["status"] == "parcial", rec
    assert "/proyectos-normas" in rec["paths"], rec
    assert (
        "que dice «La entidad no cuenta con proyectos de normas publicados a la fecha.»: no tiene nada publicado"
        in rec["detail"]
    ), rec


def test_class_1781_a_section_that_only_says_none_for_now_is_shown_empty(records):
    rec = records["ley1712.4.5"]
    assert rec["status"] == "parcial", rec
    assert "no tiene nada publicado" in rec["detail"], rec


def test_class_1782_the_notice_beside_published_documents_is_no_emptiness(records):
    rec = records["ley1712.4.7"]
    assert rec["status"] == "cumple", rec
    assert "/informes-gestion" in rec["paths"], rec
    assert "enlace «4.7 Informes de gestión, evaluación y auditoría»" in rec["detail"], rec
    assert "vacía" not in rec["detail"], rec


def test_class_1783_the_timeless_does_not_produce_stays_a_no_aplica_proposal(records):
    rec = records["ley1712.4.4"]
    assert rec["status"] == "no_aplica", rec
    assert rec["paths"] == ["/proyectos-inversion"], rec
    assert "La empresa no tiene proyectos de inversión con recursos públicos" in rec["detail"], rec


def test_class_1784_none_available_is_the_empty_notice_not_a_proposal(records):
    rec = records["ley1712.4.3"]
    assert rec["status"] == "parcial", rec
    assert "que dice «La entidad no tiene planes de acción disponibles.»: no tiene nada publicado" in rec["detail"], rec
    assert "no aplica" not in rec["detail"], rec
