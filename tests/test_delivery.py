"""E-mail and alerts against a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import email
import email.policy
import importlib.util
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from gelt_audit.config import Config, EmailConfig, parse_config
from gelt_audit.delivery import DeliveryError, fecha_larga, notify, send_email, send_report
from gelt_audit.reports.digest import digest, digest_html


class Sink:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        self.logins.append((login, password))
        # handled=False: let aiosmtpd answer 535 itself on failure.
        return AuthResult(success=password == "clave-secreta", handled=False)

    @property
    def messages(self) -> list[EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default) for _, _, raw in self.received]  # type: ignore[misc]


def free_port() -> int:
    # aiosmtpd's Controller cannot listen on port 0 (it connects to its own port to check it is up).
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_server(**smtp_params: Any) -> Iterator[tuple[Controller, Sink]]:
    """A real SMTP server on 127.0.0.1 (no TLS, so STARTTLS is not offered)."""
    sink = Sink()
    if smtp_params.pop("auth", False):
        smtp_params.update(authenticator=sink.authenticate, auth_require_tls=False)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port(), **smtp_params)
    controller.start()
    try:
        yield controller, sink
    finally:
        controller.stop()


@pytest.fixture
def smtp() -> Iterator[tuple[Controller, Sink]]:
    with smtp_server() as server:
        yield server


def email_cfg(port: int, **kw: Any) -> EmailConfig:
    return EmailConfig(
        **{
            "host": "127.0.0.1",
            "port": port,
            "username": "",
            "password_env": "GELT_TEST_SMTP_PASSWORD",
            "sender": "gelt-audit@cajamarca-tolima.gov.co",
            "to": ["responsable@cajamarca-tolima.gov.co"],
            "starttls": False,
            "ssl": False,
            **kw,
        }
    )


def config_with(tmp_path: Path, port: int | None, apprise: list[str] | None = None) -> Config:
    text = '[site]\nname = "Alcaldía de Cajamarca - Tolima"\nurl = "http://127.0.0.1:9/"\n'
    if port is not None:
        text += (
            f'\n[email]\nhost = "127.0.0.1"\nport = {port}\nstarttls = false\n'
            'sender = "gelt-audit@cajamarca-tolima.gov.co"\nto = ["responsable@cajamarca-tolima.gov.co"]\n'
        )
    if apprise is not None:
        text += f"\n[alerts]\napprise = {apprise!r}\n".replace("'", '"')
    return parse_config(text, tmp_path / "gelt.toml")


def test_report_mail_has_subject_html_text_and_attachment_in_utf8(smtp, tmp_path):
    controller, sink = smtp
    attachment = tmp_path / "informe-año.json"
    attachment.write_text('{"dependencia": "Secretaría de Hacienda", "niñez": true}', encoding="utf-8")
    subject = "Informe semanal — Alcaldía de Cajamarca — 24 de noviembre de 2026"
    html = "<html><body><h1>Información pública</h1><p>Niñez y adolescencia: 3 páginas</p></body></html>"
    send_email(email_cfg(controller.port), subject, html, "Información pública: 3 páginas", [attachment], None)

    assert len(sink.received) == 1
    mail_from, rcpt, _ = sink.received[0]
    assert mail_from == "gelt-audit@cajamarca-tolima.gov.co"
    assert rcpt == ["responsable@cajamarca-tolima.gov.co"]
    msg = sink.messages[0]
    assert msg["Subject"] == subject
    assert msg.get_body(("plain",)).get_content().strip() == "Información pública: 3 páginas"
    assert "<h1>Información pública</h1>" in msg.get_body(("html",)).get_content()
    [part] = list(msg.iter_attachments())
    assert part.get_filename() == "informe-año.json"
    assert part.get_content_type() == "application/json"
    assert part.get_payload(decode=True) == attachment.read_bytes()


def test_password_comes_from_the_environment_only(tmp_path, monkeypatch):
    with smtp_server(auth=True) as (controller, sink):
        cfg = email_cfg(controller.port, username="gelt")
        monkeypatch.delenv("GELT_TEST_SMTP_PASSWORD", raising=False)
        with pytest.raises(DeliveryError, match="GELT_TEST_SMTP_PASSWORD"):
            send_email(cfg, "Prueba", "<p>x</p>", "x", [], None)
        assert sink.received == []

        monkeypatch.setenv("GELT_TEST_SMTP_PASSWORD", "clave-equivocada")
        with pytest.raises(DeliveryError, match="rechazó el usuario o la contraseña") as info:
            send_email(cfg, "Prueba", "<p>x</p>", "x", [], None)
        assert "clave-equivocada" not in str(info.value)

        monkeypatch.setenv("GELT_TEST_SMTP_PASSWORD", "clave-secreta")
        send_email(cfg, "Prueba", "<p>x</p>", "x", [], None)
        assert sink.logins[-1] == ("gelt", "clave-secreta")
        assert len(sink.received) == 1


def test_unreachable_server_and_missing_starttls_are_spanish_errors(smtp):
    controller, sink = smtp
    closed = free_port()
    with pytest.raises(DeliveryError, match=rf"No se pudo conectar con el servidor de correo 127.0.0.1:{closed}"):
        send_email(email_cfg(closed), "Prueba", "<p>x</p>", "x", [], None)
    # starttls = true against a server that does not offer it: an error, never a silent plain-text send
    with pytest.raises(DeliveryError, match="no ofrece STARTTLS"):
        send_email(email_cfg(controller.port, starttls=True), "Prueba", "<p>x</p>", "x", [], None)
    assert sink.received == []


def test_alert_escapes_crawled_text_and_cannot_inject_headers(smtp, tmp_path):
    controller, sink = smtp
    config = config_with(tmp_path, controller.port)
    hostile = 'Página "Trámites" <script>alert("x")</script> <img src=x onerror=alert(1)>'
    errors = notify(config, "Retroceso en Trámites\nBcc: victima@example.com", hostile)
    assert errors == []
    [(_, rcpt, _)] = sink.received
    assert rcpt == ["responsable@cajamarca-tolima.gov.co"]
    msg = sink.messages[0]
    assert msg["Bcc"] is None
    assert msg["Subject"] == "Retroceso en Trámites Bcc: victima@example.com"
    html = msg.get_body(("html",)).get_content()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert msg.get_body(("plain",)).get_content().strip() == hostile


def test_report_mail_uses_the_html_report_as_body_and_attaches_every_file(smtp, tmp_path):
    from datetime import date

    controller, sink = smtp
    config = config_with(tmp_path, controller.port)
    html_file = tmp_path / "informe-2026-11-24.html"
    html_file.write_text("<!doctype html><html><body><h1>Informe semanal</h1></body></html>", encoding="utf-8")
    json_file = tmp_path / "informe-2026-11-24.json"
    json_file.write_text("{}", encoding="utf-8")
    send_report(config, "Informe semanal", date(2026, 11, 24), [html_file, json_file], "Resumen en texto")
    msg = sink.messages[0]
    assert msg["Subject"] == f"Informe semanal — Alcaldía de Cajamarca - Tolima — {fecha_larga(date(2026, 11, 24))}"
    assert fecha_larga(date(2026, 11, 24)) == "24 de noviembre de 2026"
    assert "<h1>Informe semanal</h1>" in msg.get_body(("html",)).get_content()
    assert [p.get_filename() for p in msg.iter_attachments()] == [html_file.name, json_file.name]


@pytest.mark.skipif(importlib.util.find_spec("apprise") is not None, reason="apprise está instalado")
def test_apprise_channels_without_apprise_installed_give_a_clear_error(tmp_path):
    config = config_with(tmp_path, None, apprise=["json://127.0.0.1:9/alertas"])
    errors = notify(config, "Falló el rastreo", "detalle")
    assert len(errors) == 1
    assert "pip install apprise" in errors[0] and "alerts.apprise" in errors[0]


def _digest_findings() -> dict[str, Any]:
    site = "https://www.cajamarca-tolima.gov.co"
    hostile = "<script>alert(1)</script> Régimen"
    return {
        "site": {"name": "Alcaldía de Cajamarca - Tolima", "url": site + "/"},
        "crawl": {"id": 9, "started_at": "2026-12-04T12:00:00+00:00"},
        "pages": [{"url": f"{site}/hacienda/", "title": "Hacienda", "status": 200, "kind": "page"}],
        "dependencias": [
            {
                "name": "Secretaría de Hacienda",
                "responsable": "Ana Pérez Núñez",
                "email": "hacienda@cajamarca-tolima.gov.co",
                "pages": 1,
                "updates_this_month": 0,
                "target": 4,
                "pace": 1,
                "meets_target": False,
                "last_update": "2026-11-23",
                "last_published": "2026-11-23",
                "last_detected": "2026-12-04",
                "last_month": {"month": "2026-11", "days": 3, "target": 4, "met": False},
            }
        ],
        "links": [
            {
                "url": f"{site}/hacienda/estatuto.pdf",
                "state": "broken",
                "status": 404,
                "error": "HTTP 404: la página no existe",
                "broken_since": "2026-11-17T12:00:00+00:00",
                "found_on": [f"{site}/hacienda/"],
                "occurrences": [
                    {"page": f"{site}/hacienda/", "text": hostile, "dependencia": "Secretaría de Hacienda"}
                ],
            }
        ],
        "changes": [],
    }


def test_per_responsable_mail_renders_in_outlook_and_gmail_conventions(smtp, tmp_path):
    controller, sink = smtp
    findings = _digest_findings()
    dep = findings["dependencias"][0]
    config = config_with(tmp_path, controller.port)
    subject = "Para hacer esta semana — Secretaría de Hacienda — 4 de diciembre de 2026"
    html, text = digest_html(config, findings, dep, subject), digest(findings, dep)
    send_email(email_cfg(controller.port), subject, html, text, [], [dep["email"]])

    [msg] = sink.messages
    assert msg["To"] == "hacienda@cajamarca-tolima.gov.co" and msg["Subject"] == subject
    body = msg.get_body(("html",)).get_content()
    assert msg.get_body(("html",)).get_content_charset() == "utf-8"
    # Outlook/Gmail conventions: no stylesheet, no class, no grid or flex, no script; layout in tables.
    assert "<style" not in body and "class=" not in body and "<script>" not in body
    assert "grid" not in body and "flex" not in body
    doc = lxml.html.fromstring(body)
    assert doc.xpath("//table[@role='presentation']") and not doc.xpath("//div[not(@style)]")
    assert all(td.get("style") for td in doc.xpath("//td"))
    words = " ".join(doc.text_content().split())
    # es-CO dates and plurals; the quota paced: day 4 of December, one day due by the 10th.
    assert "Para hacer esta semana · 4 de diciembre de 2026" in words
    assert "Publicar en 2 días distintos antes del 10 de diciembre" in words
    assert "Lleva 0 de 4 días con publicación; a esta altura del mes debería llevar 1." in words
    assert "Noviembre de 2026: 3 de 4 días con publicación (no cumplió)." in words
    assert "Última publicación: publicada el 23 nov · detectada el 4 dic" in words
    assert "Arreglar 1 enlace roto" in words and "roto desde el 17 de noviembre de 2026" in words
    assert "«<script>alert(1)</script> Régimen»" in words  # crawled text shown as text, escaped in the HTML
    plain = msg.get_body(("plain",)).get_content()
    assert "Publicar en 2 días distintos antes del 10 de diciembre" in plain and "en Hacienda (" in plain
