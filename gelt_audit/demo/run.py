"""`gelt-audit demo`: serve the bundled site, crawl it twice (a week apart), audit and report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from gelt_audit import clock
from gelt_audit.audits.run import audit
from gelt_audit.config import load_config
from gelt_audit.demo.server import SiteServer
from gelt_audit.demo.site import (
    CRAWL_DAY,
    DEMO_DEPENDENCIAS,
    DEMO_TRAMITES,
    EXTERNAL_ALIASES,
    NOISE_SELECTORS,
    allied_site,
    demo_site,
)
from gelt_audit.files import atomic_write
from gelt_audit.reports import json_report
from gelt_audit.reports.fmt import fecha
from gelt_audit.reports.write import write_reports
from gelt_audit.store import Store

# The demo's national systems and allied entities live on a second local server, under these
# paths; the config tells the audits which real system or entity each path stands for.
DEMO_HOST_ALIASES = {
    "govco": ["govco/"],
    "portal_govco": ["govco/"],
    "suit": ["suit/", "govco/ficha-tramites-y-servicios/"],
    "secop": ["secop/"],
    "datos": ["datos-gov-co/"],
    "sigep": ["sigep/"],
    "suin": ["suin-juriscol/"],
    "redes": ["facebook/", "x/", "youtube/"],
    "pse": ["pse/"],
}


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def tramite_items(tramites: list[dict]) -> list[str]:
    """The municipality's trámites inventory as checklist items: published, and linked to GOV.CO."""
    lines = []
    for n, tramite in enumerate(tramites, 1):
        lines += [
            "[[checklist.items]]",
            f'id = "tramite.{n:02d}"',
            'phase = "plan"',
            f"name = {_toml(tramite['name'])}",
            'requires = "Publicado en el sitio y enlazado a su ficha en GOV.CO / SUIT"',
            f'parts = [{{ name = "publicado en el sitio", keywords = [{_toml(tramite["name"])}] }}, '
            f'{{ name = "enlace a GOV.CO / SUIT", rules = [{{ kind = "link_to", hosts = ["@suit"] }}] }}]',
            "",
        ]
    return lines


def demo_config(url: str, dependencias: list[dict], external: str) -> str:
    """The demo's gelt.toml: the bundled site on a local port, crawled without delays."""
    ext = external.split("://", 1)[1].rstrip("/")
    entities = [f"{ext}/{path.rstrip('/')}" for path, real in EXTERNAL_ALIASES.items() if ".gov.co" in real]
    lines = [
        "# Configuración de la demostración de gelt-audit (sitio ficticio servido en 127.0.0.1).",
        "[site]",
        'name = "Alcaldía de San Rafael de las Nubes - Tolima"',
        'responsable = "Jorge Enrique Cárdenas Vargas"',
        'email = "gobiernodigital@sanrafaeldelasnubes-tolima.gov.co"',
        f'url = "{url}"',
        "max_pages = 2000",
        "delay = 0",
        "autothrottle = false",
        "concurrency = 8",
        "",
        "[store]",
        'path = "demo.db"',
        "",
        "[targets]",
        "updates_per_month = 4",
        "",
        "[noise]",
        f"selectors = {json.dumps(NOISE_SELECTORS)}",
        "",
        "[links]",
        f"entidades = {_toml(entities)}",
        "",
        "# axe-core en Chromium sobre las páginas guardadas (una por plantilla, las clave y las que cambiaron);",
        '# sin Chromium o sin Playwright los informes lo dicen. "off" no abre navegador.',
        "[accessibility]",
        'browser = "auto"',
        "max_pages = 20",
        "",
        "[checklist.hosts]",
        # url prefixes without the trailing slash: ".../secop" must match ".../secop/" and ".../secop"
        *[
            f"{alias} = {_toml([ext + '/' + p.rstrip('/') for p in paths])}"
            for alias, paths in DEMO_HOST_ALIASES.items()
        ],
        "",
        *tramite_items(DEMO_TRAMITES),
    ]
    for dep in dependencias:
        lines += [
            "[[dependencias]]",
            f"name = {json.dumps(dep['name'], ensure_ascii=False)}",
            f"responsable = {json.dumps(dep.get('responsable', ''), ensure_ascii=False)}",
            f"email = {json.dumps(dep.get('email', ''), ensure_ascii=False)}",
            f"match = {json.dumps(list(dep['match']), ensure_ascii=False)}",
            "",
        ]
    return "\n".join(lines)


def _gelt(*args: str) -> int:
    # Each crawl in its own process: Twisted's reactor cannot be restarted.
    return subprocess.call([sys.executable, "-m", "gelt_audit", *args])


def run_demo(directory: Path, keep_serving: bool = False) -> int:
    """Run the whole pipeline on the demo site; print where the results are."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in ("demo.db", "demo.db-wal", "demo.db-shm"):
        (directory / old).unlink(missing_ok=True)
    shutil.rmtree(directory / "informes", ignore_errors=True)
    started = time.monotonic()
    with SiteServer(allied_site()) as allied:
        with SiteServer(demo_site(1, external_base=allied.url)) as site:
            config = directory / "gelt.toml"
            config.write_text(demo_config(site.url, DEMO_DEPENDENCIAS, allied.url), encoding="utf-8")
            print(f"Sitio de demostración en {site.url} (entidades aliadas en {allied.url})")
            print(
                f"La demostración transcurre en sus propias fechas: el reloj de gelt-audit ({clock.ENV}) se fija "
                f"al {fecha(CRAWL_DAY[1])} y al {fecha(CRAWL_DAY[2])}, sea cual sea la fecha de hoy."
            )
            print(f"1/3 Rastreando la versión 1 del sitio ({fecha(CRAWL_DAY[1])}) …")
            with clock.pinned(CRAWL_DAY[1]):
                if (code := _gelt("crawl", "--config", str(config))) != 0:
                    return code
            site.routes = demo_site(2, external_base=allied.url)
            print(f"2/3 Una semana después ({fecha(CRAWL_DAY[2])}): rastreando la versión 2 …")
            with clock.pinned(CRAWL_DAY[2]):
                if (code := _gelt("crawl", "--config", str(config))) != 0:
                    return code
                print("3/3 Auditando y escribiendo los informes …")
                reports = directory / "informes"
                json_path = reports / "informe.json"
                settings = load_config(config)
                with Store(settings.store_path) as store:
                    findings = audit(store, settings)  # once, for the JSON and both HTML reports
                atomic_write(json_path, json_report.dumps(findings))
                written = write_reports(settings, ["weekly", "committee"], findings=findings)
            weekly, committee = (p for p in written if p.suffix == ".html")
            print(f"Listo en {time.monotonic() - started:.0f} s.")
            print(f"  Configuración: {config}")
            print(f"  Almacén SQLite: {directory / 'demo.db'}")
            print(f"  Informe JSON: {json_path}")
            print(f"  Informe semanal: {weekly}")
            print(f"  Informe para el comité: {committee}")
            print(f"  Todos los informes (con sus CSV): {reports / 'index.html'}")
            if keep_serving:
                print("El sitio sigue en línea; Ctrl+C para terminar.")
                try:
                    while True:
                        time.sleep(3600)
                except KeyboardInterrupt:
                    pass
    return 0
