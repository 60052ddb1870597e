"""Real-world URLs and names: accents and spaces in paths, placeholder links, repeated titles."""

from __future__ import annotations

from gelt_audit.demo.server import Resource
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


def _same_title(heading: str, crumb: str = "") -> Resource:
    nav = f'<nav aria-label="breadcrumb"><ol><li>Inicio</li><li>{crumb}</li></ol></nav>' if crumb else ""
    return Resource.html(
        "<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Alcaldía de Prueba</title></head>"
        f"<body>{nav}<main><h1>{heading}</h1><p>Contenido de {heading}.</p>"
        "<a href='/a'>a</a> <a href='/b'>b</a> <a href='/c'>c</a> <a href='/d'>d</a></main></body></html>"
    )


def test_pages_that_share_one_title_are_named_by_their_heading_or_breadcrumb(serve, config_for):
    site = serve(
        {
            "/": _same_title("Inicio"),
            "/a": _same_title("Trámites y servicios"),
            "/b": _same_title("Contáctenos"),
            # the h1 is the entity's logo on these two: the breadcrumb names them
            "/c": _same_title("Alcaldía", "Presupuesto 2026"),
            "/d": _same_title("Alcaldía", "Plan de desarrollo"),
        }
    )
    config = config_for(site.url)
    crawl(config)
    titles = {p["url"].removeprefix(site.url.rstrip("/")): p["title"] for p in report_json(config)["pages"]}
    assert titles == {
        "/": "Inicio",
        "/a": "Trámites y servicios",
        "/b": "Contáctenos",
        "/c": "Presupuesto 2026",
        "/d": "Plan de desarrollo",
    }
