"""What the footer, page heads and downloads say about the site itself, read from mkdocs.yml and the catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .model import Catalog, PartialDate


class _SettingsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data: `!ENV [NAME, default]` gives its default (the environment is not read),
    and any other tag (such as `!!python/name:`) gives None."""


_SettingsLoader.add_constructor("!ENV", lambda loader, node: (
    loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else None))
_SettingsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_settings(path: Path) -> dict:
    """Return a mkdocs.yml's settings as plain data, for the tools that read it without MkDocs (see
    _SettingsLoader); an empty dict where the file holds no mapping."""
    settings = yaml.load(path.read_text(encoding="utf-8"), Loader=_SettingsLoader)  # noqa: S506 (a safe loader)
    return settings if isinstance(settings, dict) else {}


#: The settings that say what the site is; each may be given in the plugin's settings or under mkdocs.yml's
#: `extra:` (where tools that read mkdocs.yml without MkDocs, such as scripts/export_pdf.py, find them too).
SITE_KEYS = ("licence", "funder", "edit_base")


def settings_in_force(plugin: Mapping[str, Any], extra: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the site settings (licence, funder, edit base), the plugin's value over `extra`'s, and where
    each was written (for error messages)."""
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    for key in SITE_KEYS:
        for origin, place in ((plugin, f"plugins.goodpractices.{key}"), (extra, f"extra.{key}")):
            if origin.get(key) is not None:
                values[key], where[key] = origin[key], place
                break
    return values, where


@dataclass(frozen=True)
class Licence:
    """The licence of the content and the data: a name, and where to read it."""

    name: str
    url: str | None


@dataclass(frozen=True)
class Funder:
    """A funder's statement and logo (a file of the site, e.g. an Interreg programme logo the project may use)."""

    statement: str | None
    logo: str | None
    logo_alt: str
    url: str | None


@dataclass(frozen=True)
class SiteInfo:
    """The site's name and address, its licence, its funder and the date of its latest content."""

    name: str
    url: str | None  # the published address, ending in "/" (mkdocs.yml `site_url`)
    licence: Licence
    funder: Funder
    updated: PartialDate | None

    @property
    def updated_label(self) -> str | None:
        """Return the latest content date for readers, e.g. '21 November 2026'."""
        return self.updated.label() if self.updated else None


CC_BY = Licence("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
_KNOWN = {CC_BY.name: CC_BY, "CC BY-SA 4.0": Licence("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
          "CC0 1.0": Licence("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/")}


def _text(value: Any, where: str, hint: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"mkdocs.yml: {where}: expected text ({hint})")
    return value.strip()


def _web(value: Any, where: str) -> str | None:
    url = _text(value, where, "an https:// address")
    if url is not None and not url.startswith(("https://", "http://")):
        raise ValueError(f"mkdocs.yml: {where}: expected an http(s) address, got {url!r} (write it in full)")
    return url


def _licence(value: Any, where: str = "extra.licence") -> Licence:
    if value is None:
        return CC_BY
    if isinstance(value, str):
        name = _text(value, where, "a licence name such as CC BY 4.0")
        return _KNOWN.get(name or "", Licence(name or "", None))
    if not isinstance(value, Mapping) or set(value) - {"name", "url"} or "name" not in value:
        raise ValueError(f"mkdocs.yml: {where}: expected a name, or {{name, url}} "
                         "(e.g. licence: {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/})")
    name = _text(value["name"], f"{where}.name", "a licence name such as CC BY 4.0") or ""
    return Licence(name, _web(value.get("url"), f"{where}.url") or _KNOWN.get(name, Licence(name, None)).url)


def _funder(value: Any, where: str = "extra.funder") -> Funder:
    if value is None:
        return Funder(None, None, "", None)
    if not isinstance(value, Mapping) or set(value) - {"statement", "logo", "logo_alt", "url"}:
        raise ValueError(f"mkdocs.yml: {where}: expected a mapping with statement, logo, logo_alt and url "
                         "(each optional)")
    logo = _text(value.get("logo"), f"{where}.logo", "a file of docs/, e.g. assets/funder-logo.svg")
    if logo is not None and (":" in logo or logo.startswith(("/", "\\")) or ".." in logo.split("/")):
        raise ValueError(f"mkdocs.yml: {where}.logo: {logo!r} is not a file of the site "
                         "(put the image in docs/ and give its path, e.g. assets/funder-logo.svg)")
    alt = _text(value.get("logo_alt"), f"{where}.logo_alt", "what the logo shows, e.g. the programme's name")
    if logo is not None and alt is None:
        raise ValueError(f"mkdocs.yml: {where}.logo_alt: missing (say what the logo shows, for screen readers)")
    return Funder(_text(value.get("statement"), f"{where}.statement", "one sentence"), logo, alt or "",
                  _web(value.get("url"), f"{where}.url"))


def site_info(name: str, url: str | None, extra: Mapping[str, Any], catalog: Catalog,
              where: Mapping[str, str] | None = None) -> SiteInfo:
    """Return the site's information; raise ValueError naming the setting that is wrong and how to fix it.

    `where` says where each setting was written in mkdocs.yml (default: `extra.<key>`)."""
    places = {"licence": "extra.licence", "funder": "extra.funder", **(where or {})}
    address = url if not url or url.endswith("/") else url + "/"
    return SiteInfo(name, address or None, _licence(extra.get("licence"), places["licence"]),
                    _funder(extra.get("funder"), places["funder"]), catalog.last_updated)
