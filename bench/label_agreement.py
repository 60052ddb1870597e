"""How far two people who label the same checklist-corpus site agree (issue 15, H162).

    python bench/label_agreement.py FIRST.toml:SECOND.toml [MORE_A.toml:MORE_B.toml ...] [--items]

Each file has the format of tests/fixtures/checklist-corpus/<site>/labels.toml: one table per
profile, ``item = [status, evidence...]``, and every automatic item it does not list is expected
``no_cumple``. The items compared are the profile's automatic items, read from the profile TOML
files (not ``manual``, not the plan level, not ``no_aplica`` in the profile), the same set a
labeller labels. For each profile, each pair of files and all the pairs together it prints:

- found: how often both say found (``cumple`` or ``parcial``) or both say not found (``no_cumple``);
- exact: how often both give the same status;
- evidence: of the items both call found, how many share at least one accepted evidence URL
  (``"*"``, «any page», shares with everything); and the same over the items where neither
  labeller wrote ``"*"``, the only ones whose evidence is really compared;
- kappa: Cohen's kappa for found / not found (agreement beyond what two labellers with the same
  found rates would reach by chance);
- the second labeller's precision and recall against the first, as measure.py scores the engine
  against the labels (found = cumple or parcial): what a perfect copy of one person scores against
  the other.

An item either labeller marks ``no_aplica`` counts in «exact» only (it is neither found nor not
found). ``--items`` also lists every disagreement. The script reads TOML only: it never imports the
engine, so it can compare labels written before the engine ran.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE_DIR = ROOT / "gelt_audit" / "audits" / "checklists"
PROFILES = ("gelt-2008", "ley1712-res1519")
FOUND = frozenset({"cumple", "parcial"})
NOT_JUDGED = "*"


def profile_items(profile: str, directory: Path = PROFILE_DIR) -> list[str]:
    """The ids of a profile's automatic items: what a corpus label file labels."""
    data = tomllib.loads((directory / f"{profile}.toml").read_text(encoding="utf-8"))
    group_key = data.get("profile", {}).get("group_key", "phase")
    return [
        item["id"]
        for item in data["items"]
        if not item.get("manual") and "no_aplica" not in item and item.get(group_key) != "plan"
    ]


def load_labels(path: Path) -> dict[str, dict[str, tuple[str, tuple[str, ...]]]]:
    """``{profile: {item: (status, evidence)}}`` from a label file."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    labels: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {}
    for profile in PROFILES:
        table = data.get(profile, {})
        labels[profile] = {item: (value[0], tuple(value[1:])) for item, value in table.items()}
    return labels


def normalise(url: str) -> str:
    """One spelling per page: ``/x/index.html`` is ``/x/``, and ``/x/`` is ``/x``."""
    for index in ("index.html", "index.htm"):
        if url.endswith("/" + index):
            url = url[: -len(index)]
    if len(url) > 1 and url.endswith("/"):
        url = url[:-1]
    return url


def shares_evidence(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two evidence lists accept a common page («*» accepts any)."""
    if NOT_JUDGED in first or NOT_JUDGED in second:
        return True
    return bool({normalise(u) for u in first} & {normalise(u) for u in second})


@dataclass
class Tally:
    """Agreement counts over a set of items."""

    items: int = 0
    found_agree: int = 0
    exact_agree: int = 0
    binary: int = 0  # items counted for found / not found (neither says no_aplica)
    first_found: int = 0
    second_found: int = 0
    both_found: int = 0
    evidence_shared: int = 0
    judged_both: int = 0  # both found and neither accepts «*»: the evidence really compared
    judged_shared: int = 0
    disagreements: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Pool another tally into this one."""
        for name in (
            "items",
            "found_agree",
            "exact_agree",
            "binary",
            "first_found",
            "second_found",
            "both_found",
            "evidence_shared",
            "judged_both",
            "judged_shared",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.disagreements.extend(other.disagreements)

    def kappa(self) -> float | None:
        """Cohen's kappa for found / not found; None when chance agreement is already total."""
        if not self.binary:
            return None
        observed = self.found_agree / self.binary
        p1, p2 = self.first_found / self.binary, self.second_found / self.binary
        chance = p1 * p2 + (1 - p1) * (1 - p2)
        if chance >= 1:
            return None
        return (observed - chance) / (1 - chance)


