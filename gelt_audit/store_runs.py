"""The store's bookkeeping rows: acknowledgements, runs of the scheduler and a portfolio's sites.

A mixin of :class:`gelt_audit.store.Store` (which provides ``db``); import ``Store`` from
:mod:`gelt_audit.store`, not this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from gelt_audit import clock


class RunStore:
    """Acks, runs and portfolio sites of a store."""

    db: sqlite_utils.Database

    def add_ack(self, url: str, page: str | None, reason: str, until: str | None, by: str) -> None:
        with self.db.conn:
            self.db["acks"].insert(
                {"url": url, "page": page, "reason": reason, "until": until, "by": by, "created_at": clock.now_iso()}
            )

    def acks(self) -> list[dict[str, Any]]:
        return list(self.db["acks"].rows)

    # -- runs (gelt-audit run and the scheduler's jobs) -----------------------
    def start_run(self, job: str, pid: int) -> int:
        """Open a run row; runs left 'running' become 'interrupted' (the caller holds the run lock)."""
        return self.start_runs(job, pid, [None])[0]

    def start_runs(self, job: str, pid: int, sites: Sequence[str | None]) -> list[int]:
        """Open one run row per site of a portfolio run (``None``: a one-site run, no ``site``);
        runs left 'running' become 'interrupted' (the caller holds the run lock)."""
        now = clock.now_iso()
        with self.db.conn:
            self.db.execute(
                "update runs set result = 'interrupted', finished_at = coalesce(finished_at, ?), "
                "message = 'el proceso terminó sin cerrar la ejecución' where result = 'running'",
                [now],
            )
            ids = []
            for site in sites:
                # alter: a runs table made by an early scheduler may lack the newer columns (``site``:
                # the portfolio site's home page, H304; absent or NULL for a one-site run)
                row = {"started_at": now, "result": "running", "job": job, "pid": pid}
                ids.append(self.db["runs"].insert({**row, "site": site} if site else row, alter=True).last_pk)
            return ids

    def _site_filter(self, site: str | None, alias: str = "") -> tuple[str, list[Any]]:
        """The SQL condition (and its argument) of one portfolio site's runs; none for a one-site store."""
        if site is None:
            return "", []
        if "site" not in self.db["runs"].columns_dict:
            return " and 0", []  # no portfolio run yet: none of this site's
        return f" and {alias}site = ?", [site]

    def finish_run(self, run_id: int, values: dict[str, Any]) -> None:
        """Close a run row with its result, exit code, reports and findings."""
        with self.db.conn:
            self.db["runs"].update(run_id, {"finished_at": clock.now_iso(), **values}, alter=True)

    def recent_runs(self, limit: int, site: str | None = None) -> list[dict[str, Any]]:
        """The last ``limit`` runs, newest first, with the pages of the crawl each one made or used
        (``site``: of that portfolio site only)."""
        where, args = self._site_filter(site, "r.")
        return list(
            self.db.query(
                "select r.id, r.job, r.started_at, r.finished_at, r.result, r.exit_code, r.crawl_id, r.reports, "
                "r.message, r.pid, r.findings, c.pages from runs r left join crawls c on c.id = r.crawl_id "
                f"where 1{where} order by r.id desc limit ?",
                [*args, limit],
            )
        )

    def run_reports(self, since: str, site: str | None = None) -> list[tuple[str, str]]:
        """(finished_at, reports JSON) of the runs that finished at ``since`` (ISO UTC) or later with reports
        (``site``: of that portfolio site only: each site's weekly report is due on its own)."""
        where, args = self._site_filter(site)
        return self.db.execute(
            f"select finished_at, reports from runs where reports is not null and finished_at >= ?{where}",
            [since, *args],
        ).fetchall()

    # -- a portfolio's sites ---------------------------------------------------
    def save_portfolio_sites(self, sites: Iterable[Any]) -> None:
        """Upsert the sites of a portfolio (objects with url, name, department and dane) as rows."""
        now = clock.now_iso()
        rows = [{"url": s.url, "name": s.name, "department": s.department, "dane": s.dane, "updated_at": now}
                for s in sites]  # fmt: skip
        with self.db.conn:
            self.db["portfolio_sites"].upsert_all(rows, pk="url")
