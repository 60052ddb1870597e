"""Classes of H283 (issue 15, evidence correctness: «the evidence page is the one a person would point
to»). Crawls on 127.0.0.1 through the real CLI, offline.

Class 2830: the page a working link named for the item opens, whose own heading names the item, is a
page for the item as one titled for it is (``ranking.opened_sections``): what names the page and what
the page says agree. A curaduría whose menu has «Radicación de PQRS» to ``/pqrs.html`` (a page headed
«Peticiones, quejas, reclamos, sugerencias y denuncias», with the way to file one) and «Contáctenos» to
``/contactenos.html`` (the offices' hours and address): ``interaccion.pqrsd`` («PQRSD / contáctenos»,
whose requirement is a page or form to file requests) is shown first by ``/pqrs.html``, the item's own
name, before the contact page, its other name (without the rule the page titled «Contáctenos», a label
wholly the alias, led: the PQRS page was only «a section of a page»; seen failing on ``68944249``:
``'/contactenos.html'`` first). From i-curaduria1 (tuning).

Class 2831: one notion of a file a file host keeps (``urls.is_shared_file``, the pattern of class 2701:
a Drive, Google Docs, OneDrive short link, Dropbox or SharePoint file in its viewer), read both by a
``document`` rule and by the evidence order (``ranking.offsite_file``, class 2471), where the order read
any address on those hosts (``ranking._FILE_HOSTS``). A shared folder is a list kept elsewhere, not one
file: named for the item, it is evidenced as another site's page named for the item is (first, then the
page that links it; class 2570, H257, measured that the tuning labels point to the outside page), while
a file there still follows the page that lists it (class 2471). A hospital's «Datos abiertos» page
linking its information management instruments as three Drive folders: ``ley1712.7.1`` starts with a
folder, then the page (without the rule: the page first, the folder read as a file; seen failing on
``54a9140f``: ``'/instrumentos'`` first).
"""

from __future__ import annotations

from gelt_audit.demo.server import Resource
from tests.helpers import checklist_records
from tests.test_checklist_classes_h247 import OFFLINE, ROUTES, _html

FOLDER = "https://drive.google.com/drive/folders/{}"

FOLDERS: dict[str, Resource] = {
    **ROUTES,
    "/instrumentos": _html(
        "Datos abiertos",
        "<h2>Instrumentos de gestión de la información.</h2><ul>"
        f"<li><a href='{FOLDER.format('1AbCdEfGhIjKlMnOpQr')}'>Índice de información clasificada y reservada.</a></li>"
        f"<li><a href='{FOLDER.format('2BcDeFgHiJkLmNoPqRs')}'>Registro de activos de información.</a></li>"
        f"<li><a href='{FOLDER.format('3CdEfGhIjKlMnOpQrSt')}'>Esquema de publicación de información.</a></li>"
        "</ul>",
    ),
}


def test_class_2831_a_shared_folder_is_no_file_kept_elsewhere(tmp_path):
    rec = checklist_records(tmp_path, FOLDERS, OFFLINE)[("ley1712-res1519", "ley1712.7.1")]
    assert rec["paths"][0].startswith("https://drive.google.com/drive/folders/"), rec
    assert "/instrumentos" in rec["paths"][1:3], rec


ENTITY = "Curaduría Urbana No. 3 de Floridablanca"
NAV = (
    "<nav><ul><li><a href='/'>Inicio</a></li><li><a href='/nosotros.html'>La curaduría</a></li>"
    "<li><a href='/pqrs.html'>Radicación de PQRS</a></li><li><a href='/contactenos.html'>Contáctenos</a></li>"
    "</ul></nav>"
)
FOOTER = "<footer><p>Carrera 9 # 5-20, Floridablanca. Teléfono 607 555 0199.</p></footer>"


def _page(main: str) -> Resource:
    # every page's <title> is the entity's name: what each page is for is in its own headings
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>{FOOTER}</body></html>"
    )


ROUTES: dict[str, Resource] = {
    "/": _page("<h1>Bienvenidos</h1><p>Licencias de construcción y urbanismo en Floridablanca.</p>"),
    "/nosotros.html": _page("<h1>La curaduría</h1><p>El curador urbano estudia y expide licencias.</p>"),
    "/pqrs.html": _page(
        "<p>Inicio / Radicar PQRS</p><h2>Peticiones, quejas, reclamos, sugerencias y denuncias</h2>"
        "<p>Señor usuario: si su petición corresponde al proceso de licenciamiento, puede tramitarla con el "
        "formulario de radicación; la respuesta llega al correo que indique en los plazos de la Ley 1755 de "
        "2015.</p><form action='/radicar' method='post'><label>Nombre <input name='nombre'></label>"
        "<label>Correo <input name='correo' type='email'></label><label>Petición <textarea name='peticion'>"
        "</textarea></label><button type='submit'>Radicar petición</button></form>"
    ),
    "/contactenos.html": _page(
        "<h1>Contáctenos</h1><p>Horario de atención: lunes a viernes de 7:00 a.m. a 12:30 p.m.</p>"
        "<p>Atención a vecinos y terceros interesados: martes y jueves de 7:00 a.m. a 12:30 p.m.</p>"
    ),
}


def test_class_2830_the_pqrs_page_a_named_link_opens_before_the_contact_page(tmp_path):
    site = checklist_records(tmp_path, ROUTES, OFFLINE)
    rec = site[("gelt-2008", "interaccion.pqrsd")]
    assert rec["status"] == "cumple", rec
    assert rec["paths"][0] == "/pqrs.html", rec
