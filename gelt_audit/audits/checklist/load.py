"""Loading checklists: the TOML profiles (``checklists/<profile>.toml``, or a municipality's
own file), items given in the config, and the committee's declarations file. Bad data raises
ValueError naming the file, the item and the key."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .evidence import PRESENCE, SCOPES
from .forms import FORM_PURPOSES
from .kinds import COMMON_PARAMS
from .model import Checklist, Group, Item, Part, Rule
from .rules import KINDS
from .text import PATTERNS, fold, norm_tokens

CHECKLIST_DIR = Path(__file__).resolve().parent.parent / "checklists"

# The keys of an item, with what each means (docs/checklist-rules.md is written from this).
ITEM_KEYS: dict[str, str] = {
    "id": "the item's identifier (`ley1712.1.1`: lower-case words joined by dots); reports, manual "
    "declarations and `gelt-audit evidence ITEM` name the item by it",
    "phase": "the phase (gelt-2008) the item belongs to; an item has `phase` or `section`, not both",
    "section": "the section (ley1712-res1519) the item belongs to",
    "name": "the item's name as reports show it",
    "requires": "what the norm requires, in words (the committee dossier shows it)",
    "source": "where the requirement comes from (a manual, a criterion); the committee dossier shows it",
    "legal_basis": "norm, article or annex numeral («Res. MinTIC 1519 de 2020, Anexo 2, numeral 1.5»); "
    "the JSON report's `legal_basis`",
    "weight": "the item's weight in its group's score (a number >= 0; 1 by default)",
    "rules": "the evidence rules (below); any rule that finds evidence is enough",
    "keywords": "short for a `title` and a `link_text` rule with these phrases",
    "slugs": "short for a `url` rule with these slugs",
    "parts": "required sub-items (`[[items.parts]]`, each with `name` and `rules`, `keywords` or `slugs`): "
    "all must be found for `cumple`, else `parcial` naming what is missing",
    "manual": "`true`: the committee declares the item (it cannot be verified on the site)",
    "no_aplica": "the legal reason the item does not apply to the entity: always `no_aplica`",
    "current": "the period the evidence must show: `year` (this year), `last_year` or `quarters` (the "
    "last closed quarter); when the evidence does not show it, `parcial`",
    "grace_days": "days after a period closes before `current` requires it (0 by default)",
    "in_menu": "`transparencia`: evidence outside the Transparencia menu is a problem (`parcial`)",
    "max_depth": "at most this many clicks from the home page (shortest path over the crawl's links); "
    "deeper evidence is a problem (`parcial`)",
    "placement": "`header`, `footer` or `chrome`: the evidence must be linked from there, else `parcial`",
    "allow_news": "`true`: news pages (`/noticias/<headline>`) count as evidence (by default they never do)",
    "note": "a remark for whoever maintains the profile (reports do not show it)",
    "service": "`true`: an online service (a query, a payment, a certificate, a survey); reached only "
    "through broken links it is not offered (`no_cumple`), not partly published like a document",
    "template": "`true` (with `placement`): a part of the site's template (the header bar, the footer); "
    "found only elsewhere it is not there (`no_cumple`)",
    "names": "a list of names (the oversight bodies): `shown`, naming them is the item, even when the "
    "entries link to «#»; `linked`, the item wants them linked (else `parcial`)",
}
_PART_KEYS = {"name", "rules", "keywords", "slugs"}
_COMMON_RULE_KEYS = {"kind", *COMMON_PARAMS}
_CURRENT = ("year", "last_year", "quarters")
_PLACEMENTS = ("header", "footer", "chrome")
_NAMES = ("shown", "linked")


class Where:
    """Builds error messages naming file, item and key."""

    def __init__(self, file: str, item: str | None = None) -> None:
        self.file, self.item = file, item

    def error(self, key: str, msg: str) -> ValueError:
        """The error for ``key`` with this message."""
        where = self.file
        if self.item:
            where += f": item '{self.item}'"
        return ValueError(f"{where}: clave '{key}': {msg}")


def str_list(value: Any, where: Where, key: str) -> list[str]:
    """A text or a list of non-empty texts, as a list."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(key, "se espera un texto o una lista de textos no vacíos")
    return value


