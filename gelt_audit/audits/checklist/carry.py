"""The parsed pages of one crawl carried to the next crawl's site index.

A weekly crawl keeps most pages' bodies: their parses are the same as last week's. Rebuilding
each from its cached parse (one JSON record per page and per chrome block) is the checklist's
largest cost in a weekly audit, most of it making the same strings again for every page. Here a
crawl's whole parsed site is kept in one blob, in chunks of pages (marshal: the strings the pages
share are written once per chunk; zstd): the next crawl takes the pages whose body and URL it
has unchanged from it and parses (or reads from the per-page cache) only the others.

A carried page is the page its cached parse gives (same fields, same blocks); chrome blocks are
shared through the builder's own chrome cache, as when rebuilt from the per-page cache, so the
site index, and every verdict, is the one built from scratch.

The list of chunks also keeps the words of every URL key the index named (``path_norms``, its
URL phrase index): the next crawl names mostly the same URLs.
"""

from __future__ import annotations

import itertools
import marshal
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import starmap
from typing import Any

import zstandard

from .forms import Form
from .packed import LinkStrings, PackedLinks
from .paged import PageList
from .pages import Block, ChromeRef, Link, Page

FORMAT = 10  # 10: the list of chunks kept compressed (H219); 9: Page.notices carried (H184); bump when what is carried changes
CHUNK = 500  # pages a chunk
# what a carry depends on besides the parse's own version: this format and marshal's
_TAG = f"carry{FORMAT}.py{sys.version_info[0]}.{sys.version_info[1]}.m{marshal.version}"


# How a page was made, for carrying it: its key (body hash and URL), its chrome refs and what its
# links resolved against.
Origin = tuple[str, Sequence[ChromeRef], str, str]


class Origins(Mapping[int, Origin]):
    """Each cached page's :data:`Origin` by its number, kept in columns while the site's pages are
    read and made a tuple when read (by :func:`encode`). A key string and a tuple a page, held from
    its parse to the end of the index, were ~13 MB of small objects at 50,000 pages among the rows
    the index keeps: freed after, they left holes the allocator could not give back (issue 21,
    H298). Here a page costs a body hash's 32 bytes and four references in long arrays."""

    __slots__ = ("_at", "_hashes", "_odd", "_urls", "_refs", "_origins", "_bases")

    def __init__(self) -> None:
        self._at = array("i")  # page number -> its place in the columns (-1: none)
        self._hashes = bytearray()  # a place's body hash (hex SHA-256) as its 32 bytes
        self._odd: dict[int, str] = {}  # place -> a body hash not written so (kept as given)
        self._urls: list[str] = []
        self._refs: list[Sequence[ChromeRef]] = []
        self._origins: list[str] = []
        self._bases: list[str] = []

    def put(self, idx: int, body_hash: str, url: str, refs: Sequence[ChromeRef], origin: str, base: str) -> None:
        """Page ``idx``'s origin: its key is ``f"{body_hash} {url}"`` (replaces one it had)."""
        at = self._at
        if idx >= len(at):
            at.extend([-1] * (idx + 1 - len(at)))
        place = at[idx]
        if place < 0:
            place = at[idx] = len(self._urls)
            self._hashes.extend(bytes(32))
            self._urls.append(url)
            self._refs.append(refs)
            self._origins.append(origin)
            self._bases.append(base)
        else:
            self._urls[place], self._refs[place], self._origins[place], self._bases[place] = url, refs, origin, base
            self._odd.pop(place, None)
        raw = bytes.fromhex(body_hash) if len(body_hash) == 64 and body_hash.islower() else b""
        if len(raw) == 32 and raw.hex() == body_hash:
            self._hashes[place * 32 : place * 32 + 32] = raw
        else:
            self._odd[place] = body_hash

    def _place(self, idx: object) -> int:
        return self._at[idx] if type(idx) is int and 0 <= idx < len(self._at) else -1

    def __getitem__(self, idx: int) -> Origin:
        place = self._place(idx)
        if place < 0:
            raise KeyError(idx)
        body_hash = self._odd.get(place)
        if body_hash is None:
            body_hash = self._hashes[place * 32 : place * 32 + 32].hex()
        return f"{body_hash} {self._urls[place]}", self._refs[place], self._origins[place], self._bases[place]

    def __contains__(self, idx: object) -> bool:
        return self._place(idx) >= 0

    def __iter__(self) -> Iterator[int]:
        return (i for i, place in enumerate(self._at) if place >= 0)

    def __len__(self) -> int:
        return len(self._urls)


