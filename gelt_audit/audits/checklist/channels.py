"""The ``entry_channel`` rule kind: an entry named for the item that writes the channel itself (an
e-mail address), whatever its link leads to (issue 15, helper H208, class 2080)."""

from __future__ import annotations

import re
from dataclasses import replace

from .evidence import Finder, Hit
from .kinds import EvidenceKind
from .model import Item, Rule
from .quoting import shorten
from .text import PATTERNS, count_words, fold, in_norm, text_norm

EMAIL = PATTERNS["email"][0]
# what opens an entry before its name: a dash or bullet, a numeral («9.1», «a)»)
_LEAD = re.compile(r"^[\s\-–—•·*]*(?:\d+(?:\.\d+)*\.?|[a-z]\))?\s*")
# the words an entry's name may have beside the item's phrase («Peticiones (PQRS)», «Radique su PQRS»)
NAME_SLACK = 3


class EntryChannel(EvidenceKind):
    """An entry whose text opens with a name of the item followed by a colon, and whose own text
    gives an e-mail address («- PQRS: Para este trámite puede dirigir su petición al correo
    financiera@… o en el siguiente link (Link aquí)»): the entry publishes the channel where a
    person reads it, whatever the page its link opens shows (criterion E, «lo demás decide»; an
    empty page behind it does not make the entry «nombrada y vacía»). The evidence is the page
    that shows the entry; its place (the menu, clicks from home) is judged as any link's. Only the
    entry's own text counts: an address elsewhere on the page (the footer's) says nothing of the
    item.

    ``keywords``: the item's names, any of which may be the entry's name (the words before the
    colon, with at most three more). ``exclude``: phrases of that name that say it is something
    else («Informe PQRS»).
    """

    kind = "entry_channel"
    params = ("keywords",)
    criteria = ("keywords",)

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        lt = finder.idx.link_texts
        occ = []
        texts: dict[str, str] = {}  # the link's target -> the entry's text
        seen: set[int] = set()
        for phrase in rule.keywords:
            for i in lt.find(phrase):
                if i in seen:
                    continue
                seen.add(i)
                for block, link in lt.payloads[i]:
                    if (
                        not link.embed
                        and finder.scope_ok(rule, block, None)
                        and _names_channel(link.text, phrase, rule, finder)
                    ):
                        occ.append((block, link))
                        texts.setdefault(link.target, link.text)
        return [_on_entry(h, texts[h.url]) for h in finder.link_hits(occ, item) if h.url in texts]


def entry_email(text: str) -> str:
    """The e-mail address an entry's own text writes (folded), or ""."""
    m = EMAIL.search(fold(text))
    return m.group(0).replace(" ", "") if m else ""


def _names_channel(text: str, phrase: tuple[str, ...], rule: Rule, finder: Finder) -> bool:
    """Whether a link's text is «NAME: …» with NAME about ``phrase`` and an e-mail address after."""
    name, colon, rest = _LEAD.sub("", text, count=1).partition(":")
    if not colon or not entry_email(rest):
        return False
    norm, nwords = text_norm(name)
    return in_norm(phrase, norm) and nwords <= count_words(phrase) + NAME_SLACK and finder.label_ok(rule, norm)


def _on_entry(hit: Hit, text: str) -> Hit:
    """The link's hit made the entry's: the page that shows it, with the address it gives; what its
    link leads to (an empty page) is no problem of the channel the entry writes."""
    return replace(
        hit,
        url=hit.found_on,
        problems=[],
        content_problem=False,
        broken=False,
        dead="",
        scripted=False,
        unseen="",
        describe=f"entrada «{shorten(text)}» en {hit.found_on}, que da el correo {entry_email(text)}",
        tier=1,
        match=1.0,
        label=text,
    )
