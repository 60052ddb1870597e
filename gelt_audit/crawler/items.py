"""What the spider yields: one dataclass per kind of record, as Scrapy's items docs recommend.

:class:`~gelt_audit.crawler.pipelines.StorePipeline` dispatches on the class: a
:class:`SnapshotItem` becomes a row of ``snapshots`` (with its body and links), a
:class:`LinkCheckItem` a row of ``link_checks``, a :class:`TlsItem` a row of ``tls``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gelt_audit.markup import Link


@dataclass
class SnapshotItem:
    """One URL of the site as fetched (or not): a row of ``snapshots``."""

    url: str
    # page (of the site), document (a file it links to, asked with HEAD), resource (image, script,
    # style), redirect (the answer itself), probe (the plain-http address of an https site) or
    # error (no answer at all): the values of snapshots.kind.
    kind: str = "page"
    status: int | None = None
    content_type: str | None = None
    size: int | None = None
    elapsed_ms: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    depth: int | None = None
    referer: str | None = None
    sitemap_lastmod: str | None = None
    security_headers: dict[str, str] | None = None
    location: str | None = None
    not_modified: int = 0
    body_hash: str | None = None  # set for a 304: the stored body it stands for
    main_hash: str | None = None
    error: str | None = None
    # An HTML page's body, what was read from it and its links (None for everything else).
    body: bytes | None = None
    encoding: str | None = None
    title: str | None = None
    main_text: str | None = None
    noise: dict[str, Any] | None = None
    dates: list[Any] | None = None
    links: list[Link] | None = None
    links_found: int | None = None  # set when the page had more links than site.max_links_per_page


@dataclass
class LinkCheckItem:
    """The check of one external link target: a row of ``link_checks``."""

    url: str
    state: str
    status: int | None = None
    error: str | None = None
    chain: list[Any] = field(default_factory=list)  # [url, status] per redirect hop
    final_url: str | None = None
    method: str | None = None
    checked_at: str | None = None
    cached: int = 0  # 1: reused from an earlier crawl's check (store.link_cache)
    # 1: no server was reached (DNS, refused, no route). Not stored: the pipeline makes such a
    # check 'unverified' when no external server answered the whole crawl (offline), else keeps it.
    unreachable: int = 0


@dataclass
class TlsItem:
    """The certificate of one https host: a row of ``tls`` (``error`` when it could not be read)."""

    host: str
    subject: str | None = None
    issuer: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    names: list[str] = field(default_factory=list)
    self_signed: int = 0
    error: str | None = None


ITEM_TYPES: dict[str, type] = {cls.__name__: cls for cls in (SnapshotItem, LinkCheckItem, TlsItem)}
