"""The peak of writing the checklist carry's list alone, on a real site's list (issue 21, H225).

    python bench/carry_encode_peak.py STORE/gelt.db [--rounds 3]

Reads (read-only) the carry list a report kept for the latest crawl of a store (its chunk keys,
the words of its URL keys and its string table: what ``carry.encode`` writes at the end of
``index_site``) and, in fresh children, alternately, writes it again as the code of f358de8 did
(each part marshalled whole, then compressed: ``whole``) and as ``carry.encode`` does now (pieces
into the compressor: ``pieces``). Each child loads the list, collects, resets its VmHWM
(``/proc/self/clear_refs``), writes the list and prints its VmRSS before, its VmHWM during the
write (the write's own peak), the CPU seconds of the write, and the sha256 of what ``decode``
reads back from it (``marshal.loads`` of the decompressed list and table: must be equal).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory_step_probe import proc_status  # noqa: E402


def _load(db: str) -> tuple[str, list[Any], dict[str, tuple[str, ...]], list[list[Any]]]:
    """The latest crawl's kept carry list, decoded (whatever its format's tag)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = conn.execute(
        "select body_hash, result from body_audits where audit = 'checklist-carry' and body_hash not like '%:%:%'"
    ).fetchall()
    conn.close()
    _key, blob = max(rows, key=lambda r: int(r[0].split(":")[1]))
    raw = blob if blob[:4] != b"\x28\xb5\x2f\xfd" else zstandard.ZstdDecompressor().decompress(blob)
    tag, listed, words, numbered = marshal.loads(raw)
    table = marshal.loads(zstandard.ZstdDecompressor().decompress(numbered))
    return tag, listed, words, list(table)


class _Table:
    def __init__(self, cols: list[list[Any]]) -> None:
        self.cols = cols

    def table(self) -> tuple[list[Any], ...]:
        return tuple(self.cols)


def _whole(tag: str, listed: list[Any], norms: dict[str, Any], cols: list[list[Any]]) -> bytes:
    """The list as f358de8's ``carry.encode`` wrote it."""
    words = {key: tuple(n) for key, n in norms.items()}
    numbered = zstandard.ZstdCompressor(level=1).compress(marshal.dumps(tuple(cols)))
    return zstandard.ZstdCompressor(level=1).compress(marshal.dumps((tag, listed, words, numbered)))


def _pieces(tag: str, listed: list[Any], norms: dict[str, Any], cols: list[list[Any]]) -> bytes:
    """The list as ``carry.encode`` writes it now (its own functions)."""
    from gelt_audit.audits.checklist import carry

    table = _Table(cols)
    numbered = carry._streamed(lambda put: carry._put_tuple(put, [(carry._put_list, c) for c in table.table()]))
    return carry._streamed(
        lambda put: carry._put_tuple(
            put,
            [
                (carry._put_value, tag),
                (carry._put_chunks, listed),
                (carry._put_words, norms),
                (carry._put_value, numbered),
            ],
        )
    )


def child(db: str, how: str) -> None:
    """One write, measured; prints a JSON line."""
    import gc

    from gelt_audit.audits.checklist import carry  # noqa: F401  imported before the peak is reset (both ways)

    tag, listed, words, cols = _load(db)
    gc.collect()
    before = proc_status()["VmRSS"]
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    t0 = time.process_time()
    listing = (_whole if how == "whole" else _pieces)(tag, listed, words, cols)
    cpu = time.process_time() - t0
    peak = proc_status()["VmHWM"]
    unz = zstandard.ZstdDecompressor()
    back_tag, back_listed, back_words, back_numbered = marshal.loads(unz.decompress(listing))
    back = marshal.loads(unz.decompress(back_numbered))
    same = hashlib.sha256(repr((back_tag, back_listed, back_words, list(back))).encode()).hexdigest()[:12]
    print(json.dumps({
        "how": how, "rss_before": round(before, 1), "peak": round(peak, 1), "jump": round(peak - before, 1),
        "cpu_s": round(cpu, 3), "bytes": len(listing), "read_back": same, "pages": sum(len(k) for _, k in listed),
        "keys": len(words), "strings": sum(len(c) for c in cols),
    }), flush=True)  # fmt: skip


def main() -> int:
    if sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        return 0
    db = sys.argv[1]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    for r in range(rounds):
        for how in ("whole", "pieces") if r % 2 == 0 else ("pieces", "whole"):
            load = os.getloadavg()[0]
            out = subprocess.run(
                [sys.executable, __file__, "--child", db, how], capture_output=True, text=True, check=True
            ).stdout.strip()
            print(f'{out[:-1]}, "round": {r}, "load": {load:.1f}}}', flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
