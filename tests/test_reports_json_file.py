"""Report files one kind wrote that the next copies: the JSON's contract part only when it was
encoded from the very same findings with the same members, a CSV table only when it is the
very same table object (made once from the findings for both kinds)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from gelt_audit.reports import csv_export, json_report
from gelt_audit.reports.json_file import write_report_json
from gelt_audit.reports.write import Built, Written, write_built


def _data(findings: dict, report: dict) -> dict:
    return {**json_report.build(findings), "report": report}


def _encoded(findings: dict, report: dict) -> str:
    return json_report.ENCODER.encode(_data(findings, report))


def test_the_second_kind_copies_the_contract_of_the_same_findings(tmp_path: Path):
    findings = {"pages": [{"url": "https://x.gov.co/á", "title": "Año «1»"}], "broken_count": 3}
    done = write_report_json(tmp_path / "a.json", _data(findings, {"kind": "weekly"}), findings, None)
    assert done is not None and done.end > 0
    written = write_report_json(tmp_path / "b.json", _data(findings, {"kind": "committee", "n": 2}), findings, done)
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == _encoded(findings, {"kind": "weekly"})
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == _encoded(findings, {"kind": "committee", "n": 2})
    assert written is not None and written.end == done.end


def test_other_findings_are_encoded_anew_not_copied(tmp_path: Path):
    first = {"pages": [{"url": "https://x.gov.co/a", "title": "A"}]}
    done = write_report_json(tmp_path / "a.json", _data(first, {"kind": "weekly"}), first, None)
    other = {"pages": [{"url": "https://x.gov.co/b", "title": "Otra"}]}  # another audit's findings
    write_report_json(tmp_path / "b.json", _data(other, {"kind": "committee"}), other, done)
    assert (tmp_path / "b.json").read_text(encoding="utf-8") == _encoded(other, {"kind": "committee"})
    same_but_changed = dict(first)  # an equal-looking copy is not the same findings either
    same_but_changed["pages"] = [{"url": "https://x.gov.co/a", "title": "cambiado"}]
    write_report_json(tmp_path / "c.json", _data(same_but_changed, {"kind": "x"}), same_but_changed, done)
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["pages"][0]["title"] == "cambiado"


def test_data_without_report_last_is_written_whole_and_not_offered_for_copy(tmp_path: Path):
    findings = {"broken_count": 1}
    data = {"report": {"kind": "weekly"}, **json_report.build(findings)}
    assert write_report_json(tmp_path / "a.json", data, findings, None) is None
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == json_report.ENCODER.encode(data)


def test_a_table_shared_by_two_kinds_is_copied_and_another_table_is_written_anew(tmp_path: Path):
    findings = {"broken_count": 0}
    rows = [["https://dev.local/á", "dev.local", "=HOJA()", 1.5]]
    shared = csv_export.CsvTable(["enlace", "servidor", "página", "n"], lambda: rows)
    other = csv_export.CsvTable(["enlace", "servidor", "página", "n"], lambda: [["b", "c", "d", 2.5]])
    done = Written()
    first = Built(
        "weekly", date(2026, 12, 5), "<p>", _data(findings, {"kind": "weekly"}), {"t": shared}, findings=findings
    )
    write_built(first, tmp_path, done)
    rows.append(["changed after the first write", "", "", 0])  # a copy keeps the bytes written first
    second = Built("committee", date(2026, 12, 5), "<p>", _data(findings, {"kind": "committee"}), {"t": shared, "u": other}, findings=findings)  # fmt: skip
    write_built(second, tmp_path, done)
    for stem in ("semanal-2026-12-05-t", "comite-2026-12-05-t"):
        plain = (tmp_path / f"{stem}.csv").read_bytes().decode("utf-8")
        assert plain == csv_export.to_csv(shared.header, rows[:1])
        assert (tmp_path / f"{stem}-excel.csv").read_bytes().decode("utf-8") == csv_export.to_csv(
            shared.header, rows[:1]
        ).excel
    assert (tmp_path / "comite-2026-12-05-u.csv").read_bytes().decode("utf-8") == other.text()
    assert (tmp_path / "comite-2026-12-05.json").read_text(encoding="utf-8") == _encoded(
        findings, {"kind": "committee"}
    )
