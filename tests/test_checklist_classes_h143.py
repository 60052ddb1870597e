"""Vocabulary for a recall miss (issue 15, H143: thirteenth session). Sites served on 127.0.0.1,
crawled and reported by the real CLI.

Class 1430: Res. 3564 de 2015 (MinTIC's transparency matrix before Res. 1519) published the entity's
management, evaluation and audit reports and its internal-control reports in a category named only
«Control» (its 7). With no page named for the report, that category is where a person looks for it:
ley1712-res1519 ``ley1712.4.7`` («Informes de gestión, evaluación y auditoría») is ``parcial`` for it,
as ``ley1712.4.3`` reads Res. 3564's «Planeación» (class 1032). The tuning corpus's shape (h-anserma):
an accordion card «7. Control» on the transparency page over one untitled document.
``test_a_category_named_control_is_where_the_reports_are`` fails without the rule (checked:
``no_cumple``). The word alone (``slack = 0``): a page titled «Control social» is citizens' oversight,
not the entity's reports; ``test_control_with_more_words_is_another_thing`` fails with the default
slack (checked: ``parcial``). Two small crawls: the item shows one page as its evidence, so the near
miss is a site of its own.

``ley1712.4.8`` (internal-control reports) does not take the category: in the corpus it made idcbis's
«Control» page evidence of an internal-control section that is empty (labelled ``no_cumple``);
``test_the_category_is_not_the_internal_control_reports`` holds that reading (it fails with the rule
on 4.8 too: checked).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records, page

OFFLINE = "[links]\ncheck_external = false\n"

PARTIAL = "solo la categoría «Control», sin un informe de gestión, evaluación o auditoría con su nombre"


def _card(title: str, href: str) -> str:
    # h-anserma's accordion: a button titles each card, its body one untitled document
    return (
        f'<div class="card"><div class="card-header"><button type="button" class="btn btn-link">{title}'
        f'</button></div><div class="collapse"><div class="card-body"><a href="{href}">Ver documento</a>'
        "</div></div></div>"
    )


HUB = (
    "<p>Información pública de la entidad según la Ley 1712 de 2014.</p>"
    + _card("4. Normatividad", "/docs/a1.pdf")
    + _card("5. Presupuesto", "/docs/a2.pdf")
    + _card("7. Control", "/docs/a3.pdf")
    + _card("8. Contratación", "/docs/a4.pdf")
)

PDF = Resource(body=b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"})

ROUTES: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos al Cuerpo de Bomberos de Prueba.</p><p><a href="/transparencia">Transparencia</a></p>',
    ),
    "/transparencia": page("Transparencia", HUB),
    **{f"/docs/{name}.pdf": PDF for name in ("a1", "a2", "a3", "a4")},
}

# the near miss, a site of its own (the item shows one page as its evidence): a page titled «Control
# social», citizens' oversight of the entity, not its reports
NEAR_MISS: dict[str, Resource] = {
    "/": page(
        "Inicio",
        '<p>Bienvenidos al Cuerpo de Bomberos de Prueba.</p><p><a href="/control-social">Control social</a></p>',
    ),
    "/control-social": page(
        "Control social",
        "<p>Las veedurías ciudadanas vigilan la gestión pública: conozca cómo conformar una veeduría.</p>",
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The transparency page with its category «7. Control», crawled once."""
    return checklist_records(tmp_path_factory.mktemp("classes-h143"), ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def near_miss(tmp_path_factory):
    """The page titled «Control social», crawled once."""
    return checklist_records(tmp_path_factory.mktemp("classes-h143-near-miss"), NEAR_MISS, OFFLINE)


def test_a_category_named_control_is_where_the_reports_are(site):
    rec = site[("ley1712-res1519", "ley1712.4.7")]
    assert rec["status"] == "parcial", rec
    assert PARTIAL in rec["detail"], rec
    assert rec["paths"][0] == "/transparencia", rec


def test_control_with_more_words_is_another_thing(near_miss):
    rec = near_miss[("ley1712-res1519", "ley1712.4.7")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec


def test_the_category_is_not_the_internal_control_reports(site):
    rec = site[("ley1712-res1519", "ley1712.4.8")]
    assert rec["status"] == "no_cumple", rec
    assert rec["evidence"] == [], rec
