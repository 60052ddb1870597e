"""The judge's fast paths give what the plain definitions give: phrases found from the words of
the index's strings instead of a scan of all of them, URL evidence whose occurrences are filtered
only for the targets that can be hits, and the URL rule's guards asked once per what they read of
a link. A wrong shortcut would change verdicts on big sites without any other test noticing."""

from __future__ import annotations

import dataclasses
import datetime
import random
import zlib

from gelt_audit.audits.checklist import load_checklist
from gelt_audit.audits.checklist.evidence import MAX_HITS, Finder
from gelt_audit.audits.checklist.guards import names_other, qualifies_one_word, url_text_guard, where_text_ok
from gelt_audit.audits.checklist.index import index_site
from gelt_audit.audits.checklist.judge import evaluate
from gelt_audit.audits.checklist.model import PageDoc, Rule
from gelt_audit.audits.checklist.packed import Occurrences, PackedLinks, Run
from gelt_audit.audits.checklist.pages import Link
from gelt_audit.audits.checklist.phrases import PhraseIndex
from gelt_audit.audits.checklist.rules import KINDS
from gelt_audit.audits.checklist.text import text_norm

HOME = "https://www.ejemplo.gov.co/"
FETCHED = "2026-11-02T10:00:00+00:00"
TODAY = datetime.date(2026, 11, 24)
WORDS = ["plan", "anual", "de", "adquisiciones", "pagos", "en", "linea", "certificado", "mision", "vision", "2026"]


def _site(n_pages: int = 140) -> list[PageDoc]:
    """Pages at several depths, each linking to a few of many targets (more than MAX_HITS) with
    texts and headings drawn from a few words, news pages among them."""
    rng = random.Random(42)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 5))) for _ in range(30)]  # each on many pages
    pages = []
    for n in range(n_pages):
        path = "/" if n == 0 else _path(n)
        links = []
        for _ in range(6):
            target = _path(rng.randrange(1, n_pages))
            text = rng.choice(texts)
            links.append(f"<h3>{' '.join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))}</h3>")
            links.append(f'<p>Texto.</p><a href="{target}">{text.capitalize()}</a>')
        links.append('<a href="https://www.pse.com.co/pagos-en-linea">Pagos en línea PSE</a>')
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))).capitalize()
        body = f"<h1>{title}</h1><p>Contenido de la página {n}.</p>{''.join(links)}"
        html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
        pages.append(PageDoc(HOME.rstrip("/") + path, 200, html, "text/html", FETCHED, min(n, 4)))
    return pages


def _path(n: int) -> str:
    slug = ("pagos-en-linea", "plan-anual-de-adquisiciones", "certificado-mision")[n % 3]
    return f"/noticias/{slug}-{n}" if n % 9 == 0 else f"/tramites/{slug}-{n}"


def test_phrases_found_from_words_are_the_scan_of_every_string():
    idx = index_site(_site(), home_url=HOME)
    odd = PhraseIndex()  # strings the index never makes, where word splitting could differ
    for s in ["plan  anual", " plan anual", "plan\nanual", "plan anual ", "", "pagos-en linea", "pagos en linea"]:
        odd.add(s, 2, s)
    odd.build()
    rng = random.Random(7)
    vocabulary = [*WORDS, "pagos-en", "x", "", " ", "plan anual", "\n", "anual\nplan"]
    found = 0
    for strings in (idx.labels, idx.link_texts, idx.urls, odd):
        for _ in range(600):
            tokens = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 3)))
            expected = strings.scan(tokens)
            assert strings.find(tokens) == expected, tokens
            found += bool(expected)
    assert found > 300
    assert odd.find(("plan", "anual")) == odd.scan(("plan", "anual")) == [1, 3]


def test_url_evidence_filters_only_what_can_be_a_hit():
    idx = index_site(_site(), home_url=HOME)
    item = next(it for it in load_checklist("gelt-2008").items if not it.allow_news)
    finder = Finder(load_checklist("gelt-2008"), idx)
    keys = list(idx.targets)
    predicates = [
        lambda key, link: True,
        lambda key, link: False,
        lambda key, link: zlib.crc32(f"{key} {link.text} {link.ctx}".encode()) % 3 != 0,
        lambda key, link: zlib.crc32(key.encode()) % 2 == 0,
        lambda key, link: "plan" in link.norm,
    ]
    truncated = 0
    rng = random.Random(3)
    for allow_news in (False, True):
        it = dataclasses.replace(item, allow_news=allow_news)
        for ok in predicates:
            for _ in range(8):
                some = rng.sample(keys, rng.randint(0, len(keys)))
                runs = [(k, [o for o in finder.target_run(k) if ok(k, o[1])]) for k in some]
                expected = finder.run_hits(runs, it)
                assert finder.target_hits(some, it, ok) == expected
                truncated += len(expected) == MAX_HITS
    assert truncated >= 8  # the MAX_HITS shallowest targets of many: the deeper ones never filtered


