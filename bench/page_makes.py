"""Pages the checklist index makes from its rows in one weekly audit, with the CPU and peak RSS (H261).

Runs ``gelt-audit run --no-crawl --reports all`` in this process on a config (a copy of a bench
store: the run writes its caches and reports) and prints its CPU seconds (``time.process_time``),
how many ``PageStore`` objects were built and how many ``Page`` objects they made from their rows
(``PageStore.made``), and the peak RSS. ``PIN``, when set, stands for ``code_version()`` (as
``weekly_ab.py --pin``): another copy of the code then reads the caches the store's code left,
valid only for a change that finds and writes the same. ``PYTHONPATH`` chooses the code measured;
alternate old and new on fresh copies and take medians:

    cp -a STORE /tmp/w && printf '\\n[accessibility]\\nbrowser = "off"\\n' >> /tmp/w/gelt.toml
    cd /tmp/w && PIN=6479cf0d514f2e01 PYTHONPATH=/tmp/old python bench/page_makes.py gelt.toml
"""

from __future__ import annotations

import os
import sys

import gelt_audit.audits.source_hash as source_hash

if os.environ.get("PIN"):  # before any module binds code_version
    source_hash.code_version = lambda: os.environ["PIN"]

from gelt_audit.audits.checklist import paged  # noqa: E402

STORES: list[paged.PageStore] = []
_init = paged.PageStore.__init__


def _counted(self: paged.PageStore) -> None:
    _init(self)
    STORES.append(self)


paged.PageStore.__init__ = _counted  # type: ignore[method-assign]

from inprocess import run_week  # noqa: E402


def run(config: str) -> None:
    cpu, rss = run_week(config)
    made = sum(s.made for s in STORES)
    print(
        f"CPU {cpu:.2f} s; {len(STORES)} índices, {made} páginas hechas; RSS máx. {rss:.0f} MB; carga {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    run(sys.argv[1])
