"""What every audit reads, and the one shape every audit has.

An audit is a function ``(AuditContext) -> Findings``: it reads the store, the crawl, the crawl
before it, the config and what the audits before it found (``ctx.findings``), and returns its
own part of the findings (urlwatch's ``JobState`` idea). ``audits.run`` runs them in order and
merges their parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gelt_audit.audits.findings import Findings
from gelt_audit.config import Config
from gelt_audit.store import Crawl, Store


@dataclass
class AuditContext:
    """One crawl being audited, with what the earlier audits found about it."""

    store: Store
    config: Config
    crawl: Crawl
    previous: Crawl | None  # the finished crawl before ``crawl`` (None on the first one)
    findings: Findings = field(default_factory=lambda: Findings())

    def for_crawl(self, crawl: Crawl) -> AuditContext:
        """A fresh context for another crawl of the same site (nothing found yet)."""
        return AuditContext(self.store, self.config, crawl, self.store.previous_crawl(crawl))


Audit = Callable[[AuditContext], Findings]


def run_audits(ctx: AuditContext, audits: tuple[Audit, ...]) -> Findings:
    """Run ``audits`` in order on ``ctx``; each one sees what the ones before it found."""
    for audit in audits:
        ctx.findings.update(audit(ctx))
    return ctx.findings
