"""A title that cites one legal act by its type and number: one norm, not a section of norms.

«Decreto 1074 de 2015», «Resolución No. 045 de 2023» or «1952 - Resolución 2891» over its text is
how a page shows one act; «Decretos», «Resoluciones 2024» or «Normatividad» is how it names the
section that lists them. A person reading the first does not see the norms page of the entity
(`info.normatividad`, `ley1712.2.1`): it is one norm published within another page, without a
title of its own, which criterion B of docs/checklist-scope.md calls ``parcial`` (class 2970, H297).
"""

from __future__ import annotations

import re

from .model import Rule
from .text import fold, norm_tokens

# the stems (text.norm_tokens) of the kinds of act a phrase of a norms item names by their plural
ACT_STEMS = frozenset(norm_tokens("decretos resoluciones circulares acuerdos leyes ordenanzas"))

# after any numbering or year before it («1952 - »), the act's type in the singular, then its
# number («No.», «N°», «Nro.» allowed): «decreto 1074 de 2015», «resolucion no. 045»
_CITES_ONE = re.compile(
    r"^[\W\d_]*(?:decreto|resolucion|circular|acuerdo(?: municipal)?|ley|ordenanza)\s+"
    r"(?:(?:no|n|nro|numero)\s*[.°º]?\s*|[°º]\s*)?\d"
)

PARTIAL = "«{}» cita una sola norma, no es una sección de normas: publicada dentro de otra página, sin título propio (criterio B)"


def cites_one_act(label: str) -> bool:
    """Whether a label (as written) opens with one act's type in the singular and its number."""
    return bool(_CITES_ONE.match(fold(label).strip()))


def one_act_only(rule: Rule, keyword: int, label: str) -> bool:
    """Whether a title hit of ``rule`` (a page's title, h1 or a section's heading) matched only by a
    kind of act (its ``keyword``-th phrase opens with «decretos», «resoluciones», …) on a label
    citing one act. Not a link's text: a link «Decreto 1077 de 2015» opens that act's document, which
    a person opens after the page that lists it (the norms section's own evidence), so it stays."""
    if rule.kind != "title" or not 0 <= keyword < len(rule.keywords):
        return False
    phrase = rule.keywords[keyword]
    return bool(phrase) and phrase[0] in ACT_STEMS and cites_one_act(label)
