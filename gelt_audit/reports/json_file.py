"""JSON reports written to files piece by piece, and the contract part two report kinds share.

The report of a large site weighs hundreds of MB: it is written one list item at a time (the C
encoder makes each piece) and no string of the whole document is ever held. The weekly and the
committee reports of one run hold the same contract (every member but ``report``), encoded from
the same findings: the second kind copies the first one's bytes instead of encoding them again.
"""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from gelt_audit.audits.linktable import LinkTable
from gelt_audit.audits.rowtable import RowTable
from gelt_audit.files import atomic_file
from gelt_audit.reports import json_report as contract


def write_json(
    path: Path,
    data: dict[str, Any],
    opener: Callable[..., Any] = atomic_file,
    encoded: dict[str, Iterable[bytes]] | None = None,
) -> Path:
    """Write a JSON report like atomic_write, compact, one list item at a time.

    ``opener`` is ``output_file`` for a path the user named (a device or FIFO is written into,
    not replaced). ``encoded``: as in :func:`write_json_to`.
    """
    with opener(path, "w") as fh:
        write_json_to(fh, data, encoded)
    return path


def write_json_to(fh: IO[str], data: dict[str, Any], encoded: dict[str, Iterable[bytes]] | None = None) -> None:
    """Write ``data`` as the compact JSON of ``contract.ENCODER.encode(data)``, one list item at a time
    (a :class:`LinkTable`'s entries are built one at a time too). ``encoded``: the bytes of some
    members' values as that encoding gives them, written instead of encoding them again."""
    fh.write("{")
    _write_members(fh, data.items(), first=True, encoded=encoded)
    fh.write("}")


def _write_members(
    fh: IO[str],
    members: Iterable[tuple[str, Any]],
    first: bool,
    spans: dict[str, tuple[int, int]] | None = None,
    encoded: dict[str, Iterable[bytes]] | None = None,
) -> None:
    """The ``"key":value`` members of a JSON object, each list item written on its own.

    ``encoded``: values already encoded (UTF-8 bytes, in chunks), written as they are instead of encoding
    ``value``. ``spans``: filled with where each value's bytes are in ``fh`` (a file with a
    ``buffer``), for members whose key is in it already (the caller names the ones it wants)."""
    encode = contract.ENCODER.encode
    encoded = encoded or {}
    for key, value in members:
        fh.write(("" if first else ",") + encode(key) + ":")
        first = False
        start = _tell(fh) if spans is not None and key in spans else None
        if key in encoded:
            _write_bytes(fh, encoded[key])
        elif isinstance(value, list | LinkTable | RowTable):
            items = value.json_items(encode) if isinstance(value, LinkTable) else map(encode, value)
            fh.write("[")
            for j, item in enumerate(items):
                fh.write(("," if j else "") + item)
            fh.write("]")
        else:
            fh.write(encode(value))
        if start is not None and spans is not None:
            spans[key] = (start, _tell(fh))


def _tell(fh: IO[str]) -> int:
    """Bytes written so far to a text file's binary buffer."""
    fh.flush()
    return fh.buffer.tell()  # type: ignore[attr-defined]


def _write_bytes(fh: IO[str], chunks: Iterable[bytes]) -> None:
    """UTF-8 text, in ``chunks``, into a text file: to its buffer as they are when it has one and
    writes UTF-8 (no decoding), else decoded."""
    buffer = getattr(fh, "buffer", None)
    if buffer is None or (getattr(fh, "encoding", "") or "").lower().replace("-", "") != "utf8":
        decoder = codecs.getincrementaldecoder("utf-8")()  # a chunk may end inside a character
        for chunk in chunks:
            fh.write(decoder.decode(chunk))
        fh.write(decoder.decode(b"", final=True))
        return
    fh.flush()
    for chunk in chunks:
        buffer.write(chunk)


@dataclass
class Contract:
    """Where a report's JSON file holds the contract (every member before ``report``): the bytes
    ``[0, end)`` of ``path``, encoded from ``findings`` (the very object) with members ``keys``."""

    findings: dict[str, Any]
    keys: list[str]
    path: Path
    end: int
    # where the bytes of each member taken from ``findings`` as it is are, in ``[0, end)``
    spans: dict[str, tuple[int, int]]


def write_report_json(
    path: Path, data: dict[str, Any], findings: dict[str, Any] | None, done: Contract | None
) -> Contract | None:
    """Write ``data`` (the contract's members, then ``report`` last) as :func:`write_json` does.

    When ``done`` was encoded from the same ``findings`` object with the same members, its bytes
    are copied instead of encoded again. Returns where this file's contract is (None when
    ``report`` is not the last member or ``findings`` is None: the next file is encoded anew).
    """
    if findings is None or list(data)[-1:] != ["report"]:
        write_json(path, data)
        return None
    members = list(data.items())[:-1]
    keys = [key for key, _ in members]
    with atomic_file(path, "w") as fh:
        if done is not None and done.findings is findings and done.keys == keys:
            fh.flush()
            with done.path.open("rb") as source:
                _copy_bytes(source, fh.buffer, done.end)
            end, spans = done.end, done.spans
        else:
            fh.write("{")
            # the members that are the findings' own values (not a default or a copy) are located
            spans = {key: (0, 0) for key, value in members if key in findings and findings[key] is value}
            _write_members(fh, members, first=True, spans=spans)
            fh.flush()
            end = fh.buffer.tell()
        _write_members(fh, [("report", data["report"])], first=not members)
        fh.write("}")
    return Contract(findings, keys, path, end, spans)


def copy_file(source: Path, target: Path) -> Path:
    """``target`` written (atomically, like every report file) with the bytes of ``source``."""
    with source.open("rb") as fh, atomic_file(target, "wb") as out:
        shutil.copyfileobj(fh, out, 1 << 20)
    return target


def _copy_bytes(source: IO[bytes], target: IO[bytes], size: int, chunk: int = 1 << 20) -> None:
    """The first ``size`` bytes of ``source`` into ``target``."""
    left = size
    while left > 0:
        data = source.read(min(chunk, left))
        if not data:
            raise OSError(f"{getattr(source, 'name', 'archivo')}: terminó antes de lo esperado")
        target.write(data)
        left -= len(data)
