"""The JSON contract's encoded members, kept with the findings they were encoded from.

`gelt-audit run` writes the weekly (and committee) report's JSON file, which holds every member
of the contract, then the operator's `report --format json` of the same crawl encodes the same
members again from the same kept findings (~0.4 s of its ~1.2 s of CPU at 10,000 pages, H116).
Here the bytes of each member whose value came from a kept audit step are kept in
``body_audits`` under ``crawl:<id>`` (audit :data:`AUDIT`), headed by the findings' version
(``audits.findings_cache.cache_version``: code, configuration, checklist files, crawls,
acknowledgements, today's date, certificates): a later report whose findings have that version
copies them instead of encoding. A volatile member (``generated_at``, ``last_attempt``, the
browser pass when on) is always encoded anew; so is every member when the version differs.

Each member is its own zstd frame, read back one frame at a time: no report holds the whole
encoded contract (hundreds of MB at 50,000 pages).

The no-kind ``report --format json`` (:func:`contract_report`) lives here: it is the reader of
what is kept, and it writes no HTML.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import zstandard

from gelt_audit.audits.findings_cache import KeptFindings
from gelt_audit.audits.kept import crawl_key, keep_for_latest
from gelt_audit.audits.run import audit
from gelt_audit.config import Config
from gelt_audit.files import output_file
from gelt_audit.reports import json_report as contract
from gelt_audit.reports.json_file import write_json, write_json_to
from gelt_audit.reports.summary import fingerprint, save, summarize
from gelt_audit.store import Store

AUDIT = "findings-json"  # body_audits.audit of the kept members
FORMAT = 1  # bump when what is kept changes shape
CHUNK = 1 << 20  # bytes read or decompressed at a time


def _version(findings: Any) -> str | None:
    """The version the findings' kept members are keyed by (None: nothing is kept or re-used)."""
    return findings.version if isinstance(findings, KeptFindings) else None


def _head(version: str, rest: bytes) -> bytes:
    """The first line of a kept blob: its format, the findings' version and a digest of the rest
    (damaged bytes are a miss, never a damaged report)."""
    return f"{FORMAT} {version} {hashlib.blake2b(rest, digest_size=16).hexdigest()}".encode()


def keep(store: Store, findings: dict[str, Any], path: Path, spans: dict[str, tuple[int, int]]) -> None:
    """Keep the bytes ``path`` holds at ``spans`` (member -> [start, end)) for the members of
    ``findings`` that came from kept steps, unless they are kept at this version already."""
    version = _version(findings)
    keys = [key for key in spans if key in getattr(findings, "kept", ())]
    crawl = store.crawl(findings["crawl"]["id"]) if version and keys else None
    if crawl is None or version is None:
        return
    old = store.kept_blob(crawl_key(crawl.id), AUDIT)
    if old is not None and old.split(b" ", 2)[:2] == [str(FORMAT).encode(), version.encode()]:
        return  # the committee report after the weekly one: the same bytes
    try:
        index, frames = _frames(path, keys, spans)
    except (OSError, EOFError):  # the report file went away or changed: nothing is kept, none is lost
        return
    rest = json.dumps(index, separators=(",", ":")).encode() + b"\n" + frames
    keep_for_latest(store, crawl, AUDIT, _head(version, rest) + b"\n" + rest)


def _frames(path: Path, keys: list[str], spans: dict[str, tuple[int, int]]) -> tuple[dict[str, list[int]], bytes]:
    """Each member's bytes in ``path`` as a zstd frame of its own, one after another, and where each
    frame is (member -> [start, size])."""
    index: dict[str, list[int]] = {}
    frames = bytearray()
    compressor = zstandard.ZstdCompressor(level=1)
    with path.open("rb") as fh:
        for key in keys:
            start, end = spans[key]
            fh.seek(start)
            packer = compressor.compressobj()
            begin = len(frames)
            left = end - start
            while left > 0:
                data = fh.read(min(CHUNK, left))
                if not data:
                    raise EOFError(f"{path}: más corto que lo escrito")
                frames += packer.compress(data)
                left -= len(data)
            frames += packer.flush()
            index[key] = [begin, len(frames) - begin]
    return index, bytes(frames)


def kept(store: Store, findings: dict[str, Any]) -> dict[str, Iterable[bytes]]:
    """The kept bytes of the members of ``findings`` that came from kept steps at their version,
    each as its chunks (read when written); empty when none are kept at that version."""
    version = _version(findings)
    if version is None:
        return {}
    blob = store.kept_blob(crawl_key(findings["crawl"]["id"]), AUDIT)
    if blob is None:
        return {}
    head, _, rest = blob.partition(b"\n")
    if head != _head(version, rest):
        return {}
    line, _, frames = rest.partition(b"\n")
    try:
        index = json.loads(line)
    except ValueError:
        return {}
    view = memoryview(frames)
    allowed = getattr(findings, "kept", frozenset())
    return {key: _frame(view[start : start + size]) for key, (start, size) in index.items() if key in allowed}


def _frame(data: memoryview) -> Iterator[bytes]:
    """One member's bytes from its zstd frame, a chunk at a time."""
    yield from zstandard.ZstdDecompressor().read_to_iter(data, read_size=CHUNK, write_size=CHUNK)


def contract_report(config: Config, output: str | os.PathLike[str] | None, stream: IO[str] | None) -> str:
    """``gelt-audit report --format json`` without a kind: the JSON contract of DESIGN.md.

    Into ``output`` (its path returned), else into ``stream`` piece by piece ("" returned), else
    returned as text. The members a report of the same findings' version kept are copied."""
    with Store(config.store_path) as store:
        findings = audit(store, config)
        # kept for next week's report and the committee's trend, as the HTML reports do
        save(store, summarize(findings, fingerprint(config)))
        encoded = kept(store, findings)
    data = contract.build(findings)
    if output is not None:
        return str(write_json(Path(output), data, output_file, encoded))
    if stream is None:
        if not encoded:
            return contract.dumps(findings)
        text = io.StringIO()
        write_json_to(text, data, encoded)
        return text.getvalue()
    write_json_to(stream, data, encoded)  # no string of the whole report
    return ""
