"""Spanish text folding and phrase matching: accents and case folded, stop words dropped,
plurals tolerated, so "Misión y Visión", "Mision - Vision" and "Nuestra misión" all match
``mision``; and the named patterns (phone, e-mail, address...) that text rules look for."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from .literals import Prefiltered, required
from .scan import AfterNonWord

_COMBINING = re.compile("[\u0300-\u036f]")
WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "y e o u de del la las el los a al en para por con su sus lo nuestra nuestro nuestras "
    "nuestros sobre que se un una unos unas mi mis tu tus".split()
)
# Words that do not count against a label's "slack" (periods, numbering).
FILLER = frozenset(
    "vigencia ano anos periodo ver consulte consultar descargar aqui click clic mas "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre trimestre semestre i ii iii iv v vi vii viii ix x pdf doc docx xls xlsx".split()
)
_stem_cache: dict[str, str] = {}


_NFKD = unicodedata.normalize
_MARKS = ("\u0301", "\u0303", "\u0308", "\u0300")  # the accents of Spanish (and grave), most common first


def fold_reference(text: str) -> str:
    """Lower-case and strip accents (keeps punctuation): the definition :func:`fold` computes."""
    if text.isascii():  # NFKD leaves ASCII as it is
        return text.lower()
    decomposed = _NFKD("NFKD", text)
    if not decomposed.isascii():
        # plain replaces for the common marks, then the regex only if another mark remains: the
        # same string as _COMBINING.sub("", decomposed), several times faster on a page's text
        for mark in _MARKS:
            if mark in decomposed:
                decomposed = decomposed.replace(mark, "")
        if _COMBINING.search(decomposed) is not None:
            decomposed = _COMBINING.sub("", decomposed)
    return decomposed.lower()


def _is_starter(c: str) -> bool:
    return unicodedata.combining(c) == 0


def _fold_tables(candidates: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The characters :func:`fold` may handle one at a time, checked against the definition.

    "Simple": a starter whose decomposition starts with a starter and folds to ASCII (``á`` ->
    ``a``, ``º`` -> ``o``, no-break space -> space). "Stable": a starter that NFKD and lower-case
    leave as it is (``«``, ``›``, ``¿``). In a text made of ASCII and such characters, NFKD
    decomposes each character apart (no combining mark to reorder across two of them), the marks
    dropped are each character's own, and lower-case is per character (the only context rule,
    the final sigma, needs a Σ): folding the text is folding each character.
    """
    simple, stable = [], []
    for c in dict.fromkeys(candidates):
        decomposed, folded = _NFKD("NFKD", c), fold_reference(c)
        if not (_is_starter(c) and decomposed and _is_starter(decomposed[0])):
            continue
        if folded.isascii() and folded == folded.lower():
            simple.append((c, folded))
        elif decomposed == c and folded == c and c.lower() == c and c.upper() != "\u03a3":
            stable.append(c)
    return tuple(simple), tuple(stable)


# Spanish letters first (most frequent), then the rest of Latin-1's letters and symbols.
_SIMPLE, _STABLE = _fold_tables("óéíáúñÓÉÍÁÚÑüÜ\xa0ºª…àèìòùâêîôûäëïöÿçýÀÈÌÒÙÂÊÎÔÛÄËÏÖÇÝãõÃÕ«»“”‘’–—•›‹¿¡©®°·§¶×÷€£¢¥¬¦")
# ASCII control characters that stand in for the stable characters while lower() runs on ASCII
# (much faster than on a wider string); a text that has one of them takes the definition.
_PARKING = tuple(chr(i) for i in (*range(1, 9), *range(14, 32)))


def fold(text: str) -> str:
    """Lower-case and strip accents (keeps punctuation): :func:`fold_reference`, computed with
    plain replaces when the text has only ASCII and the characters of :func:`_fold_tables`."""
    if text.isascii():
        return text.lower()
    fast = text
    for c, folded in _SIMPLE:
        if c in fast:
            fast = fast.replace(c, folded)
            if fast.isascii():
                return fast.lower()
    parked: list[tuple[str, str]] = []
    for c in _STABLE:
        if c in fast:
            if len(parked) == len(_PARKING):
                return fold_reference(text)
            spot = _PARKING[len(parked)]
            if spot in text:
                return fold_reference(text)
            parked.append((spot, c))
            fast = fast.replace(c, spot)
            if fast.isascii():
                break
    if not fast.isascii():
        return fold_reference(text)  # another character: the definition
    fast = fast.lower()
    for spot, c in parked:
        fast = fast.replace(spot, c)
    return fast


