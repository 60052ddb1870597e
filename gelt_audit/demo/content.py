"""The demo site's content, read from the TOML and HTML files under ``gelt_audit/demo/data/``.

Page bodies are lists of content blocks (see :func:`blocks_html`). A block or list element written
``{ v1 = X }`` or ``{ v2 = X }`` exists in that version only: that is how the planted v1 -> v2
changes read in the data. Strings may hold two placeholders for the allied site, ``{base}`` (its
root URL) and ``{link:key}`` (the standard link to entity ``key`` of site.toml's [external]).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import cache
from html import escape
from importlib import resources
from typing import Any, NamedTuple

_DATA = resources.files("gelt_audit.demo") / "data"


def data_text(name: str) -> str:
    """Text of a data file, by its path relative to ``demo/data/``."""
    return (_DATA / name).read_text(encoding="utf-8")


@cache
def load(name: str) -> dict[str, Any]:
    """Parsed TOML data file (cached: the files never change while the process runs)."""
    return tomllib.loads(data_text(name))


_SITE = load("site.toml")

SITE_NAME: str = _SITE["name"]
DOMAIN: str = _SITE["domain"]

# The day each version is "crawled": the header's "Hoy es ..." noise and the upper bound of every
# date published in that version (nothing is dated in the future of its own crawl).
CRAWL_DAY: dict[int, date] = {int(k[1:]): d for k, d in _SITE["crawl_day"].items()}

# Session ids that the footer's survey link carries (one per version, like a cookie-less CMS session).
SESSION_IDS: dict[int, str] = {int(k[1:]): s for k, s in _SITE["session_id"].items()}

DOC_DATE = date(2026, 1, 15)  # publication date of a document whose data gives none

_MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


def mes(month: int) -> str:
    """Spanish name of a month (1-12)."""
    return _MESES[month - 1]


def fecha(d: date) -> str:
    """'24 de noviembre de 2026' — the date format users read everywhere in the product."""
    return f"{d.day} de {mes(d.month)} de {d.year}"


def when(d: date) -> datetime:
    """Last-Modified instant for a publication day (08:00 in Bogotá, UTC-5)."""
    return datetime(d.year, d.month, d.day, 13, 0, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Entities, trámites, dependencias, news
# --------------------------------------------------------------------------------------------


class External(NamedTuple):
    """An allied entity: its path under external_base, the real URL it stands for, its link label."""

    path: str
    real: str
    label: str


EXTERNAL: dict[str, External] = {k: External(**v) for k, v in _SITE["external"].items()}


class Tramite(NamedTuple):
    """One trámite of the inventory (data/site.toml)."""

    name: str
    dependencia: str  # slug
    path: str
    suit: str  # SUIT / GOV.CO id
    en_linea: bool

    @property
    def ficha(self) -> str:
        """Path (under external_base) of the GOV.CO card, as gov.co/ficha-tramites-y-servicios/T..."""
        return f"govco/ficha-tramites-y-servicios/{self.suit}/"


TRAMITES: list[Tramite] = [Tramite(**t) for t in _SITE["tramite"]]


class Dep(NamedTuple):
    """One dependencia (data/dependencias.toml)."""

    slug: str
    name: str
    responsable: str
    cargo: str
    ext: str
    intro: str
    extra_match: tuple[str, ...] = ()
    index_extra: str = ""  # raw HTML placed right after the intro of the index page
    index_updated: tuple[date, date] = (date(2026, 1, 20), date(2026, 1, 20))  # (v1, v2) base dates

    @property
    def email(self) -> str:
        return f"{self.slug.replace('-', '')}@{DOMAIN}"

    @property
    def base(self) -> str:
        return f"/dependencias/{self.slug}/"


def _dep(d: dict[str, Any]) -> Dep:
    fields = {**d, "extra_match": tuple(d.get("extra_match", ()))}
    if "index_updated" in d:
        fields["index_updated"] = tuple(d["index_updated"])
    return Dep(**fields)


DEPS: list[Dep] = [_dep(d) for d in load("dependencias.toml")["dependencia"]]
DEP_BY_SLUG: dict[str, Dep] = {d.slug: d for d in DEPS}


class News(NamedTuple):
    """One news item (data/news.toml); ``dep`` is a dependencia slug or None for general news."""

    dep: str | None
    day: date
    slug: str
    title: str
    paras: tuple[str, ...]
    versions: tuple[int, ...] = (1, 2)

    @property
    def path(self) -> str:
        return f"/dependencias/{self.dep}/noticias/{self.slug}/" if self.dep else f"/noticias/{self.slug}/"


NEWS: list[News] = [
    News(n.get("dep"), n["day"], n["slug"], n["title"], tuple(n["paras"]), tuple(n.get("versions", (1, 2))))
    for n in load("news.toml")["news"]
]


def news_of(version: int) -> list[News]:
    """News of a version, newest first (the order listings must use: chronological criterion)."""
    return sorted((n for n in NEWS if version in n.versions), key=lambda n: (n.day, n.path), reverse=True)


# --------------------------------------------------------------------------------------------
# Content blocks
# --------------------------------------------------------------------------------------------


def pick(items: Iterable[Any], version: int) -> list[Any]:
    """The elements of a data list that exist in ``version`` ({v1 = X} / {v2 = X} are version-only)."""
    out = []
    for it in items:
        if isinstance(it, dict) and len(it) == 1 and next(iter(it)) in ("v1", "v2"):
            if f"v{version}" in it:
                out.append(it[f"v{version}"])
        else:
            out.append(it)
    return out


_PLACEHOLDER = re.compile(r"\{(base|link:\w+)\}")


def expand(text: str, base: str) -> str:
    """Replace the allied-site placeholders ({base}, {link:key}) for an external_base."""

    def sub(m: re.Match[str]) -> str:
        if m.group(1) == "base":
            return base
        ent = EXTERNAL[m.group(1)[5:]]
        return f'<a href="{base}{ent.path}">{escape(ent.label)}</a>'

    return _PLACEHOLDER.sub(sub, text)


Hook = Callable[[dict[str, Any]], str]  # HTML for a table-valued block ({doc = ...} or a macro)


def doc_link(d: dict[str, Any]) -> str:
    """Link to a document as sites show it: title, format and size."""
    return f'<a href="{d["doc"]}" type="application/pdf">{escape(d["title"])}</a> (PDF, {d["kb"]} KB)'


def blocks_html(items: Iterable[Any], version: int, doc: Hook, macro: Hook) -> str:
    """Tiny content markup so the page data stays readable.

    str "## x" -> <h2>, "### x" -> <h3>, other str starting with "<" -> raw HTML, other str -> <p>;
    list -> <ul>; {ol = [...]} -> <ol>; {head = [...], rows = [[...]]} -> <table>; {doc = ...} -> the
    link to a registered document (``doc`` registers it); any other table -> ``macro`` (generated HTML).
    Strings are trusted HTML from the data files.
    """
    out: list[str] = []
    for it in pick(items, version):
        if isinstance(it, list):
            out.append("<ul>" + "".join(f"<li>{_item(x, doc)}</li>" for x in pick(it, version)) + "</ul>")
        elif isinstance(it, dict) and "ol" in it:
            out.append("<ol>" + "".join(f"<li>{x}</li>" for x in pick(it["ol"], version)) + "</ol>")
        elif isinstance(it, dict) and "head" in it:
            head = "".join(f'<th scope="col">{h}</th>' for h in it["head"])
            rows = "".join(
                "<tr>" + "".join(f"<td>{c}</td>" for c in pick(r, version)) + "</tr>" for r in pick(it["rows"], version)
            )
            out.append(f'<table class="tabla"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        elif isinstance(it, dict):
            out.append(doc(it) if "doc" in it else macro(it))
        elif it.startswith("### "):
            out.append(f"<h3>{it[4:]}</h3>")
        elif it.startswith("## "):
            out.append(f"<h2>{it[3:]}</h2>")
        elif it.startswith("<"):
            out.append(it)
        else:
            out.append(f"<p>{it}</p>")
    return "\n".join(out)


def _item(x: Any, doc: Hook) -> str:
    return doc(x) if isinstance(x, dict) else x


def links(items: Iterable[tuple[str, str]]) -> list[str]:
    """List items linking each (href, text)."""
    return [f'<a href="{href}">{escape(text)}</a>' for href, text in items]
