"""Walk a source folder without following links, to find the symbolic links that must not be published."""

from __future__ import annotations

import os
from pathlib import Path


def symlinks(folder: Path) -> list[str]:
    """Return every symbolic link (to a file or a folder) under `folder`, as sorted paths relative to its parent."""
    found = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        for name in dirs + names:
            path = Path(top) / name
            if path.is_symlink():
                found.append(path.relative_to(folder.parent).as_posix())
    return sorted(found)
