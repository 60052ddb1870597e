"""Parsing pages once for the site index, and the parse cache that lets a page seen before
(same body, same URL) skip parsing: what each page yields, as JSON."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.datalinks import anchor_data_links, may_hold_data_links
from gelt_audit.markup import is_breadcrumb, strip_fragment

from .carry import Carried, Origins, made_from, page_of
from .chrome import chrome_roots, top_images
from .contents import main_fold
from .emptiness import UNREADABLE, fills_empty, is_bare, page_state, runs_script, script_ids
from .forms import Form, form_info, formless_forms, lone_search_boxes
from .model import Checklist, PageDoc, Rule
from .packed import LinkStrings, PackedLinks
from .page_content import read_content
from .pages import (
    SITE_MAP_NAMES,
    Block,
    ChromeRef,
    Ctx,
    Label,
    Link,
    Page,
    base_of,
    chrome_ref,
    extract_chrome,
    first_keys,
    head_links,
    is_article,
    is_site_map,
    label_rows,
    labels_of,
    read_document,
    strip_scripts,
    title_labels,
)
from .regions import custom_titles_as_styled, may_hold_custom_titles
from .residue import CONTENT_AUDIT, apply_row, content_row, residue_key
from .text import count_words, element_text, label_match, people_regex, text_match, text_norm
from .urls import Resolver, bare_host, is_news_key, url_key

PARSE_VERSION = 101  # 101: the cache keeps an h1 or section label normalised without the entity's name as parsed, so a page rebuilt from it reads the labels it was parsed with (H308); 100: a link written with backslashes resolves as a browser resolves it (markup.web_slashes; the lead); 99: a menu entry that opens a drop-down of links and whose address is only a place on the page («#Datos Abiertos») is the menu of that name, read as a link to its first working entry as a «#» opener is (class 3011, H301); 98: a link written with backslashes in its path («archivos\\secciones\\x.php») names the page a browser opens and the crawler fetched, its backslashes read as slashes (class 3010, H301); 97: an accordion header that is the only element of its accordion item (no panel after it) opens a section over nothing (class 3020, H302); 96: a chrome block keeps the names it shows as <a> with no href, no script and no drop-down (``Block.names``, class 2731, H273); 95: a list's last entry with no link whose next paragraph (its note) says it does not apply is a section with that statement, and the note's sentence is no longer its surrounding section's (class 2730, H273); 94: a list entry written inside a heading («<h3><li>…</li></h3>», the heading left empty by the parser), with no link while another so written links, is named and empty (class 2712, H271); 93: a bold title whose entries sit in a list left open around the next title is over those entries, not over nothing (class 2700, H270); 92: the last title alone in its wrapper after a title over nothing is a section over nothing (class 2660), and «-eses» plurals stem as their singular (class 2661) (H266); 91: a message form with a button that deletes what it keeps («Eliminar») is no PQRSD form unless its words say PQRSD (class 2653, H265); 90: the named patterns «stated_hours» (a sentence naming the opening hours with days and times, class 2561) and «split_day» (a split working day in two time ranges, class 2562) (H256); 89: a link with no name of its own (an icon, an image without alt) is named by its card's heading right after or before it in the same box, the box holding no other link (class 2530, H253); 88: a form box that asks for an ID number is a query, not a search (class 2510); a receipt of an inscription is no payment (class 2511); a box sending its words to a web search engine not kept to the site is no search (class 2512); a card's minor heading right under a video embed shows that video (class 2514); the named pattern «workday» (a school or working day's hours in a sentence, class 2515) (H251); 87: fields with no form around them whose only button clears them («Limpiar») are no form a script sends (class 2461, H246); 86: the named pattern «staff_table» also reads a table of offices whose header names their people in charge and a way to reach them («Dependencia | Teléfono | Responsables | E-mail», class 2423), and the privacy item asks each page's text for a form's privacy notice (class 2422); a title box alone in its column and row («Noticias» in h3) heads the next row when that row is a grid of entries titled below it (class 2424) (H242); 85: an empty list's notice («Sin resultados», «No se encontraron publicaciones.») on a page whose own inline script writes into an element seen empty is the script's placeholder (``Page.loading``), not «nada publicado» (class 2400, H240); 84: an unnumbered all-bold paragraph of a few words (no colon at its end) titles what follows it up to the next such title (class 2410, H241); a page whose first content title names the site map is named so, not by its h1 groups (class 2411, H241); 83: a plain h1 among several is over nothing only when what follows its wrapper opens with the next h1 or ends the page (class 2292 second form, H229); 82: a heading whose card (the boxes around it up to another heading, with no link or picture) says its documents will be loaded later («…se cargarán desde la base de datos») is shown empty, that sentence kept as its notice (class 2291, H229); 81: a plain h1 among several on a page (its parts, none its title) with nothing under it is a section titled over nothing, not the page's title (class 2292, H229); 80: a section whose only text repeats its title with the entity named in a few words («Misión» over «Misión de la entidad.») is shown empty, its sentence kept as its notice (H223); 79: a masked box's id («clave») no longer makes a request-code lookup a login; only what the form shows does (class 2284, H228); 78: a one-line box labelled or named only «Mensaje»/«Comentarios» makes a message form (PQRSD or contact) as a textarea does (class 2283, H228); 77: the named pattern «staff_table» (a table of names, posts and phones or e-mails) is asked of each page's text (class 2282, H228); 76: the last «footer» of a page whose layout wraps everything in «main» (no footer outside it), with nothing after it, is the page's footer (class 2281, H228); 75: a date written with the month abbreviated or without «de» («26 may 2023») is a date to the text rules answered while parsing (class 2280, H228); 74: a block at the end of a page named a footer by a compound class or id («footer-wrap», «footer2-wrap», «pie-pagina-container»), when no footer element is marked, is the footer (H217); and the first images of a page's header are among its top images whatever precedes the header (class 2174, H217); 73: a section whose text carries a «not published yet» notice («Contenido por completar», «Pendiente de publicación»…) and no link or picture, a list entry marked so, and a page that says so and shows nothing else are named and empty; a label naming a legal text with a few more words («Política de privacidad y tratamiento de datos») makes its headings clauses (H216); 72: what follows «</body>» (a footer written after the body) is read in the body, as a browser reads it (H215); 71: a page of sixty words or more whose title block holds only «<title> de la entidad.» between side menus (links only, before and after it) is empty, and a link's own words are no longer counted as a page's loose words after its title block (H211); 70: a page whose title block holds only «<title> de la entidad.» (the entity in any words) under side menus is empty, and a link to a portal's home page no longer makes a page non-empty (criteria E and G, H206); 69: a message form whose own words (or, when they say nothing, its page's title and h1) say it is for another purpose (a payment proof, a sign photo, a registration, a subscription, a certificate) is no PQRSD or contact form (criterion Q, H205); 68: a numbered heading inside a link (a card's title) is no entry listed with nothing published: its link decides (H187); 67: a category counted «0 documento(s)» or named empty by a notice keeps that counter or notice, quoted (``Page.notices``), and a loading word is quoted as every quote (``Page.loading``: one line, «» made plain; H194); 66: a section that says it has nothing yet keeps its notice, quoted (``Page.notices``, H184); 65: a page's emptiness is the reason seen (its notice quoted, «solo define…», «solo muestra su título»), not a yes or no (H183); 64: «no hay … publicados a la fecha», any «there is none» said for now, is an empty notice (H178); 63: a page that only defines its title is empty (H176, criterion D); 62: «no aplica» in other words (H175, criterion M); bump when what a page's parse yields changes: cached parses are redone


# A site's legal texts, by their title: their clauses («4. Servicios en Línea», «Datos que
# recopilamos») are about the site and the law, not sections of its content
LEGAL_TEXT_NAMES = frozenset(
    text_norm(t)[0]
    for t in (
        "términos y condiciones",
        "términos y condiciones de uso",
        "condiciones de uso",
        "términos de uso",
        "política de privacidad",
        "política de privacidad y condiciones de uso",
        "aviso legal",
        "política de cookies",
        "política de derechos de autor",
        "derechos de autor",
        "política de tratamiento de datos personales",
        "tratamiento de datos personales",
        "política de protección de datos personales",
    )
)

_LEGAL_SLACK = 4  # «Política de privacidad y tratamiento de datos»: the name and a few words more


def legal_text(norm: str) -> bool:
    """Whether a page's label (normalised) names a legal text: one of :data:`LEGAL_TEXT_NAMES`, or one
    of them followed by a few words («política de privacidad y tratamiento de datos», «términos y
    condiciones de uso del portal»; H216). Its headings are clauses: «4. Datos de niñas, niños y
    adolescentes» in a privacy policy is how the entity treats children's data, not content for them."""
    if norm in LEGAL_TEXT_NAMES:
        return True
    words = norm.split()
    return any(
        norm.startswith(name + " ") and len(words) - name.count(" ") - 1 <= _LEGAL_SLACK for name in LEGAL_TEXT_NAMES
    )


