"""Config validation: every bad key or value is named, with its line; nothing is written."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from gelt_audit.config import SCHEMA, SECTIONS, ConfigError, LinksConfig, SiteConfig, load_config, parse_config

GOOD = """\
[site]
name = "Alcaldía"
url = "https://www.cajamarca-tolima.gov.co/"
max_pages = 100

[store]
path = "gelt.db"

[[dependencias]]
name = "Secretaría de Hacienda"
responsable = "Ana Pérez"
match = ["/hacienda/"]

[targets]
updates_per_month = 4
"""


def parse(text: str, tmp_path: Path):
    return parse_config(text, tmp_path / "gelt.toml")


def error(text: str, tmp_path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        parse(text, tmp_path)
    return str(info.value)


def test_a_good_config_is_read_with_defaults(tmp_path):
    config = parse(GOOD, tmp_path)
    assert config.site_url == "https://www.cajamarca-tolima.gov.co/"
    assert config.site["delay"] == 0.5 and config.site["obey_robots"] is True
    assert config.dependencias[0].match == ("/hacienda/",)
    assert config.store_path == tmp_path / "gelt.db"
    assert config.hosts == ("www.cajamarca-tolima.gov.co",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("max_pages = 100", "max_pagez = 100"), "Clave desconocida 'site.max_pagez' (línea 4)"),
        (("max_pages = 100", 'max_pages = "mucho"'), "'site.max_pages' (línea 4): se esperaba entero"),
        (("max_pages = 100", "max_pages = true"), "'site.max_pages' (línea 4)"),
        (("max_pages = 100", "max_pages = 0"), "'site.max_pages' (línea 4) debe ser mayor que cero"),
        (('url = "https://www.cajamarca-tolima.gov.co/"\n', ""), "Falta la clave obligatoria 'site.url'"),
        (('url = "https://www.cajamarca-tolima.gov.co/"', 'url = "cajamarca.gov.co"'), "'site.url' (línea 3)"),
        (('path = "gelt.db"', 'path = "no/existe/gelt.db"'), "'store.path' (línea 7): la carpeta"),
        (
            ('responsable = "Ana Pérez"', 'responsable = "Ana"\ncargo = "x"'),
            "Clave desconocida 'dependencias[1].cargo' (línea 12)",
        ),
        (('match = ["/hacienda/"]', 'match = ["hacienda"]'), "'dependencias[1].match'"),
        (("[targets]", "[metas]"), "Sección desconocida 'metas' (línea 14)"),
        (("max_pages = 100", "max_pages = 100\n[site]"), "TOML inválido"),
    ],
)
def test_bad_values_are_named_with_their_line(tmp_path, change, expected):
    old, new = change
    assert expected in error(GOOD.replace(old, new), tmp_path)


def test_bad_regular_expressions_are_named(tmp_path):
    text = GOOD + '\n[noise]\npatterns = ["(sin cerrar"]\n'
    assert "Expresión regular inválida en 'noise.patterns'" in error(text, tmp_path)


def test_missing_file_says_how_to_create_one(tmp_path):
    with pytest.raises(ConfigError, match="gelt-audit init"):
        load_config(tmp_path / "no-existe.toml")


def test_cli_bad_config_exits_2_and_writes_nothing(tmp_path, cli):
    (tmp_path / "gelt.toml").write_text(GOOD.replace("max_pages = 100", "max_pagez = 100"), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    for verb in ("crawl", "report", "audit"):
        result = cli(verb, "--config", str(tmp_path / "gelt.toml"))
        assert result.returncode == 2
        assert "max_pagez" in result.stderr and "línea 4" in result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_init_writes_a_commented_config_with_dependencias_from_the_menu(tmp_path, serve, cli):
    menu = (
        "<html><head><title>Alcaldía de Prueba</title></head><body><nav><ul>"
        "<li><a href='/'>Inicio</a></li>"
        "<li><a href='/dependencias/secretaria-de-hacienda/'>Secretaría de Hacienda</a></li>"
        "<li><a href='/dependencias/secretaria-de-salud/index.html'>Secretaría de Salud</a></li>"
        "<li><a href='/noticias/'>Noticias</a></li></ul></nav></body></html>"
    )
    from gelt_audit.demo.server import Resource

    site = serve({"/": Resource.html(menu)})
    config = tmp_path / "gelt.toml"
    result = cli("init", "--url", site.url, "--config", str(config))
    assert result.returncode == 0, result.stderr
    loaded = load_config(config)
    assert loaded.site_name == "Alcaldía de Prueba"
    assert [(d.name, d.match) for d in loaded.dependencias] == [
        ("Secretaría de Hacienda", ("/dependencias/secretaria-de-hacienda/",)),
        ("Secretaría de Salud", ("/dependencias/secretaria-de-salud/",)),
    ]
    assert cli("init", "--url", site.url, "--config", str(config)).returncode == 2  # never overwrites


def test_sections_are_typed_frozen_and_still_read_like_mappings(tmp_path):
    config = parse(GOOD + '\n[[checklist.items]]\nid = "propio.1"\n', tmp_path)
    assert isinstance(config.site, SiteConfig) and isinstance(config.links, LinksConfig)
    assert config.site.max_pages == config.site["max_pages"] == config.site.get("max_pages") == 100
    assert config.links.per_host == 2 and config.site.get("no-existe", "x") == "x"
    assert config.checklist.items_ == config.checklist["items"] == [{"id": "propio.1"}]
    assert dict(config.checklist)["items"] == [{"id": "propio.1"}] and "items" in config.checklist
    for name, schema in SCHEMA.items():  # the schema is read off the sections: the same keys
        assert list(SECTIONS[name].keys_to_fields()) == list(schema)
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.site.max_pages = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        config.reports["logo"] = "x"  # type: ignore[index]
    with pytest.raises(KeyError):
        config.site["max_pagez"]


def test_accessibility_browser_settings_and_their_defaults(tmp_path):
    config = parse(GOOD, tmp_path)
    assert (config.accessibility.browser, config.accessibility.max_pages) == ("auto", 20)
    assert config.accessibility["chromium"] == "/usr/bin/chromium"
    text = GOOD + '\n[accessibility]\nbrowser = "off"\nmax_pages = 5\nchromium = "/opt/chromium/chrome"\n'
    config = parse(text, tmp_path)
    assert (config.accessibility.browser, config.accessibility.max_pages) == ("off", 5)
    assert config.accessibility.chromium == "/opt/chromium/chrome"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('browser = "si"', "'accessibility.browser' debe ser \"auto\""),
        ("browser = true", "'accessibility.browser' (línea 18): se esperaba texto"),
        ("max_pages = 0", "'accessibility.max_pages' debe estar entre 1 y 1000 (es 0)"),
        ("max_pages = 5000", "'accessibility.max_pages' debe estar entre 1 y 1000"),
        ('max_pages = "20"', "'accessibility.max_pages' (línea 18): se esperaba entero"),
        ('chromium = ""', "'accessibility.chromium' debe ser la ruta del ejecutable de Chromium"),
        ("navegador = 1", "Clave desconocida 'accessibility.navegador' (línea 18)"),
    ],
)
def test_bad_accessibility_settings_are_named(tmp_path, table, expected):
    assert expected in error(GOOD + "\n[accessibility]\n" + table + "\n", tmp_path)


def test_cli_bad_accessibility_setting_exits_2_naming_the_key(tmp_path, cli):
    (tmp_path / "gelt.toml").write_text(GOOD + '\n[accessibility]\nbrowser = "siempre"\n', encoding="utf-8")
    result = cli("report", "--config", str(tmp_path / "gelt.toml"))
    assert result.returncode == 2
    assert "accessibility.browser" in result.stderr and "Traceback" not in result.stderr
