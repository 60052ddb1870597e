"""Numerals of the mandated menu: an item's annex numeral and the section number a label starts with."""

from __future__ import annotations

import re

_NUMERAL = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?(?![\d])")
_ITEM_NUMERAL = re.compile(r"\.(\d{1,2}(?:\.\d{1,2}){0,3})$")


def item_numeral(item_id: str) -> str:
    """The annex numeral an item id ends with (``ley1712.4.1`` -> ``4.1``), if any."""
    m = _ITEM_NUMERAL.search(item_id)
    return m.group(1) if m else ""


def label_numeral(label: str) -> str:
    """The section number a label starts with (``4.1. Presupuesto``, ``1.2.Estructura``)."""
    m = _NUMERAL.match(label)
    return m.group(1) if m else ""


def is_section_item(numeral: str) -> bool:
    """Whether an item is a whole section of the mandated menu (``ley1712.4``), not one of its entries."""
    return bool(numeral) and "." not in numeral


def names_own_section(label: str, item_id: str) -> bool:
    """Whether a label is numbered as the whole section an entry item belongs to: «4. Planeación» is
    section 4 of the Res. 1519 menu, never its entry 4.3 (class 1032); «6. Planeación» (the Res. 3564
    numbering) or an unnumbered «Planeación» is not."""
    numeral = item_numeral(item_id)
    return bool(numeral) and not is_section_item(numeral) and label_numeral(label) == numeral.split(".")[0]
