"""gelt-audit benchmark: the tool's crawler against bare Scrapy on synthetic municipal sites.

    python bench/run.py            # N = 1,000 and 10,000 (3 runs) and 50,000 (1 run); ~1.5 h on 2 cores
    python bench/run.py --quick    # N = 300, 1 run, small link case; a few minutes (--no-weekly: shorter)
    python bench/run.py --sizes 1000 --runs 2 --no-links   # ~3 min

Needs the project installed (``pip install -e .``) and Debian's nginx (``apt-get install nginx``);
installs nothing. Everything listens on 127.0.0.1 only and lives in a temporary folder that is
removed at the end (``--keep`` keeps it). Prints a table and writes ``bench/results-<date>.md``.

Per size N and run: generate the site once (static files), then, in this order (alternating which
crawler goes first from run to run; reports only in the first run unless --report-runs): the baseline (a bare Scrapy spider, bench/baseline.py), the
tool's first crawl (``gelt-audit crawl``, as in production, in a subprocess), the first audit
(``gelt-audit report --format json``, nothing cached), a second crawl of the unchanged site, the
weekly audit of it with both reports (``write_reports``: HTML, JSON, CSV), then its JSON report. Each phase is a child process: wall time, CPU and peak RSS
from ``os.wait4`` in a small launcher (``bench/spawn.py``: not this process's memory), request/byte counts from Scrapy's stats, the rest from the store.

Then the weekly scenario (``--no-weekly`` leaves it out): a third crawl after 3 % of the pages
changed, 5 added and 5 removed (``--added``, ``--removed``), and the weekly audit with both
reports of it on a copy of the store with crawl 2's audits cached (incremental) and on a copy with
every audit cache emptied (from scratch), the browser accessibility pass off (bench/weekly.py);
then a template change (a menu entry of every page renamed: every body changes), a fourth crawl,
and the same comparison with crawl 3's audits cached. Printed: wall and CPU seconds, peak RSS,
the CPU ratio incremental / from scratch, and whether the JSON reports are identical.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gelt_audit import clock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from servers import INSTALL_HINT, BlackHole, Nginx, find_nginx, free_port  # noqa: E402
from sitegen import DEPENDENCIAS, Generator, write_externals  # noqa: E402
from spawn import spawn_measured  # noqa: E402

PY = sys.executable
CONCURRENCY = 8
REPORT_TIMEOUT = 900.0


# -- child processes ----------------------------------------------------------------------
def run_child(
    cmd: list[str], cwd: Path, name: str, timeout: float = 7200, mem_gb: float | None = None, env: dict | None = None
) -> dict:
    """Run one phase; wall time, CPU and the child's own peak RSS (``bench/spawn.py``).

    The child is started by a small launcher, not by this process: a child of this process
    would report this process's resident memory as its own peak (Linux keeps it across exec),
    and the bench holds reports and pages (H191, H197). The peak covers the child and the
    children it reaped (os.wait4), as before.

    ``mem_gb`` caps the child's data memory (the reports load whole crawls into memory: at
    50,000 pages they could take the machine down); past it the phase fails with MemoryError.
    RLIMIT_DATA, not RLIMIT_AS: Chromium reserves far more address space than it uses, and
    under an address-space cap it did not start, so the browser pass said «sin navegador».
    """
    cap = int(mem_gb * 2**30) if mem_gb else 0
    with open(cwd / f"{name}.stdout", "wb") as out, open(cwd / f"{name}.stderr", "wb") as err:
        found = spawn_measured(cmd, cwd, out, err, timeout, data_cap=cap, env=env)
    if found["timed_out"]:
        raise RuntimeError(f"{name}: más de {timeout:.0f} s, detenido")
    if found["code"] != 0:
        tail = (cwd / f"{name}.stderr").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{name} falló (código {found['code']}): {' '.join(cmd)}\n{tail}")
    return {"wall": found["wall"], "rss_mb": found["maxrss_kib"] / 1024, "cpu": found["cpu"]}


_STAT = re.compile(r"'([\w/.\-]+)':\s*(\d+(?:\.\d+)?)")


def scrapy_stats_from_log(log: Path) -> dict[str, float]:
    """The last "Dumping Scrapy stats" block of the tool's log (numbers only)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    at = text.rfind("Dumping Scrapy stats")
    if at < 0:
        raise RuntimeError(f"no Scrapy stats in {log}")
    block = text[at : text.find("}", at) + 1]
    return {k: float(v) for k, v in _STAT.findall(block)}


def write_config(directory: Path, url: str, n: int, check_external: bool = False, link_timeout: float = 2) -> Path:
    deps = "\n".join(
        f'[[dependencias]]\nname = "{name}"\nresponsable = "Responsable {i}"\nmatch = ["/dependencias/{slug}/"]\n'
        for i, (name, slug) in enumerate(DEPENDENCIAS)
    )
    text = f"""[site]
name = "Alcaldía de Villa Sintética - Tolima"
url = "{url}"
max_pages = {n * 2 + 1000}
delay = 0
autothrottle = false
concurrency = {CONCURRENCY}
obey_robots = true
timeout = 30

[store]
path = "gelt.db"

[log]
level = "INFO"

[links]
check_external = {"true" if check_external else "false"}
timeout = {link_timeout}
delay = 0

{deps}
"""
    path = directory / "gelt.toml"
    path.write_text(text, encoding="utf-8")
    return path


# -- the store ------------------------------------------------------------------------------
def store_used_bytes(db: Path) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        page_size = con.execute("pragma page_size").fetchone()[0]
        pages = con.execute("pragma page_count").fetchone()[0]
        free = con.execute("pragma freelist_count").fetchone()[0]
        return (pages - free) * page_size
    finally:
        con.close()


