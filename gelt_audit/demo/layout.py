"""The demo site's two page layouts (current template and pre-2012 table layout) and its noise."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import NamedTuple

from gelt_audit.demo.content import (
    CRAWL_DAY,
    DEPS,
    DIAS,
    DOMAIN,
    EXTERNAL,
    SESSION_IDS,
    SITE_NAME,
    data_text,
    fecha,
    load,
)

_SITE = load("site.toml")
BANNERS: list[tuple[str, str]] = [(h, t) for h, t in _SITE["noise"]["banners"]]
TRANSPARENCIA_SECCIONES: list[tuple[str, str]] = [
    (s["slug"], s["label"]) for s in load("transparencia.toml")["seccion"]
]


def menu() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Main menu: (label, href, [(sub label, sub href)]); Dependencias and Transparencia list their sections."""
    out = []
    for m in _SITE["menu"]:
        subs = [(t, h) for t, h in m.get("items", [])]
        if m.get("submenu") == "dependencias":
            subs = [(d.name, d.base) for d in DEPS]
        elif m.get("submenu") == "transparencia":
            subs = [(label, f"/transparencia/{slug}/") for slug, label in TRANSPARENCIA_SECCIONES]
        out.append((m["label"], m["href"], subs))
    return out


MENU = menu()


def _menu_html() -> str:
    items = []
    for label, href, subs in MENU:
        sub = ""
        if subs:
            sub = '<ul class="submenu">' + "".join(f'<li><a href="{h}">{escape(t)}</a></li>' for t, h in subs) + "</ul>"
        items.append(f'<li><a href="{href}">{escape(label)}</a>{sub}</li>')
    return '<nav class="menu-principal" aria-label="Menú principal"><ul>' + "".join(items) + "</ul></nav>"


_MENU_HTML = _menu_html()  # identical on every page and in both versions: build it once
_PAGE = data_text("templates/page.html")
_FOOTER = data_text("templates/footer.html").removesuffix("\n")
_LEGACY = data_text("templates/legacy.html")


@dataclass
class Page:
    path: str
    title: str
    body: str  # inner HTML of <main>, after the <h1>
    updated: date  # "Última actualización" shown in the page
    published: date | None = None  # news: article:published_time
    last_modified: date | None = None  # HTTP Last-Modified when it differs from ``updated``
    description: str = ""


@dataclass
class Legacy:
    path: str
    title: str
    body: str  # content cell HTML
    encoding: str  # python codec name
    declared: str  # "none" | "header" | "meta"
    updated: date


class Noise(NamedTuple):
    today: str
    visits: int
    token: str
    banners: list[tuple[str, str]]


def noise(version: int, path: str) -> Noise:
    """Per-page, per-version noise, derived from hashes so it is deterministic yet always differs."""
    seed = hashlib.sha256(path.encode()).digest()
    visits = 8000 + int.from_bytes(seed[:2], "big") % 30000
    if version == 2:
        visits += 517 + seed[2] * 3  # a week of visits; never zero, so v1 != v2
    token = hashlib.sha256(f"csrf|{version}|{path}".encode()).hexdigest()[:32]
    shift = (seed[3] + version) % len(BANNERS)  # consecutive versions always rotate differently
    day = CRAWL_DAY[version]
    today = f"Hoy es {DIAS[day.weekday()]}, {fecha(day)}"
    return Noise(today, visits, token, BANNERS[shift:] + BANNERS[:shift])


def _ext(base: str, key: str) -> str:
    return base + EXTERNAL[key].path


def _footer(version: int, base: str, n: Noise) -> str:
    redes = " ".join(f'<a href="{_ext(base, k)}">{escape(EXTERNAL[k].label)}</a>' for k in ("facebook", "x", "youtube"))
    return _FOOTER.format(
        site_name=SITE_NAME,
        # TEMPLATE_CHANGE: the only change of the shared template between the versions
        whatsapp=" · Línea WhatsApp de atención: +57 318 555 0142" if version == 2 else "",
        domain=DOMAIN,
        sid=SESSION_IDS[version],
        redes=redes,
        token=n.token,
        visits=n.visits,
        govco=_ext(base, "govco"),
    )


def _crumbs(pages: dict[str, Page], page: Page) -> str:
    """Breadcrumb from the path's prefixes that are pages of this version."""
    parts = [p for p in page.path.split("?")[0].split("/") if p]
    crumbs = ['<a href="/">Inicio</a>']
    for i in range(1, len(parts)):
        prefix = "/" + "/".join(parts[:i]) + "/"
        if prefix in pages:
            crumbs.append(f'<a href="{prefix}">{escape(pages[prefix].title)}</a>')
    if page.path != "/":
        crumbs.append(f'<span aria-current="page">{escape(page.title)}</span>')
    return '<nav class="migas" aria-label="Usted está aquí">' + " › ".join(crumbs) + "</nav>"


def render(version: int, base: str, pages: dict[str, Page], page: Page) -> str:
    """The one page layout: GOV.CO bar, header, menu, banners, <main>, footer."""
    n = noise(version, page.path)
    meta = ""
    if page.published:
        meta = (
            '\n<meta property="og:type" content="article">\n<meta property="article:published_time" '
            f'content="{page.published.isoformat()}T08:00:00-05:00">'
        )
    return _PAGE.format(
        title=escape(page.title),
        site_name=SITE_NAME,
        description=escape(page.description or f"{page.title}. {SITE_NAME}."),
        meta=meta,
        govco=_ext(base, "govco"),
        today=n.today,
        menu=_MENU_HTML,
        banners="".join(f'<li><a href="{h}">{escape(t)}</a></li>' for h, t in n.banners),
        crumbs=_crumbs(pages, page),
        body=page.body.replace("%CSRF%", n.token),
        updated=fecha(page.updated),
        footer=_footer(version, base, n),
    )


def render_legacy(version: int, base: str, page: Legacy) -> bytes:
    """The pre-2012 table layout that some old pages still use: no <main>, <font>, own footer."""
    n = noise(version, page.path)
    meta = ""
    if page.declared == "meta":
        meta = (
            '<meta charset="utf-8">'
            if page.encoding == "utf-8"
            else f'<meta http-equiv="Content-Type" content="text/html; charset={page.encoding}">'
        )
    html = _LEGACY.format(
        meta=meta,
        title=escape(page.title),
        today=n.today,
        body=page.body,
        domain=DOMAIN,
        updated=page.updated.strftime("%d/%m/%Y"),
        visits=n.visits,
        **{k: _ext(base, k) for k in ("gobernacion", "govco", "suit", "contraloria_tolima")},
    )
    return html.encode(page.encoding)
