"""The package's dependencies point one way: leaves <- crawler <- audits <- reports <- cli/scheduler.

Read from the source with ``ast`` (imports inside functions count too: a lazy import that dodges a
cycle is still a dependency). A module may import its own floor or a lower one, never a higher one,
and no group of modules may import each other in a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "gelt_audit"

# Floors, lowest first; a module belongs to the first floor whose prefix matches its dotted name.
FLOORS: list[tuple[str, tuple[str, ...]]] = [
    (
        "hojas",
        (
            "errors",
            "clock",
            "config",
            "store",
            "store_cache",
            "store_links",
            "store_runs",
            "store_snapshots",
            "store_compact",
            "compression",
            "migrations",
            "markup",
            "decoding",
            "datalinks",
            "collector",
            "sections",
            "volatile",
            "dates",
            "files",
            "formats",
            "linkstate",
            "lock",
            "allocator",
            "__init__",
        ),
    ),
    ("crawler", ("crawler",)),
    ("audits", ("audits",)),
    ("reports", ("reports", "delivery")),
    ("arriba", ("__main__", "cli", "commands", "scheduler", "portfolio", "starter", "init", "demo")),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def floor_of(name: str) -> int:
    for level, (_, prefixes) in enumerate(FLOORS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return level
    raise AssertionError(f"el módulo gelt_audit.{name} no tiene piso en FLOORS")


def imports(path: Path, name: str) -> set[str]:
    found: set[str] = set()
    package = name.rsplit(".", 1)[0] if path.name != "__init__.py" else name
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("gelt_audit")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = "gelt_audit." + ".".join([*up, base] if base else up)
            if base.startswith("gelt_audit"):
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
    return {f[len("gelt_audit.") :] for f in found if f != "gelt_audit"}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in imports(path, name) if i in modules and i != name} for name, path in modules.items()}


def test_no_module_imports_a_higher_floor():
    upward = [
        f"{name} ({FLOORS[floor_of(name)][0]}) importa {dep} ({FLOORS[floor_of(dep)][0]})"
        for name, deps in graph().items()
        for dep in deps
        if floor_of(dep) > floor_of(name)
    ]
    assert upward == []


def test_no_import_cycles():
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(edges[node]):
            if state.get(dep) == 1:
                cycles.append([*stack[stack.index(dep) :], dep])
            elif dep not in state:
                visit(dep)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []
