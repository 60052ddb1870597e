"""A finished crawl's findings are kept once (audits.findings_cache) and read by the later reports:
the report read from them is byte-identical to a fresh one, and every input that can change after
the crawl (the config, a later crawl, today's date, an acknowledgement, the clock against the
certificate) gives the fresh result.

That a report read the kept findings is seen in the store: the per-body judgements are emptied
after the first report, and a report that audits again writes them back; one that reads the kept
findings does not."""

from __future__ import annotations

import io
import json
import pickle
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from gelt_audit import clock
from gelt_audit.audits import findings_cache, source_hash
from gelt_audit.compression import PACKED_CHUNK, PackedRows
from gelt_audit.config import load_config
from gelt_audit.reports import json_kept
from gelt_audit.store import Store
from tests.helpers import crawl, open_db, page, run_cli, site_down, write_config
from tests.test_checklist_incremental import from_scratch, json_bytes
from tests.test_security import self_signed


def _site() -> dict:
    menu = ("/", "/tramites/", "/noticias/", "/roto")
    return {
        "/": page("Alcaldía de Prueba - Inicio", "<p>Bienvenidos al sitio oficial.</p>", links=menu),
        "/tramites/": page("Trámites", "<p>Impuesto predial unificado.</p>", links=menu),
        "/noticias/": page("Noticias", "<p>Publicado el 3 de noviembre de 2026.</p>", links=menu),
    }


def _judged(config: Path) -> int:
    """The per-body judgements kept in the store (the audits write them back when they run)."""
    with open_db(load_config(config).store_path) as conn:
        # the contract members a written report keeps (reports.json_kept) are no judgement either
        return conn.execute(
            "select count(*) from body_audits where audit not in (?, ?)", [findings_cache.AUDIT, json_kept.AUDIT]
        ).fetchone()[0]


def _forget_judgements(config: Path) -> None:
    with open_db(load_config(config).store_path) as conn:
        kept = conn.execute("select count(*) from body_audits where audit = ?", [findings_cache.AUDIT]).fetchone()[0]
        assert kept == 1, "the findings were not kept"
        conn.execute("delete from body_audits where audit != ?", [findings_cache.AUDIT])


def _first_report(serve, tmp_path: Path, extra: str = "", env: dict | None = None) -> tuple[Path, bytes]:
    server = serve(_site())
    config = write_config(tmp_path, server.url, extra)
    crawl(config)
    first = json_bytes(config, env)
    _forget_judgements(config)
    return config, first


def test_second_report_reads_the_kept_findings_and_equals_a_fresh_one(serve, tmp_path):
    morning, noon = {"GELT_TODAY": "2026-12-07T08:00"}, {"GELT_TODAY": "2026-12-07T12:00"}
    config, first = _first_report(serve, tmp_path, env=morning)
    assert b'"checklist"' in first and b"/roto" in first
    again = json_bytes(config, noon)
    assert _judged(config) == 0  # nothing audited again
    assert again == first
    assert again == from_scratch(config, noon)
    written = json.loads((config.parent / "informe-prueba.json").read_text(encoding="utf-8"))["generated_at"]
    assert written >= "2026-12-07T17:00"  # noon in Bogotá, in UTC: the time of this report, not the kept one's
    # the HTML reports read them too
    result = run_cli("report", "--config", str(config), env=noon)
    assert result.returncode == 0, result.stderr
    assert _judged(config) == 0


def test_a_config_change_audits_again(serve, tmp_path):
    config, first = _first_report(serve, tmp_path)
    config.write_text(
        config.read_text(encoding="utf-8")
        + '\n[[dependencias]]\nname = "Hacienda"\nresponsable = "Tesorería"\nmatch = ["/tramites/"]\n',
        encoding="utf-8",
    )
    again = json_bytes(config)
    assert b'"Hacienda"' in again and b'"Hacienda"' not in first
    assert _judged(config) > 0
    assert again == from_scratch(config)