def _stem(word: str) -> str:
    s = _stem_cache.get(word)
    if s is None:
        s = word
        if len(word) > 4 and word.endswith("eses"):
            # the plural of a word in «-és» («intereses», «meses»): its singular's stem (class 2661)
            s = _stem(word[:-2])
        elif len(word) > 4 and word.endswith("es") and word[-3] in "nrldzj":
            s = word[:-2]
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            s = word[:-1]
        _stem_cache[word] = s
    return s


def norm_tokens(text: str) -> tuple[str, ...]:
    """Folded, stemmed tokens without stop words."""
    return tuple(_stem(w) for w in WORD.findall(fold(text)) if w not in STOPWORDS)


def camel_split(text: str) -> str:
    """Words of a CamelCase name apart (``PresupuestoGeneral`` -> ``Presupuesto General``)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)


def count_words(tokens: Sequence[str]) -> int:
    """How many words count against a label's slack (numbers and filler words do not)."""
    return sum(1 for t in tokens if not t.isdigit() and t not in FILLER)


# The entries each cache of a page's parse keeps (``url_key``, ``path_norm``, ``is_doc_key``,
# ``is_news_key``, ``text_norm``, ``generic_text``, ``document_button``: see ``index.forget_parse_caches``),
# whatever the site's size. What repeats from page to page (the template's links and texts, a section's
# neighbours) stays in a few thousand; a cache as big as the site (200,000) held an entry a distinct URL
# or text to the parse's end (~14,000 each at 10,000 pages), among the small objects the index keeps
# (issue 21, H263). 32,768, not 8,192: at 50,000 pages the cold report peaks at 395.9 MiB with it and
# 391.2 with 8,192 (423.3 with 200,000), and at 10,000 pages 8,192 cost ~8 % more CPU in misses where
# 32,768 cost nothing measurable (docs/PERFORMANCE.md, H263 and the session's summary).
PARSE_CACHE = 32768


@lru_cache(maxsize=4096)
def _phrase_regex(tokens: tuple[str, ...]) -> re.Pattern[str]:
    """Regex finding a normalised phrase in folded running text (plurals, stop words)."""
    stop = "|".join(sorted(STOPWORDS, key=len, reverse=True))
    gap = rf"[^a-z0-9]+(?:(?:{stop})[^a-z0-9]+)*"
    # The word boundary before the first token is checked after it (a lookbehind over the token
    # just read) so that the pattern starts with a literal: re then scans for it at C speed.
    if not tokens:
        return re.compile("(?<![a-z0-9])(?![a-z0-9])")
    first = re.escape(tokens[0])
    # a plural ending; «eses» for a word in «-és» stemmed to its singular's stem («intereses», class 2661)
    body = gap.join(
        [rf"{first}(?<![a-z0-9]{first})(?:eses|es|s)?", *(re.escape(t) + "(?:eses|es|s)?" for t in tokens[1:])]
    )
    return re.compile(rf"{body}(?![a-z0-9])")


@lru_cache(maxsize=4096)
def longest(tokens: tuple[str, ...]) -> str:
    """The longest word of a phrase: text without it cannot have the phrase (see :func:`in_text`)."""
    return max(tokens, key=len)


