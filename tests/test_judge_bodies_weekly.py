"""The per-body judges of a weekly audit (accessibility, forms, anchors, names) look up only the
pages whose body changed or that are new, when the previous crawl's bodies are all judged (it is
marked so); every body of the crawl still ends judged, and a mark that claims too much changes
no result (an audit computes what it does not find)."""

from __future__ import annotations

from urllib.parse import urlsplit

from gelt_audit.audits.kept import kept_result
from gelt_audit.audits.pages import JUDGED, _judges_version, is_html_page, judge_bodies
from gelt_audit.audits.run import BODY_JUDGES
from gelt_audit.config import load_config
from gelt_audit.store import Store
from tests.helpers import crawl, open_db, page
from tests.test_checklist_incremental import from_scratch, json_bytes

_MISSING = object()


def _site(version: int) -> dict:
    """Home links /a, /b and /c; version 2 changes /a's body and adds /c (a 404 before)."""
    links = ("/a", "/b", "/c")
    site = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", links=links),
        "/a": page("Página A", "<p>Texto de la semana uno.</p>" if version == 1 else "<p>Texto nuevo.</p>", links),
        "/b": page("Página B", "<p>Sin cambios.</p><form action='/b'><input name='correo'></form>", links),
    }
    if version == 2:
        site["/c"] = page("Página C", "<p>Nueva.</p>", links=links)
    return site


def _bodies(store: Store, crawl_id: int) -> dict[str, str]:
    """The bodies of a crawl's HTML pages by path."""
    return {urlsplit(s["url"]).path: s["body_hash"] for s in store.snapshots(crawl_id) if is_html_page(s)}


def test_a_weekly_crawl_looks_up_its_changed_and_new_bodies_and_ends_with_every_body_judged(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    crawl(config)
    version = _judges_version(BODY_JUDGES)
    with Store(config.parent / "gelt.db") as store:
        first = store.crawl(1)
        judge_bodies(store, first, BODY_JUDGES)
        assert kept_result(store, first, JUDGED, version) is True
        before = _bodies(store, 1)
    server.routes = _site(2)
    crawl(config)
    with Store(config.parent / "gelt.db") as store:
        now = _bodies(store, 2)
        assert now["/a"] != before["/a"] and now["/b"] == before["/b"] and "/c" in now and "/c" not in before
        judge = BODY_JUDGES[0]
        # not the unchanged home and /b: only the changed /a and the new /c are looked up
        assert store.unjudged(2, judge.audit, judge.version, since=1) == {judge.audit: {now["/a"], now["/c"]}}
        # without the previous crawl, every body of this crawl not judged yet (the same two)
        assert store.unjudged(2, judge.audit, judge.version) == {judge.audit: {now["/a"], now["/c"]}}
        judge_bodies(store, store.crawl(2), BODY_JUDGES)
        for path, body in now.items():
            for j in BODY_JUDGES:
                assert (
                    store.cached_result(body, j.name(server.url + path), j.version, default=_MISSING) is not _MISSING
                ), (path, j)
        assert kept_result(store, store.crawl(2), JUDGED, version) is True


def test_a_mark_that_claims_too_much_changes_no_report(serve, config_for):
    server = serve(_site(1))
    config = config_for(server.url)
    crawl(config)
    json_bytes(config)  # the first week's audit: judges every body and marks the crawl
    db = load_config(config).store_path
    with Store(db) as store:
        unchanged = _bodies(store, 1)["/b"]
        assert kept_result(store, store.crawl(1), JUDGED, _judges_version(BODY_JUDGES)) is True
    with open_db(db) as conn:  # /b's judgements lost: the mark now says too much
        gone = conn.execute("delete from body_audits where body_hash = ?", [unchanged]).rowcount
    assert gone >= len(BODY_JUDGES)
    server.routes = _site(2)
    crawl(config)
    incremental = json_bytes(config)
    assert b"/c" in incremental
    assert incremental == from_scratch(config)
    # the audits that read every page computed (and kept) what the weekly fill left out (anchors
    # and names are read only for some pages)
    with Store(db) as store:
        for j in (j for j in BODY_JUDGES if j.audit in ("accessibility", "security-forms")):
            again = store.cached_result(unchanged, j.name(server.url + "/b"), j.version, default=_MISSING)
            assert again is not _MISSING, j
