"""Send reports and alerts: e-mail through smtplib, chat channels through apprise (optional).

Everything that reaches a person is Spanish. Text that came from crawled pages may be hostile:
alerts are plain text turned into HTML only through ``markupsafe.escape``; report HTML arrives
here already escaped by the Jinja2 templates (autoescape) and is sent as is.
The SMTP password is read from the environment variable that ``[email] password_env`` names,
never from the config file, and never appears in a message or the log.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import smtplib
import socket
import ssl
from collections.abc import Sequence
from datetime import date
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from markupsafe import escape

from gelt_audit import clock
from gelt_audit.config import Config, EmailConfig
from gelt_audit.errors import DeliveryError

log = logging.getLogger("gelt_audit.delivery")

SMTP_TIMEOUT = 30  # seconds; a hung mail server must not hang cron for ever

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip


def fecha_larga(d: date) -> str:
    """``24 de noviembre de 2026`` — the date format people read in reports and mail."""
    return f"{d.day} de {MESES[d.month - 1]} de {d.year}"


def _header(value: str) -> str:
    # A page title can carry newlines; in a header they would be an injection (or an error).
    return " ".join(value.split())


def build_message(
    sender: str, to: Sequence[str], subject: str, html: str, text: str, attachments: Sequence[Path] = ()
) -> EmailMessage:
    """A multipart message: text and HTML alternatives, then the attachments (UTF-8 throughout)."""
    msg = EmailMessage()
    msg["Subject"] = _header(subject)
    msg["From"] = _header(sender)
    msg["To"] = ", ".join(_header(a) for a in to)
    msg["Date"] = format_datetime(clock.now().astimezone(clock.BOGOTA))
    domain = sender.rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid(domain=domain)
    msg.set_content(text, charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    for path in attachments:
        ctype, encoding = mimetypes.guess_type(path.name)
        if ctype is None or encoding is not None:
            ctype = "application/octet-stream"
        maintype, subtype = ctype.split("/", 1)
        # Attach as bytes (base64) even for text types: a report must arrive byte-for-byte.
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def send_email(
    email_cfg: EmailConfig,
    subject: str,
    html: str,
    text: str,
    attachments: Sequence[Path] = (),
    to: Sequence[str] | None = None,
) -> None:
    """Send one message with the ``[email]`` settings; raise :class:`DeliveryError` on any failure.

    ``ssl = true`` opens an implicit-TLS connection (port 465); otherwise ``starttls = true``
    requires the server to offer STARTTLS (a server that does not is an error, not a silent
    downgrade); ``starttls = false`` is plain SMTP, for a relay on localhost.
    """
    host = email_cfg.host
    port = int(email_cfg.port or 587)
    if not host:
        raise DeliveryError("No hay servidor de correo configurado: falta 'email.host'.")
    recipients = [a for a in (to if to is not None else email_cfg.to) if a]
    if not recipients:
        raise DeliveryError("No hay destinatarios: 'email.to' está vacío.")
    username = email_cfg.username
    sender = email_cfg.sender or (username if "@" in username else "") or f"gelt-audit@{socket.getfqdn()}"
    password = None
    if username:
        env = email_cfg.password_env or "GELT_SMTP_PASSWORD"
        password = os.environ.get(env)
        if password is None:
            raise DeliveryError(
                f"'email.username' está configurado pero la variable de entorno {env} no está definida; "
                "ponga allí la contraseña SMTP."
            )
    try:
        msg = build_message(sender, recipients, subject, html, text, attachments)
    except OSError as exc:
        raise DeliveryError(f"No se pudo leer un adjunto: {exc}") from exc

    where = f"{host}:{port}"
    context = ssl.create_default_context()
    try:
        smtp: smtplib.SMTP
        if email_cfg.ssl:
            smtp = smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT)
        with smtp:
            if not email_cfg.ssl and email_cfg.starttls:
                smtp.ehlo()
                if not smtp.has_extn("starttls"):
                    raise DeliveryError(
                        f"El servidor de correo {where} no ofrece STARTTLS. Use 'email.ssl = true' (puerto 465) "
                        "o, sólo para un relé local de confianza, 'email.starttls = false'."
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if username and password is not None:
                smtp.login(username, password)
            refused = smtp.send_message(msg, from_addr=sender, to_addrs=recipients)
    except DeliveryError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise DeliveryError(
            f"El servidor de correo {where} rechazó el usuario o la contraseña ({exc.smtp_code})."
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(
            f"El servidor de correo {where} rechazó todos los destinatarios: {', '.join(exc.recipients)}."
        ) from None
    except smtplib.SMTPSenderRefused as exc:
        raise DeliveryError(f"El servidor de correo {where} rechazó el remitente {exc.sender}.") from None
    except smtplib.SMTPException as exc:
        raise DeliveryError(f"Error del servidor de correo {where}: {exc}") from None
    except ssl.SSLError as exc:
        raise DeliveryError(f"Falló la conexión cifrada con el servidor de correo {where}: {exc}") from None
    except TimeoutError:
        raise DeliveryError(f"El servidor de correo {where} no respondió en {SMTP_TIMEOUT} s.") from None
    except OSError as exc:  # refused, DNS, unreachable network
        raise DeliveryError(f"No se pudo conectar con el servidor de correo {where}: {exc.strerror or exc}.") from None
    if refused:
        raise DeliveryError(f"El servidor de correo {where} rechazó estos destinatarios: {', '.join(refused)}.")
    log.info("Correo enviado a %s: %s", ", ".join(recipients), _header(subject))


def alert_html(site_name: str, subject: str, message: str) -> str:
    """The HTML alternative of an alert: every bit of text escaped (it may come from crawled pages)."""
    return (
        "<!doctype html><html lang='es'><head><meta charset='utf-8'>"
        f"<title>{escape(subject)}</title></head><body style='font-family:sans-serif'>"
        f"<h2 style='margin:0 0 .5em'>{escape(subject)}</h2>"
        f"<p style='color:#555'>{escape(site_name)}</p>"
        f"<pre style='white-space:pre-wrap;font-family:inherit'>{escape(message)}</pre>"
        "<p style='color:#777;font-size:small'>Alerta automática de gelt-audit.</p>"
        "</body></html>"
    )


def _redact(url: str) -> str:
    # Apprise URLs embed tokens and passwords: log only the service.
    scheme, sep, _ = url.partition("://")
    return f"{scheme}://…" if sep else "(URL sin esquema)"


def notify(config: Config, subject: str, message: str) -> list[str]:
    """Send an alert by e-mail (if ``[email] host`` and ``[alerts] email``) and to ``[alerts] apprise``.

    Never raises: an alert that cannot be sent must not hide the failure it reports. Returns
    the delivery problems (Spanish), which are also logged, so the caller can show them.
    """
    log.warning("ALERTA: %s — %s", _header(subject), message)
    errors: list[str] = []
    channels = 0
    email_cfg = config.email
    if config.alerts.email and email_cfg.host and email_cfg.to:
        channels += 1
        try:
            send_email(email_cfg, subject, alert_html(config.site_name, subject, message), message, [], email_cfg.to)
        except DeliveryError as exc:
            errors.append(f"La alerta no se pudo enviar por correo: {exc}")
    urls = list(config.alerts.apprise)
    if urls:
        channels += 1
        errors.extend(_notify_apprise(urls, subject, message))
    if not channels:
        log.warning("La alerta no tiene canal configurado ([email] host y to, o [alerts] apprise).")
    for error in errors:
        log.error(error)
    return errors


def _notify_apprise(urls: list[str], subject: str, message: str) -> list[str]:
    try:
        import apprise  # optional: only needed when chat channels are configured
    except ImportError:
        return [
            "Las alertas por chat ('alerts.apprise') necesitan el paquete apprise, que no está instalado. "
            "Instálelo en el mismo entorno con: pip install apprise"
        ]
    errors = []
    sender = apprise.Apprise()
    for url in urls:
        if not sender.add(url):
            errors.append(f"URL de apprise no válida en 'alerts.apprise': {_redact(url)}")
    if len(sender) and not sender.notify(title=_header(subject), body=message, body_format=apprise.NotifyFormat.TEXT):
        errors.append("apprise no pudo entregar la alerta a alguno de los canales de 'alerts.apprise'.")
    return errors


def send_report(config: Config, title: str, day: date, paths: Sequence[Path], summary: str) -> None:
    """Mail one report to ``[email] to``: its HTML file as the body when there is one, all files attached.

    The HTML file comes from the autoescaping templates; when there is only JSON (reports not
    rendered yet), the body is the escaped plain summary.
    """
    subject = f"{title} — {config.site_name} — {fecha_larga(day)}"
    html_files = [p for p in paths if p.suffix.lower() in (".html", ".htm")]
    if html_files:
        html = html_files[0].read_text(encoding="utf-8")
    else:
        html = alert_html(config.site_name, subject, summary).replace(
            "Alerta automática de gelt-audit.", "Informe automático de gelt-audit."
        )
    send_email(config.email, subject, html, summary, list(paths), config.email.to)