@lru_cache(maxsize=4096)
def _words_first(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A phrase's distinct words, the longest (rarest) first."""
    return tuple(sorted(dict.fromkeys(tokens), key=len, reverse=True))


def in_text(tokens: tuple[str, ...], folded: str) -> bool:
    """Whether a normalised phrase occurs in folded running text."""
    return _any_phrase((tokens,), folded)


def _any_phrase(phrases: Sequence[tuple[str, ...]], folded: str, has: dict[str, bool] | None = None) -> bool:
    """Whether one of the phrases occurs in folded running text.

    A phrase's regex reads each of its words as written (plus a plural ending): a text lacking one
    of them cannot match, and looking for a word costs far less than the regex's search; each word
    is looked for once (phrases share words: «responsable», «gobierno»). ``has``: what is known of
    the same text already (word -> whether it is in it), shared by the questions asked of it."""
    if has is None:
        has = {}
    for tokens in phrases:
        for word in _words_first(tokens):
            found = has.get(word)
            if found is None:
                found = has[word] = word in folded
            if not found:
                break
        else:
            if _phrase_regex(tokens).search(folded) is not None:
                return True
    return False


def _has(x: str, folded: str, has: dict[str, bool]) -> bool:
    found = has.get(x)
    if found is None:
        found = has[x] = x in folded
    return found


def in_norm(tokens: tuple[str, ...], norm: str) -> bool:
    """Whether a normalised phrase occurs, as whole words, in a normalised string."""
    return f" {' '.join(tokens)} " in f" {norm} "


# Class 1342: an address at a domain named «example» or «ejemplo» (RFC 2606 reserves example.com,
# .org and .net for this) is a template's placeholder, «notificacionesjudiciales@example.gov.co»,
# «correo@ejemplo.com»: no one can write to it, it is no contact datum of the entity. The top-level
# «.example» is left alone: the corpus writes the entities' own addresses so («judicial@movilidad.example»).
_NOT_EXAMPLE = r"(?!(?:[a-z0-9\-]+\.)*(?:example|ejemplo)\.)"

# the months, as a date writes them (folded: no accents)
_MONTHS = r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
# the months as the Spanish locale abbreviates them (es-CO «may», «sept»; others «sep», «set»)
_MONTHS_SHORT = r"ene|feb|mar|abr|may|jun|jul|ago|sept|sep|set|oct|nov|dic"

# the header cells of a staff table: who (a name) and how to reach them
_PERSON_COLUMN = r"nombres?(?:\s+y\s+apellidos?|\s+completo)?|funcionari[oa]s?|servidor(?:es)?(?:\s+publicos?)?"
_CONTACT_COLUMN = r"telefonos?|celular|correo(?:\s+electronico)?|e-?mail|extension|contacto"
# the column of an office's people: «Responsable(s)», «Funcionario(s)», «Nombre(s)», «Jefe»
_IN_CHARGE = r"responsables?|" + _PERSON_COLUMN + r"|jefes?"

# Named patterns for ``text``/``footer`` rules; each is a list of regexes that must all match
# the folded text.
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "phone": (
        re.compile(
            # «+» may sit inside the number: MinTIC's 2015 format writes the codes «(57+7) 6550271»
            r"(?:\+\s?57|\btel[eé]?(?:fono)?s?\b|\bpbx\b|\bconmutador\b|\bcelular\b|\bl[ií]nea\b|"
            r"\bfax\b|\bwhatsapp\b|\bmovil\b)[^0-9]{0,25}[(+]?\d[\d\s().+\-]{5,}\d"
            r"|\b01\s?8000\s?\d"
            # a Colombian number needs no label: ten digits, a mobile (3xx) or a landline of the 2021
            # plan (601-608), alone (not a piece of a longer figure: an NIT, a filing or contract number)
            r"|(?<![\d\-./])(?:3[0-5]\d|60[1-8])(?:[\s.\-]?\d){7}(?![\d\-/])"
        ),
    ),
    "email": (
        re.compile(
            # from the start of its word, the local part at most 64 characters (RFC 5321): an unbounded
            # run tried from every position of a long word is quadratic (see emptiness._CONTACT)
            r"(?<![a-z0-9._%+\-])[a-z0-9._%+\-]{1,64}\s?(?:@|\[at\]|\(at\)|\sarroba\s)\s?"
            + _NOT_EXAMPLE
            + r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}"
        ),
    ),
    "address": (
        re.compile(
            r"\b(?:calle|carrera|cra|kra|kr|cr|cl|clle|avenida|av|diagonal|dg|transversal|tv|"
            r"manzana|mz)\.?\s*(?:no\.?\s*)?\d+|\bpalacio municipal\b|\bdirecci[oó]n\s*:|"
            # a street with a name: «CL Las Palmas # 12 - 120», «Calle Real No. 5-20»
            r"\b(?:calle|carrera|cra|cr|cl|avenida|av|diagonal|transversal)\.?\s+(?:[a-z]+\s+){1,3}(?:#|no\.|n[°º])\s*\d+"
        ),
    ),
    "hours": (
        re.compile(
            r"\b(?:lunes|martes|miercoles|jueves|viernes|sabado)\b"
            # class 1300: a time range under the label «Horario (de atención)» is the opening hours,
            # the days left unsaid («Horario de atención: 08:00AM - 12:00PM y de 02:00PM - 06:00PM»)
            r"|\bhorarios?(?:\s+de\s+(?:atencion|oficina|servicio))?(?:\s+al\s+(?:publico|ciudadano|usuario))?"
            r"\s*:?\s*(?:de\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b\.?|m\b\.?|h\b|hrs?\b|horas\b)?"
            r"\s*(?:-|\u2013|a\b|hasta\b)\s*\d{1,2}(?:[:.]\d{2})?"
        ),
        re.compile(r"\b\d{1,2}(?::|\.|h)?\d{0,2}\s*(?:a\.?\s?m|p\.?\s?m|m\.|am\b|pm\b|hrs?\b|horas)|\b\d{1,2}:\d{2}\b"),
    ),
    # class 2515 (H251): the hours of a school day or a working day said in a sentence, no weekday and no
    # «horario» label: «La jornada escolar en la mañana empieza a las 06:30 AM y termina a las 12:30 PM»
    # (zzq-iemariaantoniaruiz's seats): the service's hours, its days unsaid
    "workday": (
        re.compile(
            r"\bjornadas?\s+(?:escolar|laboral|academica|de\s+atencion|de\s+trabajo)\b[^.]{0,60}?"
            r"\b(?:empieza|inicia|comienza|va|abre|es)\b[^.]{0,12}?\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b|horas\b)"
            r"[^.]{0,40}?\b(?:termina|finaliza|hasta|a\s+las|cierra)\b[^.]{0,12}?\d{1,2}(?:[:.]\d{2})?"
        ),
    ),
    # class 2561 (H256): a sentence that names the opening hours of an office or a service and gives its
    # days and times («El horario de atención de la Biblioteca es de lunes a viernes de 7:00 a.m. a 6:00
    # p.m.») says them on whatever page it is (docs/checklist-scope.md «Horario de atención»: the hours of
    # each service count); «a.m.»/«p. m.» written with dots and spaces
    "stated_hours": (
        re.compile(
            r"\bhorarios?\s+(?:de\s+)?(?:atencion|oficina|servicio|funcionamiento)\b(?:\s+al\s+(?:publico|ciudadano|usuario))?"
            r"[^.;]{0,60}?\b(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?)\b"
            r"[^;]{0,40}?\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\b|m\b|h\b|hrs?\b|horas\b)"
        ),
    ),
    # class 2562 (H256): a split working day written as two time ranges, the morning's ending at noon and
    # the afternoon's in the p.m. («8:00 a 12:00 m - 2:00 a 6:00 p.m», «7:30 a.m. a 12 m. y de 1:30 a 5:30
    # p. m.»): an office's hours, its days unsaid
    "split_day": (
        re.compile(
            r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?\s?m\b\.?\s*)?(?:a|-|\u2013|hasta)\s*(?:las\s+)?1[12](?:[:.]\d{2})?\s*"
            r"(?:m\b\.?|[ap]\.?\s?m\b\.?)\s*(?:-|\u2013|y|,|/)\s*(?:de\s+)?(?:las\s+)?\d{1,2}(?:[:.]\d{2})?\s*"
            r"(?:p\.?\s?m\b\.?\s*)?(?:a|-|\u2013|hasta)\s*(?:las\s+)?\d{1,2}(?:[:.]\d{2})?\s*p\.?\s?m\b"
        ),
    ),
    "judicial_email": (
        re.compile(
            r"notificaci[oó]n(?:es)?\s+judicial(?:es)?[^@]{0,120}?[a-z0-9._%+\-]{1,64}\s?(?:@|\[at\]|\(at\))\s?"
            + _NOT_EXAMPLE
            + r"[a-z0-9.\-]+\.[a-z]{2,}"
            r"|(?<![a-z0-9._%+\-])[a-z0-9._%+\-]{0,64}(?:notificacion|judicial)[a-z0-9._%+\-]{0,64}\s?(?:@|\[at\]|\(at\))\s?"
            + _NOT_EXAMPLE
            + r"[a-z0-9.\-]+\.[a-z]{2,}"
        ),
    ),
    "date": (
        re.compile(
            r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|"
            r"\b\d{1,2}\s+de\s+(?:" + _MONTHS + r")(?:\s+de)?\s+(?:19|20)\d\d\b|"
            r"\b(?:" + _MONTHS + r")\s+\d{1,2},?\s+(?:19|20)\d\d\b|"
            # class 2280: the short form a news list prints (the Spanish locale's abbreviated month, no
            # «de»: «26 may 2023», «10 mar. 2023», «3 sept 2022»), or the full month without «de»
            r"\b\d{1,2}\s+(?:" + _MONTHS + r"|(?:" + _MONTHS_SHORT + r")\.?),?\s+(?:19|20)\d\d\b"
        ),
    ),
    # class 2282: a table of people whose header row names each one's name, post and a way to reach
    # them («# | Nombre | Cargo | Teléfono», «Cargo | Nombre | Correo electrónico»), with a phone or an
    # e-mail in its first rows: a staff directory a person reads as one, whatever heads the page
    # class 2423: or a table of offices whose header row names, beside the office and a way to reach it,
    # the people in charge («Dependencia | Teléfono | Ext | Responsables | E-mail»): each row gives the
    # office's phone or e-mail next to its people and their posts, a staff directory read row by row
    "staff_table": (
        re.compile(
            r"(?:\b(?:(?:" + _PERSON_COLUMN + r")\s+(?:dependencia\s+)?cargo|cargo\s+(?:" + _PERSON_COLUMN + r"))"
            r"\s+(?:dependencia\s+)?(?:" + _CONTACT_COLUMN + r")\b"
            r"|\b(?:dependencia|oficina)\s+(?:(?:\S+\s+){0,3}?(?:" + _CONTACT_COLUMN + r")\s+(?:\S+\s+){0,3}?"
            r"(?:" + _IN_CHARGE + r")|(?:" + _IN_CHARGE + r")\s+(?:\S+\s+){0,2}?(?:" + _CONTACT_COLUMN + r"))\b)"
            r".{0,300}?(?:@|\b\d{3}[\s.\-]?\d{3}[\s.\-]?\d{1,4}\b)"
        ),
    ),
    "updated": (
        re.compile(
            r"(?:ultima\s+actualizacion|actualizado\s+el|fecha\s+de\s+actualizacion|ultima\s+modificacion|"
            r"modificado\s+el|actualizada\s+el)\W{0,5}.{0,20}?(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d|"
            r"(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s+de\s+[a-z]+(?:\s+de)?\s+(?:19|20)\d\d|"
            # month and year, as many sites write it: «Última actualización: febrero de 2019»
            r"(?:" + _MONTHS + r")(?:\s+de|\s+del)?\s+(?:19|20)\d\d)"
        ),
    ),
}