def crawl_figures(db: Path) -> list[dict]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out = []
        for cid, pages, errors, status in con.execute("select id, pages, errors, status from crawls order by id"):
            html, unchanged = con.execute(
                "select count(*), coalesce(sum(not_modified), 0) from snapshots "
                "where crawl_id = ? and kind = 'page' and status < 400",
                [cid],
            ).fetchone()
            out.append(
                {"id": cid, "pages": pages, "errors": errors, "status": status, "html": html, "unchanged": unchanged}
            )
        return out
    finally:
        con.close()


def link_states(db: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        cid = con.execute("select max(id) from crawls").fetchone()[0]
        return dict(con.execute("select state, count(*) from link_checks where crawl_id = ? group by state", [cid]))
    finally:
        con.close()


# -- one run at one size --------------------------------------------------------------------
def tool_crawl(cfg: Path, name: str, launcher: list[str] | None = None) -> dict:
    cmd = (launcher or [PY, "-m", "gelt_audit"]) + ["crawl", "--config", str(cfg)]
    res = run_child(cmd, cfg.parent, name)
    stats = scrapy_stats_from_log(cfg.parent / "gelt.log")
    res.update(
        responses=stats.get("response_received_count", 0),
        requests=stats.get("downloader/request_count", 0),
        bytes=stats.get("downloader/response_bytes", 0),
        s304=stats.get("downloader/response_status_count/304", 0),
        elapsed=stats.get("elapsed_time_seconds", res["wall"]),
    )
    res["pps"] = res["responses"] / res["elapsed"]
    return res


def baseline_crawl(url: str, workdir: Path, fair: bool = False) -> dict:
    """bench/baseline.py in a child: the old baseline, or (``fair``) the one that keeps a seen-set."""
    name = "fair" if fair else "baseline"
    stats_file = workdir / f"{name}-stats.json"
    res = run_child(
        [
            PY,
            str(HERE / "baseline.py"),
            url,
            "--concurrency",
            str(CONCURRENCY),
            "--obey-robots",
            "--stats",
            str(stats_file),
            "--log",
            str(workdir / f"{name}.log"),
            *(["--fair"] if fair else []),
        ],
        workdir,
        name,
    )
    stats = json.loads(stats_file.read_text())
    res.update(
        responses=stats.get("response_received_count", 0),
        requests=stats.get("downloader/request_count", 0),
        bytes=stats.get("downloader/response_bytes", 0),
        elapsed=stats.get("elapsed_time_seconds", res["wall"]),
    )
    res["pps"] = res["responses"] / res["elapsed"]
    return res


HTML_REPORTS = """
import sys
from gelt_audit.config import load_config
from gelt_audit.reports.write import write_reports
print(write_reports(load_config(sys.argv[1]), ["weekly", "committee"]))
"""


def one_run(n: int, r: int, url: str, base: Path, opts: argparse.Namespace, site: Path | None = None) -> dict:
    work = base / f"n{n}-run{r}"
    work.mkdir(parents=True)
    cfg = write_config(work, url, n)
    out: dict = {"n": n, "run": r}
    baseline = not (opts.crawl_only or opts.no_baseline)
    if baseline and r % 2 == 0:
        out["baseline"] = baseline_crawl(url, work)
    reports = not opts.crawl_only and r < opts.report_runs
    json_report = [PY, "-m", "gelt_audit", "report", "--format", "json", "--output", str(work / "informe.json"),
                   "--config", str(cfg)]  # fmt: skip
    # The fair baseline runs right next to the tool's first crawl, alternating which goes first.
    fair = not (opts.crawl_only or opts.no_baseline)
    if fair and r % 2 == 0:
        out["fair"] = baseline_crawl(url, work, fair=True)
    out["crawl1"] = tool_crawl(cfg, "crawl1")
    if fair and r % 2 == 1:
        out["fair"] = baseline_crawl(url, work, fair=True)
    db = work / "gelt.db"
    size1 = store_used_bytes(db)
    if reports:  # the first audit of a site: nothing cached yet
        _phase(out, "report1", json_report, work, opts)
    before2 = store_used_bytes(db)
    out["crawl2"] = tool_crawl(cfg, "crawl2")
    size2 = store_used_bytes(db)
    if baseline and r % 2 == 1:
        out["baseline"] = baseline_crawl(url, work)
    crawls = crawl_figures(db)
    if [c["status"] for c in crawls] != ["finished", "finished"]:
        raise RuntimeError(f"rastreos no terminados: {crawls}")
    out["store"] = {"after1": size1, "before2": before2, "after2": size2, "crawls": crawls}
    # The weekly case: the audits of the re-crawl (the first crawl's evaluation and its bodies'
    # judgements are cached) and both reports (HTML, JSON, CSV), as `gelt-audit run` makes them;
    # then `gelt-audit report --format json` of the same crawl.
    if reports:
        _phase(out, "html", [PY, "-c", HTML_REPORTS, str(cfg)], work, opts)
        _phase(out, "report", json_report, work, opts)
    if site is not None and not opts.crawl_only:
        out["changed"] = changed_crawl(cfg, site, r, added=opts.added, removed=opts.removed)
        if reports and not opts.no_weekly:
            out["weekly"] = weekly_case(work, cfg, site)
            print(weekly_line(out["weekly"]), flush=True)
    return out


def change_pages(site: Path, share: float, seed: int, added: int = 0, removed: int = 0) -> int:
    """Modify ``share`` of the site's HTML pages in place (a dated paragraph in the main content), add
    ``added`` pages (each linked from one of the modified ones) and delete ``removed`` pages (the
    links to them now answer 404); how many bodies are new (modified + added)."""
    pages = sorted(site.rglob("*.html"))
    step = max(1, round(1 / share))
    changed = 0
    fresh: list[Path] = []
    for i, page in enumerate(pages):
        if (i + seed) % step:
            continue
        html = page.read_bytes()
        # inside the main content: a note outside it (as before 2026-12-05) is template noise the
        # change detection rightly ignores, and the weekly measured no real change
        at = html.rfind(b"</main>")
        if at < 0:
            at = html.rfind(b"</body>")
        if at < 0:
            continue
        link = ""
        if len(fresh) < added:
            fresh.append(site / "novedades" / f"nueva-{seed}-{len(fresh)}.html")
            link = f' <a href="/novedades/{fresh[-1].name}">Nueva publicación {len(fresh)}</a>'
        note = f"<p>Actualización {seed}-{i}: se publicó el informe de gestión del periodo.{link}</p>".encode()
        page.write_bytes(html[:at] + note + html[at:])
        changed += 1
    template = (site / "index.html").read_text(encoding="utf-8")
    for k, path in enumerate(fresh):
        path.parent.mkdir(exist_ok=True)
        html = template.replace("<title>", f"<title>Nueva publicación {k} - ", 1).replace(
            "<h1>", f"<h1>Nueva publicación {k}: ", 1
        )
        path.write_text(html, encoding="utf-8")
    # removed: content pages of the end of the list, never the home, a menu page or a new one
    gone = [p for p in reversed(pages) if "contenido-" in p.name][:removed]
    for page in gone:
        page.unlink()
    return changed + len(fresh)


MENU_ENTRY = ('<li><a href="/">Inicio</a></li>', '<li><a href="/">Página de inicio</a></li>')


def change_template(site: Path) -> int:
    """A template change: one entry of the shared menu renamed on every page (every body changes)."""
    changed = 0
    old, new = (x.encode() for x in MENU_ENTRY)
    for page in sorted(site.rglob("*.html")):
        html = page.read_bytes()
        if old in html:
            page.write_bytes(html.replace(old, new, 1))
            changed += 1
    return changed


def changed_crawl(cfg: Path, site: Path, r: int, share: float = 0.03, added: int = 0, removed: int = 0) -> dict:
    """A third crawl after changing ``share`` of the pages (and adding and removing a few): what
    the store grows by."""
    db = cfg.parent / "gelt.db"
    before = store_used_bytes(db)
    changed = change_pages(site, share, seed=r + 1, added=added, removed=removed)
    res = tool_crawl(cfg, "crawl3")
    crawls = crawl_figures(db)
    res.update(before=before, after=store_used_bytes(db), changed=changed, html=crawls[-1]["html"])
    res["unchanged"] = crawls[-1]["unchanged"]
    res.update(added=added, removed=removed)
    return res


def weekly_case(work: Path, cfg: Path, site: Path) -> dict:
    """The weekly scenario on the store after the changed crawl (3 % modified, a few pages added
    and removed; crawl 2 audited): the weekly audit with both reports on an incremental copy and
    on a from-scratch copy (bench/weekly.py), the browser accessibility pass off; then a template
    change (every body changes), a fourth crawl, and the same comparison with crawl 3 audited."""
    import weekly  # here: bench/weekly.py imports this module (run_child, HTML_REPORTS)

    out = {"changed": weekly.compare(work, browser_off=True, tag="-3")}
    weekly.keep_incremental(work, tag="-3")
    pages = change_template(site)
    out["template_crawl"] = tool_crawl(cfg, "crawl4")
    out["template"] = weekly.compare(work, browser_off=True, tag="-4")
    out["template"]["pages"] = pages
    for case in ("changed", "template"):
        if not out[case]["identical"]:
            print(f"    semanal ({case}): ¡los informes JSON incremental y desde cero difieren!", flush=True)
    return out


def weekly_line(res: dict) -> str:
    """One line of the weekly scenario's figures for the progress output."""
    bits = []
    for case, label in (("changed", "3 % cambiado"), ("template", "plantilla cambiada")):
        w = res[case]
        inc, scr = w["incremental"]["html"], w["scratch"]["html"]
        bits.append(
            f"{label}: {inc['wall']:.1f} s ({inc['cpu']:.1f} s CPU, {inc['rss_mb']:.0f} MB) vs desde cero "
            f"{scr['wall']:.1f} s ({scr['cpu']:.1f} s CPU), razón CPU {inc['cpu'] / scr['cpu']:.2f}, "
            f"JSON idéntico {'sí' if w['identical'] else 'NO'}"
        )
    return "    semanal sin navegador: " + "; ".join(bits)


def zstd_reference(site: Path, level: int = 3, sample: int = 2000) -> dict:
    """The served HTML compressed page by page with zstd and a dictionary trained on the site's own
    pages (the issue's reference point for the store): bytes per page, dictionary included."""
    import zstandard

    pages = [p.read_bytes() for p in sorted(site.rglob("*.html"))]
    step = max(1, len(pages) // sample)
    dictionary = zstandard.train_dictionary(112_640, pages[::step])
    comp = zstandard.ZstdCompressor(level=level, dict_data=dictionary)
    total = sum(len(comp.compress(p)) for p in pages) + len(dictionary.as_bytes())
    plain = zstandard.ZstdCompressor(level=level)
    return {
        "pages": len(pages),
        "html_bytes": sum(map(len, pages)),
        "zstd_dict_bytes": total,
        "zstd_bytes": sum(len(plain.compress(p)) for p in pages),
    }


def _phase(out: dict, name: str, cmd: list[str], work: Path, opts: argparse.Namespace) -> None:
    """Run an optional phase; a failure is recorded, not fatal."""
    try:
        out[name] = run_child(cmd, work, name, timeout=opts.report_timeout, mem_gb=opts.report_mem_gb)
    except RuntimeError as exc:
        lines = [ln for ln in str(exc).strip().splitlines() if ln.strip()]
        out[name] = {"error": (lines[0][:120] + " … " + lines[-1][:200]) if lines else "falló"}
        print(f"    {name}: {out[name]['error']}", flush=True)


def link_case(n: int, url: str, base: Path, ext_port: int, hang_port: int, externals: int) -> dict:
    """The same site crawled without and with external link checks (a tenth of hosts hang)."""
    out: dict = {"n": n, "externals": externals, "hanging": -(-externals // 10)}
    for label, check in (("sin_externos", False), ("con_externos", True)):
        work = base / f"links-{label}"
        work.mkdir(parents=True)
        cfg = write_config(work, url, n, check_external=check, link_timeout=2)
        out[label] = tool_crawl(cfg, "crawl")
        if check:
            out["states"] = link_states(work / "gelt.db")
    return out


# -- figures --------------------------------------------------------------------------------
def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise(runs: list[dict]) -> dict:
    s: dict = {"runs": len(runs)}
    nan = float("nan")
    based = [r for r in runs if "baseline" in r]
    s["responses"] = med([r["crawl1"]["responses"] for r in runs])
    s["base_responses"] = med([r["baseline"]["responses"] for r in based])
    s["tool_pps"] = med([r["crawl1"]["pps"] for r in runs])
    s["base_pps"] = med([r["baseline"]["pps"] for r in based])
    ratios = [r["crawl1"]["pps"] / r["baseline"]["pps"] for r in based]
    s["ratio"], s["ratio_min"], s["ratio_max"] = med(ratios), min(ratios, default=nan), max(ratios, default=nan)
    fast = [r for r in based if "fast" in r]
    fratios = [r["fast"]["pps"] / r["baseline"]["pps"] for r in fast]
    s["fast_pps"] = med([r["fast"]["pps"] for r in fast]) if fast else None
    s["fast_ratio"], s["fast_ratio_min"], s["fast_ratio_max"] = (
        med(fratios),
        min(fratios, default=nan),
        max(fratios, default=nan),
    )
    s["fast_cpu_per_page_ms"] = med([1000 * r["fast"]["cpu"] / r["fast"]["responses"] for r in fast])
    # CPU per response (user + system of the child): less sensitive than wall time to other load.
    cratios = [
        (r["baseline"]["cpu"] / r["baseline"]["responses"]) / (r["crawl1"]["cpu"] / r["crawl1"]["responses"])
        for r in based
    ]
    s["cpu_ratio"] = med(cratios)
    fcr = [
        (r["baseline"]["cpu"] / r["baseline"]["responses"]) / (r["fast"]["cpu"] / r["fast"]["responses"]) for r in fast
    ]
    s["fast_cpu_ratio"] = med(fcr)
    s["tool_wall"] = med([r["crawl1"]["wall"] for r in runs])
    s["base_wall"] = med([r["baseline"]["wall"] for r in based])
    s["cpu_per_page_ms"] = med([1000 * r["crawl1"]["cpu"] / r["crawl1"]["responses"] for r in runs])
    s["base_cpu_per_page_ms"] = med([1000 * r["baseline"]["cpu"] / r["baseline"]["responses"] for r in based])
    s["re_requests"] = med([r["crawl2"]["requests"] for r in runs])
    s["first_requests"] = med([r["crawl1"]["requests"] for r in runs])
    s["re_bytes"] = med([r["crawl2"]["bytes"] for r in runs])
    s["first_bytes"] = med([r["crawl1"]["bytes"] for r in runs])
    s["re_bytes_share"] = med([r["crawl2"]["bytes"] / r["crawl1"]["bytes"] for r in runs])
    s["share304"] = med([r["store"]["crawls"][1]["unchanged"] / max(r["store"]["crawls"][1]["html"], 1) for r in runs])
    s["re_wall_ratio"] = med([r["crawl2"]["wall"] / r["crawl1"]["wall"] for r in runs])
    s["re_wall"] = med([r["crawl2"]["wall"] for r in runs])
    s["store_first_per_page"] = med([r["store"]["after1"] / r["store"]["crawls"][0]["pages"] for r in runs])
    s["store_growth"] = med(
        [
            (r["store"]["after2"] - r["store"].get("before2", r["store"]["after1"])) / r["store"]["crawls"][1]["pages"]
            for r in runs
        ]
    )
    s["store_mb"] = med([r["store"]["after2"] / 1e6 for r in runs])
    for phase in ("report1", "report", "html"):
        ok = [r[phase] for r in runs if phase in r and "error" not in r[phase]]
        s[f"{phase}_s"] = med([p["wall"] for p in ok]) if ok else None
        s[f"rss_{phase}"] = max(p["rss_mb"] for p in ok) if ok else None
        errors = [r[phase]["error"] for r in runs if phase in r and "error" in r[phase]]
        s[f"{phase}_error"] = errors[0] if errors else None
    _fair_and_store(runs, s)
    _weekly_summary(runs, s)
    for phase in ("crawl1", "crawl2", "baseline", "fast"):
        s[f"rss_{phase}"] = max((r[phase]["rss_mb"] for r in runs if phase in r), default=nan)
    return s


def _weekly_summary(runs: list[dict], s: dict) -> None:
    """The weekly scenario's figures (see weekly_case): per case and mode, the weekly audit with
    both reports in wall and CPU seconds and peak RSS; the CPU ratio; whether the JSON matched."""
    got = [r["weekly"] for r in runs if "weekly" in r]
    for case in ("changed", "template"):
        cases = [w[case] for w in got]
        if not cases:
            continue
        for mode in ("incremental", "scratch"):
            html = [c[mode]["html"] for c in cases]
            s[f"weekly_{case}_{mode}"] = (med([h["wall"] for h in html]), med([h["cpu"] for h in html]))
            s[f"weekly_{case}_{mode}_rss"] = max(h["rss_mb"] for h in html)
        s[f"weekly_{case}_ratio"] = med([c["incremental"]["html"]["cpu"] / c["scratch"]["html"]["cpu"] for c in cases])
        s[f"weekly_{case}_identical"] = all(c["identical"] for c in cases)


def _weekly(s: dict, case: str, what: str) -> str:
    """A weekly scenario cell ("n/d" when the scenario did not run)."""
    key = f"weekly_{case}_{what}" if what != "ratio" else f"weekly_{case}_ratio"
    if key not in s:
        return "n/d"
    value = s[key]
    if what == "ratio":
        return f"{value:.2f}"
    if what.endswith("_rss"):
        return f"{value:.0f}"
    if what == "identical":
        return "sí" if value else "NO"
    return f"{value[0]:.1f} / {value[1]:.1f}"


def _fair_and_store(runs: list[dict], s: dict) -> None:
    """The fair baseline's CPU figures and the store's bytes per page next to zstd with a dictionary."""
    nan = float("nan")
    fair = [r for r in runs if "fair" in r]
    s["fair_cpu_per_page_ms"] = med([1000 * r["fair"]["cpu"] / r["fair"]["responses"] for r in fair])
    s["fair_responses"] = med([r["fair"]["responses"] for r in fair])
    # tool CPU per response ÷ fair baseline CPU per response, run by run (target <= 1.25)
    ratios = [
        (r["crawl1"]["cpu"] / r["crawl1"]["responses"]) / (r["fair"]["cpu"] / r["fair"]["responses"]) for r in fair
    ]
    s["fair_cpu_ratio"], s["fair_cpu_ratio_min"], s["fair_cpu_ratio_max"] = (
        med(ratios),
        min(ratios, default=nan),
        max(ratios, default=nan),
    )
    ref = [r for r in runs if "reference" in r]
    s["store_first_per_html"] = med([r["store"]["after1"] / r["store"]["crawls"][0]["html"] for r in ref])
    s["zstd_dict_per_html"] = med([r["reference"]["zstd_dict_bytes"] / r["reference"]["pages"] for r in ref])
    s["zstd_per_html"] = med([r["reference"]["zstd_bytes"] / r["reference"]["pages"] for r in ref])
    s["html_per_page"] = med([r["reference"]["html_bytes"] / r["reference"]["pages"] for r in ref])
    s["store_vs_zstd_dict"] = med(
        [
            r["store"]["after1"]
            / r["store"]["crawls"][0]["html"]
            / (r["reference"]["zstd_dict_bytes"] / r["reference"]["pages"])
            for r in ref
        ]
    )
    per_changed = []
    for r in runs:
        c = r.get("changed")
        if not c or not c["changed"]:
            continue
        unchanged_each = (r["store"]["after2"] - r["store"]["before2"]) / r["store"]["crawls"][1]["pages"]
        growth = c["after"] - c["before"] - unchanged_each * (c["responses"] - c["changed"])
        per_changed.append(growth / c["changed"])
    s["store_per_changed"] = med(per_changed)


def fmt_bytes(b: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(b) < 1000 or unit == "GB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1000
    return str(b)


def _opt(s: dict, key: str, pattern: str) -> str:
    if s.get(key) is not None:
        return pattern.format(s[key])
    phase = "html" if "html" in key else "report1" if "report1" in key else "report"
    return "falló" if s.get(f"{phase}_error") else "n/d"


ROWS: list[tuple[str, str, object]] = [
    (
        "Respuestas, primer rastreo (herramienta / base)",
        "",
        lambda s: f"{s['responses']:.0f} / {s['base_responses']:.0f}",
    ),
    ("Primer rastreo, páginas/s: herramienta", "", lambda s: f"{s['tool_pps']:.0f}"),
    ("Primer rastreo, páginas/s: Scrapy sin más", "", lambda s: f"{s['base_pps']:.0f}"),
    (
        "Razón herramienta/base (mediana [mín–máx])",
        ">= 0.85 a 10k",
        lambda s: f"{s['ratio']:.2f} [{s['ratio_min']:.2f}–{s['ratio_max']:.2f}]",
    ),
    (
        "CPU por respuesta, ms (herramienta / base)",
        "",
        lambda s: f"{s['cpu_per_page_ms']:.1f} / {s['base_cpu_per_page_ms']:.1f}",
    ),
    ("Razón por CPU: CPU/resp. base ÷ CPU/resp. herr.", ">= 0.85 a 10k", lambda s: f"{s['cpu_ratio']:.2f}"),
    (
        "Con los arreglos propuestos: páginas/s",
        "",
        lambda s: "n/d" if s["fast_pps"] is None else f"{s['fast_pps']:.0f}",
    ),
    (
        "Con los arreglos: razón con la base",
        ">= 0.85 a 10k",
        lambda s: (
            "n/d"
            if s["fast_pps"] is None
            else f"{s['fast_ratio']:.2f} [{s['fast_ratio_min']:.2f}–{s['fast_ratio_max']:.2f}]"
        ),
    ),
    (
        "Con los arreglos: CPU por respuesta, ms",
        "",
        lambda s: "n/d" if s["fast_pps"] is None else f"{s['fast_cpu_per_page_ms']:.1f}",
    ),
    (
        "Con los arreglos: razón por CPU",
        ">= 0.85 a 10k",
        lambda s: "n/d" if s["fast_pps"] is None else f"{s['fast_cpu_ratio']:.2f}",
    ),
    ("Tiempo del primer rastreo, s (herr. / base)", "", lambda s: f"{s['tool_wall']:.1f} / {s['base_wall']:.1f}"),
    ("Re-rastreo sin cambios: peticiones (1.º)", "", lambda s: f"{s['re_requests']:.0f} ({s['first_requests']:.0f})"),
    (
        "Re-rastreo: bytes descargados (1.º)",
        "",
        lambda s: f"{fmt_bytes(s['re_bytes'])} ({fmt_bytes(s['first_bytes'])})",
    ),
    ("Re-rastreo: bytes / bytes del 1.º", "<= 5 %", lambda s: f"{100 * s['re_bytes_share']:.1f} %"),
    ("Re-rastreo: páginas HTML con 304", ">= 95 %", lambda s: f"{100 * s['share304']:.1f} %"),
    ("Re-rastreo: tiempo / tiempo del 1.º", "<= 0.5x", lambda s: f"{s['re_wall_ratio']:.2f}x ({s['re_wall']:.1f} s)"),
    ("Almacén tras el 1.º, bytes/respuesta", "", lambda s: f"{s['store_first_per_page']:.0f}"),
    (
        "CPU por respuesta, ms (herramienta / base justa)",
        "",
        lambda s: f"{s['cpu_per_page_ms']:.2f} / {s.get('fair_cpu_per_page_ms', float('nan')):.2f}",
    ),
    (
        "Razón CPU/resp. herramienta ÷ base justa [mín–máx]",
        "<= 1.25",
        lambda s: (
            f"{s.get('fair_cpu_ratio', float('nan')):.2f} [{s.get('fair_cpu_ratio_min', float('nan')):.2f}–"
            f"{s.get('fair_cpu_ratio_max', float('nan')):.2f}]"
        ),
    ),
    (
        "HTML servido por página; zstd-3; zstd-3 con diccionario, B",
        "",
        lambda s: (
            f"{s.get('html_per_page', float('nan')):.0f}; {s.get('zstd_per_html', float('nan')):.0f}; "
            f"{s.get('zstd_dict_per_html', float('nan')):.0f}"
        ),
    ),
    (
        "Almacén tras el 1.º, B por página HTML (÷ zstd con dicc.)",
        "<= 2x",
        lambda s: (
            f"{s.get('store_first_per_html', float('nan')):.0f} ({s.get('store_vs_zstd_dict', float('nan')):.2f}x)"
        ),
    ),
    ("Crecimiento del almacén por página cambiada, B", "", lambda s: f"{s.get('store_per_changed', float('nan')):.0f}"),
    ("Crecimiento del almacén por re-rastreo, B/pág.", "<= 200", lambda s: f"{s['store_growth']:.0f}"),
    ("Primera auditoría (nada en caché) + informe JSON, s", "", lambda s: _opt(s, "report1_s", "{:.1f}")),
    ("Semanal: auditorías + informes semanal y de comité, s", "<= 10 s a 10k", lambda s: _opt(s, "html_s", "{:.1f}")),
    ("Semanal, después: informe JSON del mismo rastreo, s", "", lambda s: _opt(s, "report_s", "{:.1f}")),
    (
        "Semanal 3 % cambiado (+/- págs.), sin navegador: incremental, s / CPU s",
        "<= 2 s a 10k",
        lambda s: _weekly(s, "changed", "incremental"),
    ),
    ("  el mismo desde cero, s / CPU s", "", lambda s: _weekly(s, "changed", "scratch")),
    ("  razón CPU incremental / desde cero", "", lambda s: _weekly(s, "changed", "ratio")),
    ("  RSS máx. incremental, MB", "<= 300 a 50k", lambda s: _weekly(s, "changed", "incremental_rss")),
    ("  informes JSON idénticos", "sí", lambda s: _weekly(s, "changed", "identical")),
    (
        "Semanal tras cambio de plantilla (todo cambiado): incremental, s / CPU s",
        "<= 10 s a 10k",
        lambda s: _weekly(s, "template", "incremental"),
    ),
    ("  el mismo desde cero, s / CPU s", "", lambda s: _weekly(s, "template", "scratch")),
    ("  razón CPU incremental / desde cero", "", lambda s: _weekly(s, "template", "ratio")),
    ("  RSS máx. incremental, MB", "<= 300 a 50k", lambda s: _weekly(s, "template", "incremental_rss")),
    ("  informes JSON idénticos", "sí", lambda s: _weekly(s, "template", "identical")),
    ("RSS máx. primer rastreo, MB", "<= 300 a 50k", lambda s: f"{s['rss_crawl1']:.0f}"),
    ("RSS máx. re-rastreo, MB", "<= 300 a 50k", lambda s: f"{s['rss_crawl2']:.0f}"),
    ("RSS máx. primera auditoría, MB", "<= 300 a 50k", lambda s: _opt(s, "rss_report1", "{:.0f}")),
    ("RSS máx. semanal: auditorías + informes, MB", "<= 300 a 50k", lambda s: _opt(s, "rss_html", "{:.0f}")),
    ("RSS máx. informe JSON, MB", "<= 300 a 50k", lambda s: _opt(s, "rss_report", "{:.0f}")),
    ("RSS máx. Scrapy sin más, MB", "", lambda s: f"{s['rss_baseline']:.0f}"),
]


def table(summaries: dict[int, dict]) -> str:
    sizes = sorted(summaries)
    head = ["Medida", *[f"N = {n:,}".replace(",", ".") + f" ({summaries[n]['runs']}x)" for n in sizes], "Meta"]
    rows = [[label, *[str(fn(summaries[n])) for n in sizes], target] for label, target, fn in ROWS]
    # Rows with nothing measured at any size (e.g. the old "with the fixes" rows) are left out.
    rows = [r for r in rows if any(v not in ("n/d", "nan") for v in r[1:-1])]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(cells):
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )  # noqa: E731

    return "\n".join([line(head), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def link_table(lc: dict) -> str:
    a, b = lc["sin_externos"], lc["con_externos"]
    states = ", ".join(f"{k}: {v}" for k, v in sorted(lc.get("states", {}).items()))
    from gelt_audit.crawler.linkcheck import HOST_TIMEOUTS_TRIP

    bound = lc["hanging"] * 2 / 2
    trip = HOST_TIMEOUTS_TRIP * 2
    return (
        f"Caso de enlaces externos (N = {lc['n']}, {lc['externals']} enlaces externos distintos, "
        f"{lc['hanging']} en un servidor que acepta y nunca responde; [links] timeout = 2, per_host = 2)\n"
        f"  rastreo sin comprobar externos: {a['wall']:.1f} s; comprobándolos: {b['wall']:.1f} s "
        f"({b['wall'] / a['wall']:.1f}x, +{b['wall'] - a['wall']:.1f} s)\n"
        f"  estados: {states}\n"
        f"  cota: sin el cortacircuitos por host, enlaces colgados x timeout / per_host = {lc['hanging']} x 2 s / 2 = "
        f"{bound:.0f} s; con él, {HOST_TIMEOUTS_TRIP} tiempos agotados seguidos x timeout = {trip:.0f} s por host colgado"
    )


def machine() -> str:
    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import scrapy

    nginx_v = subprocess.run([find_nginx() or "nginx", "-v"], capture_output=True, text=True).stderr.strip()
    return (
        f"{os.cpu_count()} núcleos ({cpu}), {mem:.0f} GiB; Python {platform.python_version()}, "
        f"Scrapy {scrapy.__version__}, {nginx_v}"
    )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--quick",
        action="store_true",
        help="N = 300, una pasada, caso de enlaces pequeño (pocos minutos; --no-weekly lo acorta)",
    )
    ap.add_argument("--sizes", help="tamaños separados por comas (por defecto 1000,10000,50000)")
    ap.add_argument("--runs", type=int, default=3, help="pasadas para N <= 10.000 (por defecto 3)")
    ap.add_argument("--large-runs", type=int, default=1, help="pasadas para N > 10.000 (por defecto 1)")
    ap.add_argument("--no-links", action="store_true", help="omite el caso de enlaces externos")
    ap.add_argument(
        "--report-runs", type=int, default=1, help="mide los informes en las primeras K pasadas (por defecto 1)"
    )
    ap.add_argument("--report-mem-gb", type=float, default=8.0, help="tope de memoria de cada fase de informes (GiB)")
    ap.add_argument(
        "--no-baseline", action="store_true", help="sin la línea base (p. ej. para repetir sólo la herramienta)"
    )
    ap.add_argument(
        "--report-timeout", type=float, default=REPORT_TIMEOUT, help="tope de tiempo de cada fase de informes (s)"
    )
    ap.add_argument(
        "--crawl-only", action="store_true", help="sólo los rastreos de la herramienta (sin base ni informes)"
    )
    ap.add_argument(
        "--from-json", metavar="ARCHIVO", help="rehace la tabla y el .md de un results-*.json sin medir nada"
    )
    ap.add_argument(
        "--no-weekly",
        action="store_true",
        help="sin el escenario semanal (incremental frente a desde cero tras el 3.er rastreo y tras un cambio de plantilla)",
    )
    ap.add_argument("--added", type=int, default=5, help="páginas nuevas en el 3.er rastreo (por defecto 5)")
    ap.add_argument("--removed", type=int, default=5, help="páginas borradas en el 3.er rastreo (por defecto 5)")
    ap.add_argument("--keep", action="store_true", help="conserva la carpeta temporal (sitios, almacenes, registros)")
    ap.add_argument("--output", help="archivo de resultados (por defecto bench/results-<fecha>.md)")
    args = ap.parse_args()

    if args.from_json:
        return rerender(Path(args.from_json), args)
    if find_nginx() is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    # Ctrl+C and kill (TERM) both stop the servers and remove the temporary folder; a background job
    # may have inherited SIGINT ignored, so the handlers are installed explicitly.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    if importlib.util.find_spec("gelt_audit") is None:
        print("Instale el proyecto primero: pip install -e .  (desde la raíz del repositorio)", file=sys.stderr)
        return 2
    if args.quick:
        sizes, externals, link_n = [300], 100, 300
    else:
        sizes = [int(x) for x in (args.sizes or "1000,10000,50000").split(",")]
        externals, link_n = 2000, min(sizes, default=1000)
    started = time.monotonic()
    base = Path(tempfile.mkdtemp(prefix="gelt-bench-"))
    os.chmod(base, 0o755)
    site_port, ext_port, hang_port = free_port(), free_port(), free_port()
    while len({site_port, ext_port, hang_port}) < 3:
        ext_port, hang_port = free_port(), free_port()
    url = f"http://127.0.0.1:{site_port}/"
    ext_ok, ext_hang = f"http://localhost:{ext_port}/", f"http://localhost:{hang_port}/"
    all_runs: dict[int, list[dict]] = {}
    summaries: dict[int, dict] = {}
    lc = None
    gen_times: dict[int, float] = {}
    print(f"gelt-audit bench: {machine()}", flush=True)
    print(f"carpeta temporal: {base}", flush=True)
    write_externals(base / "externos", externals)
    try:
        with BlackHole(hang_port) as hole:
            for n in sizes:
                site = base / f"sitio-{n}"
                t0 = time.monotonic()
                info = Generator(n, site, ext_ok, ext_hang, externals).write()
                gen_times[n] = time.monotonic() - t0
                print(
                    f"N = {n}: sitio generado en {gen_times[n]:.1f} s ({info.html_bytes / 1e6:.0f} MB de HTML, "
                    f"{info.html_bytes / n / 1000:.0f} KB/página, {info.links / n:.0f} enlaces/página, "
                    f"{info.documents} documentos, {info.broken} páginas con un enlace roto)",
                    flush=True,
                )
                reference = zstd_reference(site)
                runs = 1 if args.quick else (args.runs if n <= 10_000 else args.large_runs)
                with Nginx(base / f"nginx-{n}", {site_port: site, ext_port: base / "externos"}):
                    all_runs[n] = []
                    for r in range(runs):
                        res = one_run(n, r, url, base, args, site)
                        res["reference"] = reference
                        all_runs[n].append(res)
                        c1, c2 = res["crawl1"], res["crawl2"]
                        b = res.get("baseline", {"pps": float("nan")})
                        fast = f", con arreglos {res['fast']['pps']:.0f} pág/s" if "fast" in res else ""
                        print(
                            f"  pasada {r + 1}/{runs}: herramienta {c1['pps']:.0f} pág/s, base {b['pps']:.0f} pág/s "
                            f"(razón {c1['pps'] / b['pps']:.2f}){fast}; re-rastreo {c2['wall']:.1f} s vs {c1['wall']:.1f} s; "
                            f"1.ª auditoría {_phase_wall(res, 'report1')}; semanal {_phase_wall(res, 'html')}, luego JSON {_phase_wall(res, 'report')}; "
                            f"RSS {c1['rss_mb']:.0f}/{c2['rss_mb']:.0f}/{res.get('report1', {}).get('rss_mb', 0):.0f}/{res.get('html', {}).get('rss_mb', 0):.0f} MB",
                            flush=True,
                        )
                        if "fair" in res:
                            f = res["fair"]
                            print(
                                f"    CPU/resp.: herramienta {1000 * c1['cpu'] / c1['responses']:.2f} ms, base justa "
                                f"{1000 * f['cpu'] / f['responses']:.2f} ms ({f['responses']:.0f} resp.)",
                                flush=True,
                            )
                        if not args.keep:
                            shutil.rmtree(base / f"n{n}-run{r}", ignore_errors=True)
                    summaries[n] = summarise(all_runs[n])
                    if n == link_n and not args.no_links:
                        print(f"  caso de enlaces externos a N = {n} …", flush=True)
                        lc = link_case(n, url, base, ext_port, hang_port, externals)
                        lc["accepted_by_hung_host"] = hole.accepted
                        print("  " + link_table(lc).replace("\n", "\n  "), flush=True)
                if not args.keep:
                    shutil.rmtree(site, ignore_errors=True)
    except KeyboardInterrupt:
        print("\nInterrumpido: servidores detenidos.", file=sys.stderr)
        return 130
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    total = time.monotonic() - started
    text = table(summaries)
    print()
    print(text)
    if lc:
        print()
        print(link_table(lc))
    print(f"\nDuración total: {total / 60:.1f} min")
    notes = html_note(summaries)
    if notes:
        print(notes)
    out = (
        Path(args.output)
        if args.output
        else HERE / f"results-{clock.today().isoformat()}{'-quick' if args.quick else ''}.md"
    )
    out.write_text(results_md(text, lc, summaries, total, args, gen_times, notes), encoding="utf-8")
    (out.with_suffix(".json")).write_text(
        json.dumps({"summaries": summaries, "runs": all_runs, "links": lc, "total_s": total}, indent=1, default=str)
    )
    print(f"Resultados en {out}")
    return 0


def rerender(path: Path, args: argparse.Namespace) -> int:
    data = json.loads(path.read_text())
    runs = {int(n): rs for n, rs in data["runs"].items()}
    summaries = {n: summarise(rs) for n, rs in runs.items()}
    text = table(summaries)
    lc = data.get("links")
    print(text)
    if lc:
        print("\n" + link_table(lc))
    notes = html_note(summaries)
    total = data.get("total_s", 0.0)
    args.quick = path.stem.endswith("-quick")
    out = Path(args.output) if args.output else path.with_suffix(".md")
    out.write_text(results_md(text, lc, summaries, total, args, {}, notes), encoding="utf-8")
    print(f"Resultados en {out}")
    return 0


def _phase_wall(res: dict, phase: str) -> str:
    p = res.get(phase)
    if p is None:
        return "n/d"
    return "falló" if "error" in p else f"{p['wall']:.1f} s"


def html_note(summaries: dict) -> str:
    notes = []
    if importlib.util.find_spec("gelt_audit.reports.write") is None:
        notes.append("Nota: gelt_audit.reports.write no existe todavía; sólo se midió el informe JSON.")
    for n, s in sorted(summaries.items()):
        for phase in ("report1", "report", "html"):
            if s.get(f"{phase}_error"):
                notes.append(f"Nota: a N = {n} la fase {phase} falló: {s[f'{phase}_error']}")
    return "\n".join(notes)


def results_md(text: str, lc: dict | None, summaries: dict, total: float, args, gen_times: dict, notes: str) -> str:
    mode = "--quick" if args.quick else "completo"
    parts = [
        f"# Resultados del benchmark ({clock.today().isoformat()}, modo {mode})",
        "",
        f"Máquina: {machine()}.",
        f"Concurrencia {CONCURRENCY} por host (herramienta y base), sin retardo, sin autothrottle, robots.txt obedecido, "
        "nginx con ETag/Last-Modified, sin gzip. Duración total: " + f"{total / 60:.1f} min.",
        "Medianas de las pasadas; la razón herramienta/base se calcula pasada a pasada (mismo sitio, mismo momento).",
        "",
        "```",
        text,
        "```",
        "",
    ]
    if lc:
        parts += ["```", link_table(lc), "```", ""]
    if notes:
        parts += [notes, ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
