"""GEL-T / Ley 1712 content checklist: judge every required item with dated evidence.

Checklists are data (``checklists/<profile>.toml``); this module holds one generic rule
evaluator. It is pure: no network, no SQLite, no templates. The caller hands in the pages of a
crawl (:class:`PageDoc`) and gets one :class:`ItemResult` per item.

How an item is judged
---------------------
An item has one or more *parts* (``misión`` and ``visión``; address, phone and e-mail...). Each
part has *rules*; any rule may produce *hits* (evidence). Rule kinds:

``title``      page title segments, ``h1`` and content sections (``h2``/``h3`` with text)
``link_text``  the text of a link (also its image ``alt``/``title``/``aria-label``)
``url``        words of a URL path (pages and link targets: ``mision-y-vision``, ``Pagos-en-Linea.aspx``)
``text``       the main text of a page (keywords and/or named patterns), optionally only on
               pages whose title matches ``on_title``
``footer``     the site footer (keywords and/or patterns: address, phone, hours, e-mails)
``form``       a form by purpose: search, pqrsd, survey, payment, query, subscription
``link_to``    links (and embeds) to known systems: ``@suit``, ``@secop``, ``@datos``...
``document``   links to PDF/DOC/XLS... whose text or file name has the keywords
``signal``     the status another audit computed (``signals`` argument)
``aggregate``  the statuses of other items (ids starting with ``prefix``)

Text matching folds case and accents, drops Spanish stop words and tolerates plurals, so
"Misión y Visión", "Mision - Vision" and "Nuestra misión" all match ``mision``. Labels
(titles, headings, link texts) only match when they are *about* the keyword: at most
``slack`` other words (news headlines that merely mention "presupuesto" do not). News detail
pages (``/noticias/<slug>``, ``og:type=article``) never count as evidence except for items
with ``allow_news``.

A hit is good when its target works and has content, and it satisfies the item's constraints:
``in_menu`` (under the "Transparencia" menu), ``max_depth`` (clicks from home) and
``placement`` (linked from the site header/footer). All parts good -> ``cumple``; some evidence
-> ``parcial`` with the reasons; none -> ``no_cumple``. Items with ``current`` must show the
required period (this year, last year, last completed quarter) or are ``parcial``.

Pages that answer >= 400 (and "soft 404" pages) are never evidence; a link to them is a broken
hit (``parcial``).
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import re
import sys
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

__all__ = [
    "Checklist",
    "as_dict",
    "Group",
    "Item",
    "ItemResult",
    "PageDoc",
    "Part",
    "Rule",
    "PARSE_VERSION",
    "ParseCache",
    "SiteIndex",
    "evaluate",
    "extra_items",
    "index_site",
    "indicators",
    "load_checklist",
    "load_manual",
    "regressions",
    "scores",
    "text_rules",
]

CHECKLIST_DIR = Path(__file__).with_name("checklists")
STATUSES = ("cumple", "parcial", "no_cumple", "manual", "no_aplica")
_RANK = {"no_cumple": 0, "parcial": 1, "cumple": 2}
LINK_STATES = ("ok", "broken", "blocked", "redirect", "skipped")

# --------------------------------------------------------------------------------------------
# Public data types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageDoc:
    """One crawled page as the store gives it."""

    url: str  # absolute URL
    status: int  # HTTP status (200, 404, 500...; 301 pages have html None)
    html: str | None  # decoded HTML, None for non-HTML resources (PDF etc.)
    content_type: str
    fetched_at: str  # ISO 8601 UTC timestamp of the snapshot
    depth: int | None  # clicks from the home page (0 = home), None if unknown
    body_hash: str | None = None  # identifies the body: with the URL, the key of its cached parse
    # reads the HTML on demand (html None): a page whose parse is cached is never decoded
    fetch: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)

    @property
    def has_html(self) -> bool:
        """Whether the page has HTML to parse (given or on demand)."""
        return self.html is not None or self.fetch is not None

    def markup(self) -> str | None:
        """The decoded HTML, given or read on demand."""
        return self.html if self.html is not None or self.fetch is None else self.fetch()


@dataclass(frozen=True)
class ItemResult:
    """The verdict on one checklist item."""

    profile: str
    item: str
    phase: str
    name: str
    status: str
    evidence: tuple[str, ...]
    detail: str
    snapshot_date: str | None
    source: str  # "auto" or "manual"
    weight: float


@dataclass(frozen=True)
class Rule:
    """One evidence rule (see the module docstring for the kinds)."""

    kind: str
    keywords: tuple[tuple[str, ...], ...] = ()
    slugs: tuple[tuple[str, ...], ...] = ()
    hosts: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # named patterns
    regex: tuple[str, ...] = ()  # custom regular expressions (all must match)
    purpose: str = ""
    contains: tuple[tuple[str, ...], ...] = ()
    scope: str = "any"
    on_title: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[tuple[str, ...], ...] = ()
    min_count: int = 1
    slack: int = 4
    embeds: bool = True
    extensions: tuple[str, ...] = ()
    name: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class Part:
    """A required sub-item; all parts must be found for ``cumple``."""

    name: str | None
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Item:
    """One checklist item as read from the checklist file."""

    id: str
    group: str
    name: str
    requires: str = ""
    source: str = ""
    weight: float = 1.0
    parts: tuple[Part, ...] = ()
    manual: bool = False
    no_aplica: str | None = None
    current: str | None = None
    grace_days: int = 0
    in_menu: str | None = None
    max_depth: int | None = None
    placement: str | None = None
    allow_news: bool = False
    note: str = ""


@dataclass(frozen=True)
class Group:
    """A phase (gelt-2008) or section (ley1712-res1519) with its scoring weight."""

    id: str
    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class Checklist:
    """A checklist profile: metadata, groups, items and host aliases."""

    profile: str
    name: str
    source: str
    group_key: str
    groups: tuple[Group, ...]
    items: tuple[Item, ...]
    hosts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    parcial_value: float = 0.5
    path: str = ""

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if absent)."""
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def group(self, group_id: str) -> Group:
        """The group with this id; unknown groups get weight 1 and their id as name."""
        for g in self.groups:
            if g.id == group_id:
                return g
        return Group(group_id, group_id, 1.0)

    def with_items(self, items: Iterable[Item]) -> Checklist:
        """A copy with more items (e.g. the municipality's own, from :func:`extra_items`).

        An added item whose id already exists replaces the bundled one.
        """
        extra = list(items)
        ids = {it.id for it in extra}
        kept = [it for it in self.items if it.id not in ids]
        groups = list(self.groups)
        known = {g.id for g in groups}
        for it in extra:
            if it.group not in known:
                groups.append(Group(it.group, it.group, 1.0))
                known.add(it.group)
        return replace(self, items=tuple(kept + extra), groups=tuple(groups))


# --------------------------------------------------------------------------------------------
# Text normalisation
# --------------------------------------------------------------------------------------------

_COMBINING = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "y e o u de del la las el los a al en para por con su sus lo nuestra nuestro nuestras "
    "nuestros sobre que se un una unos unas mi mis tu tus".split()
)
# Words that do not count against a label's "slack" (periods, numbering).
FILLER = frozenset(
    "vigencia ano anos periodo ver consulte consultar descargar aqui click clic mas "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre trimestre semestre i ii iii iv v vi vii viii ix x pdf doc docx xls xlsx".split()
)
_stem_cache: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower-case and strip accents (keeps punctuation)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def _stem(word: str) -> str:
    s = _stem_cache.get(word)
    if s is None:
        s = word
        if len(word) > 4 and word.endswith("es") and word[-3] in "nrldzj":
            s = word[:-2]
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            s = word[:-1]
        _stem_cache[word] = s
    return s


def norm_tokens(text: str) -> tuple[str, ...]:
    """Folded, stemmed tokens without stop words."""
    return tuple(_stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS)


def _camel_split(text: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)


def _count_words(tokens: Sequence[str]) -> int:
    return sum(1 for t in tokens if not t.isdigit() and t not in FILLER)


@lru_cache(maxsize=4096)
def _phrase_regex(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """Regex finding a normalised phrase in folded running text (plurals, stop words)."""
    stop = "|".join(sorted(STOPWORDS, key=len, reverse=True))
    gap = rf"[^a-z0-9]+(?:(?:{stop})[^a-z0-9]+)*"
    # The word boundary before the first token is checked after it (a lookbehind over the token
    # just read) so that the pattern starts with a literal: re then scans for it at C speed.
    if not tokens:
        return re.compile("(?<![a-z0-9])(?![a-z0-9])")
    first = re.escape(tokens[0])
    body = gap.join([rf"{first}(?<![a-z0-9]{first})(?:es|s)?", *(re.escape(t) + "(?:es|s)?" for t in tokens[1:])])
    return re.compile(rf"{body}(?![a-z0-9])")


@lru_cache(maxsize=4096)
def _longest(tokens: tuple[str, ...]) -> str:
    return max(tokens, key=len)


def _in_text(tokens: tuple[str, ...], folded: str) -> bool:
    if _longest(tokens) not in folded:
        return False
    return _phrase_regex(tokens).search(folded) is not None


def _in_norm(tokens: tuple[str, ...], norm: str) -> bool:
    return f" {' '.join(tokens)} " in f" {norm} "


# Named patterns for ``text``/``footer`` rules; each is a list of regexes that must all match
# the folded text.
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "phone": (
        re.compile(
            r"(?:\+\s?57|\btel[eé]?(?:fono)?s?\b|\bpbx\b|\bconmutador\b|\bcelular\b|\bl[ií]nea\b|"
            r"\bfax\b|\bwhatsapp\b|\bmovil\b)[^0-9]{0,25}[(+]?\d[\d\s().\-]{5,}\d"
            r"|\b01\s?8000\s?\d"
        ),
    ),
    "email": (
        re.compile(r"[a-z0-9._%+\-]+\s?(?:@|\[at\]|\(at\)|\sarroba\s)\s?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}"),
    ),
    "address": (
        re.compile(
            r"\b(?:calle|carrera|cra|kra|kr|cr|cl|clle|avenida|av|diagonal|dg|transversal|tv|"
            r"manzana|mz)\.?\s*(?:no\.?\s*)?\d+|\bpalacio municipal\b|\bdirecci[oó]n\s*:"
        ),
    ),
    "hours": (
        re.compile(r"\b(?:lunes|martes|miercoles|jueves|viernes|sabado)\b"),
        re.compile(r"\b\d{1,2}(?::|\.|h)?\d{0,2}\s*(?:a\.?\s?m|p\.?\s?m|m\.|am\b|pm\b|hrs?\b|horas)|\b\d{1,2}:\d{2}\b"),
    ),
    "judicial_email": (
        re.compile(
            r"notificaci[oó]n(?:es)?\s+judicial(?:es)?[^@]{0,120}?[a-z0-9._%+\-]+\s?(?:@|\[at\]|\(at\))\s?[a-z0-9.\-]+\.[a-z]{2,}"
            r"|[a-z0-9._%+\-]*(?:notificacion|judicial)[a-z0-9._%+\-]*\s?(?:@|\[at\]|\(at\))\s?[a-z0-9.\-]+\.[a-z]{2,}"
        ),
    ),
    "date": (
        re.compile(
            r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|"
            r"\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
            r"setiembre|octubre|noviembre|diciembre)(?:\s+de)?\s+(?:19|20)\d\d\b|"
            r"\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
            r"noviembre|diciembre)\s+\d{1,2},?\s+(?:19|20)\d\d\b"
        ),
    ),
    "updated": (
        re.compile(
            r"(?:ultima\s+actualizacion|actualizado\s+el|fecha\s+de\s+actualizacion|ultima\s+modificacion|"
            r"modificado\s+el|actualizada\s+el)\W{0,5}.{0,20}?(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d|"
            r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s+de\s+[a-z]+(?:\s+de)?\s+(?:19|20)\d\d)"
        ),
    ),
}

# Default aliases for national systems (a profile's [hosts] table adds or overrides).
# "host" matches that host (www. ignored); "*.host" also subdomains; "host/path" a URL prefix.
NATIONAL_SYSTEMS: dict[str, tuple[str, ...]] = {
    "govco": ("gov.co", "portal.gov.co", "gobiernoenlinea.gov.co", "*.gobiernoenlinea.gov.co"),
    "portal_govco": ("gov.co", "portal.gov.co"),  # today's Portal Único only (the GOV.CO top bar)
    "suit": (
        "suit.gov.co",
        "*.suit.gov.co",
        "gov.co/ficha-tramites-y-servicios",
        "gov.co/tramites-y-servicios",
        "gov.co/servicios-y-tramites",
        "visorsuit.funcionpublica.gov.co",
        "tramites.gov.co",
    ),
    "secop": (
        "contratos.gov.co",
        "colombiacompra.gov.co",
        "*.colombiacompra.gov.co",
        "secop.gov.co",
        "*.secop.gov.co",
    ),
    "datos": ("datos.gov.co", "*.datos.gov.co"),
    "sigep": ("sigep.gov.co", "*.sigep.gov.co", "funcionpublica.gov.co/web/sigep", "sigep2.funcionpublica.gov.co"),
    "suin": ("suin-juriscol.gov.co", "*.suin-juriscol.gov.co", "suin.gov.co"),
    "redes": (
        "facebook.com",
        "*.facebook.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "youtube.com",
        "*.youtube.com",
        "youtu.be",
        "tiktok.com",
        "flickr.com",
        "soundcloud.com",
        "vimeo.com",
        "*.vimeo.com",
        "linkedin.com",
    ),
    "pse": ("pse.com.co", "*.pse.com.co", "zonapagos.com", "*.zonapagos.com", "*.avalpaycenter.com"),
    "encuestas": (
        "forms.gle",
        "docs.google.com/forms",
        "forms.office.com",
        "surveymonkey.com",
        "*.surveymonkey.com",
        "encuestafacil.com",
        "*.encuestafacil.com",
    ),
    "chat": (
        "tawk.to",
        "*.tawk.to",
        "wa.me",
        "api.whatsapp.com",
        "crisp.chat",
        "*.crisp.chat",
        "*.livechatinc.com",
        "*.zopim.com",
        "*.jivosite.com",
        "*.tidio.co",
    ),
    "empleo": ("serviciodeempleo.gov.co", "*.serviciodeempleo.gov.co", "cnsc.gov.co", "*.cnsc.gov.co"),
}

# Literal prefilters: a named pattern cannot match text lacking all of these.
PREFILTERS: dict[str, tuple[str, ...]] = {
    "email": ("@", "[at]", "(at)", "arroba"),
    "judicial_email": ("notificacion", "judicial"),
    "updated": ("actualiz", "modific"),
    "hours": ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado"),
}
_PREFILTER_RX: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"(?:19|20)\d\d"),
    "updated": re.compile(r"(?:19|20)\d\d"),
}
MAX_HITS = 50  # evidence kept per rule (shallowest first): enough to judge, cheap on big sites

DOC_EXTENSIONS = frozenset("pdf doc docx xls xlsx ppt pptx odt ods odp csv zip rar txt rtf".split())
NEWS_SEGMENTS = frozenset(
    "noticias noticia news prensa saladeprensa sala-de-prensa blog comunicados comunicado "
    "boletines-de-prensa articulos articulo".split()
)
TRANSPARENCY = (("transparencia", "acceso", "informacion", "publica"), ("transparencia",))

# --------------------------------------------------------------------------------------------
# Loading checklists
# --------------------------------------------------------------------------------------------

_ITEM_KEYS = {
    "id",
    "phase",
    "section",
    "name",
    "requires",
    "source",
    "weight",
    "rules",
    "parts",
    "keywords",
    "slugs",
    "manual",
    "no_aplica",
    "current",
    "grace_days",
    "in_menu",
    "max_depth",
    "placement",
    "allow_news",
    "note",
}
_PART_KEYS = {"name", "rules", "keywords", "slugs"}
_COMMON_RULE_KEYS = {"kind", "scope", "exclude", "on_title"}
_RULE_KEYS = {
    "title": {"keywords", "slack"},
    "link_text": {"keywords", "slack"},
    "url": {"slugs"},
    "text": {"keywords", "pattern", "regex"},
    "footer": {"keywords", "pattern", "regex"},
    "form": {"purpose", "contains"},
    "link_to": {"hosts", "keywords", "min_count", "embeds"},
    "document": {"keywords", "extensions"},
    "signal": {"name"},
    "aggregate": {"prefix"},
}
FORM_PURPOSES = ("search", "pqrsd", "survey", "payment", "query", "subscription")
_SCOPES = ("any", "home", "header", "footer", "chrome", "content")
_CURRENT = ("year", "last_year", "quarters")
_PLACEMENTS = ("header", "footer", "chrome")


class _Where:
    """Builds error messages naming file, item and key."""

    def __init__(self, file: str, item: str | None = None) -> None:
        self.file, self.item = file, item

    def error(self, key: str, msg: str) -> ValueError:
        where = self.file
        if self.item:
            where += f": item '{self.item}'"
        return ValueError(f"{where}: clave '{key}': {msg}")


