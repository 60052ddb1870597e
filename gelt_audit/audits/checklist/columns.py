"""The link occurrences of a site index read as columns: for occurrence ``n`` (see
:class:`~.packed.Occurrences`), its target, text and heading as numbers in one array each, and
whether it names a part of the page. Judging reads three of a link's fields for ~180,000
occurrences of the link texts its rules match and ~100,000 of the targets its URL rules find;
finding each occurrence's block and asking it for them (``Occurrences.named``, a bisection and
a call each) was a third of judging a 10,000-page site. Copied from the blocks' packed numbers
in C once per index (4 × 3 + 1 bytes an occurrence, while the index is judged)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from .packed import _CTX, _FRAGMENT, _WIDTH, LinkStrings, Occurrences, PackedLinks, Run
from .pages import Link


class Columns:
    """Every occurrence's target (``target``: a number into ``targets``/``target_keys``),
    text (``text``: into ``texts``, ``norms``, ``nwords``), heading (``ctx``: into
    ``contexts``) and whether it names a part of the page (``fragment``: non-zero). Two targets
    may be numbered apart and be the same URL, or have the same key: ``same_target`` and
    ``same_key`` give each number the first number of its URL and of its key, to group by."""

    __slots__ = (
        "contexts", "ctx", "fragment", "norms", "nwords", "same_key", "same_target", "target", "target_keys",
        "targets", "text", "texts",
    )  # fmt: skip

    def __init__(self, occ: Occurrences) -> None:
        strings = next((b.links.strings for b in occ.blocks if isinstance(b.links, PackedLinks)), LinkStrings())
        # the strings' own lists copied: links not packed with them add theirs here, not there
        self.targets, self.target_keys = list(strings.targets), list(strings.keys)
        self.texts, self.norms, self.nwords = list(strings.texts), list(strings.norms), list(strings.nwords)
        self.contexts = list(strings.contexts)
        self.target, self.text, self.ctx, self.fragment = array("I"), array("I"), array("I"), bytearray()
        plain: dict[str, dict[object, int]] = {}  # the numbers of what links not packed here name
        for b in occ.blocks:
            links = b.links
            if isinstance(links, PackedLinks) and links.strings is strings:
                cols = links.cols
                flags = cols[_WIDTH - 1 :: _WIDTH]
                self.target.extend(cols[0::_WIDTH])
                self.text.extend(cols[1::_WIDTH])
                self.ctx.extend(map(_CTX.__rrshift__, flags))
                self.fragment.extend(map(_FRAGMENT.__and__, flags))
            else:
                self._plain(links, plain)
        self.same_target = _firsts(self.targets)
        self.same_key = _firsts(self.target_keys)

    def _plain(self, links: Sequence[Link], plain: dict[str, dict[object, int]]) -> None:
        """Number links that are not packed with the index's strings (chrome blocks' own tuples)."""
        if not plain:  # what the copied lists number, made at the first such link
            plain["target"] = {
                pair: t for t, pair in reversed(list(enumerate(zip(self.targets, self.target_keys, strict=True))))
            }
            texts = zip(self.texts, self.norms, self.nwords, strict=True)
            plain["text"] = {named: x for x, named in reversed(list(enumerate(texts)))}
            plain["ctx"] = {c: i for i, c in reversed(list(enumerate(self.contexts)))}
        targets, texts, contexts = plain["target"], plain["text"], plain["ctx"]
        for link in links:
            t = targets.get((link.target, link.key))
            if t is None:
                t = targets[link.target, link.key] = len(self.targets)
                self.targets.append(link.target)
                self.target_keys.append(link.key)
            x = texts.get((link.text, link.norm, link.nwords))
            if x is None:
                x = texts[link.text, link.norm, link.nwords] = len(self.texts)
                self.texts.append(link.text)
                self.norms.append(link.norm)
                self.nwords.append(link.nwords)
            c = contexts.get(link.ctx)
            if c is None:
                c = contexts[link.ctx] = len(self.contexts)
                self.contexts.append(link.ctx)
            self.target.append(t)
            self.text.append(x)
            self.ctx.append(c)
            self.fragment.append(1 if link.fragment else 0)


def _firsts(values: Sequence[str]) -> list[int]:
    """For each place of ``values``, the first place holding an equal value."""
    first: dict[str, int] = {}
    return [first.setdefault(v, i) for i, v in enumerate(values)]


def columns_of(occ: Occurrences) -> Columns:
    """The columns of an index's occurrences, made at the first call and kept with them."""
    if occ.columns is None:
        occ.columns = Columns(occ)
    return occ.columns  # type: ignore[return-value]


def text_occurrences(
    occ: Occurrences, ids: array[int]
) -> tuple[tuple[str, ...], tuple[Run, ...], bool, tuple[str, ...], tuple[str, ...]]:
    """What the evidence finder reads of some occurrences (a link text's, in index order): the
    target keys and each one's occurrences (in index order), whether one goes to a part of a
    page, the targets and each one's first text."""
    cols = columns_of(occ)
    targets = list(map(cols.target.__getitem__, ids))
    keys = list(map(cols.same_key.__getitem__, targets))
    by_key: dict[int, array[int]] = dict.fromkeys(keys)  # type: ignore[arg-type]
    if len(by_key) == 1:  # one target (or URLs of one key): the occurrences given
        by_key[keys[0]] = ids
    elif len(by_key) == len(keys):  # a target each
        by_key = {k: array("I", (n,)) for k, n in zip(keys, ids, strict=True)}
    else:
        by_key = {}  # the first number of each key -> its occurrences
        for k, n in zip(keys, ids, strict=True):
            run = by_key.get(k)
            if run is None:
                by_key[k] = array("I", (n,))
            else:
                run.append(n)
    urls = list(map(cols.same_target.__getitem__, targets))
    # each URL's first text: written backwards, the first occurrence's is the last one written
    first = dict(zip(reversed(urls), reversed(list(map(cols.text.__getitem__, ids))), strict=True))
    firsts = dict.fromkeys(urls)  # the URLs in the order they first occur
    return (
        tuple(map(cols.target_keys.__getitem__, by_key)),
        tuple([Run(occ, run) for run in by_key.values()]),
        any(map(cols.fragment.__getitem__, ids)),
        tuple(map(cols.targets.__getitem__, firsts)),
        tuple(cols.texts[first[t]] for t in firsts),
    )