def _phrases(value: Any, where: Where, key: str) -> tuple[tuple[str, ...], ...]:
    out = []
    for raw in str_list(value, where, key):
        toks = norm_tokens(raw)
        if not toks:
            raise where.error(key, f"la palabra clave {raw!r} queda vacía al normalizarla")
        out.append(toks)
    return tuple(out)


def _parse_rule(raw: Any, where: Where, key: str) -> Rule:
    if not isinstance(raw, dict):
        raise where.error(key, "cada regla debe ser una tabla con 'kind'")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise where.error(f"{key}.kind", f"tipo de regla desconocido {kind!r}; válidos: {', '.join(KINDS)}")
    allowed = set(KINDS[kind].params) | _COMMON_RULE_KEYS
    for k in raw:
        if k not in allowed:
            raise where.error(f"{key}.{k}", f"clave no válida para una regla '{kind}'")
    rule = Rule(kind=kind, **_rule_matchers(raw, where, key), **_rule_options(raw, where, key))
    problem = KINDS[kind].problem(rule)
    if problem is not None:
        raise where.error(f"{key}.{problem[0]}", problem[1])
    if not KINDS[kind].has_criterion(rule):
        raise where.error(key, f"a la regla '{kind}' le falta su criterio (keywords, slugs, hosts, pattern...)")
    return rule


def _rule_matchers(raw: Mapping[str, Any], where: Where, key: str) -> dict[str, Any]:
    """A rule's scope and what it matches: phrases, slugs, hosts, named patterns, regexes, posts."""
    kw: dict[str, Any] = {}
    scope = raw.get("scope", "any")
    if scope not in SCOPES:
        raise where.error(f"{key}.scope", f"valor {scope!r} no válido; válidos: {', '.join(SCOPES)}")
    kw["scope"] = scope
    for k in ("keywords", "exclude", "on_title", "contains"):
        if k in raw:
            kw[k] = _phrases(raw[k], where, f"{key}.{k}")
    if "slugs" in raw:
        kw["slugs"] = _phrases(raw["slugs"], where, f"{key}.slugs")
    if "hosts" in raw:
        kw["hosts"] = tuple(h.strip().lower() for h in str_list(raw["hosts"], where, f"{key}.hosts"))
    if "pattern" in raw:
        pats = str_list(raw["pattern"], where, f"{key}.pattern")
        for p in pats:
            if p not in PATTERNS:
                raise where.error(f"{key}.pattern", f"patrón desconocido {p!r}; válidos: {', '.join(PATTERNS)}")
        kw["patterns"] = tuple(pats)
    if "regex" in raw:
        regs = str_list(raw["regex"], where, f"{key}.regex")
        for r in regs:
            try:
                re.compile(r)
            except re.error as exc:
                raise where.error(f"{key}.regex", f"expresión regular no válida: {exc}") from None
        kw["regex"] = tuple(regs)
    if "posts" in raw:
        posts = [fold(p.strip()) for p in str_list(raw["posts"], where, f"{key}.posts")]
        for post in posts:
            if not re.fullmatch(r"\w+", post):  # a list of people is matched word by word
                raise where.error(f"{key}.posts", f"cada cargo es una sola palabra, no {post!r}")
        kw["posts"] = tuple(posts)
    return kw


