"""The pipeline: read the practices folder, validate everything, and return the frozen catalogue."""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import os
import re
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import names
from .load import Source, parse_practice, read_bytes, read_registry
from .model import Catalog, Partner, Practice
from .problems import ContentError, Problem
from .registry import build_partners, build_themes
from .schema import plain_fields
from .validate import Context, check_links_between, check_practice

REGISTRIES = ("themes.yml", "partners.yml")
#: The files of the practices folder that are not practices: the registries, and the JSON Schema made from them.
NOT_PRACTICES = (*REGISTRIES, "practice.schema.json")


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

    checked: dict[tuple[str, bytes, Context, bool], Checked] = field(default_factory=dict)


def shown_path(path: Path, root: Path) -> str:
    """Return how a file is named in messages: relative to the project root, with forward slashes."""
    try:  # absolute(), not resolve(): a symbolic link is named as itself
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _unread(name: str) -> bool:
    """Tell whether a name is a hidden or backup file's (an editor's or the system's), which is not read."""
    return name.startswith(".") or name.endswith("~")


def practice_files(folder: Path) -> list[Path]:
    """List what a folder holds to be read as practices, sorted: every entry but NOT_PRACTICES, subfolders,
    and hidden or backup files. Names that are not practice ids, and links (to folders too), are listed so
    that they are reported; `unread_files` reports the rest."""
    return sorted(p for p in folder.iterdir()
                  if p.name not in NOT_PRACTICES and not _unread(p.name) and (p.is_symlink() or not p.is_dir()))


def unread_files(folder: Path) -> list[Problem]:
    """Report what `practice_files` leaves out, so that nothing is skipped silently: every file in a subfolder
    (an error: a practice there would never be published), hidden and backup files (warnings)."""
    root = folder.parent
    problems = []
    for entry in sorted(folder.iterdir()):
        shown = shown_path(entry, root)
        if _unread(entry.name):
            problems.append(Problem(shown, 1, "file", "is a hidden or backup file, which the build does not read "
                                    "(delete it, or name a practice <id>.md)", warning=True))
        elif entry.is_dir() and not entry.is_symlink():
            problems += _in_subfolder(entry, folder, root)
    return problems


def _in_subfolder(subfolder: Path, folder: Path, root: Path) -> list[Problem]:
    """Report every file under a subfolder of the practices folder (links are not followed)."""
    problems = []
    for parent, folders, names in os.walk(subfolder):
        folders.sort()
        for name in sorted(names) + [f for f in folders if (Path(parent) / f).is_symlink()]:
            path = Path(parent) / name
            fix = (f"move it to {shown_path(folder / name, root)}" if name.endswith((".md", ".markdown"))
                   else "delete it: practices/ holds the practices and the two registries only")
            problems.append(Problem(shown_path(path, root), 1, "file", f"is in a subfolder of practices/, which "
                                    f"the build does not read ({fix})"))
    if not problems:  # nothing inside, but a folder named like a practice must not pass unseen either
        problems.append(Problem(shown_path(subfolder, root), 1, "file", "is an empty folder, which the build does "
                                "not read (delete it)"))
    return problems


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
        body_html=clean["body"].html, headings=clean["body"].headings, passages=clean["body"].passages,
        placeholders=clean["body"].placeholders, tree=clean["body"].tree,
        extra=tuple((f.name, clean[f.name]) for f in plain_fields() if clean.get(f.name) is not None),
    )


def check_file(raw: bytes, shown: str, name: str, ctx: Context, trees: bool = False) -> Checked:
    """Parse and check one practice file's bytes; whatever goes wrong is a problem of this file alone. The body's
    tree is kept only with `trees` (for the PDFs): the rest of the site reads what was worked out from it."""
    try:
        source, problems = parse_practice(raw, shown, name)
        if source is None:
            return None, {}, problems
        clean, more = check_practice(source, ctx)
        source = dataclasses.replace(source, body="")  # checked and rendered: only the results are needed now
        if not trees and clean.get("body") is not None:
            clean["body"] = dataclasses.replace(clean["body"], tree=None)
    except Exception as error:  # the last line of defence: the limits exist so that this never runs
        return None, {}, [Problem(shown, 1, "file", f"could not be checked ({type(error).__name__}; please report "
                                                    "this file to the maintainers)")]
    return source, clean, _first(problems + more)


#: The most problems shown for one file; a file with more is best fixed from the top first.
MAX_PROBLEMS = 100


