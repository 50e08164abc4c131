"""Shared rendering tools: one Jinja environment (autoescaped), page front matter and number formats."""

from __future__ import annotations

from typing import Any

import jinja2
import yaml

from markupsafe import Markup, escape

from .. import icons
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
STAGE_SYMBOLS = {"interested": "○", "assessed": "◔", "in-action-plan": "◑", "implemented": "●"}
assert tuple(STAGE_LABELS) == tuple(STAGE_SYMBOLS) == STAGES


def money(amount: int | float) -> str:
    """Format euros for readers: '900 000 EUR', '1 250.50 EUR'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return text.replace(",", "\u202f") + " EUR"


def heat(count: int, peak: int) -> int:
    """Return a shade from 0 (none) to 4 (the peak count) for a summary cell."""
    return 0 if count <= 0 or peak <= 0 else max(1, round(4 * count / peak))


ENV.filters.update(
    money=money, country=COUNTRIES.__getitem__, stage=STAGE_LABELS.__getitem__, symbol=STAGE_SYMBOLS.__getitem__,
    heat=heat, icon=lambda name: Markup(icons.svg(name)),
)
ENV.globals.update(stages=STAGES)


def page(meta: dict[str, Any], body: str) -> str:
    """Return a Markdown page: YAML front matter (text values HTML-escaped: MkDocs and Material print
    titles and descriptions unescaped) and a body; `render_macros: false` so no page content is a template."""
    def plain(value: Any) -> Any:
        if isinstance(value, str):
            return str(escape(value))
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    front = {key: plain(value) for key, value in meta.items()}
    front["render_macros"] = False
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + body


def render(template: str, **context: Any) -> str:
    """Render one of the package's templates with autoescaping."""
    return ENV.get_template(template).render(**context)
