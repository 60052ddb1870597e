"""A file OneDrive shows in its own viewer is a file kept elsewhere (the lead, twenty-seventh session;
H283's leftover). Crawls on 127.0.0.1 through the real CLI, offline.

Class 2831 (H283) made one notion of a file host's file (``urls.is_shared_file``, class 2701's
pattern) for the document rules and the evidence order; the order's old host list knew
``onedrive.live.com`` and the pattern knew only its short links (``1drv.ms``), so a «Formulario …» kept
as a Word file in OneDrive's viewer (``onedrive.live.com/view.aspx?resid=…``) stopped being a document.
OneDrive's viewer, editor and download pages open one file; its ``/?id=…`` pages open folders too and
stay no document (the control). Seen failing without the pattern's OneDrive line: the town's
``interaccion.formularios`` ``no_cumple``.
"""

from __future__ import annotations

import pytest

from tests.helpers import checklist_records
from tests.test_checklist_classes_h256 import OFFLINE
from tests.test_checklist_classes_h270 import TOWN, TOWN2, TOWN2_ROUTES, TOWN_ROUTES, _entry, _forms

ONEDRIVE_FILE = "https://onedrive.live.com/view.aspx?resid=4A1B2C3D4E5F6A7B!123&ithint=file%2cdocx&authkey=!AbCdEf"
ONEDRIVE_FOLDER = "https://onedrive.live.com/?authkey=%21AB&id=4A1B2C3D4E5F6A7B%21456&cid=4A1B2C3D4E5F6A7B"


@pytest.fixture(scope="module")
def town(tmp_path_factory) -> dict[tuple[str, str], dict]:
    routes = {
        **TOWN_ROUTES,
        "/formatos.html": _forms(TOWN, _entry(ONEDRIVE_FILE, "Formulario de inscripción a procesos de participación.")),
    }
    return checklist_records(tmp_path_factory.mktemp("onedrive-file"), routes, OFFLINE)


@pytest.fixture(scope="module")
def town2(tmp_path_factory) -> dict[tuple[str, str], dict]:
    routes = {**TOWN2_ROUTES, "/formatos.html": _forms(TOWN2, _entry(ONEDRIVE_FOLDER, "Formularios"))}
    return checklist_records(tmp_path_factory.mktemp("onedrive-folder"), routes, OFFLINE)


def test_a_onedrive_file_named_as_a_form_is_a_downloadable_form(town) -> None:
    rec = town[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] != "no_cumple", rec
    assert ONEDRIVE_FILE in rec["paths"], rec


def test_control_a_onedrive_folder_is_no_document(town2) -> None:
    rec = town2[("gelt-2008", "interaccion.formularios")]
    assert rec["status"] == "no_cumple", rec
