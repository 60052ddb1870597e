"""bench/label_agreement.py: agreement of two labellers on two tiny label files (H162, issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench import label_agreement

ROOT = Path(__file__).resolve().parents[1]

PROFILE = """
[profile]
id = "gelt-2008"
group_key = "phase"

[[items]]
id = "info.a"
phase = "info"

[[items]]
id = "info.manual"
phase = "info"
manual = true

[[items]]
id = "info.exento"
phase = "info"
no_aplica = "motivo legal"

[[items]]
id = "plan.d"
phase = "plan"

[[items]]
id = "info.e"
phase = "info"

[[items]]
id = "info.f"
phase = "info"

[[items]]
id = "info.g"
phase = "info"

[[items]]
id = "info.h"
phase = "info"

[[items]]
id = "info.i"
phase = "info"
"""

FIRST = """
site = "tiny"
["gelt-2008"]
"info.a" = ["cumple", "/x/index.html"]
"info.e" = ["parcial", "*"]
"info.f" = ["no_aplica"]
"info.i" = ["cumple", "/p"]
"plan.d" = ["cumple", "*"]
"""

SECOND = """
site = "tiny"
["gelt-2008"]
"info.a" = ["parcial", "/x/"]
"info.g" = ["cumple", "/y"]
"info.i" = ["cumple", "/q"]
"info.manual" = ["cumple", "/m"]
"""


@pytest.fixture()
def files(tmp_path):
    """A one-profile folder and two label files of the same tiny site."""
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "gelt-2008.toml").write_text(PROFILE, encoding="utf-8")
    (profiles / "ley1712-res1519.toml").write_text(
        '[profile]\nid = "ley1712-res1519"\ngroup_key = "section"\n\n[[items]]\nid = "ley1712.menu"\nsection = "sitio"\n',
        encoding="utf-8",
    )
    first, second = tmp_path / "tiny.first.toml", tmp_path / "tiny.second.toml"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return profiles, first, second


def test_two_tiny_label_files_give_the_counts_worked_by_hand(files):
    """Six items compared (manual, profile no_aplica and plan left out); unlisted = no_cumple."""
    profiles, first, second = files
    ids = label_agreement.profile_items("gelt-2008", profiles)
    assert ids == ["info.a", "info.e", "info.f", "info.g", "info.h", "info.i"]
    tally = label_agreement.compare(
        label_agreement.load_labels(first)["gelt-2008"], label_agreement.load_labels(second)["gelt-2008"], ids
    )
    assert tally.items == 6
    assert tally.exact_agree == 2  # info.h (both unlisted) and info.i
    assert tally.binary == 5  # info.f is no_aplica for the first: neither found nor not found
    assert tally.found_agree == 3  # a (both found), h (neither), i (both)
    assert (tally.first_found, tally.second_found, tally.both_found) == (3, 3, 2)
    assert tally.evidence_shared == 1  # a: /x/index.html is /x/; i: /p and /q share nothing
    assert (tally.judged_both, tally.judged_shared) == (2, 1)
    # observed 0.6, chance 0.6 * 0.6 + 0.4 * 0.4 = 0.52: kappa = 0.08 / 0.48
    assert tally.kappa() == pytest.approx(0.08 / 0.48)
    assert [(i, a, b) for _, i, a, b in tally.disagreements] == [
        ("info.a", "cumple", "parcial"),
        ("info.e", "parcial", "no_cumple"),
        ("info.f", "no_aplica", "no_cumple"),
        ("info.g", "no_cumple", "cumple"),
        ("info.i", "cumple", "cumple (sin evidencia común)"),
    ]


def test_the_table_prints_each_pair_and_the_pool(files, capsys):
    """The command line prints the Markdown row the counts above make, and the disagreements."""
    profiles, first, second = files
    assert label_agreement.main([f"{first}:{second}", f"{first}:{first}", "--profiles", str(profiles), "--items"]) == 0
    out = capsys.readouterr().out
    assert (
        "| tiny | 6 | 0.600 (3/5) | 0.333 (2/6) | 0.500 (1/2) | 0.500 (1/2) | 0.167 | 0.667 (2/3) | 0.667 (2/3) |"
        in out
    )
    # a file against itself agrees on everything; kappa is defined (both found and not found occur)
    assert (
        "| tiny | 6 | 1.000 (5/5) | 1.000 (6/6) | 1.000 (3/3) | 1.000 (2/2) | 1.000 | 1.000 (3/3) | 1.000 (3/3) |"
        in out
    )
    assert "| **todos** | 12 | 0.800 (8/10) | 0.667 (8/12) |" in out
    assert "- tiny info.g: no_cumple ≠ cumple" in out


def test_the_real_profiles_give_the_item_set_labellers_label():
    """47 automatic gelt-2008 items and 59 of ley1712-res1519: no manual, plan or profile no_aplica item."""
    gelt = label_agreement.profile_items("gelt-2008")
    ley = label_agreement.profile_items("ley1712-res1519")
    assert (len(gelt), len(ley)) == (47, 59)
    assert "transformacion.intranet" not in gelt and not any(i.startswith("plan.") for i in gelt)
    assert "ley1712.1.14" not in ley and "ley1712.menu" in ley


def test_the_script_never_imports_the_engine(files):
    """Labels written before the engine ran are compared without loading it."""
    profiles, first, second = files
    code = (
        "import sys; from bench import label_agreement as m; "
        f"m.main([{str(first)!r} + ':' + {str(second)!r}, '--profiles', {str(profiles)!r}]); "
        "assert not [n for n in sys.modules if n.split('.')[0] == 'gelt_audit'], 'engine imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "| tiny |" in result.stdout
