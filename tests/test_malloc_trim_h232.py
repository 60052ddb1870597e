"""What glibc keeps of the memory the audits freed is given back when the checklist's index starts
(issue 21, H232).

Before the index of a cold report at 50,000 pages glibc held ~74 MiB that the process had freed
(the earlier steps' findings put out of the process, the crawl's packed rows dropped): holes in the
middle of its heap, which it never returns by itself, and which the index fills only with its large
allocations (bench/results-2026-12-07-50k-malloc-trim-h232.md). ``collector.give_back_freed``
(``malloc_trim(0)``) hands them back there and logs what it gave.

A site on 127.0.0.1 crawled once through the CLI; two copies of its store, each reported cold
through the CLI: one as it runs, one with ``GELT_AUDIT_MALLOC_TRIM=off``.
``test_the_freed_memory_is_given_back_when_the_index_starts`` fails without the call in
``checklist.audit.page_docs`` (checked: no «Memoria: … devueltos al sistema (índice de la lista)»
line in the log). ``test_the_report_is_the_same_with_and_without_it`` guards the other side: the
JSON (``generated_at`` aside) is byte-identical (it cannot fail by the lever's absence; it fails if
the lever changed anything the report says).
"""

from __future__ import annotations

import re
import shutil

import pytest

from gelt_audit.collector import _TRIM
from gelt_audit.demo.server import SiteServer
from tests.helpers import crawl, open_db, page, run_cli, write_config

pytestmark = pytest.mark.skipif(_TRIM is None, reason="malloc_trim is glibc's")

_GENERATED = re.compile(r'"generated_at": ?"[^"]*"')
_GIVEN = re.compile(r"Memoria: \d+,\d MiB devueltos al sistema \(índice de la lista\)")


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """(JSON, log) of the cold report of the same store, with the lever and with it off."""
    paths = [f"/transparencia/p{i}" for i in range(12)]
    routes = {"/": page("Inicio | Alcaldía de Prueba", "<p>Bienvenidos.</p>", (*paths, "/contacto"))}
    routes["/contacto"] = page("Contacto", "<p>Correo: contacto@prueba.gov.co</p>", ("/",))
    routes.update({p: page(f"Documento {p}", f"<p>Informe de gestión {p}.</p>", ("/",)) for p in paths})
    server = SiteServer(routes).start()
    try:
        first = tmp_path_factory.mktemp("trim-on")
        config = write_config(first, server.url)
        crawl(config)
    finally:
        server.stop()
    second = tmp_path_factory.mktemp("trim-off")
    with open_db(first / "gelt.db") as conn:  # the crawl's pages out of the write-ahead log, then copied
        conn.execute("pragma wal_checkpoint(truncate)")
    for name in ("gelt.db", "gelt.toml"):
        shutil.copy(first / name, second / name)
    out = {}
    for folder, env in ((first, {}), (second, {"GELT_AUDIT_MALLOC_TRIM": "off"})):
        result = run_cli("report", "--format", "json", "--config", str(folder / "gelt.toml"), env=env)
        assert result.returncode == 0, result.stderr
        log = (folder / "gelt.log").read_text(encoding="utf-8")
        out["off" if env else "on"] = (_GENERATED.sub("", result.stdout), log)
    return out


def test_the_freed_memory_is_given_back_when_the_index_starts(reports):
    assert _GIVEN.search(reports["on"][1]), "no malloc_trim when the checklist's index started"
    assert not _GIVEN.search(reports["off"][1])  # the switch is what makes the other run the baseline


def test_the_report_is_the_same_with_and_without_it(reports):
    assert '"checklist"' in reports["on"][0]
    assert reports["on"][0] == reports["off"][0]
