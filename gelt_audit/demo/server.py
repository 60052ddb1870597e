"""A small real HTTP server for demo and fixture sites, bound to 127.0.0.1 only."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXED_DATE = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


@dataclass
class Resource:
    """One response the server gives for a path (query string included)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    last_modified: datetime | None = FIXED_DATE
    etag: bool = True
    delay: float = 0.0
    allow_head: bool = True  # False: answer HEAD with 405, as some servers do

    @classmethod
    def html(cls, text: str, **kw) -> Resource:
        """An HTML page encoded as UTF-8."""
        return cls(body=text.encode("utf-8"), **kw)


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when a crawler opens a few at once, and a
    # dropped SYN costs a one-second retransmit: the site would look slow for no reason.
    request_queue_size = 128
    daemon_threads = True


Routes = Mapping[str, Resource]
Handler = Callable[[str], Resource | None]


class SiteServer:
    """Serve a mapping of path -> Resource on 127.0.0.1, with ETag / Last-Modified and 304s.

    ``routes`` may be swapped at run time (``server.routes = other``) to publish a new
    version of the site; ``dynamic`` handlers may compute a response per request.
    """

    def __init__(
        self,
        routes: Routes | None = None,
        dynamic: Handler | None = None,
        port: int = 0,
        tls: tuple[str, str] | None = None,
    ):
        self.routes: Routes = routes or {}
        self.dynamic = dynamic
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", port), self._handler_class())
        self.scheme = "http"
        if tls is not None:  # (certificate file, key file): serve https, e.g. with a self-signed test certificate
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/"

    def start(self) -> SiteServer:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def resolve(self, path: str) -> Resource | None:
        if self.dynamic is not None:
            found = self.dynamic(path)
            if found is not None:
                return found
        return self.routes.get(path)

    def _handler_class(self):
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "SiteServer"  # no version number: a real server should not disclose one
            sys_version = ""
            # One write per response: headers and body in separate packets hit the 40 ms
            # delayed-ACK stall and make a local site look slow.
            wbufsize = 1 << 16
            disable_nagle_algorithm = True

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_HEAD(self) -> None:
                self._respond(head=True)

            def do_GET(self) -> None:
                self._respond(head=False)

            def do_POST(self) -> None:
                self._respond(head=False)

            def _respond(self, head: bool) -> None:
                with server._lock:
                    server.requests.append((self.command, self.path, dict(self.headers.items())))
                res = server.resolve(self.path)
                if res is None:
                    res = Resource.html("<html><body><h1>404 No encontrado</h1></body></html>", status=404)
                if head and not res.allow_head:
                    res = Resource(b"", status=405, headers={"Allow": "GET", "Content-Type": "text/plain"})
                if res.delay:
                    import time

                    time.sleep(res.delay)
                headers = dict(res.headers)
                etag = '"' + hashlib.sha1(res.body).hexdigest()[:16] + '"' if res.etag else None
                if etag:
                    headers.setdefault("ETag", etag)
                if res.last_modified is not None:
                    headers.setdefault("Last-Modified", format_datetime(res.last_modified, usegmt=True))
                if res.status == 200 and self._not_modified(etag, res.last_modified):
                    self.send_response(304)
                    for k in ("ETag", "Last-Modified"):
                        if k in headers:
                            self.send_header(k, headers[k])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(res.status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(res.body)))
                self.end_headers()
                if not head:
                    self.wfile.write(res.body)

            def _not_modified(self, etag: str | None, last_modified: datetime | None) -> bool:
                inm = self.headers.get("If-None-Match")
                if inm is not None:
                    return etag is not None and etag in [t.strip() for t in inm.split(",")]
                ims = self.headers.get("If-Modified-Since")
                if ims and last_modified is not None:
                    try:
                        return last_modified.replace(microsecond=0) <= parsedate_to_datetime(ims)
                    except (TypeError, ValueError):
                        return False
                return False

        return _Handler