def _first(problems: list[Problem]) -> list[Problem]:
    """Keep a file's first MAX_PROBLEMS problems, and say how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    problems = sorted(problems)
    last = problems[MAX_PROBLEMS - 1]
    return problems[:MAX_PROBLEMS] + [Problem(last.path, last.line, "file", f"and {len(problems) - MAX_PROBLEMS:,} "
                                              "more problems after this line (fix these first)")]


#: With fewer files to check than this, a worker process would cost more time than it saves.
PARALLEL_FROM = 100


def check_files(files: list[tuple[bytes, str, str]], ctx: Context, pool: Executor | None = None,
                trees: bool = False) -> list[Checked]:
    """Check practice files given as (bytes, shown path, file name), in order; with a pool, its worker checks
    the second half meanwhile."""
    if pool is None or len(files) < PARALLEL_FROM:
        return _check_all(files, ctx, trees)
    half = len(files) // 2
    later = pool.submit(_check_all, files[half:], ctx, trees)
    return _check_all(files[:half], ctx, trees) + later.result()


def _check_all(files: list[tuple[bytes, str, str]], ctx: Context, trees: bool) -> list[Checked]:
    return [check_file(raw, shown, name, ctx, trees) for raw, shown, name in files]


def _name_taken(problem: Problem, folder: Path) -> Problem:
    """Say so where a file name's suggested new name is another practice's ('Flemish-Cluster-Programme.md')."""
    target = re.search(r"\(rename it to '([^'/]+\.md)'", problem.message) if problem.field == "file name" else None
    other = folder / target.group(1) if target else None
    if other is None or not other.exists() or shown_path(other, folder.parent) == problem.path:
        return problem
    return dataclasses.replace(problem, message=f"{problem.message[:-1]}; but {shown_path(other, folder.parent)} "
                                                "is another practice: give this one its own name, or edit that file)")


def build(folder: Path, extra: list[Path] = (), cache: Cache | None = None, pool: Executor | None = None,
          changed: frozenset[str] = frozenset(), trees: bool = False) -> Result:
    """Read and check `folder` (its registries and every practice, plus `extra` files) into a Result.

    A title repeated between a `changed` file (by shown path) and another is reported on the changed one.

    With a cache, files whose bytes (and registries) are unchanged since the last build are not checked again;
    with a pool, a worker process checks half of the others. With `trees`, each practice keeps its body's tree,
    which the PDFs lay out."""
    root = folder.parent
    themes_doc, problems = read_registry(folder / "themes.yml", shown_path(folder / "themes.yml", root))
    partners_doc, more = read_registry(folder / "partners.yml", shown_path(folder / "partners.yml", root))
    problems += more
    themes, more = build_themes(themes_doc, shown_path(folder / "themes.yml", root)) if themes_doc else ((), [])
    problems += more
    partners, more = build_partners(partners_doc, shown_path(folder / "partners.yml", root)) if partners_doc else ((), [])
    problems += more
    ctx = Context(tuple(t.key for t in themes), tuple(p.key for p in partners), *names.aliases(themes, partners))
    problems += unread_files(folder)
    files: list[tuple[tuple[str, bytes, Context, bool], bytes, str]] = []  # (cache key, bytes, file name)
    for path in [*practice_files(folder), *extra]:
        shown = shown_path(path, root)
        raw, more = read_bytes(path, shown)
        problems += more
        if raw is not None:
            files.append(((shown, hashlib.blake2b(raw, digest_size=16).digest(), ctx, trees), raw, path.name))
    known = cache.checked if cache is not None else {}
    new = iter(check_files([(raw, key[0], name) for key, raw, name in files if key not in known], ctx, pool, trees))
    checked: list[tuple[Source, dict[str, Any]]] = []
    fresh: dict[tuple[str, bytes, Context, bool], Checked] = {}
    for key, _raw, _name in files:
        source, clean, more = fresh[key] = known[key] if key in known else next(new)
        problems += more
        if source is not None:
            checked.append((source, clean))
    if cache is not None:
        cache.checked = fresh  # only the files of this build
    problems += check_links_between(checked, changed)
    problems = [_name_taken(p, folder) for p in problems]
    problems.sort()
    if any(not p.warning for p in problems):
        return Result(None, tuple(problems))
    by_key = {p.key: p for p in partners}
    practices = tuple(sorted((_practice(s, c, by_key) for s, c in checked), key=lambda p: p.id))
    return Result(Catalog(themes, partners, practices), tuple(problems))


#: The timestamp of a catalogue that has no `updated` date: 1980-01-01, the earliest a zip file can hold.
FIXED_EPOCH = 315_532_800


def source_date_epoch(catalog: Catalog) -> int:
    """Return the build's timestamp from the content, never the clock: the latest `updated` date, else FIXED_EPOCH."""
    if catalog.last_updated is None:
        return FIXED_EPOCH
    return calendar.timegm((*catalog.last_updated.first_day(), 0, 0, 0))


def load(folder: Path, cache: Cache | None = None, pool: Executor | None = None, trees: bool = False
         ) -> tuple[Catalog, tuple[Problem, ...]]:
    """Return the catalogue and its warnings, or raise ContentError listing every error (`trees`: see build)."""
    result = build(folder, cache=cache, pool=pool, trees=trees)
    if result.catalog is None:
        raise ContentError(result.problems)
    return result.catalog, tuple(p for p in result.problems if p.warning)
