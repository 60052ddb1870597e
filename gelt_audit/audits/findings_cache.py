"""A finished crawl's findings, computed once and read back by every later report of the same day.

Every report process (the weekly and committee reports, then ``report --format json``, the
committee's dossier…) audits the site's latest finished crawl. What the audits find depends only
on what :func:`cache_version` hashes, so the findings of every step but the volatile ones
(``audits.run.VOLATILE``: the crawl attempt after the one reported, the browser pass, the time of
the report; the browser pass is kept when switched off, as it then judges nothing) are kept in
``body_audits`` under ``crawl:<id>`` (audit ``findings``), and a later
process with the same version reads them instead of auditing again.

What the version covers (each input of every audit, and why the others cannot change):

- the code: :data:`VERSION` and a hash of every ``.py`` and ``.toml`` file of the package (a
  changed audit, checklist profile or store query recomputes, without a hand-bumped number);
- the whole configuration (``repr`` of every section) and the text of the checklist and committee
  files it names;
- the site's crawls up to this one and its finished ones (every column of their ``crawls`` rows);
  a later attempt that failed or still runs is not read by any audit but ``crawls``, which is
  volatile; the dictionaries bodies are compressed with (``store compact`` rewrites bodies);
- the acknowledged links (``gelt-audit ack``), read with today's date;
- today's date in Bogotá (``clock.today()``: acknowledgements that expire, ``checklist_date``);
- the certificate findings as of now (``security.certificate_findings``: days until expiry
  change at any time of day).

What a crawl stored (snapshots, bodies, links, link checks, TLS rows, headers) is written while
it runs and never changed once it finished; per-body judgements in ``body_audits`` are caches of
those with their own versions. Only the latest finished crawl of a site is kept (an older crawl's
summary is in ``crawl_summaries``), and keeping it drops the site's other crawls' findings.

The findings hold dates, tuples, sets and :class:`~gelt_audit.audits.linktable.LinkTable`
objects, which JSON would not give back as they were: they are kept with ``pickle`` (zstd
compressed) and read with an unpickler that builds only the types listed in :attr:`_Unpickler.allowed`.
Anything else, or a blob that does not read, is a cache miss: the audits run again.

The blob is a run of small pickles (:func:`_records`), a long list's items :data:`CHUNK` at a
time: one pickle of the whole findings had its memo hold an entry for every object in them (~50
MB at 50,000 pages, the peak of a first audit without its checklist). A row or link table is kept
as its compressed chunks as they are (``state()``), not each row unpacked and pickled again, and
read back as such: its chunks are unpickled, with plain values only, when the rows are read.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any

import zstandard

from gelt_audit import clock
from gelt_audit.audits.context import Audit, AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.kept import crawl_key, keep_for_latest
from gelt_audit.audits.linktable import LinkTable
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.audits.security import certificate_findings
from gelt_audit.audits.source_hash import code_version
from gelt_audit.compression import PLAIN_TYPES, PlainUnpickler
from gelt_audit.config import Config
from gelt_audit.store import Crawl, Store

AUDIT = "findings"  # body_audits.audit of the kept findings
VERSION = 4  # bump when what is kept changes shape (4: the head names a digest of the data)
CHUNK = 1000  # list items pickled at a time


class _Unpickler(PlainUnpickler):
    """Builds only the plain types the findings hold and their link tables."""

    allowed = PLAIN_TYPES | {("gelt_audit.audits.linktable", "LinkTable")}
    what = "los hallazgos guardados"


def _named_files(config: Config) -> list[str]:
    """The text of the checklist and committee files the config names ("" when missing)."""
    texts = []
    for name in ("file", "manual"):
        if config.checklist[name]:
            path = config.path.parent / config.checklist[name]
            texts.append(path.read_text(encoding="utf-8", errors="replace") if path.is_file() else "")
    return texts


def cache_version(store: Store, config: Config, crawl: Crawl) -> str | None:
    """What the findings of ``crawl`` depend on beyond the crawl itself, hashed; None when they are
    not kept (not the site's latest finished crawl)."""
    latest = store.latest_crawl(config.site_url)
    if latest is None or latest.id != crawl.id or crawl.site_url != config.site_url:
        return None
    # a later attempt that did not finish changes no finding (``last_attempt`` is volatile)
    crawls = store.db.execute(
        "select * from crawls where site_url = ? and (id <= ? or status = 'finished') order by id",
        [crawl.site_url, crawl.id],
    ).fetchall()
    dictionaries = store.db.execute("select max(id), count(*) from dictionaries").fetchone()
    inputs = {
        "code": [VERSION, code_version()],
        "config": repr(config),
        "files": _named_files(config),
        "crawls": crawls,
        "dictionaries": dictionaries,
        "acks": store.acks(),
        "today": clock.today().isoformat(),
        "certificates": certificate_findings(store.tls(crawl.id), clock.now()),
    }
    blob = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def load(store: Store, crawl: Crawl, version: str) -> dict[str, Findings] | None:
    """Each kept step's findings by step name, or None (nothing kept at ``version``, or unreadable)."""
    blob = store.kept_blob(crawl_key(crawl.id), AUDIT)
    if blob is None:
        return None
    head, _, data = blob.partition(b"\n")
    if head != _head(version, data):  # another version, or bytes changed since they were kept
        return None
    try:
        return _unpack(data)
    except (pickle.UnpicklingError, zstandard.ZstdError, EOFError, ValueError, TypeError, AttributeError):
        return None
    except (IndexError, KeyError):  # records out of order: not what save() writes
        return None


def _head(version: str, data: bytes) -> bytes:
    """The first line of a kept blob: the findings' version and a digest of the data after it.
    Tables are kept as their packed chunks, unpacked only when their rows are read: without the
    digest a damaged chunk would pass :func:`load` and fail in the middle of a report, where a
    damaged blob must be a cache miss."""
    return f"{version} {hashlib.blake2b(data, digest_size=16).hexdigest()}".encode()


def _records(parts: dict[str, Findings]) -> Iterator[tuple[Any, ...]]:
    """What :func:`save` pickles, one record at a time: ``("step", name)``, then each member of
    its findings as ``("value", key, value)``, or a list as ``("list", key)`` and ``("items",
    [...])`` records, a row table as ``("table", key, state)`` and a link table as ``("links",
    key, state)`` (their ``state()``: the packed chunks as they are); last ``("end",)``."""
    for name, part in parts.items():
        yield ("step", name)
        for key, value in part.items():
            if isinstance(value, LinkTable):  # its packed chunks as they are: no row unpacked
                yield ("links", key, value.state())
            elif isinstance(value, RowTable):
                yield ("table", key, value.state())
            elif type(value) is list and len(value) > CHUNK:
                yield ("list", key)
                for start in range(0, len(value), CHUNK):
                    yield ("items", value[start : start + CHUNK])
            else:
                yield ("value", key, value)
    yield ("end",)


def _from_records(stream: Any) -> dict[str, Findings]:
    """The findings :func:`_records` wrote, read back record by record (an unpickler each: one
    unpickler's memo would not start over where the pickler's did)."""
    parts: dict[str, Findings] = {}
    part: dict[str, Any] = {}
    target: Any = None
    while True:
        record = _Unpickler(stream).load()
        kind = record[0]
        if kind == "end":
            return parts
        if kind == "step":
            part = parts[record[1]] = {}  # type: ignore[assignment]
        elif kind == "value":
            part[record[1]] = record[2]
        elif kind == "list":
            target = part[record[1]] = []
        elif kind == "items" and isinstance(target, list):
            target.extend(record[1])
        elif kind == "table":
            part[record[1]] = RowTable.of_state(record[2])
        elif kind == "links":
            part[record[1]] = LinkTable.of_state(record[2])
        else:
            raise ValueError(f"registro desconocido en los hallazgos guardados: {kind!r}")


def _pack(parts: dict[str, Findings]) -> bytes:
    """``parts`` (findings by step name) as :func:`_records`, pickled and zstd compressed."""
    out = io.BytesIO()
    _pack_into(parts, out)
    return out.getvalue()


def _pack_into(parts: dict[str, Findings], out: IO[bytes]) -> None:
    """Write :func:`_pack`'s bytes to ``out``, a record at a time."""
    with zstandard.ZstdCompressor(level=1).stream_writer(out, closefd=False) as stream:
        pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
        for record in _records(parts):  # never the whole pickle, nor a memo of every object
            pickler.dump(record)
            pickler.clear_memo()


def _unpack(data: bytes | IO[bytes]) -> dict[str, Findings]:
    """What :func:`_pack` packed, from its bytes or a file holding them (read as a stream: the
    uncompressed pickles are never held whole)."""
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with zstandard.ZstdDecompressor().stream_reader(source, closefd=False) as stream:
        return _from_records(stream)


def save(store: Store, crawl: Crawl, version: str, parts: dict[str, Findings]) -> None:
    """Keep the steps' findings at ``version``; the site's other crawls' are dropped."""
    data = _pack(parts)
    keep_for_latest(store, crawl, AUDIT, _head(version, data) + b"\n" + data)


def step_name(step: Audit) -> str:
    return f"{step.__module__}.{step.__qualname__}"


class KeptFindings(dict):  # type: ignore[type-arg]
    """Findings as :func:`run_kept` made them, with what a report may key on them: ``version``
    (what the kept steps' findings are kept at, :func:`cache_version`; None when they are not kept)
    and ``kept``, the keys whose values came from those steps (a volatile step's never are). Any
    two findings of one crawl with the same ``version`` hold the same values under ``kept``: a
    report may keep what it made of them (their JSON bytes, ``reports.json_kept``) under that
    version. A copy (``{**findings}``) is a plain dict: nothing is re-used for it."""

    version: str | None = None
    kept: frozenset[str] = frozenset()


class _Withheld(dict):  # type: ignore[type-arg]
    """The findings a lean step sees. A key packed for it reads as absent to ``get`` or ``in``, which
    an audit takes for «nothing found»: a wrong verdict, not an error. So reading one fails loudly:
    the step's reads must be declared (``run.CHECKLIST_READS``). A read the step is done with it
    may give back (:meth:`done_with`): packed too for the rest of the step."""

    def __init__(
        self, held: dict[str, Any], withheld: frozenset[str], give_back: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(held)
        self.withheld = withheld
        self._give_back = give_back

    def _check(self, key: object) -> None:
        if key in self.withheld:
            raise RuntimeError(f"el paso leyó «{key}», que no está entre los hallazgos que declara leer")

    def __getitem__(self, key: str) -> Any:
        self._check(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._check(key)
        return super().__contains__(key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self._check(key)
        return super().get(key, default)

    def done_with(self, key: str) -> None:
        """The step reads ``key`` no more: packed out of the process until the step ends (issue 21,
        H192: the links table, read by the checklist for its links' states before its index)."""
        if key in self.withheld or key not in self or self._give_back is None:
            return
        self._give_back(key)
        self.pop(key)
        self.withheld = self.withheld | {key}


def _run_lean(ctx: AuditContext, step: Audit, reads: frozenset[str], parts: dict[str, Findings]) -> Findings:
    """Run ``step`` with only the earlier findings it ``reads`` held as objects: the kept steps'
    others are packed as :func:`save` packs them, into a temporary file, while it runs, and read
    back after it, in their order (issue 21, H152: they were alive while the checklist built its
    site index, the report's peak; H192: packed, their bytes were still held, 0.7 MB at 10,000
    pages, where a file holds them outside the process). They come back as a later report reads
    them from the store. A volatile step's findings (``crawls``, the browser pass) stay as they
    are: they are never packed. Reading a packed key during the step raises (:class:`_Withheld`)."""
    # each key a kept step set, with the very object the findings map it to: that part gets the
    # object read back (a key a later step set again is not packed)
    holders = [
        (part, key)
        for part in parts.values()
        for key in part
        if key not in reads and key in ctx.findings and part[key] is ctx.findings[key]
    ]
    packed = {key: ctx.findings[key] for _, key in holders}
    with tempfile.TemporaryFile() as spilled:  # unnamed: gone when closed, or if the process dies
        _pack_into({"": packed}, spilled)
        withheld = frozenset(packed)
        del packed
        return _held_back(ctx, step, parts, holders, withheld, spilled)


def _held_back(
    ctx: AuditContext,
    step: Audit,
    parts: dict[str, Findings],
    holders: list[tuple[Findings, str]],
    withheld: frozenset[str],
    spilled: IO[bytes],
) -> Findings:
    """Run ``step`` without the ``holders``' findings (packed into ``spilled``), then put them back
    in their order; the keys it gives back meanwhile (:meth:`_Withheld.done_with`) are packed after
    them and put back too."""
    order = list(ctx.findings)
    for part, key in holders:
        part[key] = None
        ctx.findings.pop(key, None)
    own = ctx.findings
    starts = [0]  # where each packing in ``spilled`` begins

    def give_back(key: str) -> None:
        starts.append(spilled.seek(0, io.SEEK_END))
        _pack_into({"": {key: own[key]}}, spilled)
        for part in parts.values():
            if key in part and part[key] is own[key]:
                holders.append((part, key))
                part[key] = None
        own.pop(key)

    ctx.findings = _Withheld(own, withheld, give_back)  # type: ignore[assignment]
    try:
        found = step(ctx)
    finally:
        rest = dict(ctx.findings)
        ctx.findings = own
        restored: dict[str, Any] = {}
        for start in starts:
            spilled.seek(start)
            restored.update(_unpack(spilled)[""])
        for part, key in holders:
            part[key] = restored[key]
        ctx.findings.clear()
        ctx.findings.update((key, restored[key] if key in restored else rest[key]) for key in order)
    return found


def run_kept(
    ctx: AuditContext,
    steps: tuple[Audit, ...],
    volatile: tuple[Audit, ...],
    lean: dict[Audit, frozenset[str]] | None = None,
) -> Findings:
    """Run ``steps`` in order as ``context.run_audits`` does, reading the findings of the steps not
    in ``volatile`` from the store when they were kept at this version (and keeping them if not).
    A step in ``lean`` runs with only the earlier findings it reads (the keys ``lean`` gives it)
    held as objects (:func:`_run_lean`). Returns a :class:`KeptFindings`."""
    version = cache_version(ctx.store, ctx.config, ctx.crawl)
    kept = load(ctx.store, ctx.crawl, version) if version else None
    parts: dict[str, Findings] = {}
    fresh: set[str] = set()  # keys a volatile step set: never re-used, even if a kept step set them too
    lean = lean or {}
    for step in steps:
        name = step_name(step)
        if step not in volatile and kept is not None and name in kept:
            part = kept[name]
        elif step in lean:
            part = _run_lean(ctx, step, lean[step], parts)
        else:
            part = step(ctx)
        if step not in volatile:
            parts[name] = part
        else:
            fresh.update(part)
        ctx.findings.update(part)
    if version and (kept is None or any(name not in kept for name in parts)):
        save(ctx.store, ctx.crawl, version, parts)
    result = KeptFindings(ctx.findings)
    result.version = version
    result.kept = frozenset(key for part in parts.values() for key in part) - fresh
    return result  # type: ignore[return-value]
