"""The site's taglines (``<title>`` labels most pages share) are read from each page's labels, which
begin with its title's (made at the parse, and carried with the page while its body is unchanged),
not normalised again from every page's title each week (H203, issue 21).

One site on 127.0.0.1 whose titles end in the site's name («… | Alcaldía de Prueba»), crawled twice
through the real CLI with a title changed, a page added and a page removed between the crawls, the
first crawl's reports written (what the weekly run finds kept: its pages are carried).

``test_carried_pages_give_the_taglines_their_titles_give`` fails when the labels read are not the
title's (checked: with ``title_count`` giving 1 for every title, the segments are not read and the
site's name is no tagline: ``set() == {'alcaldia prueba'}``; with it giving one more, the h1
«Trámites» most pages have counts as a title label: ``{'alcaldia prueba', 'tramite'} ==
{'alcaldia prueba'}``). ``test_incremental_and_from_scratch_runs_write_the_same_files`` guards the
reports: every JSON and CSV file of ``informes/`` of the week's ``gelt-audit run`` is
byte-identical (``generated_at`` aside) to a from-scratch run's on the same store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gelt_audit.audits.checklist import index
from gelt_audit.audits.checklist.pages import title_labels
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.scheduler.runs import run_once
from tests.helpers import crawl, page, write_config
from tests.test_run_reports_contract_h191 import copy_store, files, run_all

OFFLINE = "[links]\ncheck_external = false\n"
NAME = "Alcaldía de Prueba"
FILLERS = tuple(f"/tramites/t{i}/" for i in range(10))


def routes() -> dict[str, Resource]:
    return {
        "/": page(f"Inicio | {NAME}", links=("/transparencia/", "/noticias/", "/contacto/", *FILLERS)),
        "/transparencia/": page(f"Transparencia y acceso a la información pública - {NAME}", links=("/",)),
        "/noticias/": page(f"Noticias | {NAME}", body="<p>Publicado el 3 de noviembre de 2026.</p>", links=("/",)),
        "/contacto/": page("Contacto", body="<p>Correo: contacto@example.org</p>", links=("/", "/viejo/")),
        "/viejo/": page(f"Página vieja | {NAME}", links=("/",)),
        # most pages' own h1 is the same: a label beyond their titles, never a tagline
        **{path: page(f"Trámite {path} | {NAME}", "<h1>Trámites</h1>", ("/", "/contacto/")) for path in FILLERS},
    }


def change(site: dict[str, Resource]) -> None:
    # a title changes (with its body), a page is added, a page goes away
    site["/noticias/"] = page(
        f"Noticias de diciembre | {NAME}", body="<p>Publicado el 1 de diciembre de 2026.</p>", links=("/", "/nuevo/")
    )
    site["/nuevo/"] = page(f"Nueva convocatoria | {NAME}", body="<p>Convocatoria abierta.</p>", links=("/",))
    site["/contacto/"] = page("Contacto", body="<p>Correo: contacto@example.org</p>", links=("/",))
    del site["/viejo/"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A config whose store holds two crawls (the second after the change), the first reported."""
    site = routes()
    server = SiteServer(site).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h203"), server.url, OFFLINE)
        crawl(config)
        run_all(config)
        change(site)
        crawl(config)
    finally:
        server.stop()
    return config


def defined_taglines(pages: list[Any]) -> set[str]:
    """:func:`index.site_taglines` by its definition: every page's title split and normalised."""
    counts: dict[str, int] = {}
    for p in pages:
        for n in {n for n, _w, _raw in title_labels(p.title)}:
            counts[n] = counts.get(n, 0) + 1
    return {n for n, c in counts.items() if c >= max(3, len(pages) // 2 + 1)}


def test_carried_pages_give_the_taglines_their_titles_give(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = copy_store(store, tmp_path / "semana", scratch=False)
    seen: list[tuple[set[str], set[str]]] = []
    carried: list[bool] = []
    real_taglines, real_decode = index.site_taglines, index.decode

    def taglines(pages: Any) -> set[str]:
        got = real_taglines(pages)
        seen.append((got, defined_taglines(pages)))
        return got

    def decode(*args: Any, **kwargs: Any) -> Any:
        got = real_decode(*args, **kwargs)
        carried.append(got is not None)
        return got

    monkeypatch.setattr(index, "site_taglines", taglines)
    monkeypatch.setattr(index, "decode", decode)
    assert run_once(config, reports="all", crawl=False) == 0
    assert carried == [True]  # the week's index carried the first crawl's pages
    assert len(seen) == 1
    got, want = seen[0]
    assert "alcaldia prueba" in want  # the site's name, normalised
    assert got == want


def test_incremental_and_from_scratch_runs_write_the_same_files(store: Path, tmp_path: Path) -> None:
    incremental = copy_store(store, tmp_path / "incremental", scratch=False)
    scratch = copy_store(store, tmp_path / "desde-cero", scratch=True)
    run_all(incremental)
    run_all(scratch)
    got, want = files(incremental.parent / "informes"), files(scratch.parent / "informes")
    assert any(name.startswith("semanal-") and name.endswith(".json") for name in got), sorted(got)
    assert sorted(got) == sorted(want)
    for name in want:
        assert got[name] == want[name], name
