"""The pipeline: read the practices folder, validate everything, and return the frozen catalogue."""

from __future__ import annotations

import hashlib
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .load import Source, parse_practice, read_bytes, read_registry
from .model import Catalog, Partner, Practice
from .problems import ContentError, Problem
from .registry import build_partners, build_themes
from .validate import Context, check_links_between, check_practice

PRACTICE_SUFFIXES = (".md", ".markdown")
REGISTRIES = ("themes.yml", "partners.yml")


@dataclass(frozen=True)
class Result:
    """A catalogue (None if there are errors) and every problem found, sorted by file and line."""

    catalog: Catalog | None
    problems: tuple[Problem, ...]


#: One practice file, checked: its source (None if unreadable), clean values and problems.
Checked = tuple[Source | None, dict[str, Any], list[Problem]]


@dataclass
class Cache:
    """Checked practice files by path, content and registries, kept between the rebuilds of `mkdocs serve`.

    Only a preview keeps it: a one-off build lets each file's parsed YAML go once its practice is made."""

    checked: dict[tuple[str, bytes, Context], Checked] = field(default_factory=dict)


def shown_path(path: Path, root: Path) -> str:
    """Return how a file is named in messages: relative to the project root, with forward slashes."""
    try:  # absolute(), not resolve(): a symbolic link is named as itself
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def practice_files(folder: Path) -> list[Path]:
    """List the practice files of a folder, sorted (Markdown files; the registries are YAML)."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in PRACTICE_SUFFIXES and not p.is_dir())


def _practice(source: Source, clean: dict[str, Any], partners: dict[str, Partner]) -> Practice:
    end = clean.get("end")
    catalog_partner = partners[clean["partner"]]
    return Practice(
        id=source.id, source=source.path, title=clean["title"], theme=clean["theme"], partner=clean["partner"],
        summary=clean["summary"], country=clean.get("country") or catalog_partner.country,
        region=clean.get("region"), institution=clean.get("institution"), start=clean.get("start"),
        end=None if end == "ongoing" else end, ongoing=end == "ongoing", status=clean.get("status"),
        budget_eur=clean.get("budget_eur"), keywords=clean.get("keywords", ()),
        inspired_by=clean.get("inspired_by", ()),
        transfers=tuple(sorted(clean.get("transferability", ()), key=lambda t: partners[t.partner].number)),
        contact=clean.get("contact"), links=clean.get("links", ()), updated=clean.get("updated"),
        body=source.body,
    )


def check_file(raw: bytes, shown: str, name: str, ctx: Context) -> Checked:
    """Parse and check one practice file's bytes; whatever goes wrong is a problem of this file alone."""
    try:
        source, problems = parse_practice(raw, shown, name)
        if source is None:
            return None, {}, problems
        clean, more = check_practice(source, ctx)
    except Exception as error:  # the last line of defence: the limits exist so that this never runs
        return None, {}, [Problem(shown, 1, "file", f"could not be checked ({type(error).__name__}; please report "
                                                    "this file to the maintainers)")]
    return source, clean, problems + more


#: With fewer files to check than this, a worker process would cost more time than it saves.
PARALLEL_FROM = 100


def check_files(files: list[tuple[bytes, str, str]], ctx: Context, pool: Executor | None = None) -> list[Checked]:
    """Check practice files given as (bytes, shown path, file name), in order; with a pool, its worker checks
    the second half meanwhile."""
    if pool is None or len(files) < PARALLEL_FROM:
        return _check_all(files, ctx)
    half = len(files) // 2
    later = pool.submit(_check_all, files[half:], ctx)
    return _check_all(files[:half], ctx) + later.result()


def _check_all(files: list[tuple[bytes, str, str]], ctx: Context) -> list[Checked]:
    return [check_file(raw, shown, name, ctx) for raw, shown, name in files]


def build(folder: Path, extra: list[Path] = (), cache: Cache | None = None, pool: Executor | None = None) -> Result:
    """Read and check `folder` (its registries and every practice, plus `extra` files) into a Result.

    With a cache, files whose bytes (and registries) are unchanged since the last build are not checked again;
    with a pool, a worker process checks half of the others."""
    root = folder.parent
    themes_doc, problems = read_registry(folder / "themes.yml", shown_path(folder / "themes.yml", root))
    partners_doc, more = read_registry(folder / "partners.yml", shown_path(folder / "partners.yml", root))
    problems += more
    themes, more = build_themes(themes_doc, shown_path(folder / "themes.yml", root)) if themes_doc else ((), [])
    problems += more
    partners, more = build_partners(partners_doc, shown_path(folder / "partners.yml", root)) if partners_doc else ((), [])
    problems += more
    ctx = Context(tuple(t.key for t in themes), tuple(p.key for p in partners))
    files: list[tuple[tuple[str, bytes, Context], bytes, str]] = []  # (cache key, bytes, file name)
    for path in [*practice_files(folder), *extra]:
        shown = shown_path(path, root)
        raw, more = read_bytes(path, shown)
        problems += more
        if raw is not None:
            files.append(((shown, hashlib.blake2b(raw, digest_size=16).digest(), ctx), raw, path.name))
    known = cache.checked if cache is not None else {}
    new = iter(check_files([(raw, key[0], name) for key, raw, name in files if key not in known], ctx, pool))
    checked: list[tuple[Source, dict[str, Any]]] = []
    fresh: dict[tuple[str, bytes, Context], Checked] = {}
    for key, _raw, _name in files:
        source, clean, more = fresh[key] = known[key] if key in known else next(new)
        problems += more
        if source is not None:
            checked.append((source, clean))
    if cache is not None:
        cache.checked = fresh  # only the files of this build
    problems += check_links_between(checked)
    problems.sort()
    if any(not p.warning for p in problems):
        return Result(None, tuple(problems))
    by_key = {p.key: p for p in partners}
    practices = tuple(sorted((_practice(s, c, by_key) for s, c in checked), key=lambda p: p.id))
    return Result(Catalog(themes, partners, practices), tuple(problems))


def load(folder: Path, cache: Cache | None = None, pool: Executor | None = None
         ) -> tuple[Catalog, tuple[Problem, ...]]:
    """Return the catalogue and its warnings, or raise ContentError listing every error."""
    result = build(folder, cache=cache, pool=pool)
    if result.catalog is None:
        raise ContentError(result.problems)
    return result.catalog, tuple(p for p in result.problems if p.warning)