# (key, audit, version, compute) -> the cached value (JSON), computed and kept when missing or of
# another version: the signature of Store.cached_audit.
ParseCache = Callable[[str, str, str, Callable[[], Any]], Any]
_PAGE_AUDIT, _CHROME_AUDIT = "checklist-page", "checklist-chrome"
_MAX_CHROME = 20_000  # distinct chrome blocks kept shared in memory

# What a text rule asks of one page: its own labels (on_title) and main text.
TextProbe = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[str, ...], tuple[str, ...]]


class _Uncached(Exception):
    """A cached page names a chrome block the cache no longer holds: the page is parsed again."""


class _NoBody(Exception):
    """The page's HTML cannot be read: nothing to parse, nothing to cache."""


# The kinds whose rules ask a question of each page's main text, answered while the page is parsed
# (its text is not kept): ``text``, and ``people_list``, whose posts make one more regex.
TEXT_KINDS = ("text", "people_list")


def probe(rule: Rule) -> TextProbe:
    """What a text rule asks of one page (rules asking the same are answered once)."""
    regex = rule.regex + ((people_regex(rule.posts, rule.min_count),) if rule.posts else ())
    return (rule.on_title, rule.keywords, rule.patterns, regex)


def untitled(rule: Rule) -> Rule | None:
    """The rule's question without its ``on_title`` (what the page's text alone must answer), for a
    ``text`` rule that has one; else None: :func:`text_rules` asks it of every page too, for the pages
    a menu entry names (class 3000, :mod:`.entry_titles`)."""
    if rule.kind != "text" or not rule.on_title:
        return None
    return replace(rule, on_title=())


