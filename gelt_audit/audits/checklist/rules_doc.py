"""The reference page of the rule kinds (docs/checklist-rules.md), written from the registry in
:mod:`.rules`: the docs of each kind are its class's docstring."""

from __future__ import annotations

import argparse
import inspect
import sys
from collections.abc import Sequence
from pathlib import Path

from .evidence import SCOPES
from .forms import FORM_PURPOSES
from .load import ITEM_KEYS
from .rules import KINDS
from .systems import NATIONAL_SYSTEMS
from .text import PATTERNS
from .urls import DOC_EXTENSIONS

DOC_PATH = Path(__file__).resolve().parents[3] / "docs" / "checklist-rules.md"


def documentation() -> str:
    """The reference page of the rule kinds (docs/checklist-rules.md), from the registry."""
    out = [
        "# Checklist rule kinds",
        "",
        "Generated from the registry of rule kinds in `gelt_audit/audits/checklist/rules.py` by "
        "`python -m gelt_audit.audits.checklist --write`; do not edit by hand.",
        "",
        "A checklist item (`[[items]]` in `gelt_audit/audits/checklists/*.toml`, or `[[checklist.items]]` in "
        "`gelt.toml`) finds its evidence with rules, `rules = [{ kind = ..., ... }]`; any rule that finds "
        "evidence is enough. `keywords = [...]` is short for a `title` and a `link_text` rule with those "
        "keywords, and `slugs = [...]` for a `url` rule.",
        "",
        "Keywords, slugs and the other phrases are matched with case and accents folded, Spanish stop words "
        "(de, y, la...) dropped and plurals tolerated.",
        "",
        "Evidence is listed in the order a person would point to it: working evidence first; for a whole "
        "section of the menu (`ley1712.4`) the hub's section before the pages it leads to, for any other item "
        "the page or link a hub section leads to before that section, but a document listed on a page after "
        "the section of that page found for the item (one year's file is an entry of what the section "
        "publishes), and a link to another site neither public (`*.gov.co`) nor a national system after "
        "the section that links it (a design tool's page after the entity's pane); then a "
        "label numbered as the item (`4.1 …` for item `ley1712.4.1`) in a section-numbered menu; a staff "
        "login or back office (`/admin/`, `/wp-login.php`, `/intranet`...) never before a real page; then the "
        "label the item's phrase covers most of; a page titled or a link named for the item before a section "
        "of another page, and a URL slug or running text last (they support, they rarely decide); then the "
        "earlier keyword of the rule (the item's own name comes first) and the fewest clicks from home. An item "
        "with several parts all found on one page shows that page first, and so does one whose first "
        "evidence is a page's text or footer showing only some parts while another page shows them all. "
        "A page whose content is a pointer "
        "to a national system (SECOP, datos.gov.co, SUIT/GOV.CO, SIGEP, SUIN) is not empty.",
        "",
        "A whole section of the menu (`ley1712.8`) that no rule finds, while two or more of its entries "
        "(`ley1712.8.1`, `ley1712.8.3`) are found, is `parcial`: the site shows the section by its entries, "
        "not by its name; its evidence is theirs, the one the Transparencia menu links first "
        "(`sections_shown.py`). An entry that links to «#» is no evidence of what it names.",
        "",
        "An item's keys:",
        "",
        *[f"- `{key}`: {meaning}." for key, meaning in ITEM_KEYS.items()],
        "",
        "Every rule may also have:",
        "",
        f"- `scope`: where the rule looks: {', '.join(f'`{s}`' for s in SCOPES)} (default `any`; `chrome` is "
        "the site's header, navigation and footer; `content` the rest of a page).",
        "- `exclude`: phrases that discard a label, link text or URL that has them.",
        "- `on_title` (`text` rules): only pages whose title or a heading is about one of these phrases, "
        "or that a short entry of the site's menus (header, navigation bar, footer) names so (class 3000).",
        "- `partial`: what such evidence lacks, said in the verdict: what the rule finds makes the item "
        "`parcial` at most, `cumple` only when another rule finds it (an e-mail address where a PQRSD "
        "channel is asked for).",
        "- `not_section` (`true`): a label numbered as the item's whole section («4. Planeación» for the entry "
        "`ley1712.4.3`) is that section, not the entry: the rule takes no evidence from it (a «6. Planeación» "
        "of the Res. 3564 numbering, or an unnumbered one, still counts).",
        "- `content_only` (`true`): the phrases are a name the norm gives to something else (criterion F: "
        "«Participación en la formulación de políticas» is one participation space, not 6.1): what the rule "
        "finds counts only where it publishes; shown empty, broken or leading nowhere it is no evidence.",
        "",
    ]
    for kind in KINDS.values():
        keys = ", ".join(f"`{p}`" for p in kind.params)
        out += [f"## `{kind.kind}`", "", inspect.cleandoc(kind.__doc__ or ""), "", f"Keys: {keys}.", ""]
    out += [
        "## Values",
        "",
        f"- Form purposes (`purpose`): {', '.join(f'`{p}`' for p in FORM_PURPOSES)}.",
        f"- Named patterns (`pattern`): {', '.join(f'`{p}`' for p in PATTERNS)}.",
        f"- Document extensions (`document`): {', '.join(f'`{e}`' for e in sorted(DOC_EXTENSIONS))}.",
        "- Aliases of national systems (`hosts`), each with its host patterns:",
        "",
        *[f"  - `@{alias}`: {', '.join(f'`{h}`' for h in hosts)}" for alias, hosts in NATIONAL_SYSTEMS.items()],
        "",
    ]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the rule kinds' reference page, or write it to docs/checklist-rules.md."""
    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--write", action="store_true", help=f"escribir {DOC_PATH}")
    args = ap.parse_args(argv)
    text = documentation()
    if args.write:
        DOC_PATH.write_text(text, encoding="utf-8")
        print(f"escrito {DOC_PATH}")
    else:
        sys.stdout.write(text)
