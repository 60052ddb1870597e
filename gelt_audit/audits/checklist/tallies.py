"""Site-level counts over the pages, carried from the previous crawl and patched by the changed ones.

Two verdicts of the site index count something over every page that counts: the ``<title>`` labels
most pages share (the site's name or slogan, ``index.site_taglines``) and the home page's content
links nearly every page's content links too (the template's, ``template_links.template_keys``).
Each page's part of such a count depends on its parse alone (and, for the template, on the home
page's content links: the count's parameter), and a page is carried by its body hash and URL (its
origin key, see :mod:`.carry`): the same key, the same parse, the same part. So a crawl keeps each
count with the part of every page that has a key; the next crawl takes the counts as they were,
takes away the parts of the pages it no longer has, adds those of the pages it has that the
previous one did not (its changed and new pages) and reads the same verdict a walk over every page
gives, walking only the changed pages (a weekly 3 %: ~0.3 s of a 10,000-page audit, H249).

A count is made whole again when its parameter changed, when the previous crawl kept none, or when
what it kept is of another parse version or format. Kept beside the crawl's carried pages, as
``<carry name>:tally``, dropped with them.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field

import zstandard

from .carry import Origin
from .paged import PageList
from .pages import Page

FORMAT = 1  # bump when what a tally keeps, or what a page's part is, changes shape
NAME = "tally"  # kept as <carry name>:tally

Part = tuple[str, ...]


@dataclass
class Tally:
    """One count: its parameter, each keyed page's part (origin key -> the strings it counts once)
    and how many keyed pages count each string."""

    param: Hashable
    parts: dict[str, Part] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def counted(
    pages: PageList,
    origins: Mapping[int, Origin],
    part: Callable[[Page], Part],
    param: Hashable,
    previous: Tally | None,
) -> tuple[dict[str, int], Tally]:
    """How many of ``pages`` count each string (``part`` of each page: distinct strings), and the
    tally to keep for the next crawl. With ``previous`` (of the same ``param``), only the pages
    whose origin key it lacks are made and asked for their part; the parts of its pages that are
    no longer among ``pages`` are taken away."""
    if previous is None or previous.param != param:
        previous = Tally(param)
    was, counts = previous.parts, dict(previous.counts)
    parts: dict[str, Part] = {}
    shared: dict[Part, Part] = {}  # one tuple a distinct part: kept once in the store (marshal refs)
    loose: dict[str, int] = {}  # pages without an origin key (nothing cached): counted, not kept
    page = pages.store.page
    for i in pages.ids:
        origin = origins.get(i)
        key = origin[0] if origin is not None else None
        if key is not None and key not in parts:
            got = was.get(key)
            if got is None:
                got = part(page(i))
                _add(counts, got, 1)
            parts[key] = shared.setdefault(got, got)
            continue
        _add(loose, part(page(i)), 1)
    for key, got in was.items():
        if key not in parts:
            _add(counts, got, -1)
    total = dict(counts)
    for s, n in loose.items():
        total[s] = total.get(s, 0) + n
    return total, Tally(param, parts, counts)


def _add(counts: dict[str, int], part: Part, n: int) -> None:
    for s in part:
        c = counts.get(s, 0) + n
        if c:
            counts[s] = c
        else:
            del counts[s]


def dump(tallies: Mapping[str, Tally], version: str) -> bytes:
    """The tallies (by name) to keep, tagged with the parse ``version`` they were made with."""
    data = {name: (t.param, t.parts, t.counts) for name, t in tallies.items()}
    return zstandard.ZstdCompressor(level=1).compress(marshal.dumps((f"{FORMAT}.{version}", data)))


def load(data: bytes | None, version: str) -> dict[str, Tally]:
    """The tallies a crawl kept (by name), none when they are missing, damaged or of another
    parse version or format."""
    if not data:
        return {}
    try:
        tag, kept = marshal.loads(zstandard.ZstdDecompressor().decompress(data))
        if tag != f"{FORMAT}.{version}":
            return {}
        return {name: Tally(param, parts, counts) for name, (param, parts, counts) in kept.items()}
    except (EOFError, ValueError, TypeError, zstandard.ZstdError):
        return {}