# A carried page's record: its key, the Page fields (title … top_images), then these, in order.
_ORIGIN, _BASE, _REFS, _CHROME, _CONTENT = 19, 20, 21, 22, 23


class _Shared:
    """Within a chunk, one object per distinct tuple (marshal writes it once, and the pages read
    back share it); strings interned (marshal writes an interned string as such and interns it
    when read, so a target, text or heading that recurs on thousands of pages is one string again
    when carried, whatever chunk wrote it, as the per-page cache's reader shares them). A tuple's
    items are of one type at each place (``(1, x)`` never stands for ``(True, x)``)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def __call__(self, value: tuple[Any, ...]) -> tuple[Any, ...]:
        return self._seen.setdefault(value, value)

    def labels(self, labels: Sequence[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
        intern = sys.intern
        return [self((intern(n), w, intern(raw))) for n, w, raw in labels]

    def keyed(self, lists: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
        intern = sys.intern
        return {intern(k): [intern(x) for x in v] for k, v in lists.items()}

    def links(self, links: Sequence[Link]) -> tuple[tuple[Any, ...], ...]:
        if isinstance(links, PackedLinks):  # its strings are interned already
            return tuple(map(self, links.fields()))
        intern = sys.intern
        return tuple(
            self((intern(x.target), intern(x.key), intern(x.text), intern(x.norm), x.nwords, intern(x.region),
                  x.tmenu, intern(x.ctx), x.is_doc, x.embed, x.fragment))
            for x in links
        )  # fmt: skip


def _forms(forms: Sequence[Form]) -> tuple[tuple[Any, ...], ...]:
    return tuple((tuple(sorted(f.purposes)), f.norm, *([f.box] if f.box else [])) for f in forms)


def _numbers(links: Sequence[Link], strings: LinkStrings) -> bytes:
    """A page's own links as the bytes of their numbers in ``strings`` (packed there if need be)."""
    if isinstance(links, PackedLinks) and links.strings is strings:
        return links.cols.tobytes()
    if isinstance(links, PackedLinks):
        return strings.pack_fields(list(links.fields())).cols.tobytes()
    return strings.pack(links).cols.tobytes()


def _chunk(pages: Sequence[Page], origins: Mapping[int, Origin], strings: LinkStrings) -> bytes:
    blocks: list[tuple[Any, ...]] = []
    ids: dict[int, int] = {}
    out = []
    share, intern = _Shared(), sys.intern
    for p in pages:
        key, refs, origin, base = origins[p.idx]
        chrome = []
        for block in p.blocks[: len(refs)]:
            i = ids.get(id(block))
            if i is None:
                i = ids[id(block)] = len(blocks)
                blocks.append((share.links(block.links), _forms(block.forms), block.footer, block.region, block.names))
            chrome.append(i)
        content = None
        if len(p.blocks) > len(refs):
            own = p.blocks[len(refs)]
            content = (_numbers(own.links, strings), _forms(own.forms))
        fields = (
            intern(p.title), share.labels(p.labels), share.labels(p.sections), [intern(h) for h in p.headings],
            p.is_news, p.empty, p.soft404, share(tuple(intern(k) for k in p.first_keys)),
        )  # fmt: skip
        more = (
            share(p.text_hits), {intern(k): intern(v) for k, v in p.no_aplica.items()}, share.keyed(p.only_links),
            [intern(d) for d in p.dead], share.keyed(p.section_keys), intern(p.loading), p.scripts,
            p.shell, share(tuple(intern(t) for t in p.top_images)), {intern(k): v for k, v in p.notices.items()},
        )  # fmt: skip
        where = (intern(origin), intern(base), share(tuple(share(tuple(r)) for r in refs)))
        out.append((key, *fields, *more, *where, tuple(chrome), content))
    return marshal.dumps((blocks, out))


