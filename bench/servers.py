"""The benchmark's servers: nginx (Debian's) on 127.0.0.1 only, and a host that never answers."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

INSTALL_HINT = (
    "El benchmark necesita nginx (el de Debian) para servir los sitios sintéticos.\n"
    "Instálelo con:  sudo apt-get install nginx   (o nginx-light)\n"
    "El benchmark no instala nada por sí mismo; sólo arranca un nginx propio en 127.0.0.1 "
    "con su configuración en una carpeta temporal y lo detiene al terminar."
)


def find_nginx() -> str | None:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"):
        if candidate and os.path.exists(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open_up(path: Path) -> None:
    """nginx workers drop root privileges: the served tree must be world-readable."""
    for dirpath, _dirs, _files in os.walk(path):
        os.chmod(dirpath, 0o755)


class Nginx:
    """One nginx master (one worker) serving several roots, each on its own 127.0.0.1 port."""

    def __init__(self, workdir: Path, roots: dict[int, Path]):
        self.binary = find_nginx()
        if self.binary is None:
            raise SystemExit(INSTALL_HINT)
        self.workdir = workdir
        self.roots = roots
        self.proc: subprocess.Popen | None = None

    def config(self) -> str:
        w = self.workdir
        servers = "\n".join(
            f"""
    server {{
        listen 127.0.0.1:{port} backlog=1024;
        root {root};
        index index.html;
        location / {{ try_files $uri $uri/ =404; }}
    }}"""
            for port, root in self.roots.items()
        )
        return f"""
worker_processes 1;
daemon off;
pid {w}/nginx.pid;
error_log {w}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{
        text/html html; text/css css; application/javascript js; image/png png;
        image/x-icon ico; application/pdf pdf; text/plain txt; application/xml xml;
    }}
    default_type application/octet-stream;
    charset utf-8;
    access_log off;
    etag on;
    if_modified_since exact;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    server_tokens off;
    gzip off;
    client_body_temp_path {w}/client_body;
    proxy_temp_path {w}/proxy;
    fastcgi_temp_path {w}/fastcgi;
    uwsgi_temp_path {w}/uwsgi;
    scgi_temp_path {w}/scgi;
{servers}
}}
"""

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        for root in self.roots.values():
            _open_up(root)
        conf = self.workdir / "nginx.conf"
        conf.write_text(self.config())
        # -e: our own error log (Debian's default, /var/log/nginx, may not be writable).
        self.proc = subprocess.Popen(
            [self.binary, "-p", str(self.workdir), "-c", str(conf), "-e", str(self.workdir / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # Ctrl+C reaches the benchmark, which stops nginx itself
        )
        deadline = time.monotonic() + 10
        for port in self.roots:
            while True:
                if self.proc.poll() is not None:
                    err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                    raise SystemExit(f"nginx no arrancó: {err}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        self.stop()
                        raise SystemExit(f"nginx no escucha en 127.0.0.1:{port}") from None
                    time.sleep(0.05)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful shutdown of master and worker
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def __enter__(self) -> Nginx:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class BlackHole:
    """A listener on 127.0.0.1 that accepts connections and never answers (a hung server)."""

    def __init__(self, port: int | None = None):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port or 0))
        self.sock.listen(1024)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.accepted = 0
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted += 1
            self.held.append(conn)  # never read, never written: the client times out

    def __enter__(self) -> BlackHole:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.thread.join(2)
        for conn in self.held:
            conn.close()
        self.sock.close()
