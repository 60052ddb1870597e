"""Reading faults a fresh site showed (issue 15, H228): a small school site on 127.0.0.1 laid out as a
static-site generator's layout writes it, crawled once through the real CLI, offline.

Class 2280: a news list prints each date the short way the Spanish locale gives it, the month
abbreviated and no «de» («26 may 2023», «10 mar. 2023»): that is a date as much as «26 de mayo de
2023», and the news section is dated (``info.noticias`` ``cumple``, ``ley1712`` «fechas visibles»).
``test_class_2280_an_abbreviated_month_is_a_date`` fails without the short-month alternative of the
``date`` pattern in ``text.py`` (checked: ``info.noticias`` ``parcial``, «falta: noticias con fecha»).

Class 2281: the layout wraps the whole page in ``<main>`` and shuts it after the footer (the header,
the content and the footer all inside ``main``, as zy-liceozipaquira's Astro layout does). A person
sees the footer at the bottom of every page: it is the page's footer, and its address and e-mail are
the footer's contact data (``ley1712.footer.contacto`` found, not ``no_cumple``).
``test_class_2281_a_footer_that_closes_a_page_wrapped_in_main_is_the_page_footer`` fails without
``chrome._closing_footer`` (checked: ``no_cumple``, «no se encontró en el sitio rastreado»).
``test_class_2281_a_footer_of_an_article_is_not_the_page_footer`` guards the other side: a page
whose only ``footer`` belongs to an article has no page footer (checked: ``parcial`` when
``_closing_footer`` does not set articles' footers aside).

Class 2282: a table whose header row names each person's name, post and phone («# | Nombre | Cargo |
Teléfono»), with a phone in its rows, is a staff directory a person reads as one, whatever heads the
page (zo-yascual's contact page has no heading over it): ``info.directorio_funcionarios`` ``cumple``
and ``ley1712.1.5`` ``parcial`` (outside the transparency menu).
``test_class_2282_a_table_of_names_posts_and_phones_is_the_staff_directory`` fails without the
``staff_table`` rules of the two profiles (checked: ``info.directorio_funcionarios`` ``no_cumple``).

Class 2283: a contact form whose message box is written on one line (``<input type="text">``) labelled
«Mensaje» is a message form as one with a ``textarea`` is (zo-yascual's «Formulario de Contacto»): the
PQRSD form exists, without the minimum fields (``ley1712.pqrsd_form`` ``parcial``).
``test_class_2283_a_one_line_box_labelled_message_is_the_message_box`` fails without the
``_message_ids``/``_names_message`` reading in ``forms._read_fields`` (checked: ``no_cumple``).

Class 2284: a form that asks for a request's number («Número de radicado») and a code typed masked
(«Código de consulta», ``type="password"``) with «Consultar estado» looks the request up; that the masked
box's id is ``clave`` (a word of logins, which a person never sees) does not make it a login
(zq-iebetania's «Consultar radicado»): ``interaccion.consulta_bd`` and ``transaccion.seguimiento``
``cumple``. ``test_class_2284_a_request_code_typed_masked_is_no_login`` fails without
``forms._shown_words`` in ``_masked_request_code`` (checked: ``no_cumple`` both).
"""

from __future__ import annotations

import pytest

from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
SCHOOL = "Institución Educativa Municipal La Esperanza"

NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/noticias'>Noticias</a></li>"
    "<li><a href='/nosotros'>Nosotros</a></li><li><a href='/contacto'>Contacto</a></li>"
    "<li><a href='/escribanos'>Escríbanos</a></li><li><a href='/consulta'>Ventanilla</a></li></ul></nav>"
)
FOOTER = (
    f"<footer><p>{SCHOOL}</p><p>Carrera 7 # 3-45, barrio Centro</p>"
    "<p>Correo: rectoria@ieesperanza.edu.co</p><p>Síguenos en redes</p></footer>"
)


def _layout(title: str, content: str) -> Resource:
    """The generator's layout: everything, footer included, inside ``main``."""
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {SCHOOL}</title></head>"
        f"<body><main><header><p>{SCHOOL}</p>{NAV}</header>{content}{FOOTER}</main>"
        "<script>document.body.dataset.ready = '1'</script></body></html>"
    )


def _news(day: str, headline: str) -> str:
    return f"<div class='card'><h3>{headline}</h3><p>{day}</p><p>Leer más</p></div>"


