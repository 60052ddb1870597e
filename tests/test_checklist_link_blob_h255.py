"""The checklist's site index keeps its link strings (targets, URL keys, texts, normal texts,
headings) as one UTF-8 blob a column with the end of each (issue 21, H255: ``StrColumn``), not a
``str`` object a string born while the pages are parsed; the lookups that keep each string once are
forgotten as soon as the pages are parsed (their keys were the last ``str`` of each string) and made
again if a page is packed later. The site of H248's test (40 pages) crawled twice through the CLI
on 127.0.0.1, its report made cold (the latest crawl's pages parsed, the previous crawl's carried)
and again (every page rebuilt from its cached parse): the index's link strings hold no ``str`` but
the regions', every link reads what it read before, a page packed again gets the same numbers and
no new string, and the JSON report and the carry written are the ones the old representation (a
list of ``str`` a column) makes, byte for byte.

Fails without the blob (checked: with ``gelt_audit`` of ``a475060`` there is no ``StrColumn``; with
the lookups forgotten at the end of ``index_site`` as before, the strings still reach every target
as a ``str`` when the carry is written, after the parse; with ``LinkStrings._recall`` doing nothing, a page packed again adds its strings
again and gets other numbers)."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from typing import Any

import pytest

import gelt_audit.audits.checklist.index as index_module
import gelt_audit.audits.checklist.packed as packed
from gelt_audit.audits.checklist.strtable import StrColumn
from tests.helpers import crawl, run_cli, write_config
from tests.test_checklist_kept_links_h248 import PAGES, _json, _own_blocks, _report, _routes

from gelt_audit.demo.server import SiteServer  # isort: skip

_COLUMNS = ("targets", "keys", "texts", "norms", "contexts")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The site crawled twice through the CLI; copies of its store and the CLI's cold JSON report."""
    base = tmp_path_factory.mktemp("blob")
    server = SiteServer(_routes()).start()
    try:
        config = write_config(base, server.url)
        crawl(config)
        crawl(config)  # the same site again: a cold report judges the previous crawl too
    finally:
        server.stop()
    with sqlite3.connect(base / "gelt.db") as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    copies = []
    for name in ("cli", "blob", "old"):
        (base / name).mkdir()
        shutil.copy(config, base / name / "gelt.toml")
        shutil.copy(base / "gelt.db", base / name / "gelt.db")
        copies.append(base / name)
    result = run_cli("report", "--format", "json", "--config", str(copies[0] / "gelt.toml"))
    assert result.returncode == 0, result.stderr
    return copies, _json(result.stdout)


def _strs(obj: Any) -> list[str]:
    """The ``str`` objects ``obj`` reaches (containers followed, the index's pages not)."""
    seen, found, todo = set(), [], [obj]
    while todo:
        x = todo.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        if type(x) is str:
            found.append(x)
        elif isinstance(x, dict):  # its keys too: a dict's str keys are not in gc.get_referents
            todo.extend(x.keys())
            todo.extend(x.values())
        elif isinstance(x, (packed.LinkStrings, StrColumn, list, tuple)):
            todo.extend(gc.get_referents(x))
    return found


def _check_blob(index: Any) -> int:
    """The index's link strings as blobs, read as before; returns the links read."""
    own = _own_blocks(index)
    assert own, "no page with its own block"
    strings = own[0].links.strings
    assert all(type(getattr(strings, name)) is StrColumn for name in _COLUMNS)
    held = _strs(strings)
    assert set(held) <= set(strings.regions), held[:5]  # no target, key, text nor heading as a str
    n = 0
    for b in own:
        for j, x in enumerate(b.links):
            t, f = b.links._all[b.links._at + 3 * j], b.links._all[b.links._at + 3 * j + 2]
            assert (strings.targets[t], strings.keys[t]) == (x.target, x.key)
            assert strings.contexts[f >> 8] == x.ctx
            n += 1
        # packed again after the parse: the lookups made again, the same numbers, no string added
        sizes = [len(getattr(strings, name)) for name in _COLUMNS]
        assert strings.pack(list(b.links)).cols == b.links.cols
        assert strings.pack_fields(list(b.links.fields())).cols == b.links.cols
        assert [len(getattr(strings, name)) for name in _COLUMNS] == sizes
        strings.done()
    return n


def _carries(monkeypatch: Any, held: list[list[str]] | None = None) -> list[bytes]:
    """The carry listings ``index_site`` writes from now on (what it saves); with ``held``, the
    ``str`` its link strings reach then (the pages parsed, the index not yet built), other than
    the regions'."""
    written: list[bytes] = []
    encode = index_module.encode

    def kept(*args: Any, **kwargs: Any) -> Any:
        if held is not None:
            strings = args[6]
            held.append([x for x in _strs(strings) if x not in strings.regions])
        listing = encode(*args, **kwargs)
        written.append(listing[0])
        return listing

    monkeypatch.setattr(index_module, "encode", kept)
    return written


def test_link_strings_kept_as_blobs(crawled, monkeypatch):
    copies, cli_json = crawled
    held: list[list[str]] = []
    with monkeypatch.context() as patch:
        _carries(patch, held)
        cold, indexes, ways = _report(copies[1], patch)
    assert len(indexes) == 2 and cold == cli_json
    # once the pages are parsed the lookups are forgotten: no string of theirs kept as a str
    assert held and not any(held), [x[:5] for x in held]
    assert ways["_parse"] >= PAGES and ways["_carried"] >= PAGES and ways["_load"] == 0, ways
    links = _check_blob(indexes[0])
    assert links >= sum(k % 7 for k in range(PAGES))
    assert _check_blob(indexes[1]) == links
    with sqlite3.connect(copies[1] / "gelt.db") as conn:  # rebuilt from the cached parses
        conn.execute("delete from body_audits where audit not in ('checklist-page', 'checklist-chrome')")
        conn.execute("delete from crawl_summaries")
        conn.execute("delete from portfolio_summaries")
    again, indexes, ways = _report(copies[1], monkeypatch)
    assert len(indexes) == 2 and again == cli_json
    assert ways["_load"] >= PAGES and ways["_parse"] == 0, ways
    assert [_check_blob(x) for x in indexes] == [links, links]


def test_the_same_report_and_carry_as_lists_of_str(crawled, monkeypatch):
    copies, cli_json = crawled
    blob = copies[0]  # the CLI's copy: its carry written by the CLI's report; written again here
    shutil.copy(copies[2] / "gelt.db", blob / "gelt.db")
    with monkeypatch.context() as patch:
        new_carry = _carries(patch)
        new, _indexes, _ways = _report(blob, patch)
    with monkeypatch.context() as patch:  # the old representation: a list of str a column
        patch.setattr(packed, "StrColumn", lambda strings=(): list(strings))
        old_carry = _carries(patch)
        old, indexes, _ways = _report(copies[2], patch)
        assert type(_own_blocks(indexes[0])[0].links.strings.targets) is list
    assert new == old == cli_json  # byte for byte
    assert new_carry and new_carry == old_carry  # the carry's FORMAT unchanged: the same bytes
