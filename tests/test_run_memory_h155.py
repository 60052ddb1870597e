"""`gelt-audit run` audits the older crawls its reports compare with before the latest one (issue 21, H155).

The scheduler runs the latest crawl's audits itself and passes the findings to the report
writer; the older crawls' summaries (the weekly baseline, the committee's baseline and trend)
were then computed inside the writer, each a whole audit run while the latest crawl's findings
were held: the run's memory peak. Now they are computed (and cached) first. The order shows in
the run's log: «Calculando el resumen del rastreo N» (an older crawl's audit, for its summary)
before «Auditorías del rastreo M terminadas» (the latest crawl's). A real site on 127.0.0.1, two
crawls and the run through the CLI.
"""

from __future__ import annotations

import json

from gelt_audit.config import load_config
from tests.helpers import crawl, open_db, page, run_cli


def _site() -> dict:
    return {
        "/": page("Inicio", "<p>Portal.</p>", links=("/tramites/", "/roto")),
        "/tramites/": page("Trámites", "<p>Pagos en línea.</p>", links=("/",)),
    }


def test_run_computes_the_older_summaries_before_the_latest_audit(serve, config_for):
    server = serve(_site())
    config = config_for(server.url, "[links]\ncheck_external = false\n")
    crawl(config)
    crawl(config)
    db = config.parent / "gelt.db"
    with open_db(db) as conn:
        crawls = [cid for (cid,) in conn.execute("select id from crawls order by id")]
    assert len(crawls) == 2
    log_path = load_config(config).log_path
    logged = log_path.read_text(encoding="utf-8") if log_path.exists() else ""

    result = run_cli("run", "--no-crawl", "--reports", "all", "--config", str(config))
    assert result.returncode == 0, result.stderr

    lines = log_path.read_text(encoding="utf-8")[len(logged) :].splitlines()
    older = [i for i, line in enumerate(lines) if f"Calculando el resumen del rastreo {crawls[0]} " in line]
    latest = [i for i, line in enumerate(lines) if f"Auditorías del rastreo {crawls[1]} terminadas" in line]
    assert len(older) == 1 and len(latest) == 1, lines  # each audited once by the run
    assert older[0] < latest[0], lines  # the older crawl first, never while the latest's findings are held
    # and the reports compared with it: the weekly report's baseline is the older crawl
    folder = config.parent / "informes"
    [weekly] = folder.glob("semanal-*.json")
    assert json.loads(weekly.read_text(encoding="utf-8"))["report"]["baseline_crawl"]["id"] == crawls[0]
    assert len(list(folder.glob("comite-*.html"))) == 1
