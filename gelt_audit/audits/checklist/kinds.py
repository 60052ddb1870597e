"""The rule kinds' registry: the base classes a kind of rule derives from, and :data:`KINDS`,
where each registers under its ``kind`` name (the kinds themselves are in :mod:`.rules`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from .evidence import Finder, Hit
from .model import Case, Item, ItemResult, Rule

KINDS: dict[str, type[RuleKind]] = {}
# Keys every rule may have besides its kind's own.
COMMON_PARAMS = ("scope", "exclude", "on_title", "partial", "not_section")


class RuleKind:
    """A kind of rule; a subclass that names its ``kind`` is registered in :data:`KINDS`."""

    kind: ClassVar[str] = ""
    params: ClassVar[tuple[str, ...]] = ()  # keys of a rule of this kind besides COMMON_PARAMS
    criteria: ClassVar[tuple[str, ...]] = ()  # Rule fields of which at least one must be given
    after_others: ClassVar[bool] = False  # judged once the items without such rules are

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            if cls.kind in KINDS:
                raise TypeError(f"rule kind {cls.kind!r} registered twice")
            KINDS[cls.kind] = cls

    @classmethod
    def has_criterion(cls, rule: Rule) -> bool:
        """Whether the rule says what to look for."""
        return any(getattr(rule, name) for name in cls.criteria)


class EvidenceKind(RuleKind):
    """A kind that finds evidence on the site: hits, then judged by the item's constraints."""

    @classmethod
    def hits(cls, finder: Finder, rule: Rule, item: Item) -> list[Hit]:
        """The evidence the rule finds for the item."""
        raise NotImplementedError


class VerdictKind(RuleKind):
    """A kind that decides the whole item from outside the site's evidence. When an item has
    rules of several verdict kinds, the first kind registered decides."""

    @classmethod
    def verdict(cls, rules: Sequence[Rule], case: Case) -> ItemResult:
        """The item's verdict from its rules of this kind."""
        raise NotImplementedError
