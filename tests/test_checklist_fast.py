"""The checklist's fast paths give what the plain definitions give: text folding, the national
systems, link evidence judged in runs per target instead of occurrence by occurrence, and the
footers a footer rule reads. A big site's audit takes the fast paths; a wrong shortcut would
change verdicts without any other test noticing."""

from __future__ import annotations

import dataclasses
import random
import re
import unicodedata
from pathlib import Path

from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist.emptiness import spaced_words
from gelt_audit.audits.checklist.evidence import Finder
from gelt_audit.audits.checklist.index import index_site
from gelt_audit.audits.checklist.model import PageDoc, Rule
from gelt_audit.audits.checklist.systems import _PUBLISHING_SYSTEMS, NATIONAL_SYSTEMS, is_national_system
from gelt_audit.audits.checklist.text import fold, text_match

HOME = "https://www.ejemplo.gov.co/"
CORPUS_HTML = Path(__file__).resolve().parent / "fixtures" / "checklist-corpus"
FETCHED = "2026-11-02T10:00:00+00:00"
_COMBINING = re.compile("[\u0300-\u036f]")


def _fold_by_definition(text: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def test_fold_is_the_definition_for_every_character_and_mixed_text():
    chars = [chr(i) for i in range(0x2500)]
    for c in chars:
        assert fold(c) == _fold_by_definition(c), hex(ord(c))
    rng = random.Random(21)
    alphabet = chars[:0x600] + list("áéíóúüñÁÉÍÓÚÜÑ ¿?¡!“”–") * 30 + ["\u0301", "\u0327", "\u20dd", "Σ", "İ", "ﬁ"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert fold(text) == _fold_by_definition(text), repr(text)
    assert fold("Misión y VISIÓN, Güepsa, Ñame") == "mision y vision, guepsa, name"


def test_fold_by_replaces_is_the_definition_on_the_texts_it_takes():
    # fold's replace path (Spanish letters, Latin-1 symbols, control characters standing in for
    # the stable ones while lower() runs) against the definition, on texts made of what it handles
    # and of what must send it back to the definition (marks, Σ, ligatures, its own stand-ins)
    from gelt_audit.audits.checklist.text import _PARKING, _SIMPLE, _STABLE

    handled = [c for c, _ in _SIMPLE] + list(_STABLE)
    assert "ó" in handled and "›" in handled and "«" in handled
    rng = random.Random(35)
    ascii_ = [chr(i) for i in range(32, 127)]
    odd = list(_PARKING[:4]) + ["\u0301", "\u0323", "Σ", "ς", "İ", "ﬁ", "½", "ẞ", "한"]
    for _ in range(20_000):
        pool = rng.sample(handled, rng.randint(1, 12)) + rng.sample(ascii_, 8)
        if rng.random() < 0.3:
            pool.append(rng.choice(odd))
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 60)))
        assert fold(text) == _fold_by_definition(text), repr(text)
    assert fold("Inicio › Transparencia «Año 2024» — ¿Qué?") == "inicio › transparencia «ano 2024» — ¿que?"


def _by_patterns(key: str) -> bool:
    host = key.split("/", 1)[0]
    for alias in _PUBLISHING_SYSTEMS:
        for pat in NATIONAL_SYSTEMS[alias]:
            if pat.startswith("*.") and host.endswith(pat[1:]):
                return True
            if not pat.startswith("*.") and ("/" in pat and key.startswith(pat) or host == pat):
                return True
    return False


def test_national_systems_are_the_patterns():
    keys = [
        "suit.gov.co/x",
        "tramites.suit.gov.co",
        "gov.co/ficha-tramites-y-servicios/T1",
        "gov.co/fichas",
        "datos.gov.co/resource/1",
        "otro-datos.gov.co",
        "funcionpublica.gov.co/web/sigep/hv",
        "funcionpublica.gov.co/web",
        "facebook.com/alcaldia",
        "secop.gov.co",
        "community.secop.gov.co/Public",
        "ejemplo.gov.co/secop.gov.co",
    ]
    for key in keys:
        assert is_national_system(key) == _by_patterns(key), key
    assert is_national_system("community.secop.gov.co/Public") and not is_national_system("ejemplo.gov.co/secop.gov.co")


