"""WCAG 2.1 A/AA checks in a real browser: axe-core run in headless Chromium on stored pages.

The pages are rendered from the bodies kept in the store, never from the live site: every request
the page makes is answered from the store or refused, so the pass works offline and judges exactly
what the crawl saw. When Chromium or Playwright is missing the pass says so («sin navegador»)
instead of failing or reporting a clean site.
"""

from __future__ import annotations

import functools
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

try:
    import axe_playwright_python
except ImportError:  # pragma: no cover
    axe_playwright_python = None

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_SC_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")
STATE_OK = "ok"
STATE_NO_BROWSER = "sin navegador"
STATE_OFF = "desactivado"
# Marks the technical line (Playwright's or Python's, in English) inside a «sin navegador» message: the
# JSON keeps it whole, the reports leave it out (reports.browser.not_run_sentence).
TECHNICAL = "detalle técnico: "

# axe sends a failed duplicate-id-aria check «to review» (reviewOnFail) because WCAG 2.2 dropped 4.1.1
# Parsing; WCAG 2.1, which Res. 1519 adopts, keeps it, and an id repeated where ARIA points at it is a
# fact, not a judgement (ACT 3ea0c8). The other reviewOnFail rules (bypass, frame-title-unique,
# no-autoplay-audio) ask for a person's judgement and stay «to review».
AXE_CONFIGURE = "\naxe.configure({rules: [{id: 'duplicate-id-aria', reviewOnFail: false}]});\n"

# axe-core's own Spanish texts (locales/es.json of the axe-core version axe-playwright-python bundles,
# MPL-2.0; origin in axe_locale/README.md), applied with axe's API so the rules' «help» a person reads
# in the reports is in Spanish. That file has no Spanish for 16 of the rules run: the project's own
# translation (AXE_LOCALE_OURS, kept apart so the vendored file stays as axe-core ships it) fills them,
# and where both have a text axe-core's wins. A locale of another axe-core version may name checks this
# one lacks and axe.configure throws: the pass then runs with the English texts rather than not at all
# (test_reports_read_h294 checks every rule run has its Spanish «help», so an upgrade fails loudly).
AXE_LOCALE = Path(__file__).parent / "axe_locale" / "es.json"
AXE_LOCALE_OURS = Path(__file__).parent / "axe_locale" / "es-gelt.json"

# axe run on the page. Besides the rules tagged with AXE_TAGS, the rules axe marks «experimental»
# for those criteria run too (css-orientation-lock for 1.3.4, label-content-name-mismatch for 2.5.3):
# without them axe judges neither criterion; their consistency is measured in docs/ACT-IMPLEMENTATION.md.
# Two of axe's answers are narrowed to what the ACT Rules (and the HTML standard) define:
# - meta-refresh: only the first <meta http-equiv="refresh"> with a valid content is acted on by the
#   browser (HTML «shared declarative refresh steps»); a later one never runs (ACT bc659a).
# - avoid-inline-spacing: an !important letter/word spacing or line height is a fault only when it
#   reaches some text that it makes too tight (ACT 24afc2, 9e45ec, 78fd32): not on an empty element,
#   nor where a descendant overrides it, and measured against the font size of the text it reaches
#   («normal» and «initial» stay faults: they undo the user's own spacing).
RUN_AXE = r"""async (tags) => {
    const extra = {};
    for (const rule of axe._audit.rules) {
        if (rule.tags.includes('experimental') && rule.tags.some(t => tags.includes(t))) {
            extra[rule.id] = {enabled: true};
        }
    }
    const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: extra,
                                       resultTypes: ['violations', 'incomplete'], frameWaitTime: 3000, elementRef: true});
    const validRefresh = el => /^\s*\d+(\.[\d.]*)?\s*($|[;,\s])/.test(el.getAttribute('content') || '');
    const firstRefresh = [...document.querySelectorAll('meta[http-equiv]')]
        .find(el => el.getAttribute('http-equiv').trim().toLowerCase() === 'refresh' && validRefresh(el));
    const minimum = {'letter-spacing': 0.12, 'word-spacing': 0.16, 'line-height': 1.5};
    const tooTight = el => {
        for (const [prop, min] of Object.entries(minimum)) {
            if (el.style.getPropertyPriority(prop) !== 'important') continue;
            const own = getComputedStyle(el).getPropertyValue(prop);
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                if (!t.data.trim() || !t.parentElement) continue;
                const style = getComputedStyle(t.parentElement);
                if (style.getPropertyValue(prop) !== own) continue;  // overridden below the element
                const value = parseFloat(own);  // «normal» spacing is 0; «normal» line height is about 1.2
                if (Number.isNaN(value) || value < min * parseFloat(style.fontSize)) return true;
            }
        }
        return false;
    };
    const keep = (id, node) => {
        const el = node.element;
        if (!el || !el.ownerDocument || el.ownerDocument !== document) return true;
        if (id === 'meta-refresh') return el === firstRefresh;
        if (id === 'avoid-inline-spacing') return tooTight(el);
        return true;
    };
    const violations = r.violations.map(v => ({...v, nodes: v.nodes.filter(n => keep(v.id, n))}))
        .filter(v => v.nodes.length);
    const applied = [...r.passes, ...r.violations, ...r.incomplete].map(x => x.id);
    const review = r.incomplete.map(x => ({id: x.id, tags: x.tags, help: x.help, nodes: x.nodes.length}));
    return {version: axe.version, applied, incomplete: r.incomplete.map(x => x.id), review, violations: violations.map(v => ({
        id: v.id, impact: v.impact, tags: v.tags, help: v.help,
        nodes: v.nodes.map(n => ({target: n.target.flat(Infinity).join(' '),
                                  html: n.html, impact: n.impact}))}))};
}"""

