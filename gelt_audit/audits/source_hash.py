"""Which code produced a kept result: a hash of the package's source and bundled profiles.

Results kept in the store (a crawl's findings, its checklist evaluation, the summaries later
reports compare with) are recomputed when this hash changes, so an upgrade never serves what the
old code found, whether or not someone remembered to bump a version number.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_version() -> str:
    """A hash of every ``.py`` and ``.toml`` file of the package (audits, checklist profiles, store queries)."""
    digest = hashlib.sha256()
    for path in sorted(p for ext in ("*.py", "*.toml") for p in PACKAGE.rglob(ext)):
        digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
