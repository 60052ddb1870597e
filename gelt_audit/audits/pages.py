"""The page inventory of a crawl: each page with status, title and dependencia."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.config import Dependencia, dependencia_for
from gelt_audit.store import Crawl, Store

PAGE_KINDS = ("page", "redirect", "error")


def dependencia_name(url: str, dependencias: list[Dependencia]) -> str | None:
    """Name of the dependencia a URL belongs to, or None ("sin asignar")."""
    return _dependencia_name(url, tuple(dependencias))


@lru_cache(maxsize=100_000)
def _dependencia_name(url: str, dependencias: tuple[Dependencia, ...]) -> str | None:
    # Audits ask this for every link occurrence: hundreds of thousands of times on a large site.
    dep = dependencia_for(urlsplit(url).path or "/", list(dependencias))
    return dep.name if dep else None


def page_inventory(store: Store, crawl: Crawl, dependencias: list[Dependencia]) -> list[dict[str, Any]]:
    """Every page of the crawl (documents and other resources left out), sorted by URL."""
    out = []
    for snap in store.snapshots(crawl.id):
        if snap["kind"] not in PAGE_KINDS:
            continue
        out.append(
            {
                "url": snap["url"],
                "status": snap["status"],
                "title": snap["title"],
                "dependencia": dependencia_name(snap["url"], dependencias),
                "last_changed": None,
                "kind": snap["kind"],
                "content_type": snap["content_type"],
                "encoding": snap["encoding"],
                "excerpt": snap["excerpt"],  # the start of the main text, decoded
                "fetched_at": snap["fetched_at"],
                "not_modified": bool(snap["not_modified"]),
                "elapsed_ms": snap["elapsed_ms"],
                "depth": snap["depth"],
                "location": snap["location"],
                "error": snap["error"],
            }
        )
    return out