# A resource the page asks for: (body, content type), or None to refuse it.
Resolver = Callable[[str], tuple[bytes, str] | None]


class BrowserUnavailable(Exception):
    """Chromium, Playwright or axe-core cannot be used here (message in Spanish)."""


class _NotRaised(Exception):
    """Stands for Playwright's error class while Playwright is not loaded (then nothing raises it)."""


def _sync_api() -> ModuleType | None:
    """``playwright.sync_api`` (None when the «browser» extra is not installed).

    Imported here, when a browser pass is about to start, not at the top of the module: it is an
    optional dependency that costs ~0.2 s of CPU to import, and every report and cron process
    imports this module while only the runs with ``[accessibility] browser`` on start a browser.
    This is not an import cycle being dodged: nothing of gelt_audit is imported lazily.
    """
    try:
        return importlib.import_module("playwright.sync_api")
    except ImportError:  # pragma: no cover - exercised only where the extra is not installed
        return None


def playwright_error() -> type[Exception]:
    """Playwright's error class once a browser was started (Playwright loaded), else a class that
    nothing raises: ``except playwright_error()`` catches what Chromium's end of a pass raised."""
    module = sys.modules.get("playwright.sync_api")
    return module.Error if module is not None else _NotRaised


def axe_source() -> str:
    """The packaged axe-core script (shipped by axe-playwright-python; no network)."""
    if axe_playwright_python is None:
        raise BrowserUnavailable("falta el paquete axe-playwright-python (instale el extra «browser»)")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@functools.cache
def axe_locale() -> dict[str, Any]:
    """The Spanish locale given to axe: axe-core's ``es.json`` with the project's translation of what
    it lacks (rules' help and description, checks' messages); axe-core's text wins where both have one."""
    official = json.loads(AXE_LOCALE.read_text(encoding="utf-8"))
    ours = json.loads(AXE_LOCALE_OURS.read_text(encoding="utf-8"))
    locale = dict(official)
    for part in ("rules", "checks"):
        merged = {key: dict(texts) for key, texts in ours.get(part, {}).items()}
        for key, texts in official.get(part, {}).items():
            merged[key] = {**merged.get(key, {}), **texts}
        locale[part] = merged
    return locale


@functools.cache
def axe_setup() -> str:
    """What runs after axe-core is loaded in a page: :data:`AXE_CONFIGURE` and the Spanish locale."""
    locale = json.dumps(axe_locale(), ensure_ascii=False, sort_keys=True)  # JSON is a JavaScript expression
    return AXE_CONFIGURE + f"try {{ axe.configure({{locale: {locale}}}); }} catch (e) {{}}\n"


def check_installed(executable: str) -> None:
    """Raise :class:`BrowserUnavailable` when Playwright, axe-core or Chromium is missing."""
    if _sync_api() is None:
        raise BrowserUnavailable("falta el paquete playwright (instale el extra «browser»)")
    if not Path(executable).exists():
        raise BrowserUnavailable(f"no se encontró Chromium en {executable}")
    axe_source()


