"""How a browser reads a URL in a body: its scheme, where it points, and whether it stays inside the site."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import SplitResult, unquote, urlsplit

_CONTROL = dict.fromkeys((*range(0x21), 0x7F))
#: Tab and line breaks, which the URL parser drops wherever they are.
TABS = dict.fromkeys((9, 10, 13))
#: A URL's scheme as a browser reads it (WHATWG URL: a letter, then letters, digits, '+', '-' or '.', then ':').
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")


def _squeezed(url: str) -> str:
    """Return a URL as a browser reads its scheme: ASCII controls and spaces removed, lower case."""
    return url.translate(_CONTROL).lower()


def scheme_of(url: str) -> str | None:
    """Return the scheme a browser would see in `url` ('javascript', 'http', …), or None for a relative URL.

    Controls and spaces are dropped first (browsers drop tabs and line breaks anywhere, the others at the ends:
    dropping them everywhere errs on the side of refusing); a backslash, as in 'javascript\\:', ends a scheme."""
    match = _SCHEME.match(_squeezed(url))
    return match.group(1) if match else None


def _split(url: str) -> SplitResult | None:
    """Split a URL as urllib does, or return None where urllib cannot (a broken IPv6 host, say)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def local(url: str) -> bool:
    """Tell whether a URL stays inside the site: relative, no scheme, no host, not above its root. Read as a
    browser reads it on a web page or a file: a backslash is a slash, '%2e%2e' is '..'."""
    squeezed = url.strip(" \t\n\r\f").translate(TABS).replace("\\", "/")  # tabs and line breaks: dropped
    if not squeezed or any(ord(c) < 0x20 or ord(c) == 0x7F for c in squeezed):
        return False
    if squeezed.startswith("/") or scheme_of(squeezed) is not None:
        return False
    parts = _split(squeezed)
    if parts is None or parts.scheme or parts.netloc:
        return False
    path = unquote(parts.path)
    if "\\" in path or path.startswith("/"):
        return False
    resolved = posixpath.normpath(posixpath.join("practices", path))  # pages are one folder down
    return resolved != ".." and not resolved.startswith("../")


def where(url: str) -> str:
    """Name where a URL points, for a message: its host, its scheme, or the URL itself."""
    parts = _split(url.strip().replace("\\", "/"))
    try:
        host = parts.hostname if parts is not None else None
    except ValueError:
        host = None
    if host:
        return host
    scheme = scheme_of(url)
    return f"{scheme}:" if scheme else repr(url.strip()[:60])


def quoted(value: str) -> str:
    """Show a URL in a message: trimmed, in quotes, cut if long."""
    value = value.strip()
    return repr(value) if len(value) <= 80 else repr(value[:79] + "…")