def test_an_edit_of_the_committee_declarations_file_audits_again(serve, tmp_path):
    declarations = tmp_path / "comite.toml"
    declarations.write_text(
        '[items."transformacion.intranet"]\nstatus = "cumple"\nnote = "Intranet"\n', encoding="utf-8"
    )
    config, first = _first_report(serve, tmp_path, extra=f'[checklist]\nmanual = "{declarations}"\n')
    assert 'por el comité: Intranet"'.encode() in first
    declarations.write_text(declarations.read_text(encoding="utf-8").replace("Intranet", "Intranet nueva"), "utf-8")
    again = json_bytes(config)
    assert "por el comité: Intranet nueva".encode() in again
    assert _judged(config) > 0
    assert again == from_scratch(config)


def test_a_later_failed_attempt_is_reported_with_the_kept_findings(serve, tmp_path):
    server = serve(_site())
    config = write_config(tmp_path, server.url)
    crawl(config)
    first = json_bytes(config)
    assert b'"last_attempt":null' in first
    _forget_judgements(config)
    with site_down(server):  # the next crawl fails: the site is down
        failed = run_cli("crawl", "--config", str(config))
    assert failed.returncode != 0
    again = json_bytes(config)
    assert b'"last_attempt":{"id":2' in again  # said, although the other findings are the kept ones
    assert _judged(config) == 0
    assert again == from_scratch(config)


def test_a_new_finished_crawl_is_audited(serve, tmp_path):
    server = serve(_site())
    config = write_config(tmp_path, server.url)
    crawl(config)
    first = json_bytes(config)
    server.routes = {**_site(), "/participa/": page("Participa", "<p>Rendición de cuentas.</p>")}
    server.routes["/"] = page("Inicio", "<p>Nuevo.</p>", links=("/participa/", "/tramites/"))
    crawl(config)
    again = json_bytes(config)
    assert b"/participa/" in again and b"/participa/" not in first
    assert again == from_scratch(config)
    with open_db(load_config(config).store_path) as conn:
        kept = conn.execute("select body_hash from body_audits where audit = ?", [findings_cache.AUDIT]).fetchall()
    assert kept == [("crawl:2",)]  # the older crawl's findings are dropped


def test_another_day_audits_again(serve, tmp_path):
    day1, day2 = {"GELT_TODAY": "2026-11-24"}, {"GELT_TODAY": "2026-11-25"}
    server = serve(_site())
    config = write_config(tmp_path, server.url)
    crawl(config)
    roto = server.url + "roto"
    # acknowledged until the first day: on the second it is a broken link again
    result = run_cli("ack", roto, "--reason", "se corrige", "--until", "2026-11-24", "--config", str(config), env=day1)
    assert result.returncode == 0, result.stderr
    first = json_bytes(config, day1)
    assert b'"reason":"se corrige"' in first
    _forget_judgements(config)
    again = json_bytes(config, day2)
    assert b'"reason":"se corrige"' not in again
    assert _judged(config) > 0
    assert again == from_scratch(config, day2)


def test_an_acknowledgement_audits_again(serve, tmp_path):
    config, first = _first_report(serve, tmp_path)
    roto = load_config(config).site_url + "roto"
    result = run_cli("ack", roto, "--reason", "se corrige en enero", "--config", str(config))
    assert result.returncode == 0, result.stderr
    again = json_bytes(config)
    assert b"se corrige en enero" in again and b"se corrige en enero" not in first
    assert _judged(config) > 0
    assert again == from_scratch(config)


def test_the_certificate_is_judged_against_the_clock_of_each_report(serve, tmp_path):
    server = serve(_site(), tls=self_signed(tmp_path, days=20))
    config = write_config(tmp_path, server.url)
    crawl(config)
    with Store(load_config(config).store_path) as store:
        not_after = datetime.fromisoformat(store.tls(1)[0]["not_after"])
    # two moments of the same day in Bogotá, 9 and 8 whole days before the certificate expires
    moment = not_after - timedelta(days=9)
    before, after = moment - timedelta(minutes=2), moment + timedelta(minutes=2)
    if clock.local_date(before) != clock.local_date(after):
        pytest.skip("the certificate expires at midnight in Bogotá: the two moments fall on two days")
    first = json_bytes(config, {"GELT_TODAY": before.isoformat()})
    assert "vence en 9 días".encode() in first
    _forget_judgements(config)
    env = {"GELT_TODAY": after.isoformat()}
    again = json_bytes(config, env)
    assert "vence en 8 días".encode() in again
    assert again == from_scratch(config, env)


