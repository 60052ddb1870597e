"""Scanning a page's folded main text: a long text that answers «is this word in it?» from its
distinct words (:class:`Folded`, H287), the text's ASCII projection by word class, and the
``people_list`` question searched after non-word characters or at its posts (:class:`AfterNonWord`).

Each page's parse asks its folded main text for some thirty words it most often lacks (the
prefilters of the named patterns, the words a rule's regex cannot match without, «hay», «apl»,
«pendiente»…): each question was a scan of the whole text, ~13 µs on a bench page of ~27,000
characters. A word with no space in it lies within one of the text's space-separated pieces, so it
is in the text exactly when it is in those pieces said once each: on the bench, ~1,850 characters.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

# Below this many words the distinct words are not made (a corpus page's main text has a few
# hundred): making them costs ~20 ns a word, and each word asked then saves ~0.5 ns a character
MIN_WORDS = 1000


class Folded(str):
    """A folded text (the ``str`` itself) with its distinct pieces (``words``: each space-separated
    piece of the text once, joined by spaces, see ``contents.folded_text``): ``word in text`` asks
    ``words`` when ``word`` has no space. The same answer: a word without a space occurs only
    inside one piece, and every piece of the text is one of ``words`` and the other way round."""

    words: str

    def __new__(cls, text: str, words: str) -> Folded:
        """``text`` with its distinct pieces ``words``."""
        self = super().__new__(cls, text)
        self.words = words
        return self

    def __contains__(self, word: object) -> bool:
        if isinstance(word, str) and " " not in word:
            return word in self.words
        return str.__contains__(self, word)  # type: ignore[operator]  # str's own answer (or its TypeError)


def _word_class(exc: UnicodeError) -> tuple[str, int]:
    r"""Encoding error handler of :func:`ascii_word_classes`: each character that is not ASCII
    becomes «_» when re's ``\w`` matches it (``isalnum`` or «_», its definition), else «!»."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    run = exc.object[exc.start : exc.end]
    return "".join("_" if c.isalnum() else "!" for c in run), exc.end


codecs.register_error("gelt-word-class", _word_class)


def ascii_word_classes(text: str) -> str:
    r"""The text with each character that is not ASCII replaced by one ASCII character of the same
    word class for re (``\w`` or not) that no letter, digit, «@», «.» or «-» is: the same length,
    and a regex made of ASCII letters, ``\w``, ``\W``, ``\b`` and «[\w@.\-]» matches it (with
    ``re.ASCII``) at the same places as the text itself. One pass in C (the codec), a handler call
    per run of such characters (a page's main text has a few)."""
    return text if text.isascii() else text.encode("ascii", "gelt-word-class").decode("ascii")


class AfterNonWord:
    r"""A regex «\b» + R, where R starts with a word character, searched as R at the text's start or
    «\W» + R anywhere: a match somewhere exactly when the regex has one. re tries the whole
    regex at every place of a text, and the «\W» form only where a non-word character is (about one
    place in six of running text); measured on the bench's texts: ~0.52 -> ~0.45 ms a page (H193).
    Searched in :func:`ascii_word_classes` of the text with ``re.ASCII`` (R is ASCII words, ``\W``,
    ``\b`` and «[\w@.\-]», see ``text._people_pattern``): a folded text keeps a few characters that
    are not ASCII («›», «“»), which make re read it two bytes a character and look up each one's
    class in Unicode's tables; ~0.45 -> ~0.36 ms a page on the bench's texts (H204).

    ``posts``: the words R opens with (one of them starts every match). A long text that knows its
    distinct words (:class:`Folded`) is asked which of them it has, and the whole regex is tried
    only where those are (H287): on the bench ~36 places a page instead of a try after each of its
    ~5,000 non-word characters, 0.23 -> 0.13 ms."""

    __slots__ = ("_ascii", "_inside", "_start", "_whole", "pattern", "posts")

    def __init__(self, pattern: str, posts: Sequence[str] = ()) -> None:
        self.pattern, self.posts = pattern, tuple(posts)
        rest = pattern.removeprefix(r"\b")
        # a post that is not ASCII (a profile's own) would be a letter the projection hides
        self._ascii = pattern.isascii()
        flags = re.ASCII if self._ascii else 0
        self._start, self._inside = re.compile(rest, flags), re.compile(r"\W" + rest, flags)
        self._whole = re.compile(pattern, flags)

    def search(self, text: str) -> re.Match[str] | None:
        """A match where the regex matches (of the text's :func:`ascii_word_classes` when the regex
        is ASCII: same places), or None: of ``R`` (its span one character wider inside the text),
        or, in a :class:`Folded` text, of the whole regex at the first of its posts' places tried
        (a match, not always the leftmost: whether there is one is what is asked)."""
        scanned = ascii_word_classes(text) if self._ascii else text
        if self.posts and isinstance(text, Folded):
            return self._at_posts(text, scanned)
        return self._start.match(scanned) or self._inside.search(scanned)

    def _at_posts(self, text: Folded, scanned: str) -> re.Match[str] | None:
        # every match starts where one of the posts is written: the text's places of those it has
        # (a post is ASCII letters or, the regex not ASCII, the text is scanned as it is: the same
        # places in the text and in its projection); ``match`` at a place sees the character before
        # it, so «\b» answers there as within the search
        for post in self.posts:
            if post in text:
                at = scanned.find(post)
                while at >= 0:
                    if (found := self._whole.match(scanned, at)) is not None:
                        return found
                    at = scanned.find(post, at + 1)
        return None
