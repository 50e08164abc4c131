"""The plugin's settings in mkdocs.yml (`plugins: [goodpractices]`), typed and checked by MkDocs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GoodPracticesConfig(base.Config):
    """`plugins: - goodpractices: {...}`; every setting is optional (the site's own, siteinfo.SITE_KEYS, may
    also be given under `extra:`, where the plugin's value wins: siteinfo.settings_in_force)."""

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