def text_rules(checklists: Iterable[Checklist]) -> tuple[Rule, ...]:
    """The text rules of these checklists, one per distinct question (for :func:`index_site`)."""
    rules: dict[TextProbe, Rule] = {}
    for checklist in checklists:
        for item in checklist.items:
            for part in item.parts:
                for rule in part.rules:
                    if rule.kind in TEXT_KINDS:
                        rules.setdefault(probe(rule), rule)
                    # the same question without its on_title: a page a menu entry names (class 3000)
                    if (bare := untitled(rule)) is not None:
                        rules.setdefault(probe(bare), bare)
    return tuple(rules.values())


def _on_title(phrases: Sequence[tuple[str, ...]], labels: Iterable[tuple[str, int, str]]) -> bool:
    """Whether one of a page's labels (title, h1, sections) is about one of the phrases."""
    return any(label_match(p, n, w, 6) for p in phrases for n, w, _raw in labels)


def probe_match(question: TextProbe, labels: Sequence[Label], folded: str) -> bool:
    """Whether a page's labels and folded main text answer a text rule's question."""
    on_title, keywords, patterns, regex = question
    if on_title and not _on_title(on_title, labels):
        return False
    return text_match(keywords, patterns, regex, folded)


# A title phrase as _on_title looks for it: its words between spaces, and how many of them count.
_TitlePhrase = tuple[str, int]


def _title_phrases(phrases: Sequence[tuple[str, ...]]) -> tuple[_TitlePhrase, ...]:
    return tuple((f" {' '.join(p)} ", count_words(p)) for p in phrases)


def _on_padded(phrases: Sequence[_TitlePhrase], padded: Sequence[tuple[str, int]]) -> bool:
    """:func:`_on_title` with the phrases and labels spaced beforehand (``label_match``'s
    ``in_norm`` and slack of 6, without rebuilding the strings for every pair)."""
    return any(p in n and w - c <= 6 for p, c in phrases for n, w in padded)


def crumb_name(root: Any) -> str:
    """The step of the page's breadcrumb marked as the current page (``aria-current="page"``) when
    the page has no ``h1``, else "". Only the marked step: a template's breadcrumb copied from page
    to page without its last step changed names another page (g-hsap's «Procesos y procedimientos»
    over its job offers)."""
    if root.find(".//h1") is not None:
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and is_breadcrumb(el):
            step = next((c for c in el.iter() if c is not el and c.get("aria-current") == "page"), None)
            text = element_text(step) if step is not None else ""
            if 0 < len(text) <= 120:
                return text
    return ""


def _chrome_key(ref: ChromeRef, origin: str, base: str) -> str:
    """Cache key of a chrome block's content: its markup and what its links resolve against."""
    sig, region, relative = ref
    return "chrome:" + hashlib.sha1(f"{sig}\n{region}\n{origin}\n{base if relative else ''}".encode()).hexdigest()


def _link_row(link: Link) -> list[Any]:
    return [link.target, link.text, link.region, link.tmenu, link.ctx, link.is_doc, link.embed, link.fragment]


class _LinkRows:
    """Links rebuilt from cached rows; key and norm derived as make_link does, once per distinct
    target and text of a build (the same targets and texts recur on thousands of pages)."""

    __slots__ = ("targets", "texts", "words")

    def __init__(self) -> None:
        self.targets: dict[str, tuple[str, str]] = {}  # target -> (interned target, key)
        self.texts: dict[str, tuple[str, str, int]] = {}  # text -> (interned text, norm, nwords)
        self.words: dict[str, str] = {}  # region, heading -> interned

    def link(self, row: Sequence[Any]) -> Link:
        target, text, region, tmenu, ctx, is_doc, embed, fragment = row
        t = self.targets.get(target)
        if t is None:
            t = self.targets[target] = (sys.intern(target), url_key(target))
        x = self.texts.get(text)
        if x is None:
            x = self.texts[text] = (sys.intern(text), *text_norm(text))
        words = self.words
        r = words.get(region)
        if r is None:
            r = words[region] = sys.intern(region)
        c = words.get(ctx)
        if c is None:
            c = words[ctx] = sys.intern(ctx)
        return Link(t[0], t[1], x[0], x[1], x[2], r, tmenu, c, is_doc, embed, fragment)


def _form_row(form: Form) -> list[Any]:
    return [sorted(form.purposes), form.norm, *([form.box] if form.box else [])]


def _form_of(row: Sequence[Any]) -> Form:
    return Form(frozenset(row[0]), row[1], *row[2:3])


def _block_row(block: Block) -> dict[str, Any]:
    return {
        "links": [_link_row(x) for x in block.links],
        "forms": [_form_row(f) for f in block.forms],
        "footer": block.footer,
        "names": list(block.names),
    }


