"""Where the store's bytes go after a first crawl, next to zstd with a dictionary of the same HTML.

    python bench/store_size.py [--n 1000]

Generates the synthetic site (bench/sitegen.py), serves it with nginx on 127.0.0.1, runs
``gelt-audit crawl`` once, and prints the store's bytes per HTML page, the reference (each page
compressed with zstd level 3 and a dictionary trained on the site's pages, dictionary included)
and the bytes of each table and index (SQLite's dbstat).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import PY, store_used_bytes, write_config, zstd_reference  # noqa: E402
from servers import Nginx, free_port  # noqa: E402
from sitegen import Generator  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="gelt-size-"))
    base.chmod(0o755)
    port = free_port()
    try:
        Generator(args.n, base / "sitio", f"http://localhost:{free_port()}/", "http://localhost:9/", 100).write()
        ref = zstd_reference(base / "sitio")
        work = base / "w"
        work.mkdir()
        cfg = write_config(work, f"http://127.0.0.1:{port}/", args.n)
        with Nginx(base / "nginx", {port: base / "sitio"}):
            subprocess.run([PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)], cwd=work, check=True)
        db = work / "gelt.db"
        con = sqlite3.connect(db)
        html = con.execute("select count(*) from snapshots where kind = 'page' and status < 400").fetchone()[0]
        used = store_used_bytes(db)
        per_ref = ref["zstd_dict_bytes"] / ref["pages"]
        print(f"páginas HTML: {html}; HTML servido {ref['html_bytes'] / ref['pages']:.0f} B/página")
        print(
            f"zstd-3: {ref['zstd_bytes'] / ref['pages']:.0f} B/página; zstd-3 con diccionario: {per_ref:.0f} B/página"
        )
        print(f"almacén: {used / html:.0f} B/página HTML ({used / html / per_ref:.2f}x zstd con diccionario)")
        for name, size in con.execute("select name, sum(pgsize) from dbstat group by name order by 2 desc limit 15"):
            print(f"  {name:34} {size / 1e6:8.2f} MB {size / html:8.0f} B/página")
        content, main_z = con.execute("select sum(length(content)), sum(length(main_z)) from bodies").fetchone()
        print(f"  bodies.content {content / html:.0f} B/página, bodies.main_z {(main_z or 0) / html:.0f} B/página")
        con.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
