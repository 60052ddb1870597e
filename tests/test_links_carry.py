"""The links audit carries the previous crawl's link index (each target's pages) through the pages
whose body changed, appeared or went away: what it finds must equal an audit of the same crawl
that builds the index from every link row (the store's audit caches emptied), when a body changes,
a linked page turns 404 while the pages linking to it do not change, a page is removed and a page
is added. Real crawls of a site on 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gelt_audit.audits.kept import crawl_key
from gelt_audit.audits.linkindex import AUDIT
from gelt_audit.audits.links import audit_links
from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import crawl, open_db, page

# Pages that do not change: the audit carries the index when less than half the pages changed
FILLERS = tuple(f"/p{i}/" for i in range(8))


def site() -> dict[str, Resource]:
    return {
        "/": page("Inicio", links=("/a/", "/b/", "/c/", "/d/#sec", "mailto:alcaldia@example.org")),
        "/a/": page("A", links=("/b/", "/d/", "/")),
        "/b/": page("B", links=("/a/", "/c/", "/")),
        "/c/": page("C", body="<form action='/buscar/'><input name='q'></form>", links=("/",)),
        "/d/": page("D", body="<h3 id='sec'>Sección</h3>", links=("/a/", *FILLERS)),
        "/buscar/": page("Buscar", links=("/",)),
        **{path: page(f"Relleno {path}", links=("/",)) for path in FILLERS},
    }


def body_changes(routes: dict[str, Resource]) -> None:
    # /a/ stops linking to /b/ and links to /c/ and to a page that does not exist
    routes["/a/"] = page("A", links=("/c/", "/d/", "/", "/no-existe/"))


def target_breaks(routes: dict[str, Resource]) -> None:
    # /b/ answers 404; / and /a/, which link to it, do not change
    routes["/b/"] = Resource.html("<html><body>No existe</body></html>", status=404)


def page_removed(routes: dict[str, Resource]) -> None:
    # nothing links to /c/ any longer and it is gone: its own links go with it
    routes["/"] = page("Inicio", links=("/a/", "/b/", "/d/#sec", "mailto:alcaldia@example.org"))
    routes["/b/"] = page("B", links=("/a/", "/"))
    del routes["/c/"]


def page_added(routes: dict[str, Resource]) -> None:
    # /d/ links to a new page that sorts among the others, and /c/'s form is now also a link
    routes["/d/"] = page("D", body="<h3 id='sec'>Sección</h3>", links=("/a/", "/b2/", *FILLERS))
    routes["/b2/"] = page("B2", links=("/a/", "/d/#sec", "/buscar/", "/d/#falta"))


CHANGES = {"body": body_changes, "404": target_breaks, "removed": page_removed, "added": page_added}
# The pages (paths) each target is found on after the change; targets not named keep the first
# crawl's pages.
FIRST = {
    "/": ["/a/", "/b/", "/c/", *FILLERS],  # /buscar/ is a form's action: not crawled
    "/a/": ["/", "/b/", "/d/"],
    "/b/": ["/", "/a/"],
    "/c/": ["/", "/b/"],
    "/d/": ["/a/"],
    "/d/#sec": ["/"],
    "/buscar/": ["/c/"],
    "mailto:alcaldia@example.org": ["/"],
    **{path: ["/d/"] for path in FILLERS},
}
AFTER = {
    "body": {"/b/": ["/"], "/c/": ["/", "/a/", "/b/"], "/no-existe/": ["/a/"]},
    "404": {"/a/": ["/", "/d/"], "/c/": ["/"], "/": ["/a/", "/c/", *FILLERS]},
    "removed": {"/": ["/a/", "/b/", *FILLERS], "/c/": None, "/buscar/": None},
    "added": {"/a/": ["/", "/b/", "/b2/", "/d/"], "/b2/": ["/d/"], "/d/#sec": ["/", "/b2/"], "/d/#falta": ["/b2/"]},
}
# a plain link to /buscar/ now: it is crawled, and its link to / counts
AFTER["added"].update({"/buscar/": ["/b2/", "/c/"], "/": ["/a/", "/b/", "/buscar/", "/c/", *FILLERS]})


def found(config: Path, crawl_id: int) -> dict[str, Any]:
    """What the links audit finds for a crawl of the store: every entry, insecure and allied links."""
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        result = audit_links(store, store.crawl(crawl_id), cfg)
        store.flush_audits()
    return {"links": list(result["links"]), "insecure": result["insecure"], "allied": result["allied"]}


def kept_indexes(config: Path) -> set[str]:
    with open_db(load_config(config).store_path) as conn:
        return {key for (key,) in conn.execute("select body_hash from body_audits where audit = ?", [AUDIT])}


def scratch_copy(config: Path) -> Path:
    """The store copied, with every audit result it kept removed, beside its config."""
    db = load_config(config).store_path
    directory = config.parent / "desde-cero"
    directory.mkdir()
    with open_db(db) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    shutil.copy(db, directory / db.name)
    with open_db(directory / db.name) as conn:
        conn.execute("delete from body_audits")
    (directory / "gelt.toml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
    return directory / "gelt.toml"


@pytest.mark.parametrize("change", list(CHANGES))
def test_carried_link_index_equals_one_built_from_every_link(serve, config_for, change):
    routes = site()
    server = serve(routes)
    config = config_for(server.url, max_pages=50)
    base = server.url.rstrip("/")
    crawl(config)
    first = found(config, 1)
    assert {
        link["url"].removeprefix(base): [p.removeprefix(base) for p in link["found_on"]] for link in first["links"]
    } == FIRST
    assert kept_indexes(config) == {crawl_key(1)}  # what the next crawl's audit carries

    CHANGES[change](routes)
    server.routes = routes
    crawl(config)
    carried = found(config, 2)
    assert kept_indexes(config) == {crawl_key(2)}  # the carried one, kept; the first crawl's dropped
    expected = {**FIRST, **AFTER[change]}
    got = {
        link["url"].removeprefix(base): [p.removeprefix(base) for p in link["found_on"]] for link in carried["links"]
    }
    assert got == {url: pages for url, pages in expected.items() if pages is not None}
    assert carried == found(scratch_copy(config), 2)
    states = {link["url"].removeprefix(base): link["state"] for link in carried["links"]}
    if change == "404":
        assert states["/b/"] == "broken"
    if change == "added":
        assert states["/d/#falta"] == "broken" and states["/d/#sec"] == "ok"
    # the form's action is judged as one only while no plain link points to it
    assert ("skipped" if change != "added" else "ok") == states.get("/buscar/", "skipped")
    # auditing the same crawl again reads its own kept index
    assert found(config, 2) == carried


def test_links_stored_later_for_an_unchanged_body_are_carried(serve, config_for):
    """A body stored without links gets them when a later crawl extracts it again (a newer
    extraction): the page's body is unchanged, its links are not, and the carry must see them."""
    routes = site()
    routes["/p0/"] = page("Relleno sin enlaces")  # a body without a single link: no link set stored
    server = serve(routes)
    config = config_for(server.url, max_pages=50)
    base = server.url.rstrip("/")
    crawl(config)
    before = {link["url"].removeprefix(base): link["found_on"] for link in found(config, 1)["links"]}
    assert base + "/p0/" not in before["/"]
    crawl(config)
    cfg = load_config(config)
    with Store(cfg.store_path) as store:
        page_id, body_hash = store.db.execute(
            "select p.id, s.body_hash from pages p join snapshots s on s.page_id = p.id"
            " where s.crawl_id = 2 and p.url = ?",
            [base + "/p0/"],
        ).fetchone()
        assert not store.has_links(page_id, body_hash)
        link = {"page_id": page_id, "body_hash": body_hash, "url": base + "/", "text": "Inicio", "tag": "a"}
        store.write_batch([], [], [{**link, "attr": "href", "rel": None, "line": 1}])
    carried = found(config, 2)
    assert base + "/p0/" in {link["url"]: link for link in carried["links"]}[base + "/"]["found_on"]
    assert carried == found(scratch_copy(config), 2)


def test_the_kept_index_reads_back_as_it_was_whatever_its_number_of_targets():
    """dump() writes the URLs' JSON a batch at a time: any count of targets (none, one batch and
    a bit more), hostile characters included, reads back equal."""
    from array import array

    from gelt_audit.audits.linkindex import _DUMP_BATCH, LinkIndex

    for n in (0, 1, _DUMP_BATCH, _DUMP_BATCH + 1, 2 * _DUMP_BATCH + 7):
        urls = [f'https://x.gov.co/ñandú"{i}\\\n</script>' for i in range(n)]
        ranks, others = [array("I", [i % 3]) for i in range(n)], [i % 2 for i in range(n)]
        index = LinkIndex([4, 2, 9], urls, ranks, others, 11, [2], [i % 3 for i in range(n)])
        assert LinkIndex.load(index.dump()) == index
