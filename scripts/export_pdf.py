"""Write the catalogue, a theme, a partner or a practice as a PDF (no site build needed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from goodpractices import catalog as pipeline
from goodpractices.model import Catalog
from goodpractices.pdf import document
from goodpractices.pdf.engine import CHUNK
from goodpractices.pdf.write import Site, pdfs, write_file
from goodpractices.problems import count
from goodpractices.siteinfo import mkdocs_settings, settings_in_force, site_info

ROOT = Path(__file__).resolve().parent.parent


def _plugin(settings: dict) -> dict:
    """Return the goodpractices plugin's settings in mkdocs.yml (`plugins: [goodpractices: {...}]`), if any."""
    plugins = settings.get("plugins")
    entries = plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []
    for entry in entries:
        if isinstance(entry, dict) and isinstance(entry.get("goodpractices"), dict):
            return entry["goodpractices"]
    return {}


def site_settings(config: Path, catalog: Catalog) -> Site:
    """Return the site's name and author from mkdocs.yml, its docs folder (for images) and what its footer
    says (address, licence, funder), read by siteinfo.py as the site build reads them (the plugin's setting
    over `extra`'s); raise ValueError naming a wrong setting."""
    settings = mkdocs_settings(config) if config.is_file() else {}
    name = str(settings.get("site_name") or "Good practices")
    author = str(settings.get("site_author") or settings.get("copyright") or name)
    extra = settings.get("extra") if isinstance(settings.get("extra"), dict) else {}
    values, where = settings_in_force(_plugin(settings), extra)
    url = settings.get("site_url") if isinstance(settings.get("site_url"), str) else None
    return Site(name, author, config.parent / str(settings.get("docs_dir") or "docs"),
                site_info(name, url, values, catalog, where))


def _selections(parser: argparse.ArgumentParser, args: argparse.Namespace,
                catalog: Catalog) -> list[document.Selection]:
    """Return the documents asked for; an unknown key is a usage error (exit 2)."""
    if args.all:
        return document.everything(catalog)
    for flag, known, make in (("theme", catalog.theme, document.theme), ("partner", catalog.partner, document.partner),
                              ("practice", catalog.practice, document.practice)):
        key = getattr(args, flag)
        if key is not None:
            if key not in known:
                parser.error(f"--{flag} {key}: no such {flag} (one of: {', '.join(sorted(known))})")
            return [make(catalog, key)]
    return [document.catalogue(catalog)]


class _Progress:
    """A progress bar on a terminal (parts laid out, documents joined); nothing when stderr is not one."""

    def __init__(self, documents: int) -> None:
        self.label = f"{documents} document{'s' if documents != 1 else ''}"
        self.shown = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.shown:
            return
        width = 30
        filled = width * done // max(total, 1)
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} steps, {self.label}", end="",
              file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Write the PDFs asked for into downloads/ (or -o FILE); exit 1 with the validator's messages on bad
    content, leaving no PDF written."""
    parser = argparse.ArgumentParser(description=__doc__)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--theme", metavar="KEY", help="one theme's practices: downloads/theme-KEY.pdf")
    which.add_argument("--partner", metavar="KEY", help="one partner's practices: downloads/partner-KEY.pdf")
    which.add_argument("--practice", metavar="ID", help="one practice: downloads/practice-ID.pdf")
    which.add_argument("--all", action="store_true", help="the catalogue, every theme and every partner")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the one document to FILE")
    parser.add_argument("--practices", type=Path, default=ROOT / "practices", help="the practices folder")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml",
                        help="mkdocs.yml, read for the site's name and author (MkDocs is not run)")
    parser.add_argument("--downloads", type=Path, default=ROOT / "site" / "downloads",
                        help="the folder the documents go in (default: site/downloads)")
    parser.add_argument("--chunk", type=int, default=CHUNK, metavar="N",
                        help=f"practices laid out at once (default {CHUNK}; memory grows with it)")
    args = parser.parse_args(argv)
    if args.chunk < 1:
        parser.error("--chunk must be at least 1")
    if args.all and args.output:
        parser.error("-o FILE writes one document; --all writes many (use --downloads DIR)")
    result = pipeline.build(args.practices, trees=True)
    if result.catalog is None:
        for problem in result.problems:
            print(problem)
        print(f"{count(result.problems)}: no PDF was written.", file=sys.stderr)
        return 1
    selections = _selections(parser, args, result.catalog)
    try:
        site = site_settings(args.config_file, result.catalog)
    except ValueError as error:
        print(f"{error}: no PDF was written.", file=sys.stderr)
        return 1
    progress = _Progress(len(selections))
    try:
        for selection, write in pdfs(result.catalog, selections, site, args.chunk, progress):
            write_file(write, args.output or args.downloads / selection.file_name)
    except RuntimeError as error:  # e.g. a site image Typst cannot read: the documents written so far stay
        progress.close()
        print(f"{selections[0].file_name if len(selections) == 1 else 'PDF export'}: {error}", file=sys.stderr)
        return 1
    progress.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
