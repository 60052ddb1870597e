"""The browser accessibility pass over a crawl: which pages to render, and axe's findings on them.

Rendering every page is slow, and pages made from one template share most of their faults. So
the pass renders each template once (pages clustered by the skeleton of their markup outside the
main content), the key pages (home, Transparencia, PQRSD and forms, trámites, contacto) and the
pages that changed since the previous crawl, up to ``max_pages``. A template's findings are
reported once, with the number of pages that share the template.

Both steps follow the change, not the site: a body's template and form test are kept per body
hash, and axe's answer on a page is kept with the hash of every resource the page loaded; a later
crawl parses only new bodies and renders only pages whose bytes (page or resources) differ.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import zip_longest
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from gelt_audit.audits.browser import (
    AXE_TAGS,
    CHROMIUM,
    RUN_AXE,
    STATE_NO_BROWSER,
    STATE_OFF,
    STATE_OK,
    TECHNICAL,
    AxeBrowser,
    AxeResult,
    BrowserUnavailable,
    axe_setup,
    axe_source,
    check_installed,
    criterion_of,
    findings_of,
    playwright_error,
)
from gelt_audit.audits.pages import BodyJudge, is_html_page
from gelt_audit.markup import main_root
from gelt_audit.store import Crawl, Store

RENDER_AUDIT = "browser-axe"
RENDER_VERSION = 1  # bump when what is kept of a render changes
KEY_WORDS = ("transparencia", "pqr", "tramite", "trámite", "contacto", "atencion", "atención", "formulario")


@dataclass
class Template:
    """Pages that share one markup skeleton; ``pages`` in crawl order."""

    key: str
    pages: list[str] = field(default_factory=list)


def skeleton_key(root: etree._Element | None) -> str:
    """A hash of the page's tag paths outside its main content: equal for pages of one template."""
    if root is None:
        return "vacío"
    main = main_root(root)
    paths: set[str] = set()

    def walk(el: etree._Element, path: str, depth: int) -> None:
        if el is main or depth > 12:
            return
        for child in el:
            if isinstance(child.tag, str):
                part = child.tag + ("#" + child.get("id") if child.get("id") else "")
                paths.add(path + "/" + part)
                walk(child, path + "/" + part, depth + 1)

    walk(root, "", 0)
    return hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:12]


def is_home(url: str) -> bool:
    return urlsplit(url).path in ("", "/")


def is_key_url(url: str) -> bool:
    """The home page, the Transparencia hub, PQRSD, trámites, contacto: told by the URL alone."""
    path = urlsplit(url).path.lower()
    return is_home(url) or any(w in path for w in KEY_WORDS)


def has_main_form(root: etree._Element | None) -> bool:
    """A form in the page's main content (the template's search box is on every page)."""
    return root is not None and bool(main_root(root).xpath(".//form"))


def _template_facts(root: etree._Element | None, url: str) -> dict[str, Any]:
    return {"skeleton": skeleton_key(root), "form": has_main_form(root)}


# What the page selection needs of a body, judged once per body with the other per-body audits
# (audits.run.judge_bodies): a weekly pass parses only the changed pages, not the whole site.
TEMPLATE = BodyJudge("browser-template", 1, _template_facts)


