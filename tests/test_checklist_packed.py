"""The checklist's site index keeps its links as numbers (issue 21, memory bounded by design): a
page's own links packed into the site's link strings, every occurrence by target and by link
text an int. What it gives back must be what was packed, and what the index reads by target and
by text must be the occurrences a plain walk of the blocks finds, in the same order."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import marshal
from collections.abc import Callable
from itertools import product

import pytest

from gelt_audit.audits.checklist import load_checklist, text_rules
from gelt_audit.audits.checklist.carry import Carry
from gelt_audit.audits.checklist.index import index_site
from gelt_audit.audits.checklist.model import PageDoc
from gelt_audit.audits.checklist.packed import LabelLists, LinkStrings, PackedLinks, Picked
from gelt_audit.audits.checklist.pages import Link
from gelt_audit.audits.checklist.text import text_norm
from gelt_audit.audits.checklist.urls import is_doc_key, path_norms, url_key

HOME = "https://www.ejemplo.gov.co/"
FETCHED = "2026-11-02T10:00:00+00:00"


def _links() -> list[Link]:
    """Links of every region and flag, texts and targets repeated in other combinations."""
    out = []
    targets = ["https://www.ejemplo.gov.co/a", "https://www.ejemplo.gov.co/docs/plan.pdf", "https://otro.gov.co/x?y=1"]
    texts = ["Plan anual", "", "Ver aquí", "Presupuesto General 2026"]
    flags = product((False, True), repeat=4)
    for n, ((tmenu, embed, fragment, doc_override), region) in enumerate(
        product(flags, ("", "header", "footer", "nav"))
    ):
        target = targets[n % 3]
        text = texts[n % 4]
        key = url_key(target)
        is_doc = is_doc_key(key) if not doc_override else not is_doc_key(key)
        out.append(
            Link(target, key, text, *text_norm(text), region, tmenu, f"Sección {n % 5}", is_doc, embed, fragment)
        )
    return out


def test_packed_links_read_as_the_links_packed():
    links = _links()
    strings = LinkStrings()
    packed = strings.pack(links)
    assert isinstance(packed, PackedLinks)
    assert list(packed) == links and len(packed) == len(links) == 16 * 4
    assert [packed[i] for i in range(len(links))] == links
    assert packed[-1] == links[-1] and packed[-len(links)] == links[0]
    assert packed[3:9] == links[3:9] and packed[::-5] == links[::-5]
    for wrong in (len(links), -len(links) - 1):
        with pytest.raises(IndexError):
            packed[wrong]
    assert packed == tuple(links) and tuple(links) == packed and packed != tuple(links[1:])
    # four 32-bit numbers a link; each distinct string once
    assert packed.cols.itemsize == 4 and len(packed.cols) == 3 * len(links)
    assert len(strings.targets) == 3 and len(strings.texts) == 4 and len(strings.contexts) == 5
    # the same links as fields (the carry) and as the parse cache's rows (key and text derived)
    fields = [
        (x.target, x.key, x.text, x.norm, x.nwords, x.region, x.tmenu, x.ctx, x.is_doc, x.embed, x.fragment)
        for x in links
    ]
    rows = [[x.target, x.text, x.region, x.tmenu, x.ctx, x.is_doc, x.embed, x.fragment] for x in links]
    for other in (LinkStrings(), strings):
        assert list(other.pack_fields(fields)) == links
        assert list(other.pack_rows(rows)) == links
    assert strings.pack(links[:5]) == packed[:5] and strings.pack(links).cols == packed.cols
    strings.done()  # the lookups forgotten: packing still gives the same links
    assert list(strings.pack(links)) == links
    assert packed.link_keys() == [x.key for x in links if not x.embed]
    assert list(packed.fields()) == fields and all(type(v) is bool for row in packed.fields() for v in row[8:])
    rows = [(n, w, k, bool(e), bool(t)) for n, w, k, e, t in packed.index_rows()]
    assert rows == [(x.norm, x.nwords, x.key, x.embed, x.tmenu) for x in links]


def _site() -> list[PageDoc]:
    """60 pages, each with its own content links (repeated texts and targets, an embed, a link to a
    part of a page) and the same menu."""
    nav = '<nav><a href="/">Inicio</a> <a href="/transparencia/">Transparencia</a></nav>'
    pages = []
    for n in range(60):
        path = "/" if n == 0 else f"/s/p{n}"
        links = [f'<a href="/s/p{(n * 7 + k) % 60}">Presupuesto {k}</a>' for k in range(4)]
        links += [f'<h2>Parte {n % 3}</h2><a href="/docs/plan-{n % 5}.pdf">Plan anual</a>']
        links += ['<a href="/s/p1#preguntas">Preguntas</a>', f'<iframe src="/mapa{n % 2}"></iframe>']
        body = f"{nav}<h1>Página {n}</h1><p>Texto.</p>{''.join(links)}<footer>Calle 5</footer>"
        html = f"<html><head><title>Página {n}</title></head><body>{body}</body></html>"
        pages.append(PageDoc(HOME.rstrip("/") + path, 200, html, "text/html", FETCHED, min(n, 2)))
    return pages


def _held_links() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Link)


def test_the_index_reads_each_occurrence_as_a_walk_of_its_blocks_finds_it():
    before = _held_links()
    idx = index_site(_site(), home_url=HOME)
    # no Link object held per content link: only the menu's and footer's (shared blocks) stay
    held = _held_links() - before
    chrome = sum(len(b.links) for b in idx.blocks if b.region)
    assert held <= chrome < 10
    walk = [(b, link) for b in idx.blocks for link in b.links]
    assert len(walk) > 400
    for key in idx.targets:
        assert idx.targets[key] == [(b, link) for b, link in walk if link.key == key]
        assert all(
            b is wb for (b, _), (wb, _) in zip(idx.targets[key], [o for o in walk if o[1].key == key], strict=True)
        )
    assert "nope" not in idx.targets and idx.targets.get("nope") is None and len(idx.targets) == len(set(idx.targets))
    texts = idx.link_texts
    for i, norm in enumerate(texts.entries):
        assert texts.payloads[i] == [(b, link) for b, link in walk if link.norm == norm and not link.embed]
        assert texts.count(norm) == len(texts.payloads[i])
    assert sum(len(p) for p in texts.payloads) == sum(1 for _, link in walk if not link.embed)
    assert any(link.embed for _, link in walk) and any(link.fragment for _, link in walk)


def test_carried_chunks_kept_as_made_give_the_same_next_index():
    """With ``put`` the carry's chunks are kept one by one as they are made (a first crawl's whole
    site compressed at once was a sixth of its index's memory) and ``save`` gets the list alone;
    the next crawl's index, taken from them, is the one parsed from every body."""
    docs = [dataclasses.replace(d, body_hash=hashlib.sha1(d.html.encode()).hexdigest()) for d in _site()]
    rules = text_rules([load_checklist("gelt-2008")])
    parses: dict[tuple[str, str], object] = {}

    def cache(key: str, audit: str, version: str, compute: Callable[[], object]) -> object:
        return parses[key, audit] if (key, audit) in parses else parses.setdefault((key, audit), compute())

    kept: dict[str, bytes] = {}
    puts: list[list[str]] = []
    saved: list[tuple[dict[str, bytes], set[str]]] = []

    def put(chunks: dict[str, bytes]) -> None:
        puts.append(list(chunks))
        kept.update(chunks)

    def save(listing: bytes, chunks: dict[str, bytes], listed: set[str]) -> None:
        saved.append((chunks, listed))
        kept["crawl:1"] = listing
        kept.update(chunks)

    first = index_site(
        docs, home_url=HOME, text_rules=rules, cache=cache, carry=Carry("crawl:1", None, kept.get, save, put)
    )
    assert puts == [["crawl:1:0"]] and saved == [({}, {"crawl:1:0"})]
    parses.clear()  # the next index finds its pages in the carried chunks only

    def no_cache(key: str, audit: str, version: str, compute: Callable[[], object]) -> object:
        raise AssertionError(f"{key} not carried")

    carry = Carry("crawl:2", kept["crawl:1"], kept.get, None)
    again = index_site(docs, home_url=HOME, text_rules=rules, cache=no_cache, carry=carry)
    for a, b in zip(first.pages, again.pages, strict=True):
        assert (a.url, a.title, a.labels, a.text_hits) == (b.url, b.title, b.labels, b.text_hits)
        assert [(x.region, x.links, x.forms, x.pages) for x in a.blocks] == [
            (x.region, x.links, x.forms, x.pages) for x in b.blocks
        ]
    assert list(first.targets) == list(again.targets)
    for k in first.targets:
        assert [(blk.pages, ln) for blk, ln in first.targets[k]] == [(blk.pages, ln) for blk, ln in again.targets[k]]


