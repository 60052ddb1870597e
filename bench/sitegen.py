"""Synthetic municipal websites of N pages, written as static files for nginx.

Shaped like a real alcaldía site: a shared template (header, mega-menu, footer with a visit
counter), dependencias with their sections, news with Spanish dates, trámites, normatividad with
PDF documents, transparency pages; 30–80 links a page, 20–60 KB of HTML a page, a few broken
links (404), a skip link with a fragment, and links to external entities.

Deterministic: the same (N, seed, external bases) always gives byte-identical files, so a second
crawl of an unchanged site sees the same ETag / Last-Modified (nginx derives both from the file's
mtime and size, and the files are written once per benchmark).

Reachability: page i links to its "children" 8i+1 … 8i+8, so every page is at most
log8(N) + 1 clicks from the home page (6 at 50,000), well inside the crawler's max_depth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

DEPENDENCIAS = [
    ("Despacho del Alcalde", "despacho"),
    ("Secretaría de Gobierno", "secretaria-de-gobierno"),
    ("Secretaría de Hacienda", "secretaria-de-hacienda"),
    ("Secretaría de Planeación", "secretaria-de-planeacion"),
    ("Secretaría de Salud", "secretaria-de-salud"),
    ("Secretaría de Educación", "secretaria-de-educacion"),
    ("Secretaría de Desarrollo Agropecuario", "secretaria-de-desarrollo-agropecuario"),
    ("Secretaría de Infraestructura", "secretaria-de-infraestructura"),
    ("Comisaría de Familia", "comisaria-de-familia"),
    ("Inspección de Policía", "inspeccion-de-policia"),
    ("Control Interno", "control-interno"),
    ("Oficina de Contratación", "contratacion"),
]
# (section prefix, share of the pages)
SECTIONS = [
    ("noticias", 0.40),
    ("dependencias", 0.33),
    ("transparencia", 0.10),
    ("tramites", 0.09),
    ("normatividad", 0.08),
]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
WORDS = (
    "municipio alcaldía comunidad veredal proyecto inversión recursos salud educación vías "
    "acueducto alcantarillado convocatoria ciudadanos participación presupuesto contrato obra "
    "rendición cuentas plan desarrollo territorial gestión riesgo campesinos productores café "
    "aguacate mercado escuela rural sede hospital vacunación jornada adulto mayor juventud deporte "
    "cultura biblioteca turismo paisaje cordillera central tolima departamento gobernación nación "
    "secretaría despacho decreto acuerdo resolución concejo personería veeduría transparencia "
    "acceso información pública trámite servicio atención usuario petición queja reclamo sugerencia "
    "denuncia estrategia gobierno línea digital conectividad internet kiosco vive punto"
).split()
EXTERNAL_HOST_PATHS = [
    "gov-co/tramites", "suit/tramite", "secop/proceso", "datos/dataset", "gobernacion/noticia",
    "procuraduria/sigep", "contraloria/informe", "dnp/kit-territorial", "mintic/programa", "funcion-publica/ley",
]  # fmt: skip


@dataclass
class SiteInfo:
    root: Path
    pages: int
    documents: int
    html_bytes: int
    links: int  # <a>, <area>, <iframe> and resource references over all pages
    broken: int  # pages with a broken on-site link (404)
    externals: int  # distinct external link targets
    hanging: int  # of which on the host that never answers


def page_path(i: int, n: int) -> str:
    """URL path of page i (0 is the home page)."""
    if i == 0:
        return "/"
    # Sections get contiguous blocks of the id range except the first 18, which are the menu.
    if i <= len(DEPENDENCIAS):
        return f"/dependencias/{DEPENDENCIAS[i - 1][1]}/"
    section = _section(i, n)
    if section == "noticias":
        year = 2020 + i % 7
        return f"/noticias/{year}/noticia-{i}.html"
    if section == "dependencias":
        slug = DEPENDENCIAS[i % len(DEPENDENCIAS)][1]
        return f"/dependencias/{slug}/pagina-{i}.html"
    return f"/{section}/contenido-{i}.html"


def _section(i: int, n: int) -> str:
    # Deterministic spread of ids over sections by share, interleaved (like a CMS id sequence).
    x = (i * 2654435761) % 1000 / 1000
    acc = 0.0
    for name, share in SECTIONS:
        acc += share
        if x < acc:
            return name
    return SECTIONS[-1][0]


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(60, 120))
        words[0] = words[0].capitalize()
        out.append(" ".join(words) + ".")
    return out


def _fecha(rng: random.Random, year: int) -> tuple[str, str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"{day} de {MESES[month - 1]} de {year}", f"{year:04d}-{month:02d}-{day:02d}"


class Generator:
    def __init__(self, n: int, root: Path, external_ok: str, external_hang: str, externals: int, seed: int = 1):
        self.n = n
        self.root = root
        self.external_ok = external_ok.rstrip("/")
        self.external_hang = external_hang.rstrip("/")
        self.externals = externals
        self.seed = seed
        self.documents = max(n // 5, 10)
        rng = random.Random(seed)
        # A pool of paragraphs shared by all pages keeps generation fast; each page draws its own mix.
        self.pool = _paragraphs(rng, 400)
        self.script = "\n".join(
            f"  window.gelt_cfg_{k} = {{'menu': {k}, 'slider': '{rng.choice(WORDS)}', 'delay': {k * 37 % 900}}};"
            for k in range(90)
        )
        self.style = "\n".join(
            f".bloque-{k} {{ margin: {k % 9}px; color: #{k * 9973 % 0xFFFFFF:06x}; }}" for k in range(120)
        )
        self.menu = [(page_path(i, n), self._title(i)) for i in range(1, min(n, 19))]

    def _title(self, i: int) -> str:
        if i == 0:
            return "Inicio - Alcaldía de Villa Sintética - Tolima"
        if i <= len(DEPENDENCIAS):
            return DEPENDENCIAS[i - 1][0]
        section = _section(i, self.n)
        return f"{section.capitalize()} {i}: {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]}"

    def external_url(self, j: int) -> str:
        """External target j: one in ten lives on the host that never answers; 1 in 20 is a 404."""
        base = self.external_hang if j % 10 == 0 else self.external_ok
        kind = EXTERNAL_HOST_PATHS[j % len(EXTERNAL_HOST_PATHS)]
        missing = "-retirado" if j % 20 == 7 else ""
        return f"{base}/{kind}/{j}{missing}.html"

    def page(self, i: int) -> tuple[str, int, bool]:
        """(html, number of links, has a broken link)."""
        n = self.n
        rng = random.Random(self.seed * 1_000_003 + i)
        title = self._title(i)
        links: list[tuple[str, str]] = []  # (href, text) of the main content
        parent = (i - 1) // 8 if i else None
        crumbs = []
        p = parent
        while p is not None and len(crumbs) < 3:
            crumbs.append(p)
            p = (p - 1) // 8 if p else None
        children = [c for c in range(8 * i + 1, 8 * i + 9) if c < n]
        related = [rng.randrange(n) for _ in range(rng.randint(3, 34))]
        for c in children:
            links.append((page_path(c, n), self._title(c)))
        for r in related:
            links.append((page_path(r, n), self._title(r)))
        docs = [rng.randrange(self.documents) for _ in range(rng.randint(0, 5))]
        for d in docs:
            links.append((f"/documentos/documento-{d}.pdf", f"Documento {d} (PDF)"))
        broken = i % 5 == 3
        if broken:
            b = i % 97
            links.append(
                (f"/documentos/retirado-{b}.pdf" if b % 2 else f"/paginas/eliminada-{b}.html", "Enlace antiguo")
            )
        ext = []
        if self.externals:
            per_page = max(2, -(-self.externals // max(n, 1)) * 2)
            ext = [self.external_url((i * per_page // 2 + k) % self.externals) for k in range(per_page)]
        target = rng.randint(14_000, 58_000)
        year = 2020 + i % 7
        fecha, iso = _fecha(rng, year)
        head = (
            '<!DOCTYPE html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta property="article:published_time" content="{iso}T08:00:00-05:00">\n'
            '<link rel="stylesheet" href="/static/estilo.css">\n'
            '<link rel="icon" href="/static/favicon.ico">\n'
            f"<style>\n{self.style}\n</style>\n"
            '<script src="/static/app.js"></script>\n'
            f"<script>\n{self.script}\n</script>\n</head>\n<body>\n"
            '<a class="saltar" href="#contenido">Saltar al contenido</a>\n'
            '<header><img src="/static/escudo.png" alt="Escudo del municipio">'
            '<p class="fecha-hoy">Hoy es lunes 3 de agosto de 2026</p></header>\n'
            '<nav class="menu-principal"><ul>\n'
            + "".join(f'<li><a href="{u}">{t}</a></li>\n' for u, t in [("/", "Inicio"), *self.menu])
            + "</ul></nav>\n"
        )
        crumb_html = " › ".join(f'<a href="{page_path(c, n)}">{self._title(c)}</a>' for c in reversed(crumbs))
        body = [
            f'<div class="migas">{crumb_html}</div>\n<main id="contenido">\n<h1>{title}</h1>\n',
            f'<p class="publicado">Publicado el {fecha}</p>\n',
        ]
        k = 0
        for href, text in links:
            para = self.pool[(i * 31 + k) % len(self.pool)]
            k += 1
            body.append(f'<p>{para} <a href="{href}">{text}</a></p>\n')
        body.append('<aside class="entidades"><h2>Entidades aliadas</h2><ul>\n')
        body.extend(f'<li><a href="{u}">Entidad {u.rsplit("/", 1)[-1]}</a></li>\n' for u in ext)
        body.append("</ul></aside>\n")
        size = len(head) + sum(len(b) for b in body) + 400
        while size < target:
            para = self.pool[(i * 31 + k) % len(self.pool)]
            k += 1
            chunk = f'<p class="bloque-{k % 120}">{para}</p>\n'
            body.append(chunk)
            size += len(chunk)
        foot = (
            "</main>\n<footer><p>Carrera 5 # 4-20, Villa Sintética, Tolima. Conmutador (608) 555 0100.</p>"
            f'<p class="contador-visitas">Visitas: {100000 + i * 13}</p>'
            '<a href="/transparencia/">Transparencia y acceso a la información pública</a></footer>\n'
            "</body>\n</html>\n"
        )
        html = head + "".join(body) + foot
        nlinks = 1 + len(self.menu) + 1 + len(crumbs) + len(links) + len(ext) + 1 + 5  # + resources
        return html, nlinks, broken

    def write(self) -> SiteInfo:
        root = self.root
        root.mkdir(parents=True, exist_ok=True)
        html_bytes = links = broken = 0
        made_dirs: set[Path] = set()
        for i in range(self.n):
            path = page_path(i, self.n)
            html, nlinks, has_broken = self.page(i)
            rel = path.lstrip("/")
            file = root / (rel + "index.html" if rel.endswith("/") or not rel else rel)
            if file.parent not in made_dirs:
                file.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(file.parent)
            data = html.encode("utf-8")
            file.write_bytes(data)
            html_bytes += len(data)
            links += nlinks
            broken += has_broken
        # Section index pages that the footer links to.
        (root / "transparencia").mkdir(exist_ok=True)
        if not (root / "transparencia" / "index.html").exists():
            (root / "transparencia" / "index.html").write_bytes(
                self.page(0)[0].replace("Inicio -", "Transparencia -").encode()
            )
        docs = root / "documentos"
        docs.mkdir(exist_ok=True)
        pdf = b"%PDF-1.4\n% documento sintetico\n" + b"0" * 2000 + b"\n%%EOF\n"
        for d in range(self.documents):
            (docs / f"documento-{d}.pdf").write_bytes(pdf)
        static = root / "static"
        static.mkdir(exist_ok=True)
        (static / "estilo.css").write_text(self.style)
        (static / "app.js").write_text(self.script)
        (static / "escudo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 500)
        (static / "favicon.ico").write_bytes(b"\0" * 300)
        (root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
        return SiteInfo(
            root,
            self.n,
            self.documents,
            html_bytes,
            links,
            broken,
            self.externals,
            -(-self.externals // 10) if self.externals else 0,
        )


def write_externals(root: Path, externals: int) -> None:
    """Files of the answering external host (all but the "-retirado" ones, which 404)."""
    for kind in EXTERNAL_HOST_PATHS:
        (root / kind).mkdir(parents=True, exist_ok=True)
    body = b"<!doctype html><html><head><title>Entidad</title></head><body><p>Entidad aliada</p></body></html>\n"
    for j in range(externals):
        if j % 10 == 0 or j % 20 == 7:
            continue
        (root / EXTERNAL_HOST_PATHS[j % len(EXTERNAL_HOST_PATHS)] / f"{j}.html").write_bytes(body)
