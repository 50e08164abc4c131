"""The plugin's settings in mkdocs.yml (`plugins: [goodpractices]`), typed and checked by MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

#: The settings that say what the site is; each may also be given under mkdocs.yml's `extra:` (where other
#: tools, such as scripts/export_pdf.py, read them without MkDocs). The plugin's own value wins.
SITE_KEYS = ("licence", "funder", "edit_base")


class GoodPracticesConfig(base.Config):
    """`plugins: - goodpractices: {...}`; every setting is optional."""

    #: The practices folder (themes.yml, partners.yml and one file per practice), beside mkdocs.yml.
    practices = c.Type(str, default="practices")
    #: Lay out every PDF (the catalogue, each theme, each partner) from the catalogue this build checked, and
    #: list them on the Downloads page. Off by default: a preview makes none. `make site` turns it on.
    pdfs = c.Type(bool, default=False)
    #: The licence of the content and the data: a name, or {name, url}. Default: extra.licence, else CC BY 4.0.
    licence = c.Optional(c.Type((str, dict)))
    #: The funder's statement, and optionally its logo: {statement, logo, logo_alt, url}. Default: extra.funder.
    funder = c.Optional(c.Type(dict))
    #: Where the "edit" buttons point: the source repository's edit URL. Default: extra.edit_base.
    edit_base = c.Optional(c.Type(str))


def site_settings(config: GoodPracticesConfig, extra: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Return the site settings (licence, funder, edit base) with the plugin's values over `extra`'s, and where
    each was written (for error messages)."""
    values: dict[str, Any] = {}
    where: dict[str, str] = {}
    for key in SITE_KEYS:
        if config[key] is not None:
            values[key], where[key] = config[key], f"plugins.goodpractices.{key}"
        elif extra.get(key) is not None:
            values[key], where[key] = extra[key], f"extra.{key}"
    return values, where
