"""H168: the ``people_list`` question is searched as an equivalent regex whose alternations are trees
of letters (``text._letter_tree``), while the rule's question stays the listed regex (the parse
cache's version hashes it). Both must find a list on exactly the same texts; these texts pull at
where a tree could differ from the list: a post that is another's start («director» /
«directora», «asesor» / «asesora»), a post inside a longer word, a connecting word that is a
post's start («a» / «asesor», «se» / «secretario»), gaps of one, two, eight and nine words."""

from __future__ import annotations

import re

import pytest

from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist.text import _compiled, _letter_tree, fold, people_regex, text_match


def _people_rule_regexes() -> list[str]:
    out = []
    for name in ("gelt-2008", "ley1712-res1519"):
        for item in load_checklist(name).items:
            for part in item.parts:
                for rule in part.rules:
                    if rule.posts:
                        out.append(people_regex(rule.posts, rule.min_count))
    return out


TEXTS = [
    "juan perez gomez, director; ana ruiz soto, directora; luis mora diaz, tesorero",
    "juan perez gomez director ana ruiz soto directora luis mora diaz tesorera",
    "juan perez directora ana ruiz subdirector luis mora asesora",
    "ana ruiz directores de la ana ruiz subdirectoras maria paz asesoras",  # plurals: not posts
    "eldirector ana ruiz xsubdirector luis mora asesorx",  # inside longer words
    "al presidente de la junta, al tesorero de la misma junta y al fiscal",  # prose
    "presidente ana secretario luis tesorero",  # one word between: too few
    "presidente ana maria secretario luis pedro tesorero",  # two words: a list
    "presidente a b c d e f g h secretario i j k l m n o p tesorero",  # eight
    "presidente a b c d e f g h i secretario j k l m n o p q tesorero",  # nine
    "presidente ana.maria@correo.gov.co 3001234567 secretaria juan-pablo rios vocal",
    "vicepresidenta ana gil vicepresidente juan gil vocal pedro paz jefe",
    "asesor asesora asistente auxiliar abogado abogada contador contadora",
    "coordinador juan paz coordinadora ana paz concejal luis paz personera",
    "secretaria de hacienda secretaria de gobierno secretaria de salud secretaria de educacion",
    "alcalde ana se secretario sus tesorero",
    "curador ana luz curadora eva sol ingeniero rio mar arquitecta",
    "gerente ñandú pérez gerente josé núñez gerente",
    "",
]


@pytest.mark.parametrize("rx", _people_rule_regexes())
def test_tree_regex_finds_what_the_listed_one_finds(rx: str) -> None:
    tree = _compiled(rx)
    assert tree.pattern != rx  # the tree is what is searched
    listed = re.compile(rx)
    found = [listed.search(fold(t)) is not None for t in TEXTS]
    assert [tree.search(fold(t)) is not None for t in TEXTS] == found
    assert [text_match((), (), (rx,), fold(t)) for t in TEXTS] == found
    assert any(found) and not all(found)  # the texts tell lists from prose


def test_letter_tree_matches_the_same_words() -> None:
    words = ["director", "directora", "subdirector", "vocal", "vicepresidente", "a", "al", "asesor"]
    tree = _letter_tree(words)
    assert tree == "(?:a(?:(?:l|sesor))?|director(?:a)?|subdirector|v(?:icepresidente|ocal))"
    for w in [*words, "", "d", "directo", "directoras", "vocales", "as", "ase", "alx"]:
        assert (re.fullmatch(tree, w) is not None) == (w in words), w
