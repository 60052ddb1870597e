"""The page inventory held packed (audits.rowtable): the same dicts, keys and order as the list
it replaces, a changed row kept, and the JSON writer's bytes unchanged."""

from __future__ import annotations

import io
import pickle
from urllib.parse import urlsplit

import pytest

from gelt_audit.audits import findings_cache
from gelt_audit.audits.pages import PAGE_KEYS
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.compression import PACKED_CHUNK
from gelt_audit.reports import json_report
from gelt_audit.reports.json_file import write_json_to
from tests.helpers import Resource, crawl, report_json


def _pages(n: int) -> list[dict]:
    base = dict.fromkeys(PAGE_KEYS[:-1])
    return [
        base | {"url": f"https://x.gov.co/{i}", "status": 200, "title": f"Página «{i}»", "depth": i} for i in range(n)
    ]


def test_a_row_table_reads_as_the_list_of_dicts_it_holds():
    rows = _pages(2 * PACKED_CHUNK + 5)
    table = RowTable(PAGE_KEYS, rows)
    assert len(table) == len(rows) and table == rows and list(table) == rows
    assert table[0] == rows[0] and table[-1] == rows[-1] and table[PACKED_CHUNK + 1] == rows[PACKED_CHUNK + 1]
    assert table[3:5] == rows[3:5]
    assert list(table[7]) == list(PAGE_KEYS[:-1])  # the keys in order, the one it lacks left out
    table.set(PACKED_CHUNK + 2, "links_cut", 40)  # a key it lacked, added after the others
    rows[PACKED_CHUNK + 2]["links_cut"] = 40
    assert list(table) == rows and list(table[PACKED_CHUNK + 2])[-1] == "links_cut"
    with pytest.raises(ValueError):
        table.append({"status": 200, "url": "https://x.gov.co/fuera-de-orden"})
    with pytest.raises(IndexError):
        table[len(rows)]
    assert not RowTable(PAGE_KEYS)  # empty: falsy, as an empty list


def test_the_json_and_the_kept_findings_of_a_row_table_are_those_of_its_list():
    rows = _pages(PACKED_CHUNK + 10)
    rows[4]["links_cut"] = 3
    table = RowTable(PAGE_KEYS, rows)
    as_list, as_table = io.StringIO(), io.StringIO()
    write_json_to(as_list, {"pages": rows, "n": 1})
    write_json_to(as_table, {"pages": table, "n": 1})
    assert as_table.getvalue() == as_list.getvalue() == json_report.ENCODER.encode({"pages": rows, "n": 1})
    assert json_report.ENCODER.encode(table) == json_report.ENCODER.encode(rows)
    out = io.BytesIO()
    for record in findings_cache._records({"pages.find": {"pages": table}}):
        pickle.dump(record, out)
    out.seek(0)
    again = findings_cache._from_records(out)["pages.find"]["pages"]
    assert isinstance(again, RowTable) and again == rows


def _html(title: str, body: str, links: tuple[str, ...] = ()) -> Resource:
    nav = "".join(f'<a href="{href}">{href}</a> ' for href in links)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav>{nav}</nav><main>{body}<p>Texto de la página.</p></main></body></html>"
    )


def test_pages_whose_title_many_share_are_named_by_their_heading_or_breadcrumb(serve, config_for):
    """The inventory walked twice (titles, then rows): the same names the list of dicts gave."""
    shared, paths = "Alcaldía de Prueba", ("/", "/a", "/b", "/c", "/d")
    crumb = '<nav class="breadcrumb"><ol><li>Inicio</li><li>Contacto</li></ol></nav>'
    routes = {
        "/": _html(shared, "<h1>Inicio</h1>", paths),
        "/a": _html(shared, "<h1>Trámites</h1>"),
        "/b": _html(shared, f"<h1>Escudo</h1>{crumb}"),  # an h1 another page has: the breadcrumb names it
        "/c": _html(shared, "<h1>Escudo</h1>"),  # nothing of its own: the title stays
        "/d": _html("Mapa del sitio", "<h1>Mapa</h1>"),  # a title of its own
    }
    config = config_for(serve(routes).url)
    crawl(config)
    titles = {urlsplit(p["url"]).path: p["title"] for p in report_json(config)["pages"]}
    assert titles == {"/": "Inicio", "/a": "Trámites", "/b": "Contacto", "/c": shared, "/d": "Mapa del sitio"}
