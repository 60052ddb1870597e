"""Criterion D of docs/checklist-scope.md (issue 15, H176): a page titled with an item's name whose only
own text is the general definition of the mechanism and the citation of the norm that creates it
(«Las consultas ciudadanas son un mecanismo de participación… (Ley 134 de 1994)») does not publish the
item: it is «nombrada y vacía» (``parcial``), never ``cumple``. Two small municipal sites on
127.0.0.1, each crawled once through the real CLI, offline (external links are not opened).

Class 1760: the definition and the norm, short («Consultas ciudadanas») or over sixty words («Se
entiende por datos abiertos…»): ``democracia.consultas`` and ``info.datos_abiertos`` ``parcial``, «vacía
o en construcción». ``test_class_1760_a_page_that_only_defines_the_mechanism_is_named_and_empty`` fails
without ``emptiness.defines_only`` (checked: ``cumple``, evidence ``/consultas-ciudadanas``).

Class 1761, the other side: a page that defines and publishes (the entity's own hearing called; a
date of its own; a list of its spaces), a normatividad page that defines the word and cites the norms
(citing norms is its content), a mission page and a functions page (the norm, then the list) keep
``cumple``. ``test_class_1761_a_page_that_defines_and_publishes_is_content`` fails without the
digit guard (checked: ``info.calendario`` ``parcial``), without the guard of the entity's own deeds
(checked: ``democracia.rendicion_cuentas`` ``parcial``) and without the list guard (checked:
``democracia.participacion`` and ``info.funciones`` ``parcial``);
``test_class_1761_a_normatividad_page_is_never_a_definition`` fails without the exclusion of the
norms' own pages (checked: ``info.normatividad`` ``parcial``). Without the rule, ``info.datos_abiertos``
(«Se entiende por datos abiertos…», over sixty words) is ``cumple`` as well. The mission page is a
guard of the shape of the definition (the copula before an article or a kind: «La misión es
garantizar…» is not one): no single line of the rule makes it fail.

Class 1762: a glossary («Glosario», each term a title over its definition) is what it publishes, never a
page that only defines: past its first two headings («Glosario», «Datos abiertos») it opens by
defining the second. ``test_class_1762_a_glossary_is_not_a_page_that_only_defines`` fails without
``definitions.of_definitions`` in ``emptiness.defines_only`` (checked: ``info.datos_abiertos`` and
``info.glosario`` ``parcial``, «/glosario está vacía o en construcción»). It does not say the glossary's term «Datos abiertos» is that
item: the engine counts it as found, a precision matter apart from criterion D.

The same reading of a section («Consultas ciudadanas» over the definition on a «Participa» page) was
built, tested and measured; it lowered a held-out figure and was taken out with its tests
(docs/checklist-accuracy.md, «H176»).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Alcaldía Municipal de Villa del Prado"

ENTRIES = (
    ("/", "Inicio"),
    ("/mision-y-vision", "Misión y visión"),
    ("/funciones", "Funciones"),
    ("/normatividad", "Normatividad"),
    ("/participacion-ciudadana", "Participación ciudadana"),
    ("/rendicion-de-cuentas", "Rendición de cuentas"),
    ("/calendario-de-actividades", "Calendario de actividades"),
    ("/consultas-ciudadanas", "Consultas ciudadanas"),
    ("/datos-abiertos", "Datos abiertos"),
)
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer>Calle 3 # 2-15, Villa del Prado. Teléfono 608 555 0101.</footer></body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa del Prado, con la información de la"
        " administración municipal para sus habitantes.</p>",
    ),
    # class 1760: the mechanism's definition and the law that creates it, nothing of the entity's own
    "/consultas-ciudadanas": _html(
        "Consultas ciudadanas",
        "<h1>Consultas ciudadanas</h1><p>Las consultas ciudadanas son un mecanismo de participación mediante"
        " el cual la ciudadanía se pronuncia sobre un asunto de interés general que la autoridad somete a su"
        " consideración. (Ley 134 de 1994)</p>",
    ),
    "/datos-abiertos": _html(
        "Datos abiertos",
        "<h1>Datos abiertos</h1><p>Se entiende por datos abiertos los datos primarios o sin procesar, que se"
        " encuentran en formatos estándar e interoperables que facilitan su acceso y reutilización, los cuales"
        " están bajo la custodia de las entidades públicas o privadas que cumplen con funciones públicas y que"
        " son puestos a disposición de cualquier ciudadano, de forma libre y sin restricciones, con el fin de"
        " que terceros puedan reutilizarlos y crear servicios derivados de los mismos.</p><p>Así lo dispone la"
        " Ley 1712 de 2014, artículo 6, literal j.</p>",
    ),
    # class 1761: the definition, then the entity's own hearing called (no figure, no link)
    "/rendicion-de-cuentas": _html(
        "Rendición de cuentas",
        "<h1>Rendición de cuentas</h1><p>La rendición de cuentas es un proceso mediante el cual las entidades"
        " informan, explican y dan a conocer los resultados de su gestión a la ciudadanía (Ley 1757 de 2015).</p>"
        "<p>La alcaldía convoca a la ciudadanía a la audiencia pública de rendición de cuentas, en el recinto"
        " del Concejo Municipal.</p>",
    ),
    # the definition, then the entity's own date (no link)
    "/calendario-de-actividades": _html(
        "Calendario de actividades",
        "<h1>Calendario de actividades</h1><p>El calendario de actividades es la agenda de los eventos que la"
        " entidad abre a la ciudadanía (Ley 1712 de 2014, artículo 9).</p><p>15 de diciembre de 2025: audiencia"
        " pública en el Concejo Municipal.</p>",
    ),
    # the definition, then the entity's spaces as a list (no link, no figure)
    "/participacion-ciudadana": _html(
        "Participación ciudadana",
        "<h1>Participación ciudadana</h1><p>La participación ciudadana es un derecho de todas las personas a"
        " intervenir en las decisiones públicas que las afectan (Ley 1757 de 2015).</p><p>Espacios de"
        " participación de la alcaldía:</p><ul><li>Consejo Territorial de Planeación</li><li>Mesas de trabajo"
        " comunitarias por veredas</li><li>Audiencias públicas de rendición de cuentas</li></ul>",
    ),
    # a normatividad page: the word defined, then the norms (citing them is its content)
    "/normatividad": _html(
        "Normatividad",
        "<h1>Normatividad</h1><p>La normatividad es el conjunto de normas que rigen la organización y el"
        " funcionamiento del municipio: Constitución Política de Colombia; Ley 136 de 1994, por la cual se dictan"
        " normas tendientes a modernizar la organización y el funcionamiento de los municipios; Ley 1551 de"
        " 2012; Decreto 1083 de 2015, único reglamentario del sector de función pública.</p>",
    ),
    # a mission page: the mission said, not a word defined
    "/mision-y-vision": _html(
        "Misión y visión",
        "<h1>Misión y visión</h1><h2>Misión</h2><p>La misión es garantizar a los habitantes de Villa del Prado"
        " servicios oportunos, una gestión transparente y la participación de la comunidad en las decisiones"
        " públicas.</p><h2>Visión</h2><p>Ser reconocidos como un municipio ordenado, incluyente y sostenible,"
        " con una administración cercana a su gente.</p>",
    ),
    # a functions page: the norm that assigns them, then the functions themselves
    "/funciones": _html(
        "Funciones",
        "<h1>Funciones</h1><p>Las funciones son las que asigna la Ley 136 de 1994, artículo 91, modificado por"
        " la Ley 1551 de 2012:</p><ol><li>Cumplir y hacer cumplir la Constitución, la ley y los acuerdos del"
        " concejo.</li><li>Dirigir la acción administrativa del municipio.</li><li>Presentar al concejo los"
        " proyectos de acuerdo sobre planes y programas de desarrollo.</li></ol>",
    ),
}


# class 1762: a glossary, on a site of its own (its term «Datos abiertos» would meet the first site's page)
GLOSSARY_ENTRIES = (("/", "Inicio"), ("/glosario", "Glosario"))
GLOSSARY_NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in GLOSSARY_ENTRIES) + "</ul></nav>"


def _glossary_html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{GLOSSARY_NAV}</header><main>{main}</main>"
        "<footer>Calle 3 # 2-15, Villa del Prado. Teléfono 608 555 0101.</footer></body></html>"
    )


GLOSSARY_ROUTES: dict[str, Resource] = {
    "/": _glossary_html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial del municipio de Villa del Prado, con la información de la"
        " administración municipal para sus habitantes.</p>",
    ),
    # a glossary: each term a section that defines its title, which is what a glossary publishes
    "/glosario": _glossary_html(
        "Glosario",
        "<h2>Glosario</h2><h3>Datos abiertos</h3><p>Se entiende por datos abiertos los datos primarios o sin"
        " procesar que las entidades ponen a disposición de cualquier ciudadano, de forma libre y sin"
        " restricciones (Ley 1712 de 2014, artículo 6).</p><h3>Veeduría ciudadana</h3><p>La veeduría ciudadana"
        " es el mecanismo democrático de representación que permite a los ciudadanos ejercer vigilancia sobre"
        " la gestión pública (Ley 850 de 2003).</p>",
    ),
}


def _records(tmp_path_factory, routes: dict[str, Resource], name: str) -> dict[tuple[str, str], dict]:
    """The site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(routes).start()
    try:
        config = write_config(tmp_path_factory.mktemp(name), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The municipality's site, crawled once."""
    return _records(tmp_path_factory, ROUTES, "h176")


@pytest.fixture(scope="module")
def glossary_site(tmp_path_factory):
    """A second site of the municipality, with its glossary, crawled once."""
    return _records(tmp_path_factory, GLOSSARY_ROUTES, "h176-glossary")


def test_class_1760_a_page_that_only_defines_the_mechanism_is_named_and_empty(site):
    for item, path in (("democracia.consultas", "/consultas-ciudadanas"), ("info.datos_abiertos", "/datos-abiertos")):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "parcial", rec
        assert f"{path} solo define «" in rec["detail"], rec


def test_class_1761_a_page_that_defines_and_publishes_is_content(site):
    for item in (
        "democracia.rendicion_cuentas",
        "info.calendario",
        "democracia.participacion",
        "info.mision_vision",
        "info.funciones",
    ):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "cumple", rec
        assert "vacía" not in rec["detail"], rec


def test_class_1761_a_normatividad_page_is_never_a_definition(site):
    rec = site[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple", rec
    assert "vacía" not in rec["detail"], rec
    assert rec["paths"][0] == "/normatividad", rec


def test_class_1762_a_glossary_is_not_a_page_that_only_defines(glossary_site):
    rec = glossary_site[("gelt-2008", "info.datos_abiertos")]
    assert rec["paths"][0] == "/glosario", rec
    assert "vacía" not in rec["detail"], rec
    rec = glossary_site[("gelt-2008", "info.glosario")]
    assert rec["status"] == "cumple" and "vacía" not in rec["detail"], rec
