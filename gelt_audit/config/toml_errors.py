"""tomllib's syntax errors, said in Spanish with their line and column.

A sysadmin who mistypes gelt.toml reads «TOML inválido en la línea 1, columna 6: falta «]» al final
de la declaración de la tabla»; Python's English sentence follows in parentheses, for a search.
"""

from __future__ import annotations

import re
import tomllib

_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")
# Python 3.11's messages (tomllib/_parser.py) an operator meets; any other keeps its English words.
_SPANISH = (
    (re.compile(r"^Expected '(.)' at the end of a table declaration$"), r"falta «\1» al final de la declaración de la tabla"),
    (re.compile(r"^Expected '(\]\])' at the end of an array declaration$"), r"falta «\1» al final de la declaración de la tabla"),
    (re.compile(r"^Cannot declare \((.*)\) twice$"), lambda m: f"la tabla [{_key(m.group(1))}] está declarada dos veces"),
    (re.compile(r"^Cannot overwrite a value$"), "esta clave ya tiene un valor (está escrita dos veces)"),
    (re.compile(r"^Invalid value$"), "valor inválido (¿faltan las comillas de un texto?)"),
    (re.compile(r"^Invalid statement$"), "la línea no es «clave = valor» ni una [tabla]"),
    (re.compile(r"^Expected '=' after a key in a key/value pair$"), "falta «=» después de la clave"),
    (re.compile(r"^Expected newline or end of document after a statement$"), "sobra algo después del valor"),
    (re.compile(r"^Expected (['\"]+)$"), r"texto sin cerrar: falta \1"),
    (re.compile(r"^Unterminated string$"), "texto sin cerrar: falta la comilla final"),
)  # fmt: skip


def _key(parts: str) -> str:
    """``'a', 'b',`` (the repr of a key's parts) as ``a.b``."""
    return ".".join(part.strip().strip("'\"") for part in parts.split(",") if part.strip())


def spanish_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    """«TOML inválido en la línea N, columna M: <Spanish> (<Python's words>)» for a syntax error."""
    text = str(exc)
    where = _WHERE.search(text)
    words = text[: where.start()] if where else text
    if where and where.group(1):
        place = f" en la línea {where.group(1)}, columna {where.group(2)}"
    elif where:
        place = " al final del archivo"
    else:
        place = ""
    for pattern, spanish in _SPANISH:
        if pattern.match(words):
            return f"TOML inválido{place}: {pattern.sub(spanish, words)} ({words})"
    return f"TOML inválido{place} ({words})"
