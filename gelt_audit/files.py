"""Writing files so that a reader never sees half of one, and cleaning up after killed writers.

A leaf module: reports, the portfolio ranking, the demo and the CLI all write through here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("gelt_audit.files")

FILE_MODE = 0o640  # reports and exports: the owner and its group, nobody else on the machine
TEMP_FILE = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.tmp$")  # see atomic_file()


@contextlib.contextmanager
def atomic_file(path: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` (mode 0o640).

    The temporary file's name carries our pid (``.NAME.PID.XXXX.tmp``): if we are killed before
    the rename, the next writer knows the file is an orphan and removes it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write ``path`` whole or not at all (see :func:`atomic_file`); text is UTF-8."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_file(path) as fh:
        fh.write(payload)
    return path


@contextlib.contextmanager
def output_file(path: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Open a path the user named with ``--output``: written into, never replaced, when special.

    A character device, a FIFO or a socket (``/dev/null``, ``/dev/stdout`` on a pipe, a named
    pipe) is opened and written as it is: replacing it with a regular file would break it for
    every program on the machine (as root, ``/dev/stdout`` for everyone). A symlink is followed
    and its target written atomically, so the link stays a link. Anything else is
    :func:`atomic_file`.
    """
    try:
        kind = os.stat(path).st_mode  # follows links: /dev/stdout is what it points at
    except OSError:  # does not exist yet (or a dangling link: its target is created below)
        kind = stat.S_IFREG
    if not (stat.S_ISREG(kind) or stat.S_ISDIR(kind)):
        with open(path, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    with atomic_file(target, mode) as fh:
        yield fh


def write_output(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to a ``--output`` path; see :func:`output_file`."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with output_file(path) as fh:
        fh.write(payload)
    return path


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files of writers that died before their rename (not those of live ones)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        m = TEMP_FILE.match(entry.name)
        if not m:
            continue
        pid = int(m.group(1))
        if pid == os.getpid() or pid_alive(pid):
            continue
        entry.unlink(missing_ok=True)
        removed.append(entry)
    if removed:
        log.info("Se borraron %s archivos temporales de informes interrumpidos en %s", len(removed), folder)
    return removed
