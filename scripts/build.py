"""Build the site into a fresh folder and swap it into place only when the whole build succeeded."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run a strict `mkdocs build` into a temporary folder beside the target; swap on success."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", "-d", type=Path, default=None, help="default: site/ beside mkdocs.yml")
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
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