ROUTES: dict[str, Resource] = {
    "/": _layout(
        "Inicio",
        "<section><h1>Bienvenidos</h1><p>Somos una institución educativa de carácter oficial que forma"
        " niños y jóvenes desde el preescolar hasta la media académica.</p></section>",
    ),
    # class 2280: the dates as the Spanish locale's short format prints them
    "/noticias": _layout(
        "Noticias",
        "<section><h1>Noticias</h1>"
        + _news("26 may 2023", "Izada de bandera del mes de mayo con los estudiantes de primaria")
        + _news("10 mar. 2023", "Elección del personero estudiantil y del consejo de estudiantes")
        + _news("3 sept 2022", "Feria de la ciencia con los proyectos de los grados décimo y once")
        + "</section>",
    ),
    # class 2282: the people who attend, in a table with no heading over it
    "/contacto": _layout(
        "Contacto",
        "<section><table><thead><tr><th>#</th><th>Nombre</th><th>Cargo</th><th>Teléfono</th></tr></thead><tbody>"
        "<tr><td>1</td><td>Marta Lucía Gómez</td><td>Rectora</td><td>3107434494</td></tr>"
        "<tr><td>2</td><td>Jorge Iván Pardo</td><td>Coordinador académico</td><td>3233619773</td></tr>"
        "</tbody></table></section>",
    ),
    # class 2283: the message box written on one line, named by its label and its name
    "/escribanos": _layout(
        "Escríbanos",
        "<section><h2>Formulario de contacto</h2><form id='form'>"
        "<div><label for='from_name'>Nombre</label><input type='text' name='from_name' id='from_name'></div>"
        "<div><label for='msg'>Mensaje</label><input type='text' name='msg' id='msg'></div>"
        "<div><label for='email_id'>Email</label><input type='email' name='email_id' id='email_id'></div>"
        "<input type='submit' value='Enviar'></form></section>",
    ),
    # class 2284: a request's status looked up by its number and a code typed masked, the box's id «clave»
    "/consulta": _layout(
        "Ventanilla virtual",
        "<section><h2>Ventanilla virtual</h2><form id='tracking-form'>"
        "<label for='radicado'>Número de radicado<input id='radicado' required placeholder='Ejemplo: IELE-2026-000123'>"
        "</label><label for='clave'>Código de consulta<input id='clave' required type='password'></label>"
        "<button type='submit'>Consultar estado</button></form></section>",
    ),
    "/nosotros": _layout(
        "Nosotros",
        "<article><h1>Nuestra historia</h1><p>La institución abrió sus puertas con dos aulas y hoy atiende"
        " a más de mil estudiantes en dos sedes.</p><footer>Publicado por la rectoría</footer></article>",
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
    """The school's site, the whole page inside ``main``."""
    return _records(tmp_path_factory, ROUTES, "h228")


# the same article page, alone, under a layout with no footer but the article's
ARTICLE_ONLY: dict[str, Resource] = {
    "/": Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>Inicio | {SCHOOL}</title></head>"
        f"<body><header><p>{SCHOOL}</p>{NAV}</header><main><article><h1>Nuestra historia</h1><p>La institución"
        " abrió sus puertas con dos aulas y hoy atiende a más de mil estudiantes en dos sedes.</p>"
        "<footer>Carrera 7 # 3-45, barrio Centro. Correo: rectoria@ieesperanza.edu.co</footer></article></main>"
        "</body></html>"
    ),
}


@pytest.fixture(scope="module")
def article_site(tmp_path_factory):
    """A page whose only ``footer`` is an article's."""
    return _records(tmp_path_factory, ARTICLE_ONLY, "h228-article")


def test_class_2280_an_abbreviated_month_is_a_date(site):
    rec = site[("gelt-2008", "info.noticias")]
    assert rec["status"] == "cumple", rec
    assert "/noticias" in rec["paths"], rec
    assert "falta" not in rec["detail"], rec


def test_class_2281_a_footer_that_closes_a_page_wrapped_in_main_is_the_page_footer(site):
    rec = site[("ley1712-res1519", "ley1712.footer.contacto")]
    assert rec["status"] == "parcial", rec
    # what the footer shows is found, what it lacks is said
    assert "horario de atención" in rec["detail"] and "teléfono" in rec["detail"], rec
    assert "falta: dirección" not in rec["detail"] and "correo institucional" not in rec["detail"], rec


def test_class_2281_a_footer_of_an_article_is_not_the_page_footer(article_site):
    rec = article_site[("ley1712-res1519", "ley1712.footer.contacto")]
    assert rec["status"] == "no_cumple", rec


def test_class_2282_a_table_of_names_posts_and_phones_is_the_staff_directory(site):
    rec = site[("gelt-2008", "info.directorio_funcionarios")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/contacto", rec
    rec = site[("ley1712-res1519", "ley1712.1.5")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/contacto", rec


def test_class_2283_a_one_line_box_labelled_message_is_the_message_box(site):
    rec = site[("ley1712-res1519", "ley1712.pqrsd_form")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/escribanos", rec


def test_class_2284_a_request_code_typed_masked_is_no_login(site):
    for item in ("interaccion.consulta_bd", "transaccion.seguimiento"):
        rec = site[("gelt-2008", item)]
        assert rec["status"] == "cumple", rec
        assert rec["paths"][0] == "/consulta", rec
        assert "formulario de consulta" in rec["detail"], rec
