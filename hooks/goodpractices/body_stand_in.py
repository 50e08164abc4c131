"""Stand-in until the body-rendering work lands: a practice body as cleaned HTML."""

import markdown

from .sanitize import clean


def body_html(body: str) -> str:
    """Return the body rendered with the site's Markdown extensions, then cleaned."""
    extensions = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "tables", "toc"]
    return clean(markdown.markdown(body, extensions=extensions))
