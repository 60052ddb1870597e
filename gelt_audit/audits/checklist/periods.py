"""Periods (current year, last year, last completed quarter) read off the evidence: titles,
headings, link texts and file names ("Presupuesto 2026", "Informe II trimestre", "T1-2026"; a
quarter also from its three monthly reports: "Informe PQRS julio/agosto/septiembre de 2026")."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from urllib.parse import unquote

from .evidence import Hit
from .index import SiteIndex
from .model import Item
from .text import fold, in_norm, text_norm
from .urls import filename, path_norm, url_key

Period = tuple[int, int | None]  # (year, quarter or None)

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


def _periods(
    strings: Iterable[str], fallback_years: set[int], months: set[tuple[int, int]] | None = None
) -> set[Period]:
    """Periods named by the strings; ``months`` gathers the (year, month) of each string that
    names a single month (see :func:`_monthly_quarters`)."""
    out: set[Period] = set()
    months = set() if months is None else months
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
        named = {_MONTHS[m] for m in _MONTH_RE.findall(f)}
        if len(named) == 1 and len(ys or fallback_years) == 1:
            months.add((next(iter(ys or fallback_years)), named.pop()))
    return out


def _monthly_quarters(months: set[tuple[int, int]]) -> set[Period]:
    """Monthly reports: the three months of a quarter published make the quarter published."""
    out: set[Period] = set()
    for y, m in months:
        q = (m - 1) // 3 + 1
        if all((y, 3 * (q - 1) + k) in months for k in (1, 2, 3)):
            out.add((y, q))
    return out


def fmt_period(p: Period) -> str:
    """A period as a reader says it: ``2026`` or ``II trimestre de 2026``."""
    return str(p[0]) if p[1] is None else f"{_ROMAN[p[1]]} trimestre de {p[0]}"


def _ctx_norm(ctx: str) -> str:
    return text_norm(ctx)[0] if ctx else ""


def hit_periods(hits: Iterable[Hit], idx: SiteIndex, item: Item) -> set[Period]:
    """Periods (year, quarter or None) the evidence shows: its texts, titles and headings, and on
    an evidence page the links/documents that name the item (else all its documents)."""
    out: set[Period] = set()
    months: set[tuple[int, int]] = set()
    for h in hits:
        if h.content_problem:
            continue
        strings = list(h.period_strings)
        title_years = _years(fold(strings[0] if strings else ""))
        # A page hit also reads the documents/links it offers that name the item.
        st = idx.status.get(url_key(h.url))
        page = st.page if st is not None else None
        if page is not None:
            content = [b for b in page.blocks if not b.region]
            links = [ln for b in content for ln in b.links if not ln.embed]
            phrases = [p for part in item.parts for r in part.rules for p in (r.keywords or r.slugs)]
            # the item's own documents: named so by their text, file name or the heading above them
            # («Informe de gestión 2024» → «Ver documento»), never another document of the page
            named = [
                ln
                for ln in links
                if any(
                    in_norm(p, ln.norm) or in_norm(p, path_norm(ln.key)[0]) or in_norm(p, _ctx_norm(ln.ctx))
                    for p in phrases
                )
            ]
            chosen = named or [ln for ln in links if ln.is_doc]
            for ln in chosen:
                heading_years = _years(fold(ln.ctx)) or title_years
                out |= _periods([ln.text, filename(ln.key)], heading_years, months)
        out |= _periods(strings, title_years, months)
    return out | _monthly_quarters(months)


def period_problem(item: Item, periods: set[Period], today: datetime.date) -> str | None:
    """Why the evidence does not show the period the item requires (None when it does)."""
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
        return f"falta el periodo {fmt_period(need_q)} (no se identificaron informes trimestrales)"
    return f"falta el periodo {fmt_period(need_q)} (último publicado: {fmt_period(quarters[-1])})"


def period_note(item: Item, today: datetime.date) -> str:
    """The period a current item was checked for, as its detail names it."""
    eff = today - datetime.timedelta(days=item.grace_days)
    q = (eff.month - 1) // 3
    return {"year": f"periodo {eff.year}", "last_year": f"periodo {eff.year - 1}"}.get(
        item.current or "", f"periodo {fmt_period((eff.year, q) if q else (eff.year - 1, 4))}"
    )
