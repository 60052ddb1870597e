"""A hostile page's one long word does not stall the audit (crawled pages are hostile input).

The checklist reads e-mail addresses in a page's text (its contact data, the judicial-notifications
address, the «empty page» reading). Written as an unbounded run of address characters before «@»,
each such expression was tried from every position of a long word: quadratic. A 60,000-character
word (random bytes written as hex, as the full-disk test serves once content after ``</html>`` is
read) made ``report`` run past two minutes on a four-page site. Now an address is read from the start
of its word, its local part at most 64 characters (RFC 5321), and the same page is audited at once.

``test_a_page_made_of_one_huge_word_is_audited_and_its_real_address_still_read`` fails without the
bound (checked: the report of the 200,000-character words timed out after 120 s in ``run_cli``).
It asserts no time: the old expressions would need hours on these words, the new ones milliseconds.
"""

from __future__ import annotations

import random

from tests.helpers import checklist_records, page

WORD = random.Random(21).randbytes(100_000).hex()  # 200,000 address characters, no «@»


def test_a_page_made_of_one_huge_word_is_audited_and_its_real_address_still_read(tmp_path) -> None:
    routes = {
        "/": page("Inicio", "<p>Bienvenidos.</p>", ("/contacto", "/ruido")),
        "/contacto": page(
            "Contacto",
            f"<p>{WORD}</p><p>Notificaciones judiciales: {WORD} notificacionesjudiciales@alcaldia.gov.co</p>",
        ),
        "/ruido": page("Ruido", f"<p>{WORD}</p>"),
    }
    records = checklist_records(tmp_path, routes, "[links]\ncheck_external = false\n")
    judicial = records[("gelt-2008", "info.notificaciones_judiciales")]
    # the real address after the huge word is still the judicial-notifications address
    assert judicial["status"] == "cumple" and judicial["paths"][0] == "/contacto", judicial
