"""A section of the mandated menu (or the Transparencia menu) whose own page names its entries and
publishes nothing under any (issue 15, H181, classes 1810-1812).

A category page «2. Normativa» that lists «2.1 Normativa de la entidad», «2.2 Búsqueda de normas» and
«2.3 Proyectos de normas para comentarios», each a title over a line of description and nothing
published (no document, no link: ``contents.BARE_ENTRY``), or each saying it has nothing yet, is the
section named and empty: the committee's criterion «Nombrado y vacío» (a section title with nothing
under it; «la lista» is every list of the site that names entries) and docs/checklist-scope.md,
criterion E («una sección del menú … cuyas entradas llevan todas a páginas así es nombrada y vacía:
``parcial``»). The section exists where the menu asks (not ``no_cumple``), but its page publishes
nothing of it, so it is never ``cumple``: every hit of the section item that is that page, leads to
it, or is the hub's card that leads to it carries the problem. The same holds for the menu
«Transparencia y acceso a la información pública» (``MENUS``) whose page lists the sections with
nothing published under any (each section's entries all linked to «#» or to the page itself).

Only what the page shows decides: one entry with a live link, a document or a section with its own
links is content, and the page is not read as empty; so is a page with more than one other heading
(something besides the list's own title). The site's list of sections on the page (a side menu that
links the page itself) is navigation, and a heading that repeats the page's title is its title: neither
is content.
"""

from __future__ import annotations

from collections.abc import Iterable

from .contents import BARE_ENTRY, BLANK_SECTION, CATEGORY_NOTE, DEAD_ENTRIES, EMPTY_SECTION, STAND_IN
from .evidence import Finder, Hit
from .guards import START_PAGE_NAMES, leads_home
from .model import Item
from .numerals import is_section_item, item_numeral
from .pages import Page
from .text import text_norm

# ``Page.only_links`` values of an entry seen to publish nothing: listed bare, saying it has nothing
# yet, an empty box, the template's stand-in, a short note, or entries all linked to «#»
_NOTHING = frozenset({BARE_ENTRY, BLANK_SECTION, CATEGORY_NOTE, DEAD_ENTRIES, EMPTY_SECTION, STAND_IN})
# the menu whose ``requires`` asks that it lead to a page with content: a hub whose every section is
# named and empty is that menu named and empty (criterion E: «o un menú»)
MENUS = frozenset({"ley1712.menu"})
ENTRIES = 2  # entries that show a list: one bare heading alone is a section shown empty, read elsewhere
_OTHER_HEADINGS = 1  # headings besides the entries and the navigation: the list's own title («Subcategorías»)


def empty_entries(page: Page, home: str = "") -> list[str]:
    """The entries a page names with nothing published under any of them (ENTRIES or more), or
    ``[]`` when the page publishes something (a live link or a document in a section, a heading
    with content of its own) or lists fewer entries. ``home``: the key of the site's start page (a
    way back from the page's title, as a breadcrumb's «Inicio», is no content)."""
    entries: list[str] = []
    navigation: set[str] = set()
    titles = {norm for norm, _n, _raw in page.labels}
    # the page's own title again («<h2>Normativa» under «<h1>Normativa»), when it links nowhere but
    # to itself or back to the start page
    titled = {raw for norm, _n, raw in page.sections if norm in titles}
    for raw, keys in page.only_links.items():
        if len(keys) == 1 and keys[0] in _NOTHING:
            entries.append(raw)
        elif page.key in keys:
            navigation.add(raw)  # the site's list of sections, this page among them
        elif raw in titled and all(k in ("", page.key, home) for k in keys):
            continue
        elif leads_home(page, keys, home):
            entries.append(raw)  # an entry whose every link leads back to the start page (H186)
        else:
            return []
    listed = navigation | set(entries)
    # a category heading whose entries all lead back to the start page (class 1860): named, dead
    entries += [raw for raw, keys in page.section_keys.items() if raw not in listed and leads_home(page, keys, home)]
    if len(entries) < ENTRIES:
        return []
    listed |= set(entries)
    if any(keys for raw, keys in page.section_keys.items() if raw not in listed):
        return []  # a heading with text and its own links: something is published
    if any(link.is_doc for block in page.blocks if not block.region for link in block.links):
        return []
    others = {raw for _norm, _n, raw in page.sections if raw not in listed and raw not in titled}
    return entries if len(others) <= _OTHER_HEADINGS else []


