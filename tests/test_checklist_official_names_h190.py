"""The engine against the norm's own names (issue 15, H190): a site whose Transparencia menu copies
Res. MinTIC 1519 de 2020, Anexo 2 (numeral 2.4.2) word for word, each entry numbered as the annex
numbers it, crawled once through the real CLI on 127.0.0.1, offline. The names come from the norm as
/work/shared/reference/gelt-criteria.md quotes it (§b.3.2, lines 207–254), never from a corpus site.

Class 1900: every entry of the annex's menu named as the annex names it is found (``cumple`` or
``parcial``), its evidence the entry's own page. Entry 1.4, «Directorio institucional incluyendo
sedes, oficinas, sucursales o regionales, y dependencias», has six words beyond «directorio
institucional»: more than a title's slack. ``test_class_1900_the_annex_menu_word_for_word_is_found``
fails without the phrases of that name in ``ley1712.1.4`` (checked: ``ley1712.1.4`` ``no_cumple``, «no
se encontró en el sitio rastreado»; every other entry was already found).

Class 1901: the same name cut short after «regionales», unnumbered (a menu that drops the numbering),
is the directory too; ``test_class_1901_the_annex_name_cut_short_and_unnumbered_is_the_directory``
fails without the phrases (checked: ``no_cumple``). Guard
(``test_class_1902_the_other_directories_of_the_annex_stay_theirs``): on the same site the annex's
names of the three other directories (1.5, 1.6, 1.7) stay their own items' evidence and are not the
institutional directory's, nor is its page theirs (passes with and without the phrases: it guards the
limit, it does not prove the rule).

Entry 6.2 is not on the site: its names (the phases of «Participa») are the MinTIC guideline's, which
the reference tags as not verified [M]; 1.14 is proposed ``no_aplica`` by the profile for every
territorial entity.
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Villa del Rosario"
FOUND = ("cumple", "parcial")

# (item, the annex's name with its numeral), in the annex's order (gelt-criteria.md line in the comment)
ANNEX: tuple[tuple[str, str], ...] = (
    ("ley1712.1", "1. Información de la entidad"),  # 207
    ("ley1712.1.1", "1.1 Misión, visión, funciones y deberes"),  # 208
    ("ley1712.1.2", "1.2 Estructura orgánica – organigrama"),  # 209
    ("ley1712.1.3", "1.3 Mapas y cartas descriptivas de los procesos"),  # 210
    (
        "ley1712.1.4",
        "1.4 Directorio institucional incluyendo sedes, oficinas, sucursales o regionales, y dependencias",
    ),  # 211
    ("ley1712.1.5", "1.5 Directorio de servidores públicos, empleados o contratistas"),  # 212
    ("ley1712.1.6", "1.6 Directorio de entidades"),  # 213
    ("ley1712.1.7", "1.7 Directorio de agremiaciones, asociaciones y otros grupos de interés"),  # 214
    ("ley1712.1.8", "1.8 Servicio al público, normas, formularios y protocolos de atención"),  # 215
    ("ley1712.1.9", "1.9 Procedimientos que se siguen para tomar decisiones en las diferentes áreas"),  # 216
    (
        "ley1712.1.10",
        "1.10 Mecanismo de presentación directa de solicitudes, quejas y reclamos a disposición del público"
        " en relación con acciones u omisiones del sujeto obligado",
    ),  # 217
    ("ley1712.1.11", "1.11 Calendario de actividades y eventos"),  # 218
    ("ley1712.1.12", "1.12 Información sobre decisiones que pueden afectar al público"),  # 219
    ("ley1712.1.13", "1.13 Entes y autoridades que lo vigilan"),  # 220
    ("ley1712.2", "2. Normativa"),  # 222
    ("ley1712.2.1", "2.1 Normativa de la entidad o autoridad"),  # 223
    ("ley1712.2.2", "2.2 Búsqueda de normas"),  # 224
    ("ley1712.2.3", "2.3 Proyectos de normas para comentarios"),  # 225
    ("ley1712.3", "3. Contratación"),  # 226
    ("ley1712.3.1", "3.1 Plan Anual de Adquisiciones"),  # 227
    ("ley1712.3.2", "3.2 Publicación de la información contractual"),  # 228
    ("ley1712.3.3", "3.3 Publicación de la ejecución de los contratos"),  # 229
    ("ley1712.3.4", "3.4 Manual de contratación, adquisición y/o compras"),  # 230
    ("ley1712.3.5", "3.5 Formatos o modelos de contratos o pliegos tipo"),  # 231
    ("ley1712.4", "4. Planeación, presupuesto e informes"),  # 232
    ("ley1712.4.1", "4.1 Presupuesto general de ingresos, gastos e inversión"),  # 233
    ("ley1712.4.2", "4.2 Ejecución presupuestal"),  # 234
    ("ley1712.4.3", "4.3 Plan de acción"),  # 235
    ("ley1712.4.4", "4.4 Proyectos de inversión"),  # 236
    ("ley1712.4.5", "4.5 Informes de empalme"),  # 237
    ("ley1712.4.6", "4.6 Información pública y/o relevante"),  # 238
    ("ley1712.4.7", "4.7 Informes de gestión, evaluación y auditoría"),  # 239
    ("ley1712.4.8", "4.8 Informes de la Oficina de Control Interno"),  # 240
    ("ley1712.4.9", "4.9 Informe sobre defensa pública y prevención del daño antijurídico"),  # 241
    ("ley1712.4.10", "4.10 Informes trimestrales sobre acceso a información, quejas y reclamos"),  # 242
    ("ley1712.5", "5. Trámites"),  # 243
    ("ley1712.6", "6. Participa"),  # 244
    ("ley1712.7", "7. Datos abiertos"),  # 246
    ("ley1712.7.1", "7.1 Instrumentos de gestión de la información"),  # 247
    ("ley1712.7.2", "7.2 Sección de datos abiertos"),  # 248
    ("ley1712.8", "8. Información específica para grupos de interés"),  # 249
    ("ley1712.8.1", "8.1 Información para niñas, niños y adolescentes"),  # 250
    ("ley1712.8.2", "8.2 Información para mujeres"),  # 251
    ("ley1712.8.3", "8.3 Otros grupos de interés"),  # 252
    ("ley1712.9", "9. Obligación de reporte de información específica por parte de la entidad"),  # 253
    ("ley1712.10", "10. Información tributaria en entidades territoriales locales"),  # 254
)

NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li>"
    "<li><a href='/transparencia'>Transparencia y acceso a la información pública</a></li>"
    "<li><a href='/atencion'>Atención y servicios a la ciudadanía</a></li>"
    "<li><a href='/participa'>Participa</a></li></ul></nav>"
)
PDF = Resource(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", headers={"Content-Type": "application/pdf"})


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 4 # 3-10, Villa del Rosario, Norte de Santander.</footer></body></html>"
    )


def _entry_main(label: str, n: int) -> str:
    """The body of one entry's page: its name, a sentence and a document of this year (the path and
    the file name say nothing of the item, so only its name can make the page its evidence)."""
    return (
        f"<h1>{label}</h1><p>La administración municipal publica en esta sección la información que"
        " corresponde a este numeral del menú, con los documentos de la vigencia 2026 y de los años"
        f" anteriores.</p><ul><li><a href='/d/doc{n:02d}-2026.pdf'>{label} – vigencia 2026 (PDF)</a></li></ul>"
    )


def _entry_page(label: str, n: int) -> Resource:
    return _html(label, _entry_main(label, n))


def _annex_site() -> tuple[dict[str, Resource], dict[str, str]]:
    """The menu of the annex: a hub of the ten sections, each section's page listing its entries;
    neutral paths (/t/sN, /t/eN). Returns the routes and each item's own path."""
    routes: dict[str, Resource] = {
        "/": _html("Inicio", "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa del Rosario.</p>"),
        "/atencion": _html(
            "Atención y servicios a la ciudadanía",
            "<h1>Atención y servicios a la ciudadanía</h1><p>La ventanilla única del palacio municipal atiende"
            " de lunes a viernes y recibe las solicitudes de la ciudadanía.</p>",
        ),
        "/participa": _html(
            "Participa",
            "<h1>Participa</h1><p>Espacios de participación ciudadana de la alcaldía: audiencias de"
            " rendición de cuentas, mesas de trabajo y consultas sobre los proyectos de la administración.</p>",
        ),
    }
    own: dict[str, str] = {}
    sections: list[tuple[str, str, list[str]]] = []
    for n, (item, label) in enumerate(ANNEX, 1):
        top = item.count(".") == 1
        path = f"/t/s{n}" if top else f"/t/e{n}"
        own[item] = path
        routes[f"/d/doc{n:02d}-2026.pdf"] = PDF
        if top:
            sections.append((path, label, []))
        else:
            routes[path] = _entry_page(label, n)
            sections[-1][2].append(f"<li><a href='{path}'>{label}</a></li>")
    hub = []
    for path, label, entries in sections:
        doc = int(path.rsplit("s", 1)[1])
        routes[path] = _html(label, _entry_main(label, doc) + "<ul>" + "".join(entries) + "</ul>")
        hub.append(f"<li><a href='{path}'>{label}</a></li>")
    routes["/transparencia"] = _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><ul>" + "".join(hub) + "</ul>",
    )
    return routes, own