def _rule_options(raw: Mapping[str, Any], where: Where, key: str) -> dict[str, Any]:
    """A rule's other parameters: form purpose, counts, embeds, extensions, signal, prefix, partial,
    not_section."""
    kw: dict[str, Any] = {}
    if "purpose" in raw:
        if raw["purpose"] not in FORM_PURPOSES:
            raise where.error(
                f"{key}.purpose", f"propósito {raw['purpose']!r} no válido; válidos: {', '.join(FORM_PURPOSES)}"
            )
        kw["purpose"] = raw["purpose"]
    for k in ("min_count", "slack"):
        if k in raw:
            if not isinstance(raw[k], int) or isinstance(raw[k], bool) or raw[k] < 0:
                raise where.error(f"{key}.{k}", "se espera un entero >= 0")
            kw[k] = raw[k]
    for k in ("embeds", "not_section", "content_only"):
        if k in raw:
            if not isinstance(raw[k], bool):
                raise where.error(f"{key}.{k}", "se espera true o false")
            kw[k] = raw[k]
    if "presence" in raw:
        if raw["presence"] not in PRESENCE:
            raise where.error(f"{key}.presence", f"se espera uno de: {', '.join(PRESENCE)}")
        kw["presence"] = raw["presence"]
    if "extensions" in raw:
        kw["extensions"] = tuple(e.lower().lstrip(".") for e in str_list(raw["extensions"], where, f"{key}.extensions"))
    for k in ("name", "prefix", "partial"):
        if k in raw:
            if not isinstance(raw[k], str) or not raw[k]:
                raise where.error(f"{key}.{k}", "se espera un texto no vacío")
            kw[k] = raw[k]
    return kw


def _parse_rules(raw: Mapping[str, Any], where: Where, prefix: str) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    if "keywords" in raw:
        phrases = _phrases(raw["keywords"], where, f"{prefix}keywords")
        rules += [Rule("title", keywords=phrases), Rule("link_text", keywords=phrases)]
    if "slugs" in raw:
        rules.append(Rule("url", slugs=_phrases(raw["slugs"], where, f"{prefix}slugs")))
    if "rules" in raw:
        if not isinstance(raw["rules"], list):
            raise where.error(f"{prefix}rules", "se espera una lista de reglas")
        rules += [_parse_rule(r, where, f"{prefix}rules[{i}]") for i, r in enumerate(raw["rules"])]
    return tuple(rules)


