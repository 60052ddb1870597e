"""The weekly report compares with the crawl of a week ago, which may not be the crawl before the
latest (crawls more often than weekly, or a short history): the word diffs of that comparison are
kept in the store like the audit's own, not computed again by every report."""

from __future__ import annotations

from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, page, run_cli

LINKS = ("/", "/aviso", "/horario")


def _site(version: int) -> dict:
    texts = {
        "/": "<p>Inicio del sitio de prueba.</p>",
        "/aviso": f"<p>Aviso número {version} de la alcaldía para la comunidad.</p>",
        "/horario": "<p>Horario de atención de lunes a viernes.</p>" if version < 3 else "<p>Horario de 8 a 12.</p>",
    }
    return {path: page(f"Página {path}", text, links=LINKS) for path, text in texts.items()}


def _body(store: Store, crawl_id: int, url: str) -> str:
    row = store.db.execute(
        "select s.body_hash from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ? and p.url = ?",
        [crawl_id, url],
    ).fetchone()
    return row[0]


def test_the_weekly_keeps_the_word_diffs_of_its_own_comparison(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    for version in (1, 2, 3):  # three crawls the same day: the week's baseline is the first one
        server.routes = _site(version)
        crawl(config)
    result = run_cli("report", "--weekly", "--config", str(config))
    assert result.returncode == 0, result.stderr
    cfg = load_config(config)
    base = server.url.rstrip("/")
    with Store(cfg.store_path) as store:
        keys = [f"diff:{_body(store, 1, base + p)}:{_body(store, 3, base + p)}" for p in ("/aviso", "/horario")]
        audit_keys = [f"diff:{_body(store, 2, base + p)}:{_body(store, 3, base + p)}" for p in ("/aviso", "/horario")]
        kept = {
            key for (key,) in store.db.execute("select body_hash from body_audits where audit = 'word_diff'").fetchall()
        }
    assert set(audit_keys) & kept == {audit_keys[0], audit_keys[1]}  # the audit's (crawl 2 -> 3)
    assert set(keys) <= kept  # and the week's (crawl 1 -> 3)
