"""What the PDF printer may read: the files of the built site, nothing else.

WeasyPrint fetches whatever a document names (images, style sheets, `rel=attachment`
links) and embeds what it gets in the PDF: a page that named `http://internal-host/` or
`file:///etc/passwd` would publish the answer in a handout. The page policy keeps such
addresses out of pages; this fetcher is the second wall: it serves files under the
folders it is given (the built site, the handout style sheet's folder) and stops the
printing with a message for any other address.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .docsfolder import ReadError, read_bounded

MAX_FILE = 16 * 1024 * 1024  # an image or style sheet of the site


class Refused(FatalURLFetchingError):
    """An address outside the built site: printing stops."""


class SiteFetcher(URLFetcher):
    def __init__(self, *roots: Path):
        super().__init__(allowed_protocols=("file",), allow_redirects=False)
        self.roots = [Path(root).resolve() for root in roots]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise Refused(f"a handout asked for {url[:100]!r}: handouts print only the guide's own files")
        path = Path(unquote(parts.path))
        real = path.resolve()  # through any symlink: where the bytes really are
        if not any(real.is_relative_to(root) for root in self.roots):
            raise Refused(f"a handout asked for {path}: handouts print only files of the built site")
        try:
            data = read_bounded(real, MAX_FILE)
        except (ReadError, OSError) as exc:
            raise Refused(f"a handout asked for {path}, which {exc}") from None
        kind = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, data, headers={"Content-Type": kind})