def test_link_strings_made_again_from_their_table_read_the_same_numbers_and_pack_after_them():
    """The carry keeps the index's link strings whole and the next index begins from them: a
    carried page's links are its numbers again, new strings numbered after the carried ones."""
    links = _links()
    strings = LinkStrings()
    packed = strings.pack(links[:40])
    again = LinkStrings.of_table(marshal.loads(marshal.dumps(strings.table())))
    assert list(again.packed(packed.cols.tobytes())) == links[:40]
    more = again.pack(links)
    assert more.cols[: len(packed.cols)] == packed.cols and list(more) == links
    assert again.targets[: len(strings.targets)] == strings.targets and len(again.texts) == 4
    assert len(again.contexts) == 5 and strings.pack(links).cols == more.cols
    broken = list(strings.table())
    broken[1] = broken[1][:-1]  # a key short
    with pytest.raises(ValueError):
        LinkStrings.of_table(broken)


def test_a_second_carry_reads_chunks_of_two_crawls_as_the_pages_parsed():
    """A weekly crawl lists the previous crawl's chunks as they are and writes its changed pages,
    their new strings numbered after the carried ones: the crawl after it, reading chunks of both
    crawls, builds the index parsing every body builds."""
    docs = [dataclasses.replace(d, body_hash=hashlib.sha1(d.html.encode()).hexdigest()) for d in _site()]
    changed = []
    for n, d in enumerate(docs):
        if n in (3, 4, 5):  # new texts, targets and headings on three pages
            html = d.html.replace("Texto.", f'<h2>Nueva {n}</h2><a href="/nuevo/{n}">Informe nuevo {n}</a>')
            d = dataclasses.replace(d, html=html, body_hash=hashlib.sha1(html.encode()).hexdigest())
        changed.append(d)
    rules = text_rules([load_checklist("gelt-2008")])
    parses: dict[tuple[str, str], object] = {}
    kept: dict[str, bytes] = {}

    def cache(key: str, audit: str, version: str, compute: Callable[[], object]) -> object:
        return parses[key, audit] if (key, audit) in parses else parses.setdefault((key, audit), compute())

    def saver(name: str) -> Callable[[bytes, dict[str, bytes], set[str]], None]:
        def save(listing: bytes, chunks: dict[str, bytes], listed: set[str]) -> None:
            kept[name] = listing
            kept.update(chunks)
            kept["listed:" + name] = repr(sorted(listed)).encode()

        return save

    index_site(docs, home_url=HOME, text_rules=rules, cache=cache, carry=Carry("c1", None, kept.get, saver("c1")))
    carry = Carry("c2", kept["c1"], kept.get, saver("c2"))
    index_site(changed, home_url=HOME, text_rules=rules, cache=cache, carry=carry)
    assert kept["listed:c2"] == repr(["c1:0", "c2:0"]).encode()  # the first crawl's chunk listed as it is
    parses.clear()

    def no_cache(key: str, audit: str, version: str, compute: Callable[[], object]) -> object:
        raise AssertionError(f"{key} not carried")

    carried = index_site(
        changed, home_url=HOME, text_rules=rules, cache=no_cache, carry=Carry("c3", kept["c2"], kept.get, None)
    )
    parsed = index_site(changed, home_url=HOME, text_rules=rules)
    assert any("nuevo" in x.target for p in carried.pages for b in p.blocks for x in b.links)
    for a, b in zip(parsed.pages, carried.pages, strict=True):
        assert (a.url, a.title, a.text_hits) == (b.url, b.title, b.text_hits)
        assert [(x.region, list(x.links), x.forms, x.pages) for x in a.blocks] == [
            (x.region, list(x.links), x.forms, x.pages) for x in b.blocks
        ]
    assert list(parsed.targets) == list(carried.targets)


