"""Accuracy (and optionally speed) of the GEL-T / Ley 1712 checklist engine.

    python bench/checklist_accuracy.py                 # print precision / recall per profile
    python bench/checklist_accuracy.py --write-docs    # also regenerate docs/checklist-accuracy.md
    python bench/checklist_accuracy.py --speed 10000   # also time a synthetic site of N pages

The accuracy figures come from the labelled corpus in tests/fixtures/checklist_corpus/ (the same
one tests/test_checklist.py asserts on), so the numbers in docs/ are reproducible.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gelt_audit import clock  # noqa: E402
from gelt_audit.audits.checklist import PageDoc, evaluate, index_site, load_checklist  # noqa: E402
from tests.fixtures.checklist_corpus.corpus import (  # noqa: E402
    CASES,
    NOT_COVERED,
    PROFILES,
    coverage,
    run_corpus,
)

DOC = ROOT / "docs" / "checklist-accuracy.md"


def accuracy_table(scores: dict) -> list[str]:
    lines = [
        "| perfil | precisión | exhaustividad | estados exactos | VP | FP | FN | VN |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for profile in PROFILES:
        s = scores[profile]
        lines.append(
            f"| `{profile}` | {s.precision:.3f} | {s.recall:.3f} | {s.exact}/{s.total} | {s.tp} | {s.fp} | {s.fn} | {s.tn} |"
        )
    return lines


def case_table(raw: dict) -> list[str]:
    lines = ["| sitio | perfil | cumple | parcial | no_cumple | manual | no_aplica |", "|---|---|---|---|---|---|---|"]
    for case in CASES:
        for profile in PROFILES:
            counts = {k: 0 for k in ("cumple", "parcial", "no_cumple", "manual", "no_aplica")}
            for r in raw[(case.name, profile)]:
                counts[r.status] += 1
            lines.append(f"| {case.name} | `{profile}` | " + " | ".join(str(counts[k]) for k in counts) + " |")
    return lines


def coverage_lines(raw: dict) -> list[str]:
    lines = []
    for profile, items in coverage(raw).items():
        found = [v[0] for v in items.values()]
        absent = [v[1] for v in items.values()]
        thin = sorted(i for i, v in items.items() if v[0] < 2 or v[1] < 1)
        lines.append(
            f"- `{profile}`: {len(items)} items automáticos; cada uno aparece en {min(found)} a {max(found)} sitios "
            f"y falta en {min(absent)} a {max(absent)}." + (f" Con poca cobertura: {', '.join(thin)}." if thin else "")
        )
    return lines


def render(scores: dict, raw: dict, speed_line: str | None = None) -> str:
    today = clock.today().isoformat()
    parts = [
        "# Precisión del checklist GEL-T / Ley 1712",
        "",
        f"Generado por `python bench/checklist_accuracy.py --write-docs` ({today}). Las mismas cifras las imprime y "
        "exige `pytest tests/test_checklist.py -s` (precisión y exhaustividad = 1,0).",
        "",
        "## Cómo se mide",
        "",
        "Un corpus etiquetado de sitios pequeños (`tests/fixtures/checklist_corpus/`): para cada sitio y cada perfil, el "
        "estado esperado de cada item automático (los items manuales, `no_aplica`, los que vienen de otra auditoría y el "
        "agregado de trámites quedan fuera). Un item está «encontrado» si su estado es `cumple` o `parcial`. "
        "Precisión = encontrados correctamente / encontrados; exhaustividad = encontrados correctamente / que debían "
        "encontrarse. «Estados exactos» compara además `cumple` frente a `parcial`.",
        "",
        "## Resultados",
        "",
        *accuracy_table(scores),
        "",
        "Fecha de referencia de los periodos: 24 de noviembre de 2026.",
        "",
        "Advertencia: el corpus y el motor los escribió la misma persona. Las etiquetas se escribieron leyendo cada "
        "sitio antes de ejecutar el motor (el sitio `joomla` se etiquetó completo antes de su primera ejecución), y las "
        "discrepancias se resolvieron corrigiendo el motor o las reglas, salvo una etiqueta mal puesta (`legacy`, "
        "`ley1712.6`: la misma página fuera del menú que hace `parcial` el 6.1). Un 1,0 aquí dice que las variantes "
        "del corpus se reconocen, no cuánto acierta el motor en sitios reales: para eso hace falta etiquetar una muestra "
        "de sitios municipales rastreados.",
        "",
        *([f"Velocidad (`--speed`): {speed_line}", ""] if speed_line else []),
        "## El corpus",
        "",
        "- `mintic`: plantilla actual de MinTIC (estilo Cajamarca), barra GOV.CO, menú de transparencia completo bajo "
        "`/transparencia/...` con los nombres de la Res. 1519, periodos vigentes.",
        "- `legacy`: plataforma GEL-T antigua en SharePoint (estilo Chaparral, `/NuestraAlcaldia/Paginas/*.aspx`), página de "
        "transparencia con la numeración de la Res. 3564, periodos vencidos, items fuera del menú, enlace al SECOP roto, "
        "contacto solo en «Contáctenos».",
        "- `custom`: sitio tipo WordPress (estilo Rovira): «Transparencia» como desplegable del menú principal hacia páginas "
        "fuera de `/transparencia/`, misión y visión en páginas separadas, periodos en nombres de archivo y en rangos de meses, "
        "y señuelos: noticias que mencionan los items, enlace «Glosario» a un 404, página 404 titulada «Preguntas "
        "frecuentes», «Agenda» en construcción, formulario de boletín, «Encuesta SISBÉN».",
        "- `minimal`: sitio pobre (estilo Ataco) hecho casi solo de señuelos: noticia sobre transparencia, párrafo que "
        "menciona el presupuesto y los datos abiertos, formulario de ingreso a la intranet, organigrama enlazado a un 404.",
        "- `joomla`: sitio Joomla (estilo Purificación, `/index.php/...`) con el menú 1519 renumerado y con otros nombres "
        "(como Villavicencio), trimestres como «T1-2026», formulario de PQRSD sin «tipo de solicitud», pie sin correo de "
        "notificaciones judiciales.",
        "- `placeholder`: un sitio que solo dice «Sitio en construcción».",
        "",
        *case_table(raw),
        "",
        "Cobertura de variantes:",
        "",
        *coverage_lines(raw),
        "",
        "## Variantes no cubiertas",
        "",
        *[f"- {v}" for v in NOT_COVERED],
        "",
    ]
    return "\n".join(parts)


def synthetic_site(n: int) -> tuple[str, list[PageDoc]]:
    """A site of n pages: a shared 70-link menu and 20-link footer, 250 words and 8 own links per page."""
    rnd = random.Random(1)
    home = "https://www.cajamarca-tolima.gov.co"
    words = "municipio alcaldía comunidad desarrollo proyecto obra vereda servicio ciudadano programa salud vías agua".split()
    nav = "".join(
        f'<li><a href="/seccion-{i}">Sección {i}</a><ul>'
        + "".join(f'<li><a href="/seccion-{i}/sub-{j}">Subsección {j}</a></li>' for j in range(6))
        + "</ul></li>"
        for i in range(10)
    )
    footer = "".join(f'<a href="/pie-{k}">Enlace {k}</a>' for k in range(20))
    pages = []
    for i in range(n):
        body = " ".join(rnd.choice(words) for _ in range(250))
        links = "".join(
            f'<a href="/noticias/n-{rnd.randint(0, 99999)}">Noticia {rnd.randint(0, 9999)}</a> ' for _ in range(8)
        )
        html = (
            f"<!doctype html><html><head><title>Página {i} - Alcaldía</title></head><body>"
            f'<header><a href="https://www.gov.co/">GOV.CO</a><nav class="navbar"><ul><li><a href="/transparencia">Transparencia</a></li>{nav}</ul></nav>'
            f'<form action="/buscar"><input type="search" name="q"></form></header>'
            f"<main><h1>Página {i}</h1><h2>Detalle</h2><p>{body}</p><div>{links}</div></main>"
            f"<footer><p>Carrera 5 No. 4-56. Tel: (608) 288 0123. Lunes a viernes 8:00 a.m. contacto@x.gov.co</p>{footer}</footer>"
            "</body></html>"
        )
        path = "/" if i == 0 else f"/seccion-{i % 10}/pagina-{i}"
        pages.append(PageDoc(home + path, 200, html, "text/html; charset=utf-8", "2026-11-20T10:00:00Z", None))
    return home + "/", pages


def speed(n: int) -> str:
    home, pages = synthetic_site(n)
    mb = sum(len(p.html or "") for p in pages) / 1e6
    t0 = time.process_time()  # CPU time: stable on a shared machine
    index = index_site(pages, home_url=home)
    t1 = time.process_time()
    for profile in PROFILES:
        evaluate(load_checklist(profile), index, home_url=home, today=datetime.date(2026, 11, 24))
    t2 = time.process_time()
    line = (
        f"{n} páginas sintéticas ({mb:.0f} MB de HTML; menú de 70 enlaces, 8 enlaces propios y 250 palabras por "
        f"página): índice {t1 - t0:.1f} s de CPU ({(t1 - t0) / n * 1000:.2f} ms/página), evaluación de los dos "
        f"perfiles {t2 - t1:.1f} s de CPU, en un solo proceso."
    )
    print("\n" + line)
    return line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-docs", action="store_true", help=f"regenerar {DOC.relative_to(ROOT)}")
    ap.add_argument("--speed", type=int, metavar="N", help="medir también un sitio sintético de N páginas")
    args = ap.parse_args()
    scores, raw = run_corpus()
    print("\n".join(accuracy_table(scores)))
    for profile in PROFILES:
        for m in scores[profile].mismatches:
            print("  discrepancia:", profile, m)
    speed_line = speed(args.speed) if args.speed else None
    if args.write_docs:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(render(scores, raw, speed_line), encoding="utf-8")
        print(f"\nescrito {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
