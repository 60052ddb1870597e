"""What the crawl could not see changes no verdict (issue 15, «the tool never reports what it did
not see»; H303).

An item judged on a page of the site in the previous crawl, which this crawl could not consult —
its name did not resolve from here, robots.txt or the exclusions now keep the crawl from asking it
while the site still links it, the crawl reached its page cap (``site.max_pages``) first, or part of
the site went unconsulted on the way to it — is not «no se encontró»: nothing says it is gone.
When its verdict falls on that basis it is ``sin_verificar`` (docs/checklist-states.md), with the
evidence it had and why it could not be seen again, so the fall is no regression (``sin_verificar``
is no status a site earns: no regression, no score). The status last seen is kept, so a page that
stays unseen for several crawls keeps the verdict unseen, and a page seen again is judged as ever.

A page seen gone (404, 410, no longer linked by a complete crawl) or failing on the site's side
(5xx, a timeout, a refused connection: the site's errors, docs/REPORTS.md) is seen: the fall stands.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from gelt_audit.linkstate import unreached
from gelt_audit.markup import strip_fragment
from gelt_audit.store import Crawl, Store

from .model import STATUS_RANK, ItemResult

AUDIT = "checklist-unseen"  # per crawl: the items kept unseen, with the status last seen (cached_audit)

DNS = "su nombre no resolvió desde esta máquina (DNS)"
CAP = "el rastreo llegó a su límite de páginas (site.max_pages) antes de pedirla"
NOT_ASKED = "el rastreo no la pidió aunque el sitio la sigue enlazando (robots.txt o exclusiones)"
BEHIND = (
    "no se llegó a ella: otras páginas del sitio no se pudieron consultar (su nombre no resolvió desde esta máquina)"
)


def _key(r: ItemResult) -> str:
    return f"{r.profile}|{r.item}"


def _site_pages(evidence: Iterable[str], site_url: str) -> list[str]:
    """The evidence's addresses that are pages of the site (its host), fragments aside, once each."""
    host = urlsplit(site_url).netloc.lower()
    urls = (strip_fragment(u) for u in evidence if isinstance(u, str) and u.startswith(("http://", "https://")))
    return list(dict.fromkeys(u for u in urls if urlsplit(u).netloc.lower() == host))


def not_seen(store: Store, crawl: Crawl, urls: list[str]) -> dict[str, str]:
    """Of ``urls`` (pages of the site), those ``crawl`` did not see, each with why (Spanish words)."""
    if not urls:
        return {}
    marks = ",".join("?" * len(urls))
    rows = store.db.execute(
        f"""select p.url, s.status, s.error from snapshots s join pages p on p.id = s.page_id
            where s.crawl_id = ? and p.url in ({marks})""",
        [crawl.id, *urls],
    ).fetchall()
    fetched = {url: (status, error) for url, status, error in rows}
    out = {url: DNS for url, (status, error) in fetched.items() if unreached(status, error)}
    absent = [u for u in urls if u not in fetched]
    if absent:
        if crawl.limited:
            out.update(dict.fromkeys(absent, CAP))
        else:
            linked = store.linked_in_crawl(crawl.id, absent)
            out.update(dict.fromkeys(linked, NOT_ASKED))
            rest = [u for u in absent if u not in linked]
            if rest and store.unreached(crawl.id):
                out.update(dict.fromkeys(rest, BEHIND))
    return out


def _detail(url: str, reason: str, seen: str, now: ItemResult) -> str:
    found = now.detail or "no se encontró"
    return (
        f"sin verificar: la página del sitio {url}, su evidencia en el rastreo anterior ({seen}), no se pudo "
        f"consultar en este rastreo: {reason}; lo que el rastreo no vio no cambia el veredicto "
        f"(en lo rastreado: {found})"
    )


def settle(
    store: Store,
    crawl: Crawl,
    site_url: str,
    current: list[ItemResult],
    previous: list[ItemResult],
    kept: Mapping[str, Any],
) -> dict[str, Any]:
    """The items of ``current`` that fell since ``previous`` (its verdicts with its unseen items laid
    over, :func:`overlay`) while a page of the site that evidenced them then went unseen, each made
    ``sin_verificar`` with the status last seen: what :func:`overlay` lays over ``current`` and the next
    crawl's ``kept`` (``kept``: the previous crawl's own)."""
    before = {_key(r): r for r in previous}
    keep: dict[str, Any] = {}
    for now in current:
        key = _key(now)
        old = kept.get(key)
        then = before.get(key)
        seen = old["seen"] if old else then.status if then else None
        fell = (
            then is not None
            and now.source != "manual"
            and seen in STATUS_RANK
            and now.status in STATUS_RANK
            and STATUS_RANK[now.status] < STATUS_RANK[seen]
        )
        if not fell:
            continue
        assert then is not None
        reasons = not_seen(store, crawl, _site_pages(then.evidence, site_url))
        if not reasons:
            continue
        url, reason = next(iter(reasons.items()))
        unseen = dataclasses.replace(
            now,
            status="sin_verificar",
            evidence=then.evidence,
            snapshot_date=then.snapshot_date,
            detail=_detail(url, reason, seen, now),
        )
        keep[key] = {"seen": seen, "row": {f.name: getattr(unseen, f.name) for f in _STORED}}
    return keep


_STORED = [f for f in dataclasses.fields(ItemResult) if f.name != "dead"]


def stored_result(row: Mapping[str, Any]) -> ItemResult:
    """An unseen item as :func:`settle` kept it (JSON: its evidence a list)."""
    return ItemResult(**{**row, "evidence": tuple(row["evidence"])})


def overlay(results: list[ItemResult], kept: Mapping[str, Any]) -> list[ItemResult]:
    """``results`` with the items :func:`settle` kept unseen replaced by their unseen verdict."""
    return [stored_result(kept[_key(r)]["row"]) if _key(r) in kept else r for r in results]
