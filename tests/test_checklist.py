"""GEL-T / Ley 1712 checklist engine: accuracy on the labelled corpus and every behaviour the
issue names (current periods, out-of-menu, 404 and broken evidence, regressions, manual file,
no_aplica, custom items from config, signals, scores, indicators, bad checklist data)."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import replace

import pytest

from gelt_audit.audits.checklist import (
    PageDoc,
    as_dict,
    evaluate,
    extra_items,
    index_site,
    indicators,
    load_checklist,
    load_manual,
    regressions,
    scores,
    text_rules,
)
from gelt_audit.store import Store
from tests.fixtures.checklist_corpus.corpus import (
    CASES,
    EXPECTED_DETAILS,
    PROFILES,
    TODAY,
    coverage,
    is_auto,
    run_case,
    run_corpus,
)
from tests.fixtures.checklist_corpus.sites import FETCHED, Site

CASE = {c.name: c for c in CASES}


def by_item(results):
    return {r.item: r for r in results}


@pytest.fixture(scope="module")
def corpus():
    return run_corpus()


# --------------------------------------------------------------------------------- accuracy


def test_corpus_precision_and_recall_are_perfect(corpus):
    scores_, _raw = corpus
    print()
    print(f"{'perfil':18} {'precisión':>9} {'exhaustividad':>13} {'exactos':>9}  VP  FP  FN  VN")
    for profile in PROFILES:
        s = scores_[profile]
        print(
            f"{profile:18} {s.precision:9.3f} {s.recall:13.3f} {s.exact:4}/{s.total:<4}  "
            f"{s.tp:3} {s.fp:3} {s.fn:3} {s.tn:3}"
        )
    for profile in PROFILES:
        s = scores_[profile]
        assert s.mismatches == [], f"{profile}: (caso, item, esperado, obtenido, detalle) {s.mismatches}"
        assert s.precision == 1.0 and s.recall == 1.0


def test_corpus_covers_every_item_present_and_absent(corpus):
    _scores, raw = corpus
    for profile, items in coverage(raw).items():
        checklist = load_checklist(profile)
        assert set(items) == {i.id for i in checklist.items if is_auto(i)}
        thin = {item: counts for item, counts in items.items() if counts[0] < 2 or counts[1] < 1}
        assert thin == {}, f"{profile}: items with fewer than 2 found variants or no absent case: {thin}"


@pytest.mark.parametrize("key", sorted(EXPECTED_DETAILS))
def test_parcial_details_say_why(corpus, key):
    _scores, raw = corpus
    case, profile, item = key
    result = by_item(raw[(case, profile)])[item]
    assert result.status == "parcial"
    assert EXPECTED_DETAILS[key] in result.detail


def test_found_items_carry_evidence_and_snapshot_date(corpus):
    _scores, raw = corpus
    for results in raw.values():
        for r in results:
            if r.status in ("cumple", "parcial") and r.source == "auto":
                assert r.evidence and all(u.startswith("https://") or u.startswith("http://") for u in r.evidence)
                assert r.snapshot_date == FETCHED
            if r.status == "no_cumple":
                assert r.evidence == ()


def test_checklist_files_keep_every_id_of_checklists_md():
    gelt = {i.id for i in load_checklist("gelt-2008").items}
    ley = {i.id for i in load_checklist("ley1712-res1519").items}
    assert len(gelt) == 55 and len(ley) == 60
    assert {"info.mision_vision", "interaccion.pqrsd", "transformacion.intranet", "plan.control_periodico"} <= gelt
    assert {f"ley1712.{n}" for n in range(1, 11)} <= ley
    assert {"ley1712.menu", "ley1712.1.14", "ley1712.4.10", "ley1712.footer.politicas", "ley1712.header.govco"} <= ley
    for item in load_checklist("ley1712-res1519").items:
        if item.group not in ("sitio",):
            assert item.in_menu == "transparencia", item.id


# ------------------------------------------------------------------- specific behaviours


def test_current_period_quarters_and_out_of_menu_details(corpus):
    _scores, raw = corpus
    legacy = by_item(raw[("legacy", "ley1712-res1519")])
    assert legacy["ley1712.4.1"].detail.startswith("publicado fuera del menú de transparencia")
    assert "falta el periodo 2026 (publicado: 2024, 2025)" in legacy["ley1712.4.1"].detail
    assert "último publicado: II trimestre de 2026" in legacy["ley1712.4.10"].detail
    custom = by_item(raw[("custom", "ley1712-res1519")])
    assert custom["ley1712.4.10"].status == "cumple" and "III trimestre de 2026" in custom["ley1712.4.10"].detail
    # The same reports a quarter later: the fourth quarter of 2026 is due.
    later = by_item(
        evaluate(
            load_checklist("ley1712-res1519"),
            CASE["custom"].pages(),
            home_url=CASE["custom"].home,
            today=datetime.date(2027, 2, 15),
        )
    )
    assert later["ley1712.4.10"].status == "parcial"
    assert "falta el periodo IV trimestre de 2026" in later["ley1712.4.10"].detail
    assert "falta el periodo 2027" in later["ley1712.4.1"].detail


def test_404_page_is_not_evidence_and_an_entry_to_it_publishes_nothing(corpus):
    _scores, raw = corpus
    custom = by_item(raw[("custom", "gelt-2008")])
    # /preguntas-frecuentes answers 404 (a custom error page titled "Preguntas frecuentes")
    assert custom["info.preguntas_frecuentes"].status == "no_cumple"
    # a "Glosario" link whose target answers 404 publishes nothing (the committee's criterion, H147):
    # no_cumple, the detail naming the entry and its dead address
    assert custom["info.glosario"].status == "no_cumple"
    assert "«Glosario»" in custom["info.glosario"].detail
    assert "https://www.rovira-tolima.gov.co/glosario/, que no existe (404)" in custom["info.glosario"].detail


def test_decoys_do_not_count(corpus):
    _scores, raw = corpus
    minimal = by_item(raw[("minimal", "gelt-2008")])
    # a news item about "presupuesto"/"rendición de cuentas", a paragraph about "datos abiertos"
    for item in ("info.presupuesto", "democracia.rendicion_cuentas", "info.datos_abiertos", "interaccion.buscador"):
        assert minimal[item].status == "no_cumple", item
    assert by_item(raw[("minimal", "ley1712-res1519")])["ley1712.menu"].status == "no_cumple"
    custom = by_item(raw[("custom", "gelt-2008")])
    for item in (
        "interaccion.encuestas",
        "info.empleo",
        "info.ninos",
        "interaccion.buscador",
        "info.boletines_publicaciones",
    ):
        assert custom[item].status == "no_cumple", item


def test_no_aplica_item_shows_the_legal_reason(corpus):
    _scores, raw = corpus
    r = by_item(raw[("mintic", "ley1712-res1519")])["ley1712.1.14"]
    assert r.status == "no_aplica" and r.source == "manual"
    assert "Decreto 1083 de 2015" in r.detail


def test_depth_limit_makes_item_parcial():
    home = "https://www.ejemplo.gov.co/"
    chain = ["/", "/a", "/a/b", "/a/b/c", "/a/b/c/pqrsd"]
    pages = []
    for here, nxt in zip(chain, chain[1:] + [None], strict=True):
        link = f'<a href="{nxt}">Siguiente sección del sitio</a>' if nxt else ""
        body = f"<h1>Página {here}</h1><p>Contenido de la página con texto suficiente para no estar vacía.</p>{link}"
        if nxt is None:
            body = (
                '<h1>Peticiones, quejas y reclamos</h1><form method="post"><input type="text" name="nombre">'
                '<input type="email" name="correo"><textarea name="mensaje"></textarea></form>'
            )
        pages.append(
            PageDoc(home.rstrip("/") + here, 200, f"<html><body>{body}</body></html>", "text/html", FETCHED, None)
        )
    r = by_item(evaluate(load_checklist("gelt-2008"), pages, home_url=home, today=TODAY))["interaccion.pqrsd"]
    assert r.status == "parcial"
    assert "a 4 clics de la página de inicio" in r.detail


def test_malformed_and_odd_pages_do_not_break_the_audit():
    home = "https://www.ejemplo.gov.co/"
    pages = [
        PageDoc(
            home, 200, "<html><body><h1>Misión<p>texto <a href='/vision'>Visión</b></table>", "text/html", FETCHED, 0
        ),
        PageDoc(home + "vacia", 200, "", "text/html", FETCHED, 1),
        PageDoc(
            home + "latin",
            200,
            "<?xml version='1.0' encoding='iso-8859-1'?><html><body><h1>Glosario de términos</h1>"
            "<p>Definición de cada término usado en los trámites y servicios de la alcaldía municipal.</p></body></html>",
            "text/html; charset=iso-8859-1",
            FETCHED,
            1,
        ),
        PageDoc(home + "doc.pdf", 200, None, "application/pdf", FETCHED, 1),
        PageDoc(home + "movida", 301, None, "text/html", FETCHED, 1),
        PageDoc(home + "error", 500, "<h1>Presupuesto</h1>", "text/html", FETCHED, 1),
    ]
    results = by_item(evaluate(load_checklist("gelt-2008"), pages, home_url=home, today=TODAY))
    assert results["info.glosario"].status == "cumple"
    assert results["info.presupuesto"].status == "no_cumple"  # only on a page answering 500


def test_site_index_is_reusable_across_profiles_and_equals_direct_evaluation():
    case = CASE["legacy"]
    index = index_site(case.pages(), home_url=case.home, link_states=case.site.link_states)
    for profile in PROFILES:
        checklist = load_checklist(profile)
        direct = evaluate(checklist, case.pages(), home_url=case.home, link_states=case.site.link_states, today=TODAY)
        assert evaluate(checklist, index, home_url=case.home, today=TODAY) == direct


def test_an_index_from_the_parse_cache_judges_like_a_fresh_parse(tmp_path):
    """Every corpus site indexed through a store's parse cache, cold then warm, gets the verdicts
    of a direct evaluation; the warm index reads no HTML."""
    store = Store(tmp_path / "gelt.db")
    lists = [load_checklist(p) for p in PROFILES]
    rules = text_rules(lists)
    read: list[str] = []

    def lazy(doc: PageDoc) -> PageDoc:
        if doc.html is None:
            return doc
        body_hash = hashlib.sha256(doc.html.encode()).hexdigest()
        return replace(doc, html=None, body_hash=body_hash, fetch=lambda: read.append(doc.url) or doc.html)

    for case in CASES:
        direct = [run_case(case, c) for c in lists]
        for warm in (False, True):
            read.clear()
            index = index_site(
                map(lazy, case.pages()),
                home_url=case.home,
                link_states=case.site.link_states,
                text_rules=rules,
                cache=store.cached_audit,
            )
            store.flush_audits()
            assert [evaluate(c, index, home_url=case.home, today=TODAY) for c in lists] == direct, case.name
            assert (read == []) if warm else bool(read), case.name


def test_text_rules_not_given_to_the_index_are_refused():
    case = CASE["legacy"]
    index = index_site(case.pages(), home_url=case.home, text_rules=())
    with pytest.raises(ValueError, match="regla de texto no indexada"):
        evaluate(load_checklist("gelt-2008"), index, home_url=case.home, today=TODAY)


def test_as_dict_has_the_json_contract_keys(corpus):
    _scores, raw = corpus
    row = as_dict(raw[("mintic", "gelt-2008")][0])
    assert list(row)[:5] == ["profile", "item", "phase", "status", "evidence"]
    assert row["profile"] == "gelt-2008" and isinstance(row["evidence"], list)


# -------------------------------------------------------------------------- regressions


def test_regressions_between_two_crawls():
    checklist = load_checklist("gelt-2008")
    before_site = CASE["mintic"].site
    after_site = Site(before_site.name, before_site.home, dict(before_site.pages), dict(before_site.link_states))
    after_site.pages["/glosario"] = (404, "<h1>No encontrada</h1>", "text/html")
    budget = "/transparencia/planeacion-presupuesto-e-informes/presupuesto-general"
    status, html, ctype = after_site.pages[budget]
    after_site.pages[budget] = (status, html.replace("2026", "2024"), ctype)  # only past budgets left
    after = type(CASE["mintic"])("mintic-despues", after_site)
    ley = load_checklist("ley1712-res1519")
    previous = run_case(CASE["mintic"], checklist) + run_case(CASE["mintic"], ley)
    current = run_case(after, checklist) + run_case(after, ley)
    changes = {c["item"]: c for c in regressions(current, previous)}
    assert changes["info.glosario"]["kind"] == "regression"
    # its page now answers 404: the entry publishes nothing (no_cumple since H147's criterion)
    assert (changes["info.glosario"]["before"], changes["info.glosario"]["after"]) == ("cumple", "no_cumple")
    assert changes["ley1712.4.1"]["kind"] == "regression"
    assert "falta el periodo 2026" in changes["ley1712.4.1"]["detail"]
    assert "info.presupuesto" not in changes  # the gelt item also accepts the 2026 budget execution
    # and the other way round: newly met items
    back = {c["item"]: c for c in regressions(previous, current)}
    assert back["info.glosario"]["kind"] == "met"
    assert all(c["kind"] in ("regression", "met", "improved") for c in back.values())
    assert regressions(previous, previous) == []


# ------------------------------------------------------- manual file, signals, custom items


MANUAL = """
[items."transformacion.intranet"]
status = "cumple"
note = "Intranet en SharePoint desde 2010"
date = 2026-10-15
evidence = ["https://intranet.cajamarca-tolima.gov.co/acta-comite.pdf"]

