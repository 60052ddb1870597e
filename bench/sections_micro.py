"""close_sections, one version against another, in one process: least CPU of 5 interleaved passes.

    .venv/bin/python bench/sections_micro.py BASE_SECTIONS_PY SITE_DIR [MORE_DIRS...]

BASE_SECTIONS_PY: gelt_audit/sections.py of the version to compare with (e.g. from
``git archive <commit> | tar -x``); the other is this tree's. Pages: the first 2,000 ``.html`` of
each directory (sorted), read as text (the crawl's markup.parse) and as UTF-8 bytes (the
checklist's). Prints µs of CPU per page and how many pages the two versions repair differently.
"""

from __future__ import annotations

import importlib.util
import resource
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "gelt_audit" / "sections.py"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(base: str, folders: list[str]) -> None:
    versions = {"base": _load("sections_base", Path(base)), "new": _load("sections_new", HERE)}
    for folder in folders:
        files = sorted(p for p in Path(folder).rglob("*") if p.suffix in (".html", ".php") and p.is_file())[:2000]
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
        differ = sum(versions["base"].close_sections(t) != versions["new"].close_sections(t) for t in texts)
        repaired = sum(versions["new"].close_sections(t) is not t for t in texts)
        for label, pages in (("text", texts), ("bytes", [t.encode() for t in texts])):
            best: dict[str, float] = {}
            for _ in range(5):
                for name, module in versions.items():
                    start = _cpu()
                    for page in pages:
                        module.close_sections(page)
                    best[name] = min(best.get(name, 1e9), (_cpu() - start) / len(pages) * 1e6)
            print(
                f"{folder} {label}: {len(pages)} pages, base {best['base']:.1f} µs, new {best['new']:.1f} µs, "
                f"new/base {best['new'] / best['base']:.2f}"
            )
        print(f"{folder}: pages repaired by new {repaired}, repaired differently from base {differ}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
