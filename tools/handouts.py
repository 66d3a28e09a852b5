"""Build the PDF handouts of every language (make handouts; make build runs it too).

    python tools/handouts.py [--site DIR] [--lang da ...] [--jobs N]

Builds the site into a temporary folder (or reads an already built one with --site),
puts each handout together from the built pages (peerguide/handouts.py) and prints it
with WeasyPrint, in parallel processes. The PDFs and a manifest (size, pages, date of
each) go to the cache folder, .cache/handouts/ (PEERGUIDE_CACHE to change it); a
handout whose content has not changed since it was last printed is not printed again. The
site build copies them to site/handouts/ and lists them on the Handouts page, so
`make serve` shows the last built ones without rebuilding them.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.utils.yaml import yaml_load  # noqa: E402

from peerguide.cache import cache_dir  # noqa: E402
from peerguide.catalog import load_catalog  # noqa: E402
from peerguide.errors import DataErrors  # noqa: E402
from peerguide.handouts import Plan, assemble, handout_pages  # noqa: E402
from peerguide.printfetch import SiteFetcher  # noqa: E402
from peerguide.site import public_address  # noqa: E402
from peerguide.views.about import with_licence  # noqa: E402

CSS = ROOT / "docs" / "assets" / "stylesheets" / "handout.css"
TEMPLATE = "partials/peerguide/handout.html"


def site_config() -> dict:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)


def languages(config: dict) -> tuple[list[str], str]:
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    locales = [lang["locale"] for lang in i18n["languages"]]
    return locales, next(lang["locale"] for lang in i18n["languages"] if lang.get("default"))


def nav_pages(items) -> list[str]:
    """Every page of mkdocs.yml's navigation, in order."""
    pages = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages += nav_pages(value)
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def edition() -> str:
    """The guide's edition on the title page, as a reader understands it: the day its text
    last changed (the last commit that changed docs/), or today without git history.
    PEERGUIDE_EDITION (YYYY-MM-DD) sets it."""
    if os.environ.get("PEERGUIDE_EDITION"):
        return os.environ["PEERGUIDE_EDITION"]
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "docs"], cwd=ROOT, capture_output=True,
                               text=True, check=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    return found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else datetime.date.today().isoformat()


