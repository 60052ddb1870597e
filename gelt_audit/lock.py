"""One run at a time per store: an advisory file lock next to the SQLite file.

``fcntl.flock`` is tied to the open file, not to the file's existence: the kernel drops it
when the last process holding the descriptor exits, however it exits (SIGKILL, OOM killer,
power cut of the process tree). So a stale lock file on disk is harmless, and we never
delete it — deleting it would let a second process lock a fresh inode while the first still
holds the old one.

The descriptor is not inheritable by default; ``run`` passes it explicitly to its crawl
subprocess (``pass_fds``) so the lock stays held until the crawl itself has exited, even if
the parent was killed first.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gelt_audit import clock

# Set in the environment of a crawl started by `run`/`schedule` to "FD:LOCK_PATH": the lock is
# already held for it through the inherited descriptor FD, so the crawl must not take it again.
# Only a claim: the crawl checks it (see _inherited_fd), since an operator may leave it set.
LOCK_ENV = "GELT_RUN_LOCK"


class LockedError(Exception):
    """Another process holds the lock; the message (Spanish) names it."""

    def __init__(self, message: str, pid: int | None = None):
        super().__init__(message)
        self.pid = pid


def lock_path_for(store_path: str | os.PathLike[str], suffix: str = ".lock") -> Path:
    """``gelt.db`` -> ``gelt.db.lock``: beside the store, so one lock per store (per site)."""
    p = Path(store_path)
    return p.with_name(p.name + suffix)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


class RunLock:
    """Exclusive, non-blocking lock on ``<store>.lock`` (or another ``suffix``).

    Use as a context manager; raises :class:`LockedError` if another process holds it.
    The file records the holder's pid and start time, for the message a second caller gets.
    """

    def __init__(self, store_path: str | os.PathLike[str], suffix: str = ".lock", what: str = "una ejecución"):
        self.path = lock_path_for(store_path, suffix)
        self.what = what
        self.fd: int | None = None

    def acquire(self) -> RunLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o640)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _read_holder(fd)
            for _ in range(25):  # the holder writes its pid just after locking: give it a moment
                if holder is not None:
                    break
                time.sleep(0.02)
                holder = _read_holder(fd)
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            raise LockedError(self._message(holder), holder[0] if holder else None) from None
        # Only the holder writes: the content describes whoever holds the lock now.
        os.ftruncate(fd, 0)
        started = clock.now_iso()
        os.pwrite(fd, f"{os.getpid()}\n{started}\n".encode(), 0)
        self.fd = fd
        return self

    def release(self) -> None:
        if self.fd is None:
            return
        # Empty the file first, so `status` does not name a holder that has let go; closing
        # drops the lock; the file stays (see the module docstring).
        try:
            os.ftruncate(self.fd, 0)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _message(self, holder: tuple[int, str] | None) -> str:
        if holder is None:
            return f"Otro proceso de gelt-audit tiene {self.what} en curso con este almacén (bloqueo {self.path})."
        pid, started = holder
        since = f" desde {_bogota(started)}" if started else ""
        if _alive(pid):
            return (
                f"Otro proceso de gelt-audit (pid {pid}{since}) tiene {self.what} en curso con este almacén; "
                f"se omite esta. Bloqueo: {self.path}."
            )
        # The holder died but its crawl subprocess (which inherited the lock) is still closing.
        return (
            f"El proceso {pid}{since} terminó, pero el rastreo que inició todavía se está cerrando; "
            f"inténtelo de nuevo en unos segundos. Bloqueo: {self.path}."
        )


def _bogota(started: str) -> str:
    """The holder's start as the sysadmin reads every other time (docs/OPERATIONS.md: Bogotá time);
    the file keeps UTC ISO text, which read «22:12» for a run started at 17:12 in Bogotá."""
    moment = clock.to_datetime(started)
    if moment is None:
        return started
    return f"{moment.astimezone(clock.BOGOTA):%Y-%m-%d %H:%M} (hora de Bogotá)"


def _read_holder(fd: int) -> tuple[int, str] | None:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split("\n")
        return int(text[0]), (text[1] if len(text) > 1 else "")
    except (OSError, ValueError):
        return None


def is_locked(store_path: str | os.PathLike[str], suffix: str = ".lock") -> bool:
    """Whether some process holds the lock right now (takes and drops it if free)."""
    try:
        with RunLock(store_path, suffix):
            return False
    except LockedError:
        return True


def lock_env(lock: RunLock) -> dict[str, str]:
    """The environment that tells a child process it inherits ``lock`` (pass ``lock.fd`` too)."""
    return {LOCK_ENV: f"{lock.fd}:{lock.path}"}


def _inherited_fd(path: Path) -> int | None:
    """The descriptor :data:`LOCK_ENV` names, if it really is ``path`` and really holds its lock.

    A stale value (an operator's export, a copied environment) must not let two crawls write one
    store: the descriptor has to be the lock file itself (same device and inode) and a
    non-blocking ``flock`` through it has to succeed. flock locks belong to the open file
    description, which the child shares with the parent that took the lock, so the probe
    succeeds exactly when this descriptor holds the lock (or the lock was free: then it holds it
    now); it fails when another process holds it.
    """
    fd_text, sep, named = os.environ.get(LOCK_ENV, "").partition(":")
    if not sep or not fd_text.isdigit() or named != str(path):
        return None
    fd = int(fd_text)
    try:
        held, lock_file = os.fstat(fd), os.stat(path)
    except OSError:  # no such descriptor, or no lock file
        return None
    if (held.st_dev, held.st_ino) != (lock_file.st_dev, lock_file.st_ino):
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return None
    return fd


@contextmanager
def crawl_guard(store_path: str | os.PathLike[str]) -> Iterator[bool]:
    """For `gelt-audit crawl`: take the lock unless `run` already holds it for us.

    Yields True when the lock was inherited from `run` (which checked the store under it).
    """
    if _inherited_fd(lock_path_for(store_path)) is not None:
        yield True
        return
    with RunLock(store_path, what="un rastreo"):
        yield False
