"""Criterion G of docs/checklist-scope.md in the judge: a link to a national portal's home page or
general search (``systems.portal_page``) meets an item's link part only as «parcial», and what its
address says is seen without opening it (class 2060 of H206, measured again as class 2811 by H281)."""

from __future__ import annotations

from dataclasses import replace

from .evidence import Hit
from .model import Part
from .systems import portal_page, portal_problem
from .urls import url_key


def portal_pages(hits: list[Hit], part: Part) -> list[Hit]:
    """A part's hits with, on each link to a portal's home page or general search of a system the
    part's ``link_to`` rules name (``@secop``, ``@datos``, ``@suit``), what it lacks: it is not the
    entity's own link there, so it meets the part only as «parcial» unless another hit does. An entry
    named for the item that leads there («Datos abiertos» to datos.gov.co's home page) is that link
    too."""
    named = {alias for r in part.rules if r.kind == "link_to" for alias in r.hosts}
    if not named:
        return hits
    out = []
    for h in hits:
        system = portal_page(url_key(h.url))
        if system and f"@{system}" in named:
            lesser = portal_problem(system)
            h = replace(h, problems=[*h.problems, lesser], lesser=lesser)
        out.append(h)
    return out


def portal_hit(hit: Hit) -> bool:
    """Whether a hit is a link :func:`portal_pages` marked: its address says what it lacks."""
    system = portal_page(url_key(hit.url))
    return bool(system) and hit.lesser == portal_problem(system)