def _parse_item(raw: Any, where_file: str, group_key: str, index: int) -> Item:
    if not isinstance(raw, dict):
        raise Where(where_file).error(f"items[{index}]", "cada item debe ser una tabla")
    item_id = raw.get("id")
    where = Where(where_file, item_id if isinstance(item_id, str) else f"#{index + 1}")
    if not isinstance(item_id, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*", item_id):
        raise where.error("id", "se espera un identificador como 'info.mision_vision'")
    for k in raw:
        if k not in ITEM_KEYS:
            raise where.error(k, "clave desconocida")
    fields = _item_texts(raw, where, group_key) | _item_options(raw, where)
    parts = _parse_parts(raw, where)
    if not parts and not fields["manual"] and fields["no_aplica"] is None:
        raise where.error("rules", 'el item no tiene reglas; márquelo manual = true o no_aplica = "motivo"')
    return Item(id=item_id, parts=tuple(parts), **fields)


def _item_texts(raw: Mapping[str, Any], where: Where, group_key: str) -> dict[str, Any]:
    """An item's group (phase or section), name, requirement, source and note."""
    group = raw.get("phase", raw.get("section"))
    if "phase" in raw and "section" in raw:
        raise where.error("phase", "use 'phase' o 'section', no ambas")
    if not isinstance(group, str) or not group:
        raise where.error(group_key, "falta la fase o sección del item")
    if not isinstance(raw.get("name"), str) or not raw["name"].strip():
        raise where.error("name", "falta el nombre del item")
    for k in ("requires", "source", "note", "legal_basis"):
        if k in raw and not isinstance(raw[k], str):
            raise where.error(k, "se espera un texto")
    return {
        "group": group,
        "name": raw["name"].strip(),
        "requires": raw.get("requires", ""),
        "source": raw.get("source", ""),
        "legal_basis": raw.get("legal_basis", "").strip(),
        "note": raw.get("note", ""),
    }


def _item_options(raw: Mapping[str, Any], where: Where) -> dict[str, Any]:
    """An item's weight, how it is judged (manual, no_aplica, period) and its constraints."""
    weight = raw.get("weight", 1.0)
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
        raise where.error("weight", "se espera un número >= 0")
    manual = raw.get("manual", False)
    if not isinstance(manual, bool):
        raise where.error("manual", "se espera true o false")
    no_aplica = raw.get("no_aplica")
    if no_aplica is not None and (not isinstance(no_aplica, str) or not no_aplica.strip()):
        raise where.error("no_aplica", "se espera el motivo legal como texto")
    current = raw.get("current")
    if current is not None and current not in _CURRENT:
        raise where.error("current", f"valor {current!r} no válido; válidos: {', '.join(_CURRENT)}")
    grace = raw.get("grace_days", 0)
    if not isinstance(grace, int) or isinstance(grace, bool) or grace < 0:
        raise where.error("grace_days", "se espera un entero >= 0")
    in_menu = raw.get("in_menu")
    if in_menu is not None and in_menu != "transparencia":
        raise where.error("in_menu", "el único menú conocido es 'transparencia'")
    max_depth = raw.get("max_depth")
    if max_depth is not None and (not isinstance(max_depth, int) or isinstance(max_depth, bool) or max_depth < 0):
        raise where.error("max_depth", "se espera un entero >= 0")
    placement = raw.get("placement")
    if placement is not None and placement not in _PLACEMENTS:
        raise where.error("placement", f"valor {placement!r} no válido; válidos: {', '.join(_PLACEMENTS)}")
    allow_news = raw.get("allow_news", False)
    if not isinstance(allow_news, bool):
        raise where.error("allow_news", "se espera true o false")
    service, template = raw.get("service", False), raw.get("template", False)
    for key, value in (("service", service), ("template", template)):
        if not isinstance(value, bool):
            raise where.error(key, "se espera true o false")
    names = raw.get("names")
    if names is not None and names not in _NAMES:
        raise where.error("names", f"valor {names!r} no válido; válidos: {', '.join(_NAMES)}")
    if template and raw.get("placement") is None:
        raise where.error("template", "una parte de la plantilla necesita placement (header, footer o chrome)")
    return {
        "weight": float(weight),
        "manual": manual,
        "no_aplica": no_aplica,
        "current": current,
        "grace_days": grace,
        "in_menu": in_menu,
        "max_depth": max_depth,
        "placement": placement,
        "allow_news": allow_news,
        "service": service,
        "template": template,
        "names": names,
    }


def _parse_parts(raw: Mapping[str, Any], where: Where) -> list[Part]:
    """An item's parts: its ``[[items.parts]]``, else one unnamed part with its own rules."""
    parts: list[Part] = []
    if "parts" not in raw:
        rules = _parse_rules(raw, where, "")
        return [Part(None, rules)] if rules else []
    if not isinstance(raw["parts"], list) or not raw["parts"]:
        raise where.error("parts", "se espera una lista no vacía de partes")
    for i, p in enumerate(raw["parts"]):
        if not isinstance(p, dict):
            raise where.error(f"parts[{i}]", "cada parte debe ser una tabla")
        for k in p:
            if k not in _PART_KEYS:
                raise where.error(f"parts[{i}].{k}", "clave desconocida")
        if not isinstance(p.get("name"), str) or not p["name"].strip():
            raise where.error(f"parts[{i}].name", "cada parte necesita un nombre")
        rules = _parse_rules(p, where, f"parts[{i}].")
        if not rules:
            raise where.error(f"parts[{i}]", "la parte no tiene reglas (rules, keywords o slugs)")
        parts.append(Part(p["name"], rules))
    if any(k in raw for k in ("rules", "keywords", "slugs")):
        raise where.error("parts", "un item con 'parts' no lleva 'rules', 'keywords' ni 'slugs' propios")
    return parts


def _parse_items(raw_items: Any, file: str, group_key: str) -> list[Item]:
    if not isinstance(raw_items, list):
        raise Where(file).error("items", "se espera una lista de items ([[items]])")
    items = [_parse_item(r, file, group_key, i) for i, r in enumerate(raw_items)]
    seen: set[str] = set()
    for it in items:
        if it.id in seen:
            raise Where(file, it.id).error("id", "identificador repetido")
        seen.add(it.id)
    return items


def _load_file(path: Path) -> Checklist:
    file = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: no se pudo leer: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{file}: TOML no válido: {exc}") from None
    where = Where(file)
    for k in data:
        if k not in ("profile", "groups", "hosts", "items"):
            raise where.error(k, "clave desconocida (válidas: profile, groups, hosts, items)")
    prof = data.get("profile")
    if not isinstance(prof, dict):
        raise where.error("profile", "falta la tabla [profile]")
    for k in prof:
        if k not in ("id", "name", "source", "group_key", "parcial_value", "extends", "note"):
            raise where.error(f"profile.{k}", "clave desconocida")
    base: Checklist | None = None
    if "extends" in prof:
        if not isinstance(prof["extends"], str):
            raise where.error("profile.extends", "se espera el nombre de un perfil")
        base = load_checklist(prof["extends"])
    pid = prof.get("id", base.profile if base else None)
    if not isinstance(pid, str) or not pid:
        raise where.error("profile.id", "falta el identificador del perfil")
    group_key = prof.get("group_key", base.group_key if base else "phase")
    if group_key not in ("phase", "section"):
        raise where.error("profile.group_key", "se espera 'phase' o 'section'")
    parcial_value = prof.get("parcial_value", base.parcial_value if base else 0.5)
    if not isinstance(parcial_value, int | float) or not 0 <= parcial_value <= 1:
        raise where.error("profile.parcial_value", "se espera un número entre 0 y 1")
    groups: list[Group] = list(base.groups) if base else []
    raw_groups = data.get("groups", {})
    if not isinstance(raw_groups, dict):
        raise where.error("groups", "se espera una tabla [groups.<id>]")
    for gid, g in raw_groups.items():
        if not isinstance(g, dict) or not isinstance(g.get("name"), str):
            raise where.error(f"groups.{gid}.name", "cada grupo necesita un nombre")
        for k in g:
            if k not in ("name", "weight"):
                raise where.error(f"groups.{gid}.{k}", "clave desconocida")
        w = g.get("weight", 1.0)
        if not isinstance(w, int | float) or isinstance(w, bool) or w < 0:
            raise where.error(f"groups.{gid}.weight", "se espera un número >= 0")
        groups = [x for x in groups if x.id != gid] + [Group(gid, g["name"], float(w))]
    hosts = dict(base.hosts) if base else {}
    raw_hosts = data.get("hosts", {})
    if not isinstance(raw_hosts, dict):
        raise where.error("hosts", "se espera una tabla de alias de dominios")
    for alias, values in raw_hosts.items():
        hosts[alias] = tuple(v.lower() for v in str_list(values, where, f"hosts.{alias}"))
    items = _parse_items(data.get("items", []), file, group_key)
    checklist = Checklist(
        profile=pid,
        name=prof.get("name", base.name if base else pid),
        source=prof.get("source", base.source if base else ""),
        group_key=group_key,
        groups=tuple(groups),
        items=(),
        hosts=tuple(sorted(hosts.items())),
        parcial_value=float(parcial_value),
        path=str(path),
    )
    if base:
        checklist = replace(checklist, items=base.items)
    if path.resolve().parent == CHECKLIST_DIR:
        _require_legal_basis(items, file)
    return checklist.with_items(items)


def _require_legal_basis(items: Sequence[Item], file: str) -> None:
    """A bundled profile names the norm behind every item: the committee signs on it."""
    for it in items:
        if not it.legal_basis:
            raise Where(file, it.id).error(
                "legal_basis",
                "falta la base legal del item (norma, artículo o numeral, p. ej. "
                "«Res. MinTIC 1519 de 2020, Anexo 2, numeral 2.1»)",
            )


@lru_cache(maxsize=32)
def _load_cached(path: str) -> Checklist:
    return _load_file(Path(path))


def load_checklist(profile_or_path: str | Path) -> Checklist:
    """Load a checklist by bundled profile name (``gelt-2008``) or by path to a TOML file.

    Raises ValueError naming the file, the item and the key when the data is bad. A file may
    say ``[profile] extends = "gelt-2008"`` to add its items to a bundled profile.
    """
    text = str(profile_or_path)
    candidate = Path(text)
    if not text.endswith(".toml") and "/" not in text and "\\" not in text:
        candidate = CHECKLIST_DIR / f"{text}.toml"
        if not candidate.exists():
            names = ", ".join(sorted(p.stem for p in CHECKLIST_DIR.glob("*.toml")))
            raise ValueError(f"perfil de lista de chequeo desconocido {text!r}; disponibles: {names}")
    return _load_cached(str(candidate.resolve()))


def extra_items(items: Sequence[Mapping[str, Any]], *, source: str = "configuración") -> list[Item]:
    """Parse items given in the user's config (same schema as ``[[items]]`` in the files).

    Add them to a profile with ``checklist.with_items(extra_items(...))``.
    """
    return _parse_items([dict(i) for i in items], source, "phase")


# --------------------------------------------------------------------------------------------
# Parsing pages (once) into a site index
# --------------------------------------------------------------------------------------------
_MANUAL_ITEM_KEYS = {"status", "note", "date", "evidence", "declared_by"}
_MANUAL_IND_KEYS = {"id", "name", "target", "value", "note", "date", "unit"}


def load_manual(path: str | Path) -> dict[str, Any]:
    """Read the committee's declarations file (TOML).

    ::

        [items."transformacion.intranet"]
        status = "cumple"            # cumple | parcial | no_cumple | no_aplica
        note = "Intranet en SharePoint"
        date = 2026-10-15
        evidence = ["https://intranet.example/acta.pdf"]

        [[indicators]]
        id = "puntos_internet"
        name = "Puntos de internet por dependencia"
        target = "1 por dependencia"
        value = 8

    Returns ``{"items": {id: {...}}, "indicators": [{...}]}``; bad data raises ValueError
    naming the file and the key.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{p}: no se pudo leer: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{p.name}: TOML no válido: {exc}") from None
    where = Where(p.name)
    for k in data:
        if k not in ("items", "indicators"):
            raise where.error(k, "clave desconocida (válidas: items, indicators)")
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise where.error("items", 'se espera una tabla [items."<id>"]')
    for iid, decl in items.items():
        w = Where(p.name, iid)
        if not isinstance(decl, dict):
            raise w.error("status", "se espera una tabla con status")
        for k in decl:
            if k not in _MANUAL_ITEM_KEYS:
                raise w.error(k, "clave desconocida")
        if decl.get("status") not in ("cumple", "parcial", "no_cumple", "no_aplica"):
            raise w.error("status", "se espera cumple, parcial, no_cumple o no_aplica")
        if "evidence" in decl:
            str_list(decl["evidence"], w, "evidence")
    inds = data.get("indicators", [])
    if not isinstance(inds, list):
        raise where.error("indicators", "se espera una lista [[indicators]]")
    seen = set()
    for i, ind in enumerate(inds):
        if not isinstance(ind, dict):
            raise where.error(f"indicators[{i}]", "se espera una tabla")
        for k in ind:
            if k not in _MANUAL_IND_KEYS:
                raise where.error(f"indicators[{i}].{k}", "clave desconocida")
        for k in ("id", "name"):
            if not isinstance(ind.get(k), str) or not ind[k]:
                raise where.error(f"indicators[{i}].{k}", "falta o no es texto")
        if "value" not in ind:
            raise where.error(f"indicators[{i}].value", "falta el valor declarado")
        if ind["id"] in seen:
            raise where.error(f"indicators[{i}].id", f"indicador repetido {ind['id']!r}")
        seen.add(ind["id"])
    return {"items": items, "indicators": inds}


# The action plan's "Marco Operativo" indicators (Decreto 138 de 2008, Cajamarca).
