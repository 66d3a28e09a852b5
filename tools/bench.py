"""Measure the performance budget: builds, the translators' preview, first page loads,
Lighthouse, handouts. One run prints one Markdown table; targets missed are marked.

    make bench            (or: .venv/bin/python tools/bench.py [options])
    make bench ARGS=--readme      also write the table into README.md ("Performance")

What it measures, each on a copy of nothing (the project is only read):

- build: `mkdocs build --strict` of every language, as configured, and `mkdocs build` with
  `hooks: []` (the same pages, markers left in place as HTML comments; not strict, as
  the anchors the hooks write are missing), each in a fresh Python process,
  alternating in pairs (the noise between single runs here is larger than the gap between
  the two). The first build, with an empty cache, is reported on its own; the pairs run with
  the cache it left, as every build after the first does.
- serve: `mkdocs serve` with English and one language (what `make serve LANG=da` runs) on
  a copy of the project; seconds from saving a page, then a data file, until the server
  sends the changed page.
- first load: every measured page opened in Chromium (phone viewport, browser cache off)
  from tools/staticserver.py, the gzip-serving server the browser tests use: requests,
  bytes transferred (headers included), scripts, and whether anything for search loaded.
- Lighthouse (npm `lighthouse` in tools/lighthouse, Debian's Chromium): mobile, the default
  simulated slow 4G, on the same server; the median of three runs per page.
- handouts: printing every PDF handout of every language from the built site.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from staticserver import StaticServer  # noqa: E402

LANGUAGES = ["en", "da", "lt", "sv", "no", "et"]
TRANSLATIONS = LANGUAGES[1:]
PAGES = {"home": "", "models": "models/", "checklist": "checklist/", "country": "countries/denmark/"}
LIGHTHOUSE_LANGUAGES = ["en", "da", "lt"]
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"

# The budget (issue 11). Bytes are what the server sends with gzip, headers included.
TARGETS = {
    "ratio": 1.15,
    "strict_build_s": 3.0,
    "serve_s": 1.0,
    "first_load_bytes": 100_000,
    "first_load_requests": 12,
    "lighthouse_performance": 98,
    "lighthouse_other": 100,
    "cls": 0.0,
    "handouts_s": 15.0,
}

# Run in a child process: load the configuration (optionally without hooks) and build,
# timing Pagefind (run by hooks/search_index.py) on the way.
CHILD = """
import subprocess, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
run, spent = subprocess.run, []
def timed_run(args, *rest, **kwargs):
    start = time.perf_counter()
    try:
        return run(args, *rest, **kwargs)
    finally:
        if "pagefind" in args:
            spent.append(time.perf_counter() - start)
subprocess.run = timed_run
import logging
with_hooks = sys.argv[2] == "with"
# Without hooks, the links to anchors that the hooks write are missing: strict only with them.
logging.basicConfig(level=logging.WARNING if with_hooks else logging.ERROR, format="%(levelname)s %(message)s")
overrides = {"site_dir": sys.argv[1], "strict": with_hooks}
if not with_hooks:
    overrides["hooks"] = []
build(load_config("mkdocs.yml", **overrides))
print("PAGEFIND", sum(spent))
"""


@dataclass
class Row:
    """One line of the table: what, the measurement, the target, and whether it is met."""
    what: str
    value: str
    target: str = ""
    met: bool | None = None

    def markdown(self) -> str:
        mark = "" if self.met is None else ("met" if self.met else "**missed**")
        return f"| {self.what} | {self.value} | {self.target} | {mark} |"


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, what: str, value: str, target: str = "", met: bool | None = None) -> None:
        row = Row(what, value, target, met)
        self.rows.append(row)
        print(row.markdown(), flush=True)

    def table(self) -> str:
        lines = ["| Measure | Value | Target | |", "|---|---|---|---|"]
        return "\n".join(lines + [row.markdown() for row in self.rows])


def span(values: list, form: str) -> str:
    """"3" or "3–5": the range of a measure over the languages."""
    low, high = form.format(min(values)), form.format(max(values))
    return low if low == high else f"{low}–{high}"


def spread(values: list[float], unit: str = "s") -> str:
    """min / median / max, as the table shows them."""
    return (f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}{' ' + unit if unit else ''} "
            f"(min / median / max of {len(values)})")


# ---- builds -----------------------------------------------------------------------------

def one_build(variant: str, site_dir: Path, cache: Path, site_url: str) -> tuple[float, float]:
    """Seconds for one build in a fresh process, and the seconds Pagefind took in it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEERGUIDE_CACHE": str(cache), "SITE_URL": site_url}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHILD, str(site_dir), variant],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build {variant} hooks failed:\n{result.stderr[-3000:]}")
    pagefind = float(re.search(r"^PAGEFIND (\S+)", result.stdout, re.M).group(1))
    return elapsed, pagefind


