"""Main-content extraction: noise gives the same hash, a real edit a different one."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gelt_audit.config import NoiseRule
from gelt_audit.decoding import decode_html
from gelt_audit.markup import extract, follow_targets, normalise_url
from gelt_audit.store import text_hash

FIXTURES = Path(__file__).resolve().parent / "fixtures"

TEMPLATE = """<!doctype html><html><head><meta charset="utf-8"><title>Hacienda</title>{head}</head>
<body><header>Hoy es {today} <div class="banner">{banner}</div></header>
<nav><a href="/">Inicio</a><a href="/hacienda/">Hacienda</a></nav>
<main>{main}</main>
<footer>Visitas: {visits} <a href="/contacto?sid={sid}">Contacto</a> Tel. {phone}</footer>
<script>var t = "{sid}";</script></body></html>"""

MAIN = "<h1>Impuesto predial</h1><p>El plazo para pagar vence el 30 de diciembre de 2026.</p><p>Descuento del 10 %.</p>"
URL = "https://alcaldia.example.gov.co/hacienda/predial"


def render(**changes: str) -> str:
    values = {
        "head": "",
        "today": "martes, 17 de noviembre de 2026",
        "banner": "<img src='a.jpg' alt='A'><img src='b.jpg' alt='B'>",
        "main": MAIN,
        "visits": "10234",
        "sid": "a8f5f167f44f4964e6c998dee827110c",
        "phone": "601 555 0000",
    }
    values.update(changes)
    return TEMPLATE.format(**values)


def main_hash(html: str, rules: tuple[NoiseRule, ...] = ()) -> str:
    return text_hash(extract(html, URL, rules).main_text)


BASE = main_hash(render())


def test_noise_outside_main_content_does_not_change_the_hash():
    assert main_hash(render(today="miércoles, 18 de noviembre de 2026")) == BASE
    assert main_hash(render(visits="99999")) == BASE
    assert main_hash(render(sid="0f3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c")) == BASE
    assert main_hash(render(banner="<img src='b.jpg' alt='B'><img src='a.jpg' alt='A'>")) == BASE
    assert main_hash(render(phone="601 555 9999")) == BASE  # template footer


def test_markup_only_and_encoding_declaration_changes_do_not_change_the_hash():
    moved = MAIN.replace("<p>", "<div class='parrafo'>\n   ").replace("</p>", "</div>")
    assert main_hash(render(main=moved)) == BASE
    assert main_hash(render(head='<meta http-equiv="Content-Type" content="text/html; charset=utf-8">')) == BASE


def test_noise_inside_main_content_is_removed_by_default_patterns_and_counted():
    noisy = render(main=MAIN + "<p>Visitas: 523</p><p>token=abc123XYZ</p>")
    info = extract(noisy, URL)
    assert text_hash(info.main_text) == BASE
    assert info.noise == {"contador de visitas": 1, "token de sesión": 1}


def test_config_rules_remove_what_the_site_adds():
    rule = NoiseRule("/hacienda/", (".aviso",), (r"Actualizado hace \d+ minutos",))
    noisy = render(main=MAIN + "<div class='aviso'>Aviso rotativo 7</div><p>Actualizado hace 5 minutos</p>")
    assert main_hash(noisy, (rule,)) == BASE
    other_prefix = NoiseRule("/salud/", (".aviso",), ())
    assert main_hash(noisy, (other_prefix,)) != BASE


def test_a_real_edit_changes_the_hash():
    assert main_hash(render(main=MAIN.replace("10 %", "15 %"))) != BASE
    assert main_hash(render(main=MAIN + "<p>Nuevo: pago en línea por PSE.</p>")) != BASE


def test_links_keep_text_tag_and_line():
    info = extract(render(), URL)
    by_url = {link.url: link for link in info.links}
    contact = by_url["https://alcaldia.example.gov.co/contacto?sid=a8f5f167f44f4964e6c998dee827110c"]
    assert (contact.text, contact.tag, contact.attr) == ("Contacto", "a", "href")
    assert contact.line == 5  # the footer line of TEMPLATE
    assert by_url["https://alcaldia.example.gov.co/hacienda/a.jpg"].tag == "img"
    assert follow_targets(info.links)[:2] == [
        "https://alcaldia.example.gov.co/",
        "https://alcaldia.example.gov.co/hacienda/",
    ]


def test_decoding_follows_header_meta_and_falls_back_to_windows_1252():
    text = "<html><head><title>Niñez y adolescencia</title></head><body>Año</body></html>"
    assert decode_html(text.encode("iso-8859-1"), "text/html")[0] == text
    assert decode_html(text.encode("utf-8"), "text/html")[0] == text
    assert decode_html(text.encode("cp1252"), "text/html; charset=windows-1252") == (text, "cp1252")
    # declared UTF-8 but written in Latin-1: read as Windows-1252 instead of replacement characters
    assert decode_html(text.encode("iso-8859-1"), "text/html; charset=utf-8")[0] == text
    meta = '<html><head><meta charset="iso-8859-1"><title>Señal</title></head></html>'
    assert decode_html(meta.encode("iso-8859-1"), None)[0] == meta


def test_malformed_html_and_nul_bytes_do_not_break_extraction():
    info = extract("<html><body><main><p>Texto <b>sin cerrar<div>\x00más", URL)
    assert "Texto sin cerrar" in info.main_text
    assert extract("", URL).main_text == ""


def test_link_urls_are_the_urls_the_crawler_requests():
    html = (
        "<html><body><main><a href='/pdf/1. REPORTE CONTRATOS.pdf'>a</a>"
        "<a href='Resolución063.pdf'>b</a><a href='/ya%20escrito.pdf'>c</a>"
        "<a href='/plan?año=2026&q=a b'>d</a><a href='/página#sección'>e</a>"
        "<a href='/p#secci%C3%B3n'>f</a><a href='mailto:x@y.co'>g</a></main></body></html>"
    )
    urls = [link.url for link in extract(html, URL).links]
    assert urls == [
        "https://alcaldia.example.gov.co/pdf/1.%20REPORTE%20CONTRATOS.pdf",
        "https://alcaldia.example.gov.co/hacienda/Resoluci%C3%B3n063.pdf",
        "https://alcaldia.example.gov.co/ya%20escrito.pdf",
        "https://alcaldia.example.gov.co/plan?a%C3%B1o=2026&q=a%20b",
        # the fragment is never requested: kept as the ids it is compared with are written
        "https://alcaldia.example.gov.co/p%C3%A1gina#sección",
        "https://alcaldia.example.gov.co/p#sección",
        "mailto:x@y.co",
    ]
    assert follow_targets(extract(html, URL).links)[0] == urls[0]


def test_links_resolve_as_urljoin_from_the_page_whatever_the_cache_shares_between_pages():
    # links_of caches resolutions per site for absolute paths and references with their own
    # host; references that urljoin resolves with the page's path must not share that cache.
    raws = [
        "/a/../b", "//otro.co/x", "http://otro.co/y?z", "HTTPS://H.co", "//", "http://", "https://?q",
        "//#f", "/\t/", "/\t/x", "http:x", "?p=2", "#s", "", "x/y", "../z", "/;p", "///x", "//[::1]/",
    ]  # fmt: skip
    links = "".join(f"<a href='{raw}'>l</a>" for raw in raws)
    html = f"<html><body><main>{links}</main></body></html>"
    for base in (
        "https://h.co/a/b/c.html?x=1#f",
        "http://u@h.co:8080/d;p/e/?q",
        "https://h.co/a/b/c.html?x=1#f",  # twice: the second reads the cache
        "http://h.co",
    ):
        got = [link.url for link in extract(html, base).links if link.tag != "placeholder"]
        want = []
        for raw in raws:
            raw = raw.strip()
            if raw in ("", "#"):  # placeholders
                continue
            want.append(normalise_url(urljoin(base, raw)))
        assert got == want, base


def test_placeholder_links_are_kept_apart_and_never_followed():
    html = (
        "<html><body><main>\n<a href='#'>Ejecución de contratos 2025 &gt;&gt;</a>\n"
        "<a href='  javascript:void(0);  '>Informe</a><a href=''>Plan</a><a href='JavaScript: ;'>Acta</a>\n"
        "<a href='#' data-bs-toggle='collapse'>Menú</a><a href='javascript:void(0)' role='button'>Abrir</a>\n"
        "<a href='javascript:window.print()'>Imprimir</a><a href='#top'>Arriba</a>\n"
        "<img src='' alt='x'></main></body></html>"
    )
    links = extract(html, URL).links
    placeholders = [(link.url, link.text, link.line) for link in links if link.tag == "placeholder"]
    assert placeholders == [
        ("#", "Ejecución de contratos 2025 >>", 2),
        ("javascript:void(0);", "Informe", 3),
        ("", "Plan", 3),
        ("JavaScript: ;", "Acta", 3),
    ]
    assert [link.url for link in links if link.tag != "placeholder"] == [
        URL,  # a scripted control keeps what it was: a link to the page itself
        "javascript:void(0)",
        "javascript:window.print()",
        URL + "#top",
    ]
    assert follow_targets(links) == [URL]


def test_dates_are_read_from_the_main_text_outside_links():
    main = (
        "<p>Publicado el 8 de enero de 2026.</p>"
        "<ul><li><a href='/r.pdf'>Resolución 063 del 15 de enero de 2026.pdf</a></li>"
        "<li><a href='/a.pdf'>Acta <b>01/02/2025</b></a> (firmada)</li></ul>"
        "<time datetime='2026-01-05'>5 ene</time><p>Hoy es martes 20 de enero de 2026</p>"
    )
    info = extract(render(main=main, head="<meta name='dcterms.modified' content='2026-01-03'>"), URL)
    # a modification meta date is kept marked, apart from the dates the page declares (H293)
    assert info.dates == ["2026-01-05", "2026-01-08", "m2026-01-03"]
    # the links' text is still part of the content (a renamed document is a change)
    assert "Resolución 063 del 15 de enero de 2026.pdf" in info.main_text


# -- the one-walk main text and the Latin-1 prefilter give what the plain readings give ----------


def _reference_content(root, url, rules=()):
    """content_of as it read a page before the one-walk path: itertext for the main text, an
    XPath for the text outside links, each collapsed and denoised on its own."""
    from lxml import etree

    from gelt_audit import markup

    path = urlsplit(url).path or "/"
    container = markup.main_root(root)
    noise = markup._drop_boilerplate(container, path, rules)
    text = markup._denoise(markup.collapse(" ".join(container.itertext())), path, rules, noise)
    if container.find(".//a") is None:
        return text, noise, text
    unlinked_text = etree.XPath(".//text()[not(ancestor::a)]")(container)
    return text, noise, markup._denoise(markup.collapse(" ".join(unlinked_text)), path, rules, None)


CONTENT_CASES = [
    "<main><p>Hoy es lunes 1 de junio de 2026</p><a href='/x'>Resolución del 15 de enero de 2026</a> tail</main>",
    "<main><a href='/a'></a><a href='/b'> </a>x<a href='/c'>y</a><a href='/d'>z</a></main>",
    "<main><a href='/a'>uno <b>dos</b> tres<a href='/b'>anidado</a> cuatro</a> fin</main>",  # nested
    "<main>texto \x80 raro \x81 <a href='/a'>enlace</a> fin</main>",  # the marker characters
    "<a href='/'><main>todo dentro de un enlace <a href='/b'>b</a> fin</main></a>",
    "<main><p>Visitas: 1234 usuarios</p><a href='/a'>usuarios</a> en línea: 5 <p>sid=abc</p></main>",
    "<main><p>usuarios <a href='/a'>x</a> en l\u00ednea: 7</p><p>İstanbul \u017fid=1 ﬁn</p><a href='/z'>K</a></main>",
    "<div id='content'><a href='/a'>a</a>Visitas 12 <!-- c --> <a href='/b'>b<!-- d --></a>e</div>",
    "<main>" + "a" * 30 + "0123456789abcdef0123456789 <a href='/x'>deadbeefdeadbeefdeadbeef00</a></main>",
]


def test_content_of_gives_what_the_plain_readings_give_on_fixtures_and_edge_cases():
    import copy

    from gelt_audit.markup import content_of, parse

    rules = [NoiseRule("/", ("div.sidebar",), (r"Actualizado\s+\S+",))]
    pages = [f"<html><body>{case}</body></html>" for case in CONTENT_CASES]
    pages += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.html"))[::7]]
    compared = 0
    for html in pages:
        root = parse(html)
        if root is None:
            continue
        for r in ((), rules):
            assert content_of(copy.deepcopy(root), URL, r) == _reference_content(copy.deepcopy(root), URL, r), html
            compared += 1
    assert compared > 100


def test_only_latin1_s_sharp_casefolds_to_ascii_letters_below_0x100():
    # volatile.prefilter_fold reads a Latin-1 text without «ß» as its bytes with ASCII lowered
    import unicodedata  # noqa: F401  (casefold follows the interpreter's Unicode database)

    folding = [c for c in map(chr, range(0x80, 0x110000)) if any(ch.isascii() for ch in c.casefold())]
    assert [c for c in folding if ord(c) < 0x100] == ["\u00df"]
    assert "\u0130" in folding and "\u212a" in folding  # İ and the Kelvin sign: outside Latin-1


@pytest.mark.parametrize(
    "text",
    [
        "Visitas 1",
        "VISITAS",
        "usuarios EN L\u00ednea",
        "ẞid",
        "stra\u00dfe \u00dfid",
        "\u017fid",
        "Token",
        "x\u212aen",
        "hoy",
    ],
)
def test_the_prefilter_reads_what_casefold_reads(text):
    from gelt_audit.volatile import PREFILTER, prefilter_fold

    folded = prefilter_fold(text)
    for words in PREFILTER.values():
        for w in words or ():
            needle = w.encode("ascii") if isinstance(folded, bytes) else w
            assert (needle in folded) == (w in text.casefold()), (text, w)


def test_content_of_reads_links_nested_by_hand_as_the_plain_readings_do():
    # the HTML parser never nests <a>, but a tree built by code can: the one-walk path gives way
    import copy

    from lxml import etree

    from gelt_audit.markup import content_of, parse

    root = parse("<html><body><main>antes <a href='/a'>uno 3 de mayo de 2026</a> después</main></body></html>")
    outer = root.find(".//a")
    inner = etree.SubElement(outer, "a", href="/b")
    inner.text, inner.tail = "dentro 4 de mayo de 2026", " cola 5 de mayo de 2026"
    assert content_of(copy.deepcopy(root), URL) == _reference_content(copy.deepcopy(root), URL)


FOLD_PIECES = [*"sidSIDhoyHOYtokenTOKENvistacuaorl ", "ß", "İ", "ŉ", "ſ", "ǰ", "ẖ", "ẚ", "ẞ", "K", "ﬀ", "ﬁ", "ﬆ",
               "“", "—", "é", "É", "µ", "Σ", "ς", "\u0307", "\ud800", "ǅ", "Ａ"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(FOLD_PIECES), max_size=16).map("".join))
def test_the_prefilter_reads_what_casefold_reads_on_any_text(text):
    from gelt_audit.volatile import PREFILTER, prefilter_fold

    folded = prefilter_fold(text)
    for w in [w for words in PREFILTER.values() for w in words or ()] + ["i", "ss", "k", "st", "fi", "n", " l"]:
        needle = w.encode("ascii") if isinstance(folded, bytes) else w
        assert (needle in folded) == (w in text.casefold()), (text, w)


def test_the_link_walk_selects_what_the_link_xpath_selects():
    from gelt_audit.markup import _ATTR_OF, _LINK_XPATH, link_elements, parse

    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.html"))[::5]]
    pages.append("<html><body><a>no href</a><a href=''>e</a><img src='x'><img><form></form><form action=''>"
                 "<svg:a href='/s'>s</svg:a><A HREF='/u'>U</A><embed src='/e'><frame src='/f'></body></html>")  # fmt: skip
    pages.append("<html><body><a href='/in'>in</a></body></html>\n<script src='/after.js'></script>")
    walked = selected = 0
    for html in pages:
        root = parse(html)
        if root is None:
            continue
        by_walk = [el for el in link_elements(root) if el.get(_ATTR_OF[el.tag]) is not None]
        assert by_walk == _LINK_XPATH(root), html
        walked, selected = walked + len(by_walk), selected + 1
    assert walked > 500 and selected > 100


def test_the_link_markers_leave_the_tree_as_they_found_it():
    from lxml import etree

    from gelt_audit.markup import _split_linked, parse

    root = parse(
        "<html><body><main>a <a href='/1'>uno</a> b <a href='/2'><b>dos</b> <!-- c --></a> c "
        "<a href='/3'></a><a href='/4'><img src='x.png'></a> fin</main></body></html>"
    )
    main = root.find(".//main")
    before = etree.tostring(root)
    text, unlinked = _split_linked(main, list(main.iterdescendants("a")))
    assert (text, unlinked) == ("a uno b dos c fin", "a b c fin")
    assert etree.tostring(root) == before


PLACEHOLDER_HREFS = ["", "#", " # ", "javascript:", "JavaScript:void(0)", "JAVASCRIPT:;", "javascript:void(0);",
                     "javascript:alert(1)", "\u212aavascript:", "java\u0130script:void(0)", "javascrİpt:;", "#top",
                     "mailto:a@b.co", "MAILTO:x", "tel:123", "data:,x", "ftp://h/x", "/a", "a.html", "?q=1"]  # fmt: skip


def test_the_link_loop_tells_placeholders_and_schemes_as_is_placeholder_and_the_scheme_list_do():
    # links_of tests an href cheaply before calling is_placeholder, and caches how it resolves
    from gelt_audit.markup import _SKIP_PREFIXES, PLACEHOLDER, is_placeholder, links_of, parse

    for tag in ("a", "area", "link"):
        attr = "href"
        for href in PLACEHOLDER_HREFS:
            root = parse(f"<html><body><map><{tag} {attr}='{href}'>x</{tag}></map></body></html>")
            el = root.find(f".//{tag}")
            raw = el.get(attr).strip()
            links = links_of(root, "http://h.gov.co/d/p.html")
            if is_placeholder(el, raw):
                assert [(link.tag, link.url) for link in links] == [(PLACEHOLDER, raw)], (tag, href)
            elif raw.lower().startswith(_SKIP_PREFIXES):
                assert [link.url for link in links] == [raw], (tag, href)
            elif raw and not (raw.startswith("#") and tag != "a"):
                assert [link.url for link in links] == [normalise_url(urljoin("http://h.gov.co/d/p.html", raw))]
            else:
                assert links == [], (tag, href)


HEX_PIECES = [*"0123456789abcdefABCDEF", "0123456789abcdef01234567", " ", "ß", "İ", "ﬀ", "ﬁ", "é", "—", "K", "Ａ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEX_PIECES), max_size=40).map("".join))
def test_the_prefilter_finds_every_hex_run_the_text_holds(text):
    # may_match looks for the hex run in the folded bytes: it may say yes where the text has
    # none (then _denoise tests the text itself), never no where it has one
    from gelt_audit.volatile import may_hold_hex_id, may_match

    if may_hold_hex_id(text):
        assert may_match(text)["identificador aleatorio"], text


def test_the_template_walk_drops_what_the_template_selector_drops():
    import copy

    from lxml import etree

    from gelt_audit.markup import _BOILERPLATE_SELECTOR, _boilerplate, main_root, parse

    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.html"))[::5]]
    pages.append("<html><body><main>a<nav>m</nav>b<div role='navigation'><header>h</header>c</div>d"
                 "<p hidden>x</p>e<p aria-hidden='true'>y</p><p aria-hidden='false'>f</p><p role='Search'>g</p>"
                 "<svg:a>s</svg:a><SCRIPT>1</SCRIPT>h<footer role='banner'>p</footer>i<aside>j</aside><style>k</style>"
                 "<noscript>l</noscript><template>m</template><svg>n</svg><iframe src='/o'></iframe>"
                 "<p role='contentinfo'>q</p><section hidden=''>r</section></main></body></html>")  # fmt: skip
    compared = dropped = 0
    for html in pages:
        root = parse(html)
        if root is None:
            continue
        container = main_root(root)
        walked, selected = _boilerplate(container), _BOILERPLATE_SELECTOR(container)
        assert set(walked) == set(selected) and len(walked) == len(selected), html
        trees = []
        for order in (walked, selected):
            copied = copy.deepcopy(root)
            paths = [root.getroottree().getpath(el) for el in order]
            for el in [copied.getroottree().xpath(path)[0] for path in paths]:
                if el is not copied and el.getparent() is not None:
                    el.drop_tree()
            trees.append(etree.tostring(copied))
        assert trees[0] == trees[1], html
        compared, dropped = compared + 1, dropped + len(walked)
    assert compared > 100 and dropped > 100
