"""The carry's list of chunks (issue 21, H219) is kept compressed: at 50,000 pages it was 13.4 MB
of marshalled URL words and chunk keys, and SQLite copying it on save made the cold report's peak
(+25 MiB, bench/results-2026-12-07-50k-peak-h219.md). What a crawl's report keeps is a zstd frame
that the next index reads back (the round trip through a second crawl is
tests/test_checklist_cold_carry_h146.py's).

Fails without the compression in ``carry.encode`` (checked: with the 346320a ``carry.py`` the kept
list starts with marshal's tuple byte, not zstd's magic number, and cannot be read as one)."""

from __future__ import annotations

import marshal

import zstandard

from gelt_audit.audits.checklist.audit import CARRY
from gelt_audit.audits.checklist.carry import _TAG
from gelt_audit.audits.kept import crawl_key
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def test_the_carried_list_is_kept_compressed(serve, tmp_path):
    paths = [f"/p{i}" for i in range(6)]
    routes = {"/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", tuple(paths))}
    routes.update({p: page(f"Página {p}", f"<p>Contenido de {p}.</p>", ("/",)) for p in paths})
    server = serve(routes)
    config = write_config(tmp_path, server.url)
    crawl(config)
    report_json(config)
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        kept = store.kept_blob(crawl_key(store.latest_crawl(cfg.site_url).id), CARRY)
    assert kept is not None and kept.startswith(ZSTD_MAGIC)
    tag, listed, words, _numbered = marshal.loads(zstandard.ZstdDecompressor().decompress(kept))
    assert tag.startswith(_TAG)
    assert sum(len(keys) for _name, keys in listed) == len(paths) + 1  # every page in a chunk
    assert any("p3" in w for ws in words.values() for w in ws)  # the URL words of the keys
