"""Word diffs of a page's main content, in bounded time whatever the page holds.

``difflib`` over words is quadratic: an adversarial 80 KB edit cost 57 s in one audit. Here the
common head and tail are cut first (linear; most edits are one place), then the middle is split
at words that occur once in each version (patience diffing: anchors in the same order), and
only pieces small enough are handed to ``difflib``. A piece that stays too large after that is
reported as removed and added whole: a coarser diff, never a wrong one, and never a slow one.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Sequence

from gelt_audit.store import Store

Op = tuple[str, int, int, int, int]  # (equal | delete | insert | replace, a from, a to, b from, b to)

# Word pairs difflib may compare in one piece (it is quadratic): ~0.1 s at worst on this machine.
MAX_CELLS = 250_000
# Words the anchoring may look at in all, as a multiple of the two texts' length.
WORK_FACTOR = 40
DIFF_VERSION = 1  # of the cached result; raise it when the diff's output changes
CONTEXT = 8


def word_diff(old: str, new: str, context: int = CONTEXT) -> list[tuple[str, str]]:
    """Word-level diff: ("equal" | "insert" | "delete", text); long equal runs are trimmed."""
    a, b = old.split(), new.split()
    opcodes = _merge(opcodes_of(a, b))
    out: list[tuple[str, str]] = []
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            position = "first" if n == 0 else "last" if n == len(opcodes) - 1 else "middle"
            out.append(("equal", _trim(a[i1:i2], context, position)))
            continue
        if op in ("delete", "replace"):
            out.append(("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("insert", " ".join(b[j1:j2])))
    return out


def cached_word_diff(store: Store, old_hash: str, new_hash: str) -> list[tuple[str, str]]:
    """:func:`word_diff` of two stored bodies' main text, kept in the store per pair of bodies."""
    return store.cached_audit(
        f"diff:{old_hash}:{new_hash}",
        "word_diff",
        DIFF_VERSION,
        lambda: word_diff(store.main_text(old_hash), store.main_text(new_hash)),
    )


def diff_signature(diff: Sequence[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """What a diff adds and removes, without context: equal across pages for a template edit."""
    return tuple((op, text) for op, text in diff if op != "equal")


def render_diff(diff: Sequence[Sequence[str]]) -> str:
    """A diff as text, like `git diff --word-diff`: [-removed-] {+added+}."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in diff)


def opcodes_of(a: Sequence[str], b: Sequence[str]) -> list[Op]:
    """difflib-style opcodes from ``a`` to ``b``, in order, computed in bounded time."""
    if len(a) * len(b) <= MAX_CELLS:  # the usual page edit: difflib itself, as fine as it gets
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    budget = [WORK_FACTOR * (len(a) + len(b)) + MAX_CELLS]
    out: list[Op] = []
    # A stack of pieces still to diff, in reverse order so that popping keeps the text order.
    stack: list[Op] = [("piece", 0, len(a), 0, len(b))]
    while stack:
        op = stack.pop()
        if op[0] != "piece":
            out.append(op)
        else:
            stack.extend(reversed(_split(a, b, *op[1:], budget)))
    return out


def _split(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int, budget: list[int]) -> list[Op]:
    """One piece turned into finished opcodes and smaller pieces, in text order."""
    head = _common(a, b, i1, j1, min(i2 - i1, j2 - j1), 1)
    tail = _common(a, b, i2 - 1, j2 - 1, min(i2 - i1, j2 - j1) - head, -1)
    before = [("equal", i1, i1 + head, j1, j1 + head)] if head else []
    after = [("equal", i2 - tail, i2, j2 - tail, j2)] if tail else []
    i1, j1, i2, j2 = i1 + head, j1 + head, i2 - tail, j2 - tail
    budget[0] -= (i2 - i1) + (j2 - j1)
    if i1 == i2 and j1 == j2:
        middle: list[Op] = []
    elif i1 == i2:
        middle = [("insert", i1, i2, j1, j2)]
    elif j1 == j2:
        middle = [("delete", i1, i2, j1, j2)]
    elif (i2 - i1) * (j2 - j1) <= MAX_CELLS:
        matcher = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
        middle = [(op, i1 + x1, i1 + x2, j1 + y1, j1 + y2) for op, x1, x2, y1, y2 in matcher.get_opcodes()]
    elif budget[0] > 0 and (anchors := _anchors(a, b, i1, i2, j1, j2)):
        middle = _around(anchors, i1, i2, j1, j2)
    else:
        middle = [("replace", i1, i2, j1, j2)]  # too large to diff finely: removed and added whole
    return before + middle + after


CHUNK = 64  # words compared at once (a list comparison in C) when looking for the common head or tail


def _common(a: Sequence[str], b: Sequence[str], i: int, j: int, limit: int, step: int) -> int:
    """How many words ``a`` and ``b`` share from ``a[i]`` and ``b[j]`` on, walking forward
    (``step`` 1) or backward (-1), at most ``limit``: a chunk at a time, then word by word."""
    n = 0
    while limit - n >= CHUNK:
        if step > 0:
            same = a[i + n : i + n + CHUNK] == b[j + n : j + n + CHUNK]
        else:
            same = a[i - n - CHUNK + 1 : i - n + 1] == b[j - n - CHUNK + 1 : j - n + 1]
        if not same:
            break
        n += CHUNK
    while n < limit and a[i + step * n] == b[j + step * n]:
        n += 1
    return n


def _anchors(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
    """Positions of words unique in both pieces, the longest run of them in the same order."""
    in_a = Counter(a[i1:i2])
    in_b = Counter(b[j1:j2])
    where_b = {w: j for j, w in enumerate(b[j1:j2], j1) if in_b[w] == 1 and in_a[w] == 1}
    pairs = [(i, where_b[w]) for i, w in enumerate(a[i1:i2], i1) if w in where_b]
    return _increasing(pairs)


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by first) whose seconds increase."""
    tails: list[int] = []  # b position ending the best run of each length
    ends: list[int] = []  # index in pairs of that run's last pair
    parent: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k], ends[k] = j, n
        parent[n] = ends[k - 1] if k else -1
    run: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        run.append(pairs[n])
        n = parent[n]
    return run[::-1]


def _around(anchors: list[tuple[int, int]], i1: int, i2: int, j1: int, j2: int) -> list[Op]:
    """Pieces between the anchors, and each anchor as an equal word."""
    out: list[Op] = []
    for i, j in anchors:
        if i > i1 or j > j1:
            out.append(("piece", i1, i, j1, j))
        out.append(("equal", i, i + 1, j, j + 1))
        i1, j1 = i + 1, j + 1
    if i1 < i2 or j1 < j2:
        out.append(("piece", i1, i2, j1, j2))
    return out


def _merge(ops: list[Op]) -> list[Op]:
    """Adjacent opcodes of one kind as one; a delete next to an insert as a replace."""
    merged: list[Op] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if merged:
            last = merged[-1]
            kinds = {last[0], op[0]}
            if last[0] == op[0] or ("equal" not in kinds and last[2] == op[1] and last[4] == op[3]):
                kind = last[0] if last[0] == op[0] else "replace"
                merged[-1] = (kind, last[1], op[2], last[3], op[4])
                continue
        merged.append(op)
    return merged


def _trim(words: list[str], context: int, position: str) -> str:
    """Keep the words next to a change: the end of a leading run, the start of a trailing one."""
    if len(words) <= 2 * context:
        return " ".join(words)
    if position == "first":
        return " ".join(["…", *words[-context:]])
    if position == "last":
        return " ".join([*words[:context], "…"])
    return " ".join([*words[:context], "…", *words[-context:]])
