"""How a crawled page's bytes become text: a real crawl of a 127.0.0.1 site through the CLI, one page
per way a page says (or does not say) its encoding. Browsers' order (HTML standard, «encoding
sniffing»): a byte order mark, then the HTTP header, then the ``<meta>``, then UTF-8 if the bytes are
valid UTF-8, and the project's fallback for the rest, Windows-1252 (old municipal pages with no
declaration are written in Latin-1 or Windows-1252).

The last one matters: w3lib 2.6.0 deprecates ``html_to_unicode``'s ``default_encoding`` and
``auto_detect_fun`` and, without them, guesses an undeclared page's encoding from its bytes; for
«Trámites de la niñez» in Latin-1 it guesses windows-1250 and reads «niñez» as «nińez».
"""

from __future__ import annotations

import warnings

import pytest

from gelt_audit.decoding import decode_html
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json

HTML = "<html><head>{meta}<title>{title}</title></head><body><main><p>{title}</p></main></body></html>"
# path -> (the page's bytes, its Content-Type, the title a person reads in a browser, the encoding kept);
# no two pages have the same bytes (the store keeps a body once, decoded once)
PAGES: dict[str, tuple[bytes, str, str, str]] = {
    # only the <meta> says it: «iso-8859-1» is Windows-1252 for browsers (curly quotes at 0x93/0x94)
    "/meta-sola": (
        HTML.format(meta="<meta charset='iso-8859-1'>", title="Información “pública”").encode("cp1252"),
        "text/html",
        "Información “pública”",
        "cp1252",
    ),
    # only the HTTP header says it
    "/cabecera-sola": (
        HTML.format(meta="", title="Niñez – «Señales»").encode("cp1252"),
        "text/html; charset=windows-1252",
        "Niñez – «Señales»",
        "cp1252",
    ),
    # header and <meta> disagree: the header wins, both ways
    "/cabecera-latin1-meta-utf8": (
        HTML.format(meta="<meta charset='utf-8'>", title="Secretaría de Hacienda").encode("cp1252"),
        "text/html; charset=iso-8859-1",
        "Secretaría de Hacienda",
        "cp1252",
    ),
    "/cabecera-utf8-meta-latin1": (
        HTML.format(meta="<meta charset='iso-8859-1'>", title="Año fiscal: ejecución").encode("utf-8"),
        "text/html; charset=utf-8",
        "Año fiscal: ejecución",
        "utf-8",
    ),
    # nothing declared, Latin-1 bytes (not valid UTF-8): Windows-1252, not a guess from the bytes
    "/sin-declarar": (
        HTML.format(meta="", title="Trámites de la niñez").encode("iso-8859-1"),
        "text/html",
        "Trámites de la niñez",
        "cp1252",
    ),
    # nothing declared, valid UTF-8
    "/sin-declarar-utf8": (
        HTML.format(meta="", title="Participación ciudadana").encode("utf-8"),
        "text/html",
        "Participación ciudadana",
        "utf-8",
    ),
    # a byte order mark wins over the header and the <meta>
    "/bom-utf8": (
        b"\xef\xbb\xbf" + HTML.format(meta="<meta charset='iso-8859-1'>", title="Atención al ciudadano").encode(),
        "text/html; charset=iso-8859-1",
        "Atención al ciudadano",
        "utf-8",
    ),
    "/bom-utf16": (
        "\ufeff".encode("utf-16-le") + HTML.format(meta="", title="Niños y niñas").encode("utf-16-le"),
        "text/html",
        "Niños y niñas",
        "utf-16-le",
    ),
}


def test_each_way_a_page_declares_its_encoding_is_read_as_a_browser_reads_it(serve, config_for):
    routes = {path: Resource(body, headers={"Content-Type": ctype}) for path, (body, ctype, _, _) in PAGES.items()}
    site = serve({"/": page("Inicio", links=tuple(PAGES)), **routes})
    config = config_for(site.url)
    crawl(config)
    found = {p["url"]: p for p in report_json(config)["pages"]}
    assert {path: found[site.url + path[1:]]["title"] for path in PAGES} == {
        path: title for path, (_, _, title, _) in PAGES.items()
    }
    with Store(config.parent / "gelt.db") as store:
        kept = {store.main_text(row["hash"]): row["encoding"] for row in store.db["bodies"].rows}
    assert {path: kept.get(title) for path, (_, _, title, _) in PAGES.items()} == {
        path: encoding for path, (_, _, _, encoding) in PAGES.items()
    }


@pytest.mark.parametrize("path", sorted(PAGES))
def test_decoding_warns_of_nothing_deprecated(path):
    body, ctype, title, encoding = PAGES[path]
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        text, found = decode_html(body, ctype)
    assert (title in text, found) == (True, encoding)
