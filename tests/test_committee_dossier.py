"""The committee dossier: scores a reader can recompute from what is printed next to them, what
raises the score most, each item's requirement, norm, stored copy and «cumple desde», the
committee's declarations, and indicators that agree with their checklist item."""

from __future__ import annotations

import copy
import csv
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import lxml.html
import openpyxl
import pytest

from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.run import audit
from gelt_audit.config import load_config
from gelt_audit.reports import dossier, ita, matriz
from gelt_audit.reports.write import build, report_command
from gelt_audit.store import Store
from tests.test_reports import demo_workdir, text

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
FORMULA = re.compile(r"^\((?P<terms>.+)\) / (?P<den>[\d.,]+) = (?P<result>[\d.,]+) ?%$")


def number(es_co: str) -> float:
    """«1.234,5» → 1234.5"""
    return float(es_co.replace("\xa0", "").replace(".", "").replace(",", "."))


def recompute(formula: str, kind: str) -> tuple[float, float]:
    """The printed result of «(a × w + b × v) / d = r %» and the same computed from its terms,
    rounded to one decimal as the report rounds: ``ratio`` (weights complying × 1 + partial ×
    0,5, over the weight judged: a share, times 100) or ``mean`` (scores × weights / weights)."""
    m = FORMULA.match(" ".join(formula.split()))
    assert m, formula
    total = 0.0
    for term in m["terms"].split(" + "):
        value, weight = term.split(" × ")
        total += number(value) * number(weight)
    ratio = total / number(m["den"])
    return number(m["result"]), round(100 * ratio if kind == "ratio" else ratio, 1)


def check_printed_scores(doc: Any) -> int:
    """Every element with a printed score sits next to a formula that gives that very number."""
    checked = 0
    for el in doc.xpath("//*[@data-formula]"):
        printed, computed = recompute(text(el), el.get("data-formula"))
        assert printed == computed, text(el)
        score = el.getparent().xpath("./*[@data-score]")
        if score and score[0].get("data-score"):
            shown = text(score[0]).rstrip("%").strip()
            assert number(shown) == printed, (text(score[0]), text(el))
        checked += 1
    return checked


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = demo_workdir(tmp_path_factory)
    config = load_config(directory / "gelt.toml")
    with Store(config.store_path) as store:
        findings = audit(store, config)
    (committee,) = build(config, ["committee"], now=NOW, findings=findings, remember=False)
    return {"config": config, "findings": findings, "html": committee.html, "doc": lxml.html.fromstring(committee.html)}


def test_every_printed_score_is_recomputed_from_its_formula(demo):
    doc = demo["doc"]
    assert check_printed_scores(doc) >= 3 + 6 + 8  # 3 headline scores, 6 GEL-T groups, Ley 1712 sections
    resumen = text(doc.xpath("//section[@id='resumen']")[0])
    # GEL-T's five phases and its action plan apart; the plan's own group is not a sixth phase.
    assert "GEL-T 2008 · cinco fases" in resumen and "GEL-T 2008 · plan de acción del municipio" in resumen
    five = doc.xpath("//section[@id='resumen']//div[contains(@class, 'score-card')][1]//*[@data-formula]")[0]
    assert text(five).count(" × ") == 5


def test_the_engine_and_the_report_score_alike(demo):
    """The report's recomputation (dossier.rescore) gives the checklist engine's numbers, and the
    engine exposes the terms: weights per status, earned and possible."""
    findings = demo["findings"]
    for profile, entry in findings["checklist_scores"].items():
        rows = [r for r in findings["checklist"] if r["profile"] == profile]
        again = dossier.rescore(rows, entry)
        assert again["overall"] == entry["overall"]
        for gid, g in entry["groups"].items():
            assert again["groups"][gid]["score"] == g["score"]
            assert g["possible"] == sum(g["weights"].values())
            assert g["earned"] == g["weights"]["cumple"] + entry["parcial_value"] * g["weights"]["parcial"]
    gelt = findings["checklist_scores"]["gelt-2008"]
    phases = [g["score"] for gid, g in gelt["groups"].items() if gid != "plan"]
    assert gelt["phases_score"] == round(sum(phases) / len(phases), 1)
    assert gelt["plan_score"] == gelt["groups"]["plan"]["score"]
    assert findings["checklist_scores"]["ley1712-res1519"]["plan_score"] is None
    cards = {
        c["key"]: c["score"] for c in dossier.score_cards(findings["checklist"], findings["checklist_scores"], None)
    }
    assert cards["phases"] == gelt["phases_score"] and cards["plan"] == gelt["plan_score"]