def _compress(
    pages: PageList, origins: Mapping[int, Origin], strings: LinkStrings
) -> Iterator[tuple[bytes, list[str]]]:
    z = zstandard.ZstdCompressor(level=1)
    for i in range(0, len(pages), CHUNK):
        part = pages[i : i + CHUNK]
        yield z.compress(_chunk(part, origins, strings)), [origins[i][0] for i in part.ids]


@dataclass
class Carry:
    """Where the carried pages are kept: ``previous`` is the previous crawl's list of chunks (see
    :func:`encode`), ``read`` gives a chunk by name (None when it is gone); ``save`` keeps this
    crawl's list, its new chunks (name -> bytes) and the names of all the chunks it lists (None:
    this crawl keeps nothing); its new chunks are named ``<name>:<n>``. With ``put``, each new
    chunk is kept by it as soon as it is made (``save`` then gets none): a first crawl's whole
    site compressed at once weighed a sixth of its index (36 MB at 10,000 pages)."""

    name: str
    previous: bytes | None
    read: Callable[[str], bytes | None]
    save: Callable[[bytes, dict[str, bytes], set[str]], None] | None
    put: Callable[[dict[str, bytes]], None] | None = None


def encode(
    pages: PageList,
    origins: Mapping[int, Origin],
    version: str,
    prefix: str,
    carried: Carried | None,
    norms: Mapping[str, Sequence[str]],
    strings: LinkStrings,
    put: Callable[[dict[str, bytes]], None] | None = None,
) -> tuple[bytes, dict[str, bytes], set[str]]:
    """The pages that have an origin (a body hash), carried: the list of chunks (marshal: the
    version, each chunk's name and its pages' keys, and ``norms``, the words of each URL key of
    the index) and the chunks not kept yet, named ``prefix:<n>``, and the names listed.
    ``version`` is the parse's.

    With ``carried`` (what this crawl's index took its pages from), its chunks are listed as they
    are and only the pages it did not have are written: a weekly crawl writes its changed pages,
    not the site. A chunk's pages this crawl no longer has stay in it (a page is carried by its
    body hash and URL: one never stands for another) until they are a quarter of the pages kept;
    then every page is written again.

    A page's own links are written as their numbers into the index's link strings
    (``strings``, see :mod:`.packed`), kept whole in the list: the next crawl's index starts from
    them, and a carried page's links are its bytes again, nothing looked up. With ``carried``,
    ``strings`` began as its strings (so the chunks listed as they are still read alike); when
    every page is written again, they are numbered afresh (strings only gone pages had dropped).

    With ``put``, each new chunk is given to it when made and not returned (see :class:`Carry`).
    """
    kept = pages.only(origins)  # each page made as its chunk is written, not all at once
    listed: list[tuple[str, list[str]]] = []
    table = strings
    if carried is not None:
        new = kept.only(set(kept.ids) - carried.taken)
        stale = carried.records - len(carried.taken)
        if stale <= max(CHUNK, (carried.records + len(new)) // 4):
            listed, kept = list(carried.chunks), new
        else:
            table = LinkStrings()
    chunks: dict[str, bytes] = {}
    for n, (data, keys) in enumerate(_compress(kept, origins, table)):
        name = f"{prefix}:{n}"
        if put is not None:
            put({name: data})
        else:
            chunks[name] = data
        listed.append((name, keys))
    # Compressed: SQLite copies what it keeps, and the list uncompressed (13.4 MB at 50,000 pages,
    # its URL words and chunk keys) made its save the cold report's peak (+25 MiB, H219). Marshalled
    # a piece at a time into the compressor: the string table (11.9 MB) and the list (13.4 MB)
    # marshalled whole before compressing were the next peak (+16 MiB, H219; H225).
    numbered = _streamed(lambda put: _put_tuple(put, [(_put_list, col) for col in table.table()]))
    listing = _streamed(
        lambda put: _put_tuple(
            put,
            [
                (_put_value, f"{_TAG}.{version}"),
                (_put_chunks, listed),
                (_put_words, norms),
                (_put_value, numbered),
            ],
        )
    )
    return listing, chunks, {name for name, _ in listed}


# The list and the string table are written as marshal reads them (``marshal.loads`` of the whole,
# as before), made of pieces marshalled apart at version 2: from version 3 on, marshal numbers the
# objects it has written to refer back to them, and pieces marshalled apart would number theirs
# each from 0. Version 2 writes no such numbers (nor interned strings: ``decode`` interns the
# strings that were). The containers' headers are written here: a tuple or list is its type byte
# and its 32-bit length, a dict its type byte, its pairs and the null byte.
_PIECE = 4096  # items marshalled at a time
_V = 2
Put = Callable[[bytes], None]


def _streamed(write: Callable[[Put], None]) -> bytes:
    """The bytes ``write`` gives, compressed (zstd level 1) as they come. ``write`` is called
    twice: first to count them, as the frame's header says its size (``ZstdDecompressor.decompress``
    reads a frame whole only so; the count is not seen in the CPU: the whole write took 0.15 s at
    50,000 pages either way, bench/carry_encode_peak.py)."""
    size = 0

    def count(data: bytes) -> None:
        nonlocal size
        size += len(data)

    write(count)
    z = zstandard.ZstdCompressor(level=1).compressobj(size=size)
    out: list[bytes] = []
    write(lambda data: out.append(z.compress(data)))
    out.append(z.flush())
    return b"".join(out)


def _put_value(put: Put, value: Any) -> None:
    put(marshal.dumps(value, _V))


def _put_tuple(put: Put, items: Sequence[tuple[Callable[[Put, Any], None], Any]]) -> None:
    put(b"(" + len(items).to_bytes(4, "little"))
    for write, value in items:
        write(put, value)


def _put_list(put: Put, items: Sequence[Any]) -> None:
    put(b"[" + len(items).to_bytes(4, "little"))
    for i in range(0, len(items), _PIECE):
        put(marshal.dumps(items[i : i + _PIECE], _V)[5:])  # without its own header


def _put_chunks(put: Put, listed: Sequence[tuple[str, list[str]]]) -> None:
    """The chunks listed, one at a time (a chunk lists the keys of up to ``CHUNK`` pages)."""
    put(b"[" + len(listed).to_bytes(4, "little"))
    for chunk in listed:
        put(marshal.dumps(chunk, _V))


def _put_words(put: Put, norms: Mapping[str, Sequence[str]]) -> None:
    """The words of each URL key, as a dict of tuples."""
    pairs = iter(norms.items())
    put(b"{")
    while piece := {key: tuple(n) for key, n in itertools.islice(pairs, _PIECE)}:
        put(marshal.dumps(piece, _V)[1:-1])  # its pairs
    put(b"0")


# a carried page's record, the makers of its chrome blocks, and its own links and forms
Taken = tuple[Sequence[Any], list[Callable[[], Block]], "tuple[PackedLinks, tuple[Form, ...]] | None"]
WINDOW = 8  # chunks kept decoded: a crawl meets its pages in about the previous crawl's order


class Carried:
    """A previous crawl's pages, by body hash and URL; each page is taken once. Its chunks are
    read and decoded as their pages are asked for, a few at a time (the whole site decoded at
    once would weigh more than its index)."""

    def __init__(
        self,
        chunks: list[tuple[str, list[str]]],
        read: Callable[[str], bytes | None],
        norms: dict[str, tuple[str, ...]] | None = None,
        strings: LinkStrings | None = None,
    ) -> None:
        self.chunks = chunks  # (name, its pages' keys)
        self.norms = norms or {}  # URL key -> its path words (see urls.path_norms)
        # the strings the carried pages' own links are numbers into: the new index's, to begin with
        self.strings = strings if strings is not None else LinkStrings()
        self.records = sum(len(keys) for _, keys in chunks)  # pages in them
        self.taken: set[int] = set()  # the pages of the index being built that came from here
        self._read = read
        self._where = {key: n for n, (_, keys) in enumerate(chunks) for key in keys}
        self._decoded: dict[int, tuple[dict[str, Any], list[Callable[[], Block]]]] = {}
        self._unz = zstandard.ZstdDecompressor()

    def release(self) -> None:
        """Drop the decoded chunks (the pages are taken): what :func:`encode` reads stays."""
        self._decoded.clear()
        self._where.clear()

    def __len__(self) -> int:
        return len(self._where)

    def take(self, key: str, idx: int) -> Taken | None:
        """A carried page's record, the makers of its chrome blocks and its own links and forms
        (None: not carried); ``idx`` is its place in the index being built."""
        n = self._where.pop(key, None)
        if n is None:
            return None
        records, makers = self._chunk(n)
        record = records.pop(key, None)  # its tuples go as its objects come
        if record is None:
            return None  # its chunk is gone from the store
        self.taken.add(idx)
        content = record[_CONTENT]
        own = None if content is None else (self.strings.packed(content[0]), _forms_of(content[1]))
        return record[:_CHROME], [makers[i] for i in record[_CHROME]], own

    def _chunk(self, n: int) -> tuple[dict[str, Any], list[Callable[[], Block]]]:
        found = self._decoded.pop(n, None)
        if found is None:
            data = self._read(self.chunks[n][0])
            blocks, records = marshal.loads(self._unz.decompress(data)) if data else ([], [])
            found = ({r[0]: r for r in records}, [_maker(*row) for row in blocks])
            if len(self._decoded) >= WINDOW:
                del self._decoded[next(iter(self._decoded))]  # the least recently asked
        self._decoded[n] = found
        return found


def _maker(
    links: Sequence[Any], forms: Sequence[Any], footer: str, region: str, names: Sequence[str] = ()
) -> Callable[[], Block]:
    """The maker of a chrome block of a chunk: the same block each time while the chunk is decoded
    (its pages shared it), as the builder's chrome cache shares one; it is asked only for a block
    the builder does not have yet."""
    made: list[Block] = []

    def make() -> Block:
        if not made:
            made.append(_block(region, links, forms, footer, names))
            return made[0]
        return _block(region, links, forms, footer, names)

    return make


def _forms_of(forms: Sequence[Any]) -> tuple[Form, ...]:
    return tuple(Form(frozenset(f[0]), f[1], *f[2:3]) for f in forms) if forms else ()


def _block(region: str, links: Sequence[Any], forms: Sequence[Any], footer: str, names: Sequence[str]) -> Block:
    return Block(region, tuple(starmap(Link, links)), _forms_of(forms), footer, names=tuple(names))


def decode(carry: Carry | None, version: str) -> Carried | None:
    """The carried pages, or None when there are none or they were kept by another version.
    ``carry.previous`` is dropped (None after this)."""
    if carry is None or not carry.previous:
        return None
    # read once: its bytes (12.7 MB at 50,000 pages) are not held while the index is built from
    # them, the weekly audit's peak (issue 21, H180)
    previous, carry.previous = carry.previous, None
    try:
        raw = zstandard.ZstdDecompressor().decompress(previous)
        del previous
        tag, chunks, norms, numbered = marshal.loads(raw)
        del raw
        if tag != f"{_TAG}.{version}":
            return None
        # interned as the index's own (marshal version 2 keeps no interning: see ``_put_list``)
        norms = {sys.intern(key): words for key, words in norms.items()}
        strings = LinkStrings.of_table(_interned(marshal.loads(zstandard.ZstdDecompressor().decompress(numbered))))
    except (EOFError, ValueError, TypeError, zstandard.ZstdError):
        return None
    return Carried(chunks, carry.read, norms, strings)


def _interned(table: Sequence[list[Any]]) -> list[list[Any]]:
    """The string table's columns with their strings interned (its numbers as they are)."""
    return [list(map(sys.intern, col)) if col and type(col[0]) is str else col for col in table]


def made_from(record: Sequence[Any]) -> tuple[str, str, Sequence[ChromeRef]]:
    """A carried page's origin, base and chrome refs (what its links resolved against)."""
    return record[_ORIGIN], record[_BASE], record[_REFS]


def page_of(record: Sequence[Any], idx: int, url: str, key: str, fetched_at: str, depth: int | None) -> Page:
    """The carried page (its chrome blocks not yet added)."""
    _k, title, labels, sections, headings, news, empty, soft404, first, hits, no_aplica, only, dead, ways = record[:14]
    loading, scripts, shell, top, notices = record[14:_ORIGIN]
    return Page(
        idx, url, key, fetched_at, depth, title, labels, sections, headings, news, empty, soft404, "", [], first,
        hits, no_aplica, only, dead, ways, loading, scripts, shell, top, notices,
    )  # fmt: skip
