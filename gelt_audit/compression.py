"""How the store compresses bodies: zstd with a dictionary trained on the site's own pages.

A leaf. Rows written before schema 9 hold zlib streams; :meth:`Codec.decompress` and
:func:`decompress` read both forever (a zstd frame starts with its magic number, zlib never does).
"""

from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

import zstandard

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # every zstd frame starts so; a zlib stream never does (0x78 ..)
EXCERPT = 200  # characters of the main text read with every snapshot (bodies.excerpt)
ZSTD_LEVEL = 3  # 0.08 ms per 45 KB page, faster than the zlib level 1 it replaces
DICT_SIZE = 112_640  # bytes of a trained dictionary (zstd's default)
DICT_MIN_SAMPLES = 20  # fewer pages than this train no dictionary: plain zstd
# fastCover's parameters, fixed: without them zstandard searches k and d (0.35 s of CPU on 200
# benchmark pages, 5x these); with them the dictionary compresses the benchmark's other 1,000
# pages 0.3 % smaller and 991 fixture pages 22 % smaller than the searched one (2026-12-05).
DICT_PARAMS = {"k": 2048, "d": 8, "f": 20}


def compress(data: bytes, codec: Codec | None = None) -> bytes:
    """Compress a body (or text) for the store: zstd, with the codec's dictionary when given."""
    return (codec or PLAIN).compress(data)


def decompress(data: bytes | None, dictionary: bytes | None = None) -> bytes:
    """Decompress what :func:`compress` wrote, or what older versions wrote with zlib (read forever)."""
    if not data:
        return b""
    if data[:4] != ZSTD_MAGIC:
        return zlib.decompress(data)
    args = {"dict_data": zstandard.ZstdCompressionDict(dictionary)} if dictionary else {}
    return zstandard.ZstdDecompressor(**args).decompress(data)


class Codec:
    """zstd at ZSTD_LEVEL, with one site's trained dictionary (``dict_id``) or none (``None``)."""

    def __init__(self, dict_id: int | None = None, dictionary: bytes | None = None, level: int = ZSTD_LEVEL):
        self.dict_id = dict_id
        self.dictionary = dictionary
        args = {"dict_data": zstandard.ZstdCompressionDict(dictionary)} if dictionary else {}
        self._compressor = zstandard.ZstdCompressor(level=level, **args)
        self._decompressor = zstandard.ZstdDecompressor(**args)

    def compress(self, data: bytes) -> bytes:
        return self._compressor.compress(data)

    def decompress(self, data: bytes) -> bytes:
        if data[:4] != ZSTD_MAGIC:
            return zlib.decompress(data)
        return self._decompressor.decompress(data)


PLAIN = Codec()


def train_dictionary(samples: list[bytes]) -> bytes | None:
    """A zstd dictionary trained on some of a site's pages, or None when they are too few or too alike."""
    if len(samples) < DICT_MIN_SAMPLES:
        return None
    try:
        return zstandard.train_dictionary(DICT_SIZE, samples, **DICT_PARAMS).as_bytes()
    except zstandard.ZstdError:  # e.g. too little material for a dictionary
        return None


_RAW_MIN = 64  # bodies shorter than this are no dictionary for their text: plain zstd


def compress_text(text: str, raw: bytes) -> bytes:
    """A body's main text compressed with the body's own bytes as a raw-content dictionary.

    The main text is copied out of the HTML, so zstd finds almost all of it there: ~470 B per
    page instead of ~5.9 KB with plain zstd on the benchmark's pages, for ~60 µs more per page.
    """
    data = text.encode("utf-8")
    if len(raw) < _RAW_MIN:
        return PLAIN.compress(data)
    raw_dict = zstandard.ZstdCompressionDict(raw, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL, dict_data=raw_dict).compress(data)


