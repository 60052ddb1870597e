"""Distributed crawling through Redis with scrapy-redis: one coordinator, many workers.

Roles
-----
- The **coordinator** (``gelt-audit crawl --redis URL``) is the only process that opens the
  SQLite store. Per site it opens the crawl row, publishes what workers need from the store
  (validators for conditional requests, the stored links of each page for the 304 path, the
  query variants crawled last time, the external-link cache), seeds the start requests into the
  site's scrapy-redis queue, consumes the results list with the normal :class:`StorePipeline`,
  and closes each site's crawl on its own when nothing is queued, in flight or unread.
- **Workers** (``gelt-audit worker --redis URL``) run the unchanged :class:`SiteSpider` logic
  (through :class:`WorkerSiteSpider`), one Scrapy crawler per active site, with scrapy-redis's
  ``Scheduler`` (shared request queue) and ``RFPDupeFilter`` (shared duplicate filter). Items go
  back as JSON on a Redis list. A worker never opens the store.

Guarantees, and how
-------------------
- Every page once: a page request is created only after an atomic claim in Redis (the site's
  seen set, page budget and query variants, the same rules SiteSpider applies in one process);
  other requests go through the shared duplicate filter; the store writes a snapshot per
  (crawl, page) with ``replace``, so a page crawled twice after a crash still leaves one row.
- A killed worker loses nothing: scrapy-redis pops destructively, so :class:`ReliableQueue` pops
  and records the request in the site's in-flight hash in one Lua script. The worker deletes the
  entry only after the response went through the spider and its items and follow-up requests are
  in Redis. Workers refresh a heartbeat key; when one expires the coordinator puts that worker's
  in-flight requests back in the queue (and frees its politeness leases).
- Politeness per site across workers: :class:`GlobalPoliteness` takes a lease per host in Redis
  before each download (at most ``concurrency`` at once, starts at least ``delay`` apart, on
  Redis's clock), so N workers are together as polite as one process.

Modules
-------
- :mod:`.protocol`: Redis keys, the Lua scripts that make each step atomic, the JSON format.
- :mod:`.components`: the Scrapy side of a worker (scheduler, spider, middleware, pipeline).
- :mod:`.worker`: the worker process (:func:`run_worker`).
- :mod:`.coordinator`: the coordinator (:func:`crawl_distributed`).

Both take their sites as settings: the coordinator a :class:`~gelt_audit.crawler.run.CrawlPlan`
of per-site configs, each worker the ``settings_for`` of each site, published in Redis.
"""

from __future__ import annotations

from gelt_audit.crawler.distributed.coordinator import crawl_distributed
from gelt_audit.crawler.distributed.worker import purge, run_worker

__all__ = ["crawl_distributed", "purge", "run_worker"]