def test_what_raises_the_score_most(demo):
    gains = dossier.gains(demo["findings"]["checklist"], demo["findings"]["checklist_scores"])
    # The only judged item of the transformation phase: fixing it takes the phase from 0 to 100 %,
    # a fifth of the five phases' score.
    assert gains[0]["item"] == "transformacion.ventanilla_unica" and gains[0]["gain"] == 20.0
    assert [g["gain"] for g in gains] == sorted((g["gain"] for g in gains), reverse=True)
    shown = text(demo["doc"].xpath("//section[@id='resumen']")[0])
    assert "Lo que más sube el puntaje" in shown and "+20 puntos en GEL-T 2008 · cinco fases: Ventanilla" in shown


def test_executive_page_lists_what_fails_with_its_norm_and_the_signature_block(demo):
    resumen = demo["doc"].xpath("//section[@id='resumen']")[0]
    failing = resumen.xpath(".//table[@id='no-cumple']/tbody/tr")
    expected = [r for r in demo["findings"]["checklist"] if r["status"] in ("no_cumple", "parcial")]
    assert len(failing) == len(expected)
    norms = {r["item"]: r.get("legal_basis") for r in demo["findings"]["checklist"]}
    glosario = next(r for r in failing if "Glosario" in text(r))
    norm = norms["info.glosario"].split(";")[0]  # the first norm; the list gives the whole basis
    assert norm and norm in text(glosario) and "todo el sitio" in text(glosario)
    ejecucion = next(r for r in failing if "Ejecución presupuestal" in text(r))
    assert "Secretaría de Hacienda" in text(ejecucion)  # the dependencia of its evidence page
    words = text(resumen)
    for label in ("Revisado por", "Cargo", "Fecha", "Firma", "Alcance y límites", "1 ítem perdido (Glosario)"):
        assert label in words
    assert "1 parciales" not in demo["html"] and "1 cumplen" not in demo["html"]


def test_indicator_shares_its_checklist_items_status_and_evidence(demo):
    rows = demo["doc"].xpath("//section[@id='indicadores']//tbody/tr")
    allied = next(r for r in rows if "entidades aliadas" in text(r))
    item = next(r for r in demo["findings"]["checklist"] if r["item"] == "plan.entidades_aliadas")
    assert item["status"] == "parcial"
    assert "Parcial" in text(allied.xpath("./td")[3]) and "sin evaluar" not in text(allied)
    assert item["evidence"][0] in allied.xpath("./td[5]//a/@href")


def test_undeclared_items_read_one_thing_and_say_how_to_declare(demo):
    doc = demo["doc"]
    intranet = next(r for r in doc.xpath("//section[@id='lista']//table[contains(@class,'items')]/tbody/tr")
                    if "transformacion.intranet" in text(r))  # fmt: skip
    status = text(intranet.xpath("./td")[1])
    assert "Por declarar" in status and "declarado por el comité" not in status
    how = text(doc.xpath("//h3[@id='declarar']/following-sibling::p[1]")[0])
    assert "Intranet" in how and "[checklist] manual" in how
    example = doc.xpath("//h3[@id='declarar']/following-sibling::pre[1]")[0].text_content().splitlines()
    assert example[0] == '[items."transformacion.intranet"]' and len(example) == 3


def test_stored_copies_and_legal_basis_from_the_record_are_rendered_and_checked(demo):
    findings = copy.deepcopy(demo["findings"])
    row = next(r for r in findings["checklist"] if r["item"] == "info.mision_vision")
    url = row["evidence"][0]
    row["legal_basis"] = "Res. MinTIC 1519 de 2020, Anexo 2, numeral 1.1"
    row["requires"] = "Misión y visión publicadas"
    row["evidence_copies"] = [
        {"url": url, "fetched_at": "2026-11-24T15:00:00+00:00", "copy": "evidencia/mision-1.html"},
        {"url": row["evidence"][1], "copy": "javascript:alert(1)"},  # not a path the evidence module writes
    ]
    (built,) = build(demo["config"], ["committee"], now=NOW, findings=findings, remember=False)
    doc = lxml.html.fromstring(built.html)
    tr = next(r for r in doc.xpath("//section[@id='anexo-cumple']//tbody/tr") if "info.mision_vision" in text(r))
    assert "Norma: Res. MinTIC 1519 de 2020, Anexo 2, numeral 1.1" in text(tr)
    assert "Exige: Misión y visión publicadas" in text(tr)
    assert tr.xpath(".//a[@class='copy']/@href") == ["evidencia/mision-1.html"]
    assert "copia guardada (24 nov 2026)" in text(tr) and "javascript" not in built.html.split("<main>")[1]


