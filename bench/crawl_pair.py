"""First crawls of two (or more) source trees on one synthetic site, one after another, stores kept.

    python bench/crawl_pair.py --tree new=/tmp/a --tree old=/tmp/b [--n 50000] [--rounds 1] --keep DIR

Each tree is a copy of the repository (``git archive REV | tar -x -C DIR``), run with its own
``gelt_audit`` first on PYTHONPATH (as bench/ab.py). The site is generated once (bench/sitegen.py)
and served by nginx on 127.0.0.1; each crawl gets a fresh store under ``DIR/r<round>-<name>/``, kept
after the run so that ``bench/store_digest.py`` can compare what each tree stored. The order of the
trees rotates from round to round. Prints each crawl's responses, wall time, CPU (user + system of
the child) and peak RSS (bench/spawn.py): peak RSS does not depend on the machine's load, the times
do (pair them, as bench/ab.py does, with the fair baseline in the same rounds).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ab import tool_crawl  # noqa: E402
from servers import Nginx, free_port  # noqa: E402
from sitegen import Generator  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", action="append", required=True, help="NAME=PATH of a source tree (repeat)")
    ap.add_argument("--n", type=int, default=50000)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--keep", required=True, help="folder for the site and the stores (kept)")
    args = ap.parse_args()
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.tree)}
    keep = Path(args.keep).resolve()
    keep.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="crawl-", dir=keep))
    base.chmod(0o755)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    print(f"carga al empezar: {os.getloadavg()[0]:.1f}; carpeta {base}", flush=True)
    Generator(args.n, base / "sitio", f"http://localhost:{free_port()}/", "http://localhost:9/", 100).write()
    with Nginx(base / "nginx", {port: base / "sitio"}):
        names = list(trees)
        for r in range(args.rounds):
            order = names[r % len(names) :] + names[: r % len(names)]
            for name in order:
                work = base / f"r{r + 1}-{name}"
                p = tool_crawl(trees[name], work, url, args.n)
                print(
                    f"ronda {r + 1} {name}: {p['responses']:.0f} resp., {p['wall']:.1f} s, "
                    f"CPU {p['cpu']:.1f} s = {1000 * p['cpu'] / max(p['responses'], 1):.2f} ms/resp., "
                    f"RSS máx. {p['rss_mb']:.1f} MB, carga {os.getloadavg()[0]:.1f}; almacén {work / 'gelt.db'}",
                    flush=True,
                )
    print(f"carga al terminar: {os.getloadavg()[0]:.1f} (2 núcleos); N = {args.n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
