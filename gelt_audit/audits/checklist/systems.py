"""The national systems a checklist names by alias in ``link_to`` rules (``@suit``, ``@secop``...)."""

from __future__ import annotations

# Default aliases for national systems (a profile's [hosts] table adds or overrides).
# "host" matches that host (www. ignored); "*.host" also subdomains; "host/path" a URL prefix.
NATIONAL_SYSTEMS: dict[str, tuple[str, ...]] = {
    "govco": ("gov.co", "portal.gov.co", "gobiernoenlinea.gov.co", "*.gobiernoenlinea.gov.co"),
    "portal_govco": ("gov.co", "portal.gov.co"),  # today's Portal Único only (the GOV.CO top bar)
    "suit": (
        "suit.gov.co",
        "*.suit.gov.co",
        "gov.co/ficha-tramites-y-servicios",
        "gov.co/tramites-y-servicios",
        "gov.co/servicios-y-tramites",
        "visorsuit.funcionpublica.gov.co",
        "tramites.gov.co",
    ),
    "secop": (
        "contratos.gov.co",
        "colombiacompra.gov.co",
        "*.colombiacompra.gov.co",
        "secop.gov.co",
        "*.secop.gov.co",
    ),
    "datos": ("datos.gov.co", "*.datos.gov.co"),
    "sigep": ("sigep.gov.co", "*.sigep.gov.co", "funcionpublica.gov.co/web/sigep", "sigep2.funcionpublica.gov.co"),
    "suin": ("suin-juriscol.gov.co", "*.suin-juriscol.gov.co", "suin.gov.co"),
    "redes": (
        "facebook.com",
        "*.facebook.com",
        "twitter.com",
        "x.com",
        "instagram.com",
        "youtube.com",
        "*.youtube.com",
        "youtu.be",
        "tiktok.com",
        "flickr.com",
        "soundcloud.com",
        "vimeo.com",
        "*.vimeo.com",
        "linkedin.com",
    ),
    "pse": ("pse.com.co", "*.pse.com.co", "zonapagos.com", "*.zonapagos.com", "*.avalpaycenter.com"),
    "encuestas": (
        "forms.gle",
        "docs.google.com/forms",
        "forms.office.com",
        "surveymonkey.com",
        "*.surveymonkey.com",
        "encuestafacil.com",
        "*.encuestafacil.com",
    ),
    "chat": (
        "tawk.to",
        "*.tawk.to",
        "wa.me",
        "api.whatsapp.com",
        "crisp.chat",
        "*.crisp.chat",
        "*.livechatinc.com",
        "*.zopim.com",
        "*.jivosite.com",
        "*.tidio.co",
    ),
    "empleo": ("serviciodeempleo.gov.co", "*.serviciodeempleo.gov.co", "cnsc.gov.co", "*.cnsc.gov.co"),
}


# The systems where the law itself sends an entity's information (procurement, open data,
# procedures, rules, public servants): a page whose content is a pointer to one is not empty.
_PUBLISHING_SYSTEMS = ("govco", "suit", "secop", "datos", "sigep", "suin")


def _publishing_patterns() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """The publishing systems' patterns as exact hosts, host suffixes and URL key prefixes."""
    pats = [p for alias in _PUBLISHING_SYSTEMS for p in NATIONAL_SYSTEMS[alias]]
    return (
        frozenset(p for p in pats if not p.startswith("*.") and "/" not in p),
        tuple(p[1:] for p in pats if p.startswith("*.")),
        tuple(p for p in pats if not p.startswith("*.") and "/" in p),
    )


_HOSTS, _SUFFIXES, _PREFIXES = _publishing_patterns()


def is_national_system(key: str) -> bool:
    """Whether a URL key (``host/path``, see urls.url_key) is on a national publishing system."""
    host = key.split("/", 1)[0]
    return host in _HOSTS or host.endswith(_SUFFIXES) or key.startswith(_PREFIXES)


def points_into_system(key: str) -> bool:
    """Whether a URL key leads into a national publishing system past its home page: a link to a
    portal's home page (Colombia Compra Eficiente's, datos.gov.co's, in a banner of links of interest)
    is not the entity's own link there (docs/checklist-scope.md, criterion G), and a page that shows
    only that publishes nothing of its own."""
    home = key.endswith("/") and key.count("/") == 1  # «host/»: url_key's home page
    return is_national_system(key) and not home


# Criterion G (docs/checklist-scope.md): a national portal's home page or its general search is not
# the entity's own link (its processes, its procedures, its datasets): the item's link part is
# «parcial». Per host (www. ignored): the system it belongs to and its general pages, as paths in
# lower case without a trailing slash ("" the home page, "*" every page of the host: Colombia
# Compra's own site tells about the SECOP, it holds no entity's processes). A query that is more than
# the interface's language or skin (``_UI_PARAMS``) filters the portal (the entity's name, its code):
# then the link is the entity's own. Class 2060 of H206, measured and not applied then; class 2811 (H281)
_PORTAL_PAGES: dict[str, tuple[str, frozenset[str]]] = {
    "contratos.gov.co": ("secop", frozenset(("", "/consultas/inicioconsulta.do"))),
    "colombiacompra.gov.co": ("secop", frozenset(("*",))),
    "secop.gov.co": ("secop", frozenset(("",))),
    "community.secop.gov.co": (
        "secop",
        frozenset(
            (
                "",
                "/sts/users/login/index",
                "/public/app/annualpurchasingplanmanagementpublic",
                "/public/tendering/contractnoticemanagement/index",
            )
        ),
    ),
    "datos.gov.co": ("datos", frozenset(("", "/browse", "/home"))),
    "suit.gov.co": ("suit", frozenset(("", "/inicio", "/web/guest"))),
    "visorsuit.funcionpublica.gov.co": ("suit", frozenset(("",))),
    "gov.co": ("suit", frozenset(("/ficha-tramites-y-servicios", "/tramites-y-servicios", "/servicios-y-tramites"))),
}
_UI_PARAMS = frozenset(("currentlanguage", "language", "lang", "page", "country", "skinname"))
_PORTAL_NAMES = {"secop": "del SECOP", "datos": "de datos.gov.co", "suit": "del SUIT / GOV.CO"}
_ENTITY_OWN = {
    "secop": "los procesos de la entidad",
    "datos": "los conjuntos de datos de la entidad",
    "suit": "los trámites de la entidad",
}


def portal_page(key: str) -> str:
    """The system alias («secop», «datos», «suit») of a URL key (see urls.url_key) that is a national
    portal's home page or general search, not the entity's own page there; else ""."""
    host, _slash, rest = key.partition("/")
    found = _PORTAL_PAGES.get(host.removeprefix("www."))
    if found is None:
        return ""
    path, _q, query = ("/" + rest).partition("?")
    path = path.lower().rstrip("/")
    params = {p.partition("=")[0].lower() for p in query.split("&") if p.partition("=")[2]}
    if params - _UI_PARAMS:
        return ""
    system, general = found
    return system if "*" in general or path in general else ""


def portal_problem(system: str) -> str:
    """What a committee reads of a link to a portal's general page (``portal_page``)."""
    return f"solo un enlace a la portada o la búsqueda general {_PORTAL_NAMES[system]}, no a {_ENTITY_OWN[system]}"
