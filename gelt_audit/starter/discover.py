"""Where a person looks for a municipality's dependencias, read by `gelt-audit init --url`.

The home page (its menus and its sections), the pages a person opens to see the entity («Nuestra
entidad», «La alcaldía», «Dependencias», «Organigrama»), and the directory of officials for the
responsables and their e-mails. Each proposal keeps why it was made, in Spanish.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from gelt_audit.markup import collapse, parse
from gelt_audit.starter.directory import Official, officials
from gelt_audit.starter.names import (
    HEAD_ROLES,
    fold,
    is_dependencia,
    is_directory_page,
    is_entity_page,
    key_words,
    same_dependencia,
    site_name,
)

Fetch = Callable[[str], str | None]
MAX_PAGES = 12  # pages read besides the home page
_MENU = (
    "ancestor::nav or ancestor::header or ancestor::*[@role='navigation' or @role='menubar' or @role='menu' "
    "or contains(@class,'menu') or contains(@class,'nav') or contains(@id,'menu')]"
)
_FOOTER = "ancestor::footer or ancestor::*[contains(@class,'footer') or contains(@id,'footer')]"
_INDEX_NAMES = ("index.", "default.", "inicio.", "home.")


@dataclass
class Proposal:
    """A dependencia proposed for gelt.toml, and why."""

    name: str
    target: str  # its page on the site ("" when only the directory names it)
    reasons: list[str] = field(default_factory=list)
    match: list[str] = field(default_factory=list)
    responsable: str = ""
    email: str = ""
    contact_from: str = ""  # the directory page the responsable and e-mail come from
    head: bool = False  # the responsable heads it (secretario, jefe, director…)
    note: str = ""


@dataclass
class Discovery:
    url: str
    name: str
    name_reason: str
    read: list[tuple[str, str]] = field(default_factory=list)  # (what, URL) of the pages read
    proposals: list[Proposal] = field(default_factory=list)
    problem: str = ""


@dataclass
class _Link:
    text: str
    url: str
    place: str  # where on the page: «el menú», «el pie de página», «el contenido»


def _links(root: Any, url: str) -> list[_Link]:
    base = root.find(".//base[@href]")
    base_url = urljoin(url, base.get("href")) if base is not None else url
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        text = collapse(a.text_content()) or collapse(a.get("title") or "")
        if not text:
            text = " ".join(collapse(img.get("alt") or "") for img in a.iter("img")).strip()
        try:
            target = urljoin(base_url, href).split("#", 1)[0]
        except ValueError:
            continue
        place = "el menú" if a.xpath(_MENU) else "el pie de página" if a.xpath(_FOOTER) else "el contenido"
        out.append(_Link(text, target, place))
    return out


def _same_site(a: str, b: str) -> bool:
    def host(u: str) -> str:
        return urlsplit(u).netloc.lower().removeprefix("www.")

    return host(a) == host(b)


def prefix_for(url: str) -> str | None:
    """The path prefix of a dependencia's section from the URL of its page: its folder when the
    page is the folder's index (``/hacienda/``, ``/hacienda/index.html``), else the page's own path
    (``/NuestraAlcaldia/Paginas/Hacienda.aspx``, ``/index.php/hacienda``). None for the home page."""
    path = urlsplit(url).path or "/"
    if path == "/":
        return None
    if path.endswith("/"):
        return path
    folder, _, leaf = path.rpartition("/")
    if leaf.lower().startswith(_INDEX_NAMES) and folder:
        return folder + "/"
    return path


class _Reader:
    """The pages read so far and the proposals they made."""

    def __init__(self, url: str, fetch: Fetch):
        self.url = url
        self.fetch = fetch
        self.read: list[tuple[str, str]] = []
        self.queued: set[str] = {url}
        self.proposals: dict[str, Proposal] = {}
        self.directories: list[tuple[str, list[Official]]] = []

    def page(self, url: str, what: str) -> Any:
        html = self.fetch(url)
        root = parse(html) if html else None
        if root is not None:
            self.read.append((what, url))
        return root

    def collect(self, root: Any, url: str, where: str) -> list[tuple[str, str, bool]]:
        """Propose the dependencias a page links to; return the pages to read next (label, URL, directory)."""
        nexts = []
        for link in _links(root, url):
            if not _same_site(link.url, self.url):
                continue
            if is_dependencia(link.text):
                place = "el menú del sitio" if link.place == "el menú" else f"{link.place} de {where}"
                if where != "la página de inicio" and link.place != "el contenido":
                    continue  # the menus repeat on every page: counted once, from the home page
                self._propose(link.text, link.url, place)
            elif link.url not in self.queued and (is_entity_page(link.text) or is_directory_page(link.text)):
                self.queued.add(link.url)
                nexts.append((link.text, link.url, is_directory_page(link.text)))
        return nexts

    def _propose(self, text: str, url: str, place: str) -> None:
        key = " ".join(sorted(key_words(text))) or fold(text)
        found = self.proposals.get(key)
        if found is None:
            found = self.proposals[key] = Proposal(name=text, target=url)
        if place not in found.reasons:
            found.reasons.append(place)


def discover(url: str, fetch: Fetch, name: str = "") -> Discovery:
    """Read the home page and the pages a person would open next; propose dependencias."""
    reader = _Reader(url, fetch)
    root = reader.page(url, "la página de inicio")
    if root is None:
        host = urlsplit(url).hostname or url
        return Discovery(url, name or host, "dado con --name" if name else "el nombre del servidor", problem=(
            "no se pudo leer la página de inicio: no se propone ninguna dependencia"
        ))  # fmt: skip
    found_name, reason = _name(root, name)
    queue = reader.collect(root, url, "la página de inicio")
    attempts = 0
    while queue and len(reader.read) <= MAX_PAGES and attempts < 2 * MAX_PAGES:
        attempts += 1
        label, page_url, is_directory = queue.pop(0)
        page = reader.page(page_url, f"«{label}»")
        if page is None:
            continue
        if is_directory:
            reader.directories.append((page_url, officials(page)))
        else:
            queue += reader.collect(page, page_url, f"la página «{label}»")
            listed = officials(page)
            if any(o.email for o in listed):
                reader.directories.append((page_url, listed))
    proposals = list(reader.proposals.values())
    for page_url, listed in reader.directories:
        _contacts(proposals, listed, page_url)
    _prefixes(proposals)
    return Discovery(url, found_name, reason, reader.read, proposals)


def _name(root: Any, given: str) -> tuple[str, str]:
    if given:
        return given, "dado con --name"
    meta = root.find(".//meta[@property='og:site_name']")
    if meta is not None and (content := collapse(meta.get("content") or "")):
        cleaned, _ = site_name(content)
        if cleaned:
            return cleaned, "la etiqueta og:site_name de la página de inicio"
    title = root.find(".//title")
    text = collapse(title.text_content()) if title is not None else ""
    cleaned, dropped = site_name(text)
    if not cleaned:
        return "", "la página de inicio no tiene título"
    if dropped:
        return cleaned, f"el título de la página de inicio «{text}», sin {', '.join(f'«{d}»' for d in dropped)}"
    return cleaned, "el título de la página de inicio"


def _belongs(name: str, official: Official) -> bool:
    if official.dependencia:
        return same_dependencia(name, official.dependencia)
    return bool(HEAD_ROLES.search(official.role)) and same_dependencia(name, official.role)


def _contacts(proposals: list[Proposal], listed: list[Official], page_url: str) -> None:
    """Responsables and e-mails from a directory (the head of each dependencia first); dependencias
    only the directory names are added."""
    for official in listed:
        match = next((p for p in proposals if _belongs(p.name, official)), None)
        if match is None and official.dependencia and is_dependencia(official.dependencia):
            match = Proposal(name=official.dependencia, target="", reasons=["el directorio de funcionarios"])
            proposals.append(match)
        if match is None or not official.name:
            continue
        head = bool(HEAD_ROLES.search(official.role))
        if match.responsable and (match.head or not head):
            continue
        match.responsable, match.email = official.name, official.email or match.email
        match.contact_from, match.head = page_url, head


def _prefixes(proposals: list[Proposal]) -> None:
    """Each proposal's match prefix; none when two share it (their pages differ only in ?query)."""
    wanted = {id(p): prefix_for(p.target) if p.target else None for p in proposals}
    counts: dict[str, int] = {}
    for prefix in wanted.values():
        if prefix:
            counts[prefix] = counts.get(prefix, 0) + 1
    for p in proposals:
        prefix = wanted[id(p)]
        if prefix and counts[prefix] == 1:
            p.match = [prefix]
        elif prefix:
            p.note = f"su página ({p.target}) no tiene una ruta propia: complete match a mano"
        elif p.target:
            p.note = "su enlace lleva a la página de inicio: complete match a mano"
        else:
            p.note = "sólo aparece en el directorio de funcionarios: complete match a mano"
