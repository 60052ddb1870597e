"""Produce the weekly and committee reports: HTML (+ JSON + CSV next to it) and the folder's index.

Public API:

- :func:`write_reports` — what the scheduler and the demo call: audit the last finished crawl,
  compare it with an older one, write ``semanal-AAAA-MM-DD.html`` / ``comite-AAAA-MM-DD.html``
  with their JSON and CSV files into ``[reports] dir`` and refresh ``index.html``.
- :func:`report_command` — the body of ``gelt-audit report``.
- :func:`build` — the rendered files of one report kind, in memory (used by both).

Every file is written whole (temporary file + rename, permissions 0o640): a reader, a mail
job or a web server never sees half a report.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from gelt_audit import clock
from gelt_audit.audits.changes import compare
from gelt_audit.audits.run import audit
from gelt_audit.config import Config
from gelt_audit.files import atomic_file, atomic_write, clean_temporaries, output_file, write_output
from gelt_audit.reports import csv_export, json_kept, matriz
from gelt_audit.reports import json_report as contract
from gelt_audit.reports.broken import broken_rows
from gelt_audit.reports.committee import committee
from gelt_audit.reports.dossier import history_items
from gelt_audit.reports.evidence import evidence_pages, write_evidence
from gelt_audit.reports.fmt import local_date
from gelt_audit.reports.index_page import REPORT_FILE, TITLES, list_reports, write_index
from gelt_audit.reports.json_file import Contract, copy_file, write_json, write_report_json
from gelt_audit.reports.render import ReportError, environment, render, templates_dir
from gelt_audit.reports.summary import (
    cached_ids,
    fingerprint,
    save,
    since_baseline,
    summarize,
    summary_for,
    trend_crawls,
    week_baseline,
)
from gelt_audit.reports.view import page_titles
from gelt_audit.reports.weekly import weekly
from gelt_audit.store import Crawl, Store

log = logging.getLogger("gelt_audit.reports")

KINDS = ("weekly", "committee")
PREFIX = {"weekly": "semanal", "committee": "comite"}
TEMPLATE = {"weekly": "weekly.html", "committee": "committee.html"}
FORMATS = ("html", "json", "csv", "matriz")


@dataclass
class Built:
    """One report kind rendered: ``html``, the JSON report's ``data`` (written item by item) and
    its CSV tables by name (written row by row; ``csv`` gives their text)."""

    kind: str
    day: date
    html: str
    data: dict[str, Any]
    tables: dict[str, csv_export.CsvTable] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)  # evidencia/<name>.html -> stored copy
    # the audits' findings ``data`` was built from (its kinds share their JSON's contract part)
    findings: dict[str, Any] | None = field(default=None, repr=False, compare=False)

    @property
    def csv(self) -> dict[str, csv_export.CsvText]:
        """Each CSV table's whole text (with its Excel twin as ``.excel``)."""
        return {name: table.text() for name, table in self.tables.items()}

    def json_text(self) -> str:
        return contract.ENCODER.encode(self.data)

    @property
    def stem(self) -> str:
        return f"{PREFIX[self.kind]}-{self.day.isoformat()}"


def parse_since(value: str | date | None, argument: str = "--since") -> date | None:
    """``--since`` as a date; a bad value is a :class:`ReportError` naming the argument.

    Only ``AAAA-MM-DD``, and a day that exists: ``2026-02-30`` is refused, not moved to March.
    """
    if value is None or value == "" or isinstance(value, date):
        return value or None
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ReportError(f"Fecha inválida en {argument}: {value!r} (use AAAA-MM-DD).")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReportError(f"Fecha inválida en {argument}: {value!r} no existe en el calendario.") from None


# -- what the reports compare ----------------------------------------------------------------------------
@dataclass
class FromFindings:
    """What the reports make of the findings alone, the same for every kind: the page titles and
    the CSV tables both kinds have (written once, copied by the other kind: :class:`Written`). One
    run's kinds written by separate calls (the scheduler's) share it through their ``Written``."""

    findings: dict[str, Any] = field(repr=False)
    titles: dict[str, str | None] | None = None
    tables: dict[str, csv_export.CsvTable] = field(default_factory=dict)


