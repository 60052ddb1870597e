"""Security audit: headers, certificates (self-signed TLS on 127.0.0.1), exposed files, forms over http."""

from __future__ import annotations

import datetime as dt
import ipaddress
from urllib.parse import urlsplit

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from gelt_audit import clock
from gelt_audit.audits.security import EXPOSED, exposed, header_findings
from gelt_audit.demo.server import Resource
from tests.helpers import crawl, page, report_json

SAFE_HEADERS = {
    "Content-Type": "text/html; charset=utf-8",
    "Strict-Transport-Security": "max-age=31536000",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def checks(findings: list[dict]) -> set[str]:
    return {f["check"] for f in findings}


def test_header_rules_each_fire_alone():
    lower = {k.lower(): v for k, v in SAFE_HEADERS.items()}
    assert header_findings("https://x.gov.co/", lower, https=True) == []
    for name, check in [
        ("strict-transport-security", "hsts"),
        ("x-content-type-options", "x-content-type-options"),
        ("referrer-policy", "referrer-policy"),
    ]:
        without = {k: v for k, v in lower.items() if k != name}
        assert checks(header_findings("https://x.gov.co/", without, https=True)) == {check}
    no_csp = {k: v for k, v in lower.items() if k != "content-security-policy"}
    assert checks(header_findings("https://x.gov.co/", no_csp, https=True)) == {"csp", "frame-ancestors"}
    assert checks(header_findings("https://x.gov.co/", {**no_csp, "x-frame-options": "DENY"}, https=True)) == {"csp"}
    banner = {**lower, "server": "Apache/2.4.29 (Ubuntu)", "x-powered-by": "PHP/5.6.40"}
    [found] = header_findings("https://x.gov.co/", banner, https=True)
    assert found["check"] == "version-servidor" and "PHP/5.6.40" in found["detail"]


def self_signed(tmp_path, days: int, name: str = "localhost") -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = clock.now()  # the audit judges the certificate against the program's clock
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName(name), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_file), str(key_file)


@pytest.mark.clock
def test_https_site_with_self_signed_certificate_expiring_soon(serve, config_for, tmp_path):
    routes = {
        "/": Resource.html(page("Inicio").body.decode(), headers=SAFE_HEADERS),
        "/.git/config": Resource(b"[core]", headers={"Content-Type": "text/plain"}),
        "/respaldo.sql": Resource(b"-- dump", headers={"Content-Type": "text/plain"}),
    }
    routes["/"].body = routes["/"].body.replace(
        b"</main>", b"<a href='/.git/config'>x</a><a href='/respaldo.sql'>y</a></main>"
    )
    site = serve(routes, tls=self_signed(tmp_path, days=10))
    config = config_for(site.url)
    crawl(config)
    security = report_json(config)["security"]
    by_check: dict[str, list[str]] = {}
    for f in security:
        by_check.setdefault(f["check"], []).append(f["detail"])
    certificate = " | ".join(by_check["certificado"])
    assert "autofirmado" in certificate and "vence en" in certificate
    assert "127.0.0.1" in certificate  # issued for localhost, served as 127.0.0.1
    assert {"hsts", "csp", "x-content-type-options", "referrer-policy"}.isdisjoint(by_check)
    exposed = sorted(f["url"] for f in security if f["check"] == "archivo-expuesto")
    assert exposed == [site.url + ".git/config", site.url + "respaldo.sql"]
    assert "redireccion-https" in by_check  # nothing answers http:// on that port
    assert all(f["severity"] in ("alta", "media", "baja") for f in security)


def test_http_site_without_headers_and_a_personal_data_form(serve, config_for):
    form = "<form method='post' action='/pqrsd/enviar'><input name='correo' type='email'><input name='cedula'></form>"
    site = serve({"/": page("Inicio", body=form)})
    config = config_for(site.url)
    crawl(config)
    security = report_json(config)["security"]
    assert {
        "https",
        "csp",
        "frame-ancestors",
        "x-content-type-options",
        "referrer-policy",
        "formulario-inseguro",
    } <= checks(security)
    [insecure_form] = [f for f in security if f["check"] == "formulario-inseguro"]
    assert insecure_form["url"] == site.url + "pqrsd/enviar" and "cedula" in insecure_form["detail"]
    assert security[0]["severity"] == "alta"  # most severe first


@pytest.mark.parametrize("headers", [SAFE_HEADERS])
def test_clean_site_has_no_header_findings(serve, config_for, headers):
    site = serve({"/": Resource.html(page("Inicio").body.decode(), headers=headers)})
    config = config_for(site.url)
    crawl(config)
    assert checks(report_json(config)["security"]) == {"https"}  # plain http on the test server, nothing else


def test_mixed_content_and_http_links_to_https_sites():
    from gelt_audit.audits.links import insecure_occurrences

    on_https = [{"page": "https://x.gov.co/", "tag": "img"}, {"page": "http://x.gov.co/viejo", "tag": "img"}]
    [mixed] = insecure_occurrences("http://cdn.example.org/logo.png", on_https, None)
    assert (mixed["kind"], mixed["page"]) == ("contenido mixto", "https://x.gov.co/")
    link = [{"page": "https://x.gov.co/", "tag": "a"}]
    [upgrade] = insecure_occurrences("http://www.gov.co/", link, "https://www.gov.co/")
    assert upgrade["kind"] == "enlace inseguro"
    assert insecure_occurrences("http://otro.org/", link, "http://otro.org/") == []
    assert insecure_occurrences("https://www.gov.co/", on_https, None) == []


EXPOSED_CASES = [
    "https://x.gov.co/.git/config", "https://x.gov.co/.GIT", "https://x.gov.co/a/.svn/entries", "https://x.gov.co/.env",
    "https://x.gov.co/db.SQL", "https://x.gov.co/db.sql.gz", "https://x.gov.co/s.tar.gz", "https://x.gov.co/s.tgz",
    "https://x.gov.co/index.php~", "https://x.gov.co/phpinfo.php", "https://x.gov.co/PhpInfo",
    "https://x.gov.co/backup-2024.zip", "https://x.gov.co/Backup_final.7z", "https://x.gov.co/wp-config.php.bak",
    "https://x.gov.co/a.bak", "https://x.gov.co/a.old", "https://x.gov.co/a.orig", "https://x.gov.co/.a.swp",
    "https://x.gov.co/p?f=db.sql", "https://x.gov.co/p#a.bak", "https://x.gov.co/~user/", "https://x.gov.co/.envio",
    "https://x.gov.co/backup/index.html", "https://x.gov.co/noticias/2026", "https://x.gov.co/a.sql/",
    "https://x.gov.co/%2Egit", "https://x.gov.co/.git%2Fconfig", "http://[::1]/.env", "https://x.gov.co/a.BAK?x=1",
]  # fmt: skip


@pytest.mark.parametrize("url", EXPOSED_CASES)
def test_the_exposed_file_check_is_the_regex_on_the_path(url):
    """The prefilter on the whole URL never hides a path the regex matches (nor adds one)."""
    assert exposed(url) == bool(EXPOSED.search(urlsplit(url).path))


def test_exposed_cases_have_both_answers():
    assert sum(map(exposed, EXPOSED_CASES)) >= 15 and not all(map(exposed, EXPOSED_CASES))
