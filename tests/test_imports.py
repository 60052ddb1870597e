"""What a report process imports: an optional library heavy to import (Playwright, ~0.2 s of CPU)
is loaded only where the browser pass starts a browser, not by every cron and report process."""

from __future__ import annotations

import subprocess
import sys

HEAVY_OPTIONAL = ("playwright.sync_api",)


def test_the_report_and_audit_modules_do_not_import_playwright():
    code = (
        "import sys, gelt_audit.cli as cli\n"
        "for name in ('report', 'audit', 'run'): cli.command(name)\n"
        "import gelt_audit.reports.write, gelt_audit.audits.run, gelt_audit.audits.browser_pass\n"
        f"print(sorted(m for m in {HEAVY_OPTIONAL!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_playwrights_error_class_is_the_real_one_once_a_browser_was_started():
    code = (
        "from gelt_audit.audits import browser\n"
        "before = browser.playwright_error()\n"
        "api = browser._sync_api()\n"
        "print(before is not api.Error, browser.playwright_error() is api.Error, issubclass(before, Exception))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["True", "True", "True"], out.stdout + out.stderr


def test_language_codes_are_read_from_babel_when_first_judged():
    from gelt_audit.audits import html_rules

    assert html_rules.valid_language("es-CO") and html_rules.valid_language("qaa")
    assert not html_rules.valid_language("xx-nope-") and not html_rules.valid_language("zz")
    assert {"es", "en", "pt"} <= html_rules._languages()
