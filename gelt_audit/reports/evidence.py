"""The evidence pages beside the committee report: ``evidencia/<name>.html``, each a stored copy
of a page the checklist rests on, rendered from the snapshot store (never from the live site).

A crawled page is hostile. The copy is made inert: no scripts, no event handlers, no frames,
objects, forms that send, ``<base>`` or meta refresh, nothing that loads from anywhere (no
``src``, no stylesheets, no ``style``); its text and its links stay, each link made absolute
to the original site and only for http(s)/mailto. A Content-Security-Policy that forbids every
load and every script backs that up. A banner at the top says when it was stored, from where,
since when unchanged, and its SHA-256.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from gelt_audit.audits.copies import COPY_DIR
from gelt_audit.files import atomic_write, clean_temporaries
from gelt_audit.reports import fmt
from gelt_audit.store import Store

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"
# Removed with their content: they run, load, embed or hold markup that is not the page's text.
DROP = frozenset(
    "script style noscript template iframe frame frameset object embed applet base link meta "
    "svg math canvas audio video source track picture portal param head".split()
)
# Kept as they are (their attributes filtered); any other element is unwrapped, its text kept.
KEEP = frozenset(
    "html body div span p br hr h1 h2 h3 h4 h5 h6 header footer nav main section article aside "
    "address blockquote pre code em strong b i u s small sub sup mark abbr cite q time dfn kbd samp "
    "var del ins ul ol li dl dt dd table caption thead tbody tfoot tr th td colgroup col figure "
    "figcaption details summary a button label fieldset legend form select option optgroup textarea "
    "input output progress meter center font".split()
)
ATTRS = frozenset(
    "id class title lang dir colspan rowspan headers scope abbr datetime open name type value "
    "placeholder checked selected disabled readonly multiple label for start reversed cite".split()
)
SAFE_SCHEMES = ("http", "https", "mailto")
_XML_DECLARATION = re.compile(r"^[\s\ufeff]*<\?xml[^>]*\?>")
STYLE = """
body { font-family: system-ui, sans-serif; line-height: 1.45; margin: 0 1rem 2rem; color: #1b1b1b; }
.gelt-copia { position: sticky; top: 0; margin: 0 -1rem 1rem; padding: .6rem 1rem; background: #fff4ce;
  border-bottom: 2px solid #8a6d00; font-size: .95rem; }
.gelt-copia code { word-break: break-all; }
.gelt-imagen { color: #555; font-style: italic; }
"""


def _safe_href(value: str, base: str) -> str | None:
    absolute = urljoin(base, value.strip())
    try:
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    return absolute if scheme in SAFE_SCHEMES else None


def _base(doc: lxml.html.HtmlElement, page_url: str) -> str:
    """What relative links resolve against: the page's ``<base href>`` when it stays on the page's
    own host (a hostile base pointing elsewhere is ignored), else the page's URL."""
    for href in doc.xpath("//base/@href")[:1]:
        candidate = _safe_href(href, page_url)
        if candidate and urlsplit(candidate).netloc == urlsplit(page_url).netloc:
            return candidate
    return page_url


def _clean_element(el: lxml.html.HtmlElement, base: str) -> None:
    href = el.get("href") if el.tag in ("a", "area") else None
    alt = el.get("alt")
    for name in list(el.attrib):
        if name.lower() not in ATTRS:
            del el.attrib[name]
    if el.tag == "a" and href is not None:
        safe = _safe_href(href, base)
        if safe is not None:
            el.set("href", safe)
            el.set("rel", "noopener noreferrer nofollow")
    if alt is not None and el.tag in ("img", "area", "input"):
        el.set("title", alt)


def sanitize(markup: str, base_url: str) -> lxml.html.HtmlElement:
    """The stored page as an inert ``<html>`` tree: text and safe links only (see the module doc)."""
    # an XHTML page's <?xml … encoding=…?> makes lxml refuse the (already decoded) text
    markup = _XML_DECLARATION.sub("", markup or "", count=1)
    try:
        doc = lxml.html.document_fromstring(markup or "<p></p>")
    except (lxml.etree.ParserError, ValueError):
        doc = lxml.html.document_fromstring("<p></p>")
    title = doc.findtext(".//title") or ""
    base_url = _base(doc, base_url)
    for node in list(doc.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        _remove(node)
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in DROP:
            el.drop_tree()
        elif tag == "img" or (tag == "input" and (el.get("type") or "").lower() == "image"):
            alt = (el.get("alt") or "").strip()
            label = lxml.html.Element("span", {"class": "gelt-imagen"})
            label.text = f"[imagen: {alt}]" if alt else "[imagen]"
            label.tail = el.tail
            el.getparent().replace(el, label)
        elif tag not in KEEP:
            el.drop_tag()
    for el in doc.iter():
        if isinstance(el.tag, str):
            _clean_element(el, base_url)
    doc.attrib.pop("manifest", None)
    head = lxml.html.Element("head")
    doc.insert(0, head)
    for tag, attrs in (
        ("meta", {"charset": "utf-8"}),
        ("meta", {"http-equiv": "Content-Security-Policy", "content": CSP}),
        ("meta", {"name": "referrer", "content": "no-referrer"}),
        ("meta", {"name": "robots", "content": "noindex, nofollow"}),
    ):
        head.append(lxml.html.Element(tag, attrs))
    head.append(_text_element("title", f"Copia guardada: {title.strip()}"[:300]))
    head.append(_text_element("style", STYLE))
    return doc


def _remove(node: Any) -> None:
    parent = node.getparent()
    if parent is not None:
        if node.tail:
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)


def _text_element(tag: str, text: str) -> lxml.html.HtmlElement:
    el = lxml.html.Element(tag)
    el.text = text
    return el


def banner(copy: dict[str, Any]) -> str:
    """The banner's HTML (everything escaped): when stored, the original, unchanged since, hash."""
    url = html_lib.escape(copy["url"])
    link = f'<a href="{url}" rel="noopener noreferrer nofollow">{url}</a>' if _safe_href(copy["url"], "") else url
    return (
        '<div class="gelt-copia" role="note">'
        f"Copia guardada el {html_lib.escape(fmt.fecha(copy['fetched_at']))} — original: {link} — "
        f"contenido sin cambios desde el {html_lib.escape(fmt.fecha(copy['content_changed_at']))} — "
        f"huella SHA-256 <code>{html_lib.escape(copy['content_hash'])}</code>. "
        "Esta copia es del almacén de gelt-audit: sin scripts ni imágenes, con los enlaces al sitio original."
        "</div>"
    )


def render_copy(markup: str, copy: dict[str, Any]) -> str:
    """One evidence page: the sanitized stored HTML with the banner first in its body."""
    doc = sanitize(markup, copy["url"])
    body = doc.find("body")
    if body is None:
        body = lxml.html.Element("body")
        doc.append(body)
    body.insert(0, lxml.html.fragment_fromstring(banner(copy)))
    return "<!doctype html>\n" + lxml.html.tostring(doc, encoding="unicode", method="html")


def evidence_pages(store: Store, checklist: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Every stored copy the checklist records name, rendered: relative path -> HTML."""
    pages: dict[str, str] = {}
    for record in checklist:
        for copy in record.get("evidence_copies") or ():
            if not isinstance(copy.get("copy"), str) or not copy.get("content_hash") or copy["copy"] in pages:
                continue  # a record built elsewhere without a stored body names nothing to copy
            markup = store.html(copy["content_hash"])
            if markup is not None:
                pages[copy["copy"]] = render_copy(markup, copy)
    return pages


def write_evidence(folder: Path, pages: dict[str, str]) -> list[Path]:
    """Write the evidence pages under ``folder`` (``evidencia/…``); an existing copy is the same
    crawl's copy of the same body (its name says so) and is left as it is."""
    written: list[Path] = []
    if not pages:
        return written
    clean_temporaries(folder / COPY_DIR)  # left by a writer killed mid-copy
    for relative, text in pages.items():
        target = folder / relative
        if not target.resolve().is_relative_to((folder / COPY_DIR).resolve()):
            continue  # names are made here from a slug and a hash; never trust a path anyway
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            atomic_write(target, text)
        written.append(target)
    return written
