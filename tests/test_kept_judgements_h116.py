"""A crawl's per-body judgements (page names, forms, accessibility, anchors) are kept as one map per
crawl and carried to the next crawl, which reads from the store only the judgements of the bodies
the previous crawl did not have (``audits.kept.crawl_judgements``).

On a real crawl of a site on 127.0.0.1 through the CLI, two crawls with pages changed, added and
removed between them: the second week's ``report --format json`` and every file of ``informes/``
(weekly and committee reports) are byte-identical to the same reports from scratch (every audit
cache emptied), bar the time they were written; the maps kept are the latest crawl's; and a
carried map that says something wrong of an unchanged page shows in the report, so the
comparison above would see a wrong carry.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import zlib
from pathlib import Path

from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from tests.helpers import crawl, run_cli
from tests.test_checklist_incremental import CACHE_TABLES, json_bytes

_WRITTEN = re.compile(rb'"generated_at": ?"[^"]*"|Generado por gelt-audit el [^(<]*')
JUDGEMENTS = "crawl-judgements"  # audits.kept.JUDGEMENTS (written here: the test reads the store as it is)
_NAMES = ("page-names", "security-forms-http,security-forms-https", "accessibility", "anchors")


def _page(title: str, heading: str, body: str, links: tuple[str, ...]) -> Resource:
    """A page whose first h1 is its own (the names the reports give pages that share a title)."""
    nav = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><ul>{nav}</ul></nav><main><h1>{heading}</h1>{body}</main>"
        "<footer>Calle 1 # 2-3</footer></body></html>"
    )


def _site(week: int) -> dict[str, Resource]:
    """Week 2: /b loses the anchor #seccion and its heading, /d is removed (a 404), /e is new; /c
    (its anchor #x, its form over http, its image without text) is the same."""
    links = ("/a", "/b#seccion", "/c#x", "/d", "/e")  # the same menu both weeks: /c is the same body
    shared = "Alcaldía de Prueba"  # the title every page shares: the reports name them by their h1
    site = {
        "/": _page("Inicio", "Bienvenidos", "<p>Portal.</p>", links),
        "/a": _page(shared, "Trámites", "<p>Lista de trámites.</p><img src='/logo.png'>", links),
        "/b": _page(
            shared,
            "Noticias" if week == 1 else "Noticias de la semana",
            "<p id='seccion'>Sección.</p>" if week == 1 else "<p>Sin sección.</p>",
            links,
        ),
        "/c": _page(
            shared,
            "Contacto",
            "<p id='x'>Escríbanos.</p><form action='/c' method='post'><input type='password' name='clave'>"
            "<input name='correo'></form><img src='/mapa.png'>",
            links,
        ),
    }
    site["/d" if week == 1 else "/e"] = _page(shared, "Documentos" if week == 1 else "Eventos", "<p>Hoja.</p>", links)
    return site


def _reports(config: Path) -> dict[str, bytes]:
    """The contract's JSON, then the weekly and committee reports: every file written, by its path
    under the config's folder, the time each was written blanked out."""
    out = {"informe.json": json_bytes(config)}
    for kind in ("--weekly", "--committee"):
        result = run_cli("report", kind, "--config", str(config), cwd=config.parent)
        assert result.returncode == 0, result.stderr
    reports = load_config(config).reports_dir
    for path in sorted(p for p in reports.rglob("*") if p.is_file()):
        out[str(path.relative_to(config.parent))] = _WRITTEN.sub(b"", path.read_bytes())
    assert len(out) > 3, sorted(out)
    return out


def _copy(config: Path, name: str, empty_caches: bool) -> Path:
    """The store and config in a new folder beside the config's (its caches emptied, if asked)."""
    db = load_config(config).store_path
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    folder = config.parent / name
    folder.mkdir()
    shutil.copy(db, folder / db.name)
    if empty_caches:
        with sqlite3.connect(folder / db.name) as conn:
            for table in CACHE_TABLES:
                conn.execute(f"delete from {table}")
    (folder / config.name).write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return folder / config.name


def _kept_maps(config: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(load_config(config).store_path) as conn:
        return set(conn.execute("select body_hash, audit from body_audits where audit like ?", [JUDGEMENTS + ":%"]))


def _say_no_anchors(config: Path, crawl_key: str, page_url: str) -> None:
    """Rewrite the anchors map kept for a crawl: the body of ``page_url`` has no anchor."""
    db = load_config(config).store_path
    with sqlite3.connect(db) as conn:
        (body,) = conn.execute(
            "select s.body_hash from snapshots s join pages p on p.id = s.page_id where p.url = ? and s.crawl_id = 1",
            [page_url],
        ).fetchone()
        audit = f"{JUDGEMENTS}:anchors"
        (blob,) = conn.execute(
            "select result from body_audits where body_hash = ? and audit = ?", [crawl_key, audit]
        ).fetchone()
        kept = json.loads(zlib.decompress(blob))
        rows = [[b, n, "[]" if b == body else r] for b, n, r in kept["rows"]]
        assert rows != kept["rows"], "the page's anchors were not in the map"
        kept["rows"] = rows
        data = zlib.compress(json.dumps(kept).encode())
        conn.execute("update body_audits set result = ? where body_hash = ? and audit = ?", [data, crawl_key, audit])


def test_weekly_reports_with_carried_judgements_equal_from_scratch(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    crawl(config)
    json_bytes(config)  # the first week's audit: keeps crawl 1's maps
    assert _kept_maps(config) == {("crawl:1", f"{JUDGEMENTS}:{names}") for names in _NAMES}
    server.routes = _site(2)
    crawl(config)
    tampered = _copy(config, "alterado", empty_caches=False)  # before the second week's audit
    incremental = _reports(config)
    # the second crawl's maps are kept; the first's dropped
    assert _kept_maps(config) == {("crawl:2", f"{JUDGEMENTS}:{names}") for names in _NAMES}
    assert b"no existe el ancla #seccion" in incremental["informe.json"]  # /b changed: judged anew
    assert b"Noticias de la semana" in incremental["informe.json"]
    scratch = _reports(_copy(config, "desde-cero", empty_caches=True))
    assert scratch.keys() == incremental.keys()
    for name, data in incremental.items():
        assert data == scratch[name], name
    # a carried map that is wrong about an unchanged page (/c has the anchor #x) shows in the report
    _say_no_anchors(tampered, "crawl:1", server.url + "c")
    wrong = json_bytes(tampered)
    assert b"no existe el ancla #x" in wrong
    assert b"no existe el ancla #x" not in incremental["informe.json"]