def test_complies_since_is_the_start_of_the_current_run():
    history = [
        (1, date(2026, 9, 1), {"p|a": "cumple", "p|b": "cumple"}),
        (2, date(2026, 10, 1), {"p|a": "no_cumple", "p|b": "cumple"}),
        (3, date(2026, 11, 1), {"p|a": "cumple", "p|b": "cumple"}),
    ]
    assert dossier.complies_since(history, "p|a") == (date(2026, 11, 1), False)  # lost in October
    assert dossier.complies_since(history, "p|b") == (date(2026, 9, 1), True)  # since the oldest stored
    assert dossier.complies_since(history, "p|c") == (None, False)


def test_running_header_text_cannot_leave_its_css_string():
    escaped = dossier.css_string('Alcaldía "x"; } </style><script>')
    assert re.fullmatch(r"[A-Za-z0-9\\]*", escaped)
    assert "\\0000ed" in escaped and "\\00003c" in escaped


# -- the national review's matrix -----------------------------------------------------------------------
def test_matrix_export_reads_back_as_the_reviews_rows(demo, tmp_path):
    findings = demo["findings"]
    listing = report_command(demo["config"], "committee", "matriz", tmp_path, None, now=NOW)
    xlsx, table = (Path(p) for p in listing.splitlines())
    assert xlsx.name == "comite-2026-11-24-matriz.xlsx" and table.name == "comite-2026-11-24-matriz.csv"
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Ley 1712 - Res. 1519", "GEL-T 2008"]
    sheet = book["Ley 1712 - Res. 1519"]
    head, *rows = [[c if c is not None else "" for c in r] for r in sheet.iter_rows(values_only=True)]
    assert head == list(matriz.HEADER)
    items = [r for r in findings["checklist"] if r["profile"] == "ley1712-res1519"]
    assert [r[1] for r in rows] == [r["item"] for r in items]
    answers = {r[1]: r for r in rows}
    expected = {"cumple": "SÍ", "parcial": "NO", "no_cumple": "NO", "no_aplica": "N.A.", "manual": ""}
    for item in items:
        row = answers[item["item"]]
        assert row[3] == expected[item["status"]], item
        assert row[4] == (item["evidence"][0] if item["evidence"] else "")
    ejecucion = answers["ley1712.4.2"]
    assert ejecucion[0] == "4.2" and ejecucion[3] == "NO" and ejecucion[8].startswith("Parcial. falta el periodo")
    assert sheet["E2"].hyperlink.target == rows[0][4]
    # The CSV is the same sheet, split on «;» as Excel set for Colombia splits it.
    raw = table.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert parsed[0] == list(matriz.HEADER) and [r[1] for r in parsed[1:]] == [r["item"] for r in items]