# Literal prefilters: a named pattern cannot match text lacking all of these.
PREFILTERS: dict[str, tuple[str, ...]] = {
    "email": ("@", "[at]", "(at)", "arroba"),
    "judicial_email": ("notificacion", "judicial"),
    "updated": ("actualiz", "modific"),
    "staff_table": ("cargo", "responsable", "funcionari", "nombre", "servidor", "jefe"),
    "hours": ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "horario"),
    "workday": ("jornada",),
    "stated_hours": ("horario",),
}
_PREFILTER_RX: dict[str, re.Pattern[str]] = {
    "date": re.compile(r"(?:19|20)\d\d"),
    "updated": re.compile(r"(?:19|20)\d\d"),
    # «\b1[12]…» written with its «1» first (H277): «1(?<!\w1)» is «\b1» (the boundary before a word
    # character: no word character before it, or the text's start), and a pattern that opens with a
    # literal is searched by re for that character alone, in C, where «\b» first had the whole
    # pattern tried at every place: 0.23 -> 0.009 ms on a bench page's main text (~27,000 characters),
    # and this prefilter is asked of every page (it was ~8 % of the page's parse on the bench)
    "split_day": re.compile(r"1(?<!\w1)[12](?:[:.]\d{2})?\s*(?:m\b|[ap]\.?\s?m)"),
}


