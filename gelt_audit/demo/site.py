"""A bundled, fictional municipal website for demos and end-to-end tests.

"Alcaldía de San Rafael de las Nubes - Tolima" does not exist. The site is generated offline and
deterministically from the data files under ``gelt_audit/demo/data/`` (page texts, news, documents,
dependencias, trámites, planted faults), in two versions: version 1 (crawled on Tuesday 17 November
2026) and version 2, "a week later" (Tuesday 24 November 2026). Between them some dependencias update
their sections, one page disappears, a news item appears, the shared footer gains a phone number,
and every page changes in "noise" only (visit counter, today's date, CSRF token, session id,
rotating banner) that a change audit must not count.

Everything the tests and the demo need to know about what was planted is exported as constants
(EXPECTED_CHANGES, NOISE_ONLY_PATHS, BROKEN_LINKS, REDIRECTS, LEGACY_PAGES, CHECKLIST_*, ...), so the
acceptance tests compare the tool's findings with ground truth instead of with a snapshot of itself.

External links (GOV.CO, SUIT, SECOP, datos.gov.co, the Gobernación...) point at ``external_base``;
:func:`allied_site` serves those paths from a second local server, so the demo never touches the
network. ``external_base`` must be the allied server's root URL (it ends with ``/``). Both servers
listen on 127.0.0.1, and Scrapy's OffsiteMiddleware compares host names only (not ports): give the
allied site another host name (``external_base=f"http://localhost:{allied.port}/"``) or scope the
crawl by host and port, or the crawler will treat the allied site as part of the municipality's.

Sitemap <loc>s and the robots.txt Sitemap line are root-relative until :func:`with_site_base` is
applied with the demo server's URL.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from html import escape

from gelt_audit.demo.build import NEWS_PER_PAGE, Builder, build
from gelt_audit.demo.content import (
    CRAWL_DAY,
    DEP_BY_SLUG,
    DEPS,
    DOMAIN,
    EXTERNAL,
    SESSION_IDS,
    SITE_NAME,
    TRAMITES,
    load,
    when,
)
from gelt_audit.demo.layout import render, render_legacy
from gelt_audit.demo.server import Resource

__all__ = [
    "ADMIN_PAGES",
    "BROKEN_LINKS",
    "CHECKLIST_ABSENT",
    "CHECKLIST_NO_APLICA",
    "CHECKLIST_PARTIAL",
    "CHECKLIST_REGRESSED",
    "CRAWL_DAY",
    "DEFAULT_EXTERNAL_BASE",
    "DEMO_DEPENDENCIAS",
    "DEMO_TRAMITES",
    "DOMAIN",
    "ENCODING_CHANGED_PATHS",
    "EXPECTED_CHANGES",
    "EXTERNAL_ALIASES",
    "LEGACY_PAGES",
    "MARKUP_ONLY_PATHS",
    "NEWS_PER_PAGE",
    "NOISE_ONLY_PATHS",
    "NOISE_SELECTORS",
    "NON_HTML_CHANGES",
    "ORPHAN_PAGES",
    "PLANTED_A11Y",
    "REDIRECTS",
    "SESSION_QUERY_PARAMS",
    "SITE_NAME",
    "TEMPLATE_CHANGE",
    "XSS_PAGE",
    "XSS_STRINGS",
    "allied_site",
    "demo_site",
    "dependencia_for",
    "with_site_base",
]

DEFAULT_EXTERNAL_BASE = "http://127.0.0.1:9/"  # port 9 (discard): nothing answers, nothing leaks

_SITE = load("site.toml")
_PLANTED = load("planted.toml")

SESSION_QUERY_PARAMS: list[str] = ["sid"]
"""Query parameters that only carry a session; a crawler must drop them when canonicalising URLs,
otherwise ``/participa/encuesta/?sid=...`` shows up as a new page in every crawl."""

NOISE_SELECTORS: list[str] = list(_SITE["noise"]["selectors"])
"""CSS selectors of the per-request noise, for the demo config's "ignore when comparing" key.
All of it sits outside <main> except the CSRF hidden inputs of the forms (which carry no text)."""

TEMPLATE_CHANGE: str = _SITE["template_change"]["text"]

EXTERNAL_ALIASES: dict[str, str] = {e.path: e.real for e in EXTERNAL.values()}
"""Allied path prefix (relative to external_base) -> the real URL it stands for. The checklist rules
match real hosts (www.gov.co, datos.gov.co, suit.gov.co, secop...); the demo config can map them."""

DEMO_DEPENDENCIAS: list[dict] = [
    {"name": d.name, "responsable": d.responsable, "email": d.email, "match": [d.base, *d.extra_match]} for d in DEPS
]
"""The [[dependencias]] of the demo's gelt.toml. Prefixes never overlap, so attribution is unambiguous;
everything else (home, /la-alcaldia/, most of /transparencia/, /noticias/, ...) is "sin asignar"."""


def dependencia_for(path: str) -> str | None:
    """Name of the demo dependencia whose match prefixes claim ``path`` (query string ignored)."""
    bare = path.split("?", 1)[0]
    for dep in DEMO_DEPENDENCIAS:
        if any(bare.startswith(prefix) for prefix in dep["match"]):
            return dep["name"]
    return None


DEMO_TRAMITES: list[dict] = [
    {
        "name": t.name,
        "dependencia": DEP_BY_SLUG[t.dependencia].name,
        "path": t.path,
        "govco": t.ficha,
        "en_linea": t.en_linea,
    }
    for t in TRAMITES
]
"""The demo's inventory of trámites; ``govco`` is relative to external_base. All are published."""

