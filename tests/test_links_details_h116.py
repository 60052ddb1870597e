"""Where exactly each link to fix is (page, text, tag, line): read from the pages the crawl's link
index says link to it, not from every link row of the crawl (``audits.links._details``).

A real crawl of a site on 127.0.0.1 through the CLI, twice with pages changed, added and removed
between: each broken link and redirect lists every occurrence, in page, line and order of the
page's links (two on one line included), as the served pages hold them; the second week's
report equals the same report from scratch; and the occurrences are read only from the pages
named.
"""

from __future__ import annotations

from gelt_audit.audits.links import _details, placeholder_links
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, report_json
from tests.test_checklist_incremental import from_scratch, json_bytes


def _page(title: str, body: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/a'>A</a> <a href='/b'>B</a> <a href='/c'>C</a> <a href='/d'>D</a></nav>\n<main>{body}</main></body></html>"
    )


def _site(week: int) -> dict[str, Resource]:
    """/roto is a 404 linked from /a (twice on one line, once on another) and /b; /viejo redirects
    to /nuevo. Week 2: /b no longer links to /roto, /c (new) does, /d is gone. The menu links to
    /c and /d both weeks (one of them a 404: a link to fix on every page)."""
    site = {
        "/": _page("Inicio", "<p>Portal.</p>"),
        "/a": _page(
            "A", "<p><a href='/roto'>Roto uno</a> <a href='/roto'>Roto dos</a></p>\n<p><a href='/roto'>Tres</a></p>"
        ),
        "/b": _page(
            "B", "<p><a href='/roto'>Trámite</a> <a href='/viejo'>Viejo</a></p>" if week == 1 else "<p>Nada.</p>"
        ),
        "/viejo": Resource(status=301, headers={"Location": "/nuevo"}),
        "/nuevo": _page("Nuevo", "<p>Destino.</p>"),
    }
    if week == 1:
        site["/d"] = _page("D", "<p><a href='/viejo'>Ir</a></p>")
    else:
        site["/c"] = _page("C", "<p>Nueva.</p>\n<p><a href='/roto'>Aquí</a></p>")
    return site


def _occurrences(report: dict, path: str) -> list[tuple[str, str, int]]:
    (link,) = [link for link in report["links"] if link["url"].endswith(path)]
    return [(occ["page"].rsplit("/", 1)[-1], occ["text"], occ["line"]) for occ in link["occurrences"]]


def test_occurrences_of_links_to_fix_read_from_the_pages_that_link_to_them(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    crawl(config)
    first = report_json(config)
    assert _occurrences(first, "/roto") == [
        ("a", "Roto uno", 2),
        ("a", "Roto dos", 2),
        ("a", "Tres", 3),
        ("b", "Trámite", 2),
    ]
    assert _occurrences(first, "/viejo") == [("b", "Viejo", 2), ("d", "Ir", 2)]
    server.routes = _site(2)
    crawl(config)
    incremental = json_bytes(config)
    assert incremental == from_scratch(config)
    second = report_json(config)
    assert _occurrences(second, "/roto") == [
        ("a", "Roto uno", 2),
        ("a", "Roto dos", 2),
        ("a", "Tres", 3),
        ("c", "Aquí", 3),
    ]
    assert not any(link["url"].endswith("/viejo") for link in second["links"])  # no page links to it now
    # only the pages named are read: /roto's occurrences on /a alone when /a is the page asked for
    with Store(load_config(config).store_path) as store:
        latest = store.latest_crawl(server.url)
        assert latest is not None
        (page_a,) = store.db.execute("select id from pages where url = ?", [server.url + "a"]).fetchone()
        found = _details(store, latest, [(server.url + "roto", [page_a])])
    assert [(o["page"].rsplit("/", 1)[-1], o["text"], o["line"]) for o in found[server.url + "roto"]] == [
        ("a", "Roto uno", 2),
        ("a", "Roto dos", 2),
        ("a", "Tres", 3),
    ]


def _placeholder_site(week: int) -> dict[str, Resource]:
    """Links that go nowhere: /a keeps two on one line and a jump («Ir arriba», not reported);
    /b has one in week 1 only; /c (week 2, new) has one; /d (week 1) has one and is gone after."""
    a = "<p><a href='#'>Plan de desarrollo</a> <a href='javascript:void(0)'>Contratos 2025</a></p>\n<p><a href='#'>Ir arriba</a></p>"
    # ten pages the same both weeks: few enough pages change for the link index to be carried
    same = "".join(f"<a href='/p{i}'>Página {i}</a> " for i in range(10))
    site = {
        "/": _page("Inicio", f"<p>{same}</p>"),
        **{f"/p{i}": _page(f"Página {i}", "<p>Sin cambios.</p>") for i in range(10)},
        "/a": _page("A", a),
        "/b": _page("B", "<p><a href='#'>Presupuesto</a></p>" if week == 1 else "<p>Presupuesto publicado.</p>"),
    }
    if week == 1:
        site["/d"] = _page("D", "<p><a href='#'>Actas</a></p>")
    else:
        site["/c"] = _page("C", "<p>Nueva.</p>\n<p><a href=''>Informe de gestión</a></p>")
    return site


def _placeholders(report: dict) -> list[tuple[str, str, int]]:
    return [(p["page"].rsplit("/", 1)[-1], p["text"], p["line"]) for p in report["placeholder_links"]]


def test_links_that_go_nowhere_read_from_the_pages_the_link_index_carries(serve, config_for):
    server = serve(_placeholder_site(1))
    config = config_for(server.url)
    crawl(config)
    assert _placeholders(report_json(config)) == [
        ("a", "Plan de desarrollo", 2),
        ("a", "Contratos 2025", 2),
        ("b", "Presupuesto", 2),
        ("d", "Actas", 2),
    ]
    server.routes = _placeholder_site(2)
    crawl(config)
    incremental = json_bytes(config)  # the link index carried from the first crawl's
    assert incremental == from_scratch(config, tag="-marcadores")
    assert _placeholders(report_json(config)) == [
        ("a", "Plan de desarrollo", 2),
        ("a", "Contratos 2025", 2),
        ("c", "Informe de gestión", 3),
    ]
    with Store(load_config(config).store_path) as store:
        latest = store.latest_crawl(server.url)
        assert latest is not None
        (page_a,) = store.db.execute("select id from pages where url = ?", [server.url + "a"]).fetchone()
        # only the pages named are read
        assert [p["text"] for p in placeholder_links(store, latest, load_config(config), [page_a])] == [
            "Plan de desarrollo",
            "Contratos 2025",
        ]
