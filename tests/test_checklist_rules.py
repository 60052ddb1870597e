"""The registry of checklist rule kinds documents itself: every kind has a docstring naming its
keys, every kind the bundled profiles use is registered, and docs/checklist-rules.md is what
the registry generates."""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path

import pytest

from gelt_audit.audits.checklist import CHECKLIST_DIR, load_checklist, rules, rules_doc
from gelt_audit.audits.checklist.load import ITEM_KEYS
from gelt_audit.audits.checklist.model import Item

ROOT = Path(__file__).resolve().parent.parent
PROFILES = sorted(CHECKLIST_DIR.glob("*.toml"))


def _kinds_in(data: dict) -> set[str]:
    """The rule kinds a profile file names, shortcuts (keywords, slugs) included."""
    found: set[str] = set()
    for item in data.get("items", []):
        for holder in [item, *item.get("parts", [])]:
            found |= {r["kind"] for r in holder.get("rules", [])}
            if "keywords" in holder:
                found |= {"title", "link_text"}
            if "slugs" in holder:
                found.add("url")
    return found


def test_the_bundled_profiles_are_found():
    assert {p.stem for p in PROFILES} >= {"gelt-2008", "ley1712-res1519"}


@pytest.mark.parametrize("kind", list(rules.KINDS))
def test_every_rule_kind_has_a_docstring_that_names_its_keys(kind):
    cls = rules.KINDS[kind]
    doc = inspect.getdoc(cls) or ""
    assert cls.__doc__ and len(doc.split()) >= 10, f"{kind}: sin docstring propio"
    assert cls.__doc__ is not rules.EvidenceKind.__doc__ and cls.__doc__ is not rules.VerdictKind.__doc__
    for key in cls.params:
        assert f"``{key}``" in doc, f"{kind}: el docstring no documenta la clave {key!r}"
    assert cls.criteria and set(cls.criteria) <= set(rules.Rule.__dataclass_fields__)


@pytest.mark.parametrize("kind", list(rules.KINDS))
def test_every_rule_kind_either_finds_evidence_or_decides_the_item(kind):
    cls = rules.KINDS[kind]
    if issubclass(cls, rules.EvidenceKind):
        assert cls.hits is not rules.EvidenceKind.hits
    else:
        assert issubclass(cls, rules.VerdictKind) and cls.verdict is not rules.VerdictKind.verdict


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_kind_the_bundled_profiles_use_is_registered(path):
    used = _kinds_in(tomllib.loads(path.read_text(encoding="utf-8")))
    assert used, f"{path.name}: no se encontró ninguna regla"
    assert used <= set(rules.KINDS), f"{path.name}: tipos sin registrar {sorted(used - set(rules.KINDS))}"
    loaded = {r.kind for item in load_checklist(path.stem).items for part in item.parts for r in part.rules}
    assert used <= loaded


def test_a_rule_of_an_unregistered_kind_is_refused_naming_the_registered_ones(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[profile]\nid = "bad"\n[[items]]\nid = "x.y"\nphase = "info"\nname = "X"\n'
        'rules = [{ kind = "magic", keywords = ["x"] }]\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="tipo de regla desconocido 'magic'; válidos: title, link_text, url"):
        load_checklist(bad)


def test_the_rule_kinds_page_is_generated_from_the_registry():
    page = (ROOT / "docs" / "checklist-rules.md").read_text(encoding="utf-8")
    assert page == rules_doc.documentation(), (
        "docs/checklist-rules.md desactualizado: python -m gelt_audit.audits.checklist --write"
    )
    for kind in rules.KINDS:
        assert f"## `{kind}`" in page


def test_every_item_field_is_a_documented_profile_key():
    """An Item field a profile sets is in ITEM_KEYS, whose meanings docs/checklist-rules.md lists."""
    from_keys = {"group": {"phase", "section"}, "parts": {"parts", "rules", "keywords", "slugs"}}
    for field in Item.__dataclass_fields__:
        keys = from_keys.get(field, {field})
        assert keys <= set(ITEM_KEYS), f"el campo {field!r} de un item no es una clave documentada"
    doc = rules_doc.documentation()
    for key, meaning in ITEM_KEYS.items():
        assert f"- `{key}`: {meaning}." in doc
