"""bench/run.py::run_child reports a child's own peak RSS, not the bench process's (H197, issue 21).

Linux keeps a process's peak RSS across exec, and a child starts with its parent's resident memory
(fork) or peak (vfork): a bench holding its reports made every child look that large (H191:
weekly_ab.py 145 → 562 MB round after round; H193: cold.py's round 3, 211 and 260 MB against ~155).
Each case runs, on real processes, a fresh Python "bench" that holds PARENT_MB of touched memory
and measures one child with run_child.

Fails without the launcher (checked: with ``git show 012bbff:bench/run.py`` in place, the child
that uses ~10 MB was reported at 313.7 MB and the one that uses 150 MB at 313.8 MB; the other four
cases pass with either: they guard what the launcher must keep doing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
PARENT_MB = 300

# argv: the bench folder, MB the parent holds, the work folder, then the child's Python code and
# run_child keyword arguments as JSON; prints run_child's figures or the error it raised
_BENCH = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from run import PY, run_child
held = b"\\1" * (int(sys.argv[2]) * 2**20)
try:
    print(json.dumps(run_child([PY, "-c", sys.argv[4]], Path(sys.argv[3]), "hijo", **json.loads(sys.argv[5]))))
except RuntimeError as exc:
    print(json.dumps({"error": str(exc)}))
"""


def measure(tmp_path: Path, child: str, parent_mb: int = PARENT_MB, **kwargs: object) -> dict:
    """run_child's figures for ``child`` from a bench process holding ``parent_mb`` MB."""
    args = [sys.executable, "-c", _BENCH, str(BENCH), str(parent_mb), str(tmp_path), child, json.dumps(kwargs)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def test_a_small_child_of_a_large_bench_is_small(tmp_path: Path) -> None:
    found = measure(tmp_path, "pass")
    assert 5 < found["rss_mb"] < 60, found


def test_the_childs_own_peak_still_counts(tmp_path: Path) -> None:
    found = measure(tmp_path, "x = b'\\1' * (150 * 2**20)")
    assert 150 <= found["rss_mb"] < 220, found
    assert found["cpu"] > 0 and found["wall"] > 0


def test_grandchildren_reaped_by_the_child_count(tmp_path: Path) -> None:
    code = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'x = b\"\\\\1\" * (120 * 2**20)'])"
    found = measure(tmp_path, code, parent_mb=0)
    assert 120 <= found["rss_mb"] < 200, found


def test_a_failing_child_raises_with_its_stderr(tmp_path: Path) -> None:
    found = measure(tmp_path, "import sys; sys.exit('salida de prueba')", parent_mb=0)
    assert "falló (código 1)" in found["error"] and "salida de prueba" in found["error"]


def test_the_memory_cap_still_applies(tmp_path: Path) -> None:
    found = measure(tmp_path, "x = b'\\1' * (400 * 2**20)", parent_mb=0, mem_gb=0.2)
    assert "MemoryError" in found["error"]


def test_a_timeout_kills_the_child_itself(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    code = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    found = measure(tmp_path, code, parent_mb=0, timeout=5.0)  # a loaded machine starts Python slowly
    assert "detenido" in found["error"]
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
