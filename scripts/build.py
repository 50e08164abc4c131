"""Build the site into a fresh folder and swap it into place only when the whole build succeeded."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_zip(site: Path, target: Path) -> None:
    """Zip the site for offline use, byte-identical for the same files (sorted, fixed dates and modes)."""
    stamp = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")))[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{site.name}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    """Run a strict `mkdocs build` into a temporary folder beside the target; swap on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", "-d", type=Path, default=None, help="default: site/ beside mkdocs.yml")
    parser.add_argument("--zip", type=Path, default=None, help="also write the site as a zip for offline use")
    args = parser.parse_args(argv)
    config = args.config_file.resolve()
    target = (args.site_dir or config.parent / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        # --strict always, and never -q: MkDocs counts warnings only at the log levels it shows.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
                   "--site-dir", str(staging)]
        status = subprocess.run(command, cwd=config.parent, env=os.environ.copy()).returncode
        if status != 0:
            print(f"build failed: {target.name}/ was left as it was", file=sys.stderr)
            return status
        retired = target.with_name(f".{target.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        if target.exists():
            target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired, ignore_errors=True)
        if args.zip:
            write_zip(target, args.zip.resolve())
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
