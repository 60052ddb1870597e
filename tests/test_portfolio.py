"""A portfolio of many sites: config, one-process crawl of local fixture sites, the ranking report."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import time
from pathlib import Path

import pytest

from gelt_audit.config import ConfigError, load_config
from gelt_audit.config.portfolio import find_site, portfolio_configs, portfolio_of
from gelt_audit.demo.server import Resource
from gelt_audit.store import Store
from tests.helpers import page, run_cli, write_config

SHARED = """[site]
delay = 0
autothrottle = false
concurrency = 4

[store]
path = "gelt.db"
"""


def portfolio_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """The CLI with the portfolio commands, in a process of its own (one Twisted reactor per process)."""
    return run_cli(*args, timeout=timeout)


def write(tmp_path: Path, text: str, name: str = "gelt.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- config -------------------------------------------------------------------------------------
def test_inline_sites_and_csv_with_bom_and_semicolons(tmp_path):
    (tmp_path / "municipios.csv").write_bytes(
        "\ufeffNombre;Departamento;Código DANE;URL\n"
        "Cajamarca;Tolima;73124;https://www.cajamarca-tolima.gov.co\n"
        "Medellín;Antioquia;05001;https://www.medellin.gov.co/\n\n".encode()
    )
    config = load_config(
        write(
            tmp_path,
            SHARED
            + """
[portfolio]
sites_csv = "municipios.csv"
max_sites_at_once = 3

[[portfolio.sites]]
url = "https://www.cajamarca-tolima.gov.co/"
dependencias = [{name = "Hacienda", responsable = "Ana", match = ["/hacienda/"]}]

[[portfolio.sites]]
name = "Gobernación del Tolima"
department = "Tolima"
dane = "73"
url = "https://www.tolima.gov.co/"
""",
        )
    )
    portfolio = portfolio_of(config)
    assert [s.name for s in portfolio.sites] == ["Cajamarca", "Medellín", "Gobernación del Tolima"]
    assert portfolio.sites[0].url == "https://www.cajamarca-tolima.gov.co/"  # the bare host is the home page
    assert portfolio.sites[1].dane == "05001"  # text keeps the leading zero
    assert portfolio.max_sites_at_once == 3
    configs = portfolio_configs(config)
    assert [c.site_url for c in configs] == [s.url for s in portfolio.sites]
    assert [d.name for d in configs[0].dependencias] == ["Hacienda"]  # the inline entry completes the CSV row
    assert configs[1].dependencias == [] and configs[1].site["concurrency"] == 4  # shared politeness
    assert find_site(config, "medellin")[1].site_url == "https://www.medellin.gov.co/"
    assert find_site(config, "73124")[0].name == "Cajamarca"


def test_single_site_config_is_untouched(tmp_path):
    path = write_config(tmp_path, "http://127.0.0.1:8000/")
    assert load_config(path) == load_config(path)
    assert portfolio_of(load_config(path)) is None
    assert portfolio_configs(load_config(path))[0].site_url == "http://127.0.0.1:8000/"


@pytest.mark.parametrize(
    ("csv_text", "inline", "message"),
    [
        ("name,department,dane,url\nUno,Tolima,73001,ftp://x.gov.co/\n", "", "fila 2"),
        ("name,department,dane,url\nUno,Tolima,73001,https://uno.gov.co/\nDos,Huila,4100,https://dos.gov.co/\n", "",
         "fila 3"),
        ("name,department,dane,url\nUno,Tolima,73001\n", "", "fila 2"),
        ("nombre,departamento\nUno,Tolima\n", "", "no tiene columna 'url'"),
        ("", '[[portfolio.sites]]\nname = "X"\nurl = "https://x.gov.co/"\ndane = 73001\n', "entre comillas"),
        ("", '[[portfolio.sites]]\nname = "X"\nurl = "https://x.gov.co/"\ncolor = "rojo"\n', "portfolio.sites[1].color"),
        ("", '[[portfolio.sites]]\nname = "X"\n', "Falta la clave obligatoria 'portfolio.sites[1].url'"),
        ("", "", "no tiene sitios"),
    ],
)  # fmt: skip
def test_bad_sites_name_the_row_or_key(tmp_path, csv_text, inline, message):
    table = '[portfolio]\nsites_csv = "m.csv"\n' if csv_text else "[portfolio]\n"
    if csv_text:
        (tmp_path / "m.csv").write_text(csv_text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(write(tmp_path, SHARED + table + inline))


# -- crawl and ranking ----------------------------------------------------------------------------
def site_routes(name: str, pages: int = 6, broken: int = 0, delay: float = 0.0) -> dict[str, Resource]:
    links = tuple(f"/p{i}/" for i in range(pages)) + tuple(f"/roto{i}/" for i in range(broken)) + ("/hacienda/",)
    routes = {"/": page(f"Inicio {name}", links=links), "/hacienda/": page(f"Hacienda {name}")}
    routes.update({f"/p{i}/": page(f"{name} {i}", f"<p>Contenido {i} de {name}</p>") for i in range(pages)})
    for res in routes.values():
        res.delay = delay
    return routes


def test_portfolio_is_crawled_in_one_command_and_ranked_in_one_report(serve, tmp_path):
    good = serve(site_routes("Buena"))
    fair = serve(site_routes("Regular", broken=1))
    hostile = serve(site_routes("Hostil", broken=3))
    slow = serve(site_routes("Lenta", pages=10, delay=0.3))
    (tmp_path / "municipios.csv").write_text(
        "name,department,dane,url\n"
        f"Lenta,Huila,41002,{slow.url}\n"
        f"Buena,Tolima,73001,{good.url}\n"
        f"Regular,Tolima,73002,{fair.url}\n"
        f'"=HYPERLINK(""http://x"")<script>alert(1)</script>",Huila,41001,{hostile.url}\n'
        "Caída,Huila,41003,http://127.0.0.1:9/\n",
        encoding="utf-8",
    )
    config = write(
        tmp_path,
        SHARED.replace("concurrency = 4", "concurrency = 1")
        + """
