"""Shared rendering tools: one Jinja environment (autoescaped), page front matter and number formats."""

from __future__ import annotations

import html
from typing import Any

import jinja2
import yaml

from ..countries import COUNTRIES
from ..schema import STAGES

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("gpkb", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)

STAGE_LABELS = {
    "interested": "Interested",
    "assessed": "Assessed",
    "in-action-plan": "In action plan",
    "implemented": "Implemented",
}
assert tuple(STAGE_LABELS) == STAGES


def money(amount: int | float) -> str:
    """Format euros for readers: '900 000 EUR', '1 250.50 EUR'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return text.replace(",", "\u202f") + " EUR"


ENV.filters.update(money=money, country=COUNTRIES.__getitem__, stage=STAGE_LABELS.__getitem__)


def page(meta: dict[str, Any], body: str) -> str:
    """Return a Markdown page: YAML front matter (text values HTML-escaped: MkDocs and Material print
    titles and descriptions unescaped) and a body; `render_macros: false` so no page content is a template."""
    def escape(value: Any) -> Any:
        if isinstance(value, str):
            return html.escape(value)
        if isinstance(value, list):
            return [escape(item) for item in value]
        return value

    front = {key: escape(value) for key, value in meta.items()}
    front["render_macros"] = False
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates with autoescaping."""
    return ENV.get_template(template).render(**context)
