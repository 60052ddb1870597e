"""The directory of officials («Directorio de funcionarios») read as a person reads it: who holds
which role in which dependencia, and their e-mail.

Two layouts are common: a table with a header row (Nombre | Cargo | Dependencia | Correo), and one
card per official (name, role, e-mail on lines of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gelt_audit.markup import collapse
from gelt_audit.starter.names import HEAD_ROLES, fold, is_dependencia

# from the start of its word, the local part at most 64 characters: an unbounded run tried from every
# position of a long word is quadratic
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+")
_LABEL = re.compile(r"(?i)^(nombre|cargo|dependencia|[aá]rea|correo(?: electr[oó]nico)?|e-?mail|tel[eé]fono)\s*:\s*")
_COLUMNS = (
    ("email", ("correo", "e mail", "email", "mail")),
    ("role", ("cargo", "empleo", "denominacion", "rol")),
    ("dependencia", ("dependencia", "area", "oficina", "secretaria", "unidad", "proceso")),
    ("name", ("nombre", "funcionario", "servidor", "responsable")),
)


@dataclass(frozen=True)
class Official:
    name: str
    role: str
    dependencia: str
    email: str


def officials(root: Any) -> list[Official]:
    """Every official the page lists with an e-mail or a role."""
    found: list[Official] = []
    for table in root.iter("table"):
        found += _from_table(table)
    return found or _from_cards(root)


def _email(element: Any, text: str) -> str:
    for a in element.iter("a"):
        href = (a.get("href") or "").strip()
        if href.lower().startswith("mailto:"):
            return href[7:].split("?", 1)[0].strip()
    match = EMAIL.search(text)
    return match.group(0) if match else ""


def _column(header: str) -> str | None:
    words = fold(header)
    for column, names in _COLUMNS:
        if any(words == n or words.startswith(n + " ") or f" {n}" in f" {words}" for n in names):
            return column
    return None


def _from_table(table: Any) -> list[Official]:
    rows = [r for r in table.iter("tr")]
    if len(rows) < 2:
        return []
    header = [collapse(c.text_content()) for c in rows[0] if c.tag in ("th", "td")]
    columns = [_column(h) for h in header]
    if "name" not in columns and "role" not in columns:
        return []
    out = []
    for row in rows[1:]:
        cells = [c for c in row if c.tag in ("th", "td")]
        values = {col: collapse(cell.text_content()) for col, cell in zip(columns, cells, strict=False) if col}
        row_text = _text(row)
        email = _email(row, values.get("email", "")) or _email(row, row_text)
        name, role = values.get("name", ""), values.get("role", "")
        if name or role:
            out.append(Official(name, role, values.get("dependencia", ""), email))
    return out


def _lines(element: Any) -> list[str]:
    lines = [_LABEL.sub("", collapse(t)) for t in element.itertext()]
    return [line for line in lines if line]


_CARD_TAGS = {"li", "article", "div", "section", "p", "dd", "td", "tr", "figure", "aside"}


def _content_lines(element: Any) -> list[str]:
    """A card's lines other than its e-mail and phone."""
    return [line for line in _lines(element) if not EMAIL.search(line) and not fold(line).startswith(("tel", "ext"))]


def _text(element: Any) -> str:
    return collapse(" ".join(element.itertext()))


def _card(start: Any) -> Any:
    """The smallest element around an e-mail that also holds a name or a role: one official's card."""
    element = start
    while element is not None and element.tag not in ("body", "html"):
        text = _text(element)
        if len(text) > 400 or len(set(EMAIL.findall(text))) > 1:
            return None
        if element.tag in _CARD_TAGS and _content_lines(element):
            return element
        element = element.getparent()
    return None


def _from_cards(root: Any) -> list[Official]:
    """One official per e-mail on the page, read from the card around it."""
    out: list[Official] = []
    seen: list[Any] = []  # the elements themselves: ids of lxml proxies are reused
    starts = [a for a in root.iter("a") if (a.get("href") or "").strip().lower().startswith("mailto:")]
    starts += [e for e in root.iter() if isinstance(e.tag, str) and e.tag not in ("script", "style", "a")
               and EMAIL.search(e.text or "")]  # fmt: skip
    for start in starts:
        card = _card(start)
        if card is None or any(card is other for other in seen):
            continue
        seen.append(card)
        lines = _content_lines(card)
        role = next((line for line in lines if HEAD_ROLES.search(line)), "")
        dependencia = next((line for line in lines if is_dependencia(line) and line != role), "")
        name = next((line for line in lines if line not in (role, dependencia)), "")
        out.append(Official(name, role, dependencia, _email(card, _text(card))))
    return out
