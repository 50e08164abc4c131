"""A benchmark-only MkDocs hook that switches one speed mechanism off, to measure what it buys (see ablation).

Listed before the project's hooks in the benchmark's copy of mkdocs.yml, it reads the mechanism's name from
the BENCHMARK_SWITCH_OFF environment variable at on_startup (when every plugin and hook is loaded, before the
project's plugin's own on_startup) and replaces the names the project's plugin and hooks call with plain
stand-ins. The production code has no benchmark
branch; if a name a switch needs is gone, the build fails rather than measure nothing.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from markupsafe import Markup
from mkdocs.plugins import event_priority

from goodpractices.model import Catalog
from goodpractices.render import GeneratedPage, site, slots

VARIABLE = "BENCHMARK_SWITCH_OFF"
log = logging.getLogger("mkdocs.hooks.benchmark")


def _plugin() -> ModuleType:
    """Return the module of the project's MkDocs plugin (the names it calls are looked up there)."""
    return importlib.import_module("goodpractices.mkdocs.plugin")


def _hook(file_name: str) -> ModuleType:
    """Return the loaded project hook module of that file name (MkDocs registers hooks by their path)."""
    for module in list(sys.modules.values()):
        if Path(getattr(module, "__file__", None) or "").name == file_name:
            return module
    raise RuntimeError(f"{file_name} is not loaded: is it still listed under `hooks:` in mkdocs.yml?")


def _replace(module: ModuleType, name: str, stand_in: Any) -> None:
    """Set module.name to stand_in; the name must exist."""
    if not hasattr(module, name):
        raise RuntimeError(f"{module.__name__} has no {name!r} any more: update scripts/benchmark/switches.py")
    setattr(module, name, stand_in)


def _nothing(*args: Any, **kwargs: Any) -> None:
    return None


def _no_worker() -> None:
    _replace(_plugin(), "fork_pool", lambda: None)


def _no_mmap_threshold() -> None:
    _replace(_plugin(), "return_large_blocks", _nothing)


def _pages_changed(change: Callable[[GeneratedPage], GeneratedPage]) -> None:
    """Have the adapter's generated_files change each generated page right after it is made."""
    adapter = _plugin()
    made = adapter.generated_files

    def generated_files(*args: Any) -> dict[str, Any]:
        files = made(*args)
        for path, content in files.items():  # in place: each page's first form is freed as it goes
            if isinstance(content, GeneratedPage):
                files[path] = change(content)
        return files

    _replace(adapter, "generated_files", generated_files)


class _Text(str):
    """A slot held as str: `decode()`, which GeneratedPage calls on its bytes, gives the text itself."""

    __slots__ = ()

    def decode(self) -> str:
        return self


def _slots_as_text() -> None:
    _pages_changed(lambda page: dataclasses.replace(page, slots=tuple(_Text(s.decode()) for s in page.slots)))


def _edge_slots_marked() -> None:
    def marked(page: GeneratedPage) -> GeneratedPage:
        first = [slots.marker(n) for n in range(page.before)]
        last = [slots.marker(n) for n in range(len(page.slots) - page.after, len(page.slots))]
        markdown = "\n\n".join([*first, page.markdown, *last] if page.markdown else [*first, *last])
        return dataclasses.replace(page, markdown=markdown, before=0, after=0)

    _pages_changed(marked)


def _bodies_kept() -> None:
    _replace(Catalog, "without_bodies", lambda catalog: catalog)


def _fragments_every_time() -> None:
    def once_per_folder() -> Callable[..., Markup]:
        return lambda name, caller, titled=False: Markup(caller())

    _replace(_plugin(), "once_per_folder", once_per_folder)


def _no_related() -> None:
    _replace(site, "related_practices", lambda catalog, practices=None: {p.id: () for p in catalog.practices})


def _no_feed() -> None:
    _replace(site, "feed_xml", lambda catalog, info: b"")


def _no_map() -> None:
    from goodpractices.partnermap import Frame, Layout  # noqa: PLC0415

    def nowhere(catalog: Catalog) -> Layout:
        return Layout(Frame(0, 0, 1), (), (), (), ())

    _replace(site, "map_layout", nowhere)


def _no_figures() -> None:
    _replace(site, "figures", lambda catalog: ())


@dataclass(frozen=True)
class Switch:
    """A speed mechanism or a feature: what "off" means, and how this hook switches it off. A feature's
    `changes` are the files (glob patterns) it makes or changes: switched off, only they may differ, and the
    Δ it shows is what the feature costs."""

    off: str
    switch_off: Callable[[], None]
    changes: tuple[str, ...] = ()


#: Every mechanism the ablation measures, by name.
SWITCHES: dict[str, Switch] = {
    "worker": Switch("fork_pool() gives no worker: the build checks and renders every practice file itself",
                     _no_worker),
    "mmap-threshold": Switch("return_large_blocks() does nothing: glibc's dynamic mmap threshold",
                             _no_mmap_threshold),
    "slot-bytes": Switch("slots wait as str, not UTF-8 bytes (changed as each page is made)", _slots_as_text),
    "edge-markers": Switch("slots before and after the Markdown leave markers in it too (before = after = 0), "
                           "which Markdown's raw-HTML parser reads", _edge_slots_marked),
    "bodies-released": Switch("Catalog.without_bodies() returns the catalogue as it is: the bodies' HTML and "
                              "text stay in memory to the end", _bodies_kept),
    "shared-fragments": Switch("once_per_folder renders every block on every page (theme fragments not shared)",
                               _fragments_every_time),
    "related-practices": Switch("feature: no related practices are found; practice pages go without them",
                                _no_related, ("practices/*.html",)),
    "feed": Switch("feature: feed.xml is written empty, not made from the catalogue", _no_feed, ("feed.xml",)),
    "map": Switch("feature: no map of partners and transfers on the home, Partners and partner pages", _no_map,
                  ("index.html", "partners/*.html", "search/*")),
    "figures": Switch("feature: the figures page without its figures and CSV files (nor the Downloads page's "
                      "rows for them)", _no_figures, ("figures/*", "search/*", "downloads/index.html")),
}


@event_priority(100)  # before the project's plugin, whose on_startup calls return_large_blocks
def on_startup(command: str, dirty: bool) -> None:
    name = os.environ.get(VARIABLE, "")
    if name:
        if name not in SWITCHES:
            raise RuntimeError(f"{VARIABLE}={name!r} is not one of: {', '.join(SWITCHES)}")
        SWITCHES[name].switch_off()
        log.info("benchmark: %s switched off", name)
