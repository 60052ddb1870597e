"""The weekly and committee reports (HTML, JSON, CSV) from stores built by real crawls."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli


def demo_workdir(tmp_path_factory) -> Path:
    """The demo's folder (site crawled twice), built once per test session and shared."""
    directory = tmp_path_factory.getbasetemp() / "demo-compartida"
    if not (directory / ".lista").exists():
        result = run_cli("demo", "--dir", str(directory), timeout=180)
        assert result.returncode == 0, result.stdout + result.stderr
        (directory / ".lista").touch()
    return directory
