"""What a form is for (search, PQRSD, survey, payment, query, subscription), read off its fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .text import WORD, camel_split, element_text, fold, text_norm

FORM_PURPOSES = ("search", "pqrsd", "survey", "payment", "query", "subscription")
_SEARCH_WORDS = frozenset(
    "q s k search buscar busqueda buscador query keyword keywords searchword termino texto criterio".split()
)
_SURVEY_WORDS = frozenset(
    (
        "encuesta",
        "sondeo",
        "califica",
        "califique",
        "calificacion",
        "opinion",
        "opine",
        "satisfaccion",
        "valore",
        "valora",
        "percepcion",
    )
)
_PAY_WORDS = frozenset(
    (
        "pago",
        "pagar",
        "pague",
        "pse",
        "predial",
        "liquidar",
        "liquidacion",
        "factura",
        "recibo",
        "impuesto",
        "referencia",
    )
)
_QUERY_WORDS = frozenset(
    (
        "consulta",
        "consultar",
        "consulte",
        "radicado",
        "verificar",
        "verifique",
        "verificacion",
        "estado",
        "seguimiento",
        "rastreo",
        "codigo",
    )
)
_SUBS_PREFIXES = ("suscri", "boletin", "newsletter")


@dataclass(slots=True)
class Form:
    purposes: frozenset[str]
    norm: str


def form_info(form: Any, page_labels: str) -> Form:
    bits: list[str] = [
        element_text(form),
        form.get("action") or "",
        form.get("id") or "",
        form.get("class") or "",
        form.get("role") or "",
        form.get("name") or "",
    ]
    n_text = n_radio = 0
    has_textarea = has_email = has_password = has_search_type = False
    hint_words: set[str] = set()
    for el in form.iter("input", "textarea", "select", "button", "option", "label"):
        tag = el.tag
        for attr in ("name", "id", "placeholder", "aria-label", "title", "class"):
            v = el.get(attr)
            if v:
                bits.append(v)
                if tag == "input" and attr in ("name", "id", "placeholder", "class"):
                    hint_words.update(WORD.findall(fold(v)))
        if (
            tag in ("button", "input")
            and el.get("value")
            and (el.get("type") or "").lower() in ("submit", "button", "")
        ):
            bits.append(el.get("value") or "")
        if tag == "textarea":
            has_textarea = True
        elif tag == "input":
            t = (el.get("type") or "text").lower()
            if t in ("text", "search", "email", "tel", "number", ""):
                n_text += 1
            if t == "search":
                has_search_type = True
            elif t == "email":
                has_email = True
            elif t == "password":
                has_password = True
            elif t == "radio":
                n_radio += 1
    text = " ".join(bits)
    norm, _ = text_norm(camel_split(text))
    words = set(norm.split())
    hint_words |= set(
        WORD.findall(
            fold(
                (form.get("action") or "")
                + " "
                + (form.get("role") or "")
                + " "
                + (form.get("class") or "")
                + " "
                + (form.get("id") or "")
            )
        )
    )
    purposes: set[str] = set()
    if has_password:
        return Form(frozenset({"login"}), norm)
    search_hint = bool(hint_words & _SEARCH_WORDS) or bool(words & {"buscar", "busqueda", "buscador"})
    if (
        (has_search_type or search_hint)
        and n_text >= 1
        and n_text <= 2
        and not has_textarea
        and not (has_email and not has_search_type)
    ):
        purposes.add("search")
    if has_textarea and (has_email or n_text >= 2):
        purposes.add("pqrsd")
    if n_radio >= 2 and (words & _SURVEY_WORDS or set(page_labels.split()) & _SURVEY_WORDS):
        purposes.add("survey")
    if not has_textarea and words & _PAY_WORDS and "search" not in purposes:
        purposes.add("payment")
    if not has_textarea and n_text >= 1 and words & _QUERY_WORDS and "search" not in purposes:
        purposes.add("query")
    if has_email and not has_textarea and any(w.startswith(_SUBS_PREFIXES) for w in words):
        purposes.add("subscription")
    return Form(frozenset(purposes), norm)