class _Reads:
    """A link that records which of its fields a guard reads."""

    def __init__(self, link: Link, reads: set[str]) -> None:
        self._link, self._reads = link, reads

    def __getattr__(self, name: str) -> object:
        self._reads.add(name)
        return getattr(self._link, name)


def test_the_url_guards_read_only_what_their_answers_are_kept_by():
    # Url.hits keeps qualifies_one_word's answer per (norm, nwords) and names_other's per (norm,
    # nwords, ctx) of a link: a guard reading another field would need that key changed
    rng = random.Random(11)
    phrases_pool = [(("pagos",),), (("pagos",), ("pagos", "en", "linea")), (("certificado",), ("mision",))]
    seen: dict[str, set[str]] = {"qualifies_one_word": set(), "names_other": set()}
    answers = {True: 0, False: 0}
    for _ in range(3_000):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))
        ctx = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 3))).capitalize()
        norm, nwords = text_norm(text)
        link = Link(
            f"{HOME}x", "www.ejemplo.gov.co/x", text, norm, nwords, rng.choice(["", "footer"]), False, ctx, False
        )
        phrases = rng.choice(phrases_pool)
        for guard in (qualifies_one_word, names_other):
            answers[guard(_Reads(link, seen[guard.__name__]), phrases)] += 1
    assert seen["qualifies_one_word"] <= {"norm", "nwords"}, seen
    assert seen["names_other"] <= {"norm", "nwords", "ctx"}, seen
    assert answers[True] > 300 and answers[False] > 300


def test_judging_twice_on_one_index_is_judging_once_on_a_fresh_one():
    # the index keeps the judge's pure decisions (phrases found, guards' answers) for every profile
    pages = _site()
    shared = index_site(pages, home_url=HOME)
    for name in ("gelt-2008", "ley1712-res1519", "gelt-2008"):
        checklist = load_checklist(name)
        fresh = evaluate(checklist, index_site(pages, home_url=HOME), home_url=HOME, today=TODAY)
        assert evaluate(checklist, shared, home_url=HOME, today=TODAY) == fresh
    # the strings' words are listed once per phrase index (at its first search), then kept
    assert shared.memo["qualifies_one_word"] and shared.labels._words and shared.link_texts._words


def test_url_evidence_is_the_plain_definition_with_the_guards_kept():
    # Url.hits against its definition: every occurrence of every target its slugs find, filtered
    # by the guards asked each time; rules with different slugs share the index (and its memos)
    idx = index_site(_site(), home_url=HOME)
    checklist = load_checklist("gelt-2008")
    item = next(it for it in checklist.items if not it.allow_news)
    finder = Finder(checklist, idx)
    slugs = [
        (("pagos",),),
        (("pagos", "en", "linea"),),
        (("plan",),),
        (("plan", "anual"), ("adquisiciones",)),
        (("certificado",),),
        (("mision",), ("vision",)),
        (("pagos",),),
    ]
    found = 0
    for phrases in slugs * 2:
        rule = Rule(kind="url", slugs=phrases)

        def ok(key: str, link: Link, phrases: tuple[tuple[str, ...], ...] = phrases) -> bool:
            return finder.is_external(key) or not (names_other(link, phrases) or qualifies_one_word(link, phrases))

        keys = finder.url_keys(rule, phrases)
        expected = finder.run_hits(((k, [o for o in finder.target_run(k) if ok(k, o[1])]) for k in keys), item)
        hits = KINDS["url"].hits(finder, rule, item)
        for h in expected:
            h.tier = 3
        assert hits[len(hits) - len(expected) :] == expected, phrases
        assert all(h.url == h.found_on for h in hits[: len(hits) - len(expected)])  # the pages before
        found += len(expected)
    assert found > 100


def test_the_url_text_guard_reads_packed_links_and_plain_ones_alike():
    # where_text_ok reads a link's text, words and heading from its packed numbers (no Link made):
    # the occurrences it keeps are those Run.where keeps with the guards asked of each Link, for
    # blocks of packed links and for the same blocks with their links as plain tuples
    idx = index_site(_site(), home_url=HOME)
    finder = Finder(load_checklist("gelt-2008"), idx)
    occ = idx.targets.occ
    plain = Occurrences([dataclasses.replace(b, links=tuple(b.links)) for b in occ.blocks])
    assert any(isinstance(b.links, PackedLinks) for b in occ.blocks)
    kept = dropped = 0
    for phrases in ((("pagos",),), (("plan",), ("plan", "anual")), (("certificado",),), (("noticias",),)):
        guard = url_text_guard(finder, phrases)

        def asked(link: Link, phrases: tuple[tuple[str, ...], ...] = phrases) -> bool:
            return not (names_other(link, phrases) or qualifies_one_word(link, phrases))

        for key in idx.targets:
            run = finder.target_run(key)
            expected = run.where(asked)
            for source in (run, Run(plain, run.ids)):
                got = where_text_ok(source, guard)
                assert list(got.ids) == list(expected.ids), (phrases, key)
                assert (got is source) == (len(expected.ids) == len(run.ids))
            kept += len(expected.ids)
            dropped += len(run.ids) - len(expected.ids)
    assert kept and dropped  # both answers met
