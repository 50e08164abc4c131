"""Build the site into a fresh folder and swap it into place only when the whole build succeeded."""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from goodpractices.catalog import FIXED_EPOCH
from goodpractices.render.downloads import OFFLINE_NOTE, ZIP_BLOCK, ZIP_SIZE, size_label

ROOT = Path(__file__).resolve().parent.parent

#: renameat2's flag that swaps two paths in one step (Linux 3.15 and later, on the usual file systems).
RENAME_EXCHANGE = 2
AT_FDCWD = -100
#: The latest time a zip entry can carry.
ZIP_LAST = (2107, 12, 31, 23, 59, 58)
#: The switch mkdocs.yml gives the plugin's `pdfs` setting (`pdfs: !ENV [GOODPRACTICES_MAKE_PDFS, false]`).
MAKE_PDFS = "GOODPRACTICES_MAKE_PDFS"


def write_zip(site: Path, target: Path, epoch: int) -> None:
    """Zip the site for offline use, byte-identical for the same files (sorted, fixed dates and modes); the zip
    appears whole or not at all.

    It unpacks into one folder named as the zip without `.zip` (good-practices-site/), with index.html at its
    top. Its copy of the Downloads page says it is the offline copy instead of linking to the zip it is in;
    the site's own copy then gets the zip's size (`fill_zip_size`)."""
    stamp = min(max(time.gmtime(epoch)[:6], (1980, 1, 1, 0, 0, 0)), ZIP_LAST)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.new")
    folder = target.name.removesuffix(".zip") or "site"
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            name = path.relative_to(site).as_posix()
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            data = path.read_bytes()
            archive.writestr(info, offline_downloads_page(data) if name == DOWNLOADS_PAGE else data)
    os.replace(partial, target)


#: The Downloads page, whose offline copy holds no link to the zip, and whose online copy gives its size.
DOWNLOADS_PAGE = "downloads/index.html"


def offline_downloads_page(html: bytes) -> bytes:
    """Return the Downloads page with the zip's paragraph replaced by a note that this is the offline copy."""
    start, end = (part.encode() for part in ZIP_BLOCK)
    first = html.find(start)
    last = html.find(end, first)
    if first < 0 or last < 0:
        return html
    return html[:first] + OFFLINE_NOTE.encode() + html[last + len(end):]


def fill_zip_size(site: Path, size: int) -> None:
    """Write the zip's size into the site's Downloads page, where the page left room for it."""
    page = site / DOWNLOADS_PAGE
    if page.is_file():
        html = page.read_bytes()
        filled = f'<span class="gp-size" data-gp-zip-size> ({size_label(size)})</span>'.encode()
        page.write_bytes(html.replace(ZIP_SIZE.encode(), filled, 1))


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux's renameat2 with RENAME_EXCHANGE); False if the system or the
    file system cannot, and nothing was changed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def swap_in(staging: Path, target: Path) -> None:
    """Put the staging folder in the target's place; the old site ends in the staging folder's place.

    With an atomic exchange there is no moment without a target. Where the system has none, two renames are
    used, and the old site waits as `.<target>.old` until the next build's `recover` puts it back or removes it."""
    if not os.path.lexists(target):
        os.rename(staging, target)
    elif not exchange(staging, target):
        retired = retired_path(target)
        os.rename(target, retired)
        try:
            os.rename(staging, target)
        except OSError:
            os.rename(retired, target)
            raise
        os.rename(retired, staging)


def retired_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover(target: Path) -> None:
    """Undo what a killed build left: put a retired site back if there is no site, remove staging folders."""
    retired = retired_path(target)
    if os.path.lexists(retired):
        if os.path.lexists(target):
            remove(retired)
        else:
            os.rename(retired, target)
    for leftover in target.parent.glob(f".{target.name}.new-*"):
        remove(leftover)


def remove(path: Path) -> None:
    """Remove a folder with its contents, or a file or link; nothing if it is gone."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold a lock on the folder that holds the site, so that two builds never clean up after each other; the
    system releases it when the process ends, however it ends."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: one build at a time is the user's care
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for the other build in {folder.name}/ to end", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def main(argv: list[str] | None = None) -> int:
    """Run a strict `mkdocs build` into a temporary folder beside the target; swap on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", "-d", type=Path, default=None, help="default: site/ beside mkdocs.yml")
    parser.add_argument("--zip", type=Path, default=None, help="also write the site as a zip for offline use")
    parser.add_argument("--pdfs", action="store_true",
                        help="lay out every PDF from the catalogue the build checks (mkdocs.yml's `pdfs` setting reads "
                             f"{MAKE_PDFS}; a preview makes none)")
    args = parser.parse_args(argv)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch and not epoch.isdigit():
        print(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}", file=sys.stderr)
        return 2
    config = args.config_file.resolve()
    target = (args.site_dir or config.parent / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with locked(target.parent):
        recover(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # a site folder as `mkdir` makes it, not mkdtemp's private 0700
        try:
            # --strict always, and never -q: MkDocs counts warnings only at the log levels it shows.
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
                       "--site-dir", str(staging)]
            env = {**os.environ, MAKE_PDFS: "true"} if args.pdfs else os.environ.copy()
            status = subprocess.run(command, cwd=config.parent, env=env).returncode
            if status != 0:
                print(f"build failed: {target.name}/ was left as it was", file=sys.stderr)
                return status
            if args.zip:  # from the new site, before it takes the old one's place
                write_zip(staging, args.zip.resolve(), int(epoch) if epoch else FIXED_EPOCH)
                fill_zip_size(staging, args.zip.resolve().stat().st_size)
            try:
                swap_in(staging, target)
            except OSError as error:  # e.g. site/ is a mount point, which no rename can replace
                print(f"build failed: {target.name}/ cannot be replaced ({error.strerror}); it was left as it "
                      "was (build with --site-dir into a folder that is not a mount point)", file=sys.stderr)
                return 1
            return 0
        finally:
            remove(staging)  # the failed build, or the old site after the swap


if __name__ == "__main__":
    raise SystemExit(main())
