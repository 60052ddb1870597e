"""Fault servers for the reliability suite: real sockets on 127.0.0.1 that misbehave on purpose.

:class:`FaultServer` speaks just enough HTTP/1.1 (one request per connection, ``Connection:
close``) to serve normal pages, and lets chosen paths fail the way flaky municipal servers do:
reset the connection half-way through a body, never answer, answer with garbage, stream a
body with no length, hang up before the promised length, or send header lines forever. Every request is recorded.
Bound to 127.0.0.1 only.
"""

from __future__ import annotations

import socket
import struct
import threading
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from gelt_audit.demo.server import Resource

Action = Callable[["Connection"], None]


@dataclass
class Connection:
    """One accepted connection and the request read from it."""

    sock: socket.socket
    method: str
    path: str
    headers: dict[str, str]
    stop: threading.Event

    def send(self, data: bytes) -> bool:
        """Send bytes; False when the client has gone (it cancelled the download)."""
        try:
            self.sock.sendall(data)
            return True
        except OSError:
            return False

    def head(self, status: int = 200, headers: Mapping[str, str] | None = None, length: int | None = None) -> bool:
        lines = [f"HTTP/1.1 {status} X"]
        lines += [f"{k}: {v}" for k, v in (headers or {"Content-Type": "text/html; charset=utf-8"}).items()]
        if length is not None:
            lines.append(f"Content-Length: {length}")
        lines.append("Connection: close")
        return self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))


def respond(resource: Resource) -> Action:
    """A well-behaved response (status, headers, body)."""

    def act(conn: Connection) -> None:
        conn.head(resource.status, resource.headers, len(resource.body))
        if conn.method != "HEAD":
            conn.send(resource.body)

    return act


def reset_mid_body(total: int = 200_000, sent: int = 4_000) -> Action:
    """Promise ``total`` bytes, send ``sent`` of them, then reset the connection (RST)."""

    def act(conn: Connection) -> None:
        conn.head(200, length=total)
        conn.send(b"<html><head><title>Cortada</title></head><body>" + b"x" * sent)
        # SO_LINGER with a zero timeout turns close() into a TCP reset.
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return act


def hang_up_early(total: int = 50_000, sent: int = 1_000) -> Action:
    """Promise ``total`` bytes, send ``sent``, then close cleanly (a truncated body)."""

    def act(conn: Connection) -> None:
        conn.head(200, length=total)
        conn.send(b"<html><head><title>Truncada</title></head><body>" + b"y" * sent)

    return act


def never_answer() -> Action:
    """Read the request and say nothing until the server stops (or the client gives up)."""

    def act(conn: Connection) -> None:
        conn.sock.settimeout(0.2)
        while not conn.stop.is_set():
            try:
                if conn.sock.recv(1024) == b"":
                    return  # the client gave up
            except TimeoutError:
                continue
            except OSError:
                return

    return act


def garbage() -> Action:
    """Answer with bytes that are not HTTP at all."""

    def act(conn: Connection) -> None:
        conn.send(b"\x00\x01\x02 esto no es HTTP \xff\xfe\r\n\r\n\x00")

    return act


