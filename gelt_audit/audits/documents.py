"""The inventory of documents the site publishes (PDF, DOC, XLS…): what a reviewer asks for first."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
from gelt_audit.audits.kept import kept, kept_result
from gelt_audit.audits.pages import dependencia_name
from gelt_audit.config import Dependencia
from gelt_audit.formats import DOCUMENT_FORMATS, document_suffix
from gelt_audit.store import Crawl, Store

_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")


def _maybe_document() -> tuple[str, list[str]]:
    """A WHERE clause (and its arguments) that keeps the links that can be documents.

    Pages link to many more pages than documents: SQLite drops the links without a document
    extension at the end and without a query or fragment after it; document_format decides on
    the rest.
    """
    by_length: dict[int, list[str]] = {}
    for ext in DOCUMENT_FORMATS:
        by_length.setdefault(len(ext), []).append(ext)
    clauses = [f"lower(substr(l.url, -{n})) in ({', '.join('?' * len(exts))})" for n, exts in by_length.items()]
    args = [ext for exts in by_length.values() for ext in exts]
    return " or ".join([*clauses, "instr(l.url, '?') > 0", "instr(l.url, '#') > 0"]), args


_MAYBE_DOCUMENT, _DOCUMENT_ARGS = _maybe_document()


def document_format(url: str) -> str | None:
    """The format of the document a URL names (``PDF``, ``DOCX``…), or None for a page."""
    suffix = document_suffix(url)
    return DOCUMENT_FORMATS[suffix] if suffix else None


def year_of(*texts: str) -> int | None:
    """The most recent plausible year named in a document's link text, file name or title."""
    years = [int(y) for text in texts if text for y in _YEAR.findall(text)]
    return max(years) if years else None


# «2024-2027», «2024 – 2027», «2020_2023», «2024 a 2027», «2024 al 2027»: a period, not its last year
_YEAR_RANGE = re.compile(
    r"(?<!\d)(19[89]\d|20[0-4]\d)\s*(?:[-–—_/]|\s(?:a|al|hasta)\s)\s*(19[89]\d|20[0-4]\d)(?!\d)", re.I
)


def years_of(*texts: str) -> str | None:
    """What a person reads as the document's year: the period it names («2024–2027»; the first text
    that names one: the link text before the file name), else :func:`year_of`'s year, as text."""
    for text in texts:
        for first, last in _YEAR_RANGE.findall(text or ""):
            if int(first) < int(last):
                return f"{first}–{last}"
    year = year_of(*texts)
    return str(year) if year else None


def _title(text: str, url: str) -> str:
    if text:
        return text
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return re.sub(r"[-_]+", " ", name.rsplit(".", 1)[0]).strip() or name


# What a finished crawl keeps (see audits.kept): each document's first link. Bump the
# version when what names a document changes (DOCUMENT_FORMATS, _TAGS, _MAYBE_DOCUMENT).
FIRSTS_AUDIT = "documents-first-links"
FIRSTS_VERSION = 1
_TAGS = "('a', 'area', 'iframe', 'embed')"
_TARGET = "case when instr(l.url, '#') > 0 then substr(l.url, 1, instr(l.url, '#') - 1) else l.url end"

First = list  # [link url, page url, position on the page, link text]: one document's first link


def _firsts(rows: Any) -> dict[str, First]:
    """Per document URL (fragment dropped) with a document format, its first link by (link URL,
    page URL, position): the one the inventory names it by."""
    out: dict[str, First] = {}
    for page, url, text, seq in rows:
        target = url.split("#", 1)[0]
        found = out.get(target)
        if found is not None:
            if (url, page, seq) < (found[0], found[1], found[2]):
                found[:] = [url, page, seq, text]
        elif document_format(target) is not None:
            out[target] = [url, page, seq, text]
    return out


def _links(store: Store, crawl_id: int, pages: list[int]) -> Any:
    """(page, link url, text, position) of the links that can name a document on ``pages`` of a crawl."""
    return store.db.execute(
        f"""select p.url, l.url, t.text, r.seq from snapshots s join pages p on p.id = s.page_id
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id join link_urls l on l.id = r.url_id
           left join link_texts t on t.id = r.text_id
           where s.crawl_id = ? and s.kind = 'page' and r.tag in {_TAGS}
             and s.page_id in (select value from json_each(?)) and ({_MAYBE_DOCUMENT})""",
        [crawl_id, json.dumps(pages), *_DOCUMENT_ARGS],
    )


def _links_to(store: Store, crawl_id: int, targets: list[str]) -> Any:
    """(page, link url, text, position) of every link of a crawl's pages to ``targets`` (URLs with a
    document format, so no _MAYBE_DOCUMENT filter is needed): one pass
    over the link rows (CROSS JOIN keeps SQLite from walking each page's set), for the documents
    whose first link's page changed."""
    return store.db.execute(
        f"""with d as materialized (select l.id, l.url from link_urls l
                 where {_TARGET} in (select value from json_each(?)))
           select p.url, d.url, t.text, r.seq from link_rows r cross join d cross join link_sets ls
           cross join snapshots s cross join pages p left join link_texts t on t.id = r.text_id
           where r.url_id in (select id from d) and d.id = r.url_id and ls.id = r.set_id
             and s.crawl_id = ? and s.page_id = ls.page_id and s.body_hash = ls.body_hash
             and p.id = s.page_id and s.kind = 'page' and r.tag in {_TAGS}""",
        [json.dumps(targets), crawl_id],
    )


