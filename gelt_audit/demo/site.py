"""A bundled, fictional municipal website for demos and end-to-end tests.

"Alcaldía de San Rafael de las Nubes - Tolima" does not exist. The site is generated in Python,
offline and deterministically, in two versions: version 1 (crawled on Tuesday 17 November 2026)
and version 2, "a week later" (Tuesday 24 November 2026). Between them some dependencias update
their sections, one page disappears, a news item appears, the shared footer gains a phone number,
and every page changes in "noise" only (visit counter, today's date, CSRF token, session id,
rotating banner) that a change audit must not count.

Everything the tests and the demo need to know about what was planted is exported as constants
(EXPECTED_CHANGES, NOISE_ONLY_PATHS, BROKEN_LINKS, REDIRECTS, LEGACY_PAGES, CHECKLIST_*, ...), so the
acceptance tests compare the tool's findings with ground truth instead of with a snapshot of itself.

External links (GOV.CO, SUIT, SECOP, datos.gov.co, the Gobernación...) point at ``external_base``;
:func:`allied_site` serves those paths from a second local server, so the demo never touches the
network. ``external_base`` must be the allied server's root URL (it ends with ``/``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from html import escape
from typing import Iterable, NamedTuple

from gelt_audit.demo.server import Resource

# --------------------------------------------------------------------------------------------
# Identity of the fictional entity
# --------------------------------------------------------------------------------------------

SITE_NAME = "Alcaldía de San Rafael de las Nubes - Tolima"
DOMAIN = "sanrafaeldelasnubes-tolima.gov.co"
DEFAULT_EXTERNAL_BASE = "http://127.0.0.1:9/"  # port 9 (discard): nothing answers, nothing leaks

# The day each version is "crawled": the header's "Hoy es ..." noise and the upper bound of every
# date published in that version (nothing is dated in the future of its own crawl).
CRAWL_DAY = {1: date(2026, 11, 17), 2: date(2026, 11, 24)}

# Session ids that the footer's survey link carries (one per version, like a cookie-less CMS
# session). Both are served in both versions, as a real server ignores an unknown sid.
_SID = {1: "a3f9c1d27e04", 2: "7b20e4c9f1d8"}

SESSION_QUERY_PARAMS: list[str] = ["sid"]
"""Query parameters that only carry a session; a crawler must drop them when canonicalising URLs,
otherwise ``/participa/encuesta/?sid=...`` shows up as a new page in every crawl."""

NOISE_SELECTORS: list[str] = [
    ".fecha-hoy",
    ".contador-visitas",
    ".banner-rotativo",
    "input[name=csrf_token]",
]
"""CSS selectors of the per-request noise, for the demo config's "ignore when comparing" key.
All of it sits outside <main> except the CSRF hidden inputs of the forms (which carry no text)."""

TEMPLATE_CHANGE = (
    "Pie de página compartido: la versión 2 añade una línea de atención por WhatsApp "
    "(+57 318 555 0142) junto al conmutador. Afecta a todas las páginas construidas con la "
    "plantilla (no a las páginas antiguas de /historico/, que tienen su propio pie); está fuera "
    "de <main> y no figura en EXPECTED_CHANGES."
)

_MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
_DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


def _fecha(d: date) -> str:
    """'24 de noviembre de 2026' — the date format users read everywhere in the product."""
    return f"{d.day} de {_MESES[d.month - 1]} de {d.year}"


def _when(d: date) -> datetime:
    """Last-Modified instant for a publication day (08:00 in Bogotá, UTC-5)."""
    return datetime(d.year, d.month, d.day, 13, 0, tzinfo=timezone.utc)


D = date  # short alias: the data tables below are full of dates

# --------------------------------------------------------------------------------------------
# External ("allied") entities: key -> (path under external_base, what it stands for, label)
# --------------------------------------------------------------------------------------------

_EXTERNAL: dict[str, tuple[str, str, str]] = {
    "govco": ("govco/", "https://www.gov.co/", "GOV.CO – Portal Único del Estado Colombiano"),
    "suit": ("suit/", "https://www.suit.gov.co/", "SUIT – Sistema Único de Información de Trámites"),
    "secop": ("secop/", "https://www.colombiacompra.gov.co/secop-ii", "SECOP II – Colombia Compra Eficiente"),
    "datos": ("datos-gov-co/", "https://www.datos.gov.co/", "Portal de Datos Abiertos de Colombia"),
    "gobernacion": ("gobernacion-tolima/", "https://www.tolima.gov.co/", "Gobernación del Tolima"),
    "suin": ("suin-juriscol/", "https://www.suin-juriscol.gov.co/", "SUIN-Juriscol"),
    "sigep": ("sigep/", "https://www.funcionpublica.gov.co/web/sigep", "SIGEP – Función Pública"),
    "procuraduria": ("procuraduria/", "https://www.procuraduria.gov.co/", "Procuraduría General de la Nación"),
    "contraloria_tolima": ("contraloria-tolima/", "https://www.contraloriatolima.gov.co/",
                           "Contraloría Departamental del Tolima"),
    "contraloria": ("contraloria/", "https://www.contraloria.gov.co/", "Contraloría General de la República"),
    "mintic": ("mintic/", "https://www.mintic.gov.co/", "Ministerio de Tecnologías de la Información"),
    "dnp": ("dnp/", "https://www.dnp.gov.co/", "Departamento Nacional de Planeación"),
    "sisben": ("sisben/", "https://www.sisben.gov.co/", "SISBÉN"),
    "cortolima": ("cortolima/", "https://www.cortolima.gov.co/", "Cortolima"),
    "ica": ("ica/", "https://www.ica.gov.co/", "Instituto Colombiano Agropecuario"),
    "minsalud": ("minsalud/", "https://www.minsalud.gov.co/", "Ministerio de Salud y Protección Social"),
    "pse": ("pse/", "https://www.pse.com.co/", "PSE – Pagos Seguros en Línea"),
    "facebook": ("facebook/alcaldiasanrafaeldelasnubes/",
                 "https://www.facebook.com/alcaldiasanrafaeldelasnubes", "Facebook"),
    "x": ("x/sanrafaelnubes/", "https://x.com/sanrafaelnubes", "X (Twitter)"),
    "youtube": ("youtube/alcaldiasanrafael/", "https://www.youtube.com/@alcaldiasanrafael", "YouTube"),
}

# Trámites inventory: (name, dependencia slug, page path, SUIT/GOV.CO id, online?)
_TRAMITES: list[tuple[str, str, str, str, bool]] = [
    ("Impuesto predial unificado", "hacienda", "/dependencias/hacienda/impuesto-predial/", "T11950", True),
    ("Impuesto de industria y comercio y su complementario de avisos y tableros", "hacienda",
     "/dependencias/hacienda/industria-y-comercio/", "T11930", True),
    ("Acuerdo de pago de obligaciones tributarias", "hacienda",
     "/dependencias/hacienda/acuerdos-de-pago/", "T12004", False),
    ("Certificado de residencia", "gobierno", "/dependencias/gobierno/certificado-de-residencia/", "T24561", True),
    ("Permiso para espectáculos públicos de las artes escénicas", "gobierno",
     "/dependencias/gobierno/espectaculos-publicos/", "T26880", False),
    ("Licencia de construcción", "planeacion", "/dependencias/planeacion/licencias-de-construccion/", "T12377", False),
    ("Concepto de uso del suelo", "planeacion", "/dependencias/planeacion/uso-del-suelo/", "T12381", False),
    ("Registro de hierros y marcas para ganado", "agropecuario",
     "/dependencias/agropecuario/registro-de-hierros-y-marcas/", "T30215", False),
    ("Servicio público de extensión agropecuaria", "agropecuario",
     "/dependencias/agropecuario/extension-agropecuaria/", "T30390", False),
    ("Afiliación al régimen subsidiado de salud", "salud", "/dependencias/salud/regimen-subsidiado/", "T14012", False),
]


def _ficha(suit_id: str) -> str:
    """Path (under external_base) of a trámite's GOV.CO card, as gov.co/ficha-tramites-y-servicios/T..."""
    return f"govco/ficha-tramites-y-servicios/{suit_id}/"


