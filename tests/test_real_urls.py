"""Real-world URLs and names: accents and spaces in paths, placeholder links, repeated titles."""

from __future__ import annotations

from tests.helpers import crawl, page, report_json

ACCENTED = """
[[dependencias]]
name = "Secretaría de Planeación"
responsable = "Marta Ruiz"
match = ["/plan-de-acción/", "/secretaría-de-planeación/"]
"""


def test_a_match_prefix_typed_with_accents_claims_the_percent_encoded_pages(serve, config_for):
    site = serve(
        {
            "/": page("Inicio", links=("/plan-de-acción/2026", "/secretar%C3%ADa-de-planeaci%C3%B3n/")),
            "/plan-de-acci%C3%B3n/2026": page("Plan de acción 2026"),
            "/secretar%C3%ADa-de-planeaci%C3%B3n/": page("Secretaría de Planeación"),
        }
    )
    config = config_for(site.url, extra=ACCENTED)
    crawl(config)
    pages = {p["title"]: p for p in report_json(config)["pages"]}
    assert pages["Plan de acción 2026"]["dependencia"] == "Secretaría de Planeación"
    assert pages["Secretaría de Planeación"]["dependencia"] == "Secretaría de Planeación"
    assert pages["Inicio"]["dependencia"] is None
