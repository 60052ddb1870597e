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
network. ``external_base`` must be the allied server's root URL (it ends with ``/``). Both servers
listen on 127.0.0.1, and Scrapy's OffsiteMiddleware compares host names only (not ports): give the
allied site another host name (``external_base=f"http://localhost:{allied.port}/"``) or scope the
crawl by host and port, or the crawler will treat the allied site as part of the municipality's.

Sitemap <loc>s and the robots.txt Sitemap line are root-relative until :func:`with_site_base` is
applied with the demo server's URL.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import escape
from typing import NamedTuple

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

_MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
_DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]


def _fecha(d: date) -> str:
    """'24 de noviembre de 2026' — the date format users read everywhere in the product."""
    return f"{d.day} de {_MESES[d.month - 1]} de {d.year}"


def _when(d: date) -> datetime:
    """Last-Modified instant for a publication day (08:00 in Bogotá, UTC-5)."""
    return datetime(d.year, d.month, d.day, 13, 0, tzinfo=UTC)


_D = date  # short alias: the data tables below are full of dates
_DOC_DATE = _D(2026, 1, 15)  # default publication date of a document

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
    "contraloria_tolima": (
        "contraloria-tolima/",
        "https://www.contraloriatolima.gov.co/",
        "Contraloría Departamental del Tolima",
    ),
    "contraloria": ("contraloria/", "https://www.contraloria.gov.co/", "Contraloría General de la República"),
    "mintic": ("mintic/", "https://www.mintic.gov.co/", "Ministerio de Tecnologías de la Información"),
    "dnp": ("dnp/", "https://www.dnp.gov.co/", "Departamento Nacional de Planeación"),
    "sisben": ("sisben/", "https://www.sisben.gov.co/", "SISBÉN"),
    "cortolima": ("cortolima/", "https://www.cortolima.gov.co/", "Cortolima"),
    "ica": ("ica/", "https://www.ica.gov.co/", "Instituto Colombiano Agropecuario"),
    "minsalud": ("minsalud/", "https://www.minsalud.gov.co/", "Ministerio de Salud y Protección Social"),
    "pse": ("pse/", "https://www.pse.com.co/", "PSE – Pagos Seguros en Línea"),
    "facebook": (
        "facebook/alcaldiasanrafaeldelasnubes/",
        "https://www.facebook.com/alcaldiasanrafaeldelasnubes",
        "Facebook",
    ),
    "x": ("x/sanrafaelnubes/", "https://x.com/sanrafaelnubes", "X (Twitter)"),
    "youtube": ("youtube/alcaldiasanrafael/", "https://www.youtube.com/@alcaldiasanrafael", "YouTube"),
}

# Trámites inventory: (name, dependencia slug, page path, SUIT/GOV.CO id, online?)
_TRAMITES: list[tuple[str, str, str, str, bool]] = [
    ("Impuesto predial unificado", "hacienda", "/dependencias/hacienda/impuesto-predial/", "T11950", True),
    (
        "Impuesto de industria y comercio y su complementario de avisos y tableros",
        "hacienda",
        "/dependencias/hacienda/industria-y-comercio/",
        "T11930",
        True,
    ),
    (
        "Acuerdo de pago de obligaciones tributarias",
        "hacienda",
        "/dependencias/hacienda/acuerdos-de-pago/",
        "T12004",
        False,
    ),
    ("Certificado de residencia", "gobierno", "/dependencias/gobierno/certificado-de-residencia/", "T24561", True),
    (
        "Permiso para espectáculos públicos de las artes escénicas",
        "gobierno",
        "/dependencias/gobierno/espectaculos-publicos/",
        "T26880",
        False,
    ),
    ("Licencia de construcción", "planeacion", "/dependencias/planeacion/licencias-de-construccion/", "T12377", False),
    ("Concepto de uso del suelo", "planeacion", "/dependencias/planeacion/uso-del-suelo/", "T12381", False),
    (
        "Registro de hierros y marcas para ganado",
        "agropecuario",
        "/dependencias/agropecuario/registro-de-hierros-y-marcas/",
        "T30215",
        False,
    ),
    (
        "Servicio público de extensión agropecuaria",
        "agropecuario",
        "/dependencias/agropecuario/extension-agropecuaria/",
        "T30390",
        False,
    ),
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
    _Dep(
        "despacho",
        "Despacho del Alcalde",
        "Paola Andrea Gutiérrez Leal",
        "Secretaria privada",
        "102",
        "El Despacho del Alcalde dirige la acción administrativa del municipio, coordina el gabinete "
        "y asegura el cumplimiento del Plan de Desarrollo «San Rafael, territorio de paz y progreso 2024-2027».",
        (_T + "informes-de-gestion/", _T + "informes-de-empalme/"),
    ),
    _Dep(
        "gobierno",
        "Secretaría de Gobierno",
        "Luz Marina Ortiz Guzmán",
        "Secretaria de Gobierno",
        "110",
        "La Secretaría de Gobierno atiende el orden público, la convivencia ciudadana, la Comisaría de "
        "Familia, la Inspección de Policía y la atención a la población víctima del conflicto.",
    ),
    _Dep(
        "hacienda",
        "Secretaría de Hacienda",
        "Andrés Felipe Montoya Rincón",
        "Secretario de Hacienda",
        "120",
        "La Secretaría de Hacienda administra las rentas del municipio, el recaudo del impuesto predial y de "
        "industria y comercio, el presupuesto y la tesorería.",
        (
            _T + "presupuesto-general/",
            _T + "ejecucion-presupuestal/",
            "/transparencia/informacion-tributaria/",
            "/atencion/pagos-en-linea/",
        ),
    ),
    _Dep(
        "planeacion",
        "Secretaría de Planeación",
        "Diana Carolina Buitrago Peña",
        "Secretaria de Planeación",
        "130",
        "La Secretaría de Planeación orienta el desarrollo territorial: plan de desarrollo, banco de programas "
        "y proyectos, esquema de ordenamiento territorial, licencias urbanísticas, SISBÉN y estratificación.",
        (_T + "plan-de-accion/", _T + "proyectos-de-inversion/"),
    ),
    _Dep(
        "salud",
        "Secretaría de Salud",
        "Martha Liliana Sánchez Ospina",
        "Secretaria de Salud",
        "140",
        "La Secretaría de Salud dirige el Plan Territorial de Salud, la vigilancia en salud pública, el "
        "aseguramiento al régimen subsidiado y el Programa Ampliado de Inmunizaciones.",
    ),
    _Dep(
        "agropecuario",
        "Secretaría de Desarrollo Agropecuario",
        "Óscar Iván Lozano Díaz",
        "Secretario de Desarrollo Agropecuario y Medio Ambiente",
        "150",
        "La Secretaría de Desarrollo Agropecuario presta el servicio de extensión agropecuaria, apoya a los "
        "productores de café, cacao, aguacate y ganadería, y protege las cuencas que abastecen los acueductos.",
    ),
    _Dep(
        "control-interno",
        "Oficina de Control Interno",
        "Claudia Patricia Reyes Moreno",
        "Jefe de la Oficina de Control Interno",
        "160",
        "La Oficina de Control Interno evalúa de forma independiente el sistema de control interno, "
        "hace seguimiento a los planes de mejoramiento y al Plan Anticorrupción y de Atención al Ciudadano.",
    ),
]
_DEP_BY_SLUG = {d.slug: d for d in _DEPS}

DEMO_DEPENDENCIAS: list[dict] = [
    {
        "name": d.name,
        "responsable": d.responsable,
        "email": d.email,
        "match": [f"/dependencias/{d.slug}/", *d.extra_match],
    }
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
    {
        "on": "/dependencias/salud/",
        "target": "/dependencias/salud/documentos/plan-territorial-de-salud-2020-2023.pdf",
        "reason": "404",
        "versions": [1, 2],
    },
    {
        "on": "/dependencias/hacienda/estatuto-tributario/",
        "target": "/dependencias/hacienda/documentos/estatuto-tributario-2012.pdf",
        "reason": "404",
        "versions": [1, 2],
    },
    {
        "on": "/la-alcaldia/resena-historica/",
        "target": "/historico/fundacion.html",
        "reason": "404",
        "versions": [1, 2],
    },
    {
        "on": "/dependencias/gobierno/",
        "target": "/dependencias/gobierno/consulta-de-comparendos/",
        "reason": "500",
        "versions": [1, 2],
    },
    {
        "on": "/la-alcaldia/",
        "target": "/la-alcaldia/funciones-y-deberes/#competencias-del-municipio",
        "reason": "fragmento inexistente",
        "versions": [1, 2],
    },
    {
        "on": "/dependencias/salud/enlaces-de-interes/",
        "target": _EXTERNAL_404,
        "external": True,
        "reason": "404",
        "versions": [1, 2],
    },
    # The Planeación page removed in v2 is still linked from Participa: a broken link born in v2.
    {
        "on": "/participa/",
        "target": "/dependencias/planeacion/convocatoria-consejo-territorial-de-planeacion/",
        "reason": "404",
        "versions": [2],
    },
]
"""Planted broken links. ``target`` is a site path, or (``external``: True) a path relative to
external_base. ``versions`` says in which versions the link is broken."""

REDIRECTS: list[dict] = [
    {"path": "/alcaldia/", "to": "/la-alcaldia/", "status": 301, "on": "/historico/resena-historica.html"},
    {"path": "/tramites/", "to": "/atencion/tramites/", "status": 302, "on": "/"},
    # A two-hop chain: old GEL-T URL -> intermediate -> current page.
    {
        "path": "/nuestra-alcaldia/mision.html",
        "to": "/alcaldia/mision/",
        "status": 301,
        "on": "/historico/simbolos.html",
    },
    {"path": "/alcaldia/mision/", "to": "/la-alcaldia/mision-y-vision/", "status": 301, "on": None},
]
"""Planted internal redirects (same in both versions); ``on`` is a page linking to ``path``."""

LEGACY_PAGES: list[dict] = [
    {
        "path": "/historico/resena-historica.html",
        "encoding": "iso-8859-1",
        "declared": "none",
        "sample": "Reseña histórica del municipio",
    },
    {
        "path": "/historico/himno.html",
        "encoding": "iso-8859-1",
        "declared": "none",
        "sample": "¡Oh, tierra de montañas y neblina!",
    },
    {
        "path": "/historico/simbolos.html",
        "encoding": "iso-8859-1",
        "declared": "none",
        "sample": "diseñado por el señor Próspero Guzmán",
    },
    {
        "path": "/historico/acuerdo-gobierno-en-linea-2009.html",
        "encoding": "windows-1252",
        "declared": "header",
        "sample": "estrategia “Gobierno en Línea”",
    },
    {
        "path": "/historico/plan-de-accion-gel-2010.html",
        "encoding": "windows-1252",
        "declared": "header",
        "sample": "Comité de Gobierno en Línea – Antitrámites",
    },
]
"""Old table-layout pages (no <main>), identical in both versions apart from noise."""

ENCODING_CHANGED_PATHS: list[str] = ["/historico/sitios-turisticos.html"]
"""Served as ISO-8859-1 (declared in a <meta http-equiv>) in v1 and as UTF-8 in v2: same text."""