def test_labels_and_url_words_kept_as_numbers_read_as_the_pages_give_them():
    """The places of each label (page and title or section) and the keys of each URL word are
    numbers in one array (issue 21): read, they are the triples of the pages' own titles and
    sections (page order, titles first) and each URL word's keys; equal records of pages are one
    tuple, their empty ones one mapping, and only the home page keeps its first links."""
    idx = index_site(_site(), home_url=HOME)
    labels, urls = idx.labels, idx.urls
    assert isinstance(labels.payloads, LabelLists) and isinstance(urls.payloads, Picked)
    expected: dict[str, list[tuple[int, str, str]]] = {}
    for p in idx.pages:
        for kind, own in (("title", p.labels), ("section", p.sections)):
            for norm, _w, raw in own:
                # by number: the index makes a page when read (H212), its objects are not all alive
                expected.setdefault(norm, []).append((p.idx, kind, raw))
    got = {e: [(p.idx, k, r) for p, k, r in labels.payloads[i]] for i, e in enumerate(labels.entries)}
    assert got == expected and any(k == "section" for v in got.values() for _, k, _ in v)
    assert all(labels.count(norm) == len(places) for norm, places in expected.items())
    words: dict[str, set[str]] = {}
    for key in set(idx.status) | set(idx.targets):
        for w in path_norms(key):
            if w:
                words.setdefault(w, set()).add(key)
    assert {e: sorted(urls.payloads[i]) for i, e in enumerate(urls.entries)} == {w: sorted(k) for w, k in words.items()}
    assert all(urls.count(w) == len(k) for w, k in words.items())
    sections = [p.sections for p in idx.pages if p.sections]
    assert len(sections) > 20 and len({id(s) for s in sections}) == len(set(sections)) < len(sections)
    assert len({id(p.no_aplica) for p in idx.pages}) == 1 and not idx.pages[0].no_aplica
    assert idx.home is not None and idx.home.first_keys
    assert all(p.first_keys == () for p in idx.pages if p is not idx.home)