ANNEX_ROUTES, OWN = _annex_site()

# class 1901/1902: the annex's four directories, unnumbered, the institutional one cut short
DIRECTORIES = {
    "ley1712.1.4": ("/dir/a", "Directorio institucional incluyendo sedes, oficinas, sucursales o regionales"),
    "ley1712.1.5": ("/dir/b", "Directorio de servidores públicos, empleados o contratistas"),
    "ley1712.1.6": ("/dir/c", "Directorio de entidades"),
    "ley1712.1.7": ("/dir/d", "Directorio de agremiaciones, asociaciones y otros grupos de interés"),
}
DIRECTORY_ROUTES: dict[str, Resource] = {
    "/": _html("Inicio", "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa del Rosario.</p>"),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h1>Transparencia y acceso a la información pública</h1><h2>Información de la entidad</h2><ul>"
        + "".join(f"<li><a href='{p}'>{name}</a></li>" for p, name in DIRECTORIES.values())
        + "</ul>",
    ),
    **{p: _entry_page(name, 80 + k) for k, (p, name) in enumerate(DIRECTORIES.values())},
    **{f"/d/doc{80 + k:02d}-2026.pdf": PDF for k in range(len(DIRECTORIES))},
}


@pytest.fixture(scope="module")
def annex(tmp_path_factory):
    """The site whose menu is the annex's, word for word and numbered."""
    return checklist_records(tmp_path_factory.mktemp("h190-annex"), ANNEX_ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def directories(tmp_path_factory):
    """The site with the annex's four directories, unnumbered."""
    return checklist_records(tmp_path_factory.mktemp("h190-directories"), DIRECTORY_ROUTES, OFFLINE)


def test_class_1900_the_annex_menu_word_for_word_is_found(annex):
    missed = {
        item: annex[("ley1712-res1519", item)]["status"]
        for item, _ in ANNEX
        if annex[("ley1712-res1519", item)]["status"] not in FOUND
    }
    assert missed == {}
    wrong = {
        item: annex[("ley1712-res1519", item)]["paths"][:1]
        for item, _ in ANNEX
        if annex[("ley1712-res1519", item)]["paths"][:1] != [OWN[item]]
    }
    assert wrong == {}


def test_class_1901_the_annex_name_cut_short_and_unnumbered_is_the_directory(directories):
    rec = directories[("ley1712-res1519", "ley1712.1.4")]
    assert rec["status"] in FOUND, rec
    assert rec["paths"][0] == DIRECTORIES["ley1712.1.4"][0], rec


def test_class_1902_the_other_directories_of_the_annex_stay_theirs(directories):
    institutional = DIRECTORIES["ley1712.1.4"][0]
    rec = directories[("ley1712-res1519", "ley1712.1.4")]
    others = {p for item, (p, _) in DIRECTORIES.items() if item != "ley1712.1.4"}
    assert not others & set(rec["paths"]), rec
    for item in ("ley1712.1.5", "ley1712.1.6", "ley1712.1.7"):
        rec = directories[("ley1712-res1519", item)]
        assert rec["status"] in FOUND, (item, rec)
        assert rec["paths"][0] == DIRECTORIES[item][0], (item, rec)
        assert institutional not in rec["paths"], (item, rec)
