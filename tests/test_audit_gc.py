"""An audit leaves what its process held before it (modules, classes, the config) out of the cyclic
garbage collector's later passes, once per process, and freezes no garbage with it (issue 21: the
collector's full passes over those objects were ~2 % of a weekly audit's CPU at 10,000 pages)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.helpers import crawl, page

# The real CLI's entry point, twice in one process (as a scheduler's worker would audit), after
# a garbage cycle was made: whether the cycle was freed, and the frozen count after each run.
PROBE = """
import gc, json, sys, weakref
import gelt_audit.commands.report  # what the command imports, before the garbage is made
from gelt_audit.cli import main

class Node:
    pass

garbage = Node()
garbage.self = garbage  # a cycle: only the cyclic collector frees it
dead = weakref.ref(garbage)
gc.collect()  # while it is reachable: now in the oldest generation, which only a full pass reads
del garbage
counts = []
for out in sys.argv[2:]:
    assert main(["report", "--format", "json", "--config", sys.argv[1], "--output", out]) == 0
    counts.append(gc.get_freeze_count())
print(json.dumps({"counts": counts, "garbage_freed": dead() is None}))
"""


def test_an_audit_freezes_what_the_process_held_once_and_no_garbage(serve, config_for, tmp_path):
    server = serve(
        {
            "/": page("Inicio", "<p>Bienvenidos.</p>", links=("/a", "/b")),
            "/a": page("Página A", "<p>Trámites y servicios.</p>", links=("/",)),
            "/b": page("Página B", "<p>Noticias.</p>", links=("/",)),
        }
    )
    config = config_for(server.url)
    crawl(config)
    first, second = tmp_path / "uno.json", tmp_path / "dos.json"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(config), str(first), str(second)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    frozen, again = probe["counts"]
    assert frozen > 1000  # the modules' functions and classes at least
    assert again == frozen  # the second audit of the process froze nothing more
    assert probe["garbage_freed"]  # collected before freezing: nothing unreachable kept forever
    # the audit's answer is the same (the second reads the first's kept findings)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text(encoding="utf-8")).items() if k != "generated_at"}  # noqa: E731
    assert strip(first) == strip(second) and strip(first)["pages"]
