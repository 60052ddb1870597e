"""Each cached page's origin kept in columns (``carry.Origins``, issue 21, H298) reads back the
tuple the builder used to keep in a dict: its key (body hash and URL), chrome references, origin
and base; a page number given twice keeps the last; a body hash not written as 64 lowercase hex
digits is kept as given."""

from __future__ import annotations

import hashlib

from gelt_audit.audits.checklist.carry import Origins


def test_origins_read_back_as_the_tuples_they_were() -> None:
    origins = Origins()
    h1 = hashlib.sha256(b"uno").hexdigest()
    h2 = hashlib.sha256(b"dos").hexdigest()
    refs = (("abc", "footer", False),)
    origins.put(0, h1, "http://127.0.0.1/a", refs, "http://127.0.0.1", "http://127.0.0.1/a")
    origins.put(3, "ABCDEF", "http://127.0.0.1/b", (), "http://127.0.0.1", "http://127.0.0.1/")
    origins.put(5, h2, "http://127.0.0.1/c", refs, "http://127.0.0.1", "http://127.0.0.1/c")
    origins.put(5, h1.upper(), "http://127.0.0.1/d", (), "http://x", "http://x/d")  # the page read again
    assert dict(origins) == {
        0: (f"{h1} http://127.0.0.1/a", refs, "http://127.0.0.1", "http://127.0.0.1/a"),
        3: ("ABCDEF http://127.0.0.1/b", (), "http://127.0.0.1", "http://127.0.0.1/"),
        5: (f"{h1.upper()} http://127.0.0.1/d", (), "http://x", "http://x/d"),
    }
    assert 0 in origins and 3 in origins and 1 not in origins and 9 not in origins and "0" not in origins
    assert len(origins) == 3
    origins.put(5, h2, "http://127.0.0.1/c", refs, "http://127.0.0.1", "http://127.0.0.1/c")
    assert origins[5][0] == f"{h2} http://127.0.0.1/c"
