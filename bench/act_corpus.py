"""Extract the W3C ACT Rules test cases mapped to WCAG 2.1 A/AA into tests/fixtures/act/.

Usage: python bench/act_corpus.py GIT_DIR [--out tests/fixtures/act]

GIT_DIR is a clone (bare or not) of the ACT Rules Community repository
(act-rules/act-rules.github.io). Each rule's ``_rules/*.md`` file lists its passed, failed and
inapplicable examples as fenced code blocks; the first HTML block of each example is the test
case. Fragments are wrapped in a page the way the ACT tooling wraps them (doctype, ``lang="en"``,
a title), so that page-level rules see the same document as every other implementation.

Small test assets the examples reference (style sheets, scripts, small images) are copied under
``assets/``; large media files are left out and listed in the index (``missing_assets``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from pathlib import Path

SOURCE_REPO = "act-rules/act-rules.github.io"
MAX_ASSET_BYTES = 120_000
# WCAG 2.1 success criteria at levels A and AA (4.1.1 included: it is part of 2.1).
WCAG21_A_AA = frozenset(
    """1.1.1 1.2.1 1.2.2 1.2.3 1.2.4 1.2.5 1.3.1 1.3.2 1.3.3 1.3.4 1.3.5 1.4.1 1.4.2 1.4.3 1.4.4 1.4.5
    1.4.10 1.4.11 1.4.12 1.4.13 2.1.1 2.1.2 2.1.4 2.2.1 2.2.2 2.3.1 2.4.1 2.4.2 2.4.3 2.4.4 2.4.5 2.4.6
    2.4.7 2.5.1 2.5.2 2.5.3 2.5.4 3.1.1 3.1.2 3.2.1 3.2.2 3.2.3 3.2.4 3.3.1 3.3.2 3.3.3 3.3.4 4.1.1
    4.1.2 4.1.3""".split()
)
OUTCOMES = {"passed": "passed", "failed": "failed", "inapplicable": "inapplicable"}
_EXAMPLE = re.compile(r"^####\s+(Passed|Failed|Inapplicable)\s+Example\s+(\d+)\s*$", re.I | re.M)
_FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```\s*$", re.S | re.M)
_REQUIREMENT = re.compile(r"^  (wcag20|wcag21):(\d+\.\d+\.\d+):")
_ASSET = re.compile(r"""["'(](/test-assets/[^"')\s]+)""")


def git(repo: Path, *args: str) -> str:
    """Output of one git command in ``repo``."""
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def git_bytes(repo: Path, spec: str) -> bytes:
    """Raw bytes of ``spec`` (commit:path) in ``repo``."""
    return subprocess.run(["git", "-C", str(repo), "show", spec], check=True, capture_output=True).stdout


def front_matter(text: str) -> tuple[dict[str, str], list[str], list[str]]:
    """The rule's id and name, its WCAG criteria and which of them are mapped only as secondary."""
    head = text.split("\n---", 1)[0]
    fields = {}
    for key in ("id", "name"):
        m = re.search(rf"^{key}:\s*(.+)$", head, re.M)
        fields[key] = m.group(1).strip().strip("'\"") if m else ""
    criteria: list[str] = []
    secondary: list[str] = []
    current = None
    for line in head.splitlines():
        m = _REQUIREMENT.match(line)
        if m:
            current = m.group(2)
            if current not in criteria:
                criteria.append(current)
        elif current and line.strip().startswith("secondary"):
            secondary.append(current)
        elif line and not line.startswith(" "):
            current = None
    return fields, criteria, secondary


def wrap(code: str, lang: str, title: str) -> str:
    """The test case page as ACT serves it: fragments get a doctype, ``<html lang="en">`` and a title."""
    if re.search(r"<!doctype", code, re.I):
        return code
    if re.search(r"<html", code, re.I):
        return "<!DOCTYPE html>\n" + code
    body = "\n".join("\t" + line if line else line for line in code.splitlines())
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n\t<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n'


def split_of(example_id: str) -> str:
    """A fixed third of the examples is for measuring only: chosen by the hash of the example id."""
    return "heldout" if int(hashlib.sha256(example_id.encode()).hexdigest(), 16) % 3 == 0 else "tuned"


def examples(text: str) -> list[tuple[str, int, str, str]]:
    """(outcome, number, language, code) for each example of one rule file."""
    marks = list(_EXAMPLE.finditer(text))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        fence = _FENCE.search(text, m.end(), end)
        if fence:
            out.append((m.group(1).lower(), int(m.group(2)), fence.group(1).lower(), fence.group(2)))
    return out


def extract(repo: Path, out: Path) -> dict:
    """Write every example of the rules mapped to WCAG 2.1 A/AA and return the index."""
    commit = git(repo, "rev-parse", "HEAD").strip()
    files = sorted(p for p in git(repo, "ls-tree", "--name-only", "HEAD", "_rules/").split() if p.endswith(".md"))
    index: dict = {
        "source": f"https://github.com/{SOURCE_REPO}",
        "commit": commit,
        "licence": "W3C Software and Document Notice and License",
        "rules": [],
        "examples": [],
        "skipped": [],
    }
    assets: set[str] = set()
    for path in files:
        text = git(repo, "show", f"HEAD:{path}")
        fields, criteria, secondary = front_matter(text)
        mapped = [c for c in criteria if c in WCAG21_A_AA]
        if not mapped:
            continue
        rule_id = fields["id"]
        index["rules"].append({"id": rule_id, "name": fields["name"], "criteria": mapped, "secondary": secondary})
        for outcome, number, lang, code in examples(text):
            example_id = f"{rule_id}/{outcome}-{number}"
            if lang not in ("html", "xhtml"):
                index["skipped"].append({"id": example_id, "reason": f"bloque {lang or 'sin lenguaje'}"})
                continue
            page = wrap(code, lang, f"{fields['name']} {outcome} example {number}")
            target = out / rule_id / f"{outcome}-{number}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
            refs = sorted(set(_ASSET.findall(code)))
            assets.update(refs)
            index["examples"].append(
                {
                    "id": example_id,
                    "rule": rule_id,
                    "rule_name": fields["name"],
                    "criteria": mapped,
                    "expected": OUTCOMES[outcome],
                    "file": f"{rule_id}/{outcome}-{number}.html",
                    "source": f"{path}#{outcome}-example-{number}",
                    "commit": commit,
                    "assets": refs,
                    "split": split_of(example_id),
                }
            )
    index["missing_assets"] = copy_assets(repo, sorted(assets), out / "assets")
    (out / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


def copy_assets(repo: Path, refs: list[str], dest: Path) -> list[str]:
    """Copy the small referenced assets; return those left out (too big, or absent upstream)."""
    sizes = {}
    for line in git(repo, "ls-tree", "-r", "-l", "HEAD", "test-assets").splitlines():
        meta, name = line.split("\t", 1)
        size = meta.split()[3]
        # A blob the snapshot lacks (git reports no size) counts as too big.
        sizes["/" + name] = int(size) if size.isdigit() else MAX_ASSET_BYTES + 1
    missing = []
    for ref in refs:
        ref = ref.split("#")[0].split("?")[0]
        if sizes.get(ref, MAX_ASSET_BYTES + 1) > MAX_ASSET_BYTES:
            missing.append(ref)
            continue
        target = dest / ref.removeprefix("/test-assets/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git_bytes(repo, f"HEAD:{ref.lstrip('/')}"))
    return sorted(set(missing))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo", type=Path)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "tests/fixtures/act")
    args = parser.parse_args()
    index = extract(args.repo, args.out)
    print(
        f"{len(index['rules'])} reglas, {len(index['examples'])} ejemplos, "
        f"{len(index['skipped'])} omitidos, {len(index['missing_assets'])} recursos grandes no copiados"
    )


if __name__ == "__main__":
    main()
