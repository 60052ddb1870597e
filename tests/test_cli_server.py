"""The tests' CLI server (tests/cli_server.py) answers as a fresh ``python -m gelt_audit`` does:
the same exit code, stdout and stderr, in the command's directory and environment; a command past
its timeout is killed and raises as `subprocess.run` raises."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests import helpers
from tests.helpers import run_cli


def fresh(*args: str, cwd=None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gelt_audit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def forked(monkeypatch):
    monkeypatch.delenv("GELT_TEST_SUBPROCESS", raising=False)
    server = helpers._cli_server()
    assert server is not None
    return server


def test_a_forked_command_answers_as_a_fresh_process(forked, tmp_path):
    (tmp_path / "gelt.toml").write_text('[site]\nurl = "ftp://127.0.0.1/"\n', encoding="utf-8")
    cases = (
        (("--version",), None, None),
        (("status", "--config", "gelt.toml"), tmp_path, None),  # relative to the command's directory
        (("status", "--config", str(tmp_path / "gelt.toml")), None, {"GELT_TODAY": "2026-13-40"}),
        (("no-such-command",), None, None),
    )
    for args, cwd, env in cases:
        new, old = run_cli(*args, cwd=cwd, env=env), fresh(*args, cwd=cwd, env=env)
        assert (new.returncode, new.stdout, new.stderr) == (old.returncode, old.stdout, old.stderr), args
    # not all of them succeed: the comparison covers error codes and Spanish messages on stderr
    assert {run_cli(*a, cwd=c, env=e).returncode for a, c, e in cases} >= {0, 2}
    assert "2026-13-40" in run_cli(*cases[2][0], env=cases[2][2]).stderr


def test_a_forked_command_past_its_timeout_is_killed(forked, serve, config_for):
    config = config_for(serve({}, dynamic=lambda path: time.sleep(30)).url)
    with pytest.raises(subprocess.TimeoutExpired):
        run_cli("crawl", "--config", str(config), timeout=3)
    # the server is free again and the next command runs
    assert run_cli("--version").returncode == 0
