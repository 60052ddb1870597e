"""Shared fixtures: real servers on 127.0.0.1, real configs, the real CLI in a subprocess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import run_cli, write_config


@pytest.fixture
def serve():
    """Start SiteServers on 127.0.0.1; all are stopped at the end of the test."""
    servers: list[SiteServer] = []

    def start(routes: dict[str, Resource] | None = None, **kw: Any) -> SiteServer:
        server = SiteServer(routes or {}, **kw).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def config_for(tmp_path):
    def make(url: str, extra: str = "", **site: Any) -> Path:
        return write_config(tmp_path, url, extra, **site)

    return make


@pytest.fixture
def cli():
    return run_cli
