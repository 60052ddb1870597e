"""`gelt-audit store compact`: bodies stored by older versions rewritten with zstd and the site's
dictionary, then VACUUM gives the freed pages back to the disk.

The rewriting is gelt_audit.store_compact's (safe to kill at any moment); VACUUM is one SQLite
transaction of its own.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from gelt_audit.commands import add_config, load
from gelt_audit.errors import EXIT_OK
from gelt_audit.lock import RunLock
from gelt_audit.store import Store, StoreError
from gelt_audit.store_compact import compact

HELP = "mantenimiento del almacén: «compact» recomprime lo guardado por versiones anteriores y libera espacio"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_config(parser)
    parser.add_argument(
        "accion",
        choices=["compact"],
        help="compact: recomprime con zstd y el diccionario de cada sitio los cuerpos guardados antes "
        "(zlib, texto sin comprimir) y devuelve al disco el espacio libre (VACUUM); se puede interrumpir "
        "sin perder nada",
    )


def run(args: argparse.Namespace) -> int:
    config = load(args)
    path = Path(config.store_path)
    if not path.exists():
        raise StoreError(f"No existe el almacén {path}.")
    before = _size(path)
    with RunLock(path, what="la compactación del almacén"), Store(path) as store:
        rewritten = compact(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.db.execute("VACUUM")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = _size(path)
    print(
        f"Almacén {path}: {rewritten} cuerpos recomprimidos; {before / 1e6:.1f} MB antes, {after / 1e6:.1f} MB después."
    )
    return EXIT_OK


def _size(path: Path) -> int:
    return sum(os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists())
