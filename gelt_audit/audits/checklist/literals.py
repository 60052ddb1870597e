"""The words a regular expression cannot match without: a cheap test asked of a page's text before
the regex's own search (H250).

A profile's regex is searched in every page's folded main text (~26,000 characters a page of the
bench). ``re`` tries it at every place of the text; looking for a word with ``in`` is a scan in C
that skips ahead (``str.find``). When the text lacks every spelling of a word the regex needs, the
regex cannot match: :func:`required` reads those words from the regex's parse tree, and
:class:`Prefiltered` asks them before the search. The answer is the regex's own, always: a text
that has the words is searched as before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

try:  # Python 3.11 moved the parser; its structure is the same
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_MIN_LEN = 3  # a shorter word («de», « ») is in nearly every text: asking for it costs, and tells little
_MAX_OPTIONS = 16  # spellings of one clause asked at most: the ~40 posts of the people regex are in most texts, and asking them cost more than its search (0.19 -> 0.44 ms a text, H250)

# A clause: the text has at least one of these words. A regex's requirement: every clause holds.
Clause = frozenset[str]


def _seq(items: Any) -> list[Clause]:
    """The clauses of a sequence of parsed items: each run of literal characters (contiguous in any
    match) and what each group, branch or repeated item (at least once) requires."""
    out: list[Clause] = []
    run: list[str] = []

    def close() -> None:
        if len(run) >= _MIN_LEN:
            out.append(frozenset(("".join(run),)))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        close()
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & _c.SRE_FLAG_IGNORECASE:
                out += _seq(sub)
        elif op is _c.ATOMIC_GROUP:
            out += _seq(av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                out += _seq(sub)
        elif op is _c.BRANCH:
            clause = _branch(av[1])
            if clause:
                out.append(clause)
        # anything else (a class, «.», an anchor, a lookaround, a back-reference) requires no word
    close()
    return out


def _branch(alternatives: Sequence[Any]) -> Clause | None:
    """One clause of an alternation: a clause of each alternative (its longest shortest word), all
    their words together; None when an alternative requires no word."""
    words: set[str] = set()
    for alt in alternatives:
        clauses = _seq(alt)
        if not clauses:
            return None
        words |= max(clauses, key=lambda c: (min(map(len, c)), -len(c)))
    return frozenset(words) if len(words) <= _MAX_OPTIONS else None


def required(pattern: str) -> tuple[Clause, ...]:
    """The clauses a text must meet for ``pattern`` (``re`` syntax, no flags but inline ones) to match
    somewhere in it: each a set of words, one of which at least is in any text the pattern matches.
    Empty when the pattern asks its letters without case (``(?i)``): no word is then required as
    written. Sound, not complete: a clause is dropped whenever it is not certain (a class, a short
    word, a long alternation), never added."""
    parsed = _p.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return ()
    return tuple(dict.fromkeys(_seq(parsed)))


class Prefiltered:
    """A compiled regex (or anything with ``search``) asked only of texts that have the words
    :func:`required` reads from its pattern: the same answer (a match, or None), without the search
    when a required word is missing."""

    __slots__ = ("clauses", "inner")

    def __init__(self, inner: Any, clauses: Sequence[Clause]) -> None:
        self.inner = inner
        # the words of a clause as a tuple, asked in a fixed order (sorted: the same on every run)
        self.clauses = tuple(tuple(sorted(c, key=lambda w: (len(w), w))) for c in clauses)

    def search(self, text: str) -> re.Match[str] | None:
        """``inner.search(text)``, or None without searching when a required word is missing."""
        for clause in self.clauses:
            for word in clause:
                if word in text:
                    break
            else:
                return None
        return self.inner.search(text)
