"""Where each link target of a crawl is found: its pages, whether it is only ever a form's action,
and whether a visitor can follow it (an ``<a>`` or ``<area>``, not only an image or a script).

Built from every link row of the crawl once; a finished crawl keeps it (``body_audits``, key
``crawl:ID``, audit ``link-index``), and the next crawl's is that one updated with the pages whose
body changed, appeared or went away: a page's links are stored per (page, body) and never change
(``link_sets``), so a page with the same body has the same links. Auditing the same crawl again
reads its own kept index; once the next crawl keeps its index the previous one's is dropped.

Pages are held as ranks: a page's place among the crawl's page URLs sorted (what
:class:`~gelt_audit.audits.linktable.LinkTable` points into). A page kept from one crawl to the
next keeps its order among the others, so the previous crawl's ranks map onto this crawl's in
order: only the targets of the changed pages are sorted again.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from gelt_audit.audits.kept import crawl_key, keep_for_latest
from gelt_audit.markup import PLACEHOLDER
from gelt_audit.store import Crawl, Store

AUDIT = "link-index"
# links a visitor follows: an image, a script or a stylesheet served from a host is no link to it
FOLLOWED_TAGS = ("a", "area")
VERSION = 4  # 3: the pages whose links hold placeholders; 4: occurrences a visitor follows
# Above this share of changed pages, reading every link row again is cheaper than the update.
CARRY_LIMIT = 0.5
_DUMP_BATCH = 1000  # URLs encoded at a time by LinkIndex.dump
# The arrays are kept as this machine writes them (4-byte unsigned, its byte order): a store read
# on another machine builds its index again.
_LAYOUT = f"{array('I').itemsize}{sys.byteorder}"
# what some pages' links say of one target: (page ids, occurrences not a form's, occurrences followed)
Occurrences = tuple[list[int], int, int]


@dataclass
class LinkIndex:
    """Link targets in URL order; for each, its pages' ranks (ascending, once each), how many of
    its occurrences are not a form's action and how many are links a visitor follows (``FOLLOWED_TAGS``)."""

    pages: list[int]  # page ids in rank order (the crawl's page URLs sorted)
    urls: list[str]
    ranks: list[array]
    others: list[int]
    # the newest link set the index has read (ids grow): a set stored later, for a body some crawl
    # had already stored without links, is one of a changed page for the next carry
    sets_upto: int = 0
    # the pages (ids, ascending) whose link set holds placeholder links ("#", "javascript:void(0)"):
    # not targets, but what audits.links.placeholder_links reads, carried with the rest
    placeholders: list[int] = field(default_factory=list)
    followed: list[int] = field(default_factory=list)  # per target, its <a>/<area> occurrences

    def drain(self) -> Iterator[tuple[str, array, bool, bool]]:
        """(target URL, its pages' ranks, whether every occurrence is a form's, whether some
        occurrence is a link a visitor follows), in URL order, each let go once yielded: the index
        is empty afterwards (at 50,000 pages its URLs and arrays weigh ~34 MB; what reads them keeps
        them packed)."""
        urls, ranks, others, followed = self.urls, self.ranks, self.others, self.followed
        self.urls, self.ranks, self.others, self.followed = [], [], [], []
        for column in (urls, ranks, others, followed):
            column.reverse()
        while urls:
            yield urls.pop(), ranks.pop(), others.pop() == 0, followed.pop() > 0

    def dump(self) -> bytes:
        """The index compressed, its pieces fed to zlib one by one: the URLs' JSON a thousand at a
        time (encoded twice: once for its length, once to compress) and each array. No copy of
        the whole is made (the URLs' JSON alone, as one string and its bytes, was a ~20 MB peak
        at 50,000 pages)."""
        rest = json.dumps(
            {
                "version": VERSION,
                "layout": _LAYOUT,
                "counts": [len(r) for r in self.ranks],
                "others": self.others,
                "followed": self.followed,
                "sets_upto": self.sets_upto,
                "placeholders": self.placeholders,
            }
        ).encode()

        def head() -> Iterator[bytes]:  # {"urls": [...], "version": ...}: what load() parses
            yield b'{"urls": ['
            for start in range(0, len(self.urls), _DUMP_BATCH):
                yield (b", " if start else b"") + json.dumps(self.urls[start : start + _DUMP_BATCH])[1:-1].encode()
            yield b"], " + rest[1:]

        packer = zlib.compressobj(1)
        out = [packer.compress(struct.pack("<II", sum(map(len, head())), len(self.pages)))]
        out.extend(packer.compress(piece) for piece in head())
        out.append(packer.compress(array("I", self.pages)))
        out.extend(packer.compress(r) for r in self.ranks)
        out.append(packer.flush())
        return b"".join(out)

    @classmethod
    def load(cls, data: bytes) -> LinkIndex | None:
        """The index kept, or None when it is of another version or machine (or unreadable)."""
        try:
            raw = zlib.decompress(data)
            size, npages = struct.unpack_from("<II", raw)
            head = json.loads(raw[8 : 8 + size])
        except (zlib.error, struct.error, ValueError):
            return None  # a cache that cannot be read is built again, never trusted
        if head.get("version") != VERSION or head.get("layout") != _LAYOUT:
            return None
        values = array("I")
        values.frombytes(raw[8 + size :])
        pages = values[:npages].tolist()
        ranks, at = [], npages
        for count in head["counts"]:
            ranks.append(values[at : at + count])
            at += count
        return cls(
            pages, head["urls"], ranks, head["others"], head["sets_upto"], head["placeholders"], head["followed"]
        )