_EXTERNAL_404 = "gobernacion-tolima/salud/plan-decenal-2012-2021/"  # the allied site does not serve it

EXTERNAL_ALIASES: dict[str, str] = {path: real for path, real, _label in _EXTERNAL.values()}
"""Allied path prefix (relative to external_base) -> the real URL it stands for. The checklist rules
match real hosts (www.gov.co, datos.gov.co, suit.gov.co, secop...); the demo config can map them."""

# --------------------------------------------------------------------------------------------
# Dependencias
# --------------------------------------------------------------------------------------------


class _Dep(NamedTuple):
    slug: str
    name: str
    responsable: str
    cargo: str
    ext: str
    intro: str
    extra_match: tuple[str, ...] = ()

    @property
    def email(self) -> str:
        return f"{self.slug.replace('-', '')}@{DOMAIN}"


_T = "/transparencia/planeacion-presupuesto-e-informes/"

_DEPS: list[_Dep] = [
    _Dep("despacho", "Despacho del Alcalde", "Paola Andrea Gutiérrez Leal", "Secretaria privada", "102",
         "El Despacho del Alcalde dirige la acción administrativa del municipio, coordina el gabinete "
         "y asegura el cumplimiento del Plan de Desarrollo «San Rafael, territorio de paz y progreso 2024-2027».",
         (_T + "informes-de-gestion/", _T + "informes-de-empalme/")),
    _Dep("gobierno", "Secretaría de Gobierno", "Luz Marina Ortiz Guzmán", "Secretaria de Gobierno", "110",
         "La Secretaría de Gobierno atiende el orden público, la convivencia ciudadana, la Comisaría de "
         "Familia, la Inspección de Policía y la atención a la población víctima del conflicto."),
    _Dep("hacienda", "Secretaría de Hacienda", "Andrés Felipe Montoya Rincón", "Secretario de Hacienda", "120",
         "La Secretaría de Hacienda administra las rentas del municipio, el recaudo del impuesto predial y de "
         "industria y comercio, el presupuesto y la tesorería.",
         (_T + "presupuesto-general/", _T + "ejecucion-presupuestal/", "/transparencia/informacion-tributaria/",
          "/atencion/pagos-en-linea/")),
    _Dep("planeacion", "Secretaría de Planeación", "Diana Carolina Buitrago Peña", "Secretaria de Planeación", "130",
         "La Secretaría de Planeación orienta el desarrollo territorial: plan de desarrollo, banco de programas "
         "y proyectos, esquema de ordenamiento territorial, licencias urbanísticas, SISBÉN y estratificación.",
         (_T + "plan-de-accion/", _T + "proyectos-de-inversion/")),
    _Dep("salud", "Secretaría de Salud", "Martha Liliana Sánchez Ospina", "Secretaria de Salud", "140",
         "La Secretaría de Salud dirige el Plan Territorial de Salud, la vigilancia en salud pública, el "
         "aseguramiento al régimen subsidiado y el Programa Ampliado de Inmunizaciones."),
    _Dep("agropecuario", "Secretaría de Desarrollo Agropecuario", "Óscar Iván Lozano Díaz",
         "Secretario de Desarrollo Agropecuario y Medio Ambiente", "150",
         "La Secretaría de Desarrollo Agropecuario presta el servicio de extensión agropecuaria, apoya a los "
         "productores de café, cacao, aguacate y ganadería, y protege las cuencas que abastecen los acueductos."),
    _Dep("control-interno", "Oficina de Control Interno", "Claudia Patricia Reyes Moreno",
         "Jefe de la Oficina de Control Interno", "160",
         "La Oficina de Control Interno evalúa de forma independiente el sistema de control interno, "
         "hace seguimiento a los planes de mejoramiento y al Plan Anticorrupción y de Atención al Ciudadano."),
]
_DEP_BY_SLUG = {d.slug: d for d in _DEPS}

