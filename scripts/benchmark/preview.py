"""The live preview: serve a project, edit one practice and time until the rebuilt page is served."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from goodpractices.siteinfo import mkdocs_settings

from .measure import ENV
from .projects import Workspace


@dataclass(frozen=True)
class Preview:
    """A project to preview, the practice source file to edit in it, and that practice's page."""

    project: Path
    source: Path
    page: str


def previews(ws: Workspace, practice_id: str) -> dict[str, Preview]:
    """Return the full site's and the baseline's preview of the same practice."""
    page = f"practices/{practice_id}.html"
    return {
        "full": Preview(ws.full, ws.full / "practices" / f"{practice_id}.md", page),
        "baseline": Preview(ws.baseline, ws.baseline / "docs" / "practices" / f"{practice_id}.md", page),
    }


def free_port() -> int:
    """Return a loopback port that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, deadline: float) -> str | None:
    """GET a page (None until the server answers), giving up with an error after the deadline."""
    if time.perf_counter() > deadline:
        raise RuntimeError(f"{url} did not answer in time")
    try:
        with urllib.request.urlopen(url, timeout=max(1.0, deadline - time.perf_counter())) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, token: str, present: bool, limit: float) -> None:
    """Wait until the page is served with `token` in it (present) or without it, for at most `limit` seconds."""
    deadline = time.perf_counter() + limit
    while True:
        page = fetch(url, deadline)
        if page is not None and (token in page) == present:
            return
        time.sleep(0.02)


def edit_to_rebuilt(preview: Preview, runs: int, log: Path, limit: float) -> list[float]:
    """Serve a project, edit one practice `runs` times and return the seconds until each edit is served."""
    port = free_port()
    # `mkdocs serve` serves the site under the path of its site_url, as it will be published.
    config = mkdocs_settings(preview.project / "mkdocs.yml")
    mount = urlsplit(config.get("site_url") or "/").path.rstrip("/")
    url = f"http://127.0.0.1:{port}{mount}/{preview.page}"
    original = preview.source.read_bytes()
    argv = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    seconds: list[float] = []
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(argv, cwd=preview.project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.perf_counter() + limit
            while fetch(url, deadline) is None:
                if server.poll() is not None:
                    raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}")
                time.sleep(0.1)
            for run in range(1, runs + 1):
                token = f"benchmark-edit-{run}-{time.time_ns()}"
                preview.source.write_bytes(original + f"\n\nEdited by the benchmark ({token}).\n".encode())
                start = time.perf_counter()
                wait_for(url, token, True, limit)
                seconds.append(time.perf_counter() - start)
        finally:
            preview.source.write_bytes(original)
            if len(seconds) == runs:
                # Let the restored source be rebuilt first: a rebuild still writing when MkDocs stops would
                # write into the temporary site after MkDocs has removed it.
                wait_for(url, token, False, limit)
            server.send_signal(signal.SIGINT)  # as Ctrl-C: MkDocs then removes its temporary site
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return seconds