[items."transformacion.interoperabilidad"]
status = "no_cumple"
note = "Sin intercambio con otras entidades"

[items."info.glosario"]
status = "no_aplica"
note = "El comité lo considera cubierto por las preguntas frecuentes"

[items."plan.control_periodico"]
status = "parcial"
note = "Actas del comité de enero y junio"

[[indicators]]
id = "puntos_internet"
name = "Puntos de internet por dependencia"
target = "1 por dependencia"
value = 8

[[indicators]]
id = "talleres"
name = "Talleres de capacitación realizados"
target = 4
value = 3
date = 2026-11-01
"""


def test_manual_declarations_fill_manual_items_and_indicators(tmp_path):
    path = tmp_path / "declaraciones.toml"
    path.write_text(MANUAL, encoding="utf-8")
    manual = load_manual(path)
    checklist = load_checklist("gelt-2008")
    results = by_item(
        evaluate(
            checklist,
            CASE["mintic"].pages(),
            home_url=CASE["mintic"].home,
            manual=manual,
            signals={"frecuencia_actualizacion": "cumple"},
            today=TODAY,
        )
    )
    intranet = results["transformacion.intranet"]
    assert (intranet.status, intranet.source) == ("cumple", "manual")
    assert "declarado por el comité el 2026-10-15: Intranet en SharePoint" in intranet.detail
    assert intranet.evidence == ("https://intranet.cajamarca-tolima.gov.co/acta-comite.pdf",)
    assert results["transformacion.interoperabilidad"].status == "no_cumple"
    assert results["info.glosario"].status == "no_aplica"  # a declared exemption wins over the crawl
    assert results["plan.control_periodico"].status == "parcial"  # signal missing -> declaration
    assert results["plan.frecuencia_actualizacion"].status == "cumple"  # from the signal
    assert results["plan.entidades_aliadas"].status == "manual"  # neither signal nor declaration

    sc = scores(list(results.values()))["gelt-2008"]
    transf = sc["groups"]["transformacion"]
    assert transf["cumple"] == 2 and transf["no_cumple"] == 1  # declared items count
    assert transf["score"] == pytest.approx(66.7, abs=0.1)

    inds = {
        i["id"]: i
        for i in indicators(
            list(results.values()),
            manual,
            {"frecuencia_actualizacion": "3 de 5 dependencias", "responsables_asignados": 5},
        )
    }
    assert inds["frecuencia_actualizacion"] == {
        "id": "frecuencia_actualizacion",
        "name": inds["frecuencia_actualizacion"]["name"],
        "target": "4 veces al mes",
        "value": "3 de 5 dependencias",
        "source": "auto",
    }
    assert inds["empalme"]["value"] == 1 and inds["empalme"]["source"] == "auto"
    assert inds["canales_contacto"]["value"] == "funcionando"
    assert inds["fases"]["value"]["info"] == 100.0
    assert inds["puntos_internet"]["source"] == "manual" and inds["puntos_internet"]["value"] == 8
    assert inds["talleres"]["date"] == "2026-11-01"
    assert all({"id", "name", "target", "value", "source"} <= set(i) for i in inds.values())


def test_manual_file_errors_name_the_key(tmp_path):
    path = tmp_path / "mal.toml"
    path.write_text('[items."transformacion.intranet"]\nstatus = "tal vez"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"mal.toml: item 'transformacion.intranet': clave 'status'"):
        load_manual(path)
    path.write_text('[[indicators]]\nid = "x"\nname = "X"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"indicators\[0\].value"):
        load_manual(path)


def test_signals_with_detail_and_evidence():
    results = by_item(
        evaluate(
            load_checklist("gelt-2008"),
            [],
            home_url="https://www.x.gov.co/",
            today=TODAY,
            signals={
                "entidades_aliadas": {
                    "status": "parcial",
                    "detail": "2 de 9 enlaces rotos",
                    "evidence": ["https://www.tolima.gov.co/"],
                },
            },
        )
    )
    r = results["plan.entidades_aliadas"]
    assert (r.status, r.detail, r.evidence) == ("parcial", "2 de 9 enlaces rotos", ("https://www.tolima.gov.co/",))
    with pytest.raises(ValueError, match="signals"):
        evaluate(
            load_checklist("gelt-2008"),
            [],
            home_url="https://www.x.gov.co/",
            today=TODAY,
            signals={"control_periodico": "excelente"},
        )


INVENTORY = [
    {
        "id": "tramite.predial",
        "phase": "tramites",
        "name": "Impuesto predial unificado",
        "requires": "Publicado en el sitio y enlazado a su ficha en GOV.CO",
        "parts": [
            {"name": "publicado en el sitio", "keywords": ["impuesto predial"]},
            {
                "name": "enlace a GOV.CO / SUIT",
                "rules": [{"kind": "link_to", "hosts": ["@suit"], "keywords": ["impuesto predial"]}],
            },
        ],
    },
    {
        "id": "tramite.licencia_construccion",
        "phase": "tramites",
        "name": "Licencia de construcción",
        "parts": [
            {"name": "publicado en el sitio", "keywords": ["licencia de construccion"]},
            {
                "name": "enlace a GOV.CO / SUIT",
                "rules": [{"kind": "link_to", "hosts": ["@suit"], "keywords": ["licencia de construccion"]}],
            },
        ],
    },
    {
        "id": "tramite.espectaculos",
        "phase": "tramites",
        "name": "Permiso de espectáculos públicos",
        "keywords": ["espectaculos publicos"],
    },
]


def test_custom_items_from_config_and_the_tramites_aggregate():
    checklist = load_checklist("gelt-2008").with_items(extra_items(INVENTORY, source="gelt.toml"))
    results = by_item(evaluate(checklist, CASE["mintic"].pages(), home_url=CASE["mintic"].home, today=TODAY))
    assert results["tramite.predial"].status == "cumple"
    assert results["tramite.licencia_construccion"].status == "cumple"
    assert results["tramite.espectaculos"].status == "no_cumple"
    agg = results["plan.tramites_suit"]
    assert (
        agg.status == "parcial" and "2 de 3 cumplen" in agg.detail and "Permiso de espectáculos públicos" in agg.detail
    )
    inds = {i["id"]: i for i in indicators(list(results.values()), None, {})}
    assert inds["tramites_publicados"]["value"] == "67 %"
    sc = scores(list(results.values()), [checklist])["gelt-2008"]["groups"]
    assert sc["tramites"]["name"] == "tramites" and sc["tramites"]["score"] == pytest.approx(66.7, abs=0.1)
    # without an inventory the aggregate cannot be judged by the crawler
    plain = by_item(
        evaluate(load_checklist("gelt-2008"), CASE["mintic"].pages(), home_url=CASE["mintic"].home, today=TODAY)
    )
    assert plain["plan.tramites_suit"].status == "manual"


def test_profile_file_extending_a_bundled_profile(tmp_path):
    path = tmp_path / "cajamarca.toml"
    path.write_text(
        """