def test_equal_section_records_and_headings_of_pages_are_one_object_and_read_as_parsed():
    """Pages of a kind repeat their sections of links and their headings (issue 21): each equal
    record is one object for all of them, and reads as the page parsed alone gives it (lists of
    keys stay lists: the markers are compared to lists)."""
    docs = []
    for n in range(40):
        body = (
            f"<h1>Trámite {n}</h1><h2>Documentos</h2><ul><li><a href='/docs/acta-{n % 4}.pdf'>Acta</a></li>"
            f"<li><a href='/docs/plan.pdf'>Plan</a></li></ul><h2>Enlaces</h2><ul><li><a href='#'>Ver</a></li></ul>"
            "<h2>Servicio</h2><p>Este servicio atiende a la ciudadanía en la sede principal de lunes a viernes"
            " en horario de oficina.</p><p><a href='/servicio/solicitud'>Solicitud en línea</a></p>"
        )
        html = f"<html><head><title>Trámite {n}</title></head><body>{body}</body></html>"
        docs.append(PageDoc(f"{HOME}t/{n}", 200, html, "text/html", FETCHED, 1))
    idx = index_site(docs, home_url=HOME)
    assert all(p.section_keys for p in idx.pages) and len({id(p.section_keys) for p in idx.pages}) == 1
    records = [p.only_links for p in idx.pages if p.only_links]
    assert len(records) == 40 and len({id(r) for r in records}) == len({repr(r) for r in records}) < len(records)
    lists = [v for r in records for v in r.values()]
    assert all(type(v) is list for v in lists) and len({id(v) for v in lists}) < len(lists)
    strings = [h for p in idx.pages for h in p.headings]
    assert len({id(h) for h in strings}) == len(set(strings)) < len(strings)
    for n in (0, 1, 7, 39):  # each page parsed alone: the same values
        alone = index_site([docs[n]], home_url=HOME).pages[0]
        page = idx.pages[n]
        assert page.only_links == alone.only_links and list(page.headings) == list(alone.headings)
        assert page.section_keys == alone.section_keys and len(page.only_links) == 2
        assert [type(v) for v in page.only_links.values()] == [type(v) for v in alone.only_links.values()]


def test_phrase_indexes_look_strings_up_after_dropping_their_places():
    """Built, a phrase index forgets its string -> place dict (issue 21: a dict entry a string);
    a lookup or a string added after makes it again, with the same places."""
    idx = index_site(_site(), home_url=HOME)
    for phrases in (idx.labels, idx.link_texts, idx.urls):
        assert phrases._ids is None
        assert [phrases.string_id(e, 0) for e in phrases.entries] == list(range(len(phrases.entries)))
        n = len(phrases.entries)
        assert phrases.string_id("una frase nueva", 3) == n and phrases.entries[n] == "una frase nueva"
        assert phrases.count("no esta") == 0