def _site() -> list[PageDoc]:
    """80 pages: the same link texts to the same targets from pages at several depths, in and out
    of the Transparencia menu, news pages and documents; each page's footer has its own visitor
    count (every footer distinct), some an e-mail."""
    nav = (
        '<nav><ul><li><a href="/">Inicio</a></li><li><a href="/transparencia/">Transparencia</a>'
        '<ul><li><a href="/transparencia/presupuesto">Presupuesto</a></li></ul></li></ul></nav>'
    )
    pages = []
    for n in range(80):
        path = "/" if n == 0 else (f"/noticias/n{n}" if n % 7 == 0 else f"/transparencia/p{n}" if n % 3 else f"/s/p{n}")
        links = [f'<a href="/s/p{(n * 5 + k) % 80}">Presupuesto general</a>' for k in range(3)]
        links += [
            '<a href="/docs/presupuesto-2026.pdf">Presupuesto 2026</a>',
            f'<a href="/noticias/n{n % 11}">Noticia</a>',
        ]
        links += ['<a href="/transparencia/">Transparencia y acceso a la información pública</a>']
        mail = ' <a href="mailto:contacto@ejemplo.gov.co">Escríbanos</a>' if n % 4 == 0 else ""
        footer = f"<footer>Calle 5 # 4-20. Teléfono (608) 555 0100. Visitas: {1000 + n}{mail}</footer>"
        body = f"{nav}<h1>Página {n}</h1><p>Presupuesto y contratación del municipio.</p>{''.join(links)}{footer}"
        html = f"<html><head><title>Página {n}</title></head><body>{body}</body></html>"
        pages.append(PageDoc(HOME.rstrip("/") + path, 200, html, "text/html", FETCHED, min(n, 3)))
    return pages


def test_link_evidence_in_runs_is_link_evidence_occurrence_by_occurrence():
    idx = index_site(_site(), home_url=HOME)
    item = load_checklist("gelt-2008").items[0]
    checked = 0
    for allow_news in (False, True):
        it = dataclasses.replace(item, allow_news=allow_news)
        finder = Finder(load_checklist("gelt-2008"), idx)
        entries = range(len(idx.link_texts.entries))
        for i in entries:
            runs = list(finder.text_runs(i).items())
            assert finder.run_hits(runs, it) == finder.link_hits(idx.link_texts.payloads[i], it)
            checked += 1
        # several texts at once, one of them twice: runs of one target from several texts
        many = [*entries, 0]
        runs = [r for i in many for r in finder.text_runs(i).items()]
        occ = [o for i in many for o in idx.link_texts.payloads[i]]
        hits = finder.run_hits(runs, it)
        assert hits == finder.link_hits(occ, it) and len(hits) > 5
        for key, occ in idx.targets.items():
            links = [o for o in occ if not o[1].embed]
            assert finder.run_hits([(key, finder.target_run(key))], it) == finder.link_hits(links, it)
    assert checked > 10


def test_a_footer_rule_reads_every_footer_that_can_meet_it():
    idx = index_site(_site(), home_url=HOME)
    assert len(idx.footers) == 80
    finder = Finder(load_checklist("gelt-2008"), idx)
    rules = [
        Rule(kind="footer", patterns=("email",)),
        Rule(kind="footer", patterns=("phone", "address")),
        Rule(kind="footer", keywords=(("telefono",),), patterns=("email",)),
        Rule(kind="footer", keywords=(("visitas",), ("horario", "atencion"))),
        Rule(kind="footer", keywords=(("notificaciones", "judiciales"),)),
    ]
    for rule in rules:
        every = [t for t in idx.footers if text_match(rule.keywords, rule.patterns, rule.regex, t)]
        read = finder.footer_candidates(rule)
        assert [t for t in read if text_match(rule.keywords, rule.patterns, rule.regex, t)] == every
    assert len(finder.footer_candidates(rules[0])) == 20  # only the pages with an e-mail
    assert finder.footer_candidates(rules[4]) == []


