"""tools/staticserver.py: the server the benchmark and the browser tests read the site from
sends what a real host sends (gzip, cache headers, 304) and nothing outside the site."""

from __future__ import annotations

import gzip
import http.client

import pytest

from staticserver import IMMUTABLE, REVALIDATE, StaticServer, accepts_gzip, cache_control


@pytest.fixture
def served(tmp_path):
    (tmp_path / "site" / "da").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text("<p>hej</p>" * 200, encoding="utf-8")
    (tmp_path / "site" / "da" / "index.html").write_text("<p>dansk</p>", encoding="utf-8")
    (tmp_path / "site" / "logo.png").write_bytes(b"\x89PNG" + bytes(300))
    (tmp_path / "secret.txt").write_text("outside the site", encoding="utf-8")
    server = StaticServer(tmp_path / "site").start()
    yield server
    server.close()


def get(server, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_text_is_gzipped_when_the_browser_accepts_it(served):
    response, body = get(served, "/", **{"Accept-Encoding": "gzip, deflate, br"})
    assert response.status == 200 and response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body) == ("<p>hej</p>" * 200).encode()
    assert int(response.getheader("Content-Length")) == len(body) < 200
    assert response.getheader("Vary") == "Accept-Encoding"
    plain, body = get(served, "/")
    assert plain.getheader("Content-Encoding") is None and body.startswith(b"<p>hej</p>")


def test_images_and_refused_gzip_go_as_they_are(served):
    response, body = get(served, "/logo.png", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None and body.startswith(b"\x89PNG")
    response, _ = get(served, "/", **{"Accept-Encoding": "gzip;q=0, identity"})
    assert response.getheader("Content-Encoding") is None


def test_an_unchanged_page_is_not_sent_again(served):
    first, _ = get(served, "/da/", **{"Accept-Encoding": "gzip"})
    again, body = get(served, "/da/", **{"Accept-Encoding": "gzip", "If-Modified-Since": first.getheader("Last-Modified")})
    assert again.status == 304 and body == b""


def test_nothing_outside_the_site_is_served(served):
    response, body = get(served, "/../secret.txt")
    assert response.status == 404 and b"outside" not in body
    assert (404, "/../secret.txt") in served.errors


@pytest.mark.parametrize("path, expected", [
    ("/assets/javascripts/bundle.a5f9d56c.min.js", IMMUTABLE),
    ("/assets/stylesheets/main.57a0d79d.min.css", IMMUTABLE),
    ("/pagefind/fragment/da_1c2d3e4.pf_fragment", IMMUTABLE),
    ("/pagefind/pagefind.da_4f9a0b1c2d.pf_meta", IMMUTABLE),
    ("/assets/javascripts/checklist.js", REVALIDATE),
    ("/pagefind/pagefind.js", REVALIDATE),
    ("/da/models/", REVALIDATE),
])
def test_only_fingerprinted_files_are_cached_for_good(path, expected):
    assert cache_control(path) == expected


@pytest.mark.parametrize("header, accepted", [
    ("gzip", True), ("br, gzip;q=0.5", True), ("*", True), ("gzip;q=0", False), ("br", False), (None, False),
])
def test_accept_encoding(header, accepted):
    assert accepts_gzip(header) is accepted
