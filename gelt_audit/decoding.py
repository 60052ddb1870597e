"""A fetched page's bytes as text, read the way a browser reads them (a pure function on the
crawl's hot path: :func:`decode_html`)."""

from __future__ import annotations

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
    to_unicode,
)


def _detect(body: bytes) -> str:
    # Old municipal pages with no declaration are nearly always Windows-1252 / ISO-8859-1.
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode HTML bytes the way a browser would; return (text, encoding).

    Order: BOM, HTTP header, meta tag, then UTF-8 if valid, else Windows-1252. A page
    declared UTF-8 that is not valid UTF-8 (a common mistake) is read as Windows-1252.
    """
    # w3lib's html_to_unicode() deprecates its fallback arguments (2.6.0) and, without them, guesses an
    # undeclared non-UTF-8 page's encoding from its bytes (ISO-8859-2 or windows-1250 for some Spanish
    # pages): the same steps from w3lib's own parts keep this project's fallback, Windows-1252.
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom is not None:
        encoding, text = bom_encoding, to_unicode(body[len(bom) :], bom_encoding)
    else:
        encoding = http_content_type_encoding(content_type) or html_body_declared_encoding(body) or _detect(body)
        text = to_unicode(body, encoding)
    encoding = resolve_encoding(encoding) or encoding
    # A <meta> cannot make a page UTF-16/32: without a BOM (or such an HTTP header) browsers read it
    # as UTF-8 (HTML standard, "prescan"); decoding it as UTF-16 gives garbage.
    if (
        encoding.startswith(("utf-16", "utf-32"))
        and not body.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"))
        and not (http_content_type_encoding(content_type or "") or "").startswith(("utf-16", "utf-32"))
    ):
        encoding = _detect(body)
        text = body.decode(encoding, errors="replace")
    if "\ufffd" in text and encoding in ("utf-8", "utf8"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding = body.decode("cp1252", errors="replace"), "cp1252"
    return text.replace("\x00", ""), encoding