def bench_builds(results: Results, work: Path, pairs: int, site_url: str) -> Path:
    """Cold build, then alternating pairs; returns the site built with hooks."""
    cache, site, plain = work / "cache", work / "site", work / "site-without-hooks"
    cold, _ = one_build("with", site, cache, site_url)
    results.add("Build, first (empty cache)", f"{cold:.2f} s")
    if not pairs:
        return site
    times: dict[str, list[float]] = {"with": [], "without": []}
    pagefind: list[float] = []
    for run in range(pairs):
        # Alternate which variant goes first, so that neither always follows the other.
        for variant in (("with", "without") if run % 2 == 0 else ("without", "with")):
            elapsed, indexing = one_build(variant, site if variant == "with" else plain, cache, site_url)
            times[variant].append(elapsed)
            if variant == "with":
                pagefind.append(indexing)
        print(f"  pair {run + 1}/{pairs}: with hooks {times['with'][-1]:.2f} s, "
              f"without {times['without'][-1]:.2f} s", file=sys.stderr, flush=True)
    ratios = [w / o for w, o in zip(times["with"], times["without"])]
    with_median = statistics.median(times["with"])
    results.add("Build with hooks (strict, all languages)", spread(times["with"]),
                f"< {TARGETS['strict_build_s']:.0f} s", with_median < TARGETS["strict_build_s"])
    results.add("Build without hooks", spread(times["without"]))
    results.add("Ratio with / without hooks, per pair", spread(ratios, unit=""),
                f"≤ {TARGETS['ratio']}", statistics.median(ratios) <= TARGETS["ratio"])
    # Pagefind replaces Material's search plugin, which the build without hooks lacks too.
    no_search = [(w - p) / o for w, p, o in zip(times["with"], pagefind, times["without"])]
    results.add("… of which Pagefind indexing", spread(pagefind))
    results.add("Ratio leaving out Pagefind", spread(no_search, unit=""))
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    results.add("Pages built (HTML files)", f"{len(pages)}; largest {largest.stat().st_size / 1024:.0f} KiB "
                f"({largest.relative_to(site).as_posix()})")
    return site


# ---- the translators' preview -------------------------------------------------------------

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


# What the serve measurement edits: a page, and a data text that a page shows. The marker
# goes where the build shows it: page text, or a glossary definition.
SERVE_EDITS = {
    "page": ("{lang}/index.md", None, "{lang}/"),
    "data file": ("{lang}/data/glossary.yml", "definition: ", "{lang}/glossary/"),
}