def _str_list(value: Any, where: _Where, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(key, "se espera un texto o una lista de textos no vacíos")
    return value


def _phrases(value: Any, where: _Where, key: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for raw in _str_list(value, where, key):
        toks = norm_tokens(raw)
        if not toks:
            raise where.error(key, f"la palabra clave {raw!r} queda vacía al normalizarla")
        out.append(toks)
    return tuple(out)


def _parse_rule(raw: Any, where: _Where, key: str) -> Rule:
    if not isinstance(raw, dict):
        raise where.error(key, "cada regla debe ser una tabla con 'kind'")
    kind = raw.get("kind")
    if kind not in _RULE_KEYS:
        raise where.error(f"{key}.kind", f"tipo de regla desconocido {kind!r}; válidos: {', '.join(_RULE_KEYS)}")
    allowed = _RULE_KEYS[kind] | _COMMON_RULE_KEYS
    for k in raw:
        if k not in allowed:
            raise where.error(f"{key}.{k}", f"clave no válida para una regla '{kind}'")
    kw: dict[str, Any] = {"kind": kind}
    scope = raw.get("scope", "any")
    if scope not in _SCOPES:
        raise where.error(f"{key}.scope", f"valor {scope!r} no válido; válidos: {', '.join(_SCOPES)}")
    kw["scope"] = scope
    for k in ("keywords", "exclude", "on_title", "contains"):
        if k in raw:
            kw[k] = _phrases(raw[k], where, f"{key}.{k}")
    if "slugs" in raw:
        kw["slugs"] = _phrases(raw["slugs"], where, f"{key}.slugs")
    if "hosts" in raw:
        kw["hosts"] = tuple(h.strip().lower() for h in _str_list(raw["hosts"], where, f"{key}.hosts"))
    if "pattern" in raw:
        pats = _str_list(raw["pattern"], where, f"{key}.pattern")
        for p in pats:
            if p not in PATTERNS:
                raise where.error(f"{key}.pattern", f"patrón desconocido {p!r}; válidos: {', '.join(PATTERNS)}")
        kw["patterns"] = tuple(pats)
    if "regex" in raw:
        regs = _str_list(raw["regex"], where, f"{key}.regex")
        for r in regs:
            try:
                re.compile(r)
            except re.error as exc:
                raise where.error(f"{key}.regex", f"expresión regular no válida: {exc}") from None
        kw["regex"] = tuple(regs)
    if "purpose" in raw:
        if raw["purpose"] not in FORM_PURPOSES:
            raise where.error(
                f"{key}.purpose", f"propósito {raw['purpose']!r} no válido; válidos: {', '.join(FORM_PURPOSES)}"
            )
        kw["purpose"] = raw["purpose"]
    for k in ("min_count", "slack"):
        if k in raw:
            if not isinstance(raw[k], int) or isinstance(raw[k], bool) or raw[k] < 0:
                raise where.error(f"{key}.{k}", "se espera un entero >= 0")
            kw[k] = raw[k]
    if "embeds" in raw:
        if not isinstance(raw["embeds"], bool):
            raise where.error(f"{key}.embeds", "se espera true o false")
        kw["embeds"] = raw["embeds"]
    if "extensions" in raw:
        kw["extensions"] = tuple(
            e.lower().lstrip(".") for e in _str_list(raw["extensions"], where, f"{key}.extensions")
        )
    for k in ("name", "prefix"):
        if k in raw:
            if not isinstance(raw[k], str) or not raw[k]:
                raise where.error(f"{key}.{k}", "se espera un texto no vacío")
            kw[k] = raw[k]
    rule = Rule(**kw)
    needs = {
        "title": rule.keywords,
        "link_text": rule.keywords,
        "url": rule.slugs,
        "form": rule.purpose,
        "link_to": rule.hosts,
        "document": rule.keywords,
        "signal": rule.name,
        "aggregate": rule.prefix,
        "text": rule.keywords or rule.patterns or rule.regex,
        "footer": rule.keywords or rule.patterns or rule.regex,
    }
    if not needs[kind]:
        raise where.error(key, f"a la regla '{kind}' le falta su criterio (keywords, slugs, hosts, pattern...)")
    return rule


def _parse_rules(raw: Mapping[str, Any], where: _Where, prefix: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    if "keywords" in raw:
        phrases = _phrases(raw["keywords"], where, f"{prefix}keywords")
        rules += [Rule("title", keywords=phrases), Rule("link_text", keywords=phrases)]
    if "slugs" in raw:
        rules.append(Rule("url", slugs=_phrases(raw["slugs"], where, f"{prefix}slugs")))
    if "rules" in raw:
        if not isinstance(raw["rules"], list):
            raise where.error(f"{prefix}rules", "se espera una lista de reglas")
        rules += [_parse_rule(r, where, f"{prefix}rules[{i}]") for i, r in enumerate(raw["rules"])]
    return tuple(rules)


def _parse_item(raw: Any, where_file: str, group_key: str, index: int) -> Item:
    if not isinstance(raw, dict):
        raise _Where(where_file).error(f"items[{index}]", "cada item debe ser una tabla")
    item_id = raw.get("id")
    where = _Where(where_file, item_id if isinstance(item_id, str) else f"#{index + 1}")
    if not isinstance(item_id, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*", item_id):
        raise where.error("id", "se espera un identificador como 'info.mision_vision'")
    for k in raw:
        if k not in _ITEM_KEYS:
            raise where.error(k, "clave desconocida")
    group = raw.get("phase", raw.get("section"))
    if "phase" in raw and "section" in raw:
        raise where.error("phase", "use 'phase' o 'section', no ambas")
    if not isinstance(group, str) or not group:
        raise where.error(group_key, "falta la fase o sección del item")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise where.error("name", "falta el nombre del item")
    for k in ("requires", "source", "note"):
        if k in raw and not isinstance(raw[k], str):
            raise where.error(k, "se espera un texto")
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
        raise where.error("weight", "se espera un número >= 0")
    manual = raw.get("manual", False)
    if not isinstance(manual, bool):
        raise where.error("manual", "se espera true o false")
    no_aplica = raw.get("no_aplica")
    if no_aplica is not None and (not isinstance(no_aplica, str) or not no_aplica.strip()):
        raise where.error("no_aplica", "se espera el motivo legal como texto")
    current = raw.get("current")
    if current is not None and current not in _CURRENT:
        raise where.error("current", f"valor {current!r} no válido; válidos: {', '.join(_CURRENT)}")
    grace = raw.get("grace_days", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
        raise where.error("grace_days", "se espera un entero >= 0")
    in_menu = raw.get("in_menu")
    if in_menu is not None and in_menu != "transparencia":
        raise where.error("in_menu", "el único menú conocido es 'transparencia'")
    max_depth = raw.get("max_depth")
    if max_depth is not None and (not isinstance(max_depth, int) or isinstance(max_depth, bool) or max_depth < 0):
        raise where.error("max_depth", "se espera un entero >= 0")
    placement = raw.get("placement")
    if placement is not None and placement not in _PLACEMENTS:
        raise where.error("placement", f"valor {placement!r} no válido; válidos: {', '.join(_PLACEMENTS)}")
    allow_news = raw.get("allow_news", False)
    if not isinstance(allow_news, bool):
        raise where.error("allow_news", "se espera true o false")
    parts: list[Part] = []
    if "parts" in raw:
        if not isinstance(raw["parts"], list) or not raw["parts"]:
            raise where.error("parts", "se espera una lista no vacía de partes")
        for i, p in enumerate(raw["parts"]):
            if not isinstance(p, dict):
                raise where.error(f"parts[{i}]", "cada parte debe ser una tabla")
            for k in p:
                if k not in _PART_KEYS:
                    raise where.error(f"parts[{i}].{k}", "clave desconocida")
            if not isinstance(p.get("name"), str) or not p["name"].strip():
                raise where.error(f"parts[{i}].name", "cada parte necesita un nombre")
            rules = _parse_rules(p, where, f"parts[{i}].")
            if not rules:
                raise where.error(f"parts[{i}]", "la parte no tiene reglas (rules, keywords o slugs)")
            parts.append(Part(p["name"], rules))
        if any(k in raw for k in ("rules", "keywords", "slugs")):
            raise where.error("parts", "un item con 'parts' no lleva 'rules', 'keywords' ni 'slugs' propios")
    else:
        rules = _parse_rules(raw, where, "")
        if rules:
            parts.append(Part(None, rules))
    if not parts and not manual and no_aplica is None:
        raise where.error("rules", 'el item no tiene reglas; márquelo manual = true o no_aplica = "motivo"')
    return Item(
        id=item_id,
        group=group,
        name=raw["name"].strip(),
        requires=raw.get("requires", ""),
        source=raw.get("source", ""),
        weight=float(weight),
        parts=tuple(parts),
        manual=manual,
        no_aplica=no_aplica,
        current=current,
        grace_days=grace,
        in_menu=in_menu,
        max_depth=max_depth,
        placement=placement,
        allow_news=allow_news,
        note=raw.get("note", ""),
    )


def _parse_items(raw_items: Any, file: str, group_key: str) -> list[Item]:
    if not isinstance(raw_items, list):
        raise _Where(file).error("items", "se espera una lista de items ([[items]])")
    items = [_parse_item(r, file, group_key, i) for i, r in enumerate(raw_items)]
    seen: set[str] = set()
    for it in items:
        if it.id in seen:
            raise _Where(file, it.id).error("id", "identificador repetido")
        seen.add(it.id)
    return items


def _load_file(path: Path) -> Checklist:
    file = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: no se pudo leer: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{file}: TOML no válido: {exc}") from None
    where = _Where(file)
    for k in data:
        if k not in ("profile", "groups", "hosts", "items"):
            raise where.error(k, "clave desconocida (válidas: profile, groups, hosts, items)")
    prof = data.get("profile")
    if not isinstance(prof, dict):
        raise where.error("profile", "falta la tabla [profile]")
    for k in prof:
        if k not in ("id", "name", "source", "group_key", "parcial_value", "extends", "note"):
            raise where.error(f"profile.{k}", "clave desconocida")
    base: Checklist | None = None
    if "extends" in prof:
        if not isinstance(prof["extends"], str):
            raise where.error("profile.extends", "se espera el nombre de un perfil")
        base = load_checklist(prof["extends"])
    pid = prof.get("id", base.profile if base else None)
    if not isinstance(pid, str) or not pid:
        raise where.error("profile.id", "falta el identificador del perfil")
    group_key = prof.get("group_key", base.group_key if base else "phase")
    if group_key not in ("phase", "section"):
        raise where.error("profile.group_key", "se espera 'phase' o 'section'")
    parcial_value = prof.get("parcial_value", base.parcial_value if base else 0.5)
    if not isinstance(parcial_value, int | float) or not 0 <= parcial_value <= 1:
        raise where.error("profile.parcial_value", "se espera un número entre 0 y 1")
    groups: list[Group] = list(base.groups) if base else []
    raw_groups = data.get("groups", {})
    if not isinstance(raw_groups, dict):
        raise where.error("groups", "se espera una tabla [groups.<id>]")
    for gid, g in raw_groups.items():
        if not isinstance(g, dict) or not isinstance(g.get("name"), str):
            raise where.error(f"groups.{gid}.name", "cada grupo necesita un nombre")
        for k in g:
            if k not in ("name", "weight"):
                raise where.error(f"groups.{gid}.{k}", "clave desconocida")
        w = g.get("weight", 1.0)
        if not isinstance(w, int | float) or isinstance(w, bool) or w < 0:
            raise where.error(f"groups.{gid}.weight", "se espera un número >= 0")
        groups = [x for x in groups if x.id != gid] + [Group(gid, g["name"], float(w))]
    hosts = dict(base.hosts) if base else {}
    raw_hosts = data.get("hosts", {})
    if not isinstance(raw_hosts, dict):
        raise where.error("hosts", "se espera una tabla de alias de dominios")
    for alias, values in raw_hosts.items():
        hosts[alias] = tuple(v.lower() for v in _str_list(values, where, f"hosts.{alias}"))
    items = _parse_items(data.get("items", []), file, group_key)
    checklist = Checklist(
        profile=pid,
        name=prof.get("name", base.name if base else pid),
        source=prof.get("source", base.source if base else ""),
        group_key=group_key,
        groups=tuple(groups),
        items=(),
        hosts=tuple(sorted(hosts.items())),
        parcial_value=float(parcial_value),
        path=str(path),
    )
    if base:
        checklist = replace(checklist, items=base.items)
    return checklist.with_items(items)


@lru_cache(maxsize=32)
def _load_cached(path: str) -> Checklist:
    return _load_file(Path(path))


def load_checklist(profile_or_path: str | Path) -> Checklist:
    """Load a checklist by bundled profile name (``gelt-2008``) or by path to a TOML file.

    Raises ValueError naming the file, the item and the key when the data is bad. A file may
    say ``[profile] extends = "gelt-2008"`` to add its items to a bundled profile.
    """
    text = str(profile_or_path)
    candidate = Path(text)
    if not text.endswith(".toml") and "/" not in text and "\\" not in text:
        candidate = CHECKLIST_DIR / f"{text}.toml"
        if not candidate.exists():
            names = ", ".join(sorted(p.stem for p in CHECKLIST_DIR.glob("*.toml")))
            raise ValueError(f"perfil de lista de chequeo desconocido {text!r}; disponibles: {names}")
    return _load_cached(str(candidate.resolve()))


def extra_items(items: Sequence[Mapping[str, Any]], *, source: str = "configuración") -> list[Item]:
    """Parse items given in the user's config (same schema as ``[[items]]`` in the files).

    Add them to a profile with ``checklist.with_items(extra_items(...))``.
    """
    return _parse_items([dict(i) for i in items], source, "phase")


# --------------------------------------------------------------------------------------------
# Parsing pages (once) into a site index
# --------------------------------------------------------------------------------------------

_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
_HEADER_TOKENS = (
    "header",
    "site-header",
    "main-header",
    "cabecera",
    "encabezado",
    "top-bar",
    "topbar",
    "barra-superior",
    "barra-superior-govco",
    "govco-bar",
    "barra-govco",
    "bar-govco",
    "govco",
)
_NAV_TOKENS = ("navbar", "main-menu", "mainmenu", "menu-principal", "main-nav", "site-nav", "navigation")
_FOOTER_TOKENS = ("footer", "site-footer", "main-footer", "pie", "pie-pagina", "pie-de-pagina", "piedepagina")
_CHROME_TOKENS = frozenset(_HEADER_TOKENS + _NAV_TOKENS + _FOOTER_TOKENS)
_CHROME_ROLES = ("banner", "contentinfo", "navigation")
_NO_DESCEND = frozenset(("main", "article", "p", "a", "span", "h1", "h2", "h3", "img", "ul", "ol", "select"))


def _is_chrome(el: Any) -> bool:
    if el.tag in ("header", "footer", "nav") or el.get("role") in _CHROME_ROLES:
        return True
    cls = el.get("class")
    if cls and not _CHROME_TOKENS.isdisjoint(cls.lower().split()):
        return True
    ident = el.get("id")
    return bool(ident) and ident.lower() in _CHROME_TOKENS


def _chrome_roots(root: Any) -> list[Any]:
    """Header, navigation and footer blocks: layout-level elements (up to 8 levels below
    ``body``) marked by tag, ARIA role, class or id, plus deeper ``header``/``footer``/``nav``
    that are not part of an article or the main content."""
    body = root.find("body")
    if body is None:
        body = root
    found: list[Any] = []
    stack = [(body, 0)]
    while stack:
        el, d = stack.pop()
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            if _is_chrome(ch):
                found.append(ch)
            elif d < 8 and ch.tag not in _NO_DESCEND and ch.get("role") != "main":
                stack.append((ch, d + 1))
    rootset = set(found)
    for el in body.iter("header", "footer", "nav"):
        if el in rootset:
            continue
        ancestors = list(el.iterancestors())
        if any(a in rootset for a in ancestors):
            continue
        if any(a.tag in ("main", "article", "section") or a.get("role") == "main" for a in ancestors):
            continue
        found.append(el)
        rootset.add(el)
    return [r for r in found if not any(anc in rootset for anc in r.iterancestors())]


_MEDIA_XPATH = etree.XPath("boolean(//img | //iframe | //embed | //object | //video | //table | //form)")
_SOFT404 = re.compile(
    r"\b(?:error 404|404|pagina no encontrada|no se encontro la pagina|not found|"
    r"la pagina (?:solicitada )?no existe)\b"
)
_UNDER_CONSTRUCTION = re.compile(
    r"\b(?:en construccion|proximamente|pagina en mantenimiento|sin informacion|no hay informacion|"
    r"informacion no disponible|no se encontraron (?:resultados|registros|documentos))\b"
)
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:»/]+\s+|\s*\|\s*")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SEARCH_WORDS = frozenset(
    "q s k search buscar busqueda buscador query keyword keywords searchword termino texto criterio".split()
)
_SURVEY_WORDS = frozenset(
    (
        "encuesta",
        "sondeo",
        "califica",
        "califique",
        "calificacion",
        "opinion",
        "opine",
        "satisfaccion",
        "valore",
        "valora",
        "percepcion",
    )
)
_PAY_WORDS = frozenset(
    (
        "pago",
        "pagar",
        "pague",
        "pse",
        "predial",
        "liquidar",
        "liquidacion",
        "factura",
        "recibo",
        "impuesto",
        "referencia",
    )
)
_QUERY_WORDS = frozenset(
    (
        "consulta",
        "consultar",
        "consulte",
        "radicado",
        "verificar",
        "verifique",
        "verificacion",
        "estado",
        "seguimiento",
        "rastreo",
        "codigo",
    )
)
_SUBS_PREFIXES = ("suscri", "boletin", "newsletter")


@dataclass(slots=True)
class _Link:
    target: str
    key: str
    text: str
    norm: str
    nwords: int
    region: str  # "header" | "footer" | "nav" | "" (content)
    tmenu: bool  # inside the "Transparencia" drop-down of a menu
    ctx: str  # text of the heading before the link (content links)
    is_doc: bool
    embed: bool = False


@dataclass(slots=True)
class _Form:
    purposes: frozenset[str]
    norm: str


@dataclass(slots=True)
class _Block:
    """Links and forms of one page region; chrome blocks are shared by every page that has them."""

    region: str
    links: tuple[_Link, ...]
    forms: tuple[_Form, ...]
    footer: str = ""  # folded footer text (footer blocks)
    pages: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Page:
    idx: int
    url: str
    key: str
    fetched_at: str
    depth_hint: int | None
    title: str
    labels: list[tuple[str, int, str]]  # (norm, nwords, raw) for title segments and h1
    sections: list[tuple[str, int, str]]  # h2/h3 with content
    headings: list[str]  # every heading (raw), for periods
    is_news: bool
    empty: bool
    soft404: bool
    main_fold: str  # kept only when the text rules are not known beforehand (see index_site)
    blocks: list[_Block]
    first_keys: frozenset[str]
    text_hits: tuple[int, ...] = ()  # the text rules (SiteIndex.probes) the page meets


@dataclass(slots=True)
class _Status:
    url: str
    status: int
    fetched_at: str
    page: _Page | None


class _PhraseIndex:
    """Distinct normalised strings, searchable for a token phrase in one pass."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.entries: list[str] = []
        self.nwords: list[int] = []
        self.payloads: list[list[Any]] = []
        self._blob = ""
        self._offsets: list[int] = []

    def add(self, norm: str, nwords: int, payload: Any) -> None:
        i = self._ids.get(norm)
        if i is None:
            i = len(self.entries)
            self._ids[norm] = i
            self.entries.append(norm)
            self.nwords.append(nwords)
            self.payloads.append([])
        self.payloads[i].append(payload)

    def build(self) -> None:
        offsets, parts, pos = [], [], 0
        for e in self.entries:
            offsets.append(pos)
            s = f" {e} \n"
            parts.append(s)
            pos += len(s)
        self._blob, self._offsets = "".join(parts), offsets

    def find(self, tokens: tuple[str, ...]) -> list[int]:
        needle = f" {' '.join(tokens)} "
        blob, offsets, out, start = self._blob, self._offsets, [], 0
        while (j := blob.find(needle, start)) != -1:
            i = bisect_right(offsets, j) - 1
            out.append(i)
            start = offsets[i + 1] if i + 1 < len(offsets) else len(blob)
        return out


def _host(netloc_host: str | None) -> str:
    h = (netloc_host or "").lower()
    return h[4:] if h.startswith("www.") else h


@lru_cache(maxsize=200_000)
def url_key(url: str) -> str:
    """Comparison key of a URL: host without www, path without trailing slash, query; no scheme."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme in ("http", "https"):
        netloc, slash, tail = rest.partition("/")
        if netloc and not any(c in netloc for c in "@:[?#"):
            path, _, query = (slash + tail).split("#", 1)[0].partition("?")
            host = netloc.lower()
            host = host[4:] if host.startswith("www.") else host
            path = path or "/"
            if len(path) > 1:
                path = path.rstrip("/") or "/"
            return host + path + (f"?{query}" if query else "")
    try:
        p = urlsplit(url)
        host = _host(p.hostname)
        if p.port and p.port not in (80, 443):  # another port is another site (test and demo servers)
            host = f"{host}:{p.port}"
    except ValueError:
        return url
    path = p.path or "/"
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return host + path + (f"?{p.query}" if p.query else "")


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


_GENERIC_SEGMENT = frozenset("index default inicio home aspx asp html htm php jsp page pagina paginas".split())


@lru_cache(maxsize=200_000)
def _path_norm(key: str) -> tuple[str, int]:
    """Words of a URL's own segment (the last one, plus the previous if the last is generic)
    and its query values; parent folders are categories, not the page's subject."""
    rest = key.split("/", 1)[1] if "/" in key else ""
    path, _, query = rest.partition("?")
    segs = [s for s in unquote(path).split("/") if s]
    values = " ".join(v.partition("=")[2] for v in unquote(query).split("&"))
    toks: tuple[str, ...] = ()
    for seg in reversed(segs):
        toks = norm_tokens(seg) + toks
        if any(len(t) >= 3 and not t.isdigit() and t not in _GENERIC_SEGMENT for t in toks):
            break
    toks += norm_tokens(values)
    return " ".join(toks), _count_words(toks)


def _path_norms(key: str) -> list[str]:
    """The path words as written and with CamelCase split (PresupuestoGeneral2026.pdf)."""
    plain = _path_norm(key)[0]
    camel = _path_norm(_camel_split(key))[0] if re.search(r"[a-z][A-Z]", key) else plain
    return [plain] if camel == plain else [plain, camel]


@lru_cache(maxsize=200_000)
def _text_norm(text: str) -> tuple[str, int]:
    toks = norm_tokens(text)
    return " ".join(toks), _count_words(toks)


@lru_cache(maxsize=200_000)
def _is_doc_key(key: str, exts: frozenset[str] | Sequence[str] = DOC_EXTENSIONS) -> bool:
    path = key.split("?", 1)[0]
    last = path.rsplit("/", 1)[-1]
    return "." in last and last.rsplit(".", 1)[1].lower() in exts


@lru_cache(maxsize=200_000)
def _is_news_key(key: str) -> bool:
    """A news article URL: a segment after a news folder (/noticias/<slug>); files and feeds
    kept in a news folder (PDF, RSS) are not articles."""
    segs = [s for s in fold(unquote(key.split("?", 1)[0])).split("/")[1:] if s]
    if (
        not segs
        or segs[-1] in ("feed", "rss", "atom")
        or re.search(r"\.(?:xml|rss|atom|pdf|docx?|xlsx?|zip)$", segs[-1])
    ):
        return False
    return any(s in NEWS_SEGMENTS for s in segs[:-1])


def _filename(key: str) -> str:
    path = unquote(key.split("?", 1)[0])
    return path.rsplit("/", 1)[-1]


class _Resolver:
    def __init__(self) -> None:
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, base: str, origin: str, href: str) -> str:
        if href.startswith(("http://", "https://")):
            ck = ("", href)
        elif href.startswith("/") and not href.startswith("//"):
            ck = (origin, href)
        else:
            ck = (base, href)
        out = self.cache.get(ck)
        if out is None and ck[0] == origin and "/." not in href and "\\" not in href and " " not in href:
            out = origin + href.split("#", 1)[0]
            self.cache[ck] = out
        if out is None:
            try:
                out = _strip_fragment(urljoin(base, href.strip()))
            except ValueError:
                out = ""
            self.cache[ck] = out
        return out


def _text(el: Any) -> str:
    """Text of an element with whitespace between its pieces (block elements stay apart)."""
    return " ".join(" ".join(el.itertext()).split())


def _link_label(a: Any) -> str:
    text = _text(a)
    if not text:
        bits = [a.get("title") or "", a.get("aria-label") or ""]
        bits += [img.get("alt") or "" for img in a.iter("img")]
        text = " ".join(" ".join(bits).split())
    return text[:300]


def _make_link(a: Any, href: str, ctx: Any, region: str, tmenu: bool, heading: str) -> _Link | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    target = ctx.resolve(ctx.base, ctx.origin, href)
    if not target.startswith(("http://", "https://")):
        return None
    key = url_key(target)
    text = _link_label(a) if a is not None else ""
    norm, nwords = _text_norm(text)
    return _Link(target, key, text, norm, nwords, region, tmenu, heading, _is_doc_key(key))


def _form_info(form: Any, page_labels: str) -> _Form:
    bits: list[str] = [
        _text(form),
        form.get("action") or "",
        form.get("id") or "",
        form.get("class") or "",
        form.get("role") or "",
        form.get("name") or "",
    ]
    n_text = n_radio = 0
    has_textarea = has_email = has_password = has_search_type = False
    hint_words: set[str] = set()
    for el in form.iter("input", "textarea", "select", "button", "option", "label"):
        tag = el.tag
        for attr in ("name", "id", "placeholder", "aria-label", "title", "class"):
            v = el.get(attr)
            if v:
                bits.append(v)
                if tag == "input" and attr in ("name", "id", "placeholder", "class"):
                    hint_words.update(_WORD.findall(fold(v)))
        if (
            tag in ("button", "input")
            and el.get("value")
            and (el.get("type") or "").lower() in ("submit", "button", "")
        ):
            bits.append(el.get("value") or "")
        if tag == "textarea":
            has_textarea = True
        elif tag == "input":
            t = (el.get("type") or "text").lower()
            if t in ("text", "search", "email", "tel", "number", ""):
                n_text += 1
            if t == "search":
                has_search_type = True
            elif t == "email":
                has_email = True
            elif t == "password":
                has_password = True
            elif t == "radio":
                n_radio += 1
    text = " ".join(bits)
    norm, _ = _text_norm(_camel_split(text))
    words = set(norm.split())
    hint_words |= set(
        _WORD.findall(
            fold(
                (form.get("action") or "")
                + " "
                + (form.get("role") or "")
                + " "
                + (form.get("class") or "")
                + " "
                + (form.get("id") or "")
            )
        )
    )
    purposes: set[str] = set()
    if has_password:
        return _Form(frozenset({"login"}), norm)
    search_hint = bool(hint_words & _SEARCH_WORDS) or bool(words & {"buscar", "busqueda", "buscador"})
    if (
        (has_search_type or search_hint)
        and n_text >= 1
        and n_text <= 2
        and not has_textarea
        and not (has_email and not has_search_type)
    ):
        purposes.add("search")
    if has_textarea and (has_email or n_text >= 2):
        purposes.add("pqrsd")
    if n_radio >= 2 and (words & _SURVEY_WORDS or set(page_labels.split()) & _SURVEY_WORDS):
        purposes.add("survey")
    if not has_textarea and words & _PAY_WORDS and "search" not in purposes:
        purposes.add("payment")
    if not has_textarea and n_text >= 1 and words & _QUERY_WORDS and "search" not in purposes:
        purposes.add("query")
    if has_email and not has_textarea and any(w.startswith(_SUBS_PREFIXES) for w in words):
        purposes.add("subscription")
    return _Form(frozenset(purposes), norm)


class _Ctx:
    __slots__ = ("base", "origin", "resolve")

    def __init__(self, base: str, origin: str, resolve: _Resolver) -> None:
        self.base, self.origin, self.resolve = base, origin, resolve


_RELATIVE_HREF = re.compile(rb"""(?:href|src|action)\s*=\s*["']?(?!["']|https?:|/|#|mailto:|tel:|javascript:)""", re.I)


def _region_of(el: Any) -> str:
    tag = el.tag
    role = (el.get("role") or "").lower()
    cls = f" {' '.join((el.get('class') or '').lower().split())} "
    ident = (el.get("id") or "").lower()
    if tag == "footer" or role == "contentinfo" or any(f" {t} " in cls or ident == t for t in _FOOTER_TOKENS):
        return "footer"
    if tag == "header" or role == "banner" or any(f" {t} " in cls or ident == t for t in _HEADER_TOKENS):
        return "header"
    return "nav"


def _extract_chrome(el: Any, region: str, ctx: _Ctx) -> tuple[tuple[_Link, ...], tuple[_Form, ...], str]:
    anchors = el.xpath(".//a[@href]")
    in_dropdown: set[Any] = set()
    for a in anchors:
        label = _text_norm(_link_label(a))
        if _label_match(TRANSPARENCY[1], label[0], label[1], 3) or _label_match(TRANSPARENCY[0], label[0], label[1], 3):
            # The drop-down is the rest of the anchor's own <li> (nested list), or failing that
            # the element right after the anchor; never the whole menu around it.
            li = next((x for x in itertools.chain([a], itertools.islice(a.iterancestors(), 2)) if x.tag == "li"), None)
            if li is not None:
                inner = [x for x in li.iter("a") if x is not a and x.get("href")]
            else:
                nxt = a.getnext()
                inner = (
                    [x for x in nxt.iter("a") if x.get("href")]
                    if nxt is not None and nxt.tag in ("ul", "ol", "div")
                    else []
                )
            in_dropdown.update(inner)
    links = []
    for a in anchors:
        link = _make_link(a, a.get("href"), ctx, region, a in in_dropdown, "")
        if link is not None:
            links.append(link)
    forms = tuple(_form_info(f, "") for f in el.iter("form"))
    footer = ""
    if region == "footer":
        mails = " ".join((a.get("href") or "")[7:] for a in anchors if (a.get("href") or "").startswith("mailto:"))
        footer = fold(_text(el) + " " + mails)
    return tuple(links), forms, footer


def _label_match(phrase: tuple[str, ...], norm: str, nwords: int, slack: int) -> bool:
    return _in_norm(phrase, norm) and nwords - _count_words(phrase) <= slack


def _section_has_content(h: Any) -> bool:
    level = int(h.tag[1])
    sibs = list(h.itersiblings())[:40]
    if not sibs and h.getparent() is not None:
        sibs = list(h.getparent().itersiblings())[:40]
    words = len((h.tail or "").split())
    for s in sibs:
        if not isinstance(s.tag, str):
            continue
        if s.tag in _HEADINGS and int(s.tag[1]) <= level:
            break
        if s.xpath("boolean(.//img | .//table | .//iframe | .//video | .//embed | .//object)") or s.tag in (
            "img",
            "table",
            "iframe",
            "video",
        ):
            return True
        total = len(_text(s).split())
        linked = sum(len(_text(a).split()) for a in s.iter("a"))
        words += total - linked + len((s.tail or "").split())
        if words >= 12:
            return True
    return words >= 12


# -- the parse cache: what a page's parse yields, as JSON, keyed by its body and URL -------------

PARSE_VERSION = 1  # bump when what a page's parse yields changes: cached parses are redone
# (key, audit, version, compute) -> the cached value (JSON), computed and kept when missing or of
# another version: the signature of Store.cached_audit.
ParseCache = Callable[[str, str, str, Callable[[], Any]], Any]
_PAGE_AUDIT, _CHROME_AUDIT = "checklist-page", "checklist-chrome"
_MAX_CHROME = 20_000  # distinct chrome blocks kept shared in memory

# What a text rule asks of one page: its own labels (on_title) and main text.
_TextProbe = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[str, ...], tuple[str, ...]]
_ChromeRef = tuple[str, str, bool]  # (signature hash, region, has relative links)


class _Uncached(Exception):
    """A cached page names a chrome block the cache no longer holds: the page is parsed again."""


class _NoBody(Exception):
    """The page's HTML cannot be read: nothing to parse, nothing to cache."""


def _probe(rule: Rule) -> _TextProbe:
    return (rule.on_title, rule.keywords, rule.patterns, rule.regex)


def text_rules(checklists: Iterable[Checklist]) -> tuple[Rule, ...]:
    """The text rules of these checklists, one per distinct question (for :func:`index_site`)."""
    rules: dict[_TextProbe, Rule] = {}
    for checklist in checklists:
        for item in checklist.items:
            for part in item.parts:
                for rule in part.rules:
                    if rule.kind == "text":
                        rules.setdefault(_probe(rule), rule)
    return tuple(rules.values())


def _on_title(phrases: Sequence[tuple[str, ...]], labels: Iterable[tuple[str, int, str]]) -> bool:
    """Whether one of a page's labels (title, h1, sections) is about one of the phrases."""
    return any(_label_match(p, n, w, 6) for p in phrases for n, w, _raw in labels)


def _probe_match(probe: _TextProbe, labels: Sequence[tuple[str, int, str]], folded: str) -> bool:
    on_title, keywords, patterns, regex = probe
    if on_title and not _on_title(on_title, labels):
        return False
    return _text_match(keywords, patterns, regex, folded)


def _text_match(
    keywords: Sequence[tuple[str, ...]], patterns: Sequence[str], regex: Sequence[str], folded: str
) -> bool:
    for name in patterns:
        pre = PREFILTERS.get(name)
        if pre and not any(x in folded for x in pre):
            return False
        pre_rx = _PREFILTER_RX.get(name)
        if pre_rx is not None and pre_rx.search(folded) is None:
            return False
    if keywords and not any(_in_text(p, folded) for p in keywords):
        return False
    for name in patterns:
        if not all(rx.search(folded) for rx in PATTERNS[name]):
            return False
    return all(re.search(rx, folded) for rx in regex)


def _chrome_key(ref: _ChromeRef, origin: str, base: str) -> str:
    """Cache key of a chrome block's content: its markup and what its links resolve against."""
    sig, region, relative = ref
    return "chrome:" + hashlib.sha1(f"{sig}\n{region}\n{origin}\n{base if relative else ''}".encode()).hexdigest()


def _link_row(link: _Link) -> list[Any]:
    return [link.target, link.text, link.region, link.tmenu, link.ctx, link.is_doc, link.embed]


def _link_of(row: Sequence[Any]) -> _Link:
    """A link from its row; key and norm are derived as _make_link does (both cached)."""
    target, text, region, tmenu, ctx, is_doc, embed = row
    intern = sys.intern  # the same targets and texts recur on thousands of pages
    norm, nwords = _text_norm(text)
    return _Link(
        intern(target), url_key(target), intern(text), norm, nwords, intern(region), tmenu, intern(ctx), is_doc, embed
    )


def _form_row(form: _Form) -> list[Any]:
    return [sorted(form.purposes), form.norm]


def _form_of(row: Sequence[Any]) -> _Form:
    return _Form(frozenset(row[0]), row[1])


def _block_row(block: _Block) -> dict[str, Any]:
    return {
        "links": [_link_row(x) for x in block.links],
        "forms": [_form_row(f) for f in block.forms],
        "footer": block.footer,
    }


def _labels_of(raws: Iterable[str]) -> list[tuple[str, int, str]]:
    """Labels (title segments, h1, sections) from their text, normalised as when parsed."""
    return [(*_text_norm(raw), raw) for raw in raws]


class _Builder:
    def __init__(
        self, home_url: str, probes: Sequence[_TextProbe] | None = None, cache: ParseCache | None = None
    ) -> None:
        self.resolve = _Resolver()
        # (signature hash, region, origin or base folder) -> the block shared by the pages that have it
        self.chrome_cache: dict[tuple[str, str, str], _Block] = {}
        self.site_host = _host(urlsplit(home_url).hostname)
        self.probes = probes  # None: pages keep their main text (judged on demand)
        self.cache = cache if probes is not None else None  # a cached parse keeps no text
        # the text rules answered are part of what a parse yields (text, not a number: the
        # version column has integer affinity)
        self.version = f"{PARSE_VERSION}.{hashlib.sha1(repr(probes).encode()).hexdigest()[:12]}"

    def parse(self, doc: PageDoc, idx: int) -> _Page | None:
        """The page parsed, or rebuilt from its cached parse; None when its HTML cannot be read."""
        if self.cache is None or not doc.body_hash:
            parsed = self._parse(doc, idx)
            return parsed[0] if parsed else None
        fresh: list[_Page] = []

        def compute() -> dict[str, Any]:
            parsed = self._parse(doc, idx)
            if parsed is None:
                raise _NoBody
            fresh.append(parsed[0])
            return parsed[1]

        try:
            record = self.cache(f"{doc.body_hash} {doc.url}", _PAGE_AUDIT, self.version, compute)
        except _NoBody:
            return None
        if fresh:
            return fresh[0]
        try:
            return self._load(record, doc, idx)
        except _Uncached:
            parsed = self._parse(doc, idx)
            return parsed[0] if parsed else None

    def _chrome(self, ref: _ChromeRef, origin: str, base: str, make: Callable[[], _Block]) -> _Block:
        """The shared block of a chrome element: the one already seen with the same markup (and
        links resolving alike), else ``make()``."""
        sig, region, relative = ref
        ck = (sig, region, origin)
        block = self.chrome_cache.get(ck)
        if block is None and relative:
            ck = (sig, region, base.rsplit("/", 1)[0])
            block = self.chrome_cache.get(ck)
        if block is None:
            block = make()
            if len(self.chrome_cache) < _MAX_CHROME:
                self.chrome_cache[ck] = block
        return block

    def _extracted(self, el: Any, ref: _ChromeRef, ctx: _Ctx) -> _Block:
        links, forms, footer = _extract_chrome(el, ref[1], ctx)
        block = _Block(ref[1], links, forms, footer)
        if self.cache is not None:
            self.cache(_chrome_key(ref, ctx.origin, ctx.base), _CHROME_AUDIT, self.version, lambda: _block_row(block))
        return block

    def _cached_block(self, ref: _ChromeRef, origin: str, base: str) -> _Block:
        def missing() -> Any:
            raise _Uncached

        assert self.cache is not None
        row = self.cache(_chrome_key(ref, origin, base), _CHROME_AUDIT, self.version, missing)
        return _Block(ref[1], tuple(map(_link_of, row["links"])), tuple(map(_form_of, row["forms"])), row["footer"])

    def _text_hits(self, labels: Sequence[tuple[str, int, str]], folded: str) -> tuple[int, ...]:
        """The text rules (indexes into ``probes``) the page's labels and main text meet."""
        return tuple(i for i, probe in enumerate(self.probes or ()) if _probe_match(probe, labels, folded))

    def _load(self, record: Mapping[str, Any], doc: PageDoc, idx: int) -> _Page:
        """A page rebuilt from its cached parse (chrome blocks shared as when parsed)."""
        origin, base = record["origin"], record["base"]
        chrome = []
        for sig, region, relative in record["chrome"]:
            ref = (sig, region, relative)
            chrome.append(self._chrome(ref, origin, base, lambda ref=ref: self._cached_block(ref, origin, base)))
        page = _Page(
            idx,
            doc.url,
            url_key(_strip_fragment(doc.url)),
            doc.fetched_at,
            doc.depth,
            record["title"],
            _labels_of(record["labels"]),
            _labels_of(record["sections"]),
            record["headings"],
            record["news"],
            record["empty"],
            record["soft404"],
            "",
            [],
            frozenset(record["first"]),
            tuple(record["text"]),
        )
        for block in chrome:  # only once all are found: a page parsed again must not count twice
            block.pages.append(idx)
            page.blocks.append(block)
        if record["links"] is not None:
            page.blocks.append(
                _Block("", tuple(map(_link_of, record["links"])), tuple(map(_form_of, record["forms"])), "", [idx])
            )
        return page

    def _record(self, page: _Page, origin: str, base: str, chrome: list[_ChromeRef], parsed: bool) -> dict[str, Any]:
        """What the cache keeps of a parse: all but the snapshot's own fields (URL, date, depth)."""
        content = page.blocks[-1] if parsed else None
        return {
            "title": page.title,
            "news": page.is_news,
            "empty": page.empty,
            "soft404": page.soft404,
            "labels": [raw for _n, _w, raw in page.labels],
            "sections": [raw for _n, _w, raw in page.sections],
            "headings": page.headings,
            "first": sorted(page.first_keys),
            "text": page.text_hits,
            "origin": origin,
            "base": base,
            "chrome": chrome,
            "links": [_link_row(x) for x in content.links] if content else None,
            "forms": [_form_row(f) for f in content.forms] if content else [],
        }

    def _parse(self, doc: PageDoc, idx: int) -> tuple[_Page, dict[str, Any]] | None:
        """The page parsed from its HTML, with the record the cache keeps; None without HTML."""
        html = doc.markup()
        if html is None:
            return None
        key = url_key(_strip_fragment(doc.url))
        try:
            root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=_HTML_PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            root = None
        del html
        split = urlsplit(doc.url)
        origin = f"{split.scheme}://{split.netloc}"
        page = _Page(
            idx,
            doc.url,
            key,
            doc.fetched_at,
            doc.depth,
            "",
            [],
            [],
            [],
            _is_news_key(key),
            True,
            False,
            "",
            [],
            frozenset(),
        )
        if root is None:
            self._set_text(page, "")
            return page, self._record(page, origin, doc.url, [], False)
        base = doc.url
        base_el = root.find(".//base[@href]")
        if base_el is not None:
            try:
                base = urljoin(doc.url, base_el.get("href"))
                bs = urlsplit(base)
                origin = f"{bs.scheme}://{bs.netloc}"
            except ValueError:  # an unparsable <base href>: browsers ignore it
                base = doc.url
        ctx = _Ctx(base, origin, self.resolve)
        title_el = root.find(".//title")
        title = _text(title_el) if title_el is not None else ""
        page.title = title
        for m in root.iter("meta"):
            if (m.get("property") or m.get("name") or "").lower() == "og:type" and (
                m.get("content") or ""
            ).lower() == "article":
                page.is_news = True
        extra_links: list[_Link] = []
        for ln in root.xpath("//link[@rel='alternate' and @href]"):
            t = (ln.get("type") or "").lower()
            if "rss" in t or "atom" in t:
                link = _make_link(None, ln.get("href"), ctx, "header", False, "")
                if link is not None:
                    link.text, link.norm, link.nwords = "RSS", "rss", 1
                    extra_links.append(link)
        for src in root.xpath("//script/@src | //iframe/@src | //embed/@src | //object/@data"):
            link = _make_link(None, str(src), ctx, "", False, "")
            if link is not None:
                link.embed = True
                extra_links.append(link)
        first = set()
        body = root.find("body")
        for a in itertools.islice((a for a in (body if body is not None else root).iter("a") if a.get("href")), 6):
            t = self.resolve(base, origin, a.get("href").strip())
            if t:
                first.add(url_key(t))
        page.first_keys = frozenset(first)
        etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)

        # Chrome: header, navigation and footer blocks, shared between pages.
        outer = _chrome_roots(root)
        refs: list[_ChromeRef] = []
        for r in outer:
            sig = etree.tostring(r, with_tail=False)
            ref = (hashlib.sha1(sig).hexdigest(), _region_of(r), _RELATIVE_HREF.search(sig) is not None)
            block = self._chrome(ref, origin, base, lambda r=r, ref=ref: self._extracted(r, ref, ctx))
            refs.append(ref)
            block.pages.append(idx)
            page.blocks.append(block)
        for r in outer:
            r.drop_tree()

        # Content: headings (labels, periods, link context), links, forms, text.
        labels: list[tuple[str, int, str]] = []
        segments = [s for s in _TITLE_SPLIT.split(title) if s.strip()] if title else []
        for s in ([title] if title else []) + (segments if len(segments) > 1 else []):
            n, w = _text_norm(s)
            labels.append((n, w, s))
        heading = ""
        links: list[_Link] = list(extra_links)
        for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "a"):
            if el.tag == "a":
                href = el.get("href")
                link = _make_link(el, href, ctx, "", False, heading) if href else None
                if link is not None:
                    links.append(link)
                continue
            text = _text(el)
            if not text:
                continue
            heading = text
            page.headings.append(text)
            n, w = _text_norm(text)
            if el.tag == "h1":
                labels.append((n, w, text))
            elif el.tag in ("h2", "h3") and _section_has_content(el):
                page.sections.append((n, w, text))
        page.labels = labels
        label_words = " ".join(x[0] for x in labels)
        forms = tuple(_form_info(f, label_words) for f in root.iter("form"))
        page.blocks.append(_Block("", tuple(links), forms, "", [idx]))
        body = root.find("body")
        main_fold = fold(_text(body if body is not None else root))
        nwords = len(main_fold.split())
        has_media = bool(_MEDIA_XPATH(root))
        content_links = sum(1 for x in links if not x.embed)
        page.empty = (nwords < 15 and not has_media and content_links < 2) or (
            nwords < 60 and _UNDER_CONSTRUCTION.search(main_fold) is not None
        )
        head = fold(title + " " + " ".join(page.headings[:2]))
        page.soft404 = bool(_SOFT404.search(head)) and nwords < 150
        self._set_text(page, main_fold)
        return page, self._record(page, origin, base, refs, True)

    def _set_text(self, page: _Page, main_fold: str) -> None:
        """Keep the page's main text, or (the text rules being known) only which ones it meets:
        the text is most of a page's weight."""
        if self.probes is None:
            page.main_fold = main_fold
        else:
            page.text_hits = self._text_hits(page.labels + page.sections, main_fold)