def select_pages(
    store: Store, crawl: Crawl, max_pages: int = 20, previous: Crawl | None = None
) -> tuple[list[str], dict[str, Template]]:
    """The URLs to render (at most ``max_pages``) and each rendered URL's template.

    Order of choice: the home page, one page per template not yet covered (a template's faults
    are on all its pages), then the other key pages and the changed pages in turn.
    """
    before = {s["url"]: s["body_hash"] for s in store.snapshots(previous.id)} if previous else {}
    templates: dict[str, Template] = {}
    key_pages: list[str] = []
    changed: list[str] = []
    template_of: dict[str, str] = {}
    for snap in store.snapshots(crawl.id):
        if not is_html_page(snap):
            continue
        facts = TEMPLATE.cached(store, snap["body_hash"], snap["url"])
        key = facts["skeleton"]
        templates.setdefault(key, Template(key)).pages.append(snap["url"])
        template_of[snap["url"]] = key
        if is_key_url(snap["url"]) or facts["form"]:
            key_pages.append(snap["url"])
        if previous and before.get(snap["url"]) != snap["body_hash"]:
            changed.append(snap["url"])
    store.flush_audits()
    chosen: list[str] = []
    covered: set[str] = set()
    home = [u for u in key_pages if is_home(u)]
    firsts = [t.pages[0] for t in templates.values()]
    # then key and changed pages in turn: neither kind crowds the other out of ``max_pages``
    rest = [u for pair in zip_longest(key_pages, changed) for u in pair if u is not None]
    for url in home + firsts + rest:
        if len(chosen) >= max_pages:
            break
        if url in chosen or (url in firsts and url not in key_pages and template_of[url] in covered):
            continue
        chosen.append(url)
        covered.add(template_of[url])
    return chosen, {url: templates[template_of[url]] for url in chosen}


class StoreResources:
    """Answer the browser's requests with the bodies this crawl stored; refuse everything else."""

    def __init__(self, store: Store, crawl: Crawl):
        self.store = store
        self.by_url = {s["url"]: s for s in store.snapshots(crawl.id) if s["body_hash"]}

    def hash_of(self, url: str) -> str | None:
        """The body hash the browser gets for ``url`` (None: refused)."""
        snap = self.by_url.get(url.split("#")[0])
        return snap["body_hash"] if snap else None

    def __call__(self, url: str) -> tuple[bytes, str] | None:
        snap = self.by_url.get(url.split("#")[0])
        if snap is None:
            return None
        body = self.store.body(snap["body_hash"])
        return (body["content"], snap["content_type"] or "text/html") if body else None


def store_resolver(store: Store, crawl: Crawl) -> StoreResources:
    """Answer the browser's requests with the bodies this crawl stored; refuse everything else."""
    return StoreResources(store, crawl)


def render_key(url: str, body_hash: str | None) -> str:
    """Where axe's answer on one page is kept: the page's address and bytes decide it."""
    return "axe:" + hashlib.sha256(f"{url}\n{body_hash}".encode()).hexdigest()


def render_version() -> str:
    """What changes axe's answer besides the bytes: this pass and the axe-core run on the page."""
    script = hashlib.sha256((RUN_AXE + axe_setup() + ",".join(AXE_TAGS)).encode()).hexdigest()[:12]
    return f"{RENDER_VERSION}:{hashlib.sha256(axe_source().encode()).hexdigest()[:12]}:{script}"


class Renders:
    """axe's answer per page: kept from an earlier pass when the page and every resource it loaded
    are the same bytes; otherwise rendered (Chromium is started only when a page needs it)."""

    def __init__(self, store: Store, resources: StoreResources, executable: str):
        check_installed(executable)
        self.store, self.resources, self.executable = store, resources, executable
        self.version = render_version()
        self.browser: AxeBrowser | None = None

    def __enter__(self) -> Renders:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.browser is not None:
            self.browser.__exit__(*exc)
        self.store.flush_audits()

    def check(self, url: str) -> tuple[AxeResult, str]:
        """axe's answer on ``url`` and the axe-core version that gave it."""
        key = render_key(url, self.resources.hash_of(url))
        kept = self.store.cached_result(key, RENDER_AUDIT, self.version)
        if kept and all(self.resources.hash_of(u) == h for u, h in kept["resources"].items()):
            return result_from(kept["result"]), kept["axe_version"]
        loaded: dict[str, str | None] = {}

        def resolve(u: str) -> tuple[bytes, str] | None:
            loaded[u.split("#")[0]] = self.resources.hash_of(u)
            return self.resources(u)

        if self.browser is None:
            self.browser = AxeBrowser(self.executable).__enter__()
        result = self.browser.check(url, resolve)
        if not result.error:  # a failed render is tried again next time
            kept = {"resources": loaded, "result": result_record(result), "axe_version": self.browser.axe_version}
            self.store.keep_result(key, RENDER_AUDIT, self.version, kept)
        return result, self.browser.axe_version


