"""The words a regex cannot match without, asked of a page's text before the regex (H250, issue 21).

``literals.required`` reads from a regex's parse tree the words one of which (per clause) is in any
text it matches; ``literals.Prefiltered`` searches only texts that have them, and the checklist asks
the profiles' regexes so (``text._compiled``); ``pending.may_be_pending`` asks a page's folded text
for a pending notice's words before reading each entry. Both only skip work: the answers must be
the regex's own.

Class 2500: a form's privacy notice whose only word of the regex's last alternation is «1581»
(«… según la Ley 1581 de 2012») is still the privacy notice (class 2422): ``info.politica_privacidad``
``parcial`` with the form's page. Class 2501: an entry marked «Información por publicar» (the clause's
word « por publicar», spaces and all) is named and empty (class 2161). Through the real CLI, one crawl.

``test_class_2500_…`` fails when the clause of an alternation keeps only its first alternative's
words (checked: ``_branch`` returning the first alternative's clause: ``no_cumple``; the three other
tests fail with it too); ``test_class_2501_…`` fails when ``may_be_pending`` asks only for «pendiente»
(checked: no record quotes «Información por publicar»); ``test_prefiltered_answers_as_the_regex`` and
``test_required_reads_the_words_a_match_needs`` fail when a repeat of at least zero times requires its
words (checked: ``low >= 0``).
"""

from __future__ import annotations

import random
import re

import pytest

from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist.literals import Prefiltered, required
from gelt_audit.audits.checklist.parse import probe, text_rules
from gelt_audit.audits.checklist.pending import _NOTICE
from gelt_audit.audits.checklist.text import PATTERNS
from gelt_audit.demo.server import Resource, SiteServer
from tests.helpers import crawl, report_json, write_config

OFFLINE = "[links]\ncheck_external = false\n"
ENTITY = "Institución Educativa Rural La Esperanza"
ENTRIES = (("/", "Inicio"), ("/contacto.html", "Contáctenos"), ("/documentos.html", "Documentos"))
NAV = "<nav><ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in ENTRIES) + "</ul></nav>"


def _html(title: str, main: str) -> Resource:
    return Resource.html(
        f"<!doctype html><html lang='es'><head><meta charset='utf-8'><title>{title} | {ENTITY}</title></head>"
        f"<body><header><p>{ENTITY}</p>{NAV}</header><main>{main}</main>"
        "<footer><p>Vereda El Carmen, kilómetro 4. Teléfono 604 555 0199.</p></footer></body></html>"
    )


CONTACT_FORM = (
    "<h1>Contáctenos</h1><form method='post' action='/enviar'><label>Nombre</label><input name='nombre'>"
    "<label>Correo</label><input name='correo' type='email'><label>Mensaje</label><textarea name='mensaje'>"
    "</textarea><p>Los datos personales aquí suministrados serán tratados según la Ley 1581 de 2012.</p>"
    "<input type='submit' value='Enviar'></form>"
)
ROUTES = {
    "/": _html(
        "Inicio",
        "<h1>Bienvenidos</h1><p>La institución ofrece preescolar, básica y media a los niños y jóvenes de"
        " la vereda y sus alrededores, con jornada única y transporte escolar.</p>",
    ),
    "/contacto.html": _html("Contáctenos", CONTACT_FORM),
    "/documentos.html": _html(
        "Documentos institucionales",
        "<h2>Documentos institucionales</h2><ul>"
        "<li><strong>Proyecto Educativo Institucional</strong> <a href='/docs/pei.pdf'>Descargar</a></li>"
        "<li><strong>Informe de gestión 2025</strong> — Información por publicar</li></ul>",
    ),
    "/docs/pei.pdf": Resource(b"%PDF-1.4\n%%EOF\n", headers={"Content-Type": "application/pdf"}),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The school's site crawled once by the real CLI: the checklist records by (profile, item)."""
    server = SiteServer(ROUTES).start()
    try:
        config = write_config(tmp_path_factory.mktemp("h250"), server.url, OFFLINE)
        crawl(config)
        origin = server.url.rstrip("/")
        records = {}
        for rec in report_json(config)["checklist"]:
            rec["paths"] = [u[len(origin) :] if u.startswith(origin) else u for u in rec["evidence"]]
            records[(rec["profile"], rec["item"])] = rec
        return records
    finally:
        server.stop()


def test_class_2500_a_privacy_notice_citing_the_law_alone_is_found(site):
    rec = site[("gelt-2008", "info.politica_privacidad")]
    assert rec["status"] == "parcial", rec
    assert rec["paths"][0] == "/contacto.html", rec


def test_class_2501_an_entry_to_be_published_is_named_and_empty(site):
    found = [
        rec
        for rec in site.values()
        if "«Información por publicar»" in rec["detail"] and "/documentos.html" in rec["paths"]
    ]
    assert found, sorted((k, r["status"]) for k, r in site.items() if "/documentos.html" in r["paths"])
    assert all(rec["status"] == "parcial" for rec in found), found


def _regexes() -> list[str]:
    """The profiles' regexes, the named patterns and the pending notice, and a few of every shape."""
    rules = text_rules([load_checklist("gelt-2008"), load_checklist("ley1712-res1519")])
    found = [rx for q in dict.fromkeys(probe(r) for r in rules) for rx in q[3]]
    found += [rx.pattern for rxs in PATTERNS.values() for rx in rxs] + [_NOTICE.pattern]
    return found + [
        r"abc(?:def|ghi)+xyz",
        r"(?:uno|dos)?tres",
        r"(?:cuatro)*cinco|seis",
        r"(?i:siete)ocho",
        r"(?i)nueve",
        r"diez(?=once)doce",
        r"(?:trece|catorce\d|quince\s+diez)[ab]veinte",
    ]


def _texts(pattern: str, rng: random.Random) -> list[str]:
    """Texts made of a pattern's own words and pieces (so that some match and some miss by one word)."""
    words = re.findall(r"[a-z0-9@]{2,}", pattern) + ["1581", "ley", " ", "  ", "\n", "de", "ña", "."]
    out = []
    for _ in range(300):
        pieces = rng.choices(words, k=rng.randint(1, 14))
        out.append("".join(p + rng.choice(("", " ", "  ", "-", ": ")) for p in pieces))
    return out


def test_prefiltered_answers_as_the_regex():
    rng = random.Random(2500)
    for pattern in _regexes():
        plain = re.compile(pattern)
        filtered = Prefiltered(plain, required(pattern))
        for text in _texts(pattern, rng):
            assert bool(filtered.search(text)) == bool(plain.search(text)), (pattern, text)


def test_required_reads_the_words_a_match_needs():
    privacy = next(rx for rx in _regexes() if rx.startswith(r"\b(?:datos|informacion)"))
    assert required(privacy)[0] == frozenset({"datos", "informacion"})
    assert frozenset({"1581", "confidencial", "habeas", "reservad"}) in required(privacy)
    assert required(r"(?i)nueve") == ()  # no word is required as written
    assert required(r"(?:uno|dos)?tres(?:cuatro)*") == (frozenset({"tres"}),)
