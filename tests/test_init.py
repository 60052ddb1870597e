"""`gelt-audit init --url`: dependencias proposed from where a person looks, on sites served on
127.0.0.1 that follow real municipal platforms (tests/fixtures/onboarding/ORIGIN.md)."""

from __future__ import annotations

import pytest

from gelt_audit.config import load_config
from gelt_audit.demo.server import Resource
from gelt_audit.markup import parse
from gelt_audit.starter.directory import officials
from gelt_audit.starter.names import is_dependencia, site_name
from tests.fixtures.onboarding import sites


def _init(serve, tmp_path, cli, routes: dict[str, str]):
    site = serve({path: Resource.html(html) for path, html in routes.items()})
    config = tmp_path / "gelt.toml"
    result = cli("init", "--url", site.url, "--config", str(config))
    assert result.returncode == 0, result.stderr
    return site, load_config(config), result.stdout


def test_dependencias_listed_only_under_nuestra_alcaldia_with_the_directory(tmp_path, serve, cli):
    site, config, out = _init(serve, tmp_path, cli, sites.sharepoint())
    assert config.site_name == "Alcaldía Municipal de San Isidro del Monte, Cundinamarca"
    deps = {d.name: d for d in config.dependencias}
    for name, path in sites.SP_DEPS.items():
        assert deps[name].match == (path,), deps[name]
    # the head of each dependencia, not the first person of its rows
    assert (deps["Secretaría de Hacienda"].responsable, deps["Secretaría de Hacienda"].email) == (
        "Carlos Mario Díaz",
        "hacienda@sanisidro.example.gov.co",
    )
    assert deps["Despacho del Alcalde"].responsable == "Luz Marina Rojas Peña"
    assert deps["UMATA"].email == "umata@sanisidro.example.gov.co"
    # named only by the directory: proposed without a prefix, said so
    assert deps["Oficina de Control Interno"].match == ()
    assert "Dirección: Carrera 4" not in deps  # an address is not a dependencia
    assert "«Nuestra Alcaldía»" in out and "Directorio de Funcionarios" in out
    assert "sin «Inicio»" in out and "Se propusieron 7 dependencias" in out
    assert "Oficina de Control Interno: sin prefijo" in out and "complete match a mano" in out
    text = (tmp_path / "gelt.toml").read_text(encoding="utf-8")
    assert "# vista en: el contenido de la página «Nuestra Alcaldía»" in text


def test_dependencias_in_a_home_page_section_and_a_directory_of_cards(tmp_path, serve, cli):
    _site, config, out = _init(serve, tmp_path, cli, sites.territorial())
    assert config.site_name == "Alcaldía de Puerto Alegre - Chocó"  # «Inicio | » stripped
    got = {d.name: (d.match, d.responsable, d.email) for d in config.dependencias}
    assert got == {
        "Despacho del Alcalde": (
            ("/secretarias/despacho-del-alcalde",),
            "Rubén Darío Palacios",
            "despacho@puertoalegre.example.gov.co",
        ),
        "Secretaría de Gobierno y Convivencia": (
            ("/secretarias/secretaria-de-gobierno",),
            "Yesenia Mosquera Rentería",
            "gobierno@puertoalegre.example.gov.co",
        ),
        "Secretaría de Planeación e Infraestructura": (
            ("/secretarias/secretaria-de-planeacion",),
            "Wilmer Córdoba Asprilla",
            "planeacion@puertoalegre.example.gov.co",
        ),
        "Oficina de Control Interno": (
            ("/secretarias/control-interno",),
            "Luisa Fernanda Murillo",
            "controlinterno@puertoalegre.example.gov.co",
        ),
        "UMATA": (("/secretarias/umata",), "Edwin Perea Moreno", "umata@puertoalegre.example.gov.co"),
    }
    assert "vista en el contenido de la página de inicio" in out


