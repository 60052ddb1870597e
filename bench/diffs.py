"""Word diffs of adversarial edits: the bounded diff against plain difflib, in the same run.

    python bench/diffs.py [--kb 80]

An 80 KB main text of words from a small vocabulary (a table of numbers, a list of names), with
every tenth word changed: the shape that makes difflib over words quadratic.
"""

from __future__ import annotations

import argparse
import difflib
import random
import time

from gelt_audit.audits.diffs import opcodes_of, word_diff


def texts(kb: int, seed: int = 7) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    vocabulary = [f"v{n}" for n in range(40)]
    old: list[str] = []
    while sum(len(w) + 1 for w in old) < kb * 1024:
        old.append(rng.choice(vocabulary))
    new = [rng.choice(vocabulary) if i % 10 == 0 else w for i, w in enumerate(old)]
    return old, new


def timed(func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, default=80)
    ap.add_argument("--skip-difflib", action="store_true", help="no medir difflib (tarda minutos a 80 KB)")
    args = ap.parse_args()
    a, b = texts(args.kb)
    bounded, ops = timed(opcodes_of, a, b)
    print(f"{len(a)} palabras, {args.kb} KB: diff acotado {bounded:.2f} s, {len(ops)} operaciones")
    full, _ = timed(word_diff, " ".join(a), " ".join(b))
    print(f"word_diff completo (con recorte del contexto): {full:.2f} s")
    if not args.skip_difflib:
        plain, _ = timed(lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
        print(f"difflib sin cota: {plain:.2f} s (razón {plain / max(bounded, 1e-9):.0f}x)")


if __name__ == "__main__":
    main()
