"""Time the site build with and without the project's hooks.

    make bench            (or: .venv/bin/python tools/bench.py [--runs N])

Builds the whole site (all languages) as configured, and again with `hooks: []`
(the same pages, with the data markers left in place as HTML comments), each
in a fresh Python process, alternating, `--runs` times each. Prints the median
wall-clock time of each, their ratio, the number of pages and the largest
page. The target is a ratio of at most 1.15.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds per variant (default 3)")
    args = parser.parse_args()

    times: dict[str, list[float]] = {"with": [], "without": []}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        sites = {variant: Path(tmp) / variant for variant in times}
        for run in range(args.runs):
            for variant in times:
                times[variant].append(one_build(variant, sites[variant]))
            print(f"run {run + 1}/{args.runs}: with hooks {times['with'][-1]:.2f} s, "
                  f"without {times['without'][-1]:.2f} s", flush=True)
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


if __name__ == "__main__":
    main()