def text_match(
    keywords: Sequence[tuple[str, ...]],
    patterns: Sequence[str],
    regex: Sequence[str],
    folded: str,
    has: dict[str, bool] | None = None,
) -> bool:
    """Whether folded text has one of the keywords (if any) and matches every named pattern and
    regex. ``has``: substrings already looked for in the same text (see :func:`_any_phrase`), so
    that several questions asked of one page scan it for each word once."""
    if has is None:
        has = {}
    for name in patterns:
        pre = PREFILTERS.get(name)
        if pre and not any(_has(x, folded, has) for x in pre):
            return False
        pre_rx = _PREFILTER_RX.get(name)
        if pre_rx is not None and pre_rx.search(folded) is None:
            return False
    if keywords and not _any_phrase(keywords, folded, has):
        return False
    for name in patterns:
        if not all(rx.search(folded) for rx in PATTERNS[name]):
            return False
    return all(_compiled(rx).search(folded) for rx in regex)


# regex -> a faster regex that matches somewhere in a text exactly when it does (text_match asks
# only whether one matches): filled by :func:`people_regex`
_EQUIVALENT: dict[str, str] = {}
# the regexes of _EQUIVALENT that are «\b» then words that each start with a word character -> those
# words (searched by ``scan.AfterNonWord``)
_WORD_START: dict[str, tuple[str, ...]] = {}