DEMO_DEPENDENCIAS: list[dict] = [
    {"name": d.name, "responsable": d.responsable, "email": d.email,
     "match": [f"/dependencias/{d.slug}/", *d.extra_match]}
    for d in _DEPS
]
"""The [[dependencias]] of the demo's gelt.toml. Prefixes never overlap, so attribution is unambiguous;
everything else (home, /la-alcaldia/, most of /transparencia/, /noticias/, ...) is "sin asignar"."""


def dependencia_for(path: str) -> str | None:
    """Name of the demo dependencia whose match prefixes claim ``path`` (query string ignored)."""
    bare = path.split("?", 1)[0]
    for dep in DEMO_DEPENDENCIAS:
        if any(bare.startswith(prefix) for prefix in dep["match"]):
            return dep["name"]
    return None


# --------------------------------------------------------------------------------------------
# Planted problems and checklist ground truth
# --------------------------------------------------------------------------------------------

BROKEN_LINKS: list[dict] = [
    {"on": "/dependencias/salud/", "target": "/dependencias/salud/documentos/plan-territorial-de-salud-2020-2023.pdf",
     "reason": "404", "versions": [1, 2]},
    {"on": "/dependencias/hacienda/estatuto-tributario/",
     "target": "/dependencias/hacienda/documentos/estatuto-tributario-2012.pdf", "reason": "404", "versions": [1, 2]},
    {"on": "/la-alcaldia/resena-historica/", "target": "/historico/fundacion.html", "reason": "404",
     "versions": [1, 2]},
    {"on": "/dependencias/gobierno/", "target": "/dependencias/gobierno/consulta-de-comparendos/", "reason": "500",
     "versions": [1, 2]},
    {"on": "/la-alcaldia/", "target": "/la-alcaldia/funciones-y-deberes/#competencias-del-municipio",
     "reason": "fragmento inexistente", "versions": [1, 2]},
    {"on": "/dependencias/salud/enlaces-de-interes/", "target": _EXTERNAL_404, "external": True,
     "reason": "404", "versions": [1, 2]},
    # The Planeación page removed in v2 is still linked from Participa: a broken link born in v2.
    {"on": "/participa/", "target": "/dependencias/planeacion/convocatoria-consejo-territorial-de-planeacion/",
     "reason": "404", "versions": [2]},
]
"""Planted broken links. ``target`` is a site path, or (``external``: True) a path relative to
external_base. ``versions`` says in which versions the link is broken."""

