"""Evidence: the hits rules find (a page, or a link on a page) and the :class:`Finder` that makes
them from the site index, with where each sits (depth, menu, header/footer) and what is wrong
with it (broken, empty)."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from heapq import nsmallest
from typing import Any

from .emptiness import dead_documents, unopened, unseen_note
from .index import SiteIndex
from .model import Checklist, Item, Rule
from .packed import OccurrenceLists, Run
from .paged import depth_order, first_each
from .pages import Block, Link, Page, empty_there, is_site_map, is_staff_login
from .shared_entries import not_shown_where_shared
from .systems import NATIONAL_SYSTEMS
from .text import PREFILTERS, in_norm, longest, text_norm
from .urls import GONE, filename, is_news_key, same_site, url_key

SHELL_NOTE = (
    "sin verificar: la página no muestra nada sin sus scripts; la construye un script que el rastreo no ejecuta:"
    " ábrala en un navegador"
)
MAX_HITS = 50  # evidence kept per rule (shallowest first): enough to judge, cheap on big sites
_NONE = array("I")  # no occurrences (never appended to)
# Where a rule looks: anywhere, the home page, the site's header/footer/either, or page content.
SCOPES = ("any", "home", "header", "footer", "chrome", "content")
# What leads the evidence of a link whose presence is the item (``link_to``'s ``presence``).
PRESENCE = ("link", "page")


@dataclass(slots=True)
class Hit:
    """One piece of evidence a rule found, with what the item's constraints and periods read."""

    url: str
    found_on: str
    snapshot: str | None
    describe: str
    depth: int | None
    in_menu: bool
    placements: frozenset[str]
    problems: list[str] = field(default_factory=list)
    content_problem: bool = False
    broken: bool = False  # it leads only to a broken page (a service reached so is not offered)
    period_strings: tuple[str, ...] = ()
    no_aplica: str = ""  # the page's sentence saying the item does not apply to the entity
    scripted: bool = False  # an entry that opens by a script the crawl does not run: its content unseen
    unseen: str = ""  # why a scripted hit was not seen, when not an entry (a loading page, an empty box)
    # How the hit reads to a person (see :func:`rank`): the share of the matched label the item's
    # phrase covers, the label itself, and the kind of place (0 a page titled or a link named
    # for the item, 1 a section of a page, 2 other signals, 3 a URL slug or running text).
    match: float = 0.0
    label: str = ""
    tier: int = 2
    keyword: int = 99  # index of the matched keyword in the rule (the item's own name comes first)
    titled: bool = False  # running text on a page titled for the item («Contáctenos»): see :func:`rank`
    lesser: str = ""  # what it lacks, when a rule with ``partial`` found it (see judge._judge_evidence)
    dead: str = ""  # an entry seen to publish nothing, and where it leads (see judge._dead)
    lone_box: bool = False  # a search box with no form around it: never ``cumple`` by it (forms.LONE_SEARCH)
    present: str = ""  # a link whose presence is the evidence: ``link_to``'s ``presence`` («link», «page»)