def test_a_pages_words_are_counted_as_split_counts_them():
    rng = random.Random(5)
    alphabet = list("abc áéñ ¨´¸˘˝ \u0301\u0308 \t\n\u00a0\u2003 xyz") + [chr(i) for i in range(0x80, 0x400)]
    for _ in range(20_000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        folded = fold(" ".join(raw.split()))  # as page_state folds element_text
        assert spaced_words(folded) == len(folded.split()), repr(raw)
    assert spaced_words(fold("Misión ´ y visión")) == 3 and spaced_words(fold("Misión y visión")) == 3
    assert spaced_words("") == 0


def test_phrases_looked_for_word_by_word_are_the_phrase_regexes():
    # _any_phrase skips a phrase's regex when one of its words is missing from the text, and looks
    # for each word once: the same answer as every phrase's regex on the whole text
    from gelt_audit.audits.checklist.text import _any_phrase, _phrase_regex, norm_tokens

    words = ["responsable", "gobierno", "linea", "lider", "sitio", "web", "gel", "es", "s", "de", "la", "a"]
    rng = random.Random(3)
    matched = 0
    for _ in range(5_000):
        phrases = [
            norm_tokens(" ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))) for _ in range(rng.randint(1, 4))
        ]
        phrases = [p for p in phrases if p]
        text = " ".join(
            rng.choice(words + ["x", "-", "responsables", "lideres", "1"]) for _ in range(rng.randint(0, 25))
        )
        text = text.replace(" x ", rng.choice([" ", "x", " de la ", ", "]))
        expected = any(_phrase_regex(p).search(text) is not None for p in phrases)
        assert _any_phrase(phrases, text) == expected, (phrases, text)
        matched += expected
    assert 500 < matched < 4_500


def test_relative_links_in_chrome_are_found_as_with_ignorecase():
    # chrome_ref looks for a relative href in the lower-cased markup: the same answer as re.I
    from gelt_audit.audits.checklist.pages import _RELATIVE_HREF

    with_case = re.compile(_RELATIVE_HREF.pattern, re.I)
    bits = [b"HREF", b"href", b"Src", b"ACTION", b"=", b" ", b"\t", b"'", b'"', b"HTTPS:", b"Http:", b"/", b"#"]
    bits += [b"MAILTO:", b"Tel:", b"JavaScript:", b"x", b"\xc3\x81", b"<a ", b">"]
    rng = random.Random(5)
    relative = 0
    for _ in range(20_000):
        sig = b"".join(rng.choice(bits) for _ in range(rng.randint(1, 12)))
        expected = with_case.search(sig) is not None
        assert (_RELATIVE_HREF.search(sig.lower()) is not None) == expected, sig
        relative += expected
    assert 300 < relative < 19_000


def _url_key_by_definition(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    from gelt_audit.audits.checklist.urls import bare_host

    try:
        p = urlsplit(url)
        host = bare_host(p.hostname)
        if p.port and p.port not in (80, 443):
            host = f"{host}:{p.port}"
    except ValueError:
        return url
    path = p.path or "/"
    if "%" in path:  # a path as written in a link and as crawled (percent-encoded): one key
        path = unquote(path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return host + path + (f"?{p.query}" if p.query else "")


def test_url_keys_taken_by_the_short_way_are_the_urlsplit_keys():
    # url_key reads a plain http(s) URL without urlsplit, ports included (the test and bench
    # servers have one; another port is another site, a default one is the same site)
    from gelt_audit.audits.checklist.urls import url_key

    hosts = ["127.0.0.1:8080", "WWW.Ejemplo.GOV.co:443", "ejemplo.gov.co:80", "ejemplo.gov.co:0", "ejemplo.gov.co:"]
    hosts += ["ejemplo.gov.co:08080", "ejemplo.gov.co:65535", "ejemplo.gov.co:65536", "ejemplo.gov.co:8a", ":8080"]
    hosts += ["ejemplo.gov.co:\u00b2", "ejemplo.gov.co:\u0661", "a.gov.co:8080:9", "user@a.gov.co:80", "[::1]:8080"]
    hosts += ["a.gov.co:+80", "a.gov.co: 80", "www.x.co:1", "Alcaldia.gov.co"]
    tails = ["", "/", "/a/b/", "/A/B?x=1#f", "?q=1", "#frag", "/x#y?z", "//", "/p/?", "/\u00f1/%C3%B1", "/a?b#c?d"]
    urls = [f"{scheme}://{host}{tail}" for scheme in ("http", "https") for host in hosts for tail in tails]
    for url in urls:
        url_key.cache_clear()
        assert url_key(url) == _url_key_by_definition(url), url
    assert url_key("http://127.0.0.1:8080/a/") == "127.0.0.1:8080/a"
    assert url_key("http://127.0.0.1:8080/ni%C3%B1os") == url_key("http://127.0.0.1:8080/niños")
    assert url_key("https://www.ejemplo.gov.co:443/") == "ejemplo.gov.co/"


def test_a_pages_text_hits_are_each_text_rule_asked_alone():
    # Builder._text_hits asks every text rule of one page with the title phrases spaced once and
    # each word looked for in the text once for all rules: the same rules as probe_match one by one
    from gelt_audit.audits.checklist.pages import title_labels
    from gelt_audit.audits.checklist.parse import Builder, probe, probe_match, text_rules
    from gelt_audit.audits.checklist.text import text_norm

    rules = text_rules([load_checklist("gelt-2008"), load_checklist("ley1712-res1519")])
    probes = tuple(dict.fromkeys(probe(r) for r in rules))
    builder = Builder(HOME, probes)
    words = sorted({w for q in probes for phrases in (q[0], q[1]) for p in phrases for w in p})
    extra = ["lunes", "viernes", "8:00 a.m.", "pbx 601 555 1234", "calle 5 # 4-20", "@", "contacto@alcaldia.gov.co"]
    extra += ["notificaciones judiciales", "ultima actualizacion: 3 de marzo de 2025", "de la", "x"]
    extra += ["nombre cargo telefono"]  # a staff table's header row (named pattern staff_table, H228)
    extra += ["dependencia telefono responsables"]  # an office table's header row (staff_table, class 2423, H242)
    # a form's privacy notice (class 2422, H242)
    extra += ["los datos aca consignados tendran un tratamiento confidencial"]
    # a school day's hours in a sentence (named pattern workday, class 2515, H251)
    extra += ["la jornada escolar empieza a las 06:30 am y termina a las 12:30 pm"]
    # hours stated in a sentence and a split working day (named patterns stated_hours and split_day, H256)
    extra += ["el horario de atencion de la biblioteca es de lunes a viernes de 7:00 a.m. a 6:00 p. m."]
    extra += ["8:00 a 12:00 m - 2:00 a 6:00 p.m"]
    titles = [" ".join(p) + " " for q in probes for p in q[0]] + [""]
    rng = random.Random(8)
    hits = set()
    for _ in range(2_000):
        text = " ".join(rng.choice(words + extra) for _ in range(rng.randint(0, 40)))
        title = " ".join(rng.choice(titles) + rng.choice(words + ["x"]) for _ in range(rng.randint(0, 3)))
        section = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        labels = title_labels(title) + [(*text_norm(section), section)]
        expected = tuple(i for i, q in enumerate(probes) if probe_match(q, labels, text))
        assert builder._text_hits(labels, text) == expected, (labels, text)
        hits.update(expected)
    assert len(hits) == len(probes)  # every rule met somewhere: the comparison covers them all


def test_element_queries_by_iterator_are_the_xpath_queries():
    # the page reader asks lxml's iterators what these XPath expressions select, and takes an
    # element's own text without itertext when it has no child: same elements, same order, same text
    from lxml import etree

    from gelt_audit.audits.checklist import contents, emptiness, pages, regions
    from gelt_audit.audits.checklist.text import element_text

    html = (
        "<html><head><link rel='alternate' href='/rss'><link rel='stylesheet' href='/a.css'>"
        "<script src='/a.js'></script><script>var x;</script></head><body>"
        "<p>uno<script>x</script>dos<!-- c -->tres &amp; <b>cuatro</b><style>s</style></p>fin"
        "<div class='x'><a href='#'>A</a><area href='/m'><a>sin</a><iframe src='/f'></iframe>"
        "<object data='/o.pdf' src='/no'></object><embed src='/e'><h4>T</h4><table><tr><td>1</td></tr></table>"
        "<link rel='alternate' href='/atom'><a href='/b'><img src='/i.png'> B</a></div></body></html>"
    )
    files = sorted(CORPUS_HTML.rglob("*.htm*"))[:40]
    docs = [html] + [f.read_bytes().decode("utf-8", "replace") for f in files]
    xp = {
        "anchors": etree.XPath(".//a[@href] | .//area[@href]"),
        "feeds": etree.XPath("//link[@rel='alternate' and @href]"),
        "embeds": etree.XPath("//script/@src | //iframe/@src | //embed/@src | //object/@data"),
        "media": etree.XPath("boolean(.//img | .//table | .//iframe | .//video | .//embed | .//object)"),
        "link": etree.XPath("boolean(.//a)"),
        "page_media": etree.XPath("boolean(//img | //iframe | //embed | //object | //video | //table | //form)"),
    }
    compared = 0
    for doc in docs:
        root = pages.read_document(doc)
        assert root is not None
        assert [str(x) for x in xp["embeds"](root)] == pages._embeds(root)
        assert xp["feeds"](root) == pages._feeds(root)
        assert xp["page_media"](root) == (next(root.iter(*emptiness._PAGE_MEDIA), None) is not None)
        pages.strip_scripts(root)  # leaves text nodes side by side: element_text must still join them
        for el in root.iter():
            assert xp["anchors"](el) == pages.link_elements(el)
            assert xp["media"](el) == regions.has_descendant(el, *contents._SECTION_MEDIA)
            assert xp["link"](el) == regions.has_link(el)
            if isinstance(el.tag, str):
                assert element_text(el) == " ".join(" ".join(el.itertext()).split())
            compared += 1
    assert compared > 5_000
    p = pages.read_document(html).find(".//p")
    pages.strip_scripts(p)
    assert element_text(p) == "unodostres & cuatro"
