"""The preview's web server: the preview site's files, and a stream of events telling pages to reload.

It listens on 127.0.0.1 only and answers GET and HEAD for files inside the site folder and nothing else:
a path that leaves the folder (``..``, an encoded ``%2e%2e``, a link pointing out) is a 404, as is a
folder listing. Requests naming another host (a web page rebinding its own name to 127.0.0.1) are refused.
``/_preview/events`` is a server-sent event stream: a ``state`` event at once and after every rebuild.
``/_preview/pdf/…`` serves the PDFs ``--pdf`` keeps up to date, by their exact names and nothing else.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from edition.preview.state import PreviewState

HOST = "127.0.0.1"
EVENTS = "/_preview/events"
KEEPALIVE_SECONDS = 10.0
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".pdf": "application/pdf",
}
PDF_PREFIX = "/_preview/pdf/"


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams do not keep the process alive

    def __init__(
        self,
        port: int,
        site: Path,
        state: PreviewState,
        placeholder: Callable[[], bytes],
        pdfs: Mapping[str, Path] | None = None,
    ) -> None:
        self.site = Path(site)
        self.pdfs = dict(pdfs or {})  # file name under PDF_PREFIX -> the file in the build folder
        self.state = state
        self.placeholder = placeholder  # the page shown before any build has worked
        super().__init__((HOST, port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="preview-server", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.state.close()
        self.shutdown()
        self.server_close()


def resolve_in(site: Path, url_path: str) -> Path | None:
    """The file inside ``site`` that ``url_path`` names, or None (outside, missing, not a file)."""
    path = unquote(urlsplit(url_path).path)
    if "\x00" in path or "\\" in path:
        return None
    root = site.resolve()
    relative = path.lstrip("/")
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


class _Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for the edition's diagnostics."""

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, *, body: bool) -> None:
        if not self._local_host():
            self._send(HTTPStatus.FORBIDDEN, b"only 127.0.0.1\n", "text/plain; charset=utf-8", body)
            return
        if urlsplit(self.path).path == EVENTS:
            self._events()
            return
        site = self.server.site
        path = urlsplit(self.path).path
        if path.startswith(PDF_PREFIX):
            pdf = self.server.pdfs.get(path.removeprefix(PDF_PREFIX))
            file = pdf if pdf is not None and pdf.is_file() else None
        else:
            file = resolve_in(site, self.path)
        if file is None and not site.is_dir() and urlsplit(self.path).path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.placeholder(), TYPES[".html"], body)
            return
        if file is None:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", body)
            return
        try:
            data = file.read_bytes()
        except OSError:  # replaced by a rebuild meanwhile
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain; charset=utf-8", body)
            return
        self._send(HTTPStatus.OK, data, TYPES.get(file.suffix, "application/octet-stream"), body)

    def _local_host(self) -> bool:
        host = (self.headers.get("Host") or "").rpartition(":")[0] or self.headers.get("Host", "")
        return host in ("127.0.0.1", "localhost", "")

    def _send(self, status: HTTPStatus, data: bytes, content_type: str, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        state = self.server.state
        status = state.status
        try:
            self._event(status.as_json())
            while not state.closed:
                changed = state.wait(status, KEEPALIVE_SECONDS)
                if changed is None:
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    continue
                status = changed
                self._event(status.as_json())
        except (BrokenPipeError, ConnectionResetError):
            return

    def _event(self, data: str) -> None:
        self.wfile.write(f"event: state\ndata: {data}\n\n".encode())
        self.wfile.flush()
