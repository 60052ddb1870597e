"""``gelt-audit run --reports all`` writes the weekly and the committee report one kind per call
(writing and mailing one report is one step): the committee report's JSON holds the same contract
(every member but ``report``: the whole site's pages and links) encoded from the same findings,
and is copied from the weekly report's file instead of encoded again (H191).

One shared site on 127.0.0.1, crawled twice through the real CLI with pages changed, added and
removed between the crawls, the first crawl's reports written (what the weekly run finds cached).

``test_the_committee_report_copies_the_weekly_contract`` fails without the scheduler passing one
``Written`` to both calls (checked: the contract was encoded twice, ``[2]`` instead of ``[1]``).
``test_incremental_and_from_scratch_runs_write_the_same_files`` and
``test_the_copied_committee_json_is_the_one_encoded_anew`` guard what the copy must not change:
every JSON and CSV file of ``informes/`` is byte-identical (``generated_at`` aside) to a
from-scratch run's, and the committee's JSON to ``report --committee`` encoding it on its own.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.reports import json_file
from gelt_audit.scheduler.once import run_once
from tests.helpers import crawl, page, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
CACHE_TABLES = ("body_audits", "crawl_summaries", "portfolio_summaries")
_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
FILLERS = tuple(f"/tramites/t{i}/" for i in range(12))


def routes() -> dict[str, Resource]:
    return {
        "/": page("Inicio", links=("/transparencia/", "/noticias/", "/contacto/", *FILLERS, "/roto/")),
        "/transparencia/": page("Transparencia y acceso a la información pública", links=("/", "/noticias/")),
        "/noticias/": page("Noticias", body="<p>Publicado el 3 de noviembre de 2026.</p>", links=("/",)),
        "/contacto/": page("Contacto", body="<p>Correo: contacto@example.org</p>", links=("/", "/viejo/")),
        "/viejo/": page("Página vieja", links=("/",)),
        **{path: page(f"Trámite {path}", links=("/", "/contacto/")) for path in FILLERS},
    }


def change(site: dict[str, Resource]) -> None:
    # a body changes, a page is added, a page goes away
    site["/noticias/"] = page("Noticias", body="<p>Publicado el 1 de diciembre de 2026.</p>", links=("/", "/nuevo/"))
    site["/nuevo/"] = page("Nueva convocatoria", body="<p>Convocatoria abierta.</p>", links=("/",))
    site["/contacto/"] = page("Contacto", body="<p>Correo: contacto@example.org</p>", links=("/",))
    del site["/viejo/"]


def run_all(config: Path) -> None:
    result = run_cli("run", "--no-crawl", "--reports", "all", "--config", str(config), cwd=config.parent)
    assert result.returncode == 0, result.stderr


def copy_store(config: Path, to: Path, scratch: bool) -> Path:
    """The store and config in ``to`` (no reports folder); the audit caches emptied when ``scratch``."""
    to.mkdir()
    with closing(sqlite3.connect(config.parent / "gelt.db")) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(config.parent / "gelt.db", to / "gelt.db")
    shutil.copy(config, to / "gelt.toml")
    if scratch:
        with closing(sqlite3.connect(to / "gelt.db")) as conn, conn:
            kept = sum(conn.execute(f"select count(*) from {t}").fetchone()[0] for t in CACHE_TABLES)
            assert kept, "nothing cached: the comparison would not test the incremental path"
            for table in CACHE_TABLES:
                conn.execute(f"delete from {table}")
    return to / "gelt.toml"


def files(folder: Path) -> dict[str, bytes]:
    """Every JSON and CSV file of the reports folder, ``generated_at`` blanked."""
    out = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".json", ".csv"):
            out[path.name] = _GENERATED.sub(b'"generated_at": ""', path.read_bytes())
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A config whose store holds two crawls (the second after the change), the first reported."""
    site = routes()
    server = SiteServer(site).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h191"), server.url, OFFLINE)
        crawl(config)
        run_all(config)
        change(site)
        crawl(config)
    finally:
        server.stop()
    return config


def test_incremental_and_from_scratch_runs_write_the_same_files(store: Path, tmp_path: Path) -> None:
    incremental = copy_store(store, tmp_path / "incremental", scratch=False)
    scratch = copy_store(store, tmp_path / "desde-cero", scratch=True)
    run_all(incremental)
    run_all(scratch)
    got, want = files(incremental.parent / "informes"), files(scratch.parent / "informes")
    assert any(name.startswith("comite-") and name.endswith(".json") for name in got), sorted(got)
    assert any(name.startswith("semanal-") and name.endswith(".json") for name in got), sorted(got)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], name


def test_the_copied_committee_json_is_the_one_encoded_anew(store: Path, tmp_path: Path) -> None:
    config = copy_store(store, tmp_path / "copia", scratch=False)
    run_all(config)
    folder = config.parent / "informes"
    (committee,) = folder.glob("comite-*.json")
    copied = _GENERATED.sub(b'"generated_at": ""', committee.read_bytes())
    # the committee report on its own (one kind, one call): its contract encoded from the findings
    result = run_cli("report", "--committee", "--config", str(config), cwd=config.parent)
    assert result.returncode == 0, result.stderr
    anew = _GENERATED.sub(b'"generated_at": ""', committee.read_bytes())
    assert b'"links":[{' in anew and b'"/roto/"' in anew  # the site's links are in it
    assert copied == anew


def test_the_committee_report_copies_the_weekly_contract(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = copy_store(store, tmp_path / "en-proceso", scratch=False)
    encoded: list[int] = []
    real = json_file._write_members

    def counting(fh: Any, members: Any, first: bool, *args: Any, **kwargs: Any) -> None:
        members = list(members)
        if any(key == "links" for key, _ in members):  # the contract, not the ``report`` member
            encoded.append(1)
        real(fh, members, first, *args, **kwargs)

    monkeypatch.setattr(json_file, "_write_members", counting)
    assert run_once(config, reports="all", crawl=False) == 0
    assert len(list((config.parent / "informes").glob("comite-*.json"))) == 1
    assert len(list((config.parent / "informes").glob("semanal-*.json"))) == 1
    assert [sum(encoded)] == [1]