@dataclass
class SiteIndex:
    """Every crawled page parsed once, indexed for all checklist items (reuse across profiles)."""

    home_url: str
    site_host: str
    pages: list[_Page]
    status: dict[str, _Status]
    blocks: list[_Block]
    labels: _PhraseIndex
    link_texts: _PhraseIndex
    urls: _PhraseIndex
    targets: dict[str, list[tuple[_Block, _Link]]]
    link_states: dict[str, str]
    home: _Page | None
    depth: dict[str, int]
    menu_keys: set[str]
    menu_prefixes: tuple[str, ...]
    placements: dict[str, set[str]]
    footers: dict[str, list[int]]
    probes: tuple[_TextProbe, ...] | None = None  # the text rules answered per page (None: pages keep their text)
    # text rule -> the pages that meet it (those of ``probes``, and the others once asked)
    text_hits: dict[_TextProbe, list[_Page]] = field(default_factory=dict)

    def text_pages(self, rule: Rule) -> list[_Page]:
        """The pages whose own labels (``on_title``) and main text meet a text rule."""
        probe = _probe(rule)
        pages = self.text_hits.get(probe)
        if pages is None:
            if self.probes is not None:
                raise ValueError(f"regla de texto no indexada (falta en text_rules de index_site): {rule}")
            pages = [p for p in self.pages if _probe_match(probe, p.labels + p.sections, p.main_fold)]
            self.text_hits[probe] = pages
        return pages


