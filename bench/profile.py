"""Profile the tool's phases on a synthetic site: where does the CPU go?

    python bench/profile.py [--n 3000] [--out DIR]

Needs py-spy and pyinstrument in the environment (``pip install py-spy pyinstrument``) and nginx.
Runs, each in its own child process as production does:
  1. the fair baseline (bare Scrapy with a seen-set, baseline.py --fair) under py-spy,
  2. the tool's first crawl under py-spy,
  3. the tool's re-crawl of the unchanged site under py-spy,
  4. ``gelt-audit report --format json`` under pyinstrument,
and prints, for each py-spy profile, the functions with the most samples (own time and
inclusive time) and the share of the samples by package (gelt_audit, scrapy, twisted, lxml,
sqlite3, ...). Raw profiles (py-spy's collapsed stacks, pyinstrument's text) stay in DIR.
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import CONCURRENCY, PY, write_config  # noqa: E402
from servers import BlackHole, Nginx, free_port  # noqa: E402
from sitegen import Generator  # noqa: E402

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+)(?::(?P<line>\d+))?\)$")


def tool(name: str) -> str | None:
    found = shutil.which(name) or (str(Path(PY).parent / name) if (Path(PY).parent / name).exists() else None)
    return found


def package_of(path: str) -> str:
    for key in (
        "gelt_audit",
        "scrapy",
        "twisted",
        "lxml",
        "parsel",
        "w3lib",
        "sqlite_utils",
        "sqlite3",
        "zlib",
        "hashlib",
        "urllib",
        "logging",
        "json",
        "re",
        "queuelib",
        "OpenSSL",
        "zope",
    ):
        if f"/{key}/" in path or path.endswith(f"/{key}.py") or f"{key}/__init__" in path:
            return key
    if "site-packages" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/lib/python3" in path:
        return "stdlib:" + path.rsplit("/", 1)[-1]
    return path.rsplit("/", 1)[-1]


def summarise_collapsed(path: Path, top: int = 25) -> str:
    own: collections.Counter[str] = collections.Counter()
    incl: collections.Counter[str] = collections.Counter()
    pkg: collections.Counter[str] = collections.Counter()
    total = 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = [f for f in stack.split(";") if f and not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += n
        names = []
        for f in frames:
            m = _FRAME.match(f)
            names.append((f"{m['func']} ({m['file'].split('site-packages/')[-1]})", m["file"]) if m else (f, f))
        own[names[-1][0]] += n
        pkg[package_of(names[-1][1])] += n
        for name in {n_ for n_, _ in names}:
            incl[name] += n
    lines = [f"  {total} muestras"]
    lines.append(
        "  por paquete (tiempo propio): " + ", ".join(f"{k} {100 * v / total:.0f} %" for k, v in pkg.most_common(10))
    )
    lines.append("  tiempo propio:")
    lines += [f"    {100 * v / total:5.1f} %  {k}" for k, v in own.most_common(top)]
    lines.append("  tiempo inclusivo (funciones del proyecto y de Scrapy):")
    interesting = [(k, v) for k, v in incl.most_common() if "gelt_audit" in k or "scrapy/" in k or "sqlite" in k]
    lines += [f"    {100 * v / total:5.1f} %  {k}" for k, v in interesting[:top]]
    return "\n".join(lines)


def pyspy(out: Path, name: str, cmd: list[str], cwd: Path) -> Path:
    collapsed = out / f"{name}.collapsed.txt"
    subprocess.run(
        [tool("py-spy"), "record", "--rate", "200", "--format", "raw", "--output", str(collapsed), "--", *cmd],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return collapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--out", default=str(HERE / "profiles"))
    ap.add_argument("--first-only", action="store_true", help="sólo la base justa y el primer rastreo")
    args = ap.parse_args()
    if not tool("py-spy") or not tool("pyinstrument"):
        print("Instale py-spy y pyinstrument: pip install py-spy pyinstrument", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="gelt-profile-"))
    base.chmod(0o755)
    port, ext, hang = free_port(), free_port(), free_port()
    url = f"http://127.0.0.1:{port}/"
    try:
        Generator(args.n, base / "sitio", f"http://localhost:{ext}/", f"http://localhost:{hang}/", 2000).write()
        work = base / "tool"
        work.mkdir()
        cfg = write_config(work, url, args.n)
        with BlackHole(hang), Nginx(base / "nginx", {port: base / "sitio"}):
            phases = [
                (
                    "baseline",
                    [
                        PY,
                        str(HERE / "baseline.py"),
                        url,
                        "--concurrency",
                        str(CONCURRENCY),
                        "--obey-robots",
                        "--stats",
                        str(base / "b.json"),
                        "--log",
                        str(base / "b.log"),
                        "--fair",
                    ],
                ),
                ("crawl1", [PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)]),
                ("crawl2", [PY, "-m", "gelt_audit", "crawl", "--config", str(cfg)]),
            ]
            if args.first_only:
                phases = phases[:2]
            for name, cmd in phases:
                collapsed = pyspy(out, name, cmd, work)
                print(f"\n== {name} (py-spy, {args.n} páginas) ==")
                print(summarise_collapsed(collapsed))
            if args.first_only:
                return 0
            report = out / "report.pyinstrument.txt"
            subprocess.run(
                [
                    tool("pyinstrument"),
                    "-r",
                    "text",
                    "-o",
                    str(report),
                    "-m",
                    "gelt_audit",
                    "report",
                    "--format",
                    "json",
                    "--output",
                    str(work / "informe.json"),
                    "--config",
                    str(cfg),
                ],
                cwd=work,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print("\n== report --format json (pyinstrument) ==")
            print("\n".join(report.read_text().splitlines()[:60]))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"\nPerfiles en {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