class Finder:
    """What the rule kinds find evidence with: hits made from pages and links of one site index,
    for one checklist (its host aliases); shared per-block caches keep big sites fast."""

    def __init__(self, checklist: Checklist, idx: SiteIndex) -> None:
        self.idx = idx
        self.checklist = checklist  # the items, for what reads another item's name (elsewhere.py)
        self.hosts = dict(NATIONAL_SYSTEMS)
        self.hosts.update(dict(checklist.hosts))
        self.by_idx = idx.by_idx  # each page made when read (see paged)
        self._by_url: dict[str, int] | None = None  # built when first asked (see page_at)
        self._best: dict[int, int | None] = {}  # block -> its best page's number
        self._block_menu: dict[int, bool] = {}
        self._menu_cache: dict[str, bool] = {}
        self._news_cache: dict[str, bool] = {}
        self._host_keys: dict[tuple[str, ...], list[str]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def best_of(self, ids: Iterable[int]) -> Page | None:
        """Of these pages, the one to show as evidence: home, else the shallowest."""
        n = self._best_number(ids)
        return None if n is None else self.by_idx[n]

    def _best_number(self, ids: Iterable[int]) -> int | None:
        """:meth:`best_of`'s page, by number, read from the pages' columns (none made)."""
        home = self.idx.home
        home_idx = home.idx if home is not None else -1
        depth, keys, urls, there = self.idx.depth, self.idx.pages.store.keys, self.idx.pages.store.urls, self.by_idx
        ids = [i for i in ids if i in there]
        return min(ids, key=lambda i: (i != home_idx, depth.get(keys[i], 99), urls[i])) if ids else None

    def best_page(self, block: Block) -> Page | None:
        """The page a block (shared by many pages) is best shown on."""
        key = id(block)  # blocks live in the SiteIndex for the judge's lifetime
        if key not in self._best:
            self._best[key] = self._best_number(block.pages)
        n = self._best[key]
        return None if n is None else self.by_idx[n]

    def _in_menu_key(self, key: str) -> bool:
        hit = self._menu_cache.get(key)
        if hit is None:
            hit = key in self.idx.menu_keys or any(key.startswith(pre) for pre in self.idx.menu_prefixes)
            self._menu_cache[key] = hit
        return hit

    def in_menu_url(self, url: str) -> bool:
        """Whether a URL is linked from the Transparencia menu (or under one of its prefixes)."""
        return self._in_menu_key(url_key(url))

    def _occ_in_menu(self, block: Block, link: Link) -> bool:
        return self._placed_in_menu(block, link.key, link.tmenu)

    def _placed_in_menu(self, block: Block, key: str, tmenu: bool) -> bool:
        if tmenu or self._in_menu_key(key):
            return True
        if block.region:
            return False
        k = id(block)
        if k not in self._block_menu:
            page = self.best_page(block)
            self._block_menu[k] = page is not None and self._in_menu_key(page.key)
        return self._block_menu[k]

    def depth(self, key: str, hint: int | None = None) -> int | None:
        """Clicks from the home page to a URL key (``hint``: the crawl's own count)."""
        return self.idx.depth.get(key, hint)

    def page_hit(self, page: Page, describe: str, item: Item) -> Hit | None:
        """A page as evidence (None for a news page the item does not accept)."""
        if (page.is_news and not item.allow_news) or is_staff_login(page):
            return None  # a staff login is never evidence (issue 15)
        hit = Hit(
            url=page.url,
            found_on=page.url,
            snapshot=page.fetched_at,
            describe=describe,
            depth=self.depth(page.key, page.depth_hint),
            in_menu=self._in_menu_key(page.key),
            placements=frozenset(self.idx.placements.get(page.key, ())),
        )
        if page.loading:
            # «Cargando noticias…» and a script that replaces it: the crawl saw the placeholder only
            hit.scripted, hit.unseen = True, unseen_note(page.loading)
            hit.describe = f"{describe}, que muestra «{page.loading}»"
        elif page.shell:
            # a single-page application's shell (<div id="root"></div> and its script): nothing seen
            hit.scripted, hit.unseen = True, SHELL_NOTE
        elif page.empty:
            hit.problems.append(f"la página {page.url} {page.empty}")
            hit.content_problem = True
        elif n := dead_documents(page):
            hit.problems.append(f"la página {page.url} {unopened(n)}")
            hit.content_problem = True
        hit.period_strings = (page.title, *page.headings)
        return hit

    def page_hits(self, found: Iterable[tuple[Page, str]], item: Item) -> list[Hit]:
        """Page hits, one per page (its first description), shallowest first, at most MAX_HITS."""
        store = self.idx.pages.store
        order = depth_order(store, self.depth)  # Title.hits keeps its labels' best for these pages only
        # the MAX_HITS shallowest kept as met (``nsmallest`` is ``sorted(...)[:n]``), not every page a rule
        # meets with its description and sort key at once (most of a 50,000-page site: issue 21, H298)
        met = first_each(found, len(store), lambda p: not (p.is_news and not item.allow_news))
        chosen = nsmallest(MAX_HITS, met, key=lambda h: order(h[0]))
        hits = [self.page_hit(store.page(i), describe, item) for i, describe in chosen]
        return [h for h in hits if h is not None]

    def _link_hit(self, block: Block, link: Link, item: Item) -> Hit | None:
        found = self.best_page(block)
        if found is None:
            return None
        st = self.idx.status.get(link.key)
        target = st.page if st is not None else None
        news = (target is not None and target.is_news) or (target is None and is_news_key(link.key))
        if (news and not item.allow_news) or (target is not None and is_staff_login(target)):
            return None  # «Funcionarios» → the staff login: a door to a private system, not the item
        depth = self.depth(link.key)
        found_depth = self.depth(found.key, found.depth_hint)
        if depth is None and found_depth is not None:
            depth = found_depth + 1
        placements = set(self.idx.placements.get(link.key, ()))
        if block.region:
            placements.add(block.region)
        text = link.text or filename(link.key) or link.target
        what = "documento" if link.is_doc else "enlace"
        hit = Hit(
            url=link.target,
            found_on=found.url,
            snapshot=target.fetched_at if target is not None else found.fetched_at,
            describe=f"{what} «{text}» en {found.url}",
            depth=depth,
            in_menu=self._occ_in_menu(block, link),
            placements=frozenset(placements),
        )
        state = self.idx.link_states.get(link.key)
        if st is not None and st.status >= 400:
            hit.problems.append(f"el enlace «{text}» apunta a una página rota ({st.status})")
            hit.content_problem = hit.broken = True
            if st.status in GONE:  # a page that does not exist, not a 5xx (which may pass)
                hit.dead = f"la entrada «{text}» de {found.url} lleva a {link.target}, que no existe ({st.status})"
        elif state == "broken" and target is None:
            hit.problems.append(f"el enlace «{text}» está roto")
            hit.content_problem = hit.broken = True
        elif target is not None and target.loading:
            hit.scripted, hit.unseen = True, unseen_note(target.loading)
            hit.describe += f", que lleva a {target.url}: muestra «{target.loading}»"
        elif target is not None and target.shell:
            hit.scripted, hit.unseen = True, SHELL_NOTE
            hit.describe += f", que lleva a {target.url}"
        elif (
            target is not None
            and not link.fragment
            and self.idx.is_home(target)
            and (target is not self.idx.home or found is not target or link.key != target.key)
        ):
            # «Link al formulario…» → «/», or «Misión» → «/?p=137» (a post a WordPress base lacks: its home
            # template answers; «/index.html» serving what «/» serves): a person lands on the start page,
            # not on the item (classes 1410, 1420)
            hit.problems.append(f"el enlace «{text}» lleva a la página de inicio, no a lo que nombra")
            hit.content_problem = True
            hit.dead = f"la entrada «{text}» de {found.url} lleva a la página de inicio"
            hit.url = found.url  # what a person points to: the entry, on the page that shows it
        elif target is not None and target.empty:
            # after the start page: an entry that leads home is dead however little the home page shows
            hit.problems.append(f"el enlace «{text}» lleva a {target.url}, que {target.empty}")
            hit.content_problem = True
        elif target is not None and not_shown_where_shared(block, link, target):
            # «9. Instrumentos de gestión…», one of nine drop-down entries to one accordion page whose
            # ninth card is «9. Servicios»: the entry names the section, the page it opens lacks it
            hit.problems.append(f"el enlace «{text}» lleva a {target.url}, que no lo muestra")
            hit.content_problem = True
        elif target is not None and link.norm and (empty := empty_there(target, link.norm, link.fragment)):
            # «⚖️ Normatividad» → the page that says «No hay documentos … en la categoría "Normatividad"»
            hit.problems.append(f"el enlace «{text}» lleva a {target.url}, {empty}")
            hit.content_problem = True
        elif target is not None and (n := dead_documents(target)):
            # «1.3 Boletines informativos» → a page of bulletins whose every «Descargar» is «#»
            hit.problems.append(f"el enlace «{text}» lleva a {target.url}, que {unopened(n)}")
            hit.content_problem = True
        if link.region and link.text and link.ctx == link.text and self.is_external(link.key):
            hit.url = found.url  # «Enlaces de Interés» over links to other sites: the list, where it is shown
        strings = [link.text, filename(link.key), link.ctx]
        if target is not None:
            strings += [target.title, *target.headings]
        hit.period_strings = tuple(strings)
        return hit

    def _is_news_target(self, key: str) -> bool:
        news = self._news_cache.get(key)
        if news is None:
            st = self.idx.status.get(key)
            news = st.page.is_news if st is not None and st.page is not None else is_news_key(key)
            self._news_cache[key] = news
        return news

    def link_hits(self, occ: Iterable[tuple[Block, Link]], item: Item) -> list[Hit]:
        """Link hits, one per target (its best occurrence: in the menu, shallowest page); the
        MAX_HITS shallowest targets, news targets left out unless the item allows them."""
        groups = self._by_target(((link.key, (block, link)) for block, link in occ), item)
        return self._best_hits(groups, item, self._best_occurrence)

    def _by_target(self, pairs: Iterable[tuple[str, Any]], item: Item) -> dict[str, list[Any]]:
        """The values grouped by target key, in order; news targets left out unless the item
        allows them."""
        groups: dict[str, list[Any]] = {}
        skipped: set[str] = set()
        for key, value in pairs:
            g = groups.get(key)
            if g is None:
                if key in skipped:
                    continue
                if not item.allow_news and self._is_news_target(key):
                    skipped.add(key)
                    continue
                g = groups[key] = []
            g.append(value)
        return groups

    def _best_hits(self, groups: dict[str, list[Any]], item: Item, best_of: Callable[[list[Any]], Any]) -> list[Hit]:
        """A hit per target of the MAX_HITS shallowest ones, from the best occurrence ``best_of``
        picks among the target's group."""
        hits = []
        for key in sorted(groups, key=lambda k: (self.depth(k) or 99, k))[:MAX_HITS]:
            best = best_of(groups[key])
            if best is not None:
                hit = self._link_hit(best[1], best[2], item)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _best_of_run(self, run: Run) -> tuple[tuple[bool, int], Block, Link] | None:
        """:meth:`_best_occurrence` of a run, making only the best one's link."""
        placed = run.occ.placed
        best: tuple[tuple[bool, int], Block, int] | None = None
        for n in run.ids:
            block, key, tmenu = placed(n)
            page = self.best_page(block)
            if page is None or (not block.region and is_site_map(page)):  # it lists every page (H241)
                continue
            rank = (not self._placed_in_menu(block, key, tmenu), self.depth(page.key, page.depth_hint) or 99)
            if best is None or rank < best[0]:
                best = (rank, block, n)
        return None if best is None else (best[0], best[1], run.occ.link(best[2]))

    def _best_occurrence(self, occs: Iterable[tuple[Block, Link]]) -> tuple[tuple[bool, int], Block, Link] | None:
        """The first best occurrence (in the menu, shallowest page) among a target's occurrences."""
        best: tuple[tuple[bool, int], Block, Link] | None = None
        for block, link in occs:
            page = self.best_page(block)
            if page is None or (not block.region and is_site_map(page)):  # it lists every page (H241)
                continue
            rank = (not self._occ_in_menu(block, link), self.depth(page.key, page.depth_hint) or 99)
            if best is None or rank < best[0]:
                best = (rank, block, link)
        return best

    # -- link occurrences in runs: one list per target, derived once per index ----------------
    def _memo(self, name: str) -> dict[Any, Any]:
        return self.idx.memo.setdefault(name, {})

    def _text_occurrences(
        self, i: int
    ) -> tuple[tuple[str, ...], tuple[Run, ...], bool, tuple[str, ...], tuple[str, ...]]:
        """What the finder reads of link text ``i``'s occurrences, in one pass over them: the
        target keys and their occurrences (in index order), whether one goes to a part of a page,
        the targets and each one's first text. Kept as tuples (the index's lifetime: two dicts a
        text weighed most of the memo); the runs are the same objects at every call
        (``_run_best`` knows them so)."""
        memo = self._memo("text_occurrences")
        got = memo.get(i)
        if got is None:
            lists = self.idx.link_texts.payloads
            assert isinstance(lists, OccurrenceLists)  # index_site keeps link texts' occurrences so
            occ = lists.occ
            named = occ.named
            ids: dict[str, array[int]] = {}
            firsts: dict[str, str] = {}
            fragments = False
            for n in lists.ids[i]:
                key, target, text, fragment = named(n)
                run = ids.get(key)
                if run is None:
                    ids[key] = array("I", (n,))
                else:
                    run.append(n)
                if target not in firsts:
                    firsts[target] = text
                fragments = fragments or fragment
            runs = tuple([Run(occ, run) for run in ids.values()])
            got = memo[i] = (tuple(ids), runs, fragments, tuple(firsts), tuple(firsts.values()))
        return got

    def text_runs(self, i: int) -> dict[str, Run]:
        """The occurrences of link text ``i`` (see ``SiteIndex.link_texts``) by target key, in
        index order (a new dict each time; the runs are kept)."""
        keys, runs, *_ = self._text_occurrences(i)
        return dict(zip(keys, runs, strict=True))

    def text_has_fragments(self, i: int) -> bool:
        """Whether some occurrence of link text ``i`` goes to a part (``#…``) of a page."""
        return self._text_occurrences(i)[2]

    def text_targets(self, i: int) -> dict[str, str]:
        """Each target of link text ``i`` and the text of its first occurrence (index order; a
        new dict each time)."""
        got = self._text_occurrences(i)
        return dict(zip(got[3], got[4], strict=True))

    def target_run(self, key: str) -> Run:
        """The occurrences of a target that are links, not embeds (index order)."""
        memo = self._memo("target_runs")
        run = memo.get(key)
        if run is None:
            targets = self.idx.targets
            occ = targets.occ
            ids = targets.ids.get(key, _NONE)
            if key in targets.embedded:
                ids = array("I", (n for n in ids if not occ.link(n).embed))
            run = memo[key] = Run(occ, ids)
        return run

    def _run_best(self, run: Collection[tuple[Block, Link]]) -> tuple[tuple[bool, int], Block, Link] | None:
        """The first best occurrence of a run (in the menu, shallowest page), as link_hits picks it;
        kept per run: runs are lists the index memo holds for its lifetime."""
        memo = self._memo("run_best")
        got = memo.get(id(run))
        if got is not None and got[0] is run:
            return got[1]
        best = self._best_of_run(run) if isinstance(run, Run) else self._best_occurrence(run)
        memo[id(run)] = (run, best)
        return best

    def run_hits(self, runs: Iterable[tuple[str, Collection[tuple[Block, Link]]]], item: Item) -> list[Hit]:
        """:meth:`link_hits` of the concatenated runs ((target key, its occurrences) as
        :meth:`text_runs` and :meth:`target_run` give them), without a step per occurrence."""
        groups = self._by_target(((key, run) for key, run in runs if run), item)
        return self._best_hits(groups, item, self._best_of_runs)

    def target_hits(
        self,
        keys: Iterable[str],
        item: Item,
        ok: Callable[[str, Link], bool] | None = None,
        where: Callable[[str, Run], Run] | None = None,
    ) -> list[Hit]:
        """:meth:`run_hits` of ``(key, [o for o in target_run(key) if ok(key, o[1])])`` for
        distinct target keys, with the pure predicate ``ok`` asked only until the MAX_HITS
        shallowest targets keeping some occurrence are known: the deeper ones could not be hits.
        ``where`` instead of ``ok``: ``where(key, run)`` gives the occurrences of a target's run
        to keep (a filter that reads the packed links without making each)."""
        groups: dict[str, list[Run]] = {}
        for key in sorted(set(keys), key=lambda k: (self.depth(k) or 99, k)):
            if not item.allow_news and self._is_news_target(key):
                continue
            if where is not None:
                run = where(key, self.target_run(key))
            else:
                assert ok is not None
                run = self.target_run(key).where(lambda link, key=key: ok(key, link))  # type: ignore[misc]
            if run:
                groups[key] = [run]
                if len(groups) == MAX_HITS:
                    break
        return self._best_hits(groups, item, self._best_of_runs)

    def _best_of_runs(self, group: list[Collection[tuple[Block, Link]]]) -> tuple[tuple[bool, int], Block, Link] | None:
        """The first best occurrence of a target's runs (in the menu, shallowest page), as
        :meth:`link_hits` picks it among their concatenation."""
        found = (got for got in map(self._run_best, group) if got is not None)
        return min(found, key=lambda got: got[0], default=None)

    def page_at(self, url: str) -> Page | None:
        """The site's page at ``url`` (a hit's ``url`` or ``found_on``), if the crawl saw one."""
        if self._by_url is None:
            self._by_url = {url: i for i, url in zip(self.idx.pages.ids, self.idx.pages.urls(), strict=True)}
        n = self._by_url.get(url)
        return None if n is None else self.by_idx[n]

    def memo_of(self, name: str, key: Any) -> dict[Any, Any]:
        """A memo the index keeps for one family of pure decisions (``name``) made with ``key``
        (a rule's phrases): kept for every rule and profile judged on the index."""
        return self._memo(name).setdefault(key, {})

    def footer_candidates(self, rule: Rule) -> list[str]:
        """The site's footer texts (in index order) that can meet a text rule: those having the
        longest word of one of its keywords and, for each named pattern with literal
        prefilters, one of them (see ``text.text_match``); the others cannot."""
        texts = list(self.idx.footers)
        wanted: list[tuple[str, ...]] = []
        if rule.keywords:
            wanted.append(tuple(longest(k) for k in rule.keywords))
        wanted += [PREFILTERS[p] for p in rule.patterns if p in PREFILTERS]
        if not wanted:
            return texts
        memo = self._memo("footers")
        if "blob" not in memo:
            offsets, pos = [], 0
            for t in texts:
                offsets.append(pos)
                pos += len(t) + 1
            memo["blob"], memo["offsets"] = "\0".join(texts), offsets
        blob, offsets = memo["blob"], memo["offsets"]
        keep: set[int] | None = None
        for needles in wanted:
            found: set[int] = set()
            for needle in needles:
                start = 0
                while (j := blob.find(needle, start)) != -1:
                    i = bisect_right(offsets, j) - 1
                    found.add(i)
                    start = offsets[i + 1] if i + 1 < len(offsets) else len(blob)
            keep = found if keep is None else keep & found
        assert keep is not None
        return [texts[i] for i in sorted(keep)]

    def fragment_elsewhere(self, link: Link, phrases: Sequence[tuple[str, ...]]) -> bool:
        """Whether a link goes to a part (``#…``) of a crawled page that shows none of the phrases
        in its titles or sections: the part is missing, or about something else."""
        if not link.fragment:
            return False
        st = self.idx.status.get(link.key)
        page = st.page if st is not None else None
        if page is None:
            return False
        if any(in_norm(p, norm) for norm, _n, _raw in (*page.labels, *page.sections) for p in phrases):
            return False
        # the part is there when a heading of the page is about the item, however short its text
        # («Misión» then one line: the menu's «Misión» → organizacion#mision lands on it)
        return not any(in_norm(p, text_norm(h)[0]) for h in page.headings for p in phrases)

    def broken(self, key: str) -> bool:
        """Whether a URL key answered with an error in the crawl or the link check says broken."""
        st = self.idx.status.get(key)
        if st is not None:
            return st.status >= 400
        return self.idx.link_states.get(key) == "broken"

    def gone(self, key: str) -> bool:
        """Whether a URL key is a page the crawl fetched and got 404 or 410: one that does not exist
        (not a 5xx, a timeout or a page left unfetched, which the auditor cannot tell)."""
        st = self.idx.status.get(key)
        return st is not None and st.status in GONE

    def label_ok(self, rule: Rule, norm: str) -> bool:
        """Whether a label has none of the rule's ``exclude`` phrases."""
        return not any(in_norm(x, norm) for x in rule.exclude)

    def scope_ok(self, rule: Rule, block: Block | None, page: Page | None) -> bool:
        """Whether a link's block (or a page) is where the rule's ``scope`` looks."""
        s = rule.scope
        if s == "any":
            return True
        if s == "home":
            home = self.idx.home
            if block is not None:
                return home is not None and home.idx in block.pages
            return page is not None and page is home
        region = block.region if block is not None else ""
        if s == "content":
            return region == ""
        if s == "chrome":
            return region != ""
        return region == s

    def _host_patterns(
        self, patterns: Sequence[str], seen: frozenset[str] = frozenset()
    ) -> tuple[set[str], list[str], list[str]]:
        """Host patterns (``@alias`` expanded) as exact hosts, host suffixes and URL key prefixes."""
        exact: set[str] = set()
        suffixes: list[str] = []
        prefixes: list[str] = []
        for pat in patterns:
            if pat.startswith("@"):
                if pat not in seen:
                    e, s, p = self._host_patterns(self.hosts.get(pat[1:], ()), seen | {pat})
                    exact |= e
                    suffixes += s
                    prefixes += p
                continue
            pat = pat[4:] if pat.startswith("www.") else pat
            if pat.startswith("*."):
                exact.add(pat[2:])
                suffixes.append(pat[1:])
            elif "/" in pat:
                prefixes.append(pat)
            else:
                exact.add(pat)
        return exact, suffixes, prefixes

    def linked_to(self, hosts: tuple[str, ...]) -> list[str]:
        """The external targets matching these host patterns (many rules name the same systems)."""
        keys = self._host_keys.get(hosts)
        if keys is None:
            memo = self._memo("external")  # the index's external targets (in its order) by host
            if "keys" not in memo:
                memo["keys"] = [k for k in self.idx.targets if self._external(k)]
                by_host: dict[str, list[int]] = {}
                for i, k in enumerate(memo["keys"]):
                    by_host.setdefault(k.split("/", 1)[0], []).append(i)
                memo["by_host"] = by_host
            exact, suffixes, prefixes = self._host_patterns(hosts)
            ends, starts = tuple(suffixes), tuple(prefixes)
            every: list[str] = memo["keys"]
            picked = {i for h, ids in memo["by_host"].items() if h in exact or h.endswith(ends) for i in ids}
            if starts:
                picked.update(i for i, k in enumerate(every) if k.startswith(starts))
            keys = self._host_keys[hosts] = [every[i] for i in sorted(picked)]
        return keys

    def is_external(self, key: str) -> bool:
        """Whether a URL key is on another site (not this one, nor one of its subdomains); the
        home page's own host and port are this site."""
        home = self.idx.home
        if home is not None and key.split("/", 1)[0] == home.key.split("/", 1)[0]:
            return False
        return self._external(key)

    def _external(self, key: str) -> bool:
        host = key.split("/", 1)[0]
        site = self.idx.site_host
        return bool(site) and not same_site(host, site)

    def url_keys(self, rule: Rule, phrases: Iterable[tuple[str, ...]]) -> set[str]:
        """The URL keys whose path words have one of the phrases (and none of ``exclude``)."""
        u = self.idx.urls
        keys: set[str] = set()
        for slug in phrases:
            for i in u.find(slug):
                if self.label_ok(rule, u.entries[i]):
                    keys.update(u.payloads[i])
        return keys