def result_record(result: AxeResult) -> dict[str, Any]:
    """An :class:`AxeResult` as JSON (sets as sorted lists)."""
    return {
        "url": result.url,
        "violations": result.violations,
        "applied": sorted(result.applied),
        "incomplete": sorted(result.incomplete),
        "review": result.review,
    }


def result_from(record: dict[str, Any]) -> AxeResult:
    """The :class:`AxeResult` kept by :func:`result_record`."""
    return AxeResult(
        record["url"],
        record["violations"],
        set(record["applied"]),
        incomplete=set(record["incomplete"]),
        review=record["review"],
    )


def judged_nothing(state: str, message: str) -> dict[str, Any]:
    """The pass's answer when it judged nothing (switched off, no browser), with the reason."""
    return {
        "state": state,
        "message": message,
        "axe_version": None,
        "pages_checked": [],
        "errors": [],
        "findings": [],
        "review": [],
        "summary": {"total": 0, "by_rule": []},
    }


def audit_browser(
    store: Store,
    crawl: Crawl,
    previous: Crawl | None = None,
    *,
    mode: str = "auto",
    max_pages: int = 20,
    executable: str = CHROMIUM,
) -> dict[str, Any]:
    """axe-core findings on the selected pages of ``crawl``, rendered from the store.

    Returns ``{"state", "message", "axe_version", "pages_checked", "errors", "findings", "review", "summary"}``
    (``review``: per template and axe rule, how many elements axe left «to review»: it could not
    decide, so they are not findings); state is
    "ok", "sin navegador" (Chromium or Playwright missing: nothing was judged) or "desactivado".
    """
    if mode == "off":
        return judged_nothing(STATE_OFF, "pasada de navegador desactivada en la configuración")
    urls, templates = select_pages(store, crawl, max_pages, previous)
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    review: dict[tuple[str, str], dict[str, Any]] = {}
    errors = []
    versions: set[str] = set()
    try:
        with Renders(store, store_resolver(store, crawl), executable) as renders:
            for url in urls:
                result, axe_version = renders.check(url)
                versions.add(axe_version)
                if result.error:
                    errors.append({"url": url, "error": result.error})
                template = templates[url]
                for item in result.review:  # what axe could not decide: counted, never called a fault
                    key = (template.key, item["id"])
                    if key not in review:
                        review[key] = {
                            "rule": item["id"],
                            "criterion": criterion_of(item["tags"]),
                            "help": item["help"],
                            "nodes": item["nodes"],
                            "template": template.key,
                            "pages": len(template.pages),
                        }
                for finding in findings_of(result):
                    key = (template.key, finding["rule"], finding["selector"])
                    if key not in seen:  # one template's fault is reported once
                        seen[key] = {**finding, "template": template.key, "pages": len(template.pages)}
            version = max(versions - {""}, default="")
    except BrowserUnavailable as exc:
        return judged_nothing(STATE_NO_BROWSER, f"sin navegador: {exc}; no se evaluó la accesibilidad en el navegador")
    except playwright_error() as exc:  # Chromium died or closed in the middle of the pass: nothing is judged
        reason = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        return judged_nothing(
            STATE_NO_BROWSER,
            f"sin navegador: Chromium se cerró durante la revisión ({TECHNICAL}{reason}); "
            "no se evaluó la accesibilidad en el navegador",
        )
    findings = list(seen.values())
    by_rule: dict[str, int] = defaultdict(int)
    for f in findings:
        by_rule[f["rule"]] += 1
    return {
        "state": STATE_OK,
        "message": f"{len(urls)} páginas evaluadas en el navegador con axe-core {version}",
        "axe_version": version,
        "pages_checked": urls,
        "errors": errors,
        "findings": findings,
        "review": list(review.values()),
        "summary": {
            "total": len(findings),
            "by_rule": [{"rule": r, "count": n} for r, n in sorted(by_rule.items(), key=lambda x: -x[1])],
        },
    }
