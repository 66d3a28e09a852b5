"""Serve a built site on 127.0.0.1 as a real host would: gzip and cache headers.

    .venv/bin/python tools/staticserver.py [site] [--port 8000]

The benchmark (tools/bench.py) and the browser tests use it, so that the bytes they
count are the bytes a reader's phone receives. It sends:

- text (HTML, CSS, JavaScript, JSON, SVG, XML) gzipped when the browser accepts it;
  Pagefind's index files are gzipped by Pagefind already and go as they are;
- `Cache-Control: public, max-age=31536000, immutable` for files whose name changes
  when their content does (Material's `*.<hash>.min.css/js`, Pagefind's index chunks),
  and `no-cache` (ask again, get `304 Not Modified` if unchanged) for everything else.

README.md ("Publishing") gives the same rules for a production host.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import io
import os
import posixpath
import re
import sys
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest"}

# Names that change with their content: Material's bundles and style sheets, and Pagefind's
# chunks (fragment/…, index/…, pagefind.<lang>_<hash>.pf_meta).
FINGERPRINTED = re.compile(r"(\.[0-9a-f]{8}\.min\.(css|js)$)|(^|/)pagefind/(fragment|index)/|\.pf_meta$")

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


def cache_control(url_path: str) -> str:
    """The Cache-Control header for a file of the site, by its URL path."""
    return IMMUTABLE if FINGERPRINTED.search(url_path) else REVALIDATE


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True if an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for part in (accept_encoding or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            q = params.strip().removeprefix("q=")
            try:
                return not params.strip() or float(q) > 0
            except ValueError:
                return False
    return False


class StaticServer:
    """Serves built sites on one origin (so that they share localStorage): the main site at
    /, others at /<name>/. Records every request that was answered with an error."""

    def __init__(self, main: Path, port: int = 0, host: str = "127.0.0.1"):
        self.roots: dict[str, Path] = {"": Path(main)}
        self.errors: list[tuple[int, str]] = []
        self._gzipped: dict[tuple[str, float], bytes] = {}
        self._lock = threading.Lock()
        self.httpd = _QuietServer((host, port), lambda *args: _Handler(*args, state=self))
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://{host}:{self.port}/"
        self.thread: threading.Thread | None = None

    def add(self, prefix: str, root: Path) -> None:
        self.roots[prefix] = Path(root)

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def start(self) -> "StaticServer":
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def close(self) -> None:
        if self.thread is not None:  # shutdown() waits for a serve_forever() that never started
            self.httpd.shutdown()
        self.httpd.server_close()

    def file_for(self, url_path: str) -> Path:
        parts = unquote(urlsplit(url_path).path).lstrip("/").split("/", 1)
        root, rest = self.roots[""], "/".join(parts)
        if parts[0] and parts[0] in self.roots:
            root, rest = self.roots[parts[0]], parts[1] if len(parts) > 1 else ""
        return root / posixpath.normpath("/" + rest).lstrip("/")

    def gzipped(self, path: Path, mtime: float) -> bytes:
        """The file gzipped, kept while it is unchanged (the tests load the same pages often)."""
        key = (str(path), mtime)
        with self._lock:
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            return self._gzipped[key]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser hangs up on requests it no longer needs when a test moves on.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, state: StaticServer):
        self.state = state
        super().__init__(*args, directory=str(state.roots[""]))

    def translate_path(self, path: str) -> str:
        return str(self.state.file_for(path))

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if (path.suffix in COMPRESSIBLE and path.is_file()
                and accepts_gzip(self.headers.get("Accept-Encoding"))):
            return self._send_gzipped(path)
        return super().send_head()

    def _send_gzipped(self, path: Path):
        stat = path.stat()
        if self._not_modified(stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        body = self.state.gzipped(path, stat.st_mtime)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(urlsplit(self.path).path))
        self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        self.state.errors.append((code, self.path))
        super().send_error(code, message, explain)

    def log_message(self, format, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site/)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html not found: run `make build` first")
    server = StaticServer(args.site, args.port)
    print(f"Serving {args.site}/ on {server.base_url} (gzip, cache headers); Ctrl+C stops.")
    try:
        server.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