def compare(
    first: dict[str, tuple[str, tuple[str, ...]]],
    second: dict[str, tuple[str, tuple[str, ...]]],
    items: list[str],
    site: str = "",
) -> Tally:
    """Agreement of two labellers over ``items`` of one profile (unlisted items are no_cumple)."""
    tally = Tally()
    absent = ("no_cumple", ())
    for item in items:
        (s1, e1), (s2, e2) = first.get(item, absent), second.get(item, absent)
        tally.items += 1
        tally.exact_agree += s1 == s2
        if "no_aplica" in (s1, s2):
            if s1 != s2:
                tally.disagreements.append((site, item, s1, s2))
            continue
        tally.binary += 1
        f1, f2 = s1 in FOUND, s2 in FOUND
        tally.first_found += f1
        tally.second_found += f2
        tally.found_agree += f1 == f2
        shared = True
        if f1 and f2:
            tally.both_found += 1
            shared = shares_evidence(e1, e2)
            tally.evidence_shared += shared
            if NOT_JUDGED not in e1 and NOT_JUDGED not in e2:
                tally.judged_both += 1
                tally.judged_shared += shared
        if s1 != s2 or not shared:
            note = s2 if shared else f"{s2} (sin evidencia común)"
            tally.disagreements.append((site, item, s1, note))
    return tally


def _rate(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "—"


def row(name: str, tally: Tally) -> str:
    """One line of the table."""
    kappa = tally.kappa()
    return (
        f"| {name} | {tally.items} | {_rate(tally.found_agree, tally.binary)} | "
        f"{_rate(tally.exact_agree, tally.items)} | {_rate(tally.evidence_shared, tally.both_found)} | "
        f"{_rate(tally.judged_shared, tally.judged_both)} | {'—' if kappa is None else f'{kappa:.3f}'} | "
        f"{_rate(tally.both_found, tally.second_found)} | {_rate(tally.both_found, tally.first_found)} |"
    )


def table(pairs: list[tuple[Path, Path]], directory: Path = PROFILE_DIR, items: bool = False) -> str:
    """The agreement table (Markdown) of every pair, per profile, and pooled."""
    lines = []
    for profile in PROFILES:
        ids = profile_items(profile, directory)
        lines += [
            f"### {profile}",
            "",
            "| sitio | ítems | encontrado / no | estado exacto | evidencia común | ídem, sin «*» | kappa "
            "| precisión del 2.º | exhaustividad del 2.º |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        pooled = Tally()
        for first_path, second_path in pairs:
            site = first_path.name.split(".")[0] if first_path.name != "labels.toml" else first_path.parent.name
            tally = compare(load_labels(first_path)[profile], load_labels(second_path)[profile], ids, site)
            pooled.add(tally)
            lines.append(row(site, tally))
        lines += [row("**todos**", pooled), ""]
        if items:
            lines += [f"- {s} {i}: {a} ≠ {b}" for s, i, a, b in pooled.disagreements] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table of the pairs named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", nargs="+", help="FIRST.toml:SECOND.toml (the first labeller, then the second)")
    parser.add_argument("--items", action="store_true", help="also list every disagreement")
    parser.add_argument("--profiles", type=Path, default=PROFILE_DIR, help="folder of the profile TOML files")
    args = parser.parse_args(argv)
    pairs = []
    for pair in args.pairs:
        first, _, second = pair.partition(":")
        if not second:
            parser.error(f"«{pair}»: se esperaba PRIMERO.toml:SEGUNDO.toml")
        pairs.append((Path(first), Path(second)))
    print(table(pairs, args.profiles, args.items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
