"""The inventory of documents the site publishes (PDF, DOC, XLS…): what a reviewer asks for first."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from gelt_audit.audits.context import AuditContext
from gelt_audit.audits.findings import Findings
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


def _title(text: str, url: str) -> str:
    if text:
        return text
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return re.sub(r"[-_]+", " ", name.rsplit(".", 1)[0]).strip() or name


def inventory(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> list[dict[str, Any]]:
    """Each document linked from the crawl's pages: title, format, year, status, page and dependencia."""
    statuses = {s["url"]: s for s in store.snapshots(crawl.id) if s["kind"] == "document"}
    # The link URLs that can name a document are filtered once (each is kept once in
    # ``link_urls``), not on each of the crawl's link rows.
    rows = store.db.execute(
        f"""with d as materialized (select l.id, l.url from link_urls l where {_MAYBE_DOCUMENT})
           select p.url, d.url, t.text from snapshots s join pages p on p.id = s.page_id
           join link_sets ls on ls.page_id = s.page_id and ls.body_hash = s.body_hash
           join link_rows r on r.set_id = ls.id join d on d.id = r.url_id
           left join link_texts t on t.id = r.text_id
           where s.crawl_id = ? and s.kind = 'page' and r.tag in ('a', 'area', 'iframe', 'embed')
           order by d.url, p.url, r.seq""",
        [*_DOCUMENT_ARGS, crawl.id],
    )
    out: dict[str, dict[str, Any]] = {}
    for page, url, text in rows:
        target = url.split("#", 1)[0]
        if target in out:
            continue
        fmt = document_format(target)
        if fmt is None:
            continue
        snap = statuses.get(target)
        out[target] = {
            "url": target,
            "title": _title(text or "", target),
            "format": fmt,
            "year": year_of(text or "", unquote(urlsplit(target).path)),
            "status": snap["status"] if snap else None,
            "size": snap["size"] if snap else None,
            "page": page,
            "dependencia": dependencia_name(page, dependencias),
        }
    return sorted(out.values(), key=lambda d: (d["dependencia"] or "~", -(d["year"] or 0), d["title"]))


def find(ctx: AuditContext) -> Findings:
    """documents: the inventory of the documents the crawl's pages link to."""
    return {"documents": inventory(ctx.store, ctx.crawl, ctx.config.dependencias)}
