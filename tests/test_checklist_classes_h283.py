"""Classes of H283 (issue 15, evidence correctness: «the evidence page is the one a person would point
to»). Crawls on 127.0.0.1 through the real CLI, offline.

Class 2831: one notion of a file a file host keeps (``urls.is_shared_file``, the pattern of class 2701:
a Drive, Google Docs, OneDrive short link, Dropbox or SharePoint file in its viewer), read both by a
``document`` rule and by the evidence order (``ranking.offsite_file``, class 2471), where the order read
any address on those hosts (``ranking._FILE_HOSTS``). A shared folder is a list kept elsewhere, not one
file: named for the item, it is evidenced as another site's page named for the item is (first, then the
page that links it; class 2570, H257, measured that the tuning labels point to the outside page), while
a file there still follows the page that lists it (class 2471). A hospital's «Datos abiertos» page
linking its information management instruments as three Drive folders: ``ley1712.7.1`` starts with a
folder, then the page (without the rule: the page first, the folder read as a file).
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
