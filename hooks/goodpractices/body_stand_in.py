"""Stand-in until the body-rendering work lands: a practice body as cleaned HTML."""

import markdown

from .sanitize import clean


def body_html(body: str) -> str:
    """Render the body with the site's Markdown extensions, then keep only what the allowlist allows."""
    extensions = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc"]
    return clean(markdown.markdown(body, extensions=extensions))
