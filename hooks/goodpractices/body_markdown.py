"""Render a practice body once, with the site's Markdown extensions, within a time bound."""

from __future__ import annotations

import html
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import markdown

from .model import Heading

#: The site's Markdown extensions, as `markdown_extensions` in mkdocs.yml lists them (a test keeps the two equal).
EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {}, "admonition": {}, "attr_list": {}, "def_list": {}, "footnotes": {}, "fenced_code": {}, "tables": {},
    "toc": {"permalink": True},
}
#: The last resort, for a body that markdown_limits let through and that still renders for this long (wall clock):
#: it fails, with its file named. The slowest body the limits let through takes about 1 s of CPU
#: (scripts/bench_markdown.py), so no body a person writes comes near it however loaded the machine: the verdict
#: does not depend on the clock, and validate.py and the build give the same one.
RENDER_SECONDS = 30.0


@dataclass(frozen=True)
class Rendered:
    """A body rendered to HTML (not yet cleaned), with its headings in order."""

    html: str
    headings: tuple[Heading, ...]


class RenderTimeout(Exception):
    """Rendering a body took longer than RENDER_SECONDS."""


_local = threading.local()


def _renderer() -> markdown.Markdown:
    """Return this thread's Markdown instance (one per thread: reset between bodies, built once)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=EXTENSIONS)
    return md


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise RenderTimeout in the block after `seconds`, where the system has alarms and this is the main thread."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise RenderTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _flatten(tokens: list[dict[str, Any]]) -> Iterator[Heading]:
    for token in tokens:
        yield Heading(token["level"], token["id"], html.unescape(token["name"]))
        yield from _flatten(token["children"])


def render(body: str) -> Rendered:
    """Render Markdown to HTML; raise RenderTimeout or RecursionError for a body the renderer cannot finish."""
    md = _renderer()
    md.reset()
    try:
        with _deadline(RENDER_SECONDS):
            text = md.convert(body)
        return Rendered(text, tuple(_flatten(md.toc_tokens)))  # type: ignore[attr-defined]
    except BaseException:
        _local.md = None  # an interrupted renderer may hold half a document: the next body gets a new one
        raise
    finally:
        md.reset()
