"""Compaction of the store: bodies kept in an older form (zlib content, main text in the clear)
rewritten with zstd and their site's dictionary (``gelt-audit store compact``).

Safe to kill at any moment: rows are rewritten in small transactions, each row checked to decode
to the same bytes before it replaces the old one, and old and new rows are both readable, so a
compaction cut short leaves a store that reads the same and that the next compaction finishes.
"""

from __future__ import annotations

from gelt_audit.compression import ZSTD_MAGIC, Codec, body_row, decompress_text, train_dictionary
from gelt_audit.store import Store, StoreError

BATCH = 200  # bodies rewritten per transaction
TRAIN_PAGES = 1000  # a site without a dictionary gets one trained on up to this many of its bodies
# Bodies in the old form: zlib content, or main text kept in the clear.
_OLD = "(main_text is not null or substr(content, 1, 4) != ?)"


def compact(store: Store) -> int:
    """Rewrite every body not yet in the current form; how many were rewritten."""
    done = 0
    sites = [url for (url,) in store.db.execute("select distinct site_url from crawls order by site_url")]
    for site_url in sites:
        codec = store.site_codec(site_url) or _train(store, site_url)
        if codec is None:
            continue  # too few pages for a dictionary: the last pass uses plain zstd
        where = f"dict_id is null and hash in ({_SITE_BODIES})"
        done += _rewrite_all(store, codec, where, [site_url])
    # Bodies no site's dictionary took (too few pages, or not reached by any crawl): plain zstd.
    done += _rewrite_all(store, Codec(), _OLD, [ZSTD_MAGIC])
    return done


_SITE_BODIES = """select s.body_hash from snapshots s join crawls c on c.id = s.crawl_id
                  where c.site_url = ? and s.body_hash is not null"""


def _train(store: Store, site_url: str) -> Codec | None:
    rows = store.db.execute(
        f"select content, dict_id from bodies where hash in ({_SITE_BODIES}) limit ?", [site_url, TRAIN_PAGES]
    ).fetchall()
    samples = [store.codec(dict_id).decompress(content) for content, dict_id in rows if content]
    dictionary = train_dictionary(samples)
    return None if dictionary is None else store.add_dictionary(site_url, dictionary, len(samples))


def _rewrite_all(store: Store, codec: Codec, where: str, args: list) -> int:
    done = 0
    while True:
        rows = store.db.execute(
            f"select hash, content, main_text, main_z, dict_id from bodies where {where} limit ?", [*args, BATCH]
        ).fetchall()
        if not rows:
            return done
        _rewrite_batch(store, codec, rows)
        done += len(rows)


def _rewrite_batch(store: Store, codec: Codec, rows: list[tuple]) -> None:
    """One transaction: each row re-encoded, checked to decode to the same bytes, then replaced."""
    with store.db.conn:
        for body_hash, content, main_text, main_z, dict_id in rows:
            old = store.codec(dict_id)
            raw = old.decompress(content) if content else b""
            text = main_text if main_z is None else decompress_text(main_z, raw)
            new = body_row(raw, text, codec)
            if codec.decompress(new["content"]) != raw or (
                new["main_z"] is not None and decompress_text(new["main_z"], raw) != text
            ):
                raise StoreError(f"La recompresión del cuerpo {body_hash} no devolvió los mismos bytes; no se cambió.")
            store.db.conn.execute(
                "update bodies set content = ?, main_text = null, main_z = ?, excerpt = ?, dict_id = ? where hash = ?",
                [new["content"], new["main_z"], new["excerpt"], new["dict_id"], body_hash],
            )
