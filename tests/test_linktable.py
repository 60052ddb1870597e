"""The links of a crawl held compactly (audits/linktable.py): what is read back is what was put in,
the JSON writer writes the same bytes as the one-string encoder, and nothing else is built when
only the broken links are asked for."""

from __future__ import annotations

import io
import json

from gelt_audit.audits.linktable import KEYS, LinkTable, link_values, links_where
from gelt_audit.reports import json_report
from gelt_audit.reports.json_file import write_json_to

PAGES = ["https://a.gov.co/", "https://a.gov.co/b", "https://a.gov.co/c", "https://a.gov.co/ñandú"]


def entry(url: str, state: str, found_on: list[str], **extra) -> dict:
    base = dict.fromkeys(KEYS)
    base.update(
        url=url,
        state=state,
        found_on=found_on,
        internal=url.startswith("https://a.gov.co"),
        chain=[],
        permanent_redirect=False,
        occurrences=[],
    )
    base.update(extra)
    return base


def entries() -> list[dict]:
    return [
        entry("https://a.gov.co/x", "ok", PAGES[:3], status=200, final_status=200),
        entry(
            "https://a.gov.co/roto",
            "broken",
            [PAGES[1], PAGES[3]],
            status=404,
            error="HTTP 404: no encontrada",
            occurrences=[{"page": PAGES[1], "text": "Informe", "tag": "a", "line": 7, "dependencia": None}],
            broken_since="2026-11-28T10:00:00+00:00",
        ),
        entry(
            "http://b.gov.co/",
            "redirect",
            [PAGES[0]],
            status=301,
            final_status=200,
            chain=[["http://b.gov.co/", 301]],
            permanent_redirect=True,
            acknowledged={"reason": "conocido", "until": None, "by": "ana", "page": None},
        ),
    ]


def table_of(items: list[dict]) -> LinkTable:
    table = LinkTable(PAGES)
    for item in items:
        table.append(item)
    return table


def test_entries_read_back_equal_what_was_put_in_in_order_and_by_index():
    items = entries()
    table = table_of(items)
    assert len(table) == 3 and bool(table)
    assert list(table) == items and table == items
    assert table[1] == items[1] and table[-1] == items[2] and table[1:] == items[1:]
    assert list(table[0]) == list(KEYS)  # the contract's key order: the JSON is written in it
    # the indices given by the audit, not the URLs, give the same pages
    indexed = LinkTable(PAGES)
    indexed.append(items[1], [1, 3])
    assert indexed[0]["found_on"] == [PAGES[1], PAGES[3]]


def test_a_value_set_after_the_fact_is_read_back():
    table = table_of(entries())
    occurrences = [{"page": PAGES[0], "text": "Trámites", "tag": "a", "line": 3, "dependencia": "Hacienda"}]
    table.update(2, "occurrences", occurrences)
    assert table[2]["occurrences"] == occurrences
    assert table[0]["occurrences"] == []


def test_an_entry_read_is_a_copy_a_change_to_it_does_not_leak():
    table = table_of(entries())
    first = table[1]
    first["found_on"].append("https://otro/")
    first["occurrences"][0]["text"] = "cambiado"
    assert table[1] == entries()[1]


def test_only_the_asked_links_are_read_and_plain_lists_work_the_same():
    items = entries()
    table = table_of(items)
    assert [e["url"] for e in links_where(table, "state", "broken")] == ["https://a.gov.co/roto"]
    assert [e["url"] for e in links_where(items, "state", "broken")] == ["https://a.gov.co/roto"]
    assert list(links_where(None, "state", "broken")) == []
    assert [e["url"] for e in links_where(table, "permanent_redirect", True)] == ["http://b.gov.co/"]
    assert list(link_values(table, "url")) == list(link_values(items, "url")) == [e["url"] for e in items]
    assert table.count_where("internal", True) == 2


def test_the_streamed_json_is_the_one_string_json_byte_for_byte():
    items = entries()
    findings = {"site": {"name": "A", "url": PAGES[0]}, "links": table_of(items)}
    streamed = io.StringIO()
    write_json_to(streamed, json_report.build(findings))
    assert streamed.getvalue() == json_report.dumps(findings)
    assert streamed.getvalue() == json_report.dumps({**findings, "links": items})
    assert json.loads(streamed.getvalue())["links"] == items


def test_the_streamed_json_of_awkward_entries_is_the_one_string_json_byte_for_byte():
    """The writer joins each page URL encoded once (LinkTable.json_items): quotes, backslashes,
    control characters and non-ASCII in URLs and texts, an entry found on no page, nested values."""
    pages = ['https://a.gov.co/"comillas"', "https://a.gov.co/bar\\ra", "https://a.gov.co/ñ\u2028\x01", PAGES[0]]
    table = LinkTable(sorted(pages))
    items = [
        entry(
            'https://x.co/"found_on":0,',
            "broken",
            sorted(pages)[:3],
            error='texto con "found_on":[] y \\ y \n',
            occurrences=[{"page": pages[0], "text": "«Ñ»\t", "tag": "a", "line": None, "dependencia": "Hacienda"}],
            chain=[["http://x.co/", 302], ["https://x.co/", 200]],
            acknowledged={"reason": "ok", "until": "2099-01-01", "by": "ana", "page": pages[1]},
        ),
        entry("https://y.co/", "ok", [], status=200),
    ]
    for item in items:
        table.append(item)
    findings = {"links": table}
    streamed = io.StringIO()
    write_json_to(streamed, json_report.build(findings))
    assert streamed.getvalue() == json_report.dumps({"links": items}) == json_report.dumps(findings)
    assert json.loads(streamed.getvalue())["links"] == items


def test_a_table_longer_than_a_packed_chunk_reads_back_and_changes_its_rows():
    from gelt_audit.compression import PACKED_CHUNK

    n = 2 * PACKED_CHUNK + 3
    made = [entry(f"https://a.gov.co/{i}", "ok", PAGES[i % 3 : i % 3 + 1], status=200) for i in range(n)]
    table = LinkTable(PAGES)
    for e in made:
        table.append(e)
    assert len(table) == n and list(table) == made and table[-1] == made[-1] and table[5:8] == made[5:8]
    assert table._packed.nbytes() > 0  # held packed, not as tuples
    occurrences = [{"page": PAGES[0], "text": "Roto", "tag": "a", "line": 3, "dependencia": None}]
    table.update(PACKED_CHUNK + 1, "occurrences", occurrences)  # a row already packed
    table.update(n - 1, "state", "broken")  # one not packed yet
    made[PACKED_CHUNK + 1]["occurrences"] = occurrences
    made[n - 1]["state"] = "broken"
    assert list(table) == made and table[PACKED_CHUNK + 1] == made[PACKED_CHUNK + 1]
    assert [e["url"] for e in table.where("state", "broken")] == [made[-1]["url"]]
    assert table.count_where("state", "broken") == 1 and list(table.values("state")) == [e["state"] for e in made]
    assert list(table.where("internal", True)) == [e for e in made if e["internal"]]
    again = LinkTable(PAGES)
    again.add_rows(table.rows())
    assert again == table