def serve_rebuilds(lang: str, edits: int, cache: Path) -> dict[str, list[float]]:
    """`mkdocs serve` with English and `lang` in a copy of the project: seconds from saving
    a file until the server sends the page with the change, `edits` times per kind of file."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = Path(tmp)
        for name in ("docs", "overrides", "hooks"):
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        port = _free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PEERGUIDE_CACHE": str(cache)}
        env.update({f"PEERGUIDE_BUILD_{code.upper()}": "false" for code in TRANSLATIONS if code != lang})
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 120
            while _fetch(base + f"{lang}/") is None:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("mkdocs serve did not start")
                time.sleep(0.1)
            times: dict[str, list[float]] = {}
            for kind, (source, after, url) in SERVE_EDITS.items():
                path = project / "docs" / source.format(lang=lang)
                original = path.read_text(encoding="utf-8")
                times[kind] = []
                for edit in range(edits):
                    time.sleep(1.0)  # let the watcher settle after the previous build
                    marker = f"benchedit{edit}x{time.time_ns()}"
                    if after is None:
                        changed = original + f"\n{marker}\n"
                    else:
                        changed = original.replace(after, after + marker + " ", 1)
                    start = time.perf_counter()
                    path.write_text(changed, encoding="utf-8")
                    while marker not in (_fetch(base + url.format(lang=lang)) or ""):
                        if time.perf_counter() - start > 60:
                            sys.exit(f"the {kind} edit never showed up")
                        time.sleep(0.02)
                    times[kind].append(time.perf_counter() - start)
                path.write_text(original, encoding="utf-8")
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def bench_serve(results: Results, work: Path, lang: str, edits: int) -> None:
    times = serve_rebuilds(lang, edits, work / "cache")
    for kind, values in times.items():
        results.add(f"`make serve LANG={lang}`: saved {kind} to page", spread(values),
                    f"≤ {TARGETS['serve_s']:.0f} s", statistics.median(values) <= TARGETS["serve_s"])


# ---- first loads ----------------------------------------------------------------------

@dataclass
class Load:
    requests: int
    bytes: int
    scripts: list[str]
    search: list[str]


def first_load(browser, url: str) -> Load:
    """Open `url` as a first-time reader on a phone: fresh profile, cache off. Counts every
    request and the bytes that came over the wire for it (headers and gzipped body)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    received: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda event: urls.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished",
           lambda event: received.__setitem__(event["requestId"], int(event["encodedDataLength"])))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # anything a script starts after the network went quiet
    context.close()
    fetched = [u for u in urls.values() if not u.startswith("data:")]
    return Load(
        requests=len(fetched),
        bytes=sum(received.values()),
        scripts=sorted({u.rsplit("/", 1)[-1] for u in fetched if u.split("?")[0].endswith(".js")}),
        search=[u for u in fetched if "pagefind" in u],
    )


def bench_first_loads(results: Results, server: StaticServer) -> None:
    from playwright.sync_api import sync_playwright

    loads: dict[tuple[str, str], Load] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for lang in LANGUAGES:
                prefix = "" if lang == "en" else f"{lang}/"
                for name, path in PAGES.items():
                    loads[(name, lang)] = first_load(browser, server.url(prefix + path))
        finally:
            browser.close()
    for name in PAGES:
        per_language = [loads[(name, lang)] for lang in LANGUAGES]
        most_bytes = max(load.bytes for load in per_language)
        most_requests = max(load.requests for load in per_language)
        results.add(f"First load, {name} (6 languages): transferred",
                    span([load.bytes / 1000 for load in per_language], "{:.1f}") + " KB",
                    "≤ 100 KB", most_bytes <= TARGETS["first_load_bytes"])
        results.add(f"First load, {name}: requests",
                    span([load.requests for load in per_language], "{}") + "; scripts: "
                    + (", ".join(sorted({script for load in per_language for script in load.scripts})) or "none"),
                    f"≤ {TARGETS['first_load_requests']}", most_requests <= TARGETS["first_load_requests"])
    search = sorted({url for load in loads.values() for url in load.search})
    results.add("Requests for search before the reader opens it", f"{len(search)}", "0", not search)


# ---- Lighthouse ---------------------------------------------------------------------------

