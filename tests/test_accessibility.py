"""Markup-only WCAG 2.1 rules: each criterion failing on one fixture and passing on its fixed twin."""

from __future__ import annotations

import pytest

from gelt_audit.audits.accessibility import judge_html

GOOD = """<!doctype html><html lang="es"><head><title>Trámites</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>
<a href="#contenido">Saltar al contenido</a><nav><a href="/">Inicio</a></nav>
<main id="contenido"><h1>Trámites</h1><h2>Predial</h2>
<img src="escudo.png" alt="Escudo del municipio"><img src="linea.png" alt="">
<a href="/formato.pdf">Formulario de predial (PDF, 120 KB)</a>
<form action="/buscar"><label for="q">Buscar</label><input id="q" name="q"><button>Buscar</button></form>
<table><tr><th>Trámite</th><th>Costo</th></tr><tr><td>Paz y salvo</td><td>$ 10.000</td></tr></table>
</main></body></html>"""

BROKEN = {
    "3.1.1": ('<html lang="es">', "<html>"),
    "2.4.2": ("<title>Trámites</title>", ""),
    "1.1.1": ('alt="Escudo del municipio"', ""),
    "2.4.4": ("Formulario de predial (PDF, 120 KB)", "Formulario de predial"),
    "3.3.2": ('<label for="q">Buscar</label>', ""),
    "1.3.1": ("<h2>Predial</h2>", "<h4>Predial</h4>"),
    "4.1.1": ('<input id="q" name="q">', '<input id="q" name="q"><span id="q"></span>'),
    "1.4.4": ("initial-scale=1", "initial-scale=1, maximum-scale=yes"),
    "4.1.2": ("<button>Buscar</button>", "<button></button>"),
}


def criteria(html: str) -> list[str]:
    return [f["criterion"] for f in judge_html(html)]


def test_the_clean_page_has_no_findings():
    assert judge_html(GOOD) == []


@pytest.mark.parametrize("criterion", sorted(BROKEN))
def test_each_criterion_fails_on_its_fixture(criterion):
    old, new = BROKEN[criterion]
    assert old in GOOD
    assert criteria(GOOD.replace(old, new)) == [criterion]


def test_generic_link_text_to_different_targets_and_tables_without_headers():
    page = GOOD.replace("</main>", "<a href='/a'>clic aquí</a> <a href='/b'>Clic aquí</a></main>")
    assert criteria(page) == ["2.4.4"]
    same_target = GOOD.replace("</main>", "<a href='/a'>ver más</a> <a href='/a'>ver más</a></main>")
    assert criteria(same_target) == []
    no_th = GOOD.replace("<th>Trámite</th><th>Costo</th>", "<td>Trámite</td><td>Costo</td>")
    assert criteria(no_th) == ["1.3.1"]
    layout = no_th.replace("<table>", "<table role='presentation'>")
    assert criteria(layout) == []


def test_findings_name_the_element():
    [finding] = judge_html(GOOD.replace('alt="Escudo del municipio"', 'class="logo grande"'))
    assert finding["element"].endswith("img.logo.grande")
    assert "escudo.png" in finding["detail"]


def test_what_is_out_of_the_accessibility_tree_is_not_judged():
    hidden = GOOD.replace(
        "</main>",
        "<div hidden><img src='a.png'><a href='/x'></a></div>"
        "<img src='b.png' aria-hidden='true'><img src='c.png' role='presentation'></main>",
    )
    assert criteria(hidden) == []
    named = GOOD.replace(
        "</main>",
        "<a href='/x'><img src='casa.png' alt='Inicio'></a>"
        "<span id='l'>Correo</span><input aria-labelledby='l'><iframe title='Mapa'></iframe></main>",
    )
    assert criteria(named) == []
    assert criteria(named.replace(" title='Mapa'", "")) == ["4.1.2"]


def test_a_main_landmark_is_enough_to_bypass_blocks_and_autoplay_is_left_to_the_browser():
    # The HTML engine no longer claims 2.4.1 nor 1.4.2: its precision on the ACT examples is under 0.95.
    assert criteria(GOOD.replace('<a href="#contenido">Saltar al contenido</a>', "")) == []
    assert criteria(GOOD.replace("</main>", "<video src='v.mp4' autoplay></video></main>")) == []
