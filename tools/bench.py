"""Time the site build with and without the project's hooks.

    make bench            (or: .venv/bin/python tools/bench.py [--runs N])

Builds the whole site (all languages) as configured, and again with `hooks: []`
(the same pages, with the data markers left in place as HTML comments), each
in a fresh Python process, alternating, `--runs` times each. Prints the median
wall-clock time of each, their ratio, the number of pages and the largest
page. The target is a ratio of at most 1.15.

Then times printing every PDF handout of every language from the built site
(target 15 s), and runs `make serve LANG=da` on a copy of the project to time,
`--runs` times, how long a saved page takes to show up: the translator's preview.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.15

# Run in a child process: load the configuration (optionally without hooks) and build.
CHILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
overrides = {"site_dir": sys.argv[1], "strict": False}
if sys.argv[2] == "without":
    overrides["hooks"] = []
build(load_config("mkdocs.yml", **overrides))
"""


def one_build(variant: str, site_dir: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(site_dir), variant],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build {variant} hooks failed:\n{result.stderr[-3000:]}")
    return elapsed


TRANSLATIONS = ["da", "lt", "sv", "no", "et"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def time_handouts(site: Path, cache: Path) -> float:
    """Seconds to print every handout of every language from an already built site."""
    env = {**os.environ, "PEERGUIDE_CACHE": str(cache)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "handouts.py"), "--site", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the handouts failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def serve_rebuilds(lang: str, edits: int) -> list[float]:
    """`make serve LANG=<lang>` in a copy of the project: seconds from saving a page
    until the server sends the changed page, once per edit."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = Path(tmp)
        for name in ("docs", "overrides", "hooks"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        port = _free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.update({f"PEERGUIDE_BUILD_{code.upper()}": "false" for code in TRANSLATIONS if code != lang})
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/{lang}/"
        try:
            deadline = time.monotonic() + 120
            while _fetch(url) is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("mkdocs serve did not start")
                time.sleep(0.1)
            page = project / "docs" / lang / "index.md"
            original = page.read_text(encoding="utf-8")
            times = []
            for edit in range(edits):
                time.sleep(1.0)  # let the watcher settle after the previous build
                marker = f"bench-edit-{edit}-{time.time_ns()}"
                start = time.perf_counter()
                page.write_text(original + f"\n{marker}\n", encoding="utf-8")
                while marker not in (_fetch(url) or ""):
                    if time.perf_counter() - start > 60:
                        sys.exit("the edit never showed up")
                    time.sleep(0.02)
                times.append(time.perf_counter() - start)
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (default 3)")
    parser.add_argument("--serve-lang", default="da", help="language of the serve measurement (default da)")
    args = parser.parse_args()

    times: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        sites = {variant: Path(tmp) / variant for variant in times}
        for run in range(args.runs):
            for variant in times:
                times[variant].append(one_build(variant, sites[variant]))
            print(f"run {run + 1}/{args.runs}: with hooks {times['with'][-1]:.2f} s, "
                  f"without {times['without'][-1]:.2f} s", flush=True)
        handout_seconds = time_handouts(sites["with"], Path(tmp) / "cache")
        pages = sorted(sites["with"].rglob("*.html"), key=lambda p: p.stat().st_size)
        largest = pages[-1]
        largest_name = largest.relative_to(sites["with"]).as_posix()
        largest_size = largest.stat().st_size

    with_hooks = statistics.median(times["with"])
    without = statistics.median(times["without"])
    ratio = with_hooks / without
    print()
    print(f"build with hooks     {with_hooks:6.2f} s  (median of {args.runs})")
    print(f"build without hooks  {without:6.2f} s  (median of {args.runs})")
    print(f"ratio                {ratio:6.3f}    target <= {TARGET}: {'met' if ratio <= TARGET else 'NOT met'}")
    print(f"pages                {len(pages):6d}    (HTML files, all languages)")
    print(f"largest page         {largest_size / 1024:6.1f} KiB  {largest_name}")

    print(f"handouts            {handout_seconds:6.2f} s  all handouts of all languages, printed from the "
          f"built site ({os.cpu_count()} processes); target <= 15 s: {'met' if handout_seconds <= 15 else 'NOT met'}")

    rebuilds = serve_rebuilds(args.serve_lang, args.runs)
    print(f"serve LANG={args.serve_lang:<9}  {statistics.median(rebuilds):6.2f} s  "
          f"from saving a page to the server sending it (median of {len(rebuilds)}: "
          f"{', '.join(f'{t:.2f}' for t in rebuilds)})")


if __name__ == "__main__":
    main()