def test_kept_findings_build_nothing_but_plain_types(serve, tmp_path):
    """A blob in the store that would call a function when read is a cache miss, never a call."""
    config, first = _first_report(serve, tmp_path)
    marker = tmp_path / "llamado"

    class Call:
        def __reduce__(self):
            return (Path.touch, (marker,))

    with Store(load_config(config).store_path) as store:
        (row,) = store.db.execute("select body_hash, result from body_audits where audit = ?", [findings_cache.AUDIT])
        version = row[1].partition(b"\n")[0].split()[0].decode()
        data = zstandard.ZstdCompressor().compress(pickle.dumps({"x": Call()}))
        # its digest right: the blob reaches the unpickler, as one written by someone else would
        store.keep_blobs(findings_cache.AUDIT, {row[0]: findings_cache._head(version, data) + b"\n" + data})
    again = json_bytes(config)
    assert not marker.exists()
    assert _judged(config) > 0  # audited again
    assert again == first


def test_a_kept_table_damaged_in_the_store_is_a_cache_miss_not_a_failure_later(serve, tmp_path):
    """Tables are kept as their packed chunks and unpacked only when a report reads their rows: a
    chunk whose bytes changed in the store (a damaged disk, a bad copy) must make the kept findings
    a miss, audited again, not an error in the middle of the report."""
    from array import array

    from gelt_audit.audits.linktable import KEYS, LinkTable

    config, first = _first_report(serve, tmp_path)
    pages = [f"https://example.gov.co/p{i}" for i in range(PACKED_CHUNK + 5)]
    links = LinkTable(pages)
    for i, url in enumerate(pages):
        links.append(dict.fromkeys(KEYS) | {"url": url, "chain": [], "occurrences": []}, array("I", [i]))
    with Store(load_config(config).store_path) as store:
        crawl_row = store.latest_crawl(load_config(config).site_url)
        version = findings_cache.cache_version(store, load_config(config), crawl_row)
        findings_cache.save(store, crawl_row, version, {"a.find": {"links": links}})
        assert list(findings_cache.load(store, crawl_row, version)["a.find"]["links"]) == list(links)
        (key, blob) = store.db.execute(
            "select body_hash, result from body_audits where audit = ?", [findings_cache.AUDIT]
        ).fetchone()
        head, _, data = blob.partition(b"\n")
        records = []
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as stream:
            while not records or records[-1][0] != "end":
                records.append(pickle.load(stream))
        (table,) = [r for r in records if r[0] == "links"]
        chunk = table[2][1][0]
        table[2][1][0] = chunk[:-9] + bytes([chunk[-9] ^ 0xFF]) + chunk[-8:]  # one byte of a chunk
        damaged = zstandard.ZstdCompressor().compress(b"".join(pickle.dumps(r) for r in records))
        store.keep_blobs(findings_cache.AUDIT, {key: head + b"\n" + damaged})
        assert findings_cache.load(store, crawl_row, version) is None
    _forget_judgements(config)
    assert json_bytes(config) == first
    assert _judged(config) > 0  # audited again