def index_site(
    pages: Iterable[PageDoc],
    *,
    home_url: str,
    link_states: Mapping[str, str] | None = None,
    text_rules: Iterable[Rule] | None = None,
    cache: ParseCache | None = None,
) -> SiteIndex:
    """Parse every page once and build the indexes :func:`evaluate` needs.

    Pass the result to :func:`evaluate` instead of the pages to judge several profiles without
    parsing twice. With ``text_rules`` (see :func:`text_rules`) each page is judged against them
    while parsed and its text is not kept (most of a big site's memory); only those text rules
    can then be evaluated. ``cache`` (with ``text_rules``; pages with a ``body_hash``) keeps each
    page's parse: a page seen before with the same body and URL is not parsed again.
    """
    probes = tuple(dict.fromkeys(_probe(r) for r in text_rules)) if text_rules is not None else None
    builder = _Builder(home_url, probes, cache)
    parsed: list[_Page] = []
    status: dict[str, _Status] = {}
    for doc in pages:
        key = url_key(_strip_fragment(doc.url))
        page = None
        if doc.has_html and doc.status < 400 and "html" in (doc.content_type or "text/html").lower():
            page = builder.parse(doc, len(parsed))
            if page is not None and page.soft404:
                parsed.append(page)  # keeps block indexes consistent; never evidence
                status[key] = _Status(doc.url, 404, doc.fetched_at, None)
                continue
            if page is not None:
                parsed.append(page)
        prev = status.get(key)
        if prev is None or (prev.page is None and page is not None) or (prev.status >= 400 and doc.status < 400):
            status[key] = _Status(doc.url, doc.status, doc.fetched_at, page)
    ok_pages = [p for p in parsed if status.get(p.key) is not None and status[p.key].page is p]
    ok_ids = {p.idx for p in ok_pages}

    blocks: list[_Block] = []
    seen_blocks: set[int] = set()
    for p in parsed:
        if p.idx not in ok_ids:
            continue
        for b in p.blocks:
            if id(b) not in seen_blocks:
                seen_blocks.add(id(b))
                b.pages = [i for i in b.pages if i in ok_ids]
                blocks.append(b)

    labels, link_texts, urls = _PhraseIndex(), _PhraseIndex(), _PhraseIndex()
    targets: dict[str, list[tuple[_Block, _Link]]] = {}
    for p in ok_pages:
        for n, w, raw in p.labels:
            labels.add(n, w, (p, "title", raw))
        for n, w, raw in p.sections:
            labels.add(n, w, (p, "section", raw))
    for b in blocks:
        for link in b.links:
            occ = (b, link)  # one pair for both indexes: there are hundreds of thousands
            if not link.embed:
                link_texts.add(link.norm, link.nwords, occ)
            targets.setdefault(link.key, []).append(occ)
    for key in set(status) | set(targets):
        for n in _path_norms(key):
            if n:
                urls.add(n, 0, key)
    labels.build()
    link_texts.build()
    urls.build()

    states: dict[str, str] = {}
    for u, s in (link_states or {}).items():
        if s not in LINK_STATES:
            raise ValueError(f"link_states: estado {s!r} no válido para {u}; válidos: {', '.join(LINK_STATES)}")
        states[url_key(_strip_fragment(u))] = s

    home_key = url_key(_strip_fragment(home_url))
    home = status[home_key].page if home_key in status and status[home_key].page else None
    if home is None:
        zero = [p for p in ok_pages if p.depth_hint == 0]
        home = zero[0] if zero else (ok_pages[0] if ok_pages else None)
    by_idx = {p.idx: p for p in ok_pages}
    depth = _bfs(home, by_idx, status)
    for p in ok_pages:
        if p.key not in depth and p.depth_hint is not None:
            depth[p.key] = p.depth_hint

    menu_keys, prefixes = _transparency_menu(home, ok_pages, labels, status, targets)
    placements: dict[str, set[str]] = {}
    for b in blocks:
        if b.region:
            for link in b.links:
                placements.setdefault(link.key, set()).add(b.region)
    if home is not None:
        for k in home.first_keys:
            placements.setdefault(k, set()).add("header")
    footers: dict[str, list[int]] = {}
    for b in blocks:
        if b.region == "footer" and b.footer:
            footers.setdefault(b.footer, []).extend(b.pages)
    text_hits: dict[_TextProbe, list[_Page]] = {probe: [] for probe in probes or ()}
    for p in ok_pages:
        for i in p.text_hits:
            text_hits[probes[i]].append(p)  # type: ignore[index]
    return SiteIndex(
        home_url=home_url,
        site_host=builder.site_host,
        pages=ok_pages,
        status=status,
        blocks=blocks,
        labels=labels,
        link_texts=link_texts,
        urls=urls,
        targets=targets,
        link_states=states,
        home=home,
        depth=depth,
        menu_keys=menu_keys,
        menu_prefixes=prefixes,
        placements=placements,
        footers=footers,
        probes=probes,
        text_hits=text_hits,
    )


def _bfs(home: _Page | None, by_idx: Mapping[int, _Page], status: Mapping[str, _Status]) -> dict[str, int]:
    depth: dict[str, int] = {}
    if home is None:
        return depth
    depth[home.key] = 0
    frontier = [home]
    expanded: set[int] = set()
    d = 0
    while frontier:
        d += 1
        nxt: list[_Page] = []
        for p in frontier:
            for b in p.blocks:
                if id(b) in expanded:
                    continue
                expanded.add(id(b))
                for link in b.links:
                    if link.key in depth or link.embed:
                        continue
                    depth[link.key] = d
                    st = status.get(link.key)
                    if st is not None and st.page is not None and st.page.idx in by_idx:
                        nxt.append(st.page)
        frontier = nxt
    return depth


