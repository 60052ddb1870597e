"""The docs cite the tests that prove what they say: every cited test exists, and the figures of
docs/RELIABILITY.md («Cifras») are those of its table and of the cited files.

A doc that names a test which was renamed or removed promises something nothing checks any more.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"\b(test_[a-z0-9_]+\.py)::([A-Za-z0-9_]+)")


def _docs() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _defines(source: str, name: str) -> bool:
    return re.search(rf"^(?:    )?(?:async )?def {re.escape(name)}\(", source, re.M) is not None


def test_every_test_a_doc_cites_exists():
    missing = []
    for doc in _docs():
        for file, name in set(CITED.findall(doc.read_text(encoding="utf-8"))):
            path = ROOT / "tests" / file
            if not path.exists() or not _defines(path.read_text(encoding="utf-8"), name):
                missing.append(f"{doc.name}: {file}::{name}")
    assert not missing, sorted(missing)


def _reliability() -> str:
    return (ROOT / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")


def _figure(doc: str, label: str) -> str:
    found = re.search(rf"^\| {re.escape(label)} \| ([^|]+) \|", doc, re.M)
    assert found, label
    return found.group(1).strip()


def test_reliability_counts_its_table_rows():
    doc = _reliability()
    table = doc.split("## Tabla", 1)[1].split("## Lo que queda fuera", 1)[0]
    rows = [
        line
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith("| caso") and not set(line) <= set("|- ")
    ]
    assert int(_figure(doc, "casos (filas de las tablas)")) == len(rows)
    # a row is «se cumple» when its last column says «sí» (some add when the test is skipped: no root)
    assert int(_figure(doc, "casos que se cumplen (con una prueba que lo afirma)")) == sum(
        1 for row in rows if re.search(r"\| sí(?: \([^|]*\))? \|$", row.rstrip())
    )


def test_reliability_counts_the_test_functions_of_the_files_it_cites():
    doc = _reliability()
    stated = _figure(doc, 'funciones de prueba en los archivos citados (`grep -c "^def test_"`)')
    total, listing = stated.split(":", 1)
    per_file = dict(re.findall(r"`(test_[a-z0-9_]+\.py)` (\d+)", listing))
    cited = {file for file, _name in CITED.findall(doc)}
    assert set(per_file) == cited
    for file, count in per_file.items():
        source = (ROOT / "tests" / file).read_text(encoding="utf-8")
        assert len(re.findall(r"^def test_", source, re.M)) == int(count), file
    assert sum(int(n) for n in per_file.values()) == int(total)