REDIRECTS: list[dict] = [
    {"path": "/alcaldia/", "to": "/la-alcaldia/", "status": 301, "on": "/historico/resena-historica.html"},
    {"path": "/tramites/", "to": "/atencion/tramites/", "status": 302, "on": "/"},
    # A two-hop chain: old GEL-T URL -> intermediate -> current page.
    {"path": "/nuestra-alcaldia/mision.html", "to": "/alcaldia/mision/", "status": 301,
     "on": "/historico/simbolos.html"},
    {"path": "/alcaldia/mision/", "to": "/la-alcaldia/mision-y-vision/", "status": 301, "on": None},
]
"""Planted internal redirects (same in both versions); ``on`` is a page linking to ``path``."""

LEGACY_PAGES: list[dict] = [
    {"path": "/historico/resena-historica.html", "encoding": "iso-8859-1", "declared": "none",
     "sample": "Reseña histórica del municipio"},
    {"path": "/historico/himno.html", "encoding": "iso-8859-1", "declared": "none",
     "sample": "¡Oh, tierra de montañas y neblina!"},
    {"path": "/historico/simbolos.html", "encoding": "iso-8859-1", "declared": "none",
     "sample": "diseñado por el señor Próspero Guzmán"},
    {"path": "/historico/acuerdo-gobierno-en-linea-2009.html", "encoding": "windows-1252", "declared": "header",
     "sample": "estrategia “Gobierno en Línea”"},
    {"path": "/historico/plan-de-accion-gel-2010.html", "encoding": "windows-1252", "declared": "header",
     "sample": "Comité de Gobierno en Línea – Antitrámites"},
]
"""Old table-layout pages (no <main>), identical in both versions apart from noise."""

ENCODING_CHANGED_PATHS: list[str] = ["/historico/sitios-turisticos.html"]
"""Served as ISO-8859-1 (declared in a <meta http-equiv>) in v1 and as UTF-8 in v2: same text."""

MARKUP_ONLY_PATHS: list[str] = [
    "/la-alcaldia/resena-historica/",             # <p> -> <div class="parrafo">
    "/dependencias/salud/programas/",              # re-indented, class attributes added
    "/dependencias/control-interno/plan-anual-de-auditoria/",  # <strong> -> <b>
]
"""Pages whose main-content markup changes in v2 while their text does not (noise only). Their
HTTP Last-Modified moves to 2026-11-21, as a CMS re-save would do; the visible date does not."""

ORPHAN_PAGES: list[str] = [
    "/dependencias/agropecuario/feria-ganadera-2025/",
    "/participa/consulta-presupuesto-participativo-2025/",
]
"""Pages no HTML link points to; only /sitemap.xml lists them."""

ADMIN_PAGES: list[str] = ["/admin/", "/admin/recuperar-clave/"]
"""Linked from the footer but disallowed by robots.txt."""

XSS_PAGE = "/participa/comentarios/aporte-ciudadano-1187/"
XSS_STRINGS: list[str] = ['<script>alert(1)</script>', '"onmouseover="alert(1)']
"""The hostile page's title and the link text pointing to it (on /participa/comentarios/) carry
these strings as *text* (escaped in the source)."""