def _transparency_menu(
    home: _Page | None,
    pages: list[_Page],
    labels: _PhraseIndex,
    status: Mapping[str, _Status],
    targets: Mapping[str, list[tuple[_Block, _Link]]],
) -> tuple[set[str], tuple[str, ...]]:
    roots: dict[str, _Page] = {}
    for phrase, slack in ((TRANSPARENCY[0], 4), (TRANSPARENCY[1], 2)):
        for i in labels.find(phrase):
            if labels.nwords[i] - _count_words(phrase) > slack:
                continue
            for p, kind, _raw in labels.payloads[i]:
                if kind == "title" and not p.is_news:
                    roots[p.key] = p
    if home is not None:
        for b in home.blocks:
            for link in b.links:
                if _label_match(TRANSPARENCY[0], link.norm, link.nwords, 4) or _label_match(
                    TRANSPARENCY[1], link.norm, link.nwords, 2
                ):
                    st = status.get(link.key)
                    if st is not None and st.page is not None and not st.page.is_news:
                        roots[st.page.key] = st.page
    home_key = home.key if home else ""
    roots.pop(home_key, None)
    menu: set[str] = set(roots)
    prefixes: list[str] = []
    for key in roots:
        host, _, path = key.partition("/")
        segs = path.split("?", 1)[0].split("/")
        for i, s in enumerate(segs):
            if "transparencia" in fold(unquote(s)):
                prefixes.append(host + "/" + "/".join(segs[: i + 1]) + "/")
                break
    # Level 1: content links of the menu pages and every link inside a "Transparencia" drop-down.
    level1: set[str] = set()
    for p in roots.values():
        for b in p.blocks:
            if not b.region:
                level1.update(link.key for link in b.links if not link.embed)
    for key, occ in targets.items():
        if any(link.tmenu for _b, link in occ):
            level1.add(key)
    level1.discard(home_key)
    menu |= level1
    # Level 2: content links of the section pages.
    for key in list(level1):
        st = status.get(key)
        if st is None or st.page is None:
            continue
        for b in st.page.blocks:
            if not b.region:
                menu.update(link.key for link in b.links if not link.embed)
    menu.discard(home_key)
    return menu, tuple(prefixes)


# --------------------------------------------------------------------------------------------
# Periods (current year, last year, quarters)
# --------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)((?:19[89]|20\d)\d)(?!\d)")
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|/|_|\ba\b|\bal\b|\bhasta\b)\s*((?:19|20)\d\d)(?!\d)")
_ORD = {
    "primer": 1,
    "primero": 1,
    "1er": 1,
    "1": 1,
    "i": 1,
    "uno": 1,
    "segundo": 2,
    "2do": 2,
    "2": 2,
    "ii": 2,
    "dos": 2,
    "tercer": 3,
    "tercero": 3,
    "3er": 3,
    "3": 3,
    "iii": 3,
    "tres": 3,
    "cuarto": 4,
    "4to": 4,
    "4": 4,
    "iv": 4,
    "cuatro": 4,
}
_Q_BEFORE = re.compile(
    r"(?<![a-z0-9])(primer|primero|1er|segundo|2do|tercer|tercero|3er|cuarto|4to|iii|ii|iv|i|[1-4])"
    r"(?:\.|o|er|do|ro|to|°|º)?[\s_\-]*trimestre"
)
_Q_AFTER = re.compile(
    r"trimestre[\s_\-]*(?:no\.?\s*|n\.?\s*|#\s*)?(primero|segundo|tercero|cuarto|uno|dos|tres|cuatro|iii|ii|iv|i|[1-4])(?![a-z0-9])"
)
_Q_SHORT = re.compile(r"(?<![a-z0-9])[tq]([1-4])(?![a-z0-9])")
_MONTHS = {
    "enero": 1,
    "ene": 1,
    "febrero": 2,
    "feb": 2,
    "marzo": 3,
    "mar": 3,
    "abril": 4,
    "abr": 4,
    "mayo": 5,
    "junio": 6,
    "jun": 6,
    "julio": 7,
    "jul": 7,
    "agosto": 8,
    "ago": 8,
    "septiembre": 9,
    "setiembre": 9,
    "sep": 9,
    "sept": 9,
    "octubre": 10,
    "oct": 10,
    "noviembre": 11,
    "nov": 11,
    "diciembre": 12,
    "dic": 12,
}
_MONTH_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![a-z])")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _years(text: str) -> set[int]:
    years = {int(y) for y in _YEAR.findall(text)}
    for a, b in _RANGE.findall(text):
        a_, b_ = int(a), int(b)
        if 0 < b_ - a_ <= 12:
            years.update(range(a_, b_ + 1))
    return years