MARKUP_ONLY_PATHS: list[str] = [
    "/la-alcaldia/resena-historica/",  # <p> -> <div class="parrafo">
    "/dependencias/salud/programas/",  # re-indented, class attributes added
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
XSS_STRINGS: list[str] = ["<script>alert(1)</script>", '"onmouseover="alert(1)']
"""The hostile page's title and the link text pointing to it (on /participa/comentarios/) carry
these strings as *text* (escaped in the source)."""

PLANTED_A11Y: list[dict] = [
    {
        "path": "/dependencias/agropecuario/",
        "criterion": "1.1.1",
        "detail": "img sin atributo alt (foto de la feria agropecuaria)",
    },
    {"path": "/historico/simbolos.html", "criterion": "1.1.1", "detail": "img sin atributo alt (escudo)"},
    {
        "path": "/participa/encuesta/",
        "criterion": "3.3.2",
        "detail": "textarea 'comentarios' sin label ni aria-label (solo placeholder)",
    },
    {
        "path": "/dependencias/hacienda/impuesto-predial/",
        "criterion": "2.4.4",
        "detail": "dos enlaces 'clic aquí' hacia destinos distintos (formulario PDF y pagos en línea)",
    },
    {"path": "/dependencias/salud/", "criterion": "1.3.1", "detail": "salto de nivel de encabezado: h1 seguido de h4"},
    # The old table-layout pages never declared their language.
    *(
        {"path": p, "criterion": "3.1.1", "detail": "<html> sin atributo lang (página antigua)"}
        for p in [*(lp["path"] for lp in LEGACY_PAGES), *ENCODING_CHANGED_PATHS]
    ),
]
"""Planted accessibility problems, the same in both versions (criterion = WCAG 2.1 number). Nothing
else on the site fails these checks: img without alt, form control without label, skipped heading
level, 'clic aquí' links with different targets, <html> without lang."""

CHECKLIST_ABSENT: list[str] = [
    "interaccion.chat_foros",  # no chat, no forum anywhere
    "transformacion.ventanilla_unica",  # no single window
    "ley1712.3.5",  # no formatos o modelos de contratos / pliegos tipo
    "ley1712.4.9",  # no informe de defensa pública; the site renumbers 4.10 as 4.9
]
CHECKLIST_REGRESSED: list[str] = ["info.glosario"]  # /atencion/glosario/ and every link to it vanish in v2
CHECKLIST_PARTIAL: list[str] = ["ley1712.4.2"]  # ejecución presupuestal only for 2024 and 2025
CHECKLIST_NO_APLICA: list[str] = ["ley1712.1.14"]  # hojas de vida: page with the legal justification

DEMO_TRAMITES: list[dict] = [
    {"name": name, "dependencia": _DEP_BY_SLUG[dep].name, "path": path, "govco": _ficha(suit), "en_linea": online}
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
    body: str  # inner HTML of <main>, after the <h1>
    updated: date  # "Última actualización" shown in the page
    published: date | None = None  # news: article:published_time
    last_modified: date | None = None  # HTTP Last-Modified when it differs from ``updated``
    description: str = ""


@dataclass
class _Legacy:
    path: str
    title: str
    body: str  # content cell HTML
    encoding: str  # python codec name
    declared: str  # "none" | "header" | "meta"
    updated: date


class _Sub(NamedTuple):
    """One information page of a dependencia (relative slug, title, content blocks, date)."""

    slug: str
    title: str
    blocks: list | str  # content blocks (see _blocks) or ready HTML
    updated: date
    listed: bool = True  # False: not linked from the dependencia's index (orphans)
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

    def doc(self, path: str, title: str, kb: int, when: date = _DOC_DATE) -> str:
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
    (
        "La Alcaldía",
        "/la-alcaldia/",
        [
            ("Misión y visión", "/la-alcaldia/mision-y-vision/"),
            ("Funciones y deberes", "/la-alcaldia/funciones-y-deberes/"),
            ("Organigrama", "/la-alcaldia/organigrama/"),
            ("Directorio de funcionarios", "/la-alcaldia/directorio-de-funcionarios/"),
            ("Entes de control", "/la-alcaldia/entes-de-control/"),
            ("Directorio de entidades", "/la-alcaldia/directorio-de-entidades/"),
            ("Ofertas de empleo", "/la-alcaldia/ofertas-de-empleo/"),
            ("Reseña histórica", "/la-alcaldia/resena-historica/"),
        ],
    ),
    ("Dependencias", "/dependencias/", [(d.name, f"/dependencias/{d.slug}/") for d in _DEPS]),
    (
        "Transparencia y acceso a la información pública",
        "/transparencia/",
        [(label, f"/transparencia/{slug}/") for slug, label in _TRANSPARENCIA_SECCIONES],
    ),
    (
        "Atención y servicios a la ciudadanía",
        "/atencion/",
        [
            ("Trámites y servicios", "/atencion/tramites/"),
            ("PQRSD: peticiones, quejas, reclamos, sugerencias y denuncias", "/atencion/pqrsd/"),
            ("Consulte su radicado", "/atencion/consulta-de-radicado/"),
            ("Pagos en línea", "/atencion/pagos-en-linea/"),
            ("Preguntas frecuentes", "/atencion/preguntas-frecuentes/"),
            ("Contáctenos", "/atencion/contactenos/"),
        ],
    ),
    (
        "Participa",
        "/participa/",
        [
            ("Rendición de cuentas", "/participa/rendicion-de-cuentas/"),
            ("Presupuesto participativo", "/participa/presupuesto-participativo/"),
            ("Consulta ciudadana", "/participa/consulta-ciudadana/"),
            ("Control social", "/participa/control-social/"),
        ],
    ),
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
<p class="pie-logos"><a href="{b.ext("govco")}"><img src="/static/img/logo-govco.gif" alt="GOV.CO" width="120" height="30"></a> <img src="/static/img/marca-pais.gif" alt="Marca País Colombia" width="60" height="30"></p>
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
<div class="barra-govco"><a href="{b.ext("govco")}" title="Ir al portal GOV.CO"><img src="/static/img/logo-govco.gif" alt="GOV.CO" width="120" height="30"></a></div>
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
        meta = (
            '<meta charset="utf-8">'
            if page.encoding == "utf-8"
            else f'<meta http-equiv="Content-Type" content="text/html; charset={page.encoding}">'
        )
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
<a href="/la-alcaldia/archivo-historico/">Archivo histórico</a><br><br>
<b>Enlaces de interés</b><br>
<a href="{b.ext("gobernacion")}">Gobernación del Tolima</a><br>
<a href="{b.ext("govco")}">Portal del Estado Colombiano</a><br>
<a href="{b.ext("suit")}">Trámites (SUIT)</a><br>
<a href="{b.ext("contraloria_tolima")}">Contraloría del Tolima</a></font></td>
<td valign="top"><font face="Verdana" size="2">
<font size="3"><b>{escape(page.title)}</b></font><br><br>
{page.body}
</font></td></tr>
<tr><td colspan="2" align="center" bgcolor="#E8F0E0"><font face="Verdana" size="1">
Palacio Municipal, Carrera 4 No. 5-32, San Rafael de las Nubes (Tolima) - Tel. (8) 263 4100 - Fax (8) 263 4101<br>
Horario: lunes a viernes de 8:00 a 12:00 y de 2:00 a 6:00 - alcaldia@{DOMAIN}<br>
Página actualizada el {page.updated.strftime("%d/%m/%Y")} - <span class="contador-visitas">Usted es el visitante número {noise.visits}</span><br>
Sitio web desarrollado en el marco de la estrategia Gobierno en Línea Territorial - Ministerio de Comunicaciones.<br>
Este sitio se visualiza mejor con Internet Explorer 6.0 o superior, en una resolución de 800 x 600 píxeles.
</font></td></tr>
</table>
</body>
</html>
"""
    return html.encode(page.encoding)


# --------------------------------------------------------------------------------------------
# News: (dependencia slug or None, date, slug, title, paragraphs, versions)
# --------------------------------------------------------------------------------------------


class _News(NamedTuple):
    dep: str | None
    day: date
    slug: str
    title: str
    paras: tuple[str, ...]
    versions: tuple[int, ...] = (1, 2)

    @property
    def path(self) -> str:
        return f"/dependencias/{self.dep}/noticias/{self.slug}/" if self.dep else f"/noticias/{self.slug}/"


_NEWS: list[_News] = [
    # --- general news (sin asignar) ---
    _News(
        None,
        _D(2026, 11, 13),
        "entrega-kits-escolares-zona-rural",
        "Alcaldía entrega 120 kits escolares a estudiantes de la zona rural",
        (
            "Estudiantes de las sedes rurales de las veredas La Esmeralda, Alto Bonito y El Diamante recibieron "
            "kits escolares con cuadernos, morrales y útiles, como parte del programa «Aprender en las Nubes».",
            "La entrega se hizo en coordinación con los rectores de las instituciones educativas y con recursos del "
            "Sistema General de Participaciones. En enero se completará la entrega en las sedes restantes.",
        ),
    ),
    _News(
        None,
        _D(2026, 11, 9),
        "temporada-de-lluvias-recomendaciones",
        "Temporada de lluvias: recomendaciones del Consejo Municipal de Gestión del Riesgo",
        (
            "El Consejo Municipal de Gestión del Riesgo de Desastres recomienda limpiar canales y desagües, no "
            "construir cerca de las quebradas y reportar de inmediato grietas en terrenos y viviendas.",
            "Ante cualquier emergencia comuníquese con el cuerpo de bomberos voluntarios o con la línea 123. "
            "La Alcaldía mantiene maquinaria disponible para atender derrumbes en las vías terciarias.",
        ),
    ),
    _News(
        None,
        _D(2026, 11, 4),
        "avanza-pavimentacion-via-la-esmeralda",
        "Avanza en un 65 % la pavimentación de la vía San Rafael – La Esmeralda",
        (
            "La obra de pavimentación de 3,2 kilómetros de la vía que comunica el casco urbano con la vereda "
            "La Esmeralda alcanzó un avance físico del 65 %, según el último informe de interventoría.",
            "El proyecto, financiado con recursos del municipio y de la Gobernación del Tolima, beneficiará a más "
            "de 900 familias campesinas que sacan por esta vía su producción de café y aguacate.",
        ),
    ),
    _News(
        None,
        _D(2026, 10, 28),
        "festival-del-cafe-y-la-neblina-2026",
        "Festival del Café y la Neblina reunió a más de 3.000 visitantes",
        (
            "Durante tres días, el parque principal recibió a visitantes de Ibagué, Bogotá y municipios vecinos "
            "que disfrutaron de catas de café especial, muestras gastronómicas y música andina.",
            "Veinticuatro productores locales vendieron café tostado, panela y artesanías. La Alcaldía agradece "
            "a la Policía, la Defensa Civil y los voluntarios que hicieron posible un evento seguro.",
        ),
    ),
    _News(
        None,
        _D(2026, 10, 21),
        "jornada-inscripcion-colombia-mayor",
        "Jornada de inscripción al programa Colombia Mayor en el casco urbano",
        (
            "Los adultos mayores que cumplan los requisitos pueden inscribirse al programa Colombia Mayor los días "
            "martes y jueves en la oficina de Desarrollo Social, con su documento de identidad.",
            "Se recuerda que la inscripción es gratuita y no requiere intermediarios. Denuncie cualquier cobro "
            "indebido en la línea anticorrupción.",
        ),
    ),
    _News(
        None,
        _D(2026, 10, 14),
        "mesa-de-participacion-de-victimas",
        "Mesa municipal de participación de víctimas eligió nuevos representantes",
        (
            "Con el acompañamiento de la Personería Municipal, las organizaciones de víctimas eligieron a los "
            "once integrantes de la mesa municipal de participación para el periodo 2026-2028.",
            "La mesa participará en la formulación del plan de acción territorial y en el seguimiento a las "
            "medidas de asistencia y reparación integral.",
        ),
    ),
    _News(
        None,
        _D(2026, 10, 6),
        "escuelas-de-formacion-deportiva-2027",
        "Abiertas las inscripciones para las escuelas de formación deportiva 2027",
        (
            "Niñas, niños y jóvenes entre 6 y 17 años pueden inscribirse en las escuelas de fútbol, baloncesto, "
            "atletismo y patinaje en la coordinación de deportes del coliseo municipal.",
            "Las escuelas son gratuitas. Los cupos se asignan por orden de inscripción hasta el 15 de diciembre.",
        ),
    ),
    _News(
        None,
        _D(2026, 9, 29),
        "convenio-acueductos-veredales",
        "Alcaldía y Gobernación del Tolima firman convenio para acueductos veredales",
        (
            "El convenio interadministrativo, por 1.450 millones de pesos, permitirá optimizar los acueductos de "
            "las veredas Campoalegre, El Diamante y Alto Bonito.",
            "Las obras incluyen bocatomas, desarenadores y plantas de tratamiento compactas, y beneficiarán a "
            "cerca de 2.300 habitantes de la zona rural.",
        ),
    ),
    _News(
        None,
        _D(2026, 9, 18),
        "balance-fiestas-patronales-2026",
        "Balance positivo de las fiestas patronales de San Rafael Arcángel",
        (
            "Las fiestas patronales terminaron sin incidentes graves, gracias al plan de seguridad acordado en "
            "el Consejo de Seguridad y al comportamiento de residentes y visitantes.",
            "Se realizaron la cabalgata, el reinado veredal, la misa campal y los conciertos en la plaza principal.",
        ),
    ),
    _News(
        None,
        _D(2026, 9, 8),
        "consejo-municipal-de-juventud",
        "Se instaló el Consejo Municipal de Juventud",
        (
            "Los siete consejeros elegidos tomaron posesión ante el alcalde y presentaron su agenda de trabajo, "
            "centrada en empleo juvenil, cultura y salud mental.",
            "La Alcaldía brindará apoyo logístico y un espacio de reunión en la casa de la cultura.",
        ),
    ),
    _News(
        None,
        _D(2026, 8, 25),
        "biblioteca-amplia-horario",
        "Biblioteca pública municipal amplía su horario y estrena sala digital",
        (
            "La biblioteca pública «Rafael Pombo» atenderá de lunes a sábado y abrió una sala digital con "
            "doce computadores y acceso gratuito a internet.",
            "La sala ofrece cursos básicos de alfabetización digital para adultos mayores y emprendedores.",
        ),
    ),
    _News(
        None,
        _D(2026, 8, 12),
        "parque-biosaludable-el-mirador",
        "Comunidad del barrio El Mirador recibe parque biosaludable",
        (
            "El nuevo parque cuenta con diez máquinas de ejercicio, senderos iluminados y zona de juegos.",
            "La junta de acción comunal asumió el compromiso de cuidar el espacio junto con la Alcaldía.",
        ),
    ),
    _News(
        None,
        _D(2026, 7, 20),
        "dia-de-la-independencia-2026",
        "Así celebramos el Día de la Independencia en San Rafael de las Nubes",
        (
            "Con desfile de las instituciones educativas, la banda sinfónica municipal y un acto cívico en el "
            "parque principal se conmemoraron los 216 años del grito de independencia.",
        ),
    ),
    _News(
        None,
        _D(2026, 5, 8),
        "audiencia-rendicion-de-cuentas-2025",
        "Audiencia pública de rendición de cuentas de la vigencia 2025",
        (
            "El alcalde presentó ante la comunidad los resultados de la vigencia 2025: inversión social, obras "
            "terminadas, finanzas públicas y avance de las metas del Plan de Desarrollo.",
            "Las preguntas recibidas por el formulario en línea y en la audiencia se respondieron en el informe "
            "publicado en la sección Participa.",
        ),
    ),
    _News(
        None,
        _D(2026, 4, 26),
        "dia-de-la-ninez-2026",
        "San Rafael de las Nubes celebró el Día de la Niñez",
        (
            "Más de 600 niñas y niños participaron en juegos, teatro y talleres de lectura organizados por la "
            "Comisaría de Familia, la biblioteca y el Instituto Colombiano de Bienestar Familiar.",
        ),
    ),
    _News(
        None,
        _D(2026, 11, 21),
        "programacion-navidad-luces-en-las-nubes",
        "Comienza la programación de Navidad «Luces en las Nubes»",
        (
            "El encendido del alumbrado navideño será el 1 de diciembre en el parque principal, con presentaciones "
            "de la banda sinfónica y los grupos de danza de la casa de la cultura.",
            "La programación incluye novenas en los barrios y veredas y el tradicional concurso de pesebres.",
        ),
        (2,),
    ),
    # --- Despacho ---
    _News(
        "despacho",
        _D(2026, 11, 10),
        "proyecto-presupuesto-2027-al-concejo",
        "El alcalde presentó al Concejo el proyecto de presupuesto 2027",
        (
            "El proyecto de acuerdo de presupuesto de rentas y gastos para la vigencia 2027 asciende a 38.600 "
            "millones de pesos y prioriza vías terciarias, agua potable y educación rural.",
            "El Concejo Municipal lo estudiará en sesiones ordinarias durante el mes de noviembre.",
        ),
    ),
    _News(
        "despacho",
        _D(2026, 10, 19),
        "consejo-de-gobierno-avance-plan-de-desarrollo",
        "Consejo de Gobierno evaluó el avance del Plan de Desarrollo al tercer trimestre",
        (
            "Las secretarías presentaron el avance de sus metas: el plan alcanza un cumplimiento acumulado del "
            "58 % de la meta del cuatrienio.",
        ),
    ),
    _News(
        "despacho",
        _D(2026, 9, 2),
        "reunion-con-juntas-de-accion-comunal",
        "Alcalde se reunió con presidentes de juntas de acción comunal",
        (
            "En el encuentro se priorizaron las obras de placa huella y mantenimiento de vías veredales que se "
            "ejecutarán con el banco de maquinaria en el último trimestre.",
        ),
    ),
    # --- Gobierno ---
    _News(
        "gobierno",
        _D(2026, 11, 6),
        "campana-hogares-sin-violencia",
        "Comisaría de Familia lanza la campaña «Hogares sin violencia»",
        (
            "La campaña recorrerá las instituciones educativas y las veredas con talleres sobre prevención de "
            "la violencia intrafamiliar y rutas de atención.",
        ),
    ),
    _News(
        "gobierno",
        _D(2026, 10, 9),
        "plan-de-seguridad-fin-de-ano",
        "Consejo de Seguridad define plan para la temporada de fin de año",
        (
            "Se acordaron controles al uso de pólvora, al consumo de licor en espacio público y a la movilidad "
            "en los días de mayor afluencia de visitantes.",
        ),
    ),
    _News(
        "gobierno",
        _D(2026, 8, 20),
        "pedagogia-codigo-de-convivencia",
        "Inspección de Policía realizó jornada de pedagogía del Código de Convivencia",
        (
            "Comerciantes y transportadores recibieron información sobre comportamientos contrarios a la "
            "convivencia y las medidas correctivas de la Ley 1801 de 2016.",
        ),
    ),
    _News(
        "gobierno",
        _D(2026, 11, 18),
        "horario-extendido-comisaria-diciembre",
        "Horario extendido de la Comisaría de Familia en diciembre",
        (
            "Durante diciembre la Comisaría de Familia atenderá también los sábados de 8:00 a.m. a 12:00 m. "
            "y habilitará un turno telefónico para casos urgentes.",
        ),
        (2,),
    ),
    # --- Hacienda ---
    _News(
        "hacienda",
        _D(2026, 11, 12),
        "beneficios-tributarios-predial",
        "Aproveche los beneficios para ponerse al día con el impuesto predial",
        (
            "Los contribuyentes con deudas de vigencias anteriores pueden pagar hasta el 30 de diciembre con "
            "reducción de intereses moratorios, según el acuerdo municipal vigente.",
        ),
    ),
    _News(
        "hacienda",
        _D(2026, 11, 3),
        "declaracion-bimestral-ica",
        "Contribuyentes del régimen de retención de industria y comercio: plazo de la declaración bimestral",
        (
            "La declaración y pago de las retenciones de industria y comercio del quinto bimestre vence el "
            "20 de noviembre. El formulario se descarga en la página del impuesto.",
        ),
    ),
    _News(
        "hacienda",
        _D(2026, 10, 1),
        "recaudo-predial-supera-meta",
        "Recaudo del impuesto predial supera el 82 % de la meta anual",
        (
            "A 30 de septiembre el municipio recaudó 2.870 millones de pesos por impuesto predial, el 82 % de lo "
            "presupuestado para la vigencia.",
        ),
    ),
    _News(
        "hacienda",
        _D(2026, 7, 15),
        "pago-predial-por-pse",
        "Hacienda habilitó el pago del impuesto predial por PSE",
        (
            "Desde hoy los contribuyentes pueden liquidar y pagar el impuesto predial en línea con débito a su "
            "cuenta de ahorros o corriente, a través del botón PSE.",
        ),
    ),
    _News(
        "hacienda",
        _D(2026, 11, 19),
        "nuevo-plazo-acuerdos-de-pago",
        "Nuevo plazo para suscribir acuerdos de pago del impuesto predial",
        (
            "Los contribuyentes morosos podrán suscribir acuerdos de pago hasta el 18 de diciembre, con una "
            "cuota inicial del 20 % y plazos de hasta doce meses.",
        ),
        (2,),
    ),
    _News(
        "hacienda",
        _D(2026, 11, 23),
        "jornada-continua-hacienda",
        "Secretaría de Hacienda atenderá en jornada continua la última semana de noviembre",
        (
            "Del 24 al 30 de noviembre la caja de recaudo atenderá de 7:00 a.m. a 5:00 p.m. sin cerrar "
            "al mediodía, para facilitar el pago de impuestos.",
        ),
        (2,),
    ),
    # --- Planeación ---
    _News(
        "planeacion",
        _D(2026, 11, 5),
        "convocatoria-consejo-territorial-de-planeacion",
        "Abierta la convocatoria para renovar el Consejo Territorial de Planeación",
        (
            "Las organizaciones sociales, gremiales, comunitarias y educativas pueden postular sus ternas hasta "
            "el 30 de noviembre en la Secretaría de Planeación.",
        ),
    ),
    _News(
        "planeacion",
        _D(2026, 10, 16),
        "socializacion-ajuste-eot",
        "Socialización del ajuste al Esquema de Ordenamiento Territorial en las veredas",
        (
            "El equipo técnico recorrió once veredas para explicar la propuesta de ajuste del Esquema de "
            "Ordenamiento Territorial y recoger aportes de la comunidad.",
        ),
    ),
    _News(
        "planeacion",
        _D(2026, 9, 10),
        "sisben-visitas-zona-rural",
        "Encuestas del SISBÉN IV: nuevas visitas en la zona rural",
        (
            "Los encuestadores del SISBÉN visitarán las veredas del sector norte entre septiembre y octubre. "
            "Solicite su encuesta en la Secretaría de Planeación.",
        ),
    ),
    _News(
        "planeacion",
        _D(2026, 11, 20),
        "banco-de-proyectos-vivienda-rural",
        "Banco de Proyectos registró el proyecto de mejoramiento de vivienda rural",
        (
            "El proyecto beneficiará a 85 hogares de la zona rural con mejoras de pisos, cocinas y baterías "
            "sanitarias, y será presentado a cofinanciación departamental.",
        ),
        (2,),
    ),
    # --- Salud ---
    _News(
        "salud",
        _D(2026, 11, 2),
        "vacunacion-influenza-adultos-mayores",
        "Jornada de vacunación contra la influenza para adultos mayores",
        (
            "La vacunación es gratuita en el centro de salud y en los puestos móviles que recorrerán las veredas "
            "durante noviembre.",
        ),
    ),
    _News(
        "salud",
        _D(2026, 10, 8),
        "alerta-dengue",
        "Alerta por aumento de casos de dengue: elimine los criaderos",
        (
            "Lave y tape los tanques, elimine recipientes con agua estancada y consulte ante fiebre, dolor de "
            "cabeza y dolor detrás de los ojos.",
        ),
    ),
    _News(
        "salud",
        _D(2026, 9, 24),
        "brigada-salud-oral-alto-bonito",
        "Brigada de salud oral en la vereda Alto Bonito",
        ("Ochenta niñas y niños recibieron valoración odontológica, aplicación de flúor y kits de higiene oral.",),
    ),
    # --- Agropecuario ---
    _News(
        "agropecuario",
        _D(2026, 11, 11),
        "mercado-campesino-noviembre",
        "Mercado campesino de noviembre en el parque principal",
        (
            "Más de treinta productores ofrecerán frutas, hortalizas, lácteos y café directamente al consumidor "
            "el segundo sábado del mes.",
        ),
    ),
    _News(
        "agropecuario",
        _D(2026, 10, 23),
        "asistencia-tecnica-familias-cafeteras",
        "80 familias cafeteras reciben asistencia técnica para renovación de cultivos",
        (
            "Los extensionistas acompañarán la renovación de cafetales envejecidos con variedades resistentes "
            "a la roya.",
        ),
    ),
    _News(
        "agropecuario",
        _D(2026, 9, 15),
        "entrega-plantulas-cacao",
        "Entrega de 2.000 plántulas de cacao a productores de la vereda El Diamante",
        (
            "La entrega hace parte del programa de diversificación productiva para familias que sustituyeron "
            "cultivos de uso ilícito.",
        ),
    ),
    # --- Control Interno ---
    _News(
        "control-interno",
        _D(2026, 11, 9),
        "informe-pormenorizado-publicado",
        "Publicado el informe pormenorizado del estado del control interno",
        (
            "El informe del periodo julio a octubre de 2026 está disponible en la sección de informes de la "
            "Oficina de Control Interno.",
        ),
    ),
    _News(
        "control-interno",
        _D(2026, 8, 28),
        "socializacion-plan-anual-de-auditoria",
        "Control Interno socializa el Plan Anual de Auditoría",
        ("Los líderes de proceso conocieron el cronograma de auditorías internas del segundo semestre.",),
    ),
]


def _news_of(b: _Builder) -> list[_News]:
    """News of this version, newest first (the order listings must use: chronological criterion)."""
    return sorted((n for n in _NEWS if b.v in n.versions), key=lambda n: (n.day, n.path), reverse=True)


def _news_list(items: Iterable[_News]) -> str:
    rows = "".join(
        f'<li><time datetime="{n.day.isoformat()}">{_fecha(n.day)}</time> — <a href="{n.path}">{escape(n.title)}</a></li>'
        for n in items
    )
    return f'<ul class="lista-noticias">{rows}</ul>'


# --------------------------------------------------------------------------------------------
# Dependencia sections (data tables: one function per dependencia returns its information pages)
# --------------------------------------------------------------------------------------------


def _tramite(
    b: _Builder,
    path: str,
    que: str,
    requisitos: list[str],
    costo: str,
    tiempo: str,
    formulario: tuple[str, str, int] | None = None,
    extra: Iterable = (),
) -> list:
    """Blocks of a trámite page: the fields Ley 1712 asks for, and the link to its GOV.CO card."""
    name, _dep, _path, suit, online = next(t for t in _TRAMITES if t[2] == path)
    blocks: list = [que, "## Requisitos", requisitos, "## Costo", costo, "## Tiempo de respuesta", tiempo]
    if formulario:
        blocks += ["## Formularios", [b.doc(*formulario)]]
    blocks += list(extra)
    blocks += [
        "## Consulte el trámite en GOV.CO",
        f"Este trámite está inscrito en el Sistema Único de Información de Trámites (SUIT) con el "
        f"número {suit}{' y puede realizarse en línea' if online else ''}. "
        f'<a href="{b.base}{_ficha(suit)}">Ver la ficha de «{escape(name)}» en GOV.CO</a>.',
    ]
    return blocks


def _dep_despacho(b: _Builder) -> list[_Sub]:
    return [
        _Sub(
            "el-alcalde/",
            "El alcalde: Hernando Castaño Villarreal",
            [
                "Hernando Castaño Villarreal es administrador público de la Escuela Superior de Administración "
                "Pública (ESAP), especialista en gerencia de proyectos y fue concejal del municipio entre 2016 y 2019.",
                "Fue elegido alcalde para el periodo constitucional 2024-2027 con el programa de gobierno «San Rafael, "
                "territorio de paz y progreso», que dio origen al Plan de Desarrollo Municipal.",
                "## Agenda pública",
                'La agenda semanal del alcalde se publica en el <a href="/calendario/">calendario de actividades</a>.',
            ],
            _D(2026, 1, 12),
        ),
        _Sub(
            "gabinete-municipal/",
            "Gabinete municipal",
            [
                "El gabinete está integrado por los secretarios de despacho y los jefes de oficina:",
                [f"{escape(d.responsable)} — {escape(d.cargo)}" for d in _DEPS[1:]],
                "El Consejo de Gobierno se reúne todos los lunes a las 7:00 a.m. en el Despacho del Alcalde.",
            ],
            _D(2026, 2, 3),
        ),
        _Sub(
            "decretos/",
            "Decretos municipales 2026",
            [
                "Decretos expedidos por el alcalde durante la vigencia 2026, en orden cronológico descendente:",
                [
                    b.doc(
                        "/dependencias/despacho/documentos/decreto-118-2026.pdf",
                        "Decreto 118 del 6 de noviembre de 2026, por el cual se adopta el plan de seguridad de fin de año",
                        180,
                    ),
                    b.doc(
                        "/dependencias/despacho/documentos/decreto-097-2026.pdf",
                        "Decreto 097 del 15 de septiembre de 2026, por el cual se regulan las fiestas patronales",
                        150,
                    ),
                    b.doc(
                        "/dependencias/despacho/documentos/decreto-042-2026.pdf",
                        "Decreto 042 del 30 de abril de 2026, por el cual se adopta el plan de acción de la vigencia",
                        320,
                    ),
                ],
                'Consulte la normativa completa en <a href="/transparencia/normativa/normativa-de-la-entidad/">'
                "Normativa de la entidad</a>.",
            ],
            _D(2026, 11, 6),
        ),
        _Sub(
            "agenda-del-alcalde/",
            "Agenda del alcalde",
            [
                "Principales compromisos públicos del alcalde en noviembre de 2026:",
                (
                    "table",
                    ["Fecha", "Actividad", "Lugar"],
                    [
                        ["3 de noviembre", "Consejo de Gobierno ampliado", "Despacho del Alcalde"],
                        ["10 de noviembre", "Radicación del proyecto de presupuesto 2027", "Concejo Municipal"],
                        ["19 de noviembre", "Mesa de trabajo con la Gobernación del Tolima", "Ibagué"],
                        ["26 de noviembre", "Visita de obra vía La Esmeralda", "Vereda La Esmeralda"],
                    ],
                ),
            ],
            _D(2026, 11, 2),
        ),
        _Sub(
            "oficina-de-prensa/",
            "Oficina de Prensa y Comunicaciones",
            [
                "La Oficina de Prensa divulga la información institucional en el sitio web, la emisora comunitaria "
                "«Nubes Estéreo 98.3 FM» y las redes sociales de la Alcaldía.",
                "Periodistas y medios pueden solicitar información escribiendo a "
                f'<a href="mailto:prensa@{DOMAIN}">prensa@{DOMAIN}</a>.',
            ],
            _D(2026, 3, 9),
        ),
        _Sub(
            "gestion-del-riesgo/",
            "Consejo Municipal de Gestión del Riesgo de Desastres",
            [
                "El Consejo Municipal de Gestión del Riesgo de Desastres (CMGRD), presidido por el alcalde, coordina "
                "el conocimiento y la reducción del riesgo y el manejo de desastres (Ley 1523 de 2012).",
                [
                    b.doc(
                        "/dependencias/despacho/documentos/plan-municipal-gestion-del-riesgo.pdf",
                        "Plan Municipal de Gestión del Riesgo de Desastres",
                        2400,
                        _D(2025, 6, 30),
                    ),
                    b.doc(
                        "/dependencias/despacho/documentos/estrategia-respuesta-emergencias.pdf",
                        "Estrategia Municipal de Respuesta a Emergencias",
                        1100,
                        _D(2025, 6, 30),
                    ),
                ],
            ],
            _D(2026, 5, 20),
        ),
        _Sub(
            "programa-de-gobierno/",
            "Programa de gobierno 2024-2027",
            [
                "El programa de gobierno inscrito por el alcalde ante la Registraduría se organiza en cuatro líneas: "
                "campo productivo, agua y ambiente, convivencia y paz, y gobierno transparente.",
                [
                    b.doc(
                        "/dependencias/despacho/documentos/programa-de-gobierno-2024-2027.pdf",
                        "Programa de gobierno «San Rafael, territorio de paz y progreso»",
                        890,
                        _D(2024, 1, 10),
                    )
                ],
            ],
            _D(2024, 1, 10),
        ),
    ]


def _dep_gobierno(b: _Builder) -> list[_Sub]:
    comisaria = [
        "La Comisaría de Familia previene, protege, restablece y repara los derechos de los miembros de la "
        "familia afectados por violencia intrafamiliar (Ley 2126 de 2021).",
        "## Servicios",
        [
            "Medidas de protección por violencia intrafamiliar",
            "Conciliación en custodia, alimentos y visitas",
            "Verificación de derechos de niñas, niños y adolescentes",
        ],
        "## Ubicación y horario",
        "Calle 5 # 3-20, segundo piso de la casa de la justicia. Atención de lunes a viernes de 8:00 a.m. a "
        "12:00 m. y de 2:00 p.m. a 6:00 p.m.",
    ]
    if b.v2:  # real change of v2
        comisaria.append(
            "En diciembre de 2026 la Comisaría atenderá también los sábados de 8:00 a.m. a 12:00 m. "
            "y tendrá un turno telefónico de disponibilidad para casos urgentes: 318 555 0160."
        )
    return [
        _Sub(
            "funciones/",
            "Funciones de la Secretaría de Gobierno",
            [
                "Son funciones de la Secretaría de Gobierno, según el Decreto 010 de 2024 (manual de funciones):",
                (
                    "ol",
                    [
                        "Preservar el orden público y la convivencia en el municipio.",
                        "Coordinar la Comisaría de Familia y la Inspección de Policía.",
                        "Formular y ejecutar el Plan Integral de Seguridad y Convivencia Ciudadana.",
                        "Atender a la población víctima del conflicto armado.",
                        "Expedir certificados de residencia y permisos de espectáculos públicos.",
                    ],
                ),
            ],
            _D(2026, 1, 20),
        ),
        _Sub("comisaria-de-familia/", "Comisaría de Familia", comisaria, _D(2026, 11, 18) if b.v2 else _D(2026, 3, 2)),
        _Sub(
            "inspeccion-de-policia/",
            "Inspección de Policía",
            [
                "La Inspección de Policía conoce de los comportamientos contrarios a la convivencia, de las querellas "
                "por perturbación a la posesión y de las diligencias de restitución de bienes de uso público.",
                "Atiende en la casa de la justicia, de lunes a viernes.",
            ],
            _D(2026, 2, 14),
        ),
        _Sub(
            "certificado-de-residencia/",
            "Certificado de residencia en línea",
            _tramite(
                b,
                "/dependencias/gobierno/certificado-de-residencia/",
                "Solicite en línea su certificado de residencia. Se expide en formato PDF con firma digital y un "
                "código de verificación, y llega a su correo electrónico.",
                [
                    "Documento de identidad",
                    "Recibo de un servicio público de la vivienda",
                    "Certificación de la junta de acción comunal del barrio o vereda",
                ],
                "Gratuito.",
                "Hasta tres días hábiles.",
                extra=[
                    "## Solicitud en línea",
                    """<form class="formulario" action="/dependencias/gobierno/certificado-de-residencia/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<p><label for="cr-nombre">Nombre completo</label> <input type="text" id="cr-nombre" name="nombre" required></p>
<p><label for="cr-documento">Número de documento</label> <input type="text" id="cr-documento" name="documento" required></p>
<p><label for="cr-direccion">Dirección de residencia</label> <input type="text" id="cr-direccion" name="direccion" required></p>
<p><label for="cr-correo">Correo electrónico</label> <input type="email" id="cr-correo" name="correo" required></p>
<p><label for="cr-soporte">Soporte (PDF o imagen)</label> <input type="file" id="cr-soporte" name="soporte"></p>
<p><button type="submit">Solicitar certificado</button></p>
</form>""",
                    "Verifique la autenticidad de un certificado expedido en "
                    '<a href="/dependencias/gobierno/verificar-certificado/">verificación de certificados</a>.',
                ],
            ),
            _D(2026, 4, 6),
        ),
        _Sub(
            "verificar-certificado/",
            "Verificación de certificados en línea",
            [
                "Ingrese el código de verificación impreso en el certificado para confirmar que fue expedido por la "
                "Alcaldía y que no ha sido alterado.",
                """<form class="formulario" action="/dependencias/gobierno/verificar-certificado/" method="get">
<p><label for="vc-codigo">Código de verificación</label> <input type="text" id="vc-codigo" name="codigo" required></p>
<p><button type="submit">Verificar</button></p>
</form>""",
            ],
            _D(2026, 4, 6),
        ),
        _Sub(
            "espectaculos-publicos/",
            "Permiso para espectáculos públicos",
            _tramite(
                b,
                "/dependencias/gobierno/espectaculos-publicos/",
                "Autorización para realizar espectáculos públicos de las artes escénicas en escenarios del municipio.",
                [
                    "Solicitud escrita con 15 días de anticipación",
                    "Plan de emergencias y contingencias",
                    "Póliza de responsabilidad civil extracontractual",
                    "Paz y salvo de derechos de autor",
                ],
                "Gratuito.",
                "Diez días hábiles.",
                (
                    "/dependencias/gobierno/documentos/formulario-espectaculos-publicos.pdf",
                    "Formulario de solicitud de permiso para espectáculos públicos",
                    95,
                ),
            ),
            _D(2026, 2, 14),
        ),
        _Sub(
            "convivencia-y-seguridad/",
            "Plan Integral de Seguridad y Convivencia Ciudadana",
            [
                "El Plan Integral de Seguridad y Convivencia Ciudadana (PISCC) 2024-2027 prioriza la prevención del "
                "hurto a fincas, la violencia intrafamiliar y el consumo de sustancias psicoactivas en jóvenes.",
                [
                    b.doc(
                        "/dependencias/gobierno/documentos/piscc-2024-2027.pdf",
                        "Plan Integral de Seguridad y Convivencia Ciudadana 2024-2027",
                        1500,
                        _D(2024, 7, 1),
                    )
                ],
            ],
            _D(2026, 5, 5),
        ),
        _Sub(
            "atencion-a-victimas/",
            "Atención a víctimas del conflicto armado",
            [
                "El enlace municipal de víctimas orienta sobre la declaración ante el Ministerio Público, la ayuda "
                "humanitaria inmediata y el acceso a las medidas de reparación integral.",
                "Atención: martes y jueves en la Secretaría de Gobierno.",
            ],
            _D(2026, 6, 11),
        ),
    ]


def _dep_hacienda(b: _Builder) -> list[_Sub]:
    b.doc(
        "/dependencias/hacienda/documentos/formulario-liquidacion-predial.pdf",
        "Formulario de liquidación del impuesto predial",
        110,
    )  # linked below, only as "clic aquí"
    predial_extra = [
        "## Descuentos por pronto pago",
        [
            "Hasta el 31 de marzo: 10 % de descuento sobre el impuesto de la vigencia.",
            "Hasta el 30 de junio: 5 % de descuento.",
        ],
        "## Cómo pagar",
        # Planted accessibility problem: two "clic aquí" links with different targets (WCAG 2.4.4).
        'Para descargar el formulario de liquidación del impuesto predial (PDF), <a href="/dependencias/hacienda/'
        'documentos/formulario-liquidacion-predial.pdf">clic aquí</a>.',
        'Para pagar en línea con PSE, <a href="/atencion/pagos-en-linea/">clic aquí</a>.',
    ]
    if b.v2:
        predial_extra += [
            "## Acuerdos de pago",
            "Hasta el 18 de diciembre de 2026 los contribuyentes con deudas pueden suscribir "
            "acuerdos de pago con una cuota inicial del 20 % y plazos de hasta doce meses. Consulte "
            '<a href="/dependencias/hacienda/acuerdos-de-pago/">acuerdos de pago</a>.',
        ]
    calendario = [
        ["Impuesto predial, pago con 10 % de descuento", "31 de marzo de 2026"],
        ["Impuesto predial, pago con 5 % de descuento", "30 de junio de 2026"],
        ["Declaración anual de industria y comercio", "30 de abril de 2026"],
        ["Retenciones de industria y comercio, quinto bimestre", "20 de noviembre de 2026"],
        ["Retenciones de industria y comercio, sexto bimestre", "20 de enero de 2027"],
    ]
    if b.v2:
        calendario.insert(4, ["Acuerdos de pago del impuesto predial (nuevo plazo)", "18 de diciembre de 2026"])
    return [
        _Sub(
            "funciones/",
            "Funciones de la Secretaría de Hacienda",
            [
                "Son funciones de la Secretaría de Hacienda:",
                (
                    "ol",
                    [
                        "Administrar, liquidar y fiscalizar los tributos municipales.",
                        "Elaborar el proyecto de presupuesto y el plan financiero.",
                        "Dirigir la tesorería y el pago de las obligaciones del municipio.",
                        "Llevar la contabilidad pública y presentar los estados financieros.",
                        "Adelantar el cobro persuasivo y coactivo de la cartera.",
                    ],
                ),
            ],
            _D(2026, 1, 20),
        ),
        _Sub(
            "impuesto-predial/",
            "Impuesto predial unificado",
            _tramite(
                b,
                "/dependencias/hacienda/impuesto-predial/",
                "El impuesto predial unificado grava los predios urbanos y rurales del municipio. Se liquida cada año "
                "sobre el avalúo catastral y las tarifas del Estatuto Tributario Municipal.",
                ["Número de la ficha catastral o dirección del predio", "Documento del propietario"],
                "Según el avalúo catastral y la tarifa del predio.",
                "Inmediato.",
                extra=predial_extra,
            ),
            _D(2026, 11, 19) if b.v2 else _D(2026, 7, 15),
        ),
        _Sub(
            "industria-y-comercio/",
            "Impuesto de industria y comercio",
            _tramite(
                b,
                "/dependencias/hacienda/industria-y-comercio/",
                "El impuesto de industria y comercio (ICA) y su complementario de avisos y tableros gravan las "
                "actividades industriales, comerciales y de servicios realizadas en el municipio.",
                [
                    "Registro en el RIT (registro de información tributaria)",
                    "Declaración anual en el formulario único nacional",
                ],
                "Según los ingresos brutos y la tarifa de la actividad.",
                "Inmediato.",
                (
                    "/dependencias/hacienda/documentos/formulario-unico-nacional-ica.pdf",
                    "Formulario único nacional de declaración y pago del ICA",
                    240,
                ),
            ),
            _D(2026, 1, 28),
        ),
        _Sub(
            "acuerdos-de-pago/",
            "Acuerdos de pago",
            _tramite(
                b,
                "/dependencias/hacienda/acuerdos-de-pago/",
                "Los contribuyentes con obligaciones vencidas pueden solicitar facilidades de pago.",
                ["Solicitud escrita", "Cuota inicial", "Garantía cuando el plazo supere un año"],
                "Gratuito.",
                "Quince días hábiles.",
                (
                    "/dependencias/hacienda/documentos/solicitud-acuerdo-de-pago.pdf",
                    "Formato de solicitud de acuerdo de pago",
                    80,
                ),
            ),
            _D(2026, 3, 16),
        ),
        _Sub(
            "calendario-tributario/",
            "Calendario tributario 2026",
            [
                "Fechas de vencimiento de las obligaciones tributarias municipales de la vigencia 2026:",
                ("table", ["Obligación", "Fecha límite"], calendario),
                "Si la fecha cae en día no hábil, el plazo se traslada al siguiente día hábil.",
            ],
            _D(2026, 11, 23) if b.v2 else _D(2026, 1, 20),
        ),
        _Sub(
            "estatuto-tributario/",
            "Estatuto Tributario Municipal",
            [
                "El Estatuto Tributario Municipal compila los impuestos, tasas y contribuciones del municipio, sus "
                "tarifas y los procedimientos de fiscalización y cobro.",
                [
                    b.doc(
                        "/dependencias/hacienda/documentos/acuerdo-018-2023-estatuto-tributario.pdf",
                        "Acuerdo 018 de 2023, Estatuto Tributario Municipal",
                        3100,
                        _D(2023, 12, 20),
                    ),
                    # Planted broken link: the 2012 statute was deleted from the server long ago.
                    '<a href="/dependencias/hacienda/documentos/estatuto-tributario-2012.pdf">Estatuto tributario '
                    "anterior (Acuerdo 025 de 2012)</a> (PDF, 2.800 KB)",
                ],
            ],
            _D(2024, 1, 15),
        ),
        _Sub(
            "estados-financieros/",
            "Estados financieros",
            [
                "Estados financieros del municipio, en orden cronológico descendente:",
                [
                    b.doc(
                        "/dependencias/hacienda/documentos/estados-financieros-2026-t3.pdf",
                        "Estados financieros a 30 de septiembre de 2026",
                        640,
                        _D(2026, 10, 30),
                    ),
                    b.doc(
                        "/dependencias/hacienda/documentos/estados-financieros-2026-t2.pdf",
                        "Estados financieros a 30 de junio de 2026",
                        610,
                        _D(2026, 7, 30),
                    ),
                    b.doc(
                        "/dependencias/hacienda/documentos/estados-financieros-2025.pdf",
                        "Estados financieros a 31 de diciembre de 2025",
                        720,
                        _D(2026, 2, 27),
                    ),
                ],
            ],
            _D(2026, 10, 30),
        ),
        _Sub(
            "tesoreria/",
            "Tesorería y recaudo",
            [
                "La caja de recaudo funciona en el primer piso del Palacio Municipal. También puede pagar en "
                "las oficinas del Banco Agrario y en línea por PSE.",
                "Tesorera municipal: Sandra Milena Vargas Polanía.",
            ],
            _D(2026, 2, 2),
        ),
    ]


def _dep_planeacion(b: _Builder) -> list[_Sub]:
    proyectos = [
        ["2026-73675-0012", "Pavimentación de la vía San Rafael – La Esmeralda", "4.200.000.000"],
        ["2026-73675-0009", "Optimización de acueductos veredales", "1.450.000.000"],
        ["2026-73675-0004", "Dotación de sedes educativas rurales", "310.000.000"],
    ]
    if b.v2:
        proyectos.insert(0, ["2026-73675-0015", "Mejoramiento de vivienda rural para 85 hogares", "1.020.000.000"])
    licencias = [
        "La licencia de construcción autoriza obras nuevas, ampliaciones, adecuaciones, modificaciones y "
        "demoliciones de edificaciones, de acuerdo con el Esquema de Ordenamiento Territorial.",
    ]
    if b.v2:
        licencias.append(
            "Desde el 18 de noviembre de 2026 las solicitudes se radican también por correo "
            f'electrónico a <a href="mailto:planeacion@{DOMAIN}">planeacion@{DOMAIN}</a>, con los '
            "planos en formato PDF."
        )
    subs = [
        _Sub(
            "funciones/",
            "Funciones de la Secretaría de Planeación",
            [
                "Son funciones de la Secretaría de Planeación:",
                (
                    "ol",
                    [
                        "Formular el Plan de Desarrollo y hacer seguimiento a sus metas.",
                        "Administrar el banco de programas y proyectos de inversión.",
                        "Aplicar el Esquema de Ordenamiento Territorial y expedir licencias urbanísticas.",
                        "Administrar el SISBÉN y la estratificación socioeconómica.",
                    ],
                ),
            ],
            _D(2026, 1, 20),
        ),
        _Sub(
            "plan-de-desarrollo/",
            "Plan de Desarrollo Municipal 2024-2027",
            [
                "El Plan de Desarrollo «San Rafael, territorio de paz y progreso 2024-2027» fue adoptado por el Acuerdo "
                "007 de 2024 del Concejo Municipal.",
                [
                    b.doc(
                        "/dependencias/planeacion/documentos/plan-de-desarrollo-2024-2027.pdf",
                        "Plan de Desarrollo Municipal 2024-2027 (Acuerdo 007 de 2024)",
                        5200,
                        _D(2024, 5, 31),
                    ),
                    b.doc(
                        "/dependencias/planeacion/documentos/plan-indicativo-2024-2027.pdf",
                        "Plan indicativo 2024-2027",
                        900,
                        _D(2024, 6, 28),
                    ),
                ],
            ],
            _D(2024, 6, 28),
        ),
        _Sub(
            "seguimiento-plan-de-desarrollo/",
            "Metas e indicadores: seguimiento al Plan de Desarrollo",
            [
                "Avance de las metas de producto por línea estratégica a 30 de septiembre de 2026:",
                (
                    "table",
                    ["Línea estratégica", "Indicadores", "Avance acumulado"],
                    [
                        ["Campo productivo", "18", "61 %"],
                        ["Agua y ambiente", "12", "54 %"],
                        ["Convivencia y paz", "15", "63 %"],
                        ["Gobierno transparente", "9", "55 %"],
                    ],
                ),
                [
                    b.doc(
                        "/dependencias/planeacion/documentos/seguimiento-plan-indicativo-2026-t3.pdf",
                        "Seguimiento al plan indicativo, tercer trimestre de 2026",
                        430,
                        _D(2026, 10, 15),
                    )
                ],
            ],
            _D(2026, 10, 15),
        ),
        _Sub(
            "banco-de-proyectos/",
            "Banco de programas y proyectos de inversión",
            [
                "Proyectos registrados en la vigencia 2026, con su código BPIN:",
                ("table", ["Código", "Proyecto", "Valor (pesos)"], proyectos),
            ],
            _D(2026, 11, 20) if b.v2 else _D(2026, 8, 3),
        ),
        _Sub(
            "licencias-de-construccion/",
            "Licencias de construcción",
            _tramite(
                b,
                "/dependencias/planeacion/licencias-de-construccion/",
                " ".join(licencias),
                [
                    "Formulario único nacional",
                    "Certificado de tradición y libertad",
                    "Planos arquitectónicos y estructurales",
                    "Estudio de suelos cuando aplique",
                ],
                "Según la liquidación de expensas y el impuesto de delineación.",
                "Hasta 45 días hábiles.",
                (
                    "/dependencias/planeacion/documentos/formulario-unico-nacional-licencias.pdf",
                    "Formulario único nacional para la solicitud de licencias",
                    350,
                ),
            ),
            _D(2026, 11, 18) if b.v2 else _D(2026, 2, 9),
        ),
        _Sub(
            "uso-del-suelo/",
            "Concepto de uso del suelo",
            _tramite(
                b,
                "/dependencias/planeacion/uso-del-suelo/",
                "Certifica los usos permitidos de un predio según el Esquema de Ordenamiento Territorial.",
                ["Solicitud con la dirección o ficha catastral del predio"],
                "Gratuito.",
                "Diez días hábiles.",
            ),
            _D(2026, 2, 9),
        ),
        _Sub(
            "esquema-de-ordenamiento-territorial/",
            "Esquema de Ordenamiento Territorial (EOT)",
            [
                "El Esquema de Ordenamiento Territorial vigente fue adoptado por el Acuerdo 011 de 2003 y se encuentra "
                "en proceso de ajuste.",
                [
                    b.doc(
                        "/dependencias/planeacion/documentos/eot-acuerdo-011-2003.pdf",
                        "Esquema de Ordenamiento Territorial, Acuerdo 011 de 2003",
                        7800,
                        _D(2003, 9, 1),
                    )
                ],
            ],
            _D(2026, 10, 16),
        ),
        _Sub(
            "sisben/",
            "SISBÉN",
            [
                "El SISBÉN clasifica a la población según sus condiciones de vida para el acceso a programas sociales. "
                f"Consulte su grupo en {b.ext_link('sisben', 'la página del SISBÉN')}.",
                "Para solicitar encuesta o actualizar datos acérquese a la Secretaría de Planeación con su documento.",
            ],
            _D(2026, 9, 10),
        ),
        _Sub(
            "estratificacion/",
            "Estratificación socioeconómica",
            [
                "La estratificación clasifica los inmuebles residenciales para el cobro diferencial de los servicios "
                "públicos domiciliarios. Los reclamos se presentan ante el comité permanente de estratificación."
            ],
            _D(2025, 11, 4),
        ),
    ]
    if not b.v2:  # removed in v2 (and still linked from /participa/: a new broken link)
        subs.append(
            _Sub(
                "convocatoria-consejo-territorial-de-planeacion/",
                "Convocatoria: Consejo Territorial de Planeación 2027-2030",
                [
                    "Se convoca a las organizaciones sociales, gremiales, comunitarias, ecológicas y educativas a postular "
                    "ternas para integrar el Consejo Territorial de Planeación.",
                    "Plazo: hasta el 30 de noviembre de 2026 en la Secretaría de Planeación.",
                ],
                _D(2026, 11, 5),
            )
        )
    return subs


def _dep_salud(b: _Builder) -> list[_Sub]:
    programas = [
        "## Programas de salud pública",
        [
            "Programa Ampliado de Inmunizaciones (PAI)",
            "Salud sexual y reproductiva",
            "Salud mental y prevención del consumo de sustancias psicoactivas",
            "Seguridad alimentaria y nutricional",
            "Enfermedades transmitidas por vectores: dengue, chikunguña y zika",
        ],
        "Los programas se ejecutan con el Plan de Intervenciones Colectivas contratado con la E.S.E. Hospital "
        "San Rafael y llegan a las veredas mediante brigadas mensuales.",
    ]
    body = _blocks(programas)
    if b.v2:  # markup-only change: re-indented, classes added; same text
        body = (
            body.replace("<ul>", '<ul class="lista-programas">')
            .replace("\n", "\n\n    ")
            .replace(
                "Plan de Intervenciones Colectivas contratado", "Plan de Intervenciones\n      Colectivas contratado"
            )
        )
    return [
        _Sub(
            "funciones/",
            "Funciones de la Secretaría de Salud",
            [
                "Son funciones de la Secretaría de Salud:",
                (
                    "ol",
                    [
                        "Dirigir y coordinar el sector salud en el municipio.",
                        "Gestionar el aseguramiento de la población al Sistema General de Seguridad Social en Salud.",
                        "Ejecutar las acciones de salud pública y vigilancia epidemiológica.",
                        "Inspeccionar y vigilar los establecimientos de interés sanitario.",
                    ],
                ),
            ],
            _D(2026, 1, 20),
        ),
        _Sub(
            "plan-territorial-de-salud/",
            "Plan Territorial de Salud 2024-2027",
            [
                "El Plan Territorial de Salud se articula con el Plan Decenal de Salud Pública 2022-2031.",
                [
                    b.doc(
                        "/dependencias/salud/documentos/plan-territorial-de-salud-2024-2027.pdf",
                        "Plan Territorial de Salud 2024-2027",
                        2900,
                        _D(2024, 6, 15),
                    )
                ],
            ],
            _D(2024, 6, 15),
        ),
        _Sub(
            "programas/",
            "Programas de salud pública",
            body,
            _D(2026, 4, 14),
            last_modified=_D(2026, 11, 21) if b.v2 else None,
        ),
        _Sub(
            "vacunacion/",
            "Vacunación (PAI)",
            [
                "La vacunación del esquema regular es gratuita en el centro de salud de lunes a sábado.",
                "En noviembre de 2026 se vacuna contra la influenza a mayores de 60 años, gestantes y niños de 6 a 23 meses.",
            ],
            _D(2026, 11, 2),
        ),
        _Sub(
            "regimen-subsidiado/",
            "Afiliación al régimen subsidiado",
            _tramite(
                b,
                "/dependencias/salud/regimen-subsidiado/",
                "Las personas sin capacidad de pago clasificadas en el SISBÉN pueden afiliarse a una EPS del régimen subsidiado.",
                ["Documento de identidad", "Encuesta del SISBÉN vigente"],
                "Gratuito.",
                "Inmediato.",
            ),
            _D(2026, 3, 3),
        ),
        _Sub(
            "salud-publica/",
            "Vigilancia en salud pública",
            [
                "La Secretaría notifica semanalmente los eventos de interés en salud pública al SIVIGILA.",
                "Boletín epidemiológico: en octubre de 2026 se notificaron 14 casos de dengue sin signos de alarma.",
            ],
            _D(2026, 10, 8),
        ),
        _Sub(
            "enlaces-de-interes/",
            "Enlaces de interés en salud",
            [
                [
                    b.ext_link("minsalud"),
                    b.ext_link("gobernacion", "Secretaría de Salud del Tolima"),
                    # Planted external broken link: the Gobernación moved this document.
                    f'<a href="{b.base}{_EXTERNAL_404}">Plan Decenal de Salud Pública 2012-2021 (Gobernación del Tolima)</a>',
                ]
            ],
            _D(2025, 2, 20),
        ),
    ]


def _dep_agropecuario(b: _Builder) -> list[_Sub]:
    return [
        _Sub(
            "funciones/",
            "Funciones de la Secretaría de Desarrollo Agropecuario",
            [
                "Son funciones de la Secretaría de Desarrollo Agropecuario:",
                (
                    "ol",
                    [
                        "Prestar el servicio público de extensión agropecuaria.",
                        "Apoyar la comercialización de la producción campesina.",
                        "Proteger las microcuencas abastecedoras de acueductos.",
                        "Llevar el registro de hierros y marcas para ganado.",
                    ],
                ),
            ],
            _D(2026, 1, 20),
        ),
        _Sub(
            "extension-agropecuaria/",
            "Servicio de extensión agropecuaria",
            _tramite(
                b,
                "/dependencias/agropecuario/extension-agropecuaria/",
                "Acompañamiento técnico a pequeños y medianos productores inscritos en el registro de usuarios.",
                ["Inscripción en el registro de usuarios de extensión agropecuaria"],
                "Gratuito.",
                "Quince días hábiles.",
            ),
            _D(2026, 2, 24),
        ),
        _Sub(
            "registro-de-hierros-y-marcas/",
            "Registro de hierros y marcas para ganado",
            _tramite(
                b,
                "/dependencias/agropecuario/registro-de-hierros-y-marcas/",
                "Registro del hierro o marca con que el propietario identifica su ganado.",
                ["Diseño del hierro", "Documento del propietario", "Registro sanitario del predio ante el ICA"],
                "Según el Estatuto Tributario Municipal.",
                "Diez días hábiles.",
                (
                    "/dependencias/agropecuario/documentos/formulario-registro-hierros.pdf",
                    "Formulario de registro de hierros y marcas",
                    70,
                ),
            ),
            _D(2026, 2, 24),
        ),
        _Sub(
            "cafe-y-cacao/",
            "Programas de café y cacao",
            [
                "El municipio cuenta con 1.860 hectáreas de café y 240 de cacao. La Secretaría apoya la renovación "
                "de cultivos, el beneficio ecológico y la certificación de cafés especiales."
            ],
            _D(2026, 10, 23),
        ),
        _Sub(
            "mercados-campesinos/",
            "Mercados campesinos",
            [
                "Cada segundo sábado del mes, de 6:00 a.m. a 1:00 p.m., los productores venden directamente en el "
                "parque principal. Inscripciones en la Secretaría."
            ],
            _D(2026, 11, 11),
        ),
        _Sub(
            "proteccion-ambiental/",
            "Protección de microcuencas",
            [
                "Con Cortolima se adelanta la reforestación de 40 hectáreas en las microcuencas de las quebradas "
                f"La Neblina y Agua Bonita. Más información en {b.ext_link('cortolima')}."
            ],
            _D(2026, 6, 5),
        ),
        _Sub(
            "feria-ganadera-2025/",
            "Feria ganadera y equina 2025",
            [
                "Memorias de la feria ganadera y equina realizada del 14 al 16 de junio de 2025 en el coso municipal: "
                "410 ejemplares, 36 expositores y muestra de razas criollas."
            ],
            _D(2025, 6, 20),
            listed=False,
        ),
    ]


def _dep_control_interno(b: _Builder) -> list[_Sub]:
    auditoria = _blocks(
        [
            "El Plan Anual de Auditoría 2026 fue aprobado por el Comité Institucional de Coordinación de Control Interno.",
            (
                "table",
                ["Proceso auditado", "Periodo"],
                [
                    ["<strong>Gestión tributaria</strong>", "Marzo"],
                    ["<strong>Contratación</strong>", "Mayo"],
                    ["<strong>Atención al ciudadano y PQRSD</strong>", "Agosto"],
                    ["<strong>Gestión documental</strong>", "Octubre"],
                ],
            ),
            "<p><strong>Nota:</strong> los informes de auditoría se publican al terminar cada ejercicio.</p>",
        ]
    )
    if b.v2:  # markup-only change
        auditoria = auditoria.replace("<strong>", "<b>").replace("</strong>", "</b>")
    return [
        _Sub(
            "funciones/",
            "Funciones de la Oficina de Control Interno",
            [
                "La Oficina de Control Interno cumple sus roles de liderazgo estratégico, enfoque hacia la prevención, "
                "evaluación de la gestión del riesgo, evaluación y seguimiento, y relación con entes externos de control."
            ],
            _D(2026, 1, 20),
        ),
        _Sub(
            "informes/",
            "Informes de control interno",
            [
                "Informes de la Oficina de Control Interno, en orden cronológico descendente:",
                [
                    b.doc(
                        "/dependencias/control-interno/documentos/informe-pormenorizado-2026-jul-oct.pdf",
                        "Informe pormenorizado del estado del control interno, julio a octubre de 2026",
                        380,
                        _D(2026, 11, 9),
                    ),
                    b.doc(
                        "/dependencias/control-interno/documentos/informe-pormenorizado-2026-mar-jun.pdf",
                        "Informe pormenorizado del estado del control interno, marzo a junio de 2026",
                        360,
                        _D(2026, 7, 10),
                    ),
                    b.doc(
                        "/dependencias/control-interno/documentos/evaluacion-control-interno-contable-2025.pdf",
                        "Evaluación del control interno contable, vigencia 2025",
                        290,
                        _D(2026, 2, 26),
                    ),
                    b.doc(
                        "/dependencias/control-interno/documentos/informe-austeridad-gasto-2026-t3.pdf",
                        "Informe de austeridad del gasto, tercer trimestre de 2026",
                        210,
                        _D(2026, 10, 20),
                    ),
                ],
            ],
            _D(2026, 11, 9),
        ),
        _Sub(
            "plan-anual-de-auditoria/",
            "Plan Anual de Auditoría 2026",
            auditoria,
            _D(2026, 2, 27),
            last_modified=_D(2026, 11, 21) if b.v2 else None,
        ),
        _Sub(
            "planes-de-mejoramiento/",
            "Planes de mejoramiento",
            [
                "Planes de mejoramiento suscritos con la Contraloría Departamental del Tolima y su seguimiento:",
                [
                    b.doc(
                        "/dependencias/control-interno/documentos/plan-de-mejoramiento-contraloria-2025.pdf",
                        "Plan de mejoramiento, auditoría financiera y de gestión vigencia 2025",
                        330,
                        _D(2026, 6, 1),
                    )
                ],
            ],
            _D(2026, 6, 1),
        ),
        _Sub(
            "seguimiento-plan-anticorrupcion/",
            "Seguimiento al Plan Anticorrupción y de Atención al Ciudadano",
            [
                "Seguimientos cuatrimestrales al Plan Anticorrupción y de Atención al Ciudadano 2026:",
                [
                    b.doc(
                        "/dependencias/control-interno/documentos/seguimiento-paac-2026-2.pdf",
                        "Seguimiento con corte a 31 de agosto de 2026",
                        260,
                        _D(2026, 9, 14),
                    ),
                    b.doc(
                        "/dependencias/control-interno/documentos/seguimiento-paac-2026-1.pdf",
                        "Seguimiento con corte a 30 de abril de 2026",
                        250,
                        _D(2026, 5, 14),
                    ),
                ],
            ],
            _D(2026, 9, 14),
        ),
        _Sub(
            "mapa-de-riesgos/",
            "Mapa de riesgos de corrupción",
            [
                "El mapa de riesgos de corrupción identifica 14 riesgos en los procesos de contratación, gestión "
                "tributaria, licencias y atención al ciudadano, con sus controles.",
                [
                    b.doc(
                        "/dependencias/control-interno/documentos/mapa-riesgos-corrupcion-2026.pdf",
                        "Mapa de riesgos de corrupción 2026",
                        300,
                        _D(2026, 1, 30),
                    )
                ],
            ],
            _D(2026, 1, 30),
        ),
    ]


_DEP_PAGES = {
    "despacho": _dep_despacho,
    "gobierno": _dep_gobierno,
    "hacienda": _dep_hacienda,
    "planeacion": _dep_planeacion,
    "salud": _dep_salud,
    "agropecuario": _dep_agropecuario,
    "control-interno": _dep_control_interno,
}

# Index-page quirks planted per dependencia (raw HTML placed right after the intro).
_DEP_INDEX_EXTRA = {
    "gobierno": '<p>Consulte sus comparendos en línea: <a href="/dependencias/gobierno/consulta-de-comparendos/">'
    "consulta de comparendos</a>.</p>",
    # Planted: h1 followed by h4 (skipped heading levels) and a link to a PDF that no longer exists.
    "salud": '<h4>Alerta por dengue</h4><p>Consulte el <a href="/dependencias/salud/documentos/'
    'plan-territorial-de-salud-2020-2023.pdf">Plan Territorial de Salud 2020-2023</a> y el plan vigente.</p>',
    # Planted: an image without alt.
    "agropecuario": '<p><img src="/static/img/feria-agropecuaria.gif" width="320" height="180"></p>',
}
_DEP_INDEX_DATE = {"planeacion": (_D(2026, 11, 5), _D(2026, 11, 19))}  # (v1, v2) base dates of index pages


def _add_dependencias(b: _Builder) -> None:
    news = _news_of(b)
    for dep in _DEPS:
        base = f"/dependencias/{dep.slug}/"
        subs = _DEP_PAGES[dep.slug](b)
        dep_news = [n for n in news if n.dep == dep.slug]
        for s in subs:
            b.add(base + s.slug, s.title, s.blocks, s.updated, last_modified=s.last_modified)
        for n in dep_news:
            b.add(n.path, n.title, _news_body(n), n.day, published=n.day)
        base_dates = _DEP_INDEX_DATE.get(dep.slug, (_D(2026, 1, 20), _D(2026, 1, 20)))
        updated = max([base_dates[b.v - 1], *(n.day for n in dep_news)])
        body = [
            dep.intro,
            _DEP_INDEX_EXTRA.get(dep.slug, ""),
            "## Responsable",
            f"{escape(dep.responsable)}, {escape(dep.cargo)}. Correo: "
            f'<a href="mailto:{dep.email}">{dep.email}</a>. Teléfono: +57 (608) 263 4100, extensión {dep.ext}.',
            "## Información de la dependencia",
            _links((base + s.slug, s.title) for s in subs if s.listed),
            "## Noticias de la dependencia",
            _news_list(dep_news),
        ]
        b.add(base, dep.name, [x for x in body if x], updated)
    b.add(
        "/dependencias/",
        "Dependencias",
        [
            "La Alcaldía se organiza en el Despacho del Alcalde, cuatro secretarías de despacho, la Secretaría de "
            "Desarrollo Agropecuario y la Oficina de Control Interno. Cada dependencia tiene un responsable de "
            "mantener actualizada su sección en este sitio.",
            (
                "table",
                ["Dependencia", "Responsable", "Correo", "Extensión"],
                [
                    [f'<a href="/dependencias/{d.slug}/">{escape(d.name)}</a>', escape(d.responsable), d.email, d.ext]
                    for d in _DEPS
                ],
            ),
        ],
        _D(2026, 1, 20),
    )


def _news_body(n: _News) -> list:
    dep = f" · {escape(_DEP_BY_SLUG[n.dep].name)}" if n.dep else ""
    return [
        f'<p class="fecha-publicacion">Publicado el <time datetime="{n.day.isoformat()}">{_fecha(n.day)}</time>{dep}</p>',
        *n.paras,
        '<p><a href="/noticias/">Volver a noticias</a></p>',
    ]


# --------------------------------------------------------------------------------------------
# La Alcaldía
# --------------------------------------------------------------------------------------------

_FUNCIONARIOS = [
    ("Hernando Castaño Villarreal", "Alcalde municipal", "Despacho del Alcalde", "alcalde", "101"),
    ("Paola Andrea Gutiérrez Leal", "Secretaria privada", "Despacho del Alcalde", "despacho", "102"),
    (
        "Camilo Andrés Ramírez Toro",
        "Profesional TIC, líder de Gobierno Digital",
        "Despacho del Alcalde",
        "gobiernodigital",
        "105",
    ),
    ("Luz Marina Ortiz Guzmán", "Secretaria de Gobierno", "Secretaría de Gobierno", "gobierno", "110"),
    ("Yolanda Esperanza Rojas Cárdenas", "Comisaria de Familia", "Secretaría de Gobierno", "comisaria", "112"),
    ("Jhon Jairo Medina Arias", "Inspector de Policía", "Secretaría de Gobierno", "inspeccion", "113"),
    ("Andrés Felipe Montoya Rincón", "Secretario de Hacienda", "Secretaría de Hacienda", "hacienda", "120"),
    ("Sandra Milena Vargas Polanía", "Tesorera municipal", "Secretaría de Hacienda", "tesoreria", "121"),
    ("Diana Carolina Buitrago Peña", "Secretaria de Planeación", "Secretaría de Planeación", "planeacion", "130"),
    ("Martha Liliana Sánchez Ospina", "Secretaria de Salud", "Secretaría de Salud", "salud", "140"),
    (
        "Óscar Iván Lozano Díaz",
        "Secretario de Desarrollo Agropecuario y Medio Ambiente",
        "Secretaría de Desarrollo Agropecuario",
        "agropecuario",
        "150",
    ),
    (
        "Claudia Patricia Reyes Moreno",
        "Jefe de la Oficina de Control Interno",
        "Oficina de Control Interno",
        "controlinterno",
        "160",
    ),
]

_RESENA = [
    "San Rafael de las Nubes nació como caserío en 1887, cuando familias de colonos antioqueños se asentaron en "
    "la cuchilla que separa las quebradas La Neblina y Agua Bonita, atraídas por las tierras aptas para el café.",
    "En 1912 la Asamblea del Tolima lo erigió corregimiento y en 1954 fue elevado a municipio. Su nombre recuerda "
    "al arcángel patrono de la parroquia y la neblina que cubre las montañas en las tardes.",
    "Hoy cuenta con 14.300 habitantes, 31 veredas y una economía basada en el café, el cacao, el aguacate hass y "
    "la ganadería de doble propósito.",
]


def _add_la_alcaldia(b: _Builder) -> None:
    la = "/la-alcaldia/"
    b.add(
        la,
        "La Alcaldía",
        [
            "Conozca la plataforma estratégica, la estructura y el equipo de la Alcaldía de San Rafael de las Nubes.",
            _links(
                [
                    (la + "mision-y-vision/", "Misión y visión"),
                    (la + "funciones-y-deberes/", "Funciones y deberes"),
                    # Planted: the fragment does not exist on the target page.
                    (la + "funciones-y-deberes/#competencias-del-municipio", "Competencias del municipio"),
                    (la + "organigrama/", "Organigrama"),
                    (la + "directorio-de-funcionarios/", "Directorio de funcionarios"),
                    (la + "entes-de-control/", "Entes de control"),
                    (la + "directorio-de-entidades/", "Directorio de entidades"),
                    (la + "directorio-de-agremiaciones/", "Directorio de agremiaciones y asociaciones"),
                    (la + "ofertas-de-empleo/", "Ofertas de empleo"),
                    (la + "politica-editorial/", "Política editorial y de actualización"),
                    (la + "resena-historica/", "Reseña histórica"),
                    (la + "archivo-historico/", "Archivo histórico"),
                ]
            ),
        ],
        _D(2026, 1, 20),
    )
    b.add(
        la + "mision-y-vision/",
        "Misión y visión",
        [
            "## Misión",
            "Administrar los recursos del municipio con transparencia y eficiencia para prestar los servicios a cargo, "
            "construir las obras que demande el progreso local y promover la participación de la comunidad en el "
            "mejoramiento de su calidad de vida.",
            "## Visión",
            "En 2035 San Rafael de las Nubes será un municipio reconocido en el Tolima por su café especial, su "
            "agua protegida y su gobierno abierto, con un campo productivo y una comunidad en paz.",
            "## Valores",
            ["Honestidad", "Respeto", "Compromiso", "Diligencia", "Justicia"],
        ],
        _D(2024, 3, 1),
    )
    b.add(
        la + "funciones-y-deberes/",
        "Funciones y deberes",
        [
            '<h2 id="funciones">Funciones del municipio</h2>',
            "Según el artículo 311 de la Constitución y la Ley 136 de 1994, modificada por la Ley 1551 de 2012, al "
            "municipio le corresponde:",
            (
                "ol",
                [
                    "Prestar los servicios públicos que determine la ley.",
                    "Construir las obras que demande el progreso local.",
                    "Ordenar el desarrollo de su territorio.",
                    "Promover la participación comunitaria.",
                    "Procurar la solución de las necesidades insatisfechas de salud, educación, saneamiento ambiental, "
                    "agua potable, vivienda, recreación y deporte.",
                ],
            ),
            '<h2 id="deberes">Deberes</h2>',
            "Los servidores públicos de la Alcaldía cumplen los deberes del Código General Disciplinario (Ley 1952 "
            "de 2019) y el código de integridad adoptado por el Decreto 025 de 2019.",
        ],
        _D(2024, 3, 1),
    )
    b.add(
        la + "organigrama/",
        "Organigrama – estructura orgánica",
        [
            '<p><img src="/static/img/organigrama.gif" alt="Organigrama de la Alcaldía: Alcalde, Oficina de Control '
            'Interno, Secretarías de Gobierno, Hacienda, Planeación, Salud y Desarrollo Agropecuario" width="640" height="360"></p>',
            [
                b.doc(
                    "/la-alcaldia/documentos/organigrama-2024.pdf",
                    "Organigrama y estructura orgánica (Decreto 009 de 2024)",
                    220,
                    _D(2024, 2, 1),
                )
            ],
            "La estructura orgánica fue adoptada por el Decreto 009 de 2024. Consulte cada dependencia en "
            '<a href="/dependencias/">Dependencias</a>.',
        ],
        _D(2024, 2, 1),
    )
    b.add(
        la + "directorio-de-funcionarios/",
        "Directorio de funcionarios",
        [
            "Servidores públicos del nivel directivo y asesor, con su cargo y datos de contacto. El conmutador es "
            "+57 (608) 263 4100.",
            (
                "table",
                ["Nombre", "Cargo", "Dependencia", "Correo", "Extensión"],
                [[escape(n), escape(c), escape(d), f"{u}@{DOMAIN}", e] for n, c, d, u, e in _FUNCIONARIOS],
            ),
            f"Consulte las hojas de vida y la escala salarial en {b.ext_link('sigep', 'el SIGEP de Función Pública')}.",
        ],
        _D(2026, 2, 16),
    )
    b.add(
        la + "entes-de-control/",
        "Entes de control",
        [
            "Entes y autoridades que vigilan a la Alcaldía:",
            [
                "Concejo Municipal — control político. Calle 5 # 4-10, segundo piso.",
                "Personería Municipal — Ministerio Público, veeduría y defensa de los derechos humanos. Calle 5 # 3-20.",
                f"{b.ext_link('contraloria_tolima')} — control fiscal.",
                f"{b.ext_link('procuraduria')} (Procuraduría Provincial de Ibagué) — control disciplinario.",
                f"{b.ext_link('contraloria')} — control fiscal de los recursos de la Nación.",
            ],
        ],
        _D(2025, 8, 4),
    )
    b.add(
        la + "directorio-de-entidades/",
        "Directorio de entidades",
        [
            "Entidades públicas con las que la Alcaldía trabaja o que le prestan servicios a la ciudadanía:",
            [
                b.ext_link(k)
                for k in (
                    "gobernacion",
                    "govco",
                    "suit",
                    "mintic",
                    "dnp",
                    "secop",
                    "datos",
                    "suin",
                    "sigep",
                    "sisben",
                    "cortolima",
                    "ica",
                    "minsalud",
                )
            ],
        ],
        _D(2025, 8, 4),
    )
    b.add(
        la + "directorio-de-agremiaciones/",
        "Directorio de agremiaciones y asociaciones",
        [
            "Organizaciones sociales y gremiales del municipio:",
            (
                "table",
                ["Organización", "Representante", "Contacto"],
                [
                    ["Asociación de Juntas de Acción Comunal (Asojuntas)", "Rubiela Carvajal", "311 555 0101"],
                    ["Comité Municipal de Cafeteros", "Gustavo Adolfo Parra", "312 555 0102"],
                    ["Asociación de Productores de Cacao La Esperanza (Asoprocacao)", "Edilberto Ruiz", "313 555 0103"],
                    ["Asociación de Mujeres Campesinas Las Nubes", "Ana Tulia Guzmán", "314 555 0104"],
                    ["Asociación de Usuarios del Acueducto de Campoalegre", "Julio César Ortiz", "315 555 0105"],
                    ["Corporación Cultural Neblina", "María Fernanda Díaz", "316 555 0106"],
                ],
            ),
            "Las 31 juntas de acción comunal veredales y 6 urbanas están registradas en la Secretaría de Gobierno.",
        ],
        _D(2026, 3, 20),
    )
    b.add(
        la + "ofertas-de-empleo/",
        "Ofertas de empleo y convocatorias",
        [
            "Convocatorias vigentes:",
            [
                "Técnico administrativo para la Secretaría de Hacienda (encargo). Inscripciones hasta el 27 de noviembre de 2026.",
                "Contratistas para el Plan de Intervenciones Colectivas 2027 (auxiliares de enfermería). Hojas de vida hasta el 15 de diciembre de 2026.",
            ],
            "Los empleos de carrera administrativa se proveen por concurso de la Comisión Nacional del Servicio Civil.",
        ],
        _D(2026, 11, 3),
    )
    resena = _blocks(
        _RESENA
        + [
            'Consulte también la <a href="/historico/fundacion.html">crónica de la fundación</a> y el '
            '<a href="/la-alcaldia/archivo-historico/">archivo histórico</a> del sitio.'
        ]
    )
    if b.v2:  # markup-only change: paragraphs become divs
        resena = resena.replace("<p>", '<div class="parrafo">').replace("</p>", "</div>")
    b.add(
        la + "resena-historica/",
        "Reseña histórica",
        resena,
        _D(2025, 5, 12),
        last_modified=_D(2026, 11, 21) if b.v2 else None,
    )
    b.add(
        la + "archivo-historico/",
        "Archivo histórico del sitio web",
        [
            "Páginas publicadas en el antiguo portal de Gobierno en Línea Territorial (2009-2012), conservadas como "
            "memoria institucional. Algunas no se han actualizado desde entonces.",
            _links(
                [
                    ("/historico/resena-historica.html", "Reseña histórica (2009)"),
                    ("/historico/himno.html", "Himno del municipio"),
                    ("/historico/simbolos.html", "Símbolos municipales"),
                    ("/historico/sitios-turisticos.html", "Sitios turísticos"),
                    (
                        "/historico/acuerdo-gobierno-en-linea-2009.html",
                        "Acuerdo de adopción de Gobierno en Línea (2009)",
                    ),
                    ("/historico/plan-de-accion-gel-2010.html", "Plan de acción de Gobierno en Línea 2010"),
                ]
            ),
        ],
        _D(2025, 5, 12),
    )
    b.add(
        la + "politica-editorial/",
        "Política editorial y de actualización del sitio web",
        [
            "La política editorial, adoptada por la Resolución 114 de 2024, define quién publica, qué se publica y "
            "con qué frecuencia se actualiza el sitio web.",
            "## Responsables",
            "Líder de Gobierno Digital y responsable visible de la estrategia (antes Gobierno en Línea): Camilo Andrés "
            f'Ramírez Toro, profesional TIC del Despacho del Alcalde, <a href="mailto:gobiernodigital@{DOMAIN}">'
            f"gobiernodigital@{DOMAIN}</a>.",
            "Cada dependencia designa un responsable de mantener actualizada su sección, que envía los contenidos a "
            "la Oficina de Prensa.",
            "## Frecuencia de actualización",
            "Cada dependencia actualiza su sección al menos cuatro veces al mes. Las noticias se publican el mismo día "
            "del hecho y los documentos de transparencia dentro de los plazos de la Ley 1712 de 2014.",
            [
                b.doc(
                    "/la-alcaldia/documentos/politica-editorial.pdf",
                    "Resolución 114 de 2024, política editorial",
                    160,
                    _D(2024, 4, 2),
                )
            ],
        ],
        _D(2024, 4, 2),
    )


# --------------------------------------------------------------------------------------------
# Transparencia y acceso a la información pública (Ley 1712 de 2014, Resolución 1519 de 2020)
# --------------------------------------------------------------------------------------------


def _transparencia_items(b: _Builder) -> dict[str, list[tuple[str, str, list[tuple[str, str]]]]]:
    """Section slug -> [(numeral, item name, [(href, link text)])]. 3.5 and 4.9 (defensa pública) are
    absent; like many live sites, this one renumbers 4.10 as 4.9."""
    t = "/transparencia/"
    ie = t + "informacion-de-la-entidad/"
    return {
        "informacion-de-la-entidad": [
            (
                "1.1",
                "Misión, visión, funciones y deberes",
                [
                    ("/la-alcaldia/mision-y-vision/", "Misión y visión"),
                    ("/la-alcaldia/funciones-y-deberes/", "Funciones y deberes"),
                ],
            ),
            ("1.2", "Estructura orgánica – organigrama", [("/la-alcaldia/organigrama/", "Organigrama")]),
            ("1.3", "Mapas y cartas descriptivas de los procesos", [(ie + "mapa-de-procesos/", "Mapa de procesos")]),
            ("1.4", "Directorio institucional", [(ie + "directorio-institucional/", "Sedes, dependencias y horarios")]),
            (
                "1.5",
                "Directorio de servidores públicos, empleados o contratistas",
                [("/la-alcaldia/directorio-de-funcionarios/", "Directorio de funcionarios")],
            ),
            ("1.6", "Directorio de entidades", [("/la-alcaldia/directorio-de-entidades/", "Directorio de entidades")]),
            (
                "1.7",
                "Directorio de agremiaciones, asociaciones y otros grupos de interés",
                [("/la-alcaldia/directorio-de-agremiaciones/", "Agremiaciones y asociaciones")],
            ),
            (
                "1.8",
                "Servicio al público, normas, formularios y protocolos de atención",
                [(ie + "servicio-al-publico/", "Carta de trato digno y protocolos de atención")],
            ),
            (
                "1.9",
                "Procedimientos que se siguen para tomar decisiones",
                [(ie + "toma-de-decisiones/", "Procedimientos para la toma de decisiones")],
            ),
            (
                "1.10",
                "Mecanismo de presentación directa de solicitudes, quejas y reclamos",
                [("/atencion/pqrsd/", "Formulario PQRSD")],
            ),
            ("1.11", "Calendario de actividades y eventos", [("/calendario/", "Calendario de actividades")]),
            (
                "1.12",
                "Información sobre decisiones que pueden afectar al público",
                [(ie + "decisiones-que-afectan-al-publico/", "Decisiones que pueden afectar al público")],
            ),
            ("1.13", "Entes y autoridades que lo vigilan", [("/la-alcaldia/entes-de-control/", "Entes de control")]),
            (
                "1.14",
                "Publicación de hojas de vida de aspirantes",
                [(ie + "hojas-de-vida/", "No aplica: justificación")],
            ),
        ],
        "normativa": [
            (
                "2.1",
                "Normativa de la entidad",
                [(t + "normativa/normativa-de-la-entidad/", "Acuerdos, decretos, resoluciones y circulares")],
            ),
            ("2.2", "Búsqueda de normas", [(b.ext("suin"), "SUIN-Juriscol")]),
            (
                "2.3",
                "Proyectos de normas para comentarios",
                [(t + "normativa/proyectos-de-normas/", "Proyectos de normas para comentarios")],
            ),
        ],
        "contratacion": [
            (
                "3.1",
                "Plan anual de adquisiciones",
                [(t + "contratacion/plan-anual-de-adquisiciones/", "Plan anual de adquisiciones 2026")],
            ),
            (
                "3.2",
                "Publicación de la información contractual",
                [(t + "contratacion/procesos-de-contratacion/", "Procesos de contratación (SECOP)")],
            ),
            (
                "3.3",
                "Publicación de la ejecución de los contratos",
                [(t + "contratacion/ejecucion-de-contratos/", "Ejecución de contratos")],
            ),
            (
                "3.4",
                "Manual de contratación, adquisición y/o compras",
                [(t + "contratacion/manual-de-contratacion/", "Manual de contratación")],
            ),
        ],
        "planeacion-presupuesto-e-informes": [
            (
                "4.1",
                "Presupuesto general de ingresos, gastos e inversión",
                [(_T + "presupuesto-general/", "Presupuesto general")],
            ),
            ("4.2", "Ejecución presupuestal", [(_T + "ejecucion-presupuestal/", "Ejecución presupuestal")]),
            ("4.3", "Plan de acción", [(_T + "plan-de-accion/", "Plan de acción")]),
            ("4.4", "Proyectos de inversión", [(_T + "proyectos-de-inversion/", "Proyectos de inversión")]),
            ("4.5", "Informes de empalme", [(_T + "informes-de-empalme/", "Informes de empalme")]),
            ("4.6", "Información pública y/o relevante", [(_T + "informacion-relevante/", "Información relevante")]),
            (
                "4.7",
                "Informes de gestión, evaluación y auditoría",
                [(_T + "informes-de-gestion/", "Informes de gestión")],
            ),
            (
                "4.8",
                "Informes de la Oficina de Control Interno",
                [("/dependencias/control-interno/informes/", "Informes de control interno")],
            ),
            (
                "4.9",
                "Informes trimestrales sobre acceso a información, quejas y reclamos",
                [(_T + "informes-pqrsd/", "Informes trimestrales de PQRSD")],
            ),
        ],
        "tramites": [
            (
                "5.1",
                "Trámites: normativa, procesos, costos y formularios",
                [("/atencion/tramites/", "Trámites y servicios"), (b.ext("suit"), "SUIT")],
            )
        ],
        "participa": [
            ("6.1", "Descripción general", [("/participa/", "Participa")]),
            (
                "6.2",
                "Estructura y secciones del menú Participa",
                [
                    ("/participa/consulta-ciudadana/", "Diagnóstico e identificación de problemas"),
                    ("/participa/presupuesto-participativo/", "Planeación y presupuesto participativo"),
                    ("/participa/rendicion-de-cuentas/", "Rendición de cuentas"),
                    ("/participa/control-social/", "Control social"),
                ],
            ),
        ],
        "datos-abiertos": [
            (
                "7.1",
                "Instrumentos de gestión de la información",
                [(t + "datos-abiertos/instrumentos-de-gestion/", "Instrumentos de gestión de la información")],
            ),
            ("7.2", "Sección de datos abiertos", [(b.ext("datos"), "Datos abiertos en datos.gov.co")]),
        ],
        "grupos-de-interes": [
            ("8.1", "Información para niñas, niños y adolescentes", [("/ninos/", "Portal de niños")]),
            ("8.2", "Información para mujeres", [(t + "grupos-de-interes/mujeres/", "Mujeres")]),
            (
                "8.3",
                "Otros grupos de interés",
                [
                    (
                        t + "grupos-de-interes/otros-grupos-de-interes/",
                        "Víctimas, personas con discapacidad y adultos mayores",
                    )
                ],
            ),
        ],
        "reporte-de-informacion": [],
        "informacion-tributaria": [
            (
                "10.1",
                "Procesos de recaudo de rentas locales",
                [
                    ("/dependencias/hacienda/tesoreria/", "Tesorería y recaudo"),
                    ("/dependencias/hacienda/calendario-tributario/", "Calendario tributario"),
                ],
            ),
            (
                "10.2",
                "Tarifas de liquidación del impuesto de industria y comercio y del predial",
                [("/transparencia/informacion-tributaria/tarifas-ica-y-predial/", "Tarifas de ICA y predial")],
            ),
        ],
    }


def _item_list(items: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    rows = []
    for num, name, links in items:
        targets = "; ".join(f'<a href="{h}">{escape(tx)}</a>' for h, tx in links)
        rows.append(f'<li><span class="numeral">{num}</span> {escape(name)}: {targets}</li>')
    return '<ul class="items-transparencia">' + "".join(rows) + "</ul>"


def _add_transparencia(b: _Builder) -> None:
    items = _transparencia_items(b)
    t = "/transparencia/"
    index = [
        "En cumplimiento de la Ley 1712 de 2014, el Decreto 103 de 2015 y la Resolución 1519 de 2020 del "
        "Ministerio de Tecnologías de la Información y las Comunicaciones, la Alcaldía publica la siguiente "
        "información. Si no encuentra lo que busca, presente una solicitud de acceso a la información en "
        '<a href="/atencion/pqrsd/">PQRSD</a>.'
    ]
    for slug, label in _TRANSPARENCIA_SECCIONES:
        index.append(f'<h2><a href="{t}{slug}/">{escape(label)}</a></h2>')
        if items[slug]:  # the sub-items, each linked to its first target (the section page has them all)
            index.append(
                "<ul>"
                + "".join(
                    f'<li>{num} <a href="{links[0][0]}">{escape(name)}</a></li>' for num, name, links in items[slug]
                )
                + "</ul>"
            )
    b.add(t, "Transparencia y acceso a la información pública", index, _D(2026, 3, 31))
    section_text = {
        "reporte-de-informacion": [
            '<p><span class="numeral">9.1</span> Obligación de reporte de información específica de la entidad.</p>',
            "La Alcaldía reporta información a los sistemas nacionales: FUT y CHIP (Contaduría General), SIRECI "
            "(Contraloría), SUIT (Función Pública), SECOP (Colombia Compra Eficiente), SIVIGILA (Instituto Nacional "
            "de Salud), y el Formulario Único de Reporte de Avances de la Gestión (FURAG).",
            [
                b.doc(
                    "/transparencia/documentos/reportes-normativos-2026.pdf",
                    "Cronograma de reportes a entes nacionales 2026",
                    120,
                    _D(2026, 2, 1),
                )
            ],
        ],
        "informacion-tributaria": [
            "Información sobre los tributos municipales, su recaudo y sus tarifas, según el Estatuto Tributario "
            'Municipal (<a href="/dependencias/hacienda/estatuto-tributario/">Acuerdo 018 de 2023</a>).'
        ],
    }
    for slug, label in _TRANSPARENCIA_SECCIONES:
        body = list(section_text.get(slug, []))
        if items[slug]:
            body.append(_item_list(items[slug]))
        b.add(f"{t}{slug}/", label, body or ["Sección en construcción."], _D(2026, 3, 31))

    ie = t + "informacion-de-la-entidad/"
    b.add(
        ie + "mapa-de-procesos/",
        "Mapa de procesos y caracterizaciones",
        [
            "El modelo de operación por procesos tiene procesos estratégicos, misionales, de apoyo y de evaluación.",
            [
                b.doc("/transparencia/documentos/mapa-de-procesos.pdf", "Mapa de procesos", 240, _D(2025, 3, 3)),
                b.doc(
                    "/transparencia/documentos/caracterizaciones-de-procesos.pdf",
                    "Caracterizaciones de los procesos",
                    980,
                    _D(2025, 3, 3),
                ),
            ],
        ],
        _D(2025, 3, 3),
    )
    b.add(
        ie + "directorio-institucional/",
        "Directorio institucional: sedes y horarios",
        [
            (
                "table",
                ["Sede", "Dirección", "Horario"],
                [
                    [
                        "Palacio Municipal (Despacho, Hacienda, Planeación, Control Interno)",
                        "Carrera 4 # 5-32",
                        "Lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.",
                    ],
                    [
                        "Casa de la justicia (Gobierno, Comisaría de Familia, Inspección de Policía)",
                        "Calle 5 # 3-20",
                        "Lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.",
                    ],
                    [
                        "Secretaría de Salud",
                        "Carrera 3 # 7-15, centro de salud",
                        "Lunes a sábado de 7:00 a.m. a 1:00 p.m.",
                    ],
                    [
                        "Secretaría de Desarrollo Agropecuario",
                        "Plaza de mercado, local 2",
                        "Lunes a viernes de 7:00 a.m. a 3:00 p.m.",
                    ],
                ],
            )
        ],
        _D(2026, 2, 16),
    )
    b.add(
        ie + "servicio-al-publico/",
        "Servicio al público: carta de trato digno y protocolos",
        [
            "La carta de trato digno informa los derechos y deberes de la ciudadanía y los canales de atención.",
            [
                b.doc(
                    "/transparencia/documentos/carta-de-trato-digno.pdf",
                    "Carta de trato digno a la ciudadanía",
                    150,
                    _D(2025, 2, 3),
                ),
                b.doc(
                    "/transparencia/documentos/protocolo-de-atencion.pdf",
                    "Protocolo de atención al ciudadano",
                    420,
                    _D(2025, 2, 3),
                ),
                b.doc(
                    "/transparencia/documentos/formularios-de-tramites.pdf",
                    "Formularios de trámites y servicios",
                    900,
                    _D(2025, 2, 3),
                ),
            ],
        ],
        _D(2025, 2, 3),
    )
    b.add(
        ie + "toma-de-decisiones/",
        "Procedimientos para la toma de decisiones",
        [
            "Las decisiones se toman en el Consejo de Gobierno, el Comité Institucional de Gestión y Desempeño y los "
            "comités sectoriales, según el manual de procesos y procedimientos.",
            [
                b.doc(
                    "/transparencia/documentos/manual-de-procesos-y-procedimientos.pdf",
                    "Manual de procesos y procedimientos",
                    1800,
                    _D(2024, 9, 9),
                )
            ],
        ],
        _D(2024, 9, 9),
    )
    b.add(
        ie + "decisiones-que-afectan-al-publico/",
        "Decisiones que pueden afectar al público",
        [
            [
                "Decreto 118 de 2026: plan de seguridad de fin de año y restricciones a la pólvora.",
                "Ajuste del Esquema de Ordenamiento Territorial: socialización en veredas (octubre y noviembre de 2026).",
                "Cierre parcial de la vía San Rafael – La Esmeralda por obras, de lunes a viernes de 8:00 a.m. a 4:00 p.m.",
            ]
        ],
        _D(2026, 11, 6),
    )
    b.add(
        ie + "hojas-de-vida/",
        "Publicación de hojas de vida de aspirantes: no aplica",
        [
            "Este requisito no aplica a la Alcaldía: la publicación de hojas de vida de aspirantes a empleos de libre "
            "nombramiento (Decreto 1083 de 2015, artículo 2.2.13.2.3) está dirigida a entidades del orden nacional."
        ],
        _D(2025, 2, 3),
    )
    b.add(
        t + "normativa/normativa-de-la-entidad/",
        "Normativa de la entidad",
        [
            "## Acuerdos del Concejo Municipal",
            [
                b.doc(
                    "/transparencia/documentos/acuerdo-015-2025-presupuesto-2026.pdf",
                    "Acuerdo 015 de 2025, presupuesto de rentas y gastos 2026",
                    1400,
                    _D(2025, 11, 28),
                ),
                b.doc(
                    "/transparencia/documentos/acuerdo-007-2024-plan-de-desarrollo.pdf",
                    "Acuerdo 007 de 2024, Plan de Desarrollo 2024-2027",
                    300,
                    _D(2024, 5, 31),
                ),
            ],
            "## Decretos",
            ['<a href="/dependencias/despacho/decretos/">Decretos municipales 2026</a>'],
            "## Resoluciones y circulares",
            [
                b.doc(
                    "/transparencia/documentos/circular-004-2026.pdf",
                    "Circular 004 de 2026, horario de atención en temporada de fin de año",
                    60,
                    _D(2026, 11, 3),
                ),
                b.doc(
                    "/transparencia/documentos/resolucion-114-2024.pdf",
                    "Resolución 114 de 2024, política editorial",
                    160,
                    _D(2024, 4, 2),
                ),
            ],
            f"Normas nacionales: {b.ext_link('suin', 'consulte SUIN-Juriscol')}.",
        ],
        _D(2026, 11, 3),
    )
    b.add(
        t + "normativa/proyectos-de-normas/",
        "Proyectos de normas para comentarios",
        [
            "Proyectos de acto administrativo publicados para comentarios de la ciudadanía (consulta ciudadana):",
            (
                "table",
                ["Proyecto", "Plazo para comentarios"],
                [
                    [
                        b.doc(
                            "/transparencia/documentos/proyecto-decreto-horarios-establecimientos.pdf",
                            "Proyecto de decreto sobre horarios de establecimientos abiertos al público",
                            90,
                            _D(2026, 11, 12),
                        ),
                        "27 de noviembre de 2026",
                    ]
                ],
            ),
            f'Envíe sus comentarios a <a href="mailto:contactenos@{DOMAIN}">contactenos@{DOMAIN}</a> o por el '
            '<a href="/atencion/pqrsd/">formulario PQRSD</a>.',
        ],
        _D(2026, 11, 12),
    )
    c = t + "contratacion/"
    b.add(
        c + "plan-anual-de-adquisiciones/",
        "Plan anual de adquisiciones",
        [
            [
                b.doc(
                    "/transparencia/documentos/plan-anual-de-adquisiciones-2026.pdf",
                    "Plan anual de adquisiciones 2026",
                    210,
                    _D(2026, 1, 30),
                ),
                b.doc(
                    "/transparencia/documentos/plan-anual-de-adquisiciones-2025.pdf",
                    "Plan anual de adquisiciones 2025",
                    200,
                    _D(2025, 1, 31),
                ),
            ],
            f"El plan también está publicado en {b.ext_link('secop')}.",
        ],
        _D(2026, 1, 30),
    )
    b.add(
        c + "procesos-de-contratacion/",
        "Procesos de contratación",
        [
            f"Todos los procesos de contratación se publican en {b.ext_link('secop')}. Procesos abiertos en noviembre de 2026:",
            (
                "table",
                ["Proceso", "Modalidad", "Valor"],
                [
                    ["SRN-MC-041-2026 Suministro de combustible", "Mínima cuantía", "$ 38.000.000"],
                    ["SRN-SA-012-2026 Mantenimiento de vías terciarias", "Selección abreviada", "$ 420.000.000"],
                ],
            ),
        ],
        _D(2026, 11, 10),
    )
    b.add(
        c + "ejecucion-de-contratos/",
        "Ejecución de contratos",
        [
            "Informes de supervisión y actas de liquidación de los contratos, publicados en SECOP II:",
            [
                b.doc(
                    "/transparencia/documentos/informe-ejecucion-contratos-2026-t3.pdf",
                    "Informe de ejecución de contratos, tercer trimestre de 2026",
                    340,
                    _D(2026, 10, 20),
                )
            ],
        ],
        _D(2026, 10, 20),
    )
    b.add(
        c + "manual-de-contratacion/",
        "Manual de contratación",
        [
            [
                b.doc(
                    "/transparencia/documentos/manual-de-contratacion.pdf",
                    "Manual de contratación y supervisión",
                    760,
                    _D(2024, 8, 15),
                )
            ]
        ],
        _D(2024, 8, 15),
    )
    presupuesto = [
        b.doc(
            "/transparencia/documentos/presupuesto-2026.pdf",
            "Presupuesto general de ingresos, gastos e inversión 2026 (Acuerdo 015 de 2025)",
            1400,
            _D(2025, 11, 28),
        ),
        b.doc(
            "/transparencia/documentos/decreto-liquidacion-presupuesto-2026.pdf",
            "Decreto 201 de 2025, liquidación del presupuesto 2026",
            900,
            _D(2025, 12, 29),
        ),
        b.doc("/transparencia/documentos/presupuesto-2025.pdf", "Presupuesto general 2025", 1300, _D(2024, 11, 29)),
    ]
    modificaciones = ["## Modificaciones presupuestales 2026"]
    if b.v2:  # real change of v2 (text only: v2 adds no new documents, so EXPECTED_CHANGES stays HTML-only)
        modificaciones.append(
            "Decreto 121 del 20 de noviembre de 2026, por el cual se adiciona el presupuesto con "
            "1.450 millones de pesos del convenio de acueductos veredales."
        )
    modificaciones.append(
        "Decreto 058 del 3 de junio de 2026, por el cual se adiciona el presupuesto con los "
        "recursos del balance de la vigencia 2025."
    )
    b.add(
        _T + "presupuesto-general/",
        "Presupuesto general de ingresos, gastos e inversión",
        ["Presupuesto aprobado por el Concejo Municipal para cada vigencia:", presupuesto, *modificaciones],
        _D(2026, 11, 20) if b.v2 else _D(2026, 6, 3),
    )
    # Ejecución presupuestal only up to 2025: present but not current (CHECKLIST_PARTIAL).
    b.add(
        _T + "ejecucion-presupuestal/",
        "Ejecución presupuestal",
        [
            "Informes de ejecución presupuestal de ingresos y gastos por vigencia:",
            [
                b.doc(
                    "/transparencia/documentos/ejecucion-presupuestal-2025.pdf",
                    "Ejecución presupuestal de ingresos y gastos, vigencia 2025 (a 31 de diciembre)",
                    520,
                    _D(2026, 1, 31),
                ),
                b.doc(
                    "/transparencia/documentos/ejecucion-presupuestal-2024.pdf",
                    "Ejecución presupuestal de ingresos y gastos, vigencia 2024",
                    510,
                    _D(2025, 1, 31),
                ),
            ],
        ],
        _D(2026, 1, 31),
    )
    b.add(
        _T + "plan-de-accion/",
        "Plan de acción",
        [
            "Plan de acción de la vigencia: objetivos, estrategias, proyectos, metas, responsables y presupuesto.",
            [
                b.doc("/transparencia/documentos/plan-de-accion-2026.pdf", "Plan de acción 2026", 640, _D(2026, 1, 30)),
                b.doc("/transparencia/documentos/plan-de-accion-2025.pdf", "Plan de acción 2025", 610, _D(2025, 1, 31)),
            ],
            'Consulte el <a href="/dependencias/planeacion/plan-de-desarrollo/">Plan de Desarrollo 2024-2027</a>.',
        ],
        _D(2026, 1, 30),
    )
    inversion = [
        ["2026-73675-0012", "Pavimentación de la vía San Rafael – La Esmeralda", "En ejecución"],
        ["2026-73675-0009", "Optimización de acueductos veredales", "Contratado"],
        ["2026-73675-0004", "Dotación de sedes educativas rurales", "Terminado"],
    ]
    if b.v2:
        inversion.insert(0, ["2026-73675-0015", "Mejoramiento de vivienda rural para 85 hogares", "Registrado"])
    b.add(
        _T + "proyectos-de-inversion/",
        "Proyectos de inversión",
        [
            "Proyectos de inversión inscritos en el banco de programas y proyectos, con su estado:",
            ("table", ["Código BPIN", "Proyecto", "Estado"], inversion),
            'Detalle en el <a href="/dependencias/planeacion/banco-de-proyectos/">banco de proyectos</a>.',
        ],
        _D(2026, 11, 20) if b.v2 else _D(2026, 8, 3),
    )
    b.add(
        _T + "informes-de-empalme/",
        "Informes de empalme",
        [
            "Informe de empalme entre la administración 2020-2023 y la administración 2024-2027 (Ley 951 de 2005):",
            [
                b.doc(
                    "/transparencia/documentos/informe-de-empalme-2023.pdf",
                    "Informe de empalme y acta de informe de gestión, diciembre de 2023",
                    2600,
                    _D(2023, 12, 28),
                )
            ],
        ],
        _D(2024, 1, 5),
    )
    b.add(
        _T + "informacion-relevante/",
        "Información pública y/o relevante",
        [
            [
                "Estado de las vías terciarias después de la temporada de lluvias (boletín de noviembre de 2026).",
                "Resultados de la medición de calidad del agua de los acueductos veredales, tercer trimestre de 2026.",
            ]
        ],
        _D(2026, 11, 9),
    )
    b.add(
        _T + "informes-de-gestion/",
        "Informes de gestión, evaluación y auditoría",
        [
            [
                b.doc(
                    "/transparencia/documentos/informe-de-gestion-2025.pdf",
                    "Informe de gestión, vigencia 2025",
                    3400,
                    _D(2026, 2, 27),
                ),
                b.doc(
                    "/transparencia/documentos/informe-rendicion-de-cuentas-2025.pdf",
                    "Informe de rendición de cuentas a la ciudadanía, vigencia 2025",
                    1900,
                    _D(2026, 5, 8),
                ),
                b.doc(
                    "/transparencia/documentos/rendicion-cuenta-fiscal-2025.pdf",
                    "Rendición de la cuenta fiscal a la Contraloría Departamental, vigencia 2025",
                    800,
                    _D(2026, 2, 28),
                ),
            ],
            'Planes de mejoramiento en <a href="/dependencias/control-interno/planes-de-mejoramiento/">Control Interno</a>.',
        ],
        _D(2026, 5, 8),
    )
    b.add(
        _T + "informes-pqrsd/",
        "Informes trimestrales de PQRSD y solicitudes de acceso a la información",
        [
            "Informes trimestrales sobre peticiones, quejas, reclamos, sugerencias, denuncias y solicitudes de acceso "
            "a la información pública, en orden cronológico descendente:",
            [
                b.doc(
                    f"/transparencia/documentos/informe-pqrsd-{y}-t{q}.pdf",
                    f"Informe de PQRSD, {n} trimestre de {y}",
                    180,
                    dd,
                )
                for y, q, n, dd in [
                    (2026, 3, "tercer", _D(2026, 10, 15)),
                    (2026, 2, "segundo", _D(2026, 7, 15)),
                    (2026, 1, "primer", _D(2026, 4, 15)),
                    (2025, 4, "cuarto", _D(2026, 1, 15)),
                ]
            ],
        ],
        _D(2026, 10, 15),
    )
    b.add(
        t + "datos-abiertos/instrumentos-de-gestion/",
        "Instrumentos de gestión de la información pública",
        [
            [
                b.doc(
                    "/transparencia/documentos/registro-activos-de-informacion.pdf",
                    "Registro de activos de información",
                    210,
                    _D(2025, 7, 1),
                ),
                b.doc(
                    "/transparencia/documentos/indice-informacion-clasificada-y-reservada.pdf",
                    "Índice de información clasificada y reservada",
                    130,
                    _D(2025, 7, 1),
                ),
                b.doc(
                    "/transparencia/documentos/esquema-de-publicacion.pdf",
                    "Esquema de publicación de información",
                    150,
                    _D(2025, 7, 1),
                ),
                b.doc(
                    "/transparencia/documentos/programa-de-gestion-documental.pdf",
                    "Programa de gestión documental (PGD)",
                    480,
                    _D(2024, 10, 1),
                ),
                b.doc(
                    "/transparencia/documentos/tablas-de-retencion-documental.pdf",
                    "Tablas de retención documental",
                    1200,
                    _D(2024, 10, 1),
                ),
                b.doc(
                    "/transparencia/documentos/costos-de-reproduccion.pdf",
                    "Costos de reproducción de la información",
                    40,
                    _D(2025, 1, 10),
                ),
            ],
            f"Los conjuntos de datos abiertos de la Alcaldía se publican en {b.ext_link('datos')}.",
        ],
        _D(2025, 7, 1),
    )
    g = t + "grupos-de-interes/"
    b.add(
        g + "mujeres/",
        "Información para mujeres",
        [
            "La Alcaldía ejecuta la política pública de mujer y equidad de género 2022-2032.",
            [
                "Ruta de atención a mujeres víctimas de violencias: Comisaría de Familia, línea 155.",
                "Programa de emprendimiento «Mujeres de las Nubes»: capital semilla y formación.",
            ],
        ],
        _D(2026, 3, 8),
    )
    b.add(
        g + "otros-grupos-de-interes/",
        "Otros grupos de interés",
        [
            [
                "Víctimas del conflicto armado: enlace municipal en la Secretaría de Gobierno.",
                "Personas con discapacidad: registro de localización y caracterización en la Secretaría de Salud.",
                "Adultos mayores: centro vida y programa Colombia Mayor.",
                "Jóvenes: Consejo Municipal de Juventud.",
            ]
        ],
        _D(2026, 9, 8),
    )
    b.add(
        t + "informacion-tributaria/tarifas-ica-y-predial/",
        "Tarifas del impuesto de industria y comercio y del predial",
        [
            (
                "table",
                ["Impuesto", "Actividad o destino", "Tarifa"],
                [
                    ["Industria y comercio", "Actividades industriales", "4 por mil"],
                    ["Industria y comercio", "Actividades comerciales", "6 por mil"],
                    ["Industria y comercio", "Actividades de servicios", "8 por mil"],
                    ["Predial", "Predios rurales destinados a la producción agropecuaria", "6 por mil"],
                    ["Predial", "Predios urbanos residenciales", "8 por mil"],
                    ["Predial", "Lotes urbanizables no urbanizados", "25 por mil"],
                ],
            ),
            "Fuente: Estatuto Tributario Municipal (Acuerdo 018 de 2023).",
        ],
        _D(2024, 1, 15),
    )


# --------------------------------------------------------------------------------------------
# Atención y servicios a la ciudadanía
# --------------------------------------------------------------------------------------------

_PQRSD_FORM = """<form class="formulario-pqrsd" action="/atencion/pqrsd/" method="post" enctype="multipart/form-data">
<input type="hidden" name="csrf_token" value="%CSRF%">
<fieldset><legend>Tipo de solicitud</legend>
<p><label for="pq-tipo">Tipo de solicitud</label> <select id="pq-tipo" name="tipo_solicitud" required>
<option>Petición</option><option>Queja</option><option>Reclamo</option><option>Sugerencia</option>
<option>Denuncia</option><option>Solicitud de acceso a la información pública</option></select></p>
</fieldset>
<fieldset><legend>Datos del solicitante</legend>
<p><input type="checkbox" id="pq-anonimo" name="anonimo" value="si"> <label for="pq-anonimo">Deseo presentar la solicitud de manera anónima</label></p>
<p><label for="pq-nombre">Nombre completo</label> <input type="text" id="pq-nombre" name="nombre"></p>
<p><label for="pq-tipo-doc">Tipo de documento</label> <select id="pq-tipo-doc" name="tipo_documento">
<option>Cédula de ciudadanía</option><option>Tarjeta de identidad</option><option>Cédula de extranjería</option><option>NIT</option></select></p>
<p><label for="pq-documento">Número de documento</label> <input type="text" id="pq-documento" name="documento"></p>
<p><label for="pq-correo">Correo electrónico</label> <input type="email" id="pq-correo" name="correo"></p>
<p><label for="pq-telefono">Teléfono</label> <input type="tel" id="pq-telefono" name="telefono"></p>
</fieldset>
<fieldset><legend>Solicitud</legend>
<p><label for="pq-asunto">Asunto</label> <input type="text" id="pq-asunto" name="asunto" required></p>
<p><label for="pq-descripcion">Descripción de la solicitud</label> <textarea id="pq-descripcion" name="descripcion" rows="6" required></textarea></p>
<p><label for="pq-adjunto">Adjuntar documento</label> <input type="file" id="pq-adjunto" name="adjunto"></p>
</fieldset>
<p><input type="checkbox" id="pq-datos" name="autoriza_tratamiento_datos" value="si" required> <label for="pq-datos">Autorizo el tratamiento de mis datos personales de acuerdo con la política de tratamiento de datos personales</label></p>
<p><button type="submit">Radicar solicitud</button></p>
</form>"""


def _add_atencion(b: _Builder) -> None:
    a = "/atencion/"
    b.add(
        a,
        "Atención y servicios a la ciudadanía",
        [
            "Canales y servicios para que la ciudadanía realice trámites, presente solicitudes y conozca sus derechos.",
            _links(
                [
                    (a + "tramites/", "Trámites y servicios"),
                    (a + "pqrsd/", "Peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD)"),
                    (a + "consulta-de-radicado/", "Consulte el estado de su solicitud"),
                    (a + "pagos-en-linea/", "Pagos en línea"),
                    (a + "preguntas-frecuentes/", "Preguntas frecuentes"),
                    (a + "contactenos/", "Contáctenos"),
                    (a + "suscripcion/", "Suscripción al boletín"),
                    (a + "informacion-de-interes/", "Información de interés"),
                ]
            ),
        ],
        _D(2026, 1, 20),
    )
    rows = [
        [
            f'<a href="{path}">{escape(name)}</a>',
            escape(_DEP_BY_SLUG[dep].name),
            "En línea" if online else "Presencial",
            f'<a href="{b.base}{_ficha(suit)}">Ficha {suit} en GOV.CO</a>',
        ]
        for name, dep, path, suit, online in _TRAMITES
    ]
    b.add(
        a + "tramites/",
        "Trámites y servicios",
        [
            "Trámites y otros procedimientos administrativos de la Alcaldía inscritos en el Sistema Único de "
            f"Información de Trámites (SUIT) y publicados en {b.ext_link('govco', 'el Portal Único del Estado GOV.CO')}:",
            ("table", ["Trámite", "Dependencia", "Modalidad", "GOV.CO"], rows),
            f"Consulte el inventario completo en {b.ext_link('suit')}.",
        ],
        _D(2026, 4, 6),
    )
    b.add(
        a + "pqrsd/",
        "Peticiones, quejas, reclamos, sugerencias y denuncias (PQRSD)",
        [
            "Presente su solicitud en línea. Puede hacerlo de manera anónima. Los términos de respuesta son los de la "
            "Ley 1755 de 2015: 15 días hábiles para peticiones, 10 para solicitudes de información y 30 para consultas.",
            _PQRSD_FORM,
            "Al radicar recibirá un número de radicado en pantalla y en su correo electrónico, con el que puede "
            '<a href="/atencion/consulta-de-radicado/">consultar el estado de su solicitud</a>. Lea la '
            '<a href="/politicas/politica-de-privacidad/">política de tratamiento de datos personales</a>.',
            "También puede radicar en la oficina de correspondencia del Palacio Municipal o escribir a "
            f'<a href="mailto:contactenos@{DOMAIN}">contactenos@{DOMAIN}</a>.',
        ],
        _D(2026, 2, 2),
    )
    b.add(
        a + "consulta-de-radicado/",
        "Consulte el estado de su solicitud",
        [
            "Ingrese el número de radicado que recibió al presentar su PQRSD para conocer el estado y la dependencia "
            "responsable.",
            """<form class="formulario" action="/atencion/consulta-de-radicado/" method="get">
<p><label for="rad-numero">Número de radicado</label> <input type="text" id="rad-numero" name="radicado" required></p>
<p><button type="submit">Consultar</button></p>
</form>""",
        ],
        _D(2026, 2, 2),
    )
    b.add(
        a + "pagos-en-linea/",
        "Pagos en línea",
        [
            "Liquide y pague en línea el impuesto predial unificado y el impuesto de industria y comercio, con débito "
            "a su cuenta de ahorros o corriente mediante PSE.",
            """<form class="formulario" action="/atencion/pagos-en-linea/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<p><label for="pg-impuesto">Impuesto</label> <select id="pg-impuesto" name="impuesto"><option>Impuesto predial unificado</option><option>Industria y comercio</option></select></p>
<p><label for="pg-referencia">Ficha catastral o NIT</label> <input type="text" id="pg-referencia" name="referencia" required></p>
<p><button type="submit">Liquidar</button></p>
</form>""",
            f'<p><a class="boton-pse" href="{b.ext("pse")}"><img src="/static/img/logo-pse.gif" alt="" width="40" height="40"> '
            "Pagar con PSE</a></p>",
            "Si el pago no se refleja en 48 horas, comuníquese con la Secretaría de Hacienda, extensión 120.",
        ],
        _D(2026, 7, 15),
    )
    faq = [
        (
            "¿Cómo obtengo el certificado de residencia?",
            'Solicítelo en línea en <a href="/dependencias/gobierno/certificado-de-residencia/">certificado de residencia</a>.',
        ),
        (
            "¿Dónde pago el impuesto predial?",
            'En la tesorería, en el Banco Agrario o <a href="/atencion/pagos-en-linea/">en línea por PSE</a>.',
        ),
        ("¿Cuánto tarda la respuesta a una petición?", "Quince días hábiles, según la Ley 1755 de 2015."),
        (
            "¿Cómo solicito la encuesta del SISBÉN?",
            'En la Secretaría de Planeación. Vea <a href="/dependencias/planeacion/sisben/">SISBÉN</a>.',
        ),
        (
            "¿Qué necesito para una licencia de construcción?",
            'Consulte los requisitos en <a href="/dependencias/planeacion/licencias-de-construccion/">licencias de construcción</a>.',
        ),
    ]
    b.add(
        a + "preguntas-frecuentes/",
        "Preguntas frecuentes",
        [x for q, r in faq for x in (f"## {q}", r)],
        _D(2026, 3, 10),
    )
    b.add(
        a + "contactenos/",
        "Contáctenos",
        [
            "## Canales de atención",
            [
                "Presencial: Palacio Municipal, Carrera 4 # 5-32, lunes a viernes de 8:00 a.m. a 12:00 m. y de 2:00 p.m. a 6:00 p.m.",
                "Línea gratuita nacional: 01 8000 952 714.",
                f'Correo institucional: <a href="mailto:contactenos@{DOMAIN}">contactenos@{DOMAIN}</a>.',
                f'Notificaciones judiciales: <a href="mailto:notificacionesjudiciales@{DOMAIN}">notificacionesjudiciales@{DOMAIN}</a>.',
                'Electrónico: <a href="/atencion/pqrsd/">formulario de PQRSD</a>.',
            ],
            "## Escríbanos",
            """<form class="formulario" action="/atencion/contactenos/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<p><label for="ct-nombre">Nombre</label> <input type="text" id="ct-nombre" name="nombre" required></p>
<p><label for="ct-correo">Correo electrónico</label> <input type="email" id="ct-correo" name="correo" required></p>
<p><label for="ct-mensaje">Mensaje</label> <textarea id="ct-mensaje" name="mensaje" rows="5" required></textarea></p>
<p><button type="submit">Enviar</button></p>
</form>""",
        ],
        _D(2026, 2, 2),
    )
    b.add(
        a + "suscripcion/",
        "Suscripción al boletín de noticias",
        [
            "Reciba en su correo las noticias, convocatorias y alertas de la Alcaldía.",
            """<form class="formulario" action="/atencion/suscripcion/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<p><label for="sb-correo">Correo electrónico</label> <input type="email" id="sb-correo" name="correo" required></p>
<p><input type="checkbox" id="sb-alertas" name="temas" value="alertas"> <label for="sb-alertas">Alertas de gestión del riesgo</label></p>
<p><input type="checkbox" id="sb-convocatorias" name="temas" value="convocatorias"> <label for="sb-convocatorias">Convocatorias y empleo</label></p>
<p><button type="submit">Suscribirme</button></p>
</form>""",
        ],
        _D(2026, 2, 2),
    )
    interes = [
        ("/atencion/preguntas-frecuentes/", "Preguntas frecuentes"),
        ("/publicaciones/", "Boletines, estudios y publicaciones"),
        ("/la-alcaldia/ofertas-de-empleo/", "Convocatorias y ofertas de empleo"),
        ("/ninos/", "Portal de niñas y niños"),
        ("/calendario/", "Calendario de actividades"),
        (b.ext("datos"), "Datos abiertos"),
    ]
    if not b.v2:  # the glossary disappears in v2 (CHECKLIST_REGRESSED)
        interes.insert(1, (a + "glosario/", "Glosario"))
        b.add(
            a + "glosario/",
            "Glosario",
            [
                (
                    "table",
                    ["Término", "Definición"],
                    [
                        [
                            "Avalúo catastral",
                            "Valor de un predio fijado por la autoridad catastral, base del impuesto predial.",
                        ],
                        ["Contribuyente", "Persona natural o jurídica obligada a pagar un tributo."],
                        [
                            "Datos abiertos",
                            "Datos primarios publicados en formatos que cualquiera puede usar y reutilizar.",
                        ],
                        ["PQRSD", "Peticiones, quejas, reclamos, sugerencias y denuncias."],
                        ["Radicado", "Número que identifica una solicitud recibida por la entidad."],
                        ["SISBÉN", "Sistema de identificación de potenciales beneficiarios de programas sociales."],
                        ["SUIT", "Sistema Único de Información de Trámites, administrado por Función Pública."],
                        [
                            "Trámite",
                            "Conjunto de pasos que una persona adelanta ante la entidad para obtener un derecho o "
                            "cumplir una obligación.",
                        ],
                    ],
                )
            ],
            _D(2025, 9, 1),
        )
    b.add(
        a + "informacion-de-interes/",
        "Información de interés",
        [_links(interes)],
        _D(2026, 11, 22) if b.v2 else _D(2025, 9, 1),
    )


# --------------------------------------------------------------------------------------------
# Participa
# --------------------------------------------------------------------------------------------


def _add_participa(b: _Builder) -> None:
    p = "/participa/"
    b.add(
        p,
        "Participa",
        [
            "La Alcaldía promueve la participación ciudadana en todo el ciclo de la gestión pública: diagnóstico e "
            "identificación de problemas, planeación y presupuesto participativo, consulta ciudadana, colaboración e "
            "innovación abierta, rendición de cuentas y control social.",
            _links(
                [
                    (p + "consulta-ciudadana/", "Diagnóstico e identificación de problemas: consulta ciudadana"),
                    (p + "presupuesto-participativo/", "Planeación y presupuesto participativo"),
                    (p + "rendicion-de-cuentas/", "Rendición de cuentas"),
                    (p + "control-social/", "Control social"),
                    (p + "encuesta/", "Encuesta de satisfacción"),
                    (p + "comentarios/", "Aportes ciudadanos"),
                    ("/transparencia/normativa/proyectos-de-normas/", "Proyectos de normas para comentarios"),
                ]
            ),
            "## Convocatorias abiertas",
            # Still linked in v2, after Planeación removed the page: the planted v2-only broken link.
            '<p><a href="/dependencias/planeacion/convocatoria-consejo-territorial-de-planeacion/">Convocatoria para '
            "el Consejo Territorial de Planeación 2027-2030</a></p>",
        ],
        _D(2026, 11, 5),
    )
    b.add(
        p + "rendicion-de-cuentas/",
        "Rendición de cuentas",
        [
            "La estrategia de rendición de cuentas 2026 incluye la audiencia pública anual, informes en el sitio web y "
            "espacios de diálogo en las veredas.",
            [
                b.doc(
                    "/participa/documentos/estrategia-rendicion-de-cuentas-2026.pdf",
                    "Estrategia de rendición de cuentas 2026",
                    260,
                    _D(2026, 2, 15),
                ),
                '<a href="/noticias/audiencia-rendicion-de-cuentas-2025/">Audiencia pública de rendición de cuentas, vigencia 2025</a>',
                '<a href="/transparencia/planeacion-presupuesto-e-informes/informes-de-gestion/">Informes de gestión</a>',
            ],
            "Video de la audiencia pública en " + b.ext_link("youtube", "el canal de YouTube de la Alcaldía") + ".",
        ],
        _D(2026, 5, 8),
    )
    b.add(
        p + "presupuesto-participativo/",
        "Presupuesto participativo",
        [
            "Cada año las juntas de acción comunal priorizan proyectos por 400 millones de pesos en asambleas veredales.",
            (
                "table",
                ["Vigencia", "Proyectos priorizados", "Valor"],
                [["2026", "12", "$ 400.000.000"], ["2025", "10", "$ 350.000.000"]],
            ),
        ],
        _D(2026, 3, 15),
    )
    b.add(
        p + "consulta-ciudadana/",
        "Consulta ciudadana: diagnóstico e identificación de problemas",
        [
            "Cuéntenos cuáles son los principales problemas de su barrio o vereda. Los aportes se usan en la "
            "formulación del plan de acción 2027.",
            'Envíe su aporte por el <a href="/atencion/pqrsd/">formulario PQRSD</a> con el asunto «Consulta ciudadana 2027».',
        ],
        _D(2026, 10, 1),
    )
    b.add(
        p + "control-social/",
        "Control social",
        [
            "Las veedurías ciudadanas pueden vigilar la ejecución de obras y contratos. La Personería Municipal "
            "acompaña su conformación.",
            ["Veeduría ciudadana de la vía La Esmeralda", "Veeduría del Programa de Alimentación Escolar"],
        ],
        _D(2026, 6, 20),
    )
    b.add(
        p + "encuesta/",
        "Encuesta de satisfacción",
        [
            "Ayúdenos a mejorar: califique la atención recibida y este sitio web.",
            """<form class="formulario-encuesta" action="/participa/encuesta/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<fieldset><legend>¿Qué tan satisfecho está con la atención recibida?</legend>
<p><input type="radio" id="en-5" name="satisfaccion" value="5"> <label for="en-5">Muy satisfecho</label>
<input type="radio" id="en-4" name="satisfaccion" value="4"> <label for="en-4">Satisfecho</label>
<input type="radio" id="en-3" name="satisfaccion" value="3"> <label for="en-3">Ni satisfecho ni insatisfecho</label>
<input type="radio" id="en-2" name="satisfaccion" value="2"> <label for="en-2">Insatisfecho</label></p>
</fieldset>
<fieldset><legend>¿Encontró la información que buscaba?</legend>
<p><input type="radio" id="en-si" name="encontro" value="si"> <label for="en-si">Sí</label>
<input type="radio" id="en-no" name="encontro" value="no"> <label for="en-no">No</label></p>
</fieldset>
<p><textarea name="comentarios" rows="4" placeholder="Escriba aquí sus comentarios"></textarea></p>
<p><button type="submit">Enviar encuesta</button></p>
</form>""",
        ],
        _D(2026, 2, 2),
    )
    hostile = f"Aporte ciudadano: {XSS_STRINGS[0]} {XSS_STRINGS[1]}"
    b.add(
        p + "comentarios/",
        "Aportes ciudadanos",
        [
            "Aportes recibidos en la consulta ciudadana y publicados tal como los escribieron sus autores:",
            [
                f'<a href="{XSS_PAGE}">{escape(hostile)}</a>',
                "Arreglen el puente peatonal de la vereda El Diamante (aporte 1186)",
            ],
        ],
        _D(2026, 10, 20),
    )
    b.add(
        XSS_PAGE,
        hostile,
        [
            "Texto del aporte, publicado sin edición: " + escape('<img src=x onerror="alert(2)">') + " Solicito que se "
            "mejore el alumbrado del barrio El Mirador.",
            "Respuesta de la Secretaría de Planeación: el alumbrado está incluido en el plan de acción 2027.",
        ],
        _D(2026, 10, 20),
    )
    b.add(
        p + "consulta-presupuesto-participativo-2025/",
        "Resultados de la consulta de presupuesto participativo 2025",
        [
            "En 2025 participaron 1.240 personas en 31 asambleas veredales y 6 urbanas. Los diez proyectos "
            "priorizados se ejecutaron en un 90 %."
        ],
        _D(2025, 12, 10),
    )


# --------------------------------------------------------------------------------------------
# Home, news, calendar, search, policies, children, publications, site map, admin
# --------------------------------------------------------------------------------------------

NEWS_PER_PAGE = 10


def _add_home_and_news(b: _Builder) -> None:
    news = _news_of(b)
    for n in news:
        if n.dep is None:
            b.add(n.path, n.title, _news_body(n), n.day, published=n.day)
    pages = [news[i : i + NEWS_PER_PAGE] for i in range(0, len(news), NEWS_PER_PAGE)]
    for i, chunk in enumerate(pages, 1):
        path = "/noticias/" if i == 1 else f"/noticias/?page={i}"
        nav = []
        if i > 1:
            nav.append(f'<a href="{"/noticias/" if i == 2 else f"/noticias/?page={i - 1}"}" rel="prev">Anterior</a>')
        nav += [
            f'<a href="{"/noticias/" if j == 1 else f"/noticias/?page={j}"}">{j}</a>' for j in range(1, len(pages) + 1)
        ]
        if i < len(pages):
            nav.append(f'<a href="/noticias/?page={i + 1}" rel="next">Siguiente</a>')
        title = "Noticias" if i == 1 else f"Noticias – página {i}"
        b.add(
            path,
            title,
            [_news_list(chunk), '<nav class="paginacion" aria-label="Páginas">' + " ".join(nav) + "</nav>"],
            max(n.day for n in chunk),
        )
    b.add(
        "/",
        "Inicio",
        [
            f"Bienvenidos al sitio web oficial de la {SITE_NAME}. Aquí encuentra trámites, noticias, información de "
            "transparencia y canales para participar en la gestión del municipio.",
            "## Accesos rápidos",
            _links(
                [
                    ("/tramites/", "Trámites y servicios"),
                    ("/atencion/pqrsd/", "Radique una PQRSD"),
                    ("/atencion/pagos-en-linea/", "Pague sus impuestos en línea"),
                    ("/transparencia/", "Transparencia y acceso a la información pública"),
                    ("/participa/", "Participa"),
                    ("/calendario/", "Calendario de actividades"),
                    ("/ninos/", "Portal de niños"),
                ]
            ),
            "## Últimas noticias",
            _news_list(news[:4]),
            '<p><a href="/noticias/">Ver todas las noticias</a></p>',
            "## Búsquedas frecuentes",
            _links([("/buscar/?q=predial", "predial")]),
            "## Enlaces de interés",
            [b.ext_link(k) for k in ("gobernacion", "govco", "secop", "datos")],
        ],
        news[0].day,
    )


def _calendar_months() -> list[str]:
    """The months the dict can hold; the "mes siguiente" links make it look endless to a crawler."""
    return [f"{y}-{m:02d}" for y in range(2026, 2031) for m in range(1, 13)]


def _calendar_events(y: int, m: int) -> dict[int, list[str]]:
    events: dict[int, list[str]] = {}
    first = date(y, m, 1)
    days = ((date(y + (m == 12), m % 12 + 1, 1)) - first).days
    saturdays = [d for d in range(1, days + 1) if date(y, m, d).weekday() == 5]
    for d in range(1, days + 1):
        if date(y, m, d).weekday() == 0:
            events.setdefault(d, []).append("Consejo de Gobierno, 7:00 a.m.")
    events.setdefault(saturdays[1], []).append("Mercado campesino, parque principal")
    if m in (2, 5, 8, 11):
        events.setdefault(1 if date(y, m, 1).weekday() < 5 else 3, []).append(
            "Inicio de sesiones ordinarias del Concejo"
        )
    special = {
        (2026, 11): {
            20: "Vence la declaración bimestral de ICA",
            26: "Visita de obra vía La Esmeralda",
            28: "Asamblea de presupuesto participativo 2027",
        },
        (2026, 12): {1: "Encendido del alumbrado navideño", 16: "Inicio de la novena de aguinaldos"},
    }
    for d, text in special.get((y, m), {}).items():
        events.setdefault(d, []).append(text)
    return events


def _add_calendar(b: _Builder) -> None:
    months = _calendar_months()
    for i, ym in enumerate(months):
        y, m = int(ym[:4]), int(ym[5:])
        events = _calendar_events(y, m)
        first = date(y, m, 1)
        days = (date(y + (m == 12), m % 12 + 1, 1) - first).days
        cells = [""] * first.weekday() + [
            f"{d}" + "".join(f"<br><small>{escape(e)}</small>" for e in events.get(d, []) if "Consejo" not in e)
            for d in range(1, days + 1)
        ]
        cells += [""] * (-len(cells) % 7)
        grid = "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in cells[k : k + 7]) + "</tr>" for k in range(0, len(cells), 7)
        )
        nav = []
        if i > 0:
            nav.append(f'<a href="/calendario/?mes={months[i - 1]}" rel="prev">Mes anterior</a>')
        if i < len(months) - 1:
            nav.append(f'<a href="/calendario/?mes={months[i + 1]}" rel="next">Mes siguiente</a>')
        agenda = [f"{d} de {_MESES[m - 1]}: {escape(e)}" for d in sorted(events) for e in events[d]]
        body = [
            '<nav class="calendario-nav">' + " | ".join(nav) + "</nav>",
            '<table class="calendario"><thead><tr>'
            + "".join(f'<th scope="col">{d[:2].capitalize()}</th>' for d in _DIAS)
            + f"</tr></thead><tbody>{grid}</tbody></table>",
            "## Agenda del mes",
            agenda,
        ]
        title = f"Calendario de actividades: {_MESES[m - 1]} de {y}"
        b.add(f"/calendario/?mes={ym}", title, body, _D(2026, 10, 30))
        if ym == "2026-11":  # the entry point shows the current month
            b.add("/calendario/", title, body, _D(2026, 10, 30))


def _add_misc(b: _Builder) -> None:
    search_form = """<form class="formulario" role="search" action="/buscar/" method="get">
<p><label for="bq-q">Término de búsqueda</label> <input type="search" id="bq-q" name="q"></p>
<p><button type="submit">Buscar</button></p>
</form>"""
    b.add(
        "/buscar/",
        "Buscar en el sitio",
        [search_form, "Escriba una o varias palabras, por ejemplo «predial» o «certificado»."],
        _D(2026, 1, 20),
    )
    b.add(
        "/buscar/?q=predial",
        "Resultados de búsqueda: predial",
        [
            search_form,
            "Se encontraron 4 resultados para «predial»:",
            _links(
                [
                    ("/dependencias/hacienda/impuesto-predial/", "Impuesto predial unificado"),
                    ("/atencion/pagos-en-linea/", "Pagos en línea"),
                    ("/dependencias/hacienda/calendario-tributario/", "Calendario tributario 2026"),
                    ("/transparencia/informacion-tributaria/tarifas-ica-y-predial/", "Tarifas de ICA y predial"),
                ]
            ),
        ],
        _D(2026, 1, 20),
    )
    pol = "/politicas/"
    b.add(
        pol + "terminos-y-condiciones/",
        "Términos y condiciones de uso",
        [
            "Al usar este sitio web usted acepta estas condiciones. La Alcaldía procura que la información publicada "
            "sea exacta y esté actualizada, pero no responde por el uso que terceros hagan de ella.",
            "Los enlaces a sitios de otras entidades se ofrecen como servicio; la Alcaldía no controla su contenido.",
            "Cualquier controversia se rige por las leyes de la República de Colombia.",
        ],
        _D(2024, 4, 2),
    )
    b.add(
        pol + "politica-de-privacidad/",
        "Política de privacidad y tratamiento de datos personales",
        [
            "En cumplimiento de la Ley 1581 de 2012 y el Decreto 1377 de 2013, la Alcaldía, como responsable del "
            "tratamiento, informa que los datos personales recogidos por sus canales se usan solo para atender las "
            "solicitudes y prestar los servicios a su cargo.",
            "## Derechos del titular",
            [
                "Conocer, actualizar y rectificar sus datos.",
                "Solicitar prueba de la autorización.",
                "Revocar la autorización o pedir la supresión del dato.",
                "Presentar quejas ante la Superintendencia de Industria y Comercio.",
            ],
            f'Para ejercerlos escriba a <a href="mailto:contactenos@{DOMAIN}">contactenos@{DOMAIN}</a>.',
        ],
        _D(2024, 4, 2),
    )
    b.add(
        pol + "derechos-de-autor/",
        "Derechos de autor y autorización de uso de contenidos",
        [
            "Los contenidos de este sitio pueden reproducirse citando la fuente, salvo que se indique lo contrario. "
            "Las imágenes de terceros conservan los derechos de sus autores."
        ],
        _D(2024, 4, 2),
    )
    b.add(
        "/ninos/",
        "Portal de niñas, niños y adolescentes",
        [
            "¡Hola! Este es tu espacio para conocer tu municipio y tus derechos.",
            _links([("/ninos/conoce-tu-municipio/", "Conoce tu municipio"), ("/ninos/tus-derechos/", "Tus derechos")]),
        ],
        _D(2026, 4, 26),
    )
    b.add(
        "/ninos/conoce-tu-municipio/",
        "Conoce tu municipio",
        [
            "San Rafael de las Nubes está en las montañas del Tolima, a 1.900 metros sobre el nivel del mar. ¡Por eso "
            "las nubes bajan a visitarnos casi todas las tardes!",
            "Aquí se cultiva café, cacao y aguacate, y nacen las quebradas La Neblina y Agua Bonita.",
        ],
        _D(2026, 4, 26),
    )
    b.add(
        "/ninos/tus-derechos/",
        "Tus derechos",
        [
            "Tienes derecho a la vida, a la salud, a la educación, a jugar y a ser protegido de toda forma de violencia. "
            "Si alguien te hace daño, cuéntale a un adulto de confianza o llama a la línea 141 del ICBF."
        ],
        _D(2026, 4, 26),
    )
    b.add(
        "/publicaciones/",
        "Boletines, estudios y publicaciones",
        [
            [
                b.doc(
                    "/publicaciones/documentos/boletin-informativo-octubre-2026.pdf",
                    "Boletín informativo, octubre de 2026",
                    900,
                    _D(2026, 11, 2),
                ),
                b.doc(
                    "/publicaciones/documentos/estudio-caracterizacion-cafetera.pdf",
                    "Estudio de caracterización de la caficultura municipal",
                    2200,
                    _D(2025, 8, 1),
                ),
                b.doc(
                    "/publicaciones/documentos/anuario-estadistico-2025.pdf",
                    "Anuario estadístico municipal 2025",
                    3100,
                    _D(2026, 3, 30),
                ),
            ]
        ],
        _D(2026, 11, 2),
    )
    sections = [
        ("/", "Inicio"),
        ("/la-alcaldia/", "La Alcaldía"),
        ("/dependencias/", "Dependencias"),
        ("/transparencia/", "Transparencia y acceso a la información pública"),
        ("/atencion/", "Atención y servicios a la ciudadanía"),
        ("/participa/", "Participa"),
        ("/noticias/", "Noticias"),
        ("/calendario/", "Calendario de actividades"),
        ("/atencion/preguntas-frecuentes/", "Preguntas frecuentes"),
        ("/publicaciones/", "Publicaciones"),
        ("/ninos/", "Portal de niños"),
        ("/la-alcaldia/archivo-historico/", "Archivo histórico"),
        ("/politicas/terminos-y-condiciones/", "Términos y condiciones"),
        ("/politicas/politica-de-privacidad/", "Política de privacidad"),
    ]
    if not b.v2:
        sections.insert(9, ("/atencion/glosario/", "Glosario"))
    tree = [_links(sections)]
    for label, _href, subs in _MENU[1:5]:
        tree.append(f"## {escape(label)}")
        tree.append(_links((h, t) for t, h in subs))
    b.add("/mapa-del-sitio/", "Mapa del sitio", tree, _D(2026, 11, 22) if b.v2 else _D(2025, 9, 1))
    b.add(
        "/admin/",
        "Acceso de funcionarios",
        [
            """<form class="formulario" action="/admin/" method="post">
<input type="hidden" name="csrf_token" value="%CSRF%">
<p><label for="ad-usuario">Usuario</label> <input type="text" id="ad-usuario" name="usuario" required></p>
<p><label for="ad-clave">Contraseña</label> <input type="password" id="ad-clave" name="clave" required></p>
<p><button type="submit">Ingresar</button></p>
</form>""",
            '<a href="/admin/recuperar-clave/">¿Olvidó su contraseña?</a>',
        ],
        _D(2024, 1, 10),
    )
    b.add(
        "/admin/recuperar-clave/",
        "Recuperar contraseña",
        ["Escriba a la mesa de ayuda de sistemas, extensión 105, para restablecer su contraseña."],
        _D(2024, 1, 10),
    )


# --------------------------------------------------------------------------------------------
# Legacy pages (GEL-T platform era): ISO-8859-1 without declaration, windows-1252 in the header
# --------------------------------------------------------------------------------------------


def _add_legacy(b: _Builder) -> None:
    h = "/historico/"
    iso, cp = "iso-8859-1", "windows-1252"
    b.legacy[h + "resena-historica.html"] = _Legacy(
        h + "resena-historica.html",
        "Reseña histórica",
        """
<p>Reseña histórica del municipio de San Rafael de las Nubes.</p>
<p>Según la tradición oral, el caserío se fundó en 1887 cuando las familias de don Eusebio Marín y doña Rosaura
Jaramillo, colonos antioqueños, levantaron sus ranchos en la cuchilla que hoy ocupa el parque principal. La
montaña, siempre cubierta de neblina en las tardes, le dio el apellido al pueblo; el nombre lo tomó del arcángel
San Rafael, patrono de la capilla construida en 1893.</p>
<p>En 1912 fue erigido corregimiento del municipio de Rovira y en 1954, por ordenanza de la Asamblea del Tolima,
se convirtió en municipio. El primer alcalde fue el señor Aristóbulo Peña.</p>
<p>La economía del municipio ha girado alrededor del café desde su fundación. En los años setenta se construyó la
carretera que lo comunica con Ibagué, y en 1986 llegó la electrificación a la mayoría de las veredas.</p>
<table border="1" cellpadding="3" cellspacing="0"><tr><td><b>Año</b></td><td><b>Hecho</b></td></tr>
<tr><td>1887</td><td>Fundación del caserío</td></tr><tr><td>1912</td><td>Corregimiento</td></tr>
<tr><td>1954</td><td>Creación del municipio</td></tr><tr><td>1986</td><td>Electrificación rural</td></tr></table>
""",
        iso,
        "none",
        _D(2009, 6, 15),
    )
    b.legacy[h + "himno.html"] = _Legacy(
        h + "himno.html",
        "Himno de San Rafael de las Nubes",
        """
<p><i>Letra: Gilma Rosa Aldana. Música: maestro Efraín Cárdenas. Adoptado por el Acuerdo 009 de 1994.</i></p>
<p><b>Coro</b><br>¡Oh, tierra de montañas y neblina!<br>San Rafael, jardín del Tolima,<br>
tu café es orgullo y es canción,<br>tu gente es trabajo y corazón.</p>
<p><b>I</b><br>En la cuchilla alzaron sus ranchos<br>los colonos de fe y de valor,<br>
y al arcángel le dieron tu nombre<br>bajo el cielo de nubes y sol.</p>
<p><b>II</b><br>Las quebradas que bajan cantando,<br>La Neblina y Agua Bonita,<br>
riegan cafetales y sueños<br>de la niñez que en tu suelo habita.</p>
<p><b>III</b><br>Campesino, tu mano es la patria,<br>tu sudor es semilla de paz;<br>
San Rafael de las Nubes, mañana<br>con justicia y trabajo vivirás.</p>
<p><b>IV</b><br>Con la aurora despiertan los valles,<br>el arriero retoma el camino,<br>
y en la plaza la banda proclama<br>la alegría de un pueblo sencillo.</p>
<p>El himno se interpreta en todos los actos oficiales del municipio, después del Himno Nacional de la
República de Colombia y del Himno del Tolima.</p>
""",
        iso,
        "none",
        _D(2009, 6, 15),
    )
    b.legacy[h + "simbolos.html"] = _Legacy(
        h + "simbolos.html",
        "Símbolos municipales",
        """
<p align="center"><img src="/static/img/escudo-antiguo.gif" width="150" height="180" border="0"></p>
<p><b>El escudo.</b> Fue diseñado por el señor Próspero Guzmán en 1960. En la parte superior aparece el
arcángel San Rafael; en el centro, una montaña cubierta de nubes y una mata de café, símbolo de la riqueza de
nuestros campos; en la parte inferior, dos quebradas que representan el agua que nace en el municipio.</p>
<p><b>La bandera.</b> Consta de tres franjas horizontales: verde (las montañas y la esperanza), blanco (las nubes
y la paz) y café (la tierra y el grano que nos da el sustento). Fue adoptada por el Acuerdo 015 de 1994.</p>
<p><b>El himno.</b> Consulte la letra en la página del <a href="himno.html">himno</a>.</p>
<p>Los símbolos municipales deben usarse en los actos oficiales, en la papelería de la administración y en
las instituciones educativas. Su reproducción con fines comerciales requiere autorización de la Alcaldía.</p>
<p>Más información sobre la misión de la administración en <a href="../nuestra-alcaldia/mision.html">Misión</a>.</p>
""",
        iso,
        "none",
        _D(2010, 2, 8),
    )
    turismo_enc, turismo_decl = ("utf-8", "meta") if b.v2 else (iso, "meta")  # ENCODING_CHANGED_PATHS
    b.legacy[h + "sitios-turisticos.html"] = _Legacy(
        h + "sitios-turisticos.html",
        "Sitios turísticos",
        """
<p>Visite San Rafael de las Nubes, el balcón cafetero del Tolima.</p>
<ul>
<li><b>Mirador de La Cruz:</b> a veinte minutos a pie del parque principal, con vista al cañón del río.</li>
<li><b>Cascada de Agua Bonita:</b> caída de 40 metros en la vereda del mismo nombre; se llega por un sendero
ecológico de dos horas.</li>
<li><b>Capilla de San Rafael (1893):</b> construcción en bahareque, declarada bien de interés cultural municipal.</li>
<li><b>Ruta del café:</b> visitas a fincas cafeteras con degustación y recorrido por el beneficio.</li>
<li><b>Reserva de la quebrada La Neblina:</b> bosque de niebla con robles, orquídeas y aves como el
barranquero y la pava de monte; visitas guiadas con la casa de la cultura.</li>
</ul>
<p><b>Cómo llegar:</b> desde Ibagué, por la vía a Rovira, se toma el desvío en el kilómetro 38; son dos horas
en bus intermunicipal. Las empresas de transporte salen cada hora desde el terminal de Ibagué.</p>
<p>Información turística: casa de la cultura, teléfono (8) 263 4120. ¡Bienvenidos!</p>
""",
        turismo_enc,
        turismo_decl,
        _D(2011, 3, 14),
    )
    b.legacy[h + "acuerdo-gobierno-en-linea-2009.html"] = _Legacy(
        h + "acuerdo-gobierno-en-linea-2009.html",
        "Acuerdo de adopción de Gobierno en Línea",
        """
<p><b>ACUERDO No. 012 DE 2009</b><br>(30 de julio de 2009)</p>
<p>“Por medio del cual se adopta la estrategia “Gobierno en Línea” en el municipio de San Rafael de las Nubes –
Tolima, y se dictan otras disposiciones”.</p>
<p>EL CONCEJO MUNICIPAL DE SAN RAFAEL DE LAS NUBES, en uso de sus atribuciones constitucionales y legales, y en
especial las conferidas por el Decreto 1151 de 2008,</p>
<p><b>ACUERDA:</b></p>
<p><b>ARTÍCULO PRIMERO.</b> Adoptar en el municipio la estrategia “Gobierno en Línea”, cuyo objetivo es contribuir
a la construcción de un Estado más eficiente, más transparente y participativo, que preste mejores servicios a
los ciudadanos mediante el aprovechamiento de las tecnologías de la información y las comunicaciones.</p>
<p><b>ARTÍCULO SEGUNDO.</b> Crear el Comité de Gobierno en Línea – Antitrámites, integrado por el alcalde, los
secretarios de despacho y el jefe de control interno, que se reunirá cada tres meses.</p>
<p><b>ARTÍCULO TERCERO.</b> El sitio web municipal publicará la información de las fases de información e
interacción en los plazos del Manual para la implementación de la estrategia – ‘orden territorial’.</p>
<p>Dado en San Rafael de las Nubes a los treinta (30) días del mes de julio de 2009…</p>
""",
        cp,
        "header",
        _D(2009, 8, 3),
    )
    b.legacy[h + "plan-de-accion-gel-2010.html"] = _Legacy(
        h + "plan-de-accion-gel-2010.html",
        "Plan de acción de Gobierno en Línea 2010",
        """
<p>Plan de acción aprobado por el Comité de Gobierno en Línea – Antitrámites el 12 de febrero de 2010.</p>
<table border="1" cellpadding="3" cellspacing="0">
<tr><td><b>Fase</b></td><td><b>Plazo (orden territorial)</b></td><td><b>Estado</b></td></tr>
<tr><td>Información</td><td>1 de noviembre de 2008</td><td>Cumplida</td></tr>
<tr><td>Interacción</td><td>1 de diciembre de 2009</td><td>En avance – 80 %</td></tr>
<tr><td>Transacción</td><td>1 de diciembre de 2010</td><td>Programada</td></tr>
<tr><td>Transformación</td><td>1 de diciembre de 2011</td><td>Programada</td></tr>
<tr><td>Democracia</td><td>1 de diciembre de 2012</td><td>Programada</td></tr>
</table>
<p>Indicadores: actualización del sitio web “4 veces al mes”; un responsable por dependencia; publicación de los
trámites en el SUIT; enlaces a entidades aliadas; documento de empalme publicado en el sitio.</p>
<p>Responsable: ingeniero de sistemas de la Alcaldía – “líder GEL”.</p>
""",
        cp,
        "header",
        _D(2010, 2, 15),
    )


# --------------------------------------------------------------------------------------------
# Non-HTML resources
# --------------------------------------------------------------------------------------------


def _pdf(title: str) -> bytes:
    """A small but well-formed one-page PDF (correct xref), so PDF-aware tools can open it."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = text.replace("\\", "").replace("(", "[").replace(")", "]")
    stream = (
        f"BT /F1 14 Tf 72 720 Td ({text}) Tj ET\n"
        "BT /F1 10 Tf 72 700 Td (Alcaldia de San Rafael de las Nubes - Tolima) Tj ET"
    ).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


# A 1x1 transparent GIF stands for every image: the audits care about <img> markup, not pixels.
_GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
_IMAGES = [
    "logo-govco",
    "marca-pais",
    "escudo",
    "favicon",
    "organigrama",
    "feria-agropecuaria",
    "logo-pse",
    "escudo-antiguo",
]
_CSS = (
    b"body{font-family:Verdana,Arial,sans-serif;margin:0}.barra-govco{background:#3366cc;padding:4px}"
    b".menu-principal ul{list-style:none}.pie{background:#0b5d3b;color:#fff;padding:1em}"
    b".tabla td,.tabla th{border:1px solid #ccc;padding:4px}\n"
)
_STATIC_DATE = _D(2024, 1, 10)

_REDIRECT_BODY = '<html><body><p>Esta página se ha movido a <a href="{to}">{to}</a>.</p></body></html>'


def _sitemap_paths(b: _Builder) -> list[tuple[str, date]]:
    """Canonical HTML pages for /sitemap.xml: no query strings (pagination, calendar months, search),
    no robots-blocked admin pages; the entry point /calendario/ stands for the calendar."""
    out = [
        (p.path, p.last_modified or p.updated)
        for p in b.pages.values()
        if "?" not in p.path and not p.path.startswith("/admin/")
    ]
    out += [(lp.path, lp.updated) for lp in b.legacy.values()]
    return sorted(out)


def _build(version: int, external_base: str) -> _Builder:
    b = _Builder(version, external_base)
    _add_home_and_news(b)
    _add_la_alcaldia(b)
    _add_dependencias(b)
    _add_transparencia(b)
    _add_atencion(b)
    _add_participa(b)
    _add_calendar(b)
    _add_misc(b)
    _add_legacy(b)
    return b


def demo_site(version: int, external_base: str = DEFAULT_EXTERNAL_BASE) -> dict[str, Resource]:
    """Map request path (with query string, e.g. '/noticias/?page=2') -> Resource for the given version (1 or 2).

    External links point at ``external_base`` + path (serve :func:`allied_site` there). The sitemap's
    <loc> entries and robots.txt's Sitemap line are root-relative because the site's own URL is only
    known once a server is listening: pass the result through :func:`with_site_base` to make them
    absolute.
    """
    b = _build(version, external_base)
    routes: dict[str, Resource] = {}
    for page in b.pages.values():
        routes[page.path] = Resource.html(_render(b, page), last_modified=_when(page.last_modified or page.updated))
    for sid in _SID.values():  # a real server ignores the session id: both versions' ids answer
        routes[f"/participa/encuesta/?sid={sid}"] = routes["/participa/encuesta/"]
    for lp in b.legacy.values():
        ctype = "text/html"  # "none" and "meta": the HTTP header names no charset
        if lp.declared == "header" or lp.encoding == "utf-8":
            ctype = f"text/html; charset={lp.encoding}"
        routes[lp.path] = Resource(
            body=_render_legacy(b, lp), headers={"Content-Type": ctype}, last_modified=_when(lp.updated)
        )
    for path, (title, when) in b.docs.items():
        routes[path] = Resource(
            body=_pdf(title), headers={"Content-Type": "application/pdf"}, last_modified=_when(when)
        )
    for name in _IMAGES:
        routes[f"/static/img/{name}.gif"] = Resource(
            body=_GIF, headers={"Content-Type": "image/gif"}, last_modified=_when(_STATIC_DATE)
        )
    routes["/static/css/estilo.css"] = Resource(
        body=_CSS, headers={"Content-Type": "text/css; charset=utf-8"}, last_modified=_when(_STATIC_DATE)
    )
    for r in REDIRECTS:
        routes[r["path"]] = Resource(
            body=_REDIRECT_BODY.format(to=r["to"]).encode(),
            status=r["status"],
            headers={"Location": r["to"], "Content-Type": "text/html; charset=utf-8"},
            last_modified=None,
        )
    routes["/dependencias/gobierno/consulta-de-comparendos/"] = Resource(
        body=b"<html><body><h1>Error 500</h1><p>Internal Server Error: SIMIT connection timeout</p></body></html>",
        status=500,
        last_modified=None,
        etag=False,
    )
    routes["/robots.txt"] = Resource(
        body=b"User-agent: *\nDisallow: /admin/\n\nSitemap: /sitemap.xml\n",
        headers={"Content-Type": "text/plain; charset=utf-8"},
        last_modified=_when(_STATIC_DATE),
    )
    urls = "".join(
        f"<url><loc>{escape(p)}</loc><lastmod>{d.isoformat()}</lastmod></url>\n" for p, d in _sitemap_paths(b)
    )
    routes["/sitemap.xml"] = Resource(
        body=(
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n"
        ).encode(),
        headers={"Content-Type": "application/xml; charset=utf-8"},
        last_modified=_when(max(d for _p, d in _sitemap_paths(b))),
    )
    return routes


def with_site_base(routes: dict[str, Resource], site_base: str) -> dict[str, Resource]:
    """Copy of ``routes`` whose robots.txt Sitemap line and sitemap <loc>s are absolute under ``site_base``
    (e.g. ``server.url``), as the sitemap protocol requires."""
    base = site_base.rstrip("/")
    out = dict(routes)
    robots = routes["/robots.txt"]
    out["/robots.txt"] = Resource(
        body=robots.body.replace(b"Sitemap: /", f"Sitemap: {base}/".encode()),
        status=robots.status,
        headers=dict(robots.headers),
        last_modified=robots.last_modified,
    )
    sm = routes["/sitemap.xml"]
    out["/sitemap.xml"] = Resource(
        body=sm.body.replace(b"<loc>/", f"<loc>{base}/".encode()),
        status=sm.status,
        headers=dict(sm.headers),
        last_modified=sm.last_modified,
    )
    return out


def allied_site() -> dict[str, Resource]:
    """A small second site ('entidades aliadas', e.g. pages standing for gobernación / gov.co / SUIT / SECOP /
    datos.gov.co) served on another port; external links of the demo point at external_base + path.

    Every external path the demo links to answers 200, except the planted one (see BROKEN_LINKS).
    """
    pages: dict[str, tuple[str, str]] = {path: (label, real) for path, real, label in _EXTERNAL.values()}
    for name, _dep, _path, suit, _online in _TRAMITES:
        pages[_ficha(suit)] = (f"Ficha del trámite {suit}: {name}", f"https://www.gov.co/{_ficha(suit)[6:]}")
    routes: dict[str, Resource] = {}
    for path, (label, real) in pages.items():
        routes["/" + path] = Resource.html(
            f'<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>{escape(label)} (simulado)</title></head>'
            f"<body><main><h1>{escape(label)}</h1><p>Página simulada que representa <code>{escape(real)}</code> "
            "en la demostración de gelt-audit.</p></main></body></html>\n",
            last_modified=_when(_STATIC_DATE),
        )
    index = "".join(f'<li><a href="/{p}">{escape(lbl)}</a></li>' for p, (lbl, _r) in sorted(pages.items()))
    routes["/"] = Resource.html(
        f'<!DOCTYPE html>\n<html lang="es"><head><meta charset="utf-8"><title>Entidades aliadas '
        f"(simulado)</title></head><body><main><ul>{index}</ul></main></body></html>\n",
        last_modified=_when(_STATIC_DATE),
    )
    routes["/robots.txt"] = Resource(
        body=b"User-agent: *\nDisallow:\n", headers={"Content-Type": "text/plain"}, last_modified=_when(_STATIC_DATE)
    )
    return routes


# --------------------------------------------------------------------------------------------
# Ground truth of the v1 -> v2 comparison
# --------------------------------------------------------------------------------------------

_CHANGES: list[tuple[str, str]] = [
    ("/dependencias/gobierno/noticias/horario-extendido-comisaria-diciembre/", "added"),
    ("/dependencias/hacienda/noticias/jornada-continua-hacienda/", "added"),
    ("/dependencias/hacienda/noticias/nuevo-plazo-acuerdos-de-pago/", "added"),
    ("/dependencias/planeacion/noticias/banco-de-proyectos-vivienda-rural/", "added"),
    ("/noticias/programacion-navidad-luces-en-las-nubes/", "added"),
    ("/noticias/?page=5", "added"),
    ("/atencion/glosario/", "removed"),
    ("/dependencias/planeacion/convocatoria-consejo-territorial-de-planeacion/", "removed"),
    ("/", "modified"),
    ("/noticias/", "modified"),
    ("/noticias/?page=2", "modified"),
    ("/noticias/?page=3", "modified"),
    ("/noticias/?page=4", "modified"),
    ("/atencion/informacion-de-interes/", "modified"),
    ("/mapa-del-sitio/", "modified"),
    ("/dependencias/gobierno/", "modified"),
    ("/dependencias/gobierno/comisaria-de-familia/", "modified"),
    ("/dependencias/hacienda/", "modified"),
    ("/dependencias/hacienda/calendario-tributario/", "modified"),
    ("/dependencias/hacienda/impuesto-predial/", "modified"),
    ("/transparencia/planeacion-presupuesto-e-informes/presupuesto-general/", "modified"),
    ("/dependencias/planeacion/", "modified"),
    ("/dependencias/planeacion/banco-de-proyectos/", "modified"),
    ("/dependencias/planeacion/licencias-de-construccion/", "modified"),
    ("/transparencia/planeacion-presupuesto-e-informes/proyectos-de-inversion/", "modified"),
]
EXPECTED_CHANGES: list[dict] = [
    {"path": path, "kind": kind, "dependencia": dependencia_for(path)} for path, kind in _CHANGES
]
"""Every real content change from v1 to v2 among HTML pages (main-content text compared, noise ignored).
Hacienda, Planeación and Gobierno change; Despacho, Salud, Desarrollo Agropecuario and Control Interno
do not. The news listing shifts (pages 1-4 modified, page 5 added). Not included: the footer
(TEMPLATE_CHANGE) and NON_HTML_CHANGES."""

NON_HTML_CHANGES: list[dict] = [{"path": "/sitemap.xml", "kind": "modified", "dependencia": None}]
"""The only non-HTML resource that differs (new/removed URLs, lastmod). No PDF is added or changed."""


def _html_paths(version: int) -> set[str]:
    b = _build(version, DEFAULT_EXTERNAL_BASE)
    return set(b.pages) | set(b.legacy)


def _noise_only_paths() -> list[str]:
    changed = {c["path"] for c in EXPECTED_CHANGES}
    common = _html_paths(1) & _html_paths(2)
    return sorted(p for p in common if p not in changed and not p.startswith("/admin/"))


NOISE_ONLY_PATHS: list[str] = _noise_only_paths()
"""Every HTML page (status 200) present in both versions whose main content is unchanged: its bytes
differ only by noise, markup (MARKUP_ONLY_PATHS) or encoding (ENCODING_CHANGED_PATHS). It includes the
61 calendar pages (a crawler that caps the calendar trap sees only some) and the legacy pages; it leaves
out the robots-blocked /admin/ pages, the ?sid= aliases and non-200 responses."""