def test_an_edit_of_the_packages_code_or_profiles_audits_again(serve, tmp_path):
    # an upgrade that changes a bundled profile (or any audit's code) on the same day must serve
    # neither the findings nor the checklist evaluation the old code kept, whether or not someone
    # bumped a version number: a copy of the package, run from PYTHONPATH, edited
    source = tmp_path / "fuente"
    shutil.copytree(source_hash.PACKAGE, source / "gelt_audit", ignore=shutil.ignore_patterns("__pycache__"))
    env = {"PYTHONPATH": str(source)}
    config = write_config(tmp_path, serve(_site()).url)
    crawl(config)
    first = json_bytes(config, env)
    assert '"name":"Misión y visión"'.encode() in first
    profile = source / "gelt_audit" / "audits" / "checklists" / "gelt-2008.toml"
    text = profile.read_text(encoding="utf-8")
    assert text.count('name = "Misión y visión"') == 1
    profile.write_text(text.replace('name = "Misión y visión"', 'name = "Misión y visión institucional"'), "utf-8")
    again = json_bytes(config, env)
    assert '"name":"Misión y visión institucional"'.encode() in again
    assert again == from_scratch(config, env)


def test_findings_are_kept_as_small_pickles_and_read_back_whole():
    """A long list is pickled CHUNK items at a time (one pickle of everything had its memo hold
    every object of the findings), a link table as its packed chunks as they are (no row unpacked
    and pickled again), and both read back equal, tables as tables."""
    from array import array
    from datetime import date

    from gelt_audit.audits.linktable import KEYS, LinkTable

    n = 2 * findings_cache.CHUNK + 3
    pages = [f"https://example.gov.co/p{i}" for i in range(n)]
    links = LinkTable(pages)
    for i in range(n):
        entry = dict.fromkeys(KEYS) | {"url": f"https://x.gov.co/{i}", "chain": [], "occurrences": []}
        links.append(entry, array("I", [i]))
    links.update(5, "occurrences", [{"page": pages[5], "text": "cambiada"}])  # a row changed after packing
    parts = {
        "a.find": {"pages": [{"url": u, "on": date(2026, 12, 5)} for u in pages], "short": [1, (2, 3)], "n": None},
        "b.find": {"links": links, "allied": {"pages": {1, 2}}},
    }
    records = list(findings_cache._records(parts))
    assert all(len(r[1]) <= findings_cache.CHUNK for r in records if r[0] == "items")
    (table,) = [r for r in records if r[0] == "links"]
    chunks = table[2][1]
    assert len(chunks) == n // PACKED_CHUNK and all(isinstance(c, bytes) for c in chunks)  # as packed
    out = io.BytesIO()
    for record in records:
        pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.seek(0)
    again = findings_cache._from_records(out)
    assert again == parts and isinstance(again["b.find"]["links"], LinkTable)
    assert again["b.find"]["links"][5]["occurrences"] == [{"page": pages[5], "text": "cambiada"}]
    assert list(again["b.find"]["links"].where("state", None)) == list(links)  # its columns too
    assert again["b.find"]["links"].pages == pages
    out = io.BytesIO()
    pickle.dump(("rows", []), out)  # rows without their table: not what save() writes
    out.seek(0)
    with pytest.raises(ValueError):
        findings_cache._from_records(out)


def test_packed_rows_read_from_the_store_build_nothing_but_plain_types(tmp_path):
    """A kept table's chunks are unpickled when its rows are read: one that would call a function
    raises, it never calls it; rows of plain values (and arrays, dates) read back."""
    from array import array
    from datetime import date

    marker = tmp_path / "llamado"

    class Call:
        def __reduce__(self):
            return (Path.touch, (marker,))

    rows = [(i, "x", array("I", [i]), date(2026, 12, 5)) for i in range(PACKED_CHUNK + 2)]
    chunks, tail = PackedRows(rows).state()
    assert list(PackedRows.of_state(chunks, tail)) == rows
    evil = zstandard.ZstdCompressor().compress(pickle.dumps([(Call(),)] * PACKED_CHUNK))
    read = PackedRows.of_state([evil], [])
    with pytest.raises(pickle.UnpicklingError):
        list(read)
    with pytest.raises(pickle.UnpicklingError):
        read.row(0)
    assert not marker.exists()
    with pytest.raises(ValueError):
        PackedRows.of_state(chunks, rows)  # more rows left unpacked than a chunk holds
