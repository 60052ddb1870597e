"""Network failures in words a municipal official understands."""

from __future__ import annotations

import re

from scrapy import exceptions as scrapy_errors
from scrapy.core.downloader.handlers.http11 import TunnelError
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from gelt_audit.crawler.handlers import MAX_HEADER_BYTES, headers_too_large
from gelt_audit.linkstate import FAILURE_WORDS, PROXY_REFUSAL_STATUSES, TOO_LARGE_WORDS, with_detail, wrapped_words

# Scrapy >= 2.14 wraps Twisted's errors in its own; both are listed.
TIMEOUTS: tuple[type[BaseException], ...] = (net.TimeoutError, net.TCPTimedOutError, scrapy_errors.DownloadTimeoutError)
# The classes, in order; their words are linkstate.FAILURE_WORDS (by class name: one home for the words).
_CLASSES: tuple[tuple[type[BaseException], ...], ...] = (
    (net.DNSLookupError, scrapy_errors.CannotResolveHostError),
    (net.ConnectionRefusedError, scrapy_errors.DownloadConnectionRefusedError),
    TIMEOUTS,
    (scrapy_errors.DownloadCancelledError,),
    (
        ResponseNeverReceived,
        net.ConnectionLost,
        ResponseFailed,
        net.ConnectionDone,
        scrapy_errors.ResponseDataLossError,
    ),
    (net.SSLError,),
    (TunnelError,),
    (scrapy_errors.DownloadFailedError,),
)
_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = tuple(
    (types, FAILURE_WORDS[types[0].__name__]) for types in _CLASSES
)


# Failures where no server was reached at all (the name did not resolve, the connection was
# refused or had no route): on a machine without network every external link fails this way.
_UNREACHABLE: tuple[type[BaseException], ...] = (
    net.DNSLookupError,
    scrapy_errors.CannotResolveHostError,
    net.ConnectionRefusedError,
    scrapy_errors.DownloadConnectionRefusedError,
    net.NoRouteError,
    net.UnknownHostError,
    # the proxy (HTTPS_PROXY) refused or failed the CONNECT: no server behind it was reached
    TunnelError,
)


def unreachable(failure: Failure) -> bool:
    """Whether a download failed before reaching any server (DNS, refused, no route)."""
    # A bare ConnectError is a connect() that failed with an errno Twisted does not name
    # (EHOSTUNREACH among them); its subclasses include timeouts and TLS errors, left out.
    return failure.check(*_UNREACHABLE) is not None or type(failure.value) is net.ConnectError


def tunnel_refused(failure: Failure) -> int | None:
    """The status with which the proxy (HTTPS_PROXY) refused a CONNECT by its own rules (403,
    407), read from Scrapy's TunnelError («… [{'status': 403, 'reason': b'Forbidden'}]»); None for
    any other failure, a CONNECT the proxy could not open (502, 503, 504) among them."""
    if not failure.check(TunnelError):
        return None
    found = re.search(r"'status': (\d{3})", failure.getErrorMessage())
    status = int(found.group(1)) if found else None
    return status if status in PROXY_REFUSAL_STATUSES else None


def describe_failure(failure: Failure) -> str:
    """A Spanish sentence for a download failure, with the technical detail after it."""
    message = failure.getErrorMessage()
    detail = f"{type(failure.value).__name__}: {message}"[:300]
    if headers_too_large(failure.value):
        return f"cabeceras demasiado grandes: el servidor envió más de {MAX_HEADER_BYTES // 1024} KiB de cabeceras"
    for types, words in _REASONS:
        if failure.check(*types):
            # «la descarga falló» said by what it wrapped (a reply that is no HTTP, a cut connection)
            return with_detail(wrapped_words(detail) or words, detail)
    if "larger than download max size" in message or "DOWNLOAD_MAXSIZE" in message or "exceeds" in message.lower():
        return with_detail(TOO_LARGE_WORDS, detail)
    return detail