def test_dependencias_in_a_menu_drop_down_with_one_folder_each(tmp_path, serve, cli):
    _site, config, out = _init(serve, tmp_path, cli, sites.nexura())
    assert config.site_name == "Alcaldía de Villa Serena"
    got = {d.name: d.match for d in config.dependencias}
    assert got == {
        "Secretaría de Gobierno, Convivencia y Seguridad": ("/gobierno/",),
        "Oficina Asesora de Comunicaciones": ("/comunicaciones/",),
        "Departamento Administrativo de Hacienda": ("/hacienda/",),
        "Secretaría de Salud Pública": ("/salud/",),
    }
    responsables = {d.name: d.responsable for d in config.dependencias if d.responsable}
    assert responsables == {
        "Secretaría de Gobierno, Convivencia y Seguridad": "Marta Cecilia Gil",
        "Oficina Asesora de Comunicaciones": "Andrés Felipe Ocampo",
    }
    assert "vista en el menú del sitio" in out


def test_a_site_that_cannot_be_read_still_gets_a_config_and_says_why(tmp_path, serve, cli):
    site = serve({"/": Resource.html("<h1>error</h1>", status=500)})
    config = tmp_path / "gelt.toml"
    result = cli("init", "--url", site.url, "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "no se pudo leer la página de inicio" in result.stdout
    assert load_config(config).dependencias == []


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Inicio | Alcaldía de Cajamarca - Tolima", "Alcaldía de Cajamarca - Tolima"),
        ("Alcaldía de Ataco - Inicio", "Alcaldía de Ataco"),
        ("Página principal » Alcaldía de Rovira", "Alcaldía de Rovira"),
        ("Home :: Gobernación del Tolima", "Gobernación del Tolima"),
        ("Alcaldía de Natagaima - Tolima", "Alcaldía de Natagaima - Tolima"),
    ],
)
def test_page_names_are_stripped_from_the_site_name(title, name):
    assert site_name(title)[0] == name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Secretaría de Hacienda", True),
        ("Oficina Asesora de Planeación", True),
        ("Dirección de Tránsito y Transporte", True),
        ("Despacho del Alcalde", True),
        ("UMATA", True),
        ("Comisaría de Familia", True),
        ("Dirección: Calle 5 # 4-20", False),
        ("Secretarías", False),
        ("Oficina", False),
        ("Directorio de dependencias", False),
        ("Correo electrónico de la Secretaría", False),
    ],
)
def test_what_names_a_dependencia(text, expected):
    assert is_dependencia(text) is expected


def test_directory_tables_without_a_thead_and_cards_without_labels():
    table = officials(parse(sites.nexura()["/directorio.php"]))
    assert [(o.name, o.email) for o in table] == [
        ("Marta Cecilia Gil", "mgil@villaserena.example.gov.co"),
        ("Andrés Felipe Ocampo", "comunicaciones@villaserena.example.gov.co"),
    ]
    cards = officials(parse(sites.territorial()["/alcaldia/directorio-de-funcionarios"]))
    assert len(cards) == len(sites.PT_CARDS)
    assert [(o.name, o.role, o.email) for o in cards] == [(n, r, e) for n, r, e in sites.PT_CARDS]


def test_pages_without_a_charset_header_are_read_in_their_meta_charset(tmp_path, serve, cli):
    html = (
        "<html><head><meta charset='utf-8'>"
        "<title>Inicio - Alcaldía de Purificación</title></head><body><nav>"
        "<a href='/secretarias/planeacion/'>Secretaría de Planeación</a></nav></body></html>"
    )
    site = serve({"/": Resource(body=html.encode("utf-8"), headers={"Content-Type": "text/html"})})
    config = tmp_path / "gelt.toml"
    result = cli("init", "--url", site.url, "--config", str(config))
    assert result.returncode == 0, result.stderr
    loaded = load_config(config)
    assert loaded.site_name == "Alcaldía de Purificación"
    assert [(d.name, d.match) for d in loaded.dependencias] == [
        ("Secretaría de Planeación", ("/secretarias/planeacion/",))
    ]
