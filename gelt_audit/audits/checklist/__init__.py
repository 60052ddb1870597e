"""GEL-T / Ley 1712 content checklist: judge every required item with dated evidence.

Checklists are data (``gelt_audit/audits/checklists/<profile>.toml``); this package holds one
generic rule evaluator, and the audit that runs it over a crawl. The engine is pure: no network,
no SQLite, no templates. The caller hands in the pages of a crawl (:class:`PageDoc`) and gets
one :class:`ItemResult` per item.

- ``model``: the data (checklists, items, rules, pages, verdicts).
- ``text``: Spanish folding and phrase matching; ``systems``: national systems' hosts.
- ``load``: the TOML schema and loader, items from the config, the committee's declarations.
- ``urls``, ``forms``, ``pages``, ``parse``, ``index``: every page parsed once into a site index.
- ``evidence``: hits; ``rules``: the registry of rule kinds (docs/checklist-rules.md);
  ``periods``: current periods; ``judge``: the verdicts; ``scoring``: rows, regressions, scores,
  indicators.
- ``audit``: the checklist audit of a crawl (store pages, other audits' signals, the cache).

Pages that answer >= 400 (and "soft 404" pages) are never evidence; a link to them is a broken
hit (``parcial``). News detail pages (``/noticias/<slug>``, ``og:type=article``) never count as
evidence except for items with ``allow_news``.
"""

from .audit import audit_checklist, auto_indicators, checklists, manual_declarations, page_docs, signals
from .index import SiteIndex, index_site
from .judge import evaluate
from .load import CHECKLIST_DIR, extra_items, load_checklist, load_manual
from .model import STATUS_RANK, STATUSES, Checklist, Group, Item, ItemResult, PageDoc, Part, Rule
from .parse import PARSE_VERSION, ParseCache, text_rules
from .rules import KINDS
from .scoring import INDICATOR_ITEMS, JUDGED, PLAN_INDICATORS, as_dict, indicators, regressions, scores
from .systems import NATIONAL_SYSTEMS
from .text import fold, norm_tokens
from .urls import url_key

__all__ = [
    "CHECKLIST_DIR",
    "INDICATOR_ITEMS",
    "JUDGED",
    "KINDS",
    "NATIONAL_SYSTEMS",
    "PARSE_VERSION",
    "PLAN_INDICATORS",
    "STATUSES",
    "STATUS_RANK",
    "Checklist",
    "Group",
    "Item",
    "ItemResult",
    "PageDoc",
    "ParseCache",
    "Part",
    "Rule",
    "SiteIndex",
    "as_dict",
    "audit_checklist",
    "auto_indicators",
    "checklists",
    "evaluate",
    "extra_items",
    "fold",
    "index_site",
    "indicators",
    "load_checklist",
    "load_manual",
    "manual_declarations",
    "norm_tokens",
    "page_docs",
    "regressions",
    "scores",
    "signals",
    "text_rules",
    "url_key",
]