def stream(size: int, content_type: str = "text/html; charset=utf-8", chunk: bytes = b"<p>relleno</p>\n") -> Action:
    """Stream ``size`` bytes with no Content-Length (the end is the connection's close)."""

    def act(conn: Connection) -> None:
        conn.head(200, {"Content-Type": content_type})
        block = chunk * (65536 // len(chunk))
        left = size
        while left > 0 and not conn.stop.is_set():
            if not conn.send(block[:left]):
                return
            left -= len(block)

    return act


def big_file(size: int, content_type: str = "application/zip") -> Action:
    """A file of ``size`` bytes: HEAD gets its length; GET gets it streamed (until the client gives up)."""

    def act(conn: Connection) -> None:
        conn.head(200, {"Content-Type": content_type}, length=size)
        if conn.method == "HEAD":
            return
        block = b"\0" * 65536
        left = size
        while left > 0 and not conn.stop.is_set():
            if not conn.send(block[:left]):
                return
            left -= len(block)

    return act


def endless_headers(line: bytes = b"X-a: b\r\n") -> Action:
    """A status line, then header lines forever (never the blank line that ends them)."""

    def act(conn: Connection) -> None:
        if not conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"):
            return
        block = line * (65536 // len(line))
        while not conn.stop.is_set():
            if not conn.send(block):
                return

    return act


def gzip_bomb(expanded_mb: int = 64) -> bytes:
    """``expanded_mb`` MiB of white space, gzip-compressed to a few tens of KiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip member
    block = b" " * (1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(expanded_mb)) + packer.flush()


@dataclass
class FaultServer:
    """An HTTP server on 127.0.0.1 where each path is a normal response or a fault."""

    routes: dict[str, Resource | Action] = field(default_factory=dict)
    dynamic: Callable[[str], Resource | Action | None] | None = None

    def __post_init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.connections = 0  # accepted, whatever was (or was not) sent on them
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(128)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._listener.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def netloc(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> FaultServer:
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        try:
            self._listener.close()
        except OSError:
            pass
        with self._lock:
            conns = list(self._conns)
        for sock in conns:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _accept(self) -> None:
        self._listener.settimeout(0.2)
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._conns.add(sock)
                self.connections += 1
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        try:
            sock.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                piece = sock.recv(4096)
                if not piece:
                    return
                data += piece
            head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
            method, path, *_ = head[0].split(" ") + ["", ""]
            headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
            with self._lock:
                self.requests.append((method, path, headers))
            found = self.dynamic(path) if self.dynamic else None
            if found is None:
                found = self.routes.get(path)
            if found is None:
                found = Resource.html("<html><body><h1>404 No encontrado</h1></body></html>", status=404)
            action = respond(found) if isinstance(found, Resource) else found
            action(Connection(sock, method, path, headers, self._stop))
        except OSError:
            pass
        finally:
            with self._lock:
                self._conns.discard(sock)
            try:
                sock.close()
            except OSError:
                pass


def tunnel_to(port: int) -> Action:
    """Answer a CONNECT and relay bytes both ways to 127.0.0.1:``port`` (an HTTPS proxy's tunnel)."""

    def act(conn: Connection) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError:
            conn.send(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        conn.send(b"HTTP/1.1 200 Connection established\r\n\r\n")

        def pump(src: socket.socket, dst: socket.socket) -> None:
            try:
                while data := src.recv(65536):
                    dst.sendall(data)
            except OSError:
                pass
            finally:
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

        back = threading.Thread(target=pump, args=(upstream, conn.sock), daemon=True)
        back.start()
        pump(conn.sock, upstream)
        back.join(timeout=10)
        upstream.close()

    return act


def forward_proxy(
    answers: Mapping[str, Resource], tls_port: int | None = None, connect_status: int | None = None
) -> FaultServer:
    """A forward proxy on 127.0.0.1 that reaches no other machine.

    Requests for absolute URLs (``http://`` through HTTP_PROXY) are answered from ``answers``
    (404 otherwise); a CONNECT (``https://`` through HTTPS_PROXY) is tunnelled to the local TLS
    server on ``tls_port``, whatever host it names, or refused with ``connect_status`` by the
    proxy's own rules (Squid's error header), or with 404 when neither is given. Every request is
    recorded (``requests``).
    """

    def handle(path: str) -> Resource | Action | None:
        if "://" in path:
            return answers.get(path) or Resource.html("<h1>no está</h1>", status=404)
        if tls_port is not None and ":" in path and not path.startswith("/"):
            return tunnel_to(tls_port)
        if connect_status is not None and ":" in path and not path.startswith("/"):
            return Resource(status=connect_status, headers={"X-Squid-Error": "ERR_ACCESS_DENIED 0"})
        return None

    return FaultServer(dynamic=handle)