def decompress_text(data: bytes, raw: bytes) -> str:
    """The main text :func:`compress_text` stored, given the same body bytes."""
    if len(raw) < _RAW_MIN:
        return PLAIN.decompress(data).decode("utf-8")
    raw_dict = zstandard.ZstdCompressionDict(raw, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    return zstandard.ZstdDecompressor(dict_data=raw_dict).decompress(data).decode("utf-8")


def body_row(raw: bytes, main_text: str | None, codec: Codec | None = None, **fields: Any) -> dict[str, Any]:
    """A bodies row: content compressed with the codec, main text with the content as its dictionary
    (:func:`compress_text`), the first 200 characters of the text kept as the excerpt."""
    codec = codec or PLAIN
    return {
        **fields,
        "content": codec.compress(raw),
        "main_text": None,
        "main_z": None if main_text is None else compress_text(main_text, raw),
        "excerpt": None if main_text is None else main_text[:EXCERPT],
        "dict_id": codec.dict_id,
    }


# -- rows kept in memory, compressed ------------------------------------------------------------------
PACKED_CHUNK = 1024  # rows per compressed pickle of PackedRows
_PACKER = zstandard.ZstdCompressor(level=1)
_UNPACKER = zstandard.ZstdDecompressor()


# What rows packed by another process (kept in the store: see :meth:`PackedRows.state`) may hold
PLAIN_TYPES = frozenset(
    {
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("datetime", "date"),
        ("datetime", "datetime"),
        ("datetime", "timedelta"),
        ("datetime", "timezone"),
        ("array", "array"),
        ("array", "_array_reconstructor"),
    }
)


class PlainUnpickler(pickle.Unpickler):
    """Builds only plain values and the classes in ``allowed`` (no other class or function is
    called): for pickles read back from the store."""

    allowed: frozenset[tuple[str, str]] = PLAIN_TYPES
    what = "filas leídas del almacén"  # named in the error

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(f"{module}.{name} no está permitido en {self.what}")
        return super().find_class(module, name)


class PackedRows:
    """Rows of plain values (tuples of str, int, float, None…) kept as zstd-compressed pickles of
    :data:`PACKED_CHUNK` rows each, read back in order one chunk at a time.

    What a process holds for a whole site (a crawl's snapshot rows, a report's page inventory) is
    then a few bytes per row instead of its Python objects (a snapshot row of 25 values is ~700 B
    as a tuple, ~200 B packed); reading the rows again costs an unpickle (~2 µs a row). Only rows
    this process made are unpickled: nothing read from outside is ever loaded with it.
    """

    __slots__ = ("_chunks", "_tail", "_len", "_last", "_loads")

    def __init__(self, rows: Iterable[tuple] = ()) -> None:
        self._chunks: list[bytes] = []
        self._tail: list[tuple] = []
        self._len = 0
        self._loads = pickle.loads  # chunks this process packed
        # the packed chunk :meth:`row` read last, unpacked (its number, its rows): rows asked in
        # order (a table's few changed rows, set one by one) unpack each chunk once, not once a row
        self._last: tuple[int, list[tuple]] | None = None
        for row in rows:
            self.append(row)

    def append(self, row: tuple) -> None:
        self._tail.append(row)
        self._len += 1
        if len(self._tail) >= PACKED_CHUNK:
            self._chunks.append(_PACKER.compress(pickle.dumps(self._tail, protocol=pickle.HIGHEST_PROTOCOL)))
            self._tail = []

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[tuple]:
        tail = list(self._tail)  # as it is now: rows appended while reading are not read
        loads = self._loads
        for chunk in list(self._chunks):
            yield from loads(_UNPACKER.decompress(chunk))
        yield from tail

    def row(self, index: int) -> tuple:
        """One row (its chunk unpacked): ``0 <= index < len(self)``."""
        chunk, at = divmod(index, PACKED_CHUNK)
        if chunk >= len(self._chunks):
            return self._tail[at]
        last = self._last
        if last is None or last[0] != chunk:
            last = self._last = (chunk, self.chunk(chunk))
        return last[1][at]

    def chunk(self, number: int) -> list[tuple]:
        """The rows ``number * PACKED_CHUNK`` up to the next chunk's (the last: those not packed yet)."""
        if number < len(self._chunks):
            return self._loads(_UNPACKER.decompress(self._chunks[number]))
        return list(self._tail)

    def state(self) -> tuple[list[bytes], list[tuple]]:
        """The packed chunks as they are and the rows not packed yet: what :meth:`of_state` reads
        back (a process keeping the rows writes these, not every row pickled again)."""
        return list(self._chunks), list(self._tail)

    @classmethod
    def of_state(cls, chunks: list[bytes], tail: list[tuple]) -> PackedRows:
        """The rows of :meth:`state`, as another process (or the store) gave them: their chunks
        are read with an unpickler that builds plain values only. Raises ValueError when the
        chunks do not hold whole chunks of rows."""
        if not all(isinstance(c, bytes) for c in chunks) or not isinstance(tail, list) or len(tail) >= PACKED_CHUNK:
            raise ValueError("filas empaquetadas inconsistentes")
        packed = cls()
        packed._chunks, packed._tail = list(chunks), list(tail)
        packed._len = len(chunks) * PACKED_CHUNK + len(tail)
        packed._loads = _plain_loads
        return packed

    def nbytes(self) -> int:
        """Bytes of the packed chunks (the rows not packed yet not counted)."""
        return sum(len(chunk) for chunk in self._chunks)


def _plain_loads(data: bytes) -> Any:
    """``pickle.loads`` building plain values only (see :class:`PlainUnpickler`)."""
    return PlainUnpickler(io.BytesIO(data)).load()