def test_matrix_cells_never_run_as_formulas_and_only_evidence_folder_copies(demo):
    findings = copy.deepcopy(demo["findings"])
    row = next(r for r in findings["checklist"] if r["profile"] == "ley1712-res1519")
    row["detail"] = '=HYPERLINK("http://evil.example/","x")'
    row["evidence_copies"] = [{"url": row["evidence"][0], "copy": "evidencia/menu-1.html"}]
    other = next(r for r in findings["checklist"] if r["profile"] == "ley1712-res1519" and r is not row)
    other["evidence_copies"] = [{"url": "x", "copy": "../../etc/passwd"}]
    book = openpyxl.load_workbook(io.BytesIO(matriz.xlsx_bytes(findings)))
    cells = [c for r in book.worksheets[0].iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert not [c for c in cells if c.startswith("=")]
    assert "evidencia/menu-1.html" in cells and "../../etc/passwd" not in cells


# -- annexes shaped like the review's questions ----------------------------------------------------------
def test_accessibility_annex_answers_the_reviews_questions(demo):
    rows = demo["doc"].xpath("//table[@id='ita-accesibilidad']/tbody/tr")
    by = {text(r.xpath("./td")[0]): r for r in rows}
    lang = [a for a in demo["findings"]["accessibility"] if a["criterion"] == "3.1.1"]
    assert lang and "✕ NO" in text(by["3.1.1"].xpath("./td")[2])
    example = by["3.1.1"].xpath("./td[5]")[0]
    assert (
        set(example.xpath(".//a/@href")) <= {a["url"] for a in lang}
        and example.xpath(".//a")
        and example.xpath(".//code")
    )
    assert "revisión manual" in text(by["2.1.1"])  # keyboard use: no crawler can tell
    assert "✓ SÍ" in text(by["2.4.2"]) and "en todas las páginas" in text(by["2.4.2"])


def test_a_template_problem_is_counted_once_with_its_pages():
    findings = {
        "accessibility": [
            {"url": f"https://x.gov.co/p{i}", "criterion": "1.1.1", "element": "header > img", "detail": "logo sin alt"}
            for i in range(199)
        ]
        + [{"url": "https://x.gov.co/p1", "criterion": "1.1.1", "element": "main img", "detail": "foto sin alt"}],
    }
    q = {r["criterion"]: r for r in ita.accessibility_questions(findings)}["1.1.1"]
    assert q["answer"] == "NO" and q["problems"] == 2 and q["findings"] == 200 and q["pages"] == 199
    assert q["template"] == [
        {
            "element": "header > img",
            "detail": "logo sin alt",
            "url": "https://x.gov.co/p0",
            "pages": 199,
            "template": True,
        }
    ]


def test_security_controls_in_spanish_with_the_technical_term(demo):
    rows = [text(r.xpath("./td")[0]) for r in demo["doc"].xpath("//table[@id='ita-seguridad']/tbody/tr")]
    checks = {x["check"] for x in demo["findings"]["security"]}
    assert len(rows) == len(checks)
    assert "Formularios que envían datos personales sin cifrar (formulario sin HTTPS)" in rows
    assert all(re.search(r"\(.+\)$", r) for r in rows) and "formulario-inseguro" not in " ".join(rows)


def test_committee_items_csv_carries_requirement_norm_and_source(demo):
    (built,) = build(demo["config"], ["committee"], now=NOW, findings=demo["findings"], remember=False)
    head, *rows = list(csv.reader(io.StringIO(built.csv["items"].lstrip("\ufeff"))))
    assert head[-3:] == ["exige", "norma", "copia guardada"]
    by = {r[2]: dict(zip(head, r, strict=True)) for r in rows}
    glosario = {i.id: i for i in load_checklist("gelt-2008").items}["info.glosario"]
    assert by["info.glosario"]["exige"] == glosario.requires and by["info.glosario"]["norma"] == glosario.legal_basis
    assert by["transformacion.intranet"]["fuente"] == "por declarar"  # not «declarado por el comité»
    assert by["ley1712.1.14"]["fuente"] == "automático"  # the profile's standing «no aplica»


def test_an_item_that_could_not_be_verified_reads_sin_verificar_and_leaves_the_score(demo):
    findings = copy.deepcopy(demo["findings"])
    row = next(r for r in findings["checklist"] if r["item"] == "plan.entidades_aliadas")
    row["status"], row["detail"] = "sin_verificar", "los sitios enlazados no respondieron desde aquí"
    (built,) = build(demo["config"], ["committee"], now=NOW, findings=findings, remember=False)
    doc = lxml.html.fromstring(built.html)
    tr = next(r for r in doc.xpath("//section[@id='lista']//tbody/tr[td]") if "plan.entidades_aliadas" in text(r))
    assert "Sin verificar" in text(tr.xpath("./td")[1])
    plan = next(
        c for c in dossier.score_cards(findings["checklist"], findings["checklist_scores"], None) if c["key"] == "plan"
    )
    assert plan["formula"] == "(14 × 1 + 1 × 0,5) / 15 = 96,7%"  # out of the denominator, like «por declarar»
    assert check_printed_scores(doc) >= 17
