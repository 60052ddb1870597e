"""Fault classes a fresh measure found (issue 15, H216; the three sites of H210). Two small sites on
127.0.0.1, each crawled once through the real CLI, offline (external links are not opened).

Class 2160 (docs/checklist-states.md, «Nombrado y vacío»): a category of the Transparencia page whose
content is a line saying what will go there and a notice that it is not there yet («Contenido por
completar», «Información en actualización», «Pendiente de publicación») is named and publishes
nothing: ``parcial``, its notice quoted, never ``cumple``.
``test_class_2160_a_category_marked_to_be_completed_is_named_and_empty`` fails without
``contents.pending`` in ``page_content.read_content`` (checked: ``ley1712.3``
``cumple``).

Class 2161: an entry of a list of documents marked as pending («<li><strong>Informe de gestión
2025</strong><span>Pendiente de publicación</span></li>», «<p>Rendición de cuentas — Pendiente por cargar</p>»)
is named, with nothing published: ``parcial``. ``test_class_2161_an_entry_marked_pending_is_named_and_empty``
fails without ``pending.pending_entry`` (checked: ``info.informes_gestion`` ``no_cumple``).

Class 2162: a page whose whole content is its title, a line of what it will hold and «Contenido por
completar» is empty (``emptiness``: the notice only counts on a page with no link, picture or
form of its own). ``test_class_2162_a_page_to_be_completed_is_empty`` fails without ``PENDING`` in
``emptiness._NOTHING_YET`` (checked: ``info.glosario`` ``cumple``).
``test_class_216x_a_pending_notice_beside_published_documents_empties_nothing`` guards the other side:
a section and a page that publish documents and say one more is pending keep them (``cumple``). It
passes on the base and with the rules; it did NOT fail when ``PENDING`` was moved to emptiness's
unguarded «en construcción» path (checked), so it does not prove that guard: it stands for the
section and entry readings (a section with links, a sentence that names no entry).

Class 2163 (criterion F, a loose match): a governing board («Consejo Directivo», its members by
post) is not the staff directory: «directivos» with slack read it.
``test_class_2163_a_governing_board_is_not_the_staff_directory`` fails without the negative vocabulary
of ``info.directorio_funcionarios`` / ``ley1712.1.5`` (checked: ``cumple``).

Class 2164 (issue 15, «the staff-login link /admin/ was listed before the real directory»): a page
where staff log in (a login address such as ``/login.php``, or a page whose content is a password
form) is never evidence: the menu entry «Funcionarios» that opens it is not the staff directory.
``test_class_2164_a_staff_login_is_no_evidence`` fails without ``pages.is_staff_login`` in
``evidence`` (checked: ``info.directorio_funcionarios`` ``cumple`` by «Funcionarios»).

Class 2165: a legal text named with a few more words («Política de privacidad y tratamiento de
datos») is a legal text: its headings are clauses, and «4. Datos de niñas, niños y adolescentes» is
how the entity treats children's data, not content for children.
``test_class_2165_a_clause_of_a_privacy_policy_is_not_content_for_children`` fails without
``parse.legal_text`` (checked: ``info.ninos`` ``cumple``).

Class 2166 (criterion F): the name of Res. 1519's category 4, «Planeación, presupuesto e informes», is
not the budget: ``test_class_2166_the_planning_category_title_is_not_the_budget`` fails without the
negative vocabulary of ``info.presupuesto`` / ``ley1712.4.1`` (checked: ``info.presupuesto``
``cumple``).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Institución Educativa San Isidro"
ENTRIES = (
    ("/", "Inicio"),
    ("/quienes-somos", "Quiénes somos"),
    ("/documentos", "Documentos institucionales"),
    ("/glosario", "Glosario"),
    ("/normatividad", "Normatividad"),
    ("/transparencia", "Transparencia y acceso a la información pública"),
    ("/politica-privacidad", "Política de privacidad"),
)


def _html(title: str, main: str, entries: tuple[tuple[str, str], ...] = ENTRIES) -> Resource:
    nav = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in entries) + "</ul></nav>"
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{nav}</header><main>{main}</main>"
        "<footer>Vereda San Isidro, municipio de Planeta Rica. Teléfono 604 555 0000.</footer></body></html>"
    )


def _card(title: str, line: str, notice: str) -> str:
    return f"<article class='card'><h3>{title}</h3><p>{line}</p><span class='status'>{notice}</span></article>"


PDF = Resource(b"%PDF-1.4\n%\xe2\xe3\n", headers={"Content-Type": "application/pdf"})

ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>Sitio oficial de la institución educativa oficial de la vereda San Isidro,"
        " con la información para estudiantes, familias y comunidad.</p>",
    ),
    "/transparencia": _html(
        "Transparencia y acceso a la información pública",
        "<h2>Transparencia y acceso a la información pública</h2><div class='grid'>"
        + _card(
            "3. Contratación",
            "Plan anual de adquisiciones, procesos, contratos y enlaces a SECOP.",
            "Contenido por completar",
        )
        # class 2166: the category's name over content that is not the budget
        + "<article class='card'><h3>4. Planeación, presupuesto e informes</h3><ul>"
        "<li><a href='/plan-accion'>Plan de acción institucional 2026</a></li></ul></article>"
        + _card(
            "7. Datos abiertos",
            "Conjuntos de datos publicables, inventario y enlaces al portal.",
            "Información en actualización",
        )
        + _card(
            "10. Instrumentos de gestión de información",
            "Registro de activos e índice de información clasificada.",
            "Pendiente de publicación",
        )
        + "</div>",
    ),
    "/plan-accion": _html(
        "Plan de acción institucional 2026",
        "<h1>Plan de acción institucional 2026</h1><p>Metas, actividades, responsables y fechas del plan de"
        " acción de la institución para la vigencia 2026, aprobado por el consejo directivo.</p>"
        "<p><a href='/docs/plan-accion-2026.pdf'>Descargar el plan de acción 2026 (PDF)</a></p>",
    ),
    "/docs/plan-accion-2026.pdf": PDF,
    # class 2161: entries of a list marked pending, each with its own wording
    "/documentos": _html(
        "Documentos institucionales",
        "<h2>Documentos institucionales</h2><ul class='docs'>"
        "<li><div><strong>Proyecto Educativo Institucional (PEI)</strong><div class='meta'>Documento vigente</div></div>"
        "<a href='/docs/pei.pdf'>Consultar PEI</a></li>"
        "<li><div><strong>Informe de gestión 2025</strong><div class='meta'>Formato PDF accesible</div></div>"
        "<span class='status'>Pendiente de publicación</span></li></ul>"
        "<p>Rendición de cuentas — Pendiente por cargar</p>",
    ),
    "/docs/pei.pdf": PDF,
    # class 2162: a page whose content is its title, what it will hold, and a notice
    "/glosario": _html(
        "Glosario",
        "<h1>Glosario</h1><p>Aquí se publicarán las definiciones de los términos que la institución usa en sus"
        " trámites, servicios y documentos.</p><p><span class='status'>Contenido por completar</span></p>",
    ),
    # the guard: a section that publishes documents and says one more is pending keeps them
    "/normatividad": _html(
        "Normatividad",
        "<h1>Normatividad</h1><h2>Resoluciones rectorales</h2><ul>"
        "<li><a href='/docs/resolucion-001-2026.pdf'>Resolución 001 de 2026</a></li>"
        "<li><a href='/docs/resolucion-002-2026.pdf'>Resolución 002 de 2026</a></li>"
        "</ul><p>Resolución 003 de 2026: pendiente de publicación.</p>",
    ),
    "/docs/resolucion-001-2026.pdf": PDF,
    "/docs/resolucion-002-2026.pdf": PDF,
    # class 2163: a governing board and its members by post
    "/quienes-somos": _html(
        "Quiénes somos",
        "<h1>Quiénes somos</h1><p>Somos una institución educativa oficial que ofrece preescolar, básica y media"
        " a los niños y jóvenes de la vereda San Isidro y sus alrededores desde 1985.</p>"
        "<h3>Consejo Directivo</h3><p>Instancia de participación de la comunidad educativa y de orientación"
        " académica y administrativa del establecimiento: rector, dos representantes de los docentes, dos de"
        " los padres de familia, un estudiante, un exalumno y un representante del sector productivo.</p>",
    ),
    # class 2165: a privacy policy, named with a few words more, and its clause on children's data
    "/politica-privacidad": _html(
        "Política de privacidad y tratamiento de datos",
        "<h2>Política de privacidad y tratamiento de datos</h2>"
        "<h3>1. Responsable del tratamiento</h3><p>La institución educativa es responsable del tratamiento de"
        " los datos personales que recoge en sus trámites, su matrícula y sus formularios.</p>"
        "<h3>2. Datos de niñas, niños y adolescentes</h3><p>El tratamiento de datos de menores de edad respeta"
        " su interés superior y sus derechos fundamentales, con la autorización de su representante legal.</p>",
    ),
}

LOGIN_FORM = (
    "<form method='post' action='#'><label>Usuario</label><input name='var_user' type='text'>"
    "<label>Contraseña</label><input name='var_pass' type='password'><input type='submit' value='Ingresar'></form>"
)
LOGIN_ENTRIES = (("/", "Inicio"), ("/login.php", "Funcionarios"), ("/acceso", "Directivos"))
LOGIN_ROUTES: dict[str, Resource] = {
    "/": _html(
        "Inicio",
        "<h1>Sistema de información socioeconómica</h1><p>Indicadores de los municipios del departamento,"
        " por categoría, temática y municipio, con sus fuentes y sus fechas de corte.</p>",
        LOGIN_ENTRIES,
    ),
    # class 2164: a login address, and a page whose content is only a password form
    "/login.php": _html("Ingreso", LOGIN_FORM, LOGIN_ENTRIES),
    "/acceso": _html("Acceso", LOGIN_FORM, LOGIN_ENTRIES),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The school's site: notices, pending entries and loose matches."""
    return checklist_records(tmp_path_factory.mktemp("h216"), ROUTES, OFFLINE)


