"""The transferability page: the theme × partner summary and the full practice × partner matrix."""

from __future__ import annotations

from ..matrix import matrix, summary
from ..model import Catalog
from . import page, render


def transferability_page(catalog: Catalog) -> str:
    """Return the page with the legend, the summary, the full matrix and the download links."""
    body = render("transferability.md.j2", catalog=catalog, m=matrix(catalog), s=summary(catalog))
    return page({"title": "Transferability", "description": "Which practices travelled to which regions."}, body)
