"""The carry's list and its string table are marshalled a piece at a time into the compressor
(issue 21, H225): at 50,000 pages the string table marshalled whole (11.9 MB) and then the list
(13.4 MB) were held uncompressed before compressing, the cold report's peak
(bench/results-2026-12-07-50k-peak-h219.md). The pieces are written as ``marshal.loads`` reads
the whole, so the next index reads the same carry back.

A site crawled twice (the second crawl without two pages) by the CLI; its cold audit in the process
with pieces of 3 items: no ``marshal.dumps`` of the list or the table is larger than a fifth of
the list's bytes, the previous crawl's index takes its unchanged pages from that list
(``Builder._carried``), and its regressions are those the CLI reports from a twin store audited
with the default pieces.

Fails without the pieces (checked: with the f358de8 ``carry.py`` the latest crawl's encode made two
``marshal.dumps`` besides its chunks, the string table whole (1,409 B) and the list whole
(2,171 B), not more than ten pieces smaller than a third of the table)."""

from __future__ import annotations

import marshal
from typing import Any

import zstandard

import gelt_audit.audits.checklist.carry as carry
import gelt_audit.audits.checklist.index as index
import gelt_audit.audits.checklist.parse as parse
import gelt_audit.audits.run as run
from gelt_audit.audits.checklist.audit import CARRY
from gelt_audit.audits.kept import crawl_key
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, report_json, write_config

PAGES = tuple(f"/tema-{i}" for i in range(10))
GONE = ("/noticias", "/contacto")


def _routes(full: bool = True) -> dict[str, Any]:
    """A home linking every page; each page links home, the next page and a document of its own
    (the string table: a few dozen targets and texts). Without ``full``, the news and contact
    pages gone (a change the checklist sees); the other pages' bodies stay the same."""
    shown = (*PAGES, *GONE) if full else PAGES
    routes = {"/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos a la alcaldía.</p>", shown)}
    for i, path in enumerate(PAGES):
        body = f"<p>Contenido del tema {i}.</p><a href='/doc-{i}.pdf'>Documento número {i}</a>"
        routes[path] = page(f"Tema {i} de la alcaldía", body, ("/", PAGES[(i + 1) % len(PAGES)]))
    if full:
        routes["/noticias"] = page("Noticias", "<p>Noticias de la alcaldía.</p>", ("/",))
        routes["/contacto"] = page("Contacto", "<p>Calle 1 # 2-3. contacto@alcaldia.gov.co</p>", ("/",))
    return routes


class _Recorder:
    """``marshal`` as the carry module uses it, each ``dumps`` output's size recorded."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.version = marshal.version

    def dumps(self, value: Any, *args: Any) -> bytes:
        out = marshal.dumps(value, *args)
        self.sizes.append(len(out))
        return out

    def loads(self, data: Any) -> Any:
        return marshal.loads(data)


def _verdicts(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The regressions without their snapshots' times (the two stores crawled a moment apart)."""
    return [{k: v for k, v in c.items() if not k.startswith("snapshot_")} for c in changes]


def test_the_carried_list_is_marshalled_in_pieces_and_read_back(serve, tmp_path, monkeypatch):
    server = serve(_routes())
    for name in ("twin", "pieces"):
        (tmp_path / name).mkdir()
    twin = write_config(tmp_path / "twin", server.url)
    pieces = write_config(tmp_path / "pieces", server.url)
    crawl(twin)
    crawl(pieces)
    server.routes = _routes(full=False)
    crawl(twin)
    crawl(pieces)
    expected = report_json(twin)["regressions"]  # the CLI's cold report, default pieces

    recorder = _Recorder()
    monkeypatch.setattr(carry, "marshal", recorder)
    monkeypatch.setattr(carry, "_PIECE", 3, raising=False)  # (the f358de8 carry had no pieces)
    monkeypatch.setattr(carry, "CHUNK", 4)  # chunks of 4 pages: a chunk's keys are a small piece too
    encoded: list[int] = []  # where each encode's dumps begin
    encode = index.encode

    def encode_watched(*args: Any, **kwargs: Any) -> Any:
        encoded.append(len(recorder.sizes))
        return encode(*args, **kwargs)

    carried: set[str] = set()
    made = parse.Builder._carried

    def carried_watched(self: parse.Builder, *args: Any) -> Any:
        carried.add(args[4].url)
        return made(self, *args)

    monkeypatch.setattr(index, "encode", encode_watched)
    monkeypatch.setattr(parse.Builder, "_carried", carried_watched)
    cfg = load_config(pieces)
    with Store(cfg.store_path) as store:
        findings = run.audit(store, cfg, browser=False)
        kept = store.kept_blob(crawl_key(store.latest_crawl(cfg.site_url).id), CARRY)
        assert kept is not None and encoded
        _tag, listed, words, numbered = marshal.loads(zstandard.ZstdDecompressor().decompress(kept))
        chunks = [zstandard.ZstdDecompressor().decompress(store.kept_blob(name, CARRY)) for name, _ in listed]
    table = len(zstandard.ZstdDecompressor().decompress(numbered))  # the string table marshalled whole
    sizes = recorder.sizes[encoded[0] : encoded[1] if len(encoded) > 1 else None]  # the latest crawl's
    for chunk in chunks:  # the pages' chunks, marshalled whole each (up to CHUNK pages)
        sizes.remove(len(chunk))
    if (value := len(marshal.dumps(numbered, 2))) in sizes:
        sizes.remove(value)  # the compressed table, one value in the list
    assert len(listed) >= 3 and len(words) > 10 and len(sizes) > 10  # in pieces
    assert max(sizes) * 3 < table, (sorted(sizes)[-3:], table, len(sizes))  # no piece near the table, nor the list
    # the previous crawl's index read the unchanged pages from the list written in pieces
    assert {server.url + p.lstrip("/") for p in PAGES} <= carried
    assert "info.noticias" in {r["item"] for r in expected}  # a change the checklist sees
    assert _verdicts(findings["regressions"]) == _verdicts(expected)
    assert report_json(pieces)["regressions"] == findings["regressions"]  # the CLI's, from what was kept