@pytest.fixture(scope="module")
def login_site(tmp_path_factory):
    """A data portal whose menu entries «Funcionarios» and «Directivos» open staff logins."""
    return checklist_records(tmp_path_factory.mktemp("h216login"), LOGIN_ROUTES, OFFLINE)


def test_class_2160_a_category_marked_to_be_completed_is_named_and_empty(site):
    for item, notice in (("ley1712.3", "Contenido por completar"), ("ley1712.7", "Información en actualización")):
        rec = site[("ley1712-res1519", item)]
        assert rec["status"] == "parcial", rec
        assert f"«{notice}»" in rec["detail"], rec
        assert rec["paths"][:1] == ["/transparencia"], rec


def test_class_2161_an_entry_marked_pending_is_named_and_empty(site):
    rec = site[("gelt-2008", "info.informes_gestion")]
    assert rec["status"] == "parcial", rec
    assert "«Pendiente de publicación»" in rec["detail"], rec
    assert rec["paths"][:1] == ["/documentos"], rec
    rec = site[("gelt-2008", "democracia.rendicion_cuentas")]
    assert rec["status"] == "parcial", rec
    assert "«Pendiente por cargar»" in rec["detail"], rec


def test_class_2162_a_page_to_be_completed_is_empty(site):
    rec = site[("gelt-2008", "info.glosario")]
    assert rec["status"] == "parcial", rec
    assert "«Contenido por completar»" in rec["detail"], rec


