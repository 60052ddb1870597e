"""Criterion G of docs/checklist-scope.md in the engine (issue 15, H281; H206's class 2060 measured again
on today's engine as class 2811, from the gelt-2008 tuning misses «esperado parcial, obtenido cumple» of
``info.contratacion`` and ``info.datos_abiertos``).

Class 2811: a link to a national portal's home page or general search (the SECOP I search, datos.gov.co's
home page, GOV.CO's procedures page without a record) names the portal but does not lead to what the
entity has there: the item's link part is met only as «parcial» («solo un enlace a la portada o la
búsqueda general …»), and what the address says is seen without opening it (never «sin verificar» for
that reason). A link filtered by the entity (the SUIT's search of the entity, datos.gov.co's search of
it) or to one of its processes stays the entity's own: ``cumple``.

Two municipal sites (H206's, ``tests/test_checklist_classes_h206.py``) on 127.0.0.1, each crawled once
through the real CLI, offline. The two tests of a general page fail without ``portals.portal_pages`` in
``judge._part_hits`` (seen, H281: ``info.contratacion`` ``cumple``, ``ley1712.3.2`` ``sin_verificar``;
``info.tramites_servicios`` and ``ley1712.7.2`` ``cumple``); the guard passes with and without it.
"""

from __future__ import annotations

import pytest

from tests.helpers import checklist_records
from tests.test_checklist_classes_h206 import _routes  # H206's municipality: contracting, procedures, data

OFFLINE = "[links]\ncheck_external = false\n"

# site A: the SECOP I general search; the SUIT's search filtered by the entity; the entity's datasets
SITE_A = _routes(
    "https://www.contratos.gov.co/consultas/inicioConsulta.do",
    "http://www.suit.gov.co/web/guest/resultados?site=tramites&q=BETULIA",
    "https://www.datos.gov.co/browse?q=betulia",
)
# site B: a SECOP process of the entity; GOV.CO's procedures page with no record; datos.gov.co's home
SITE_B = _routes(
    "https://community.secop.gov.co/Public/Tendering/OpportunityDetail/Index?noticeUID=CO1.NTC.4567890",
    "https://www.gov.co/ficha-tramites-y-servicios/",
    "https://www.datos.gov.co/",
)

GENERAL = "solo un enlace a la portada o la búsqueda general"


@pytest.fixture(scope="module")
def site_a(tmp_path_factory):
    """The site that links the SECOP's general search."""
    return checklist_records(tmp_path_factory.mktemp("h281a"), SITE_A, OFFLINE)


@pytest.fixture(scope="module")
def site_b(tmp_path_factory):
    """The site that links GOV.CO's procedures page and datos.gov.co's home page."""
    return checklist_records(tmp_path_factory.mktemp("h281b"), SITE_B, OFFLINE)


def test_class_2811_the_secop_general_search_is_not_the_entitys_processes(site_a):
    got = {
        i: site_a[(p, i)]["status"] for p, i in (("gelt-2008", "info.contratacion"), ("ley1712-res1519", "ley1712.3.2"))
    }
    assert got == {"info.contratacion": "parcial", "ley1712.3.2": "parcial"}, got
    rec = site_a[("gelt-2008", "info.contratacion")]
    assert f"{GENERAL} del SECOP, no a los procesos de la entidad" in rec["detail"], rec
    # the 3.2 entry leads straight to the general search: seen by its address, not «sin verificar»
    rec = site_a[("ley1712-res1519", "ley1712.3.2")]
    assert "no se pudo consultar" not in rec["detail"], rec


def test_class_2811_the_general_procedures_page_and_the_open_data_home_are_parcial(site_b):
    got = {
        i: site_b[(p, i)]["status"]
        for p, i in (("gelt-2008", "info.tramites_servicios"), ("ley1712-res1519", "ley1712.7.2"))
    }
    assert got == {"info.tramites_servicios": "parcial", "ley1712.7.2": "parcial"}, got
    rec = site_b[("ley1712-res1519", "ley1712.7.2")]
    assert f"{GENERAL} de datos.gov.co, no a los conjuntos de datos de la entidad" in rec["detail"], rec


def test_class_2811_an_entity_specific_link_keeps_cumple(site_a, site_b):
    # a filtered search of the SUIT and of datos.gov.co (site A), a process on the SECOP II (site B)
    for records, profile, item in (
        (site_a, "gelt-2008", "info.tramites_servicios"),
        (site_a, "gelt-2008", "info.datos_abiertos"),
        (site_a, "ley1712-res1519", "ley1712.7.2"),
        (site_b, "gelt-2008", "info.contratacion"),
    ):
        rec = records[(profile, item)]
        assert rec["status"] == "cumple", (item, rec)
        assert GENERAL not in rec["detail"], (item, rec)
