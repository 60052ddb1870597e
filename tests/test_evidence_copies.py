"""Evidence a committee can open: every checklist record names its legal basis and the stored
copies of its evidence pages; the committee report writes those copies, inert and offline, in
evidencia/; `gelt-audit evidence` prints them and exports them as WARC. Real crawls of a
127.0.0.1 site, the real CLI in subprocesses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from warcio.archiveiterator import ArchiveIterator

from gelt_audit.audits.checklist import load
from gelt_audit.audits.checklist.load import load_checklist
from gelt_audit.demo.server import Resource, SiteServer
from gelt_audit.store import Store
from tests.helpers import page, run_cli, write_config
from tests.test_report_browser import CHROMIUM, Chromium

HOSTILE_HEAD = (
    "<script>window.pwned=1</script><base href='http://evil.test/'>"
    "<meta http-equiv='refresh' content='0;url=http://evil.test/'>"
    "<link rel='stylesheet' href='http://evil.test/a.css'><style>body{background:url(http://evil.test/b.png)}</style>"
)


def organigrama(version: str) -> str:
    # </title><script> inside the title, onerror, a javascript: link, external loads
    return page(
        "Organigrama</title><script>window.t=1</script>",
        f"<p>Estructura orgánica {version}</p>"
        "<img src='http://evil.test/o.png' onerror='window.e=1' alt='organigrama'>"
        "<a href='javascript:window.j=1'>ver</a> <a href='/mision-y-vision' onclick='x()'>misión</a>"
        "<iframe src='http://evil.test/f'></iframe><svg><image href='http://evil.test/s.png'/></svg>"
        "<div style='background:url(http://evil.test/c.png)'>estilo</div>",
        extra_head=HOSTILE_HEAD,
    ).body.decode()


def site(version: str) -> dict:
    return {
        "/": page("Inicio", "<p>Bienvenidos</p>", ("/organigrama", "/mision-y-vision", "https://www.gov.co/")),
        "/organigrama": Resource.html(organigrama(version)),
        "/mision-y-vision": page("Misión y visión", "<h3>Misión</h3><p>Servir.</p><h3>Visión</h3><p>Ser.</p>"),
    }


def cli_on(day: str, *args: str) -> object:
    return run_cli(*args, env={"GELT_TODAY": f"{day}T10:00"})  # 15:00 UTC: the same day everywhere


def crawl_site(server: SiteServer, folder: Path) -> Path:
    config = write_config(folder, server.url, "[links]\ncheck_external = false\n")
    result = cli_on("2026-11-17", "crawl", "--config", str(config))
    assert result.returncode == 0, result.stderr
    return config


@pytest.fixture
def crawled(serve, tmp_path):
    """A site crawled once, for a test that changes it."""
    server = serve(site("versión uno"))
    return server, crawl_site(server, tmp_path)


@pytest.fixture(scope="module")
def crawled_once(tmp_path_factory):
    """The same site crawled once, shared by the tests that only read it."""
    server = SiteServer(site("versión uno")).start()
    try:
        yield server, crawl_site(server, tmp_path_factory.mktemp("sitio"))
    finally:
        server.stop()


def record(report: dict, item: str) -> dict:
    return next(r for r in report["checklist"] if r["item"] == item)


def copy_of(report: dict, item: str, path: str) -> dict:
    return next(c for c in record(report, item)["evidence_copies"] if c["url"].endswith(path))


def committee(config: Path, day: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    result = cli_on(day, "report", "--committee", "--output", str(folder), "--config", str(config))
    assert result.returncode == 0, result.stderr
    return folder / f"comite-{day}.html"


def assert_inert(text: str) -> None:
    doc = lxml.html.fromstring(text)
    assert not doc.xpath("//script | //iframe | //base | //link | //object | //embed | //svg | //img")
    assert not doc.xpath("//meta[@http-equiv='refresh' or @http-equiv='Refresh']")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert not doc.xpath("//@src | //@srcset | //@style | //@action | //@background")
    for href in doc.xpath("//a/@href"):
        assert href.startswith(("http://", "https://", "mailto:")), href
    assert "evil.test" not in text and "javascript:" not in text and "window." not in text


def test_every_record_has_its_legal_basis_and_requirement(crawled_once):
    _, config = crawled_once
    report = json.loads(cli_on("2026-11-17", "report", "--format", "json", "--config", str(config)).stdout)
    assert report["checklist"]
    missing = [r["item"] for r in report["checklist"] if not r.get("legal_basis")]
    assert not missing, missing
    assert record(report, "ley1712.1.2")["legal_basis"].startswith("Res. MinTIC 1519 de 2020, Anexo 2")
    assert "art. 9, lit. a" in record(report, "ley1712.1.2")["legal_basis"]
    assert "Manual GEL" in record(report, "info.organigrama")["legal_basis"]
    assert record(report, "info.organigrama")["requires"]
    # the stored copy of the evidence page, dated and hashed
    copies = record(report, "info.organigrama")["evidence_copies"]
    organigrama_url = crawled_once[0].url.rstrip("/") + "/organigrama"
    assert organigrama_url in [c["url"] for c in copies]
    copy = next(c for c in copies if c["url"] == organigrama_url)
    with Store(config.parent / "gelt.db") as store:
        body = store.body(copy["content_hash"])
    assert b"versi\xc3\xb3n uno" in body["content"]
    assert copy["copy"].startswith("evidencia/") and copy["fetched_at"].startswith("2026-11-17")
    # the committee report in the configured reports folder (what `run` and the scheduler write)
    result = cli_on("2026-11-17", "report", "--committee", "--config", str(config))
    assert result.returncode == 0, result.stderr
    html_path = Path(result.stdout.splitlines()[0].split(": ", 1)[1])
    assert html_path.name == "comite-2026-11-17.html"
    assert_inert((html_path.parent / copy["copy"]).read_text(encoding="utf-8"))


def test_committee_report_copies_open_offline_and_survive_a_site_change(crawled, tmp_path):
    server, config = crawled
    reports = tmp_path / "informes"
    first = committee(config, "2026-11-17", reports)
    report1 = json.loads(cli_on("2026-11-17", "report", "--format", "json", "--config", str(config)).stdout)
    copy1 = copy_of(report1, "info.organigrama", "/organigrama")
    old = reports / copy1["copy"]
    assert first.exists() and old.exists()
    text = old.read_text(encoding="utf-8")
    assert_inert(text)
    doc = lxml.html.fromstring(text)
    (banner,) = doc.xpath("//body/*[1][@class='gelt-copia']")
    assert banner.text_content().startswith("Copia guardada el 17 de noviembre de 2026 — original: " + copy1["url"])
    assert "contenido sin cambios desde el 17 de noviembre de 2026" in banner.text_content()
    assert copy1["content_hash"] in banner.text_content() and "versión uno" in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert doc.xpath("//a[text()='misión']/@href") == [
        server.url.rstrip("/") + "/mision-y-vision"
    ]  # links stay, absolute

    # one week later: the page changed, another crawl, another committee report in the same folder
    server.routes = site("versión dos")
    assert cli_on("2026-11-24", "crawl", "--config", str(config)).returncode == 0
    committee(config, "2026-11-24", reports)
    report2 = json.loads(cli_on("2026-11-24", "report", "--format", "json", "--config", str(config)).stdout)
    copy2 = copy_of(report2, "info.organigrama", "/organigrama")
    assert copy2["copy"] != copy1["copy"] and copy2["fetched_at"].startswith("2026-11-24")
    assert "versión uno" in old.read_text(encoding="utf-8")  # the old report still proves what it said
    new = (reports / copy2["copy"]).read_text(encoding="utf-8")
    assert "versión dos" in new and "versión uno" not in new
    assert "contenido sin cambios desde el 24 de noviembre de 2026" in new
    # an unchanged page keeps the date its content was first stored
    # the older crawl's evidence, asked for by number, is still the first version
    result = cli_on("2026-11-24", "evidence", "info.organigrama", "--crawl", "1", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert copy1["content_hash"] in result.stdout and copy2["content_hash"] not in result.stdout
    home = copy_of(report2, "info.organigrama", server.url.rstrip("/") + "/")  # 304 the second time
    assert home["content_changed_at"].startswith("2026-11-17") and home["fetched_at"].startswith("2026-11-24")
    assert "contenido sin cambios desde el 17 de noviembre de 2026" in (reports / home["copy"]).read_text(
        encoding="utf-8"
    )
    # each report keeps its own copies: the first report's copy of the home page still says the 17th
    home1 = copy_of(report1, "info.organigrama", server.url.rstrip("/") + "/")
    assert home1["content_hash"] == home["content_hash"] and home1["copy"] != home["copy"]
    assert "Copia guardada el 17 de noviembre de 2026" in (reports / home1["copy"]).read_text(encoding="utf-8")
    assert "Copia guardada el 24 de noviembre de 2026" in (reports / home["copy"]).read_text(encoding="utf-8")


def test_evidence_command_prints_the_item_and_exports_warc(crawled_once, tmp_path):
    server, config = crawled_once
    result = cli_on("2026-11-17", "evidence", "info.organigrama", "--config", str(config))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Base legal: Decreto 1151 de 2008" in out and "Veredicto: " in out
    assert server.url.rstrip("/") + "/organigrama" in out and "huella SHA-256 " in out
    assert "descargada el 17 de noviembre de 2026" in out and "\x1b" not in out

    warc = tmp_path / "evidencia.warc.gz"
    html_dir = tmp_path / "copias"
    result = cli_on(
        "2026-11-17",
        "evidence",
        "info.organigrama",
        "--warc",
        str(warc),
        "--html",
        str(html_dir),
        "--config",
        str(config),
    )
    assert result.returncode == 0, result.stderr
    copy_files = list((html_dir / "evidencia").iterdir())
    assert len(copy_files) == 2  # the organigrama page and the home page that links to it
    for copy_file in copy_files:
        assert_inert(copy_file.read_text(encoding="utf-8"))
    with Store(config.parent / "gelt.db") as store:
        expected = {s["url"]: store.body(s["body_hash"])["content"] for s in store.snapshots(1) if s["body_hash"]}
    with warc.open("rb") as fh:
        responses, types = {}, []
        for r in ArchiveIterator(fh):  # a stream: each record is read before the next
            types.append(r.rec_type)
            uri = r.rec_headers.get_header("WARC-Target-URI")
            if r.rec_type == "response":
                assert r.http_headers.get_statuscode() == "200"
                assert r.rec_headers.get_header("WARC-Date").startswith("2026-11-17T")
                responses[uri] = r.content_stream().read()
    base = server.url.rstrip("/")
    assert types == ["warcinfo", "response", "response"]
    assert responses == {u: expected[u] for u in (base + "/organigrama", base + "/")}

    everything = tmp_path / "todo.warc.gz"
    result = cli_on(
        "2026-11-17", "evidence", "info.organigrama", "--warc", str(everything), "--all", "--config", str(config)
    )
    assert result.returncode == 0, result.stderr
    with everything.open("rb") as fh:
        bodies = {r.rec_headers.get_header("WARC-Target-URI"): r.content_stream().read()
                  for r in ArchiveIterator(fh) if r.rec_type == "response"}  # fmt: skip
    assert bodies == {u: b for u, b in expected.items() if u in bodies} and len(bodies) == 3


def test_unknown_item_is_a_spanish_error_exit_2(crawled_once):
    _, config = crawled_once
    result = cli_on("2026-11-17", "evidence", "no.existe", "--config", str(config))
    assert result.returncode == 2
    assert "El ítem «no.existe» no existe" in result.stderr and "Traceback" not in result.stderr
    result = cli_on("2026-11-17", "evidence", "info.organigrama", "--crawl", "99", "--config", str(config))
    assert result.returncode == 2 and "El rastreo 99 no existe" in result.stderr


def _profile_without_basis(folder: Path) -> Path:
    folder.mkdir()
    text = (load.CHECKLIST_DIR / "gelt-2008.toml").read_text(encoding="utf-8")
    text = re.sub(r'(id = "info.glosario"(?:\n(?!legal_basis).*)*)\nlegal_basis = "[^"]*"', r"\1", text, count=1)
    path = folder / "sin-base.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bundled_profile_item_without_legal_basis_is_refused_by_name(tmp_path, monkeypatch):
    own = _profile_without_basis(tmp_path / "propio")
    assert load_checklist(own).item("info.glosario").legal_basis == ""  # a municipality's own may leave it out
    bundled = _profile_without_basis(tmp_path / "incluidos")
    monkeypatch.setattr(load, "CHECKLIST_DIR", bundled.parent.resolve())  # the same text, as a bundled profile
    with pytest.raises(ValueError, match=r"item 'info.glosario': clave 'legal_basis': falta la base legal"):
        load_checklist("sin-base")


def test_legal_basis_names_the_norm_and_the_numeral_of_each_item():
    res = load_checklist("ley1712-res1519")
    for item in res.items:
        assert item.legal_basis.startswith("Res. MinTIC 1519 de 2020, Anexo 2"), item.id
        numbered = re.fullmatch(r"ley1712\.(\d+)\.(\d+)", item.id)
        if numbered:  # a menu item: its numeral (5.1, 6.x, 9.1, 10.1 are whole sections in Anexo 2)
            section, sub = numbered.groups()
            assert re.search(rf"numeral ({section}\.{sub}|{section})(;|$| )", item.legal_basis), item.id
            assert "menú de Transparencia (num. 2.4.2)" in item.legal_basis, item.id
    gelt = load_checklist("gelt-2008")
    for item in gelt.items:
        expected = "Decreto 138 de 2008" if item.group == "plan" else "Decreto 1151 de 2008"
        assert expected in item.legal_basis, item.id


def test_an_xhtml_page_with_an_xml_declaration_keeps_its_text():
    # old GEL-T platform pages are XHTML; lxml refuses decoded text that declares an encoding
    from gelt_audit.reports.evidence import render_copy

    markup = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Misión institucional</p></body></html>'
    copy = {"url": "http://127.0.0.1/m", "fetched_at": "2026-11-24T15:00:00+00:00",
            "content_changed_at": "2026-11-24T15:00:00+00:00", "content_hash": "0" * 64}  # fmt: skip
    text = render_copy(markup, copy)
    assert "Misión institucional" in text and "<?xml" not in text


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium no está instalado (apt-get install chromium)")
def test_the_hostile_copy_opens_in_chromium_without_a_request_or_a_script(crawled_once, tmp_path):
    server, config = crawled_once
    folder = tmp_path / "informes"
    committee(config, "2026-11-17", folder)
    report = json.loads(cli_on("2026-11-17", "report", "--format", "json", "--config", str(config)).stdout)
    copy = copy_of(report, "info.organigrama", "/organigrama")
    url = (folder / copy["copy"]).as_uri()
    browser = Chromium(tmp_path / "perfil")
    try:
        browser.open(url, 1280, 900)
        found = browser.problems(url)
        assert found["requests"] == [] and found["errors"] == [], found
        ran = browser.js("[window.pwned, window.t, window.e, window.j].filter(x => x !== undefined).length")
        assert ran == 0  # none of the page's scripts, handlers or javascript: links ran
        top = browser.js("document.querySelector('.gelt-copia').getBoundingClientRect().top")
        assert top <= 1 and "Estructura orgánica versión uno" in browser.js("document.body.innerText")
    finally:
        browser.close()
