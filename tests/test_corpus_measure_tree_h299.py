"""measure.py crawls with the gelt-audit of the tree it belongs to (H299).

Its crawls and reports run ``python -m gelt_audit`` from a temporary folder: without ``PYTHONPATH`` that
imports what the virtual environment's editable install names, another worktree's code when the venv is
shared or copied (the project's helpers copy one venv and measure a base from an old worktree). The
held-out measure then seemed to give two results with one code (state A and B, H297): the «base» runs had
measured the helper's own tree as it was at that moment. Seen failing without the fix from a worktree
whose venv's editable install names another tree (H299, docs/checklist-accuracy.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_checklist_corpus import measure

PROBE = "import gelt_audit, pathlib; print(pathlib.Path(gelt_audit.__file__).resolve())"


class _Probe(Exception):
    pass


def test_the_corpus_crawl_runs_the_gelt_audit_of_the_measure_s_own_tree(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: list[str] = []

    class Recorder:
        @staticmethod
        def run(cmd: list[str], *, env: dict[str, str], cwd: Path, **_: object):
            assert cmd[:3] == [sys.executable, "-m", "gelt_audit"], cmd
            probe = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=cwd, capture_output=True, text=True)
            seen.append(probe.stdout.strip() or probe.stderr)
            raise _Probe

    monkeypatch.setattr(measure, "subprocess", Recorder)
    monkeypatch.delenv("PYTHONPATH", raising=False)
    with pytest.raises(_Probe):
        measure.crawl_site(measure.HERE / "putumayo", tmp_path)
    assert seen and Path(seen[0]).is_relative_to(measure.ROOT.resolve()), (seen, measure.ROOT)
