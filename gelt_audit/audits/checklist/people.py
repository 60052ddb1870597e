"""The ``people_list`` rule kind: a list of people, each a name and a post, read as a staff
directory in part (class 1260, helper H126; a kind of its own since H129). What a page's text must
show is :func:`.text.people_regex`, built from the rule's posts."""

from __future__ import annotations

from .kinds import PageTextKind
from .model import Rule


class PeopleList(PageTextKind):
    """A page whose main text lists people, each a name and a post: ``min_count`` of the
    ``posts`` in a row, each after two to eight words that are neither a post nor a Spanish
    connecting word (el, la, de, y, al, por, con, que…): a name, and maybe a phone and an
    e-mail («Juan Trujillo Trujillo, presidente; Cristian Manrique, administrador…», team cards
    of a name over a post). A person reads such a list as who works there, whatever its heading.
    Prose that names posts («al presidente de la junta, al tesorero de la misma junta y al
    fiscal») has connecting words between them and is not one. The evidence is the page, as for
    ``text``; such a list seldom gives each person's contact, so give it a ``partial``.

    ``posts``: the posts, one word each, every form a page may write (masculine and feminine:
    ``tesorero``, ``tesorera``); case and accents do not matter. ``min_count``: how many posts
    in a row (at least 2). ``on_title``: as for ``text``.
    """

    kind = "people_list"
    params = ("posts", "min_count")
    criteria = ("posts",)

    @classmethod
    def problem(cls, rule: Rule) -> tuple[str, str] | None:
        if not rule.posts:
            return "posts", "se espera la lista de cargos de una regla 'people_list' (al menos uno)"
        if rule.min_count < 2:
            return "min_count", "se espera un entero >= 2: cuántos cargos seguidos, cada uno tras un nombre"
        return None