def _quarters(text: str) -> set[int]:
    qs = {_ORD[m] for m in _Q_BEFORE.findall(text)} | {_ORD[m] for m in _Q_AFTER.findall(text)}
    qs |= {int(m) for m in _Q_SHORT.findall(text)}
    months = [_MONTHS[m] for m in _MONTH_RE.findall(text)]
    for a, b in zip(months, months[1:], strict=False):
        if b - a == 2 and a in (1, 4, 7, 10):
            qs.add((a + 2) // 3)
    return qs


def _periods(strings: Iterable[str], fallback_years: set[int]) -> set[tuple[int, int | None]]:
    out: set[tuple[int, int | None]] = set()
    for s in strings:
        if not s:
            continue
        f = fold(unquote(s)).replace("_", " ")
        ys = _years(f)
        qs = _quarters(f)
        for y in ys:
            out.add((y, None))
        if qs:
            for y in ys or fallback_years:
                for q in qs:
                    out.add((y, q))
    return out


def _fmt_period(p: tuple[int, int | None]) -> str:
    return str(p[0]) if p[1] is None else f"{_ROMAN[p[1]]} trimestre de {p[0]}"


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    url: str
    found_on: str
    snapshot: str | None
    describe: str
    depth: int | None
    in_menu: bool
    placements: frozenset[str]
    problems: list[str] = field(default_factory=list)
    content_problem: bool = False
    period_strings: tuple[str, ...] = ()
    fallback_years: frozenset[int] = frozenset()


class _Judge:
    """Turns rules into hits; shared per-block caches keep big sites fast."""

    def __init__(self, checklist: Checklist, idx: SiteIndex) -> None:
        self.c, self.idx = checklist, idx
        self.hosts = dict(NATIONAL_SYSTEMS)
        self.hosts.update(dict(checklist.hosts))
        self.by_idx = {p.idx: p for p in idx.pages}
        self._best: dict[int, _Page | None] = {}
        self._block_menu: dict[int, bool] = {}
        self._menu_cache: dict[str, bool] = {}
        self._news_cache: dict[str, bool] = {}
        self._external_keys: list[str] | None = None
        self._host_keys: dict[tuple[str, ...], list[str]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def _best_of(self, ids: Iterable[int]) -> _Page | None:
        """Of these pages, the one to show as evidence: home, else the shallowest."""
        pages = [self.by_idx[i] for i in ids if i in self.by_idx]
        home = self.idx.home
        return min(pages, key=lambda p: (p is not home, self.idx.depth.get(p.key, 99), p.url)) if pages else None

    def _best_page(self, block: _Block) -> _Page | None:
        """The page a block (shared by many pages) is best shown on."""
        key = id(block)  # blocks live in the SiteIndex for the judge's lifetime
        if key not in self._best:
            self._best[key] = self._best_of(block.pages)
        return self._best[key]

    def _in_menu_key(self, key: str) -> bool:
        hit = self._menu_cache.get(key)
        if hit is None:
            hit = key in self.idx.menu_keys or any(key.startswith(pre) for pre in self.idx.menu_prefixes)
            self._menu_cache[key] = hit
        return hit

    def _occ_in_menu(self, block: _Block, link: _Link) -> bool:
        if link.tmenu or self._in_menu_key(link.key):
            return True
        if block.region:
            return False
        k = id(block)
        if k not in self._block_menu:
            page = self._best_page(block)
            self._block_menu[k] = page is not None and self._in_menu_key(page.key)
        return self._block_menu[k]

    def _depth(self, key: str, hint: int | None = None) -> int | None:
        return self.idx.depth.get(key, hint)

    def _page_hit(self, page: _Page, describe: str, item: Item) -> _Hit | None:
        if page.is_news and not item.allow_news:
            return None
        hit = _Hit(
            url=page.url,
            found_on=page.url,
            snapshot=page.fetched_at,
            describe=describe,
            depth=self._depth(page.key, page.depth_hint),
            in_menu=self._in_menu_key(page.key),
            placements=frozenset(self.idx.placements.get(page.key, ())),
        )
        if page.empty:
            hit.problems.append(f"la página {page.url} está vacía o en construcción")
            hit.content_problem = True
        hit.period_strings = (page.title, *page.headings)
        return hit

    def _page_hits(self, found: Iterable[tuple[_Page, str]], item: Item) -> list[_Hit]:
        """Page hits, one per page, shallowest first, at most MAX_HITS."""
        best: dict[int, tuple[_Page, str]] = {}
        for page, describe in found:
            if page.idx not in best and not (page.is_news and not item.allow_news):
                best[page.idx] = (page, describe)
        chosen = sorted(best.values(), key=lambda x: (self._depth(x[0].key, x[0].depth_hint) or 99, x[0].url))
        hits = [self._page_hit(p, d, item) for p, d in chosen[:MAX_HITS]]
        return [h for h in hits if h is not None]

    def _link_hit(self, block: _Block, link: _Link, item: Item) -> _Hit | None:
        found = self._best_page(block)
        if found is None:
            return None
        st = self.idx.status.get(link.key)
        target = st.page if st is not None else None
        if (target is not None and target.is_news) or (target is None and _is_news_key(link.key)):
            if not item.allow_news:
                return None
        depth = self._depth(link.key)
        found_depth = self._depth(found.key, found.depth_hint)
        if depth is None and found_depth is not None:
            depth = found_depth + 1
        placements = set(self.idx.placements.get(link.key, ()))
        if block.region:
            placements.add(block.region)
        text = link.text or _filename(link.key) or link.target
        what = "documento" if link.is_doc else "enlace"
        hit = _Hit(
            url=link.target,
            found_on=found.url,
            snapshot=target.fetched_at if target is not None else found.fetched_at,
            describe=f"{what} «{text}» en {found.url}",
            depth=depth,
            in_menu=self._occ_in_menu(block, link),
            placements=frozenset(placements),
        )
        state = self.idx.link_states.get(link.key)
        if st is not None and st.status >= 400:
            hit.problems.append(f"el enlace «{text}» apunta a una página rota ({st.status})")
            hit.content_problem = True
        elif state == "broken" and target is None:
            hit.problems.append(f"el enlace «{text}» está roto")
            hit.content_problem = True
        elif target is not None and target.empty:
            hit.problems.append(f"el enlace «{text}» lleva a una página vacía o en construcción")
            hit.content_problem = True
        strings = [link.text, _filename(link.key), link.ctx]
        if target is not None:
            strings += [target.title, *target.headings]
        hit.period_strings = tuple(strings)
        return hit

    def _is_news_target(self, key: str) -> bool:
        news = self._news_cache.get(key)
        if news is None:
            st = self.idx.status.get(key)
            news = st.page.is_news if st is not None and st.page is not None else _is_news_key(key)
            self._news_cache[key] = news
        return news

    def _link_hits(self, occ: Iterable[tuple[_Block, _Link]], item: Item) -> list[_Hit]:
        """Link hits, one per target (its best occurrence: in the menu, shallowest page); the
        MAX_HITS shallowest targets, news targets left out unless the item allows them."""
        groups: dict[str, list[tuple[_Block, _Link]]] = {}
        skipped: set[str] = set()
        for block, link in occ:
            g = groups.get(link.key)
            if g is None:
                if link.key in skipped:
                    continue
                if not item.allow_news and self._is_news_target(link.key):
                    skipped.add(link.key)
                    continue
                g = groups[link.key] = []
            g.append((block, link))
        keys = sorted(groups, key=lambda k: (self._depth(k) or 99, k))[:MAX_HITS]
        hits = []
        for key in keys:
            best: tuple[tuple[bool, int], _Block, _Link] | None = None
            for block, link in groups[key]:
                page = self._best_page(block)
                if page is None:
                    continue
                rank = (not self._occ_in_menu(block, link), self._depth(page.key, page.depth_hint) or 99)
                if best is None or rank < best[0]:
                    best = (rank, block, link)
                    if rank == (False, 0):
                        break
            if best is not None:
                hit = self._link_hit(best[1], best[2], item)
                if hit is not None:
                    hits.append(hit)
        return hits

    def _label_ok(self, rule: Rule, norm: str) -> bool:
        return not any(_in_norm(x, norm) for x in rule.exclude)

    def _scope_ok(self, rule: Rule, block: _Block | None, page: _Page | None) -> bool:
        s = rule.scope
        if s == "any":
            return True
        if s == "home":
            home = self.idx.home
            if block is not None:
                return home is not None and home.idx in block.pages
            return page is not None and page is home
        region = block.region if block is not None else ""
        if s == "content":
            return region == ""
        if s == "chrome":
            return region != ""
        return region == s

    def _host_patterns(
        self, patterns: Sequence[str], seen: frozenset[str] = frozenset()
    ) -> tuple[set[str], list[str], list[str]]:
        """Host patterns (``@alias`` expanded) as exact hosts, host suffixes and URL key prefixes."""
        exact: set[str] = set()
        suffixes: list[str] = []
        prefixes: list[str] = []
        for pat in patterns:
            if pat.startswith("@"):
                if pat not in seen:
                    e, s, p = self._host_patterns(self.hosts.get(pat[1:], ()), seen | {pat})
                    exact |= e
                    suffixes += s
                    prefixes += p
                continue
            pat = pat[4:] if pat.startswith("www.") else pat
            if pat.startswith("*."):
                exact.add(pat[2:])
                suffixes.append(pat[1:])
            elif "/" in pat:
                prefixes.append(pat)
            else:
                exact.add(pat)
        return exact, suffixes, prefixes

    def _linked_to(self, hosts: tuple[str, ...]) -> list[str]:
        """The external targets matching these host patterns (many rules name the same systems)."""
        keys = self._host_keys.get(hosts)
        if keys is None:
            if self._external_keys is None:
                self._external_keys = [k for k in self.idx.targets if self._external(k)]
            exact, suffixes, prefixes = self._host_patterns(hosts)
            ends, starts = tuple(suffixes), tuple(prefixes)
            keys = self._host_keys[hosts] = [
                k
                for k in self._external_keys
                if (host := k.split("/", 1)[0]) in exact or host.endswith(ends) or k.startswith(starts)
            ]
        return keys

    def _external(self, key: str) -> bool:
        host = key.split("/", 1)[0]
        site = self.idx.site_host
        return bool(site) and host != site and not host.endswith("." + site)

    # -- rules -------------------------------------------------------------------------------
    def rule_hits(self, rule: Rule, item: Item) -> list[_Hit]:
        return getattr(self, f"_r_{rule.kind}")(rule, item)

    def _r_title(self, rule: Rule, item: Item) -> list[_Hit]:
        lab = self.idx.labels

        def found() -> Iterable[tuple[_Page, str]]:
            for phrase in rule.keywords:
                most = rule.slack + _count_words(phrase)  # words a label about the phrase may have
                for i in lab.find(phrase):
                    if lab.nwords[i] > most or not self._label_ok(rule, lab.entries[i]):
                        continue
                    for page, kind, raw in lab.payloads[i]:
                        if self._scope_ok(rule, None, page):
                            yield page, f"{'página' if kind == 'title' else 'sección'} «{raw}» ({page.url})"

        return self._page_hits(found(), item)

    def _r_link_text(self, rule: Rule, item: Item) -> list[_Hit]:
        lt = self.idx.link_texts

        def occ() -> Iterable[tuple[_Block, _Link]]:
            for phrase in rule.keywords:
                most = rule.slack + _count_words(phrase)  # words a link text about the phrase may have
                for i in lt.find(phrase):
                    if lt.nwords[i] > most or not self._label_ok(rule, lt.entries[i]):
                        continue
                    for block, link in lt.payloads[i]:
                        if self._scope_ok(rule, block, None):
                            yield block, link

        return self._link_hits(occ(), item)

    def _url_keys(self, rule: Rule, phrases: Iterable[tuple[str, ...]]) -> set[str]:
        u = self.idx.urls
        keys: set[str] = set()
        for slug in phrases:
            for i in u.find(slug):
                if self._label_ok(rule, u.entries[i]):
                    keys.update(u.payloads[i])
        return keys

    def _r_url(self, rule: Rule, item: Item) -> list[_Hit]:
        keys = self._url_keys(rule, rule.slugs)
        pages = []
        for key in keys:
            st = self.idx.status.get(key)
            if st is not None and st.page is not None and self._scope_ok(rule, None, st.page):
                pages.append((st.page, f"página {st.page.url}"))
        occ = (
            (b, ln)
            for key in keys
            for b, ln in self.idx.targets.get(key, ())
            if not ln.embed and self._scope_ok(rule, b, None)
        )
        return self._page_hits(pages, item) + self._link_hits(occ, item)

    def _r_text(self, rule: Rule, item: Item) -> list[_Hit]:
        pages = sorted(self.idx.text_pages(rule), key=lambda p: (self._depth(p.key, p.depth_hint) or 99, p.url))
        found: list[tuple[_Page, str]] = []
        for page in pages:
            if page.is_news and not item.allow_news:
                continue
            if self._scope_ok(rule, None, page):
                found.append((page, f"texto de la página {page.url}"))
                if len(found) >= MAX_HITS and not page.empty:
                    break
        return self._page_hits(found, item)

    def _r_footer(self, rule: Rule, item: Item) -> list[_Hit]:
        hits = []
        for text, ids in self.idx.footers.items():
            if not _text_match(rule.keywords, rule.patterns, rule.regex, text):
                continue
            page = self._best_of(ids)
            if page is None:
                continue
            hits.append(
                _Hit(
                    url=page.url,
                    found_on=page.url,
                    snapshot=page.fetched_at,
                    describe=f"pie de página de {page.url}",
                    depth=self._depth(page.key, page.depth_hint),
                    in_menu=False,
                    placements=frozenset({"footer"}),
                )
            )
        return hits[:MAX_HITS]

    def _r_form(self, rule: Rule, item: Item) -> list[_Hit]:
        names = {
            "search": "búsqueda",
            "pqrsd": "PQRSD / contacto",
            "survey": "encuesta",
            "payment": "pago",
            "query": "consulta",
            "subscription": "suscripción",
        }
        hits = []
        for block in self.idx.blocks:
            for form in block.forms:
                if rule.purpose not in form.purposes:
                    continue
                if rule.contains and not any(_in_norm(p, form.norm) for p in rule.contains):
                    continue
                if not self._scope_ok(rule, block, None):
                    continue
                page = self._best_page(block)
                if page is None:
                    continue
                hit = self._page_hit(page, f"formulario de {names[rule.purpose]} en {page.url}", item)
                if hit is not None:
                    hit.problems, hit.content_problem = [], False  # a page with a form is not empty
                    if block.region:
                        hit.placements = frozenset({block.region})
                    hits.append(hit)
                break
        return _dedupe(hits)[:MAX_HITS]

    def _r_link_to(self, rule: Rule, item: Item) -> list[_Hit]:
        per_page: dict[int, list[tuple[_Block, _Link]]] = {}
        for key in self._linked_to(rule.hosts):
            occ = self.idx.targets[key]
            for block, link in occ:
                if (link.embed and not rule.embeds) or not self._scope_ok(rule, block, None):
                    continue
                page = self._best_page(block)
                if page is None:
                    continue
                if rule.keywords:
                    page_norm = " ".join(x[0] for x in (page.labels + page.sections))
                    if not any(_in_norm(p, link.norm) or _in_norm(p, page_norm) for p in rule.keywords):
                        continue
                per_page.setdefault(page.idx, []).append((block, link))
        occ_ok = [o for occ in per_page.values() if len({link.key for _b, link in occ}) >= rule.min_count for o in occ]
        return self._link_hits(occ_ok, item)

    def _r_document(self, rule: Rule, item: Item) -> list[_Hit]:
        exts = frozenset(rule.extensions) if rule.extensions else DOC_EXTENSIONS
        occ: list[tuple[_Block, _Link]] = []
        lt = self.idx.link_texts
        for phrase in rule.keywords:
            for i in lt.find(phrase):
                if self._label_ok(rule, lt.entries[i]):
                    occ += [(b, ln) for b, ln in lt.payloads[i] if _is_doc_key(ln.key, exts)]
        for key in self._url_keys(rule, rule.keywords):
            if _is_doc_key(key, exts):
                occ += self.idx.targets.get(key, [])
        return self._link_hits([(b, ln) for b, ln in occ if not ln.embed and self._scope_ok(rule, b, None)], item)

    # -- constraints -------------------------------------------------------------------------
    def constrain(self, item: Item, hit: _Hit) -> None:
        if item.in_menu and not hit.in_menu:
            hit.problems.append("publicado fuera del menú de transparencia")
        if item.max_depth is not None and hit.depth is not None and hit.depth > item.max_depth:
            clics = "clic" if item.max_depth == 1 else "clics"
            hit.problems.append(
                f"a {hit.depth} clics de la página de inicio (se exige a lo sumo {item.max_depth} {clics})"
            )
        if item.placement:
            ok = bool(hit.placements) if item.placement == "chrome" else item.placement in hit.placements
            if not ok:
                where = {
                    "header": "la barra superior",
                    "footer": "el pie de página",
                    "chrome": "el encabezado o el pie de página",
                }[item.placement]
                hit.problems.append(f"no está enlazado desde {where} del sitio")


def _dedupe(hits: list[_Hit]) -> list[_Hit]:
    seen: dict[tuple[str, str], _Hit] = {}
    for h in hits:
        k = (h.url, h.found_on)
        if k not in seen or len(h.problems) < len(seen[k].problems):
            seen[k] = h
    return sorted(seen.values(), key=lambda h: (len(h.problems), h.depth if h.depth is not None else 99, h.url))


def _hit_periods(hits: Iterable[_Hit], judge: _Judge, item: Item) -> set[tuple[int, int | None]]:
    """Periods (year, quarter or None) the evidence shows: its texts, titles and headings, and on
    an evidence page the links/documents that name the item (else all its documents)."""
    out: set[tuple[int, int | None]] = set()
    for h in hits:
        if h.content_problem:
            continue
        strings = list(h.period_strings)
        title_years = _years(fold(strings[0] if strings else ""))
        # A page hit also reads the documents/links it offers that name the item.
        st = judge.idx.status.get(url_key(h.url))
        page = st.page if st is not None else None
        if page is not None:
            content = [b for b in page.blocks if not b.region]
            links = [ln for b in content for ln in b.links if not ln.embed]
            phrases = [p for part in item.parts for r in part.rules for p in (r.keywords or r.slugs)]
            named = [
                ln for ln in links if any(_in_norm(p, ln.norm) or _in_norm(p, _path_norm(ln.key)[0]) for p in phrases)
            ]
            chosen = named or [ln for ln in links if ln.is_doc]
            for ln in chosen:
                heading_years = _years(fold(ln.ctx)) or title_years
                out |= _periods([ln.text, _filename(ln.key)], heading_years)
        out |= _periods(strings, title_years)
    return out


def _period_problem(item: Item, periods: set[tuple[int, int | None]], today: datetime.date) -> str | None:
    eff = today - datetime.timedelta(days=item.grace_days)
    years = {y for y, _q in periods}
    if item.current in ("year", "last_year"):
        need = eff.year if item.current == "year" else eff.year - 1
        if need in years:
            return None
        found = sorted(y for y in years if y <= today.year)
        if not found:
            return f"no se identificó el periodo publicado (se espera {need})"
        return f"falta el periodo {need} (publicado: {', '.join(map(str, found[-4:]))})"
    q_done = (eff.month - 1) // 3
    need_q = (eff.year, q_done) if q_done else (eff.year - 1, 4)
    if need_q in periods:
        return None
    quarters = sorted(p for p in periods if p[1] is not None)
    if not quarters:
        return f"falta el periodo {_fmt_period(need_q)} (no se identificaron informes trimestrales)"
    return f"falta el periodo {_fmt_period(need_q)} (último publicado: {_fmt_period(quarters[-1])})"


def _declared(item: Item, decl: Mapping[str, Any] | None, profile: str, group: str) -> ItemResult | None:
    if not decl:
        return None
    status = decl.get("status")
    note = str(decl.get("note", "") or "")
    date = decl.get("date")
    date_s = date.isoformat() if hasattr(date, "isoformat") else (str(date) if date else None)
    ev = tuple(str(u) for u in decl.get("evidence", ()) or ())
    detail = "declarado por el comité" + (f" el {date_s}" if date_s else "") + (f": {note}" if note else "")
    return ItemResult(profile, item.id, group, item.name, status, ev, detail, date_s, "manual", item.weight)


def evaluate(
    checklist: Checklist,
    pages: Iterable[PageDoc] | SiteIndex,
    *,
    home_url: str,
    link_states: Mapping[str, str] | None = None,
    signals: Mapping[str, Any] | None = None,
    manual: Mapping[str, Any] | None = None,
    today: datetime.date,
) -> list[ItemResult]:
    """Judge every item of ``checklist`` against the crawled ``pages``.

    ``pages`` may also be a :class:`SiteIndex` from :func:`index_site` (parse once, evaluate
    several profiles). ``link_states`` maps URL -> ok|broken|blocked|redirect|skipped (external
    links; internal ones are judged from the page statuses). ``signals`` maps a signal name to a
    status (or to ``{"status", "detail", "evidence"}``) computed by another audit; a missing
    signal leaves the item ``manual``. ``manual`` is :func:`load_manual`'s result (or its
    ``items`` table): it gives the status of manual items, of items whose signal is missing, and
    may declare any item ``no_aplica``.
    """
    if isinstance(pages, SiteIndex):
        idx = pages
        if link_states:  # merged into a copy: the shared index is left as it was
            extra = index_site((), home_url=home_url, link_states=link_states).link_states
            idx = replace(idx, link_states={**idx.link_states, **extra})
    else:
        idx = index_site(pages, home_url=home_url, link_states=link_states, text_rules=text_rules([checklist]))
    decls: Mapping[str, Any] = {}
    if manual:
        decls = manual["items"] if isinstance(manual.get("items"), Mapping) else manual
    signals = signals or {}
    judge = _Judge(checklist, idx)
    results: dict[str, ItemResult] = {}
    pending: list[Item] = []
    for item in checklist.items:
        if any(r.kind == "aggregate" for part in item.parts for r in part.rules):
            pending.append(item)
            continue
        results[item.id] = _evaluate_item(item, checklist, judge, signals, decls, today, results)
    for item in pending:
        results[item.id] = _evaluate_item(item, checklist, judge, signals, decls, today, results)
    return [results[it.id] for it in checklist.items]


def _evaluate_item(
    item: Item,
    checklist: Checklist,
    judge: _Judge,
    signals: Mapping[str, Any],
    decls: Mapping[str, Any],
    today: datetime.date,
    done: Mapping[str, ItemResult],
) -> ItemResult:
    prof, group = checklist.profile, item.group
    decl = decls.get(item.id)
    exempt = _declared(item, decl, prof, group) if decl and decl.get("status") == "no_aplica" else None
    if exempt is not None:
        return exempt

    def result(status: str, evidence: Sequence[str], detail: str, snap: str | None, source: str = "auto") -> ItemResult:
        return ItemResult(prof, item.id, group, item.name, status, tuple(evidence), detail, snap, source, item.weight)

    if item.no_aplica:
        return _declared(item, decl, prof, group) or result(
            "no_aplica", (), f"no aplica: {item.no_aplica}", None, "manual"
        )
    if item.manual:
        return _declared(item, decl, prof, group) or result(
            "manual", (), "requiere declaración del comité (no se puede verificar en el sitio)", None, "manual"
        )
    rules = [r for part in item.parts for r in part.rules]
    signal_rules = [r for r in rules if r.kind == "signal"]
    if signal_rules:
        for r in signal_rules:
            value = signals.get(r.name)
            if value is None:
                continue
            if isinstance(value, Mapping):
                status, detail = value.get("status"), str(value.get("detail", "") or "")
                ev = tuple(str(u) for u in value.get("evidence", ()) or ())
            else:
                status, detail, ev = value, "", ()
            if status not in STATUSES:
                raise ValueError(f"signals: estado {status!r} no válido para '{r.name}'")
            return result(str(status), ev, detail or f"según la auditoría «{r.name}»", None)
        return _declared(item, decl, prof, group) or result(
            "manual", (), f"sin dato de la auditoría «{signal_rules[0].name}»; declárelo el comité", None, "manual"
        )
    agg = [r for r in rules if r.kind == "aggregate"]
    if agg:
        subs = [res for res in done.values() if any(res.item.startswith(r.prefix) for r in agg) and res.item != item.id]
        if not subs:
            return _declared(item, decl, prof, group) or result(
                "manual", (), f"no hay items «{agg[0].prefix}*» en la configuración (inventario)", None, "manual"
            )
        ok = [s for s in subs if s.status == "cumple"]
        missing = [s.name for s in subs if s.status != "cumple"]
        status = (
            "cumple"
            if len(ok) == len(subs)
            else ("parcial" if any(s.status in ("cumple", "parcial") for s in subs) else "no_cumple")
        )
        detail = f"{len(ok)} de {len(subs)} cumplen" + (f"; pendientes: {', '.join(missing)}" if missing else "")
        ev = [u for s in subs for u in s.evidence[:1]]
        snaps = [s.snapshot_date for s in ok if s.snapshot_date]
        return result(status, ev[:10], detail, max(snaps) if snaps else None)

    part_hits: list[tuple[Part, list[_Hit]]] = []
    for part in item.parts:
        hits: list[_Hit] = []
        for rule in part.rules:
            hits += judge.rule_hits(rule, item)
        for h in hits:
            judge.constrain(item, h)
        part_hits.append((part, _dedupe(hits)))

    good_parts = [(p, [h for h in hs if not h.problems]) for p, hs in part_hits]
    all_hits = [h for _p, hs in part_hits for h in hs]
    if not all_hits:
        return result("no_cumple", (), "no se encontró en el sitio rastreado", None)
    problems: list[str] = []
    chosen: list[_Hit] = []
    for (part, hs), (_p, good) in zip(part_hits, good_parts, strict=True):
        if good:
            chosen += good[:2]
        elif hs:
            chosen.append(hs[0])
            prefix = f"{part.name}: " if part.name else ""
            problems += [prefix + x for x in hs[0].problems]
        else:
            problems.append(f"falta: {part.name}" if part.name else "no se encontró")
    status = "cumple" if not problems else "parcial"
    period_note = ""
    if item.current:
        # The period must show in the evidence that counts: the good hits, else any usable one.
        good_hits = [h for _p, good in good_parts for h in good]
        periods = _hit_periods(good_hits or all_hits, judge, item)
        problem = _period_problem(item, periods, today)
        if problem:
            problems.append(problem)
            status = "parcial"
        else:
            eff = today - datetime.timedelta(days=item.grace_days)
            q = (eff.month - 1) // 3
            period_note = {"year": f"periodo {eff.year}", "last_year": f"periodo {eff.year - 1}"}.get(
                item.current, f"periodo {_fmt_period((eff.year, q) if q else (eff.year - 1, 4))}"
            )
    evidence: list[str] = []
    for h in chosen:
        for u in (h.url, h.found_on):
            if u not in evidence:
                evidence.append(u)
    if status == "cumple":
        detail = chosen[0].describe + (f"; {period_note}" if period_note else "")
    else:
        detail = "; ".join(dict.fromkeys(problems))
    snap = chosen[0].snapshot if chosen else None
    return result(status, evidence[:6], detail, snap)


# --------------------------------------------------------------------------------------------
# Comparison, scores, declarations, indicators
# --------------------------------------------------------------------------------------------


def as_dict(result: ItemResult) -> dict[str, Any]:
    """One result as a row of the JSON report's ``checklist`` list (contract keys first:
    profile, item, phase, status, evidence), plus name, detail, snapshot_date, source, weight."""
    return {
        "profile": result.profile,
        "item": result.item,
        "phase": result.phase,
        "status": result.status,
        "evidence": list(result.evidence),
        "name": result.name,
        "detail": result.detail,
        "snapshot_date": result.snapshot_date,
        "source": result.source,
        "weight": result.weight,
    }


def _effective(r: ItemResult) -> str | None:
    return r.status if r.status in _RANK else None


def regressions(current: list[ItemResult], previous: list[ItemResult]) -> list[dict[str, Any]]:
    """Compare two evaluations item by item.

    Returns one dict per change among cumple/parcial/no_cumple: ``kind`` is ``regression``
    (worse than before: an item that stopped complying), ``met`` (now ``cumple``) or
    ``improved`` (``no_cumple`` -> ``parcial``). Keys: profile, item, name, phase, kind, before,
    after, detail, evidence_before, evidence_after, snapshot_before, snapshot_after.
    """
    prev = {(r.profile, r.item): r for r in previous}
    out = []
    for r in current:
        p = prev.get((r.profile, r.item))
        if p is None:
            continue
        a, b = _effective(p), _effective(r)
        if a is None or b is None or a == b:
            continue
        if _RANK[b] < _RANK[a]:
            kind = "regression"
            detail = f"dejó de cumplir: pasó de {a} a {b}" + (f" ({r.detail})" if r.detail else "")
        elif b == "cumple":
            kind, detail = "met", f"ahora cumple (antes {a})"
        else:
            kind, detail = "improved", f"mejoró: pasó de {a} a {b}"
        out.append(
            {
                "profile": r.profile,
                "item": r.item,
                "name": r.name,
                "phase": r.phase,
                "kind": kind,
                "before": a,
                "after": b,
                "detail": detail,
                "evidence_before": list(p.evidence),
                "evidence_after": list(r.evidence),
                "snapshot_before": p.snapshot_date,
                "snapshot_after": r.snapshot_date,
            }
        )
    return out


def scores(results: list[ItemResult], checklists: Iterable[Checklist] | None = None) -> dict[str, Any]:
    """Weighted scores (0..100) per profile, per phase/section and overall.

    ``cumple`` counts 1, ``parcial`` the profile's ``parcial_value`` (0.5), ``no_cumple`` 0, each
    times the item weight. ``manual`` and ``no_aplica`` are left out of the denominator; an item
    the committee declared (source ``manual`` with cumple/parcial/no_cumple) counts. Group
    weights come from ``checklists`` or from the bundled profile of the same name (else 1).
    The overall score is the group-weighted mean of the group scores.

    Returns ``{profile: {"name", "overall", "groups": {group_id: {"name", "weight", "score",
    "cumple", "parcial", "no_cumple", "manual", "no_aplica"}}}}``.
    """
    known = {c.profile: c for c in (checklists or ())}
    out: dict[str, Any] = {}
    for profile in dict.fromkeys(r.profile for r in results):
        c = known.get(profile)
        if c is None:
            try:
                c = load_checklist(profile)
            except ValueError:
                c = None
        pv = c.parcial_value if c else 0.5
        groups: dict[str, dict[str, Any]] = {}
        acc: dict[str, list[float]] = {}
        for r in results:
            if r.profile != profile:
                continue
            g = c.group(r.phase) if c else Group(r.phase, r.phase, 1.0)
            entry = groups.setdefault(
                r.phase,
                {
                    "name": g.name,
                    "weight": g.weight,
                    "score": None,
                    "cumple": 0,
                    "parcial": 0,
                    "no_cumple": 0,
                    "manual": 0,
                    "no_aplica": 0,
                },
            )
            entry[r.status] = entry.get(r.status, 0) + 1
            if r.status in _RANK:
                value = {"cumple": 1.0, "parcial": pv, "no_cumple": 0.0}[r.status]
                a = acc.setdefault(r.phase, [0.0, 0.0])
                a[0] += value * r.weight
                a[1] += r.weight
        num = den = 0.0
        for gid, entry in groups.items():
            got, total = acc.get(gid, [0.0, 0.0])
            if total > 0:
                entry["score"] = round(100.0 * got / total, 1)
                num += entry["weight"] * entry["score"]
                den += entry["weight"]
        out[profile] = {
            "name": c.name if c else profile,
            "overall": round(num / den, 1) if den else None,
            "groups": groups,
        }
    return out


_MANUAL_ITEM_KEYS = {"status", "note", "date", "evidence", "declared_by"}
_MANUAL_IND_KEYS = {"id", "name", "target", "value", "note", "date", "unit"}


def load_manual(path: str | Path) -> dict[str, Any]:
    """Read the committee's declarations file (TOML).

    ::

        [items."transformacion.intranet"]
        status = "cumple"            # cumple | parcial | no_cumple | no_aplica
        note = "Intranet en SharePoint"
        date = 2026-10-15
        evidence = ["https://intranet.example/acta.pdf"]

        [[indicators]]
        id = "puntos_internet"
        name = "Puntos de internet por dependencia"
        target = "1 por dependencia"
        value = 8

    Returns ``{"items": {id: {...}}, "indicators": [{...}]}``; bad data raises ValueError
    naming the file and the key.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{p}: no se pudo leer: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p.name}: TOML no válido: {exc}") from None
    where = _Where(p.name)
    for k in data:
        if k not in ("items", "indicators"):
            raise where.error(k, "clave desconocida (válidas: items, indicators)")
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise where.error("items", 'se espera una tabla [items."<id>"]')
    for iid, decl in items.items():
        w = _Where(p.name, iid)
        if not isinstance(decl, dict):
            raise w.error("status", "se espera una tabla con status")
        for k in decl:
            if k not in _MANUAL_ITEM_KEYS:
                raise w.error(k, "clave desconocida")
        if decl.get("status") not in ("cumple", "parcial", "no_cumple", "no_aplica"):
            raise w.error("status", "se espera cumple, parcial, no_cumple o no_aplica")
        if "evidence" in decl:
            _str_list(decl["evidence"], w, "evidence")
    inds = data.get("indicators", [])
    if not isinstance(inds, list):
        raise where.error("indicators", "se espera una lista [[indicators]]")
    seen = set()
    for i, ind in enumerate(inds):
        if not isinstance(ind, dict):
            raise where.error(f"indicators[{i}]", "se espera una tabla")
        for k in ind:
            if k not in _MANUAL_IND_KEYS:
                raise where.error(f"indicators[{i}].{k}", "clave desconocida")
        for k in ("id", "name"):
            if not isinstance(ind.get(k), str) or not ind[k]:
                raise where.error(f"indicators[{i}].{k}", "falta o no es texto")
        if "value" not in ind:
            raise where.error(f"indicators[{i}].value", "falta el valor declarado")
        if ind["id"] in seen:
            raise where.error(f"indicators[{i}].id", f"indicador repetido {ind['id']!r}")
        seen.add(ind["id"])
    return {"items": items, "indicators": inds}


# The action plan's "Marco Operativo" indicators (Decreto 138 de 2008, Cajamarca).
PLAN_INDICATORS: tuple[tuple[str, str, Any], ...] = (
    ("frecuencia_actualizacion", "Frecuencia de actualización del sitio web", "4 veces al mes"),
    ("responsables_asignados", "Responsables asignados por dependencia", "1 por dependencia"),
    ("control_disponibilidad", "Mecanismo de control que mantiene la información disponible", 1),
    ("tramites_publicados", "Servicios y trámites publicados en SUIT / GOV.CO", "100 %"),
    ("canales_contacto", "Canales de contáctenos y quejas y reclamos funcionando", "funcionando"),
    ("entidades_aliadas", "Enlaces a entidades aliadas publicados", "enlaces publicados"),
    ("fases", "Avance en las cinco fases de Gobierno en Línea", "100 % por fase"),
    ("empalme", "Documento de empalme publicado en el sitio web", 1),
    ("control_periodico", "Mecanismo de control periódico de publicación y actualización", 1),
)


def indicators(
    results: list[ItemResult], manual: Mapping[str, Any] | None, auto_values: Mapping[str, object]
) -> list[dict[str, Any]]:
    """The action plan's indicators: id, name, target, value, source ('auto' | 'manual').

    Automatic values come from ``auto_values`` (other audits: ``frecuencia_actualizacion``,
    ``responsables_asignados``, ``entidades_aliadas``...) or, where this audit knows them, from
    the checklist results (``tramites_publicados``, ``canales_contacto``, ``fases``, ``empalme``).
    Indicators the committee declares in the manual file (``load_manual``) follow, labelled
    ``manual``; a declared indicator with the id of a plan indicator fills it only when no
    automatic value exists.
    """
    by_id = {r.item: r for r in results}
    declared = {d["id"]: d for d in (manual or {}).get("indicators", [])}
    derived: dict[str, Any] = {}
    tram = [r for r in results if r.item.startswith("tramite.")]
    if tram:
        derived["tramites_publicados"] = f"{round(100 * sum(r.status == 'cumple' for r in tram) / len(tram))} %"
    chans = [by_id[i] for i in ("info.contacto", "interaccion.pqrsd", "ley1712.1.10") if i in by_id]
    if chans:
        derived["canales_contacto"] = (
            "funcionando"
            if all(r.status == "cumple" for r in chans)
            else ", ".join(f"{r.name}: {r.status}" for r in chans)
        )
    gelt = [r for r in results if r.profile == "gelt-2008"]
    if gelt:
        sc = scores(gelt).get("gelt-2008", {}).get("groups", {})
        derived["fases"] = {gid: g["score"] for gid, g in sc.items() if gid != "plan"}
    if "plan.empalme" in by_id and by_id["plan.empalme"].status != "manual":
        derived["empalme"] = 1 if by_id["plan.empalme"].status == "cumple" else 0
    out = []
    for iid, name, target in PLAN_INDICATORS:
        value = auto_values.get(iid, derived.get(iid))
        if value is not None:
            out.append({"id": iid, "name": name, "target": target, "value": value, "source": "auto"})
        elif iid in declared:
            d = declared.pop(iid)
            out.append(
                {
                    "id": iid,
                    "name": d.get("name", name),
                    "target": d.get("target", target),
                    "value": d["value"],
                    "source": "manual",
                    "note": d.get("note", ""),
                    "date": _date_str(d.get("date")),
                }
            )
        else:
            out.append({"id": iid, "name": name, "target": target, "value": None, "source": "auto"})
    for d in declared.values():
        if d["id"] in {x[0] for x in PLAN_INDICATORS} and any(o["id"] == d["id"] for o in out):
            continue
        out.append(
            {
                "id": d["id"],
                "name": d["name"],
                "target": d.get("target"),
                "value": d["value"],
                "source": "manual",
                "note": d.get("note", ""),
                "date": _date_str(d.get("date")),
            }
        )
    return out


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