def criterion_of(tags: Iterable[str]) -> str | None:
    """The WCAG success criterion named in an axe rule's tags (``wcag111`` -> ``1.1.1``)."""
    for tag in tags:
        m = _SC_TAG.match(tag)
        if m:
            return ".".join(m.groups())
    return None


@dataclass
class AxeResult:
    """What axe found on one page: violations and the rules that applied."""

    url: str
    violations: list[dict[str, Any]]
    applied: set[str]  # axe rules with at least one node checked (passed, failed or to review)
    error: str | None = None
    incomplete: set[str] = field(default_factory=set)  # axe rules that left nodes «to review»
    review: list[dict[str, Any]] = field(default_factory=list)  # per such rule: id, tags, help, nodes


class AxeBrowser:
    """One headless Chromium reused for many pages (start it with ``with``)."""

    def __init__(self, executable: str = CHROMIUM, timeout_ms: int = 15_000):
        self.executable = executable
        self.timeout_ms = timeout_ms
        self._pw = self._browser = None
        self.axe_version = ""

    def __enter__(self) -> AxeBrowser:
        check_installed(self.executable)
        self._axe = axe_source() + axe_setup()
        sync_api = _sync_api()
        assert sync_api is not None  # check_installed said so otherwise
        self._pw = sync_api.sync_playwright().start()
        try:
            self._browser = self._pw.chromium.launch(
                executable_path=self.executable, args=LAUNCH_ARGS, headless=True, timeout=30_000
            )
        except playwright_error() as exc:
            self._pw.stop()
            raise BrowserUnavailable(f"Chromium no arrancó ({TECHNICAL}{str(exc).splitlines()[0][:200]})") from exc
        return self

    def __exit__(self, *exc: object) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()

    def rule_table(self) -> list[dict[str, Any]]:
        """axe's rules with their tags and the ACT rules each implements (``actIds``)."""
        page = self._browser.new_page()
        try:
            page.add_script_tag(content=self._axe)
            return page.evaluate(
                "() => axe._audit.rules.map(r => ({id: r.id, tags: r.tags, actIds: r.actIds || [], enabled: r.enabled}))"
            )
        finally:
            page.close()

    def check(self, url: str, resolve: Resolver) -> AxeResult:
        """Render ``url`` with every request answered by ``resolve`` and run axe on it."""
        context = self._browser.new_context(bypass_csp=True, java_script_enabled=True)
        context.set_default_timeout(self.timeout_ms)

        loaded = [False]

        def serve(route: Any) -> None:
            request = route.request
            # A meta refresh or a script may navigate away after load: keep the page axe is judging.
            # A 204 answer leaves the browser on the current document.
            if request.is_navigation_request() and request.frame.parent_frame is None:
                if loaded[0] or request.url != url:
                    route.fulfill(status=204, body=b"")
                    return
            found = resolve(request.url)
            if found is None:
                route.abort()
            else:
                body, content_type = found
                route.fulfill(status=200, body=body, content_type=content_type)

        context.route("**/*", serve)
        try:
            page = context.new_page()
            page.goto(url, wait_until="load")
            loaded[0] = True
            for frame in page.frames:
                try:
                    frame.add_script_tag(content=self._axe)
                except playwright_error():
                    continue  # a refused or detached frame: axe skips it
            raw = page.evaluate(RUN_AXE, AXE_TAGS)
        except playwright_error() as exc:
            return AxeResult(url, [], set(), error=str(exc).splitlines()[0][:200])
        finally:
            context.close()
        self.axe_version = raw["version"]
        return AxeResult(
            url, raw["violations"], set(raw["applied"]), incomplete=set(raw["incomplete"]), review=raw["review"]
        )


def findings_of(result: AxeResult) -> list[dict[str, Any]]:
    """One finding per element axe flagged: rule, WCAG criterion, impact, selector, snippet, URL."""
    out = []
    for violation in result.violations:
        criterion = criterion_of(violation["tags"])
        for node in violation["nodes"]:
            out.append(
                {
                    "rule": violation["id"],
                    "criterion": criterion,
                    "impact": node.get("impact") or violation.get("impact"),
                    "selector": node["target"],
                    "html": node["html"][:300],  # escaped by the report templates
                    "url": result.url,
                    "help": violation["help"],
                }
            )
    return out
