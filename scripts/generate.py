"""Write the generated files: the JSON Schema, the issue form, CONTRIBUTING.md, the template, the country names and
the map's outlines.

The schema, the form and the template come from the schema and the registries, CONTRIBUTING.md from the site's
address in mkdocs.yml, the table of country names from Babel's CLDR data, the map's outlines (europe.json) from
Natural Earth's in the world-atlas package (`npm ci` installs it from package-lock.json).

With --check, write nothing and exit 1 if a committed file differs from what would be generated."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from goodpractices import contributing, countries, forms, geo, scaffold
from goodpractices.schema_json import json_schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = "practices/practice.schema.json"
COUNTRIES_PATH = f"hooks/goodpractices/{countries.TABLE}"
OUTLINES_PATH = f"hooks/goodpractices/{geo.TABLE}"


def generated(root: Path) -> tuple[dict[str, str], list[str]]:
    """Return {path relative to root: content} for every generated file, and the registries' problems."""
    themes, partners, problems = scaffold.registries(root / "practices")
    if problems:
        return {}, [str(p) for p in problems]
    atlas = ROOT / geo.SOURCE  # a build tool, installed beside this script by `npm ci`, whatever the project
    if not atlas.is_file():
        return {}, [f"{geo.SOURCE}: missing (run: npm ci, which installs world-atlas from package-lock.json)"]
    keys = ([t.key for t in themes], [p.key for p in partners])
    return {SCHEMA_PATH: json_schema_text(*keys), forms.FORM_PATH: forms.issue_form_yaml(themes, partners),
            contributing.PATH: contributing.contributing_text(contributing.site_url(root / "mkdocs.yml")),
            contributing.TEMPLATE_PATH: scaffold.template_text(themes, partners),
            COUNTRIES_PATH: countries.table_text(),
            OUTLINES_PATH: geo.table_text(json.loads(atlas.read_text(encoding="utf-8")))}, []


def main(argv: list[str] | None = None) -> int:
    """Write (or --check) the generated files; exit 1 if the registries have errors or a file is stale."""
    cli = argparse.ArgumentParser(description=__doc__)
    cli.add_argument("--check", action="store_true", help="only check that the committed files are up to date")
    cli.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    args = cli.parse_args(argv)
    files, problems = generated(args.root)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    stale = []
    for relative, content in files.items():
        path = args.root / relative
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(relative)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
            print(f"wrote {relative}")
    if args.check and stale:
        for relative in stale:
            print(f"{relative}: differs from what it is generated from "
                  "(run: .venv/bin/python scripts/generate.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
