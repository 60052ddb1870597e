"""Every command has Spanish help and is in the README's «Uso» block (as sqlite-utils' test_docs)."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from gelt_audit.cli import COMMANDS, build_parser, main

README = Path(__file__).resolve().parent.parent / "README.md"


def usage_block() -> str:
    """The first ```sh block after the README's «## Uso» heading."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Uso\n", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S).group(1)


def subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return list(sub.choices)


def test_the_parser_has_exactly_the_declared_commands():
    assert subcommands() == list(COMMANDS)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help_in_spanish(name):
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    assert exit_.value.code == 0
    text = out.getvalue()
    assert text.startswith(f"uso: gelt-audit {name}"), text
    assert "opciones:" in text and "-h, --help  " in text and "muestra esta ayuda y termina" in text
    assert not [w for w in ("usage:", "options:", "positional arguments:", "show this help") if w in text]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_is_in_the_readme_usage_block(name):
    assert re.search(rf"^gelt-audit {name}\b", usage_block(), re.M), f"falta «gelt-audit {name}» en el README"


def test_the_readme_usage_block_names_only_real_commands_and_options():
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    for line in usage_block().splitlines():
        if not line.strip():
            continue
        words = line.split("#", 1)[0].split()
        assert words[0] == "gelt-audit", line
        assert words[1] in sub.choices, line
        known = {s for action in sub.choices[words[1]]._actions for s in action.option_strings}
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", line.split("#", 1)[0]):
            assert option in known, (option, line)
