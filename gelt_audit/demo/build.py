"""Assemble the demo site's pages for one version from the data files, plus the generated pages
(news listings, dependencia index pages, transparencia sections, calendar, site map)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from typing import Any

from gelt_audit.demo.content import (
    DEP_BY_SLUG,
    DEPS,
    DIAS,
    DOC_DATE,
    TRAMITES,
    Dep,
    News,
    blocks_html,
    doc_link,
    expand,
    fecha,
    links,
    load,
    mes,
    news_of,
)
from gelt_audit.demo.layout import MENU, Legacy, Page

NEWS_PER_PAGE = 10

_TRAMITE_BY_PATH = {t.path: t for t in TRAMITES}


class Builder:
    """Collects the pages, documents and legacy pages of one version."""

    def __init__(self, version: int, external_base: str):
        if version not in (1, 2):
            raise ValueError(f"version must be 1 or 2, not {version!r}")
        if not external_base.endswith("/"):
            raise ValueError("external_base must end with '/'")
        self.v = version
        self.base = external_base
        self.pages: dict[str, Page] = {}
        self.legacy: dict[str, Legacy] = {}
        self.docs: dict[str, tuple[str, date]] = {}

    def doc(self, d: dict[str, Any]) -> str:
        """Register a PDF ({doc, title, kb, date?}) and return the link to it."""
        self.docs[d["doc"]] = (d["title"], d.get("date", DOC_DATE))
        return doc_link(d)

    def html(self, blocks: Iterable[Any]) -> str:
        """Body HTML of content blocks for this version, placeholders expanded."""
        return expand(blocks_html(blocks, self.v, self.doc, self._macro), self.base)

    def add(self, path: str, title: str, blocks: Iterable[Any], updated: date, **kw: Any) -> None:
        """Add a page built from content blocks; ``kw`` are the other Page fields."""
        if path in self.pages:
            raise ValueError(f"duplicate page {path}")
        self.pages[path] = Page(path, title, self.html(blocks), updated, **kw)

    def add_data(self, entry: dict[str, Any]) -> None:
        """Add a page described in a data file (see gelt_audit/demo/data/pages/)."""
        if self.v not in entry.get("versions", (1, 2)):
            return
        if self.v == 2:
            entry = {**entry, **entry.get("v2", {})}
        for d in entry.get("docs", []):  # documents linked from the text, not as list items
            self.doc(d)
        blocks = list(entry["blocks"])
        if entry.get("tramite"):
            blocks += _tramite_footer(self, entry["path"])
        updated = news_of(self.v)[0].day if entry["updated"] == "news" else entry["updated"]
        self.add(
            entry["path"],
            entry["title"],
            blocks,
            updated,
            published=entry.get("published"),
            last_modified=entry.get("last_modified"),
            description=entry.get("description", ""),
        )

    def add_file(self, name: str) -> None:
        """Add every page of a data file, in order."""
        for entry in load(name)["page"]:
            self.add_data(entry)

    def _macro(self, m: dict[str, Any]) -> str:
        """Generated HTML for the {latest_news}, {tramites_table}, {gabinete} and {menu_tree} blocks."""
        if "latest_news" in m:
            return news_list(news_of(self.v)[: m["latest_news"]])
        if "tramites_table" in m:
            rows = [
                [
                    f'<a href="{t.path}">{escape(t.name)}</a>',
                    escape(DEP_BY_SLUG[t.dependencia].name),
                    "En línea" if t.en_linea else "Presencial",
                    f'<a href="{self.base}{t.ficha}">Ficha {t.suit} en GOV.CO</a>',
                ]
                for t in TRAMITES
            ]
            return self.html([{"head": ["Trámite", "Dependencia", "Modalidad", "GOV.CO"], "rows": rows}])
        if "gabinete" in m:
            return self.html([[f"{escape(d.responsable)} — {escape(d.cargo)}" for d in DEPS[1:]]])
        if "menu_tree" in m:
            tree: list[Any] = []
            for label, _href, subs in MENU[1:5]:
                tree += [f"## {escape(label)}", links((h, t) for t, h in subs)]
            return self.html(tree)
        raise ValueError(f"unknown content block {m!r}")


def _tramite_footer(b: Builder, path: str) -> list[str]:
    """Last blocks of a trámite page: its SUIT number and the link to its GOV.CO card."""
    t = _TRAMITE_BY_PATH[path]
    return [
        "## Consulte el trámite en GOV.CO",
        f"Este trámite está inscrito en el Sistema Único de Información de Trámites (SUIT) con el "
        f"número {t.suit}{' y puede realizarse en línea' if t.en_linea else ''}. "
        f'<a href="{b.base}{t.ficha}">Ver la ficha de «{escape(t.name)}» en GOV.CO</a>.',
    ]


# --------------------------------------------------------------------------------------------
# News
# --------------------------------------------------------------------------------------------


def news_list(items: Iterable[News]) -> str:
    """The dated list of news items that listings, the home page and dependencia pages show."""
    rows = "".join(
        f'<li><time datetime="{n.day.isoformat()}">{fecha(n.day)}</time> — <a href="{n.path}">{escape(n.title)}</a></li>'
        for n in items
    )
    return f'<ul class="lista-noticias">{rows}</ul>'


def _add_news_item(b: Builder, n: News) -> None:
    dep = f" · {escape(DEP_BY_SLUG[n.dep].name)}" if n.dep else ""
    body = [
        f'<p class="fecha-publicacion">Publicado el <time datetime="{n.day.isoformat()}">{fecha(n.day)}</time>{dep}</p>',
        *n.paras,
        '<p><a href="/noticias/">Volver a noticias</a></p>',
    ]
    b.add(n.path, n.title, body, n.day, published=n.day)


def _news_page_path(i: int) -> str:
    return "/noticias/" if i == 1 else f"/noticias/?page={i}"


def _add_home_and_news(b: Builder) -> None:
    news = news_of(b.v)
    for n in news:
        if n.dep is None:
            _add_news_item(b, n)
    pages = [news[i : i + NEWS_PER_PAGE] for i in range(0, len(news), NEWS_PER_PAGE)]
    for i, chunk in enumerate(pages, 1):
        nav = []
        if i > 1:
            nav.append(f'<a href="{_news_page_path(i - 1)}" rel="prev">Anterior</a>')
        nav += [f'<a href="{_news_page_path(j)}">{j}</a>' for j in range(1, len(pages) + 1)]
        if i < len(pages):
            nav.append(f'<a href="/noticias/?page={i + 1}" rel="next">Siguiente</a>')
        title = "Noticias" if i == 1 else f"Noticias – página {i}"
        body = [news_list(chunk), '<nav class="paginacion" aria-label="Páginas">' + " ".join(nav) + "</nav>"]
        b.add(_news_page_path(i), title, body, max(n.day for n in chunk))
    b.add_file("pages/inicio.toml")


# --------------------------------------------------------------------------------------------
# Dependencias
# --------------------------------------------------------------------------------------------


def _add_dependencia(b: Builder, dep: Dep, news: list[News]) -> None:
    entries = [e for e in load(f"dependencias/{dep.slug}.toml")["page"] if b.v in e.get("versions", (1, 2))]
    for e in entries:
        b.add_data(e)
    dep_news = [n for n in news if n.dep == dep.slug]
    for n in dep_news:
        _add_news_item(b, n)
    listed = [(e["path"], b.pages[e["path"]].title) for e in entries if e.get("listed", True)]
    body = [
        dep.intro,
        dep.index_extra,
        "## Responsable",
        f"{escape(dep.responsable)}, {escape(dep.cargo)}. Correo: "
        f'<a href="mailto:{dep.email}">{dep.email}</a>. Teléfono: +57 (608) 263 4100, extensión {dep.ext}.',
        "## Información de la dependencia",
        links(listed),
        "## Noticias de la dependencia",
        news_list(dep_news),
    ]
    updated = max([dep.index_updated[b.v - 1], *(n.day for n in dep_news)])
    b.add(dep.base, dep.name, [x for x in body if x], updated)


def _add_dependencias(b: Builder) -> None:
    news = news_of(b.v)
    for dep in DEPS:
        _add_dependencia(b, dep, news)
    rows = [[f'<a href="{d.base}">{escape(d.name)}</a>', escape(d.responsable), d.email, d.ext] for d in DEPS]
    data = load("dependencias.toml")
    table = {"head": ["Dependencia", "Responsable", "Correo", "Extensión"], "rows": rows}
    b.add("/dependencias/", "Dependencias", [data["intro"], table], data["updated"])


# --------------------------------------------------------------------------------------------
# Transparencia
# --------------------------------------------------------------------------------------------


def _item_list(items: list[dict[str, Any]]) -> str:
    rows = []
    for it in items:
        targets = "; ".join(f'<a href="{h}">{escape(tx)}</a>' for h, tx in it["links"])
        rows.append(f'<li><span class="numeral">{it["num"]}</span> {escape(it["name"])}: {targets}</li>')
    return '<ul class="items-transparencia">' + "".join(rows) + "</ul>"


def _add_transparencia(b: Builder) -> None:
    data = load("transparencia.toml")
    t = "/transparencia/"
    index = [data["index_intro"]]
    for s in data["seccion"]:
        index.append(f'<h2><a href="{t}{s["slug"]}/">{escape(s["label"])}</a></h2>')
        if s.get("item"):  # the sub-items, each linked to its first target (the section page has them all)
            index.append(
                "<ul>"
                + "".join(
                    f'<li>{it["num"]} <a href="{it["links"][0][0]}">{escape(it["name"])}</a></li>' for it in s["item"]
                )
                + "</ul>"
            )
    b.add(t, "Transparencia y acceso a la información pública", index, data["updated"])
    for s in data["seccion"]:
        body = list(s.get("text", []))
        if s.get("item"):
            body.append(_item_list(s["item"]))
        b.add(f"{t}{s['slug']}/", s["label"], body or ["Sección en construcción."], data["updated"])
    b.add_file("pages/transparencia.toml")


# --------------------------------------------------------------------------------------------
# Calendar: one page per month, 2026-2030; "mes siguiente" links make it look endless to a crawler
# --------------------------------------------------------------------------------------------

_CALENDAR_UPDATED = date(2026, 10, 30)


def _calendar_months() -> list[str]:
    return [f"{y}-{m:02d}" for y in range(2026, 2031) for m in range(1, 13)]


def _month_days(y: int, m: int) -> int:
    return (date(y + (m == 12), m % 12 + 1, 1) - date(y, m, 1)).days


def _calendar_events(y: int, m: int) -> dict[int, list[str]]:
    events: dict[int, list[str]] = {}
    days = _month_days(y, m)
    saturdays = [d for d in range(1, days + 1) if date(y, m, d).weekday() == 5]
    for d in range(1, days + 1):
        if date(y, m, d).weekday() == 0:
            events.setdefault(d, []).append("Consejo de Gobierno, 7:00 a.m.")
    events.setdefault(saturdays[1], []).append("Mercado campesino, parque principal")
    if m in (2, 5, 8, 11):
        events.setdefault(1 if date(y, m, 1).weekday() < 5 else 3, []).append(
            "Inicio de sesiones ordinarias del Concejo"
        )
    special = load("site.toml")["calendar"]["special"]
    for d, text in special.get(f"{y}-{m:02d}", {}).items():
        events.setdefault(int(d), []).append(text)
    return events


def _month_body(months: list[str], i: int) -> list[Any]:
    y, m = int(months[i][:4]), int(months[i][5:])
    events = _calendar_events(y, m)
    cells = [""] * date(y, m, 1).weekday() + [
        f"{d}" + "".join(f"<br><small>{escape(e)}</small>" for e in events.get(d, []) if "Consejo" not in e)
        for d in range(1, _month_days(y, m) + 1)
    ]
    cells += [""] * (-len(cells) % 7)
    grid = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in cells[k : k + 7]) + "</tr>" for k in range(0, len(cells), 7)
    )
    nav = []
    if i > 0:
        nav.append(f'<a href="/calendario/?mes={months[i - 1]}" rel="prev">Mes anterior</a>')
    if i < len(months) - 1:
        nav.append(f'<a href="/calendario/?mes={months[i + 1]}" rel="next">Mes siguiente</a>')
    return [
        '<nav class="calendario-nav">' + " | ".join(nav) + "</nav>",
        '<table class="calendario"><thead><tr>'
        + "".join(f'<th scope="col">{d[:2].capitalize()}</th>' for d in DIAS)
        + f"</tr></thead><tbody>{grid}</tbody></table>",
        "## Agenda del mes",
        [f"{d} de {mes(m)}: {escape(e)}" for d in sorted(events) for e in events[d]],
    ]


def _add_calendar(b: Builder) -> None:
    months = _calendar_months()
    for i, ym in enumerate(months):
        title = f"Calendario de actividades: {mes(int(ym[5:]))} de {ym[:4]}"
        body = _month_body(months, i)
        b.add(f"/calendario/?mes={ym}", title, body, _CALENDAR_UPDATED)
        if ym == "2026-11":  # the entry point shows the current month
            b.add("/calendario/", title, body, _CALENDAR_UPDATED)


# --------------------------------------------------------------------------------------------
# Legacy pages (GEL-T platform era): ISO-8859-1 without declaration, windows-1252 in the header
# --------------------------------------------------------------------------------------------


def _add_legacy(b: Builder) -> None:
    for entry in load("legacy.toml")["page"]:
        e = {**entry, **entry.get("v2", {})} if b.v == 2 else entry
        b.legacy[e["path"]] = Legacy(e["path"], e["title"], e["body"], e["encoding"], e["declared"], e["updated"])


def build(version: int, external_base: str) -> Builder:
    """Every page, legacy page and document of one version, in the order the site lists them."""
    b = Builder(version, external_base)
    _add_home_and_news(b)
    b.add_file("pages/la-alcaldia.toml")
    _add_dependencias(b)
    _add_transparencia(b)
    b.add_file("pages/atencion.toml")
    b.add_file("pages/participa.toml")
    _add_calendar(b)
    b.add_file("pages/varios.toml")
    _add_legacy(b)
    return b