# --------------------------------------------------------------------------------------------
# Planted problems and checklist ground truth (data/planted.toml)
# --------------------------------------------------------------------------------------------

BROKEN_LINKS: list[dict] = _PLANTED["broken_link"]
"""Planted broken links. ``target`` is a site path, or (``external``: True) a path relative to
external_base. ``versions`` says in which versions the link is broken."""

REDIRECTS: list[dict] = [{**r, "on": r.get("on")} for r in _PLANTED["redirect"]]
"""Planted internal redirects (same in both versions); ``on`` is a page linking to ``path``."""

LEGACY_PAGES: list[dict] = [
    {"path": p["path"], "encoding": p["encoding"], "declared": p["declared"], "sample": p["sample"]}
    for p in load("legacy.toml")["page"]
    if "sample" in p
]
"""Old table-layout pages (no <main>), identical in both versions apart from noise."""

ENCODING_CHANGED_PATHS: list[str] = _PLANTED["encoding_changed_paths"]
"""Served as ISO-8859-1 (declared in a <meta http-equiv>) in v1 and as UTF-8 in v2: same text."""

MARKUP_ONLY_PATHS: list[str] = _PLANTED["markup_only_paths"]
"""Pages whose main-content markup changes in v2 while their text does not (noise only). Their
HTTP Last-Modified moves to 2026-11-21, as a CMS re-save would do; the visible date does not."""

ORPHAN_PAGES: list[str] = _PLANTED["orphan_pages"]
"""Pages no HTML link points to; only /sitemap.xml lists them."""

ADMIN_PAGES: list[str] = _PLANTED["admin_pages"]
"""Linked from the footer but disallowed by robots.txt."""

XSS_PAGE: str = _PLANTED["xss_page"]
XSS_STRINGS: list[str] = _PLANTED["xss_strings"]
"""The hostile page's title and the link text pointing to it (on /participa/comentarios/) carry
these strings as *text* (escaped in the source)."""

PLANTED_A11Y: list[dict] = [
    *_PLANTED["a11y"],
    # The old table-layout pages never declared their language.
    *(
        {"path": p, "criterion": "3.1.1", "detail": "<html> sin atributo lang (página antigua)"}
        for p in [*(lp["path"] for lp in LEGACY_PAGES), *ENCODING_CHANGED_PATHS]
    ),
]
"""Planted accessibility problems, the same in both versions (criterion = WCAG 2.1 number). Nothing
else on the site fails these checks: img without alt, form control without label, skipped heading
level, 'clic aquí' links with different targets, <html> without lang."""

CHECKLIST_ABSENT: list[str] = _PLANTED["checklist_absent"]
CHECKLIST_REGRESSED: list[str] = _PLANTED["checklist_regressed"]
CHECKLIST_PARTIAL: list[str] = _PLANTED["checklist_partial"]
CHECKLIST_NO_APLICA: list[str] = _PLANTED["checklist_no_aplica"]

# --------------------------------------------------------------------------------------------
# Non-HTML resources
# --------------------------------------------------------------------------------------------


