"""glibc's mmap threshold fixed when the audits start (issue 21, H276): a large block freed no longer
makes the next large blocks come from the heap, whose freed holes stay resident."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from gelt_audit.allocator import map_large_blocks

_GLIBC = sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallinfo2")

# In a process of its own (the thresholds are the process's for good): whether the thresholds were
# set, and whether a 512 KiB block allocated after a 4 MiB one was freed is mapped on its own.
_PROBE = """
import ctypes
from gelt_audit.allocator import map_large_blocks

class Info(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
print(map_large_blocks())
big = bytearray(4 << 20)
del big  # a mapped block freed: glibc's own rule raises its threshold past it
before = libc.mallinfo2().hblkhd
block = bytearray(512 << 10)
print(libc.mallinfo2().hblkhd - before >= 512 << 10)
"""


def _probe(switch: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "GELT_AUDIT_MALLOPT"}
    if switch is not None:
        env["GELT_AUDIT_MALLOPT"] = switch
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True)
    return out.stdout.split()


@pytest.mark.skipif(not _GLIBC, reason="glibc's allocator (mallinfo2) only")
def test_large_block_mapped_after_a_larger_one_was_freed() -> None:
    assert _probe(None) == ["True", "True"]


@pytest.mark.skipif(not _GLIBC, reason="glibc's allocator (mallinfo2) only")
def test_switched_off_glibc_raises_its_threshold() -> None:
    # the same process without the fixed threshold: the block comes from the heap (the rule's absence)
    assert _probe("off") == ["False", "False"]


def test_no_glibc_no_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert map_large_blocks() is False
