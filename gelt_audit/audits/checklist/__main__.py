"""``python -m gelt_audit.audits.checklist [--write]``: the rule kinds' reference page
(docs/checklist-rules.md), printed or written, generated from the registry in ``rules.py``."""

from .rules_doc import main

main()