def page_of_css(label: str) -> str:
    """'Page {page} of {pages}' as a CSS content value: "Page " counter(page) " of " counter(pages)."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", label):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


# --- in each worker process ------------------------------------------------------------------

_worker: dict = {}


def _start_worker(locales: list[str], default: str, catalog: dict | None = None) -> None:
    if _worker:
        return  # forked from the main process, which prepared everything (see main)
    _worker["licence"] = site_config()["extra"]["licence"]
    import jinja2

    from peerguide.render import environment

    _worker["catalog"] = catalog or load_catalog(ROOT / "docs", locales, default)
    _worker["env"] = environment(jinja2.FileSystemLoader(str(ROOT / "overrides")))
    _worker["default"] = default


def render_handout(plan: Plan, site_dir: str, site_url: str, out_dir: str, today: str, build_edition: str,
                   previous: dict | None) -> dict:
    from weasyprint import HTML
    from weasyprint import __version__ as weasyprint_version

    from peerguide.formatting import language_tag, locale_of
    from babel.dates import format_date

    start = time.perf_counter()
    data = _worker["catalog"][plan.lang]
    default = _worker["default"]
    handout = data.handouts[plan.id]
    assembled = assemble(plan, Path(site_dir), site_url, default, str(data.t("handouts.in_guide")))
    # The guide's address only where a reader can open it: never 127.0.0.1 on paper.
    online = (site_url if plan.lang == default else f"{site_url}{plan.lang}/") if public_address(site_url) else None
    locale = locale_of(plan.lang)
    html = _worker["env"].get_template(TEMPLATE).render(
        t=data.t, title=handout.title, description=handout.description, html_lang=language_tag(plan.lang),
        language=data.t(f"language.{plan.lang}"), date=today,
        date_label=format_date(datetime.date.fromisoformat(today), format="long", locale=locale),
        edition=format_date(datetime.date.fromisoformat(build_edition), format="long", locale=locale), online=online, english=assembled.english, sections=assembled.sections,
        sources=assembled.sources, keywords=f"{data.t('site.name')}, {handout.title}",
        licence=with_licence(data.t("site.licence"), _worker["licence"]),
        page_of_css=page_of_css(data.t("handouts.page_of")), stylesheet=CSS.as_uri(),
    )
    target = Path(out_dir) / plan.file
    # The PDF follows from this HTML and the style sheet alone: print it again only if they changed.
    key = hashlib.sha256((html + CSS.read_text(encoding="utf-8") + weasyprint_version).encode()).hexdigest()
    if previous and previous.get("key") == key and target.is_file():
        return {**previous, "seconds": 0.0, "reused": True}
    # WeasyPrint makes a great many objects that all live until the PDF is written: Python's
    # cycle collector scanning them over and over took a tenth of the time. Collect once, after.
    gc.disable()
    try:
        # Only the built site and the style sheet can be read: nothing a page names elsewhere.
        fetcher = SiteFetcher(Path(site_dir), CSS.parent)
        document = HTML(string=html, base_url=site_dir, url_fetcher=fetcher).render(pdf_tags=True)
        document.write_pdf(target, pdf_variant="pdf/ua-1", pdf_tags=True)
        pages = len(document.pages)
        del document
    finally:
        gc.enable()
        gc.collect()
    return {
        "file": plan.file, "handout": plan.id, "lang": plan.lang, "pages": pages,
        "bytes": target.stat().st_size, "date": today, "english": assembled.english, "key": key,
        "seconds": round(time.perf_counter() - start, 2),
    }


# --- the command -------------------------------------------------------------------------------

def build_site(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"The site does not build, so neither do the handouts:\n{result.stdout}{result.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel processes")
    args = parser.parse_args(argv)

    config = site_config()
    locales, default = languages(config)
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    wanted = args.lang or locales
    try:
        catalog = load_catalog(ROOT / "docs", locales, default)
    except DataErrors as exc:
        sys.exit(str(exc))
    nav = nav_pages(config["nav"])
    plans = [
        Plan(handout_id, lang, handout_pages(handout, nav))
        for lang in wanted
        for handout_id, handout in catalog[default].handouts.items()
    ]
    # The longest first, so that the processes finish together.
    plans.sort(key=lambda plan: -len(plan.pages))

    out_dir = cache_dir(ROOT) / "handouts"
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_path = out_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    previous = {entry["file"]: entry for entry in manifest.get("handouts", [])}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="handouts-site-") as tmp:
        site_dir = args.site or Path(tmp) / "site"
        if not args.site:
            build_site(site_dir, site_url)
        built = time.perf_counter()
        today, build_edition = datetime.date.today().isoformat(), edition()
        # Workers forked from here start with WeasyPrint imported and the data loaded (where
        # processes are forked, as on Linux); frozen, those objects are never scanned again.
        import weasyprint  # noqa: F401

        _start_worker(locales, default, catalog)
        gc.freeze()
        with ProcessPoolExecutor(max_workers=args.jobs, initializer=_start_worker, initargs=(locales, default)) as pool:
            jobs = [pool.submit(render_handout, plan, str(site_dir), site_url, str(out_dir), today, build_edition,
                                previous.get(plan.file)) for plan in plans]
            results = [job.result() for job in jobs]
    handouts = dict(previous)
    handouts.update({entry["file"]: {k: v for k, v in entry.items() if k != "reused"} for entry in results})
    manifest["handouts"] = sorted(handouts.values(), key=lambda entry: (entry["lang"], entry["handout"]))
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    end = time.perf_counter()
    reused = sum(1 for entry in results if entry.get("reused"))
    print(f"{len(results)} handouts in {out_dir.relative_to(ROOT) if out_dir.is_relative_to(ROOT) else out_dir}"
          f"{f' ({reused} unchanged, not printed again)' if reused else ''}: "
          f"{end - built:.1f} s to print them ({args.jobs} processes)"
          + ("" if args.site else f", {built - start:.1f} s to build the site first"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
