"""What a crawl stored, as digests to compare two stores of the same site (before and after a change).

    python bench/store_digest.py STORE.db [--crawl ID] [--json OUT.json]

Prints one SHA-256 per part of the store, computed over rows keyed by URL (ids, times and the
order pages arrived in left out): snapshots (kind, status, content type, size, validators, body
hash, location, depth, referer, sitemap lastmod, error, security headers), bodies (content read back
and checked against its hash, title, encoding, main_hash, main text, noise, dates, excerpt), links
(each page's rows in their stored order) and link cuts. The compressed bytes are not compared:
the dictionary is trained on the first bodies to arrive, which depends on scheduling.
Reads bodies through Store.body()/Store.main_text(), never SQL on their content.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys

from gelt_audit.store import Store, content_hash, text_hash

SNAPSHOT_COLS = (
    "kind", "status", "content_type", "size", "etag", "last_modified", "body_hash", "not_modified",
    "location", "depth", "referer", "sitemap_lastmod", "error",
)  # fmt: skip


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def parts(store: Store, crawl_id: int) -> dict[str, object]:
    db = store.db
    headers = store.header_sets()
    cols = ", ".join(f"s.{c}" for c in SNAPSHOT_COLS)
    snapshots = {}
    for row in db.execute(
        f"select p.url, s.headers_id, {cols} from snapshots s join pages p on p.id = s.page_id where s.crawl_id = ?",
        [crawl_id],
    ):
        url, hid, *rest = row
        snapshots[url] = [*rest, headers.get(hid) if hid is not None else None]
    hashes = sorted({s[SNAPSHOT_COLS.index("body_hash")] for s in snapshots.values()} - {None})
    bodies = {}
    for h in hashes:
        body = store.body(h)
        if body is None:
            bodies[h] = None
            continue
        noise, dates, excerpt = db.execute("select noise, dates, excerpt from bodies where hash = ?", [h]).fetchone()
        main = store.main_text(h)
        bodies[h] = {
            "content_ok": content_hash(body["content"]) == h,
            "size": body["size"],
            "encoding": body["encoding"],
            "title": body["title"],
            "main_hash": body["main_hash"],
            "main_text_hash": text_hash(main),
            "main_hash_ok": text_hash(main) == body["main_hash"],
            "noise": noise,
            "dates": dates,
            "excerpt": excerpt,
        }
    links = {}
    for url, pid, bh in db.execute(
        "select p.url, s.page_id, s.body_hash from snapshots s join pages p on p.id = s.page_id "
        "where s.crawl_id = ? and s.body_hash is not null",
        [crawl_id],
    ):
        rows = db.execute(
            """select u.url, t.text, r.tag, r.attr, r.rel, r.line from link_rows r
               join link_sets ls on ls.id = r.set_id join link_urls u on u.id = r.url_id
               left join link_texts t on t.id = r.text_id
               where ls.page_id = ? and ls.body_hash = ? order by r.seq""",
            [pid, bh],
        ).fetchall()
        links[url] = [list(r) for r in rows]
    cuts = {
        url: [found, kept]
        for url, found, kept in db.execute(
            "select p.url, c.found, c.kept from link_cuts c join pages p on p.id = c.page_id"
        )
    }
    return {"snapshots": snapshots, "bodies": bodies, "links": links, "link_cuts": cuts}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--crawl", type=int, default=None, help="the crawl (default: the last one)")
    ap.add_argument("--json", default=None, help="write the compared rows here")
    args = ap.parse_args()
    with Store(args.store) as store:
        crawl_id = args.crawl or store.last_crawl_id()
        found = parts(store, crawl_id)
    for name, value in found.items():
        print(f"{name}: {len(value)} filas, {_digest(value)[:16]}")
    bad = [h for h, b in found["bodies"].items() if b and not (b["content_ok"] and b["main_hash_ok"])]
    print(f"cuerpos que no se leen como su hash: {len(bad)}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(found, f, sort_keys=True, ensure_ascii=False, indent=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