def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--chrome-flags=--headless=new --no-sandbox",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--output=json", f"--output-path={out}"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["failed"] = sorted(
        audit_id for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary")
    return scores


def bench_lighthouse(results: Results, server: StaticServer, work: Path, runs: int) -> None:
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make bench`, which installs it")
    for name, path in PAGES.items():
        for lang in LIGHTHOUSE_LANGUAGES:
            prefix = "" if lang == "en" else f"{lang}/"
            reports = [lighthouse(server.url(prefix + path), work / f"lighthouse-{name}-{lang}-{run}.json")
                       for run in range(runs)]
            score = {key: statistics.median(report[key] for report in reports)
                     for key in ("performance", "accessibility", "best-practices", "seo", "cls")}
            met = (score["performance"] >= TARGETS["lighthouse_performance"]
                   and all(score[key] >= TARGETS["lighthouse_other"]
                           for key in ("accessibility", "best-practices", "seo"))
                   and score["cls"] <= TARGETS["cls"])
            failed = sorted({audit for report in reports for audit in report["failed"]})
            results.add(f"Lighthouse mobile, {name}, {lang}",
                        f"{score['performance']:.0f} / {score['accessibility']:.0f} / "
                        f"{score['best-practices']:.0f} / {score['seo']:.0f}; CLS {score['cls']:.3f}"
                        + (f"; failing: {', '.join(failed)}" if failed else ""),
                        "≥ 98 / 100 / 100 / 100; CLS 0", met)


# ---- handouts -------------------------------------------------------------------------------

def bench_handouts(results: Results, site: Path, work: Path) -> None:
    """Print every handout of every language from the built site, into an empty cache."""
    env = {**os.environ, "PEERGUIDE_CACHE": str(work / "handout-cache")}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "handouts.py"), "--site", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the handouts failed:\n{result.stderr[-3000:]}")
    elapsed = time.perf_counter() - start
    count = len(list((work / "handout-cache").rglob("*.pdf")))
    results.add(f"All handouts ({count} PDFs, {os.cpu_count()} processes)", f"{elapsed:.1f} s",
                f"≤ {TARGETS['handouts_s']:.0f} s", elapsed <= TARGETS["handouts_s"])


# ---- the report -----------------------------------------------------------------------------

def machine() -> str:
    return (f"{os.cpu_count()} cores, {platform.freedesktop_os_release().get('PRETTY_NAME', platform.system())}, "
            f"Python {platform.python_version()}")


def write_readme(results: Results, today: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        sys.exit(f"README.md has no {README_START} … {README_END} block to fill")
    block = f"{README_START}\nMeasured by `make bench` on {today} ({machine()}):\n\n{results.table()}\n{README_END}"
    head, rest = text.split(README_START, 1)
    readme.write_text(head + block + rest.split(README_END, 1)[1], encoding="utf-8")
    print("README.md: performance table updated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=5, help="alternating build pairs (default 5)")
    parser.add_argument("--edits", type=int, default=3, help="saves per kind of file under serve (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page, median taken (default 3: one run's score varies by 2)")
    parser.add_argument("--serve-lang", default="da", choices=TRANSLATIONS)
    parser.add_argument("--only", nargs="+", choices=["build", "serve", "loads", "lighthouse", "handouts"],
                        help="measure only these (the others need a build, which 'build' makes)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    parts = set(args.only or ["build", "serve", "loads", "lighthouse", "handouts"])

    results = Results()
    print("| Measure | Value | Target | |\n|---|---|---|---|", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        # The server takes its port first: the site is built for its address (canonical links).
        server = StaticServer(work / "site")
        try:
            if parts - {"serve"}:
                bench_builds(results, work, args.pairs if "build" in parts else 0, server.base_url)
            if "serve" in parts:
                bench_serve(results, work, args.serve_lang, args.edits)
            server.start()
            if "loads" in parts:
                bench_first_loads(results, server)
            if "lighthouse" in parts:
                bench_lighthouse(results, server, work, args.lighthouse_runs)
        finally:
            server.close()
        if "handouts" in parts:
            bench_handouts(results, work / "site", work)

    missed = [row.what for row in results.rows if row.met is False]
    print(f"\n{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else ""))
    if args.readme:
        write_readme(results, datetime.date.today().isoformat())


if __name__ == "__main__":
    main()
