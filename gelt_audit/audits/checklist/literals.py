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


_MAX_LEADS = 8  # words a match may start with, looked for at most: each is one scan of the whole text


def _leads(items: Any) -> frozenset[str] | None:
    """The words every match of a sequence of parsed items starts with (a word, or a prefix of it):
    a run of literal characters at its start, after zero-width anchors, or those of each branch of
    the group or alternation it opens with; None when a match may start otherwise."""
    items = list(items)
    i = 0
    while i < len(items) and items[i][0] is _c.AT:  # «\b», «^»: they take no character
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    if op is _c.LITERAL:
        run = []
        for op2, av2 in items[i:]:
            if op2 is not _c.LITERAL:
                break
            run.append(chr(av2))
        return frozenset(("".join(run),))
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _c.SRE_FLAG_IGNORECASE else _leads(sub)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _leads(av[2])
    if op is _c.BRANCH:
        words: set[str] = set()
        for alt in av[1]:
            found = _leads(alt)
            if found is None:
                return None
            words |= found
        return frozenset(words)
    return None  # a class, «.», a lookaround: no word known


def leading(pattern: str) -> tuple[str, ...]:
    """The words (each at least :data:`_MIN_LEN` letters, at most :data:`_MAX_LEADS` of them) one of
    which starts every match of ``pattern``: the places where a match may start. Empty when not
    certain (a class or a short word first, case ignored, too many words)."""
    parsed = _p.parse(pattern)
    if parsed.state.flags & _c.SRE_FLAG_IGNORECASE:
        return ()
    words = _leads(parsed)
    if not words or len(words) > _MAX_LEADS or min(map(len, words)) < _MIN_LEN:
        return ()
    # a word another starts with finds its places too
    kept = [w for w in words if not any(v != w and w.startswith(v) for v in words)]
    return tuple(sorted(kept))


class Anchored:
    """A compiled regex searched only where one of its :func:`leading` words starts: the text's
    places found by ``str.find`` (a scan in C), the regex matched at each in order. ``re`` tries a
    regex at every place of a text (~26,000 characters a page of the bench; the privacy notice's
    0.25 ms a text that has its words, H262); the first place where it matches is the first place
    where its search finds a match, and a match there is the same (``match`` at a position sees
    the text before it, as the search does: «\\b» and look-behinds answer alike)."""

    __slots__ = ("inner", "words")

    def __init__(self, inner: re.Pattern[str], words: Sequence[str]) -> None:
        self.inner = inner
        self.words = tuple(words)

    def search(self, text: str) -> re.Match[str] | None:
        """``inner.search(text)``: the same match, or None."""
        places: list[int] = []
        for word in self.words:
            at = text.find(word)
            while at >= 0:
                places.append(at)
                at = text.find(word, at + 1)
        if len(self.words) > 1:
            places.sort()
        match = self.inner.match
        for at in places:
            found = match(text, at)
            if found is not None:
                return found
        return None


def anchored(compiled: re.Pattern[str]) -> re.Pattern[str] | Anchored:
    """``compiled`` searched as :class:`Anchored` when its :func:`leading` words are known (its
    pattern as written: the flags compiled in are none but inline ones), else itself."""
    words = leading(compiled.pattern) if not compiled.flags & re.IGNORECASE else ()
    return Anchored(compiled, words) if words else compiled


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
