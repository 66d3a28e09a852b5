"""The PDF printer reads only the built site (peerguide/printfetch.py)."""

from __future__ import annotations

import http.server
import threading

import pytest
from weasyprint import HTML

from peerguide.printfetch import Refused, SiteFetcher


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    (tmp_path / "secret.txt").write_text("not for print")
    (folder / "assets" / "link.txt").symlink_to(tmp_path / "secret.txt")
    return folder


def test_a_file_of_the_site_is_served(site):
    response = SiteFetcher(site).fetch((site / "assets" / "dot.svg").as_uri())
    assert b"<svg" in response.read()


@pytest.mark.parametrize("address", [
    "file:///etc/passwd",
    "file://other-host/etc/passwd",
    "http://127.0.0.1:9/",
    "https://tracker.example/p.png",
    "data:text/plain,x",
])
def test_anything_else_is_refused(site, address):
    with pytest.raises(Refused):
        SiteFetcher(site).fetch(address)


def test_a_symlink_out_of_the_site_is_refused(site):
    with pytest.raises(Refused, match="only files of the built site"):
        SiteFetcher(site).fetch((site / "assets" / "link.txt").as_uri())


def test_a_document_that_names_another_host_stops_printing(site, tmp_path):
    """Through WeasyPrint itself: an image and an attachment on a server that answers."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"internal data")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_port}"
    try:
        for html in (f'<img src="{address}/p.png">', f'<a rel="attachment" href="{address}/secret">x</a>'):
            with pytest.raises(Refused):
                HTML(string=html, base_url=str(site), url_fetcher=SiteFetcher(site)).write_pdf(tmp_path / "x.pdf")
    finally:
        server.shutdown()
    assert requests == []
