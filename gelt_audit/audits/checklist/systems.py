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


# The front door of a national portal where the law sends an entity's own information: its home
# page, its general search or its login (as ``urls.url_key`` writes them, path in lower case).
# A link there names the portal and does not lead to what is the entity's (its processes, its
# datasets, its procedures, its rules): that part is «parcial» (docs/checklist-scope.md, criterion
# G). A search for the entity (``datos.gov.co/browse?q=…``) or a process's page is the entity's.
_FRONTS: dict[str, tuple[str, str]] = {
    "datos.gov.co/": ("la portada de datos.gov.co", "los conjuntos de datos de la entidad"),
    "datos.gov.co/browse": ("el buscador general de datos.gov.co", "los conjuntos de datos de la entidad"),
    "datos.gov.co/home": ("la portada de datos.gov.co", "los conjuntos de datos de la entidad"),
    "colombiacompra.gov.co/": ("la portada de Colombia Compra Eficiente", "los procesos de la entidad"),
    "colombiacompra.gov.co/secop-ii": ("la página general del SECOP II", "los procesos de la entidad"),
    "colombiacompra.gov.co/secop/secop-ii": ("la página general del SECOP II", "los procesos de la entidad"),
    "colombiacompra.gov.co/secop-i": ("la página general del SECOP I", "los procesos de la entidad"),
    "contratos.gov.co/": ("la portada del SECOP I", "los procesos de la entidad"),
    "contratos.gov.co/consultas/inicioconsulta.do": ("el buscador general del SECOP I", "los procesos de la entidad"),
    "secop.gov.co/": ("la portada del SECOP", "los procesos de la entidad"),
    "community.secop.gov.co/": ("la portada del SECOP II", "los procesos de la entidad"),
    "community.secop.gov.co/sts/users/login/index": (
        "el ingreso de usuarios del SECOP II",
        "los procesos de la entidad",
    ),
    "community.secop.gov.co/public/tendering/contractnoticemanagement/index": (
        "el buscador general del SECOP II",
        "los procesos de la entidad",
    ),
    "suit.gov.co/": ("la portada del SUIT", "los trámites de la entidad"),
    "visorsuit.funcionpublica.gov.co/": ("la portada del SUIT", "los trámites de la entidad"),
    "tramites.gov.co/": ("la portada del SUIT", "los trámites de la entidad"),
    "gov.co/tramites-y-servicios": ("el buscador general de trámites de GOV.CO", "los trámites de la entidad"),
    "gov.co/servicios-y-tramites": ("el buscador general de trámites de GOV.CO", "los trámites de la entidad"),
    "suin-juriscol.gov.co/": ("la portada de SUIN-Juriscol", "las normas de la entidad"),
}


def portal_front(key: str) -> str:
    """What a link to a national portal's front door lacks, said for a verdict («un enlace a la
    portada de datos.gov.co, no a los conjuntos de datos de la entidad»), for a URL key (see
    urls.url_key) that is one (see ``_FRONTS``); else ""."""
    host, slash, path = key.partition("/")
    front = _FRONTS.get(f"{host}{slash}{path.lower()}" if "?" not in path else "")
    return f"un enlace a {front[0]}, no a {front[1]}" if front else ""
