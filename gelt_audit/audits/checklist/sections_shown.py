"""A section of the mandated menu shown by its entries (issue 15, H91): a site with no heading
for a section (no «8. Información específica para grupos de interés») that lists two or more of
its entries («Información para niños, niñas y adolescentes», «Información para población
vulnerable»), found, named and empty or published, shows the section by them. Nothing on the site
names the section itself, so it is ``parcial``, with those entries as its evidence, never
``cumple`` (the section's own heading is what the menu mandates).

So is a section whose only name is an entry seen to publish nothing (to «#», the home page, a 404:
the committee's criterion, docs/checklist-states.md «Entradas sin nada detrás») while two or more of
its entries are published, live, elsewhere on the site (H154's cause A, H159's class 1590): the dead
entry is no evidence, the entries found are, and the detail still names the entry that leads
nowhere. One entry found alone still shows an entry, not the section (class 1591)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .model import Case, Item, ItemResult
from .numerals import is_section_item, item_numeral

NOT_FOUND = "no se encontró en el sitio rastreado"  # the detail of an item nothing on the site names
SHOWN_BY = 2  # entries of a section found that show it: one alone is an entry found, not a section
FOUND = ("cumple", "parcial")


def shown_by_entries(case: Case, done: Mapping[str, ItemResult], in_menu: Callable[[str], bool]) -> ItemResult | None:
    """The section item ``parcial`` when nothing names it and SHOWN_BY or more of its entries
    (``ley1712.8.1``, ``ley1712.8.3`` for ``ley1712.8``) were found; its evidence is theirs, what
    the Transparencia menu links first (``in_menu``: whether a URL is in it). None otherwise."""
    item: Item = case.item
    mine = done.get(item.id)
    if mine is None or mine.status != "no_cumple" or mine.evidence:
        return None
    # nothing names it, or only entries that publish nothing do (``ItemResult.dead``, judge._dead)
    if mine.detail != NOT_FOUND and not mine.dead:
        return None
    if not is_section_item(item_numeral(item.id)):
        return None
    entries = [r for key, r in done.items() if key.startswith(item.id + ".") and r.status in FOUND and r.evidence]
    if len(entries) < SHOWN_BY:
        return None
    shown = [u for r in entries for u in dict.fromkeys(r.evidence[:2])]
    urls = list(dict.fromkeys(shown))
    # what the Transparencia menu links first; among it, the page that shows two or more of the entries
    # (zzj's «Información específica para sitios de interés» over its three entries) is where a person
    # sees the section (class 2470): not the home page's shortcuts to them, which the menu does not
    # link (g-hsap); stable: the entries' order within each group
    urls.sort(key=lambda u: (not in_menu(u), -min(shown.count(u), SHOWN_BY)))
    named = ", ".join(f"«{r.name}» ({r.status.replace('_', ' ')})" for r in entries[:4])
    # the dead entry is still said, so the committee can fix it; the content a person finds is the entries'
    own = mine.detail if mine.dead else "sin una sección propia con su nombre"
    detail = f"{own}; la muestran sus entradas: {named}"
    snaps = [r.snapshot_date for r in entries if r.snapshot_date]
    return case.result("parcial", urls[:6], detail, max(snaps) if snaps else None)