PLANTED_A11Y: list[dict] = [
    {"path": "/dependencias/agropecuario/", "criterion": "1.1.1",
     "detail": "img sin atributo alt (foto de la feria agropecuaria)"},
    {"path": "/historico/simbolos.html", "criterion": "1.1.1", "detail": "img sin atributo alt (escudo)"},
    {"path": "/participa/encuesta/", "criterion": "3.3.2",
     "detail": "textarea 'comentarios' sin label ni aria-label (solo placeholder)"},
    {"path": "/dependencias/hacienda/impuesto-predial/", "criterion": "2.4.4",
     "detail": "dos enlaces 'clic aquí' hacia destinos distintos (formulario PDF y pagos en línea)"},
    {"path": "/dependencias/salud/", "criterion": "1.3.1",
     "detail": "salto de nivel de encabezado: h1 seguido de h4"},
]

CHECKLIST_ABSENT: list[str] = [
    "interaccion.chat_foros",            # no chat, no forum anywhere
    "transformacion.ventanilla_unica",   # no single window
    "ley1712.3.5",                       # no formatos o modelos de contratos / pliegos tipo
    "ley1712.4.9",                       # no informe de defensa pública; the site renumbers 4.10 as 4.9
]
CHECKLIST_REGRESSED: list[str] = ["info.glosario"]  # /atencion/glosario/ and every link to it vanish in v2
CHECKLIST_PARTIAL: list[str] = ["ley1712.4.2"]      # ejecución presupuestal only for 2024 and 2025
CHECKLIST_NO_APLICA: list[str] = ["ley1712.1.14"]   # hojas de vida: page with the legal justification

DEMO_TRAMITES: list[dict] = [
    {"name": name, "dependencia": _DEP_BY_SLUG[dep].name, "path": path, "govco": _ficha(suit),
     "en_linea": online}
    for name, dep, path, suit, online in _TRAMITES
]
"""The demo's inventory of trámites; ``govco`` is relative to external_base. All are published."""

# --------------------------------------------------------------------------------------------
# Page model and builder
# --------------------------------------------------------------------------------------------


@dataclass
class _Page:
    path: str
    title: str
    body: str                       # inner HTML of <main>, after the <h1>
    updated: date                   # "Última actualización" shown in the page
    published: date | None = None   # news: article:published_time
    last_modified: date | None = None  # HTTP Last-Modified when it differs from ``updated``
    description: str = ""


@dataclass
class _Legacy:
    path: str
    title: str
    body: str                       # content cell HTML
    encoding: str                   # python codec name
    declared: str                   # "none" | "header" | "meta"
    updated: date


class _Sub(NamedTuple):
    """One information page of a dependencia (relative slug, title, content blocks, date)."""

    slug: str
    title: str
    blocks: list
    updated: date
    listed: bool = True            # False: not linked from the dependencia's index (orphans)
    last_modified: date | None = None


class _Builder:
    """Collects the pages, documents and legacy pages of one version."""

    def __init__(self, version: int, external_base: str):
        if version not in (1, 2):
            raise ValueError(f"version must be 1 or 2, not {version!r}")
        if not external_base.endswith("/"):
            raise ValueError("external_base must end with '/'")
        self.v = version
        self.base = external_base
        self.pages: dict[str, _Page] = {}
        self.legacy: dict[str, _Legacy] = {}
        self.docs: dict[str, tuple[str, date]] = {}

    @property
    def v2(self) -> bool:
        return self.v == 2

    def ext(self, key: str, sub: str = "") -> str:
        return self.base + _EXTERNAL[key][0] + sub

    def ext_link(self, key: str, text: str | None = None) -> str:
        return f'<a href="{self.ext(key)}">{escape(text or _EXTERNAL[key][2])}</a>'

    def doc(self, path: str, title: str, kb: int, when: date = D(2026, 1, 15)) -> str:
        """Register a PDF and return the link to it (title, format and size, as sites show them)."""
        self.docs[path] = (title, when)
        return f'<a href="{path}" type="application/pdf">{escape(title)}</a> (PDF, {kb} KB)'

    def add(self, path: str, title: str, blocks: Iterable | str, updated: date, **kw) -> None:
        body = blocks if isinstance(blocks, str) else _blocks(blocks)
        if path in self.pages:
            raise ValueError(f"duplicate page {path}")
        self.pages[path] = _Page(path, title, body, updated, **kw)


