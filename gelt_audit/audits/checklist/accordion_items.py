"""An accordion item that holds its header and nothing else (class 3020, H302): «<div
class="accordion-item"><div class="accordion-header"><span>2</span> Normatividad ▾</div></div>», no
panel at all. A person reads the list's entry and finds nothing under it: the section is named and
empty (docs/checklist-states.md, «Nombrado y vacío», «La lista»)."""

from __future__ import annotations

import re
from typing import Any

_ITEM_CLASS = re.compile(r"accordion|acordeon")


def alone_in_item(el: Any) -> bool:
    """Whether an element is the only element of an accordion item (a parent whose class names an
    accordion), nothing before or after it: the header of an item with no panel."""
    parent = el.getparent()
    if parent is None or not _ITEM_CLASS.search((parent.get("class") or "").lower()):
        return False
    return [c for c in parent if isinstance(c.tag, str)] == [el]
