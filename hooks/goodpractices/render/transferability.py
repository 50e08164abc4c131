"""The transferability page: the theme × partner summary and the full practice × partner matrix."""

from __future__ import annotations

from ..matrix import matrix, summary
from ..model import Catalog
from . import GeneratedPage, render


def transferability_page(catalog: Catalog) -> GeneratedPage:
    """Return the page with the legend, the summary, the full matrix and the download links."""
    meta = {"title": "Transferability", "description": "Which practices travelled to which regions."}
    return render("transferability.md.j2", meta, catalog=catalog, m=matrix(catalog), s=summary(catalog))