[profile]
extends = "gelt-2008"

[groups.tramites]
name = "Inventario de trámites"
weight = 2

[[items]]
id = "tramite.predial"
phase = "tramites"
name = "Impuesto predial unificado"
keywords = ["impuesto predial"]
""",
        encoding="utf-8",
    )
    checklist = load_checklist(str(path))
    assert checklist.profile == "gelt-2008" and checklist.item("tramite.predial").group == "tramites"
    assert checklist.group("tramites").weight == 2
    assert len(checklist.items) == 56


# ------------------------------------------------------------------------------- scores


def test_scores_weighting_and_exclusions():
    base = run_case(CASE["legacy"], load_checklist("gelt-2008"))
    sc = scores(base)["gelt-2008"]
    info = sc["groups"]["info"]
    counted = info["cumple"] + info["parcial"] + info["no_cumple"]
    assert info["score"] == pytest.approx(100 * (info["cumple"] + 0.5 * info["parcial"]) / counted, abs=0.1)
    groups = [g for g in sc["groups"].values() if g["score"] is not None]
    assert sc["overall"] == pytest.approx(
        sum(g["weight"] * g["score"] for g in groups) / sum(g["weight"] for g in groups), abs=0.1
    )
    # transformacion: ventanilla única only (the two manual items are left out)
    assert sc["groups"]["transformacion"]["manual"] == 2 and sc["groups"]["transformacion"]["score"] == 0.0
    # weights matter
    heavy = [replace(r, weight=10.0) if r.item == "info.presupuesto" else r for r in base]
    assert scores(heavy)["gelt-2008"]["groups"]["info"]["score"] < info["score"]
    assert scores([]) == {}


# ------------------------------------------------------------------------ checklist data


def _write(tmp_path, items: str) -> str:
    path = tmp_path / "perfil.toml"
    path.write_text('[profile]\nid = "prueba"\n[groups.info]\nname = "Información"\n' + items, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nkeywords = ["alfa"]\ncolor = "azul"\n',
            r"perfil.toml: item 'info.x': clave 'color': clave desconocida",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nrules = [{ kind = "magia" }]\n',
            r"item 'info.x': clave 'rules\[0\].kind': tipo de regla desconocido",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nrules = [{ kind = "footer", pattern = "fax" }]\n',
            r"item 'info.x': clave 'rules\[0\].pattern': patrón desconocido 'fax'",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nkeywords = ["alfa"]\ncurrent = "siempre"\n',
            r"item 'info.x': clave 'current'",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\n',
            r"item 'info.x': clave 'rules': el item no tiene reglas",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nkeywords = ["de"]\n',
            r"item 'info.x': clave 'keywords': la palabra clave 'de' queda vacía",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nkeywords = ["alfa"]\n[[items]]\nid = "info.x"\nphase = "info"\nname = "Y"\nkeywords = ["beta"]\n',
            r"item 'info.x': clave 'id': identificador repetido",
        ),
        ('[[items]]\nid = "info.x"\nname = "X"\nkeywords = ["alfa"]\n', r"item 'info.x': clave 'phase'"),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nrules = [{ kind = "form", purpose = "magia" }]\n',
            r"clave 'rules\[0\].purpose'",
        ),
        (
            '[[items]]\nid = "info.x"\nphase = "info"\nname = "X"\nrules = [{ kind = "url", keywords = ["alfa"] }]\n',
            r"clave 'rules\[0\].keywords': clave no válida para una regla 'url'",
        ),
    ],
)
def test_bad_checklist_data_names_file_item_and_key(tmp_path, items, message):
    with pytest.raises(ValueError, match=message):
        load_checklist(_write(tmp_path, items))


def test_unknown_profile_and_bad_config_items():
    with pytest.raises(ValueError, match="perfil de lista de chequeo desconocido 'gelt-2099'.*gelt-2008"):
        load_checklist("gelt-2099")
    with pytest.raises(ValueError, match=r"gelt.toml: item 'tramite.x': clave 'weight'"):
        extra_items(
            [{"id": "tramite.x", "phase": "tramites", "name": "X", "keywords": ["x"], "weight": "mucho"}],
            source="gelt.toml",
        )