def _blocks(items: Iterable) -> str:
    """Tiny content markup so the page tables stay readable.

    str "## x" -> <h2>, "### x" -> <h3>, other str starting with "<" -> raw HTML, other str -> <p>;
    list -> <ul>; ("ol", [...]) -> <ol>; ("table", headers, rows) -> <table>.
    Strings are trusted HTML written in this file; crawled-looking text is escaped where built.
    """
    out: list[str] = []
    for it in items:
        if isinstance(it, list):
            out.append("<ul>" + "".join(f"<li>{x}</li>" for x in it) + "</ul>")
        elif isinstance(it, tuple) and it[0] == "ol":
            out.append("<ol>" + "".join(f"<li>{x}</li>" for x in it[1]) + "</ol>")
        elif isinstance(it, tuple) and it[0] == "table":
            head = "".join(f'<th scope="col">{h}</th>' for h in it[1])
            rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in it[2])
            out.append(f'<table class="tabla"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        elif it.startswith("### "):
            out.append(f"<h3>{it[4:]}</h3>")
        elif it.startswith("## "):
            out.append(f"<h2>{it[3:]}</h2>")
        elif it.startswith("<"):
            out.append(it)
        else:
            out.append(f"<p>{it}</p>")
    return "\n".join(out)


def _links(items: Iterable[tuple[str, str]]) -> list[str]:
    return [f'<a href="{href}">{escape(text)}</a>' for href, text in items]


# --------------------------------------------------------------------------------------------
# Shared template
# --------------------------------------------------------------------------------------------

_TRANSPARENCIA_SECCIONES: list[tuple[str, str]] = [
    ("informacion-de-la-entidad", "1. Información de la entidad"),
    ("normativa", "2. Normativa"),
    ("contratacion", "3. Contratación"),
    ("planeacion-presupuesto-e-informes", "4. Planeación, presupuesto e informes"),
    ("tramites", "5. Trámites"),
    ("participa", "6. Participa"),
    ("datos-abiertos", "7. Datos abiertos"),
    ("grupos-de-interes", "8. Información específica para grupos de interés"),
    ("reporte-de-informacion", "9. Obligación de reporte de información específica por parte de la entidad"),
    ("informacion-tributaria", "10. Información tributaria en entidades territoriales locales"),
]

_MENU: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("Inicio", "/", []),
    ("La Alcaldía", "/la-alcaldia/", [
        ("Misión y visión", "/la-alcaldia/mision-y-vision/"),
        ("Funciones y deberes", "/la-alcaldia/funciones-y-deberes/"),
        ("Organigrama", "/la-alcaldia/organigrama/"),
        ("Directorio de funcionarios", "/la-alcaldia/directorio-de-funcionarios/"),
        ("Entes de control", "/la-alcaldia/entes-de-control/"),
        ("Directorio de entidades", "/la-alcaldia/directorio-de-entidades/"),
        ("Ofertas de empleo", "/la-alcaldia/ofertas-de-empleo/"),
        ("Reseña histórica", "/la-alcaldia/resena-historica/"),
    ]),
    ("Dependencias", "/dependencias/", [(d.name, f"/dependencias/{d.slug}/") for d in _DEPS]),
    ("Transparencia y acceso a la información pública", "/transparencia/",
     [(label, f"/transparencia/{slug}/") for slug, label in _TRANSPARENCIA_SECCIONES]),
    ("Atención y servicios a la ciudadanía", "/atencion/", [
        ("Trámites y servicios", "/atencion/tramites/"),
        ("PQRSD: peticiones, quejas, reclamos, sugerencias y denuncias", "/atencion/pqrsd/"),
        ("Consulte su radicado", "/atencion/consulta-de-radicado/"),
        ("Pagos en línea", "/atencion/pagos-en-linea/"),
        ("Preguntas frecuentes", "/atencion/preguntas-frecuentes/"),
        ("Contáctenos", "/atencion/contactenos/"),
    ]),
    ("Participa", "/participa/", [
        ("Rendición de cuentas", "/participa/rendicion-de-cuentas/"),
        ("Presupuesto participativo", "/participa/presupuesto-participativo/"),
        ("Consulta ciudadana", "/participa/consulta-ciudadana/"),
        ("Control social", "/participa/control-social/"),
    ]),
    ("Noticias", "/noticias/", [("Calendario de actividades", "/calendario/")]),
]

# Rotating campaign banners (noise: their order changes on every request).
_BANNERS: list[tuple[str, str]] = [
    ("/dependencias/hacienda/impuesto-predial/", "Pague su impuesto predial y evite intereses"),
    ("/dependencias/salud/vacunacion/", "Vacúnese: jornada contra la influenza"),
    ("/participa/rendicion-de-cuentas/", "Participe en la rendición de cuentas"),
    ("/dependencias/agropecuario/mercados-campesinos/", "Mercado campesino, cada segundo sábado"),
]


