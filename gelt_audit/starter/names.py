"""How a person tells a dependencia, a page about the entity and the site's name from a link's text.

Pure text rules, no network: `starter.discover` applies them to the pages it reads.
"""

from __future__ import annotations

import re
import unicodedata

# A dependencia's name starts with one of these nouns and goes on («Secretaría de Hacienda»,
# «Oficina Asesora de Planeación», «Dirección de Tránsito»); «Dirección: Calle 5» does not.
_NOUNS = (
    r"secretar[ií]a|oficina|direcci[oó]n|inspecci[oó]n|comisar[ií]a|tesorer[ií]a|personer[ií]a|"
    r"almac[eé]n|jefatura|gerencia|unidad|coordinaci[oó]n|subsecretar[ií]a|departamento administrativo|"
    r"despacho|casa de la cultura|enlace municipal"
)
DEPENDENCIA = re.compile(rf"(?i)^(?:la\s+)?(?:{_NOUNS})\s+(?!y\b)[\wáéíóúñü]")
# Names that are dependencias by themselves.
BARE = re.compile(r"(?i)^(umata|control interno|talento humano|contrataci[oó]n|almac[eé]n|sisb[eé]n|tesorer[ií]a)$")
# Link texts that are not dependencias although they start like one («Dirección» of a map).
NOT_DEPENDENCIA = re.compile(
    r"(?i)\b(correo|electr[oó]nico|tel[eé]fono|mapa|ubicaci[oó]n|horario|c[oó]mo llegar|noticias?|"
    r"directorio|pqrs|servicios? en l[ií]nea|ver m[aá]s|leer m[aá]s)\b|@|\d{3}"
)
# Link texts of pages where a person looks for the entity's structure.
ENTITY_PAGE = re.compile(
    r"(?i)^(?:nuestra entidad|la entidad|nuestra alcald[ií]a|la alcald[ií]a|alcald[ií]a|mi alcald[ií]a|"
    r"(?:la )?administraci[oó]n(?: municipal)?|qui[eé]nes somos|dependencias|nuestras dependencias|"
    r"secretar[ií]as|secretar[ií]as de despacho|estructura org[aá]nica|organigrama|gabinete(?: municipal)?|"
    r"informaci[oó]n de la entidad|entidad|gobierno(?: municipal)?)$"
)
DIRECTORY_PAGE = re.compile(
    r"(?i)^directorio(?: de)? (?:funcionarios|servidores(?: p[uú]blicos)?|de funcionarios|institucional|"
    r"de servidores p[uú]blicos|del talento humano|de empleados|telef[oó]nico)|^funcionarios$|^nuestros funcionarios$"
)
# Page names that pages put before or after the site's name in <title>.
PAGE_NAMES = {
    "inicio", "home", "pagina principal", "principal", "portada", "bienvenidos", "bienvenido", "index",
    "default", "pagina de inicio", "inicio de sesion", "pagina inicial", "sitio web oficial", "sitio oficial",
    "portal", "portal web", "web oficial",
}  # fmt: skip
_SEPARATORS = re.compile(r"(\s+[-–—]\s+|\s*[|»·]\s*|\s+::\s+|\s*:\s+)")
HEAD_ROLES = re.compile(r"(?i)\b(secretari[oa]|jefe|director|directora|alcalde|alcaldesa|coordinador|coordinadora|"
                        r"gerente|tesorer[oa]|comisari[oa]|inspector|inspectora|personer[oa]|almacenista|"
                        r"asesor|asesora|l[ií]der)\b")  # fmt: skip
# The words a role and its dependencia share are what is left after these.
_FUNCTION_WORDS = {
    "de", "del", "la", "el", "los", "las", "y", "e", "para", "a", "en", "municipal", "municipio", "asesora",
    "asesor", "general", "despacho", "secretaria", "secretario", "oficina", "direccion", "director", "directora",
    "jefe", "coordinador", "coordinadora", "coordinacion", "unidad", "gerencia", "gerente", "dependencia",
}  # fmt: skip


def fold(text: str) -> str:
    """Casefolded text without accents, punctuation or extra spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def is_dependencia(text: str) -> bool:
    """Whether a link's text names a dependencia («Secretaría de…», «Oficina de…», «UMATA»)."""
    if not text or len(text) > 90 or len(text.split()) > 12 or NOT_DEPENDENCIA.search(text):
        return False
    return bool(DEPENDENCIA.match(text) or BARE.match(text.strip()) or fold(text).startswith("umata"))


def is_entity_page(text: str) -> bool:
    """Whether a link leads where the entity lists its structure («Nuestra entidad», «Dependencias»)."""
    return bool(text) and bool(ENTITY_PAGE.match(text.strip(" :»>")))


def is_directory_page(text: str) -> bool:
    """Whether a link leads to the directory of officials («Directorio de funcionarios»)."""
    return bool(text) and bool(DIRECTORY_PAGE.match(text.strip(" :»>")))


def key_words(name: str) -> frozenset[str]:
    """The words that tell a dependencia apart: «Secretaría de Hacienda» -> {"hacienda"};
    «Despacho del Alcalde» -> {"alcalde"}; «UMATA» -> {"umata"}."""
    words = [w for w in fold(name).split() if w not in _FUNCTION_WORDS]
    return frozenset(w.removesuffix("s") if len(w) > 4 else w for w in words)


def same_dependencia(a: str, b: str) -> bool:
    """Whether two names (a dependencia, a role) point at the same dependencia: their telling words."""
    ka, kb = key_words(a), key_words(b)
    return bool(ka) and bool(kb) and (ka <= kb or kb <= ka)


def site_name(title: str) -> tuple[str, list[str]]:
    """The site's name from a page title without page names before or after it
    («Inicio | Alcaldía de X» -> «Alcaldía de X»), and the parts it left out."""
    parts = _SEPARATORS.split(collapse_spaces(title))
    kept: list[str] = []
    dropped: list[str] = []
    for i in range(0, len(parts), 2):
        segment = parts[i].strip()
        if fold(segment) in PAGE_NAMES or not segment:
            if segment:
                dropped.append(segment)
            continue
        if kept:
            kept.append(parts[i - 1])
        kept.append(segment)
    return "".join(kept).strip(), dropped


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())