class Builder:
    """Parses the pages of one site (or rebuilds them from the parse cache), sharing the chrome
    blocks that pages repeat."""

    def __init__(
        self, home_url: str, probes: Sequence[TextProbe] | None = None, cache: ParseCache | None = None
    ) -> None:
        self.resolve = Resolver()
        self.link_texts: dict[str, str] = {}  # each distinct link text once (see pages.Ctx)
        self.rows = _LinkRows()
        # (signature hash, region, origin or base folder) -> the block shared by the pages that have it
        self.chrome_cache: dict[tuple[str, str, str], Block] = {}
        self.site_host = bare_host(urlsplit(home_url).hostname)
        self.probes = probes  # None: pages keep their main text (judged on demand)
        # each probe's title phrases spaced once (see _on_padded)
        self.title_probes = tuple((_title_phrases(q[0]), q[1:]) for q in probes or ())
        self.cache = cache if probes is not None else None  # a cached parse keeps no text
        # the text rules answered are part of what a parse yields (text, not a number: the
        # version column has integer affinity)
        self.version = f"{PARSE_VERSION}.{hashlib.sha1(repr(probes).encode()).hexdigest()[:12]}"
        self.carried: Carried | None = None  # the previous crawl's pages (see carry)
        self.origins = Origins()  # how each cached page was made, to carry it
        # one tuple for equal chrome references (the pages of a template repeat them): each page's
        # own were held to the end of the index (issue 21, H263)
        self._refs: dict[Any, Any] = {}
        self.strings = LinkStrings()  # pages' own links are kept packed (see packed)

    def parse(self, doc: PageDoc, idx: int) -> Page | None:
        """The page parsed, or rebuilt from its cached parse; None when its HTML cannot be read."""
        if self.cache is None or not doc.body_hash:
            parsed = self._parse(doc, idx)
            return parsed[0] if parsed else None
        key = f"{doc.body_hash} {doc.url}"
        taken = self.carried.take(key, idx) if self.carried is not None else None
        if taken is not None:
            return self._carried(key, *taken, doc, idx)
        fresh: list[Page] = []

        def compute() -> dict[str, Any]:
            parsed = self._parse(doc, idx)
            if parsed is None:
                raise _NoBody
            fresh.append(parsed[0])
            return parsed[1]

        try:
            record = self.cache(key, _PAGE_AUDIT, self.version, compute)
        except _NoBody:
            return None
        self._origin(idx, doc, record["chrome"], record["origin"], record["base"])
        if fresh:
            return fresh[0]
        try:
            return self._load(record, doc, idx)
        except _Uncached:
            parsed = self._parse(doc, idx)
            return parsed[0] if parsed else None

    def _carried(
        self,
        key: str,
        record: Sequence[Any],
        chrome: list[Callable[[], Block]],
        own: tuple[PackedLinks, tuple[Form, ...]] | None,
        doc: PageDoc,
        idx: int,
    ) -> Page:
        """A page carried from the previous crawl (see ``carry``): as :meth:`_load` rebuilds it
        from its cached parse, its chrome blocks shared through the same chrome cache."""
        origin, base, refs = made_from(record)
        blocks = [self._chrome(tuple(ref), origin, base, make) for ref, make in zip(refs, chrome, strict=True)]
        page = page_of(record, idx, doc.url, url_key(strip_fragment(doc.url)), doc.fetched_at, doc.depth)
        for block in blocks:
            block.pages.append(idx)
            page.blocks.append(block)
        if own is not None:
            page.blocks.append(Block("", self.strings.keep(own[0]), own[1], "", (idx,)))
        self._origin(idx, doc, refs, origin, base)
        return page

    def _origin(self, idx: int, doc: PageDoc, refs: Iterable[Sequence[Any]], origin: str, base: str) -> None:
        """Keep how page ``idx`` was made, to carry it (its key is its body hash and URL), sharing
        what pages repeat: its chrome references (one tuple for equal ones), its URL, origin and
        base (one string each, interned as the index's; the base is most often the page's URL)."""
        if len(self._refs) > _MAX_CHROME:  # those met so far stay shared; the table stays bounded
            self._refs.clear()
        one = self._refs.setdefault
        refs = tuple([one(t, t) for t in map(tuple, refs)])
        self.origins.put(idx, doc.body_hash, sys.intern(doc.url), refs, sys.intern(origin), sys.intern(base))

    def _chrome(self, ref: ChromeRef, origin: str, base: str, make: Callable[[], Block]) -> Block:
        """The shared block of a chrome element: the one already seen with the same markup (and
        links resolving alike), else ``make()``."""
        sig, region, relative = ref
        ck = (sig, region, origin)
        block = self.chrome_cache.get(ck)
        if block is None and relative:
            ck = (sig, region, base.rsplit("/", 1)[0])
            block = self.chrome_cache.get(ck)
        if block is None:
            block = make()
            if len(self.chrome_cache) < _MAX_CHROME:
                self.chrome_cache[ck] = block
        return block

    def _extracted(self, el: Any, ref: ChromeRef, ctx: Ctx) -> Block:
        links, forms, footer, names = extract_chrome(el, ref[1], ctx)
        block = Block(ref[1], links, forms, footer, names=names)
        if self.cache is not None:
            self.cache(_chrome_key(ref, ctx.origin, ctx.base), _CHROME_AUDIT, self.version, lambda: _block_row(block))
        return block

    def _cached_block(self, ref: ChromeRef, origin: str, base: str) -> Block:
        def missing() -> Any:
            raise _Uncached

        assert self.cache is not None
        row = self.cache(_chrome_key(ref, origin, base), _CHROME_AUDIT, self.version, missing)
        links, forms = tuple(map(self.rows.link, row["links"])), tuple(map(_form_of, row["forms"]))
        return Block(ref[1], links, forms, row["footer"], names=tuple(row.get("names") or ()))

    def _text_hits(self, labels: Sequence[tuple[str, int, str]], folded: str) -> tuple[int, ...]:
        """The text rules (indexes into ``probes``) the page's labels and main text meet: as
        :func:`probe_match` of each, the words looked for in the text once for all of them."""
        padded = [(f" {n} ", w) for n, w, _raw in labels]
        has: dict[str, bool] = {}
        hits = []
        for i, (on_title, (keywords, patterns, regex)) in enumerate(self.title_probes):
            if on_title and not _on_padded(on_title, padded):
                continue
            if text_match(keywords, patterns, regex, folded, has):
                hits.append(i)
        return tuple(hits)

    def _load(self, record: Mapping[str, Any], doc: PageDoc, idx: int) -> Page:
        """A page rebuilt from its cached parse (chrome blocks shared as when parsed)."""
        origin, base = record["origin"], record["base"]
        chrome = []
        for sig, region, relative in record["chrome"]:
            ref = (sig, region, relative)
            chrome.append(self._chrome(ref, origin, base, lambda ref=ref: self._cached_block(ref, origin, base)))
        page = Page(
            idx,
            doc.url,
            url_key(strip_fragment(doc.url)),
            doc.fetched_at,
            doc.depth,
            record["title"],
            labels_of(record["labels"]),
            labels_of(record["sections"]),
            record["headings"],
            record["news"],
            record["empty"],
            record["soft404"],
            "",
            [],
            tuple(sorted(record["first"])),
            tuple(record["text"]),
            dict(record.get("no_aplica") or {}),
            dict(record.get("only_links") or {}),
            list(record.get("dead") or []),
            dict(record.get("section_keys") or {}),
            record.get("loading") or "",
            bool(record.get("scripts")),
            bool(record.get("shell")),
            tuple(record.get("top_images") or ()),
            dict(record.get("notices") or {}),
        )
        for block in chrome:  # only once all are found: a page parsed again must not count twice
            block.pages.append(idx)
            page.blocks.append(block)
        if record["links"] is not None:
            page.blocks.append(
                Block(
                    "",
                    self.strings.keep(self.strings.pack_rows(record["links"])),
                    tuple(map(_form_of, record["forms"])),
                    "",
                    (idx,),
                )
            )
        return page

    def _record(
        self, page: Page, origin: str, base: str, chrome: list[ChromeRef], links: list[Link] | None
    ) -> dict[str, Any]:
        """What the cache keeps of a parse: all but the snapshot's own fields (URL, date, depth);
        ``links``: the page's own links (None when it has no content block)."""
        content = page.blocks[-1] if links is not None else None
        return {
            "title": page.title,
            "news": page.is_news,
            "empty": page.empty,
            "soft404": page.soft404,
            "labels": label_rows(page.labels),
            "sections": label_rows(page.sections),
            "headings": page.headings,
            "first": sorted(page.first_keys),
            "text": page.text_hits,
            "no_aplica": page.no_aplica,
            "only_links": page.only_links,
            "dead": page.dead,
            "section_keys": page.section_keys,
            "loading": page.loading,
            "scripts": page.scripts,
            "shell": page.shell,
            "top_images": page.top_images,
            "notices": page.notices,
            "origin": origin,
            "base": base,
            "chrome": chrome,
            "links": [_link_row(x) for x in links] if links is not None else None,
            "forms": [_form_row(f) for f in content.forms] if content else [],
        }

    def _parse(self, doc: PageDoc, idx: int) -> tuple[Page, dict[str, Any]] | None:
        """The page parsed from its HTML, with the record the cache keeps; None without HTML."""
        html = doc.markup()
        if html is None:
            return None
        key = url_key(strip_fragment(doc.url))
        # what the source cannot have, told by scanning it (C speed), is not searched for in the tree
        data_links, titles = may_hold_data_links(html), may_hold_custom_titles(html)
        root = read_document(html)
        del html
        split = urlsplit(doc.url)
        origin = f"{split.scheme}://{split.netloc}"
        page = Page(
            idx,
            doc.url,
            key,
            doc.fetched_at,
            doc.depth,
            "",
            [],
            [],
            [],
            is_news_key(key),
            UNREADABLE,
            False,
            "",
            [],
            (),
        )
        if root is None:
            self._set_text(page, "")
            return page, self._record(page, origin, doc.url, [], None)
        if data_links:
            anchor_data_links(root)  # «<button data-url=…>» is a link as a person clicks it (datalinks)
        if titles:
            custom_titles_as_styled(root)  # «<mat-card-title>Misión</mat-card-title>» titles its card (regions)
        base, origin = base_of(root, doc.url, origin)
        foreign = bare_host(urlsplit(base).hostname) != bare_host(urlsplit(doc.url).hostname)
        refs, links = self._read(root, page, Ctx(base, origin, self.resolve, foreign, self.link_texts))
        return page, self._record(page, origin, base, refs, links)

    def _read(self, root: Any, page: Page, ctx: Ctx) -> tuple[list[ChromeRef], list[Link]]:
        """Fill a page from its parsed HTML; the chrome blocks it has and its own links (kept
        packed in its content block)."""
        title_el = root.find(".//title")
        page.title = title = element_text(title_el) if title_el is not None else ""
        page.is_news = page.is_news or is_article(root)
        links = head_links(root, ctx)
        page.first_keys = first_keys(root, ctx)
        page.scripts = runs_script(root)
        ids = script_ids(root)  # what its own code writes into, read before the scripts go
        strip_scripts(root)
        bare = page.scripts and is_bare(root)  # before the template's header and footer are taken out
        fills = page.scripts and fills_empty(root, ids)
        crumb = crumb_name(root)  # likewise: a breadcrumb is often a <nav>, taken out with the chrome
        refs = self._chrome_blocks(root, page, ctx)
        before = (ctx.base, ctx.origin, ctx.foreign, title, crumb, links, page.scripts, bare, fills)
        if self.cache is None:
            return refs, self._content(root, page, ctx, before)[0]
        # the reading of the content, kept by what it reads (a template change leaves it as it was)
        key = residue_key(root, before)
        if key is None:
            return refs, self._content(root, page, ctx, before)[0]
        made: list[list[Link]] = []

        def compute() -> dict[str, Any]:
            own, forms = self._content(root, page, ctx, before)
            made.append(own)
            return content_row(page, own[len(links) :], forms, _link_row, _form_row)

        row = self.cache(key, CONTENT_AUDIT, self.version, compute)
        if made:
            return refs, made[0]
        content_links, forms = apply_row(row, page, self.rows.link, _form_of)
        links = links + content_links
        page.blocks.append(Block("", self.strings.keep(self.strings.pack(links)), forms, "", (page.idx,)))
        return refs, links

    def _content(self, root: Any, page: Page, ctx: Ctx, before: tuple[Any, ...]) -> tuple[list[Link], tuple[Form, ...]]:
        """Read a page's content once its chrome is out: a function of its tree then and of
        ``before`` alone (base, origin, foreign, title, breadcrumb step, head links, scripts, bare,
        fills: see ``residue``). Its links (the head's, then the content's) and forms."""
        title, crumb, links, bare, fills = before[3], before[4], list(before[5]), before[7], before[8]
        folded = main_fold(root)  # the tree is not changed from here on: read once, asked twice
        content = read_content(root, ctx, folded)
        page.headings, page.sections = content.headings, content.sections
        page.no_aplica, page.only_links, page.dead = content.na, content.only_links, content.dead
        page.section_keys, page.notices = content.section_keys, content.notices
        # a page with no h1 is named by its breadcrumb's last step («Inicio › Atención al cliente»), as a
        # person reads it (class 1042)
        page.labels = title_labels(title) + (content.h1_labels or ([text_norm(crumb) + (crumb,)] if crumb else []))
        if content.headings and (first := text_norm(content.headings[0]))[0] in SITE_MAP_NAMES:
            # «<p><b>Mapa del Sitio</b></p>» over the menu's groups as h1s: the page is named by its
            # first title, not by its groups (the last, «Noticias», is no name of it: H241)
            page.labels = title_labels(title) + [(*first, content.headings[0])]
        if is_site_map(page) or any(legal_text(n) for n, _w, _raw in page.labels):
            # a site map's headings group its links: an index of the site, not sections of content;
            # a legal text's headings are its clauses (class 151)
            page.sections = []
        links += content.links
        label_words = " ".join(x[0] for x in page.labels)
        formless = formless_forms(root)  # fields a script sends, with no form element around them
        forms = (
            tuple(form_info(f, label_words) for f in root.iter("form"))
            + tuple(form_info(f, label_words, own_text=False) for f in formless)
            + tuple(lone_search_boxes(root))
        )
        # a page's own block: its links kept in the strings' rows, its one page a tuple (H248)
        page.blocks.append(Block("", self.strings.keep(self.strings.pack(links)), forms, "", (page.idx,)))
        page.empty, page.soft404, page.loading, page.shell = page_state(
            root, folded, title, page.headings, links, page.scripts, bare, bool(formless), fills
        )
        self._set_text(page, folded)
        return links, forms

    def _chrome_blocks(self, root: Any, page: Page, ctx: Ctx) -> list[ChromeRef]:
        """Header, navigation and footer blocks, shared between pages, taken out of the page."""
        outer = chrome_roots(root)
        page.top_images = top_images(root, outer)
        refs: list[ChromeRef] = []
        for r in outer:
            ref = chrome_ref(r)
            block = self._chrome(ref, ctx.origin, ctx.base, lambda r=r, ref=ref: self._extracted(r, ref, ctx))
            refs.append(ref)
            block.pages.append(page.idx)
            page.blocks.append(block)
        for r in outer:
            r.drop_tree()
        return refs

    def _set_text(self, page: Page, main_fold: str) -> None:
        """Keep the page's main text, or (the text rules being known) only which ones it meets:
        the text is most of a page's weight."""
        if self.probes is None:
            page.main_fold = str(main_fold)  # the text alone (a long one's distinct words are not kept)
        else:
            page.text_hits = self._text_hits(page.labels + page.sections, main_fold)