def _pdf(title: str) -> bytes:
    """A small but well-formed one-page PDF (correct xref), so PDF-aware tools can open it."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = text.replace("\\", "").replace("(", "[").replace(")", "]")
    stream = (
        f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET\n"
        "BT /F1 10 Tf 72 700 Td (Alcaldia de San Rafael de las Nubes - Tolima) Tj ET"
    ).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


# A 1x1 transparent GIF stands for every image: the audits care about <img> markup, not pixels.
_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
_IMAGES = [
    "logo-govco",
    "marca-pais",
    "escudo",
    "favicon",
    "organigrama",
    "feria-agropecuaria",
    "logo-pse",
    "escudo-antiguo",
]
_CSS = (
    b"body{font-family:Verdana,Arial,sans-serif;margin:0}.barra-govco{background:#3366cc;padding:4px}"
    b".menu-principal ul{list-style:none}.pie{background:#0b5d3b;color:#fff;padding:1em}"
    b".tabla td,.tabla th{border:1px solid #ccc;padding:4px}\n"
)
_STATIC_DATE = date(2024, 1, 10)

_REDIRECT_BODY = '<html><body><p>Esta página se ha movido a <a href="{to}">{to}</a>.</p></body></html>'


def _sitemap_paths(b: Builder) -> list[tuple[str, date]]:
    """Canonical HTML pages for /sitemap.xml: no query strings (pagination, calendar months, search),
    no robots-blocked admin pages; the entry point /calendario/ stands for the calendar."""
    out = [
        (p.path, p.last_modified or p.updated)
        for p in b.pages.values()
        if "?" not in p.path and not p.path.startswith("/admin/")
    ]
    out += [(lp.path, lp.updated) for lp in b.legacy.values()]
    return sorted(out)


def demo_site(version: int, external_base: str = DEFAULT_EXTERNAL_BASE) -> dict[str, Resource]:
    """Map request path (with query string, e.g. '/noticias/?page=2') -> Resource for the given version (1 or 2).

    External links point at ``external_base`` + path (serve :func:`allied_site` there). The sitemap's
    <loc> entries and robots.txt's Sitemap line are root-relative because the site's own URL is only
    known once a server is listening: pass the result through :func:`with_site_base` to make them
    absolute.
    """
    b = build(version, external_base)
    routes: dict[str, Resource] = {}
    for page in b.pages.values():
        routes[page.path] = Resource.html(
            render(b.v, b.base, b.pages, page), last_modified=when(page.last_modified or page.updated)
        )
    for sid in SESSION_IDS.values():  # a real server ignores the session id: both versions' ids answer
        routes[f"/participa/encuesta/?sid={sid}"] = routes["/participa/encuesta/"]
    for lp in b.legacy.values():
        ctype = "text/html"  # "none" and "meta": the HTTP header names no charset
        if lp.declared == "header" or lp.encoding == "utf-8":
            ctype = f"text/html; charset={lp.encoding}"
        routes[lp.path] = Resource(
            body=render_legacy(b.v, b.base, lp), headers={"Content-Type": ctype}, last_modified=when(lp.updated)
        )
    for path, (title, day) in b.docs.items():
        routes[path] = Resource(body=_pdf(title), headers={"Content-Type": "application/pdf"}, last_modified=when(day))
    for name in _IMAGES:
        routes[f"/static/img/{name}.gif"] = Resource(
            body=_GIF, headers={"Content-Type": "image/gif"}, last_modified=when(_STATIC_DATE)
        )
    routes["/static/css/estilo.css"] = Resource(
        body=_CSS, headers={"Content-Type": "text/css; charset=utf-8"}, last_modified=when(_STATIC_DATE)
    )
    for r in REDIRECTS:
        routes[r["path"]] = Resource(
            body=_REDIRECT_BODY.format(to=r["to"]).encode(),
            status=r["status"],
            headers={"Location": r["to"], "Content-Type": "text/html; charset=utf-8"},
            last_modified=None,
        )
    routes["/dependencias/gobierno/consulta-de-comparendos/"] = Resource(
        body=b"<html><body><h1>Error 500</h1><p>Internal Server Error: SIMIT connection timeout</p></body></html>",
        status=500,
        last_modified=None,
        etag=False,
    )
    routes["/robots.txt"] = Resource(
        body=b"User-agent: *\nDisallow: /admin/\n\nSitemap: /sitemap.xml\n",
        headers={"Content-Type": "text/plain; charset=utf-8"},
        last_modified=when(_STATIC_DATE),
    )
    urls = "".join(
        f"<url><loc>{escape(p)}</loc><lastmod>{d.isoformat()}</lastmod></url>\n" for p, d in _sitemap_paths(b)
    )
    routes["/sitemap.xml"] = Resource(
        body=(
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n"
        ).encode(),
        headers={"Content-Type": "application/xml; charset=utf-8"},
        last_modified=when(max(d for _p, d in _sitemap_paths(b))),
    )
    return routes


def with_site_base(routes: dict[str, Resource], site_base: str) -> dict[str, Resource]:
    """Copy of ``routes`` whose robots.txt Sitemap line and sitemap <loc>s are absolute under ``site_base``
    (e.g. ``server.url``), as the sitemap protocol requires."""
    base = site_base.rstrip("/")
    out = dict(routes)
    robots = routes["/robots.txt"]
    out["/robots.txt"] = Resource(
        body=robots.body.replace(b"Sitemap: /", f"Sitemap: {base}/".encode()),
        status=robots.status,
        headers=dict(robots.headers),
        last_modified=robots.last_modified,
    )
    sm = routes["/sitemap.xml"]
    out["/sitemap.xml"] = Resource(
        body=sm.body.replace(b"<loc>/", f"<loc>{base}/".encode()),
        status=sm.status,
        headers=dict(sm.headers),
        last_modified=sm.last_modified,
    )
    return out


def allied_site() -> dict[str, Resource]:
    """A small second site ('entidades aliadas', e.g. pages standing for gobernación / gov.co / SUIT / SECOP /
    datos.gov.co) served on another port; external links of the demo point at external_base + path.

    Every external path the demo links to answers 200, except the planted one (see BROKEN_LINKS).
    """
    pages: dict[str, tuple[str, str]] = {e.path: (e.label, e.real) for e in EXTERNAL.values()}
    for t in TRAMITES:
        pages[t.ficha] = (f"Ficha del trámite {t.suit}: {t.name}", f"https://www.gov.co/{t.ficha[6:]}")
    routes: dict[str, Resource] = {}
    for path, (label, real) in pages.items():
        routes["/" + path] = Resource.html(
            f'<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>{escape(label)} (simulado)</title></head>'
            f"<body><main><h1>{escape(label)}</h1><p>Página simulada que representa <code>{escape(real)}</code> "
            "en la demostración de gelt-audit.</p></main></body></html>\n",
            last_modified=when(_STATIC_DATE),
        )
    index = "".join(f'<li><a href="/{p}">{escape(lbl)}</a></li>' for p, (lbl, _r) in sorted(pages.items()))
    routes["/"] = Resource.html(
        f'<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>Entidades aliadas '
        f"(simulado)</title></head><body><main><ul>{index}</ul></main></body></html>\n",
        last_modified=when(_STATIC_DATE),
    )
    routes["/robots.txt"] = Resource(
        body=b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}, last_modified=when(_STATIC_DATE)
    )
    return routes


# --------------------------------------------------------------------------------------------
# Ground truth of the v1 -> v2 comparison
# --------------------------------------------------------------------------------------------

EXPECTED_CHANGES: list[dict] = [
    {"path": c["path"], "kind": c["kind"], "dependencia": dependencia_for(c["path"])} for c in _PLANTED["change"]
]
"""Every real content change from v1 to v2 among HTML pages (main-content text compared, noise ignored).
Hacienda, Planeación and Gobierno change; Despacho, Salud, Desarrollo Agropecuario and Control Interno
do not. The news listing shifts (pages 1-4 modified, page 5 added). Not included: the footer
(TEMPLATE_CHANGE) and NON_HTML_CHANGES."""

NON_HTML_CHANGES: list[dict] = [{"path": "/sitemap.xml", "kind": "modified", "dependencia": None}]
"""The only non-HTML resource that differs (new/removed URLs, lastmod). No PDF is added or changed."""


def _html_paths(version: int) -> set[str]:
    b = build(version, DEFAULT_EXTERNAL_BASE)
    return set(b.pages) | set(b.legacy)


def _noise_only_paths() -> list[str]:
    changed = {c["path"] for c in EXPECTED_CHANGES}
    common = _html_paths(1) & _html_paths(2)
    return sorted(p for p in common if p not in changed and not p.startswith("/admin/"))


NOISE_ONLY_PATHS: list[str] = _noise_only_paths()
"""Every HTML page (status 200) present in both versions whose main content is unchanged: its bytes
differ only by noise, markup (MARKUP_ONLY_PATHS) or encoding (ENCODING_CHANGED_PATHS). It includes the
61 calendar pages (a crawler that caps the calendar trap sees only some) and the legacy pages; it leaves
out the robots-blocked /admin/ pages, the ?sid= aliases and non-200 responses."""
