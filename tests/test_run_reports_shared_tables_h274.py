"""``gelt-audit run --reports all`` writes the weekly and the committee report one kind per call; the
CSV table both kinds have and make of the findings alone («enlaces a servidores de desarrollo»: one
row per page that links to a developer's server, every page when the template does) is written
once, by the weekly report, and the committee report's two files are copies of its files (H274).

One site on 127.0.0.1 whose template links to an intranet server, crawled through the real CLI.

``test_the_committee_copies_the_weekly_dev_host_table`` fails without the scheduler keeping what
the weekly call made of the findings (checked: the table was written twice, ``2`` instead of
``1``). ``test_the_copied_files_are_the_ones_written_anew`` guards what the copy must not change:
every JSON and CSV file of the committee report is byte-identical (``generated_at`` aside) to the
one ``report --committee`` writes on its own.
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
from gelt_audit.reports import csv_export
from gelt_audit.scheduler.once import run_once
from tests.helpers import crawl, page, run_cli, write_config

OFFLINE = "[links]\ncheck_external = false\n"
_GENERATED = re.compile(rb'"generated_at": ?"[^"]*"')
INTRANET = "http://intranet.alcaldia.local/sistema/"
PAGES = ("/", "/transparencia/", "/noticias/", "/contacto/", *(f"/tramites/t{i}/" for i in range(6)))
DEV_HEADER = "enlace"  # the first cell of the dev-host table's header (csv_export.dev_host_links_table)


def routes() -> dict[str, Resource]:
    links = (*PAGES, INTRANET)  # the template's menu: every page links to the intranet
    return {path: page(f"Página {path}", links=links) for path in PAGES}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    server = SiteServer(routes()).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h274"), server.url, OFFLINE)
        crawl(config)
    finally:
        server.stop()
    return config


def copy_store(config: Path, to: Path) -> Path:
    to.mkdir()
    with closing(sqlite3.connect(config.parent / "gelt.db")) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(config.parent / "gelt.db", to / "gelt.db")
    shutil.copy(config, to / "gelt.toml")
    return to / "gelt.toml"


def files(folder: Path, prefix: str) -> dict[str, bytes]:
    """The JSON and CSV files of one kind in the reports folder, ``generated_at`` blanked."""
    return {
        path.name: _GENERATED.sub(b'"generated_at": ""', path.read_bytes())
        for path in sorted(folder.glob(f"{prefix}-*"))
        if path.suffix in (".json", ".csv")
    }


def test_the_committee_copies_the_weekly_dev_host_table(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = copy_store(store, tmp_path / "en-proceso")
    headers: list[str] = []
    real = csv_export.CsvTable.write

    def counting(self: csv_export.CsvTable, plain: Any, excel: Any) -> None:
        headers.append(self.header[0])
        real(self, plain, excel)

    monkeypatch.setattr(csv_export.CsvTable, "write", counting)
    assert run_once(config, reports="all", crawl=False) == 0
    folder = config.parent / "informes"
    (weekly,) = folder.glob("semanal-*-enlaces-desarrollo.csv")
    (committee,) = folder.glob("comite-*-enlaces-desarrollo.csv")
    assert INTRANET in weekly.read_text(encoding="utf-8")  # one row per page: the table is not empty
    assert weekly.read_bytes().count(b"\r\n") == len(PAGES) + 1
    assert committee.read_bytes() == weekly.read_bytes()
    weekly_excel = weekly.with_name(weekly.name.replace(".csv", "-excel.csv"))
    committee_excel = committee.with_name(committee.name.replace(".csv", "-excel.csv"))
    assert committee_excel.read_bytes() == weekly_excel.read_bytes()
    assert headers.count(DEV_HEADER) == 1


def test_the_copied_files_are_the_ones_written_anew(store: Path, tmp_path: Path) -> None:
    config = copy_store(store, tmp_path / "copia")
    result = run_cli("run", "--no-crawl", "--reports", "all", "--config", str(config), cwd=config.parent)
    assert result.returncode == 0, result.stderr
    folder = config.parent / "informes"
    copied = files(folder, "comite")
    assert any(name.endswith("-enlaces-desarrollo.csv") for name in copied), sorted(copied)
    # the committee report on its own (one kind, one call): every table made anew
    result = run_cli("report", "--committee", "--config", str(config), cwd=config.parent)
    assert result.returncode == 0, result.stderr
    assert files(folder, "comite") == copied
