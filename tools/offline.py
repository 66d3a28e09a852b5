"""Build the offline copy of the guide (make offline; make build runs it too).

    python tools/offline.py

Builds the whole site, every language, with Material's offline plugin (links that work
from file://, PEERGUIDE_OFFLINE=true) and the handouts last built by tools/handouts.py,
and zips it into the cache folder (.cache/downloads/); the site build copies it to
site/downloads/ and the Handouts page links it with its size (`make offline` also copies
it into an existing site/ at once).
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peerguide.cache import cache_dir  # noqa: E402

NAME = "organising-peer-support"
ZIP_NAME = f"{NAME}-offline.zip"


def main() -> int:
    start = time.perf_counter()
    cache = cache_dir(ROOT)
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site = Path(tmp) / NAME
        env = {**os.environ, "PEERGUIDE_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(site)],
                                cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"The offline copy does not build:\n{result.stdout}{result.stderr}")
        target = cache / "downloads" / ZIP_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site.parent).as_posix())
        partial.replace(target)
    manifest_path = cache / "handouts" / "manifest.json"
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    manifest["offline"] = {"file": ZIP_NAME, "bytes": target.stat().st_size, "date": datetime.date.today().isoformat()}
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
          f"{target.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