def _menu_html() -> str:
    items = []
    for label, href, subs in _MENU:
        sub = ""
        if subs:
            sub = '<ul class="submenu">' + "".join(f'<li><a href="{h}">{escape(t)}</a></li>' for t, h in subs) + "</ul>"
        items.append(f'<li><a href="{href}">{escape(label)}</a>{sub}</li>')
    return '<nav class="menu-principal" aria-label="Menú principal"><ul>' + "".join(items) + "</ul></nav>"


_MENU_HTML = _menu_html()  # identical on every page and in both versions: build it once


class _Noise(NamedTuple):
    today: str
    visits: int
    token: str
    banners: list[tuple[str, str]]


def _noise(version: int, path: str) -> _Noise:
    """Per-page, per-version noise, derived from hashes so it is deterministic yet always differs."""
    seed = hashlib.sha256(path.encode()).digest()
    visits = 8000 + int.from_bytes(seed[:2], "big") % 30000
    if version == 2:
        visits += 517 + seed[2] * 3  # a week of visits; never zero, so v1 != v2
    token = hashlib.sha256(f"csrf|{version}|{path}".encode()).hexdigest()[:32]
    shift = (seed[3] + version) % len(_BANNERS)  # consecutive versions always rotate differently
    day = CRAWL_DAY[version]
    today = f"Hoy es {_DIAS[day.weekday()]}, {_fecha(day)}"
    return _Noise(today, visits, token, _BANNERS[shift:] + _BANNERS[:shift])


def _footer(b: _Builder, noise: _Noise) -> str:
    whatsapp = " · Línea WhatsApp de atención: +57 318 555 0142" if b.v2 else ""  # TEMPLATE_CHANGE
    redes = " ".join(b.ext_link(k) for k in ("facebook", "x", "youtube"))
    return f"""<footer class="pie">
<div class="pie-entidad">
<p class="pie-nombre">{SITE_NAME}</p>
<p>Dirección: Carrera 4 # 5-32, Palacio Municipal, barrio Centro, San Rafael de las Nubes, Tolima, Colombia. Código postal: 732560.</p>
<p>Horario de atención: Lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.</p>
<p>Conmutador: +57 (608) 263 4100{whatsapp} · Línea gratuita: 01 8000 952 714 · Línea anticorrupción: 01 8000 952 715</p>
<p>Correo institucional: <a href="mailto:contactenos@{DOMAIN}">contactenos@{DOMAIN}</a></p>
<p>Correo de notificaciones judiciales: <a href="mailto:notificacionesjudiciales@{DOMAIN}">notificacionesjudiciales@{DOMAIN}</a></p>
</div>
<div class="pie-politicas">
<a href="/politicas/terminos-y-condiciones/">Términos y condiciones</a> ·
<a href="/politicas/politica-de-privacidad/">Política de privacidad y tratamiento de datos personales</a> ·
<a href="/politicas/derechos-de-autor/">Derechos de autor</a> ·
<a href="/mapa-del-sitio/">Mapa del sitio</a> ·
<a href="/participa/encuesta/?sid={_SID[b.v]}">Califique su experiencia en el sitio</a> ·
<a href="/admin/">Acceso funcionarios</a>
</div>
<div class="pie-redes">Síganos: {redes}</div>
<form class="suscripcion" action="/atencion/suscripcion/" method="post">
<label for="correo-boletin">Reciba el boletín de noticias en su correo</label>
<input type="email" id="correo-boletin" name="correo" required>
<input type="hidden" name="csrf_token" value="{noise.token}">
<button type="submit">Suscribirse</button>
</form>
<p class="contador-visitas">Visitas: {noise.visits}</p>
<p class="pie-logos"><a href="{b.ext('govco')}"><img src="/static/img/logo-govco.gif" alt="GOV.CO" width="120" height="30"></a> <img src="/static/img/marca-pais.gif" alt="Marca País Colombia" width="60" height="30"></p>
</footer>"""


def _crumbs(b: _Builder, page: _Page) -> str:
    """Breadcrumb from the path's prefixes that are pages of this version."""
    parts = [p for p in page.path.split("?")[0].split("/") if p]
    links = ['<a href="/">Inicio</a>']
    for i in range(1, len(parts)):
        prefix = "/" + "/".join(parts[:i]) + "/"
        if prefix in b.pages:
            links.append(f'<a href="{prefix}">{escape(b.pages[prefix].title)}</a>')
    if page.path != "/":
        links.append(f'<span aria-current="page">{escape(page.title)}</span>')
    return '<nav class="migas" aria-label="Usted está aquí">' + " › ".join(links) + "</nav>"


