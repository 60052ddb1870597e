"""Signals of a run or of the scheduler: finish the current step, then stop.

A running crawl child gets SIGTERM forwarded so Scrapy closes gracefully and marks its crawl
'interrupted'; on Linux the child also gets SIGTERM if we die (:func:`die_with_parent`).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


class _Signals:
    """SIGTERM/SIGINT/SIGHUP become a stop request: the current step finishes, then we exit.

    A running crawl child gets SIGTERM forwarded so Scrapy closes gracefully and marks its
    crawl 'interrupted'. The child runs in its own session, so a terminal's Ctrl-C reaches it
    only through us — exactly once (a second signal would make Scrapy stop uncleanly).
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self.child: subprocess.Popen[bytes] | None = None
        self._depth = 0
        self._previous: dict[int, Any] = {}

    @property
    def stop(self) -> bool:
        return self.signum is not None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        # No logging here: the handler may interrupt the logging module holding its lock.
        if self.signum is None:
            self.signum = signum
        child = self.child
        if child is not None and child.poll() is None:
            child.send_signal(signal.SIGTERM)

    @contextmanager
    def installed(self) -> Iterator[_Signals]:
        if threading.current_thread() is not threading.main_thread():
            yield self  # signal handlers can only be set from the main thread
            return
        if self._depth == 0:
            self.signum = None
            self._previous = {s: signal.signal(s, self._handle) for s in (signal.SIGTERM, signal.SIGINT)}
            # A closed terminal (SIGHUP) would kill us mid-crawl and the crawl would get a second,
            # forcing signal from the kernel; stop cleanly instead — unless nohup asked to ignore it.
            if signal.getsignal(signal.SIGHUP) is not signal.SIG_IGN:
                self._previous[signal.SIGHUP] = signal.signal(signal.SIGHUP, self._handle)
        self._depth += 1
        try:
            yield self
        finally:
            self._depth -= 1
            if self._depth == 0:
                for s, handler in self._previous.items():
                    signal.signal(s, handler)


SIGNALS = _Signals()


def die_with_parent() -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGTERM the crawl if we die (even by SIGKILL).

    With it, a killed `run` does not leave an orphan crawl holding the inherited lock for
    the rest of its course: Scrapy closes, marks the crawl 'interrupted' and the lock is freed.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()
    pr_set_pdeathsig = 1

    def preexec() -> None:
        prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec
