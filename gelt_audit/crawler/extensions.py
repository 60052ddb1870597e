"""Crawl progress on a terminal; silent under cron."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from scrapy import signals
from twisted.internet import task

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class Progress:
    """Print pages done, errors and rate to stderr every few seconds, when it is a terminal."""

    interval = 2.0

    def __init__(self, crawler: Crawler, stream=None):
        self.crawler = crawler
        self.stream = stream or sys.stderr
        self.task: task.LoopingCall | None = None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        ext = cls(crawler)
        if ext.stream.isatty():
            crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
            crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        self.task = task.LoopingCall(self.show)
        self.task.start(self.interval, now=False)

    def show(self, end: str = "\r") -> None:
        stats = self.crawler.stats
        pages = stats.get_value("gelt/pages", 0)
        errors = stats.get_value("gelt/errors", 0)
        unchanged = stats.get_value("gelt/not_modified", 0)
        rate = pages / max(time.monotonic() - self.started, 1e-6)
        self.stream.write(
            f"Rastreando: {pages} páginas ({unchanged} sin cambios), {errors} errores, {rate:.1f} páginas/s   {end}"
        )
        self.stream.flush()

    def spider_closed(self) -> None:
        if self.task and self.task.running:
            self.task.stop()
        self.show(end="\n")
