"""The checklist's data: profiles, groups, items, parts and rules as read from the TOML files,
the pages a crawl hands in, and the verdict on each item."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

STATUSES = ("cumple", "parcial", "no_cumple", "manual", "no_aplica", "sin_verificar")
# The statuses a site earns (manual, no_aplica and sin_verificar are not judged), worst first: the one order
# regressions, scores and the reports compare by.
STATUS_RANK = {"no_cumple": 0, "parcial": 1, "cumple": 2}


@dataclass(frozen=True)
class PageDoc:
    """One crawled page as the store gives it."""

    url: str  # absolute URL
    status: int  # HTTP status (200, 404, 500...; 301 pages have html None)
    html: str | None  # decoded HTML, None for non-HTML resources (PDF etc.)
    content_type: str
    fetched_at: str  # ISO 8601 UTC timestamp of the snapshot
    depth: int | None  # clicks from the home page (0 = home), None if unknown
    body_hash: str | None = None  # identifies the body: with the URL, the key of its cached parse
    # reads the HTML on demand (html None): a page whose parse is cached is never decoded
    fetch: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)
    location: str | None = None  # where a redirect (3xx) sends the browser, absolute

    @property
    def has_html(self) -> bool:
        """Whether the page has HTML to parse (given or on demand)."""
        return self.html is not None or self.fetch is not None

    def markup(self) -> str | None:
        """The decoded HTML, given or read on demand."""
        return self.html if self.html is not None or self.fetch is None else self.fetch()


@dataclass(frozen=True)
class ItemResult:
    """The verdict on one checklist item."""

    profile: str
    item: str
    phase: str
    name: str
    status: str
    evidence: tuple[str, ...]
    detail: str
    snapshot_date: str | None
    source: str  # "auto" or "manual"
    weight: float
    # the entries seen to publish nothing that alone made the item «no_cumple» (judge._dead), as its
    # detail names them: what sections_shown reads, so it decides on data, not on the detail's wording.
    # Not stored nor reported, and no part of the verdict's equality
    dead: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Rule:
    """One evidence rule; its ``kind`` names a class of the registry in ``rules.KINDS``."""

    kind: str
    keywords: tuple[tuple[str, ...], ...] = ()
    slugs: tuple[tuple[str, ...], ...] = ()
    hosts: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # named patterns
    regex: tuple[str, ...] = ()  # custom regular expressions (all must match)
    posts: tuple[str, ...] = ()  # people_list: the posts of a list of people, each one folded word
    purpose: str = ""
    contains: tuple[tuple[str, ...], ...] = ()
    scope: str = "any"
    on_title: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[tuple[str, ...], ...] = ()
    min_count: int = 1
    slack: int = 4
    embeds: bool = True
    extensions: tuple[str, ...] = ()
    name: str = ""
    prefix: str = ""
    partial: str = ""  # what such evidence lacks: what it finds is at most «parcial» (class 981)
    # a label numbered as the item's whole section («4. Planeación» for entry 4.3) is that section,
    # not the entry: no evidence of this rule (class 1032)
    not_section: bool = False
    # a name another item's norm gives (criterion F: «Participación en la formulación de políticas», a
    # participation space, for 6.1): only what it publishes can be the item, never the name alone, so
    # what it finds shown empty or with any problem is no evidence (class 2370)
    content_only: bool = False
    # ``link_to``: the link itself is what the item asks (criterion I's exception: the entity's social
    # networks, the GOV.CO portal): its presence is the evidence, and what it leads to, not verified
    # from here, is said in the verdict but never makes the item «sin_verificar». «link»: the one link
    # asked for leads the evidence; «page»: the page that shows the links (a set of accounts, the
    # template's bar) leads it
    presence: str = ""


@dataclass(frozen=True)
class Part:
    """A required sub-item; all parts must be found for ``cumple``."""

    name: str | None
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Item:
    """One checklist item as read from the checklist file."""

    id: str
    group: str
    name: str
    requires: str = ""
    source: str = ""
    legal_basis: str = ""  # norm, article or annex numeral («Res. MinTIC 1519 de 2020, Anexo 2, …»)
    weight: float = 1.0
    parts: tuple[Part, ...] = ()
    manual: bool = False
    no_aplica: str | None = None
    current: str | None = None
    grace_days: int = 0
    in_menu: str | None = None
    max_depth: int | None = None
    placement: str | None = None
    allow_news: bool = False
    note: str = ""
    # an online service (a query, a payment, a certificate): reached only through a broken link,
    # it is not offered (a document listed with a broken link is still partly published)
    service: bool = False
    # a part of the site's template (the header bar, the footer): found only outside its
    # ``placement``, it is not there at all (no_cumple), not «parcial» as a page linked elsewhere
    template: bool = False
    # a list of names (the oversight bodies): a section's entries name them even when they link to
    # «#»; "shown": naming them is the item; "linked": the item wants them linked (then parcial)
    names: str | None = None


@dataclass(frozen=True)
class Group:
    """A phase (gelt-2008) or section (ley1712-res1519) with its scoring weight."""

    id: str
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Checklist:
    """A checklist profile: metadata, groups, items and host aliases."""

    profile: str
    name: str
    source: str
    group_key: str
    groups: tuple[Group, ...]
    items: tuple[Item, ...]
    hosts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    parcial_value: float = 0.5
    path: str = ""

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if absent)."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def group(self, group_id: str) -> Group:
        """The group with this id; unknown groups get weight 1 and their id as name."""
        for g in self.groups:
            if g.id == group_id:
                return g
        return Group(group_id, group_id, 1.0)

    def with_items(self, items: Iterable[Item]) -> Checklist:
        """A copy with more items (e.g. the municipality's own, from :func:`extra_items`).

        An added item whose id already exists replaces the bundled one.
        """
        extra = list(items)
        ids = {it.id for it in extra}
        kept = [it for it in self.items if it.id not in ids]
        groups = list(self.groups)
        known = {g.id for g in groups}
        for it in extra:
            if it.group not in known:
                groups.append(Group(it.group, it.group, 1.0))
                known.add(it.group)
        return replace(self, items=tuple(kept + extra), groups=tuple(groups))


def declared_result(item: Item, decl: Mapping[str, Any] | None, profile: str) -> ItemResult | None:
    """The item's status as the committee declared it (``load_manual``), or None."""
    if not decl:
        return None
    status = decl.get("status")
    note = str(decl.get("note", "") or "")
    date = decl.get("date")
    date_s = date.isoformat() if hasattr(date, "isoformat") else (str(date) if date else None)
    ev = tuple(str(u) for u in decl.get("evidence", ()) or ())
    detail = "declarado por el comité" + (f" el {date_s}" if date_s else "") + (f": {note}" if note else "")
    return ItemResult(profile, item.id, item.group, item.name, status, ev, detail, date_s, "manual", item.weight)


@dataclass(frozen=True)
class Case:
    """What a verdict kind decides an item from."""

    item: Item
    profile: str
    signals: Mapping[str, Any]  # statuses other audits computed, by signal name
    declaration: Mapping[str, Any] | None  # the committee's, if any
    done: Mapping[str, ItemResult]  # the items judged so far

    def result(
        self, status: str, evidence: Sequence[str], detail: str, snap: str | None, source: str = "auto"
    ) -> ItemResult:
        """The item's verdict."""
        it = self.item
        return ItemResult(
            self.profile, it.id, it.group, it.name, status, tuple(evidence), detail, snap, source, it.weight
        )

    def declared(self) -> ItemResult | None:
        """The item as the committee declared it, if it did."""
        return declared_result(self.item, self.declaration, self.profile)

    def declared_or_manual(self, detail: str) -> ItemResult:
        """The committee's declaration, else ``manual`` with the reason."""
        return self.declared() or self.result("manual", (), detail, None, "manual")