@cache
def _compiled(rx: str) -> re.Pattern[str] | AfterNonWord | Prefiltered:
    """A profile's regex (or a people_list rule's), compiled once for every page it is asked of; asked
    only of texts that have the words it cannot match without (``literals``: the privacy notice's
    regex cost ~0.34 ms a page of the bench searched, H250)."""
    found = AfterNonWord(_EQUIVALENT[rx], _WORD_START[rx]) if rx in _WORD_START else re.compile(_EQUIVALENT.get(rx, rx))
    clauses = required(rx)  # of the rule's own regex: its equivalent matches in the same texts
    return Prefiltered(found, clauses) if clauses else found


# Spanish function words (articles, conjunctions, prepositions, pronouns, copulas): between two posts
# they make prose («al presidente de la junta, al tesorero de la misma junta»), not a list of people
CONNECTING_WORDS = tuple(
    "el la los las lo y e o u en que por con sin para a al se su sus es son un una del de como entre cada".split()
)
# the words a person's entry in a list has between two posts: a name (two words or more), and maybe
# a phone and an e-mail; one word is too few (a page «Curadora … Curadora»)
PEOPLE_GAP_WORDS = (2, 8)


@cache
def people_regex(posts: tuple[str, ...], min_count: int) -> str:
    """The regular expression (over folded text) of a list of people, each a name and a post: one
    of ``posts``, then ``min_count - 1`` times a gap of :data:`PEOPLE_GAP_WORDS` words that are
    neither a post nor one of :data:`CONNECTING_WORDS`, and a post. Each post is one folded word;
    built once per rule (it is the question a ``people_list`` rule asks of every page)."""
    words = sorted(set(posts), key=lambda w: (-len(w), w))
    listed = _people_pattern(words, min_count, lambda ws: "(?:" + "|".join(map(re.escape, ws)) + ")")
    # The same words as a tree of their letters («director(?:a)?»): re tries a listed alternation's
    # words one by one at every place of the text, and a tree's first letters only. Same matches;
    # the listed form stays the rule's question (the parse cache's version names it).
    _EQUIVALENT[listed] = _people_pattern(words, min_count, _letter_tree)
    if all(re.match(r"\w", w) for w in words):  # folded words: always (see AfterNonWord)
        _WORD_START[listed] = tuple(words)
    return listed