@dataclass
class Context:
    """The audited crawl and the store's other crawls, shared by both report kinds."""

    store: Store
    config: Config
    findings: dict[str, Any]
    latest: Crawl
    crawls: list[Crawl]
    fp: str
    now: datetime
    current: dict[str, Any]  # summary of the latest crawl
    remember: bool = True  # cache the latest crawl's summary (False for findings made up by a test)
    # read by both kinds' views and CSV tables, made once: page titles and shared tables (``made``,
    # kept by the caller's ``Written`` between its calls), broken link rows (by baseline)
    made: FromFindings | None = None
    _broken: dict[tuple[bool, frozenset[str]], dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.made is None or self.made.findings is not self.findings:
            self.made = FromFindings(self.findings)

    @property
    def tables(self) -> dict[str, csv_export.CsvTable]:
        """The tables made of the findings alone (:meth:`shared_table`), by name."""
        assert self.made is not None  # set by __post_init__
        return self.made.tables

    def titles(self) -> dict[str, str | None]:
        """:func:`view.page_titles` of the findings' pages."""
        assert self.made is not None  # set by __post_init__
        if self.made.titles is None:
            self.made.titles = page_titles(self.findings.get("pages") or [])
        return self.made.titles

    def broken_rows(self, previous: set[str] | None) -> dict[str, Any]:
        """:func:`broken.broken_rows` of the findings against ``previous`` (read, never changed)."""
        key = (previous is None, frozenset(previous or ()))
        if key not in self._broken:
            self._broken[key] = broken_rows(self.findings, previous, self.titles())
        return self._broken[key]

    def shared_table(self, name: str, make: Callable[[dict[str, Any]], csv_export.CsvTable]) -> csv_export.CsvTable:
        """A CSV table made of the findings alone, the same object for every kind that has it (its
        files are written once and copied: :class:`Written`)."""
        if name not in self.tables:
            self.tables[name] = make(self.findings)
        return self.tables[name]

    def remember_current(self) -> None:
        """Cache the latest crawl's summary: next week (and in the committee's trend) it is history."""
        if self.remember:
            save(self.store, self.current)

    def summary(self, crawl: Crawl | None) -> dict[str, Any] | None:
        if crawl is None:
            return None
        if crawl.id == self.latest.id:
            return self.current
        return summary_for(self.store, self.config, crawl, self.fp)


def _context(
    store: Store,
    config: Config,
    findings: dict[str, Any] | None,
    now: datetime,
    remember: bool,
    written: Written | None = None,
) -> Context:
    """The context of one call; ``written``: what an earlier call made of the same findings
    object (taken when it is that object; else this call's is left there for the next one)."""
    findings = findings if findings is not None else audit(store, config)
    latest = store.crawl(findings["crawl"]["id"])
    crawls = store.finished_crawls(config.site_url)
    fp = fingerprint(config)
    made = written.made if written is not None else None
    ctx = Context(store, config, findings, latest, crawls, fp, now, summarize(findings, fp), remember, made)
    if written is not None:
        written.made = ctx.made
    ctx.remember_current()
    return ctx


def _week_changes(ctx: Context, base: Crawl | None) -> dict[str, Any]:
    """Changes since the week's baseline crawl: the audit's own when that is the previous crawl."""
    previous = (ctx.findings.get("previous_crawl") or {}).get("id")
    if base is None or base.id == previous:
        return {
            "changes": ctx.findings.get("changes") or [],
            "template": ctx.findings.get("template_changes") or [],
            "errors": ctx.findings.get("page_errors") or [],
            "not_crawled": ctx.findings.get("not_crawled") or [],
        }
    result = compare(
        ctx.store, ctx.latest, base, ctx.config.dependencias, ignored=False, noise=ctx.config.noise
    )  # not shown
    return {
        "changes": result.changes,
        "template": result.template,
        "errors": result.errors,
        "not_crawled": result.not_crawled,
    }


def _last_committee_date(config: Config, today: date) -> date | None:
    """Date of the newest committee report in the reports folder made before today."""
    folder = config.reports_dir
    if not folder.is_dir():
        return None
    dates = []
    for entry in folder.iterdir():
        m = REPORT_FILE.match(entry.name)
        if m and m.group(1) == "comite":
            day = date.fromisoformat(m.group(2))
            if day < today:
                dates.append(day)
    return max(dates) if dates else None


def _crawl_view(crawl: Crawl | None) -> dict[str, Any] | None:
    return crawl.as_dict() if crawl else None


# -- building each kind ----------------------------------------------------------------------------------
def _weekly(ctx: Context, since: date | None) -> Built:
    base = week_baseline(ctx.crawls, ctx.latest, since)
    baseline = ctx.summary(base)
    week = _week_changes(ctx, base)
    ctx.current["week_changes"] = len(week["changes"])
    ctx.remember_current()  # now with the week's change count, which next week's report compares with
    previous = set(baseline["broken"]) if baseline else None
    broken = ctx.broken_rows(previous)
    view = weekly(ctx.config, ctx.findings, ctx.now, week, baseline, _crawl_view(base), broken)
    html = render(ctx.config, TEMPLATE["weekly"], view)
    titles = {p["url"]: p.get("title") for p in ctx.findings.get("pages") or []}
    report = {
        "kind": "weekly",
        "date": view["today"],
        "crawl_id": ctx.latest.id,
        "baseline_crawl": _crawl_view(base),
        "summary": view["summary"],
        "todo": [
            {
                "responsable": c["responsable"],
                "dependencias": c["dependencias"],
                "tasks": [{k: v for k, v in t.items() if k != "examples"} for t in c["tasks"]],
            }
            for c in view["todo"]
        ],
        "week_changes": [{k: c.get(k) for k in ("url", "kind", "dependencia", "detected_at")} for c in week["changes"]],
    }
    tables = {
        "enlaces-rotos": csv_export.broken_links_table(ctx.findings, previous, broken),
        "enlaces-sin-destino": csv_export.placeholder_links_table(ctx.findings),
        "enlaces-desarrollo": ctx.shared_table("enlaces-desarrollo", csv_export.dev_host_links_table),
        "cambios": csv_export.changes_table(week["changes"], titles),
        "dependencias": csv_export.dependencias_table(ctx.findings),
        "sin-asignar": csv_export.unassigned_table(ctx.findings),
    }
    _add_browser_table(tables, ctx.findings)
    data = {**contract.build(ctx.findings), "report": report}
    return Built("weekly", view["today"], html, data, tables, findings=ctx.findings)


def _committee(ctx: Context, since: date | None) -> Built:
    today = local_date(ctx.now) or clock.today()
    if since is not None:
        source = "fecha elegida"
    else:
        since = _last_committee_date(ctx.config, today)
        source = "último informe al comité" if since else "primer rastreo guardado"
    base = since_baseline(ctx.crawls, ctx.latest, since)
    baseline = ctx.summary(base)
    points = trend_crawls(ctx.crawls, base, ctx.latest, cached_ids(ctx.store, ctx.fp) | {ctx.latest.id})
    trend = [s for s in (ctx.summary(c) for c in points) if s is not None]
    history = history_items(ctx.store, ctx.fp)
    view = committee(
        ctx.config, ctx.findings, ctx.now, since, source, baseline, _crawl_view(base), trend, history, ctx.titles()
    )
    view["dependencias_target"] = ctx.config.targets.get("updates_per_month")
    html = render(ctx.config, TEMPLATE["committee"], view)
    before = (baseline or {}).get("items")
    report = {
        "kind": "committee",
        "date": view["today"],
        "since": since,
        "crawl_id": ctx.latest.id,
        "baseline_crawl": _crawl_view(base),
        "scores": view["scores"],
        "score_cards": view["cards"],
        "checklist_changes": view["changes"],
        "trend": [
            {k: t.get(k) for k in ("crawl_id", "date", "pages", "broken_count", "scores", "deps", "deps_meeting")}
            for t in trend
        ],
        "documents": ctx.findings.get("documents"),
    }
    tables = {
        "items": csv_export.items_table(ctx.findings),
        "indicadores": csv_export.indicators_table(ctx.findings),
        "enlaces-rotos": csv_export.broken_links_table(ctx.findings, None, ctx.broken_rows(None)),
        "enlaces-desarrollo": ctx.shared_table("enlaces-desarrollo", csv_export.dev_host_links_table),
        "cambios": csv_export.item_changes_table(ctx.findings, before),
        "documentos": csv_export.documents_table(ctx.findings),
    }
    _add_browser_table(tables, ctx.findings)
    copies = evidence_pages(ctx.store, ctx.findings.get("checklist") or [])
    data = {**contract.build(ctx.findings), "report": report}
    return Built("committee", today, html, data, tables, copies, findings=ctx.findings)


def _add_browser_table(tables: dict[str, csv_export.CsvTable], findings: dict[str, Any]) -> None:
    """The browser accessibility pass's CSVs (findings, rendered pages), when the pass ran."""
    table = csv_export.browser_table(findings)
    if table is not None:
        tables["accesibilidad-navegador"] = table
    rendered = csv_export.rendered_pages_table(findings)
    if rendered is not None:
        tables["paginas-renderizadas"] = rendered


BUILDERS = {"weekly": _weekly, "committee": _committee}


def build(
    config: Config,
    kinds: list[str],
    since: date | None = None,
    now: datetime | None = None,
    findings: dict[str, Any] | None = None,
    remember: bool = True,
) -> list[Built]:
    """Render the asked report kinds in memory (the audits run once for all of them).

    ``findings``: the audits' findings for the latest crawl, if the caller already has them.
    ``remember=False`` leaves the summary cache untouched (for findings that are not the audits').
    Raises ``gelt_audit.audits.run.NoCrawlError`` when nothing was crawled yet, and
    :class:`ReportError` for a bad kind or template.
    """
    return list(_each_built(config, kinds, since, now, findings, remember))


def _each_built(
    config: Config,
    kinds: list[str],
    since: date | None = None,
    now: datetime | None = None,
    findings: dict[str, Any] | None = None,
    remember: bool = True,
    written: Written | None = None,
) -> Iterator[Built]:
    """:func:`build`, one kind at a time: a caller that writes each before asking for the next
    never holds two reports. ``written``: as in :func:`_context`."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ReportError(f"Tipo de informe desconocido: {', '.join(unknown)} (use weekly o committee).")
    now = now or clock.now()
    templates_dir(config)  # a missing template folder is reported before any audit runs
    with Store(config.store_path) as store:
        if findings is None:
            _older_summaries_first(store, config, kinds, since, now)
        ctx = _context(store, config, findings, now, remember, written)
        for kind in kinds:
            yield BUILDERS[kind](ctx, since)


def warm_summaries(config: Config, kinds: list[str], since: date | None = None, now: datetime | None = None) -> None:
    """Cache the older crawls' summaries :func:`write_reports` of ``kinds`` compares with, for a caller
    that audits the latest crawl itself (the scheduler), before it does: not audited later while it
    holds the latest findings (two audits in memory at once, the peak of ``run``; issue 21, H155)."""
    if kinds:
        with Store(config.store_path) as store:
            _older_summaries_first(store, config, kinds, since, now or clock.now())


def _older_summaries_first(store: Store, config: Config, kinds: list[str], since: date | None, now: datetime) -> None:
    """Compute (and cache) the summaries of older crawls the reports will compare with before the
    latest crawl is audited, choosing them as :func:`_weekly` and :func:`_committee` will: an older
    crawl's audit then never runs while the latest one's findings are held (two whole-site
    audits in memory at once)."""
    latest = store.latest_crawl(config.site_url)
    if latest is None:
        return  # audit() says so
    crawls = store.finished_crawls(config.site_url)
    fp = fingerprint(config)

    def warm(crawl: Crawl | None) -> None:
        if crawl is not None and crawl.id != latest.id:
            summary_for(store, config, crawl, fp)

    for kind in kinds:
        if kind == "weekly":
            warm(week_baseline(crawls, latest, since))
        else:
            day = since or _last_committee_date(config, local_date(now) or clock.today())
            base = since_baseline(crawls, latest, day)
            warm(base)
            for crawl in trend_crawls(crawls, base, latest, cached_ids(store, fp) | {latest.id}):
                warm(crawl)
    store.forget_snapshots()  # the older crawls' rows: the latest crawl's audit does not read them


@dataclass
class Written:
    """What the kinds written so far by one :func:`write_reports` hold that the next kind, built
    from the same findings, would encode again: copied byte for byte instead."""

    contract: Contract | None = None  # where the last JSON file holds the contract
    # each CSV table object written, with its two files (a table shared by two kinds: one object)
    tables: list[tuple[csv_export.CsvTable, Path, Path]] = field(default_factory=list)
    # what the last call made of its findings alone (page titles, shared tables): the next call with
    # the same findings object takes it, and copies those tables' files
    made: FromFindings | None = None

    def files_of(self, table: csv_export.CsvTable) -> tuple[Path, Path] | None:
        return next(((plain, excel) for done, plain, excel in self.tables if done is table), None)

    def forget_own(self) -> None:
        """Drop the tables one kind made for itself (no later call has those objects); keep the
        ones made of the findings alone, which the next kind's call copies."""
        shared = list(self.made.tables.values()) if self.made is not None else []
        self.tables = [entry for entry in self.tables if any(entry[0] is table for table in shared)]


def write_built(built: Built, folder: Path, written: Written | None = None) -> list[Path]:
    """Write one built report into ``folder``: its evidence copies, HTML, then JSON, then the CSV
    tables (the copies first: the report never links to a copy not yet written).

    ``written``: what earlier kinds of the same run wrote (updated here); the contract part of
    the JSON and the tables they share with this kind are copied from their files."""
    written = written if written is not None else Written()
    clean_temporaries(folder)
    write_evidence(folder, built.evidence)
    html = atomic_write(folder / f"{built.stem}.html", built.html)
    json_path = folder / f"{built.stem}.json"
    written.contract = write_report_json(json_path, built.data, built.findings, written.contract)
    paths = [html, json_path]
    for name, table in built.tables.items():
        # each table with its twin for Excel with Colombian settings, row by row into both
        plain, excel = folder / f"{built.stem}-{name}.csv", folder / f"{built.stem}-{csv_export.excel_name(name)}.csv"
        done = written.files_of(table)
        if done is not None:  # the same table object, written by an earlier kind: the same bytes
            copy_file(done[0], plain)
            copy_file(done[1], excel)
        else:
            with atomic_file(plain, "w") as to_plain, atomic_file(excel, "w") as to_excel:
                table.write(to_plain, to_excel)
            written.tables.append((table, plain, excel))
        paths += [plain, excel]
    return paths


def write_reports(
    config: Config,
    kinds: list[str],
    since: date | None = None,
    now: datetime | None = None,
    findings: dict[str, Any] | None = None,
    written: Written | None = None,
) -> list[Path]:
    """Write the reports of ``kinds`` ("weekly", "committee") into ``config.reports_dir``.

    For each kind: ``semanal-AAAA-MM-DD.html`` (or ``comite-…``), its ``.json`` and its
    ``-<tabla>.csv`` files; then ``index.html`` is refreshed. Returns the written paths, each
    kind's HTML first (``index.html`` is not included). ``findings`` may be passed when the
    caller already ran the audits on the latest crawl. ``written``: what an earlier call of the
    same caller wrote from the same ``findings`` object (the scheduler writes one kind per call):
    the contract part of its JSON file is copied, not encoded again (updated here).
    """
    paths: list[Path] = []
    done = written if written is not None else Written()  # what one kind wrote that the next copies
    for built in _each_built(config, kinds, since, now, findings, written=done):
        written = write_built(built, config.reports_dir, done)
        paths += written
        log.info("%s escrito en %s", TITLES[built.kind], written[0])
        del built  # written: not held while the next kind is built
    if done.contract is not None:  # its encoded members, for `report --format json` of the same findings
        with Store(config.store_path) as store:
            json_kept.keep(store, done.contract.findings, done.contract.path, done.contract.spans)
    write_index(config)
    return paths


# -- gelt-audit report ------------------------------------------------------------------------------------
def report_command(
    config: Config,
    kind: str | None = None,
    fmt: str | None = None,
    output: str | os.PathLike[str] | None = None,
    since: str | date | None = None,
    now: datetime | None = None,
    stream: IO[str] | None = None,
) -> str:
    """What ``gelt-audit report`` does; returns the text to print.

    - no kind and ``json``: the JSON contract of DESIGN.md, unchanged (stdout or ``output``);
      without ``output`` and with a ``stream`` (stdout), written into it piece by piece and ""
      returned (the same bytes as the returned text would be);
    - ``html`` (default): without ``output``, the report with its JSON and CSV files goes into
      the reports folder (index refreshed) and the text lists the paths; with ``output``, only
      the HTML file is written there;
    - ``json`` with a kind: the contract plus a ``report`` block with the report's figures;
    - ``csv``: the report's tables, into ``output`` (a folder) or the reports folder;
    - ``matriz``: the committee's checklist as the national review's matrix
      (:mod:`reports.matriz`): ``comite-AAAA-MM-DD-matriz.xlsx`` and ``-matriz.csv`` (``;``) into
      ``output`` (a folder) or the reports folder; an ``output`` ending in .xlsx or .csv writes
      that one file.

    With ``output``, the returned text is the path written (for csv, the paths, one a line).
    """
    fmt = fmt or "html"
    if fmt not in FORMATS:
        raise ReportError(f"Formato de informe desconocido: {fmt} (use html, json, csv o matriz).")
    since_date = parse_since(since)
    if kind is None and fmt == "json":
        return json_kept.contract_report(config, output, stream)
    if fmt == "matriz":
        return _write_matriz(build(config, ["committee"], since_date, now)[0], output, config.reports_dir)
    kind = kind or "weekly"
    if fmt == "html" and output is None:
        paths = write_reports(config, [kind], since_date, now)
        lines = [f"{TITLES[kind]}: {paths[0]}"]
        lines += [f"  {p}" for p in paths[1:]]
        lines.append(f"Índice de informes: {config.reports_dir / 'index.html'}")
        return "\n".join(lines)
    built = build(config, [kind], since_date, now)[0]
    if fmt in ("html", "json"):
        if output is None:
            return built.html if fmt == "html" else built.json_text()
        target = Path(output)
        if target.is_dir():  # a folder: the report keeps its usual name there
            target = target / f"{built.stem}.{fmt}"
        if fmt == "html":
            if not target.exists() or target.is_file():  # not beside /dev/stdout or a FIFO
                write_evidence(target.parent, built.evidence)
            return str(write_output(target, built.html))
        return str(write_json(target, built.data, output_file))
    folder = Path(output) if output is not None else config.reports_dir
    written = []
    for name, table in built.tables.items():
        with atomic_file(folder / f"{built.stem}-{name}.csv", "w") as fh:
            table.write(fh, io.StringIO())  # the comma file only (the Excel twin goes with `run`)
        written.append(folder / f"{built.stem}-{name}.csv")
    return "\n".join(str(p) for p in written)


def _write_matriz(built: Built, output: str | os.PathLike[str] | None, reports_dir: Path) -> str:
    """The national review's matrix files (see :func:`report_command`); the paths, one a line."""
    target = Path(output) if output is not None else reports_dir
    wanted = {"xlsx", "csv"}
    if target.suffix.lower() in (".xlsx", ".csv"):
        wanted, paths = {target.suffix.lower()[1:]}, {target.suffix.lower()[1:]: target}
    else:
        paths = {ext: target / f"{built.stem}-matriz.{ext}" for ext in wanted}
    written = []
    if "xlsx" in wanted:
        written.append(atomic_write(paths["xlsx"], matriz.xlsx_bytes(built.data)))
    table = matriz.csv_text(built.data)
    if "csv" in wanted and table is not None:
        written.append(atomic_write(paths["csv"], table))
    return "\n".join(str(p) for p in written)


__all__ = [
    "Built",
    "KINDS",
    "ReportError",
    "build",
    "environment",
    "list_reports",
    "parse_since",
    "report_command",
    "warm_summaries",
    "write_built",
    "write_index",
    "write_reports",
]
