"""Theme fragments that are the same on every page outside the navigation in a folder, rendered once each.

Rendering Material's header, tabs, navigation, footer and scripts once per folder, not once per page, saves
18% of the build's wall time at 1,000 practices and 9% at 5,000 (ablation of 2026-12-02,
`shared-fragments`).
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from markupsafe import Markup


#: Indentation and blank lines left by Material's templates: a newline says the same to HTML (no <pre> here).
_LAYOUT = re.compile(r"[ \t]*\n\s*")
#: Stands in for the title in a shared block that shows it; each page puts its own in its place.
_TITLE = "\x00goodpractices-page-title\x00"


def once_per_folder() -> Callable[..., Markup]:
    """Return a template function for `{% call once_per_folder("name") %}…{% endcall %}` (one per build).

    On a page outside the navigation (a practice or partner page) no navigation entry is active and every
    link is relative to the page's folder, so Material's tabs, navigation, footer and scripts come out the
    same for every such page in one folder: the block is rendered for the first and reused for the others.
    Pages in the navigation render the block as usual. A shared block is kept without its indentation,
    which would otherwise be written out again on every page.
    With `titled=True` the block may also show the page's title (the header does): it is rendered with a
    stand-in title, which each page's own replaces.
    """
    done: dict[tuple[str, str], Markup] = {}
    in_nav: set[str] = set()

    @jinja2.pass_context
    def shared(context: jinja2.runtime.Context, name: str, caller: Callable[[], str], titled: bool = False
               ) -> Markup:
        page: Any = context.get("page")
        if page is None or titled and not (page.meta and page.meta.get("title")):
            return Markup(caller())
        if not in_nav:
            in_nav.update(item.file.src_uri for item in context["nav"].pages)
        if page.file.src_uri in in_nav:
            return Markup(caller())
        key = (name, posixpath.dirname(page.url))
        if key not in done:
            with _stand_in_title(page) if titled else contextlib.nullcontext():
                done[key] = Markup(_LAYOUT.sub("\n", caller()))
        return Markup(str(done[key]).replace(_TITLE, page.meta["title"])) if titled else done[key]

    return shared


@contextlib.contextmanager
def _stand_in_title(page: Any) -> Iterator[None]:
    """Give the page the stand-in title while a shared block is rendered."""
    title, page.meta["title"] = page.meta["title"], _TITLE
    try:
        yield
    finally:
        page.meta["title"] = title