[portfolio]
sites_csv = "municipios.csv"
max_sites_at_once = 2
concurrency_total = 8

[[portfolio.sites]]
url = "GOOD"
dependencias = [{name = "Hacienda", match = ["/hacienda/"]}]
""".replace("GOOD", good.url),
    )
    result = portfolio_cli("crawl", "--config", str(config))
    assert result.returncode == 4, result.stderr  # one site down: the others are crawled all the same
    assert "Caída" in result.stderr and "4 de 5 sitios" in result.stderr
    db = tmp_path / "gelt.db"
    with Store(db) as store:
        crawls = {c["site_url"]: c for c in store.db["crawls"].rows}
        sites = {r["url"]: r for r in store.db["portfolio_sites"].rows}
    assert {u: c["status"] for u, c in crawls.items()} == {
        good.url: "finished", fair.url: "finished", hostile.url: "finished", slow.url: "finished",
        "http://127.0.0.1:9/": "failed",
    }  # fmt: skip
    assert crawls[good.url]["pages"] == 8 and crawls[slow.url]["pages"] == 12
    assert sites[hostile.url]["department"] == "Huila" and sites[good.url]["dane"] == "73001"
    # The slow site, first in the list, held one of the two places; the others went through the other.
    assert max(crawls[u]["finished_at"] for u in (good.url, fair.url, hostile.url)) <= crawls[slow.url]["finished_at"]
    log = (tmp_path / "gelt.log").read_text(encoding="utf-8")
    assert "database is locked" not in log

    # Next period: the good site publishes, the fair one breaks more links.
    good.routes["/p0/"] = page("Buena 0", "<p>Noticia nueva de la semana</p>")
    # (its pages stay linked: a home that stopped linking most of them would make a suspect crawl)
    fair.routes["/"] = page(
        "Inicio Regular", links=tuple(f"/roto{i}/" for i in range(4)) + tuple(f"/p{i}/" for i in range(6))
    )
    slow.routes = site_routes("Lenta", pages=10)
    assert portfolio_cli("crawl", "--config", str(config)).returncode == 4

    result = portfolio_cli("ranking", "--config", str(config), "--format", "json", "--output", str(tmp_path / "r.json"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    by_name = {s["name"]: s for s in data["sites"]}
    assert data["portfolio"]["sites"] == 5 and data["portfolio"]["crawled"] == 4
    assert by_name["Caída"]["rank"] is None and by_name["Caída"]["status"] == "fallido"
    assert data["sites"][-1]["name"] == "Caída"
    assert [s["rank"] for s in data["sites"][:4]] == sorted(s["rank"] for s in data["sites"][:4])
    assert by_name["Buena"]["rank"] == 1 and by_name["Buena"]["broken_links"] == 0
    assert by_name["Buena"]["updates_this_month"] >= 1 and by_name["Buena"]["deps_total"] == 1
    assert by_name["Regular"]["broken_links"] == 4 and by_name["Regular"]["change"]["broken_links"] == 3
    assert by_name["Regular"]["change"]["score"] < 0 and by_name["Regular"]["previous_crawl"] is not None
    deps = {d["department"]: d for d in data["departments"]}
    assert deps["Huila"]["sites"] == 3 and deps["Huila"]["crawled"] == 2 and deps["Huila"]["without_crawl"] == ["Caída"]
    assert deps["Tolima"]["ranking"] == [good.url, fair.url]

    out = tmp_path / "r.csv"
    assert portfolio_cli("ranking", "--config", str(config), "--format", "csv", "--output", str(out)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf" * 2)
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "posición" and len(rows) == 6
    assert any(r[3].startswith("'=HYPERLINK") for r in rows[1:])  # a formula in a site name stays text

    out = tmp_path / "r.html"
    assert portfolio_cli("ranking", "--config", str(config), "--format", "html", "--output", str(out)).returncode == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert (
        "Clasificación" in html
        and "Huila" in html
        and "http://" not in html.split("<body>")[0].replace("http-equiv", "")
    )  # nothing loaded from the network


def test_per_site_reports_are_the_single_site_reports(serve, tmp_path):
    one = serve(site_routes("Uno", pages=2))
    two = serve(site_routes("Dos", pages=3))
    config = write(
        tmp_path,
        SHARED
        + f"""
[portfolio]
[[portfolio.sites]]
name = "Uno"
dane = "73001"
url = "{one.url}"
[[portfolio.sites]]
name = "Dos"
url = "{two.url}"
""",
    )
    start = time.monotonic()
    assert portfolio_cli("crawl", "--config", str(config)).returncode == 0
    assert time.monotonic() - start < 60
    out = tmp_path / "sitios"
    result = portfolio_cli("ranking", "--config", str(config), "--format", "json", "--sites-dir", str(out))
    assert result.returncode == 0, result.stderr
    reports = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    assert set(reports) == {"73001.json", f"127.0.0.1_{two.port}.json"}
    assert reports["73001.json"]["site"] == {"name": "Uno", "url": one.url}
    assert len(reports["73001.json"]["pages"]) == 4