def _render(b: _Builder, page: _Page) -> str:
    """The one page layout: GOV.CO bar, header, menu, banners, <main>, footer."""
    noise = _noise(b.v, page.path)
    meta = ""
    if page.published:
        meta = f'\n<meta property="og:type" content="article">\n<meta property="article:published_time" content="{page.published.isoformat()}T08:00:00-05:00">'
    desc = escape(page.description or f"{page.title}. {SITE_NAME}.")
    banners = "".join(f'<li><a href="{h}">{escape(t)}</a></li>' for h, t in noise.banners)
    body = page.body.replace("%CSRF%", noise.token)
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(page.title)} | {SITE_NAME}</title>
<meta name="description" content="{desc}">{meta}
<link rel="stylesheet" href="/static/css/estilo.css">
<link rel="icon" href="/static/img/favicon.gif">
</head>
<body>
<div class="barra-govco"><a href="{b.ext('govco')}" title="Ir al portal GOV.CO"><img src="/static/img/logo-govco.gif" alt="GOV.CO" width="120" height="30"></a></div>
<header class="encabezado">
<a class="marca" href="/"><img src="/static/img/escudo.gif" alt="Escudo de San Rafael de las Nubes" width="60" height="70"> <span>{SITE_NAME}</span></a>
<p class="fecha-hoy">{noise.today}</p>
<form class="buscador" role="search" action="/buscar/" method="get">
<label for="buscar-q">Buscar en el sitio</label>
<input type="search" id="buscar-q" name="q">
<button type="submit">Buscar</button>
</form>
</header>
{_MENU_HTML}
<aside class="banner-rotativo" aria-label="Campañas institucionales"><ul>{banners}</ul></aside>
{_crumbs(b, page)}
<main id="contenido">
<h1>{escape(page.title)}</h1>
{body}
<p class="actualizacion">Última actualización: {_fecha(page.updated)}</p>
</main>
{_footer(b, noise)}
</body>
</html>
"""


def _render_legacy(b: _Builder, page: _Legacy) -> bytes:
    """The pre-2012 table layout that some old pages still use: no <main>, <font>, own footer."""
    noise = _noise(b.v, page.path)
    meta = ""
    if page.declared == "meta":
        meta = ('<meta charset="utf-8">' if page.encoding == "utf-8"
                else f'<meta http-equiv="Content-Type" content="text/html; charset={page.encoding}">')
    html = f"""<html>
<head>
{meta}<title>{escape(page.title)} - Alcaldía Municipal de San Rafael de las Nubes</title>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" cellpadding="4" cellspacing="0" align="center">
<tr><td colspan="2" bgcolor="#0B5D3B"><font face="Verdana" size="4" color="#FFFFFF"><b>Alcaldía Municipal de San Rafael de las Nubes - Tolima</b></font><br>
<font face="Verdana" size="1" color="#FFFFFF"><span class="fecha-hoy">{noise.today}</span></font></td></tr>
<tr><td width="170" valign="top" bgcolor="#E8F0E0"><font face="Verdana" size="2">
<a href="/">Inicio</a><br>
<a href="/alcaldia/">La Alcaldía</a><br>
<a href="resena-historica.html">Reseña histórica</a><br>
<a href="himno.html">Himno</a><br>
<a href="simbolos.html">Símbolos</a><br>
<a href="sitios-turisticos.html">Sitios turísticos</a><br>
<a href="acuerdo-gobierno-en-linea-2009.html">Gobierno en Línea</a><br>
<a href="/la-alcaldia/archivo-historico/">Archivo histórico</a></font></td>
<td valign="top"><font face="Verdana" size="2">
<font size="3"><b>{escape(page.title)}</b></font><br><br>
{page.body}
</font></td></tr>
<tr><td colspan="2" align="center" bgcolor="#E8F0E0"><font face="Verdana" size="1">
Palacio Municipal, Carrera 4 No. 5-32, San Rafael de las Nubes (Tolima) - Tel. (8) 263 4100 - Fax (8) 263 4101<br>
Horario: lunes a viernes de 8:00 a 12:00 y de 2:00 a 6:00 - alcaldia@{DOMAIN}<br>
Página actualizada el {page.updated.strftime('%d/%m/%Y')} - <span class="contador-visitas">Usted es el visitante número {noise.visits}</span>
</font></td></tr>
</table>
</body>
</html>
"""
    return html.encode(page.encoding)
