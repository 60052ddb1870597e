"""URL helpers of the site index: comparison keys, the words of a path, documents, news."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

from gelt_audit.formats import DOCUMENT_EXTENSIONS
from gelt_audit.markup import strip_fragment, web_slashes

from .text import PARSE_CACHE, camel_split, count_words, fold, norm_tokens

# Extensions as rules name them (``pdf``, no dot).
# The answers that say a page does not exist (not a server's passing fault, a 5xx): an entry that
# leads to one publishes nothing (the committee's criterion «Entradas sin nada detrás»)
GONE = (404, 410)
DOC_EXTENSIONS = frozenset(suffix.lstrip(".") for suffix in DOCUMENT_EXTENSIONS)
NEWS_SEGMENTS = frozenset(
    "noticias noticia news prensa saladeprensa sala-de-prensa blog comunicados comunicado "
    "boletines-de-prensa articulos articulo".split()
)


def bare_host(netloc_host: str | None) -> str:
    """A host in lower case without ``www.``."""
    h = (netloc_host or "").lower()
    return h[4:] if h.startswith("www.") else h


def same_site(host: str, site: str) -> bool:
    """Whether ``host`` (of a URL key) is the site ``site`` or one of its subdomains."""
    return host == site or host.endswith("." + site)


@lru_cache(maxsize=PARSE_CACHE)
def url_key(url: str) -> str:
    """Comparison key of a URL: host without www, path without trailing slash, query; no scheme."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme in ("http", "https"):
        netloc, slash, tail = rest.partition("/")
        host, colon, port = netloc.partition(":")
        if host and not any(c in netloc for c in "@[?#") and (not port or (port.isdigit() and port.isascii())):
            n = int(port) if port else 0
            if n <= 65535:  # (else not a URL: the general way below says so)
                path, _, query = (slash + tail).split("#", 1)[0].partition("?")
                host = host.lower()
                host = host[4:] if host.startswith("www.") else host
                if n not in (0, 80, 443):
                    host = f"{host}:{n}"
                path = path or "/"
                if "%" in path:  # «/niñ@s» as written in a link, «/ni%C3%B1@s» as crawled: one page
                    path = unquote(path)
                if len(path) > 1:
                    path = path.rstrip("/") or "/"
                return host + path + (f"?{query}" if query else "")
    try:
        p = urlsplit(url)
        host = bare_host(p.hostname)
        if p.port and p.port not in (80, 443):  # another port is another site (test and demo servers)
            host = f"{host}:{p.port}"
    except ValueError:
        return url
    path = p.path or "/"
    if "%" in path:
        path = unquote(path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    return host + path + (f"?{p.query}" if p.query else "")


_GENERIC_SEGMENT = frozenset("index default inicio home aspx asp html htm php jsp page pagina paginas".split())


@lru_cache(maxsize=PARSE_CACHE)
def path_norm(key: str) -> tuple[str, int]:
    """Words of a URL's own segment (the last one, plus the previous if the last is generic)
    and its query values; parent folders are categories, not the page's subject."""
    rest = key.split("/", 1)[1] if "/" in key else ""
    path, _, query = rest.partition("?")
    segs = [s for s in unquote(path).split("/") if s]
    values = " ".join(v.partition("=")[2] for v in unquote(query).split("&"))
    toks: tuple[str, ...] = ()
    for seg in reversed(segs):
        toks = norm_tokens(seg) + toks
        if any(len(t) >= 3 and not t.isdigit() and t not in _GENERIC_SEGMENT for t in toks):
            break
    toks += norm_tokens(values)
    return " ".join(toks), count_words(toks)


def path_norms(key: str) -> list[str]:
    """The path words as written and with CamelCase split (PresupuestoGeneral2026.pdf)."""
    plain = path_norm(key)[0]
    camel = path_norm(camel_split(key))[0] if re.search(r"[a-z][A-Z]", key) else plain
    return [plain] if camel == plain else [plain, camel]


@lru_cache(maxsize=PARSE_CACHE)
def is_doc_key(key: str, exts: frozenset[str] | Sequence[str] = DOC_EXTENSIONS) -> bool:
    """Whether a URL key names a document with one of these extensions."""
    path = key.split("?", 1)[0]
    last = path.rsplit("/", 1)[-1]
    return "." in last and last.rsplit(".", 1)[1].lower() in exts


# class 2701 (H270): a file kept on a file host, opened in its viewer (Drive «/file/d/<id>/view», a
# Google document, sheet or slides, a OneDrive file or share, a Dropbox share, a SharePoint file link): the link is to
# a document as much as a «.pdf» is; a folder, a form or the host's home page is not one. The one notion
# of a file host's file: a document rule's (``doc_key``) and the evidence order's (``ranking.offsite_file``,
# class 2471)
_SHARED_FILE = re.compile(
    r"^(?:drive\.google\.com/(?:a/[^/]+/)?file/d/[\w-]{10,}"
    r"|docs\.google\.com/(?:a/[^/]+/)?(?:document|spreadsheets|presentation)/d/[\w-]{10,}"
    r"|1drv\.ms/[bwxp]/|(?:[\w-]+\.)?dropbox\.com/(?:s|scl/fi)/|[\w-]+\.sharepoint\.com/:[bwxp]:/"
    # OneDrive's own viewer, editor and download pages open one file; its «/?id=…» pages open folders too
    r"|onedrive\.live\.com/(?:view\.aspx|edit\.aspx|download(?:\.aspx)?)\?)"
)


def doc_key(key: str, exts: frozenset[str] | None) -> bool:
    """Whether a URL key names a document with one of these extensions or, for a ``document`` rule that
    names none (``exts`` None: every format of ``DOC_EXTENSIONS``), also a file a file host shows (class
    2701): a rule that asks for a PDF or a spreadsheet by name gets only files of that format."""
    if exts is None:
        return is_doc_key(key) or is_shared_file(key)
    return is_doc_key(key, exts)


def is_shared_file(key: str) -> bool:
    """Whether a URL key is a file a file host shows in its viewer (class 2701), not a folder or a form."""
    return _SHARED_FILE.match(key) is not None


@lru_cache(maxsize=PARSE_CACHE)
def is_news_key(key: str) -> bool:
    """A news article URL: a segment after a news folder (/noticias/<slug>); files and feeds
    kept in a news folder (PDF, RSS) are not articles."""
    segs = [s for s in fold(unquote(key.split("?", 1)[0])).split("/")[1:] if s]
    if (
        not segs
        or segs[-1] in ("feed", "rss", "atom")
        or re.search(r"\.(?:xml|rss|atom|pdf|docx?|xlsx?|zip)$", segs[-1])
    ):
        return False
    return any(s in NEWS_SEGMENTS for s in segs[:-1])


def filename(key: str) -> str:
    """The file name of a URL key, unquoted."""
    path = unquote(key.split("?", 1)[0])
    return path.rsplit("/", 1)[-1]


class Resolver:
    """A page's links resolved against its base, remembered while parsing a site (``PARSE_CACHE``
    at most: the template's links repeat from page to page, a page's own seldom do)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, base: str, origin: str, href: str) -> str:
        href = web_slashes(href)  # as the crawler resolved it: the page it fetched
        if len(self.cache) >= PARSE_CACHE:  # bounded whatever the site's size (issue 21, H263)
            self.cache.clear()
        if href.startswith(("http://", "https://")):
            ck = ("", href)
        elif href.startswith("/") and not href.startswith("//"):
            ck = (origin, href)
        else:
            ck = (base, href)
        out = self.cache.get(ck)
        if out is None and ck[0] == origin and "/." not in href and "\\" not in href and " " not in href:
            out = origin + href.split("#", 1)[0]
            self.cache[ck] = out
        if out is None:
            try:
                out = strip_fragment(urljoin(base, href.strip()))
            except ValueError:
                out = ""
            if "\\" in out:
                out = slashed_path(out)
            self.cache[ck] = out
        return out


def slashed_path(url: str) -> str:
    """``url`` with each backslash of its path read as a slash (``/archivos\\secciones\\x.php`` is
    ``/archivos/secciones/x.php``), as a browser reads a web address (the URL standard, for http and
    https) and as the crawler requests it (w3lib's ``safe_url_string``): the link names the page the crawl
    fetched, not an address nobody asked for (class 3010, H301). A backslash of the query is sent
    percent-encoded (``%5C``), as the crawler sends it."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return url
    cut = len(rest)
    for mark in ("?", "#"):
        at = rest.find(mark)
        if 0 <= at < cut:
            cut = at
    return scheme + sep + rest[:cut].replace("\\", "/") + rest[cut:].replace("\\", "%5C")


_LOGIN = re.compile(
    r"/(?:admin|administrator|administrador|wp-admin|wp-login\.php|user/login|iniciar-sesion|ingreso|intranet"
    # «/login», «/login.php», «/login.aspx» (H216)
    r"|login(?:\.(?:php|aspx?|jsp|html?))?)(?:/|$|\?)"
)


def is_login_url(url: str) -> bool:
    """Whether a URL is a staff login or back office (``/admin/``, ``/wp-login.php``...)."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else "/"
    return _LOGIN.search(path.lower()) is not None