def link_index(store: Store, crawl: Crawl, order: list[int]) -> LinkIndex:
    """The crawl's index (``order``: its page ids in page-URL order): kept, carried or built."""
    own = _kept(store, crawl.id)
    if own is not None and own.pages == order:
        return own
    previous = store.previous_crawl(crawl)
    before = _kept(store, previous.id) if previous is not None else None
    index = _carry(store, crawl, before, order, previous.id) if before is not None and previous else None
    if index is None:
        index = _build(store, crawl, order)
    keep_for_latest(store, crawl, AUDIT, index.dump())  # the latest finished crawl's only
    return index


def _kept(store: Store, crawl_id: int) -> LinkIndex | None:
    data = store.kept_blob(crawl_key(crawl_id), AUDIT)
    return LinkIndex.load(data) if data else None


def _newest_set(store: Store) -> int:
    return store.db.execute("select coalesce(max(id), 0) from link_sets").fetchone()[0]


def _build(store: Store, crawl: Crawl, order: list[int]) -> LinkIndex:
    """From every link row of the crawl's pages, grouped by SQLite (half a million occurrences at
    10,000 pages never become Python objects at once: a target's pages are one string)."""
    # grouped by URL id on the link tables themselves: the view ``links`` also joins each row's
    # text, which this does not read (half the query's time)
    upto = _newest_set(store)
    rows = store.db.execute(
        """select u.url, g.pages, g.others, g.followed from (
               select r.url_id, group_concat(s.page_id, ',') as pages, sum(r.tag != 'form') as others,
                      sum(r.tag in (?, ?)) as followed
               from snapshots s join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
               join link_rows r on r.set_id = ls.id
               where s.crawl_id = ? and s.kind = 'page' and r.tag != ? and ls.id <= ? group by r.url_id
           ) g join link_urls u on u.id = g.url_id order by u.url""",
        [*FOLLOWED_TAGS, crawl.id, PLACEHOLDER, upto],
    )
    ranked = {page_id: i for i, page_id in enumerate(order)}.__getitem__
    urls, ranks, others, followed = [], [], [], []
    for url, pages, count, anchors in rows:
        urls.append(url)
        ranks.append(array("I", sorted(set(map(ranked, map(int, pages.split(",")))))))
        others.append(count)
        followed.append(anchors)
    placeholders = store.db.execute(
        """select distinct s.page_id from snapshots s
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id where s.crawl_id = ? and s.kind = 'page' and r.tag = ? and ls.id <= ?""",
        [crawl.id, PLACEHOLDER, upto],
    )
    return LinkIndex(list(order), urls, ranks, others, upto, sorted(page_id for (page_id,) in placeholders), followed)


def _page_keys(store: Store, crawl_id: int, upto: int) -> dict[int, tuple[str | None, int | None]]:
    """page id -> the body whose links the page contributes and their set (None: no body, no
    links stored). The set's id counts too: a body stored without links by one crawl may get them
    from a later crawl's extraction (a page whose links were never stored is extracted again): sets
    newer than ``upto`` count as not stored."""
    rows = store.db.execute(
        """select s.page_id, s.body_hash, ls.id from snapshots s
           left join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash and ls.id <= ?
           where s.crawl_id = ? and s.kind = 'page'""",
        [upto, crawl_id],
    )
    return {page_id: (body_hash, set_id) for page_id, body_hash, set_id in rows}


