"""A page's ``<base href>`` naming another host sends its relative links off-site: such a link is
not a page of the site and never the evidence of an item that needs one (issue 15, hostile input)."""

from __future__ import annotations

from tests.helpers import crawl, page, report_json

OFFSITE = ("http://evil.test/", "http://otra-entidad.com.co/")


def test_a_link_sent_to_another_host_by_base_href_is_not_evidence(serve, config_for):
    routes = {
        "/": page(
            "Inicio", "<p>Bienvenidos al portal de la alcaldía.</p>", ("/noticias/a", "/noticias/b", "/contacto")
        ),
        "/contacto": page("Contáctenos", "<p>Escríbanos a contacto@alcaldia.gov.co.</p>"),
    }
    for n, base in zip("ab", OFFSITE, strict=True):
        routes[f"/noticias/{n}"] = page(
            "Noticia de la semana",
            "<p>La alcaldía presentó su plan.</p><p><a href='mision-y-vision'>Misión y visión</a> · "
            "<a href='/nuestra-entidad/mision'>Misión</a> · <a href='vision'>Visión</a></p>",
            extra_head=f"<base href='{base}'>",
        )
    server = serve(routes)
    config = config_for(server.url, "[links]\ncheck_external = false\n")
    crawl(config)
    records = {(c["profile"], c["item"]): c for c in report_json(config)["checklist"]}
    for key in (("gelt-2008", "info.mision_vision"), ("ley1712-res1519", "ley1712.1.1")):
        rec = records[key]
        offsite = [u for u in rec["evidence"] if u.startswith(OFFSITE)]
        assert not offsite, rec
        assert rec["status"] == "no_cumple", rec
