"""Word diffs in bounded time: every diff, coarse or fine, rebuilds the new text from the old."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from gelt_audit.audits import diffs
from gelt_audit.audits.diffs import cached_word_diff, opcodes_of, render_diff, word_diff
from gelt_audit.store import Store, text_hash

words = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "plazo", "vence", "2026"]), max_size=60)


def rebuilt(a: list[str], b: list[str], ops: list) -> list[str]:
    """Apply opcodes: equal runs must really be equal, and the result must be ``b``."""
    out: list[str] = []
    position = (0, 0)
    for op, i1, i2, j1, j2 in ops:
        assert (i1, j1) == position, "opcodes must tile both texts in order"
        if op == "equal":
            assert a[i1:i2] == b[j1:j2]
        out.extend(b[j1:j2])
        position = (i2, j2)
    assert position == (len(a), len(b))
    return out


@settings(max_examples=300)
@given(words, words)
def test_the_bounded_path_rebuilds_the_new_text(a, b):
    original = diffs.MAX_CELLS
    diffs.MAX_CELLS = 4  # force anchors, pieces and whole replacements on small inputs
    try:
        assert rebuilt(a, b, opcodes_of(a, b)) == b
    finally:
        diffs.MAX_CELLS = original


def test_unique_words_anchor_a_large_edit_so_it_stays_fine(monkeypatch):
    monkeypatch.setattr(diffs, "MAX_CELLS", 100)
    a = [f"p{n}" for n in range(400)]
    b = a[:150] + ["nuevo"] + a[150:300] + a[301:]
    ops = diffs._merge(opcodes_of(a, b))
    assert [op for op, *_ in ops] == ["equal", "insert", "equal", "delete", "equal"]
    assert rebuilt(a, b, ops) == b


def test_an_edit_with_nothing_to_anchor_is_reported_whole_not_slowly(monkeypatch):
    monkeypatch.setattr(diffs, "MAX_CELLS", 100)
    a = ["x", "y"] * 200
    b = ["y", "x"] * 200
    ops = opcodes_of(a, b)
    assert rebuilt(a, b, ops) == b
    assert len(ops) <= 3  # head, one replacement, tail


def test_small_edits_are_exactly_difflib():
    diff = word_diff("el plazo vence el 30 de diciembre", "el plazo vence el 15 de enero")
    assert render_diff(diff) == "el plazo vence el [-30-] {+15+} de [-diciembre-] {+enero+}"


def test_a_diff_is_computed_once_per_pair_of_bodies(tmp_path):
    with Store(tmp_path / "gelt.db") as store:
        for text in ("el plazo vence el 30", "el plazo vence el 15"):
            h = text_hash(text)
            store.db["bodies"].insert({"hash": h, "main_text": text}, alter=True)
        old, new = text_hash("el plazo vence el 30"), text_hash("el plazo vence el 15")
        first = cached_word_diff(store, old, new)
        store.flush_audits()
        [(result,)] = store.db.execute(
            "select result from body_audits where body_hash = ? and audit = 'word_diff'", [f"diff:{old}:{new}"]
        ).fetchall()
        store.db.execute("update bodies set main_text = 'otro texto' where hash = ?", [new])
        assert cached_word_diff(store, old, new) == json.loads(result)  # read back, not recomputed
    assert render_diff(first) == "el plazo vence el [-30-] {+15+}"
