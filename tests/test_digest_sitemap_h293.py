"""The e-mail to a dependencia's responsable says its last publication as the weekly does (H293).

The weekly (H291) says a sitemap date that does not count apart, with why («el sitemap da el 21 nov, que
no cuenta (…)»), and names each date for what it is («publicada el», «detectada el … (la página no
declara fecha)»). The e-mail digest ([email] per_responsable) said neither: its reader saw less than
the weekly's, and its plain-text part no last publication at all. H291's site
(tests/test_updates_sitemap_h291.py) crawled through the CLI on 10 and 24 November 2026, then
``run --no-crawl --reports weekly`` sends the weekly and each responsable's part to a real SMTP server
on 127.0.0.1. Failed on ``integ21`` (0da1d04) without the change (checked, H293).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import SiteServer
from tests.helpers import html_text, run_cli, write_config
from tests.test_delivery import smtp_server
from tests.test_scheduler import email_toml
from tests.test_updates_sitemap_h291 import EXTRA, FIRST, SECOND, _site

ADDRESSES = {"Marta Ruiz": "control@prueba.gov.co", "Ana Pérez": "hacienda@prueba.gov.co"}
NOTE = (
    "el sitemap da el 21 nov, que no cuenta (ninguna página la muestra y ningún rastreo vio cambiar su "
    "texto desde entonces)"
)


@pytest.fixture(scope="module")
def sent(tmp_path_factory) -> dict:
    """The weekly's text and each responsable's e-mail (plain and HTML text), after the second crawl."""
    tmp = tmp_path_factory.mktemp("h293mail")
    deps = EXTRA
    for person, address in ADDRESSES.items():
        deps = deps.replace(f'responsable = "{person}"\n', f'responsable = "{person}"\nemail = "{address}"\n')
    with smtp_server() as (controller, sink), SiteServer({}) as server:
        server.routes = _site(1, server.url.rstrip("/"))
        config = write_config(tmp, server.url, deps + email_toml(controller.port) + "per_responsable = true\n")
        assert run_cli("crawl", "--config", str(config), env={"GELT_TODAY": FIRST}).returncode == 0
        server.routes = _site(2, server.url.rstrip("/"))
        assert run_cli("crawl", "--config", str(config), env={"GELT_TODAY": SECOND}).returncode == 0
        result = run_cli(
            "run", "--no-crawl", "--reports", "weekly", "--config", str(config), env={"GELT_TODAY": SECOND}
        )
        assert result.returncode == 0, result.stderr
        messages = {m["To"]: m for m in sink.messages}
    weekly = next(p for p in tmp.rglob("*.html") if "semanal" in p.name)
    out = {"weekly": html_text(weekly.read_text(encoding="utf-8"))}
    for address in ADDRESSES.values():
        msg = messages[address]
        out[address] = {
            "text": " ".join(msg.get_body(("plain",)).get_content().split()),
            "html": html_text(msg.get_body(("html",)).get_content()),
        }
    return out


def test_the_email_says_the_sitemap_date_that_does_not_count_as_the_weekly_does(sent):
    said = f"publicada el 27 feb; {NOTE}"
    assert f"la última {said}" in sent["weekly"]  # a quiet dependencia: its one line
    for part in ("text", "html"):
        assert f"Última publicación: {said}" in sent["control@prueba.gov.co"][part], part


def test_the_email_names_a_change_seen_on_a_page_that_declares_no_date_as_the_weekly_does(sent):
    line = "Última publicación: detectada el 24 nov (la página no declara fecha)"
    assert line in sent["weekly"]
    for part in ("text", "html"):
        assert line in sent["hacienda@prueba.gov.co"][part], part
