"""A bench child measured from a small launcher: its own peak RSS, not the bench's (H197, issue 21).

Linux keeps a process's peak RSS (``signal->maxrss``) across ``exec``, and a child starts with it:
after ``fork`` the child's peak is the parent's resident memory at that moment, after ``vfork`` /
``posix_spawn`` the parent's peak so far. ``os.wait4`` then reports max(that, the child's own peak):
a bench process holding 300 MB (reports kept for comparison, pages read) made a child that used
14 MB report 314 MB (H191 in ``weekly_ab.py``, H193's round 3 of ``cold.py``; checked by H197).

So every measured child is started by a fresh, small Python process (``-I -S``: no site, no
project imports, ~10 MB): it was exec'd, so its own memory is small whatever the bench holds, and
the child it spawns inherits only that. It waits for the child (``os.wait4``: the child and the
descendants it reaped, as before), times it, and writes status, peak RSS and CPU to a pipe. Chosen
over the child's VmHWM (lost for a child's own children, e.g. Chromium, and needs every command
wrapped in Python) and cgroup ``memory.peak`` (this machine has cgroup v1 without it, and it counts
page cache); a persistent fork-server would save ~30 ms per phase but needs a protocol.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

# argv: the pipe's fd, the RLIMIT_DATA cap in bytes (0: none), the command. SIGTERM from the bench
# (timeout, interruption) kills the child; SIGINT is the child's to handle (a terminal sends it both).
LAUNCHER = r"""
import os, resource, signal, sys, time
fd, cap, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
os.set_inheritable(fd, False)
if cap:
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
state = {"pid": 0, "term": False}
def term(*_):
    state["term"] = True
    if state["pid"]:
        os.kill(state["pid"], signal.SIGKILL)
signal.signal(signal.SIGTERM, term)
signal.signal(signal.SIGINT, lambda *_: None)
t0 = time.perf_counter()
try:
    state["pid"] = os.posix_spawnp(cmd[0], cmd, os.environ)
except OSError as exc:
    print(f"no se pudo iniciar {cmd[0]}: {exc}", file=sys.stderr)
    sys.exit(127)
if state["term"]:
    os.kill(state["pid"], signal.SIGKILL)
_, status, u = os.wait4(state["pid"], 0)
os.write(fd, f"{status} {u.ru_maxrss} {u.ru_utime} {u.ru_stime} {time.perf_counter() - t0}".encode())
"""


def spawn_measured(
    cmd: list[str],
    cwd: Path,
    stdout: IO[bytes],
    stderr: IO[bytes],
    timeout: float,
    data_cap: int = 0,
    env: dict | None = None,
) -> dict:
    """Run ``cmd`` under the launcher; its exit code, wall seconds, own peak RSS (KiB) and CPU.

    Past ``timeout`` seconds the child is killed (``timed_out``);
    ``data_cap`` > 0 caps its data memory (RLIMIT_DATA, bytes). An exception here (e.g.
    KeyboardInterrupt) kills the child before it propagates.
    """
    read_end, write_end = os.pipe()
    launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(write_end), str(data_cap), *cmd]
    try:
        proc = subprocess.Popen(
            launcher, cwd=cwd, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, env=env, pass_fds=(write_end,)
        )
    finally:
        os.close(write_end)
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        proc.terminate()

    timer = threading.Timer(timeout, stop)
    timer.start()
    try:
        proc.wait()
    except BaseException:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        raise
    finally:
        timer.cancel()
        with os.fdopen(read_end, "rb") as pipe:
            report = pipe.read().split()
    if len(report) != 5:
        return {"code": proc.returncode, "wall": 0.0, "maxrss_kib": 0, "cpu": 0.0, "timed_out": expired.is_set()}
    status, maxrss, utime, stime, wall = report
    return {
        "code": os.waitstatus_to_exitcode(int(status)),
        "wall": float(wall),
        "maxrss_kib": int(maxrss),
        "cpu": float(utime) + float(stime),
        "timed_out": expired.is_set(),
    }


def launcher_floor() -> float:
    """Peak RSS (MiB) of ``/bin/true`` measured this way: what the launcher itself passes on."""
    with open(os.devnull, "wb") as null:
        found = spawn_measured(["/bin/true"], Path("/"), null, null, timeout=60)
    return found["maxrss_kib"] / 1024
