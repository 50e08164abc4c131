"""The transferability page: the theme × partner summary, the practice × partner matrix, the list of transfers."""

from __future__ import annotations

from ..matrix import matrix, summary
from ..model import Catalog
from ..siteinfo import SiteInfo
from . import NO_NAVIGATION, GeneratedPage, render


def transferability_page(catalog: Catalog, info: SiteInfo) -> GeneratedPage:
    """Return the page with the legend, the download links and their licence, the summary, the full matrix and
    the list of transfers."""
    meta = {"title": "Transferability", "description": "Which practices travelled to which regions.",
            **NO_NAVIGATION}
    return render("transferability.md.j2", meta, catalog=catalog, m=matrix(catalog), s=summary(catalog), info=info)
