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
    # form platforms: a form kept on one of them is seen only as a link (criterion Q; class 2820, H282)
    "formularios": (
        "forms.gle",
        "docs.google.com/forms",
        "forms.office.com",
        "forms.microsoft.com",
        "jotform.com",
        "*.jotform.com",
        "form.typeform.com",
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