def _people_pattern(words: Sequence[str], min_count: int, alternation: Callable[[list[str]], str]) -> str:
    post = alternation(list(words))
    stop = alternation([*CONNECTING_WORDS, *words])
    low, high = PEOPLE_GAP_WORDS
    # a gap word is a run of word characters, «@», «.» or «-» (a phone, an e-mail); the lazy count
    # stops at the first post that follows
    gap = rf"\W+(?:(?!{stop}\b)[\w@.\-]+\W+){{{low},{high}}}?"
    return rf"\b{post}\b" + (gap + post + r"\b") * (min_count - 1)


def _letter_tree(words: list[str]) -> str:
    """An alternation of words as a tree of their letters: the words sharing a first letter under
    one branch, and so on («vocal|vicepresidente» -> «v(?:icepresidente|ocal)»). It matches the
    same strings (a word that is another's start makes the rest optional)."""
    if "" in words:
        rest = [w for w in words if w]
        return f"(?:{_letter_tree(rest)})?" if rest else ""
    tails: dict[str, list[str]] = {}
    for w in words:
        tails.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(c) + _letter_tree(t) for c, t in sorted(tails.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


LEADING_PHRASE_WORDS = 4  # a phrase this long that opens a label names it, however long the label


def leads_with(phrase: tuple[str, ...], norm: str) -> bool:
    """Whether a label opens (after its numbering) with a long, specific phrase: Res. 1519's
    names are long («Mecanismo de presentación directa de solicitudes, quejas y reclamos a
    disposición del público…»), and a label that starts with one is about it."""
    if count_words(phrase) < LEADING_PHRASE_WORDS:
        return False
    toks = norm.split()
    start = 0
    while start < len(toks) and toks[start].isdigit():
        start += 1
    return tuple(toks[start : start + len(phrase)]) == phrase


def opens_enumeration(phrase: tuple[str, ...], raw: str) -> bool:
    """Whether a label is an enumeration whose first element (after its numbering) is the phrase
    of two words or more: «Localización física, sucursales o regiones, horarios y días de atención
    al público» (Res. 3564's names list what the entry holds) is about «localización física»."""
    if "," not in raw or count_words(phrase) < 2:
        return False
    head = norm_tokens(raw.split(",", 1)[0])
    start = 0
    while start < len(head) and head[start].isdigit():
        start += 1
    return head[start:] == phrase


def label_match(phrase: tuple[str, ...], norm: str, nwords: int, slack: int) -> bool:
    """Whether a label is about a phrase: it has it, with at most ``slack`` other words."""
    return in_norm(phrase, norm) and nwords - _phrase_words(phrase) <= slack


@lru_cache(maxsize=4096)
def _phrase_words(phrase: tuple[str, ...]) -> int:
    """:func:`count_words` of a rule's phrase (a few hundred phrases, asked of every label)."""
    return count_words(phrase)


@lru_cache(maxsize=PARSE_CACHE)
def text_norm(text: str) -> tuple[str, int]:
    """A text's normalised tokens (joined by spaces) and how many words count."""
    toks = norm_tokens(text)
    return " ".join(toks), count_words(toks)


def element_text(el: Any) -> str:
    """Text of an element with whitespace between its pieces (block elements stay apart)."""
    if not len(el):  # no child (element, comment): its own text is all itertext() yields
        text = el.text
        return " ".join(text.split()) if text else ""
    return " ".join(" ".join(el.itertext()).split())


# A title that ends with the entity's own name is about what comes before it: «Entes que vigilan
# la E.S.E. Hospital San Vicente de Paúl - Remedios, Antioquia» is «Entes que vigilan».
_ENTITY_TAIL = re.compile(
    r"\s+(?:de\s+|a\s+|en\s+|para\s+)?(?:la|el|del|al)\s+"
    r"(?:E\.\s?S\.\s?E\.?|ESE|Alcald[ií]a|Gobernaci[oó]n|Hospital)\b.*$",
    re.I,
)


def without_entity(text: str) -> str:
    """A title without the entity's own name at its end (kept whole when little is left)."""
    cut = _ENTITY_TAIL.sub("", text)
    return cut if cut != text and len(cut.split()) >= 2 else text
