"""The only way WeasyPrint may read a file: the edition folder, the project's styles, the style's font.

WeasyPrint's default fetcher reads any ``file://`` path and the network (two CVEs came from that). Ours
serves generated stylesheets from memory, reads files only below the allowed folders, and stops the
build with the offending path for anything else, so a stylesheet cannot pull in ``/etc/passwd`` or a URL.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse


class OutsideResourceError(FatalURLFetchingError):
    """A resource outside the allowed folders (a BaseException subclass, so WeasyPrint stops at once)."""

    def __init__(self, url: str, path: Path | None):
        self.url = url
        self.path = path
        where = str(path) if path is not None else url
        super().__init__(f"{where} is outside the edition folder and the project's styles")


class EditionFetcher(URLFetcher):
    """Serve ``generated`` URLs from memory; read ``file:`` URLs only inside ``roots`` or from ``files``."""

    def __init__(self, roots: tuple[Path, ...], files: tuple[Path, ...], generated: Mapping[str, bytes]):
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
        self._roots = tuple(root.resolve() for root in roots)
        self._files = frozenset(path.resolve() for path in files)
        self._generated = dict(generated)
        self.refused: list[OutsideResourceError] = []
        # Every file asked for inside the allowed folders: the SHA-256 of what was served, None if it was not
        # there (what the layout depended on: book/saved_print_pages).
        self.read: dict[Path, str | None] = {}

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if url in self._generated:
            return URLFetcherResponse(url, self._generated[url], {"Content-Type": _mime_type(url)})
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise self._refuse(url, None)
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if not self.allows(path):
            raise self._refuse(url, path)
        if not path.is_file():  # a named pipe or a device would block the build; WeasyPrint reports this
            self.read[path] = None
            raise FileNotFoundError(f"{path} is not a regular file")
        data = path.read_bytes()
        self.read[path] = hashlib.sha256(data).hexdigest()
        return URLFetcherResponse(url, data, {"Content-Type": _mime_type(url)})

    def _refuse(self, url: str, path: Path | None) -> OutsideResourceError:
        # Kept as well as raised: WeasyPrint's SVG drawing catches every exception (BaseException included)
        # and only logs it, so a refusal inside an SVG image would otherwise just drop the image.
        error = OutsideResourceError(url, path)
        self.refused.append(error)
        return error

    def raise_refused(self) -> None:
        """Stop the build if any resource was refused, even one whose refusal WeasyPrint swallowed."""
        if self.refused:
            raise self.refused[0]

    def allows(self, path: Path) -> bool:
        """True for a path (resolved, symlinks followed) below an allowed root or an allowed file."""
        resolved = path.resolve()
        return resolved in self._files or any(resolved.is_relative_to(root) for root in self._roots)


def _mime_type(url: str) -> str:
    guessed, _ = mimetypes.guess_type(urlsplit(url).path)
    return guessed or "application/octet-stream"