def _carry(store: Store, crawl: Crawl, before: LinkIndex, order: list[int], previous_id: int) -> LinkIndex | None:
    """The previous crawl's index with the links of the pages whose body changed taken out and
    their new links put in; None when too many pages changed for that to pay."""
    upto = _newest_set(store)
    old_keys, new_keys = _page_keys(store, previous_id, before.sets_upto), _page_keys(store, crawl.id, upto)
    # (page, its link set then / now): the old set's links leave the index, the new one's enter it
    gone = [(p, key[1]) for p, key in old_keys.items() if new_keys.get(p) != key]
    came = [(p, key[1]) for p, key in new_keys.items() if old_keys.get(p) != key]
    if len(gone) + len(came) > CARRY_LIMIT * max(len(order), 1):
        return None
    old_rank = {page_id: i for i, page_id in enumerate(before.pages)}
    new_rank = {page_id: i for i, page_id in enumerate(order)}
    if any(p not in old_rank for p, _ in gone):
        return None  # the kept index is not the previous crawl's pages: build anew
    # the old ranks of the pages kept, as this crawl's ranks (in order: a kept page keeps its
    # place among the others); a page that went away has no new rank
    remap = [new_rank.get(page_id, -1) for page_id in before.pages]
    removed = _occurrences(store, gone)
    added = _occurrences(store, came)
    changed = {p for p, _ in gone} | {p for p, _ in came}
    placeholders = {p for p in before.placeholders if p not in changed and p in new_rank}
    placeholders.update(_placeholder_pages(store, came))
    mapped = remap.__getitem__
    entries = []
    for i, url in enumerate(before.urls):
        counts = (before.others[i], before.followed[i])
        if url not in removed and url not in added:
            entries.append((url, array("I", map(mapped, before.ranks[i])), *counts))
        else:
            entries.append(_changed(url, before.ranks[i], counts, removed, added, old_rank, remap, new_rank))
    entries.extend(
        _changed(url, array("I"), (0, 0), removed, added, old_rank, remap, new_rank)
        for url in added.keys() - set(before.urls)
    )
    entries = [entry for entry in entries if entry[1]]
    entries.sort(key=lambda entry: entry[0])
    return LinkIndex(
        list(order),
        [e[0] for e in entries],
        [e[1] for e in entries],
        [e[2] for e in entries],
        upto,
        sorted(placeholders),
        [e[3] for e in entries],
    )


def _changed(
    url: str,
    ranks: array,
    counts: tuple[int, int],
    removed: dict[str, Occurrences],
    added: dict[str, Occurrences],
    old_rank: dict[int, int],
    remap: list[int],
    new_rank: dict[int, int],
) -> tuple[str, array, int, int]:
    """A target some changed pages linked to or link to now: its pages and counts updated."""
    out_pages, out_others, out_followed = removed.get(url, ((), 0, 0))
    in_pages, in_others, in_followed = added.get(url, ((), 0, 0))
    others = counts[0] + in_others - out_others
    followed = counts[1] + in_followed - out_followed
    mapped = remap.__getitem__
    if set(out_pages) == set(in_pages):  # the same pages (with another body) still link to it
        return url, array("I", map(mapped, ranks)), others, followed
    pages = set(map(mapped, ranks))
    pages.difference_update(mapped(old_rank[p]) for p in out_pages)  # -1: a page that went away
    pages.update(map(new_rank.__getitem__, in_pages))
    return url, array("I", sorted(pages)), others, followed


def _want_sets(store: Store, sets: list[tuple[int, int | None]]) -> bool:
    """Put the link sets of some (page, link set) pairs in the temp table ``gelt_link_sets``, which
    the queries below start from; whether there is any."""
    wanted = [(set_id,) for _, set_id in sets if set_id is not None]
    if not wanted:
        return False
    store.fill_temp_table("gelt_link_sets", "set_id integer primary key", wanted)
    return True


def _placeholder_pages(store: Store, sets: list[tuple[int, int | None]]) -> set[int]:
    """The pages of some (page, link set) pairs whose links hold placeholders ("#", "javascript:…")."""
    if not _want_sets(store, sets):
        return set()
    rows = store.db.execute(
        """select distinct ls.page_id from gelt_link_sets w cross join link_sets ls on ls.id = w.set_id
           cross join link_rows r on r.set_id = ls.id where r.tag = ?""",
        [PLACEHOLDER],
    )
    return {page_id for (page_id,) in rows}


def _occurrences(store: Store, sets: list[tuple[int, int | None]]) -> dict[str, Occurrences]:
    """target URL -> (page ids, occurrences not a form's, occurrences followed) of the links of
    some (page, link set) pairs."""
    if not _want_sets(store, sets):
        return {}
    # CROSS JOIN keeps SQLite to this order (the few sets, then their rows): left to itself it
    # scanned every link row of the store
    rows = store.db.execute(
        """select u.url, g.pages, g.others, g.followed from (
               select r.url_id, group_concat(ls.page_id, ',') as pages, sum(r.tag != 'form') as others,
                      sum(r.tag in (?, ?)) as followed
               from gelt_link_sets w cross join link_sets ls on ls.id = w.set_id
               cross join link_rows r on r.set_id = ls.id where r.tag != ? group by r.url_id
           ) g join link_urls u on u.id = g.url_id""",
        [*FOLLOWED_TAGS, PLACEHOLDER],
    )
    return {url: (list(map(int, pages.split(","))), others, followed) for url, pages, others, followed in rows}