def test_class_216x_a_pending_notice_beside_published_documents_empties_nothing(site):
    rec = site[("gelt-2008", "info.normatividad")]
    assert rec["status"] == "cumple", rec
    assert "pendiente" not in rec["detail"].lower(), rec


def test_class_2163_a_governing_board_is_not_the_staff_directory(site):
    for key in (("gelt-2008", "info.directorio_funcionarios"), ("ley1712-res1519", "ley1712.1.5")):
        rec = site[key]
        assert rec["status"] == "no_cumple", rec
        assert "/quienes-somos" not in rec["paths"], rec


def test_class_2164_a_staff_login_is_no_evidence(login_site):
    for key in (("gelt-2008", "info.directorio_funcionarios"), ("ley1712-res1519", "ley1712.1.5")):
        rec = login_site[key]
        assert rec["status"] == "no_cumple", rec
        assert not {"/login.php", "/acceso"} & set(rec["paths"]), rec


def test_class_2165_a_clause_of_a_privacy_policy_is_not_content_for_children(site):
    for key in (("gelt-2008", "info.ninos"), ("ley1712-res1519", "ley1712.8.1")):
        rec = site[key]
        assert rec["status"] == "no_cumple", rec
        assert "/politica-privacidad" not in rec["paths"], rec


def test_class_2166_the_planning_category_title_is_not_the_budget(site):
    for key in (("gelt-2008", "info.presupuesto"), ("ley1712-res1519", "ley1712.4.1")):
        rec = site[key]
        assert rec["status"] == "no_cumple", rec