def _leads_to(finder: Finder, hit: Hit, page: Page, home: str) -> Page | None:
    """The page the hit shows the section by: the page it names or leads to, or, for a section of a
    page (a hub's card «2. Normativa»), the one page that section's own link opens."""
    norm = text_norm(hit.label)[0]
    if (
        hit.url != hit.found_on
        or not hit.label
        or any(title == norm for title, _n, _raw in page.labels)
        or not any(raw == hit.label for _n, _w, raw in page.sections)
    ):
        return page
    own = page.section_keys.get(hit.label) or page.only_links.get(hit.label) or []
    if leads_home(page, own, home):
        return page  # a section of this page whose entries all lead home: shown here (class 1860)
    label = f" {norm} "
    targets = {
        link.key: link.target
        for block in page.blocks
        if not block.region
        for link in block.links
        if not link.is_doc and label in f" {link.norm} " and link.key != page.key
    }
    if len(targets) != 1 or any(k not in targets for k in own):
        return None
    return finder.page_at(next(iter(targets.values())))


def dead_list(finder: Finder, page: Page, home: str) -> list[str]:
    """The entries of a page that is one list under its own title, each linking back to the start
    page (``home``) or to a page the crawl saw empty, at least one of them home (ENTRIES or more;
    class 1861), or ``[]``. The page has no section of its own (no heading with content, no listed
    entry) and no document in its content; only its content's links under its title are read (its
    side menu and breadcrumb, in a region, are navigation, not content). A link home named as the way
    back («Inicio», «Volver»: ``START_PAGE_NAMES``) in that list is not a dead entry: it is read as any
    other link, to a page the crawl saw publish something, so a live entry, and the page is not this
    form (the safe side: a way back is not taken for the list's dead entry; class 1944)."""
    if page.sections or page.only_links or page.section_keys or not home or home == page.key:
        return []
    titles = {raw for _norm, _n, raw in page.labels}
    links = [link for block in page.blocks if not block.region for link in block.links]
    if len(links) < ENTRIES or any(link.is_doc or link.embed or link.ctx not in titles for link in links):
        return []
    homeward = [link.key == home and link.norm not in START_PAGE_NAMES for link in links]
    for link, to_home in zip(links, homeward, strict=True):
        target = None if to_home else finder.page_at(link.target)
        if not to_home and (target is None or target is page or not target.empty):
            return []  # a live entry: the page publishes something
    return [link.text for link in links] if any(homeward) else []


def _names(entries: list[str]) -> str:
    """The first three entries, quoted, and «…» when there are more."""
    return ", ".join(f"«{e}»" for e in entries[:3]) + (" …" if len(entries) > 3 else "")


def _home_note(page: Page, entries: list[str], home: str) -> str:
    """The entries that lead back to the start page, named (the committee sees what to fix), or ""."""
    dead = [e for e in entries if leads_home(page, page.section_keys.get(e) or page.only_links.get(e) or [], home)]
    return f"; {_names(dead)} llevan a la página de inicio" if dead else ""


def mark_empty_section(finder: Finder, item: Item, hits: Iterable[Hit]) -> None:
    """Add the problem «named and empty» to each hit of a section item (or of the Transparencia menu,
    MENUS) whose page (the hit's, or the one its hub card opens) names its entries and publishes
    nothing under any (classes 1810, 1812)."""
    if not is_section_item(item_numeral(item.id)) and item.id not in MENUS:
        return
    home = finder.idx.home.key if finder.idx.home is not None else ""
    for hit in hits:
        page = finder.page_at(hit.url)
        target = _leads_to(finder, hit, page, home) if page is not None else None
        if target is None:
            continue
        if entries := empty_entries(target, home):
            note = _home_note(target, entries, home)
        elif entries := dead_list(finder, target, home):
            note = ": todas llevan a la página de inicio o a una página vacía"
        else:
            continue
        hit.problems.append(
            f"la página {target.url} nombra sus entradas ({_names(entries)}) sin nada publicado en ninguna" + note
        )
        hit.content_problem = True
