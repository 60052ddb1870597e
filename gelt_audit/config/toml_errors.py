"""What Python's TOML reader says of a malformed file, in Spanish: the fault and where it is.

``tomllib`` words its errors in English («Expected ']' at the end of a table declaration (at line 1,
column 6)»); the person who edits ``gelt.toml`` reads the same fault in Spanish, with its line and column.
"""

from __future__ import annotations

import re
import tomllib

# tomllib's messages (Python 3.11–3.13) → Spanish; a name the message quotes is kept as it is written.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"Cannot overwrite a value", "un valor se escribe dos veces"),
    (r"Cannot declare .+ twice", "una tabla se declara dos veces"),  # tomllib names it as a tuple
    (
        r"Cannot (?:mutate immutable namespace|redefine namespace) (.+)",
        r"«\1» ya tiene un valor y no puede abrirse como tabla",
    ),
    (r"Duplicate inline table key (.+)", r"la clave \1 se repite en la tabla en línea"),
    (r"Escaped character is not a Unicode scalar value", "un carácter escapado no es un carácter Unicode válido"),
    (r"Expected '=' after a key in a key/value pair", "falta el signo = después del nombre de la clave"),
    (r"Expected '\]' at the end of a table declaration", "falta el ] que cierra el nombre de la tabla"),
    (r"Expected '\]\]' at the end of an array declaration", "falta el ]] que cierra el nombre de la tabla"),
    (r"Expected newline or end of document after a statement", "sobra texto después de un valor en la misma línea"),
    (r"Invalid date or datetime", "la fecha o la hora no es válida"),
    (r"Invalid hex value", "un valor hexadecimal no es válido"),
    (r"Invalid initial character for a key part", "el nombre de una clave empieza con un carácter no permitido"),
    (r"Invalid statement", "la línea no es una clave = valor ni un [nombre de tabla]"),
    (r"Invalid value", "el valor no es válido (¿faltan comillas alrededor del texto?)"),
    (r"Unclosed array", "falta el ] que cierra la lista"),
    (r"Unclosed inline table", "falta la } que cierra la tabla en línea"),
    (
        r"Unescaped '\\' in a string",
        r"hay una \ sin escapar dentro de un texto (escriba \\ o use comillas simples)",
    ),
    (r"Unterminated string", "un texto no tiene las comillas de cierre"),
    (r"Found invalid character (.+)", r"hay un carácter no permitido: \1"),
    (r"Illegal character (.+)", r"hay un carácter no permitido: \1"),
    (r"Expected ',' or '\]' after a value in an array", "falta una coma o el ] que cierra la lista"),
    (r"Expected ',' or '}' after a value in an inline table", "falta una coma o la } que cierra la tabla en línea"),
)
_WHERE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def spoken_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    """The fault and its place, in Spanish: «TOML inválido en la línea 1, columna 6: falta el ] que cierra el
    nombre de la tabla»."""
    text = str(exc)
    where = _WHERE.search(text)
    message = text[: where.start()] if where else text
    place = "TOML inválido: "
    if where:
        place = (
            f"TOML inválido en la línea {where.group(1)}, columna {where.group(2)}: "
            if where.group(1)
            else "TOML inválido al final del archivo: "
        )
    for pattern, words in _MESSAGES:
        if found := re.fullmatch(pattern, message):
            return place + (found.expand(words) if found.groups() else words)
    return place + "la sintaxis no es TOML válida (revise corchetes, comillas y el signo =)"