def _all_links(store: Store, crawl_id: int) -> Any:
    """(page, link url, text, position) of every link of a crawl's pages that can name a document.

    The link URLs that can name a document are filtered once (each is kept once in ``link_urls``),
    not on each of the crawl's link rows.
    """
    return store.db.execute(
        f"""with d as materialized (select l.id, l.url from link_urls l where {_MAYBE_DOCUMENT})
           select p.url, d.url, t.text, r.seq from snapshots s join pages p on p.id = s.page_id
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id join d on d.id = r.url_id
           left join link_texts t on t.id = r.text_id
           where s.crawl_id = ? and s.kind = 'page' and r.tag in {_TAGS}""",
        [*_DOCUMENT_ARGS, crawl_id],
    )


def _changed_pages(store: Store, before: int, now: int) -> dict[int, str]:
    """page id -> URL of the pages whose kind or body differ between two crawls, or that only one has."""
    rows = store.db.execute(
        """select n.page_id, p.url from snapshots n join pages p on p.id = n.page_id
             left join snapshots o on o.crawl_id = ? and o.page_id = n.page_id
           where n.crawl_id = ? and (o.id is null or o.kind is not n.kind or o.body_hash is not n.body_hash)
           union all
           select o.page_id, p.url from snapshots o join pages p on p.id = o.page_id
           where o.crawl_id = ? and not exists (select 1 from snapshots n where n.crawl_id = ? and n.page_id = o.page_id)""",
        [before, now, before, now],
    )
    return dict(rows.fetchall())


def first_links(store: Store, crawl: Crawl) -> dict[str, First]:
    """Each document's first link in ``crawl``: the previous crawl's (kept in the store) updated with
    the pages whose body changed, or, without them, read from every page's links.

    A document whose first link sits on an unchanged page keeps it unless a changed page links it
    before; one whose first link's page changed is looked up again among all the crawl's links to it.
    """

    def version(of: Crawl) -> str:
        return f"{FIRSTS_VERSION}:{of.started_at}"

    previous = store.previous_crawl(crawl)

    def compute() -> dict[str, First]:
        before = kept_result(store, previous, FIRSTS_AUDIT, version(previous)) if previous else None
        if before is None:
            return _firsts(_all_links(store, crawl.id))
        changed = _changed_pages(store, previous.id, crawl.id)  # type: ignore[union-attr]
        urls = set(changed.values())
        firsts = {t: f for t, f in before.items() if f[1] not in urls}
        for target, found in _firsts(_links(store, crawl.id, list(changed))).items():
            if target not in firsts or (found[0], found[1], found[2]) < tuple(firsts[target][:3]):
                firsts[target] = found
        moved = [t for t, f in before.items() if f[1] in urls]
        again = _firsts(_links_to(store, crawl.id, moved)) if moved else {}
        for target in moved:
            if target in again:
                firsts[target] = again[target]
            else:
                firsts.pop(target, None)
        return firsts

    return kept(store, crawl, FIRSTS_AUDIT, version(crawl), compute, replaces=previous)


def inventory(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> list[dict[str, Any]]:
    """Each document linked from the crawl's pages: title, format, year, status, page and dependencia."""
    statuses = {
        url: {"status": status, "size": size}
        for url, status, size in store.db.execute(
            """select p.url, s.status, s.size from snapshots s join pages p on p.id = s.page_id
               where s.crawl_id = ? and s.kind = 'document'""",
            [crawl.id],
        )
    }
    out = []
    firsts = first_links(store, crawl)
    # in the order of their first links, as the documents were first found (ties in the sort below)
    for target, (_, page, _, text) in sorted(firsts.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[1][2])):
        snap = statuses.get(target)
        out.append(
            {
                "url": target,
                "title": _title(text or "", target),
                "format": document_format(target),
                "year": year_of(text or "", unquote(urlsplit(target).path)),  # the last year named (sorting)
                "years": years_of(text or "", unquote(urlsplit(target).path)),  # additive: the period shown
                "status": snap["status"] if snap else None,
                "size": snap["size"] if snap else None,
                "page": page,
                "dependencia": dependencia_name(page, dependencias),
            }
        )
    return sorted(out, key=lambda d: (d["dependencia"] or "~", -(d["year"] or 0), d["title"]))


def find(ctx: AuditContext) -> Findings:
    """documents: the inventory of the documents the crawl's pages link to."""
    return {"documents": inventory(ctx.store, ctx.crawl, ctx.config.dependencias)}
