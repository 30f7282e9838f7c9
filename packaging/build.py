"""Build the standalone app (what `make package` runs): a PyInstaller one-folder bundle from packaging/canvas.spec,
then a check that the bundle starts (`canvas --version`), and a report of its size.

    python packaging/build.py [--dist DIR] [--work DIR] [--clean] [--json]

The bundle is DIR/canvas/ (default dist/canvas/); on macOS also DIR/Sensemaking Canvas.app. PyInstaller builds for
the system it runs on: build on Linux, Windows and macOS separately (packaging/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "canvas.spec"
APP = "canvas"


@dataclass(frozen=True)
class Built:
    bundle: str
    program: str
    version: str
    size_bytes: int
    files: int
    build_seconds: float


def bundle_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under `folder` (symbolic links counted once, as links)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        total += path.stat().st_size
        files += 1
    return total, files


def program_in(bundle: Path) -> Path:
    return bundle / (f"{APP}.exe" if sys.platform == "win32" else APP)


def strip_python(bundle: Path) -> int:
    """Strip the symbol tables from the Python library and the standard library's extension modules (Linux).

    Some Pythons ship them unstripped (23 MB instead of 6 MB). Only Python's own files: the libraries numpy and
    scipy bring were patched by auditwheel and no longer load once stripped. Returns the bytes saved.
    """
    tool = shutil.which("strip")
    if not sys.platform.startswith("linux") or tool is None:
        return 0
    internal = bundle / "_internal"
    files = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    before = sum(path.stat().st_size for path in files)
    for path in files:
        subprocess.run([tool, "--strip-unneeded", str(path)], check=True, capture_output=True)
    return before - sum(path.stat().st_size for path in files)


def build(dist: Path, work: Path, *, clean: bool = False) -> Built:
    """Run PyInstaller on the spec and check the program it made. Raises SystemExit with a message on failure."""
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        raise SystemExit(
            "build: PyInstaller is not installed; install it with  .venv/bin/pip install -e '.[package]'"
        ) from None
    arguments = [str(SPEC), "--noconfirm", "--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    if clean:
        arguments.append("--clean")
    started = time.monotonic()
    pyinstaller.run(arguments)
    seconds = time.monotonic() - started
    bundle = dist / APP
    strip_python(bundle)
    program = program_in(bundle)
    if not program.is_file():
        raise SystemExit(f"build: PyInstaller finished but {program} is missing")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, timeout=120, env=environment, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"build: the bundle does not start: {program} --version said {result.stderr.strip()}")
    size, files = bundle_size(bundle)
    return Built(str(bundle), str(program), result.stdout.strip(), size, files, round(seconds, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder (build/)")
    parser.add_argument("--clean", action="store_true", help="start from an empty PyInstaller cache")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    built = build(args.dist.resolve(), args.work.resolve(), clean=args.clean)
    if args.json:
        print(json.dumps(asdict(built), indent=2))
    else:
        print(f"Built {built.version} in {built.build_seconds:.0f} s: {built.bundle}")
        print(f"  {built.size_bytes / 1e6:.0f} MB in {built.files} files; start it with {built.program}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
