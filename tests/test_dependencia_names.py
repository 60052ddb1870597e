"""Audits name each page's dependencia through a resolver that remembers each URL, and
``dependencia_for`` looks the configured prefixes up by length: the names are the longest prefix's,
config order on ties, escapes and accents read as a person reads them, on a real crawl."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from gelt_audit.audits.pages import dependencia_name
from gelt_audit.config import dependencia_for, load_config
from tests.helpers import crawl, page, report_json

DEPENDENCIAS = """
[[dependencias]]
name = "Planeación"
responsable = "Responsable 1"
match = ["/planeacion/", "/plan-de-acción/"]

[[dependencias]]
name = "Planeación territorial"
responsable = "Responsable 2"
match = ["/planeacion/territorial/"]

[[dependencias]]
name = "Hacienda"
responsable = "Responsable 3"
match = ["/hacienda", "/planeacion/"]

[[dependencias]]
name = "Todo el sitio"
responsable = "Responsable 4"
match = ["/sitio/"]
"""

PATHS = (
    "/",
    "/planeacion/",  # claimed by Planeación and Hacienda alike: the first in the config
    "/planeacion/territorial/pot",  # the longest prefix
    "/planeacion/territorial",  # shorter than that prefix: Planeación's
    "/" + quote("plan-de-acción") + "/2026",  # escaped accent
    "/hacienda-publica",  # a prefix without a slash claims it
    "/haciendas",
    "/sitio",  # not "/sitio/"
    "/otra/planeacion/",
)


def test_each_page_is_named_as_dependencia_for_names_it(serve, config_for):
    routes = {path: page(f"Página {path}", "<p>Contenido.</p>", links=PATHS) for path in PATHS}
    server = serve(routes)
    config = config_for(server.url, extra=DEPENDENCIAS)
    crawl(config)
    deps = load_config(config).dependencias
    found = {urlsplit(p["url"]).path: p["dependencia"] for p in report_json(config)["pages"]}
    assert set(found) == set(PATHS)

    def expected(path: str) -> str | None:
        dep = dependencia_for(path, deps)
        return dep.name if dep else None

    assert found == {path: expected(path) for path in PATHS}
    assert found["/planeacion/"] == "Planeación" and found["/planeacion/territorial/pot"] == "Planeación territorial"
    assert found["/" + quote("plan-de-acción") + "/2026"] == "Planeación" and found["/haciendas"] == "Hacienda"
    assert found["/sitio"] is None and found["/"] is None
    # the same URLs asked again (remembered), and a decomposed accent (NFD) read as one
    base = server.url.rstrip("/")
    for path in PATHS:
        assert dependencia_name(base + path, deps) == expected(path)
    assert dependencia_name(base + "/plan-de-accio\u0301n/x", deps) == "Planeación"
